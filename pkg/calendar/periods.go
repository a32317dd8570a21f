package calendar

import (
	"fmt"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

// WorkSecurityPeriod is the timeline of a work-security case (000). Every
// date is a day inside the period it names (inclusive).
type WorkSecurityPeriod struct {
	Notice time.Time // the notice date; zero when the case records none
	Layoff time.Time // the layoff date: the work security period starts on it
	// End is the last day of the work security period, work_security_days
	// (90) after the layoff date: "Up to 90 days" (000).
	End time.Time
	// ExtendedUntil is the last day of the latest approved extension that
	// runs past End ("until"); zero when there is none.
	ExtendedUntil time.Time
	// Pending is true while an extension request awaits the Joint Work
	// Security Committee's decision.
	Pending bool
}

// LastDay is the last day the candidate is in the program's job search:
// the end of the approved extension, else of the work security period.
func (p WorkSecurityPeriod) LastDay() time.Time {
	if p.ExtendedUntil.After(p.End) {
		return p.ExtendedUntil
	}
	return p.End
}

// WorkSecurityPeriodOf returns the timeline of a work-security case; false
// when the case records no valid layoff date.
func WorkSecurityPeriodOf(c *casefile.Case, cfg *record.Config) (WorkSecurityPeriod, bool) {
	in := c.Intake
	if in == nil || in.Layoff == nil {
		return WorkSecurityPeriod{}, false
	}
	layoff, ok := in.Layoff.LayoffDate.Time()
	if !ok {
		return WorkSecurityPeriod{}, false
	}
	p := WorkSecurityPeriod{Layoff: layoff}
	p.Notice, _ = in.Layoff.NoticeDate.Time()
	p.End = layoff.AddDate(0, 0, cfg.ProgramSetting(in.Program, record.SettingWorkSecurityDays))
	if o := c.Outcome; o != nil {
		for _, e := range o.Extensions {
			switch e.Decision {
			case "approved":
				if u, ok := e.Until.Time(); ok && u.After(p.End) && u.After(p.ExtendedUntil) {
					p.ExtendedUntil = u
				}
			case "", "pending":
				p.Pending = true
			}
		}
	}
	return p, true
}

// ExtensionEvidence is what a case's records show for the two criteria
// document 000 sets for extending the work security period: "Each
// candidate must be in regular contact with his/her case manager and must
// apply for all relevant positions at the University throughout the work
// security time period." caseplan reads "regular" as weekly, the rhythm
// 000 asks of case managers ("plan weekly meetings or check-ins"), and
// weighs both criteria week by week (ISO weeks, Monday to Sunday). The
// ws-extension-criteria rule and caseplan extension request both weigh it
// here, so what validate reports and what the request shows agree.
type ExtensionEvidence struct {
	From, To     time.Time // the part of the work security period weighed
	Weeks        []EvidenceWeek
	Contact      Criterion // regular contact: a contact, as the program counts it, every week
	Applications Criterion // applications every week (the activity tracker)
}

// EvidenceWeek is one ISO week of the period. From and To are the days of
// the week inside the period; a week the period covers only in part (the
// week of the layoff, the week still under way) is Partial.
type EvidenceWeek struct {
	Week         string // 2026-W19
	From, To     time.Time
	Partial      bool
	Contacts     int // contacts, as the program counts them (Contact)
	Applications int // job applications in the activity tracker
}

// Criterion is one criterion weighed over the complete weeks of the period.
// A partial week counts what it holds but is never held against the
// candidate: the layoff may fall on a Friday, and the current week is not
// over. Met needs at least one complete week.
type Criterion struct {
	Met           bool
	CompleteWeeks int
	WeeksWithout  []string // complete weeks with none
	Total         int      // over the whole period, partial weeks included
}

// WeighExtension weighs the extension criteria for a request made on
// requested from the case's notes and activity weeks: over the days from
// the layoff date to the request, within the work security period p (an
// extension extends it; what comes after its end is not evidence for it).
func WeighExtension(c *casefile.Case, contact Contact, p WorkSecurityPeriod, requested time.Time) ExtensionEvidence {
	from, to := p.Layoff, minTime(requested, p.End)
	ev := ExtensionEvidence{From: from, To: to}
	if to.Before(from) {
		return ev
	}
	in := func(d record.Date) (string, bool) {
		t, ok := d.Time()
		if !ok || t.Before(from) || t.After(to) {
			return "", false
		}
		return ISOWeek(t), true
	}
	contacts := map[string]int{}
	for _, n := range c.Notes {
		if w, ok := in(n.Date); ok && contact.Is(n) {
			contacts[w]++
		}
	}
	applications := map[string]int{}
	for _, week := range c.Activity {
		for _, a := range week.Applications {
			if w, ok := in(a.Date); ok {
				applications[w]++
			}
		}
	}
	for monday := MondayOf(from); !monday.After(to); monday = monday.AddDate(0, 0, 7) {
		w := EvidenceWeek{Week: ISOWeek(monday), From: monday, To: monday.AddDate(0, 0, 6)}
		if w.From.Before(from) {
			w.From, w.Partial = from, true
		}
		if w.To.After(to) {
			w.To, w.Partial = to, true
		}
		w.Contacts, w.Applications = contacts[w.Week], applications[w.Week]
		ev.Weeks = append(ev.Weeks, w)
		ev.Contact.add(w, w.Contacts)
		ev.Applications.add(w, w.Applications)
	}
	ev.Contact.Met = ev.Contact.CompleteWeeks > 0 && len(ev.Contact.WeeksWithout) == 0
	ev.Applications.Met = ev.Applications.CompleteWeeks > 0 && len(ev.Applications.WeeksWithout) == 0
	return ev
}

func (c *Criterion) add(w EvidenceWeek, n int) {
	c.Total += n
	if w.Partial {
		return
	}
	c.CompleteWeeks++
	if n == 0 {
		c.WeeksWithout = append(c.WeeksWithout, w.Week)
	}
}

// Summary says in one paragraph how the evidence weighs, for the note.
func (ev ExtensionEvidence) Summary() string {
	return fmt.Sprintf("Evidence from %s to %s: regular contact %s; applications %s.",
		ev.From.Format(time.DateOnly), ev.To.Format(time.DateOnly),
		ev.Contact.Describe("contact"), ev.Applications.Describe("applications"))
}

// Describe says whether the criterion is met and, if not, why; what names
// what the weeks lacked ("contact", "applications").
func (c Criterion) Describe(what string) string {
	switch {
	case c.CompleteWeeks == 0:
		return "not met: no complete week in the period yet"
	case c.Met:
		return fmt.Sprintf("met (%s in each of %d complete week(s))", what, c.CompleteWeeks)
	}
	return fmt.Sprintf("not met: no %s in %d of %d complete week(s) (%s)", what, len(c.WeeksWithout), c.CompleteWeeks, strings.Join(c.WeeksWithout, ", "))
}

// JobSearchActive reports whether a work-security candidate is still in
// the program's job search on day: the case is open, nobody has placed them
// and neither the work security period nor its extension is over.
func JobSearchActive(c *casefile.Case, cfg *record.Config, day time.Time) bool {
	if c.Intake == nil || c.Intake.Status != "open" || Placed(c, day) {
		return false
	}
	p, ok := WorkSecurityPeriodOf(c, cfg)
	return !ok || !day.After(p.LastDay())
}

// Placed reports whether the participant was in a placement on day: one is
// recorded and has started (record.PlacedOn). A placement recorded to start
// later does not end the job search before its start.
func Placed(c *casefile.Case, day time.Time) bool {
	return c.Outcome.PlacedOn(record.Date(day.Format(time.DateOnly))) != nil
}

// PlacementSecured returns the placement that kept a work-security
// candidate from separation: one the records knew of by the end of the
// period (and extension), an offer accepted then, whatever its start, or
// one that, as the records stand on day, started by then. Nil when there
// is none. 000 has the Case Manager's work end with a Harvard position
// secured ("assist in the employee's successful securing of a Harvard
// position"), the offer being the moment ("Expect 11th hour questions when
// offer comes in from the hiring unit ... placement is close by!!"), and a
// gap between an accepted offer and its start bridged ("Investigate the
// possibility of bridging salary by liaising between the hiring and laying
// off units or the JWSC"). The answer depends on the records and the
// period's last day, not on how far day is past it, so a case does not turn
// separated and back as days pass.
func PlacementSecured(c *casefile.Case, p WorkSecurityPeriod, day time.Time) *record.Placement {
	last := record.Date(p.LastDay().Format(time.DateOnly))
	if pl := c.Outcome.PlacementOn(last); pl != nil {
		return pl
	}
	if pl := c.Outcome.PlacementOn(record.Date(day.Format(time.DateOnly))); pl != nil && pl.Start != "" && pl.Start <= last {
		return pl
	}
	return nil
}

// Separated reports whether a work-security candidate is separated on
// day: the work security period and any approved extension ended before
// day, no extension request is pending, and no placement was secured by
// their last day (PlacementSecured). A placement recorded after that does
// not undo the separation: the period ended without it.
func Separated(c *casefile.Case, cfg *record.Config, day time.Time) (WorkSecurityPeriod, bool) {
	p, ok := WorkSecurityPeriodOf(c, cfg)
	if !ok || p.Pending || !day.After(p.LastDay()) {
		return p, false
	}
	return p, PlacementSecured(c, p, day) == nil
}

// PostAssistanceEnd is the last day of the post_assistance_months (12) of
// post-employment services after cash assistance ended (003); false when
// the case records no such date.
func PostAssistanceEnd(c *casefile.Case, cfg *record.Config) (time.Time, bool) {
	in := c.Intake
	if in == nil {
		return time.Time{}, false
	}
	ended, ok := in.CashAssistanceEnded.Time()
	if !ok {
		return time.Time{}, false
	}
	return AddMonths(ended, cfg.ProgramSetting(in.Program, record.SettingPostAssistanceMonths)), true
}

// ReferencesWithPermission counts the case's references who had agreed to
// be named by the end of day and had not withdrawn by then (000: "Secure
// three professional references").
func ReferencesWithPermission(c *casefile.Case, day record.Date) int {
	n := 0
	if r := c.References; r != nil {
		for _, ref := range r.References {
			if ref.Permission != "" && ref.Permission <= day && (ref.Withdrawn == "" || ref.Withdrawn > day) {
				n++
			}
		}
	}
	return n
}
