package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepObjectiveAddOptions struct {
	*globals
	noCommit bool
	change   casework.AddObjective
}

func newCmdIEPObjectiveAdd(g *globals, runF func(*iepObjectiveAddOptions) error) *cobra.Command {
	opts := &iepObjectiveAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --goal GOAL --text TEXT [--service ID]...",
		Short: "Add an objective to a goal; prints its ID",
		Long: `Add an objective — a specific step the customer will take to realise the
goal (001) — to goal GOAL of CASE's plan, and print its ID (e.g. O-K7QX2;
unique across all the plan's goals). --service names a service of the
plan (S-K7QX2, ...) that serves the objective; repeat it for several. A service
not yet in the plan is added with caseplan iep service add, which can also
link it to objectives already there.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep objective add 2026-K7QX2 --goal G-4Z8QK \
      --text 'Attain a CNA certificate' --service S-2HX7M`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if runF != nil {
				return runF(opts)
			}
			return iepObjectiveAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Goal, "goal", "", "the `GOAL` it serves, e.g. G-4Z8QK (required)")
	f.StringVar(&opts.change.Text, "text", "", "the step (required)")
	f.StringArrayVar(&opts.change.Services, "service", nil, "a plan service `ID` that serves it, e.g. S-2HX7M (repeatable)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("goal")
	_ = c.MarkFlagRequired("text")
	return c
}

func iepObjectiveAddRun(opts *iepObjectiveAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
}
