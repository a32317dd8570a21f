package casework

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// sealedCaseStore returns a store whose case W-001 has sealed fields
// (date_of_birth 1979-02-14), sealed to Maria, its manager, and Maria's
// keys; Dev Patel is on the roster with an age recipient of his own.
func sealedCaseStore(t *testing.T) (string, *keys.Keys) {
	t.Helper()
	dir := oneCaseStore(t)
	mine, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	dev, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	k := &keys.Keys{Email: maria.Email, Identities: []*age.X25519Identity{mine}}
	w := openWorkspace(t, dir, maria)
	w.Keys = k
	r := mine.Recipient().String()
	if _, err := w.Apply(nil, SetStaff{ID: "mrivera", AgeRecipient: &r}.Build); err != nil {
		t.Fatalf("staff set: %v", err)
	}
	devStaff := record.Staff{ID: "dpatel", Name: "Dev Patel", Email: "dpatel@example.org", AgeRecipient: dev.Recipient().String()}
	if _, err := w.Apply(nil, AddStaff{Staff: devStaff}.Build); err != nil {
		t.Fatalf("staff add: %v", err)
	}
	if _, err := w.Apply([]string{"W-001"}, SetSealed{Case: "W-001", Set: map[string]string{"date_of_birth": "1979-02-14"}}.Build); err != nil {
		t.Fatalf("case sealed set: %v", err)
	}
	return dir, k
}

// handSeal writes, as a person would by hand, a sealed.age for case id
// that opens with k (a copy made for another purpose, a file from
// another case): it is well-formed age, and nobody could tell it from
// caseplan's without opening it.
func handSeal(t *testing.T, dir, id string, k *keys.Keys, dob string) {
	t.Helper()
	ct, _, err := sealed.Seal(id, sealed.Fields{DateOfBirth: dob}, []record.Staff{{ID: "mrivera", AgeRecipient: k.Recipient()}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cases", id, "sealed.age"), ct, 0o644); err != nil {
		t.Fatal(err)
	}
}

// wantSealedHandEdit checks err is a refusal naming case id's sealed.age
// as verb ("changed", "added", "removed") by hand.
func wantSealedHandEdit(t *testing.T, err error, id, verb string) {
	t.Helper()
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("err = %v, want a refusal (sealed-hand-edit)", err)
	}
	p := "cases/" + id + "/sealed.age"
	if !hasRule(refused.Findings, p, audit.RuleSealedHandEdit) {
		t.Fatalf("findings = %v, want %s on %s", refused.Findings, audit.RuleSealedHandEdit, p)
	}
	for _, f := range refused.Findings {
		if f.Rule == audit.RuleSealedHandEdit && !strings.Contains(f.Message, "file was "+verb+" by hand") {
			t.Errorf("message %q, want it %s by hand", f.Message, verb)
		}
	}
}

