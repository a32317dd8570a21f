package cli

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store/storetest"
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

// A day before the case opened it was no case yet: case show's view says
// so in its status, with no phase and nothing due, in the JSON and the
// text; from the opening day it is open.
func TestCaseShowNotOpened(t *testing.T) {
	snap := storetest.Load(t, storetest.MemStore{
		"cases/caseplan.yaml":  "organization: Test Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  wioa:\n    kind: wioa\n",
		"cases/C1/intake.yaml": "id: C1\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Ana Example\n",
		"cases/C1/iep.yaml":    "created: 2026-03-02\nnext_steps:\n  - id: N1\n    owner: manager\n    text: Call\n    due: 2026-01-20\n",
	})
	v, err := newCaseShowView(snap, nil, "C1", storetest.Day("2026-02-01"))
	if err != nil {
		t.Fatal(err)
	}
	if v.Status != casestate.StatusNotOpened || v.Phase != "" || v.DaysLeft != nil || v.Participation != nil || len(v.NextDue) != 0 {
		t.Errorf("before the opening: status %q phase %q days left %v participation %v next due %v; want %s, nothing of the program",
			v.Status, v.Phase, v.DaysLeft, v.Participation, v.NextDue, casestate.StatusNotOpened)
	}
	var b strings.Builder
	v.write(&b, 0)
	if want := "Status:       not opened yet on 2026-02-01: it opens 2026-03-02\n"; !strings.Contains(b.String(), want) {
		t.Errorf("text:\n%s\nwant the line %q", b.String(), want)
	}
	if strings.Contains(b.String(), "Phase:") || strings.Contains(b.String(), "Next due") {
		t.Errorf("text:\n%s\nwant no phase and nothing due", b.String())
	}
	if v, err := newCaseShowView(snap, nil, "C1", storetest.Day("2026-03-02")); err != nil || v.Status != "open" || len(v.NextDue) == 0 {
		t.Errorf("on the opening day: %+v, %v; want open, with items due", v, err)
	}
}
