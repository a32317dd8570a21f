package history

import (
	"fmt"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// sealStaff is a roster whose members have age recipients: s1 alice, s2
// bob, s3 carol.
type sealStaff []record.Staff

func newSealStaff(t *testing.T) sealStaff {
	t.Helper()
	var out sealStaff
	for i, name := range []string{"alice", "bob", "carol"} {
		k, err := age.GenerateX25519Identity()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, record.Staff{ID: fmt.Sprintf("s%d", i+1), Name: name, Email: name + "@example.org", AgeRecipient: k.Recipient().String()})
	}
	return out
}

// roster is the store's caseplan.yaml with every member and their age
// recipient.
func (st sealStaff) roster() string {
	var b strings.Builder
	b.WriteString("organisation: Example Works\nstaff:\n")
	for _, s := range st {
		fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    email: %s\n    age_recipient: %s\n", s.ID, s.Name, s.Email, s.AgeRecipient)
	}
	return b.String()
}

// seal returns a sealed.age and its recipients list for caseID, holding
// dob, sealed to the members with the IDs given, in that order.
func (st sealStaff) seal(t *testing.T, caseID, dob string, ids ...string) (ct, list string) {
	t.Helper()
	var team []record.Staff
	for _, id := range ids {
		for _, s := range st {
			if s.ID == id {
				team = append(team, s)
			}
		}
	}
	c, l, err := sealed.Seal(caseID, sealed.Fields{DateOfBirth: dob}, team)
	if err != nil {
		t.Fatal(err)
	}
	return string(c), string(l)
}

// sealedStore is a store whose roster st has age recipients, with case id
// managed by s1 (alice), its fields set with case sealed set.
func sealedStore(t *testing.T, st sealStaff, id string) *testStore {
	s := newTestStore(t)
	s.write("cases/caseplan.yaml", st.roster())
	s.caseplanCommit(alice, audit.StoreWide, "store.init", "initialise store")
	s.newCase(alice, id)
	ct, list := st.seal(t, id, "1979-02-14", "s1")
	s.write(layout.Sealed(id), ct)
	s.write(layout.SealedRecipients(id), list)
	s.caseplanCommit(alice, id, "case.sealed.set", "set the sealed fields")
	return s
}

func sealedFindings(fs []finding.Finding) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if f.Rule == audit.RuleSealedHandEdit {
			out = append(out, f)
		}
	}
	return out
}

// sameAsVerify checks that SealedHandEdit, which case sealed show asks of
// one commit, finds a hand edit of case id's sealed.age in exactly the
// commits verify reported (fs).
func sameAsVerify(t *testing.T, s *testStore, id string, fs []finding.Finding) {
	t.Helper()
	reported := map[string]bool{}
	for _, f := range fs {
		reported[f.Commit] = true
	}
	repo := s.open()
	for _, h := range strings.Fields(s.git("", "rev-list", "HEAD")) {
		e, err := SealedHandEdit(repo, plumbing.NewHash(h), id)
		if err != nil {
			t.Fatal(err)
		}
		if (e != nil) != reported[h] || e != nil && e.Commit != h {
			t.Errorf("SealedHandEdit(%s) = %+v, verify reported it: %v", h[:12], e, reported[h])
		}
	}
}

