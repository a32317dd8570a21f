package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepGoalUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateGoal
}

func newCmdIEPGoalUpdate(g *globals, runF func(*iepGoalUpdateOptions) error) *cobra.Command {
	opts := &iepGoalUpdateOptions{globals: g}
	var text, term, target string
	c := &cobra.Command{
		Use:   "update CASE GOAL [--text TEXT] [--term short|long] [--target DATE]",
		Short: "Reword a goal, or change its term or target date",
		Long: `Change the fields given of goal GOAL (G-K7QX2, or G1 in an older plan) of
CASE's plan and commit it. An empty --target removes the target date.
Whether the goal is achieved or dropped is recorded with caseplan iep goal
status. Only the changed lines of iep.yaml change.` + rewordingHelp("--text") + "\n" + exitStatusHelp,
		Example: `  caseplan iep goal update 2026-K7QX2 G-4Z8QK --target 2026-10-31
  # a typo, corrected on a closed case too:
  caseplan iep goal update 2026-K7QX2 G-4Z8QK --text "Work as a welder"`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Goal = args[0], args[1]
			u.Text, u.Term = givenFlag(c, "text", &text), givenFlag(c, "term", &term)
			var err error
			if u.Target, err = givenDate(c, "target", &target); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepGoalUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&text, "text", "", "what the customer wants to achieve")
	f.StringVar(&term, "term", "", "`TERM`: "+choicesOf("iep goal add", "term")+", a goal for while services are given or for 9 to 12 months after exit")
	clearableDateVar(f, &target, "target", "the target `DATE`")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepGoalUpdateRun(opts *iepGoalUpdateOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RulePlanDate)
}
