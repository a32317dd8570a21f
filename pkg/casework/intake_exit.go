package casework

import (
	"fmt"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/record"
)

// ExitCase records a WIOA program exit (002): the day services ended. The
// case stays open for the follow-up after it — follow_up_months (12), and
// at least to the end of the 4th quarter after exit — with a follow-up due
// in the 2nd and the 4th quarter after exit (001, 002; TEGL 10-16); it is
// closed afterwards with caseplan case close. A case closed first exits
// too, on or before its closing.
//
// Without a Date, the exit date is the one WIOA's definition gives (TEGL
// 10-16, PIRL 901): the last participation-causing service, once 90 days
// have passed after it with none scheduled. Build refuses when the records
// do not show such an exit yet.
type ExitCase struct {
	Case   string
	Date   time.Time // zero: the exit date by the definition
	Reason string

	// Proposed is set by Build when Date was zero: the exit date the
	// definition gave. Because then says why, for the note and the
	// command's message: "the last participation-causing service, 90 days
	// without one and none scheduled (TEGL 10-16)".
	Proposed bool
	Because  string

	// FollowUpEnds is set by Build: the last day of the follow-up.
	FollowUpEnds record.Date
}

// Build returns the change that sets intake.yaml's exited date and writes
// a note recording the exit and the follow-ups it makes due, in one
// commit.
func (x *ExitCase) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, x.Case)
	if err != nil {
		return nil, err
	}
	in := lc.intake
	if kind := lc.programKind(); kind != record.ProgramWIOA {
		return nil, inputErrorf("a program exit and its 12 months of follow-up are part of WIOA (document 002); close the case with caseplan case close "+x.Case,
			"case %s is in program %s, not a WIOA program", x.Case, in.Program)
	}
	if in.Exited != "" {
		return nil, inputErrorf(newPeriodHint(x.Case), "case %s already exited on %s", x.Case, in.Exited)
	}
	if x.Date.IsZero() {
		p := calendar.ParticipationOf(lc.c, s.Snapshot.Config, s.Today)
		switch {
		case p.LastService.IsZero():
			return nil, inputErrorf("give the exit date with --date DATE", "case %s records no participation-causing service, so WIOA's definition gives no exit date", x.Case)
		case p.Date.IsZero():
			// Only a participant exits (PIRL 901; TEGL 10-16).
			since := "eligibility was determined, " + date(p.Eligible)
			if !p.EligibleRecorded {
				since = "the case opened, " + date(p.Eligible)
			}
			return nil, inputErrorf("give the exit date with --date DATE to record an exit anyway", "case %s never became a participant: no participation-causing service since %s (PIRL 900), so WIOA's definition gives no exit date", x.Case, since)
		case p.Exit.IsZero():
			why := fmt.Sprintf("the last participation-causing service was on %s, %d day(s) ago; the participant exits unless served by %s, and the exit can be recorded from %s",
				date(p.LastService), calendar.Days(p.LastService, s.Today), date(p.ServeBy()), date(p.ExitKnown()))
			if lc.intake.Status == "closed" {
				// Nothing is served after the closing: the 90 days run
				// out, and the exit is known, on their own.
				why = fmt.Sprintf("the last participation-causing service was on %s, %d day(s) ago, and the case is closed, so none follows; the exit can be recorded from %s",
					date(p.LastService), calendar.Days(p.LastService, s.Today), date(p.ExitKnown()))
			} else if p.Scheduled {
				why = "a participation-causing service is scheduled or under way"
			}
			return nil, inputErrorf("give the exit date with --date DATE to record an exit anyway", "case %s has not exited by WIOA's definition (%d days without a participation-causing service, none scheduled: TEGL 10-16): %s", x.Case, p.ExitDays, why)
		}
		x.Date, x.Proposed = p.Exit, true
		x.Because = fmt.Sprintf("the last participation-causing service, %d days without one and none scheduled (TEGL 10-16)", p.ExitDays)
	}
	d := date(x.Date)
	if err := lc.checkHappened("exit date", d); err != nil {
		return nil, err
	}
	// A closed case exits too: a case closed as placed, withdrew or moved
	// has its exit recorded once the 90 days have passed (the tickler and
	// the performance report ask for it), and reopening it only for that
	// would start an episode nobody worked in. Nothing is served after the
	// closing, so the exit, the day services ended, is on or before it
	// (closed.go): the definition's date always is.
	if err := closedWork(lc.c, d, "--date", "a program exit (the day services ended)"); err != nil {
		return nil, err
	}
	if _, ok := in.Opened.Time(); ok && d < in.Opened {
		return nil, inputErrorf("", "exit date %s is before case %s opened (%s)", d, x.Case, in.Opened)
	}
	months := s.Snapshot.Config.ProgramSetting(in.Program, record.SettingFollowUpMonths)
	exit, _ := d.Time()
	x.FollowUpEnds = date(calendar.FollowUpEndAfter(exit, months))

	files := map[string][]byte{}
	if files[lc.intakePath()], err = s.EditRecord(lc.intakePath(), nil, intakeSet([]string{"exited"}, d)); err != nil {
		return nil, err
	}
	var due []string
	for _, k := range calendar.FollowUpQuartersWithin(exit, months) {
		first, last := calendar.QuarterAfterExit(exit, k)
		due = append(due, fmt.Sprintf("the %s quarter after exit, %s (%s to %s)", calendar.Ordinal(k), calendar.QuarterName(first), date(first), date(last)))
	}
	content := fmt.Sprintf("Program exit: services ended on %s. Follow-up to %s (002; TEGL 10-16).", d, x.FollowUpEnds)
	if x.Proposed {
		content = fmt.Sprintf("Program exit on %s: %s. Follow-up to %s (002).", d, x.Because, x.FollowUpEnds)
	}
	note := record.Note{
		Date: d, Kind: "other", Mode: "none",
		Reason:  strings.TrimSpace(x.Reason),
		Content: content,
	}
	if len(due) > 0 {
		note.Plan = "Record a follow-up in " + strings.Join(due, " and ") + " with caseplan followup add."
	}
	if err := lc.addNote(files, note); err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{x.Case},
		Action:  "case.exit",
		Summary: fmt.Sprintf("exit the program on %s; follow-up to %s", d, x.FollowUpEnds),
		Files:   files,
	}, nil
}

// newPeriodHint is what to do with a WIOA case whose exit is recorded,
// for a command that would continue it (a second exit, a reopening): the
// exit ended its period of participation, and a participant who came
// back begins a new one, a case of its own (TEGL 10-16); a wrong exit date
// is corrected by hand.
func newPeriodHint(id string) string {
	return "its period of participation ended with that exit (TEGL 10-16): a participant who came back begins a new one with caseplan case new --returning-from " + id +
		"; a wrong exit date is corrected with caseplan edit " + id + " intake"
}
