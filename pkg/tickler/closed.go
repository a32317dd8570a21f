package tickler

import (
	"strconv"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
)

// closedFollowUps is what still applies to a closed case: the follow-ups
// outcome.yaml plans and that are not done. Closing a case ends its
// contacts, plan and periods (casestate lists nothing for it), but a
// follow-up after a placement or an exit is made after the case is
// closed (001, 003), and caseplan followup add records it on a closed
// case. A planned follow-up leaves the tickler when it is recorded done,
// or when it is taken out of outcome.yaml.
func closedFollowUps(c *casefile.Case, today time.Time) []casestate.Due {
	o := c.Outcome
	if o == nil {
		return nil
	}
	what := "follow-up"
	switch {
	case o.Placement != nil:
		what += " after the placement at " + o.Placement.Employer
	case c.Intake.Exited != "":
		what += " after the exit on " + string(c.Intake.Exited)
	}
	if o.Closure != nil && o.Closure.Date != "" {
		what += " (case closed on " + string(o.Closure.Date) + ")"
	}
	f := c.Dir + "/outcome.yaml"
	var items []casestate.Due
	for i, fu := range o.FollowUps {
		t, ok := fu.Due.Time()
		if !ok || fu.Done != "" {
			continue
		}
		d := casestate.Due{
			Case: c.ID, Manager: c.Intake.Manager, Kind: casestate.DueFollowUp, Due: date(t),
			Overdue: t.Before(today), Days: calendar.Days(today, t), Detail: what, Path: f,
		}
		if doc := c.Doc(f); doc != nil {
			d.Line, _ = doc.Position([]string{"follow_ups", strconv.Itoa(i)})
		}
		items = append(items, d)
	}
	return items
}
