package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepReviewOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" (--today) when not given
	change   casework.ReviewPlan
}

func newCmdIEPReview(g *globals, runF func(*iepReviewOptions) error) *cobra.Command {
	opts := &iepReviewOptions{globals: g}
	c := &cobra.Command{
		Use:   "review CASE [--date DATE] [--summary TEXT]",
		Short: "Record a dated review of the plan",
		Long: `Record that the acting staff member reviewed CASE's plan on --date
(default: --today), with what was reviewed and changed. The plan is referenced
often and updated regularly (001); its "updated" date is the date of its
latest review (every other change is in git's history).` + "\n" + exitStatusHelp,
		Example: `  caseplan iep review 2026-K7QX2 \
      --summary 'Enrolled in the CNA course; moved the exam milestone to June'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Date, err = optionalDate("date", opts.date); err != nil { // "": --today, which casework names
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepReviewRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` of the review (default: --today)")
	f.StringVar(&opts.change.Summary, "summary", "", "what was reviewed and changed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepReviewRun(opts *iepReviewOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
