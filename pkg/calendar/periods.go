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
	// Security Committee's decision; PendingAt is its index in
	// outcome.yaml's extensions and PendingRequested its request date.
	Pending          bool
	PendingAt        int
	PendingRequested record.Date
	// Refused is the day the joint committee refused the latest request
	// it refused, RefusedRequested that request's date; "" when it has
	// refused none. A refusal does not end the period early: the
	// candidate searches to its last day, then is separated.
	Refused          record.Date
	RefusedRequested record.Date
	// Longest is the last day the longest extension the committee may
	// approve could reach: extension_max_days (90) after End (000: "up to
	// three months beyond the initial three month Work Security period").
	Longest time.Time
}

// LastDay is the last day the candidate is in the program's job search:
// the end of the approved extension, else of the work security period.
func (p WorkSecurityPeriod) LastDay() time.Time {
	if p.ExtendedUntil.After(p.End) {
		return p.ExtendedUntil
	}
	return p.End
}

// WorkSecurityPeriodOf returns the timeline of a work-security case as its
// records stand; false when the case records no valid layoff date.
func WorkSecurityPeriodOf(c *casefile.Case, cfg *record.Config) (WorkSecurityPeriod, bool) {
	return workSecurityPeriod(c, cfg, "9999-12-31")
}

// WorkSecurityPeriodOn is WorkSecurityPeriodOf as the records stood at the
// end of day: a request made after day is not there yet, and one decided
// after day was still pending on it.
func WorkSecurityPeriodOn(c *casefile.Case, cfg *record.Config, day time.Time) (WorkSecurityPeriod, bool) {
	return workSecurityPeriod(c, cfg, record.Date(day.Format(time.DateOnly)))
}

