package performance

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

// The indicators, by key (the JSON contract's "key").
const (
	EmploymentQ2    = "employment_q2"
	EmploymentQ4    = "employment_q4"
	MedianEarnings  = "median_earnings_q2"
	Credential      = "credential_attainment"
	SkillGains      = "measurable_skill_gains"
	SameEmployer    = "retention_same_employer"
	kindRate        = "rate"
	kindMedian      = "median"
	sourceTEGL      = "TEGL 10-16, Change 1"
	sourceStatute   = "WIOA sec. 116(b)(2)(A)"
	sourceEmployers = "WIOA sec. 116(b)(2)(A)(i)(VI); TEGL 10-16, Change 1 (retention with the same employer, PIRL 1618)"
)

// Status says how an indicator counted a case.
type Status string

// How an indicator counts a case. The order is the order a report lists
// them in.
const (
	InNumerator   Status = "numerator"   // in the denominator and the numerator (for median earnings: in the median)
	InDenominator Status = "denominator" // in the denominator only
	Excluded      Status = "excluded"    // left out for a PIRL 923 reason
	NotCounted    Status = "not-counted" // in the cohort's time but not in the indicator: why says why
	NotYet        Status = "not-yet"     // the quarter the indicator measures has not ended: not yet in the cohort
)

var statusOrder = map[Status]int{InNumerator: 0, InDenominator: 1, Excluded: 2, NotCounted: 3, NotYet: 4}

// Report is the six primary indicators for a report period, as of a day.
type Report struct {
	Period     calendar.ReportPeriod
	AsOf       time.Time
	Indicators []Indicator
	// Unrecorded are the exits by WIOA's definition dated in one of the
	// report's exit cohorts that a later service hides and no one has
	// recorded (Facts.HiddenExit), by case: the state counts the exits
	// recorded (TEGL 10-16), so each is in no indicator, and the report
	// says so rather than count an exit no record holds.
	Unrecorded []UnrecordedExit
}

// UnrecordedExit is an exit by the definition that a later
// participation-causing service hides, with no exit recorded for it.
type UnrecordedExit struct {
	Case, Name, Manager string
	Exit                time.Time // the last service before the gap: the exit date (PIRL 901)
	Returned            time.Time // the service after the gap, which began a new period of participation
	// Known is the day the exit was known and could be recorded: the day
	// after the last on which a service would still have prevented it.
	Known time.Time
}

// Indicator is one primary indicator: its cohort, its figures and how
// every case in the cohort's time was counted.
type Indicator struct {
	Key    string
	Name   string
	Kind   string // "rate" or "median"
	Source string
	// Cohort is the time whose exits (or, for skill gains, whose
	// participants in education or training) the indicator counts.
	Cohort     calendar.Span
	CohortWhat string // "exits" or "participants in education or training"
	// Measured says what a case in the cohort is measured by, in a case
	// manager's words.
	Measured    string
	Numerator   int
	Denominator int
	Rate        *float64 // Numerator / Denominator; nil when the denominator is 0
	Median      *float64 // for median earnings: the median of the earnings counted; nil when none
	Cases       []Row
	Missing     []Missing
}

// Row is how an indicator counted one case.
type Row struct {
	Case, Name, Manager string
	Date                time.Time // the exit, or for skill gains the participation date
	Status              Status
	Why                 string
	Earnings            *float64 // median earnings: the earnings counted
}

// Missing is an outcome an indicator needs that the records do not hold
// yet: what to record, and by when.
type Missing struct {
	Case, Name, Manager string
	Record              string
	By                  time.Time
	Overdue             bool // By is before the day the report is as of
}

// Compute makes the report for period from the records in snap, as of day.
func Compute(snap *casefile.Snapshot, period calendar.ReportPeriod, day time.Time) *Report {
	return ComputeOf(AllFacts(snap, day), period, day)
}

// AllFacts returns the facts of every WIOA case of snap on day, in the
// snapshot's order of cases.
func AllFacts(snap *casefile.Snapshot, day time.Time) []Facts {
	day = calendar.Day(day)
	var all []Facts
	for _, c := range snap.Cases {
		if f, ok := FactsOf(c, snap.Config, day); ok {
			all = append(all, f)
		}
	}
	return all
}

