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
	c := s.Snapshot.Case(u.Case)
	if c == nil {
		return nil, &store.UnknownCaseError{ID: u.Case}
	}
	if err := checkWeek(u.Week); err != nil {
		return nil, err
	}
	if !slices.Contains(ApplicationStatuses, u.Status) {
		return nil, inputErrorf("use one of "+strings.Join(ApplicationStatuses, ", "), "unknown application status %q", u.Status)
	}
	p := ActivityPath(u.Case, u.Week)
	var w record.ActivityWeek
	exists, err := caseRecord(s, c, p, &w)
	if err != nil {
		return nil, err
	}
	list := "caseplan activity list " + u.Case + " --week " + u.Week + " lists them"
	switch {
	case !exists:
		return nil, inputErrorf("caseplan activity list "+u.Case+" lists the weeks with activity", "case %s has no activity in week %s", u.Case, u.Week)
	case len(w.Applications) == 0:
		return nil, inputErrorf(list, "case %s has no applications in week %s", u.Case, u.Week)
	case u.Application < 1 || u.Application > len(w.Applications):
		return nil, inputErrorf(list, "week %s of case %s has applications 1 to %d, not %d", u.Week, u.Case, len(w.Applications), u.Application)
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
