package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepMilestoneAddOptions struct {
	*globals
	noCommit bool
	due      string // parsed into change.Due
	change   casework.AddMilestone
}

func newCmdIEPMilestoneAdd(g *globals, runF func(*iepMilestoneAddOptions) error) *cobra.Command {
	opts := &iepMilestoneAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --goal GOAL --text TEXT --due DATE",
		Short: "Add a dated milestone to a goal; prints its ID",
		Long: `Add a milestone to goal GOAL of CASE's plan and print its ID (e.g.
M-K7QX2; unique across all the plan's goals). A milestone marks when a step
of the plan is complete or an objective achieved; it is specific, measurable
and attainable within a designated timeframe (001), so it has a due date.
caseplan iep milestone done records when it is reached. A due date more
than plan_date_max_months (36, caseplan's choice; cases/caseplan.yaml
settings) after today is written with a warning (plan-date): a typo in
the year?` + "\n" + exitStatusHelp,
		Example: `  caseplan iep milestone add 2026-K7QX2 --goal G-4Z8QK \
      --text 'Enrolled in a CNA course' --due 2026-04-30`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Due, err = optionalDate("due", opts.due); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepMilestoneAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Goal, "goal", "", "the `GOAL` it belongs to, e.g. G-4Z8QK (required)")
	f.StringVar(&opts.change.Text, "text", "", "what will have happened (required)")
	dateVar(f, &opts.due, "due", "the `DATE` it should be reached (required)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("goal")
	_ = c.MarkFlagRequired("text")
	_ = c.MarkFlagRequired("due")
	return c
}

func iepMilestoneAddRun(opts *iepMilestoneAddOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly, validate.RulePlanDate)
}
