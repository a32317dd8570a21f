package casework

import (
	"fmt"
	"strconv"
	"strings"
)

// SetCourseStatus moves a course of the skill development plan (000)
// along: planned, enrolled, completed or dropped. Course names the course
// by its ID (SK-K7QX2, as iep course add printed it), its place in the
// skill plan (1 for the first, as caseplan iep show lists them) or its
// name, ignoring case.
type SetCourseStatus struct {
	Case   string
	Course string
	Status string
}

// Build returns the change that sets the course's status.
func (a SetCourseStatus) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	if err := checkPlanChoice("status", &a.Status, courseStatuses...); err != nil {
		return nil, err
	}
	i, err := p.course(strings.TrimSpace(a.Course))
	if err != nil {
		return nil, err
	}
	c := p.plan.SkillPlan[i]
	if c.Status == a.Status {
		return nil, inputErrorf("", "course %d %s is already %s", i+1, planQuote(c.Course), a.Status)
	}
	// A course completed or dropped records how it ended — the
	// participant may finish training after the case is closed — and is
	// taken on a closed case; planning or enrolling is plan work
	// (closed.go).
	if a.Status == "planned" || a.Status == "enrolled" {
		if err := p.workOn("", "", "a course status"); err != nil {
			return nil, err
		}
	}
	return p.change("iep.course.status", fmt.Sprintf("mark course %s %s", planQuote(c.Course), a.Status), "",
		planSet([]string{"skill_plan", planIdx(i), "status"}, a.Status))
}

// course returns the index of the skill plan's course named by its ID,
// its place (1-based) or its name.
func (p *planCase) course(which string) (int, error) {
	courses := p.plan.SkillPlan
	var have []string
	for i, c := range courses {
		if c.ID != "" && c.ID == itemID(which) {
			return i, nil
		}
		have = append(have, fmt.Sprintf("%d %s", i+1, planQuote(c.Course)))
	}
	if len(courses) == 0 {
		return 0, inputErrorf("add one with caseplan iep course add "+p.c.ID+" --course NAME", "the skill plan of case %s has no courses yet", p.c.ID)
	}
	if n, err := strconv.Atoi(which); err == nil {
		if n < 1 || n > len(courses) {
			return 0, inputErrorf(p.showHint(), "the skill plan of case %s has no course %d (it has %s)", p.c.ID, n, strings.Join(have, ", "))
		}
		return n - 1, nil
	}
	found := -1
	for i, c := range courses {
		if !strings.EqualFold(strings.TrimSpace(c.Course), which) {
			continue
		}
		if found >= 0 {
			return 0, inputErrorf("name it by its number", "the skill plan of case %s has more than one course %q (%s)", p.c.ID, which, strings.Join(have, ", "))
		}
		found = i
	}
	if found < 0 {
		return 0, inputErrorf(p.showHint(), "the skill plan of case %s has no course %q (it has %s)", p.c.ID, which, strings.Join(have, ", "))
	}
	return found, nil
}
