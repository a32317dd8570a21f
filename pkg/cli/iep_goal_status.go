package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepGoalStatusOptions struct {
	*globals
	noCommit bool
	change   casework.SetGoalStatus
}

func newCmdIEPGoalStatus(g *globals, runF func(*iepGoalStatusOptions) error) *cobra.Command {
	opts := &iepGoalStatusOptions{globals: g}
	c := &cobra.Command{
		Use:   "status CASE GOAL --status active|achieved|dropped",
		Short: "Mark a goal achieved or dropped (or active again)",
		Long: `Set the status of goal GOAL (G-K7QX2, or G1 in an older plan) of CASE's
plan: achieved when the customer reached it, dropped when the plan no
longer pursues it, active to take it up again. The plan changes as the
customer does (001); git keeps what it was.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep goal status 2026-K7QX2 G-4Z8QK --status achieved`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Goal = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return iepGoalStatusRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Status, "status", "", "`STATUS`: "+choicesOf("iep goal status", "status")+" (required)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("status")
	return c
}

func iepGoalStatusRun(opts *iepGoalStatusOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
