package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepSetOptions struct {
	*globals
	noCommit               bool
	vision, employmentGoal string // set in change only when given
	change                 casework.SetPlan
}

func newCmdIEPSet(g *globals, runF func(*iepSetOptions) error) *cobra.Command {
	opts := &iepSetOptions{globals: g}
	c := &cobra.Command{
		Use:   "set CASE [--vision TEXT] [--employment-goal TEXT]",
		Short: "Set the plan's vision and employment goal",
		Long: `Set the vision of CASE's plan — where the customer would like to be after
the education, training or other services (document 001) — and its
employment goal (002). Only the fields given change. They are the plan's
words, no plan item: on a closed case they are taken as a correction (a
supervisor fixes a typo without reopening it), and the commit says so.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep set 2026-K7QX2 --vision 'Working as a CNA after training' \
      --employment-goal 'Certified Nursing Assistant at a care home'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			opts.change.Vision = givenFlag(c, "vision", &opts.vision)
			opts.change.EmploymentGoal = givenFlag(c, "employment-goal", &opts.employmentGoal)
			if opts.change.Vision == nil && opts.change.EmploymentGoal == nil {
				return &UsageError{Msg: "nothing to set", Hint: "give --vision, --employment-goal or both"}
			}
			if runF != nil {
				return runF(opts)
			}
			return iepSetRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.vision, "vision", "", "where the customer would like to be after the services (001)")
	f.StringVar(&opts.employmentGoal, "employment-goal", "", "the employment goal the plan works toward (002)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepSetRun(opts *iepSetOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
