package casework

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// The plan changes as the customer does (001: it is "referenced often and
// updated regularly"): goals, objectives, services, milestones, next
// steps, job targets and courses are corrected or rescheduled in place, a
// plan service ends or is cancelled, and a job target no longer pursued
// is removed. git keeps what the plan was.

// planItemChange applies the fields given to the plan item at base and
// describes the commit, refusing an update that changes nothing.
func (p *planCase) planItemChange(action, what, flagsHint string, base []string, fields []fieldChange) (*Change, error) {
	edits, changed, err := itemEdits(record.IEP{}, base, fields)
	if err != nil {
		return nil, err
	}
	if len(edits) == 0 {
		return nil, noChange(anyGiven(fields), flagsHint, what)
	}
	return p.change(action, fmt.Sprintf("update %s: %s", what, strings.Join(changed, ", ")), "", edits...)
}

// UpdateGoal corrects a goal's text, term or target date. Its status
// changes with caseplan iep goal status.
type UpdateGoal struct {
	Case, Goal         string
	Text, Term, Target *string // Target "": removed
}

// Build returns the change that sets the fields given in place.
func (a UpdateGoal) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	gi, err := p.goal(itemID(a.Goal))
	if err != nil {
		return nil, err
	}
	g := p.plan.Goals[gi]
	if a.Term != nil {
		if err := checkPlanChoice("term", a.Term, goalTerms...); err != nil {
			return nil, err
		}
	}
	fix, err := p.reword(wordFlag(a.Text, "--text"), a.Term != nil || a.Target != nil, "", "", "a goal's update")
	if err != nil {
		return nil, err
	}
	return fix.mark(p.planItemChange("iep.goal.update", "goal "+g.ID, "caseplan iep goal update --help lists the fields", []string{"goals", planIdx(gi)}, []fieldChange{
		{label: "text", key: "text", now: g.Text, v: a.Text, required: true},
		{label: "term", key: "term", now: g.Term, v: a.Term, required: true},
		{label: "target", key: "target", now: string(g.Target), v: a.Target, date: true},
	}))
}

// UpdateObjective corrects an objective's text or the plan services that
// serve it (the list given replaces the old one; a list of one empty ID
// removes it).
type UpdateObjective struct {
	Case, Objective string
	Text            *string
	Services        []string // nil: unchanged
}

// Build returns the change that sets the fields given in place.
func (a UpdateObjective) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	gi, oi, err := p.objective(itemID(a.Objective))
	if err != nil {
		return nil, err
	}
	o := p.plan.Goals[gi].Objectives[oi]
	base := []string{"goals", planIdx(gi), "objectives", planIdx(oi)}
	edits, changed, err := itemEdits(record.IEP{}, base, []fieldChange{{label: "text", key: "text", now: o.Text, v: a.Text, required: true}})
	if err != nil {
		return nil, err
	}
	if a.Services != nil {
		var ids []string
		for _, id := range a.Services {
			if id = itemID(id); id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		if err := p.checkServices(ids); err != nil {
			return nil, err
		}
		switch {
		case slices.Equal(ids, o.Services):
		case len(ids) == 0:
			edits = append(edits, deleteKey(append(append([]string(nil), base...), "services")))
			changed = append(changed, "services removed")
		default:
			edits = append(edits, planSet(append(append([]string(nil), base...), "services"), ids))
			changed = append(changed, "served by "+strings.Join(ids, ", "))
		}
	}
	if len(edits) == 0 {
		return nil, noChange(a.Text != nil || a.Services != nil, "caseplan iep objective update --help lists the fields", "objective "+o.ID)
	}
	fix, err := p.reword(wordFlag(a.Text, "--text"), a.Services != nil, "", "", "an objective's update")
	if err != nil {
		return nil, err
	}
	return fix.mark(p.change("iep.objective.update", fmt.Sprintf("update objective %s: %s", o.ID, strings.Join(changed, ", ")), "", edits...))
}

// service returns the index of the plan service with the given ID.
func (p *planCase) service(id string) (int, error) {
	for i, s := range p.plan.Services {
		if s.ID == id {
			return i, nil
		}
	}
	return 0, p.unknownError("service", id, serviceIDs(p.plan), "add one with caseplan iep service add "+p.c.ID+" --name NAME")
}

// UpdatePlanService corrects or reschedules a service of the plan: its
// name, service code, provider, start and end. A nil field is left as it
// is; an empty one removes it (the name cannot be removed). Its dates
// decide participation and exit for WIOA (TEGL 10-16): a service not yet
// started or still under way is scheduled.
type UpdatePlanService struct {
	Case, Service                    string
	Name, Code, Provider, Start, End *string
}

