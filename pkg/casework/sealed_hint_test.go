package casework

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// A retired member is told why nothing opens for them, and whom to ask,
// never to have the fields re-sealed: a re-seal leaves them out again.
func TestSealedErrorHintRetired(t *testing.T) {
	for _, tc := range []struct {
		name, manager, want string
	}{
		{"team member", "dpatel", "ask dpatel, the case's manager, or a supervisor"},
		// Their own case, not handed on yet: only a supervisor can help.
		{"manager", "alopez", "ask a supervisor for what you need"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &SealedError{Case: "W-001", Recipients: []string{"svisor"}, Staff: "alopez",
				RosterRecipient: "age1x", Mine: "age1x", Retired: true, Manager: tc.manager}
			h := e.Hint()
			if !strings.Contains(h, "you were retired from the staff roster (alopez, active: false)") || !strings.Contains(h, tc.want) {
				t.Errorf("hint %q: want the retirement and %q", h, tc.want)
			}
			if strings.Contains(h, "reseal") {
				t.Errorf("hint %q names a re-seal", h)
			}
		})
	}
}

// Who cannot open a case's sealed fields, and why, decides what they are
// told: one acting with an address the roster does not have (a git
// config's personal one) is told to act as the member they are; a
// recipient without their age identity on this machine, to bring it or
// name it; only someone the file is not sealed to, to have it re-sealed.
func TestCannotOpenSays(t *testing.T) {
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "svisor", Email: "svisor@example.org", Role: "supervisor", AgeRecipient: "age1s"},
		{ID: "dpatel", Email: "dpatel@example.org", AgeRecipient: "age1d"},
		{ID: "alopez", Email: "alopez@example.org", AgeRecipient: "age1a"},
		{ID: "jkim", Email: "jkim@example.org", Role: "navigator", AgeRecipient: "age1j"},
	}}
	c := casefile.New("W-001")
	c.Intake = &record.Intake{ID: "W-001", Manager: "dpatel", Team: []record.TeamMember{{Name: "Jo Kim", Email: "jkim@example.org"}}}
	c.Sealed = &casefile.Sealed{Ciphertext: true, Listed: true, Stanzas: 2,
		Recipients: []sealed.Recipient{{Staff: "svisor"}, {Staff: "dpatel"}}}
	for _, tc := range []struct {
		name, email        string
		msg, hint, notHint string
	}{
		{"off the roster", "dev@home.example",
			"cannot open case W-001's sealed fields: you act as dev@home.example, who is not on the staff roster",
			"act with the email address it has for you (--author", "reseal"},
		{"a recipient without their key here", "dpatel@example.org",
			"cannot open case W-001's sealed fields: dpatel@example.org has no age identity here (/keys/dpatel@example.org.age)",
			"copy the age identity caseplan key new made for you", "if you joined the case"},
		{"on the team, not a recipient", "jkim@example.org",
			"none of your age identities (/keys/jkim@example.org.age) is among their recipients (svisor, dpatel)",
			"caseplan case sealed reseal W-001", "copy the age identity"},
		// Not on the team, a re-seal leaves them out: they are sent to
		// the manager to join it, as a note of theirs is.
		{"not on the team", "alopez@example.org",
			"none of your age identities (/keys/alopez@example.org.age) is among their recipients (svisor, dpatel)",
			"you are not on case W-001's team: its manager, the staff on its team and the supervisors can read them; if your work on the case needs them, ask dpatel, its manager, to add you to its team (caseplan case team add W-001 --staff alopez --role ROLE), which re-seals them to you", "reseal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := &keys.Keys{Email: tc.email, AgePath: "/keys/" + tc.email + ".age"}
			e := cannotOpen(cfg, c, k)
			if !strings.Contains(e.Error(), tc.msg) {
				t.Errorf("message %q: want %q", e.Error(), tc.msg)
			}
			if h := e.Hint(); !strings.Contains(h, tc.hint) || strings.Contains(h, tc.notHint) {
				t.Errorf("hint %q: want %q and not %q", h, tc.hint, tc.notHint)
			}
		})
	}
}

// A damaged file's refusal names the file, then what is wrong with it,
// as a sentence reads: "FILE: it is damaged", not "FILE it is damaged".
func TestDamagedSealedErrorNamesTheFile(t *testing.T) {
	e := &DamagedSealedError{Case: "W-001", Path: "cases/W-001/sealed.age", Err: sealed.ErrDamaged, Changed: "83e6cabd2f6e0000"}
	want := "cannot open case W-001's sealed fields: cases/W-001/sealed.age: it is damaged: it is sealed to your key, but its content was changed after it was sealed and does not decrypt; it was last changed by commit 83e6cabd2f6e"
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// A file that opens but that no caseplan command wrote names the commit
// that put it there, and the way back seals the fields its parent held.
func TestHandSealedError(t *testing.T) {
	for _, tc := range []struct {
		edit audit.SealedEdit
		want string
	}{
		{audit.SealedEdit{Commit: "83e6cabd2f6e0000", Action: "commit"}, "last changed by commit 83e6cabd2f6e (action commit), which is not a caseplan command"},
		{audit.SealedEdit{Commit: "83e6cabd2f6e0000", Merge: true}, "last changed by merge 83e6cabd2f6e (no Caseplan-Action), which"},
	} {
		e := &HandSealedError{Case: "W-001", Path: "cases/W-001/sealed.age", Edit: tc.edit}
		if !strings.Contains(e.Error(), tc.want) || !strings.Contains(e.Error(), "cases/W-001/sealed.age was put there by hand") {
			t.Errorf("Error() = %q, want %q and the file", e.Error(), tc.want)
		}
		if want := "caseplan case sealed show W-001 --at 83e6cabd2f6e^) and seal them again, with any set since, as the case's team now stands: caseplan case sealed set W-001 --from 83e6cabd2f6e^"; !strings.HasSuffix(e.Hint(), want) {
			t.Errorf("Hint() = %q, want it to end %q", e.Hint(), want)
		}
	}
}

// A former manager of a case handed on again since is sent to the one
// who manages it now, not to the one it went to from them.
func TestSealedErrorHintTransferredTwice(t *testing.T) {
	e := &SealedError{Case: "W-001", Recipients: []string{"cy", "svisor"}, Staff: "ann",
		RosterRecipient: "age1x", Mine: "age1x", Manager: "cy",
		Left: &record.Transfer{Date: "2026-12-07", From: "ann", To: "ben"}}
	want := "case W-001 was transferred from you to ben on 2026-12-07, and is cy's now; its sealed fields are sealed to its team as it now stands: ask cy, its manager, or a supervisor for what you need"
	if h := e.Hint(); h != want {
		t.Errorf("hint = %q\nwant   %q", h, want)
	}
}
