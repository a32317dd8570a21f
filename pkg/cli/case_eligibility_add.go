package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseEligibilityAddOptions struct {
	*globals
	noCommit              bool
	determined            string // parsed into change.Eligibility.Determined
	eligible, notEligible bool
	change                casework.AddEligibility
}

func newCmdCaseEligibilityAdd(g *globals, runF func(*caseEligibilityAddOptions) error) *cobra.Command {
	opts := &caseEligibilityAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --program PROGRAM --determined DATE (--eligible|--not-eligible) [--basis TEXT]",
		Short: "Record an eligibility determination",
		Long: `Record an eligibility determination for CASE's participant in intake.yaml
(document 002): the program or service it is for (wioa, a training account,
cash assistance, ...), the date it was determined, the result and what it
rests on (documents, facts). The date may not be after today. The
determination's ID (e.g. EL-K7QX2) is printed on stdout.` + "\n" + exitStatusHelp,
		Example: `  caseplan case eligibility add W-001 --program wioa --determined 2026-03-04 \
      --eligible \
      --basis 'Adult, low income'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Eligibility.Determined, err = requiredDate("determined", opts.determined); err != nil {
				return err
			}
			opts.change.Eligibility.Eligible = opts.eligible
			if runF != nil {
				return runF(opts)
			}
			return caseEligibilityAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Eligibility.Program, "program", "", "the `PROGRAM` or service it is for (required)")
	dateVar(f, &opts.determined, "determined", "the `DATE` it was determined (required)")
	f.BoolVar(&opts.eligible, "eligible", false, "the participant was found eligible")
	f.BoolVar(&opts.notEligible, "not-eligible", false, "the participant was found not eligible")
	f.StringVar(&opts.change.Eligibility.Basis, "basis", "", "the documents or facts it rests on")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("program")
	_ = c.MarkFlagRequired("determined")
	c.MarkFlagsMutuallyExclusive("eligible", "not-eligible")
	c.MarkFlagsOneRequired("eligible", "not-eligible")
	return c
}

func caseEligibilityAddRun(opts *caseEligibilityAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
