package cli

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

func TestActivityEntry(t *testing.T) {
	yes, no, three, zero := true, false, 3, 0
	for _, tc := range []struct {
		name  string
		v     activityValues
		given []string // the entry flags given besides --kind and --date
		want  any      // the entry, or nil when an error is wanted
		err   string   // the usage error's message
		hint  string
	}{
		{
			name:  "application, status defaults to applied",
			v:     activityValues{kind: "application", date: "2026-03-10", org: "Example Clinic", position: "Clerk", grade: "5"},
			given: []string{"org", "position", "grade"},
			want:  record.Application{Date: "2026-03-10", Organization: "Example Clinic", Position: "Clerk", Grade: "5", Status: "applied"},
		},
		{
			name:  "application, --internal=false is recorded as external",
			v:     activityValues{kind: "application", date: "2026-03-10", org: "Example Clinic", position: "Clerk", internal: false, status: "interview", feedback: "good"},
			given: []string{"org", "position", "internal", "status", "feedback"},
			want:  record.Application{Date: "2026-03-10", Organization: "Example Clinic", Position: "Clerk", Internal: &no, Status: "interview", Feedback: "good"},
		},
		{
			name:  "application, --internal",
			v:     activityValues{kind: "application", date: "2026-03-10", org: "Unit", position: "Clerk", internal: true},
			given: []string{"org", "position", "internal"},
			want:  record.Application{Date: "2026-03-10", Organization: "Unit", Position: "Clerk", Internal: &yes, Status: "applied"},
		},
		{
			name:  "informational interview",
			v:     activityValues{kind: "informational-interview", date: "2026-03-11", org: "Example Hospital", contact: "HR lead", notes: "talked about the path"},
			given: []string{"org", "contact", "notes"},
			want:  record.InformationalInterview{Date: "2026-03-11", Organization: "Example Hospital", Contact: "HR lead", Notes: "talked about the path"},
		},
		{
			name:  "interview",
			v:     activityValues{kind: "interview", date: "2026-03-12", org: "Example Clinic", position: "Clerk", interviewKind: "panel", feedback: "strong answers"},
			given: []string{"org", "position", "kind-of-interview", "feedback"},
			want:  record.Interview{Date: "2026-03-12", Organization: "Example Clinic", Position: "Clerk", Kind: "panel", Feedback: "strong answers"},
		},
		{
			name:  "course",
			v:     activityValues{kind: "course", date: "2026-03-13", title: "Excel basics", provider: "Example College", status: "completed"},
			given: []string{"title", "provider", "status"},
			want:  record.ActivityCourse{Date: "2026-03-13", Title: "Excel basics", Provider: "Example College", Status: "completed"},
		},
		{
			name:  "networking with contacts",
			v:     activityValues{kind: "networking", date: "2026-03-14", event: "Job club", contacts: 3, notes: "two leads"},
			given: []string{"event", "contacts", "notes"},
			want:  record.NetworkingEvent{Date: "2026-03-14", Event: "Job club", Contacts: &three, Notes: "two leads"},
		},
		{
			name:  "networking, --contacts 0 is recorded",
			v:     activityValues{kind: "networking", date: "2026-03-14", event: "Job club"},
			given: []string{"event", "contacts"},
			want:  record.NetworkingEvent{Date: "2026-03-14", Event: "Job club", Contacts: &zero},
		},
		{
			name:  "flags that do not apply are named, with the ones that do",
			v:     activityValues{kind: "course", date: "2026-03-13", title: "Excel", grade: "5", org: "x"},
			given: []string{"title", "grade", "org"},
			err:   "--org, --grade do not apply to --kind course",
			hint:  "--kind course takes --date, --title, --provider, --status",
		},
		{
			name:  "one flag that does not apply",
			v:     activityValues{kind: "networking", date: "2026-03-13", event: "Job club", position: "Clerk"},
			given: []string{"event", "position"},
			err:   "--position does not apply to --kind networking",
			hint:  "--kind networking takes --date, --event, --contacts, --notes",
		},
		{
			name:  "what a kind needs",
			v:     activityValues{kind: "application", org: "Example Clinic"},
			given: []string{"org"},
			err:   "--kind application needs --date and --position",
			hint:  "--date is the day it happened, as YYYY-MM-DD, e.g. --date 2026-03-10; --kind application takes --date, --org, --position, --internal, --grade, --status, --feedback",
		},
		{
			name:  "an empty value does not count",
			v:     activityValues{kind: "interview", date: "2026-03-12", org: "  "},
			given: []string{"org"},
			err:   "--kind interview needs --org",
		},
		{
			name: "no kind",
			v:    activityValues{date: "2026-03-12"},
			err:  "activity add needs --kind",
		},
		{
			name: "unknown kind",
			v:    activityValues{kind: "job-fair", date: "2026-03-12"},
			err:  `--kind "job-fair": use one of application, informational-interview, interview, course, networking`,
		},
		{
			name:  "a course status is not an application status",
			v:     activityValues{kind: "course", date: "2026-03-13", title: "Excel", status: "applied"},
			given: []string{"title", "status"},
			err:   `--status "applied": for --kind course use one of enrolled, completed, dropped`,
		},
		{
			name:  "an application status",
			v:     activityValues{kind: "application", date: "2026-03-13", org: "x", position: "y", status: "enrolled"},
			given: []string{"org", "position", "status"},
			err:   `--status "enrolled": for --kind application use one of applied, interview, offer, hired, rejected, withdrawn`,
		},
		{
			name:  "a slip of an application status",
			v:     activityValues{kind: "application", date: "2026-03-13", org: "x", position: "y", status: "hird"},
			given: []string{"org", "position", "status"},
			err:   `--status "hird": for --kind application use one of applied, interview, offer, hired, rejected, withdrawn`,
			hint:  "did you mean --status hired?",
		},
		{
			name:  "kind of interview",
			v:     activityValues{kind: "interview", date: "2026-03-13", org: "x", interviewKind: "group"},
			given: []string{"org", "kind-of-interview"},
			err:   `--kind-of-interview "group": for --kind interview use one of screening, hiring-manager, panel, mock, other`,
		},
		{
			name:  "negative contacts",
			v:     activityValues{kind: "networking", date: "2026-03-13", event: "x", contacts: -2},
			given: []string{"event", "contacts"},
			err:   "--contacts -2: the number of new contacts cannot be negative",
		},
		{
			name:  "a bad date",
			v:     activityValues{kind: "networking", date: "2026-02-30", event: "x"},
			given: []string{"event"},
			err:   `--date "2026-02-30": not a date: February 2026 has 28 days, so day 30 does not exist`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			given := func(f string) bool { return slices.Contains(tc.given, f) }
			got, err := activityEntry(tc.v, given)
			if tc.err == "" {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("got %#v\nwant %#v", got, tc.want)
				}
				return
			}
			var ue *UsageError
			if !errors.As(err, &ue) || ue.Msg != tc.err {
				t.Fatalf("got %v, want the usage error %q", err, tc.err)
			}
			if tc.hint != "" && ue.Hint != tc.hint {
				t.Errorf("hint %q, want %q", ue.Hint, tc.hint)
			}
		})
	}
}

