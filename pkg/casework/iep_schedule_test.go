package casework

import (
	"errors"
	"strings"
	"testing"
)

// TestContactScheduleKeepsItsDays: a change of the agreed time alone
// keeps the day the schedule was agreed, so a fortnightly schedule keeps
// its weeks (it counts them from that day); a change of the day is
// agreed anew.
func TestContactScheduleKeepsItsDays(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16, a Monday
	str := func(s string) *string { return &s }
	ws := openWorkspace(t, dir, maria)
	apply := func(a SetContactSchedule) {
		t.Helper()
		if _, err := ws.Apply([]string{"W-001"}, a.Build); err != nil {
			t.Fatalf("iep schedule %+v: %v", a, err)
		}
	}
	apply(SetContactSchedule{Case: "W-001", Every: str("fortnightly"), Day: str("tuesday"), Time: str("18:00")})

	ws.Today = testToday.AddDate(0, 0, 3) // Thursday, in the off week
	apply(SetContactSchedule{Case: "W-001", Time: str("19:00")})
	if got := readTestFile(t, dir, "cases/W-001/iep.yaml"); !strings.Contains(got, "  time: \"19:00\"\n  agreed: 2026-03-16\n") {
		t.Errorf("a new time moved the fortnights:\n%s", got)
	}
	if _, err := ws.Apply([]string{"W-001"}, SetContactSchedule{Case: "W-001", Time: str("19:00")}.Build); err == nil || !strings.Contains(err.Error(), "nothing changes") {
		t.Errorf("the same time again: %v", err)
	}

	apply(SetContactSchedule{Case: "W-001", Day: str("wednesday")})
	if got := readTestFile(t, dir, "cases/W-001/iep.yaml"); !strings.Contains(got, "  day: wednesday\n  time: \"19:00\"\n  agreed: 2026-03-19\n") {
		t.Errorf("a new day is agreed anew:\n%s", got)
	}
}

// TestContactScheduleClosedCase: a closed case agrees no schedule (the
// tickler asks for no contact on it), but one left in its plan may be
// cleared.
func TestContactScheduleClosedCase(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001")
	str := func(s string) *string { return &s }
	ws := openWorkspace(t, dir, maria)
	if _, err := ws.Apply([]string{"W-001"}, SetContactSchedule{Case: "W-001", Every: str("weekly"), Day: str("monday")}.Build); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: testToday, Reason: "withdrew"}.Build); err != nil {
		t.Fatal(err)
	}
	before := captureState(t, dir)
	_, err := ws.Apply([]string{"W-001"}, SetContactSchedule{Case: "W-001", Time: str("18:00")}.Build)
	var in *InputError
	if !errors.As(err, &in) || in.Msg != "case W-001 is closed; a contact schedule is agreed while the case is open" || !strings.Contains(in.Hint, "caseplan case reopen W-001") {
		t.Errorf("a schedule on a closed case: %v", err)
	}
	assertSameState(t, before, captureState(t, dir))
	if _, err := ws.Apply([]string{"W-001"}, SetContactSchedule{Case: "W-001", Clear: true}.Build); err != nil {
		t.Errorf("clear on a closed case: %v", err)
	}
}
