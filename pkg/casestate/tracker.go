package casestate

import (
	"regexp"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// Two lines of 000's Intake Meeting, for work-security cases:
//
//   - "Maintain weekly Candidate Activity Tracker; use to review Work
//     Security on a monthly basis": a tracker-review note records each
//     review, and the next is due a calendar month after the last (after
//     the opening while there has been none), while the candidate
//     searches.
//   - "Explain the purpose of the Case Conference; plan the date": 000
//     gives the conference no date, so caseplan sets none; it says the
//     conference is still to plan until a case-conference note, or a
//     dated milestone or next step of the plan that names it, exists.

// Note kinds these obligations read.
const (
	NoteTrackerReview  = "tracker-review"
	NoteCaseConference = "case-conference"
)

// Case conference standings (State.CaseConference).
const (
	ConferenceToPlan  = "to-plan" // no date planned and none held (000: "plan the date")
	ConferencePlanned = "planned" // a dated milestone or next step of the plan names it
	ConferenceHeld    = "held"    // a case-conference note records it
)

// trackerReviewDue is the next monthly review of the activity tracker
// (000) while a work-security candidate searches: a calendar month after
// the latest tracker-review note, or after the opening while there has
// been none.
func (x *view) trackerReviewDue() {
	if !x.searching() {
		return
	}
	var last time.Time
	var file string
	for _, n := range x.c.Notes {
		if t, ok := n.Date.Time(); ok && n.Kind == NoteTrackerReview && !t.Before(last) {
			last, file = t, x.c.NotePath(n)
		}
	}
	if file != "" {
		x.add(DueTrackerReview, calendar.AddMonths(last, 1), "review the activity tracker with the candidate (monthly, 000; last "+string(date(last))+"): "+NoteAddCommand(x.c.ID, NoteTrackerReview, x.contact), file, "date")
		return
	}
	opened := x.opened()
	if opened.IsZero() {
		return
	}
	x.add(DueTrackerReview, calendar.AddMonths(opened, 1), "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on "+string(x.c.Intake.Opened)+"): "+NoteAddCommand(x.c.ID, NoteTrackerReview, x.contact), x.file(layout.KindIntake), "opened")
}

// conferenceWords finds "case conference" in a plan item's text.
var conferenceWords = regexp.MustCompile(`(?i)\bcase[\s-]+conference\b`)

// caseConference says where a work-security case's case conference
// stands (000: "Explain the purpose of the Case Conference; plan the
// date"): held once a case-conference note records it, planned once a
// milestone or next step of the plan with a due date names it, else to
// plan; "" for the other programs.
func caseConference(kind string, notes []*record.Note, plan *record.IEP) string {
	if kind != record.ProgramWorkSecurity {
		return ""
	}
	for _, n := range notes {
		if n.Kind == NoteCaseConference {
			return ConferenceHeld
		}
	}
	if plan != nil {
		for _, g := range plan.Goals {
			for _, m := range g.Milestones {
				if m.Due != "" && conferenceWords.MatchString(m.Text) {
					return ConferencePlanned
				}
			}
		}
		for _, s := range plan.NextSteps {
			if s.Due != "" && conferenceWords.MatchString(s.Text) {
				return ConferencePlanned
			}
		}
	}
	return ConferenceToPlan
}
