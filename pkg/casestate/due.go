package casestate

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// Kinds of due items.
const (
	DueContact       = "contact"         // the next contact or check-in by the program's interval, or the plan's agreed schedule when it comes first
	DueMilestone     = "milestone"       // an open milestone of the plan
	DueNextStep      = "next-step"       // an open next step of the plan
	DueAction        = "action"          // an open action item of a note
	DuePeriodEnd     = "period-end"      // the end of the current phase's period
	DueReferences    = "references"      // references still missing before the layoff date (000)
	DueSearchPlan    = "search-plan"     // the job search plan and skill plan, by the layoff date (000)
	DueToolbox       = "toolbox"         // resume, cover letter and thank-you letter final by the layoff date (000)
	DuePlanReview    = "plan-review"     // the plan's next review
	DueTrackerReview = "tracker-review"  // work security's monthly review of the activity tracker (000)
	DueFollowUp      = "follow-up"       // a follow-up after placement or exit
	DueBenefit       = "benefit-renewal" // a benefit's renewal (003)
	DuePotentialExit = "potential-exit"  // the day a WIOA case without service has exited and the exit can be recorded
	// DueExtensionDecision is the joint committee's decision on a pending
	// extension request, due by the last day of the period it would extend
	// (000).
	DueExtensionDecision = "extension-decision"
	// DueIntakeMeeting is work security's intake meeting, held "as soon
	// as possible" after the case opens (000), until an intake note
	// records it.
	DueIntakeMeeting = "intake-meeting"
	// DueUnrecordedExit is a WIOA exit by the definition (TEGL 10-16, PIRL
	// 901: inactivity_exit_days without a participation-causing service)
	// that a later service hides: the exit to record and the new period of
	// participation to open, due the day the exit became known.
	DueUnrecordedExit = "unrecorded-exit"
)

// DueKinds are the kinds of due items, in the order the help lists them.
// due --summary's columns follow it, piped without a header: a new kind
// goes last, so that every column already there keeps its place.
var DueKinds = []string{
	DueContact, DueFollowUp, DuePeriodEnd, DueExtensionDecision, DuePotentialExit, DueMilestone, DueNextStep, DueAction,
	DuePlanReview, DueTrackerReview, DueReferences, DueSearchPlan, DueToolbox, DueBenefit, DueIntakeMeeting,
	DueUnrecordedExit,
}

// SupervisorKinds are the kinds of due item that only a supervisor (or an
// admin) can close, whoever manages the case: the joint committee's
// decision on an extension request (000, "Possibility of Work Security
// Extension"), recorded with caseplan extension decide, which pkg/access
// allows no one else (access.RuleSupervisor). The tickler lists them for
// a supervisor on every case (tickler.Query.Supervisor). A waiver is a
// supervisor's to record too, but nothing is due for one: no record asks
// for a waiver, so there is no item to wait on it.
var SupervisorKinds = []string{DueExtensionDecision}

// AwaitsSupervisor reports whether an item of kind waits on a supervisor
// (SupervisorKinds): the case's manager cannot close it.
func AwaitsSupervisor(kind string) bool {
	return slices.Contains(SupervisorKinds, kind)
}

// Due is one thing due on a case: an item of the tickler. Its JSON form is
// the tickler's contract: {"case","manager","kind","due","overdue","days",
// "detail","path","line"}.
type Due struct {
	Case    string      `json:"case"`
	Manager string      `json:"manager"` // staff id of the case's manager
	Kind    string      `json:"kind"`    // one of the Due* constants
	Due     record.Date `json:"due"`
	Overdue bool        `json:"overdue"` // the due date is before today
	Days    int         `json:"days"`    // days from today to the due date: negative when overdue, 0 when due today
	Detail  string      `json:"detail"`  // what is due, in the case manager's words
	Path    string      `json:"path"`    // the record it comes from, repository-relative
	Line    int         `json:"line"`    // its line in that file; 0 for the whole file
	// Item names what the entry is about within its case and kind, so that
	// it stays the same entry when its due date moves: a milestone's or
	// next step's ID, a note's action item (NOTE#N), a benefit's name, a
	// follow-up's ID (or its place in outcome.yaml), the quarter after
	// exit, the phase whose period ends; "" for the kinds a case has one
	// of at a time (the next contact, plan review, references, potential
	// exit). The views that mark items where they list them (iep show) and
	// the calendar's event UIDs read it. Not part of the JSON contract.
	Item string `json:"-"`
	// Rule is the ID of validate's completeness rule whose obligation the
	// entry is (RuleOf says which), "" for what the case's own records
	// plan (milestones, next steps, action items, reviews, planned
	// follow-ups). Not part of the JSON contract.
	Rule string `json:"-"`
	// ByInterval is the day the program's interval asks for the contact,
	// for a contact the plan's agreed schedule puts on an earlier day
	// (addContact); zero for every other entry. A missed agreed day is
	// overdue on the tickler, but the office is judged by the program's
	// interval (000, 002), so its figures ask ProgramOverdue. Not part of
	// the JSON contract.
	ByInterval record.Date `json:"-"`
}

// ProgramOverdue reports whether d is overdue by the program's own rule:
// Overdue, but for a contact the agreed schedule asked for earlier, only
// once the program's interval (ByInterval) has passed too. Contact
// compliance in the monthly and caseload reports counts by it.
func (d Due) ProgramOverdue() bool {
	if !d.Overdue || d.ByInterval == "" {
		return d.Overdue
	}
	interval, iok := d.ByInterval.Time()
	due, dok := d.Due.Time()
	if !iok || !dok {
		return true
	}
	today := due.AddDate(0, 0, -d.Days) // Days counts from the day the state was computed for
	return interval.Before(today)
}

// Rule IDs of validate's completeness rules that items of the tickler
// answer to. validate owns the rules; its tests check that each of these
// is one of its completeness rules.
const (
	RuleWSCheckin         = "ws-checkin"
	RuleWSIntakeMeeting   = "ws-intake-meeting"
	RuleWSReferences      = "ws-references"
	RuleWSIEPPlan         = "ws-iep-plan"
	RuleWSToolbox         = "ws-toolbox"
	RuleWSSeparated       = "ws-separated"
	RuleWIOAFirstContact  = "wioa-first-contact"
	RuleWIOAContact       = "wioa-contact-interval"
	RuleWIOAFollowUp      = "wioa-follow-up"
	RuleWIOAPotentialExit = "wioa-potential-exit"
	RuleWIOAUnrecorded    = "wioa-unrecorded-exit"
	RulePEBenefitRenewal  = "pe-benefit-renewal"
	RulePEContact         = "pe-contact-interval"
)

