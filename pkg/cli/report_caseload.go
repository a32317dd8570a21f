package cli

import (
	"bytes"
	"fmt"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
)

type reportCaseloadOptions struct {
	reportOptions
	manager string
}

func newCmdReportCaseload(g *globals, runF func(*reportCaseloadOptions) error) *cobra.Command {
	opts := &reportCaseloadOptions{reportOptions: reportOptions{globals: g, label: "report caseload"}}
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

--manager ID reports one case manager's caseload, for a supervisor's
one-to-one: a staff ID of the roster (caseplan staff list), as case list
--manager and due --manager take it; a name or an email is refused (exit
2) with the ID meant. Every table then holds that manager's cases alone,
and every figure is theirs: the programs and the phases count their open
cases, not the office's, and the totals row is labelled "total", not
"all" (the office's). The title names them (and says "retired" for a
manager retired from the roster, whose open cases are still theirs to
hand over), the CSV programs table has a manager column, and the command
that makes the report again carries --manager. A manager with no open
case on the day has a row of zeros. --manager is given once: a second
one is refused (exit 2), not taken in place of the first; make one
report per manager.

Formats: -o text, md, html (a chart of open cases and of overdue items per
case manager), csv (one row per open case, cells neutralised as in report
monthly), json:
  {"report":"caseload","as_of","organization","commit","committed",
   "caseplan","participants","manager" (with --manager only),
   "unread":[{"case","records"}],
   "total":{"open","overdue_contacts","overdue_items","cases_overdue",
   "phases":{"PHASE":count}},"managers":[{"id","name","retired",
   the total's keys,
   "programs":[{"program","name","kind", the total's keys}]}],
   "programs":[{"program","name","kind", the total's keys}],
   "cases":[{"id","participant","manager","program","phase","phase_ends",
   "days_left","last_contact","overdue_items","contact_overdue",
   "next_due":{"case","manager","kind","due","overdue","days","detail",
   "path","line"} or null}]}
"retired" is true for a manager retired from the roster (active: false);
the managers and phases tables of the other formats (CSV's too) name them
"Jo Lee (retired)", as due does. With --manager, "manager" is its ID,
"managers" holds that manager alone and "total" and "programs" count
their cases only.

` + reportHelp + "\n" + exitStatusHelp,
		Example: `  caseplan report caseload               # every manager's open cases, today
  # a supervisor's one-to-one with one case manager
  caseplan report caseload --manager dpatel -o html --out dpatel.html
  # the end of March, one row per open case, for Excel
  caseplan report caseload --as-of 2026-03-31 -o csv --bom --out march.csv`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.reportOptions.check(c); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return reportCaseloadRun(opts)
		},
	}
	onceVar(c.Flags(), &opts.manager, "manager", "report only the caseload of this case manager's staff `ID` (once: one manager a report)")
	addReportFlags(c, &opts.reportOptions)
	return c
}

func reportCaseloadRun(opts *reportCaseloadOptions) error {
	w, err := opts.writer()
	if err != nil {
		return err
	}
	day, err := opts.reportDay()
	if err != nil {
		return err
	}
	cfg, rows, src, err := scanReport(&opts.reportOptions, "report-caseload", []string{"day " + day.Format(time.DateOnly), fmt.Sprint("names ", opts.names)},
		func(c *casefile.Case, cfg *record.Config) (report.CaseloadRow, bool) {
			return report.CaseloadOf(c, cfg, day, opts.names)
		})
	if err != nil {
		return err
	}
	var r *report.Caseload
	if opts.manager == "" {
		r = report.AssembleCaseload(cfg, day, src, opts.names, rows)
	} else {
		// The roster of the commit read, retired members included: a
		// retired manager's open cases are the ones to hand over. An ID
		// off the roster is taken only when it manages a case open on
		// the day, as case list takes one (validate reports the case).
		if _, ok := cfg.StaffByID(opts.manager); !ok && !slices.ContainsFunc(rows, func(row report.CaseloadRow) bool { return row.Manager == opts.manager }) {
			return notOnRoster(cfg, "--manager", opts.manager, managerInRows(rows, func(r report.CaseloadRow) (string, string) { return r.ID, r.Manager }))
		}
		r = report.AssembleManagerCaseload(cfg, day, src, opts.names, rows, opts.manager)
	}
	return opts.writeReport("the caseload report as of "+r.AsOf, func(b *bytes.Buffer) error {
		return w.Caseload(b, r)
	})
}
