package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/performance"
	"github.com/caseplan/caseplan/pkg/record"
)

// Performance is the WIOA performance report: the six primary indicators
// for a program year (or one of its quarters) as of a day, each with its
// cohort, figures, the cases it counted and did not and why, and the
// outcomes still missing (pkg/performance computes them). Its JSON form is
// the contract of caseplan report performance -o json.
type Performance struct {
	Report       string                 `json:"report"` // "performance"
	ProgramYear  int                    `json:"program_year"`
	Quarter      *int                   `json:"quarter"` // null for the whole program year
	Period       PerformanceSpan        `json:"period"`
	AsOf         string                 `json:"as_of"`
	Organization string                 `json:"organization"`
	Commit       string                 `json:"commit"`
	Committed    string                 `json:"committed"`
	Caseplan     string                 `json:"caseplan"`     // the caseplan version that made the report
	Participants string                 `json:"participants"` // "initials", or "names" with --names
	Unread       []Unread               `json:"unread"`       // records of the commit that could not be read, left out of every figure ([] when none)
	Indicators   []PerformanceIndicator `json:"indicators"`
	// UnrecordedExits are the exits by WIOA's definition, dated in one of
	// the report's exit cohorts, that a later service hides and no one
	// has recorded (performance.Report.Unrecorded): in no figure, since
	// the state counts the exits recorded (TEGL 10-16). [] when none.
	UnrecordedExits []PerformanceUnrecorded `json:"unrecorded_exits"`
}

// PerformanceUnrecorded is an exit a later service hides, not recorded:
// the day of the exit, the service that hid it, and the day it could
// first be recorded (since which it is overdue).
type PerformanceUnrecorded struct {
	Case        string `json:"case"`
	Participant string `json:"participant"`
	Manager     string `json:"manager"`
	Exit        string `json:"exit"`
	Returned    string `json:"returned"`
	Known       string `json:"known"`
}

// PerformanceSpan is a run of days, both ends included.
type PerformanceSpan struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// PerformanceCohort is what an indicator counts: "exits" in a span, or
// "participants in education or training" during it.
type PerformanceCohort struct {
	What string `json:"what"`
	PerformanceSpan
	// SoFar is the report's day when the span runs past it (the skill
	// gains of a program year under way): the cohort is counted so far,
	// since what the records date after the day is left out. Null when
	// the span has ended.
	SoFar *string `json:"so_far"`
}

// PerformanceIndicator is one primary indicator.
type PerformanceIndicator struct {
	Key         string            `json:"key"`
	Name        string            `json:"name"`
	Kind        string            `json:"kind"` // "rate" or "median"
	Source      string            `json:"source"`
	Cohort      PerformanceCohort `json:"cohort"`
	Measured    string            `json:"measured"`
	Numerator   int               `json:"numerator"`   // 0 for the median
	Denominator int               `json:"denominator"` // for the median: the earnings it is taken over
	Rate        *float64          `json:"rate"`        // null for the median, or without a denominator
	Median      *float64          `json:"median"`      // null for the rates, or without earnings
	NotYet      int               `json:"not_yet"`     // cases whose measured quarter has not ended
	Cases       []PerformanceCase `json:"cases"`
	Missing     []PerformanceToDo `json:"missing"`
}

// PerformanceCase is how an indicator counted one case.
type PerformanceCase struct {
	Case        string   `json:"case"`
	Participant string   `json:"participant"`
	Manager     string   `json:"manager"`
	Date        string   `json:"date"`   // the exit, or for skill gains the participation date
	Status      string   `json:"status"` // numerator, denominator, excluded, not-counted or not-yet
	Why         string   `json:"why"`
	Earnings    *float64 `json:"earnings,omitempty"` // median earnings: the earnings counted
}

// PerformanceToDo is an outcome still missing: what to record and by
// when.
type PerformanceToDo struct {
	Case        string `json:"case"`
	Participant string `json:"participant"`
	Manager     string `json:"manager"`
	Record      string `json:"record"`
	By          string `json:"by"`
	Overdue     bool   `json:"overdue"`
}

// BuildPerformance makes the performance report for period as of day from
// the records in snap, read at the commit src names.
func BuildPerformance(snap *casefile.Snapshot, period calendar.ReportPeriod, day time.Time, src Source, names bool) *Performance {
	return BuildPerformanceOf(snap.Config, performance.AllFacts(snap, day), period, day, src, names)
}

