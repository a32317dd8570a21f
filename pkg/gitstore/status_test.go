package gitstore

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// editsT returns EditsUnder("cases")'s paths, a deletion marked "-".
func editsT(t *testing.T, r *Repo, track func(string) bool) (paths, skipped []string) {
	t.Helper()
	edits, skipped, err := r.EditsUnder("cases", track)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		p := e.Path
		if e.Data == nil {
			p = "-" + p
		} else if want, err := os.ReadFile(filepath.Join(r.Root(), filepath.FromSlash(e.Path))); err != nil || string(want) != string(e.Data) {
			t.Errorf("%s: content %q, want the work tree's %q", e.Path, e.Data, want)
		}
		paths = append(paths, p)
	}
	return paths, skipped
}

// gitStatus is the git CLI's answer to the same question: the paths under
// cases/ whose work tree differs from HEAD, untracked files included.
func gitStatus(t *testing.T, dir string) []string {
	t.Helper()
	out := gitT(t, dir, "status", "--porcelain=v1", "-uall", "--no-renames", "--", "cases")
	var paths []string
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if len(line) < 4 {
			continue
		}
		p := line[3:]
		if strings.Contains(line[:2], "D") {
			p = "-" + p
		}
		paths = append(paths, p)
	}
	slices.SortFunc(paths, func(a, b string) int { return strings.Compare(strings.TrimPrefix(a, "-"), strings.TrimPrefix(b, "-")) })
	return paths
}

func TestEditsUnderAgreesWithGitStatus(t *testing.T) {
	r := newTestRepo(t)
	root := r.Root()
	commitT(t, r, "first",
		put("cases/caseplan.yaml", "organization: x\n"),
		put("cases/A/intake.yaml", "id: A\n"),
		put("cases/A/notes/n1.yaml", "id: n1\n"),
		put("cases/B/intake.yaml", "id: B\n"),
		put("cases/B/iep.yaml", "created: 2026-03-02\n"),
		put("cases/C/intake.yaml", "id: C\n"),
		put("other/readme.txt", "outside cases/\n"),
	)
	// The index's stat data is trusted only for files older than the index
	// (racy git): let a second pass, then rewrite the index with git so the
	// files are clean in its eyes too.
	time.Sleep(1100 * time.Millisecond)
	gitT(t, root, "update-index", "--refresh")

	if got, _ := editsT(t, r, nil); len(got) != 0 {
		t.Fatalf("unchanged store: edits %v", got)
	}

	writeFile(t, root, "cases/A/intake.yaml", "id: A\nstatus: open\n") // changed
	writeFile(t, root, "cases/A/notes/n2.yaml", "id: n2\n")            // new
	os.Remove(filepath.Join(root, "cases/B/iep.yaml"))                 // deleted
	os.RemoveAll(filepath.Join(root, "cases/C"))                       // a whole case deleted
	writeFile(t, root, "cases/D/intake.yaml", "id: D\n")               // a new case
	writeFile(t, root, "cases/A/intake.yaml~", "editor backup\n")      // ignored below
	writeFile(t, root, "cases/A/call-log.txt", "not a record\n")       // untracked, not a record
	writeFile(t, root, ".gitignore", "*~\n")                           // git's own ignore rules
	writeFile(t, root, "other/readme.txt", "changed, but not under cases\n")
	// Same size, same mtime, other bytes: only the ctime (and the racy
	// check) can tell; a reader of stat data must not be fooled.
	p := filepath.Join(root, "cases/caseplan.yaml")
	fi, _ := os.Stat(p)
	writeFile(t, root, "cases/caseplan.yaml", "organization: y\n")
	os.Chtimes(p, fi.ModTime(), fi.ModTime())

	got, _ := editsT(t, r, nil)
	want := gitStatus(t, root)
	if !slices.Equal(got, want) {
		t.Errorf("EditsUnder:\n  %v\ngit status:\n  %v", got, want)
	}
	for _, p := range []string{"cases/A/intake.yaml", "cases/A/notes/n2.yaml", "-cases/B/iep.yaml", "-cases/C/intake.yaml", "cases/D/intake.yaml", "cases/caseplan.yaml", "cases/A/call-log.txt"} {
		if !slices.Contains(got, p) {
			t.Errorf("missing %s in %v", p, got)
		}
	}

	// A track function leaves untracked files out and names them.
	got, skipped := editsT(t, r, func(p string) bool { return strings.HasSuffix(p, ".yaml") })
	if slices.Contains(got, "cases/A/call-log.txt") || !slices.Equal(skipped, []string{"cases/A/call-log.txt"}) {
		t.Errorf("track: edits %v, skipped %v", got, skipped)
	}

	// A change staged with git add and then undone in the work tree is no
	// edit: the work tree is what is compared with HEAD.
	gitT(t, root, "add", "cases/A/intake.yaml")
	writeFile(t, root, "cases/A/intake.yaml", "id: A\n")
	got, _ = editsT(t, r, nil)
	if slices.Contains(got, "cases/A/intake.yaml") {
		t.Errorf("a file equal to HEAD again is listed: %v", got)
	}
}

// A store with no commits yet: every file is new.
func TestEditsUnderNoCommits(t *testing.T) {
	r := newTestRepo(t)
	writeFile(t, r.Root(), "cases/caseplan.yaml", "organization: x\n")
	writeFile(t, r.Root(), "cases/A/intake.yaml", "id: A\n")
	got, _ := editsT(t, r, nil)
	if want := []string{"cases/A/intake.yaml", "cases/caseplan.yaml"}; !slices.Equal(got, want) {
		t.Errorf("edits %v, want %v", got, want)
	}
}

// Unchanged cases cost no reads: a clean file's hash comes from the index
// and a directory whose tree hash matches HEAD's is not descended into.
func TestEditsUnderReadsOnlyWhatChanged(t *testing.T) {
	r := newTestRepo(t)
	var changes []Change
	for _, id := range []string{"A", "B", "C", "D"} {
		changes = append(changes, put("cases/"+id+"/intake.yaml", "id: "+id+"\n"), put("cases/"+id+"/notes/n1.yaml", "id: n1\n"))
	}
	commitT(t, r, "first", changes...)
	time.Sleep(1100 * time.Millisecond)
	gitT(t, r.Root(), "update-index", "--refresh")
	writeFile(t, r.Root(), "cases/A/intake.yaml", "id: A\nstatus: open\n")
	s, err := r.scanUnder("cases", nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.reads != 1 {
		t.Errorf("read %d files to find one edit, want 1", s.reads)
	}
}

// A symbolic link where HEAD has nothing is an edit (NewLink), as git
// status lists it, unless git ignores it: commit must not call a store
// that validate refuses "nothing to commit".
func TestEditsUnderNewLink(t *testing.T) {
	dir := t.TempDir()
	gitT(t, dir, "init", "-q")
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := os.MkdirAll(filepath.Join(dir, "cases/A"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cases/.gitignore"), []byte("*.tmp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"cases/A/iep.yaml", "cases/A/x.tmp"} {
		if err := os.Symlink("/etc/hostname", filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	edits, _, err := r.EditsUnder("cases", nil)
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, e := range edits {
		if e.NewLink {
			if !e.Symlink || e.Data != nil {
				t.Errorf("%s: Symlink %v, Data %q; want a link with no data", e.Path, e.Symlink, e.Data)
			}
			links = append(links, e.Path)
		}
	}
	if want := []string{"cases/A/iep.yaml"}; !slices.Equal(links, want) {
		t.Errorf("new links %v, want %v", links, want)
	}
}