// ComputeOf makes the report for period from the facts of every WIOA case
// (FactsOf on day, in case ID order): a store of any size is read one case
// at a time into its facts, which are all the indicators need.
func ComputeOf(all []Facts, period calendar.ReportPeriod, day time.Time) *Report {
	day = calendar.Day(day)
	r := &Report{Period: period, AsOf: day}
	q2, q4 := period.SecondQuarterExits(), period.FourthQuarterExits()
	r.Indicators = []Indicator{
		employmentRate(all, q2, 2, day),
		employmentRate(all, q4, 4, day),
		medianEarnings(all, q2, day),
		credentialRate(all, q4, day),
		skillGains(all, period.SkillGainSpan(), day),
		retention(all, q4, day),
	}
	r.Unrecorded = UnrecordedIn(all, q2, q4)
	return r
}

// UnrecordedIn returns the exits by the definition that a later service
// hides, not recorded (Facts.HiddenExit), dated in one of spans, in the
// order of all. The performance report asks it for its exit cohorts, the
// PIRL export for those and the period: an exit there belongs in a row's
// PIRL 901, which the records leave empty.
func UnrecordedIn(all []Facts, spans ...calendar.Span) []UnrecordedExit {
	var out []UnrecordedExit
	for _, f := range all {
		if f.HiddenExit.IsZero() || !slices.ContainsFunc(spans, func(s calendar.Span) bool { return s.Contains(f.HiddenExit) }) {
			continue
		}
		then := calendar.Participation{Date: f.Participation, LastService: f.HiddenExit, ExitDays: f.ExitDays}
		out = append(out, UnrecordedExit{Case: f.Case, Name: f.Name, Manager: f.Manager, Exit: f.HiddenExit, Returned: f.Returned, Known: then.ExitKnown()})
	}
	return out
}

// cohortWalk visits each case whose exit (recorded, or by the definition
// but not recorded) falls in cohort, and decides the rows every exit-based
// indicator shares: an exit not recorded, a non-participant, an exclusion,
// a measured quarter not yet ended. measure decides the rest.
func cohortWalk(ind *Indicator, all []Facts, cohort calendar.Span, ends func(exit time.Time) time.Time, day time.Time, measure func(f Facts, row *Row)) {
	for _, f := range all {
		row := Row{Case: f.Case, Name: f.Name, Manager: f.Manager, Date: f.Exit}
		switch {
		case f.Exit.IsZero() && !f.PotentialExit.IsZero() && cohort.Contains(f.PotentialExit):
			row.Date, row.Status = f.PotentialExit, NotCounted
			row.Why = fmt.Sprintf("no exit recorded, though %d days without a participation-causing service make %s the exit date (TEGL 10-16; PIRL 901): not counted until the exit is recorded", f.ExitDays, date(f.PotentialExit))
			// Due the day the exit could first be recorded, not before.
			ind.missing(f, "the exit: caseplan case exit "+f.Case, f.ExitKnown, day)
		case f.Exit.IsZero() || !cohort.Contains(f.Exit):
			continue
		case !f.Participant:
			row.Status, row.Why = NotCounted, "not a participant: no participation-causing service after eligibility (PIRL 900)"
		case f.Exclusion != nil:
			row.Status, row.Why = Excluded, fmt.Sprintf("left out of the indicators from %s (PIRL 923)", f.Exclusion.Date)
		default:
			// A measured quarter still under way: not yet in the cohort,
			// unless the case is out of the indicator anyway; measure
			// says which, and what to record before the quarter ends.
			if end := ends(f.Exit); end.After(day) {
				row.Status = NotYet
			}
			measure(f, &row)
			if x := f.Superseded; x != nil && f.Exclusion == nil {
				row.Why += fmt.Sprintf("; the reason to leave them out dated %s is before the exit, and services went on after it, so it does not count (PIRL 923: at time of exit or in the three quarters after; a wrong date is corrected with caseplan edit %s outcome)", x.Date, f.Case)
			}
			if x := f.Late; x != nil && f.Exclusion == nil {
				row.Why += fmt.Sprintf("; the reason to leave them out dated %s is outside %s (from the exit through the 3rd quarter after the quarter of exit, PIRL 923), so it does not count", x.Date, calendar.ExclusionSpan(f.Exit))
			}
		}
		if f.ExitDoubt != "" && !f.Exit.IsZero() {
			// Counted by the exit recorded, as the state's report counts
			// it; the row says the date is in doubt (validate's warning
			// wioa-exit-date), for it to be corrected before the report
			// goes out.
			row.Why += fmt.Sprintf("; the exit recorded on %s is in doubt (wioa-exit-date): %s (PIRL 901); counted as recorded", date(f.Exit), f.ExitDoubt)
		}
		ind.Cases = append(ind.Cases, row)
	}
	ind.finish()
}

