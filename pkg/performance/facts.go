// Package performance computes WIOA's six primary indicators of
// performance from a store's records, as the state systems count them
// (WIOA sec. 116(b)(2)(A); 20 CFR 677.155; TEGL 10-16, Change 1; the PIRL,
// ETA-9172), and the PIRL elements caseplan holds for each participant.
//
// The state's figures arrive months late, after the wage-record match;
// these are the same definitions applied to what the case managers have
// recorded, while a cohort is still open and a missing follow-up can
// still be recorded. Each indicator therefore says, besides its numerator
// and denominator, which cases it counted and which it did not and why,
// and which outcomes are still missing and by when they are due.
//
// Everything is a pure function of a snapshot, the report period and the
// day the report is as of: what the records date after that day is left
// out, so a report made --at a commit with --today a day is the same,
// byte for byte, whenever it is made. The programs' calendar — program
// years, cohorts, quarters after exit, participation and exit — is
// pkg/calendar's; this package only applies it.
package performance

import (
	"slices"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/record"
)

// Facts is what one WIOA case's records say for performance
// accountability on a day.
type Facts struct {
	Case    string
	Name    string // the participant's name; reports show initials unless told otherwise
	Manager string
	Program string
	// ReturningFrom is the case of the person's earlier period of
	// participation (intake returning_from): each period is a case of its
	// own and counts on its own (TEGL 10-16).
	ReturningFrom string
	Exit          time.Time // the recorded exit (PIRL 901); zero when none by the day
	Participant   bool      // a participant by the day: a participation-causing service after eligibility (PIRL 900)
	// Participation is the participation date (PIRL 900); zero when the
	// person has not become a participant.
	Participation time.Time
	// PotentialExit is the exit date WIOA's definition gives (PIRL 901)
	// when none is recorded: the last participation-causing service, 90
	// days without one having passed. Zero otherwise.
	PotentialExit time.Time
	// ExitKnown is, when PotentialExit is set, the first day that exit
	// was known and could be recorded: the day after the 90th without a
	// participation-causing service (calendar.Participation.ExitKnown).
	ExitKnown time.Time
	// ExitDays is inactivity_exit_days, the program's setting.
	ExitDays int
	// HiddenExit is an exit by WIOA's definition that a later
	// participation-causing service, on Returned, hides
	// (calendar.Participation.EarlierExit; validate's
	// wioa-unrecorded-exit): the participant exited on HiddenExit and
	// Returned began a new period of participation (TEGL 10-16, PIRL
	// 901), but no exit is recorded for it, so no indicator counts it.
	// Zero when there is none, or the exit recorded comes before Returned
	// (the later service is then wioa-exit-date's).
	HiddenExit, Returned time.Time
	// Exclusion is the first recorded reason to leave the participant out
	// of the indicators (PIRL 923) that counts: dated from the exit through
	// the 3rd quarter after the quarter of exit (calendar.ExclusionSpan;
	// while no exit is recorded, from participation through the day). Nil
	// when none.
	Exclusion *record.Exclusion
	// Superseded is, for a participant who exited, the first reason to
	// leave them out dated from participation to before the exit: services
	// went on after it, so it does not count (calendar.ExclusionSpan). The
	// report says so, for the record to be corrected if it is wrong.
	Superseded *record.Exclusion
	// Late is, for a participant who exited, the first reason to leave
	// them out dated after the 3rd quarter after the quarter of exit
	// (calendar.ExclusionSpan): PIRL 923 does not reach it, so the
	// participant is counted, and the report says why the reason recorded
	// did not leave them out.
	Late *record.Exclusion
	// ExitDoubt says, when the recorded exit is not the last
	// participation-causing service's date (PIRL 901; validate's warning
	// wioa-exit-date), what the records show instead. The exit is
	// counted as recorded; the rows say it is in doubt.
	ExitDoubt string
	// Training is the plan's training services started by the day and not
	// cancelled, earliest first (PIRL 1300-1303); on a closed case, those
	// started by the closure.
	Training []record.PlanService
	// Closed is the day the case was closed, when it is closed on the
	// day (calendar.Participation.Closed): the plan's services, training
	// among them, ended on it. Zero while the case is open.
	Closed time.Time
	// Quarters holds what the follow-ups say of the 1st to the 4th quarter
	// after exit (index 1 to 4; 0 is unused). Empty without an exit.
	Quarters [5]Quarter
	// Credentials and Gains are those dated by the day, earliest first.
	Credentials []record.Credential
	Gains       []record.SkillGain
}

