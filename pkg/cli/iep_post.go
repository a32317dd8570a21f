package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

type iepSelfSufficiencyOptions struct {
	caseID                                  string
	plan, childCare, transportation, crisis string
	noCommit                                bool
}

func newIEPSelfSufficiencyCmd(g *globals) *cobra.Command {
	opts := &iepSelfSufficiencyOptions{}
	c := &cobra.Command{
		Use:   "self-sufficiency CASE [--plan TEXT] [--child-care TEXT] [--transportation TEXT] [--crisis TEXT]",
		Short: "Set the post-employment self-sufficiency and contingency plans",
		Long: `Set the self-sufficiency plan of CASE — goals, responsibilities and
timelines toward self-sufficiency — and its contingency plans for child
care, transportation and preventable crises (document 003). Only the fields
given change. Post-employment cases need all four (rule pe-self-sufficiency);
any case may keep them.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep self-sufficiency 2026-K7QX2 \
      --plan 'Keep the job through the first year off cash assistance' \
      --child-care 'Back-up family day care on her street' \
      --transportation 'Bus 12; a co-worker can give a ride' \
      --crisis 'Call the navigator; evening help line'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			a := casework.SetSelfSufficiency{
				Case:           opts.caseID,
				Plan:           givenFlag(c, "plan", &opts.plan),
				ChildCare:      givenFlag(c, "child-care", &opts.childCare),
				Transportation: givenFlag(c, "transportation", &opts.transportation),
				Crisis:         givenFlag(c, "crisis", &opts.crisis),
			}
			if a.Plan == nil && a.ChildCare == nil && a.Transportation == nil && a.Crisis == nil {
				return &UsageError{Msg: "nothing to set", Hint: "give --plan, --child-care, --transportation or --crisis"}
			}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
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

type iepBenefitAddOptions struct {
	caseID   string
	benefit  record.Benefit
	renewal  string
	noCommit bool
}

func newIEPBenefitAddCmd(g *globals) *cobra.Command {
	opts := &iepBenefitAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --name NAME [--renewal DATE] [--status STATUS] [--notes TEXT]",
		Short: "Add a benefit whose eligibility must be kept",
		Long: `Add a benefit to CASE's self-sufficiency plan: a program whose eligibility
the participant must understand and maintain — health insurance, child
support services, the earned income credit, a child care subsidy, food or
utility assistance (document 003) — with its next renewal date. --status is
active (the default), pending, lapsed or ended. Names are unique within a
plan, whatever their case.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep benefit add 2026-K7QX2 --name 'Child care subsidy' --renewal 2026-12-01`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			b := opts.benefit
			var err error
			if b.Renewal, err = iepDate("renewal", opts.renewal); err != nil {
				return err
			}
			a := casework.AddBenefit{Case: opts.caseID, Benefit: b}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.benefit.Name, "name", "", "the benefit or program (required)")
	f.StringVar(&opts.renewal, "renewal", "", "the next renewal `DATE`")
	f.StringVar(&opts.benefit.Status, "status", "", "`STATUS`: active (default), pending, lapsed or ended")
	f.StringVar(&opts.benefit.Notes, "notes", "", "notes")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("name")
	return c
}

type iepBenefitRenewOptions struct {
	caseID, name  string
	renewal       string
	status, notes string
	noCommit      bool
}

func newIEPBenefitRenewCmd(g *globals) *cobra.Command {
	opts := &iepBenefitRenewOptions{}
	c := &cobra.Command{
		Use:   "renew CASE NAME --renewal DATE [--status STATUS] [--notes TEXT]",
		Short: "Record a benefit's next renewal date",
		Long: `Record the next renewal date of the benefit NAME (matched whatever its
case) in CASE's self-sufficiency plan, once the current renewal is done or
submitted (document 003). --status and --notes change those fields too;
without them they stay as they are.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep benefit renew 2026-K7QX2 'Child care subsidy' --renewal 2027-06-01 --status active`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID, opts.name = args[0], args[1]
			renewal, err := iepDate("renewal", opts.renewal)
			if err != nil {
				return err
			}
			a := casework.RenewBenefit{Case: opts.caseID, Name: opts.name, Renewal: renewal, Status: opts.status, Notes: opts.notes}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.renewal, "renewal", "", "the next renewal `DATE` (required)")
	f.StringVar(&opts.status, "status", "", "`STATUS`: active, pending, lapsed or ended")
	f.StringVar(&opts.notes, "notes", "", "notes, e.g. when the renewal was submitted")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	c.MarkFlagRequired("renewal")
	return c
}
