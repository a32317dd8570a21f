package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepTargetRemoveOptions struct {
	*globals
	noCommit bool
	change   casework.RemoveJobTarget
}

func newCmdIEPTargetRemove(g *globals, runF func(*iepTargetRemoveOptions) error) *cobra.Command {
	opts := &iepTargetRemoveOptions{globals: g}
	c := &cobra.Command{
		Use:   "remove CASE TARGET",
		Short: "Take a job target out of the job search plan",
		Long: `Take job target TARGET of CASE's job search plan — its ID (JT-K7QX2), its
number (1 for the first, as iep show lists them) or its title — out of the
plan, when the candidate no longer pursues it, and commit it. Its lines are
removed from iep.yaml; git keeps what the plan was. Work security asks for a
job search plan by the layoff date (000): removing the last target leaves
the case without one, which validate reports.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep target remove 2026-K7QX2 'Records clerk'`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Target = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return iepTargetRemoveRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepTargetRemoveRun(opts *iepTargetRemoveOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
