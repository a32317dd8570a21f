package casework

import (
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
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
	var closed *ClosedCaseError
	if !errors.As(err, &closed) || closed.Error() != "case W-001 is closed (since 2026-03-16, reason withdrew); a contact schedule is agreed while the case is open" || !strings.Contains(closed.Hint(), "caseplan case reopen W-001") {
		t.Errorf("a schedule on a closed case: %v", err)
	}
	assertSameState(t, before, captureState(t, dir))
	if _, err := ws.Apply([]string{"W-001"}, SetContactSchedule{Case: "W-001", Clear: true}.Build); err != nil {
		t.Errorf("clear on a closed case: %v", err)
	}
}

// TestTwelveHour: a clear 12-hour time is read 24-hour, for the hint;
// anything else is not read at all.
func TestTwelveHour(t *testing.T) {
	for typed, want := range map[string]string{
		"7pm": "19:00", "7 pm": "19:00", "7:30pm": "19:30", "12am": "00:00", "12:15 PM": "12:15",
		"12:15 am": "00:15", "12pm": "12:00", "9 a.m.": "09:00", "07:05PM": "19:05",
		"13pm": "", "0am": "", "7": "", "7:3pm": "", "7.30pm": "", "19:00": "", "pm": "", "+7pm": "", "7:60pm": "",
	} {
		got, ok := twelveHour(typed)
		if got != want || ok != (want != "") {
			t.Errorf("twelveHour(%q) = %q, %v; want %q", typed, got, ok, want)
		}
	}
}

// TestContactScheduleHints: a refused --time, --day or --agreed is
// answered with the value to type: the 12-hour time 24-hour, the day a
// prefix begins, the day the case opened. The refusal stands: nothing is
// written.
func TestContactScheduleHints(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	str := func(s string) *string { return &s }
	ws := openWorkspace(t, dir, maria)
	before := captureState(t, dir)
	early := record.Date("2026-03-01")
	for _, tc := range []struct {
		a             SetContactSchedule
		msg, hintHead string
	}{
		{SetContactSchedule{Case: "W-001", Every: str("weekly"), Day: str("tuesday"), Time: str("7:30 pm")},
			`--time "7:30 pm" is not a time of day`, "did you mean --time 19:30? write the agreed time 24-hour"},
		{SetContactSchedule{Case: "W-001", Every: str("weekly"), Day: str("tuesday"), Time: str("12am")},
			`--time "12am" is not a time of day`, "did you mean --time 00:00? "},
		{SetContactSchedule{Case: "W-001", Every: str("weekly"), Day: str("tuesday"), Time: str("evening")},
			`--time "evening" is not a time of day`, "write the agreed time 24-hour"},
		// Longer than a choice that it starts with: never read as it.
		{SetContactSchedule{Case: "W-001", Every: str("weekly"), Day: str("tuesdays and fridays")},
			`--day "tuesdays and fridays" is not a day of the week`, "did you mean --day tuesday? a weekly schedule names a day of the week: monday, "},
		{SetContactSchedule{Case: "W-001", Every: str("weekly"), Day: str("tuesday"), Mode: str("phonecall")},
			`--mode "phonecall" is not a way to make a contact`, "did you mean --mode phone? use one of in-person, "},
		{SetContactSchedule{Case: "W-001", Every: str("weeklyish"), Day: str("tuesday")},
			`--every "weeklyish" is not one of weekly, fortnightly, monthly`, "did you mean weekly?"},
		{SetContactSchedule{Case: "W-001", Every: str("weekly"), Day: str("monday"), Agreed: &early},
			"agreed date 2026-03-01 (--agreed) is before case W-001 opened (2026-03-16)", "the earliest --agreed is the day the case opened: --agreed 2026-03-16"},
	} {
		_, err := ws.Apply([]string{"W-001"}, tc.a.Build)
		var in *InputError
		if !errors.As(err, &in) || in.Msg != tc.msg || !strings.HasPrefix(in.Hint, tc.hintHead) {
			t.Errorf("%+v: got %v (hint %q); want %q, hint %q...", tc.a, err, hintOf(in), tc.msg, tc.hintHead)
		}
	}
	assertSameState(t, before, captureState(t, dir))
}

