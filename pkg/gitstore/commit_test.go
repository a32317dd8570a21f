package gitstore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

func TestCommitFirstAndSecond(t *testing.T) {
	r := newTestRepo(t)
	if h, err := r.Head(); err != nil || !h.IsZero() {
		t.Fatalf("Head on an unborn branch = %v, %v; want zero, nil", h, err)
	}
	msg1 := "2026-K7QX2: case opened\n\nCaseplan-Case: 2026-K7QX2\nCaseplan-Action: case.new\n"
	c1 := commitT(t, r, msg1,
		put("cases/caseplan.yaml", "organisation: Example\n"),
		put("cases/2026-K7QX2/intake.yaml", "id: 2026-K7QX2\n"),
		put("cases/2026-K7QX2/notes/2026-03-02-ab12.yaml", "id: ab12\n"),
		put("cases/2026-K7QX2/old/only.yaml", "x: 1\n"),
		put("README.md", "demo\n"),
	)
	if h, _ := r.Head(); h != c1 {
		t.Fatalf("Head = %s, want %s", h, c1)
	}
	c2 := commitT(t, r, "2026-K7QX2: note added",
		put("cases/2026-K7QX2/notes/2026-03-03-cd34.yaml", "id: cd34\n"),
		put("cases/2026-K7QX2/intake.yaml", "id: 2026-K7QX2\nstatus: open\n"),
		del("cases/2026-K7QX2/old/only.yaml"),
	)
	dir := r.Root()

	if out := gitT(t, dir, "fsck", "--strict", "--no-dangling"); strings.TrimSpace(out) != "" {
		t.Errorf("git fsck: %s", out)
	}
	if out := gitT(t, dir, "status", "--porcelain", "--untracked-files=all"); out != "" {
		t.Errorf("git status after commits:\n%s", out)
	}
	if got := gitT(t, dir, "rev-parse", "HEAD", "HEAD^"); got != c2.String()+"\n"+c1.String()+"\n" {
		t.Errorf("history = %q", got)
	}
	log := gitT(t, dir, "log", "-1", "--format=%an%n%ae%n%cn%n%B", c1.String())
	if want := "Dana Example\ndana@example.org\nDana Example\n" + msg1 + "\n"; log != want {
		t.Errorf("git log = %q, want %q", log, want)
	}
	if got := gitT(t, dir, "log", "-1", "--format=%(trailers:key=Caseplan-Action,valueonly)", c1.String()); strings.TrimSpace(got) != "case.new" {
		t.Errorf("trailer = %q", got)
	}
	if got := gitT(t, dir, "log", "-1", "--format=%B", c2.String()); got != "2026-K7QX2: note added\n\n" {
		t.Errorf("message without final newline = %q", got)
	}
	files := gitT(t, dir, "ls-tree", "-r", "--name-only", "HEAD")
	want := "README.md\ncases/2026-K7QX2/intake.yaml\ncases/2026-K7QX2/notes/2026-03-02-ab12.yaml\ncases/2026-K7QX2/notes/2026-03-03-cd34.yaml\ncases/caseplan.yaml\n"
	if files != want {
		t.Errorf("HEAD files:\n%s\nwant:\n%s", files, want)
	}
	// The deleted file's directory is gone from the tree and the work tree.
	if _, err := os.Stat(filepath.Join(dir, "cases/2026-K7QX2/old")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("empty directory left behind: %v", err)
	}
	if got := gitT(t, dir, "show", "HEAD:cases/2026-K7QX2/intake.yaml"); got != "id: 2026-K7QX2\nstatus: open\n" {
		t.Errorf("intake at HEAD = %q", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "cases/2026-K7QX2/notes/2026-03-03-cd34.yaml")); string(b) != "id: cd34\n" {
		t.Errorf("work tree note = %q", b)
	}
	fi, _ := os.Stat(filepath.Join(dir, "cases/2026-K7QX2/intake.yaml"))
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v", fi.Mode())
	}
	assertIndexStatExact(t, r, "cases/2026-K7QX2/intake.yaml", "cases/2026-K7QX2/notes/2026-03-03-cd34.yaml")

	// go-git reads the index written here, and agrees that all is clean.
	wt, err := r.Git().Worktree()
	if err != nil {
		t.Fatal(err)
	}
	st, err := wt.Status()
	if err != nil {
		t.Fatal(err)
	}
	if !st.IsClean() {
		t.Errorf("go-git status:\n%s", st)
	}
}

