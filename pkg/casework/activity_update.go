package casework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// The activity updates name the entry they change by its ID (AP-K7QX2,
// IV-, AC-; in any case), which activity add printed and activity list
// shows, searched in every week of the case; or, for an entry logged
// before entries had IDs, by its number among its week's entries of its
// kind (1 for the first), with the week. The output is the entry's ID, or
// for one without, its week, kind and number, as before entries had IDs.

// UpdateApplication moves a job application along (interview, offer,
// hired, rejected, withdrawn) in the week's file it was logged in, so an
// old week's file need not be edited by hand.
type UpdateApplication struct {
	Case        string
	Application string // its ID, or its number in Week's applications
	Week        string // 2026-W09; needed with a number, checked with an ID
	Status      string
	Feedback    string // added to the feedback already recorded; empty: leave it as it is
}

// Build returns the change that sets the application's status (and
// feedback) in place: only those lines of the week's file change.
func (u UpdateApplication) Build(s *State) (*Change, error) {
	if !slices.Contains(ApplicationStatuses, u.Status) {
		return nil, inputErrorf("use one of "+strings.Join(ApplicationStatuses, ", "), "unknown application status %q", u.Status)
	}
	e, err := findActivity(s, u.Case, ActivityApplication, u.Application, u.Week)
	if err != nil {
		return nil, err
	}
	at := func(field string) []string { return []string{"applications", strconv.Itoa(e.i), field} }
	edits := []Edit{Set(at("status"), u.Status)}
	app := e.week.Applications[e.i]
	// An employer's answer comes in pieces — a screening call, then a
	// panel, then "reposted after the grant was funded" — and each is
	// what the employer said: it is added to, never replaced.
	if feedback, ok := addNotes(app.Feedback, u.Feedback); ok {
		edits = append(edits, Set(at("feedback"), feedback))
	}
	data, err := s.EditRecord(e.path, nil, edits...)
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{u.Case},
		Action:  "activity.update",
		Summary: fmt.Sprintf("move application %s (%s, %s) to %s", e.name(), app.Organization, app.Position, u.Status),
		Files:   map[string][]byte{e.path: data},
		Output:  e.output(),
	}, nil
}

// UpdateInterview records the feedback from a job interview (000) in the
// week's file it was logged in: feedback often comes days later.
type UpdateInterview struct {
	Case      string
	Interview string // its ID, or its number in Week's interviews
	Week      string
	Feedback  string
}

// Build returns the change that sets the interview's feedback in place.
func (u UpdateInterview) Build(s *State) (*Change, error) {
	feedback := strings.TrimSpace(u.Feedback)
	if feedback == "" {
		return nil, inputErrorf("give it with --feedback", "no feedback to record")
	}
	e, err := findActivity(s, u.Case, ActivityInterview, u.Interview, u.Week)
	if err != nil {
		return nil, err
	}
	in := e.week.Interviews[e.i]
	feedback, ok := addNotes(in.Feedback, feedback)
	if !ok {
		return nil, inputErrorf("", "interview %s (%s) already has this feedback: %s", e.name(), in.Organization, in.Feedback)
	}
	data, err := s.EditRecord(e.path, nil, setInOrder(record.ActivityWeek{}, []string{"interviews", strconv.Itoa(e.i), "feedback"}, feedback))
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{u.Case},
		Action:  "activity.update",
		Summary: fmt.Sprintf("record the feedback of interview %s (%s)", e.name(), in.Organization),
		Files:   map[string][]byte{e.path: data},
		Output:  e.output(),
	}, nil
}

// UpdateActivityCourse moves a course logged in the activity tracker
// along — enrolled, completed, dropped — in the week's file it was logged
// in.
type UpdateActivityCourse struct {
	Case   string
	Course string // its ID, or its number in Week's courses
	Week   string
	Status string
}

// Build returns the change that sets the course's status in place.
func (u UpdateActivityCourse) Build(s *State) (*Change, error) {
	if !slices.Contains(CourseStatuses, u.Status) {
		return nil, inputErrorf("use one of "+strings.Join(CourseStatuses, ", "), "unknown course status %q", u.Status)
	}
	e, err := findActivity(s, u.Case, ActivityCourse, u.Course, u.Week)
	if err != nil {
		return nil, err
	}
	c := e.week.Courses[e.i]
	if c.Status == u.Status {
		return nil, inputErrorf("", "course %s (%s) is already %s", e.name(), c.Title, u.Status)
	}
	data, err := s.EditRecord(e.path, nil, setInOrder(record.ActivityWeek{}, []string{"courses", strconv.Itoa(e.i), "status"}, u.Status))
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{u.Case},
		Action:  "activity.update",
		Summary: fmt.Sprintf("mark course %s (%s) %s", e.name(), c.Title, u.Status),
		Files:   map[string][]byte{e.path: data},
		Output:  e.output(),
	}, nil
}

// activityEntry is the entry of a case's activity tracker an update names.
type activityEntry struct {
	kind string               // ActivityApplication, ...
	path string               // its week's file
	week *record.ActivityWeek // the week as it stands
	i    int                  // its index in its kind's list
	id   string               // "" for an entry logged before entries had IDs
}

