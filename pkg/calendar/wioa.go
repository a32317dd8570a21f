package calendar

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

// WIOA's performance definitions (TEGL 10-16, Change 1; the PIRL, ETA-9172):
// quarters after exit, participation and exit. The state systems a board
// is judged by count this way, so caseplan does too.

// FollowUpQuarters are the quarters after exit in which a WIOA follow-up
// is made: the second and the fourth, the quarters WIOA measures
// employment in (TEGL 10-16).
var FollowUpQuarters = []int{2, 4}

// QuarterStart returns the first day of the calendar quarter holding t.
func QuarterStart(t time.Time) time.Time {
	return time.Date(t.Year(), (t.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
}

// QuarterName names the calendar quarter holding t: 2026-Q2.
func QuarterName(t time.Time) string {
	return strconv.Itoa(t.Year()) + "-Q" + strconv.Itoa(int(t.Month()-1)/3+1)
}

// QuarterAfterExit returns the first and last day of the k-th quarter
// after exit: quarters after exit are calendar quarters after the quarter
// of exit (TEGL 10-16), so an exit on 2026-06-01 (2026-Q2) has its 2nd
// quarter after exit in 2026-10-01..2026-12-31 and its 4th in
// 2027-04-01..2027-06-30.
func QuarterAfterExit(exit time.Time, k int) (first, last time.Time) {
	first = AddMonths(QuarterStart(exit), 3*k)
	return first, AddMonths(first, 3).AddDate(0, 0, -1)
}

// FollowUpQuartersWithin returns the follow-up quarters (2nd, 4th) that
// start within months of follow-up after exit: with 12 months both do,
// since the 4th quarter after exit starts at most 12 months after it.
func FollowUpQuartersWithin(exit time.Time, months int) []int {
	limit := AddMonths(exit, months)
	var out []int
	for _, k := range FollowUpQuarters {
		if first, _ := QuarterAfterExit(exit, k); !first.After(limit) {
			out = append(out, k)
		}
	}
	return out
}

// FollowUpEndAfter is the last day of follow-up after an exit on exit with
// months of follow-up: the later of months after exit (001, 002) and the
// end of the last follow-up quarter that starts within them, which WIOA
// measures (TEGL 10-16) and which may end up to three months later.
func FollowUpEndAfter(exit time.Time, months int) time.Time {
	end := AddMonths(exit, months)
	for _, k := range FollowUpQuartersWithin(exit, months) {
		if _, last := QuarterAfterExit(exit, k); last.After(end) {
			end = last
		}
	}
	return end
}

// FollowUpEnd is FollowUpEndAfter for case c's exit and its program's
// follow_up_months (12); false when the case records no exit.
func FollowUpEnd(c *casefile.Case, cfg *record.Config) (time.Time, bool) {
	in := c.Intake
	if in == nil {
		return time.Time{}, false
	}
	exit, ok := in.Exited.Time()
	if !ok {
		return time.Time{}, false
	}
	return FollowUpEndAfter(exit, cfg.ProgramSetting(in.Program, record.SettingFollowUpMonths)), true
}

// Participation is what a case's records say about participation and exit
// on a day, by WIOA's definitions:
//
//   - a participant is a person who received a staff-assisted service
//     after eligibility was determined; the participation date is that
//     service's date, not the day the case was opened (PIRL 900);
//   - a participant exits when 90 days (inactivity_exit_days) pass with no
//     participation-causing service and none scheduled, and the exit date
//     is the date of the last such service (PIRL 901).
//
// A service causes participation when its code's category does
// (record.CausesParticipation): staff-assisted basic and individualized
// career services and training, not follow-up, supportive services alone,
// self-service or information-only services. Services are the ones notes
// record (a code unknown to the store's catalogue counts for nothing;
// validate reports it) and the plan's services (from their start to their
// end; one that has not started, or has not ended, is scheduled, unless it
// is cancelled; one started with no end that is not completed is under way
// today; one completed with no end counts on its start).
type Participation struct {
	// Eligible is the first eligibility determination that found the
	// person eligible, or the day the case opened when none is recorded
	// (EligibleRecorded is then false).
	Eligible         time.Time
	EligibleRecorded bool
	// Date is the participation date: the first participation-causing
	// service on or after Eligible; zero when none yet.
	Date time.Time
	// LastService is the latest participation-causing service on or
	// before today; zero when none.
	LastService time.Time
	// Scheduled says a participation-causing service is scheduled after
	// today (or is under way).
	Scheduled bool
	// Exit is the exit date when the participant has exited by the
	// definition: LastService, once inactivity_exit_days have passed
	// after it with nothing scheduled; zero otherwise, and zero for
	// someone who never became a participant (Date zero).
	Exit time.Time
	// ExitDays is inactivity_exit_days, the program's setting.
	ExitDays int
	// UnderWay is the plan service (its ID) that started and has no end
	// nor a completed status on an open case, the earliest started when
	// several are, and UnderWaySince its start: it keeps LastService at
	// today, so the case never reaches an exit until its end is recorded.
	// "" and zero when none is.
	UnderWay      string
	UnderWaySince time.Time
	// Closed is the day the case was closed, when it is closed on today
	// and was before it: nothing is served on a closed case, so the plan's
	// services end on it (a service under way ends with the closure, one
	// scheduled after it is not given). Zero while the case is open.
	Closed time.Time
	// EarlierExit is the exit date of the first exit by the definition
	// that a later participation-causing service hides: a participant's
	// service (on or after Date) followed by more than
	// inactivity_exit_days with none, and then by one on Returned. By
	// TEGL 10-16 the participant exited on EarlierExit and the service on
	// Returned began a new period of participation, though today the
	// case shows neither (its LastService is later). Zero when the
	// services before today leave no such gap.
	EarlierExit time.Time
	Returned    time.Time
}

// ParticipationOf returns case c's participation on today.
func ParticipationOf(c *casefile.Case, cfg *record.Config, today time.Time) Participation {
	var p Participation
	in := c.Intake
	if in == nil {
		return p
	}
	p.ExitDays = cfg.ProgramSetting(in.Program, record.SettingInactivityExitDays)
	for _, e := range in.Eligibility {
		if t, ok := e.Determined.Time(); ok && e.Eligible && (!p.EligibleRecorded || t.Before(p.Eligible)) {
			p.Eligible, p.EligibleRecorded = t, true
		}
	}
	if !p.EligibleRecorded {
		p.Eligible, _ = in.Opened.Time()
	}
	causes := func(code string) bool {
		cat, ok := cfg.ServiceCategory(code)
		return ok && record.CausesParticipation(cat)
	}
	// given are the days each service given by today covers, for the
	// exits a later service hides (EarlierExit).
	var given []span
	see := func(t time.Time) {
		if t.After(today) {
			p.Scheduled = true
			return
		}
		given = append(given, span{t, t})
		if !t.Before(p.Eligible) && (p.Date.IsZero() || t.Before(p.Date)) {
			p.Date = t
		}
		if p.LastService.IsZero() || t.After(p.LastService) {
			p.LastService = t
		}
	}
	for _, n := range c.Notes {
		if n.Kind == "amendment" {
			continue
		}
		t, ok := n.Date.Time()
		if !ok {
			continue
		}
		for _, code := range n.Services {
			if causes(code) {
				see(t)
				break
			}
		}
	}
	// A plan's services run until today, or until the case was closed:
	// nothing is served on a closed case, so a service left under way
	// (no end recorded) ends with the closure, and one scheduled after
	// it will not be given — else a closed case would count a service
	// every day and never exit.
	horizon, closed := today, false
	if cl := c.Outcome.ClosedOn(record.Date(today.Format(time.DateOnly))); cl != nil {
		if t, ok := cl.Date.Time(); ok && t.Before(today) {
			horizon, closed = t, true
			p.Closed = t
		}
	}
	if plan := c.IEP; plan != nil {
		for _, s := range plan.Services {
			if s.Status == "cancelled" || !causes(s.Code) {
				continue
			}
			start, ok := s.Start.Time()
			if !ok || closed && start.After(horizon) {
				continue
			}
			see(start)
			end, ok := s.End.Time()
			switch {
			case ok:
				if end.After(horizon) && s.Status != "completed" && !closed {
					p.Scheduled = true
				}
				if !start.After(horizon) {
					see(minTime(end, horizon))
					given = append(given, span{start, minTime(end, horizon)})
				}
			case s.Status == "" && !start.After(horizon):
				// Started, with no end and not completed: under way
				// today, as training whose end date is not known yet
				// is. Counting it as one day at its start would exit a
				// participant in the middle of it.
				p.Scheduled = p.Scheduled || !closed
				see(horizon)
				given = append(given, span{start, horizon})
				if !closed && (p.UnderWay == "" || start.Before(p.UnderWaySince)) {
					p.UnderWay, p.UnderWaySince = s.ID, start
				}
			}
		}
	}
	// Only a participant exits (PIRL 901): someone whose staff-assisted
	// services all came before eligibility was determined has a last
	// service but no participation, so no exit.
	if known := p.ExitKnown(); !known.IsZero() && !today.Before(known) {
		p.Exit = p.LastService
	}
	p.EarlierExit, p.Returned = p.earlierExit(given)
	return p
}

// span is the days from the first to the last (inclusive) on which a
// participation-causing service was given.
type span struct{ first, last time.Time }

// earlierExit finds, in the days services were given, the first gap that
// was an exit by the definition: a participant's last service, then no
// service through its ServeBy day (inactivity_exit_days after it), then
// one — which the exit does not undo (TEGL 10-16: it begins a new period
// of participation). It returns that exit's date and the later service's;
// zeros when there is no such gap.
func (p Participation) earlierExit(given []span) (exit, returned time.Time) {
	if p.Date.IsZero() {
		return exit, returned
	}
	slices.SortFunc(given, func(a, b span) int { return a.first.Compare(b.first) })
	var last time.Time // the last day served so far
	for _, s := range given {
		if !last.IsZero() && !last.Before(p.Date) {
			// The gap is judged as ServeBy judges today's: the service
			// on the inactivity_exit_days-th day still prevents the exit.
			then := Participation{Date: p.Date, LastService: last, ExitDays: p.ExitDays}
			if s.first.After(then.ServeBy()) {
				return last, s.first
			}
		}
		if s.last.After(last) {
			last = s.last
		}
	}
	return exit, returned
}

// ServeBy is the last day on which a participation-causing service, given
// or scheduled, still prevents the exit: the 90th (inactivity_exit_days-th)
// day after the last one, since the exit takes 90 consecutive days with
// none (TEGL 10-16). Zero when there has been none, or one is scheduled,
// or the person never became a participant.
func (p Participation) ServeBy() time.Time {
	if p.Date.IsZero() || p.Scheduled {
		return time.Time{}
	}
	return p.LastService.AddDate(0, 0, p.ExitDays)
}

// ExitKnown is the first day on which a participant without further
// service has exited by the definition, so that the exit can be recorded
// (caseplan case exit): the day after ServeBy. It is the one day every
// view of a potential exit uses (Exit is set from it on; the tickler's
// potential-exit item and the performance report's missing exit are due on
// it). Zero when ServeBy is.
func (p Participation) ExitKnown() time.Time {
	serveBy := p.ServeBy()
	if serveBy.IsZero() {
		return serveBy
	}
	return serveBy.AddDate(0, 0, 1)
}

// ExcludedBy reports whether outcome o records a reason that leaves the
// participant who exited on exit out of the performance indicators (PIRL
// 923: institutionalised, in medical treatment, called to active duty,
// deceased) dated in ExclusionSpan — from the exit (one dated before it
// was followed by services) through the 3rd quarter after the quarter of
// exit — and on or before day. A follow-up for a quarter after exit ending
// on day is then not owed: WIOA does not measure that participant's
// quarters, and the reason (a death, a prison term) is what keeps one from
// being made. A reason dated in the 4th quarter after exit is outside PIRL
// 923's span: the performance report counts that participant in the 4th
// quarter's indicator, so its follow-up is still owed (or waived).
func ExcludedBy(o *record.Outcome, exit, day time.Time) bool {
	if o == nil {
		return false
	}
	span := ExclusionSpan(exit)
	for _, x := range o.Exclusions {
		if t, ok := x.Date.Time(); ok && span.Contains(t) && !t.After(day) {
			return true
		}
	}
	return false
}

// Calendar quarters as people write them: 2026-Q4, 2026Q4, 2026 Q4,
// Q4-2026, Q4 2026, and Q4 alone, with no year.
var (
	yearQuarterRE = regexp.MustCompile(`^(?i)([0-9]{4})\s*[-/ ]?\s*q\s*([1-4])$`)
	quarterYearRE = regexp.MustCompile(`^(?i)q\s*([1-4])\s*[-/ ]?\s*([0-9]{4})$`)
	bareQuarterRE = regexp.MustCompile(`^(?i)q\s*([1-4])$`)
)

// ParseCalendarQuarter reads a calendar quarter written as people write
// one (2026-Q4, 2026Q4, Q4-2026, Q4 2026; Q4 alone) and returns its year
// (0 when none is written) and its quarter, 1 (January to March) to 4.
// It is how a flag that takes a number of quarters (a program year's
// quarter, a quarter after exit) recognises a calendar quarter typed
// instead, to say which one it is rather than only refuse it.
func ParseCalendarQuarter(s string) (year, q int, ok bool) {
	s = strings.TrimSpace(s)
	if m := yearQuarterRE.FindStringSubmatch(s); m != nil {
		year, _ = strconv.Atoi(m[1])
		q, _ = strconv.Atoi(m[2])
		return year, q, true
	}
	if m := quarterYearRE.FindStringSubmatch(s); m != nil {
		q, _ = strconv.Atoi(m[1])
		year, _ = strconv.Atoi(m[2])
		return year, q, true
	}
	if m := bareQuarterRE.FindStringSubmatch(s); m != nil {
		q, _ = strconv.Atoi(m[1])
		return 0, q, true
	}
	return 0, 0, false
}

// CalendarQuarterStart is the first day of calendar quarter q (1 to 4) of
// year.
func CalendarQuarterStart(year, q int) time.Time {
	return time.Date(year, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
}

// QuarterAfterExitOf is which quarter after an exit on exit calendar
// quarter q of year is (QuarterIndex): 0 for the quarter of exit, negative
// before it. With year 0 (Q4 written alone) it is the one of the four
// quarters after exit WIOA measures that is the calendar's q-th: four
// consecutive quarters hold each calendar quarter once.
func QuarterAfterExitOf(exit time.Time, year, q int) int {
	if year == 0 {
		k := (q - (int(exit.Month())-1)/3 - 1 + 4) % 4
		if k == 0 {
			k = 4
		}
		return k
	}
	return QuarterIndex(exit, CalendarQuarterStart(year, q))
}
