package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseBarrierResolveOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; --today when not given
	change   casework.ResolveBarrier
}

func newCmdCaseBarrierResolve(g *globals, runF func(*caseBarrierResolveOptions) error) *cobra.Command {
	opts := &caseBarrierResolveOptions{globals: g}
	c := &cobra.Command{
		Use:   "resolve CASE BARRIER [--date DATE]",
		Short: "Record that a barrier to employment was addressed",
		Long: `Record that barrier BARRIER of CASE — its ID (BR-K7QX2, as case barrier
add printed it), its number in intake.yaml's barriers (1 for the first) or
its kind (child-care, transportation, ...) — was addressed on --date
(default: --today): its status becomes addressed, with the resolved date. A
barrier already resolved, and a date after today, are refused. Only those
lines of intake.yaml change.` + "\n" + exitStatusHelp,
		Example: `  caseplan case barrier resolve 2026-K7QX2 transportation --date 2026-04-02`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Barrier = args[0], args[1]
			var err error
			if opts.change.Date, err = opts.dateOrToday(opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseBarrierResolveRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` it was addressed (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func caseBarrierResolveRun(opts *caseBarrierResolveOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
