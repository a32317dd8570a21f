package casework

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// SetPlan sets the plan's vision (where the customer would like to be after
// the services, 001) and employment goal (002). A nil field is left as it is.
type SetPlan struct {
	Case           string
	Vision         *string
	EmploymentGoal *string
}

// Build returns the change that sets the fields given.
func (a SetPlan) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	var edits []Edit
	var what []string
	for _, f := range []struct {
		key, name, flag string
		v               *string
	}{{"vision", "vision", "--vision", a.Vision}, {"employment_goal", "employment goal", "--employment-goal", a.EmploymentGoal}} {
		if f.v == nil {
			continue
		}
		if err := checkPlanText(f.name, f.flag, *f.v); err != nil {
			return nil, err
		}
		edits = append(edits, planSet([]string{f.key}, strings.TrimSpace(*f.v)))
		what = append(what, f.name)
	}
	if len(edits) == 0 {
		return nil, inputErrorf("give --vision, --employment-goal or both", "nothing to set")
	}
	// The vision and the employment goal are the plan's own words, no
	// plan item: setting them is a rewording (closed.go), taken on a
	// closed case as a correction, as an item's --text is.
	fix, err := p.reword("", false, "", "", "a change of the plan")
	if err != nil {
		return nil, err
	}
	return fix.mark(p.change("iep.set", "set the plan's "+strings.Join(what, " and "), "", edits...))
}

// AddGoal adds a short- or long-term goal (001). Its ID (G-K7QX2) is the
// command's output.
type AddGoal struct {
	Case   string
	Term   string      // short: while services are rendered; long: 9 to 12 months after exit (001)
	Text   string      // what the customer wants to achieve
	Target record.Date // optional
}

// Build returns the change that appends the goal, active.
func (a AddGoal) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	if err := checkPlanChoice("term", &a.Term, goalTerms...); err != nil {
		return nil, err
	}
	if err := checkPlanText("goal's text", "--text", a.Text); err != nil {
		return nil, err
	}
	if a.Target != "" {
		if err := checkPlanDate("target", a.Target); err != nil {
			return nil, err
		}
	}
	id, err := s.newItemID(p.c, record.PrefixGoal)
	if err != nil {
		return nil, err
	}
	g := record.Goal{ID: id, Term: a.Term, Text: strings.TrimSpace(a.Text), Target: a.Target, Status: "active"}
	if err := p.workOn("", "", "a new goal"); err != nil {
		return nil, err
	}
	return p.change("iep.goal.add", fmt.Sprintf("add %s-term goal %s %s", g.Term, g.ID, planQuote(g.Text)), g.ID,
		planAppend([]string{"goals"}, g))
}

// SetGoalStatus marks a goal active, achieved or dropped.
type SetGoalStatus struct {
	Case   string
	Goal   string
	Status string
}

// Build returns the change that sets the goal's status.
func (a SetGoalStatus) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	if err := checkPlanChoice("status", &a.Status, goalStatuses...); err != nil {
		return nil, err
	}
	gi, err := p.goal(itemID(a.Goal))
	if err != nil {
		return nil, err
	}
	g := p.plan.Goals[gi]
	if g.Status == a.Status {
		return nil, inputErrorf("", "goal %s is already %s", g.ID, a.Status)
	}
	summary := fmt.Sprintf("mark goal %s %s", g.ID, a.Status)
	if a.Status == "active" {
		summary = fmt.Sprintf("make goal %s active again", g.ID)
	}
	// A goal achieved or dropped records how the plan ended — a case
	// closed as placed has its goal marked achieved the next day — and
	// is taken on a closed case; making one active again is plan work
	// (closed.go).
	if a.Status == "active" {
		if err := p.workOn("", "", "a goal's status"); err != nil {
			return nil, err
		}
	}
	return p.change("iep.goal.status", summary, "", planSet([]string{"goals", planIdx(gi), "status"}, a.Status))
}

// AddObjective adds an objective — a specific step the customer will take
// to realise a goal (001) — optionally naming the plan's services that
// serve it. Its ID (O-K7QX2, unique across all goals) is the command's
// output.
type AddObjective struct {
	Case     string
	Goal     string
	Text     string
	Services []string // IDs of the plan's services
}

// Build returns the change that appends the objective to its goal.
func (a AddObjective) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	gi, err := p.goal(itemID(a.Goal))
	if err != nil {
		return nil, err
	}
	if err := checkPlanText("objective's text", "--text", a.Text); err != nil {
		return nil, err
	}
	var services []string
	for _, id := range a.Services {
		if id = itemID(id); !slices.Contains(services, id) {
			services = append(services, id)
		}
	}
	if err := p.checkServices(services); err != nil {
		return nil, err
	}
	id, err := s.newItemID(p.c, record.PrefixObjective)
	if err != nil {
		return nil, err
	}
	o := record.Objective{ID: id, Text: strings.TrimSpace(a.Text), Services: services}
	summary := fmt.Sprintf("add objective %s to goal %s", o.ID, p.plan.Goals[gi].ID)
	if len(services) > 0 {
		summary += ", served by " + strings.Join(services, ", ")
	}
	if err := p.workOn("", "", "a new objective"); err != nil {
		return nil, err
	}
	return p.change("iep.objective.add", summary, o.ID, planAppend([]string{"goals", planIdx(gi), "objectives"}, o))
}

