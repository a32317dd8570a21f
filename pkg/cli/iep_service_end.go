package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepServiceEndOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" (--today) when not given
	change   casework.EndPlanService
}

func newCmdIEPServiceEnd(g *globals, runF func(*iepServiceEndOptions) error) *cobra.Command {
	opts := &iepServiceEndOptions{globals: g}
	c := &cobra.Command{
		Use:   "end CASE SERVICE [--date DATE]",
		Short: "Record that a plan service ended, completed",
		Long: `Record that service SERVICE (S-K7QX2, ...) of CASE's plan was completed on
--date (default: --today): its end becomes that day and its status
completed, so it is no longer scheduled (for WIOA, the 90 days to exit run
from the last participation-causing service: TEGL 10-16). A service already
completed or cancelled, one that starts after the date, and a date after
today are refused.

On a closed case nothing is served after the closing: an end dated after
it is refused. A training course the participant finished after the
closing is recorded with caseplan iep course status CASE COURSE --status
completed, and a service the closing cut short with caseplan iep service
cancel.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep service end 2026-K7QX2 S-2HX7M --date 2026-06-26`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Service = args[0], args[1]
			var err error
			if opts.change.Date, err = optionalDate("date", opts.date); err != nil { // "": --today, which casework names
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepServiceEndRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` it ended (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepServiceEndRun(opts *iepServiceEndOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