// caseplan commit refuses a sealed.age changed, removed or added by hand
// (nobody can check it without a key), and leaves HEAD, the index and
// every file as they were.
func TestCommitRefusesSealedByHand(t *testing.T) {
	for _, tc := range []struct {
		name, id, verb, hint string
		edit                 func(t *testing.T, dir string, k *keys.Keys)
	}{
		{"changed", "W-001", "changed", "git checkout -- cases/W-001/sealed.age", func(t *testing.T, dir string, k *keys.Keys) {
			handSeal(t, dir, "W-001", k, "1980-01-01")
		}},
		{"removed", "W-001", "removed", "git checkout -- cases/W-001/sealed.age", func(t *testing.T, dir string, k *keys.Keys) {
			if err := os.Remove(filepath.Join(dir, "cases", "W-001", "sealed.age")); err != nil {
				t.Fatal(err)
			}
		}},
		// A case that had none: not left out of the commit as a stray
		// file, since every command reads it as the case's sealed fields.
		{"added", "W-002", "added", "rm cases/W-002/sealed.age", func(t *testing.T, dir string, k *keys.Keys) {
			openTestCase(t, dir, "W-002")
			handSeal(t, dir, "W-002", k, "1980-01-01")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, k := sealedCaseStore(t)
			tc.edit(t, dir, k)
			before := captureState(t, dir)
			w := openWorkspace(t, dir, maria)
			w.Keys = k
			_, err := w.CommitEdits("sealed by hand")
			wantSealedHandEdit(t, err, tc.id, tc.verb)
			var refused *RefusedError
			if errors.As(err, &refused) {
				for _, f := range refused.Findings {
					if f.Rule == audit.RuleSealedHandEdit && !strings.Contains(f.Hint, tc.hint) {
						t.Errorf("hint %q, want %q", f.Hint, tc.hint)
					}
				}
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}

// What case sealed set wrote with --no-commit for a case that had no
// sealed fields is caseplan's: caseplan commit commits both files, naming
// the case in a Caseplan-Sealed trailer.
func TestCommitTakesNewSealedWrittenWithNoCommit(t *testing.T) {
	dir, k := sealedCaseStore(t)
	openTestCase(t, dir, "W-002")
	w := openWorkspace(t, dir, maria)
	w.Keys, w.NoCommit = k, true
	if _, err := w.Apply([]string{"W-002"}, SetSealed{Case: "W-002", Set: map[string]string{"date_of_birth": "1981-05-06"}}.Build); err != nil {
		t.Fatalf("case sealed set --no-commit: %v", err)
	}
	w = openWorkspace(t, dir, maria)
	w.Keys = k
	res, err := w.CommitEdits("sealed fields, committed later")
	if err != nil {
		t.Fatalf("commit: %v", err)
	}
	got := strings.Join(committedFiles(t, dir, res.Commit), " ")
	if want := "cases/W-002/sealed.age cases/W-002/sealed.recipients"; got != want {
		t.Errorf("committed %q, want %q", got, want)
	}
	if tr := gitCLI(t, dir, "log", "-1", "--format=%(trailers:key="+audit.TrailerSealed+",valueonly)"); strings.TrimSpace(tr) != "W-002" {
		t.Errorf("Caseplan-Sealed = %q, want W-002", tr)
	}
	if s := gitCLI(t, dir, "status", "--porcelain", "--untracked-files=all"); s != "" {
		t.Errorf("left in the work tree:\n%s", s)
	}
}

// caseplan edit does not open the editor on a case whose sealed.age was
// changed by hand: an edit of its team would re-seal that file.
func TestEditRefusesSealedByHand(t *testing.T) {
	dir, k := sealedCaseStore(t)
	handSeal(t, dir, "W-001", k, "1980-01-01")
	before := captureState(t, dir)
	w := openWorkspace(t, dir, maria)
	w.Keys = k
	_, err := w.Edit(HandEdit{Case: "W-001", Record: "intake", TempDir: t.TempDir(), Open: func(string) error {
		t.Error("the editor was opened")
		return nil
	}})
	wantSealedHandEdit(t, err, "W-001", "changed")
	assertSameState(t, before, captureState(t, dir))
}

// A write that re-seals a case's sealed fields — a change of its team, a
// case sealed set — reads them from the work tree's sealed.age: one made
// by hand that still opens would be carried into the command's commit
// (or, with --no-commit, taken by caseplan commit as caseplan's), and one
// removed by hand would drop the fields HEAD holds. The write is refused
// as caseplan commit refuses the file, and nothing changes.
func TestReSealRefusesSealedByHand(t *testing.T) {
	dev := record.TeamMember{Name: "Dev Patel", Role: "counselor", Email: "dpatel@example.org"}
	for _, tc := range []struct {
		name     string
		noCommit bool
		removed  bool
		build    Build
	}{
		{"team add", false, false, AddTeamMember{Case: "W-001", Member: dev}.Build},
		{"team add --no-commit", true, false, AddTeamMember{Case: "W-001", Member: dev}.Build},
		{"sealed set --no-commit", true, false, SetSealed{Case: "W-001", Set: map[string]string{"ssn_last4": "4417"}}.Build},
		{"sealed set after a removal", false, true, SetSealed{Case: "W-001", Set: map[string]string{"ssn_last4": "4417"}}.Build},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, k := sealedCaseStore(t)
			verb := "changed"
			if tc.removed {
				verb = "removed"
				if err := os.Remove(filepath.Join(dir, "cases", "W-001", "sealed.age")); err != nil {
					t.Fatal(err)
				}
			} else {
				handSeal(t, dir, "W-001", k, "1980-01-01")
			}
			before := captureState(t, dir)
			w := openWorkspace(t, dir, maria)
			w.Keys, w.NoCommit = k, tc.noCommit
			_, err := w.Apply([]string{"W-001"}, tc.build)
			wantSealedHandEdit(t, err, "W-001", verb)
			assertSameState(t, before, captureState(t, dir))
			if _, err := os.Stat(w.sealedWrittenPath()); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the clone remembers a sealed.age as caseplan's (%v)", err)
			}
		})
	}
}

// A re-seal of a sealed.age caseplan wrote with --no-commit is no hand
// edit: a team change after case sealed set --no-commit re-seals it.
func TestReSealTakesSealedWrittenWithNoCommit(t *testing.T) {
	dir, k := sealedCaseStore(t)
	w := openWorkspace(t, dir, maria)
	w.Keys, w.NoCommit = k, true
	if _, err := w.Apply([]string{"W-001"}, SetSealed{Case: "W-001", Set: map[string]string{"ssn_last4": "4417"}}.Build); err != nil {
		t.Fatalf("case sealed set --no-commit: %v", err)
	}
	res, err := w.Apply([]string{"W-001"}, AddTeamMember{Case: "W-001", Member: record.TeamMember{Name: "Dev Patel", Role: "counselor", Email: "dpatel@example.org"}}.Build)
	if err != nil {
		t.Fatalf("team add --no-commit: %v", err)
	}
	if len(res.Resealed) != 1 {
		t.Errorf("resealed %v, want W-001", res.Resealed)
	}
}
