package cli

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/performance"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
)

type reportPerformanceOptions struct {
	reportOptions
	programYear, quarter string // checked into period
	period               calendar.ReportPeriod
}

func newCmdReportPerformance(g *globals, runF func(*reportPerformanceOptions) error) *cobra.Command {
	opts := &reportPerformanceOptions{reportOptions: reportOptions{globals: g, label: "report performance"}}
	c := &cobra.Command{
		Use:   "performance --program-year YYYY [--quarter 1-4]",
		Short: "WIOA's six primary indicators of performance, from the records",
		Long: `The six primary indicators of performance WIOA judges a board by (WIOA sec.
116(b)(2)(A); TEGL 10-16, Change 1), computed from what the case managers
recorded, for program year YYYY (July 1 of YYYY to June 30 of the next year)
or, with --quarter N, its quarterly report (quarter 1 is July to September):

  employment_q2            of the exiters, less exclusions, the share in
                           unsubsidised employment in the 2nd calendar quarter
                           after the quarter of exit
  employment_q4            the same, in the 4th quarter after exit
  median_earnings_q2       the median of the 2nd quarter's earnings of those
                           employed then
  credential_attainment    of the exiters who were in training other than
                           on-the-job or customized training, the share with a
                           recognised credential during participation or
                           within a year after exit (a secondary diploma only
                           with employment or further education too)
  measurable_skill_gains   of the participants in education or training during
                           the program year (to the quarter's end), the share
                           with a documented skill gain in it
  retention_same_employer  effectiveness in serving employers: of the exiters
                           employed in the 2nd quarter after exit, the share
                           with the same employer (FEIN or state tax ID) in
                           the 4th quarter

Each counts the cohort the state's report does: the employment rate in the 2nd
quarter after exit and median earnings, the exits of the four quarters ending a
year before the period ends (for program year 2025, 2024-07-01 to 2025-06-30);
the 4th quarter, credentials and retention, the exits of the four quarters
ending a year and a half before (2024-01-01 to 2024-12-31). Each lists the
cases it counted and did not, and why: numerator, denominator, excluded
(PIRL 923; the reason is not shown), not counted, and not yet in the cohort
when the quarter it measures has not ended by the day the report is as of.
An exiter with no follow-up showing employment counts as not employed, as the
wage match counts one it finds no wages for, until one is recorded; under
"missing outcomes" each indicator lists what to record for whom (caseplan
followup add, credential add, skill-gain add, case exit) and by when.

The day is --today; with --as-of DATE it is DATE. What the records date after
it is left out. A program year or quarter that has not begun on that day is
refused (exit 2): who is served in it is not known yet. One no case is in
(a mistyped year) has every result none, and stderr says so.

Formats: -o text, md, html (one page, with a chart of the rates as inline SVG),
csv (one row per indicator and case, and one with empty case cells for an
indicator no case is in, with the indicator's figures, the program year and
the commit on every row), json:
  {"report":"performance","program_year","quarter" (null for the year),
   "period":{"from","to"},"as_of","organization","commit","committed",
   "caseplan","participants","unread":[{"case","records"}],
   "indicators":[{"key","name","kind" ("rate" or "median"),
   "source","cohort":{"what","from","to","so_far"},"measured","numerator",
   "denominator","rate","median","not_yet","cases":[{"case","participant",
   "manager","date","status","why","earnings"}],"missing":[{"case",
   "participant","manager","record","by","overdue"}]}],
   "unrecorded_exits":[{"case","participant","manager","exit","returned",
   "known"}]}
  status is numerator, denominator, excluded, not-counted or not-yet; rate
  and median are null when there is none; so_far is the report's day when
  the cohort's span runs past it (counted so far), else null.
  unrecorded_exits are the exits by WIOA's definition in the cohorts that a
  later service (on returned) hides and no one recorded: in no figure, as
  the state counts only exits recorded (TEGL 10-16); known is the day each
  could first be recorded. The text, Markdown and HTML reports say them in
  a line under the indicators, and stderr warns of them in every format.

` + reportHelp + `` + "\n" + exitStatusHelp,
		Example: `  caseplan report performance --program-year 2025 -o html --out py2025.html
  # the quarter ending 2026-12-31 (quarter 1 is July to September):
  caseplan report performance --program-year 2026 --quarter 2`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.check(c); err != nil {
				return err
			}
			var err error
			if opts.period, err = programYearFlags(c, opts.programYear, opts.quarter); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return reportPerformanceRun(opts)
		},
	}
	addProgramYearFlags(c, &opts.programYear, &opts.quarter)
	addReportFlags(c, &opts.reportOptions)
	return c
}

// addProgramYearFlags adds --program-year and --quarter, which the
// performance report and the PIRL export share. They are read as text, so
// that a year or a quarter written as on paper (PY26, 2026-27, 2026Q4, Q2)
// gets a hint in caseplan's words rather than pflag's "invalid syntax".
func addProgramYearFlags(c *cobra.Command, year, quarter *string) {
	c.Flags().StringVar(year, "program-year", "", "the WIOA program year, `YYYY`: July 1 of YYYY to June 30 of the next year")
	c.Flags().StringVar(quarter, "quarter", "", "the quarter of the program year, `1-4` (1 is July to September); default: the whole year")
}