// Only caseplan's sealing commands write a case's sealed.age: verify
// reports an ordinary commit that added, changed or removed it
// (sealed-hand-edit), and not case sealed set, a caseplan commit whose
// Caseplan-Sealed trailer names the case (what a command wrote with
// --no-commit), or a re-seal to a changed team: the list before is not
// what the team as the commit leaves it gives, and the list after is. A
// hand edit that rewrites the list to anything else is reported too.
func TestVerifySealedHandEdit(t *testing.T) {
	const id = "2026-AAAAA"
	agePath, listPath := layout.Sealed(id), layout.SealedRecipients(id)
	st := newSealStaff(t)
	s := newTestStore(t)
	s.write("cases/caseplan.yaml", st.roster())
	s.caseplanCommit(alice, audit.StoreWide, "store.init", "initialise store")
	s.newCase(alice, id)

	// Added by hand, in a commit that says it is a caseplan commit.
	ct, list := st.seal(t, id, "1979-02-14", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	added := s.caseplanCommit(alice, id, "commit", "hand edits")

	// Set with the command: no finding.
	ct, list = st.seal(t, id, "1979-02-15", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.caseplanCommit(alice, id, "case.sealed.set", "update the sealed fields")

	// Changed by hand, the list left as it was.
	ct, _ = st.seal(t, id, "1979-02-16", "s1")
	s.write(agePath, ct)
	changed := s.caseplanCommit(alice, id, "commit", "hand edits")

	// Written by a command with --no-commit, then committed with
	// caseplan commit, which names the case: no finding.
	ct, list = st.seal(t, id, "1979-02-17", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.commit(alice, id+": sealed fields\n\nCaseplan-Case: "+id+"\nCaseplan-Action: commit\nCaseplan-Sealed: "+id+"\n")

	// Re-sealed to a changed team (bob added), with its new list: no
	// finding.
	s.write("cases/"+id+"/intake.yaml", "id: "+id+"\nstatus: open\nmanager: s1\nteam:\n  - name: Bob Brown\n    email: bob@example.org\n")
	ct, list = st.seal(t, id, "1979-02-17", "s1", "s2")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.caseplanCommit(alice, id, "case.team.add", "add s2 to the team")

	// Changed by hand with the list rewritten, the team unchanged: the
	// file was sealed to its team already, so this is no re-seal.
	ct, list = st.seal(t, id, "1979-02-18", "s2", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	relisted := s.caseplanCommit(alice, id, "commit", "hand edits")

	// Changed by hand with the team, sealed to someone not on it.
	s.write("cases/"+id+"/intake.yaml", "id: "+id+"\nstatus: open\nmanager: s1\n")
	ct, list = st.seal(t, id, "1979-02-19", "s1", "s3")
	s.write(agePath, ct)
	s.write(listPath, list)
	outsider := s.caseplanCommit(alice, id, "case.team.remove", "remove s2 from the team")

	// Removed by hand.
	s.remove(agePath)
	s.remove(listPath)
	removed := s.caseplanCommit(alice, id, "commit", "hand edits")

	fs, _ := verify(t, s, "")
	fs = sealedFindings(fs)
	expect(t, fs,
		"sealed-hand-edit "+agePath+" "+added,
		"sealed-hand-edit "+agePath+" "+changed,
		"sealed-hand-edit "+agePath+" "+relisted,
		"sealed-hand-edit "+agePath+" "+outsider,
		"sealed-hand-edit "+agePath+" "+removed)
	for i, verb := range []string{" added ", " changed ", " changed ", " changed ", " removed "} {
		if i < len(fs) && (fs[i].Case != id || !strings.Contains(fs[i].Message, verb+"the case's sealed fields' file") ||
			!strings.Contains(fs[i].Message, "caseplan case sealed set "+id+" --from ")) {
			t.Errorf("finding %d = %+v, want the case, %q and the way back", i, fs[i], verb)
		}
	}
	sameAsVerify(t, s, id, fs)
}

// A merge may take either parent's sealed.age; one that leaves a file
// neither parent has (an evil merge) is a hand edit.
func TestVerifySealedMerge(t *testing.T) {
	const id = "2026-AAAAA"
	agePath, listPath := layout.Sealed(id), layout.SealedRecipients(id)
	st := newSealStaff(t)
	s := sealedStore(t, st, id)

	// Each side sets the fields; the merge takes the side's file.
	s.git("", "checkout", "-q", "-b", "side")
	ct, list := st.seal(t, id, "1979-02-15", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.caseplanCommit(alice, id, "case.sealed.set", "update the sealed fields")
	s.git("", "checkout", "-q", "main")
	s.addNote(alice, id, "n1", "phone call")
	s.tick++
	s.git(alice, "merge", "-q", "--no-ff", "-m", "Merge branch 'side'", "side")

	// Both sides set them; the merge keeps its own side's (-s ours).
	s.git("", "checkout", "-q", "side")
	ct, list = st.seal(t, id, "1979-02-16", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.caseplanCommit(alice, id, "case.sealed.set", "update the sealed fields")
	s.git("", "checkout", "-q", "main")
	ct, list = st.seal(t, id, "1979-02-17", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.caseplanCommit(alice, id, "case.sealed.set", "update the sealed fields")
	s.tick++
	s.git(alice, "merge", "-q", "-s", "ours", "--no-ff", "-m", "Merge branch 'side'", "side")

	// Both sides set them again; the merge writes a file of its own.
	s.git("", "checkout", "-q", "side")
	ct, list = st.seal(t, id, "1979-02-18", "s1")
	s.write(agePath, ct)
	s.write(listPath, list)
	s.caseplanCommit(alice, id, "case.sealed.set", "update the sealed fields")
	s.git("", "checkout", "-q", "main")
	s.tick++
	s.git(alice, "merge", "-q", "-s", "ours", "--no-ff", "--no-commit", "side")
	ct, _ = st.seal(t, id, "1979-02-19", "s1")
	s.write(agePath, ct)
	evil := s.commit(alice, "Merge branch 'side'\n\nCaseplan-Case: "+id+"\nCaseplan-Action: case.sealed.set\n")

	fs, _ := verify(t, s, "")
	fs = sealedFindings(fs)
	expect(t, fs, "sealed-hand-edit "+agePath+" "+evil)
	if len(fs) == 1 && !strings.Contains(fs[0].Message, "merge "+evil[:12]+" (action case.sealed.set) changed the case's sealed fields' file, leaving it as neither of its parents had it") {
		t.Errorf("message = %q, want the merge named", fs[0].Message)
	}
	sameAsVerify(t, s, id, fs)
}