// TestContactScheduleChoices: each choice is read in any case, or by an
// unambiguous beginning of three letters or more, and written as the
// schema spells it: the same word, not a change of what was typed.
func TestContactScheduleChoices(t *testing.T) {
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		every, day, mode string
		want             string
	}{
		{"Weekly", "Tuesday", "Phone", "  every: weekly\n  day: tuesday\n  mode: phone\n"},
		{"WEEKLY", "tue", "Home-Visit", "  every: weekly\n  day: tuesday\n  mode: home-visit\n"},
		{"fortn", "Thurs", "vid", "  every: fortnightly\n  day: thursday\n  mode: video\n"},
		{"Monthly", "15", "In-Person", "  every: monthly\n  day_of_month: 15\n  mode: in-person\n"},
	} {
		dir := initTestStore(t)
		openTestCase(t, dir, "W-001")
		ws := openWorkspace(t, dir, maria)
		a := SetContactSchedule{Case: "W-001", Every: str(tc.every), Day: str(tc.day), Mode: str(tc.mode)}
		if _, err := ws.Apply([]string{"W-001"}, a.Build); err != nil {
			t.Errorf("--every %s --day %s --mode %s: %v", tc.every, tc.day, tc.mode, err)
			continue
		}
		if got := readTestFile(t, dir, "cases/W-001/iep.yaml"); !strings.Contains(got, tc.want) {
			t.Errorf("--every %s --day %s --mode %s wrote\n%s\nwant %q", tc.every, tc.day, tc.mode, got, tc.want)
		}
	}
}

// TestContactScheduleKeepsComments: a change is made in place, field by
// field, so the comments a person wrote inside the block stay — the one
// on the time: line and the one above mode: — and a field taken out goes
// alone.
func TestContactScheduleKeepsComments(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001")
	str := func(s string) *string { return &s }
	ws := openWorkspace(t, dir, maria)
	if _, err := ws.Apply([]string{"W-001"}, SetContactSchedule{Case: "W-001", Every: str("weekly"), Day: str("tuesday"), Time: str("18:00"), Mode: str("phone"), Note: str("She calls")}.Build); err != nil {
		t.Fatal(err)
	}
	plan := readTestFile(t, dir, "cases/W-001/iep.yaml")
	commented := strings.Replace(strings.Replace(plan,
		"  time: \"18:00\"\n", "  time: \"18:00\" # after her shift ends\n", 1),
		"  mode: phone\n", "  # she has no video at home\n  mode: phone\n", 1)
	if commented == plan {
		t.Fatalf("no schedule block to comment:\n%s", plan)
	}
	writeTestFile(t, dir, "cases/W-001/iep.yaml", commented)
	gitCLI(t, dir, "commit", "-q", "-am", "comment the schedule")
	if _, err := ws.Apply([]string{"W-001"}, SetContactSchedule{Case: "W-001", Time: str("19:00")}.Build); err != nil {
		t.Fatal(err)
	}
	want := "  time: \"19:00\" # after her shift ends\n  # she has no video at home\n  mode: phone\n"
	if got := readTestFile(t, dir, "cases/W-001/iep.yaml"); !strings.Contains(got, want) {
		t.Errorf("--time 19:00 lost a comment; got\n%s\nwant it to hold\n%s", got, want)
	}
	if _, err := ws.Apply([]string{"W-001"}, SetContactSchedule{Case: "W-001", Note: str(""), Day: str("thursday")}.Build); err != nil {
		t.Fatal(err)
	}
	got := readTestFile(t, dir, "cases/W-001/iep.yaml")
	if !strings.Contains(got, "  day: thursday\n  time: \"19:00\" # after her shift ends\n  # she has no video at home\n  mode: phone\n  agreed: ") || strings.Contains(got, "note:") {
		t.Errorf("a new day and the note taken out:\n%s", got)
	}
}

// TestContactScheduleAgreedFromToday: without --agreed the schedule is
// agreed on --today, which is checked as an --agreed is (checkDoneDate):
// a --today before the case opened (a case whose opening is dated after
// the real today) is refused, naming --today, with a hint that says how
// to correct the opening date or to wait for it: an --agreed on the
// opening would be after today, so no day is offered; nothing is written.
func TestContactScheduleAgreedFromToday(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	str := func(s string) *string { return &s }
	ws := openWorkspace(t, dir, maria)
	before := captureState(t, dir)
	ws.Today = testToday.AddDate(0, 0, -2)
	_, err := ws.Apply([]string{"W-001"}, SetContactSchedule{Case: "W-001", Every: str("weekly"), Day: str("monday")}.Build)
	var in *InputError
	wantMsg := "agreed date 2026-03-14 (--today) is before case W-001 opened (2026-03-16)"
	wantHint := "if case W-001 did not open on 2026-03-16, correct opened with caseplan edit W-001 intake; if it is right, this can be done from that day on"
	if !errors.As(err, &in) || in.Msg != wantMsg || in.Hint != wantHint {
		t.Errorf("got %v (hint %q)\nwant %q (hint %q)", err, hintOf(in), wantMsg, wantHint)
	}
	assertSameState(t, before, captureState(t, dir))
}
