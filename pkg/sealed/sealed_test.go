package sealed

import (
	"errors"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"github.com/caseplan/caseplan/pkg/record"
)

func identity(t *testing.T) *age.X25519Identity {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestSealOpen: the fields open for each recipient and for nobody else;
// the list names the recipients and no field; the header counts them.
func TestSealOpen(t *testing.T) {
	a, b, c := identity(t), identity(t), identity(t)
	staff := []record.Staff{{ID: "a", AgeRecipient: a.Recipient().String()}, {ID: "b", AgeRecipient: b.Recipient().String()}}
	f := Fields{DateOfBirth: "1980-04-05", CriminalRecord: "a 2011 citation"}
	ct, list, err := Seal("W-1", f, staff)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(ct), "1980") || strings.Contains(string(ct), "citation") {
		t.Error("plaintext in the ciphertext")
	}
	for _, id := range []*age.X25519Identity{a, b} {
		got, err := Open(ct, []age.Identity{id})
		if err != nil || got != f {
			t.Errorf("open: %+v, %v", got, err)
		}
	}
	if _, err := Open(ct, []age.Identity{c}); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("a stranger: %v", err)
	}
	if _, err := Open(ct, nil); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("no identity: %v", err)
	}
	rs, err := ParseRecipients(list)
	if err != nil || !SameRecipients(rs, RecipientsOf(staff)) {
		t.Errorf("list: %v, %v\n%s", rs, err, list)
	}
	if strings.Contains(string(list), "criminal") || strings.Contains(string(list), "date_of_birth") {
		t.Errorf("the list names a field:\n%s", list)
	}
	if n, err := Stanzas(ct); err != nil || n != 2 {
		t.Errorf("stanzas = %d, %v", n, err)
	}
}

// TestTeam: the manager, roster members on the team (by email) and the
// supervisors, active ones only; those without a recipient apart.
func TestTeam(t *testing.T) {
	no := false
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "mgr", Email: "mgr@x.org", AgeRecipient: "age1m"},
		{ID: "mate", Email: "Mate@x.org", AgeRecipient: "age1t"},
		{ID: "sup", Email: "sup@x.org", Role: "supervisor", AgeRecipient: "age1s"},
		{ID: "gone", Email: "gone@x.org", Role: "supervisor", AgeRecipient: "age1g", Active: &no},
		{ID: "other", Email: "other@x.org", AgeRecipient: "age1o"},
		{ID: "admin", Email: "admin@x.org", Role: "admin", AgeRecipient: "age1a"},
		{ID: "nokey", Email: "nokey@x.org"},
	}}
	in := &record.Intake{Manager: "mgr", Team: []record.TeamMember{{Name: "Mate", Email: "mate@x.org"}, {Name: "No Key", Email: "nokey@x.org"}, {Name: "Outsider", Email: "out@y.org"}}}
	with, without := Team(cfg, in)
	var ids []string
	for _, s := range with {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, " ") != "mgr mate sup" || len(without) != 1 || without[0].ID != "nokey" {
		t.Errorf("team %v, without %v", ids, without)
	}
}

