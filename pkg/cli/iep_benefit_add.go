package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepBenefitAddOptions struct {
	*globals
	noCommit bool
	renewal  string // parsed into change.Benefit.Renewal
	change   casework.AddBenefit
}

func newCmdIEPBenefitAdd(g *globals, runF func(*iepBenefitAddOptions) error) *cobra.Command {
	opts := &iepBenefitAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --name NAME [--renewal DATE] [--status STATUS] [--notes TEXT]",
		Short: "Add a benefit whose eligibility must be kept",
		Long: `Add a benefit to CASE's self-sufficiency plan: a program whose eligibility
the participant must understand and maintain — health insurance, child
support services, the earned income credit, a child care subsidy, food or
utility assistance (document 003) — with its next renewal date. --status is
active (the default), pending, lapsed or ended. Names are unique within a
plan, whatever their case. The benefit's ID (e.g. BN-K7QX2) is printed on
stdout, and iep show shows it. A renewal date already past, or none for
an active or pending benefit (nothing would remind anyone to renew it), is
written with a warning (rule pe-benefit-renewal).` + "\n" + exitStatusHelp,
		Example: `  caseplan iep benefit add 2026-K7QX2 --name 'Child care subsidy' \
      --renewal 2026-12-01`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Benefit.Renewal, err = optionalDate("renewal", opts.renewal); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepBenefitAddRun(opts)
		},
	}
	f := c.Flags()
	b := &opts.change.Benefit
	f.StringVar(&b.Name, "name", "", "the benefit or program (required)")
	dateVar(f, &opts.renewal, "renewal", "the next renewal `DATE`")
	f.StringVar(&b.Status, "status", "", "`STATUS`: "+choicesOf("iep benefit add", "status")+" (default active)")
	f.StringVar(&b.Notes, "notes", "", "notes")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("name")
	return c
}

func iepBenefitAddRun(opts *iepBenefitAddOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RulePlanDate, casestate.RulePEBenefitRenewal)
}