// Build returns the change that sets the fields given in place.
func (a UpdatePlanService) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := p.service(itemID(a.Service))
	if err != nil {
		return nil, err
	}
	sv := p.plan.Services[i]
	day, flag := datedBy(a.Start, "--start")
	fix, err := p.reword(wordFlag(a.Name, "--name"), a.Code != nil || a.Provider != nil || a.Start != nil || a.End != nil, day, flag, "a plan service's update")
	if err != nil {
		return nil, err
	}
	return fix.mark(p.planItemChange("iep.service.update", "service "+sv.ID, "caseplan iep service update --help lists the fields", []string{"services", planIdx(i)}, []fieldChange{
		{label: "name", key: "name", now: sv.Name, v: a.Name, required: true},
		{label: "code", key: "code", now: sv.Code, v: a.Code},
		{label: "provider", key: "provider", now: sv.Provider, v: a.Provider},
		{label: "start", key: "start", now: string(sv.Start), v: a.Start, date: true},
		{label: "end", key: "end", now: string(sv.End), v: a.End, date: true},
	}))
}

// EndPlanService records that a service of the plan ended, completed, on
// a day: its status becomes completed and its end that day, so it is no
// longer scheduled (TEGL 10-16).
type EndPlanService struct {
	Case, Service string
	Date          record.Date // empty: today
}

// Build returns the change that sets the service's end and status.
func (a EndPlanService) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := p.service(itemID(a.Service))
	if err != nil {
		return nil, err
	}
	sv := p.plan.Services[i]
	when, flag := dateGiven(a.Date, s.Today)
	if err := p.checkDoneDate(fmt.Sprintf("service %s end date", sv.ID), flag, when); err != nil {
		return nil, err
	}
	switch {
	case sv.Status != "":
		return nil, inputErrorf("", "service %s is already %s", sv.ID, sv.Status)
	case sv.Start != "" && when < sv.Start:
		return nil, inputErrorf("a service that never started is cancelled: caseplan iep service cancel "+a.Case+" "+sv.ID,
			"service %s starts on %s, after %s", sv.ID, sv.Start, when)
	}
	at := func(key string) []string { return []string{"services", planIdx(i), key} }
	if err := p.workOn(when, "--date", "a plan service's end"); err != nil {
		// Nothing is served after the closing, so a service does not end
		// after it (for WIOA the exit is dated at the last service, on or
		// before the closing: TEGL 10-16). What a closed case takes
		// instead: a course the participant finished after the closing
		// is how the skill plan ended, and a service the closing cut
		// short is cancelled.
		var closed *ClosedCaseError
		if errors.As(err, &closed) {
			closed.Instead = fmt.Sprintf("a training course the participant finished after the closing is recorded with caseplan iep course status %s COURSE --status completed, and a service the closing cut short with caseplan iep service cancel %s %s",
				p.c.ID, p.c.ID, sv.ID)
		}
		return nil, err
	}
	return p.change("iep.service.end", fmt.Sprintf("service %s %s completed on %s", sv.ID, planQuote(sv.Name), when), "",
		planSet(at("end"), when), planSet(at("status"), "completed"))
}

// CancelPlanService records that a service of the plan will not be given
// (or not given further): its status becomes cancelled, and it is no
// longer scheduled, nor causes participation (TEGL 10-16).
type CancelPlanService struct {
	Case, Service string
}

// Build returns the change that sets the service's status.
func (a CancelPlanService) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := p.service(itemID(a.Service))
	if err != nil {
		return nil, err
	}
	sv := p.plan.Services[i]
	if sv.Status != "" {
		return nil, inputErrorf("", "service %s is already %s", sv.ID, sv.Status)
	}
	// A cancellation is allowed on a closed case: it records that the
	// service will not be given, which is what a closing means for a
	// service still scheduled (closed.go).
	return p.change("iep.service.cancel", fmt.Sprintf("cancel service %s %s", sv.ID, planQuote(sv.Name)), "",
		planSet([]string{"services", planIdx(i), "status"}, "cancelled"))
}

// UpdateMilestone corrects a milestone's text or moves its due date.
type UpdateMilestone struct {
	Case, Milestone string
	Text, Due       *string
}

// Build returns the change that sets the fields given in place.
func (a UpdateMilestone) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	gi, mi, err := p.milestone(itemID(a.Milestone))
	if err != nil {
		return nil, err
	}
	m := p.plan.Goals[gi].Milestones[mi]
	fix, err := p.reword(wordFlag(a.Text, "--text"), a.Due != nil, "", "", "a milestone's update")
	if err != nil {
		return nil, err
	}
	return fix.mark(p.planItemChange("iep.milestone.update", "milestone "+m.ID, "caseplan iep milestone update --help lists the fields",
		[]string{"goals", planIdx(gi), "milestones", planIdx(mi)}, []fieldChange{
			{label: "text", key: "text", now: m.Text, v: a.Text, required: true},
			{label: "due", key: "due", now: string(m.Due), v: a.Due, required: true, date: true},
		}))
}

// UpdateNextStep corrects a next step's text or owner, or moves (or
// removes) its due date.
type UpdateNextStep struct {
	Case, Step       string
	Owner, Text, Due *string
}