// DueRules are the rule IDs RuleOf may name.
var DueRules = []string{
	RuleWSCheckin, RuleWSReferences, RuleWSIEPPlan, RuleWSToolbox, RuleWSSeparated, RuleWIOAFirstContact,
	RuleWIOAContact, RuleWIOAFollowUp, RuleWIOAPotentialExit, RulePEBenefitRenewal, RulePEContact, RuleWSIntakeMeeting,
	RuleWIOAUnrecorded,
}

// RuleOf is the one map between the tickler's items and validate's rules:
// the completeness rule whose obligation an item of kind about item is,
// for a case of program kind program; "" when none is (the case's own
// plan). first marks a WIOA case's first contact, which 002 times from
// the opening (wioa-first-contact) rather than by the interval.
//
// A supervisor's waiver of that rule for the case (intake.yaml waivers)
// takes the item off the tickler: a waiver says the obligation does not
// apply to the case, so the tickler does not ask the case manager to meet
// it, nor count it overdue; validate still shows the waived finding, with
// who waived it and why.
func RuleOf(program, kind, item string, first bool) string {
	switch program + "/" + kind {
	case record.ProgramWorkSecurity + "/" + DueContact:
		return RuleWSCheckin
	case record.ProgramWorkSecurity + "/" + DueIntakeMeeting:
		return RuleWSIntakeMeeting
	case record.ProgramWorkSecurity + "/" + DueReferences:
		return RuleWSReferences
	case record.ProgramWorkSecurity + "/" + DueSearchPlan:
		return RuleWSIEPPlan
	case record.ProgramWorkSecurity + "/" + DueToolbox:
		return RuleWSToolbox
	case record.ProgramWorkSecurity + "/" + DuePeriodEnd:
		if item == PhaseSeparated {
			return RuleWSSeparated
		}
	case record.ProgramWIOA + "/" + DueContact:
		if first {
			return RuleWIOAFirstContact
		}
		return RuleWIOAContact
	case record.ProgramWIOA + "/" + DuePotentialExit:
		return RuleWIOAPotentialExit
	case record.ProgramWIOA + "/" + DueUnrecordedExit:
		return RuleWIOAUnrecorded
	case record.ProgramWIOA + "/" + DueFollowUp:
		if strings.HasPrefix(item, quarterItem) {
			return RuleWIOAFollowUp // a quarter after exit; a planned follow-up is the case's own
		}
	case record.ProgramPostEmployment + "/" + DueBenefit:
		return RulePEBenefitRenewal
	case record.ProgramPostEmployment + "/" + DueContact:
		return RulePEContact
	}
	return ""
}

// quarterItem starts the Item of a quarter after exit that no follow-up
// covers yet ("quarter-2").
const quarterItem = "quarter-"

// waived reports whether the case has a waiver of rule in effect on the
// day the state is computed for (record.Intake.WaiverOn: from its date
// on), or the store turns the rule off (caseplan.yaml rules:): either way
// the obligation does not apply to the case, and validate says nothing of
// it.
func (x *view) waived(rule string) bool {
	if rule == "" {
		return false
	}
	if x.cfg.RuleOff(rule) {
		return true
	}
	_, ok := x.c.Intake.WaiverOn(rule, date(x.today))
	return ok
}

// IsOverdue reports whether the plan item named item has an overdue entry
// of kind.
func (s State) IsOverdue(kind, item string) bool {
	return slices.ContainsFunc(s.Due, func(d Due) bool { return d.Overdue && d.Kind == kind && d.Item == item })
}

// add records an item due on t from the value at at inside file.
func (x *view) add(kind string, t time.Time, detail, file string, at ...string) {
	x.addItem(kind, "", t, detail, file, at...)
}

// addItem is add for an entry about the plan item named item.
func (x *view) addItem(kind, item string, t time.Time, detail, file string, at ...string) {
	x.addFor(RuleOf(x.state.Kind, kind, item, false), kind, item, t, detail, file, at...)
}

// addFor is addItem for an entry that answers to rule; an entry whose
// rule the case has waived is left out (RuleOf says why), and nil
// returned for it.
func (x *view) addFor(rule, kind, item string, t time.Time, detail, file string, at ...string) *Due {
	if x.waived(rule) {
		return nil
	}
	d := Due{
		Case: x.c.ID, Manager: x.c.Intake.Manager, Kind: kind, Due: date(t),
		Overdue: t.Before(x.today), Days: calendar.Days(x.today, t), Detail: detail, Path: file, Item: item, Rule: rule,
	}
	if doc := x.c.Doc(file); doc != nil {
		d.Line, _ = doc.Position(at)
	}
	x.state.Due = append(x.state.Due, d)
	return &x.state.Due[len(x.state.Due)-1]
}

// due lists what is due on an open case in phase p.
func (x *view) due(p period) {
	if p.ends != "" && !p.end.IsZero() {
		x.addItem(DuePeriodEnd, p.phase, p.end, p.ends, x.file(p.endsAt), p.endsPath...)
	}
	x.separatedDue(p)
	x.intakeMeetingDue()
	x.contactDue(p)
	x.extensionDecisionDue(p)
	x.planDue(p)
	x.trackerReviewDue()
	x.actionsDue()
	x.layoffDue()
	x.followUpsDue(p)
	x.benefitsDue()
	x.potentialExitDue(p)
	x.unrecordedExitDue()
}

// searching reports whether a work-security candidate is still in the job
// search the program supports (000) on the day the state is for: it asks
// calendar.JobSearchActive, as validate's ws-checkin, ws-activity-tracker
// and ws-intake-meeting do, so that the tickler lists the check-in, the
// tracker review and the extension decision exactly while the rules could
// warn of them. The phase alone said more: a candidate whose
// periods ended with an offer accepted, the salary bridged to its start
// (000), stays in the period's phase (workSecurityPhase) but no longer
// searches, and the tickler went on asking for weekly check-ins that
// validate did not.
func (x *view) searching() bool {
	return x.state.Kind == record.ProgramWorkSecurity && calendar.JobSearchActive(x.c, x.cfg, x.today)
}