func (ind *Indicator) missing(f Facts, what string, by, day time.Time) {
	ind.Missing = append(ind.Missing, Missing{Case: f.Case, Name: f.Name, Manager: f.Manager, Record: what, By: by, Overdue: by.Before(day)})
}

// finish sorts the rows and the missing outcomes and works out the rate.
func (ind *Indicator) finish() {
	slices.SortStableFunc(ind.Cases, func(a, b Row) int {
		if d := statusOrder[a.Status] - statusOrder[b.Status]; d != 0 {
			return d
		}
		return strings.Compare(a.Case, b.Case)
	})
	slices.SortStableFunc(ind.Missing, func(a, b Missing) int {
		if c := a.By.Compare(b.By); c != 0 {
			return c
		}
		return strings.Compare(a.Case, b.Case)
	})
	ind.Numerator, ind.Denominator = 0, 0
	for _, r := range ind.Cases {
		switch r.Status {
		case InNumerator:
			ind.Numerator++
			ind.Denominator++
		case InDenominator:
			ind.Denominator++
		}
	}
	if ind.Kind == kindRate && ind.Denominator > 0 {
		rate := float64(ind.Numerator) / float64(ind.Denominator)
		ind.Rate = &rate
	}
}

func quarterEnd(k int) func(time.Time) time.Time {
	return func(exit time.Time) time.Time {
		_, last := calendar.QuarterAfterExit(exit, k)
		return last
	}
}

// followUpToRecord says what a follow-up for quarter q should record.
func followUpToRecord(f Facts, q Quarter, what string) string {
	return fmt.Sprintf("%s for the %s quarter after exit, %s (%s): %s",
		what, calendar.Ordinal(q.K), calendar.QuarterName(q.Span.From), q.Span, calendar.FollowUpAddCommand(f.Case, q.K))
}

// notShown says why quarter q shows no employment, in a row's words: no
// follow-up reports on it, or one does but records no outcome (an
// attempt with no answer, followup add without --employed or
// --not-employed), which a coordinator asked about the row needs to
// tell from a follow-up never tried.
func notShown(q Quarter) string {
	if q.Employment == Unstated {
		return "the follow-up for " + calendar.QuarterName(q.Span.From) + " records no outcome (no answer: employed or not is unknown)"
	}
	return "no follow-up shows employment in " + calendar.QuarterName(q.Span.From)
}

// itIsRecorded is what notShown's quarter waits for: the outcome of the
// follow-up made, or else a follow-up, in the words of none.
func itIsRecorded(q Quarter, none string) string {
	if q.Employment == Unstated {
		return "its outcome is recorded"
	}
	return none
}

