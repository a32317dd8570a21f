package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseEligibilityUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateEligibility
}

func newCmdCaseEligibilityUpdate(g *globals, runF func(*caseEligibilityUpdateOptions) error) *cobra.Command {
	opts := &caseEligibilityUpdateOptions{globals: g}
	var program, determined, basis string
	var eligible, notEligible bool
	c := &cobra.Command{
		Use:   "update CASE DETERMINATION [--program P] [--determined DATE] [--eligible|--not-eligible] [--basis TEXT]",
		Short: "Correct the record of an eligibility determination",
		Long: `Correct the fields given of eligibility determination DETERMINATION of CASE
— its ID (EL-K7QX2, as case eligibility add printed it), its number in
intake.yaml's eligibility (1 for the first) or its program — and commit it.
A new determination (a redetermination) is recorded with caseplan case
eligibility add; update corrects one recorded wrong. For WIOA it matters:
the participation date (PIRL 900) counts from the first determination that
found the person eligible. An empty --basis removes it; the date may not be
after today.` + "\n" + exitStatusHelp,
		Example: `  caseplan case eligibility update W-001 1 --determined 2026-03-05`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Determination = args[0], args[1]
			u.Program, u.Basis = givenFlag(c, "program", &program), givenFlag(c, "basis", &basis)
			var err error
			if u.Determined, err = givenDate(c, "determined", &determined); err != nil {
				return err
			}
			switch {
			case c.Flags().Changed("eligible"):
				u.Eligible = &eligible
			case c.Flags().Changed("not-eligible"):
				v := !notEligible
				u.Eligible = &v
			}
			if runF != nil {
				return runF(opts)
			}
			return caseEligibilityUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&program, "program", "", "the program or service it is for")
	dateVar(f, &determined, "determined", "the `DATE` of the determination")
	f.BoolVar(&eligible, "eligible", false, "the participant was found eligible")
	f.BoolVar(&notEligible, "not-eligible", false, "the participant was found not eligible")
	f.StringVar(&basis, "basis", "", "what it rests on")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	c.MarkFlagsMutuallyExclusive("eligible", "not-eligible")
	return c
}

func caseEligibilityUpdateRun(opts *caseEligibilityUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