// extensionDecisionDue is the joint committee's decision on a pending
// extension request, while the candidate still searches: due by the last
// day of the period it would extend, so that wages and benefits run on
// without a gap (000: the committee "may authorize the extension of wages
// and benefits ... beyond the initial three month Work Security period").
// Once that day has passed the case is extension-pending and the decision
// overdue: the candidate is neither extended nor separated until it is
// recorded (calendar.StandingOf).
func (x *view) extensionDecisionDue(p period) {
	if !x.searching() {
		return
	}
	wp, ok := calendar.WorkSecurityPeriodOn(x.c, x.cfg, x.today)
	if !ok || !wp.Pending {
		return
	}
	last := string(date(wp.LastDay()))
	// The command whole (extension decide refuses to go without --date,
	// --by and the decision): an approval first, which is refused past
	// the longest extension, where only --denied is left.
	decide := ExtensionDecideCommand(x.c.ID)
	deny := ExtensionDenyCommand(x.c.ID)
	detail := "the joint committee's decision on the extension request of " + string(wp.PendingRequested) + ", by the period's last day (" + last + "); record it with " + decide
	switch {
	case p.phase == PhaseExtensionPending && x.today.After(wp.Longest):
		// No decision can extend the job search past the longest
		// extension's end (000: "up to three months beyond"); the
		// tickler says so rather than decide for the committee.
		detail = "the joint committee has not decided the extension request of " + string(wp.PendingRequested) + ", and even the longest extension would have ended on " + string(date(wp.Longest)) + ": whatever it decides, the candidate's work security is over; get its decision and record it with " + deny
	case p.phase == PhaseExtensionPending && string(wp.PendingRequested) > last:
		// A request made after the period ended (taken: 000 sets no
		// deadline) is overdue from the day it is made; "the request of
		// August 5 and the period ended on July 30" would read as if the
		// committee had let it lapse.
		detail = "the joint committee has not decided the extension request of " + string(wp.PendingRequested) + ", made after the period ended on " + last + ", so its decision was due before the request: the candidate is neither extended nor separated; record its decision with " + decide
	case p.phase == PhaseExtensionPending:
		detail = "the joint committee has not decided the extension request of " + string(wp.PendingRequested) + " and the period ended on " + last + ": the candidate is neither extended nor separated; record its decision with " + decide
	}
	x.add(DueExtensionDecision, wp.LastDay(), detail, x.file(layout.KindOutcome), "extensions", itoa(wp.PendingAt))
}

// separatedDue keeps the end of a separated candidate's period on the
// tickler, overdue from its last day, until the case is closed: the
// periods ended without a placement, and what is left to do is to prepare
// the candidate for separation (000: temporary agencies, the state's
// career services and unemployment assistance, the union contract on
// severance and COBRA) and close the case. validate's ws-separated says
// the same (a waiver of it takes the item off, RuleOf); without the item
// the tickler fell silent on the day the case needed its closing.
func (x *view) separatedDue(p period) {
	if p.phase != PhaseSeparated || x.state.Kind != record.ProgramWorkSecurity {
		return
	}
	st := calendar.StandingOf(x.c, x.cfg, x.today)
	if st.Standing != calendar.StandingSeparated {
		return
	}
	// Due on the periods' last day; a job lost after it is due from the
	// day it ended, not overdue for the days the candidate worked.
	due := st.Period.LastDay()
	if ended, ok := st.JobEnded.Time(); ok && ended.After(due) {
		due = ended
	}
	x.addItem(DuePeriodEnd, PhaseSeparated, due, SeparatedWords(st, x.c.ID), x.file(layout.KindIntake), "status")
}

// SeparatedWords says what a separated candidate's case asks for, its
// periods having ended without a placement, or with one whose job ended
// after them (calendar.Standing.JobEnded): the tickler's item and
// validate's ws-separated say it in the same words.
func SeparatedWords(st calendar.Standing, caseID string) string {
	p := st.Period
	what := "the work security period"
	if p.LastDay().After(p.End) {
		what = "the extension of the work security period"
	}
	how := " without a placement"
	if ended, ok := st.JobEnded.Time(); ok && ended.After(p.LastDay()) {
		how = ", and the job the candidate was placed in ended after it (the case was reopened on " + string(st.JobEnded) + ")"
	}
	return what + " ended on " + string(date(p.LastDay())) + how + ": the candidate is separated; prepare them for separation (000) and close the case with caseplan case close " + caseID + " --date DATE --reason separated"
}

// contactDue is the next contact the program asks for: weekly check-ins
// while a work-security candidate searches (000, checkin_interval_days);
// for WIOA the first contact within first_contact_days of opening, then
// one every contact_interval_days until exit (002); for post-employment
// one every contact_interval_days (003 asks for ongoing contact). When the
// plan records the contact schedule agreed with the participant, the
// contact is due on its next agreed day if that comes first (addContact).
func (x *view) contactDue(p period) {
	var what string
	switch x.state.Kind {
	case record.ProgramWorkSecurity:
		if !x.searching() {
			return
		}
		what = "check-in"
		if x.setting(calendar.ContactIntervalSetting(x.state.Kind)) == 7 {
			what = "weekly check-in" // 000's own word for its default
		}
	case record.ProgramWIOA:
		if p.phase == PhaseFollowUp || p.phase == PhaseExited {
			return // follow-ups take over
		}
		what = "contact"
	case record.ProgramPostEmployment:
		what = "contact"
	default:
		return
	}
	nc, ok := NextContactOf(x.c, x.cfg, x.contact, x.today)
	if !ok {
		return
	}
	rule := RuleOf(x.state.Kind, DueContact, "", false)
	// A WIOA case not yet contacted owes its first contact (002's 10
	// days) from the opening, or from a reopening (FirstContactOf); a
	// waived first contact leaves the contact every
	// contact_interval_days from the same day (NextContactOf).
	if _, contacted := x.contact.Last(x.c.Notes); !contacted && x.state.Kind == record.ProgramWIOA {
		firstRule := RuleOf(x.state.Kind, DueContact, "", true)
		if f, ok := FirstContactOf(x.c, x.cfg, x.today); ok && !x.waived(firstRule) {
			if f.From == SinceReopening {
				r := x.c.Outcome.Reopenings[f.Reopening]
				x.addContact(firstRule, f.Since, f.By, "first contact: within "+countOf(f.Days, "day")+" of the reopening on "+string(r.Date)+" ("+x.contactWords()+")", 0, "", x.file(layout.KindOutcome), "reopenings", itoa(f.Reopening), "date")
				return
			}
			x.addContact(firstRule, f.Since, f.By, "first contact: within "+countOf(f.Days, "day")+" of opening ("+x.contactWords()+")", 0, "", x.file(layout.KindIntake), "opened")
			return
		}
	}
	switch nc.From {
	case SinceReopening:
		r := x.c.Outcome.Reopenings[nc.Reopening]
		x.addContact(rule, nc.Since, nc.By, "first "+what+" since the case was reopened on "+string(r.Date), 0, "", x.file(layout.KindOutcome), "reopenings", itoa(nc.Reopening), "date")
	case SinceOpening:
		x.addContact(rule, nc.Since, nc.By, "first "+what+" since the case opened on "+string(x.c.Intake.Opened), 0, "", x.file(layout.KindIntake), "opened")
	default:
		var lastNote string
		for _, n := range x.c.Notes {
			if x.contact.Is(n) {
				lastNote = x.c.NotePath(n)
			}
		}
		x.addContact(rule, nc.Since, nc.By, what, nc.Every, date(nc.Since), lastNote, "date")
	}
}