// name names the entry in messages and commit subjects: its ID, or its
// number and week.
func (e activityEntry) name() string {
	if e.id != "" {
		return e.id
	}
	return fmt.Sprintf("%d of %s", e.i+1, e.week.Week)
}

// output is what the update prints: the entry's ID, or its week, kind and
// number.
func (e activityEntry) output() string {
	if e.id != "" {
		return e.id
	}
	return fmt.Sprintf("%s %s %d", e.week.Week, e.kind, e.i+1)
}

// activityIDs returns the IDs of a week's entries of kind, one per entry
// ("" for an entry without one), and the name of their list.
func activityIDs(w *record.ActivityWeek, kind string) (list string, ids []string) {
	switch kind {
	case ActivityApplication:
		for _, e := range w.Applications {
			ids = append(ids, e.ID)
		}
		return "applications", ids
	case ActivityInterview:
		for _, e := range w.Interviews {
			ids = append(ids, e.ID)
		}
		return "interviews", ids
	case ActivityCourse:
		for _, e := range w.Courses {
			ids = append(ids, e.ID)
		}
		return "courses", ids
	}
	panic("activityIDs: no updates of " + kind)
}

// numberedHint is the hint of an entry named by its number n without its
// week: what to type for each entry of kind numbered n in a week of the
// case (the latest few), as the entry is — its ID, or for one logged
// before entries had IDs (activity list shows "-"), its number with
// --week, the only way to name it.
func numberedHint(weeks []*record.ActivityWeek, caseID, kind string, n int) string {
	const most = 4 // a hint is one line: the latest weeks, likeliest meant
	var named []string
	for _, w := range weeks {
		if _, ids := activityIDs(w, kind); n <= len(ids) {
			as := fmt.Sprintf("--week %s --%s %d", w.Week, kind, n)
			if ids[n-1] != "" {
				as = "--" + kind + " " + ids[n-1]
			}
			named = append(named, as+" ("+activityLabel(w, kind, n-1)+")")
		}
	}
	list := "caseplan activity list " + caseID
	switch {
	case len(named) == 0:
		return fmt.Sprintf("no week of case %s has %s %d; %s lists the entries", caseID, kind, n, list)
	case len(named) == 1:
		return "type " + named[0]
	case len(named) > most:
		earlier := len(named) - most
		return fmt.Sprintf("type the one you mean: %s; %s lists %d earlier", strings.Join(named[earlier:], ", "), list, earlier)
	}
	return "type the one you mean: " + strings.Join(named, ", ")
}

// activityLabel says which entry of kind entry i of week w is, in the
// words of activity list: where, and for an application the position.
func activityLabel(w *record.ActivityWeek, kind string, i int) string {
	switch kind {
	case ActivityApplication:
		return w.Applications[i].Organization + ", " + w.Applications[i].Position
	case ActivityInterview:
		return w.Interviews[i].Organization
	case ActivityCourse:
		return w.Courses[i].Title
	}
	panic("activityLabel: no updates of " + kind)
}

// findActivity finds the entry of kind that which names in case caseID:
// by its ID in any week (week, when given, must be its week), or by its
// number in week.
func findActivity(s *State, caseID, kind, which, week string) (activityEntry, error) {
	c := s.Snapshot.Case(caseID)
	if c == nil {
		return activityEntry{}, &store.UnknownCaseError{ID: caseID}
	}
	if week != "" {
		if err := checkWeek(week); err != nil {
			return activityEntry{}, err
		}
	}
	which = strings.TrimSpace(which)
	if n, err := strconv.Atoi(which); err == nil {
		if week == "" {
			return activityEntry{}, inputErrorf(numberedHint(c.Activity, caseID, kind, n),
				"--%s %d: a number names an entry of one week, and no week was given", kind, n)
		}
		list, _ := activityIDs(&record.ActivityWeek{}, kind)
		p, w, err := activityWeek(s, caseID, week, list, n, func(w *record.ActivityWeek) int { _, ids := activityIDs(w, kind); return len(ids) })
		if err != nil {
			return activityEntry{}, err
		}
		_, ids := activityIDs(w, kind)
		return activityEntry{kind: kind, path: p, week: w, i: n - 1, id: ids[n-1]}, nil
	}
	id := itemID(which)
	var have []string
	for _, w := range c.Activity {
		_, ids := activityIDs(w, kind)
		for j, eid := range ids {
			switch {
			case eid == "":
			case eid == id && week != "" && w.Week != week:
				return activityEntry{}, inputErrorf("", "%s %s of case %s was logged in week %s, not %s", kind, id, caseID, w.Week, week)
			case eid == id:
				return activityEntry{kind: kind, path: c.ActivityPath(w), week: w, i: j, id: eid}, nil
			default:
				have = append(have, eid)
			}
		}
	}
	hint := "caseplan activity list " + caseID + " lists the entries with their IDs"
	if len(have) == 0 {
		return activityEntry{}, inputErrorf(hint, "case %s has no %s %q", caseID, kind, which)
	}
	return activityEntry{}, inputErrorf(hint, "case %s has no %s %q (it has %s)", caseID, kind, which, strings.Join(have, ", "))
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