// employmentRate is the employment rate in the k-th quarter after exit
// (WIOA sec. 116(b)(2)(A)(i)(I) and (II); TEGL 10-16): of the exiters in
// the cohort, less exclusions, the share in unsubsidised employment in
// the k-th quarter after exit. Until a follow-up shows employment, with
// evidence, an exiter counts as not employed, as the state's wage match
// counts one it finds no wages for; the missing follow-up is listed.
func employmentRate(all []Facts, cohort calendar.Span, k int, day time.Time) Indicator {
	ind := Indicator{
		Key: map[int]string{2: EmploymentQ2, 4: EmploymentQ4}[k], Kind: kindRate,
		Name:       fmt.Sprintf("Employment rate, %s quarter after exit", calendar.Ordinal(k)),
		Source:     sourceStatute + "(i)(" + map[int]string{2: "I", 4: "II"}[k] + "); " + sourceTEGL + " (PIRL " + map[int]string{2: "1602", 4: "1606"}[k] + ")",
		Cohort:     cohort,
		CohortWhat: "exits",
		Measured:   fmt.Sprintf("in unsubsidised employment in the %s calendar quarter after the quarter of exit, shown by a follow-up with evidence", calendar.Ordinal(k)),
	}
	cohortWalk(&ind, all, cohort, quarterEnd(k), day, func(f Facts, row *Row) {
		q := f.Quarters[k]
		qn := calendar.QuarterName(q.Span.From)
		if row.Status == NotYet {
			row.Why = fmt.Sprintf("the %s quarter after exit, %s, ends %s: not yet in the cohort", calendar.Ordinal(k), qn, date(q.Span.To))
			if !q.Span.From.After(day) && q.Employment < NotEmployed {
				ind.missing(f, followUpToRecord(f, q, "a follow-up: employed or not, employer, earnings, evidence"), q.Span.To, day)
			}
			return
		}
		switch q.Employment {
		case Employed:
			row.Status, row.Why = InNumerator, fmt.Sprintf("employed in %s (%s)", qn, q.Evidence)
		case NotEmployed:
			row.Status, row.Why = InDenominator, "not employed in "+qn
			if q.Subsidized {
				row.Why = "only subsidised employment in " + qn + ", which WIOA does not count"
			}
		case Undocumented:
			row.Status, row.Why = InDenominator, "employed in "+qn+", but no evidence is recorded: counted as not employed until it is"
			ind.missing(f, followUpToRecord(f, q, "the evidence of the employment (wage record, pay stubs, employer letter or call, tax records, or a self-attestation and its note)"), q.Span.To, day)
		default:
			row.Status, row.Why = InDenominator, notShown(q)+": counted as not employed until "+itIsRecorded(q, "one is recorded")
			ind.missing(f, followUpToRecord(f, q, "a follow-up: employed or not, employer, earnings, evidence"), q.Span.To, day)
		}
	})
	return ind
}

// medianEarnings is the median of the 2nd quarter's earnings of the
// exiters in unsubsidised employment then (WIOA sec.
// 116(b)(2)(A)(i)(III); TEGL 10-16). Those employed with no earnings
// recorded, or earnings on evidence that does not show them (a
// self-attestation), are left out of the median, and listed.
func medianEarnings(all []Facts, cohort calendar.Span, day time.Time) Indicator {
	ind := Indicator{
		Key: MedianEarnings, Kind: kindMedian,
		Name:       "Median earnings, 2nd quarter after exit",
		Source:     sourceStatute + "(i)(III); " + sourceTEGL + " (PIRL 1704)",
		Cohort:     cohort,
		CohortWhat: "exits",
		Measured:   "the earnings in the 2nd quarter after exit of those in unsubsidised employment then; the median of them",
	}
	var earnings []float64
	cohortWalk(&ind, all, cohort, quarterEnd(2), day, func(f Facts, row *Row) {
		q := f.Quarters[2]
		qn := calendar.QuarterName(q.Span.From)
		if row.Status == NotYet {
			row.Why = fmt.Sprintf("the 2nd quarter after exit, %s, ends %s: not yet in the cohort", qn, date(q.Span.To))
			return
		}
		switch {
		case q.Employment == Employed && q.Earnings != nil && *q.Earnings > 0:
			row.Status, row.Earnings = InNumerator, q.Earnings
			row.Why = fmt.Sprintf("employed in %s, earnings %s", qn, Money(*q.Earnings))
			earnings = append(earnings, *q.Earnings)
		case q.Employment == Employed && q.Earnings != nil:
			row.Status, row.Why = NotCounted, "employed in "+qn+", but its earnings are recorded as 0: not in the median"
			ind.missing(f, followUpToRecord(f, q, "the quarter's earnings, if 0 is not what was earned"), q.Span.To, day)
		case q.Employment == Employed && q.UnverifiedEarnings != nil:
			// TEGL 10-16 and TEGL 26-16 as KNOWLEDGE.md summarises them:
			// earnings evidence is a wage record, pay stubs, an employer
			// letter or call, or tax forms; a self-attestation is not.
			row.Status, row.Why = NotCounted, fmt.Sprintf("employed in %s, but its earnings (%s) are recorded without evidence of earnings (wage record, pay stubs, employer letter or call, tax records): not in the median until they are", qn, Money(*q.UnverifiedEarnings))
			ind.missing(f, followUpToRecord(f, q, "the evidence of the quarter's earnings (wage record, pay stubs, employer letter or call, tax records)"), q.Span.To, day)
		case q.Employment == Employed:
			row.Status, row.Why = NotCounted, "employed in "+qn+", but no earnings are recorded: not in the median until they are"
			ind.missing(f, followUpToRecord(f, q, "the quarter's earnings"), q.Span.To, day)
		default:
			row.Status, row.Why = NotCounted, "not shown employed in "+qn+" (see the employment rate): no earnings to count"
		}
	})
	// Every case in the median is in its "denominator": the count of
	// earnings the median is taken over.
	ind.Denominator = ind.Numerator
	ind.Numerator = 0
	ind.Median = median(earnings)
	return ind
}

