package cli

import (
	"bytes"
	"fmt"
	"slices"
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
	programYear, quarter int // checked into period
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
   "participant","manager","record","by","overdue"}]}]}
  status is numerator, denominator, excluded, not-counted or not-yet; rate
  and median are null when there is none; so_far is the report's day when
  the cohort's span runs past it (counted so far), else null.

` + reportHelp + `` + "\n" + exitStatusHelp,
		Example: `  caseplan report performance --program-year 2025 -o html --out py2025.html`,
		Args:    cobra.NoArgs,
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
// performance report and the PIRL export share.
func addProgramYearFlags(c *cobra.Command, year, quarter *int) {
	c.Flags().IntVar(year, "program-year", 0, "the WIOA program year, `YYYY`: July 1 of YYYY to June 30 of the next year")
	c.Flags().IntVar(quarter, "quarter", 0, "the quarter of the program year, `1-4` (1 is July to September); default: the whole year")
}

// programYearFlags checks --program-year and --quarter.
func programYearFlags(c *cobra.Command, year, quarter int) (calendar.ReportPeriod, error) {
	if !c.Flags().Changed("program-year") {
		return calendar.ReportPeriod{}, &UsageError{Msg: "which program year? --program-year is required", Hint: "name it by the year it starts in: --program-year 2025 is 2025-07-01 to 2026-06-30"}
	}
	if c.Flags().Changed("quarter") && (quarter < 1 || quarter > 4) {
		return calendar.ReportPeriod{}, usageErrorf("--quarter %d: a program year has quarters 1 to 4", quarter)
	}
	p, err := calendar.NewReportPeriod(year, quarter)
	if err != nil {
		err = usageErrorf("--program-year %d: %v", year, err)
		// PY26, as program years are often written, is 2026.
		if year >= 0 && year <= 99 {
			if p, perr := calendar.NewReportPeriod(2000+year, 0); perr == nil {
				return calendar.ReportPeriod{}, hintf(err, "did you mean --program-year %d? It is %s", p.Year, p.Span)
			}
		}
		return calendar.ReportPeriod{}, err
	}
	return p, nil
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
		return time.Time{}, &UsageError{
			Msg:  fmt.Sprintf("%s (%s) has not begun on %s, the report's day (%s)", p.Name(), p.Span, day.Format(time.DateOnly), flag),
			Hint: fmt.Sprintf("name a program year or quarter begun by then, or make the report on a day in or after the period with %s", flag),
		}
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
	if !slices.ContainsFunc(r.Indicators, func(ind report.PerformanceIndicator) bool { return len(ind.Cases) > 0 }) {
		// Every result "none" reads like a board with no outcomes, not a
		// program year no case is in (a mistyped year the likelier cause).
		fmt.Fprintf(opts.env.Stderr, "caseplan: note: no case is in any indicator of %s, so every result is none; %s\n", opts.period.Name(), checkFlag("--program-year", src))
	}
	return opts.writeReport("the performance report for "+opts.period.Name(), func(b *bytes.Buffer) error {
		return w.Performance(b, r)
	})
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
