package performance

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

// PIRLColumns are the PIRL elements (ETA-9172) caseplan holds, in element
// order, each named by its number and name as the PIRL names it, so a
// board can set its records beside the state's. Values are written as the
// PIRL writes them: dates YYYYMMDD, yes/no 1/0, amounts with cents, codes
// as the element's table gives them; a cell the records do not decide is
// empty. The columns after them, "caseplan: ...", are caseplan's own; the
// last, "caseplan: case", is the case the row was read from: PIRL 100 is
// the person's first period's case (PIRLRowsOf), so without it a
// returning participant's later row could not be traced to its records
// when the state asks about it.
var PIRLColumns = []string{
	"100 Unique Individual Identifier",
	"900 Date of Program Participation",
	"901 Date of Program Exit",
	"923 Other Reasons for Exit",
	"1300 Received Training",
	"1302 Date Entered Training #1",
	"1600 Employed in 1st Quarter After Exit Quarter",
	"1602 Employed in 2nd Quarter After Exit Quarter",
	"1604 Employed in 3rd Quarter After Exit Quarter",
	"1606 Employed in 4th Quarter After Exit Quarter",
	"1618 Retention with the Same Employer in the 2nd Quarter and the 4th Quarter",
	"1703 Wages 1st Quarter After Exit Quarter",
	"1704 Wages 2nd Quarter After Exit Quarter",
	"1705 Wages 3rd Quarter After Exit Quarter",
	"1706 Wages 4th Quarter After Exit Quarter",
	"1800 Type of Recognized Credential",
	"1801 Date Attained Recognized Credential",
	"1802 Type of Recognized Credential #2",
	"1803 Date Attained Recognized Credential #2",
	"1804 Type of Recognized Credential #3",
	"1805 Date Attained Recognized Credential #3",
	"1806 Date of Most Recent Measurable Skill Gains: Educational Functioning Level (EFL)",
	"1807 Date of Most Recent Measurable Skill Gains: Postsecondary Transcript/Report Card",
	"1808 Date of Most Recent Measurable Skill Gains: Secondary Transcript/Report Card",
	"1809 Date of Most Recent Measurable Skill Gains: Training Milestone",
	"1810 Date of Most Recent Measurable Skill Gains: Skills Progression",
	"caseplan: program",
	"caseplan: training types",
	"caseplan: evidence 2nd quarter after exit",
	"caseplan: evidence 4th quarter after exit",
	"caseplan: case",
}

// exclusionCodes are PIRL 923's codes for caseplan's exclusion kinds.
var exclusionCodes = map[string]string{
	record.ExclusionInstitutionalized: "01",
	record.ExclusionHealthMedical:     "02",
	record.ExclusionDeceased:          "03",
	record.ExclusionReserveActiveDuty: "04",
}

// gainElements are the skill gain kinds in the order of PIRL 1806-1810.
var gainElements = record.SkillGainKinds

// PIRLRows returns one row per WIOA participant the report for period
// looks at — served in the period, exited in one of its exit cohorts, or
// in training in the program year to the period's end (measurable skill
// gains) —
// by case ID, as of day; cells in the order of PIRLColumns.
func PIRLRows(snap *casefile.Snapshot, period calendar.ReportPeriod, day time.Time) [][]string {
	return PIRLRowsOf(AllFacts(snap, day), period)
}

// PIRLRowsOf is PIRLRows from the facts of every WIOA case (AllFacts).
// A row is the participant as of the period's end (Facts.AsOf), every
// element alike, as the report's indicators count them (TEGL 10-16; TEGL
// 14-18, Appendix V: each indicator counts what happened in its cohort
// period, which ends by the report period's end): what the records date
// after it — an exit, an exclusion, a training service started, a
// credential, a skill gain, a quarter after exit — belongs to a later
// period and is reported by the export whose period it falls in. A
// participant served in the period who exited after its end is written
// as one who has not exited (no 901, 923, 1600-1618 or 1703-1706). What
// was recorded after the period's end about a day in it (a follow-up made
// late, after the wage-record match) is in the row, as of the day the
// facts were read.
// Each period of participation is a row of its own, under the ID of the
// person's first period: PIRL 100 stays the same across a person's
// periods (TEGL 10-16), and caseplan keeps each period as a case that
// names the one before (intake returning_from), so the first case's ID
// is the person's. Rows of one person are in the order of their periods.
func PIRLRowsOf(all []Facts, period calendar.ReportPeriod) [][]string {
	q2, q4 := period.SecondQuarterExits(), period.FourthQuarterExits()
	from := make(map[string]string, len(all))
	for _, f := range all {
		from[f.Case] = f.ReturningFrom
	}
	returningFrom := func(id string) (string, bool) {
		r, ok := from[id]
		return r, ok
	}
	var rows [][]string
	for _, f := range all {
		f = f.AsOf(period.To)
		if !f.Participant {
			continue
		}
		served := !f.Participation.After(period.To) && (f.Exit.IsZero() || !f.Exit.Before(period.From))
		exited := !f.Exit.IsZero() && (q2.Contains(f.Exit) || q4.Contains(f.Exit))
		// Measurable skill gains counts, for a quarterly report, the
		// program year to the quarter's end: some of them exited before
		// the quarter began.
		if served || exited || f.InSkillGainCohort(period.SkillGainSpan()) {
			row := pirlRow(f)
			row[0] = record.FirstPeriod(f.Case, returningFrom)
			rows = append(rows, row)
		}
	}
	// PIRL 900 is YYYYMMDD, so it sorts a person's periods by date.
	slices.SortFunc(rows, func(a, b []string) int { return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1])) })
	return rows
}