// BuildPerformanceOf makes the performance report from the facts of every
// WIOA case (performance.FactsOf on day, in case ID order) and the store
// settings cfg.
func BuildPerformanceOf(cfg *record.Config, all []performance.Facts, period calendar.ReportPeriod, day time.Time, src Source, names bool) *Performance {
	res := performance.ComputeOf(all, period, day)
	r := &Performance{
		Report: "performance", ProgramYear: period.Year,
		Period: PerformanceSpan{dateString(period.From), dateString(period.To)},
		AsOf:   dateString(res.AsOf), Commit: src.Commit, Committed: src.Committed.Format(time.RFC3339), Caseplan: src.Caseplan,
		Participants: shownAs(names), Unread: src.unread(), Indicators: []PerformanceIndicator{},
		UnrecordedExits: []PerformanceUnrecorded{},
	}
	for _, u := range res.Unrecorded {
		r.UnrecordedExits = append(r.UnrecordedExits, PerformanceUnrecorded{
			Case: u.Case, Participant: participant(u.Name, names), Manager: u.Manager,
			Exit: dateString(u.Exit), Returned: dateString(u.Returned), Known: dateString(u.Known),
		})
	}
	if period.Quarter > 0 {
		q := period.Quarter
		r.Quarter = &q
	}
	if cfg != nil {
		r.Organization = cfg.Organization
	}
	for _, ind := range res.Indicators {
		pi := PerformanceIndicator{
			Key: ind.Key, Name: ind.Name, Kind: ind.Kind, Source: ind.Source, Measured: ind.Measured,
			Cohort:    PerformanceCohort{What: ind.CohortWhat, PerformanceSpan: PerformanceSpan{dateString(ind.Cohort.From), dateString(ind.Cohort.To)}},
			Numerator: ind.Numerator, Denominator: ind.Denominator, Rate: ind.Rate, Median: ind.Median,
			Cases: []PerformanceCase{}, Missing: []PerformanceToDo{},
		}
		if ind.Cohort.To.After(res.AsOf) {
			day := dateString(res.AsOf)
			pi.Cohort.SoFar = &day
		}
		for _, c := range ind.Cases {
			if c.Status == performance.NotYet {
				pi.NotYet++
			}
			pi.Cases = append(pi.Cases, PerformanceCase{
				Case: c.Case, Participant: participant(c.Name, names), Manager: c.Manager,
				Date: dateString(c.Date), Status: string(c.Status), Why: c.Why, Earnings: c.Earnings,
			})
		}
		for _, m := range ind.Missing {
			pi.Missing = append(pi.Missing, PerformanceToDo{
				Case: m.Case, Participant: participant(m.Name, names), Manager: m.Manager,
				Record: m.Record, By: dateString(m.By), Overdue: m.Overdue,
			})
		}
		r.Indicators = append(r.Indicators, pi)
	}
	return r
}

// performanceTitle names the report and its period.
func performanceTitle(r *Performance) string {
	name := fmt.Sprintf("WIOA performance report, program year %d", r.ProgramYear)
	if r.Quarter != nil {
		name += fmt.Sprintf(", quarter %d", *r.Quarter)
	}
	return name + " (" + r.Period.From + " to " + r.Period.To + ")"
}

// performanceCommand is the command that makes the report again.
func performanceCommand(r *Performance) string {
	cmd := "caseplan report performance --program-year " + strconv.Itoa(r.ProgramYear)
	if r.Quarter != nil {
		cmd += " --quarter " + strconv.Itoa(*r.Quarter)
	}
	return cmd + " --today " + r.AsOf
}

// performanceAbout says how to read the report, under its title.
func performanceAbout(r *Performance) []string {
	return []string{
		"As of " + r.AsOf + ", by the definitions of TEGL 10-16, Change 1, from what the case managers recorded: the state's figures come later, from the wage-record match.",
		"An exiter with no follow-up showing employment counts as not employed until one is recorded, as the wage match counts one it finds no wages for; what is missing is listed under each indicator, with the day it was due.",
		"A case whose measured quarter has not ended by " + r.AsOf + " is not yet in the cohort. Exclusions (PIRL 923) are shown without their reason.",
	}
}

