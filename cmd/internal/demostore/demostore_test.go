package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
)

// TestBuildReproducesTheDemoStore builds the demo store from nothing into a
// new repository and checks it against this repository's: every file under
// cases/ byte for byte against HEAD's, and every generated commit (author,
// author date, message with trailers, and the tree of cases/ it leaves)
// against the commits that touch cases/ on HEAD's first-parent line, oldest
// first. It builds in two parts, the second with -from, as the store grows,
// and validates the store after every step, as each must be valid on its
// day.
func TestBuildReproducesTheDemoStore(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout: the demo store is checked against its history")
	}
	repo, err := gitstore.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	if shallow, err := repo.Git().Storer.Shallow(); err != nil || len(shallow) > 0 {
		t.Skipf("a shallow clone lacks the demo store's history (%v)", err)
	}
	want := casesCommits(t, repo, true)

	dir := t.TempDir()
	built, err := gitstore.Init(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	defer built.Close()
	copyDir(t, filepath.Join(root, "schemas"), filepath.Join(dir, "schemas"))

	start := time.Now()
	const split = "2026-07-01"
	n1, err := build(options{root: dir, before: split, check: true})
	if err != nil {
		t.Fatalf("building the store up to %s: %v", split, err)
	}
	n2, err := build(options{root: dir, from: split, check: true})
	if err != nil {
		t.Fatalf("growing the store from %s: %v", split, err)
	}
	t.Logf("%d + %d commits in %s", n1, n2, time.Since(start).Round(time.Millisecond))

	compareCommits(t, repo, built, want, casesCommits(t, built, false))
	compareFiles(t, filesAtHead(t, repo), filesInWorkTree(t, dir))

	// Steps already in the store are never applied twice.
	steps, err := schedule(stories)
	if err != nil {
		t.Fatal(err)
	}
	last := steps[len(steps)-1].date
	if _, err := build(options{root: dir, from: last}); err == nil || !strings.Contains(err.Error(), "already has caseplan commits dated "+last) {
		t.Errorf("-from the store's last day: %v", err)
	}
}

// commitInfo is what is compared of a commit.
type commitInfo struct {
	hash    plumbing.Hash
	author  string // Name <email> date
	message string
	cases   plumbing.Hash // the tree of cases/
}

func (c commitInfo) String() string {
	subject, _, _ := strings.Cut(c.message, "\n")
	return fmt.Sprintf("%s (%s: %q)", c.hash.String()[:10], c.author, subject)
}

// casesCommits returns the commits on HEAD's first-parent line, oldest
// first: those that change cases/ when onlyCases, else all of them. A
// merge that brings cases/ as its second parent has it (the store grown
// on a branch, go run ./cmd/internal/demostore -from DATE there, then
// merged with --no-ff) stands for that branch's commits that changed
// cases/ since the first parent's: those are the store's history.
func casesCommits(t *testing.T, repo *gitstore.Repo, onlyCases bool) []commitInfo {
	t.Helper()
	head, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	var out []commitInfo
	c, err := repo.Git().CommitObject(head)
	for c != nil {
		if err != nil {
			t.Fatal(err)
		}
		cases := casesTree(t, c)
		var parent *object.Commit
		parentCases := plumbing.ZeroHash
		if c.NumParents() > 0 {
			if parent, err = c.Parent(0); err != nil {
				t.Fatal(err)
			}
			parentCases = casesTree(t, parent)
		}
		switch {
		case onlyCases && cases != parentCases && c.NumParents() > 1:
			side, err := c.Parent(1)
			if err != nil {
				t.Fatal(err)
			}
			if casesTree(t, side) != cases {
				out = append(out, infoOf(c, cases)) // the merge changed cases/ itself
				break
			}
			// The branch's commits that changed cases/, newest first,
			// back to the first parent's cases/.
			for side != nil && casesTree(t, side) != parentCases {
				sideCases := casesTree(t, side)
				var next *object.Commit
				nextCases := plumbing.ZeroHash
				if side.NumParents() > 0 {
					if next, err = side.Parent(0); err != nil {
						t.Fatal(err)
					}
					nextCases = casesTree(t, next)
				}
				if sideCases != nextCases {
					out = append(out, infoOf(side, sideCases))
				}
				side = next
			}
		case !onlyCases || cases != parentCases:
			out = append(out, infoOf(c, cases))
		}
		c = parent
	}
	slices.Reverse(out)
	return out
}

// infoOf is what the test compares of commit c, whose cases/ tree is cases.
func infoOf(c *object.Commit, cases plumbing.Hash) commitInfo {
	return commitInfo{
		hash:    c.Hash,
		author:  fmt.Sprintf("%s <%s> %s", c.Author.Name, c.Author.Email, c.Author.When.Format("2006-01-02 15:04:05 -0700")),
		message: c.Message,
		cases:   cases,
	}
}

