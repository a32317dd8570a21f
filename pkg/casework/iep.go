package casework

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
)

// The plan's choices, as schemas/iep.schema.json lists them: the schema
// owns them, and a value it gains is one the commands take.
var (
	goalTerms       = schemas.Enum("iep", "goals", "[]", "term")
	goalStatuses    = schemas.Enum("iep", "goals", "[]", "status")
	stepOwners      = schemas.Enum("iep", "next_steps", "[]", "owner")
	targetScopes    = schemas.Enum("iep", "job_targets", "[]", "scope")
	courseStatuses  = schemas.Enum("iep", "skill_plan", "[]", "status")
	benefitStatuses = schemas.Enum("iep", "self_sufficiency", "benefits", "[]", "status")
)

// The plan's commands (caseplan iep ...) each edit one case's iep.yaml in
// place: the Individual Employment Plan of documents 001 and 002, with the
// job search and skill plans of 000 and the self-sufficiency plan of 003.
// Their Build methods look up what the command names in the plan as it
// stands, refuse what cannot be (an unknown goal, a done date before the
// case opened) with an InputError that says what there is, and return the
// edit as one Change.

// PlanPath returns the repository-relative path of a case's plan.
func PlanPath(caseID string) string { return layout.File(caseID, layout.KindIEP) }

// planCase is a case whose plan a command changes.
type planCase struct {
	s    *State
	c    *casefile.Case
	plan *record.IEP // an empty plan when the case has no iep.yaml yet
}

// openPlan finds the case and reads its plan. A case without iep.yaml gets
// one, created today; one whose iep.yaml cannot be read is refused, since
// editing it blind could lose what a person wrote.
func openPlan(s *State, caseID string) (*planCase, error) {
	c := s.Snapshot.Case(caseID)
	if c == nil {
		return nil, &store.UnknownCaseError{ID: caseID}
	}
	plan := c.IEP
	if plan == nil {
		if s.Exists(PlanPath(caseID)) {
			return nil, inputErrorf("run caseplan validate "+caseID+" to see why, and correct the file by hand",
				"cannot read the plan %s", PlanPath(caseID))
		}
		plan = &record.IEP{Created: date(s.Today)}
	}
	return &planCase{s: s, c: c, plan: plan}, nil
}

// workOn refuses plan work dated day (today when empty) on a case that
// was closed then (closed.go): a plan item dated on or before the closing
// is a late entry, one dated after it needs the case reopened. flag is
// the command's flag that dates the work, "" when it has none.
func (p *planCase) workOn(day record.Date, flag, work string) error {
	if day == "" {
		day = date(p.s.Today)
	}
	return closedWork(p.c, day, flag, work)
}

// reword is workOn for an update of an item already in the plan: one
// that changes only the item's words (no other field given) is taken on
// a closed case (closed.go, rewording), and the correction it returns
// marks the commit; any other update is plan work dated day, as workOn
// has it. words is the wording's flag (--text, --name, ...) when the
// command was given it, "" when not: a refusal then says the wording
// alone would have been taken.
func (p *planCase) reword(words string, others bool, day record.Date, flag, work string) (correction, error) {
	if !others {
		return correction(rewording(p.c, date(p.s.Today))), nil
	}
	err := p.workOn(day, flag, work)
	var closed *ClosedCaseError
	if words != "" && errors.As(err, &closed) {
		closed.Instead = rewordingInstead(words)
	}
	return "", err
}

// wordFlag is flag when the wording v was given, "" when not (reword's
// words).
func wordFlag(v *string, flag string) string {
	if v == nil {
		return ""
	}
	return flag
}

// correction is what an update's commit adds to its summary to say that
// it corrected a closed case; "" when the case is open.
type correction string

// mark adds the correction to the change's summary.
func (c correction) mark(ch *Change, err error) (*Change, error) {
	if err == nil && c != "" {
		ch.Summary += " (" + string(c) + ")"
	}
	return ch, err
}

// newDate is the date an update gives a field: empty when the update
// leaves it as it is or removes it.
func newDate(v *string) record.Date {
	if v == nil {
		return ""
	}
	return record.Date(strings.TrimSpace(*v))
}