// assertIndexStatExact checks that the index entries carry the files' real
// stat data, so git trusts them without re-reading the files.
func assertIndexStatExact(t *testing.T, r *Repo, paths ...string) {
	t.Helper()
	idx, err := readIndex(filepath.Join(r.gitDir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		i := idx.find(p)
		if i < 0 {
			t.Errorf("%s: not in the index", p)
			continue
		}
		fi, err := os.Lstat(filepath.Join(r.Root(), p))
		if err != nil {
			t.Fatal(err)
		}
		got := idx.fixed(&idx.entries[i])
		want := idx.newEntry(p, [20]byte(got[40:60]), statFromInfo(fi), false)
		if string(idx.fixed(&want)) != string(got) {
			t.Errorf("%s: index entry %x, want %x", p, got, idx.fixed(&want))
		}
		if runtime.GOOS == "linux" && statFromInfo(fi).ino == 0 {
			t.Errorf("%s: no inode in stat data", p)
		}
	}
	// git agrees: diff-files does not refresh, so it would list a path
	// whose stat data differs from the file's.
	if out := gitT(t, r.Root(), append([]string{"diff-files", "--name-only", "--"}, paths...)...); out != "" {
		t.Errorf("git sees stat changes in %s", out)
	}
}

func TestCommitLeavesOtherChangesAlone(t *testing.T) {
	for _, version := range []string{"2", "3", "4"} {
		t.Run("index-v"+version, func(t *testing.T) {
			r := newTestRepo(t)
			dir := r.Root()
			commitT(t, r, "base",
				put("cases/A/intake.yaml", "a: 1\n"),
				put("cases/A/notes/n1.yaml", "n: 1\n"),
				put("cases/B/intake.yaml", "b: 1\n"),
				put("cases/B/iep.yaml", "i: 1\n"),
				put("cases/C/intake.yaml", "c: 1\n"),
			)
			// A CLI commit leaves a TREE (cache-tree) extension in the index
			// covering cases/A/notes, which must not go stale.
			writeFile(t, dir, "cases/C/services.yaml", "s: 1\n")
			gitT(t, dir, "add", "cases/C/services.yaml")
			gitT(t, dir, "commit", "-q", "-m", "cli commit")
			gitT(t, dir, "update-index", "--index-version", version)

			writeFile(t, dir, "cases/B/intake.yaml", "b: 2 unstaged\n") // modified, not staged
			writeFile(t, dir, "cases/B/iep.yaml", "i: 2 staged\n")      // modified and staged
			gitT(t, dir, "add", "cases/B/iep.yaml")
			writeFile(t, dir, "cases/B/iep.yaml", "i: 3 staged then edited\n")
			writeFile(t, dir, "scratch.txt", "untracked\n") // untracked
			gitT(t, dir, "update-index", "--assume-unchanged", "cases/C/intake.yaml")
			if version != "2" {
				writeFile(t, dir, "cases/D/intake.yaml", "d: 1\n")
				gitT(t, dir, "add", "-N", "cases/D/intake.yaml") // intent to add: an extended flag
			}
			// Files older than the index are trusted by their stat data, so
			// their entries must come through byte for byte (see
			// TestRacyEntriesAreSmudged for the others).
			ageFiles(t, dir)

			statusBefore := gitT(t, dir, "status", "--porcelain", "--untracked-files=all")
			lsBefore := otherEntries(gitT(t, dir, "ls-files", "--stage", "--debug", "-v"), "cases/A/notes/n2.yaml")
			stagedBefore := gitT(t, dir, "diff", "--cached")

			r2, err := Open(dir) // fresh go-git view after the CLI's changes
			if err != nil {
				t.Fatal(err)
			}
			defer r2.Close()
			c := commitT(t, r2, "A: note", put("cases/A/notes/n2.yaml", "n: 2\n"))

			if got := gitT(t, dir, "show", "--name-only", "--format=", "HEAD"); got != "cases/A/notes/n2.yaml\n" {
				t.Errorf("commit holds %q", got)
			}
			if got := gitT(t, dir, "status", "--porcelain", "--untracked-files=all"); got != statusBefore {
				t.Errorf("status after:\n%s\nbefore:\n%s", got, statusBefore)
			}
			if got := otherEntries(gitT(t, dir, "ls-files", "--stage", "--debug", "-v"), "cases/A/notes/n2.yaml"); got != lsBefore {
				t.Errorf("other index entries changed:\n%s\nbefore:\n%s", got, lsBefore)
			}
			if got := gitT(t, dir, "diff", "--cached"); got != stagedBefore {
				t.Errorf("staged diff changed:\n%s\nbefore:\n%s", got, stagedBefore)
			}
			if v := gitT(t, dir, "ls-files", "-v", "cases/C/intake.yaml"); !strings.HasPrefix(v, "h ") {
				t.Errorf("assume-unchanged lost: %q", v)
			}
			if idx, _ := readIndex(filepath.Join(r2.gitDir, "index")); strconv.Itoa(int(idx.version)) != version {
				t.Errorf("index version %d, want %s", idx.version, version)
			}
			assertIndexStatExact(t, r2, "cases/A/notes/n2.yaml")

			// The person's own next commit holds the staged change and keeps
			// ours: a stale cached tree for cases/A would drop n2.yaml here.
			gitT(t, dir, "commit", "-q", "-m", "person's staged change")
			files := gitT(t, dir, "ls-tree", "-r", "--name-only", "HEAD")
			if !strings.Contains(files, "cases/A/notes/n2.yaml\n") {
				t.Errorf("our file lost by the next git commit:\n%s", files)
			}
			if got := gitT(t, dir, "show", "HEAD:cases/B/iep.yaml"); got != "i: 2 staged\n" {
				t.Errorf("staged content committed by git = %q", got)
			}
			if got := gitT(t, dir, "rev-parse", "HEAD^"); strings.TrimSpace(got) != c.String() {
				t.Errorf("parent = %s, want %s", got, c)
			}
			gitT(t, dir, "fsck", "--strict")
		})
	}
}

// ageFiles sets every work tree file's mtime an hour back and lets git
// refresh its index to match.
func ageFiles(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Name() == ".git" {
			if err == nil {
				err = fs.SkipDir
			}
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	gitT(t, dir, "status", "--porcelain")
}

func TestRacyEntriesAreSmudged(t *testing.T) {
	r := newTestRepo(t)
	dir := r.Root()
	commitT(t, r, "base", put("a.yaml", "status: open\n"), put("b.yaml", "b\n"))
	// The touch-update-touch race: the person edits a.yaml in the same
	// second that git last wrote the index, keeping its size and mtime, so
	// its stat data still matches the index entry; only the index file's
	// own mtime tells git to look at the content. (The test cannot keep
	// the ctime, so git is told not to trust ctime, as many people do.)
	gitT(t, dir, "config", "core.trustctime", "false")
	p := filepath.Join(dir, "a.yaml")
	then := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(p, then, then); err != nil {
		t.Fatal(err)
	}
	gitT(t, dir, "update-index", "--refresh") // the entry records mtime then
	if err := os.Chtimes(filepath.Join(r.gitDir, "index"), then, then); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("status: shut\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, then, then); err != nil {
		t.Fatal(err)
	}
	// diff-files, unlike status, never rewrites the index (which would
	// smudge the entry itself).
	if got := gitT(t, dir, "diff-files", "--name-only"); got != "a.yaml\n" {
		t.Fatalf("setup: diff-files = %q", got)
	}
	commitT(t, r, "c", put("c.yaml", "c\n"))
	// Our new index is newer than a.yaml; without smudging, git would now
	// trust a.yaml's stat data and miss the edit.
	if got := gitT(t, dir, "status", "--porcelain"); got != " M a.yaml\n" {
		t.Errorf("status = %q, want a.yaml modified", got)
	}
}

// otherEntries drops the lines about path from git ls-files --debug output.
func otherEntries(ls, path string) string {
	var out []string
	skip := false
	for _, line := range strings.Split(ls, "\n") {
		if !strings.HasPrefix(line, " ") {
			skip = strings.HasSuffix(line, "\t"+path)
		}
		if !skip {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func TestCheckErrorChangesNothing(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("cases/A/intake.yaml", "a: 1\n"), put("cases/A/iep.yaml", "i: 1\n"))
	writeFile(t, r.Root(), "cases/A/iep.yaml", "edited by hand\n")
	before := takeSnapshot(t, r)
	refused := errors.New("would be invalid")
	_, err := r.Commit(CommitRequest{
		Message: "A: change", Author: testAuthor,
		Changes: []Change{put("cases/A/intake.yaml", "a: 2\n"), put("cases/B/intake.yaml", "b: 1\n"), del("cases/A/iep.yaml")},
		Check:   func() error { return refused },
	})
	if err != refused {
		t.Fatalf("err = %v, want the Check error as is", err)
	}
	before.assertSame(t, takeSnapshot(t, r))
	assertNoLockFiles(t, r)
}

func assertNoLockFiles(t *testing.T, r *Repo) {
	t.Helper()
	for _, p := range []string{"index.lock", "refs/heads/main.lock"} {
		if _, err := os.Stat(filepath.Join(r.gitDir, p)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s left behind", p)
		}
	}
}

func TestFailureRestoresWorktree(t *testing.T) {
	setup := func(t *testing.T) (*Repo, snapshot) {
		r := newTestRepo(t)
		commitT(t, r, "base",
			put("cases/A/intake.yaml", "a: 1\n"),
			put("cases/A/iep.yaml", "i: 1\n"),
			put("cases/A/refs/only.yaml", "r: 1\n"),
		)
		writeFile(t, r.Root(), "cases/A/intake.yaml", "a: hand edit\n")
		writeFile(t, r.Root(), "untracked.txt", "u\n")
		return r, takeSnapshot(t, r)
	}
	changes := []Change{
		put("cases/A/intake.yaml", "a: 2\n"),
		put("cases/B/notes/deep/n1.yaml", "n: 1\n"), // creates three directories
		del("cases/A/iep.yaml"),
		del("cases/A/refs/only.yaml"), // removes its directory
	}

	t.Run("branch moved", func(t *testing.T) {
		r, before := setup(t)
		var moved string
		r.beforeRefUpdate = func() error {
			// Another writer (here the git CLI) moves the branch between our
			// reading HEAD and moving it.
			tree := strings.TrimSpace(gitT(t, r.Root(), "rev-parse", "HEAD^{tree}"))
			moved = strings.TrimSpace(gitT(t, r.Root(), "commit-tree", tree, "-p", "HEAD", "-m", "elsewhere"))
			gitT(t, r.Root(), "update-ref", "refs/heads/main", moved)
			return nil
		}
		_, err := r.Commit(CommitRequest{Message: "x", Author: testAuthor, Changes: changes})
		if !errors.Is(err, ErrConcurrentUpdate) {
			t.Fatalf("err = %v, want ErrConcurrentUpdate", err)
		}
		after := takeSnapshot(t, r)
		before.head = moved + "\n"
		before.assertSame(t, after)
		assertNoLockFiles(t, r)
	})

	t.Run("step fails", func(t *testing.T) {
		r, before := setup(t)
		boom := errors.New("injected failure")
		r.beforeRefUpdate = func() error { return boom }
		_, err := r.Commit(CommitRequest{Message: "x", Author: testAuthor, Changes: changes})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
		before.assertSame(t, takeSnapshot(t, r))
		assertNoLockFiles(t, r)
		// And the store still works.
		r.beforeRefUpdate = nil
		commitT(t, r, "x", changes...)
		if out := gitT(t, r.Root(), "status", "--porcelain"); out != "?? untracked.txt\n" {
			t.Errorf("status = %q", out)
		}
	})

	t.Run("first commit", func(t *testing.T) {
		r := newTestRepo(t)
		before := takeSnapshot(t, r)
		r.beforeRefUpdate = func() error {
			tree := strings.TrimSpace(gitT(t, r.Root(), "mktree")) // empty tree
			c := strings.TrimSpace(gitT(t, r.Root(), "commit-tree", tree, "-m", "elsewhere"))
			gitT(t, r.Root(), "update-ref", "refs/heads/main", c)
			return nil
		}
		_, err := r.Commit(CommitRequest{Message: "x", Author: testAuthor, Changes: []Change{put("a/b.yaml", "b\n")}})
		if !errors.Is(err, ErrConcurrentUpdate) {
			t.Fatalf("err = %v, want ErrConcurrentUpdate", err)
		}
		after := takeSnapshot(t, r)
		after.head = ""
		before.assertSame(t, after)
	})
}

// A file the commit cannot write (here: its temporary file's name is too
// long; in use, a directory without write permission or a full disk) is
// as it was, so the commit fails cleanly: the files written before it are
// put back, nothing is left for the next caseplan process to undo, and
// the error is the write's alone. Putting the unwritten file "back" failed
// as its write had, and the clean refusal became "restore work tree
// failed" with the journal kept.
func TestFailedWriteHasNothingToUndo(t *testing.T) {
	r := newTestRepo(t)
	long := "cases/A/" + strings.Repeat("n", 245) + ".yaml"
	commitT(t, r, "base", put("cases/A/intake.yaml", "a: 1\n"))
	// git writes the file in place; caseplan's temporary file beside it
	// would have a name too long.
	writeFile(t, r.Root(), long, "n: 1\n")
	gitT(t, r.Root(), "add", long)
	gitT(t, r.Root(), "commit", "-q", "-m", "long")
	before := takeSnapshot(t, r)
	_, err := r.Commit(CommitRequest{Message: "x", Author: testAuthor, Changes: []Change{
		put("cases/A/intake.yaml", "a: 2\n"), // written first, put back
		put(long, "n: 2\n"),                  // cannot be written
	}})
	if err == nil {
		t.Fatal("no error")
	}
	if strings.Contains(err.Error(), "restore") {
		t.Errorf("err = %v; the unwritten file needed no restoring", err)
	}
	if _, err := os.Stat(r.journalPath()); err == nil {
		t.Error("the journal was kept for the next caseplan process, as after a failed undo")
	}
	before.assertSame(t, takeSnapshot(t, r))
	assertNoLockFiles(t, r)
}

func TestIndexLockedByGit(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("a.yaml", "a\n"))
	lock := filepath.Join(r.gitDir, "index.lock")
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	before := takeSnapshot(t, r)
	_, err := r.Commit(CommitRequest{Message: "x", Author: testAuthor, Changes: []Change{put("b.yaml", "b\n")}})
	if !errors.Is(err, ErrIndexLocked) || !strings.Contains(err.Error(), "index.lock") {
		t.Fatalf("err = %v, want ErrIndexLocked naming the file", err)
	}
	// The file is given apart from the words, so the hint can give the
	// command that removes it.
	if gl := (*GitLockError)(nil); !errors.As(err, &gl) || gl.Path != lock || gl.What != "git index" {
		t.Fatalf("err = %#v, want a *GitLockError with Path %s", err, lock)
	}
	before.assertSame(t, takeSnapshot(t, r))
	if _, err := os.Stat(lock); err != nil {
		t.Errorf("git's index.lock was removed: %v", err)
	}
}

// A git command holds a branch's lock only for a moment — git gc's
// pack-refs takes each one in turn — so a commit that finds it waits for
// it, as for index.lock, rather than fail. One that stays is a git
// command's left behind: the commit fails with nothing changed, naming the
// file, and leaves it where it is.
func TestRefLockedByGit(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("a.yaml", "a\n"))
	lock := filepath.Join(r.gitDir, "refs", "heads", "main.lock")
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() {
		defer close(released)
		time.Sleep(200 * time.Millisecond)
		os.Remove(lock)
	}()
	_, err := r.Commit(CommitRequest{Message: "x", Author: testAuthor, Changes: []Change{put("b.yaml", "b\n")}})
	<-released
	if err != nil {
		t.Fatalf("a commit while git held the branch's lock for a moment: %v", err)
	}

	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	before := takeSnapshot(t, r)
	_, err = r.Commit(CommitRequest{Message: "y", Author: testAuthor, Changes: []Change{put("c.yaml", "c\n")}})
	if !errors.Is(err, ErrConcurrentUpdate) || !strings.Contains(err.Error(), lock) {
		t.Fatalf("err = %v, want ErrConcurrentUpdate naming the file", err)
	}
	// The same answer as a left index.lock's, so the hint gives the file
	// to remove.
	if gl := (*GitLockError)(nil); !errors.As(err, &gl) || gl.Path != lock || gl.What != "branch refs/heads/main" {
		t.Fatalf("err = %#v, want a *GitLockError with Path %s", err, lock)
	}
	before.assertSame(t, takeSnapshot(t, r))
	if _, err := os.Stat(lock); err != nil {
		t.Errorf("git's main.lock was removed: %v", err)
	}
}

// git gc removes the objects directories it empties (objects/xx) while a
// caseplan commit runs beside it, even one the commit has just made: the
// commit makes it again rather than fail with "open
// .git/objects/xx/tmp_obj_...: no such file or directory" (7 of 204
// writes with git gc in a loop beside them).
func TestCommitWhileGitGCRemovesObjectDirs(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("a.yaml", "a\n"))
	removed := 0
	r.beforeObjectTemp = func(dir string) {
		if removed < 2 { // as git prune-packed would, and once more
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			removed++
		}
	}
	if _, err := r.Commit(CommitRequest{Message: "x", Author: testAuthor, Changes: []Change{put("b.yaml", "b\n")}}); err != nil {
		t.Fatalf("commit while git gc removed the objects directory: %v", err)
	}
	if removed != 2 {
		t.Fatalf("the objects directory was removed %d times, want 2", removed)
	}
	gitT(t, r.Root(), "fsck", "--strict")
}

func TestCommitRefusals(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("cases/A/intake.yaml", "a\n"), put("cases/file", "f\n"))
	for name, c := range map[string][]Change{
		"absolute":          {put("/etc/x", "x")},
		"dot-dot":           {put("cases/../x", "x")},
		"not clean":         {put("cases//x", "x")},
		"inside .git":       {put(".git/config", "x")},
		"inside .GIT":       {put("a/.GIT/hooks/x", "x")},
		"backslash":         {put(`cases\x`, "x")},
		"twice":             {put("x", "1"), put("x", "2")},
		"file and its dir":  {put("x", "1"), put("x/y", "2")},
		"file over dir":     {put("cases/A", "x")},
		"dir over file":     {put("cases/file/x", "x")},
		"delete missing":    {del("cases/nope.yaml")},
		"nothing to commit": {put("cases/A/intake.yaml", "a\n")},
	} {
		before := takeSnapshot(t, r)
		if _, err := r.Commit(CommitRequest{Message: "x", Author: testAuthor, Changes: c}); err == nil {
			t.Errorf("%s: no error", name)
		} else if name == "nothing to commit" && !errors.Is(err, ErrNothingToCommit) {
			t.Errorf("%s: err = %v", name, err)
		} else if name == "delete missing" && !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: err = %v", name, err)
		}
		before.assertSame(t, takeSnapshot(t, r))
	}
	if _, err := r.Commit(CommitRequest{Message: "x", Author: Signature{Name: "No Email"}, Changes: []Change{put("y", "y")}}); err == nil {
		t.Error("author without email accepted")
	}
	assertNoLockFiles(t, r)
}

