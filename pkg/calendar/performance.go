package calendar

import (
	"fmt"
	"strconv"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
)

// WIOA's reporting calendar (TEGL 10-16, Change 1; the reporting periods
// of the ETA-9169 statewide and local performance report, which TEGL
// 14-18's Appendix V draws): the program year, and which exits or which
// participants each primary indicator of a report counts. The indicators
// are lagged because their outcomes are known only quarters after exit:
// the report for a program year counts the employment in the 2nd quarter
// after exit of those who exited a year before it, and the 4th quarter's
// of those who exited a year and a half before it.

// Span is a run of days, both ends included.
type Span struct{ From, To time.Time }

// Contains reports whether t falls in the span.
func (s Span) Contains(t time.Time) bool { return !t.Before(s.From) && !t.After(s.To) }

func (s Span) String() string {
	return s.From.Format(time.DateOnly) + " to " + s.To.Format(time.DateOnly)
}

// ReportPeriod is what a performance report covers: WIOA program year
// Year — July 1 of Year to June 30 of the next year (PY 2025 is
// 2025-07-01 to 2026-06-30) — or, when Quarter is 1 to 4, the quarterly
// report for its Quarter-th quarter (Q1 is July to September).
type ReportPeriod struct {
	Year    int
	Quarter int // 0: the whole program year
	Span        // the program year, or its quarter
}

// FirstProgramYear and LastProgramYear bound the program years a report
// takes: a year of four digits (the last one's June 30 still has four),
// none before 2000, where a year of two digits (26 for 2026) is a slip.
const (
	FirstProgramYear = 2000
	LastProgramYear  = 9998
)

// NewReportPeriod returns program year year, or its quarter-th quarter
// (quarter 0: the whole year).
func NewReportPeriod(year, quarter int) (ReportPeriod, error) {
	if year < FirstProgramYear || year > LastProgramYear {
		return ReportPeriod{}, fmt.Errorf("program year %d is out of range: a program year is one of %d to %d, named by the year it starts in", year, FirstProgramYear, LastProgramYear)
	}
	if quarter < 0 || quarter > 4 {
		return ReportPeriod{}, fmt.Errorf("quarter %d: a program year has quarters 1 to 4", quarter)
	}
	start := time.Date(year, time.July, 1, 0, 0, 0, 0, time.UTC)
	p := ReportPeriod{Year: year, Quarter: quarter, Span: Span{start, AddMonths(start, 12).AddDate(0, 0, -1)}}
	if quarter > 0 {
		first := AddMonths(start, 3*(quarter-1))
		p.Span = Span{first, AddMonths(first, 3).AddDate(0, 0, -1)}
	}
	return p, nil
}

// ProgramYearOn is the program year day falls in: a program year begins on
// July 1 (TEGL 10-16, Change 1), so 2026-03-16 is in program year 2025.
func ProgramYearOn(day time.Time) int {
	if day.Month() >= time.July {
		return day.Year()
	}
	return day.Year() - 1
}

// ReportPeriodOfCalendarQuarter is the quarterly report period that is
// calendar quarter q (1 is January to March) of year. Program years start
// on July 1 (TEGL 10-16, Change 1), so their quarters are not the
// calendar's: the quarter ending 2026-12-31, the calendar's 2026 Q4, is
// program year 2026, quarter 2, and 2027 Q1 is program year 2026,
// quarter 3. A coordinator who writes the quarter as the calendar names it
// is told which one it is.
func ReportPeriodOfCalendarQuarter(year, q int) (ReportPeriod, error) {
	if q < 1 || q > 4 {
		return ReportPeriod{}, fmt.Errorf("calendar quarter %d: a year has quarters 1 to 4", q)
	}
	if q <= 2 {
		return NewReportPeriod(year-1, q+2)
	}
	return NewReportPeriod(year, q-2)
}

// ProgramYearStart is the first day of the program year: July 1.
func (p ReportPeriod) ProgramYearStart() time.Time {
	return time.Date(p.Year, time.July, 1, 0, 0, 0, 0, time.UTC)
}

// Name names the period: "program year 2025" or "program year 2025,
// quarter 2".
func (p ReportPeriod) Name() string {
	if p.Quarter == 0 {
		return fmt.Sprintf("program year %d", p.Year)
	}
	return fmt.Sprintf("program year %d, quarter %d", p.Year, p.Quarter)
}

// laggedExits is the four calendar quarters of exits whose last quarter
// ends lag quarters before the period's last quarter does: the rolling
// four quarters of the ETA-9169's cohort periods.
func (p ReportPeriod) laggedExits(lag int) Span {
	lastStart := AddMonths(QuarterStart(p.To), -3*lag)
	return Span{AddMonths(lastStart, -9), AddMonths(lastStart, 3).AddDate(0, 0, -1)}
}