// AddPlanService adds a service the customer needs to meet objectives
// (001, 002) and links it into each named objective's services. Its ID
// (S-K7QX2) is the command's output.
type AddPlanService struct {
	Case       string
	Service    record.PlanService // its ID is assigned here
	Objectives []string           // IDs of the objectives it serves
}

// Build returns the change that appends the service and links it.
func (a AddPlanService) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	svc := a.Service
	svc.Name = strings.TrimSpace(svc.Name)
	if err := checkPlanText("service's name", "--name", svc.Name); err != nil {
		return nil, err
	}
	for _, d := range []struct {
		what string
		v    record.Date
	}{{"start", svc.Start}, {"end", svc.End}} {
		if d.v != "" {
			if err := checkPlanDate(d.what, d.v); err != nil {
				return nil, err
			}
		}
	}
	if err := checkTrainingType(s, svc); err != nil {
		return nil, err
	}
	type link struct{ gi, oi int }
	var linked []string
	var links []link
	for _, id := range a.Objectives {
		gi, oi, err := p.objective(itemID(id))
		if err != nil {
			return nil, err
		}
		id = p.plan.Goals[gi].Objectives[oi].ID
		if slices.Contains(linked, id) {
			continue
		}
		linked = append(linked, id)
		links = append(links, link{gi, oi})
	}
	if svc.ID, err = s.newItemID(p.c, record.PrefixPlanService); err != nil {
		return nil, err
	}
	edits := []Edit{planAppend([]string{"services"}, svc)}
	for _, l := range links {
		edits = append(edits, planAppend([]string{"goals", planIdx(l.gi), "objectives", planIdx(l.oi), "services"}, svc.ID))
	}
	summary := fmt.Sprintf("add service %s %s", svc.ID, planQuote(svc.Name))
	if len(linked) > 0 {
		summary += " for " + strings.Join(linked, ", ")
	}
	if err := p.workOn(svc.Start, "--start", "a plan service"); err != nil {
		return nil, err
	}
	return p.change("iep.service.add", summary, svc.ID, edits...)
}

// checkTrainingType refuses a training type (PIRL 1303) on a service that
// is not training: credential attainment reads it to leave out those whose
// only training was on-the-job or customized (TEGL 10-16).
func checkTrainingType(s *State, svc record.PlanService) error {
	if svc.TrainingType == "" {
		return nil
	}
	if !slices.Contains(record.TrainingTypes, svc.TrainingType) {
		return inputErrorf("", "training type %q is not one of %s", svc.TrainingType, strings.Join(record.TrainingTypes, ", "))
	}
	if cat, ok := s.Snapshot.Config.ServiceCategory(svc.Code); !ok || cat != record.CategoryTraining {
		return inputErrorf("give the service a code of the training category, e.g. --code training", "a training type is for a training service; service code %q is not one", svc.Code)
	}
	return nil
}

// AddMilestone adds a milestone to a goal: a specific, measurable point,
// with the date it should be reached (001). Its ID (M-K7QX2, unique across
// all goals) is the command's output.
type AddMilestone struct {
	Case string
	Goal string
	Text string
	Due  record.Date
}

// Build returns the change that appends the milestone to its goal.
func (a AddMilestone) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	gi, err := p.goal(itemID(a.Goal))
	if err != nil {
		return nil, err
	}
	if err := checkPlanText("milestone's text", "--text", a.Text); err != nil {
		return nil, err
	}
	if a.Due == "" {
		return nil, inputErrorf("a milestone is attainable within a designated timeframe (document 001)", "a milestone needs a due date")
	}
	if err := checkPlanDate("due date", a.Due); err != nil {
		return nil, err
	}
	id, err := s.newItemID(p.c, record.PrefixMilestone)
	if err != nil {
		return nil, err
	}
	m := record.Milestone{ID: id, Text: strings.TrimSpace(a.Text), Due: a.Due}
	if err := p.workOn("", "", "a new milestone"); err != nil {
		return nil, err
	}
	return p.change("iep.milestone.add", fmt.Sprintf("add milestone %s to goal %s, due %s", m.ID, p.plan.Goals[gi].ID, m.Due), m.ID,
		planAppend([]string{"goals", planIdx(gi), "milestones"}, m))
}

// MilestoneDone records the date a milestone was reached. Giving another
// date for a milestone already done corrects it.
type MilestoneDone struct {
	Case      string
	Milestone string
	Date      record.Date // empty: --today
}

// Build returns the change that sets the milestone's done date; nothing
// else in the file changes.
func (a MilestoneDone) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	gi, mi, err := p.milestone(itemID(a.Milestone))
	if err != nil {
		return nil, err
	}
	m := p.plan.Goals[gi].Milestones[mi]
	var flag string
	a.Date, flag = dateGiven(a.Date, s.Today)
	if err := p.checkDoneDate(fmt.Sprintf("milestone %s done date", m.ID), flag, a.Date); err != nil {
		return nil, err
	}
	summary := fmt.Sprintf("mark milestone %s done", m.ID)
	switch m.Done {
	case "":
	case a.Date:
		return nil, inputErrorf("", "milestone %s is already marked done on %s", m.ID, m.Done)
	default:
		summary = fmt.Sprintf("correct milestone %s's done date to %s (was %s)", m.ID, a.Date, m.Done)
	}
	if err := p.workOn(a.Date, "--date", "a milestone done"); err != nil {
		return nil, err
	}
	return p.change("iep.milestone.done", summary, "", planSet([]string{"goals", planIdx(gi), "milestones", planIdx(mi), "done"}, a.Date))
}
