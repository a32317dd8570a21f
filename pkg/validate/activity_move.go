package validate

import (
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// moveEntryHint says how an activity entry dated in week to, but kept in
// the file of week from, is moved (README, activity weeks): logged again
// in its week by activity add, with its own values, and taken out of the
// wrong week by editing that week. edit does not open a week the case
// does not have yet, as activity add gives a new week's entries the IDs
// sync merges two clones' entries by; one command that logs it works
// whether the right week exists or not.
func moveEntryHint(caseID, from, to string, entry any) string {
	return "move it: " + ActivityAddCommand(caseID, entry) + " logs it in " + to +
		" (with an ID of its own), then take it out of " + from + ": caseplan edit " + caseID + " " + layout.ActivityDir + "/" + from
}

// ActivityAddCommand is the caseplan activity add command that logs entry
// (a record.Application, record.InformationalInterview, record.Interview,
// record.ActivityCourse or record.NetworkingEvent) with every value it
// has but its ID, quoted to be pasted as it stands. The flags are
// activity add's (pkg/cli, which holds this to them in a test); "" for
// anything else.
func ActivityAddCommand(caseID string, entry any) string {
	args := []string{"caseplan", "activity", "add", display.ShellQuote(caseID)}
	flag := func(name, v string) {
		if v != "" {
			args = append(args, "--"+name, display.ShellQuote(v))
		}
	}
	switch e := entry.(type) {
	case record.Application:
		flag("date", string(e.Date))
		flag("kind", "application")
		flag("org", e.Organization)
		flag("position", e.Position)
		if e.Internal != nil {
			args = append(args, "--internal="+strconv.FormatBool(*e.Internal))
		}
		flag("grade", e.Grade)
		if e.Status != "applied" { // activity add's default
			flag("status", e.Status)
		}
		flag("feedback", e.Feedback)
	case record.InformationalInterview:
		flag("date", string(e.Date))
		flag("kind", "informational-interview")
		flag("org", e.Organization)
		flag("contact", e.Contact)
		flag("notes", e.Notes)
	case record.Interview:
		flag("date", string(e.Date))
		flag("kind", "interview")
		flag("org", e.Organization)
		flag("position", e.Position)
		flag("kind-of-interview", e.Kind)
		flag("feedback", e.Feedback)
	case record.ActivityCourse:
		flag("date", string(e.Date))
		flag("kind", "course")
		flag("title", e.Title)
		flag("provider", e.Provider)
		flag("status", e.Status)
	case record.NetworkingEvent:
		flag("date", string(e.Date))
		flag("kind", "networking")
		flag("event", e.Event)
		if e.Contacts != nil {
			flag("contacts", strconv.Itoa(*e.Contacts))
		}
		flag("notes", e.Notes)
	default:
		return ""
	}
	return strings.Join(args, " ")
}
