package gitstore

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/filemode"
)

func TestTreeAtReadsThePast(t *testing.T) {
	r := newTestRepo(t)
	c1 := commitT(t, r, "one",
		put("cases/A/intake.yaml", "v: 1\n"),
		put("cases/A/notes/n1.yaml", "n1\n"),
		put("cases/a.b", "file sorting before the directory\n"),
		put("cases/A-b/x.yaml", "x\n"),
	)
	commitT(t, r, "two", put("cases/A/intake.yaml", "v: 2\n"), del("cases/A/notes/n1.yaml"))
	writeFile(t, r.Root(), "cases/A/intake.yaml", "v: 3 in the work tree only\n")

	tf, err := r.TreeAt(c1)
	if err != nil {
		t.Fatal(err)
	}
	if tf.Commit() != c1 {
		t.Errorf("Commit() = %s", tf.Commit())
	}
	if b, err := tf.ReadFile("cases/A/intake.yaml"); err != nil || string(b) != "v: 1\n" {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
	if b, err := tf.ReadFile("cases/A/notes/n1.yaml"); err != nil || string(b) != "n1\n" {
		t.Errorf("ReadFile deleted later = %q, %v", b, err)
	}
	for _, p := range []string{"cases/A/nope.yaml", "nope/x", "cases/a.b/x", "cases/A/intake.yaml/x"} {
		if _, err := tf.ReadFile(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("ReadFile(%q) err = %v, want fs.ErrNotExist", p, err)
		}
	}
	if _, err := tf.ReadFile("cases/A"); err == nil {
		t.Error("ReadFile of a directory: no error")
	}

	list, err := tf.List("cases/A")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Name: "intake.yaml", Mode: filemode.Regular},
		{Name: "notes", IsDir: true, Mode: filemode.Dir},
	}
	hashes := []string{gitT(t, r.Root(), "rev-parse", c1.String()+":cases/A/intake.yaml"), gitT(t, r.Root(), "rev-parse", c1.String()+":cases/A/notes")}
	for i := range list {
		if i < len(hashes) && list[i].Hash.String()+"\n" != hashes[i] {
			t.Errorf("List[%d].Hash = %s, want %s", i, list[i].Hash, hashes[i])
		}
		list[i].Hash = [20]byte{}
	}
	if !slices.Equal(list, want) {
		t.Errorf("List = %+v, want %+v", list, want)
	}
	full, _ := tf.List("cases/A")
	if size, err := tf.Size(full[0]); err != nil || size != 5 {
		t.Errorf("Size = %d, %v; want 5", size, err)
	}
	if size, err := tf.Size(full[1]); err != nil || size != 0 {
		t.Errorf("Size(dir) = %d, %v; want 0", size, err)
	}
	if _, err := tf.List("cases/nope"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("List missing: %v", err)
	}

	var paths []string
	err = tf.Walk(".", func(p string, e Entry) error {
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// "A-b" before "A": git compares the directory "A" as "A/", and '-' < '/'.
	wantPaths := []string{"cases", "cases/A-b", "cases/A-b/x.yaml", "cases/A", "cases/A/intake.yaml", "cases/A/notes", "cases/A/notes/n1.yaml", "cases/a.b"}
	if !slices.Equal(paths, wantPaths) {
		t.Errorf("Walk = %q, want %q", paths, wantPaths)
	}
	// Walk's order is the index's (byte) order of the file paths.
	var files []string
	for _, p := range paths {
		if b, err := tf.ReadFile(p); err == nil && b != nil {
			files = append(files, p)
		}
	}
	if !slices.IsSorted(files) {
		t.Errorf("files not in byte order: %q", files)
	}

	paths = nil
	err = tf.Walk("cases", func(p string, e Entry) error {
		paths = append(paths, p)
		switch p {
		case "cases/A-b":
			return fs.SkipDir
		case "cases/A/intake.yaml":
			return fs.SkipAll
		}
		return nil
	})
	if err != nil || !slices.Equal(paths, []string{"cases/A-b", "cases/A", "cases/A/intake.yaml"}) {
		t.Errorf("Walk with skips = %q, %v", paths, err)
	}
}

func TestTreeShowsSymlinks(t *testing.T) {
	r := newTestRepo(t)
	dir := r.Root()
	commitT(t, r, "base", put("cases/A/intake.yaml", "a\n"))
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "cases/A/iep.yaml")); err != nil {
		t.Skip(err)
	}
	gitT(t, dir, "add", "cases/A/iep.yaml")
	gitT(t, dir, "commit", "-q", "-m", "a symlink")
	head, err := r.ResolveRevision("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	tf, err := r.TreeAt(head)
	if err != nil {
		t.Fatal(err)
	}
	list, err := tf.List("cases/A")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "iep.yaml" || list[0].Mode != filemode.Symlink || list[0].IsDir {
		t.Errorf("List = %+v", list)
	}
	if _, err := tf.ReadFile("cases/A/iep.yaml"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(symlink) err = %v, want ErrNotRegular", err)
	}
	// A commit replaces the symlink with a regular file.
	commitT(t, r, "fix", put("cases/A/iep.yaml", "goals: []\n"))
	if fi, err := os.Lstat(filepath.Join(dir, "cases/A/iep.yaml")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("work tree: %v, %v", fi, err)
	}
	if out := gitT(t, dir, "ls-files", "-s", "cases/A/iep.yaml"); out[:6] != "100644" {
		t.Errorf("index: %s", out)
	}
	if out := gitT(t, dir, "status", "--porcelain"); out != "" {
		t.Errorf("status: %s", out)
	}
}

