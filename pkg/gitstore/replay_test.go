package gitstore

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

func treeOf(t *testing.T, r *Repo, c plumbing.Hash) plumbing.Hash {
	t.Helper()
	co, err := object.GetCommit(r.storage, c)
	if err != nil {
		t.Fatal(err)
	}
	return co.TreeHash
}

func TestDiffTreesAgreesWithGit(t *testing.T) {
	r := newTestRepo(t)
	a := commitT(t, r, "a",
		put("cases/A/intake.yaml", "id: A\n"), put("cases/A/notes/n1.yaml", "n1\n"),
		put("cases/B/intake.yaml", "id: B\n"), put("README.md", "r\n"), put("x/y/z.txt", "z\n"))
	b := commitT(t, r, "b",
		put("cases/A/intake.yaml", "id: A\nname: x\n"), put("cases/A/notes/n2.yaml", "n2\n"),
		del("cases/B/intake.yaml"), put("cases/C/intake.yaml", "id: C\n"), del("x/y/z.txt"))
	got, err := r.DiffTrees(treeOf(t, r, a), treeOf(t, r, b))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, c := range got {
		paths = append(paths, c.Path)
	}
	want := strings.Fields(gitT(t, r.Root(), "diff-tree", "-r", "--name-only", "--no-commit-id", a.String(), b.String()))
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("DiffTrees paths = %v\ngit diff-tree     = %v", paths, want)
	}
	for _, c := range got {
		if c.Path == "cases/B/intake.yaml" && !c.To.IsZero() || c.Path == "cases/C/intake.yaml" && !c.From.IsZero() {
			t.Errorf("wrong sides for %+v", c)
		}
	}
}

// A replay takes a file the other side left alone from the commit as it
// is, blob for blob, skips what the other side already did, and hands a
// file both changed to merge with the three versions.
func TestReplay(t *testing.T) {
	r := newTestRepo(t)
	base := commitT(t, r, "base", put("cases/A/iep.yaml", "goals: []\n"), put("cases/A/intake.yaml", "id: A\n"))
	// The remote's side: a new case and an edit of the plan.
	theirs := commitT(t, r, "theirs", put("cases/B/intake.yaml", "id: B\n"), put("cases/A/iep.yaml", "goals: [theirs]\n"))
	// This clone's side, from base: a note, the same plan edited, and the
	// remote's case B added the same way.
	gitT(t, r.Root(), "reset", "-q", "--hard", base.String())
	mine1 := commitT(t, r, "A: note add\n\nCaseplan-Case: A\nCaseplan-Action: note.add\n", put("cases/A/notes/n1.yaml", "n1\n"))
	mine2 := commitT(t, r, "A: goal add", put("cases/A/iep.yaml", "goals: [mine]\n"))
	mine3 := commitT(t, r, "B: case new", put("cases/B/intake.yaml", "id: B\n"))

	var calls []MergeInput
	head, done, err := r.Replay(theirs, []plumbing.Hash{mine1, mine2, mine3}, func(in MergeInput) ([]byte, error) {
		calls = append(calls, in)
		return []byte("goals: [theirs, mine]\n"), nil
	}, ReplayOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 1 || calls[0].Path != "cases/A/iep.yaml" ||
		string(calls[0].Base) != "goals: []\n" || string(calls[0].Ours) != "goals: [mine]\n" || string(calls[0].Theirs) != "goals: [theirs]\n" ||
		calls[0].Commit.Hash != mine2 {
		t.Fatalf("merge calls = %+v", calls)
	}
	if len(done) != 3 || done[0].New.IsZero() || done[1].New.IsZero() || !done[2].New.IsZero() {
		t.Fatalf("replayed = %+v; want the first two copied and the third (already on the branch) skipped", done)
	}
	if head != done[1].New {
		t.Errorf("head = %s, want the last copy %s", head, done[1].New)
	}
	// Linear on top of theirs, with authors, dates and messages kept.
	log := gitT(t, r.Root(), "log", "--format=%H %P|%an|%ad|%s", "--date=iso", theirs.String()+".."+head.String())
	lines := strings.Split(strings.TrimSpace(log), "\n")
	if len(lines) != 2 {
		t.Fatalf("log = %q", log)
	}
	for i, orig := range []plumbing.Hash{mine2, mine1} {
		want := gitT(t, r.Root(), "log", "-1", "--format=%an|%ad|%s", "--date=iso", orig.String())
		if got := lines[i][strings.Index(lines[i], "|")+1:]; got != strings.TrimSpace(want) {
			t.Errorf("copy %d = %q, want %q", i, got, want)
		}
	}
	body := gitT(t, r.Root(), "log", "-1", "--format=%B", done[0].New.String())
	if !strings.Contains(body, "Caseplan-Action: note.add") {
		t.Errorf("trailers lost: %q", body)
	}
	// The note's blob is the original's, not a copy.
	orig, _, _ := r.blobAt(treeOf(t, r, mine1), "cases/A/notes/n1.yaml")
	copied, _, _ := r.blobAt(treeOf(t, r, head), "cases/A/notes/n1.yaml")
	if orig != copied || orig.IsZero() {
		t.Errorf("note blob %s, original %s", copied, orig)
	}
	if got := gitT(t, r.Root(), "show", head.String()+":cases/A/iep.yaml"); got != "goals: [theirs, mine]\n" {
		t.Errorf("merged plan = %q", got)
	}
	gitT(t, r.Root(), "fsck", "--strict", "--no-dangling")
}

func TestAdvance(t *testing.T) {
	r := newTestRepo(t)
	old := commitT(t, r, "old", put("cases/A/intake.yaml", "id: A\n"), put("cases/A/iep.yaml", "goals: []\n"), put("gone.txt", "g\n"))
	// The remote's next commit, made elsewhere and fetched.
	newer := commitT(t, r, "new", put("cases/A/iep.yaml", "goals: [G1]\n"), put("cases/B/intake.yaml", "id: B\n"), del("gone.txt"))
	gitT(t, r.Root(), "reset", "-q", "--hard", old.String())

	// A hand edit of a file the remote changed: refused, nothing moves.
	writeFile(t, r.Root(), "cases/A/iep.yaml", "goals: [mine]\n")
	before := takeSnapshot(t, r)
	err := r.Advance(old, newer, 0)
	var ow *OverwriteError
	if !errors.As(err, &ow) || !reflect.DeepEqual(ow.Paths, []string{"cases/A/iep.yaml"}) {
		t.Fatalf("Advance over a hand edit = %v", err)
	}
	before.assertSame(t, takeSnapshot(t, r))

	// A hand edit elsewhere stays as it is.
	writeFile(t, r.Root(), "cases/A/iep.yaml", "goals: []\n")
	writeFile(t, r.Root(), "cases/A/intake.yaml", "id: A\nname: edited by hand\n")
	if err := r.Advance(old, newer, 0); err != nil {
		t.Fatal(err)
	}
	if head, _ := r.Head(); head != newer {
		t.Fatalf("head = %s, want %s", head, newer)
	}
	if st := gitT(t, r.Root(), "status", "--porcelain"); st != " M cases/A/intake.yaml\n" {
		t.Errorf("git status after Advance = %q; want only the hand edit", st)
	}
	if _, err := os.Stat(filepath.Join(r.Root(), "gone.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file the remote removed is still there: %v", err)
	}
	assertNoLockFiles(t, r)
}