// Where a program's contact interval counts from (NextContact.From).
const (
	SinceLastContact = "last-contact" // the last contact
	SinceReopening   = "reopening"    // a reopening after the last contact, or after the opening when there was none
	SinceOpening     = "opening"      // the opening: no contact yet
)

// NextContact is the contact a program's interval asks for next on a
// case (contact_interval_days, checkin_interval_days:
// calendar.ContactIntervalSetting): Every days after Since, by By.
type NextContact struct {
	Since     time.Time
	From      string // SinceLastContact, SinceReopening or SinceOpening
	Reopening int    // the reopening's index in outcome.yaml, when From is SinceReopening
	Every     int
	By        time.Time // the last day the contact is in time: Since plus Every days
}

// OverdueOn reports whether the contact is overdue on today: By has
// passed, as the tickler counts an item overdue.
func (n NextContact) OverdueOn(today time.Time) bool { return n.By.Before(today) }

// NextContactOf is the one count of a program's contact interval on case
// c on today, what contact counts as a contact (calendar.ContactFor):
// the tickler's next contact (contactDue) and the rules of validate that
// ask for it (ws-checkin, wioa-contact-interval, pe-contact-interval)
// read it, so the two never disagree on a case. It counts from the last
// contact; from a reopening on or before today when no contact came after
// it, since no one was in contact while the case was closed; from the
// opening when there was no contact at all.
// It says nothing of the phase (a WIOA exit, a work-security search
// over), of a closed case, of a WIOA case's first contact (002's 10 days
// from the opening or a reopening: FirstContactOf), of waivers or of an
// agreed contact schedule: the caller knows which of those apply. ok is
// false for a program with no contact interval, or a case with no
// contact, no reopening and no valid opening date. c is read as it is:
// the tickler passes it as it stood on today (AsOf).
func NextContactOf(c *casefile.Case, cfg *record.Config, contact calendar.Contact, today time.Time) (NextContact, bool) {
	in := c.Intake
	if in == nil || cfg == nil {
		return NextContact{}, false
	}
	setting := calendar.ContactIntervalSetting(cfg.Programs[in.Program].Kind)
	if setting == "" {
		return NextContact{}, false
	}
	n := NextContact{Every: cfg.ProgramSetting(in.Program, setting), From: SinceLastContact}
	last, ok := contact.Last(c.Notes)
	n.Since = last
	if i, reopened := c.Outcome.ReopenedBy(date(today)); reopened {
		if t, tok := c.Outcome.Reopenings[i].Date.Time(); tok && (!ok || t.After(last)) {
			n.Since, n.From, n.Reopening, ok = t, SinceReopening, i, true
		}
	}
	if !ok {
		opened, known := in.Opened.Time()
		if !known {
			return NextContact{}, false
		}
		n.Since, n.From = opened, SinceOpening
	}
	n.By = n.Since.AddDate(0, 0, n.Every)
	return n, true
}

// NextContactAsOf is NextContactOf asked of case c as it stood at the end
// of day, NextContactOf(AsOf(c, day), ...), for a history that asks it
// of many past days (validate's ws-checkin-late, at every check-in of a
// search): it rewinds only what NextContactOf reads that AsOf would
// change, the notes (a contact dated after day had not happened), and
// leaves the rest of the case as it is — NextContactOf reads the
// reopenings by their dates already, and the intake's program, which AsOf
// keeps. Reopening indexes the reopenings as outcome.yaml lists them.
func NextContactAsOf(c *casefile.Case, cfg *record.Config, contact calendar.Contact, day time.Time) (NextContact, bool) {
	cp := *c
	cp.Notes = make([]*record.Note, 0, len(c.Notes))
	for _, n := range c.Notes {
		if t, ok := n.Date.Time(); !ok || !t.After(day) {
			cp.Notes = append(cp.Notes, n)
		}
	}
	return NextContactOf(&cp, cfg, contact, day)
}

// FirstContact is a WIOA case's first contact as 002 times it ("must
// contact them within 10 days", first_contact_days): within Days days of
// Since, the start of the case's open episode (From: SinceOpening, or
// SinceReopening with the reopening's index in outcome.yaml), by By.
type FirstContact struct {
	Since     time.Time
	From      string // SinceOpening or SinceReopening
	Reopening int    // the reopening's index in outcome.yaml, when From is SinceReopening
	Days      int
	By        time.Time // the last day the first contact is in time: Since plus Days days
}

// OverdueOn reports whether the first contact is overdue on today: By
// has passed, as the tickler counts an item overdue.
func (f FirstContact) OverdueOn(today time.Time) bool { return f.By.Before(today) }

// FirstContactOf is the one count of a WIOA case's first contact on day:
// the tickler's first contact (contactDue) and validate's
// wioa-first-contact and wioa-first-contact-late read it, so the two
// never disagree on a case. It counts from the latest reopening on or
// before day, else from the opening: a case reopened before anyone
// contacted the customer owes the first contact within first_contact_days
// of the reopening — the customer came back, and the counselor "must
// contact them within 10 days" (002); no one could while the case was
// closed. It does not look at the notes: the caller asks it only of a
// case with no contact yet (on today), or for the day of the case's first
// contact (was that one late?). ok is false for a program that is not
// WIOA, or a case with neither a reopening nor a valid opening date.
func FirstContactOf(c *casefile.Case, cfg *record.Config, day time.Time) (FirstContact, bool) {
	in := c.Intake
	if in == nil || cfg.ProgramKind(in.Program) != record.ProgramWIOA {
		return FirstContact{}, false
	}
	f := FirstContact{Days: cfg.ProgramSetting(in.Program, record.SettingFirstContactDays), From: SinceOpening}
	if i, reopened := c.Outcome.ReopenedBy(date(day)); reopened {
		if t, ok := c.Outcome.Reopenings[i].Date.Time(); ok {
			f.Since, f.From, f.Reopening = t, SinceReopening, i
		}
	}
	if f.From == SinceOpening {
		opened, ok := in.Opened.Time()
		if !ok {
			return FirstContact{}, false
		}
		f.Since = opened
	}
	f.By = f.Since.AddDate(0, 0, f.Days)
	return f, true
}

