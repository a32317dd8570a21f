// Package casestate says where a case stands on a given day: the phase of
// its program, when the phase ends, its contacts, and everything due next
// (the tickler's items). It is the stage after validation (DESIGN.md §7):
// pure functions of one case's records, the store settings and the date,
// reading the programs' periods from pkg/validate so that what case show
// and the tickler say agrees with what validate reports.
package casestate

import (
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// Phases of a work-security case (000).
const (
	PhaseNotification = "notification"  // from the notice to the layoff date
	PhaseWorkSecurity = "work-security" // work_security_days (90) from the layoff date
	PhaseExtension    = "extension"     // an approved extension whose until date has not passed
	// PhaseExtensionPending: the periods ended with an extension request
	// the joint committee has not decided; neither extended nor separated.
	PhaseExtensionPending = "extension-pending"
	PhaseSeparated        = "separated" // the periods ended without a placement
	PhasePlaced           = "placed"    // the outcome records a placement
)

// Phases of a WIOA case: the career-planning functions of 002's
// Attachment A, then the follow-up after exit.
const (
	PhaseAssessment      = "assessment"       // no assessment yet
	PhaseGoalSetting     = "goal-setting"     // assessed; the plan has no goals
	PhasePlanDevelopment = "plan-development" // goals, but no objectives or no services
	PhaseServiceDelivery = "service-delivery" // the plan's services are being delivered
	PhaseFollowUp        = "follow-up"        // follow_up_months (12) after exit; also post-employment
	PhaseExited          = "exited"           // the follow-up months are over
)

// Phases of a post-employment case (003); it shares PhaseFollowUp, the
// post_assistance_months (12) after cash assistance ended.
const (
	PhaseActive = "active"
)

// PhaseClosed is the phase of every closed case.
const PhaseClosed = "closed"

// StatusNotOpened is the status of a case on a day before it opened
// (NotOpenedOn): no case yet, so it has no phase and nothing due, and
// the reports, case list and due leave it out (OpenOn).
const StatusNotOpened = "not-opened"

// Phases are the phases a case can be in, each once, by program (000,
// 002, 003) then closed: the values case list --phase takes.
var Phases = []string{
	PhaseNotification, PhaseWorkSecurity, PhaseExtension, PhaseExtensionPending, PhaseSeparated, PhasePlaced,
	PhaseAssessment, PhaseGoalSetting, PhasePlanDevelopment, PhaseServiceDelivery, PhaseFollowUp, PhaseExited,
	PhaseActive, PhaseClosed,
}

// State is where one case stands on a day.
type State struct {
	Case    string
	Program string // the program's key in caseplan.yaml
	Kind    string // work-security, wioa or post-employment; "" when the program is unknown
	Manager string // the manager on the day (ManagerOn)
	Center  string // the center on the day (CenterOn)
	Status  string // open, closed or StatusNotOpened

	Phase      string      // one of the Phase constants; "" when the program is unknown
	PhaseStart record.Date // the first day of the phase; "" when the records do not say
	PhaseEnds  record.Date // the last day of the phase; "" when it has no set end
	// DaysLeft counts the days from today to PhaseEnds: 0 on its last day,
	// negative once it is past (a post-employment case still open after
	// its 12 months). Nil when the phase has no set end.
	DaysLeft *int
	// ExtensionUntil is the last day of an extension the joint committee
	// approved before the work security period ended (000): the phase
	// that follows this one, and until when. "" otherwise, and once the
	// extension has begun (PhaseEnds then says it).
	ExtensionUntil record.Date
	// PhaseMovesOn says what moves the case on when its records show work
	// the phase does not count: a WIOA case still in assessment (none
	// recorded in the intake) whose plan has goals or services, or whose
	// outcome a placement. Only a recorded assessment moves a WIOA case
	// out of assessment (002, Attachment A: assessment comes first), not
	// the plan's work nor a note coded as an assessment service. "" when
	// nothing is waiting.
	PhaseMovesOn string

	LastContact record.Date // the latest contact, as the program counts one (calendar.Contact); "" when none
	Contacts    int         // notes that count as contacts

	// PlacementStarts is the start of a recorded placement that has not
	// started yet: until then the case stays in its phase.
	PlacementStarts record.Date

	// Participation is WIOA's participation and exit (TEGL 10-16); nil
	// for other programs.
	Participation *Participation

	// CaseConference is where a work-security case's case conference
	// stands while the candidate searches (000: "plan the date"):
	// ConferenceToPlan, ConferencePlanned or ConferenceHeld; "" for other
	// programs and other phases. 000 gives the conference no date, so it
	// is never a due item.
	CaseConference string

	Due []Due // what is due next, by date

	// FollowUpQuarters are the quarters after exit a WIOA case owes a
	// follow-up in (TEGL 10-16: the 2nd and 4th), as the tickler reads
	// them: not lifted by an exclusion, nor waived or turned off. A
	// quarter no follow-up covers is also in Due, unless a planned
	// follow-up due in it is there in its place; one covered is only
	// here, so that a count of the quarters due and done (the monthly
	// report) asks the tickler rather than a copy of its rule.
	FollowUpQuarters []FollowUpQuarter
}

// FollowUpQuarter is one quarter after exit a WIOA case owes a follow-up
// in: its follow-up is due on the quarter's last day (Last), and it is
// done when a follow-up reports on the quarter (Covered), late or not, as
// calendar.FollowUpsFor reads it for validate's wioa-follow-up and the
// performance report.
type FollowUpQuarter struct {
	Quarter     int       // 2 or 4: the k-th quarter after exit
	First, Last time.Time // the quarter's days
	Covered     bool
}

// Participation is where a WIOA case stands by the performance
// definitions (calendar.Participation).
type Participation struct {
	// Date is the participation date (PIRL 900): the first
	// staff-assisted service after eligibility; "" when none yet.
	Date record.Date
	// EligibleFrom is the eligibility date it counts from, and
	// EligibleRecorded says whether a determination is recorded (when not,
	// eligibility counts from the day the case opened).
	EligibleFrom     record.Date
	EligibleRecorded bool
	// LastService is the latest participation-causing service; "" when
	// none.
	LastService record.Date
	// UnderWay is a plan service started with no end recorded on an open
	// case (calendar.Participation.UnderWay), and UnderWaySince its start:
	// LastService is then today, every day, until its end is recorded.
	// "" when none.
	UnderWay      string
	UnderWaySince record.Date
	// ExitDate is set once the participant has exited by WIOA's definition
	// (PIRL 901) and caseplan case exit has not recorded it: the exit date
	// would be this day, the last participation-causing service.
	ExitDate record.Date
}

// Compute returns the state of case c on today under the store settings
// cfg (which may be nil: the documents' defaults then apply).
func Compute(c *casefile.Case, cfg *record.Config, today time.Time) State {
	_, s := ComputeThen(c, cfg, today)
	return s
}

// ComputeThen is Compute that also returns the case as it stood on today
// (AsOf), for a caller that reads more of it than the state (the reports:
// the plan's next milestone, an extension pending): the case is rewound
// once, not once by the caller and again here.
func ComputeThen(c *casefile.Case, cfg *record.Config, today time.Time) (*casefile.Case, State) {
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	// Where the case stands on today is what its records dated by then
	// say: on a past --today, a closure, exit, note or transfer dated
	// later has not happened yet (the reports' as-of day is the same).
	c = AsOf(c, today)
	return c, compute(c, cfg, today)
}

// compute is the state of c, already rewound to today (AsOf), on today.
func compute(c *casefile.Case, cfg *record.Config, today time.Time) State {
	s := State{Case: c.ID}
	in := c.Intake
	if in == nil {
		return s
	}
	s.Program, s.Manager, s.Center, s.Status = in.Program, in.Manager, in.Center, in.Status
	if cfg != nil {
		s.Kind = cfg.Programs[in.Program].Kind
	}
	if NotOpenedOn(c, today) {
		// A --today before the opening is before the case: the intake
		// says open, but no period, contact or item had begun yet.
		s.Status = StatusNotOpened
		return s
	}
	contact := calendar.ContactFor(c, cfg)
	s.Contacts = contact.Count(c.Notes)
	if t, ok := contact.Last(c.Notes); ok {
		s.LastContact = date(t)
	}

	x := &view{c: c, cfg: cfg, today: today, state: &s, contact: contact}
	if s.Kind == record.ProgramWIOA {
		x.participation = calendar.ParticipationOf(c, cfg, today)
		pp := x.participation
		s.Participation = &Participation{Date: dateOf(pp.Date), EligibleFrom: dateOf(pp.Eligible),
			EligibleRecorded: pp.EligibleRecorded, LastService: dateOf(pp.LastService),
			UnderWay: pp.UnderWay, UnderWaySince: dateOf(pp.UnderWaySince)}
		if in.Exited == "" && in.Status == "open" && !pp.Exit.IsZero() && !pp.Date.IsZero() {
			s.Participation.ExitDate = date(pp.Exit)
		}
	}
	var p period
	switch {
	case in.Status == "closed":
		p = period{phase: PhaseClosed}
		if cl := c.Outcome.LatestClosure(); cl != nil {
			p.start, _ = cl.Date.Time()
		}
	case s.Kind == record.ProgramWorkSecurity:
		p = x.workSecurityPhase()
	case s.Kind == record.ProgramWIOA:
		p = x.wioaPhase()
	case s.Kind == record.ProgramPostEmployment:
		p = x.postEmploymentPhase()
	}
	s.Phase = p.phase
	if !p.start.IsZero() {
		s.PhaseStart = date(p.start)
	}
	if !p.end.IsZero() {
		s.PhaseEnds = date(p.end)
		left := calendar.Days(today, p.end)
		s.DaysLeft = &left
	}
	if !p.extension.IsZero() {
		s.ExtensionUntil = date(p.extension)
	}
	if in.Status == "open" && p.phase == PhaseAssessment {
		s.PhaseMovesOn = x.assessmentMovesOn()
	}
	switch {
	case in.Status == "closed":
		x.closedDue(p)
	case in.Status == "open" && s.Phase != "":
		x.due(p)
		if x.searching() {
			s.CaseConference = caseConference(s.Kind, c.Notes, c.IEP)
		}
	}
	sortDue(s.Due)
	return s
}

// period is a phase with its first and last day (zero when not set) and
// what to say when it ends.
type period struct {
	phase      string
	start, end time.Time
	ends       string // the period-end item's detail
	endsAt     string // record kind of the period-end item's file
	endsPath   []string
	extension  time.Time // the last day of an approved extension that follows the phase
}

// view is one computation: the case, the settings and the day.
type view struct {
	c             *casefile.Case
	cfg           *record.Config
	today         time.Time
	state         *State
	contact       calendar.Contact
	participation calendar.Participation // WIOA only
}

func (x *view) setting(key string) int { return x.cfg.ProgramSetting(x.c.Intake.Program, key) }

func (x *view) file(kind string) string { return x.c.File(kind) }

func (x *view) opened() time.Time {
	t, _ := x.c.Intake.Opened.Time()
	return t
}

// workSecurityPhase names the case's standing on the day as
// calendar.StandingOf decides it (000), the one answer validate, due, the
// reports and case close read too: the notification period before the
// layoff date, the work security period from it, an approved extension,
// an extension request awaiting the joint committee once the periods
// ended, and separation when they end without a placement. A placement
// makes the case placed from its start date; one recorded to start later
// leaves the case in its phase until then, and one secured before the
// periods ended keeps it out of separation (calendar.PlacementSecured).
func (x *view) workSecurityPhase() period {
	st := calendar.StandingOf(x.c, x.cfg, x.today)
	if pl := x.c.Outcome.PlacementOn(date(x.today)); pl != nil && x.c.Outcome.PlacedOn(date(x.today)) == nil && st.JobEnded == "" {
		x.state.PlacementStarts = pl.Start
	}
	p := st.Period
	if st.Standing == calendar.StandingPlaced {
		start := x.opened()
		if pl := x.c.Outcome.PlacedOn(date(x.today)); pl != nil {
			start, _ = pl.Start.Time()
		}
		return period{phase: PhasePlaced, start: start}
	}
	if !st.Known {
		return period{phase: PhaseNotification, start: x.opened()}
	}
	layoff := date(p.Layoff)
	if pl := st.Secured; pl != nil {
		// An offer accepted by the periods' last day to start after it is
		// no separation (000's "bridging salary"): the case stays in its
		// last period until the start makes it placed.
		start, _ := pl.Start.Time()
		ends := "the placement at " + pl.Employer + " starts (an offer accepted before the periods ended, " + string(date(p.LastDay())) + "; 000: bridge the salary until the start)"
		if st.Standing == calendar.StandingExtension {
			return period{phase: PhaseExtension, start: p.End.AddDate(0, 0, 1), end: start.AddDate(0, 0, -1),
				ends: ends, endsAt: layout.KindOutcome, endsPath: []string{"placements"}}
		}
		return period{phase: PhaseWorkSecurity, start: p.Layoff, end: start.AddDate(0, 0, -1),
			ends: ends, endsAt: layout.KindOutcome, endsPath: []string{"placements"}}
	}
	switch st.Standing {
	case calendar.StandingNotification:
		start := p.Notice
		if start.IsZero() {
			start = x.opened()
		}
		return period{phase: PhaseNotification, start: start, end: p.Layoff.AddDate(0, 0, -1),
			ends:   "the notification period ends; the layoff date " + string(layoff) + " starts the work security period",
			endsAt: layout.KindIntake, endsPath: []string{"layoff", "layoff_date"}}
	case calendar.StandingWorkSecurity:
		ends := "the work security period ends (" + countOf(x.setting(record.SettingWorkSecurityDays), "day") + " after the layoff date " + string(layoff) + ")"
		switch {
		case p.ExtendedUntil.After(p.End):
			ends += "; the joint committee approved an extension to " + string(date(p.ExtendedUntil))
		case p.Pending:
			ends += "; an extension request awaits the joint committee's decision"
		case p.Refused != "":
			// Not "needs the committee's approval": it was asked and said
			// no, and a supervisor reading this must not think it was not.
			ends += "; the joint committee refused the extension requested on " + string(p.RefusedRequested) +
				" (decided " + string(p.Refused) + "): without a placement by then, the candidate is separated from " +
				string(date(p.End.AddDate(0, 0, 1)))
		default:
			ends += "; an extension needs the joint committee's approval: request it with " + ExtensionRequestCommand(x.c.ID)
		}
		ws := period{phase: PhaseWorkSecurity, start: p.Layoff, end: p.End,
			ends: ends, endsAt: layout.KindIntake, endsPath: []string{"layoff", "layoff_date"}}
		if p.ExtendedUntil.After(p.End) {
			ws.extension = p.ExtendedUntil
		}
		return ws
	case calendar.StandingExtension:
		ends := "the extension of the work security period ends"
		if p.Pending {
			// A further request, as the work security period's end says
			// of the first: the decision item beside it is due that day.
			ends += "; a further extension request awaits the joint committee's decision"
		}
		return period{phase: PhaseExtension, start: p.End.AddDate(0, 0, 1), end: p.ExtendedUntil,
			ends: ends, endsAt: layout.KindOutcome, endsPath: []string{"extensions"}}
	case calendar.StandingExtensionPending:
		// Not separated while the committee decides (000: it "may
		// authorize the extension ... beyond the initial three month Work
		// Security period"); the phase has no set end: the decision ends
		// it, and the tickler's extension-decision item says it is overdue.
		return period{phase: PhaseExtensionPending, start: p.LastDay().AddDate(0, 0, 1)}
	}
	return period{phase: PhaseSeparated, start: st.SeparatedFrom()}
}

// wioaPhase names the career-planning function of 002's Attachment A the
// records show the case in: assessment, goal setting, strategy/plan
// development, service delivery coordination; then follow-up after exit
// for follow_up_months, and exited.
//
// The records date the assessment (its earliest tool), but not the day
// the plan got its goals or its services, so the later phases start on the
// best dates they give: plan development when the plan was developed —
// its creation date, or the assessment when that is later (case new writes
// an empty plan when the case opens, before any assessment); service
// delivery then too, or when the plan's first service began if that came
// first. Neither starts before the assessment, nor after today: a service
// booked to start next month does not put the phase's start in the future.
func (x *view) wioaPhase() period {
	in := x.c.Intake
	if exit, ok := in.Exited.Time(); ok {
		end, _ := calendar.FollowUpEnd(x.c, x.cfg)
		if x.today.After(end) {
			return period{phase: PhaseExited, start: end.AddDate(0, 0, 1)}
		}
		return period{phase: PhaseFollowUp, start: exit, end: end,
			ends:   "follow-up after exit (" + string(in.Exited) + ") ends: " + countOf(x.setting(record.SettingFollowUpMonths), "month") + ", through the 4th quarter after exit",
			endsAt: layout.KindIntake, endsPath: []string{"exited"}}
	}
	if len(in.Assessments) == 0 {
		return period{phase: PhaseAssessment, start: x.opened()}
	}
	var dates []record.Date
	for _, a := range in.Assessments {
		dates = append(dates, a.Date)
	}
	assessed := earliest(dates)
	p := x.c.IEP
	if p == nil || len(p.Goals) == 0 {
		return period{phase: PhaseGoalSetting, start: assessed}
	}
	created, _ := p.Created.Time()
	developed := laterOf(created, assessed)
	objectives := false
	for _, g := range p.Goals {
		objectives = objectives || len(g.Objectives) > 0
	}
	if !objectives || len(p.Services) == 0 {
		return period{phase: PhasePlanDevelopment, start: x.notAfterToday(developed)}
	}
	dates = dates[:0]
	for _, s := range p.Services {
		dates = append(dates, s.Start)
	}
	start := developed
	if first := earliest(dates); !first.IsZero() && (start.IsZero() || first.Before(start)) {
		start = laterOf(first, assessed)
	}
	return period{phase: PhaseServiceDelivery, start: x.notAfterToday(start)}
}

// assessmentMovesOn says, for a WIOA case in the assessment phase, what
// moves it on when plan work is already recorded (goals, plan services, a
// placement), the work it names; "" when none is.
func (x *view) assessmentMovesOn() string {
	var work []string
	if p := x.c.IEP; p != nil {
		if len(p.Goals) > 0 {
			work = append(work, countOf(len(p.Goals), "goal"))
		}
		if len(p.Services) > 0 {
			work = append(work, countOf(len(p.Services), "plan service"))
		}
	}
	if n := len(x.c.Outcome.AllPlacements()); n > 0 {
		work = append(work, countOf(n, "placement"))
	}
	if len(work) == 0 {
		return ""
	}
	return "the records show " + strings.Join(work, ", ") + ", but the phase moves on only once an assessment is recorded in the intake (a note coded as an assessment service is not one): caseplan case assessment add " + x.c.ID + " --tool TOOL --date DATE"
}

// notAfterToday returns t, or today when t is after it.
func (x *view) notAfterToday(t time.Time) time.Time {
	if t.After(x.today) {
		return x.today
	}
	return t
}

// laterOf returns the later of two dates, either of which may be zero.
func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// postEmploymentPhase follows 003: services while the participant works
// and receives cash assistance, then for post_assistance_months after it
// ends. A participant who comes to the program after their cash
// assistance ended is in follow-up from the opening: the months still
// count from the end of assistance (003: "for 12 months following the
// loss of cash assistance"), but no phase of the case starts before the
// case does.
func (x *view) postEmploymentPhase() period {
	in := x.c.Intake
	ended, ok := in.CashAssistanceEnded.Time()
	if !ok || x.today.Before(ended) {
		return period{phase: PhaseActive, start: x.opened()}
	}
	end, _ := calendar.PostAssistanceEnd(x.c, x.cfg)
	months := "the " + countOf(x.setting(record.SettingPostAssistanceMonths), "month") + " of post-employment services after cash assistance ended (" + string(in.CashAssistanceEnded) + ")"
	closeIt := "; close the case: caseplan case close " + x.c.ID + " --date DATE --reason " + record.ClosureCompleted
	ends := months + " end" + closeIt
	if x.today.After(end) {
		ends = months + " ended on " + string(date(end)) + closeIt
	}
	return period{phase: PhaseFollowUp, start: laterOf(ended, x.opened()), end: end,
		ends: ends, endsAt: layout.KindIntake, endsPath: []string{"cash_assistance_ended"}}
}

// earliest returns the earliest valid date of a list, or zero.
func earliest(dates []record.Date) time.Time {
	var first time.Time
	for _, d := range dates {
		if t, ok := d.Time(); ok && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	return first
}

func date(t time.Time) record.Date { return record.Date(t.Format(time.DateOnly)) }

// dateOf is date, with "" for the zero time.
func dateOf(t time.Time) record.Date {
	if t.IsZero() {
		return ""
	}
	return date(t)
}
