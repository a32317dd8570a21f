package cli

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/performance"
	"github.com/caseplan/caseplan/pkg/report"
)

type exportPIRLOptions struct {
	reportOptions
	programYear, quarter string // checked into period
	period               calendar.ReportPeriod
}

func newCmdExportPIRL(g *globals, runF func(*exportPIRLOptions) error) *cobra.Command {
	opts := &exportPIRLOptions{reportOptions: reportOptions{globals: g, label: "export pirl"}}
	c := &cobra.Command{
		Use:   "pirl --program-year YYYY [--quarter 1-4]",
		Short: "One row per WIOA participant with the PIRL elements recorded",
		Long: `A PIRL-style export (the Participant Individual Record Layout, ETA-9172):
one row per WIOA participant that caseplan report performance looks at for
program year YYYY (or its quarter N) — served in the period, exited in one
of its exit cohorts, or in training from the program year's start to the
period's end (measurable skill gains) — by case ID, with the PIRL elements
the records hold, so a board can set its records beside the state's.

Columns are named by element number and name: 100 (the case ID, never an
SSN; for a participant who exited and came back, each period of
participation is a row of its own under the ID of the first period's case,
as case new --returning-from chains them, TEGL 10-16), 900 and 901
(participation and exit), 923 (other reasons for exit: 00 none, 01
institutionalized, 02 health/medical, 03 deceased, 04 reserve called to
active duty), 1300 and 1302 (training started during participation, by the
exit), 1600-1606 (employed in the 1st to 4th quarter after exit: 1 yes, 0
no), 1618 (retention with the same employer: 1 or 0 for those employed in
the 2nd quarter after exit and not excluded, empty for the others),
1703-1706 (the quarters' wages, when evidence that shows earnings records
them: not a self-attestation), 1800-1805 (credential types, as PIRL 1800
codes them, and dates: those attained during participation or within a year
after exit), 1806-1810 (the latest measurable skill gain of each kind made
during participation, from the participation date to the exit). Dates are
YYYYMMDD; a cell the records do not decide is empty (an employment without
evidence, say). Then caseplan's own columns: the program, the training
types, the evidence of the 2nd and 4th quarters' employment, the case the
row was read from (for a returning participant's later period, not the
case in 100), and on every row the program year, the day the export is as
of and the commit it was read from. Participants' names are not in it.

A row is the participant as of the period's end, every element alike, as
the report's indicators count them (TEGL 10-16; TEGL 14-18, Appendix V):
what the records date after it — an exit (so no 901, 923 or quarters after
exit), an exclusion, a training start, a credential, a skill gain, a
quarter after exit that began after it — is left out, as the export of the
period it falls in reports it. A follow-up recorded after the period's end
on a quarter that began in it is in the row, as of the day.

The day is --today; with --as-of DATE it is DATE. A program year or quarter
that has not begun on that day is refused (exit 2). One with no participant
(a mistyped year) is exported as the header row alone, and stderr says so.

Formats: -o csv (RFC 4180, a header row, cells neutralised as in the reports),
json: {"export":"pirl","program_year","quarter","as_of","organization",
"commit","committed","columns":[...],"rows":[[...]]}.

` + reportSourceHelp + `` + "\n" + exitStatusHelp,
		Example: `  caseplan export pirl --program-year 2025 --out pirl-py2025.csv
  # the quarter ending 2026-12-31 (quarter 1 is July to September):
  caseplan export pirl --program-year 2026 --quarter 2 --out pirl-2026-q2.csv`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, report.PIRLFormats...); err != nil {
				return err
			}
			if err := opts.checkCommit(); err != nil {
				return err
			}
			var err error
			if opts.period, err = programYearFlags(c, opts.programYear, opts.quarter); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return exportPIRLRun(opts)
		},
	}
	addProgramYearFlags(c, &opts.programYear, &opts.quarter)
	addOutputFlag(c, &opts.output, report.PIRLFormats...)
	f := c.Flags()
	outputFileVar(f, &opts.out, "out", "to write to stdout", "write the export to `FILE` (atomically) instead of stdout")
	addCommitFlags(f, &opts.reportOptions, "export the records")
	return c
}

func exportPIRLRun(opts *exportPIRLOptions) error {
	day, err := opts.periodDay(opts.period)
	if err != nil {
		return err
	}
	cfg, all, src, err := scanFacts(&opts.reportOptions, day)
	if err != nil {
		return err
	}
	e := report.BuildPIRLOf(cfg, all, opts.period, day, src)
	if len(e.Rows) == 0 {
		// A file of headers alone looks like an export to whoever uploads
		// it; a mistyped year is the likelier cause.
		fmt.Fprintf(opts.env.Stderr, "caseplan: note: no WIOA participant was served in %s or exited in its cohorts, so the export has no rows; %s\n", opts.period.Name(), checkFlag("--program-year", src))
	}
	var hidden []string
	for _, u := range performance.PIRLUnrecorded(all, opts.period) {
		hidden = append(hidden, u.Case)
	}
	warnUnrecordedExits(opts.env.Stderr, hidden, "no row's PIRL 901 has them")
	return opts.writeReport("the PIRL export for "+opts.period.Name(), func(b *bytes.Buffer) error {
		return report.WritePIRL(b, opts.output, e)
	})
}
