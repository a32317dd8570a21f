package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepStepAddOptions struct {
	*globals
	noCommit bool
	due      string // parsed into change.Due
	change   casework.AddNextStep
}

func newCmdIEPStepAdd(g *globals, runF func(*iepStepAddOptions) error) *cobra.Command {
	opts := &iepStepAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --owner participant|manager --text TEXT [--due DATE]",
		Short: "Add a next step; prints its ID",
		Long: `Add a next step to CASE's plan and print its ID (e.g. N-K7QX2). Next steps
are the actions to take now — by the participant or by the manager — and
are updated as they are completed (001); caseplan iep step done records
that.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep step add 2026-K7QX2 --owner participant \
      --text 'Bring eligibility documents' --due 2026-03-20`,
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
			return iepStepAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Owner, "owner", "", "`WHO` takes the step: "+choicesOf("iep step add", "owner")+" (required)")
	f.StringVar(&opts.change.Text, "text", "", "the action (required)")
	dateVar(f, &opts.due, "due", "the `DATE` it is due")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("owner")
	_ = c.MarkFlagRequired("text")
	return c
}

func iepStepAddRun(opts *iepStepAddOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly, validate.RulePlanDate)
}