// addContact adds the next contact, counted from since (the last contact,
// the reopening or the opening): by the program's interval on byRule,
// or, when the plan has an agreed contact schedule (iep.yaml
// contact_schedule: 000, 003), on its next agreed day after since if that
// comes first. The interval is the rule the office is judged by
// (ws-checkin, wioa-first-contact, wioa-contact-interval), so an
// agreement never puts the contact later than it. what says the contact;
// after a last contact, every is the interval and last its day (0 and ""
// otherwise: what says it all). file and at are where the interval
// counts from. Every contact item ends with the command that records the
// contact as the program counts one (NoteAddCommand), whole: typed with
// its placeholders filled, it takes the item off.
func (x *view) addContact(rule string, since, byRule time.Time, what string, every int, last record.Date, file string, at ...string) {
	recordIt := "; record it with " + NoteAddCommand(x.c.ID, "contact", x.contact)
	detail := what
	if last != "" {
		detail += " (every " + countOf(every, "day") + "; last " + string(last) + ")"
	}
	if s := x.schedule(); s != nil {
		agreed := calendar.ScheduleWords(*s)
		if next, ok := calendar.NextAgreed(*s, since); ok {
			if !next.After(byRule) {
				detail = what + ", agreed " + agreed
				if last != "" {
					detail += "; last " + string(last)
				}
				if d := x.addFor(rule, DueContact, "", next, detail+recordIt, x.file(layout.KindIEP), "contact_schedule"); d != nil && next.Before(byRule) {
					d.ByInterval = date(byRule)
				}
				return
			}
			detail += ", before the next agreed day (" + agreed + ": " + string(date(next)) + "): the program's interval comes first"
		}
	}
	x.addFor(rule, DueContact, "", byRule, detail+recordIt, file, at...)
}

// schedule is the contact schedule the case's plan agrees, nil for none.
func (x *view) schedule() *record.ContactSchedule {
	if x.c.IEP == nil {
		return nil
	}
	return x.c.IEP.ContactSchedule
}

// planDue lists the plan's open milestones and next steps and its next
// review (review_interval_days after the last review, or after the plan
// was created). A goal achieved or dropped takes its milestones with it.
// Plans are reviewed while they are worked: not after a work-security
// placement or separation, nor after a WIOA exit.
func (x *view) planDue(p period) {
	plan := x.c.IEP
	if plan == nil {
		return
	}
	f := x.file(layout.KindIEP)
	// After a WIOA exit no service is under way or scheduled (TEGL
	// 10-16): the plan is over, and what it left undone is no longer
	// asked of anyone; iep show still lists it. Follow-ups and the notes'
	// action items stay on the tickler.
	if x.state.Kind == record.ProgramWIOA && (p.phase == PhaseFollowUp || p.phase == PhaseExited) {
		return
	}
	for i, g := range plan.Goals {
		if g.Status == "achieved" || g.Status == "dropped" {
			continue
		}
		for j, m := range g.Milestones {
			if t, ok := m.Due.Time(); ok && m.Done == "" {
				x.addItem(DueMilestone, m.ID, t, "milestone "+m.ID+" ("+g.ID+"): "+m.Text+"; once reached, record it with caseplan iep milestone done "+x.c.ID+" "+m.ID, f, "goals", itoa(i), "milestones", itoa(j))
			}
		}
	}
	for i, s := range plan.NextSteps {
		if t, ok := s.Due.Time(); ok && s.Done == "" {
			x.addItem(DueNextStep, s.ID, t, "next step "+s.ID+" ("+s.Owner+"): "+s.Text+"; once done, record it with caseplan iep step done "+x.c.ID+" "+s.ID, f, "next_steps", itoa(i))
		}
	}
	switch p.phase {
	case PhasePlaced, PhaseSeparated, PhaseFollowUp, PhaseExited:
		if x.state.Kind != record.ProgramPostEmployment {
			return
		}
	}
	last, ok := plan.Created.Time()
	at, reviewed := []string{"created"}, false
	for i, r := range plan.Reviews {
		if t, ok2 := r.Date.Time(); ok2 && (!ok || !t.Before(last)) {
			last, ok, at, reviewed = t, true, []string{"reviews", itoa(i)}, true
		}
	}
	if ok {
		every := x.setting(record.SettingReviewIntervalDays)
		// A plan never reviewed counts from the day it was made: say so,
		// rather than call that day the "last" review, which sends a
		// supervisor looking for a review that is not there.
		since := "last " + string(date(last))
		if !reviewed {
			since = "made " + string(date(last)) + ", not reviewed yet"
		}
		x.add(DuePlanReview, last.AddDate(0, 0, every), "review the plan (every "+countOf(every, "day")+"; "+since+"); record it with caseplan iep review "+x.c.ID, f, at...)
	}
}

// contactWords says what the program counts as a contact.
func (x *view) contactWords() string {
	if x.contact.RequiresService {
		return "a two-way contact recording a service, with a detailed note"
	}
	return "a two-way contact"
}

// actionsDue lists the notes' open action items: each stays on the
// tickler until it is closed (ActionClosures says how).
func (x *view) actionsDue() {
	closures := ActionClosuresOf(x.c)
	for _, n := range x.c.Notes {
		if n.Kind == "amendment" {
			continue
		}
		for i, a := range n.Actions {
			due, ok := a.Due.Time()
			if !ok {
				continue
			}
			if !closures.Open(n, i+1, date(x.today)) {
				continue
			}
			ref := ActionRef(n.ID, i+1)
			x.addItem(DueAction, ref, due, "action "+ref+" ("+a.Owner+"): "+a.Text+"; once done, record it with caseplan action done "+x.c.ID+" "+ref+" (dropped: caseplan action drop "+x.c.ID+" "+ref+" --reason TEXT)", x.c.NotePath(n), "actions", itoa(i))
		}
	}
}

// ActionRef is how case show, the tickler and caseplan action done name
// a note's action item: the note's ID, '#' and the item's number in the
// note, from 1 (2026-03-12-ab12#2).
func ActionRef(note string, item int) string { return note + "#" + itoa(item) }

// ActionClosures says how a case's note action items are closed. A note
// is never edited, so an item is closed when its note says it is done,
// when an amendment of the note repeats it (same text) with a done date,
// or when the plan records it done or dropped (iep.yaml action_items,
// caseplan action done|drop); until then it stays due, whatever later
// contacts there were.
type ActionClosures struct {
	byAmendment map[string]string            // note ID + text -> "on D in amendment A"
	inPlan      map[string]record.ActionItem // ActionRef -> the plan's entry
}

// ActionClosuresOf reads case c's closures of action items.
func ActionClosuresOf(c *casefile.Case) ActionClosures {
	x := ActionClosures{byAmendment: map[string]string{}, inPlan: map[string]record.ActionItem{}}
	for _, n := range c.Notes {
		if n.Kind != "amendment" {
			continue
		}
		for _, a := range n.Actions {
			if a.Done != "" {
				x.byAmendment[n.Amends+"\x00"+a.Text] = string(a.Done) + "\x00" + n.ID
			}
		}
	}
	if p := c.IEP; p != nil {
		for _, a := range p.ActionItems {
			x.inPlan[ActionRef(a.Note, a.Item)] = a
		}
	}
	return x
}