// Employment is what the follow-ups show of a quarter after exit.
type Employment int

// What a quarter's follow-ups show, from least to most known.
const (
	NoFollowUp   Employment = iota // no follow-up reports on the quarter
	Unstated                       // a follow-up, but it says nothing of employment
	Undocumented                   // employed, but no evidence is recorded
	NotEmployed                    // not employed, or only in subsidised employment
	Employed                       // in unsubsidised employment, with evidence
)

// Quarter is one quarter after exit, as the follow-ups that report on it
// (calendar.FollowUpsFor) show it.
type Quarter struct {
	K          int
	Span       calendar.Span
	Employment Employment
	Subsidized bool // the only employment recorded was subsidised
	// Earnings is the quarter's earnings, when a follow-up whose evidence
	// shows earnings (record.EvidenceShowsEarnings) records them;
	// UnverifiedEarnings those recorded only on a follow-up whose evidence
	// does not (a self-attestation, or none), which median earnings and
	// PIRL 1703-1706 do not count.
	Earnings           *float64
	UnverifiedEarnings *float64
	Evidence           string // the evidence of the follow-up that shows the employment
	Employers          []Employer
	Late               bool // the follow-up read was made after the quarter
}

// Employer is an employer a follow-up names, with its IDs.
type Employer struct {
	Name, FEIN, StateID string
}

// Identified reports whether the employer has an ID the employer
// indicator can match (a FEIN or a state tax ID).
func (e Employer) Identified() bool { return e.FEIN != "" || e.StateID != "" }

// Same reports whether two employers are the same by their IDs (TEGL
// 10-16: the same establishment, by FEIN or state tax ID): equal FEINs,
// or, when either lacks one, equal state tax IDs.
func (e Employer) Same(o Employer) bool {
	if e.FEIN != "" && o.FEIN != "" {
		return e.FEIN == o.FEIN
	}
	return e.StateID != "" && e.StateID == o.StateID
}

