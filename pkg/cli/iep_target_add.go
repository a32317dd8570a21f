package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepTargetAddOptions struct {
	*globals
	noCommit bool
	change   casework.AddJobTarget
}

func newCmdIEPTargetAdd(g *globals, runF func(*iepTargetAddOptions) error) *cobra.Command {
	opts := &iepTargetAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --title TITLE [--job-family FAMILY] [--grade-min GRADE] [--grade-max GRADE] [--scope internal|external|both]",
		Short: "Add a job target to the job search plan",
		Long: `Add a position or job family to the job search plan of CASE: the range of
appropriate positions the candidate should apply for, agreed at the intake
meeting, with the grades to aim between — not too high, not too low — and
whether inside the organisation, outside it or both (document 000). A work
security case needs a job search plan by the layoff date (rule ws-iep-plan).
The target's ID (e.g. JT-K7QX2) is printed on stdout.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep target add 2026-K7QX2 --title 'Administrative Assistant' \
      --job-family 'Office support' --grade-min 5 --grade-max 7 --scope both`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if runF != nil {
				return runF(opts)
			}
			return iepTargetAddRun(opts)
		},
	}
	f := c.Flags()
	t := &opts.change.Target
	f.StringVar(&t.Title, "title", "", "the position title (required)")
	f.StringVar(&t.JobFamily, "job-family", "", "the job `FAMILY`")
	f.StringVar(&t.GradeMin, "grade-min", "", "the lowest `GRADE` to apply for")
	f.StringVar(&t.GradeMax, "grade-max", "", "the highest `GRADE` to apply for")
	f.StringVar(&t.Scope, "scope", "", "`SCOPE`: "+choicesOf("iep target add", "scope"))
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("title")
	return c
}

func iepTargetAddRun(opts *iepTargetAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