// Open reports whether item (from 1) of note n is open on today. An entry
// of the plan dated after today closes the item only from its day.
func (x ActionClosures) Open(n *record.Note, item int, today record.Date) bool {
	_, how, on, inPlan := x.closure(n, item)
	if inPlan {
		return on > today
	}
	return how == ""
}

// How says how item (from 1) of note n is closed — "marked done in its
// note", "marked done in amendment A", "recorded as done in the plan",
// "recorded as dropped in the plan" — and on which day; "", "" while it
// is open.
func (x ActionClosures) How(n *record.Note, item int) (how string, on record.Date) {
	_, how, on, _ = x.closure(n, item)
	return how, on
}

// Status says whether item (from 1) of note n is "open", "done" or
// "dropped", and, once closed, how and on which day (as How).
func (x ActionClosures) Status(n *record.Note, item int) (status, how string, on record.Date) {
	status, how, on, _ = x.closure(n, item)
	return status, how, on
}

func (x ActionClosures) closure(n *record.Note, item int) (status, how string, on record.Date, inPlan bool) {
	a := n.Actions[item-1]
	if a.Done != "" {
		return "done", "marked done in its note", a.Done, false
	}
	if v, ok := x.byAmendment[n.ID+"\x00"+a.Text]; ok {
		d, m, _ := strings.Cut(v, "\x00")
		return "done", "marked done in amendment " + m, record.Date(d), false
	}
	if e, ok := x.inPlan[ActionRef(n.ID, item)]; ok {
		return e.Status, "recorded as " + e.Status + " in the plan", e.Date, true
	}
	return "open", "", "", false
}

// LayoffItemsOwed reports whether work-security case c still owes, on
// day, what 000 asks for by the layoff date (three references, the job
// search plan and skill plan, a final toolbox): while the case is open
// and the candidate's search lasts, an offer bridged to its start
// included (not JobSearchActive: the offer may fall through, and a
// deadline missed is not met by a job offer). Once the candidate is
// placed or separated the search those things serve is over, so a
// deadline missed by then is history, as on a closed case: 000 asks for
// references, plans and a toolbox to find a job ("Secure three
// professional references" under the notification period's case
// management), and asks nothing of them of a placed candidate or in
// "Prepare for Separation". The tickler's items and validate's
// ws-references, ws-iep-plan and ws-toolbox ask this one function, and
// so do their -late rules, which keep a deadline missed on record once
// it stops being owed. cfg may be nil.
func LayoffItemsOwed(c *casefile.Case, cfg *record.Config, day time.Time) bool {
	if c.Intake == nil || c.Intake.Status != "open" || cfg.ProgramKind(c.Intake.Program) != record.ProgramWorkSecurity {
		return false
	}
	switch calendar.StandingOf(c, cfg, day).Standing {
	case calendar.StandingPlaced, calendar.StandingSeparated:
		return false
	}
	return true
}

// layoffDue lists what 000 asks for by the layoff date and is still
// missing, while it is owed (LayoffItemsOwed): three references, the job
// search plan and skill plan of the intake meeting, and a final toolbox.
// Each stays due, overdue, after the layoff date, as validate's
// ws-references, ws-iep-plan and ws-toolbox then report it.
func (x *view) layoffDue() {
	if !LayoffItemsOwed(x.c, x.cfg, x.today) {
		return
	}
	ws, ok := calendar.WorkSecurityPeriodOf(x.c, x.cfg)
	if !ok {
		return
	}
	// "Secure three professional references."
	if want, got := ReferencesRequired(x.c, x.cfg), calendar.ReferencesWithPermission(x.c, date(x.today)); got < want {
		detail := itoa(got) + " of " + itoa(want) + " references with permission"
		if words := UnreachableWords(x.c, date(x.today)); words != "" {
			detail += "; " + words
		}
		x.add(DueReferences, ws.Layoff, detail+"; secure the rest by the layoff date, each recorded with "+ReferenceAddCommand(x.c.ID), x.fileOr(layout.KindReferences, layout.KindIntake))
	}
	// "Develop a job search plan", "Develop a skill plan".
	var missing []string
	if x.c.IEP == nil || len(x.c.IEP.JobTargets) == 0 {
		missing = append(missing, "job search plan (caseplan iep target add "+x.c.ID+" --title TITLE)")
	}
	if x.c.IEP == nil || len(x.c.IEP.SkillPlan) == 0 {
		missing = append(missing, "skill plan (caseplan iep course add "+x.c.ID+" --course NAME)")
	}
	if len(missing) > 0 {
		x.add(DueSearchPlan, ws.Layoff, "the plan needs its "+strings.Join(missing, " and ")+" by the layoff date", x.fileOr(layout.KindIEP, layout.KindIntake))
	}
	// "Finalize the candidate's resume, cover letter, and thank-you letter."
	var open, flags []string
	for _, item := range x.c.Intake.Toolbox.Unfinished() {
		state := item.State
		if state == "" {
			state = "not recorded"
		}
		open = append(open, item.Name+" "+state)
		flags = append(flags, item.Flag+" final")
	}
	if len(open) > 0 {
		var at []string
		if x.c.Intake.Toolbox != nil {
			at = []string{"toolbox"}
		}
		x.add(DueToolbox, ws.Layoff, "finish the toolbox by the layoff date: "+strings.Join(open, ", ")+" (caseplan case toolbox "+x.c.ID+" "+strings.Join(flags, " ")+")", x.file(layout.KindIntake), at...)
	}
}

// UnreachableWords says which of case c's references agreed to be named
// on day but do not count, having neither a phone number nor an email
// address (calendar.UnreachableReferences), and gives for each the whole
// command that makes it count; "" when there is none. validate's
// ws-references and the tickler's references item say it alike.
func UnreachableWords(c *casefile.Case, day record.Date) string {
	var words []string
	for _, i := range calendar.UnreachableReferences(c, day) {
		words = append(words, "reference "+c.References.References[i].Handle(i)+" agreed to be named but has neither a phone nor an email, so no employer can check it and it does not count: add one with "+ReferenceReachCommand(c.ID, c.References.References[i].Handle(i)))
	}
	return strings.Join(words, "; ")
}

// ReferenceAddCommand is the command, whole, that records a reference of
// case caseID who agreed to be named (000: "Secure three professional
// references"), with the phone an employer checks it by (a reference
// without a phone or an email does not count: calendar.Reachable).
// validate's ws-references and the tickler's references item say it
// alike.
func ReferenceAddCommand(caseID string) string {
	return "caseplan ref add " + caseID + " --name NAME --relationship TEXT --phone PHONE --permission DATE"
}

