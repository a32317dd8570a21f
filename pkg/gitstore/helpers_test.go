package gitstore

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// The git CLI is used by the tests only, as an independent judge of what
// gitstore wrote.

// gitEnv isolates the git CLI from the machine's and the user's config
// (hooks, signing, auto-gc) so tests see only what they set up.
func gitEnv(home string) []string {
	env := []string{}
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, "HOME=") || strings.HasPrefix(kv, "XDG_CONFIG_HOME=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"HOME="+home,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=CLI Person", "GIT_AUTHOR_EMAIL=cli@example.org",
		"GIT_COMMITTER_NAME=CLI Person", "GIT_COMMITTER_EMAIL=cli@example.org",
	)
}

func runGit(dir string, args ...string) (string, error) {
	return runGitInput(dir, "", args...)
}

func runGitInput(dir, stdin string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-c", "gc.auto=0", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	cmd.Env = gitEnv(dir)
	var out, stderr bytes.Buffer
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run()
	if err != nil {
		return out.String(), &gitError{args: args, err: err, stderr: stderr.String()}
	}
	return out.String(), nil
}

type gitError struct {
	args   []string
	err    error
	stderr string
}

func (e *gitError) Error() string {
	return "git " + strings.Join(e.args, " ") + ": " + e.err.Error() + ": " + e.stderr
}

// gitT runs the git CLI in dir and fails the test on error.
func gitT(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := runGit(dir, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func newTestRepo(t testing.TB) *Repo {
	t.Helper()
	r, err := Init(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

var testAuthor = Signature{Name: "Dana Example", Email: "dana@example.org", When: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}

func put(path, data string) Change { return Change{Path: path, Data: []byte(data)} }
func del(path string) Change       { return Change{Path: path, Delete: true} }

func commitT(t testing.TB, r *Repo, msg string, changes ...Change) plumbing.Hash {
	t.Helper()
	h, err := r.Commit(CommitRequest{Message: msg, Author: testAuthor, Changes: changes})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func writeFile(t testing.TB, root, rel, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot records the work tree (outside .git) and the state git keeps
// about it, so a test can assert that a failed commit changed nothing.
type snapshot struct {
	head  string
	index []byte
	files map[string]string // path -> mode and content
}

func takeSnapshot(t testing.TB, r *Repo) snapshot {
	t.Helper()
	s := snapshot{files: map[string]string{}}
	head, _ := os.ReadFile(filepath.Join(r.gitDir, "refs", "heads", "main"))
	s.head = string(head)
	s.index, _ = os.ReadFile(filepath.Join(r.gitDir, "index"))
	err := filepath.WalkDir(r.Root(), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(r.Root(), p)
		if rel == ".git" {
			return fs.SkipDir
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		v := fi.Mode().String()
		if fi.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			v += " " + string(b)
		}
		s.files[filepath.ToSlash(rel)] = v
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (s snapshot) assertSame(t testing.TB, got snapshot) {
	t.Helper()
	if s.head != got.head {
		t.Errorf("branch moved: %q -> %q", s.head, got.head)
	}
	if !bytes.Equal(s.index, got.index) {
		t.Errorf(".git/index changed")
	}
	for p, v := range s.files {
		if got.files[p] != v {
			t.Errorf("work tree %s: was %q, now %q", p, v, got.files[p])
		}
	}
	for p, v := range got.files {
		if _, ok := s.files[p]; !ok {
			t.Errorf("work tree %s: new (%q)", p, v)
		}
	}
}
