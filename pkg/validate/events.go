package validate

import (
	"fmt"
	"strconv"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// RuleFutureDate: a date that records something that has happened is after
// today. validate warns of it; a write that would add one is refused
// (casework).
const RuleFutureDate = "future-date"

// eventDate is a date that records something that has happened: a
// contact, a decision, a step done. It cannot be after today, as a date a
// plan sets (a target, a due date, a placement's or a plan service's
// start, a layoff still to come, the end of an extension) can.
type eventDate struct {
	file string
	at   []string // the field, as a path in the file
	what string   // what happened, for the message: "note date", ...
	date record.Date
}

// activityDates gives add each entry of case c's weekly activity
// tracker with its date and what it is ("application", "interview"):
// the one walk of the tracker's dated entries, for the dates that record
// what has happened (eventDates) and the plan work a closing stops
// (workDates).
func activityDates(c *casefile.Case, add func(file, what string, d record.Date, at ...string)) {
	i := strconv.Itoa
	for _, w := range c.Activity {
		f := c.ActivityPath(w)
		for j, a := range w.Applications {
			add(f, "application", a.Date, "applications", i(j), "date")
		}
		for j, a := range w.InformationalInterviews {
			add(f, "informational interview", a.Date, "informational_interviews", i(j), "date")
		}
		for j, a := range w.Interviews {
			add(f, "interview", a.Date, "interviews", i(j), "date")
		}
		for j, a := range w.Courses {
			add(f, "course", a.Date, "courses", i(j), "date")
		}
		for j, a := range w.Networking {
			add(f, "networking event", a.Date, "networking", i(j), "date")
		}
	}
}

// eventDates lists every event date of case c, by the one table of which
// fields record what has happened (README, "How caseplan decides": Dates).
func eventDates(c *casefile.Case) []eventDate {
	var out []eventDate
	add := func(file, what string, d record.Date, at ...string) {
		if d != "" {
			out = append(out, eventDate{file: file, at: at, what: what, date: d})
		}
	}
	i := strconv.Itoa
	if in := c.Intake; in != nil {
		f := c.File(layout.KindIntake)
		add(f, "opening date", in.Opened, "opened")
		if in.Layoff != nil {
			add(f, "layoff notice date", in.Layoff.NoticeDate, "layoff", "notice_date")
		}
		add(f, "end of cash assistance", in.CashAssistanceEnded, "cash_assistance_ended")
		add(f, "exit date", in.Exited, "exited")
		for j, e := range in.Eligibility {
			add(f, "eligibility determination", e.Determined, "eligibility", i(j), "determined")
		}
		for j, b := range in.Barriers {
			add(f, "barrier resolved", b.Resolved, "barriers", i(j), "resolved")
		}
		for j, a := range in.Assessments {
			add(f, "assessment date", a.Date, "assessments", i(j), "date")
		}
		for j, t := range in.Transfers {
			add(f, "transfer date", t.Date, "transfers", i(j), "date")
		}
		for j, p := range in.Consents {
			add(f, "permission given", p.Given, "consents", i(j), "given")
			add(f, "permission withdrawn", p.Withdrawn, "consents", i(j), "withdrawn")
		}
		for j, w := range in.Waivers {
			add(f, "waiver date", w.Date, "waivers", i(j), "date")
		}
	}
	if p := c.IEP; p != nil {
		f := c.File(layout.KindIEP)
		add(f, "plan created", p.Created, "created")
		add(f, "plan updated", p.Updated, "updated")
		for j, g := range p.Goals {
			for k, m := range g.Milestones {
				add(f, "milestone "+m.ID+" done", m.Done, "goals", i(j), "milestones", i(k), "done")
			}
		}
		for j, s := range p.NextSteps {
			add(f, "next step "+s.ID+" done", s.Done, "next_steps", i(j), "done")
		}
		for j, a := range p.ActionItems {
			add(f, "action item "+a.Note+"#"+i(a.Item)+" "+a.Status, a.Date, "action_items", i(j), "date")
		}
		for j, r := range p.Reviews {
			add(f, "plan review", r.Date, "reviews", i(j), "date")
		}
		for j, a := range p.Agreements {
			add(f, "agreement to the plan", a.Date, "agreements", i(j), "date")
		}
	}
	if r := c.References; r != nil {
		f := c.File(layout.KindReferences)
		for j, ref := range r.References {
			add(f, "reference's permission", ref.Permission, "references", i(j), "permission")
			add(f, "reference briefed", ref.Briefed, "references", i(j), "briefed")
			add(f, "reference's withdrawal", ref.Withdrawn, "references", i(j), "withdrawn")
		}
	}
	for _, n := range c.Notes {
		f := c.NotePath(n)
		add(f, "note date", n.Date, "date")
		for j, a := range n.Actions {
			add(f, "action item "+i(j+1)+" done", a.Done, "actions", i(j), "done")
		}
	}
	activityDates(c, func(file, what string, d record.Date, at ...string) { add(file, what+" date", d, at...) })
	if s := c.Services; s != nil {
		f := c.File(layout.KindServices)
		for j, r := range s.Referrals {
			add(f, "referral "+r.ID+" made", r.Referred, "referrals", i(j), "referred")
			add(f, "referral "+r.ID+" updated", r.Updated, "referrals", i(j), "updated")
		}
	}
	if o := c.Outcome; o != nil {
		f := c.File(layout.KindOutcome)
		for j, e := range o.Extensions {
			add(f, "extension request", e.Requested, "extensions", i(j), "requested")
			add(f, "extension decision", e.Decided, "extensions", i(j), "decided")
		}
		if p := o.Placement; p != nil {
			add(f, "placement recorded", p.Recorded, "placement", "recorded")
			add(f, "offer fell through", p.FellThrough, "placement", "fell_through")
		}
		for j, p := range o.Placements {
			add(f, "placement recorded", p.Recorded, "placements", i(j), "recorded")
			add(f, "offer fell through", p.FellThrough, "placements", i(j), "fell_through")
		}
		for j, u := range o.FollowUps {
			add(f, "follow-up done", u.Done, "follow_ups", i(j), "done")
		}
		for j, cr := range o.Credentials {
			add(f, "credential attained", cr.Date, "credentials", i(j), "date")
			add(f, "postsecondary education entered", cr.EducationEntered, "credentials", i(j), "education_entered")
		}
		for j, g := range o.SkillGains {
			add(f, "skill gain documented", g.Date, "skill_gains", i(j), "date")
		}
		for j, e := range o.Exclusions {
			add(f, "exclusion date", e.Date, "exclusions", i(j), "date")
		}
		if cl := o.Closure; cl != nil {
			add(f, "closure date", cl.Date, "closure", "date")
		}
		for j, cl := range o.Closures {
			add(f, "closure date", cl.Date, "closures", i(j), "date")
		}
		for j, r := range o.Reopenings {
			add(f, "reopening date", r.Date, "reopenings", i(j), "date")
		}
	}
	return out
}

// cohortEventDates lists the event dates of a layoff cohort's record (file,
// cases/cohorts/ID.yaml): the WARN notice's date and each roster import's.
// Its layoff dates are planned. A case's layoff.notice_date is the same
// notice's date and is an event date too (eventDates).
func cohortEventDates(file string, c *record.Cohort) []eventDate {
	var out []eventDate
	if c == nil {
		return nil
	}
	if c.NoticeDate != "" {
		out = append(out, eventDate{file: file, at: []string{"notice_date"}, what: "layoff notice date", date: c.NoticeDate})
	}
	for j, im := range c.Imports {
		if im.Date != "" {
			out = append(out, eventDate{file: file, at: []string{"imports", strconv.Itoa(j), "date"}, what: "import date", date: im.Date})
		}
	}
	return out
}

// FutureCohortDates returns the event dates of cohort c that are after
// today, each as its path in the cohort's record and the message
// future-date gives: case import checks the cohort its rules would write
// by them, and names the rules' line.
func FutureCohortDates(c *record.Cohort, today time.Time) (paths [][]string, msgs []string) {
	t := dayOf(today)
	for _, e := range cohortEventDates("", c) {
		if msg, ok := futureMessage(e, t); ok {
			paths, msgs = append(paths, e.at), append(msgs, msg)
		}
	}
	return paths, msgs
}

// FutureDate returns future-date's message for an event date d (what
// names it, as "opening date") if d is after today: case import checks the
// dates its rules give every new case by it, and names the rules' line.
func FutureDate(what string, d record.Date, today time.Time) (string, bool) {
	return futureMessage(eventDate{what: what, date: d}, dayOf(today))
}

// futureMessage is future-date's message for e, if e is after today (a
// case has dozens of event dates: today is formatted once for them all).
func futureMessage(e eventDate, today record.Date) (string, bool) {
	if !after(e.date, today) {
		return "", false
	}
	return fmt.Sprintf("%s %s is after today (%s): it records what has happened; record it when it has, or correct the date", e.what, e.date, today), true
}

// checkFutureDates reports each event date after today: the records say
// something happened that has not happened yet — a typo in the year, a
// note written ahead of the meeting. A write that would add one is refused
// as any new error is.
func checkFutureDates(x *Context) {
	today := dayOf(x.Today)
	for _, e := range eventDates(x.Case) {
		if msg, ok := futureMessage(e, today); ok {
			x.Report(e.file, e.at, "%s", msg)
		}
	}
}