// ReferenceReachCommand is the command, whole, that records how an
// employer reaches reference ref of case caseID.
func ReferenceReachCommand(caseID, ref string) string {
	return "caseplan ref update " + caseID + " " + ref + " --phone PHONE (or --email EMAIL)"
}

// fileOr is the case's record file of kind, or of else when the case has
// no such record.
func (x *view) fileOr(kind, orElse string) string {
	if f := x.file(kind); x.c.Doc(f) != nil {
		return f
	}
	return x.file(orElse)
}

// ReferencesRequired is how many references with permission case c's
// program asks for by the layoff date: references_required for work
// security (000), none for the other programs. cfg may be nil.
func ReferencesRequired(c *casefile.Case, cfg *record.Config) int {
	if c.Intake == nil || cfg.ProgramKind(c.Intake.Program) != record.ProgramWorkSecurity {
		return 0
	}
	return cfg.ProgramSetting(c.Intake.Program, record.SettingReferencesRequired)
}

// closedDue is what still applies to a closed case: the follow-ups
// outcome.yaml plans and that are not done, after a WIOA exit the 2nd and
// 4th quarters after exit that no follow-up covers yet, and before it the
// exit to record (potentialExitDue). Closing a
// case ends its contacts, plan and periods, but a follow-up after a
// placement or an exit is made after the case is closed (001, 002, 003),
// and caseplan followup add records it on a closed case. A planned
// follow-up is due until it is recorded done, or taken out of outcome.yaml.
func (x *view) closedDue(p period) {
	x.potentialExitDue(p)
	x.unrecordedExitDue()
	x.quartersAfterExitDue() // as on an open case, after the follow-up months too
	o := x.c.Outcome
	if o == nil {
		return
	}
	what := "follow-up" + x.followUpContext()
	if cl := o.LatestClosure(); cl != nil && cl.Date != "" {
		what += " (case closed on " + string(cl.Date) + ")"
	}
	for i, fu := range o.FollowUps {
		if t, ok := fu.Due.Time(); ok && fu.Done == "" {
			x.addItem(DueFollowUp, followUpItem(fu, i), t, what+"; "+x.followUpCommand(fu), x.file(layout.KindOutcome), "follow_ups", itoa(i))
		}
	}
}

// followUpsDue lists the outcome's follow-ups not yet done (after a
// placement or an exit) and, for a WIOA case in follow-up, the 2nd and 4th
// quarters after exit that no follow-up covers yet.
func (x *view) followUpsDue(p period) {
	o := x.c.Outcome
	f := x.file(layout.KindOutcome)
	if o != nil {
		for i, fu := range o.FollowUps {
			if t, ok := fu.Due.Time(); ok && fu.Done == "" {
				x.addItem(DueFollowUp, followUpItem(fu, i), t, "follow-up"+x.followUpContext()+"; "+x.followUpCommand(fu), f, "follow_ups", itoa(i))
			}
		}
	}
	if p.phase == PhaseFollowUp || p.phase == PhaseExited {
		x.quartersAfterExitDue()
	}
}

// quartersAfterExitDue lists, for a WIOA case that has exited, the 2nd and
// 4th quarters after exit that no follow-up covers yet (TEGL 10-16), and
// keeps listing them, overdue, once the follow-up months are over: the 4th
// quarter's last day is the follow-up's last (calendar.FollowUpEnd), so
// stopping there would drop its follow-up on the day it falls overdue,
// while validate's wioa-follow-up still holds the case to it and the
// performance report still counts the participant not employed and asks
// for it (TEGL 10-16: the 4th quarter after exit's employment is an
// indicator). A late follow-up (caseplan followup add --quarter 4) or a
// supervisor's waiver of wioa-follow-up takes it off. Every quarter owed,
// covered or not, is kept in State.FollowUpQuarters.
func (x *view) quartersAfterExitDue() {
	exit, ok := x.c.Intake.Exited.Time()
	if x.state.Kind != record.ProgramWIOA || !ok {
		return
	}
	o := x.c.Outcome
	for _, k := range calendar.FollowUpQuartersWithin(exit, x.setting(record.SettingFollowUpMonths)) {
		first, last := calendar.QuarterAfterExit(exit, k)
		if calendar.ExcludedBy(o, exit, last) || x.waived(RuleOf(x.state.Kind, DueFollowUp, quarterItem+itoa(k), false)) {
			continue
		}
		covered := len(calendar.FollowUpsFor(o, exit, k)) > 0
		x.state.FollowUpQuarters = append(x.state.FollowUpQuarters, FollowUpQuarter{Quarter: k, First: first, Last: last, Covered: covered})
		if covered || planned(o, first, last) {
			continue
		}
		x.addItem(DueFollowUp, quarterItem+itoa(k), last, "follow-up in the "+calendar.Ordinal(k)+" quarter after exit, "+calendar.QuarterName(first)+" ("+string(date(first))+" to "+string(date(last))+"); record it with caseplan followup add "+x.c.ID+" --quarter "+itoa(k)+" --date DATE", x.file(layout.KindIntake), "exited")
	}
}

// followUpCommand is the command, whole, that records planned follow-up
// fu done: followup add marks the one due on --due done (its help).
func (x *view) followUpCommand(fu record.FollowUp) string {
	return "record it with caseplan followup add " + x.c.ID + " --due " + string(fu.Due) + " --date DATE"
}

// followUpItem names a planned follow-up: its ID, or for one written
// without an ID its place in outcome.yaml.
func followUpItem(fu record.FollowUp, i int) string {
	if fu.ID != "" {
		return fu.ID
	}
	return "follow_ups#" + itoa(i+1)
}

func (x *view) followUpContext() string {
	if pl := x.c.Outcome.PlacementOn(date(x.today)); pl != nil {
		return " after the placement at " + pl.Employer
	}
	if x.c.Intake.Exited != "" {
		return " after the exit on " + string(x.c.Intake.Exited)
	}
	return ""
}

// planned reports whether a follow-up not done yet is due in the days
// first..last: it is on the tickler as itself (followUpsDue), so the
// quarter it falls in is not listed again. Whether a follow-up done
// covers a quarter is calendar.FollowUpsFor's to say, as validate's
// wioa-follow-up and the performance report ask it: one naming the
// quarter (--quarter) and done after the quarter ended covers it, late;
// one naming another quarter does not, whatever its dates.
func planned(o *record.Outcome, first, last time.Time) bool {
	if o == nil {
		return false
	}
	return slices.ContainsFunc(o.FollowUps, func(f record.FollowUp) bool {
		t, ok := f.Due.Time()
		return f.Done == "" && ok && !t.Before(first) && !t.After(last)
	})
}

