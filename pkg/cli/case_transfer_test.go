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
