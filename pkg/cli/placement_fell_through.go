package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type placementFellThroughOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; --today when not given
	change   casework.FellThrough
}

func newCmdPlacementFellThrough(g *globals, runF func(*placementFellThroughOptions) error) *cobra.Command {
	opts := &placementFellThroughOptions{globals: g}
	c := &cobra.Command{
		Use:   "fell-through CASE --reason TEXT [--date DATE]",
		Short: "Record that an accepted job offer fell through before the start",
		Long: `Record that the job offer of CASE's placement in effect fell through before
the participant started (the employer withdrew it, the start date was
cancelled), on --date (default: --today), with --reason, and commit it. It
prints the placement's ID.

The placement is not removed: it stays in outcome.yaml with its fell_through
date and reason, and a report about an earlier day reads it as it was known
then. From that day on nothing counts it: the case is not placed, case show
and the tickler go back to the job search, and the reports leave it out. A
work-security candidate whose period (and extension) ended while the offer
was secured is separated after all, from the day after the period's last day
(000 secures a Harvard position, not an offer), unless an extension request
awaits the joint committee's decision. A new offer is recorded with
caseplan placement set.

A date after today, before the offer was recorded or after the job's start
is refused: a job the participant started and then left stays a placement,
and a start put off is corrected with placement set --start. A case closed as
placed is reopened first.` + "\n" + exitStatusHelp,
		Example: `  caseplan placement fell-through WS-001 --date 2026-05-20 \
      --reason "the hiring unit withdrew the offer: the position was frozen"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Date, err = opts.dateOrToday(opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return placementFellThroughRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` the offer fell through (default: --today)")
	f.StringVar(&opts.change.Reason, "reason", "", "why the offer fell through")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("reason")
	return c
}

func placementFellThroughRun(opts *placementFellThroughOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
