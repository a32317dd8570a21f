package casework

import (
	"fmt"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// NotOpenedError is a write refused because the case opens after the day
// it is done on (casestate.NotOpenedOn): its opening date comes from a
// hand edit, or from a --today ahead of the clock, and validate warns of
// it (future-date). Nothing dated before the opening belongs to the case,
// and nothing dated after today has happened, so no date will do: either
// the opening date is wrong and is corrected, or the work waits for the
// day the case opens. It is a refused write (exit 1), as a closed case's
// is: the command was typed right, the case's records refuse it.
type NotOpenedError struct {
	Case   string
	Opened record.Date // the intake's opening date
	Today  record.Date
	// Work says what cannot be done before the opening, after the colon:
	// "it cannot be handed on before it opens".
	Work string
	// Then is what to do when the opening date is right, after "if it
	// is right, " ("": this can be done from that day on).
	Then string
}

func (e *NotOpenedError) Error() string {
	return fmt.Sprintf("case %s opens on %s, after today (%s): %s", e.Case, e.Opened, e.Today, e.Work)
}

// Hint says how to correct the opening date, or that the work waits for it.
func (e *NotOpenedError) Hint() string {
	then := e.Then
	if then == "" {
		then = "this can be done from that day on"
	}
	return openingFix(e.Case, e.Opened) + "; if it is right, " + then
}

// notOpened refuses work on case c on today when the case opens after
// it; work says what cannot be done (NotOpenedError.Work).
func notOpened(c *casefile.Case, today time.Time, work, then string) *NotOpenedError {
	if c == nil || !casestate.NotOpenedOn(c, today) {
		return nil
	}
	return &NotOpenedError{Case: c.ID, Opened: c.Intake.Opened, Today: date(today), Work: work, Then: then}
}

// openingFix says how an opening date that is wrong is corrected: by hand
// in the intake record, as every date of it without a command of its own
// (caseplan case set does not change it: the opening starts the
// program's clocks, and is the day the case was opened).
func openingFix(id string, opened record.Date) string {
	return fmt.Sprintf("if case %s did not open on %s, correct opened with caseplan edit %s %s", id, opened, id, layout.KindIntake)
}