// credentialRate is credential attainment (WIOA sec. 116(b)(2)(A)(i)(IV);
// TEGL 10-16): of the exiters who were in education or training other
// than on-the-job or customized training, less exclusions, the share who
// attained a recognised postsecondary credential, or a secondary diploma
// with employment or further education, during participation or within a
// year after exit.
func credentialRate(all []Facts, cohort calendar.Span, day time.Time) Indicator {
	ind := Indicator{
		Key: Credential, Kind: kindRate,
		Name:       "Credential attainment rate",
		Source:     sourceStatute + "(i)(IV); " + sourceTEGL + " (PIRL 1800-1805)",
		Cohort:     cohort,
		CohortWhat: "exits",
		Measured:   "of those in training other than on-the-job or customized training, a recognised credential attained during participation or within a year after exit (a secondary diploma only with employment or further education too)",
	}
	cohortWalk(&ind, all, cohort, quarterEnd(4), day, func(f Facts, row *Row) {
		yearAfter := yearAfterExit(f.Exit)
		training := f.TrainingBy(f.Exit)
		switch {
		case len(training) == 0:
			row.Status, row.Why = NotCounted, "no training service during participation: not in the credential denominator"
			return
		case f.OnlyOJTOrCustomized():
			row.Status, row.Why = NotCounted, "only on-the-job or customized training: left out of the credential denominator (TEGL 10-16)"
			return
		}
		cr, why := attained(f, yearAfter)
		if row.Status == NotYet {
			_, last := calendar.QuarterAfterExit(f.Exit, 4)
			row.Why = fmt.Sprintf("the 4th quarter after exit ends %s: not yet in the cohort", date(last))
			if cr == nil && !yearAfter.Before(day) {
				ind.missing(f, "a recognised credential attained by "+date(yearAfter)+", a year after exit, if one is earned: caseplan credential add "+f.Case, yearAfter, day)
			}
			return
		}
		if cr != nil {
			row.Status, row.Why = InNumerator, why
			return
		}
		row.Status, row.Why = InDenominator, why
	})
	return ind
}

// attained returns the credential that counts for credential attainment
// and why, or nil and why none does.
func attained(f Facts, yearAfter time.Time) (*record.Credential, string) {
	window := f.CredentialWindow()
	why := "no credential recorded from participation (" + date(f.Participation) + ") to a year after exit (" + date(yearAfter) + ")"
	for i, cr := range f.Credentials {
		t, _ := cr.Date.Time()
		switch {
		case !window.Contains(t):
			if t.Before(window.From) {
				why = fmt.Sprintf("the %s of %s was attained before participation", cr.Kind, cr.Date)
			} else {
				why = fmt.Sprintf("the %s of %s came more than a year after exit", cr.Kind, cr.Date)
			}
		case cr.Kind != record.CredentialSecondaryDiploma:
			return &f.Credentials[i], fmt.Sprintf("%s attained %s", cr.Kind, cr.Date)
		default:
			if by, ok := secondaryDiplomaCounts(f, cr, yearAfter); ok {
				return &f.Credentials[i], fmt.Sprintf("secondary diploma attained %s, with %s", cr.Date, by)
			}
			why = fmt.Sprintf("secondary diploma attained %s, but neither employment nor postsecondary education or training is recorded within a year after exit", cr.Date)
		}
	}
	return nil, why
}

