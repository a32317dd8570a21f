package cli

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

// TestClosedTransferred: a closed case handed on is noted, with its
// closure and why the transfer is allowed (its follow-ups, 002); an open
// case, or a case reopened since its closure, is not.
func TestClosedTransferred(t *testing.T) {
	closed := &record.Outcome{Closures: []record.Closure{{Date: "2026-07-01", Reason: "withdrew"}}}
	reopened := &record.Outcome{Closures: []record.Closure{{Date: "2026-07-01", Reason: "moved"}}, Reopenings: []record.Reopening{{Date: "2026-08-01", Reason: "back"}}}
	snap := &casefile.Snapshot{Cases: []*casefile.Case{
		{ID: "W-001", Intake: &record.Intake{Status: "closed"}, Outcome: closed},
		{ID: "W-002", Intake: &record.Intake{Status: "open"}},
		{ID: "W-003", Intake: &record.Intake{Status: "open"}, Outcome: reopened},
	}}
	got := closedTransferred(snap, []string{"W-001", "W-002", "W-003"})
	if len(got) != 1 || !strings.HasPrefix(got[0], "W-001 is closed (since 2026-07-01, withdrew): it is handed on closed") || !strings.Contains(got[0], "follow-ups in the 12 months after exit (002)") {
		t.Errorf("notes: %q, want one for W-001", got)
	}
	if got := closedTransferred(nil, []string{"W-001"}); got != nil {
		t.Errorf("no snapshot: %q", got)
	}
}

// TestTransferNoCommitOrder: case transfer --from --no-commit says what
// it did first, as the committed form does, and only then that the files
// are written and not committed.
func TestTransferNoCommitOrder(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	run := func(args ...string) (string, string) {
		t.Helper()
		code, stdout, stderr := runCaseplan(t, dir, env, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		return stdout, stderr
	}
	run("staff", "add", "--name", "Jo Lee", "--email", "jlee@example.org", "--role", "case-manager")
	run("staff", "add", "--name", "Dee Shah", "--email", "dshah@example.org", "--role", "case-manager")
	run("case", "new", "--program", "wioa", "--name", "Bo Example", "--id", "W-001", "--manager", "jlee")
	run("case", "new", "--program", "wioa", "--name", "Cy Example", "--id", "W-002", "--manager", "jlee")
	stdout, stderr := run("case", "transfer", "--from", "jlee", "--to", "dshah", "--reason", "Caseload balance", "--no-commit")
	if stdout != "W-001\nW-002\n" {
		t.Errorf("stdout %q, want the cases transferred", stdout)
	}
	summary := strings.Index(stderr, "caseplan: transfer 2 case(s) from jlee to dshah\n")
	wrote := strings.Index(stderr, "caseplan: wrote ")
	if summary < 0 || wrote < 0 || wrote < summary {
		t.Errorf("stderr:\n%s\nwant the summary, then the files written and not committed", stderr)
	}
}
