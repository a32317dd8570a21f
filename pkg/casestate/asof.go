package casestate

import (
	"slices"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

// AsOf returns case c as its records stood at the end of day by their event
// dates: what is dated after day is left out (a later note, placement,
// closure or transfer; a milestone, next step or follow-up done later; an
// extension decided later is still pending). A report on October read in
// November then says where each case stood on October 31 — its phase, days
// left and what was overdue — while everything committed by November about
// October still counts. The records themselves are not changed: the copy
// shares what it keeps as it was.
//
// What records do not date cannot be undone: a goal marked achieved, an
// application's later status, a benefit's renewal date moved on. To see
// the month as it was known at its end, read the records at that time
// (caseplan report --as-of).
//
// Compute judges every case as of its day this way, so case show, due,
// case list and the reports agree on where a case stood on a past --today. Closures, reopenings and placements are
// episodes that are only ever added, so a case reopened after day, or a
// placement corrected after it, reads as it stood on day.
func AsOf(c *casefile.Case, day time.Time) *casefile.Case { return asOf(c, day, true) }

// EpisodesAsOf is AsOf for a reader of the case's episodes and contacts
// alone — calendar.JobSearchActive, StandingOf, NextContactOf — asked of
// many past days (validate's ws-checkin-late asks at every gap between
// check-ins): it rewinds the notes, the outcome and the intake as AsOf
// does, and shares the activity weeks, the references and the plan
// unrewound, which those readers do not read. A test holds the two to
// the same answers of those readers.
func EpisodesAsOf(c *casefile.Case, day time.Time) *casefile.Case { return asOf(c, day, false) }

// asOf is AsOf, rewinding the activity weeks, the references and the
// plan only when all is set.
func asOf(c *casefile.Case, day time.Time, all bool) *casefile.Case {
	after := func(d record.Date) bool {
		t, ok := d.Time()
		return ok && t.After(day)
	}
	cp := *c
	cp.Notes = slices.DeleteFunc(slices.Clone(c.Notes), func(n *record.Note) bool { return after(n.Date) })
	if all {
		rewindWork(&cp, c, after)
	}
	status := ""
	if o := c.Outcome; o != nil {
		v := *o
		v.Extensions = slices.DeleteFunc(slices.Clone(o.Extensions), func(e record.Extension) bool { return after(e.Requested) })
		for i := range v.Extensions {
			if after(v.Extensions[i].Decided) {
				v.Extensions[i].Decided, v.Extensions[i].Decision, v.Extensions[i].Until, v.Extensions[i].By = "", "pending", "", ""
			}
		}
		// A placement (or a correction) recorded after day was not
		// known then; the single placement of older files has no such
		// date, and is left out until it started. A late entry stays:
		// a job that had started by day, entered later (from a paper
		// file), with no other job on record then
		// (record.Outcome.PlacementOn).
		if v.Placement != nil && after(v.Placement.Start) {
			v.Placement = nil
		}
		late := o.PlacementOn(record.Date(day.Format(time.DateOnly)))
		if late != nil && !after(late.Recorded) {
			late = nil
		}
		v.Placements = slices.DeleteFunc(slices.Clone(o.Placements), func(p record.Placement) bool {
			if late != nil && p.ID == late.ID && p.Recorded == late.Recorded && p.Start == late.Start {
				return false
			}
			return after(p.Recorded) || (p.Recorded == "" && after(p.Start))
		})
		// An offer that fell through after day was still in effect then.
		if v.Placement != nil && after(v.Placement.FellThrough) {
			pl := *v.Placement
			pl.FellThrough, pl.FellThroughReason = "", ""
			v.Placement = &pl
		}
		for i := range v.Placements {
			if after(v.Placements[i].FellThrough) {
				v.Placements[i].FellThrough, v.Placements[i].FellThroughReason = "", ""
			}
		}
		v.FollowUps = slices.Clone(o.FollowUps)
		for i := range v.FollowUps {
			if after(v.FollowUps[i].Done) {
				v.FollowUps[i].Done, v.FollowUps[i].Employed, v.FollowUps[i].Wage = "", nil, nil
			}
		}
		if v.Closure != nil && after(v.Closure.Date) {
			v.Closure = nil
		}
		v.Closures = slices.DeleteFunc(slices.Clone(o.Closures), func(c record.Closure) bool { return after(c.Date) })
		v.Reopenings = slices.DeleteFunc(slices.Clone(o.Reopenings), func(r record.Reopening) bool { return after(r.Date) })
		// The status on day follows the episodes dated by then: closed
		// if a closure was in effect, open if none was (a case closed
		// later, or closed and reopened later, was open or closed then).
		status = "open"
		if v.LatestClosure() != nil {
			status = "closed"
		}
		cp.Outcome = &v
	}
	if in := c.Intake; in != nil {
		v := *in
		if status != "" {
			v.Status = status
		}
		if after(v.Exited) {
			v.Exited = ""
		}
		v.Assessments = slices.DeleteFunc(slices.Clone(in.Assessments), func(a record.Assessment) bool { return after(a.Date) })
		v.Manager, v.Center = ManagerOn(in, day), CenterOn(in, day)
		v.Transfers = slices.DeleteFunc(slices.Clone(in.Transfers), func(t record.Transfer) bool { return after(t.Date) })
		cp.Intake = &v
	}
	return &cp
}

// rewindWork rewinds into cp the work case c records by date — its
// activity weeks' entries, its references' permissions and briefings, its
// plan's milestones, next steps, reviews and agreements — leaving out what
// after says came later: AsOf's part that EpisodesAsOf leaves out.
func rewindWork(cp, c *casefile.Case, after func(record.Date) bool) {
	cp.Activity = nil
	for _, w := range c.Activity {
		v := *w
		v.Applications = slices.DeleteFunc(slices.Clone(w.Applications), func(a record.Application) bool { return after(a.Date) })
		v.InformationalInterviews = slices.DeleteFunc(slices.Clone(w.InformationalInterviews), func(a record.InformationalInterview) bool { return after(a.Date) })
		v.Interviews = slices.DeleteFunc(slices.Clone(w.Interviews), func(a record.Interview) bool { return after(a.Date) })
		v.Courses = slices.DeleteFunc(slices.Clone(w.Courses), func(a record.ActivityCourse) bool { return after(a.Date) })
		v.Networking = slices.DeleteFunc(slices.Clone(w.Networking), func(a record.NetworkingEvent) bool { return after(a.Date) })
		cp.Activity = append(cp.Activity, &v)
	}
	if r := c.References; r != nil {
		v := record.References{References: slices.Clone(r.References)}
		for i := range v.References {
			if after(v.References[i].Permission) {
				v.References[i].Permission = ""
			}
			if after(v.References[i].Briefed) {
				v.References[i].Briefed = ""
			}
		}
		cp.References = &v
	}
	if p := c.IEP; p != nil {
		v := *p
		v.Goals = slices.Clone(p.Goals)
		for i := range v.Goals {
			ms := slices.Clone(v.Goals[i].Milestones)
			for j := range ms {
				if after(ms[j].Done) {
					ms[j].Done = ""
				}
			}
			v.Goals[i].Milestones = ms
		}
		v.NextSteps = slices.Clone(p.NextSteps)
		for i := range v.NextSteps {
			if after(v.NextSteps[i].Done) {
				v.NextSteps[i].Done = ""
			}
		}
		v.Reviews = slices.DeleteFunc(slices.Clone(p.Reviews), func(r record.Review) bool { return after(r.Date) })
		v.Agreements = slices.DeleteFunc(slices.Clone(p.Agreements), func(a record.Agreement) bool { return after(a.Date) })
		cp.IEP = &v
	}
}

// ManagerOn is the case's designated counselor at the end of day: the
// manager a transfer dated after day took the case from, else the manager
// the intake names now (002: the designated counselor may transfer the case).
func ManagerOn(in *record.Intake, day time.Time) string {
	if first := TransferAfter(in, day); first != nil && first.From != "" {
		return first.From
	}
	return in.Manager
}

// ManagedOn reports whether staff member id managed the case at some
// time on day: its manager at the end of day (ManagerOn), or the one a
// transfer dated day took it from, who managed it until the transfer
// that day. A note of theirs dated then records work done while the case
// was theirs (access: a late entry).
func ManagedOn(in *record.Intake, id string, day time.Time) bool {
	if in == nil || id == "" {
		return false
	}
	if ManagerOn(in, day) == id {
		return true
	}
	for _, t := range in.Transfers {
		if d, ok := t.Date.Time(); ok && d.Equal(day) && t.From == id {
			return true
		}
	}
	return false
}

// CenterOn is the case's center at the end of day, as ManagerOn is its
// manager: the center a transfer dated after day took the case from (when
// the transfer records it), else the center the intake names now.
func CenterOn(in *record.Intake, day time.Time) string {
	if first := TransferAfter(in, day); first != nil && first.FromCenter != "" {
		return first.FromCenter
	}
	return in.Center
}

// TransferAfter is the first transfer of the case dated after day, nil
// when none is: the one that took the case from its manager of then.
func TransferAfter(in *record.Intake, day time.Time) *record.Transfer {
	var first *record.Transfer
	for i, t := range in.Transfers {
		d, ok := t.Date.Time()
		if !ok || !d.After(day) {
			continue
		}
		if first == nil || t.Date < first.Date {
			first = &in.Transfers[i]
		}
	}
	return first
}

// Lifetime is when a case was open, from its opening date and its
// closures and reopenings (outcome.yaml's episodes, never removed): the
// one owner of "was the case open on a day" for the reports, case list,
// due and case transfer --from.
type Lifetime struct {
	Opened  time.Time
	Outcome *record.Outcome // its closures and reopenings
}

// LifetimeOf returns a case's lifetime; false when its records do not say
// when it was open (no valid opening date, or closed with no closure on
// record), which validate reports.
func LifetimeOf(c *casefile.Case) (Lifetime, bool) {
	in := c.Intake
	if in == nil {
		return Lifetime{}, false
	}
	l := Lifetime{Outcome: c.Outcome}
	var ok bool
	if l.Opened, ok = in.Opened.Time(); !ok {
		return Lifetime{}, false
	}
	return l, in.Status != "closed" || c.Outcome.LatestClosure() != nil
}

// OpenAt reports whether the case was open at the end of day: opened by
// then, and not closed by a closure that no reopening had ended by then.
func (l Lifetime) OpenAt(day time.Time) bool {
	return !l.Opened.After(day) && l.Outcome.ClosedOn(date(day)) == nil
}

// OpenOn reports whether case c was open at the end of day, as the
// caseload report counts it: opened by then (a --today before its opening
// is before the case), and not closed by then.
func OpenOn(c *casefile.Case, day time.Time) bool {
	l, ok := LifetimeOf(c)
	return ok && l.OpenAt(time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC))
}

// NotOpenedOn reports whether case c opened after day: on a --today
// before its opening it was no case yet, so nothing of its program had
// begun and nothing was due (OpenOn is false then too, as for a closed
// case). False when the intake gives no valid opening date, which
// validate reports.
func NotOpenedOn(c *casefile.Case, day time.Time) bool {
	return c.Intake != nil && OpensAfter(c.Intake.Opened, day)
}

// OpensAfter is NotOpenedOn for a case known only by its intake's opening
// date, as a list keeps it from one day to the next (case list's cached
// rows): whether a case opened on opened was no case yet on day.
func OpensAfter(opened record.Date, day time.Time) bool {
	t, ok := opened.Time()
	return ok && t.After(time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC))
}
