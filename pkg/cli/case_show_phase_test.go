package cli

import (
	"testing"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/record"
)

// The phase line says when a phase ends; one over before the case opened
// (a post-employment participant whose 12 months after cash assistance had
// ended when they came, 003) is not a phase "since" the opening that
// "ended" earlier still.
func TestPhaseLine(t *testing.T) {
	days := func(n int) *int { return &n }
	for _, tc := range []struct {
		st   casestate.State
		want string
	}{
		{casestate.State{Phase: "follow-up", PhaseStart: "2026-03-09", PhaseEnds: "2027-02-28", DaysLeft: days(349)}, "follow-up since 2026-03-09, ends 2027-02-28 (349 days left)"},
		{casestate.State{Phase: "follow-up", PhaseStart: "2026-03-09", PhaseEnds: "2026-03-16", DaysLeft: days(0)}, "follow-up since 2026-03-09, ends 2026-03-16 (its last day)"},
		{casestate.State{Phase: "follow-up", PhaseStart: "2025-03-09", PhaseEnds: "2026-03-09", DaysLeft: days(-7)}, "follow-up since 2025-03-09, ended 2026-03-09 (7 days ago)"},
		{casestate.State{Phase: "follow-up", PhaseStart: "2026-03-02", PhaseEnds: "2026-01-15", DaysLeft: days(-46)}, "follow-up since 2026-03-02, though it had ended on 2026-01-15, before the case opened (46 days ago)"},
		{casestate.State{Phase: "active", PhaseStart: record.Date("2026-03-02")}, "active since 2026-03-02"},
	} {
		if got := phaseLine(tc.st); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}