func workSecurityPeriod(c *casefile.Case, cfg *record.Config, day record.Date) (WorkSecurityPeriod, bool) {
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
	p.Longest = p.End.AddDate(0, 0, cfg.ProgramSetting(in.Program, record.SettingExtensionMaxDays))
	if o := c.Outcome; o != nil {
		for i, e := range o.Extensions {
			if e.Requested > day {
				continue
			}
			decision := e.Decision
			if e.Decided > day {
				decision = "pending"
			}
			switch decision {
			case "approved":
				if u, ok := e.Until.Time(); ok && u.After(p.End) && u.After(p.ExtendedUntil) {
					p.ExtendedUntil = u
				}
			case "denied":
				if e.Decided >= p.Refused {
					p.Refused, p.RefusedRequested = e.Decided, e.Requested
				}
			case "", "pending":
				p.Pending, p.PendingAt, p.PendingRequested = true, i, e.Requested
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
	return WeighWeeks(c, contact, p.Layoff, minTime(requested, p.End))
}

// WeighWeeks weighs contact and applications week by week (ISO weeks)
// over the days from..to, as WeighExtension weighs them over the work
// security period: the one weekly tally, which the search report also
// reads for the weekly check-ins kept since the case opened (000: "plan
// weekly meetings or check-ins"). No week when to is before from.
func WeighWeeks(c *casefile.Case, contact Contact, from, to time.Time) ExtensionEvidence {
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
// and their standing (StandingOf) is the notification period, the work
// security period, an approved extension, or an extension request the
// committee has yet to decide after the periods ended — 000 has the
// candidate "stay in regular contact ... during the extension period", and
// an approval extends the period from the day after it ended.
func JobSearchActive(c *casefile.Case, cfg *record.Config, day time.Time) bool {
	if c.Intake == nil || c.Intake.Status != "open" || Placed(c, day) {
		return false
	}
	st := StandingOf(c, cfg, day)
	switch st.Standing {
	case StandingNotification, StandingWorkSecurity, StandingExtension, StandingExtensionPending:
		return st.Secured == nil
	}
	return !st.Known
}

// Standings of a work-security case on a day (000).
const (
	StandingNotification     = "notification"      // before the layoff date
	StandingWorkSecurity     = "work-security"     // the work security period, layoff date to End
	StandingExtension        = "extension"         // an approved extension, End+1 to its until date
	StandingExtensionPending = "extension-pending" // the periods ended with an extension request undecided
	StandingSeparated        = "separated"         // the periods ended without a placement secured
	StandingPlaced           = "placed"            // a placement has started
)

// Standing is where a work-security case stands on a day: the one answer
// case show, case list, due, validate, the reports and case close read.
type Standing struct {
	Standing string             // one of the Standing constants
	Known    bool               // false when the case records no valid layoff date (Standing is notification)
	Period   WorkSecurityPeriod // the case's timeline (Known)
	// Secured is a placement secured by the periods' last day that has not
	// started yet (PlacementSecured): the case stays in its last period
	// (work-security or extension) until the start, its salary bridged.
	Secured *record.Placement
	// JobEnded is the day the job of the placement last in effect ended
	// (record.Outcome.JobEnded: the case closed as placed on it was
	// reopened), "" when none ended. A candidate who lost the job is back
	// in the search while the work security period (or an extension) has
	// days left, and separated from that day when it has none.
	JobEnded record.Date
}

// SeparatedFrom is the first day a separated candidate is separated: the
// day after the periods' last day, or the day their job ended when they
// lost it after that (JobEnded).
func (st Standing) SeparatedFrom() time.Time {
	from := st.Period.LastDay().AddDate(0, 0, 1)
	if ended, ok := st.JobEnded.Time(); ok && ended.After(from) {
		return ended
	}
	return from
}

// StandingOf decides a work-security case's standing on day, as the
// records stood at its end (WorkSecurityPeriodOn). Before the
// layoff date it is in the notification period; then in the work security
// period through End; then in an approved extension through its until
// date; a placement that has started by day makes it placed. After the
// periods' last day a placement secured by then keeps it in its last
// period until the start (000: bridge the salary), placed from it; an
// extension request still undecided keeps it from separation — the Joint
// Work Security Committee "may authorize the extension ... beyond the
// initial three month Work Security period" (000), so until it decides
// the candidate is neither extended nor separated (extension-pending, or
// placed once a job found meanwhile starts); otherwise it is separated,
// from the day after the periods' last day, even when the committee
// refused the extension only later, and a job recorded only after the
// periods ended does not undo that. A job the candidate started and lost
// (the case closed as placed and reopened: record.Outcome.JobEnded) no
// longer places them from the reopening: they are in the period the day
// falls in, searching again, or, past the periods' last day, separated
// (or extension-pending) as the periods' end, without the job, gives.
func StandingOf(c *casefile.Case, cfg *record.Config, day time.Time) Standing {
	p, ok := WorkSecurityPeriodOn(c, cfg, day)
	st := Standing{Known: ok, Period: p}
	placed := Placed(c, day)
	today := record.Date(day.Format(time.DateOnly))
	if pl := c.Outcome.PlacementOn(today); !placed && pl != nil {
		st.JobEnded = c.Outcome.JobEnded(pl, today)
	}
	switch {
	case !ok || day.Before(p.Layoff):
		st.Standing = StandingNotification
	case !day.After(p.End):
		st.Standing = StandingWorkSecurity
	case !day.After(p.ExtendedUntil):
		st.Standing = StandingExtension
	default:
		if st.Secured = PlacementSecured(c, p, day); st.Secured != nil {
			st.Standing = StandingWorkSecurity
			if p.ExtendedUntil.After(p.End) {
				st.Standing = StandingExtension
			}
		} else if p.Pending {
			st.Standing = StandingExtensionPending
		} else {
			st.Standing = StandingSeparated
			return st
		}
	}
	if placed {
		st.Standing, st.Secured = StandingPlaced, nil
	}
	return st
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
// separated and back as days pass. A job that ended by day (a case
// closed as placed on it and reopened: record.Outcome.JobEnded) secures
// nothing either: the candidate lost it after the periods ended, and is
// separated from the day it ended (Standing.JobEnded). An offer that fell through by day
// (record.Placement.FellThrough) secured nothing: the candidate was
// separated from the day after the periods' last day, as if it had never
// come (an extension request still undecided keeps them extension-pending).
func PlacementSecured(c *casefile.Case, p WorkSecurityPeriod, day time.Time) *record.Placement {
	last := record.Date(p.LastDay().Format(time.DateOnly))
	today := record.Date(day.Format(time.DateOnly))
	o := c.Outcome
	if pl := o.PlacementOn(last); pl != nil && !pl.FellThroughBy(today) && o.JobEnded(pl, today) == "" {
		return pl
	}
	if pl := o.PlacementOn(today); pl != nil && pl.Start != "" && pl.Start <= last && o.JobEnded(pl, today) == "" {
		return pl
	}
	return nil
}

// Separated reports whether a work-security candidate is separated on
// day (StandingOf): the work security period and any approved extension
// ended before day, no extension request is pending, and no placement was
// secured by their last day (PlacementSecured). A placement recorded after
// that does not undo the separation: the period ended without it.
func Separated(c *casefile.Case, cfg *record.Config, day time.Time) (WorkSecurityPeriod, bool) {
	st := StandingOf(c, cfg, day)
	return st.Period, st.Standing == StandingSeparated
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

// ReferencesBriefed counts, of the references ReferencesWithPermission
// counts on day, those the candidate had pre-planned with by then (000:
// "Suggest the candidate pre-plan with reference what she/he will say").
func ReferencesBriefed(c *casefile.Case, day record.Date) int {
	n := 0
	if r := c.References; r != nil {
		for _, ref := range r.References {
			if namedOn(ref, day) && ref.Briefed != "" && ref.Briefed <= day {
				n++
			}
		}
	}
	return n
}

// namedOn reports whether ref counts toward the references work security
// asks for on day: they had agreed to be named by the end of day, had not
// withdrawn by then, and can be reached (Reachable).
func namedOn(ref record.Reference, day record.Date) bool {
	return agreedOn(ref, day) && Reachable(ref)
}

// agreedOn reports whether ref had agreed to be named by the end of day
// and had not withdrawn by then, reachable or not.
func agreedOn(ref record.Reference, day record.Date) bool {
	return ref.Permission != "" && ref.Permission <= day && (ref.Withdrawn == "" || ref.Withdrawn > day)
}

// Reachable reports whether an employer checking ref could reach them:
// the record gives a phone number or an email address. A reference
// nobody can call is no reference (000 has the candidate "Ask contact's
// permission to use his/her name" so that a hiring unit can check it,
// and prepares them for "'back door' references"), so one with neither
// does not count toward the three, whatever permission it gave.
func Reachable(ref record.Reference) bool {
	return strings.TrimSpace(ref.Phone) != "" || strings.TrimSpace(ref.Email) != ""
}

// UnreachableReferences returns the indexes, in references.yaml, of the
// references who had agreed to be named on day and had not withdrawn,
// but cannot be reached (Reachable): what stands between them and
// counting is a phone number or an email address.
func UnreachableReferences(c *casefile.Case, day record.Date) []int {
	var out []int
	if r := c.References; r != nil {
		for i, ref := range r.References {
			if agreedOn(ref, day) && !Reachable(ref) {
				out = append(out, i)
			}
		}
	}
	return out
}

// ReferencesWithPermission counts the case's references who had agreed to
// be named by the end of day, had not withdrawn by then, and can be
// reached by phone or email (000: "Secure three professional references";
// Reachable): the one count of the references that count, which
// validate's ws-references, the tickler, ref list and the reports read.
func ReferencesWithPermission(c *casefile.Case, day record.Date) int {
	n := 0
	if r := c.References; r != nil {
		for _, ref := range r.References {
			if namedOn(ref, day) {
				n++
			}
		}
	}
	return n
}