// FactsOf returns what case c's records say on day; false when c is not
// a case of a WIOA program.
func FactsOf(c *casefile.Case, cfg *record.Config, day time.Time) (Facts, bool) {
	in := c.Intake
	if in == nil || cfg.ProgramKind(in.Program) != record.ProgramWIOA {
		return Facts{}, false
	}
	f := Facts{Case: c.ID, Name: in.Participant.Name, Manager: in.Manager, Program: in.Program}
	if caseid.Check(in.ReturningFrom) == nil {
		f.ReturningFrom = in.ReturningFrom // not a value that cannot be a case (the schema reports it)
	}
	by := func(d record.Date) (time.Time, bool) {
		t, ok := d.Time()
		return t, ok && !t.After(day)
	}
	p := calendar.ParticipationOf(c, cfg, day)
	f.Closed = p.Closed
	if exit, ok := by(in.Exited); ok {
		f.Exit = exit
	} else if !p.Exit.IsZero() && in.Exited == "" {
		f.PotentialExit, f.ExitKnown, f.ExitDays = p.Exit, p.ExitKnown(), p.ExitDays
	}
	if !p.EarlierExit.IsZero() && (f.Exit.IsZero() || !p.Returned.After(f.Exit)) {
		f.HiddenExit, f.Returned, f.ExitDays = p.EarlierExit, p.Returned, p.ExitDays
	}
	// A participant's participation date is on or before the exit: a
	// service recorded later than a recorded exit starts no participation
	// in this period.
	if !p.Date.IsZero() && (f.Exit.IsZero() || !p.Date.After(f.Exit)) {
		f.Participant, f.Participation = true, p.Date
	}
	if plan := c.IEP; plan != nil {
		for _, s := range plan.Services {
			cat, ok := cfg.ServiceCategory(s.Code)
			if !ok || cat != record.CategoryTraining || s.Status == "cancelled" {
				continue
			}
			// One that was to start after the closure was not given.
			if start, ok := by(s.Start); ok && (f.Closed.IsZero() || !start.After(f.Closed)) {
				f.Training = append(f.Training, s)
			}
		}
		slices.SortStableFunc(f.Training, func(a, b record.PlanService) int { return compareDates(a.Start, b.Start) })
	}
	o := c.Outcome
	if o == nil {
		o = &record.Outcome{}
	}
	for _, cr := range o.Credentials {
		if _, ok := by(cr.Date); ok {
			f.Credentials = append(f.Credentials, cr)
		}
	}
	slices.SortStableFunc(f.Credentials, func(a, b record.Credential) int { return compareDates(a.Date, b.Date) })
	for _, g := range o.SkillGains {
		if _, ok := by(g.Date); ok {
			f.Gains = append(f.Gains, g)
		}
	}
	slices.SortStableFunc(f.Gains, func(a, b record.SkillGain) int { return compareDates(a.Date, b.Date) })
	if f.Participant {
		span := calendar.Span{From: f.Participation, To: day}
		if !f.Exit.IsZero() {
			span = calendar.ExclusionSpan(f.Exit)
		}
		for i, x := range o.Exclusions {
			t, ok := by(x.Date)
			switch {
			case !ok:
			case span.Contains(t):
				if f.Exclusion == nil || x.Date < f.Exclusion.Date {
					f.Exclusion = &o.Exclusions[i]
				}
			case !t.Before(f.Participation) && t.Before(span.From):
				if f.Superseded == nil || x.Date < f.Superseded.Date {
					f.Superseded = &o.Exclusions[i]
				}
			case !f.Exit.IsZero() && t.After(span.To):
				if f.Late == nil || x.Date < f.Late.Date {
					f.Late = &o.Exclusions[i]
				}
			}
		}
	}
	if f.Exit.IsZero() {
		return f, true
	}
	f.ExitDoubt = exitDoubt(c, cfg, f.Exit, p)
	// The follow-ups as they stood on day: one done later was not made yet.
	known := &record.Outcome{}
	for _, fu := range o.FollowUps {
		if _, ok := by(fu.Done); ok {
			known.FollowUps = append(known.FollowUps, fu)
		}
	}
	for k := 1; k <= 4; k++ {
		f.Quarters[k] = quarterOf(known, f.Exit, k)
	}
	return f, true
}

// CountedExit is the exit the state counts (TEGL 10-16; PIRL 901): the
// exit recorded by the day (caseplan case exit) of a participant (PIRL
// 900); zero when none is recorded, or the person never became a
// participant, whom every exit cohort leaves out (cohortWalk: "not a
// participant"). An exit by the definition not recorded is not one: the
// state counts the exits recorded. The monthly report counts the exits
// of its month with it, the cohorts of this package the same exits.
func (f Facts) CountedExit() time.Time {
	if !f.Participant {
		return time.Time{}
	}
	return f.Exit
}

// exitDoubt is what rule wioa-exit-date of pkg/validate finds of exit,
// the recorded exit, with p the participation as of the report's day: a
// participation-causing service after it, or none on it (the last was
// earlier). Empty when the exit is that service's date.
func exitDoubt(c *casefile.Case, cfg *record.Config, exit time.Time, p calendar.Participation) string {
	if p.UnderWay != "" && p.LastService.After(exit) {
		// Counted as given every day, not on the report's day: name the
		// service and what it lacks (pkg/validate's wioa-exit-date).
		return "plan service " + p.UnderWay + ", started on " + date(p.UnderWaySince) + ", has no end recorded and runs past it"
	}
	if p.LastService.After(exit) {
		return "a participation-causing service on " + date(p.LastService) + " comes after it"
	}
	if then := calendar.ParticipationOf(c, cfg, exit); !then.Date.IsZero() && then.LastService.Before(exit) {
		return "the last participation-causing service before it was on " + date(then.LastService)
	}
	return ""
}

