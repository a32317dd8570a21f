package casework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// UpdateApplication moves a job application along (interview, offer,
// hired, rejected, withdrawn) in the week's file it was logged in, so an
// old week's file need not be edited by hand.
type UpdateApplication struct {
	Case        string
	Week        string // 2026-W09
	Application int    // its number in the week's applications, 1 for the first
	Status      string
	Feedback    string // empty: leave the feedback as it is
}

// Build returns the change that sets the application's status (and
// feedback) in place: only those lines of the week's file change.
func (u UpdateApplication) Build(s *State) (*Change, error) {
	if !slices.Contains(ApplicationStatuses, u.Status) {
		return nil, inputErrorf("use one of "+strings.Join(ApplicationStatuses, ", "), "unknown application status %q", u.Status)
	}
	p, w, err := activityWeek(s, u.Case, u.Week, "applications", u.Application, func(w *record.ActivityWeek) int { return len(w.Applications) })
	if err != nil {
		return nil, err
	}
	i := u.Application - 1
	at := func(field string) []string { return []string{"applications", strconv.Itoa(i), field} }
	edits := []Edit{Set(at("status"), u.Status)}
	if u.Feedback != "" {
		edits = append(edits, Set(at("feedback"), u.Feedback))
	}
	data, err := s.EditRecord(p, nil, edits...)
	if err != nil {
		return nil, err
	}
	app := w.Applications[i]
	return &Change{
		Cases:   []string{u.Case},
		Action:  "activity.update",
		Summary: fmt.Sprintf("move application %d of %s (%s, %s) to %s", u.Application, u.Week, app.Organization, app.Position, u.Status),
		Files:   map[string][]byte{p: data},
		Output:  fmt.Sprintf("%s %s %d", u.Week, ActivityApplication, u.Application),
	}, nil
}

// activityWeek reads the week's file of case id for an update of entry i
// (from 1) of its list named list (applications, interviews, courses),
// which has count entries, refusing a week or an entry the case does not
// have.
func activityWeek(s *State, id, week, list string, i int, count func(*record.ActivityWeek) int) (p string, w *record.ActivityWeek, err error) {
	c := s.Snapshot.Case(id)
	if c == nil {
		return "", nil, &store.UnknownCaseError{ID: id}
	}
	if err := checkWeek(week); err != nil {
		return "", nil, err
	}
	p = ActivityPath(id, week)
	w = &record.ActivityWeek{}
	exists, err := caseRecord(s, c, p, w)
	if err != nil {
		return "", nil, err
	}
	hint := "caseplan activity list " + id + " --week " + week + " lists them"
	n := 0
	if exists {
		n = count(w)
	}
	switch {
	case !exists:
		return "", nil, inputErrorf("caseplan activity list "+id+" lists the weeks with activity", "case %s has no activity in week %s", id, week)
	case n == 0:
		return "", nil, inputErrorf(hint, "case %s has no %s in week %s", id, list, week)
	case i < 1 || i > n:
		return "", nil, inputErrorf(hint, "week %s of case %s has %s 1 to %d, not %d", week, id, list, n, i)
	}
	return p, w, nil
}

// UpdateInterview records the feedback from a job interview (000) in the
// week's file it was logged in: feedback often comes days later.
type UpdateInterview struct {
	Case      string
	Week      string
	Interview int // its number in the week's interviews, 1 for the first
	Feedback  string
}

// Build returns the change that sets the interview's feedback in place.
func (u UpdateInterview) Build(s *State) (*Change, error) {
	p, w, err := activityWeek(s, u.Case, u.Week, "interviews", u.Interview, func(w *record.ActivityWeek) int { return len(w.Interviews) })
	if err != nil {
		return nil, err
	}
	feedback := strings.TrimSpace(u.Feedback)
	if feedback == "" {
		return nil, inputErrorf("give it with --feedback", "no feedback to record")
	}
	in := w.Interviews[u.Interview-1]
	data, err := s.EditRecord(p, nil, setInOrder(record.ActivityWeek{}, []string{"interviews", strconv.Itoa(u.Interview - 1), "feedback"}, feedback))
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{u.Case},
		Action:  "activity.update",
		Summary: fmt.Sprintf("record the feedback of interview %d of %s (%s)", u.Interview, u.Week, in.Organization),
		Files:   map[string][]byte{p: data},
		Output:  fmt.Sprintf("%s %s %d", u.Week, ActivityInterview, u.Interview),
	}, nil
}

// UpdateActivityCourse moves a course logged in the activity tracker
// along — enrolled, completed, dropped — in the week's file it was logged
// in.
type UpdateActivityCourse struct {
	Case   string
	Week   string
	Course int // its number in the week's courses, 1 for the first
	Status string
}

// Build returns the change that sets the course's status in place.
func (u UpdateActivityCourse) Build(s *State) (*Change, error) {
	if !slices.Contains(CourseStatuses, u.Status) {
		return nil, inputErrorf("use one of "+strings.Join(CourseStatuses, ", "), "unknown course status %q", u.Status)
	}
	p, w, err := activityWeek(s, u.Case, u.Week, "courses", u.Course, func(w *record.ActivityWeek) int { return len(w.Courses) })
	if err != nil {
		return nil, err
	}
	c := w.Courses[u.Course-1]
	if c.Status == u.Status {
		return nil, inputErrorf("", "course %d of %s (%s) is already %s", u.Course, u.Week, c.Title, u.Status)
	}
	data, err := s.EditRecord(p, nil, setInOrder(record.ActivityWeek{}, []string{"courses", strconv.Itoa(u.Course - 1), "status"}, u.Status))
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{u.Case},
		Action:  "activity.update",
		Summary: fmt.Sprintf("mark course %d of %s (%s) %s", u.Course, u.Week, c.Title, u.Status),
		Files:   map[string][]byte{p: data},
		Output:  fmt.Sprintf("%s %s %d", u.Week, ActivityCourse, u.Course),
	}, nil
}