// TestResealed: a re-seal takes a list that is not the team's to the
// team's; a list left as it was, rewritten to anyone else, or a team
// nobody can be sealed to is no re-seal.
func TestResealed(t *testing.T) {
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "mgr", Email: "mgr@x.org", AgeRecipient: "age1m"},
		{ID: "mate", Email: "mate@x.org", AgeRecipient: "age1t"},
		{ID: "other", Email: "other@x.org", AgeRecipient: "age1o"},
		{ID: "nokey", Email: "nokey@x.org"},
	}}
	in := &record.Intake{Manager: "mgr", Team: []record.TeamMember{{Name: "Mate", Email: "mate@x.org"}}}
	team := RecipientsOf(cfg.Staff[:2])
	mgr, other := RecipientsOf(cfg.Staff[:1]), RecipientsOf(cfg.Staff[2:3])
	reversed := []Recipient{team[1], team[0]}
	for _, tc := range []struct {
		name          string
		before, after []Recipient
		in            *record.Intake
		want          bool
	}{
		{"to the new team", mgr, team, in, true},
		{"to the team, in another order", mgr, reversed, in, true},
		{"from no list", nil, team, in, true},
		{"already sealed to the team", team, reversed, in, false},
		{"to someone else", mgr, other, in, false},
		{"list left as it was", mgr, mgr, in, false},
		{"no intake", mgr, team, nil, false},
		{"nobody to seal to", mgr, nil, &record.Intake{Manager: "nokey"}, false},
	} {
		if got := Resealed(tc.before, tc.after, cfg, tc.in); got != tc.want {
			t.Errorf("%s: Resealed = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCheck: only the last four digits of an SSN; never a full one in any
// field; a date of birth is a past date. Errors never repeat the value.
func TestCheck(t *testing.T) {
	today := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		f    Fields
		want string
	}{
		{Fields{SSNLast4: "6789", DateOfBirth: "1980-04-05"}, ""},
		{Fields{SSNLast4: "123456789"}, "ssn_last4: holds a number shaped like a full Social Security number"},
		{Fields{SSNLast4: "678"}, "ssn_last4: is not four digits"},
		{Fields{Health: "file shows 123-45-6789"}, "health: holds a number shaped like a full Social Security number"},
		{Fields{DateOfBirth: "2027-01-01"}, "date_of_birth: is after today"},
		{Fields{StateIDLast4: "A1-2"}, "state_id_last4: is not four letters or digits"},
	} {
		err := c.f.Check(today)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%+v: %v", c.f, err)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%+v: %v, want %q", c.f, err, c.want)
		case err != nil && (strings.Contains(err.Error(), "6789") || strings.Contains(err.Error(), "2027")):
			t.Errorf("the error repeats the value: %v", err)
		}
	}
}

// TestAbout: every field says what it holds.
func TestAbout(t *testing.T) {
	for _, name := range Names {
		if About[name] == "" {
			t.Errorf("field %s has no About", name)
		}
	}
	if len(About) != len(Names) {
		t.Errorf("About describes %d fields, Names has %d", len(About), len(Names))
	}
}

// A file sealed to the key whose payload was changed afterwards is
// TestLabels: every field has a label a person reads, none the
// internal name it is spelled by, and no two alike.
func TestLabels(t *testing.T) {
	seen := map[string]string{}
	for _, name := range Names {
		l := Labels[name]
		if l == "" || strings.Contains(l, "_") {
			t.Errorf("field %s has label %q", name, l)
		}
		if other, ok := seen[l]; ok {
			t.Errorf("fields %s and %s are both labelled %q", other, name, l)
		}
		seen[l] = name
	}
	if len(Labels) != len(Names) {
		t.Errorf("Labels has %d fields, Names %d", len(Labels), len(Names))
	}
	if got := Labels["date_of_birth"]; got != "Date of birth" {
		t.Errorf("date_of_birth is labelled %q", got)
	}
}

// damaged, not sealed to someone else: the key is not what is wrong.
func TestOpenDamaged(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	staff := []record.Staff{{ID: "mrivera", AgeRecipient: id.Recipient().String()}}
	ct, _, err := Seal("W-001", Fields{DateOfBirth: "1979-02-14"}, staff)
	if err != nil {
		t.Fatal(err)
	}
	ct[len(ct)-3] ^= 0xff
	if _, err := Open(ct, []age.Identity{id}); !errors.Is(err, ErrDamaged) {
		t.Errorf("Open of a changed payload: %v, want ErrDamaged", err)
	}
	other, _ := age.GenerateX25519Identity()
	if _, err := Open(ct, []age.Identity{other}); !errors.Is(err, ErrCannotOpen) {
		t.Errorf("Open with another key: %v, want ErrCannotOpen", err)
	}
}