// quarterOf reads the k-th quarter after exit from the follow-ups that
// report on it. The best-documented reading wins: a follow-up showing
// unsubsidised employment with evidence over one showing none, over one
// saying nothing. The employers are those of every follow-up showing
// employment; the earnings the largest recorded (the quarter's total,
// should two follow-ups both give it) on a follow-up whose evidence shows
// earnings.
func quarterOf(o *record.Outcome, exit time.Time, k int) Quarter {
	first, last := calendar.QuarterAfterExit(exit, k)
	q := Quarter{K: k, Span: calendar.Span{From: first, To: last}}
	for _, c := range calendar.FollowUpsFor(o, exit, k) {
		fu := o.FollowUps[c.Index]
		e := Unstated
		switch {
		case fu.Employed == nil:
		case !*fu.Employed || fu.Subsidized:
			e = NotEmployed
		case fu.Evidence == "" || (fu.Evidence == record.EvidenceSelfAttestation && fu.EvidenceNote == ""):
			e = Undocumented
		default:
			e = Employed
		}
		if e > q.Employment {
			q.Employment, q.Late, q.Evidence = e, c.Late, fu.Evidence
			q.Subsidized = fu.Employed != nil && *fu.Employed && fu.Subsidized
		}
		if fu.Employed != nil && *fu.Employed && !fu.Subsidized {
			em := Employer{Name: fu.Employer, FEIN: fu.EmployerFEIN, StateID: fu.EmployerStateID}
			if !slices.Contains(q.Employers, em) {
				q.Employers = append(q.Employers, em)
			}
			if fu.Earnings != nil {
				to := &q.UnverifiedEarnings
				if e == Employed && record.EvidenceShowsEarnings(fu.Evidence) {
					to = &q.Earnings
				}
				if *to == nil || *fu.Earnings > **to {
					v := *fu.Earnings
					*to = &v
				}
			}
		}
	}
	if q.Employment != Employed {
		q.Evidence = ""
	}
	return q
}

// IdentifiedEmployers returns the quarter's employers that have an ID.
func (q Quarter) IdentifiedEmployers() []Employer {
	var out []Employer
	for _, e := range q.Employers {
		if e.Identified() {
			out = append(out, e)
		}
	}
	return out
}

// AsOf returns f as it stood at the end of day t: what the records date
// after t had not happened yet. A participation, an exit (and with it the
// quarters after exit and the exit's reason, PIRL 923), an exclusion, a
// training service's start, a credential or a skill gain dated after t is
// left out, as is what a follow-up says of a quarter after exit that
// began after t. What was recorded later about a day up to t — a
// follow-up made late on a quarter that began by t — stays: t cuts when
// things happened, the day f was read (FactsOf) what is known of them. A
// t on or after that day changes nothing. The PIRL export reads its rows
// as of the period's end with it.
func (f Facts) AsOf(t time.Time) Facts {
	if f.Participant && f.Participation.After(t) {
		return Facts{Case: f.Case, Name: f.Name, Manager: f.Manager, Program: f.Program, ReturningFrom: f.ReturningFrom, ExitDays: f.ExitDays}
	}
	if !f.PotentialExit.IsZero() && f.ExitKnown.After(t) {
		f.PotentialExit, f.ExitKnown = time.Time{}, time.Time{}
	}
	if !f.Returned.IsZero() && f.Returned.After(t) {
		// No service had hidden the exit by t.
		f.HiddenExit, f.Returned = time.Time{}, time.Time{}
	}
	dated := func(d record.Date) bool { return !mustTime(d).After(t) }
	if !f.Exit.IsZero() && f.Exit.After(t) {
		// Not exited by t: an exclusion dated from participation to t is
		// what one without an exit has (FactsOf), the one that was
		// superseded by services up to the later exit.
		f.Exit, f.Quarters, f.Exclusion = time.Time{}, [5]Quarter{}, nil
		if f.Superseded != nil && dated(f.Superseded.Date) {
			f.Exclusion = f.Superseded
		}
		f.Superseded, f.Late = nil, nil
	}
	if f.Late != nil && !dated(f.Late.Date) {
		f.Late = nil
	}
	if f.Closed.After(t) {
		f.Closed = time.Time{}
	}
	if f.Exclusion != nil && !dated(f.Exclusion.Date) {
		f.Exclusion = nil
	}
	for k := 1; k <= 4; k++ {
		if q := f.Quarters[k]; !f.Exit.IsZero() && q.Span.From.After(t) {
			f.Quarters[k] = Quarter{K: q.K, Span: q.Span}
		}
	}
	f.Training = slices.DeleteFunc(slices.Clone(f.Training), func(s record.PlanService) bool { return !dated(s.Start) })
	f.Credentials = slices.DeleteFunc(slices.Clone(f.Credentials), func(c record.Credential) bool { return !dated(c.Date) })
	f.Gains = slices.DeleteFunc(slices.Clone(f.Gains), func(g record.SkillGain) bool { return !dated(g.Date) })
	return f
}

