package validate

import (
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// RulePlanDate is the rule that a date the plan sets for what is still to
// come is not implausibly far after today.
const RulePlanDate = "plan-date"

// planDate is a date a case manager types for something still to come in
// the plan: a target, a due date, a course's start. It is what plan-date
// bounds, as eventDate is what future-date does.
type planDate struct {
	file string
	at   []string // the field, as a path in the file
	what string   // the field, for the message: "goal G1's target", ...
	fix  string   // the command that corrects it
	date record.Date
}

// planDatesAfter lists the planned dates of case c still to come that are
// after latest, by the one table of which planned fields plan-date bounds (README, "How caseplan
// decides": plan-date). A goal achieved or dropped, a milestone, next step
// or action item done or dropped, a plan service completed or cancelled, a
// course completed or dropped and a benefit lapsed or ended are history,
// and left out. So are the planned dates that are not the plan's:
// placements' start (placement-start bounds it), follow-ups' due (caseplan
// sets it from the exit or placement), layoff dates (the employer's
// notice gives them) and an extension's until (the committee decides it).
//
// Each date is compared before its message and path are made: nearly every
// case has none so far away, and a whole-store validate reads them all.
func planDatesAfter(c *casefile.Case, today, latest record.Date) []planDate {
	var out []planDate
	far := func(d record.Date) bool { return d > latest && validDate(d) }
	add := func(file, what, fix string, d record.Date, at ...string) {
		out = append(out, planDate{file: file, at: at, what: what, fix: fix, date: d})
	}
	i := strconv.Itoa
	id := c.ID
	if p := c.IEP; p != nil {
		f := c.File(layout.KindIEP)
		for j, g := range p.Goals {
			if g.Status == "achieved" || g.Status == "dropped" {
				continue
			}
			if far(g.Target) {
				add(f, "goal "+g.ID+"'s target", "caseplan iep goal update "+id+" "+g.ID+" --target DATE", g.Target, "goals", i(j), "target")
			}
			for k, m := range g.Milestones {
				if m.Done == "" && far(m.Due) {
					add(f, "milestone "+m.ID+"'s due date", "caseplan iep milestone update "+id+" "+m.ID+" --due DATE", m.Due, "goals", i(j), "milestones", i(k), "due")
				}
			}
		}
		for j, s := range p.NextSteps {
			if s.Done == "" && far(s.Due) {
				add(f, "next step "+s.ID+"'s due date", "caseplan iep step update "+id+" "+s.ID+" --due DATE", s.Due, "next_steps", i(j), "due")
			}
		}
		for j, s := range p.Services {
			if s.Status == "completed" || s.Status == "cancelled" {
				continue
			}
			fix := "caseplan iep service update " + id + " " + s.ID
			if far(s.Start) {
				add(f, "plan service "+s.ID+"'s start", fix+" --start DATE", s.Start, "services", i(j), "start")
			}
			if far(s.End) {
				add(f, "plan service "+s.ID+"'s end", fix+" --end DATE", s.End, "services", i(j), "end")
			}
		}
		for j, s := range p.SkillPlan {
			if s.Status == "completed" || s.Status == "dropped" || !far(s.Start) && !far(s.End) {
				continue
			}
			// A course written before courses had IDs is named by its
			// number, as iep show lists it and iep course update takes it.
			ref := s.ID
			if ref == "" {
				ref = i(j + 1)
			}
			fix := "caseplan iep course update " + id + " " + ref
			if far(s.Start) {
				add(f, "course "+ref+"'s start", fix+" --start DATE", s.Start, "skill_plan", i(j), "start")
			}
			if far(s.End) {
				add(f, "course "+ref+"'s end", fix+" --end DATE", s.End, "skill_plan", i(j), "end")
			}
		}
		if ss := p.SelfSufficiency; ss != nil {
			for j, b := range ss.Benefits {
				if b.Status == "lapsed" || b.Status == "ended" || !far(b.Renewal) {
					continue
				}
				add(f, "benefit "+strconv.Quote(b.Name)+"'s renewal", "caseplan iep benefit renew "+id+" "+shellQuote(b.Name)+" --renewal DATE", b.Renewal, "self_sufficiency", "benefits", i(j), "renewal")
			}
		}
	}
	var closures *casestate.ActionClosures
	for _, n := range c.Notes {
		for j, a := range n.Actions {
			if a.Done != "" || !far(a.Due) {
				continue
			}
			if closures == nil {
				cl := casestate.ActionClosuresOf(c)
				closures = &cl
			}
			if !closures.Open(n, j+1, today) {
				continue
			}
			ref := n.ID + "#" + i(j+1)
			// A note is never edited: the item with the wrong year is
			// dropped, and written again in a new note with the right one.
			add(c.NotePath(n), "action item "+ref+"'s due date", "caseplan action drop "+id+" "+ref+" --reason TEXT and a new note's --action (a note is never edited)", a.Due, "actions", i(j), "due")
		}
	}
	return out
}

// checkPlanDate reports each planned date (planDates) more than
// plan_date_max_months after today, as placement-start does a placement's
// start after the day it was recorded. The plan records no day each date
// was written, so today stands for it: at the write that is the day, and
// later a right date only comes nearer, while a year typed 2062 for 2026
// stays reported for decades.
func checkPlanDate(x *Context) {
	in := x.Case.Intake
	if in == nil || x.Today.IsZero() {
		return
	}
	max := x.Config.ProgramSetting(in.Program, record.SettingPlanDateMaxMonths)
	today := dayOf(x.Today)
	latest := record.Date(x.Today.AddDate(0, max, 0).Format(record.DateLayout))
	for _, d := range planDatesAfter(x.Case, today, latest) {
		x.Report(d.file, d.at,
			"%s, %s, is more than plan_date_max_months (%d) after today, %s: a typo in the year? Correct it with %s, or, if the date is right, raise plan_date_max_months in cases/caseplan.yaml",
			d.what, d.date, max, today, d.fix)
	}
}

// shellQuote quotes s for a shell, so a fix naming a benefit by its name
// can be pasted as it is.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// RuleContactSchedule is the rule that the contact schedule agreed in the
// plan can keep the program's contact interval.
const RuleContactSchedule = "contact-schedule"

// checkContactSchedule warns of an open case whose agreed contact
// schedule leaves more days between two agreed days than the program's
// interval allows (monthly check-ins on a work-security case with weekly
// ones): the tickler asks for the contact by the interval all the same,
// before the agreed day, so the agreement the participant keeps is not
// the one the office is judged by.
func checkContactSchedule(x *Context) {
	in, p := x.Case.Intake, x.Case.IEP
	if in == nil || p == nil || p.ContactSchedule == nil || in.Status != "open" {
		return
	}
	_, kind := x.Program()
	setting := calendar.ContactIntervalSetting(kind)
	gap := calendar.ScheduleShortestGap(*p.ContactSchedule)
	if setting == "" || gap == 0 {
		return
	}
	if every := x.Setting(setting); gap > every {
		x.Report(x.File(layout.KindIEP), Path("contact_schedule.every"),
			"the contact schedule agreed (%s) leaves at least %d days between contacts, more than the program's %d (%s), so the tickler asks for each contact before the agreed day; agree one that keeps it with caseplan iep schedule %s --every weekly --day DAY",
			calendar.ScheduleWords(*p.ContactSchedule), gap, every, setting, x.Case.ID)
	}
}