// unrecordedLine says, under the indicators, how many exits of the
// report's cohorts a later service hides with none recorded, which cases
// they are on, and what records them: "" when none. The figures leave
// them out, as the state's do (it counts the exits recorded, TEGL 10-16);
// the line says they are missing, for the exits to be recorded before the
// state's report is made. It points at the tickler for the steps rather
// than naming them: they are not the same for every case (a case with a
// later exit already on record refuses case exit, and takes an edit of
// exited instead: casestate's unrecordedExitDue says which).
func unrecordedLine(r *Performance) string {
	n := len(r.UnrecordedExits)
	if n == 0 {
		return ""
	}
	var each []string
	for i, u := range r.UnrecordedExits {
		if i == 5 {
			each = append(each, fmt.Sprintf("and %d more", n-5))
			break
		}
		each = append(each, u.Case+" exited "+u.Exit)
	}
	return fmt.Sprintf("Not recorded: %d exit(s) in these cohorts (%s) are in no figure: a later service hides each, and the state counts only exits recorded (TEGL 10-16, PIRL 901); caseplan due --all --kind unrecorded-exit gives the steps that record each, case by case (validate's wioa-unrecorded-exit).",
		n, strings.Join(each, ", "))
}

// result is an indicator's figure: a rate as a percentage, the median in
// dollars, "none" without either.
func (ind PerformanceIndicator) result() string {
	if ind.Kind == "median" {
		if ind.Median == nil {
			return "none"
		}
		return performance.Money(*ind.Median)
	}
	return pct(ind.Rate)
}

// counts says what the result is of.
func (ind PerformanceIndicator) counts() string {
	if ind.Kind == "median" {
		switch ind.Denominator {
		case 0:
			return "no earnings to take the median of"
		case 1:
			return "median of 1 participant's earnings"
		}
		return fmt.Sprintf("median of %d participants' earnings", ind.Denominator)
	}
	return fmt.Sprintf("%d of %d", ind.Numerator, ind.Denominator)
}

// cohortText names the cohort, and says when it is counted so far.
func (ind PerformanceIndicator) cohortText() string {
	s := ind.Cohort.What + " " + ind.Cohort.From + " to " + ind.Cohort.To
	if ind.Cohort.SoFar != nil {
		s += " (so far: to " + *ind.Cohort.SoFar + ")"
	}
	return s
}

func performanceSummaryTable(r *Performance) table {
	t := table{title: "Indicators", headers: []string{"Indicator", "Result", "Of", "Cohort", "Not yet in the cohort", "Missing outcomes"}}
	for _, ind := range r.Indicators {
		t.rows = append(t.rows, []string{ind.Name, ind.result(), ind.counts(), ind.cohortText(), itoa(ind.NotYet), itoa(len(ind.Missing))})
	}
	return t
}

// performanceNotes are the lines under an indicator's heading.
func performanceNotes(ind PerformanceIndicator) []string {
	return []string{
		"Counts: " + ind.Measured + ".",
		"Cohort: " + ind.cohortText() + ".",
		"Result: " + ind.result() + " (" + ind.counts() + ").",
		"Source: " + ind.Source + ".",
	}
}

var statusWords = map[string]string{
	string(performance.InNumerator):   "numerator",
	string(performance.InDenominator): "denominator",
	string(performance.Excluded):      "excluded",
	string(performance.NotCounted):    "not counted",
	string(performance.NotYet):        "not yet",
}

func performanceCaseTable(ind PerformanceIndicator) table {
	date, counted := "Exit", "Counted"
	if ind.Cohort.What != "exits" {
		date = "Participation"
	}
	t := table{title: ind.Name + ": cases", headers: []string{"Case", "Participant", "Manager", date, counted, "Why"}}
	for _, c := range ind.Cases {
		status := statusWords[c.Status]
		if ind.Kind == "median" && c.Status == string(performance.InNumerator) {
			status = "in the median"
		}
		t.rows = append(t.rows, []string{c.Case, c.Participant, c.Manager, c.Date, status, c.Why})
	}
	return t
}

func performanceMissingTable(ind PerformanceIndicator) table {
	t := table{title: ind.Name + ": missing outcomes", headers: []string{"Case", "Participant", "Manager", "Due", "Overdue", "To record"}}
	for _, m := range ind.Missing {
		late := "no"
		if m.Overdue {
			late = "yes"
		}
		t.rows = append(t.rows, []string{m.Case, m.Participant, m.Manager, m.By, late, m.Record})
	}
	return t
}
