package gitstore

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// TestStagedUnder: the index entries under cases/ that differ from HEAD,
// found both when the index's cache tree says which directories are as
// HEAD has them (git write-tree fills it; git update-index invalidates the
// path it changes) and when the index has none.
func TestStagedUnder(t *testing.T) {
	dir := gitIndexRepo(t)
	gitT(t, dir, "write-tree")
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	idx, err := readIndex(filepath.Join(dir, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	trees := idx.cachedTrees()
	if want := strings.TrimSpace(gitT(t, dir, "rev-parse", "HEAD:cases/K1")); trees["cases/K1"] != plumbing.NewHash(want) {
		t.Fatalf("cache tree of cases/K1 = %v, want %s (all: %v)", trees["cases/K1"], want, trees)
	}
	if want := strings.TrimSpace(gitT(t, dir, "rev-parse", "HEAD^{tree}")); trees[""] != plumbing.NewHash(want) {
		t.Fatalf("cache tree of the root = %v, want %s", trees[""], want)
	}
	staged := func(want ...string) {
		t.Helper()
		got, err := r.StagedUnder("cases")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("StagedUnder = %q, want %q", got, want)
		}
	}
	staged()
	// The mode staged alone: the path's nodes are invalidated.
	gitT(t, dir, "update-index", "--chmod=+x", "cases/K1/notes/n1.yaml")
	staged("cases/K1/notes/n1.yaml")
	// The cache tree filled again, now with another hash than HEAD's.
	gitT(t, dir, "write-tree")
	staged("cases/K1/notes/n1.yaml")
	// Staged content, and a file HEAD does not have, in another case.
	writeFile(t, dir, "cases/K2/intake.yaml", "changed\n")
	writeFile(t, dir, "cases/K2/notes/new.yaml", "new\n")
	gitT(t, dir, "add", "cases/K2")
	staged("cases/K1/notes/n1.yaml", "cases/K2/intake.yaml", "cases/K2/notes/new.yaml")
	// Back as HEAD has it, with the cache tree filled: nothing.
	gitT(t, dir, "reset", "-q")
	gitT(t, dir, "write-tree")
	staged()
	// A file taken out of the index (git rm --cached).
	gitT(t, dir, "rm", "-q", "--cached", "cases/K2/intake.yaml")
	staged("cases/K2/intake.yaml")
}
