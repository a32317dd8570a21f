package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepGoalAddOptions struct {
	*globals
	noCommit bool
	target   string // parsed into change.Target
	change   casework.AddGoal
}

func newCmdIEPGoalAdd(g *globals, runF func(*iepGoalAddOptions) error) *cobra.Command {
	opts := &iepGoalAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --term short|long --text TEXT [--target DATE]",
		Short: "Add a goal to the plan; prints its ID",
		Long: `Add a goal to CASE's plan, active, and print its ID (e.g. G-K7QX2).

A goal says what the customer wants to achieve, generally a specific
employment goal (001). Short-term goals cover the time services are
rendered; long-term goals the 9 to 12 months after the customer exits the
program (001). --target is the date it should be reached; one more than
plan_date_max_months (36, caseplan's choice; cases/caseplan.yaml settings)
after today is written with a warning (plan-date): a typo in the year?` + "\n" + exitStatusHelp,
		Example: `  caseplan iep goal add 2026-K7QX2 --term short \
      --text 'Certified Nursing Assistant' --target 2026-09-30`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Target, err = optionalDate("target", opts.target); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepGoalAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Term, "term", "", "`TERM`: "+choicesOf("iep goal add", "term")+", a goal for while services are given or for 9 to 12 months after exit (required)")
	f.StringVar(&opts.change.Text, "text", "", "what the customer wants to achieve (required)")
	dateVar(f, &opts.target, "target", "the `DATE` the goal should be reached")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("term")
	_ = c.MarkFlagRequired("text")
	return c
}

func iepGoalAddRun(opts *iepGoalAddOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly, validate.RulePlanDate)
}