// datedBy is the date an update's dating flag (a service's or course's
// --start) gives its work, and that flag, when it was given a date; ""
// and "" when not: the work is then dated today, and a refusal's hint
// names no flag the command was not given to move (a new provider alone
// is today's work, not a late entry).
func datedBy(v *string, flag string) (record.Date, string) {
	if d := newDate(v); d != "" {
		return d, flag
	}
	return "", ""
}

// change applies edits to iep.yaml and describes the commit.
func (p *planCase) change(action, summary, output string, edits ...Edit) (*Change, error) {
	path := PlanPath(p.c.ID)
	data, err := p.s.EditRecord(path, &record.IEP{Created: date(p.s.Today)}, edits...)
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{p.c.ID},
		Action:  action,
		Summary: summary,
		Files:   map[string][]byte{path: data},
		Output:  output,
	}, nil
}

// showHint is the hint that points at the plan's IDs.
func (p *planCase) showHint() string {
	return "caseplan iep show " + p.c.ID + " shows the plan with its IDs"
}

// goalIDs, objectiveIDs, ... list the plan's IDs, for messages. An
// objective's or a milestone's ID is unique across all goals of the case,
// so O-K7QX2 (or O3, in an older plan) names one objective whichever goal
// it serves.
func goalIDs(p *record.IEP) []string {
	var ids []string
	for _, g := range p.Goals {
		ids = append(ids, g.ID)
	}
	return ids
}

