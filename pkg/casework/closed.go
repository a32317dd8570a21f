package casework

import (
	"fmt"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

// What a closed case still takes. A supervisor reading a closed case must
// not find plan work — a goal, objective, step, service, milestone,
// referral, activity week — dated after the closing that nobody reopened
// the case for; a case manager must still record late what happened on
// or before the closing, and keep doing what the programs ask after it:
// notes, follow-ups after placement or exit (001, 002, TEGL 10-16),
// placements, credentials, skill gains, exclusions, intake corrections,
// consent, references, transfers, reopening, and a correction of the
// plan's wording (rewording). This file is the one place
// that decides; the plan, referral and activity commands ask it with the
// date their write records (its --date, a service's start, else today),
// and the commands that belong to an open case only (the contact
// schedule, extensions) ask it whatever the date. README "What a closed
// case takes" has the table.

// ClosedCaseError is a write refused because the case was closed on the
// day the write is dated. It is a refused write (exit 1), not a usage
// error: the command was typed right, the case's state refuses it.
type ClosedCaseError struct {
	Case string
	// Day is the date the write records; empty for a write refused
	// whatever its date (Why says why).
	Day record.Date
	// Closure is the closure in force on Day (the latest, with no Day);
	// nil when the case is closed but outcome.yaml records no closure.
	Closure *record.Closure
	// Reopened is the date of the reopening that ended Closure; empty
	// while it is in force.
	Reopened record.Date
	// Work names what the write adds or changes, e.g. "a plan service".
	Work string
	// Flag is the command's flag that dates the work (--date, --start);
	// empty when it has none and the work is dated the day it is done.
	Flag string
	// Why replaces the sentence after the semicolon for a write refused
	// whatever its date, and Then the words after the reopen hint.
	Why, Then string
	// Instead, when set, ends the hint of dated work: the commands a
	// closed case takes for what the refused one would have recorded
	// (or the part of it a closed case takes: the wording alone).
	Instead string
}

func (e *ClosedCaseError) Error() string {
	since := ""
	if e.Closure != nil {
		since = fmt.Sprintf(" (since %s, reason %s)", e.Closure.Date, e.Closure.Reason)
	}
	switch {
	case e.Day == "" && e.Closure == nil:
		// The records disagree (validate's case-status): say so, rather
		// than a closing with no day.
		return fmt.Sprintf("case %s is closed in %s, but %s records no closure in effect (%s); %s",
			e.Case, layout.File(e.Case, layout.KindIntake), layout.File(e.Case, layout.KindOutcome), validate.RuleCaseStatus, e.Why)
	case e.Day == "":
		return fmt.Sprintf("case %s is closed%s; %s", e.Case, since, e.Why)
	case e.Reopened != "":
		return fmt.Sprintf("case %s was closed on %s (from %s, reason %s, until it was reopened on %s); %s dated then is work nobody reopened the case for",
			e.Case, e.Day, e.Closure.Date, e.Closure.Reason, e.Reopened, e.Work)
	}
	return fmt.Sprintf("case %s is closed%s; %s dated %s is work after the closing", e.Case, since, e.Work, e.Day)
}

// Hint says what to do: date a late entry on or before the closing, or
// reopen the case, or (Instead) record it with a command a closed case
// takes.
func (e *ClosedCaseError) Hint() string {
	h := e.hint()
	if e.Instead != "" && e.Day != "" {
		h += "; " + e.Instead
	}
	return h
}

func (e *ClosedCaseError) hint() string {
	reopen := "reopen it first with caseplan case reopen " + e.Case + " --date DATE --reason TEXT"
	switch {
	case e.Day == "" && e.Closure == nil:
		// case close refuses a case whose intake already says closed, so
		// the closure is recorded by hand; a case meant to be open has
		// its status set back.
		return fmt.Sprintf("if the case was closed, record the closure with caseplan case close %s --date DATE --reason REASON; if it is open, set status: open with caseplan edit %s %s (caseplan validate %s shows the %s finding)",
			e.Case, e.Case, layout.KindIntake, e.Case, validate.RuleCaseStatus)
	case e.Day == "":
		if e.Then != "" {
			reopen += ", then " + e.Then
		}
		return reopen
	case e.Reopened != "":
		if e.Flag == "" {
			return fmt.Sprintf("the case has been open again since %s: do the work dated today", e.Reopened)
		}
		return fmt.Sprintf("give %s a date on or before %s, or on or after %s, when the case was open", e.Flag, e.Closure.Date, e.Reopened)
	}
	if e.Flag == "" {
		return "to work on the plan again, " + reopen
	}
	return fmt.Sprintf("if it happened on or before %s, give that date with %s (a late entry); if the work goes on, %s", e.Closure.Date, e.Flag, reopen)
}

// rewording takes a pure rewording of the plan's words — its vision and
// employment goal, or an item already in the plan, its words alone: a
// goal's, objective's, milestone's or next step's text, a plan service's
// or course's name, a job target's title — whatever the
// date, on a closed case too: a supervisor reviewing a closed file
// corrects a typo without reopening it, and a rewording changes no plan
// work (no term, date, status, owner or item is added or moved). It
// returns what the commit adds to say so when case c was closed on day,
// "" when it was open.
func rewording(c *casefile.Case, day record.Date) string {
	if closedWork(c, day, "", "") != nil {
		return "a correction on a closed case"
	}
	return ""
}

// rewordingInstead is what a refused update given the wording flag with
// others says a closed case would take: the wording alone, as a
// correction (rewording).
func rewordingInstead(flag string) string {
	return fmt.Sprintf("a correction of the wording alone is taken on a closed case: give %s without the other flags", flag)
}

// closedWork refuses work on case c dated day when the case was closed
// then: a closure in force at the end of day and dated before it. Work
// dated on or before the closing day is a late entry; work dated while a
// reopening had the case open belongs to that episode. A case whose
// intake says open while outcome.yaml's latest closure stands is left to
// validate: the records disagree, and this cannot tell which is right.
func closedWork(c *casefile.Case, day record.Date, flag, work string) error {
	if c == nil || c.Outcome == nil || day == "" {
		return nil
	}
	cl := c.Outcome.ClosedBefore(day)
	if cl == nil {
		return nil
	}
	reopened := c.Outcome.ReopeningAfter(*cl)
	if reopened == "" && (c.Intake == nil || c.Intake.Status != "closed") {
		return nil
	}
	return &ClosedCaseError{Case: c.ID, Day: day, Closure: cl, Reopened: reopened, Work: work, Flag: flag}
}

// closedCase refuses a write that belongs to an open case only, whatever
// its date, when case c is closed: why says what it needs the case open
// for, then what to do once it is reopened.
func closedCase(c *casefile.Case, why, then string) error {
	if c == nil || c.Intake == nil || c.Intake.Status != "closed" {
		return nil
	}
	return &ClosedCaseError{Case: c.ID, Closure: c.Outcome.LatestClosure(), Why: why, Then: then}
}