// secondaryDiplomaCounts reports whether a secondary diploma counts: the
// participant was also employed (a follow-up with evidence, in a quarter
// after exit starting within the year) or entered postsecondary education
// or training within a year after exit (TEGL 10-16).
func secondaryDiplomaCounts(f Facts, cr record.Credential, yearAfter time.Time) (string, bool) {
	for k := 1; k <= 4; k++ {
		if q := f.Quarters[k]; q.Employment == Employed && !q.Span.From.After(yearAfter) {
			return "employment in " + calendar.QuarterName(q.Span.From), true
		}
	}
	if t, ok := cr.EducationEntered.Time(); ok && !t.After(yearAfter) {
		return "postsecondary education or training entered " + string(cr.EducationEntered), true
	}
	return "", false
}

// skillGains is measurable skill gains (WIOA sec. 116(b)(2)(A)(i)(V);
// TEGL 10-16): of the participants in education or training during the
// program year (to the quarter's end, for a quarterly report), less
// exclusions, the share who made at least one documented gain in it. It
// is not exit-based, and counts each participant once.
func skillGains(all []Facts, span calendar.Span, day time.Time) Indicator {
	ind := Indicator{
		Key: SkillGains, Kind: kindRate,
		Name:       "Measurable skill gains rate",
		Source:     sourceStatute + "(i)(V); " + sourceTEGL + " (PIRL 1806-1810)",
		Cohort:     span,
		CohortWhat: "participants in education or training",
		Measured:   "at least one measurable skill gain documented in the period, during participation",
	}
	for _, f := range all {
		if !f.InSkillGainCohort(span) {
			if row, ok := trainingAfterExit(f, span); ok {
				ind.Cases = append(ind.Cases, row)
			}
			continue
		}
		row := Row{Case: f.Case, Name: f.Name, Manager: f.Manager, Date: f.Participation}
		window := calendar.Span{From: maxTime(span.From, f.Participation), To: span.To}
		if !f.Exit.IsZero() && f.Exit.Before(window.To) {
			window.To = f.Exit
		}
		if x := f.Exclusion; x != nil {
			if t, _ := x.Date.Time(); !t.After(span.To) {
				row.Status, row.Why = Excluded, fmt.Sprintf("left out of the indicators from %s (PIRL 923)", x.Date)
				ind.Cases = append(ind.Cases, row)
				continue
			}
		}
		if g, ok := firstGain(f, window); ok {
			row.Status, row.Why = InNumerator, g
		} else {
			row.Status, row.Why = InDenominator, "in training in the period; no skill gain recorded from "+date(window.From)+" to "+date(window.To)
			if window.To.After(day) {
				// The period still runs: the records say nothing yet of
				// the days after the report's (they are left out).
				row.Why = "in training in the period; no skill gain recorded so far from " + date(window.From) + " to " + date(day) + " (the period runs to " + date(window.To) + ")"
			}
			if !span.To.Before(day) && (f.Exit.IsZero() || f.Exit.After(day)) {
				ind.missing(f, "a measurable skill gain, when one is documented: caseplan skill-gain add "+f.Case, span.To, day)
			}
		}
		ind.Cases = append(ind.Cases, row)
	}
	ind.finish()
	return ind
}

