package casework

import (
	"fmt"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/record"
)

// ExitCase records a WIOA program exit (002): the day services ended. The
// case stays open for the follow_up_months (12) of follow-up after it,
// with a follow-up due in the 2nd and the 4th quarter after exit (001,
// 002); it is closed afterwards with caseplan case close.
type ExitCase struct {
	Case   string
	Date   time.Time
	Reason string

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
		return nil, inputErrorf("", "case %s already exited on %s", x.Case, in.Exited)
	}
	if in.Status == "closed" {
		return nil, inputErrorf("reopen it first with caseplan case reopen "+x.Case+" --date DATE --reason TEXT", "case %s is closed", x.Case)
	}
	d := date(x.Date)
	if err := lc.checkHappened("exit date", d); err != nil {
		return nil, err
	}
	if _, ok := in.Opened.Time(); ok && d < in.Opened {
		return nil, inputErrorf("", "exit date %s is before case %s opened (%s)", d, x.Case, in.Opened)
	}
	months := s.Snapshot.Config.ProgramSetting(in.Program, record.SettingFollowUpMonths)
	exit, _ := d.Time()
	x.FollowUpEnds = date(calendar.AddMonths(exit, months))

	files := map[string][]byte{}
	if files[lc.intakePath()], err = s.EditRecord(lc.intakePath(), nil, intakeSet([]string{"exited"}, d)); err != nil {
		return nil, err
	}
	var due []string
	for _, k := range calendar.FollowUpQuarters {
		first, last := calendar.FollowUpQuarter(exit, k)
		if last.After(calendar.AddMonths(exit, months)) {
			continue // beyond a shorter follow-up a store set
		}
		due = append(due, fmt.Sprintf("quarter %d after exit (%s to %s)", k, date(first), date(last)))
	}
	note := record.Note{
		Date: d, Kind: "other", Mode: "none",
		Reason:  strings.TrimSpace(x.Reason),
		Content: fmt.Sprintf("Program exit: services ended on %s. Follow-up for %d months, to %s (002).", d, months, x.FollowUpEnds),
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
