package history

import (
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// sealFor returns a sealed.age and its recipients list for caseID, holding
// dob, sealed to one new key per staff ID.
func sealFor(t *testing.T, caseID, dob string, staff ...string) (ct, list string) {
	t.Helper()
	var team []record.Staff
	for _, id := range staff {
		k, err := age.GenerateX25519Identity()
		if err != nil {
			t.Fatal(err)
		}
		team = append(team, record.Staff{ID: id, AgeRecipient: k.Recipient().String()})
	}
	c, l, err := sealed.Seal(caseID, sealed.Fields{DateOfBirth: dob}, team)
	if err != nil {
		t.Fatal(err)
	}
	return string(c), string(l)
}

// Only caseplan's sealing commands write a case's sealed.age: verify
// reports an ordinary commit that added, changed or removed it
// (sealed-hand-edit), and not case sealed set, a caseplan commit whose
// Caseplan-Sealed trailer names the case (what a command wrote with
// --no-commit), or a re-seal to a changed team, which writes the
// recipients list anew.
func TestVerifySealedHandEdit(t *testing.T) {
	const id = "2026-AAAAA"
	agePath, listPath := layout.Sealed(id), layout.SealedRecipients(id)
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, id)

	// Added by hand, in a commit that says it is a caseplan commit.
	ct, list := sealFor(t, id, "1979-02-14", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	added := s.caseplanCommit(alice, id, "commit", "hand edits")

	// Set with the command: no finding.
	ct, list = sealFor(t, id, "1979-02-15", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.caseplanCommit(alice, id, "case.sealed.set", "update the sealed fields")

	// Changed by hand, the list left as it was.
	ct, _ = sealFor(t, id, "1979-02-16", "s1")
	s.write(agePath, ct)
	changed := s.caseplanCommit(alice, id, "commit", "hand edits")

	// Written by a command with --no-commit, then committed with
	// caseplan commit, which names the case: no finding.
	ct, list = sealFor(t, id, "1979-02-17", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.commit(alice, id+": sealed fields\n\nCaseplan-Case: "+id+"\nCaseplan-Action: commit\nCaseplan-Sealed: "+id+"\n")

	// Re-sealed to a changed team, with its new list: no finding.
	ct, list = sealFor(t, id, "1979-02-17", "s1", "s2")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.caseplanCommit(alice, id, "case.team.add", "add s2 to the team")

	// Removed by hand.
	s.remove(agePath)
	s.remove(listPath)
	removed := s.caseplanCommit(alice, id, "commit", "hand edits")

	fs, _ := verify(t, s, "")
	expect(t, fs,
		"sealed-hand-edit "+agePath+" "+added,
		"sealed-hand-edit "+agePath+" "+changed,
		"sealed-hand-edit "+agePath+" "+removed)
	for i, verb := range []string{" added ", " changed ", " removed "} {
		if i < len(fs) && (fs[i].Case != id || !strings.Contains(fs[i].Message, "(action commit)"+verb+"the case's sealed fields' file") ||
			!strings.Contains(fs[i].Message, "caseplan case sealed set "+id+" --from ")) {
			t.Errorf("finding %d = %+v, want the case, the action, %q and the way back", i, fs[i], verb)
		}
	}
}