// Build returns the change that sets the fields given in place.
func (a UpdateNextStep) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := p.step(itemID(a.Step))
	if err != nil {
		return nil, err
	}
	n := p.plan.NextSteps[i]
	if a.Owner != nil {
		if err := checkPlanChoice("owner", a.Owner, stepOwners...); err != nil {
			return nil, err
		}
	}
	fix, err := p.reword(wordFlag(a.Text, "--text"), a.Owner != nil || a.Due != nil, "", "", "a next step's update")
	if err != nil {
		return nil, err
	}
	return fix.mark(p.planItemChange("iep.step.update", "next step "+n.ID, "caseplan iep step update --help lists the fields",
		[]string{"next_steps", planIdx(i)}, []fieldChange{
			{label: "owner", key: "owner", now: n.Owner, v: a.Owner, required: true},
			{label: "text", key: "text", now: n.Text, v: a.Text, required: true},
			{label: "due", key: "due", now: string(n.Due), v: a.Due, date: true},
		}))
}

// jobTarget returns the index of the job target named by its ID
// (JT-K7QX2), its number (1 for the first, as iep show lists them) or its
// title.
func (p *planCase) jobTarget(which string) (int, error) {
	var ids, names []string
	for _, t := range p.plan.JobTargets {
		ids, names = append(ids, t.ID), append(names, t.Title)
	}
	return pickItem("job target", "the job search plan of case "+p.c.ID, which, ids, names, "add one with caseplan iep target add "+p.c.ID+" --title TITLE", "")
}

// UpdateJobTarget changes a job target of the job search plan (000): its
// title, job family, grade range (neither too high nor too low) and
// whether inside the organisation, outside it or both.
type UpdateJobTarget struct {
	Case, Target                                string
	Title, JobFamily, GradeMin, GradeMax, Scope *string
}

// Build returns the change that sets the fields given in place.
func (a UpdateJobTarget) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := p.jobTarget(a.Target)
	if err != nil {
		return nil, err
	}
	t := p.plan.JobTargets[i]
	if a.Scope != nil && strings.TrimSpace(*a.Scope) != "" {
		if err := checkPlanChoice("scope", a.Scope, targetScopes...); err != nil {
			return nil, err
		}
	}
	fix, err := p.reword(wordFlag(a.Title, "--title"), a.JobFamily != nil || a.GradeMin != nil || a.GradeMax != nil || a.Scope != nil, "", "", "a job target's update")
	if err != nil {
		return nil, err
	}
	return fix.mark(p.planItemChange("iep.target.update", fmt.Sprintf("job target %d %s", i+1, planQuote(t.Title)), "caseplan iep target update --help lists the fields",
		[]string{"job_targets", planIdx(i)}, []fieldChange{
			{label: "title", key: "title", now: t.Title, v: a.Title, required: true},
			{label: "job family", key: "job_family", now: t.JobFamily, v: a.JobFamily},
			{label: "lowest grade", flag: "grade-min", key: "grade_min", now: t.GradeMin, v: a.GradeMin},
			{label: "highest grade", flag: "grade-max", key: "grade_max", now: t.GradeMax, v: a.GradeMax},
			{label: "scope", key: "scope", now: t.Scope, v: a.Scope},
		}))
}

// RemoveJobTarget takes a position or job family the candidate no longer
// pursues out of the job search plan; git keeps what the plan was.
type RemoveJobTarget struct {
	Case, Target string
}

// Build returns the change that removes the target's lines.
func (a RemoveJobTarget) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := p.jobTarget(a.Target)
	if err != nil {
		return nil, err
	}
	t := p.plan.JobTargets[i]
	if err := p.workOn("", "", "a job target's removal"); err != nil {
		return nil, err
	}
	return p.change("iep.target.remove", fmt.Sprintf("remove job target %s", planQuote(t.Title)), "",
		removeItem([]string{"job_targets"}, i, len(p.plan.JobTargets)))
}

// UpdateCourse corrects or reschedules a course of the skill plan (000):
// its name, provider, start and end. Its status moves with caseplan iep
// course status.
type UpdateCourse struct {
	Case, Course               string
	Name, Provider, Start, End *string
}

// Build returns the change that sets the fields given in place.
func (a UpdateCourse) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := p.course(strings.TrimSpace(a.Course))
	if err != nil {
		return nil, err
	}
	c := p.plan.SkillPlan[i]
	day, flag := datedBy(a.Start, "--start")
	fix, err := p.reword(wordFlag(a.Name, "--course"), a.Provider != nil || a.Start != nil || a.End != nil, day, flag, "a skill plan course's update")
	if err != nil {
		return nil, err
	}
	return fix.mark(p.planItemChange("iep.course.update", fmt.Sprintf("course %d %s", i+1, planQuote(c.Course)), "caseplan iep course update --help lists the fields",
		[]string{"skill_plan", planIdx(i)}, []fieldChange{
			{label: "name", flag: "course", key: "course", now: c.Course, v: a.Name, required: true},
			{label: "provider", key: "provider", now: c.Provider, v: a.Provider},
			{label: "start", key: "start", now: string(c.Start), v: a.Start, date: true},
			{label: "end", key: "end", now: string(c.End), v: a.End, date: true},
		}))
}
