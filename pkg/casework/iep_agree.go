package casework

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// agreementWays are the ways a participant agrees to the plan, as
// schemas/iep.schema.json lists them.
var agreementWays = schemas.Enum("iep", "agreements", "[]", "how")

// AgreePlan records the participant's agreement to the plan: the IEP is
// "an agreement between the customer and case manager" (001), "jointly
// developed by the participant and career center staff" (002). The first
// agreement and each one after a review changed the plan are kept: an
// agreement is added, never replaced, so a monitor sees when and how the
// participant agreed to each version. It does not move `updated`: the
// plan did not change.
type AgreePlan struct {
	Case  string
	Date  record.Date // empty: --today
	How   string      // signed, verbal or electronic
	Notes string
}

// Build returns the change that appends the agreement.
func (a AgreePlan) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	if err := checkPlanChoice("--how", &a.How, agreementWays...); err != nil {
		return nil, err
	}
	var flag string
	a.Date, flag = dateGiven(a.Date, s.Today)
	if err := p.checkDoneDate("agreement date", flag, a.Date); err != nil {
		return nil, err
	}
	// The participant agrees to a plan that exists: not before the day
	// it was first drawn up (created).
	if created := p.plan.Created; created != "" && a.Date < created {
		return nil, inputErrorf(fmt.Sprintf("the earliest %s is the day the plan was created: %s %s; if the plan was drawn up earlier, correct created with caseplan edit %s iep", flag, flag, created, p.c.ID),
			"agreement date %s (%s) is before the plan of case %s was created (%s)", a.Date, flag, p.c.ID, created)
	}
	for _, g := range p.plan.Agreements {
		if g.Date == a.Date && g.How == a.How {
			return nil, inputErrorf(p.agreedHint(g), "the plan of case %s already has the participant's %s agreement of %s", p.c.ID, g.How, g.Date)
		}
	}
	id, err := s.newItemID(p.c, record.PrefixAgreement)
	if err != nil {
		return nil, err
	}
	g := record.Agreement{ID: id, Date: a.Date, How: a.How, Notes: strings.TrimSpace(a.Notes)}
	// The late entry's date is given with --date, even when none was
	// given and --today dated the agreement (iep review does the same).
	if err := p.workOn(a.Date, "--date", "the participant's agreement to the plan"); err != nil {
		return nil, err
	}
	return p.change("iep.agree", fmt.Sprintf("the participant agreed to the plan (%s, %s)", g.How, g.Date), g.ID,
		planAppend([]string{"agreements"}, g))
}

// agreedHint says what is left to record once an agreement of that day
// and way is on record: the other ways of that day not recorded yet, and
// that a correction of its notes is a hand edit (an agreement is added,
// never replaced).
func (p *planCase) agreedHint(g record.Agreement) string {
	var free []string
	for _, way := range agreementWays {
		taken := false
		for _, o := range p.plan.Agreements {
			taken = taken || (o.Date == g.Date && o.How == way)
		}
		if !taken {
			free = append(free, "--how "+way)
		}
	}
	fix := fmt.Sprintf("to correct its notes: caseplan edit %s iep", p.c.ID)
	if len(free) == 0 {
		return fmt.Sprintf("every way of agreeing is on record for %s; %s", g.Date, fix)
	}
	return fmt.Sprintf("that day takes another way: %s; %s", strings.Join(free, " or "), fix)
}