// recentProgramYears are what Tab offers for --program-year: the program
// year --today is in, then the three before it (exit cohorts reach back a
// year and more), each with its span.
func (g *globals) recentProgramYears() []string {
	today, err := g.todayDate()
	if err != nil {
		return nil
	}
	var out []string
	for i, py := 0, calendar.ProgramYearOn(today); i < 4; i++ {
		p, err := calendar.NewReportPeriod(py-i, 0)
		if err != nil {
			break
		}
		desc := p.Span.String()
		if i == 0 {
			desc = "this program year, " + desc
		}
		out = append(out, fmt.Sprintf("%d\t%s", p.Year, desc))
	}
	return out
}

var (
	// PY26, PY2026, PY 2026
	pyYear = regexp.MustCompile(`^(?i)py\s*-?\s*([0-9]{2}|[0-9]{4})$`)
	// 2026-27, 2026/27, 2026-2027: a program year written as its two years
	twoYears = regexp.MustCompile(`^([0-9]{4})\s*[-/–]\s*([0-9]{2}|[0-9]{4})$`)
)

// programYearOf reads --program-year: four digits, the year the program
// year starts in. A year written as it often is on paper (PY26, PY2026,
// 2026-27) is refused with a hint naming the program year it would be
// (a hint, not a guess acted on: the report is a board's figure).
func programYearOf(v string) (int, error) {
	s := strings.TrimSpace(v)
	if n, err := strconv.Atoi(s); err == nil {
		if _, err := calendar.NewReportPeriod(n, 0); err != nil {
			err = usageErrorf("--program-year %d: %v", n, err)
			// PY26, as program years are often written, is 2026.
			if n >= 0 && n <= 99 {
				return 0, yearHint(err, 2000+n)
			}
			return 0, err
		}
		return n, nil
	}
	err := usageErrorf("--program-year %q: not a program year; name it by the year it starts in, in four digits", v)
	if m := pyYear.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n <= 99 {
			n += 2000
		}
		return 0, yearHint(err, n)
	}
	if m := twoYears.FindStringSubmatch(s); m != nil {
		first, _ := strconv.Atoi(m[1])
		second, _ := strconv.Atoi(m[2])
		if second == first+1 || (len(m[2]) == 2 && second == (first+1)%100) {
			return 0, yearHint(err, first)
		}
	}
	return 0, hintf(err, "--program-year 2026 is 2026-07-01 to 2027-06-30")
}

// yearHint adds to err the hint that program year year was meant, when
// there is such a program year.
func yearHint(err error, year int) error {
	p, perr := calendar.NewReportPeriod(year, 0)
	if perr != nil {
		return err
	}
	return hintf(err, "did you mean --program-year %d? It is %s", p.Year, p.Span)
}

// quarterOf reads --quarter: 1 to 4, the quarter of the program year, which
// starts on July 1 (TEGL 10-16, Change 1), so its quarters are not the
// calendar's. A quarter written as the calendar names it — 2026Q4,
// Q4-2026, the quarter ending 2026-12-31 — is refused with a hint naming
// the program year and quarter it is; Q2 with one for each reading.
func quarterOf(v string) (int, error) {
	s := strings.TrimSpace(v)
	if n, err := strconv.Atoi(s); err == nil {
		if n < 1 || n > 4 {
			return 0, hintf(usageErrorf("--quarter %d: a program year has quarters 1 to 4", n), "%s", programQuarters)
		}
		return n, nil
	}
	err := usageErrorf("--quarter %q: not a quarter of a program year; give its number, 1 to 4 (1 is July to September)", v)
	year, q, ok := calendar.ParseCalendarQuarter(s)
	if !ok {
		return 0, err
	}
	if year == 0 {
		asProgram, _ := calendar.NewReportPeriod(calendar.FirstProgramYear, q)
		asCalendar, _ := calendar.ReportPeriodOfCalendarQuarter(calendar.FirstProgramYear+1, q)
		return 0, hintf(err, "did you mean --quarter %d, %s? The calendar's Q%d, %s, is --quarter %d",
			q, monthsOf(asProgram.Span), q, monthsOf(asCalendar.Span), asCalendar.Quarter)
	}
	p, perr := calendar.ReportPeriodOfCalendarQuarter(year, q)
	if perr != nil {
		return 0, err
	}
	return 0, hintf(err, "the calendar's %d Q%d (%s) is %s: did you mean --program-year %d --quarter %d?", year, q, p.Span, p.Name(), p.Year, p.Quarter)
}

// programQuarters says which months each --quarter is, for a coordinator
// who counts quarters as the calendar does.
const programQuarters = "a program year's quarters begin in July: --quarter 1 is July to September, 2 October to December, 3 January to March, 4 April to June"

// monthsOf names a quarter's months: "October to December".
func monthsOf(s calendar.Span) string {
	return s.From.Month().String() + " to " + s.To.Month().String()
}

