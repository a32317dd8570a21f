package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepSelfSufficiencyOptions struct {
	*globals
	noCommit                                bool
	plan, childCare, transportation, crisis string // set in change only when given
	change                                  casework.SetSelfSufficiency
}

func newCmdIEPSelfSufficiency(g *globals, runF func(*iepSelfSufficiencyOptions) error) *cobra.Command {
	opts := &iepSelfSufficiencyOptions{globals: g}
	c := &cobra.Command{
		Use:   "self-sufficiency CASE [--plan TEXT] [--child-care TEXT] [--transportation TEXT] [--crisis TEXT]",
		Short: "Set post-employment self-sufficiency and contingency plans",
		Long: `Set the self-sufficiency plan of CASE — goals, responsibilities and
timelines toward self-sufficiency — and its contingency plans for child
care, transportation and preventable crises (document 003). Only the fields
given change. Post-employment cases need all four (rules pe-self-sufficiency
for the plan, pe-contingency for the contingency plans); any case may keep
them.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep self-sufficiency 2026-K7QX2 \
      --plan 'Keep the job through the first year off cash assistance' \
      --child-care 'Back-up family day care on her street' \
      --transportation 'Bus 12; a co-worker can give a ride' \
      --crisis 'Call the navigator; evening help line'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			a := &opts.change
			a.Case = args[0]
			a.Plan = givenFlag(c, "plan", &opts.plan)
			a.ChildCare = givenFlag(c, "child-care", &opts.childCare)
			a.Transportation = givenFlag(c, "transportation", &opts.transportation)
			a.Crisis = givenFlag(c, "crisis", &opts.crisis)
			if a.Plan == nil && a.ChildCare == nil && a.Transportation == nil && a.Crisis == nil {
				return &UsageError{Msg: "nothing to set", Hint: "give --plan, --child-care, --transportation or --crisis"}
			}
			if runF != nil {
				return runF(opts)
			}
			return iepSelfSufficiencyRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.plan, "plan", "", "the self-sufficiency plan: goals, responsibilities, timelines (003)")
	f.StringVar(&opts.childCare, "child-care", "", "what happens when child care falls through (003)")
	f.StringVar(&opts.transportation, "transportation", "", "what happens when transportation falls through (003)")
	f.StringVar(&opts.crisis, "crisis", "", "the plan for preventable crises (003)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepSelfSufficiencyRun(opts *iepSelfSufficiencyOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
