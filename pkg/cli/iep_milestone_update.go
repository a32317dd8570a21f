package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepMilestoneUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateMilestone
}

func newCmdIEPMilestoneUpdate(g *globals, runF func(*iepMilestoneUpdateOptions) error) *cobra.Command {
	opts := &iepMilestoneUpdateOptions{globals: g}
	var text, due string
	c := &cobra.Command{
		Use:   "update CASE MILESTONE [--text TEXT] [--due DATE]",
		Short: "Reword a milestone or move its due date",
		Long: `Change the text or the due date of milestone MILESTONE (M-K7QX2, ...) of
CASE's plan and commit it; a milestone always has a due date (001:
attainable within a designated timeframe). The tickler follows the new date.
Record that it was reached with caseplan iep milestone done.` + rewordingHelp("--text") + "\n" + exitStatusHelp,
		Example: `  caseplan iep milestone update 2026-K7QX2 M-9TQ3D --due 2026-05-15`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Milestone = args[0], args[1]
			u.Text = givenFlag(c, "text", &text)
			var err error
			if u.Due, err = givenDate(c, "due", &due); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepMilestoneUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&text, "text", "", "the milestone")
	clearableDateVar(f, &due, "due", "the `DATE` it should be reached")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepMilestoneUpdateRun(opts *iepMilestoneUpdateOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RulePlanDate)
}