// OnlyOJTOrCustomized reports whether the participant's training, by the
// exit (or the day, without one), was all on-the-job or customized
// training, which credential attainment leaves out (TEGL 10-16); false
// without training.
func (f Facts) OnlyOJTOrCustomized() bool {
	n := 0
	for _, s := range f.TrainingBy(f.Exit) {
		n++
		if s.TrainingType != record.TrainingOnTheJob && s.TrainingType != record.TrainingCustomized {
			return false
		}
	}
	return n > 0
}

// CredentialWindow is when a credential of the participant's counts: one
// attained during participation or within one year after exit (TEGL
// 10-16; PIRL 1800), from the participation date to a year after exit
// (yearAfterExit), or on from the participation date while no exit is
// recorded. The credential indicator and PIRL 1800-1805 both read it.
func (f Facts) CredentialWindow() calendar.Span {
	w := calendar.Span{From: f.Participation, To: time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC)}
	if !f.Exit.IsZero() {
		w.To = yearAfterExit(f.Exit)
	}
	return w
}

// TrainingBy returns the training services started on or before t (all of
// them when t is zero).
func (f Facts) TrainingBy(t time.Time) []record.PlanService {
	var out []record.PlanService
	for _, s := range f.Training {
		if start, ok := s.Start.Time(); ok && (t.IsZero() || !start.After(t)) {
			out = append(out, s)
		}
	}
	return out
}

// InSkillGainCohort reports whether measurable skill gains counts the
// participant over span (calendar.ReportPeriod.SkillGainSpan): a
// participant during it, in education or training during it while a
// participant — from the participation date to the exit, as PIRL 1300
// reads training (TEGL 10-16; TEGL 14-18, Appendix V). The indicator and
// the PIRL export's rows both read it.
func (f Facts) InSkillGainCohort(span calendar.Span) bool {
	if !f.Participant || f.Participation.After(span.To) || !f.Exit.IsZero() && f.Exit.Before(span.From) {
		return false
	}
	during := span
	if f.Participation.After(during.From) {
		during.From = f.Participation
	}
	if !f.Exit.IsZero() && f.Exit.Before(during.To) {
		during.To = f.Exit
	}
	return f.InTraining(during)
}

// InTraining reports whether a training service of the participant's ran
// during span: it started by span's end and had not ended before its
// start (one with no end date runs on, to the closure on a closed case; a
// completed one without an end date is taken to have run to its start).
func (f Facts) InTraining(span calendar.Span) bool {
	for _, s := range f.Training {
		start, _ := s.Start.Time()
		if start.After(span.To) {
			continue
		}
		end, ok := s.End.Time()
		if !f.Closed.IsZero() && (!ok && s.Status == "" || ok && end.After(f.Closed)) {
			end, ok = f.Closed, true
		}
		switch {
		case ok && end.Before(span.From):
		case !ok && s.Status == "completed" && start.Before(span.From):
		default:
			return true
		}
	}
	return false
}

func compareDates(a, b record.Date) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
