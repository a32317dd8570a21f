package casework

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// AddNextStep adds a next step: an action the participant or the manager
// takes now; this part of the plan is updated as steps are completed
// (001). Its ID (N-K7QX2) is the command's output.
type AddNextStep struct {
	Case  string
	Owner string // participant or manager
	Text  string
	Due   record.Date // optional
}

// Build returns the change that appends the step.
func (a AddNextStep) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	if err := checkPlanChoice("owner", &a.Owner, stepOwners...); err != nil {
		return nil, err
	}
	if err := checkPlanText("step's text", "--text", a.Text); err != nil {
		return nil, err
	}
	if a.Due != "" {
		if err := checkPlanDate("due date", a.Due); err != nil {
			return nil, err
		}
	}
	id, err := s.newItemID(p.c, record.PrefixNextStep)
	if err != nil {
		return nil, err
	}
	n := record.NextStep{ID: id, Owner: a.Owner, Text: strings.TrimSpace(a.Text), Due: a.Due}
	summary := fmt.Sprintf("add next step %s for the %s", n.ID, n.Owner)
	if n.Due != "" {
		summary += ", due " + string(n.Due)
	}
	if err := p.workOn("", "", "a new next step"); err != nil {
		return nil, err
	}
	return p.change("iep.step.add", summary, n.ID, planAppend([]string{"next_steps"}, n))
}

// NextStepDone records the date a next step was done. Giving another date
// for a step already done corrects it.
type NextStepDone struct {
	Case string
	Step string
	Date record.Date // empty: --today
}

// Build returns the change that sets the step's done date.
func (a NextStepDone) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := p.step(itemID(a.Step))
	if err != nil {
		return nil, err
	}
	n := p.plan.NextSteps[i]
	var flag string
	a.Date, flag = dateGiven(a.Date, s.Today)
	if err := p.checkDoneDate(fmt.Sprintf("next step %s done date", n.ID), flag, a.Date); err != nil {
		return nil, err
	}
	summary := fmt.Sprintf("mark next step %s done", n.ID)
	switch n.Done {
	case "":
	case a.Date:
		return nil, inputErrorf("", "next step %s is already marked done on %s", n.ID, n.Done)
	default:
		summary = fmt.Sprintf("correct next step %s's done date to %s (was %s)", n.ID, a.Date, n.Done)
	}
	if err := p.workOn(a.Date, "--date", "a next step done"); err != nil {
		return nil, err
	}
	return p.change("iep.step.done", summary, "", planSet([]string{"next_steps", planIdx(i), "done"}, a.Date))
}

// AddJobTarget adds a position or job family to the job search plan, with
// the grade range to apply within — neither too high nor too low — and
// whether inside the organisation, outside it or both (000). Its ID
// (JT-K7QX2) is the command's output.
type AddJobTarget struct {
	Case   string
	Target record.JobTarget
}

// Build returns the change that appends the job target.
func (a AddJobTarget) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	t := a.Target
	t.Title = strings.TrimSpace(t.Title)
	if err := checkPlanText("job target's title", "--title", t.Title); err != nil {
		return nil, err
	}
	if t.Scope != "" {
		if err := checkPlanChoice("scope", &t.Scope, targetScopes...); err != nil {
			return nil, err
		}
	}
	for _, old := range p.plan.JobTargets {
		if strings.EqualFold(old.Title, t.Title) && strings.EqualFold(old.JobFamily, t.JobFamily) {
			return nil, inputErrorf(p.showHint(), "the job search plan already has the target %q", old.Title)
		}
	}
	if t.ID, err = s.newItemID(p.c, record.PrefixJobTarget); err != nil {
		return nil, err
	}
	if err := p.workOn("", "", "a new job target"); err != nil {
		return nil, err
	}
	return p.change("iep.target.add", "add job target "+planQuote(t.Title), t.ID, planAppend([]string{"job_targets"}, t))
}

// AddSkillCourse adds a course to the skill development plan (000). Its
// ID (SK-K7QX2) is the command's output.
type AddSkillCourse struct {
	Case   string
	Course record.Course // status defaults to planned
}

// Build returns the change that appends the course.
func (a AddSkillCourse) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	c := a.Course
	c.Course = strings.TrimSpace(c.Course)
	if err := checkPlanText("course", "--course", c.Course); err != nil {
		return nil, err
	}
	if c.Status == "" {
		c.Status = "planned"
	}
	if err := checkPlanChoice("status", &c.Status, courseStatuses...); err != nil {
		return nil, err
	}
	for _, d := range []struct {
		what string
		v    record.Date
	}{{"start", c.Start}, {"end", c.End}} {
		if d.v != "" {
			if err := checkPlanDate(d.what, d.v); err != nil {
				return nil, err
			}
		}
	}
	if c.ID, err = s.newItemID(p.c, record.PrefixSkillCourse); err != nil {
		return nil, err
	}
	if err := p.workOn(c.Start, "--start", "a skill plan course"); err != nil {
		return nil, err
	}
	return p.change("iep.course.add", fmt.Sprintf("add course %s to the skill plan (%s)", planQuote(c.Course), c.Status), c.ID,
		planAppend([]string{"skill_plan"}, c))
}

// ReviewPlan records a dated review of the plan by the acting staff member:
// the plan is referenced often and updated regularly (001). The plan's
// `updated` date is the date of its latest review.
type ReviewPlan struct {
	Case    string
	Date    record.Date // empty: --today
	Summary string
}

// Build returns the change that appends the review and moves `updated`.
func (a ReviewPlan) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	var flag string
	a.Date, flag = dateGiven(a.Date, s.Today)
	if err := p.checkDoneDate("review date", flag, a.Date); err != nil {
		return nil, err
	}
	for _, r := range p.plan.Reviews {
		if r.Date == a.Date && r.By == s.Staff.ID {
			return nil, inputErrorf(p.showHint(), "the plan already has a review by %s on %s", r.By, r.Date)
		}
	}
	id, err := s.newItemID(p.c, record.PrefixReview)
	if err != nil {
		return nil, err
	}
	r := record.Review{ID: id, Date: a.Date, By: s.Staff.ID, Summary: strings.TrimSpace(a.Summary)}
	edits := []Edit{planAppend([]string{"reviews"}, r)}
	if a.Date > p.plan.Updated {
		edits = append(edits, planSet([]string{"updated"}, a.Date))
	}
	if err := p.workOn(a.Date, "--date", "a plan review"); err != nil {
		return nil, err
	}
	return p.change("iep.review", "review the plan", "", edits...)
}