// programYearFlags checks --program-year and --quarter.
func programYearFlags(c *cobra.Command, year, quarter string) (calendar.ReportPeriod, error) {
	// The quarter first: one written as the calendar names it (--quarter
	// 2026Q4, with no --program-year) is answered with the program year
	// and quarter it is, both flags, which "--program-year is required"
	// would leave the coordinator to work out.
	q := 0
	if c.Flags().Changed("quarter") {
		var err error
		if q, err = quarterOf(quarter); err != nil {
			return calendar.ReportPeriod{}, err
		}
	}
	if !c.Flags().Changed("program-year") {
		return calendar.ReportPeriod{}, &UsageError{Msg: "which program year? --program-year is required", Hint: "name it by the year it starts in: --program-year 2025 is 2025-07-01 to 2026-06-30"}
	}
	y, err := programYearOf(year)
	if err != nil {
		return calendar.ReportPeriod{}, err
	}
	return calendar.NewReportPeriod(y, q)
}

// reportDay is the day a report is as of: --as-of, else --today.
func (o *reportOptions) reportDay() (time.Time, error) {
	if o.asOf != "" {
		return parseDate("as-of", o.asOf)
	}
	return o.todayDate()
}

// periodDay is the day a report of a program year (or its quarter) is as
// of, refusing a period that has not begun on that day: who was served
// and who exited in it would be a projection of what is known today, not
// what the records say of it.
func (o *reportOptions) periodDay(p calendar.ReportPeriod) (time.Time, error) {
	day, err := o.reportDay()
	if err != nil {
		return time.Time{}, err
	}
	if day.Before(p.From) {
		flag := "--today"
		if o.asOf != "" {
			flag = "--as-of"
		}
		e := &UsageError{
			Msg:  fmt.Sprintf("%s (%s) has not begun on %s, the report's day (%s)", p.Name(), p.Span, day.Format(time.DateOnly), flag),
			Hint: fmt.Sprintf("name a program year or quarter begun by then, or make the report on a day in or after the period with %s", flag),
		}
		if p.Quarter > 0 {
			// --quarter 4 for October to December, counted as the
			// calendar counts, is the likelier slip than a report made
			// too early.
			e.Hint += "; " + programQuarters
		}
		return time.Time{}, e
	}
	return day, nil
}

func reportPerformanceRun(opts *reportPerformanceOptions) error {
	w, err := opts.writer() // for csv, with --bom
	if err != nil {
		return err
	}
	day, err := opts.periodDay(opts.period)
	if err != nil {
		return err
	}
	cfg, all, src, err := scanFacts(&opts.reportOptions, day)
	if err != nil {
		return err
	}
	r := report.BuildPerformanceOf(cfg, all, opts.period, day, src, opts.names)
	if !slices.ContainsFunc(r.Indicators, func(ind report.PerformanceIndicator) bool { return len(ind.Cases) > 0 }) && len(r.UnrecordedExits) == 0 {
		// Every result "none" reads like a board with no outcomes, not a
		// program year no case is in (a mistyped year the likelier cause).
		fmt.Fprintf(opts.env.Stderr, "caseplan: note: no case is in any indicator of %s, so every result is none; %s\n", opts.period.Name(), checkFlag("--program-year", src))
	}
	// The report says it under its table; a CSV has no place for it,
	// and a coordinator reading the terminal hears it there too.
	var hidden []string
	for _, u := range r.UnrecordedExits {
		hidden = append(hidden, u.Case)
	}
	warnUnrecordedExits(opts.env.Stderr, hidden, "no indicator counts them")
	return opts.writeReport("the performance report for "+opts.period.Name(), func(b *bytes.Buffer) error {
		return w.Performance(b, r)
	})
}

// warnUnrecordedExits tells on stderr of the exits a later service hides
// that no one has recorded (performance.UnrecordedIn), naming the first
// five cases (hidden: their case IDs): what says so in the output (left out of what) and the
// command that lists them with what to record — the tickler's steps, not
// case exit's: a case with a later exit on record refuses it.
func warnUnrecordedExits(w io.Writer, hidden []string, what string) {
	if len(hidden) == 0 {
		return
	}
	ids := hidden
	if len(ids) > 5 {
		ids = append(ids[:5:5], "...")
	}
	fmt.Fprintf(w, "caseplan: warning: %d exit(s) by WIOA's definition that a later service hides are not recorded (%s), so %s (TEGL 10-16)\n", len(hidden), strings.Join(ids, ", "), what)
	fmt.Fprintf(w, "caseplan: hint: caseplan due --all --kind unrecorded-exit lists them, each with the steps that record it (they differ for a case with a later exit already on record)\n")
}

// scanFacts reads the WIOA cases of the commit the options name into what
// the performance report and the PIRL export are made from, one case at a
// time and from the cache for a case that did not change.
func scanFacts(o *reportOptions, day time.Time) (*record.Config, []performance.Facts, report.Source, error) {
	day = calendar.Day(day)
	return scanReport(o, "performance-facts", []string{"day " + day.Format(time.DateOnly)},
		func(c *casefile.Case, cfg *record.Config) (performance.Facts, bool) {
			return performance.FactsOf(c, cfg, day)
		})
}