func TestTwoProcessesCommitOneAfterTheOther(t *testing.T) {
	base := newTestRepo(t)
	commitT(t, base, "base", put("cases/caseplan.yaml", "x\n"))
	const perWriter = 8
	var wg sync.WaitGroup
	errs := make(chan error, 2*perWriter)
	for w := range 2 {
		// Separate Repos have separate go-git storages and separate lock
		// descriptors: as far as locking goes, separate processes.
		r, err := Open(base.Root())
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				p := fmt.Sprintf("cases/W%d/notes/n%02d.yaml", w, i)
				_, err := r.Commit(CommitRequest{Message: p, Author: testAuthor, Changes: []Change{put(p, p+"\n")}})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	dir := base.Root()
	if n := strings.TrimSpace(gitT(t, dir, "rev-list", "--count", "HEAD")); n != strconv.Itoa(1+2*perWriter) {
		t.Errorf("%s commits, want %d", n, 1+2*perWriter)
	}
	if merges := gitT(t, dir, "rev-list", "--min-parents=2", "HEAD"); merges != "" {
		t.Errorf("history not linear: %s", merges)
	}
	if n := strings.Count(gitT(t, dir, "ls-tree", "-r", "--name-only", "HEAD"), "\n"); n != 1+2*perWriter {
		t.Errorf("%d files at HEAD", n)
	}
	if out := gitT(t, dir, "status", "--porcelain", "--untracked-files=all"); out != "" {
		t.Errorf("status:\n%s", out)
	}
	gitT(t, dir, "fsck", "--strict")
}

func TestLock(t *testing.T) {
	r1 := newTestRepo(t)
	r2, err := Open(r1.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	unlock, err := r1.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = r2.Lock(100 * time.Millisecond)
	var le *LockedError
	if !errors.Is(err, ErrLocked) || !errors.As(err, &le) {
		t.Fatalf("err = %v, want a *LockedError", err)
	}
	if d := time.Since(start); d < 100*time.Millisecond || d > time.Second {
		t.Errorf("waited %s", d)
	}
	// Re-entrant: a holder may commit.
	commitT(t, r1, "while locked", put("a", "a\n"))
	unlock()
	unlock() // harmless twice
	u2, err := r2.Lock(time.Second)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	u2()
}

// NoLockWait tries the lock once: it does not wait for the holder.
func TestLockNoWait(t *testing.T) {
	r1 := newTestRepo(t)
	r2, err := Open(r1.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	unlock, err := r1.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = r2.Lock(NoLockWait)
	var le *LockedError
	if !errors.As(err, &le) || !le.NoWait || !strings.Contains(err.Error(), "not waiting for it") {
		t.Fatalf("err = %v, want a *LockedError that did not wait", err)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("waited %s", d)
	}
	unlock()
	u2, err := r2.Lock(NoLockWait)
	if err != nil {
		t.Fatalf("a free lock: %v", err)
	}
	u2()
}

// A wait for the store lock is not silent for long: after LockNoticeAfter
// the waiter is told who holds the lock (issue 9 item 7), and a timeout
// names the holder too.
func TestLockWaitSaysWho(t *testing.T) {
	r1 := newTestRepo(t)
	r2, err := Open(r1.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	unlock, err := r1.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	var told []int
	r2.OnLockWait = func(pid int, timeout time.Duration) { told = append(told, pid) }
	_, err = r2.Lock(LockNoticeAfter + 300*time.Millisecond)
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() || !strings.Contains(err.Error(), "held by caseplan process "+strconv.Itoa(os.Getpid())) {
		t.Errorf("err = %v, want a *LockedError naming process %d", err, os.Getpid())
	}
	if len(told) != 1 || told[0] != os.Getpid() {
		t.Errorf("OnLockWait told %v, want once, process %d", told, os.Getpid())
	}
}

// A released lock names no holder: the next holder writes its process ID
// only once it holds the lock, and a waiter looking in between must not
// be told of a process that has finished.
func TestLockReleasedNamesNoOne(t *testing.T) {
	r := newTestRepo(t)
	unlock, err := r.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(r.gitDir, LockFileName)
	if b, _ := os.ReadFile(path); strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Fatalf("held lock holds %q, want this process's ID", b)
	}
	unlock()
	if b, err := os.ReadFile(path); err != nil || len(b) != 0 {
		t.Errorf("released lock holds %q (%v), want nothing", b, err)
	}
}

func TestResolveRevision(t *testing.T) {
	r := newTestRepo(t)
	c1 := commitT(t, r, "one", put("a", "1\n"))
	c2 := commitT(t, r, "two", put("a", "2\n"))
	gitT(t, r.Root(), "tag", "-a", "-m", "annotated", "v1", c1.String())
	gitT(t, r.Root(), "tag", "light", c1.String())
	for rev, want := range map[string]plumbing.Hash{
		"HEAD": c2, "main": c2, "refs/heads/main": c2, "v1": c1, "light": c1,
		c1.String(): c1, c1.String()[:7]: c1, "HEAD~1": c1, "HEAD^": c1,
	} {
		got, err := r.ResolveRevision(rev)
		if err != nil || got != want {
			t.Errorf("ResolveRevision(%q) = %s, %v; want %s", rev, got, err, want)
		}
	}
	for _, rev := range []string{"nope", c1.String()[:2], "", "HEAD@{1}", "main@{yesterday}", "HEAD^{tree}", "v1^{}"} {
		if _, err := r.ResolveRevision(rev); err == nil {
			t.Errorf("ResolveRevision(%q): no error", rev)
		}
	}
}

// git gc prunes loose objects that nothing reaches once they are older
// than its expiry (two weeks), judging reachability when it starts; git
// protects a write beside it by making the time of every object the
// write finds already there now ("freshening"). A commit that needs an
// old unreachable object — the blob of a --no-commit write committed
// weeks later, a journal's copy of a hand edit — must do the same, or a
// git gc running meanwhile prunes it under the new commit.
func TestCommitFreshensObjectsItFinds(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("a.yaml", "a\n"))
	data := []byte("n: written weeks ago, never committed\n")
	h, err := r.writeLoose(plumbing.BlobObject, data)
	if err != nil {
		t.Fatal(err)
	}
	obj := filepath.Join(r.gitDir, "objects", h.String()[:2], h.String()[2:])
	old := time.Now().Add(-30 * 24 * time.Hour)
	if err := os.Chtimes(obj, old, old); err != nil {
		t.Fatal(err)
	}
	commitT(t, r, "x", Change{Path: "cases/A/notes/n.yaml", Data: data})
	fi, err := os.Stat(obj)
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(fi.ModTime()) > time.Hour {
		t.Errorf("the object the commit used is still dated %s: git gc would prune it as unreachable if it judged before the commit landed", fi.ModTime().Format(time.DateOnly))
	}
}

// TestCommitProgress: a commit of hundreds of files says how far it has
// come, each file counting half once its object is written and whole once
// the work tree holds it (or no longer holds it, for a removal).
func TestCommitProgress(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "first", put("cases/a.yaml", "a: 1\n"), put("cases/b.yaml", "b: 1\n"))
	var seen [][2]int
	_, err := r.Commit(CommitRequest{Message: "second", Author: testAuthor,
		Changes:  []Change{put("cases/a.yaml", "a: 2\n"), del("cases/b.yaml"), put("cases/c.yaml", "c: 1\n")},
		Progress: func(done, total int) { seen = append(seen, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{0, 3}, {1, 3}, {1, 3}, {2, 3}, {2, 3}, {3, 3}}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("progress %v, want %v", seen, want)
	}
}

// HEAD pointing at a branch that was never made, in a store that has
// branches, is refused by a commit and by every reader of HEAD: a commit
// there would start a second history holding only its own files, and a
// reader would see an empty store.
func TestHeadNamesMissingBranch(t *testing.T) {
	r := newTestRepo(t)
	c1 := commitT(t, r, "first", put("cases/caseplan.yaml", "organisation: Example\n"))
	head := filepath.Join(r.Root(), ".git", "HEAD")
	if err := os.WriteFile(head, []byte("ref: refs/heads/mian\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := r.Commit(CommitRequest{Message: "second", Author: testAuthor, Changes: []Change{put("cases/A/notes/n.yaml", "id: n\n")}})
	var mb *MissingBranchError
	if !errors.As(err, &mb) || mb.Branch != "mian" || strings.Join(mb.Branches, ",") != "main" {
		t.Fatalf("Commit with HEAD on a missing branch: err = %v, want *MissingBranchError naming mian and main", err)
	}
	if _, err := os.Stat(filepath.Join(r.Root(), "cases/A/notes/n.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("refused commit wrote its file: %v", err)
	}
	if _, err := r.ReadHead(); !errors.As(err, &mb) {
		t.Fatalf("ReadHead with HEAD on a missing branch: err = %v, want *MissingBranchError", err)
	}
	if ref, err := r.storage.Reference("refs/heads/mian"); err == nil {
		t.Fatalf("refused commit made the branch: %v", ref)
	}
	if ref, _ := r.storage.Reference("refs/heads/main"); ref == nil || ref.Hash() != c1 {
		t.Fatalf("main moved: %v", ref)
	}
}
