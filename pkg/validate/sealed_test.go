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

// TestSealedFormerKeyOnly: after a lost laptop the roster holds the
// manager's new age recipient, and the fields are sealed to the old one
// only. The finding does not send anyone to the manager to re-seal, as if
// their key on the roster opened them: it says only the former identity
// does, and how the fields are sealed anew if it is lost.
func TestSealedFormerKeyOnly(t *testing.T) {
	m := base()
	sealW1(m, "mrivera")
	fresh, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	m.edit("cases/caseplan.yaml", testIdentities()["mrivera"].Recipient().String(), fresh.Recipient().String())
	var got []string
	for _, f := range run(t, m, today) {
		if f.Rule == RuleSealedRecipients {
			got = append(got, f.Message)
		}
	}
	want := "only the former age identity of mrivera opens them now: if mrivera still has it (caseplan key new --rotate keeps it in the identity file), mrivera runs caseplan case sealed reseal W1; if it is lost, nobody can open them, and the case's manager seals them anew from the participant's documents, starting from none, with caseplan case sealed set W1 --from FIRST^ and a flag for each field, where FIRST is the commit that first sealed them (git log --diff-filter=A --format=%h -- cases/W1/sealed.age)"
	if len(got) != 1 || !strings.Contains(got[0], want) || strings.Contains(got[0], "can read them now") {
		t.Errorf("got %q, want one containing %q", got, want)
	}
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "mrivera", AgeRecipient: fresh.Recipient().String()},
		{ID: "aadmin", AgeRecipient: testIdentities()["aadmin"].Recipient().String()},
	}}
	list := sealed.RecipientsOf([]record.Staff{
		{ID: "mrivera", AgeRecipient: testIdentities()["mrivera"].Recipient().String()},
		{ID: "aadmin", AgeRecipient: testIdentities()["aadmin"].Recipient().String()},
	})
	if readers, former := Readers(cfg, list); strings.Join(readers, ",") != "aadmin" || strings.Join(former, ",") != "mrivera" {
		t.Errorf("Readers: %q, former %q; want aadmin, and mrivera former", readers, former)
	}
}
