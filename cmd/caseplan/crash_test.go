package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCrashes kills real writes with SIGKILL at random points, over and
// over, and checks after each kill what a case manager relies on:
//
//   - nothing stale blocks the next write (index.lock, a ref lock);
//   - git fsck --strict finds the repository sound;
//   - validate finds no partial record (half a file, a case without its
//     intake);
//   - every write that was acknowledged (exit 0) is in the history.
//
// It runs CASEPLAN_CRASH_ITERATIONS kills (default 100; 20 with -short).
// CASEPLAN_CRASH_BINARY runs it against another caseplan binary, which is
// how its counts on an older caseplan were taken. The counts are logged.
func TestCrashes(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("the crash test judges the repository with the git CLI")
	}
	iterations := 100
	if testing.Short() {
		iterations = 20
	}
	if v := os.Getenv("CASEPLAN_CRASH_ITERATIONS"); v != "" {
		iterations, _ = strconv.Atoi(v)
	}
	bin := os.Getenv("CASEPLAN_CRASH_BINARY")
	if bin == "" {
		bin = buildCaseplan(t)
	}
	dir := filepath.Join(t.TempDir(), "store")
	env := append(os.Environ(),
		"CASEPLAN_AUTHOR=Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY=2026-03-05",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "CASEPLAN_STORE="+dir)
	run := func(args ...string) (string, string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Env, cmd.Dir = env, dir
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		return out.String(), errb.String(), err
	}
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", args...)
		cmd.Env, cmd.Dir = env, dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := exec.Command(bin, "init", dir, "--author", "Maria Rivera <mrivera@example.org>").CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	for _, id := range []string{"W-001", "W-002"} {
		if _, e, err := run("case", "new", "--program", "wioa", "--name", "Ana Example", "--id", id, "--opened", "2026-03-02"); err != nil {
			t.Fatalf("case new: %v\n%s", err, e)
		}
	}

	// The writes that are killed: one file (a note), several files (a new
	// case: intake, plan and note), an in-place edit (case set).
	rng := rand.New(rand.NewPCG(7, 11))
	writes := []func(i int) []string{
		func(i int) []string {
			return []string{"note", "add", "W-001", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "job-search", "--content", fmt.Sprintf("call %d", i)}
		},
		func(i int) []string {
			return []string{"case", "new", "--program", "wioa", "--name", "Bo Example", "--id", fmt.Sprintf("C-%03d", i), "--opened", "2026-03-02"}
		},
		func(i int) []string {
			return []string{"case", "set", "W-002", "--phone", fmt.Sprintf("555-01%02d", i%100)}
		},
	}
	var acknowledged []string // what exited 0: the text it printed, or the case it set
	var stale, unsound, partial, lost, died int
	for i := 0; i < iterations; i++ {
		args := writes[rng.IntN(len(writes))](i)
		cmd := exec.Command(bin, args...)
		cmd.Env, cmd.Dir = env, dir
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		killAt := time.Duration(rng.IntN(60_000)) * time.Microsecond
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err == nil {
				acknowledged = append(acknowledged, strings.TrimSpace(out.String()))
			}
		case <-time.After(killAt):
			cmd.Process.Signal(syscall.SIGKILL)
			if err := <-done; err == nil {
				acknowledged = append(acknowledged, strings.TrimSpace(out.String()))
			} else {
				died++
			}
		}
		// The next write must go through (after finishing or undoing the
		// killed one).
		if _, e, err := run("note", "add", "W-002", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "job-search", "--content", fmt.Sprintf("after kill %d", i)); err != nil {
			stale++
			t.Logf("kill %d (%v after start of %s): the next write failed: %s", i, killAt, args[:2], e)
			// Clear the way as a person would, so later kills are counted
			// on their own.
			os.Remove(filepath.Join(dir, ".git", "index.lock"))
			os.Remove(filepath.Join(dir, ".git", "refs", "heads", "main.lock"))
		}
		if out, err := git("fsck", "--strict", "--no-progress"); err != nil {
			unsound++
			t.Logf("kill %d: git fsck: %v\n%s", i, err, out)
		}
		if out, e, err := run("validate"); err != nil {
			partial++
			t.Logf("kill %d: validate: %v\n%s%s", i, err, out, e)
		}
	}
	// Every acknowledged write is in the history: its note ID or case ID
	// names a file of HEAD, and no file under cases/ is left uncommitted.
	files, err := git("ls-tree", "-r", "--name-only", "HEAD", "cases")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range acknowledged {
		if a != "" && !strings.Contains(files, a) {
			lost++
			t.Logf("acknowledged write %q is not in HEAD", a)
		}
	}
	if out, _ := git("status", "--porcelain", "--", "cases"); out != "" {
		t.Logf("uncommitted under cases/ after the kills:\n%s", out)
		partial++
	}
	t.Logf("%d kills (%d stopped a write under way, %d acknowledged): %d stale locks that blocked the next write, %d unsound repositories, %d invalid stores, %d lost acknowledged writes",
		iterations, died, len(acknowledged), stale, unsound, partial, lost)
	if stale+unsound+partial+lost > 0 {
		t.Errorf("the store did not survive the kills: %d stale locks, %d unsound, %d invalid, %d lost", stale, unsound, partial, lost)
	}
}
