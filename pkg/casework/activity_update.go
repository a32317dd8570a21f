package casework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// UpdateApplication moves a job application along (interview, offer,
// hired, rejected, withdrawn) in the week's file it was logged in, so an
// old week's file need not be edited by hand.
type UpdateApplication struct {
	Case string
	// Application is the application's ID (AP-K7QX2, in any case), as
	// activity add printed it and activity list shows it; or, for an
	// application logged before applications had IDs, its number in its
	// week's applications (1 for the first), with Week.
	Application string
	Week        string // 2026-W09; needed with a number, checked with an ID
	Status      string
	Feedback    string // empty: leave the feedback as it is
}

// Build returns the change that sets the application's status (and
// feedback) in place: only those lines of the week's file change. The
// output is the application's ID, or, for one without an ID, its week,
// "application" and its number, as before applications had IDs.
func (u UpdateApplication) Build(s *State) (*Change, error) {
	c := s.Snapshot.Case(u.Case)
	if c == nil {
		return nil, &store.UnknownCaseError{ID: u.Case}
	}
	if u.Week != "" {
		if err := checkWeek(u.Week); err != nil {
			return nil, err
		}
	}
	if !slices.Contains(ApplicationStatuses, u.Status) {
		return nil, inputErrorf("use one of "+strings.Join(ApplicationStatuses, ", "), "unknown application status %q", u.Status)
	}
	week, i, err := u.find(s, c)
	if err != nil {
		return nil, err
	}
	p := ActivityPath(u.Case, week)
	var w record.ActivityWeek
	if _, err := caseRecord(s, c, p, &w); err != nil {
		return nil, err
	}
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
	name, output := app.ID, app.ID
	if app.ID == "" {
		name = fmt.Sprintf("%d of %s", i+1, week)
		output = fmt.Sprintf("%s %s %d", week, ActivityApplication, i+1)
	}
	return &Change{
		Cases:   []string{u.Case},
		Action:  "activity.update",
		Summary: fmt.Sprintf("move application %s (%s, %s) to %s", name, app.Organization, app.Position, u.Status),
		Files:   map[string][]byte{p: data},
		Output:  output,
	}, nil
}

// find returns the week and the index of the application u names.
func (u UpdateApplication) find(s *State, c *casefile.Case) (week string, i int, err error) {
	which := strings.TrimSpace(u.Application)
	if n, err := strconv.Atoi(which); err == nil {
		return u.byNumber(s, c, n)
	}
	id := itemID(which)
	var have []string
	for _, w := range c.Activity {
		for j, a := range w.Applications {
			switch {
			case a.ID == "":
			case a.ID == id && u.Week != "" && w.Week != u.Week:
				return "", 0, inputErrorf("", "application %s of case %s was logged in week %s, not %s", id, u.Case, w.Week, u.Week)
			case a.ID == id:
				return w.Week, j, nil
			default:
				have = append(have, a.ID)
			}
		}
	}
	list := "caseplan activity list " + u.Case + " lists the applications with their IDs"
	if len(have) == 0 {
		return "", 0, inputErrorf(list, "case %s has no application %q", u.Case, which)
	}
	return "", 0, inputErrorf(list, "case %s has no application %q (it has %s)", u.Case, which, strings.Join(have, ", "))
}

// byNumber finds application n of week u.Week, for applications logged
// before they had IDs.
func (u UpdateApplication) byNumber(s *State, c *casefile.Case, n int) (string, int, error) {
	if u.Week == "" {
		return "", 0, inputErrorf("name an application by its ID (caseplan activity list "+u.Case+" shows them), or by its number with --week",
			"application %d: which week's?", n)
	}
	p := ActivityPath(u.Case, u.Week)
	var w record.ActivityWeek
	exists, err := caseRecord(s, c, p, &w)
	if err != nil {
		return "", 0, err
	}
	list := "caseplan activity list " + u.Case + " --week " + u.Week + " lists them"
	switch {
	case !exists:
		return "", 0, inputErrorf("caseplan activity list "+u.Case+" lists the weeks with activity", "case %s has no activity in week %s", u.Case, u.Week)
	case len(w.Applications) == 0:
		return "", 0, inputErrorf(list, "case %s has no applications in week %s", u.Case, u.Week)
	case n < 1 || n > len(w.Applications):
		return "", 0, inputErrorf(list, "week %s of case %s has applications 1 to %d, not %d", u.Week, u.Case, len(w.Applications), n)
	}
	return u.Week, n - 1, nil
}
