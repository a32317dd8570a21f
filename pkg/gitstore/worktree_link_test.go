package gitstore

import (
	"path/filepath"
	"strings"
	"testing"
)

// A linked worktree (git worktree add) keeps its HEAD and index in its own
// git directory and shares objects and refs with the main one: a commit
// made there lands on the worktree's branch, and the git CLI sees both work
// trees clean.
func TestCommitInLinkedWorktree(t *testing.T) {
	main := newTestRepo(t)
	base := commitT(t, main, "start", put("README.md", "demo\n"))
	linked := filepath.Join(t.TempDir(), "linked")
	gitT(t, main.Root(), "worktree", "add", "-q", "-b", "feature", linked)

	r, err := Open(linked)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	if h, err := r.Head(); err != nil || h != base {
		t.Fatalf("Head in the linked worktree = %v, %v; want %s", h, err, base)
	}
	c := commitT(t, r, "2026-K7QX2: note added", put("cases/2026-K7QX2/notes/2026-03-03-cd34.yaml", "id: cd34\n"))

	if got := strings.TrimSpace(gitT(t, main.Root(), "rev-parse", "feature", "main")); got != c.String()+"\n"+base.String() {
		t.Errorf("branches = %q; want feature at the new commit and main where it was", got)
	}
	for _, dir := range []string{linked, main.Root()} {
		if out := gitT(t, dir, "status", "--porcelain", "--untracked-files=all"); out != "" {
			t.Errorf("git status in %s:\n%s", dir, out)
		}
	}
	if out := gitT(t, linked, "fsck", "--strict", "--no-dangling"); strings.TrimSpace(out) != "" {
		t.Errorf("git fsck: %s", out)
	}
	assertIndexStatExact(t, r, "cases/2026-K7QX2/notes/2026-03-03-cd34.yaml")
}

func TestOpenRefusesABrokenGitFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".git", "gitdir: nowhere\n")
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "not a git directory") {
		t.Errorf("Open with a .git file naming nothing: %v", err)
	}
	writeFile(t, dir, ".git", "something else\n")
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "not a gitdir file") {
		t.Errorf("Open with a .git file that is not a gitdir file: %v", err)
	}
}