// casesTree is the hash of the commit's cases/ tree, zero when it has none.
func casesTree(t *testing.T, c *object.Commit) plumbing.Hash {
	t.Helper()
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	e, err := tree.FindEntry(layout.CasesDir)
	if err != nil {
		return plumbing.ZeroHash
	}
	return e.Hash
}

// compareCommits fails on the first generated commit that differs from
// this repository's, naming both and, when the trees differ, the first
// file that does.
func compareCommits(t *testing.T, repo, built *gitstore.Repo, want, got []commitInfo) {
	t.Helper()
	for i := 0; i < len(want) || i < len(got); i++ {
		switch {
		case i >= len(got):
			t.Fatalf("commit %d of %d is missing: want %s", i+1, len(want), want[i])
		case i >= len(want):
			t.Fatalf("commit %d is one too many: %s (the repository has %d)", i+1, got[i], len(want))
		}
		w, g := want[i], got[i]
		switch {
		case g.author != w.author:
			t.Fatalf("commit %d: author %q, want %q\ngot  %s\nwant %s", i+1, g.author, w.author, g, w)
		case g.message != w.message:
			t.Fatalf("commit %d: message\n%s\nwant\n%s\ngot  %s\nwant %s", i+1, g.message, w.message, g, w)
		case g.cases != w.cases:
			gf, wf := treeFiles(t, built, g.hash), treeFiles(t, repo, w.hash)
			t.Errorf("commit %d leaves a different cases/:\ngot  %s\nwant %s", i+1, g, w)
			compareFiles(t, wf, gf)
			t.FailNow()
		}
	}
}

// filesAtHead returns the files under cases/ in HEAD's tree, by path.
func filesAtHead(t *testing.T, repo *gitstore.Repo) map[string][]byte {
	t.Helper()
	head, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	return treeFiles(t, repo, head)
}

// treeFiles returns the files under cases/ in the commit's tree, by path.
func treeFiles(t *testing.T, repo *gitstore.Repo, commit plumbing.Hash) map[string][]byte {
	t.Helper()
	c, err := repo.Git().CommitObject(commit)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	err = tree.Files().ForEach(func(f *object.File) error {
		if !strings.HasPrefix(f.Name, layout.CasesDir+"/") {
			return nil
		}
		s, err := f.Contents()
		out[f.Name] = []byte(s)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// filesInWorkTree returns the files under dir's cases/, by path.
func filesInWorkTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(filepath.Join(dir, layout.CasesDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// compareFiles fails naming the first path (in order) that is missing,
// extra or different in got, with the first line that differs.
func compareFiles(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	var paths []string
	for p := range want {
		paths = append(paths, p)
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		w, inWant := want[p]
		g, inGot := got[p]
		switch {
		case !inGot:
			t.Fatalf("%s: missing from the generated store", p)
		case !inWant:
			t.Fatalf("%s: generated, but not in this repository's store", p)
		case !bytes.Equal(g, w):
			t.Fatalf("%s differs: %s", p, firstDifference(string(g), string(w)))
		}
	}
}

// firstDifference describes the first line where got and want differ.
func firstDifference(got, want string) string {
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w || i >= len(gl) || i >= len(wl) {
			return fmt.Sprintf("line %d is\n\t%q\nwant\n\t%q", i+1, g, w)
		}
	}
	return "same lines, different bytes"
}

// copyDir copies the regular files of src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestReadmeGrowCommand: the command the README gives to grow the demo
// store names a -from day this repository's store would take — one after
// its last caseplan commit — so that a reader who adds steps and types it
// as written is not refused.
func TestReadmeGrowCommand(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout: the store's last commit is read from its history")
	}
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const cmd = "go run ./cmd/internal/demostore -store . -from "
	_, rest, ok := strings.Cut(string(data), cmd)
	if !ok {
		t.Fatalf("the README has no %q", cmd)
	}
	from, _, _ := strings.Cut(rest, "\n")
	from = strings.TrimSpace(from)
	repo, err := gitstore.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	last, err := lastCaseplanCommit(repo)
	if err != nil {
		t.Fatal(err)
	}
	steps, err := schedule(stories)
	if err != nil {
		t.Fatal(err)
	}
	if day := steps[len(steps)-1].date; last != day {
		t.Errorf("the store's last caseplan commit is read as dated %s; the stories' last step, committed, is dated %s", last, day)
	}
	if from <= last {
		t.Errorf("the README grows the store -from %s, which -from refuses: the store's last caseplan commit is dated %s", from, last)
	}
}
