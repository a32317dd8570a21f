package cli

import (
	"bytes"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
)

func newCmdReportCaseload(g *globals, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{globals: g, label: "report caseload"}
	c := &cobra.Command{
		Use:   "caseload",
		Short: "Open cases per case manager and program, with what is overdue",
		Long: `The caseload report, for workload management (001: supervisors use data on
caseloads to understand case managers' workloads): the cases open on the
day, per case manager and per program, with the due items overdue on it
(the items of caseplan case show and the tickler), the open cases of each
case manager by phase (as caseplan case show names it on the day: a column
per phase some case is in), and one row per open case with its next due
item.

The day is --today; with --as-of DATE it is DATE. A case belongs to the
case manager it was with on the day (a transfer dated later is undone).

  open              open cases
  overdue_contacts  cases overdue for their program's contact or check-in
  overdue_items     due items before the day and not done, contacts included
  cases_overdue     cases with at least one overdue item
  phases            open cases by phase, only the phases some case is in
                    ("unknown": a program caseplan.yaml does not name)

Formats: -o text, md, html (a chart of open cases and of overdue items per
case manager), csv (one row per open case, cells neutralised as in report
monthly), json:
  {"report":"caseload","as_of","organization","commit","committed",
   "caseplan","participants","unread":[{"case","records"}],
   "total":{"open","overdue_contacts","overdue_items","cases_overdue",
   "phases":{"PHASE":count}},"managers":[{"id","name", the total's keys,
   "programs":[{"program","name","kind", the total's keys}]}],
   "programs":[{"program","name","kind", the total's keys}],
   "cases":[{"id","participant","manager","program","phase","phase_ends",
   "days_left","last_contact","overdue_items","contact_overdue",
   "next_due":{"case","manager","kind","due","overdue","days","detail",
   "path","line"} or null}]}

` + reportHelp + "\n" + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.check(c); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return reportCaseloadRun(opts)
		},
	}
	addReportFlags(c, opts)
	return c
}

func reportCaseloadRun(opts *reportOptions) error {
	w, err := opts.writer()
	if err != nil {
		return err
	}
	var day time.Time
	if opts.asOf != "" {
		day, err = parseDate("as-of", opts.asOf)
	} else {
		day, err = opts.todayDate()
	}
	if err != nil {
		return err
	}
	cfg, rows, src, err := scanReport(opts, "report-caseload", []string{"day " + day.Format(time.DateOnly), fmt.Sprint("names ", opts.names)},
		func(c *casefile.Case, cfg *record.Config) (report.CaseloadRow, bool) {
			return report.CaseloadOf(c, cfg, day, opts.names)
		})
	if err != nil {
		return err
	}
	r := report.AssembleCaseload(cfg, day, src, opts.names, rows)
	return opts.writeReport("the caseload report as of "+r.AsOf, func(b *bytes.Buffer) error {
		return w.Caseload(b, r)
	})
}
