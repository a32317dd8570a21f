package casework

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/yamledit"
	"github.com/caseplan/caseplan/schemas"
)

// Activity kinds: what activity add records, each in its own list of the
// week's file (000: the weekly Candidate Activity Tracker).
const (
	ActivityApplication            = "application"
	ActivityInformationalInterview = "informational-interview"
	ActivityInterview              = "interview"
	ActivityCourse                 = "course"
	ActivityNetworking             = "networking"
)

// ActivityKinds lists the kinds in the order of the week file's lists.
var ActivityKinds = []string{ActivityApplication, ActivityInformationalInterview, ActivityInterview, ActivityCourse, ActivityNetworking}

// Statuses and interview kinds, as schemas/activity.schema.json lists them.
var (
	ApplicationStatuses = record.ApplicationStatuses
	CourseStatuses      = schemas.Enum("activity", "courses", "[]", "status")
	InterviewKinds      = schemas.Enum("activity", "interviews", "[]", "kind")
)

// AddActivity describes one entry of the activity tracker. Entry is one of
// record.Application, record.InformationalInterview, record.Interview,
// record.ActivityCourse or record.NetworkingEvent; its date picks the week.
type AddActivity struct {
	Case  string
	Entry any
}

// activityList returns the list of the week file an entry belongs in, its
// kind, its date and a few words for the commit subject.
func activityList(entry any) (list, kind string, d record.Date, what string, err error) {
	switch e := entry.(type) {
	case record.Application:
		return "applications", ActivityApplication, e.Date, fmt.Sprintf("application to %s (%s)", e.Organization, e.Position), nil
	case record.InformationalInterview:
		return "informational_interviews", ActivityInformationalInterview, e.Date, "informational interview at " + e.Organization, nil
	case record.Interview:
		return "interviews", ActivityInterview, e.Date, "interview at " + e.Organization, nil
	case record.ActivityCourse:
		return "courses", ActivityCourse, e.Date, "course " + e.Title, nil
	case record.NetworkingEvent:
		return "networking", ActivityNetworking, e.Date, "networking at " + e.Event, nil
	}
	return "", "", "", "", fmt.Errorf("activity: %T is not an activity entry", entry)
}

// Build returns the change that appends the entry to the list of its kind
// in activity/<ISO week of its date>.yaml, keeping the rest of the file as
// a person wrote it, or writes the week's file when there is none yet. The
// entry gets an ID of its own — AP-K7QX2 for an application, II-, IV-, AC-
// or NW- for the other kinds — so that entries logged in one week in two
// clones merge as two. The output is the ID, which activity list shows and
// activity update takes.
func (a AddActivity) Build(s *State) (*Change, error) {
	c := s.Snapshot.Case(a.Case)
	if c == nil {
		return nil, &store.UnknownCaseError{ID: a.Case}
	}
	list, kind, d, what, err := activityList(a.Entry)
	if err != nil {
		return nil, err
	}
	t, ok := d.Time()
	if !ok {
		return nil, inputErrorf("", "activity date %q is not a date; use YYYY-MM-DD", d)
	}
	if err := closedWork(c, d, "--date", "an activity"); err != nil {
		return nil, err
	}
	week := calendar.ISOWeek(t)
	p := ActivityPath(a.Case, week)
	var w record.ActivityWeek
	exists, err := caseRecord(s, c, p, &w)
	if err != nil {
		return nil, err
	}
	id, err := s.newItemID(c, activityPrefixes[kind])
	if err != nil {
		return nil, err
	}
	entry := withEntryID(a.Entry, id)
	var data []byte
	if exists {
		data, err = s.EditRecord(p, nil, appendActivity(list, entry))
	} else {
		w = record.ActivityWeek{Week: week}
		if err := addEntry(&w, entry); err != nil {
			return nil, err
		}
		data, err = record.Marshal(p, &w)
	}
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{a.Case},
		Action:  "activity.add",
		Summary: fmt.Sprintf("log %s in %s", what, week),
		Files:   map[string][]byte{p: data},
		Output:  id,
	}, nil
}

