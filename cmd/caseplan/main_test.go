package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/caseplan/caseplan/pkg/cli"
	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
	"github.com/caseplan/caseplan/pkg/load"
)

func TestMain(m *testing.M) {
	// A document used after its case's scan freed its memory reads as
	// garbage here, not as a plausible old value (load.Arena).
	load.PoisonFreed = true
	testscript.Main(m, map[string]func(){
		"caseplan": func() { os.Exit(cli.Main(os.Args[1:], cli.System())) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/: each runs the real
// caseplan binary (and git, to look at what it did) on a real store.
// Regenerate expected output with go test ./cmd/caseplan -update.
func TestScripts(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("the end-to-end tests need the git CLI to inspect the stores caseplan writes")
	}
	if _, err := exec.LookPath("ssh-keygen"); err != nil {
		t.Fatal("the end-to-end tests need OpenSSH's ssh-keygen, which git verify-commit runs to check caseplan's signatures")
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata",
		RequireExplicitExec: false,
		UpdateScripts:       *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"writef":    writef,
			"exits":     exits,
			"envstdout": envstdout,
			"cmpids":    cmpids,
			"gitserver": gitServer,
			"roster":    roster,
		},
		Setup: func(env *testscript.Env) error {
			home := filepath.Join(env.WorkDir, ".home")
			if err := os.MkdirAll(home, 0o755); err != nil {
				return err
			}
			env.Setenv("HOME", home)
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_AUTHOR_NAME", "Test Runner")
			env.Setenv("GIT_AUTHOR_EMAIL", "runner@example.org")
			env.Setenv("GIT_COMMITTER_NAME", "Test Runner")
			env.Setenv("GIT_COMMITTER_EMAIL", "runner@example.org")
			env.Setenv("CASEPLAN_TODAY", "2026-03-16")
			// This repository, for scripts that use its own files (the
			// pre-commit framework's .pre-commit-hooks.yaml).
			if root, err := filepath.Abs(filepath.Join("..", "..")); err == nil {
				env.Setenv("CASEPLAN_REPO", root)
			}
			return nil
		},
	})
}

// writef writes a file whose content is a string with Go escapes, optionally
// repeated: writef PATH TEXT [COUNT]. It makes the inputs a txtar file
// cannot hold, such as invalid UTF-8 or a file over the size limit.
func writef(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: writef PATH TEXT [COUNT]")
	}
	s, err := strconv.Unquote(`"` + args[1] + `"`)
	ts.Check(err)
	n := 1
	if len(args) == 3 {
		n, err = strconv.Atoi(args[2])
		ts.Check(err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), bytes.Repeat([]byte(s), n), 0o644))
}

// exits runs a program as exec does and checks its exit status: exits N
// PROG [ARGS...]. exec and ! exec only tell success from failure, and
// caseplan's exit codes (1 invalid, 2 usage, 3 other) are part of its
// contract; a program ended by a signal has the status a shell shows
// (128 + the signal: 130 for SIGINT, 143 for SIGTERM). stdout and stderr
// then apply to the program's output.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			got = 128 + int(ws.Signal()) // as a shell shows it: 130 for SIGINT
		}
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// envstdout sets an environment variable to the last command's stdout
// without its final newline: envstdout VAR. Scripts use it to name what a
// command made that they cannot know in advance, such as a commit hash or
// a note's random ID.
func envstdout(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: envstdout VAR")
	}
	ts.Setenv(args[0], strings.TrimSuffix(ts.ReadFile("stdout"), "\n"))
}

// cmpids compares a file with the text it should have, as cmpenv does,
// where the items caseplan adds have random IDs: cmpids FILE WANT. In
// WANT, $VAR is the variable's value when it is set (a script names an ID
// it will use again with envstdout; a modeline's $schema stays as it is);
// ????? stands for the five random characters of an ID the script need
// not know (CL-?????); and ####### for an abbreviated git hash, such as a
// diff's blobs, which change with the IDs in the file. FILE may be stdout
// or stderr.
func cmpids(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmpids FILE WANT")
	}
	got, want := ts.ReadFile(args[0]), ts.ReadFile(args[1])
	want = os.Expand(want, func(name string) string {
		if v := ts.Getenv(name); v != "" {
			return v
		}
		return "$" + name
	})
	var re strings.Builder
	for i, part := range strings.Split(want, "?????") {
		if i > 0 {
			re.WriteString("[0-9A-HJKMNP-TV-Z]{5}")
		}
		for j, part := range strings.Split(part, "#######") {
			if j > 0 {
				re.WriteString("[0-9a-f]{7,}")
			}
			re.WriteString(regexp.QuoteMeta(part))
		}
	}
	if !regexp.MustCompile(`^` + re.String() + `$`).MatchString(got) {
		ts.Fatalf("%s differs from %s:\n--- got\n%s--- want\n%s", args[0], args[1], got, want)
	}
}

// gitServer runs a real git host for the script: gitserver starts git's
// smart-HTTP server (git http-backend) on the loopback address, serving
// $WORK/.gitserver, and sets $GITSERVER to its URL; gitserver repo NAME
// creates an empty repository there, $GITSERVER/NAME.git. The server stops
// when the script ends.
func gitServer(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: gitserver [repo NAME]")
	}
	root := ts.MkAbs(".gitserver")
	switch {
	case len(args) == 0:
		ts.Check(os.MkdirAll(root, 0o755))
		srv, err := gitserver.StartHTTP(root)
		ts.Check(err)
		ts.Defer(srv.Close)
		ts.Setenv("GITSERVER", srv.URL)
	case len(args) == 2 && args[0] == "repo":
		ts.Check(gitserver.BareRepo(filepath.Join(root, args[1]+".git")))
	default:
		ts.Fatalf("usage: gitserver [repo NAME]")
	}
}