// SecondQuarterExits are the exits the employment rate in the 2nd quarter
// after exit and median earnings count: the four quarters ending a year
// before the period ends. For program year 2025 (to 2026-06-30) they are
// the exits of 2024-07-01 to 2025-06-30, whose 2nd quarters after exit
// end by 2025-12-31, inside the program year.
func (p ReportPeriod) SecondQuarterExits() Span { return p.laggedExits(4) }

// FourthQuarterExits are the exits the employment rate in the 4th quarter
// after exit, credential attainment and retention with the same employer
// count: the four quarters ending a year and a half before the period
// ends. For program year 2025 they are the exits of 2024, whose 4th
// quarters after exit end by 2025-12-31.
func (p ReportPeriod) FourthQuarterExits() Span { return p.laggedExits(6) }

// SkillGainSpan is the time measurable skill gains count over: the
// program year, or for a quarterly report the program year to the
// quarter's end. The indicator is not exit-based: it counts participants
// in education or training during it.
func (p ReportPeriod) SkillGainSpan() Span { return Span{p.ProgramYearStart(), p.To} }

// QuarterIndex is the number of calendar quarters from the quarter of exit
// to the quarter holding t: 0 for the quarter of exit itself, 2 for the
// 2nd quarter after exit.
func QuarterIndex(exit, t time.Time) int {
	e, q := QuarterStart(exit), QuarterStart(t)
	return (q.Year()-e.Year())*4 + (int(q.Month())-int(e.Month()))/3
}

// ExclusionSpan is when a reason to exclude a participant who exited on
// exit counts: "at time of exit or during the three quarters following the
// quarter of exit" (PIRL 923), so from the exit date through the end of the
// 3rd quarter after the quarter of exit. The exit date is the last
// participation-causing service (TEGL 10-16): a reason dated before it was
// followed by services, so it is not what ended the participation — a
// hospital stay in January, services resumed, a normal exit in June.
func ExclusionSpan(exit time.Time) Span {
	_, last := QuarterAfterExit(exit, 3)
	return Span{exit, last}
}

// Covering is a follow-up that reports on a quarter after exit: done in
// the quarter, or made for it (due in it, or naming it) and done after it
// (Late).
type Covering struct {
	Index int // in the outcome's follow_ups
	Late  bool
}

// FollowUpAddCommand is the followup add command, whole, that records a
// follow-up of case caseID for the k-th quarter after exit: followup add
// needs --date, and --quarter names the quarter it reports on whatever
// day it is done (FollowUpsFor). validate's findings and the performance
// report's missing outcomes say it alike, so each runs as typed once
// DATE is filled in.
func FollowUpAddCommand(caseID string, k int) string {
	return "caseplan followup add " + caseID + " --date DATE --quarter " + strconv.Itoa(k)
}

// FollowUpsFor returns the follow-ups of o that report on the k-th quarter
// after an exit on exit, the ones done in the quarter first, then the late
// ones by their done date. A follow-up reports on the quarter it names
// (quarter), else on the quarter it was done in, or the quarter it was due
// in when it was done after that quarter. One done before the quarter
// began never does: WIOA measures employment in the quarter itself.
func FollowUpsFor(o *record.Outcome, exit time.Time, k int) []Covering {
	if o == nil {
		return nil
	}
	first, last := QuarterAfterExit(exit, k)
	var in, late []Covering
	for i, f := range o.FollowUps {
		done, ok := f.Done.Time()
		if !ok || done.Before(first) {
			continue
		}
		switch {
		case f.Quarter != 0 && f.Quarter != k:
		case !done.After(last):
			in = append(in, Covering{Index: i})
		case f.Quarter == k:
			late = append(late, Covering{Index: i, Late: true})
		default:
			if due, ok := f.Due.Time(); ok && !due.Before(first) && !due.After(last) {
				late = append(late, Covering{Index: i, Late: true})
			}
		}
	}
	for i := 1; i < len(late); i++ {
		for j := i; j > 0 && o.FollowUps[late[j].Index].Done < o.FollowUps[late[j-1].Index].Done; j-- {
			late[j], late[j-1] = late[j-1], late[j]
		}
	}
	return append(in, late...)
}

// FollowUpQuarter is the quarter after an exit on exit that follow-up f
// reports on, as FollowUpsFor reads it; false when it reports on none of
// the four quarters after exit (it was not done, or done outside them).
func FollowUpQuarter(f record.FollowUp, exit time.Time) (int, bool) {
	o := &record.Outcome{FollowUps: []record.FollowUp{f}}
	for k := 1; k <= 4; k++ {
		if len(FollowUpsFor(o, exit, k)) > 0 {
			return k, true
		}
	}
	return 0, false
}