// TestTreesMatchGit makes random commits over names that sort differently
// as files and as directories, and checks each resulting tree against the
// one git itself writes for the same files.
func TestTreesMatchGit(t *testing.T) {
	r := newTestRepo(t)
	dir := r.Root()
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"a", "a.b", "a-b", "a0", "ab", "b", "a.b.c"}
	model := map[string]string{} // path -> content
	isDirIn := func(p string) bool {
		for q := range model {
			if strings.HasPrefix(q, p+"/") {
				return true
			}
		}
		return false
	}
	for step := range 40 {
		var changes []Change
		seen := map[string]bool{}
		for range 1 + rng.IntN(4) {
			var p string
			if len(model) > 0 && rng.IntN(3) == 0 {
				keys := slices.Sorted(maps.Keys(model))
				p = keys[rng.IntN(len(keys))]
				if seen[p] {
					continue
				}
				seen[p] = true
				changes = append(changes, del(p))
				continue
			}
			parts := make([]string, 1+rng.IntN(3))
			for i := range parts {
				parts[i] = names[rng.IntN(len(names))]
			}
			p = strings.Join(parts, "/")
			conflict := isDirIn(p)
			for d := parentDir(p); d != ""; d = parentDir(d) {
				if _, ok := model[d]; ok || seen[d] {
					conflict = true
				}
			}
			for q := range seen {
				if strings.HasPrefix(q, p+"/") {
					conflict = true
				}
			}
			if conflict || seen[p] {
				continue
			}
			seen[p] = true
			changes = append(changes, put(p, fmt.Sprintf("%s at %d\n", p, step)))
		}
		if len(changes) == 0 {
			continue
		}
		if _, err := r.Commit(CommitRequest{Message: "step", Author: testAuthor, Changes: changes}); err != nil {
			t.Fatalf("step %d %v: %v", step, changes, err)
		}
		for _, c := range changes {
			if c.Delete {
				delete(model, c.Path)
			} else {
				model[c.Path] = string(c.Data)
			}
		}

		// git's own tree for the model, from a scratch index.
		idx := filepath.Join(t.TempDir(), "index")
		var info strings.Builder
		for p := range model {
			blob := strings.TrimSpace(gitT(t, dir, "rev-parse", "HEAD:"+p))
			fmt.Fprintf(&info, "100644 %s\t%s\n", blob, p)
		}
		cmd := exec.Command("sh", "-c", "GIT_INDEX_FILE="+idx+" git update-index --add --index-info && GIT_INDEX_FILE="+idx+" git write-tree")
		cmd.Dir = dir
		cmd.Env = gitEnv(dir)
		cmd.Stdin = strings.NewReader(info.String())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git write-tree: %v: %s", err, out)
		}
		got := strings.TrimSpace(gitT(t, dir, "rev-parse", "HEAD^{tree}"))
		if got != strings.TrimSpace(string(out)) {
			t.Fatalf("step %d: tree %s, git writes %s for\n%s", step, got, out, info.String())
		}
	}
	gitT(t, dir, "fsck", "--strict")
	if out := gitT(t, dir, "status", "--porcelain", "--untracked-files=all"); out != "" {
		t.Errorf("status:\n%s", out)
	}
}
