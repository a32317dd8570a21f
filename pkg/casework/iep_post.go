package casework

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/record"
)

// SetSelfSufficiency sets the post-employment self-sufficiency plan and its
// contingency plans for child care, transportation and preventable crises
// (003). A nil field is left as it is.
type SetSelfSufficiency struct {
	Case           string
	Plan           *string
	ChildCare      *string
	Transportation *string
	Crisis         *string
}

// Build returns the change that sets the fields given.
func (a SetSelfSufficiency) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	var edits []Edit
	var plan bool
	var contingency []string
	for _, f := range []struct {
		path []string
		name string
		flag string // the flag of iep self-sufficiency that sets it, for the hint
		v    *string
	}{
		{[]string{"self_sufficiency", "plan"}, "self-sufficiency plan", "--plan", a.Plan},
		{[]string{"self_sufficiency", "contingency", "child_care"}, "child care", "--child-care", a.ChildCare},
		{[]string{"self_sufficiency", "contingency", "transportation"}, "transportation", "--transportation", a.Transportation},
		{[]string{"self_sufficiency", "contingency", "crisis"}, "crises", "--crisis", a.Crisis},
	} {
		if f.v == nil {
			continue
		}
		what := f.name
		if len(f.path) == 3 {
			what = "contingency plan for " + f.name
			contingency = append(contingency, f.name)
		} else {
			plan = true
		}
		if strings.TrimSpace(*f.v) == "" {
			// An empty plan would only trade the plan for a warning
			// (pe-self-sufficiency, pe-contingency): say how to write
			// it, and how to take out one that no longer holds.
			return nil, inputErrorf(fmt.Sprintf("write what the plan says, e.g. %s 'TEXT'; to take it out of the plan, caseplan edit %s iep", f.flag, p.c.ID),
				"the %s is empty", what)
		}
		edits = append(edits, planSet(f.path, strings.TrimSpace(*f.v)))
	}
	if len(edits) == 0 {
		return nil, inputErrorf("give --plan, --child-care, --transportation or --crisis", "nothing to set")
	}
	var what []string
	if plan {
		what = append(what, "the self-sufficiency plan")
	}
	if len(contingency) > 0 {
		what = append(what, "the contingency plans for "+display.ProseList(contingency))
	}
	if err := p.workOn("", "", "a change of the self-sufficiency plan"); err != nil {
		return nil, err
	}
	return p.change("iep.self-sufficiency", "set "+strings.Join(what, " and "), "", edits...)
}

// AddBenefit adds a benefit whose eligibility the participant must
// maintain, with its next renewal date (003). Its ID (BN-K7QX2) is the
// command's output.
type AddBenefit struct {
	Case    string
	Benefit record.Benefit // status defaults to active
}

// Build returns the change that appends the benefit.
func (a AddBenefit) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	b := a.Benefit
	b.Name = strings.TrimSpace(b.Name)
	if err := checkPlanText("benefit's name", "--name", b.Name); err != nil {
		return nil, err
	}
	if i, ok := p.benefit(b.Name); ok {
		had := p.plan.SelfSufficiency.Benefits[i]
		return nil, inputErrorf("record a new renewal date with caseplan iep benefit renew "+p.c.ID+" "+had.Ref()+" --renewal DATE",
			"the plan already has the benefit %q", had.Name)
	}
	if b.Renewal != "" {
		if err := checkPlanDate("renewal date", b.Renewal); err != nil {
			return nil, err
		}
	}
	if b.Status == "" {
		b.Status = "active"
	}
	if err := checkPlanChoice("status", &b.Status, benefitStatuses...); err != nil {
		return nil, err
	}
	retype := "caseplan iep benefit add " + p.c.ID + " --name " + record.Benefit{Name: b.Name}.Ref() + " --renewal DATE --status lapsed"
	if err := notLapsedAhead(b.Name, b.Status, b.Renewal, date(s.Today), retype, ""); err != nil {
		return nil, err
	}
	summary := "add benefit " + planQuote(b.Name)
	if b.Renewal != "" {
		summary += ", renewal " + string(b.Renewal)
	}
	if b.ID, err = s.newItemID(p.c, record.PrefixBenefit); err != nil {
		return nil, err
	}
	if err := p.workOn("", "", "a new benefit"); err != nil {
		return nil, err
	}
	return p.change("iep.benefit.add", summary, b.ID, planAppend([]string{"self_sufficiency", "benefits"}, b))
}