// PIRLUnrecorded returns the exits the export of period leaves out of
// PIRL 901 for want of a record: exits by the definition that a later
// service hides, not recorded (Facts.HiddenExit), dated in the period or
// in one of its exit cohorts. Their rows show a participant who has not
// exited, or who exited later, as the records say; the state counts what
// the export holds (TEGL 10-16), so the coordinator is told which exits
// to record before it is sent.
func PIRLUnrecorded(all []Facts, period calendar.ReportPeriod) []UnrecordedExit {
	return UnrecordedIn(all, period.Span, period.SecondQuarterExits(), period.FourthQuarterExits())
}

func pirlRow(f Facts) []string {
	row := []string{f.Case, pirlDate(f.Participation), pirlDate(f.Exit), "", "0", ""}
	if !f.Exit.IsZero() {
		row[3] = "00"
		if f.Exclusion != nil {
			row[3] = exclusionCodes[f.Exclusion.Kind]
		}
	}
	// PIRL 1300 and 1302: training received during participation, as
	// credential attainment reads it (OnlyOJTOrCustomized): a service
	// started after the exit is not this period's (it begins another).
	training := f.TrainingBy(f.Exit)
	if len(training) > 0 {
		row[4], row[5] = "1", pirlDate(mustTime(training[0].Start))
	}
	for k := 1; k <= 4; k++ {
		row = append(row, employedCode(f, k))
	}
	row = append(row, retentionCode(f))
	for k := 1; k <= 4; k++ {
		cell := ""
		if q := f.Quarters[k]; !f.Exit.IsZero() && q.Employment == Employed && q.Earnings != nil {
			cell = Money(*q.Earnings)
		}
		row = append(row, cell)
	}
	// PIRL 1800-1805: the credentials attained during participation or
	// within one year after exit (PIRL 1800; TEGL 10-16), as the
	// credential indicator counts them; a degree from before the
	// participation date is not one.
	var creds []record.Credential
	for _, cr := range f.Credentials {
		if f.CredentialWindow().Contains(mustTime(cr.Date)) {
			creds = append(creds, cr)
		}
	}
	for i := range 3 {
		typ, when := "", ""
		if i < len(creds) {
			cr := creds[i]
			typ, when = strconv.Itoa(slices.Index(record.CredentialKinds, cr.Kind)+1), pirlDate(mustTime(cr.Date))
		}
		row = append(row, typ, when)
	}
	// PIRL 1806-1810: the latest gain of each kind made during
	// participation, as the skill gains indicator counts them: a gain is
	// progress while in education or training (TEGL 10-16), so not one
	// dated before the participation date or after the exit.
	during := calendar.Span{From: f.Participation, To: f.CredentialWindow().To}
	if !f.Exit.IsZero() {
		during.To = f.Exit
	}
	for _, kind := range gainElements {
		latest := ""
		for _, g := range f.Gains {
			if g.Kind == kind && during.Contains(mustTime(g.Date)) {
				latest = pirlDate(mustTime(g.Date)) // gains are sorted by date
			}
		}
		row = append(row, latest)
	}
	var types []string
	for _, s := range training {
		t := s.TrainingType
		if t == "" {
			t = record.TrainingOccupationalSkills
		}
		if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	row = append(row, f.Program, strings.Join(types, ", "), f.Quarters[2].Evidence, f.Quarters[4].Evidence, f.Case)
	return row
}

// employedCode is PIRL 1600-1606 for the k-th quarter after exit: 1
// employed (unsubsidised, with evidence), 0 not employed, empty when the
// records do not say or the quarter has not been reached.
func employedCode(f Facts, k int) string {
	if f.Exit.IsZero() {
		return ""
	}
	switch f.Quarters[k].Employment {
	case Employed:
		return "1"
	case NotEmployed:
		return "0"
	}
	return ""
}

// retentionCode is PIRL 1618, for the participants in the retention
// indicator's denominator — exited, not excluded (PIRL 923) and employed
// in the 2nd quarter after exit (TEGL 10-16, Change 1: the denominator is
// the exiters employed in the 2nd quarter after exit): 1 when employed by
// the same employer (by FEIN or state tax ID) in the 4th quarter too, 0
// when not. Outside the denominator the element does not apply and is
// left blank, as it is while the records do not decide it: a 0 there
// would read as a participant the indicator counts as not retained.
func retentionCode(f Facts) string {
	if f.Exit.IsZero() || f.Exclusion != nil {
		return ""
	}
	q2, q4 := f.Quarters[2], f.Quarters[4]
	if q2.Employment != Employed {
		return "" // not employed in the 2nd quarter, or not shown to be: not in the denominator
	}
	if q4.Employment == NotEmployed {
		return "0" // not employed in the 4th: not retained, whatever the 2nd shows
	}
	if q4.Employment < NotEmployed {
		return ""
	}
	for _, a := range q2.IdentifiedEmployers() {
		if q4.Employment == Employed && slices.ContainsFunc(q4.IdentifiedEmployers(), a.Same) {
			return "1"
		}
	}
	if q4.Employment == Employed && (len(q2.IdentifiedEmployers()) == 0 || len(q4.IdentifiedEmployers()) == 0) {
		return "" // employed both times, but the IDs that decide it are missing
	}
	return "0"
}

func pirlDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("20060102")
}

func mustTime(d record.Date) time.Time {
	t, _ := d.Time()
	return t
}
