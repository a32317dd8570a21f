package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/store"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"no error", nil, ExitOK},
		{"invalid records", &InvalidError{Msg: "invalid: 2 error(s)"}, ExitInvalid},
		{"invalid, already printed", &InvalidError{}, ExitInvalid},
		{"invalid, wrapped", fmt.Errorf("validate: %w", &InvalidError{Msg: "x"}), ExitInvalid},
		{"invalid, with a hint", hintf(&InvalidError{Msg: "x"}, "fix it"), ExitInvalid},
		{"usage", &UsageError{Msg: "bad value"}, ExitUsage},
		{"usage, wrapped", fmt.Errorf("note add: %w", usageErrorf("--date %q: not a date", "x")), ExitUsage},
		{"usage, with a hint", hintf(&UsageError{Msg: "x"}, "try this"), ExitUsage},
		{"an unknown case", &store.UnknownCaseError{ID: "W-404"}, ExitUsage},
		{"an unknown case, wrapped", fmt.Errorf("load: %w", &store.UnknownCaseError{ID: "W-404"}), ExitUsage},
		{"cobra: unknown command", errors.New(`unknown command "frobnicate" for "caseplan"`), ExitUsage},
		{"cobra: unknown flag", errors.New("unknown flag: --bogus"), ExitUsage},
		{"cobra: unknown shorthand", errors.New("unknown shorthand flag: 'z' in -z"), ExitUsage},
		{"cobra: too many arguments", errors.New("accepts 1 arg(s), received 2"), ExitUsage},
		{"cobra: too few arguments", errors.New("requires at least 1 arg(s), only received 0"), ExitUsage},
		{"cobra: a required flag", errors.New(`required flag(s) "name" not set`), ExitUsage},
		{"cobra: a missing flag value", errors.New("flag needs an argument: --store"), ExitUsage},
		{"pflag: a bad value", errors.New(`invalid argument "x" for "--limit" flag: strconv.ParseInt: parsing "x": invalid syntax`), ExitUsage},
		{"the store lock", &gitstore.LockedError{Path: ".git/caseplan.lock", Waited: time.Minute}, ExitOther},
		{"the store lock, with a hint", hintf(&gitstore.LockedError{Path: "l", Waited: time.Second}, "try again"), ExitOther},
		{"the git index lock", fmt.Errorf("commit: %w", gitstore.ErrIndexLocked), ExitOther},
		{"a concurrent commit", fmt.Errorf("update main: %w", gitstore.ErrConcurrentUpdate), ExitOther},
		{"a missing file", &fs.PathError{Op: "open", Path: "cases/caseplan.yaml", Err: fs.ErrNotExist}, ExitOther},
		{"a full disk", &fs.PathError{Op: "write", Path: "cases/W-001/intake.yaml", Err: syscall.ENOSPC}, ExitOther},
		// EINVAL's text is "invalid argument": an I/O failure, not a usage
		// mistake, whatever its words.
		{"an I/O error that reads like a usage error", &fs.PathError{Op: "open", Path: "cases/W-001/intake.yaml", Err: syscall.EINVAL}, ExitOther},
		{"a change refused, before changeError", &casework.RefusedError{}, ExitOther},
		{"anything else", errors.New("boom"), ExitOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

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
			wantStderr: []string{"caseplan: Eve Evans <eve@example.net> is not on the staff roster of this store", "caseplan: hint: a staff member already on the roster can add you: caseplan staff add --name NAME --email EMAIL"},
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

func TestPrintError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"nothing", nil, ""},
		{"a plain error", errors.New("cannot read cases/caseplan.yaml"), "caseplan: cannot read cases/caseplan.yaml\n"},
		{"an invalid store whose findings were printed", &InvalidError{}, ""},
		{"an invalid store with a summary", &InvalidError{Msg: "invalid: 1 error(s)"}, "caseplan: invalid: 1 error(s)\n"},
		{"a usage error with a hint", &UsageError{Msg: "no author given", Hint: "pass --author"}, "caseplan: no author given\ncaseplan: hint: pass --author\n"},
		{"a hint of two lines", &UsageError{Msg: "m", Hint: "first\nsecond"}, "caseplan: m\ncaseplan: hint: first\ncaseplan: hint: second\n"},
		{"a wrapped hint", fmt.Errorf("outer: %w", hintf(os.ErrPermission, "check the permissions")), "caseplan: outer: permission denied\ncaseplan: hint: check the permissions\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			printError(&b, tt.err)
			if b.String() != tt.want {
				t.Errorf("printError = %q, want %q", b.String(), tt.want)
			}
		})
	}
}