// TestActivityStatusHelp: --status takes a list that depends on --kind,
// so its help names each kind's statuses, as the schema lists them and
// activityEntry checks them.
func TestActivityStatusHelp(t *testing.T) {
	c := newCmdActivityAdd(&globals{}, nil)
	usage := c.Flags().Lookup("status").Usage
	for kind, statuses := range map[string][]string{"application": casework.ApplicationStatuses, "course": casework.CourseStatuses} {
		if len(statuses) == 0 || !strings.Contains(usage, choiceList(statuses...)) || !strings.Contains(c.Long, choiceList(statuses...)) {
			t.Errorf("--status help %q (or the command's) does not name the statuses of --kind %s: %s", usage, kind, choiceList(statuses...))
		}
	}
}

// TestActivityAddCommandRoundTrip: the activity add command that an
// entry dated in the wrong week is moved with (validate's refusal) is
// read by activity add's own flags as the entry it came from, but its ID,
// which activity add gives anew.
func TestActivityAddCommandRoundTrip(t *testing.T) {
	yes, no, three := true, false, 3
	for _, entry := range []any{
		record.Application{ID: "AP-7QX2K", Date: "2026-03-17", Organization: "Example Clinic", Position: "Office Coordinator", Internal: &no, Grade: "5", Status: "rejected", Feedback: "Position filled; it's reposted"},
		record.Application{Date: "2026-03-17", Organization: "Unit", Position: "Clerk", Internal: &yes, Status: "applied"},
		record.InformationalInterview{ID: "II-7QX2K", Date: "2026-03-18", Organization: "Example Hospital", Contact: "HR lead", Notes: "talked about the path"},
		record.Interview{ID: "IV-7QX2K", Date: "2026-03-19", Organization: "Example Clinic", Position: "Clerk", Kind: "panel", Feedback: "strong answers"},
		record.ActivityCourse{ID: "AC-7QX2K", Date: "2026-03-20", Title: "Excel basics", Provider: "Example College", Status: "completed"},
		record.NetworkingEvent{ID: "NW-7QX2K", Date: "2026-03-21", Event: "Chamber breakfast", Contacts: &three, Notes: "two leads"},
	} {
		line := validate.ActivityAddCommand("W-001", entry)
		words, err := shellWords(line)
		if err != nil || len(words) < 4 || strings.Join(words[:3], " ") != "caseplan activity add" {
			t.Fatalf("%s: not an activity add command (%v)", line, err)
		}
		var got any
		c := newCmdActivityAdd(&globals{}, func(o *activityAddOptions) error {
			if o.change.Case != "W-001" {
				t.Errorf("%s: case %q", line, o.change.Case)
			}
			got = o.change.Entry
			return nil
		})
		c.SetArgs(words[3:])
		if err := c.Execute(); err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if want := withoutID(entry); !reflect.DeepEqual(got, want) {
			t.Errorf("%s\nreads as %#v\nwant     %#v", line, got, want)
		}
	}
}

// withoutID is an activity entry as activity add's flags give it: with
// no ID yet.
func withoutID(entry any) any {
	switch e := entry.(type) {
	case record.Application:
		e.ID = ""
		return e
	case record.InformationalInterview:
		e.ID = ""
		return e
	case record.Interview:
		e.ID = ""
		return e
	case record.ActivityCourse:
		e.ID = ""
		return e
	case record.NetworkingEvent:
		e.ID = ""
		return e
	}
	return entry
}