func objectiveIDs(p *record.IEP) []string {
	var ids []string
	for _, g := range p.Goals {
		for _, o := range g.Objectives {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

func milestoneIDs(p *record.IEP) []string {
	var ids []string
	for _, g := range p.Goals {
		for _, m := range g.Milestones {
			ids = append(ids, m.ID)
		}
	}
	return ids
}

func serviceIDs(p *record.IEP) []string {
	var ids []string
	for _, s := range p.Services {
		ids = append(ids, s.ID)
	}
	return ids
}

func stepIDs(p *record.IEP) []string {
	var ids []string
	for _, s := range p.NextSteps {
		ids = append(ids, s.ID)
	}
	return ids
}

// unknownError says the plan has no such item, and lists the ones it has.
func (p *planCase) unknownError(what, id string, have []string, addHint string) error {
	if len(have) == 0 {
		return inputErrorf(addHint, "the plan of case %s has no %ss yet, so no %s %q", p.c.ID, what, what, id)
	}
	return inputErrorf(p.showHint(), "the plan of case %s has no %s %q (it has %s)", p.c.ID, what, id, strings.Join(have, ", "))
}

// byNumber sorts IDs of one prefix for messages — older numbered ones by
// their number (M2 before M10), then the random ones — since objectives
// and milestones are listed goal by goal in the file.
func byNumber(ids []string) []string {
	number := func(id string) (int, bool) {
		i := strings.IndexFunc(id, func(r rune) bool { return r >= '0' && r <= '9' })
		if i < 1 || strings.Contains(id, "-") {
			return 0, false
		}
		n, err := strconv.Atoi(id[i:])
		return n, err == nil
	}
	slices.SortStableFunc(ids, func(a, b string) int {
		na, oka := number(a)
		nb, okb := number(b)
		switch {
		case oka && okb:
			return na - nb
		case oka:
			return -1
		case okb:
			return 1
		}
		return 0 // random IDs stay in the plan's order
	})
	return ids
}

// goal returns the index of the goal with the given ID.
func (p *planCase) goal(id string) (int, error) {
	for i, g := range p.plan.Goals {
		if g.ID == id {
			return i, nil
		}
	}
	return 0, p.unknownError("goal", id, goalIDs(p.plan), "add one with caseplan iep goal add "+p.c.ID+" --term short|long --text TEXT")
}

// objective returns the indexes of the objective with the given ID: its
// goal's and its own within the goal.
func (p *planCase) objective(id string) (gi, oi int, err error) {
	for i, g := range p.plan.Goals {
		for j, o := range g.Objectives {
			if o.ID == id {
				return i, j, nil
			}
		}
	}
	return 0, 0, p.unknownError("objective", id, byNumber(objectiveIDs(p.plan)), "add one with caseplan iep objective add "+p.c.ID+" --goal G --text TEXT")
}

// milestone returns the indexes of the milestone with the given ID.
func (p *planCase) milestone(id string) (gi, mi int, err error) {
	for i, g := range p.plan.Goals {
		for j, m := range g.Milestones {
			if m.ID == id {
				return i, j, nil
			}
		}
	}
	return 0, 0, p.unknownError("milestone", id, byNumber(milestoneIDs(p.plan)), "add one with caseplan iep milestone add "+p.c.ID+" --goal G --text TEXT --due DATE")
}

// step returns the index of the next step with the given ID.
func (p *planCase) step(id string) (int, error) {
	for i, s := range p.plan.NextSteps {
		if s.ID == id {
			return i, nil
		}
	}
	return 0, p.unknownError("next step", id, stepIDs(p.plan), "add one with caseplan iep step add "+p.c.ID+" --owner participant|manager --text TEXT")
}

// checkServices checks that every service ID is one of the plan's.
func (p *planCase) checkServices(ids []string) error {
	have := serviceIDs(p.plan)
	for _, id := range ids {
		if !slices.Contains(have, id) {
			return p.unknownError("service", id, have, "add it first with caseplan iep service add "+p.c.ID+" --name NAME")
		}
	}
	return nil
}

// checkDate checks that d is a date.
func checkPlanDate(what string, d record.Date) error {
	if _, ok := d.Time(); !ok {
		return inputErrorf("", "%s %q is not a date; use YYYY-MM-DD", what, d)
	}
	return nil
}

// checkDoneDate checks the date something was done: a date, not after
// today (it has happened) and not before the case opened (nothing in the
// plan was done for this case before there was one). flag is the flag
// the date was given with (--date, --agreed), so that a refusal says
// which one to change and to what.
func (p *planCase) checkDoneDate(what, flag string, d record.Date) error {
	if err := checkPlanDate(what, d); err != nil {
		return err
	}
	if err := notAfterTodayBy(what, d, flag, p.s.Today); err != nil {
		return err
	}
	if in := p.c.Intake; in != nil {
		if _, ok := in.Opened.Time(); ok && d < in.Opened {
			hint := fmt.Sprintf("the earliest %s is the day the case opened: %s %s", flag, flag, in.Opened)
			if today := date(p.s.Today); in.Opened > today {
				// A case that opens after today (a --today before the
				// opening, or any day before it when the opening is
				// ahead of the clock): no day will do — one before the
				// opening is before the case, one on or after it is
				// after today (notAfterToday) — so the hint is
				// NotOpenedError's: correct the opening, or wait for it.
				hint = (&NotOpenedError{Case: p.c.ID, Opened: in.Opened, Today: today}).Hint()
			}
			return inputErrorf(hint, "%s %s (%s) is before case %s opened (%s)", what, d, flag, p.c.ID, in.Opened)
		}
	}
	return nil
}

// dateGiven returns d, or --today's date when the command was given no
// --date, with the flag the date came from, so that a refusal names the
// one to change (a --today before the opening is not a --date).
func dateGiven(d record.Date, today time.Time) (record.Date, string) {
	if d == "" {
		return date(today), "--today"
	}
	return d, "--date"
}

// checkPlanChoice checks an enumerated value against its choices and
// writes it as the choice it names (caseid.Choice: "Participant" and
// "part" are participant), in the spelling the record keeps; a value that
// names none is refused, with the choice it was probably meant to be.
func checkPlanChoice(what string, v *string, allowed ...string) error {
	if c, ok := caseid.Choice(allowed, *v); ok {
		*v = c
		return nil
	}
	hint := ""
	if meant := caseid.ChoiceMeant(allowed, *v); meant != "" {
		hint = "did you mean " + meant + "?"
	}
	return inputErrorf(hint, "%s %q is not one of %s", what, *v, strings.Join(allowed, ", "))
}

// checkPlanText checks that a required text is not blank; the refusal's
// hint names flag, the one that gives it.
func checkPlanText(what, flag, v string) error {
	if strings.TrimSpace(v) == "" {
		return inputErrorf(fmt.Sprintf("write it with %s 'TEXT'", flag), "the %s is empty", what)
	}
	return nil
}

// idx is a list index as a yamledit path token.
func planIdx(i int) string { return strconv.Itoa(i) }

// planQuote quotes a text for a commit subject, shortened.
func planQuote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 50 {
		s = string(r[:49]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
