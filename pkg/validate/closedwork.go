package validate

import (
	"strconv"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// RuleClosedCaseWork is the rule that no plan work is dated while the
// case was closed: the write commands refuse it (casework, closed.go),
// so one there was written by hand.
const RuleClosedCaseWork = "closed-case-work"

// workDates lists case c's plan work with its date (an eventDate, though
// a plan service's start may be a plan rather than an event), by the same
// fields the write commands date it by: a completed plan service's start
// and end, a course's start once enrolled, a milestone or next step done,
// a review, a referral made or made again, an activity. A plan service counts
// once completed and a course once enrolled in: one still scheduled to
// start after the closing may have been planned while the case was open
// (a write dated by its start then was allowed), and is a plan left open,
// not work done — iep service cancel takes it off, closed or not.
func workDates(c *casefile.Case) []eventDate {
	var out []eventDate
	add := func(file, what string, d record.Date, at ...string) {
		if validDate(d) {
			out = append(out, eventDate{file: file, at: at, what: what, date: d})
		}
	}
	i := strconv.Itoa
	if p := c.IEP; p != nil {
		f := c.File(layout.KindIEP)
		for j, s := range p.Services {
			if s.Status == "completed" {
				add(f, "plan service "+s.ID+" started", s.Start, "services", i(j), "start")
				add(f, "plan service "+s.ID+" ended", s.End, "services", i(j), "end")
			}
		}
		for j, s := range p.SkillPlan {
			if s.Status == "enrolled" || s.Status == "completed" {
				add(f, "course "+strconv.Quote(s.Course)+" started", s.Start, "skill_plan", i(j), "start")
			}
		}
		for j, g := range p.Goals {
			for k, m := range g.Milestones {
				add(f, "milestone "+m.ID+" done", m.Done, "goals", i(j), "milestones", i(k), "done")
			}
		}
		for j, s := range p.NextSteps {
			add(f, "next step "+s.ID+" done", s.Done, "next_steps", i(j), "done")
		}
		for j, r := range p.Reviews {
			add(f, "plan review", r.Date, "reviews", i(j), "date")
		}
		for j, a := range p.Agreements {
			add(f, "agreement to the plan", a.Date, "agreements", i(j), "date")
		}
	}
	if s := c.Services; s != nil {
		f := c.File(layout.KindServices)
		for j, r := range s.Referrals {
			add(f, "referral "+r.ID+" made", r.Referred, "referrals", i(j), "referred")
			// A provider's answer after the closing is what became of
			// the referral (casework.UpdateReferral takes it); only a
			// referral made again is work.
			if r.Status == "referred" {
				add(f, "referral "+r.ID+" updated", r.Updated, "referrals", i(j), "updated")
			}
		}
	}
	activityDates(c, func(file, what string, d record.Date, at ...string) {
		if what == "course" {
			what = "course activity" // not the plan's skill course
		}
		add(file, what, d, at...)
	})
	return out
}

// checkClosedCaseWork warns of plan work dated after a closing that no
// reopening had ended by then (record.Outcome.ClosedBefore, as the write
// commands ask). Work dated on the closing day or before is a late
// entry; a case whose intake says open while its latest closure stands
// is case-status's finding, not this one's.
func checkClosedCaseWork(x *Context) {
	o, in := x.Case.Outcome, x.Case.Intake
	if o == nil || in == nil || len(o.AllClosures()) == 0 {
		return
	}
	for _, w := range workDates(x.Case) {
		cl := o.ClosedBefore(w.date)
		if cl == nil {
			continue
		}
		reopened := o.ReopeningAfter(*cl)
		if reopened == "" && in.Status != "closed" {
			continue
		}
		if reopened != "" {
			x.Report(w.file, w.at, "%s on %s, while the case was closed (from %s, reason %s, until it was reopened on %s): correct the date, or record the work in the episode it belongs to",
				w.what, w.date, cl.Date, cl.Reason, reopened)
			continue
		}
		x.Report(w.file, w.at, "%s on %s, after the case was closed on %s (reason %s) and not reopened: correct the date if it happened by the closing, or reopen the case with caseplan case reopen %s --date DATE --reason TEXT",
			w.what, w.date, cl.Date, cl.Reason, x.Case.ID)
	}
}
