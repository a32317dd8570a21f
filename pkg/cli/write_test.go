package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/yamledit"
)

// TestChangeError: every error a change can end with is explained and
// maps to its documented exit status.
func TestChangeError(t *testing.T) {
	refused := &casework.RefusedError{Findings: []finding.Finding{
		{Path: "cases/W-001/notes/n.yaml", Line: 5, Column: 7, Severity: finding.Error, Rule: "schema", Message: `kind: "chat" is not a valid choice`},
		{Path: "cases/W-001", Severity: finding.Error, Rule: "missing-file", Message: "no intake"},
	}}
	locked := &gitstore.LockedError{Path: ".git/caseplan.lock", Waited: time.Minute}
	other := errors.New("disk on fire")
	tests := []struct {
		name       string
		err        error
		wantCode   int
		wantStderr []string // lines, in order, of the findings and printError
	}{
		{
			name: "refused", err: refused, wantCode: ExitInvalid,
			wantStderr: []string{
				`caseplan: cases/W-001/notes/n.yaml:5:7: error schema: kind: "chat" is not a valid choice`,
				"caseplan: cases/W-001: error missing-file: no intake",
				"caseplan: change refused: it would leave 2 error(s) in the records; nothing was written",
				"caseplan: hint: correct the values above and run the command again",
			},
		},
		{
			name: "refused, wrapped", err: fmt.Errorf("apply: %w", refused), wantCode: ExitInvalid,
			wantStderr: []string{
				`caseplan: cases/W-001/notes/n.yaml:5:7: error schema: kind: "chat" is not a valid choice`,
				"caseplan: cases/W-001: error missing-file: no intake",
				"caseplan: change refused: it would leave 2 error(s) in the records; nothing was written",
				"caseplan: hint: correct the values above and run the command again",
			},
		},
		{
			name: "a bad value", err: &casework.InputError{Msg: `unknown program "snap" (this store has: wioa)`, Hint: "the programs are set in cases/caseplan.yaml"}, wantCode: ExitUsage,
			wantStderr: []string{`caseplan: unknown program "snap" (this store has: wioa)`, "caseplan: hint: the programs are set in cases/caseplan.yaml"},
		},
		{
			name: "a bad value without a hint", err: &casework.InputError{Msg: "case W-001 already exists"}, wantCode: ExitUsage,
			wantStderr: []string{"caseplan: case W-001 already exists"},
		},
		{
			name: "not on the roster", err: &casework.NotOnRosterError{Author: casework.Author{Name: "Eve Evans", Email: "eve@example.net"}}, wantCode: ExitUsage,
			wantStderr: []string{"caseplan: Eve Evans <eve@example.net> is not on the staff roster of this store", "caseplan: hint: the store's admin (anyone on the roster, in a store whose roster names no admin) adds you: caseplan staff add --name 'Eve Evans' --email eve@example.net"},
		},
		{
			name: "a note file that is not a note", wantCode: ExitInvalid,
			err: &casework.NoteFileError{Name: "../bad.yaml", Findings: []finding.Finding{
				{Path: "../bad.yaml", Line: 2, Column: 10, Severity: finding.Error, Rule: "schema", Message: "two_way: must be true or false"},
			}},
			wantStderr: []string{"caseplan: ../bad.yaml:2:10: error schema: two_way: must be true or false", "caseplan: ../bad.yaml is not a valid note; nothing was written"},
		},
		{
			name: "a note file that cannot be decoded", err: &casework.NoteFileError{Name: "<stdin>", Err: errors.New("cannot unmarshal")}, wantCode: ExitInvalid,
			wantStderr: []string{"caseplan: <stdin>: cannot unmarshal"},
		},
		{
			name: "an unknown case", err: &store.UnknownCaseError{ID: "W-404"}, wantCode: ExitUsage,
			wantStderr: []string{`caseplan: no case "W-404" in this store`},
		},
		{
			name: "the last admin stepping down", err: &casework.ResultError{Msg: "mrivera is the roster's last active admin; without one, roles stop applying", Hint: "make someone else an admin first"}, wantCode: ExitInvalid,
			wantStderr: []string{"caseplan: mrivera is the roster's last active admin; without one, roles stop applying", "caseplan: hint: make someone else an admin first"},
		},
		{
			name: "a record in flow style", err: &yamledit.FlowStyleError{File: "cases/W-001/outcome.yaml", Owner: "the file's top level", Line: 1, Block: "  notes: x"}, wantCode: ExitInvalid,
			wantStderr: []string{"caseplan: cases/W-001/outcome.yaml:1: the file's top level is written in flow style ({...} or [...]), which a command cannot change in place", "caseplan: hint: write it in block form, one entry a line, then run the command again; in block form it reads:", "caseplan: hint:   notes: x"},
		},
		{
			name: "the store is locked", err: locked, wantCode: ExitOther,
			wantStderr: []string{"caseplan: " + locked.Error(), "caseplan: hint: another caseplan command is writing to this store; try again when it has finished"},
		},
		{
			name: "anything else", err: other, wantCode: ExitOther,
			wantStderr: []string{"caseplan: disk on fire"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			g := &globals{env: Env{Stderr: &stderr}}
			err := g.changeError(tt.err)
			printError(&stderr, err)
			if got := exitCode(err); got != tt.wantCode {
				t.Errorf("exit code %d, want %d (error %T %v)", got, tt.wantCode, err, err)
			}
			if got, want := stderr.String(), strings.Join(tt.wantStderr, "\n")+"\n"; got != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
			}
			if errors.Is(tt.err, other) && !errors.Is(err, other) {
				t.Error("the cause was lost")
			}
		})
	}
}