// benefitsDue lists the renewals of the benefits the participant relies
// on (003: maintain eligibility), except those that ended.
func (x *view) benefitsDue() {
	p := x.c.IEP
	if p == nil || p.SelfSufficiency == nil {
		return
	}
	for i, b := range p.SelfSufficiency.Benefits {
		t, ok := b.Renewal.Time()
		if !ok || b.Status == "ended" {
			continue
		}
		// Every item names the command that records what happened, as
		// validate's pe-benefit-renewal does: an active benefit's
		// renewal done (the next date; the status stays active) or
		// submitted and awaiting the decision (pending, dated the day
		// it was due: iep benefit renew --help).
		renew := "caseplan iep benefit renew " + x.c.ID + " " + b.Ref()
		detail := "renew " + b.Name + ", then record it: renewed, " + renew + " --renewal DATE (the next renewal); submitted, awaiting the decision, " + renew + " --renewal " + string(b.Renewal) + " --status pending"
		switch b.Status {
		case "pending":
			detail = "decision on the renewal of " + b.Name + " (submitted); record it: approved, " + renew + " --renewal DATE --status active; refused or not made in time, " + renew + " --renewal " + string(b.Renewal) + " --status lapsed"
		case "lapsed":
			detail = b.Name + " has lapsed; restore eligibility, then record it: " + renew + " --renewal DATE --status active"
		}
		x.addItem(DueBenefit, b.Name, t, detail, x.file(layout.KindIEP), "self_sufficiency", "benefits", itoa(i), "renewal")
	}
}

// potentialExitDue is a WIOA case's potential exit, due the day the exit
// becomes known and can be recorded (calendar.Participation.ExitKnown:
// the day after the 90th without a participation-causing service). Until
// then the detail says the last day a service still prevents it; from
// then on, that the participant has exited and the exit is to be recorded.
//
// A case closed without its exit recorded exits too (nothing is served
// after the closing: calendar.ParticipationOf), and the performance
// report asks for that exit: the item stays, worded for the closed case
// before and after the exit is known ("exit of the closed case (closed
// on C): ..."), so that the case manager hears of it before the report
// is due (case exit takes it on a closed case, dated on or before the
// closing).
func (x *view) potentialExitDue(p period) {
	if x.state.Kind != record.ProgramWIOA || p.phase == PhaseFollowUp || p.phase == PhaseExited || x.c.Intake.Exited != "" {
		return
	}
	pp := x.participation
	known := pp.ExitKnown()
	if known.IsZero() {
		return // no participation yet, or a service is scheduled
	}
	last := string(date(pp.LastService))
	// The service that keeps the participant in: a note recording it,
	// whole, with --service whatever the program counts as a contact.
	serve := NoteAddCommand(x.c.ID, "contact", x.contact)
	if !x.contact.RequiresService {
		serve += " --service CODE"
	}
	detail := "potential exit: no participation-causing service since " + last + "; exits unless served (or a service is scheduled) by " +
		string(date(pp.ServeBy())) + ", with exit date " + last + " (TEGL 10-16); record a service given with " + serve
	if p.phase == PhaseClosed {
		detail = "exit of the closed case (closed on " + string(date(p.start)) + "): no participation-causing service since " + last +
			"; it exits on " + string(date(known)) + ", with exit date " + last + ": record it then with caseplan case exit " + x.c.ID + " (TEGL 10-16)"
	}
	if !pp.Exit.IsZero() {
		exited := countOf(pp.ExitDays, "day") + " without a participation-causing service since " + last +
			"; record the exit, dated " + last + ", with caseplan case exit " + x.c.ID + " (TEGL 10-16)"
		detail = "has exited: " + exited
		if p.phase == PhaseClosed {
			// Still worded for the closed case: its exit, dated on or
			// before the closing, is what case exit records.
			detail = "exit of the closed case (closed on " + string(date(p.start)) + "): it has exited, " + exited
		}
	}
	x.add(DuePotentialExit, known, detail, x.file(layout.KindIntake), "status")
}

// unrecordedExitDue is a WIOA exit by the definition that a later
// participation-causing service hides (calendar.Participation.EarlierExit):
// more than inactivity_exit_days without one, then one. By TEGL 10-16 (PIRL
// 901) the participant exited on the last service before the gap, and the
// later one began a new period of participation; but potentialExitDue no
// longer sees that exit (the last service is the new one), and the
// performance report and the PIRL export count only the exit recorded, so
// this one would be missing from the state's exit cohorts while no one is
// told. The item, as validate's wioa-unrecorded-exit, names the exit to
// record and the period to open; it is due, as the potential exit was, on
// the day that exit became known (the day after the last day a service
// still prevented it), so it is overdue from the start. A service after an
// exit recorded is wioa-exit-date's, not this one's.
func (x *view) unrecordedExitDue() {
	pp := x.participation
	if x.state.Kind != record.ProgramWIOA || pp.EarlierExit.IsZero() {
		return
	}
	if exit, ok := x.c.Intake.Exited.Time(); ok && pp.Returned.After(exit) {
		return
	}
	then := calendar.Participation{Date: pp.Date, LastService: pp.EarlierExit, ExitDays: pp.ExitDays}
	exit, back := string(date(pp.EarlierExit)), string(date(pp.Returned))
	fix := "record the exit with caseplan case exit " + x.c.ID + " --date " + exit +
		" and open the new period with caseplan case new --returning-from " + x.c.ID + " --opened " + back
	if recorded, ok := x.c.Intake.Exited.Time(); ok {
		// An exit recorded on or after the later service is the new
		// period's own, and case exit refuses a case that already exited:
		// the exit recorded is corrected to the hidden one, and recorded
		// again on the new period's case (TEGL 10-16: a period of
		// participation is a case of its own).
		rec := string(date(recorded))
		fix = "the exit recorded on " + rec + " ends the new period: correct exited to " + exit + " with caseplan edit " + x.c.ID +
			" intake, open the new period with caseplan case new --returning-from " + x.c.ID + " --opened " + back +
			" and record its exit there with caseplan case exit NEW-CASE --date " + rec
	}
	detail := "exit not recorded: the service on " + back + " came after " + countOf(pp.ExitDays, "day") +
		" without a participation-causing service since " + exit + ", so the participant exited on " + exit +
		" (TEGL 10-16, PIRL 901) and that service began a new period of participation; " + fix
	x.add(DueUnrecordedExit, then.ExitKnown(), detail, x.file(layout.KindIntake), "status")
}

// sortDue orders items by due date, then kind and detail, so output is
// stable.
func sortDue(items []Due) {
	slices.SortStableFunc(items, func(a, b Due) int {
		if c := strings.Compare(string(a.Due), string(b.Due)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		return strings.Compare(a.Detail, b.Detail)
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

// countOf writes a count of things whose plural adds an s, as a setting
// may make it one: "1 day", "7 days".
func countOf(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return itoa(n) + " " + thing + "s"
}
