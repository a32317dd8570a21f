package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepServiceCancelOptions struct {
	*globals
	noCommit bool
	change   casework.CancelPlanService
}

func newCmdIEPServiceCancel(g *globals, runF func(*iepServiceCancelOptions) error) *cobra.Command {
	opts := &iepServiceCancelOptions{globals: g}
	c := &cobra.Command{
		Use:   "cancel CASE SERVICE",
		Short: "Cancel a plan service that will not be given",
		Long: `Record that service SERVICE (S-K7QX2, ...) of CASE's plan will not be given,
or not given further: its status becomes cancelled. A cancelled service is
not scheduled and causes no participation (TEGL 10-16), so it no longer
keeps a WIOA participant from exiting. Say why in a note. A service already
completed or cancelled is refused.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep service cancel 2026-K7QX2 S-8KQ4T`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Service = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return iepServiceCancelRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepServiceCancelRun(opts *iepServiceCancelOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