// trainingAfterExit is the row of a participant out of the skill gains
// cohort only because their recorded exit comes before the training they
// were in during span: the records contradict each other (validate's
// warning wioa-exit-date), and whichever is wrong decides whether they
// count. Not counted, as recorded, but said, for the exit or the
// training's dates to be corrected before the report goes out.
func trainingAfterExit(f Facts, span calendar.Span) (Row, bool) {
	if f.Exit.IsZero() || f.ExitDoubt == "" {
		return Row{}, false
	}
	open := f
	open.Exit = time.Time{}
	if !open.InSkillGainCohort(span) {
		return Row{}, false
	}
	return Row{
		Case: f.Case, Name: f.Name, Manager: f.Manager, Date: f.Participation,
		Status: NotCounted,
		Why: fmt.Sprintf("in training in the period only after the exit recorded on %s, which is in doubt (wioa-exit-date): %s (PIRL 901); "+
			"not counted as recorded: correct the exit or the training's dates if either is wrong", date(f.Exit), f.ExitDoubt),
	}, true
}

// firstGain returns the first skill gain (or secondary diploma) dated in
// window, described.
func firstGain(f Facts, window calendar.Span) (string, bool) {
	var best record.Date
	var what string
	for _, g := range f.Gains {
		if t, _ := g.Date.Time(); window.Contains(t) && (best == "" || g.Date < best) {
			best, what = g.Date, g.Kind
		}
	}
	for _, cr := range f.Credentials {
		if t, _ := cr.Date.Time(); cr.Kind == record.CredentialSecondaryDiploma && window.Contains(t) && (best == "" || cr.Date < best) {
			best, what = cr.Date, "secondary diploma"
		}
	}
	if best == "" {
		return "", false
	}
	return fmt.Sprintf("%s on %s", what, best), true
}

