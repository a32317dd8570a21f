package calendar

import (
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
)

// The cohorts of a report period, worked out by hand from the ETA-9169's
// reporting periods (TEGL 10-16; TEGL 14-18, Appendix V): the annual
// report for program year 2025 (2025-07-01 to 2026-06-30) counts
// employment in the 2nd quarter after exit of the exits of 2024-07-01 to
// 2025-06-30 and in the 4th of the exits of calendar 2024; a quarterly
// report the rolling four quarters ending a year, and a year and a half,
// before its quarter ends; skill gains the program year to date.
func TestReportPeriod(t *testing.T) {
	for _, tt := range []struct {
		year, quarter int
		period        string
		q2, q4, gains string
		name          string
	}{
		{2025, 0, "2025-07-01 to 2026-06-30", "2024-07-01 to 2025-06-30", "2024-01-01 to 2024-12-31", "2025-07-01 to 2026-06-30", "program year 2025"},
		{2025, 1, "2025-07-01 to 2025-09-30", "2023-10-01 to 2024-09-30", "2023-04-01 to 2024-03-31", "2025-07-01 to 2025-09-30", "program year 2025, quarter 1"},
		{2025, 2, "2025-10-01 to 2025-12-31", "2024-01-01 to 2024-12-31", "2023-07-01 to 2024-06-30", "2025-07-01 to 2025-12-31", "program year 2025, quarter 2"},
		{2025, 3, "2026-01-01 to 2026-03-31", "2024-04-01 to 2025-03-31", "2023-10-01 to 2024-09-30", "2025-07-01 to 2026-03-31", "program year 2025, quarter 3"},
		// The fourth quarter's report has the annual report's cohorts.
		{2025, 4, "2026-04-01 to 2026-06-30", "2024-07-01 to 2025-06-30", "2024-01-01 to 2024-12-31", "2025-07-01 to 2026-06-30", "program year 2025, quarter 4"},
		{2019, 0, "2019-07-01 to 2020-06-30", "2018-07-01 to 2019-06-30", "2018-01-01 to 2018-12-31", "2019-07-01 to 2020-06-30", "program year 2019"},
	} {
		p, err := NewReportPeriod(tt.year, tt.quarter)
		if err != nil {
			t.Fatal(err)
		}
		for what, got := range map[string]string{
			"period": p.Span.String(), "q2": p.SecondQuarterExits().String(), "q4": p.FourthQuarterExits().String(),
			"gains": p.SkillGainSpan().String(), "name": p.Name(),
		} {
			want := map[string]string{"period": tt.period, "q2": tt.q2, "q4": tt.q4, "gains": tt.gains, "name": tt.name}[what]
			if got != want {
				t.Errorf("PY %d Q%d %s = %s, want %s", tt.year, tt.quarter, what, got, want)
			}
		}
	}
	for _, bad := range [][2]int{{2025, 5}, {2025, -1}, {1999, 0}, {9999, 0}} {
		if _, err := NewReportPeriod(bad[0], bad[1]); err == nil {
			t.Errorf("NewReportPeriod(%d, %d): no error", bad[0], bad[1])
		}
	}
}