// RenewBenefit records a benefit's next renewal date, and optionally its
// status and notes.
type RenewBenefit struct {
	Case    string
	Name    string // the benefit's ID (BN-K7QX2) or name, matched without regard to case
	Renewal record.Date
	Status  string // empty: unchanged
	Notes   string // added to the benefit's notes; empty: unchanged
}

// Build returns the change that sets the benefit's fields.
func (a RenewBenefit) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, ok := p.benefit(a.Name)
	if !ok {
		var names []string
		if ss := p.plan.SelfSufficiency; ss != nil {
			for _, b := range ss.Benefits {
				names = append(names, fmt.Sprintf("%q", b.Name))
			}
		}
		return nil, p.unknownError("benefit", a.Name, names, "add it with caseplan iep benefit add "+p.c.ID+" --name NAME --renewal DATE")
	}
	b := p.plan.SelfSufficiency.Benefits[i]
	if a.Status != "" {
		if err := checkPlanChoice("status", &a.Status, benefitStatuses...); err != nil {
			return nil, err
		}
	}
	if a.Renewal != "" {
		if err := checkPlanDate("renewal date", a.Renewal); err != nil {
			return nil, err
		}
	}
	renewal, err := a.renewal(p.c.ID, b)
	if err != nil {
		return nil, err
	}
	if err := a.notMovedBack(p.c.ID, b); err != nil {
		return nil, err
	}
	if a.Status != "" || a.Renewal != "" {
		retype := "caseplan iep benefit renew " + p.c.ID + " " + b.Ref() + " --renewal DATE --status lapsed"
		meant := "if it is another benefit, caseplan iep show " + p.c.ID + " lists them with their IDs"
		if err := notLapsedAhead(b.Name, cmp.Or(a.Status, b.Status), renewal, date(s.Today), retype, meant); err != nil {
			return nil, err
		}
	}
	at := []string{"self_sufficiency", "benefits", planIdx(i)}
	field := func(key string) []string { return append(append([]string(nil), at...), key) }
	var edits []Edit
	if a.Renewal != "" {
		edits = append(edits, planSet(field("renewal"), a.Renewal))
	}
	if a.Status != "" {
		edits = append(edits, planSet(field("status"), a.Status))
	}
	// A benefit's notes are its renewals' story, one renewal after
	// another ("submitted 2026-11-20", then "approved, next in June"):
	// what is given is added to them (addNotes), never replacing what was
	// recorded; the same notes typed again add nothing.
	if notes, ok := addNotes(b.Notes, a.Notes); ok {
		edits = append(edits, planSet(field("notes"), notes))
	}
	// What the date given is depends on the status the benefit has
	// after the change (iep benefit renew --help): the next renewal of
	// an active benefit, but the day a pending renewal was due and the
	// day a lapsed one missed, which the summary must not call the next.
	status := cmp.Or(a.Status, b.Status)
	var summary string
	switch {
	case a.Renewal != "" && status == "pending":
		summary = fmt.Sprintf("renew benefit %s: pending, renewal due %s", planQuote(b.Name), a.Renewal)
	case a.Renewal != "" && status == "lapsed":
		summary = fmt.Sprintf("renew benefit %s: lapsed, missed renewal %s", planQuote(b.Name), a.Renewal)
	case a.Renewal != "" && status == "ended":
		summary = fmt.Sprintf("renew benefit %s: ended, renewal %s", planQuote(b.Name), a.Renewal)
	case a.Renewal != "":
		summary = fmt.Sprintf("renew benefit %s: next renewal %s", planQuote(b.Name), a.Renewal)
		if a.Status != "" && a.Status != b.Status {
			summary += ", " + a.Status
		}
	case renewal != "" && status != "ended":
		// An ended benefit keeps the date it had, but nothing is due
		// on it any more: the audit trail says it ended, not that a
		// renewal stands "as recorded" (003: eligibility maintained
		// only for the benefits the participant still relies on).
		summary = fmt.Sprintf("renew benefit %s: %s, renewal %s as recorded", planQuote(b.Name), a.Status, renewal)
	default:
		summary = fmt.Sprintf("renew benefit %s: %s", planQuote(b.Name), a.Status)
	}
	if err := p.workOn("", "", "a benefit's renewal"); err != nil {
		return nil, err
	}
	return p.change("iep.benefit.renew", summary, "", edits...)
}