// TestLockWaitZero: --lock-wait 0 does not wait for the store lock: a
// write while another process holds it fails at once (exit 3), saying
// why and how to wait instead, and writes nothing.
func TestLockWaitZero(t *testing.T) {
	dir := initCLIStore(t)
	holder, err := gitstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	unlock, err := holder.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// Released later, so a caseplan that waited would get the lock and
	// write.
	release := time.AfterFunc(3*time.Second, unlock)
	defer release.Stop()
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	start := time.Now()
	code, _, stderr := runCaseplan(t, dir, env, "--lock-wait", "0", "case", "new", "--program", "wioa", "--name", "Ana Example", "--id", "W-001")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("--lock-wait 0 waited %s", d)
	}
	if code != ExitOther || !strings.Contains(stderr, "store is locked by another caseplan process") || !strings.Contains(stderr, "not waiting for it") ||
		!strings.Contains(stderr, "caseplan: hint: another caseplan command is writing to this store; try again when it has finished, or give a time to wait for it, e.g. --lock-wait 30s") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d saying the store is locked and how to wait", code, stderr, ExitOther)
	}
	if _, err := os.Stat(filepath.Join(dir, "cases", "W-001")); err == nil {
		t.Error("the case was written")
	}
}

// TestFlagOfLine checks how a refused field is traced back to the flag
// that gave it: by the field's name, else by the one flag whose typed
// value it holds, and never by a guess between two.
func TestFlagOfLine(t *testing.T) {
	g := &globals{
		given: map[string]bool{"date": true, "until": true, "content": true, "today": true, "service": true},
		typed: map[string][]string{"date": {"2026-03-20"}, "until": {"2026-03-20"}, "content": {"Checked 123-45-6789"}, "service": {"job-search", "assessment"}},
	}
	for _, c := range []struct{ line, want string }{
		{"content: Checked 123-45-6789", "--content"},      // the field's own name
		{"    referred: 2026-03-21", ""},                   // no flag typed that value
		{"  - decided: 2026-03-20", ""},                    // --date and --until both did
		{"  - reason: 'Checked 123-45-6789'", "--content"}, // quoted in the file
		{"    - assessment", ""},                           // a list item, no field
		{"  kind: assessment", "--service"},                // one value of a repeated flag
		{"reason: |", ""},                                  // a block scalar: the value is below
	} {
		if got := g.flagOfLine(c.line); got != c.want {
			t.Errorf("flagOfLine(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
