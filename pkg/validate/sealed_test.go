package validate

import (
	"strings"
	"sync"
	"testing"

	"filippo.io/age"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// testIdentities are age identities of the fixture's staff, made once per
// test run.
var testIdentities = sync.OnceValue(func() map[string]*age.X25519Identity {
	out := map[string]*age.X25519Identity{}
	for _, id := range []string{"mrivera", "aadmin"} {
		i, err := age.GenerateX25519Identity()
		if err != nil {
			panic(err)
		}
		out[id] = i
	}
	return out
})

// withRecipients puts the staff's age recipients on the fixture's roster.
func withRecipients(m memStore) {
	ids := testIdentities()
	m.edit("cases/caseplan.yaml", "    email: mrivera@example.org\n", "    email: mrivera@example.org\n    age_recipient: "+ids["mrivera"].Recipient().String()+"\n")
	m.edit("cases/caseplan.yaml", "    email: aadmin@example.org\n", "    email: aadmin@example.org\n    age_recipient: "+ids["aadmin"].Recipient().String()+"\n")
}

// sealW1 gives case W1 sealed fields encrypted to the staff named.
func sealW1(m memStore, to ...string) {
	withRecipients(m)
	ids := testIdentities()
	var staff []record.Staff
	for _, id := range to {
		staff = append(staff, record.Staff{ID: id, AgeRecipient: ids[id].Recipient().String()})
	}
	ct, list, err := sealed.Seal("W1", sealed.Fields{DateOfBirth: "1980-04-05"}, staff)
	if err != nil {
		panic(err)
	}
	m["cases/W1/sealed.age"], m["cases/W1/sealed.recipients"] = string(ct), string(list)
}

// TestSealedTampered: a recipients list edited by hand to match the team
// while the ciphertext still opens for someone else is caught by the count
// of the header's stanzas; a list without its ciphertext, and a ciphertext
// that is not one, are reported too.
func TestSealedTampered(t *testing.T) {
	for name, c := range map[string]struct {
		edit func(m memStore)
		msg  string
	}{
		"list edited": {func(m memStore) {
			sealW1(m, "mrivera", "aadmin")
			m["cases/W1/sealed.recipients"] = string(sealed.FormatRecipients("W1", sealed.RecipientsOf([]record.Staff{{ID: "mrivera", AgeRecipient: testIdentities()["mrivera"].Recipient().String()}})))
		}, "encrypted to 2 people but sealed.recipients names 1"},
		"list alone": {func(m memStore) {
			sealW1(m, "mrivera")
			delete(m, "cases/W1/sealed.age")
		}, "lists recipients but there are no sealed fields beside it"},
		"not age": {func(m memStore) {
			sealW1(m, "mrivera")
			m["cases/W1/sealed.age"] = "1980-04-05\n"
		}, "sealed.age is not an age-encrypted file"},
		"no list": {func(m memStore) {
			sealW1(m, "mrivera")
			delete(m, "cases/W1/sealed.recipients")
		}, "the sealed fields have no recipients list beside them"},
	} {
		m := base()
		c.edit(m)
		var got []string
		for _, f := range run(t, m, today) {
			if f.Rule == RuleSealedRecipients {
				got = append(got, f.Message)
			}
			if f.Rule == "unknown-file" {
				t.Errorf("%s: the sealed files are not unknown: %s", name, f)
			}
		}
		if len(got) != 1 || !strings.Contains(got[0], c.msg) {
			t.Errorf("%s: %q, want one containing %q", name, got, c.msg)
		}
	}
}