// A calendar quarter is the program-year quarter that spans the same
// months: program years begin on July 1 (TEGL 10-16, Change 1).
func TestReportPeriodOfCalendarQuarter(t *testing.T) {
	for _, tt := range []struct {
		year, q int
		name    string
		span    string
	}{
		{2026, 4, "program year 2026, quarter 2", "2026-10-01 to 2026-12-31"},
		{2026, 3, "program year 2026, quarter 1", "2026-07-01 to 2026-09-30"},
		{2027, 1, "program year 2026, quarter 3", "2027-01-01 to 2027-03-31"},
		{2027, 2, "program year 2026, quarter 4", "2027-04-01 to 2027-06-30"},
	} {
		p, err := ReportPeriodOfCalendarQuarter(tt.year, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if p.Name() != tt.name || p.Span.String() != tt.span {
			t.Errorf("%d Q%d = %s (%s), want %s (%s)", tt.year, tt.q, p.Name(), p.Span, tt.name, tt.span)
		}
	}
	for _, q := range []int{0, 5} {
		if _, err := ReportPeriodOfCalendarQuarter(2026, q); err == nil {
			t.Errorf("calendar quarter %d: no error", q)
		}
	}
}

func TestQuarterIndex(t *testing.T) {
	for _, tt := range []struct {
		exit, at string
		want     int
	}{
		{"2026-06-01", "2026-06-30", 0},
		{"2026-06-01", "2026-10-01", 2},
		{"2026-06-01", "2027-06-30", 4},
		{"2026-12-31", "2027-01-01", 1},
		{"2026-01-01", "2025-12-31", -1},
	} {
		if got := QuarterIndex(day(tt.exit), day(tt.at)); got != tt.want {
			t.Errorf("QuarterIndex(%s, %s) = %d, want %d", tt.exit, tt.at, got, tt.want)
		}
	}
	if s := ExclusionSpan(day("2026-06-01")); s.String() != "2026-06-01 to 2027-03-31" {
		t.Errorf("ExclusionSpan = %s: from the exit (at time of exit) through the 3rd quarter after the exit quarter (2026-Q2), 2027-Q1", s)
	}
}

// Which follow-up reports on which quarter after exit. The exit is
// 2026-06-01 (2026-Q2): the 2nd quarter after exit is 2026-Q4, the 4th
// 2027-Q2.
func TestFollowUpsFor(t *testing.T) {
	exit := day("2026-06-01")
	o := &record.Outcome{FollowUps: []record.FollowUp{
		{Due: "2026-12-15", Done: "2026-11-02"},             // 0: done in Q2
		{Due: "2026-12-15", Done: "2027-01-20"},             // 1: due in Q2, done after it: late, for Q2
		{Due: "2026-12-15", Done: "2027-01-10"},             // 2: the same, earlier
		{Due: "2026-09-30", Done: "2026-09-30"},             // 3: done before Q2 began: the 1st quarter's
		{Due: "2027-06-15", Done: "2027-08-01", Quarter: 4}, // 4: names Q4, done after it: late, for Q4
		{Due: "2027-03-01", Done: "2027-05-01", Quarter: 3}, // 5: done in Q4 but names Q3
		{Due: "2027-06-15"},                                 // 6: not done
		{Due: "2027-06-15", Done: "2027-05-02", Quarter: 4}, // 7: done in Q4
	}}
	for _, tt := range []struct {
		k    int
		want []Covering
	}{
		{1, []Covering{{3, false}}},
		{2, []Covering{{0, false}, {2, true}, {1, true}}},
		// Done in Q3 without naming a quarter, 1 and 2 report on it too:
		// followup add names the quarter, so new ones report on one.
		{3, []Covering{{1, false}, {2, false}, {5, true}}},
		{4, []Covering{{7, false}, {4, true}}},
	} {
		got := FollowUpsFor(o, exit, tt.k)
		if len(got) != len(tt.want) {
			t.Errorf("quarter %d: %v, want %v", tt.k, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("quarter %d: %v, want %v", tt.k, got, tt.want)
				break
			}
		}
	}
	if FollowUpsFor(nil, exit, 2) != nil {
		t.Error("no outcome, no follow-ups")
	}
	// The quarter a new follow-up reports on, which followup add records:
	// the one it was due in when it is done late.
	for _, tt := range []struct {
		f    record.FollowUp
		want int
		ok   bool
	}{
		{record.FollowUp{Due: "2026-12-15", Done: "2027-01-20"}, 2, true},
		{record.FollowUp{Due: "2027-01-20", Done: "2027-01-20"}, 3, true},
		{record.FollowUp{Due: "2026-06-10", Done: "2026-06-10"}, 0, false}, // the quarter of exit
		{record.FollowUp{Due: "2027-12-01", Done: "2027-12-01"}, 0, false}, // after the 4th
		{record.FollowUp{Due: "2026-12-15"}, 0, false},
	} {
		k, ok := FollowUpQuarter(tt.f, exit)
		if k != tt.want || ok != tt.ok {
			t.Errorf("FollowUpQuarter(%+v) = %d, %v; want %d, %v", tt.f, k, ok, tt.want, tt.ok)
		}
	}
}

// A reason to exclude lifts a quarter's follow-up only when PIRL 923 would
// leave the participant out: dated from the exit through the 3rd quarter
// after the quarter of exit. The exit is 2024-07-15 (2024-Q3): the 3rd
// quarter after is 2025-Q2, the 4th 2025-Q3.
func TestExcludedBy(t *testing.T) {
	exit := day("2024-07-15")
	for _, tt := range []struct {
		reason, through string
		want            bool
	}{
		{"2024-07-15", "2025-03-31", true},  // at exit, 2nd quarter's follow-up
		{"2024-07-01", "2025-03-31", false}, // before exit: services went on after it
		{"2025-04-10", "2025-03-31", false}, // after the quarter ends
		{"2025-06-30", "2025-09-30", true},  // last day of the span
		{"2025-07-10", "2025-09-30", false}, // 4th quarter: still counted, still owed
	} {
		o := &record.Outcome{Exclusions: []record.Exclusion{{Kind: record.ExclusionHealthMedical, Date: record.Date(tt.reason)}}}
		if got := ExcludedBy(o, exit, day(tt.through)); got != tt.want {
			t.Errorf("ExcludedBy(reason %s, through %s) = %v, want %v", tt.reason, tt.through, got, tt.want)
		}
	}
}

// A day's program year is the one that began on the July 1 before it.
func TestProgramYearOn(t *testing.T) {
	for day, want := range map[string]int{"2026-03-16": 2025, "2026-06-30": 2025, "2026-07-01": 2026, "2026-12-31": 2026} {
		d, _ := time.Parse(time.DateOnly, day)
		if got := ProgramYearOn(d); got != want {
			t.Errorf("ProgramYearOn(%s) = %d, want %d", day, got, want)
		}
	}
}

// A calendar quarter, as people write one, and which quarter after an
// exit it is (TEGL 10-16): an exit on 2026-05-11 is in 2026-Q2.
func TestQuarterAfterExitOf(t *testing.T) {
	exit := time.Date(2026, time.May, 11, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		typed   string
		year, q int
		k       int
	}{
		{"2026-Q4", 2026, 4, 2}, {"2026Q4", 2026, 4, 2}, {"q4 2026", 2026, 4, 2}, {"Q4-2026", 2026, 4, 2},
		{"2027-Q2", 2027, 2, 4}, {"2026-Q2", 2026, 2, 0}, {"2025-Q4", 2025, 4, -2}, {"2027 Q4", 2027, 4, 6},
		{"Q3", 0, 3, 1}, {"Q4", 0, 4, 2}, {"Q1", 0, 1, 3}, {"q2", 0, 2, 4},
	} {
		year, q, ok := ParseCalendarQuarter(tc.typed)
		if !ok || year != tc.year || q != tc.q {
			t.Errorf("ParseCalendarQuarter(%q) = %d, %d, %v, want %d, %d", tc.typed, year, q, ok, tc.year, tc.q)
			continue
		}
		if k := QuarterAfterExitOf(exit, year, q); k != tc.k {
			t.Errorf("%s: quarter %d after the exit, want %d", tc.typed, k, tc.k)
		}
	}
	for _, typed := range []string{"2", "Q5", "2026-Q0", "second", "26-Q4", ""} {
		if _, _, ok := ParseCalendarQuarter(typed); ok {
			t.Errorf("ParseCalendarQuarter(%q) read a calendar quarter", typed)
		}
	}
}
