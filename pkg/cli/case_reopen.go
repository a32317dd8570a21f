package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseReopenOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date
	change   casework.ReopenCase
}

func newCmdCaseReopen(g *globals, runF func(*caseReopenOptions) error) *cobra.Command {
	opts := &caseReopenOptions{globals: g}
	c := &cobra.Command{
		Use:   "reopen CASE --date DATE --reason TEXT",
		Short: "Reopen a closed case",
		Long: `Reopen the closed CASE in one commit: status open in intake.yaml, a reopening
(its date and reason) added to outcome.yaml's reopenings, and a note (kind
other) saying when the case had been closed and why it is reopened. The
closure it ends stays in outcome.yaml: closures and reopenings are episodes,
only ever added, so a report of a past month reads the case as it stood
then.

When the case was closed as placed and --reason says the job ended ("job
ended", "laid off again", "lost the job") or the offer fell through ("offer
rescinded", "never started"), a hint on stderr points at
caseplan placement fell-through, for an offer that fell through before the
start (no report should count it); a job the participant started and then
lost stays a placement, counted in the month it started. From the reopening
it no longer places a work-security candidate: they are back in the search
(weekly check-ins from the reopening) while the work security period, with
any approved extension, has days left, and separated once it has none; a
new job is recorded with caseplan placement set.

With roles in force, a case is reopened by its manager (002's designated
counselor), a coordinator, a supervisor or an admin, as it is closed; a
colleague on its team is refused and told whom to ask (README, Roles).` + "\n" + exitStatusHelp,
		Example: `  caseplan case reopen WS-001 --date 2026-07-06 \
      --reason "The placement ended after the probation period"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Date, err = parseDate("date", opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseReopenRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` the case reopened")
	f.StringVar(&opts.change.Reason, "reason", "", "why the case is reopened")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("date")
	_ = c.MarkFlagRequired("reason")
	return c
}

func caseReopenRun(opts *caseReopenOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