// activityPrefixes are the ID prefixes of the kinds' entries.
var activityPrefixes = map[string]string{
	ActivityApplication:            record.PrefixApplication,
	ActivityInformationalInterview: record.PrefixInformationalInterview,
	ActivityInterview:              record.PrefixInterview,
	ActivityCourse:                 record.PrefixActivityCourse,
	ActivityNetworking:             record.PrefixNetworking,
}

// withEntryID returns the activity entry with the ID id.
func withEntryID(entry any, id string) any {
	switch e := entry.(type) {
	case record.Application:
		e.ID = id
		return e
	case record.InformationalInterview:
		e.ID = id
		return e
	case record.Interview:
		e.ID = id
		return e
	case record.ActivityCourse:
		e.ID = id
		return e
	case record.NetworkingEvent:
		e.ID = id
		return e
	}
	return entry
}

// activityLists are the week file's lists in their canonical order.
var activityLists = []string{"applications", "informational_interviews", "interviews", "courses", "networking"}

// appendActivity returns the Edit that appends entry to the week file's
// list. A week file that has no such list yet gets it where the canonical
// order puts it — before the first list that follows it, and before the
// comment lines just above that list, which belong to it — so a file kept
// by hand and by caseplan reads like one caseplan wrote. Only the new lines
// are added either way.
func appendActivity(list string, entry any) Edit {
	return func(data []byte) ([]byte, error) {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, err
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode || doc.Content[0].Style&yaml.FlowStyle != 0 {
			return yamledit.Append(data, []string{list}, entry)
		}
		root := doc.Content[0]
		order := slices.Index(activityLists, list)
		var next *yaml.Node
		for i := 0; i+1 < len(root.Content); i += 2 {
			k := root.Content[i]
			if k.Value == list {
				return yamledit.Append(data, []string{list}, entry)
			}
			if slices.Index(activityLists, k.Value) > order && (next == nil || k.Line < next.Line) {
				next = k
			}
		}
		if next == nil || next.Column != 1 {
			return yamledit.Append(data, []string{list}, entry)
		}
		text, err := yamledit.Append(nil, []string{list}, entry)
		if err != nil {
			return nil, err
		}
		lines := bytes.SplitAfter(data, []byte("\n"))
		at := next.Line - 1
		for at > 0 && bytes.HasPrefix(bytes.TrimLeft(lines[at-1], " \t"), []byte("#")) {
			at--
		}
		out := append(bytes.Join(lines[:at], nil), text...)
		return append(out, bytes.Join(lines[at:], nil)...), nil
	}
}

// addEntry appends entry to the list of its kind in w.
func addEntry(w *record.ActivityWeek, entry any) error {
	switch e := entry.(type) {
	case record.Application:
		w.Applications = append(w.Applications, e)
	case record.InformationalInterview:
		w.InformationalInterviews = append(w.InformationalInterviews, e)
	case record.Interview:
		w.Interviews = append(w.Interviews, e)
	case record.ActivityCourse:
		w.Courses = append(w.Courses, e)
	case record.NetworkingEvent:
		w.Networking = append(w.Networking, e)
	default:
		return fmt.Errorf("activity: %T is not an activity entry", entry)
	}
	return nil
}

// ActivityPath is the repository-relative path of a case's activity file
// for an ISO week (2026-W09).
func ActivityPath(caseID, week string) string {
	return layout.ActivityWeek(caseID, week)
}

// checkWeek is calendar.ParseISOWeek as an InputError.
func checkWeek(week string) error {
	if _, ok := calendar.ParseISOWeek(week); !ok {
		return inputErrorf("write an ISO week as YYYY-Www, e.g. 2026-W09", "%q is not an ISO week", strings.TrimSpace(week))
	}
	return nil
}