// retention is retention with the same employer in the 2nd and 4th
// quarters after exit, the approach to effectiveness in serving employers
// that is measured per participant (WIOA sec. 116(b)(2)(A)(i)(VI); TEGL
// 10-16; PIRL 1618): of the exiters in the 4th-quarter cohort employed in
// the 2nd quarter after exit, less exclusions, the share employed by the
// same employer — the same FEIN or state tax ID — in the 4th.
func retention(all []Facts, cohort calendar.Span, day time.Time) Indicator {
	ind := Indicator{
		Key: SameEmployer, Kind: kindRate,
		Name:       "Effectiveness in serving employers: retention with the same employer",
		Source:     sourceEmployers,
		Cohort:     cohort,
		CohortWhat: "exits",
		Measured:   "of those employed in the 2nd quarter after exit, employed by the same employer (FEIN or state tax ID) in the 4th",
	}
	cohortWalk(&ind, all, cohort, quarterEnd(4), day, func(f Facts, row *Row) {
		q2, q4 := f.Quarters[2], f.Quarters[4]
		n2, n4 := calendar.QuarterName(q2.Span.From), calendar.QuarterName(q4.Span.From)
		// The 2nd quarter's follow-up decides whether the case is in the
		// denominator at all (TEGL 10-16: those employed in the 2nd
		// quarter after exit), and for the exits of the first half of the
		// cohort no other indicator of the period asks for it: their 2nd
		// quarter is counted by the previous period's employment rate.
		askQ2 := func() {
			switch q2.Employment {
			case Undocumented:
				ind.missing(f, followUpToRecord(f, q2, "the evidence of the employment (wage record, pay stubs, employer letter or call, tax records, or a self-attestation and its note)"), q2.Span.To, day)
			case NoFollowUp, Unstated:
				ind.missing(f, followUpToRecord(f, q2, "a follow-up: employed or not, employer and its FEIN or state tax ID, earnings, evidence"), q2.Span.To, day)
			}
		}
		if row.Status == NotYet {
			row.Why = fmt.Sprintf("the 4th quarter after exit, %s, ends %s: not yet in the cohort", n4, date(q4.Span.To))
			if !q2.Span.From.After(day) {
				askQ2()
			}
			if q2.Employment == Employed && len(q2.IdentifiedEmployers()) == 0 {
				ind.missing(f, followUpToRecord(f, q2, "the employer's FEIN or state tax ID"), q2.Span.To, day)
			}
			if !q4.Span.From.After(day) && q4.Employment < NotEmployed && q2.Employment == Employed {
				ind.missing(f, followUpToRecord(f, q4, "a follow-up with the employer's FEIN or state tax ID"), q4.Span.To, day)
			}
			return
		}
		switch q2.Employment {
		case NotEmployed:
			row.Status, row.Why = NotCounted, "not employed in "+n2+": not in the denominator"
			return
		case Undocumented:
			row.Status, row.Why = NotCounted, "employed in "+n2+", but no evidence is recorded: not in the denominator until it is"
			askQ2()
			return
		case NoFollowUp, Unstated:
			row.Status, row.Why = NotCounted, notShown(q2)+": not in the denominator until "+itIsRecorded(q2, "one does")
			askQ2()
			return
		}
		ids2 := q2.IdentifiedEmployers()
		// Without the 2nd quarter's employer ID the case is counted as not
		// retained until it is recorded, unless the 4th quarter already
		// decides it: someone not in unsubsidised employment then is not
		// retained whatever the 2nd quarter's employer was (PIRL 1618
		// writes 0, retentionCode), and asking for an ID that changes
		// nothing sends a case manager after the wrong record.
		if len(ids2) == 0 && q4.Employment != NotEmployed {
			row.Status, row.Why = InDenominator, "employed in "+n2+", but the employer's FEIN or state tax ID is not recorded: counted as not retained until it is"
			ind.missing(f, followUpToRecord(f, q2, "the employer's FEIN or state tax ID"), q2.Span.To, day)
			return
		}
		// The employer kept is the one of the 4th quarter found among the
		// 2nd's, not the 2nd's first: someone who changed jobs within the
		// 2nd quarter is retained by the employer they moved to.
		kept := -1
		if q4.Employment == Employed {
			kept = slices.IndexFunc(q4.IdentifiedEmployers(), func(e Employer) bool {
				return slices.ContainsFunc(ids2, e.Same)
			})
		}
		switch {
		case kept >= 0:
			row.Status, row.Why = InNumerator, fmt.Sprintf("with the same employer in %s and %s (%s)", n2, n4, employerName(q4.IdentifiedEmployers()[kept]))
		case q4.Employment == Employed && len(q4.IdentifiedEmployers()) == 0:
			row.Status, row.Why = InDenominator, "employed in "+n4+", but the employer's FEIN or state tax ID is not recorded: counted as not retained until it is"
			ind.missing(f, followUpToRecord(f, q4, "the employer's FEIN or state tax ID"), q4.Span.To, day)
		case q4.Employment == Employed:
			row.Status, row.Why = InDenominator, "with another employer in "+n4
		case q4.Employment == NotEmployed && q4.Subsidized:
			row.Status, row.Why = InDenominator, "only subsidised employment in "+n4+", which WIOA does not count"
		case q4.Employment == NotEmployed:
			row.Status, row.Why = InDenominator, "not employed in "+n4
		default:
			row.Status, row.Why = InDenominator, notShown(q4)+": counted as not retained until "+itIsRecorded(q4, "one is recorded")
			ind.missing(f, followUpToRecord(f, q4, "a follow-up with the employer's FEIN or state tax ID"), q4.Span.To, day)
		}
	})
	return ind
}

func employerName(e Employer) string {
	if e.Name != "" {
		return e.Name
	}
	if e.FEIN != "" {
		return "FEIN " + e.FEIN
	}
	return "state ID " + e.StateID
}

// median is the median of vs (the mean of the middle two of an even
// number), rounded to the cent; nil when vs is empty.
func median(vs []float64) *float64 {
	if len(vs) == 0 {
		return nil
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	m = math.Round(m*100) / 100
	return &m
}

// Money writes an amount of dollars with cents: 8450.00.
func Money(v float64) string { return fmt.Sprintf("%.2f", v) }

func date(t time.Time) string { return t.Format(time.DateOnly) }

// days says how many days from a to b: "90 days".
func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// yearAfterExit is the last day of the year after exit in which a
// credential still counts (TEGL 10-16: "within one year after exit"),
// counted in calendar months as every "months after" here is: an exit
// on 2024-02-29 has until 2025-02-28, not 2025-03-01.
func yearAfterExit(exit time.Time) time.Time { return calendar.AddMonths(exit, 12) }
