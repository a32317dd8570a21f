//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiskFull runs a write that runs out of room — a file size limit
// (ulimit -f), which the system reports as a full disk is reported, at
// each point of the write — and checks that it fails with what to do, and
// leaves the store as it was: HEAD, the index and the work tree; then the
// same command, with room, succeeds.
func TestDiskFull(t *testing.T) {
	for _, tool := range []string{"git", "sh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("needs %s", tool)
		}
	}
	bin := buildCaseplan(t)
	dir := filepath.Join(t.TempDir(), "store")
	env := append(os.Environ(),
		"CASEPLAN_AUTHOR=Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY=2026-03-05",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "CASEPLAN_STORE="+dir)
	run := func(limit string, args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		if limit != "" {
			cmd = exec.Command("sh", append([]string{"-c", `ulimit -f "$0" && exec "$@"`, limit, bin}, args...)...)
		}
		cmd.Env, cmd.Dir = env, dir
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err := cmd.Run()
		return errb.String(), err
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Env, cmd.Dir = env, dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	if out, err := exec.Command(bin, "init", dir, "--author", "Maria Rivera <mrivera@example.org>").CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	if e, err := run("", "case", "new", "--program", "wioa", "--name", "Ana Example", "--id", "W-001", "--opened", "2026-03-02"); err != nil {
		t.Fatalf("case new: %v\n%s", err, e)
	}
	note := []string{"note", "add", "W-001", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "job-search", "--content", strings.Repeat("a long talk about the job search. ", 200)}
	// ulimit -f counts 512-byte blocks: 0 stops the write journal, 1 to 4
	// a git object, the record's temporary file or the index.
	for _, limit := range []string{"0", "1", "2", "4"} {
		head, index := git("rev-parse", "HEAD"), readFile(t, filepath.Join(dir, ".git", "index"))
		e, err := run(limit, note...)
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 3 {
			t.Fatalf("ulimit -f %s: %v, want exit 3\n%s", limit, err, e)
		}
		if !strings.Contains(e, "caseplan: hint: the disk holding ") || !strings.Contains(e, "then run the command again") {
			t.Errorf("ulimit -f %s: no hint on what to do:\n%s", limit, e)
		}
		if git("rev-parse", "HEAD") != head || !bytes.Equal(readFile(t, filepath.Join(dir, ".git", "index")), index) {
			t.Errorf("ulimit -f %s: HEAD or the index changed", limit)
		}
		if st := git("status", "--porcelain", "--untracked-files=all"); st != "" {
			t.Errorf("ulimit -f %s: the work tree changed:\n%s", limit, st)
		}
	}
	if e, err := run("", note...); err != nil {
		t.Fatalf("with room: %v\n%s", err, e)
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