// renewal returns the renewal date the benefit b has once renewed: the
// one given, or, for a status that is about the date already recorded,
// that date. A renewal submitted (pending) is dated by the day it was
// due and a lapsed one by the day that was missed (003: maintain
// eligibility; README, Benefit renewals): both are the recorded date
// when the manager records the news, so asking them to type it again
// only refuses a tired manager. An ended benefit needs no date at all.
// An active one needs the next date, which only the manager knows.
func (a RenewBenefit) renewal(caseID string, b record.Benefit) (record.Date, error) {
	if a.Renewal != "" {
		return a.Renewal, nil
	}
	cmd := "caseplan iep benefit renew " + caseID + " " + b.Ref()
	switch a.Status {
	case "pending", "lapsed":
		if b.Renewal != "" {
			return b.Renewal, nil
		}
		what := "the date it was due"
		if a.Status == "lapsed" {
			what = "the renewal date that was missed"
		}
		return "", inputErrorf(cmd+" --renewal DATE --status "+a.Status,
			"benefit %s has no renewal date on record: give %s (--renewal)", planQuote(b.Name), what)
	case "ended":
		return b.Renewal, nil
	}
	hint := cmd + " --renewal DATE"
	if a.Status != "" {
		hint += " --status " + a.Status
	}
	if b.Renewal != "" {
		var keep []string
		for _, st := range []string{"pending", "lapsed", "ended"} {
			if st != b.Status {
				keep = append(keep, st)
			}
		}
		hint += fmt.Sprintf(" (the next renewal); or, to keep %s, --status %s", b.Renewal, strings.Join(keep[:len(keep)-1], ", ")+" or "+keep[len(keep)-1])
	}
	return "", inputErrorf(hint, "benefit %s needs its next renewal date (--renewal)", planQuote(b.Name))
}

// notMovedBack refuses to move an active benefit's next renewal to a day
// earlier than the one recorded: a renewal made moves the date on, so an
// earlier one is a typo'd year or month (2026-05-15 for 2026-11-15) that
// would otherwise pass with at most the "has passed" warning, and the
// tickler would ask for a renewal that is not due. A date recorded wrong
// is corrected in the plan itself, as the project corrects a recorded date
// elsewhere (caseplan edit CASE iep, then validated and committed); no
// flag of renew does it, so that the audit trail says a correction, not a
// renewal. Pending, lapsed and ended are news about the date on record,
// not a next date, and are left as they are.
func (a RenewBenefit) notMovedBack(caseID string, b record.Benefit) error {
	active := func(st string) bool { return st == "" || st == "active" }
	if a.Renewal == "" || b.Renewal == "" || !active(b.Status) || !active(cmp.Or(a.Status, b.Status)) || a.Renewal >= b.Renewal {
		return nil
	}
	return inputErrorf(fmt.Sprintf("give the next renewal date, after %s: caseplan iep benefit renew %s %s --renewal DATE; if %s was recorded wrong, correct it with caseplan edit %s iep", b.Renewal, caseID, b.Ref(), b.Renewal, caseID),
		"benefit %s is to be renewed by %s: --renewal %s is earlier, and a renewal moves the date on, not back", planQuote(b.Name), b.Renewal, a.Renewal)
}

// notLapsedAhead refuses to record a benefit lapsed on a renewal date
// after today. A lapsed benefit's date is the renewal that was missed
// (README, Benefit renewals), and a renewal not yet due cannot have been
// missed: most often the wrong benefit was named, or --status lapsed was
// given without the day it lapsed, which then kept the next renewal on
// record. Written, it would stand on the tickler as due months ahead and
// out of the monthly report's overdue renewals, while validate says it
// has lapsed: the participant's eligibility, which 003 asks to maintain,
// is to be restored now. A benefit the participant no longer qualifies
// for before its renewal has ended (--status ended), not lapsed.
func notLapsedAhead(name, status string, renewal, today record.Date, retype, meant string) error {
	if status != "lapsed" || renewal == "" || renewal <= today {
		return nil
	}
	hint := fmt.Sprintf("give the renewal date it missed, on or before %s: %s; one the participant no longer qualifies for is --status ended", today, retype)
	if meant != "" {
		hint += "; " + meant
	}
	return inputErrorf(hint, "benefit %s cannot have lapsed on a renewal not due yet: its renewal date %s is after today, %s", planQuote(name), renewal, today)
}

// benefit returns the index of the benefit with the ID or the name name,
// ignoring case.
func (p *planCase) benefit(name string) (int, bool) {
	if ss := p.plan.SelfSufficiency; ss != nil {
		for i, b := range ss.Benefits {
			if b.ID != "" && b.ID == itemID(name) {
				return i, true
			}
		}
		for i, b := range ss.Benefits {
			if strings.EqualFold(strings.TrimSpace(b.Name), strings.TrimSpace(name)) {
				return i, true
			}
		}
	}
	return 0, false
}
