package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseAssessmentAddOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Assessment.Date
	change   casework.AddAssessment
}

func newCmdCaseAssessmentAdd(g *globals, runF func(*caseAssessmentAddOptions) error) *cobra.Command {
	opts := &caseAssessmentAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --tool TOOL --date DATE [--summary TEXT]",
		Short: "Record a dated assessment",
		Long: `Record an assessment of CASE's participant in intake.yaml: the tool or form
(a skills assessment form, "How ready are you for the job hunt?", an interest
profiler, an aptitude test, ...: document 000), the date it was given, and
what it showed. Assessment is ongoing (001), so a case gathers them over
time. For a WIOA case the first assessment ends the assessment phase and
goal setting begins (002).

The date may not be after today; the same tool on the same date is not
recorded twice. The assessment's ID (e.g. AS-K7QX2) is printed on stdout.` + "\n" + exitStatusHelp,
		Example: `  caseplan case assessment add W-001 --tool 'O*NET Interest Profiler' \
      --date 2026-03-09 \
      --summary 'Social and conventional interests'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Assessment.Date, err = requiredDate("date", opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseAssessmentAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Assessment.Tool, "tool", "", "the assessment `TOOL` or form (required)")
	dateVar(f, &opts.date, "date", "the `DATE` it was given (required)")
	f.StringVar(&opts.change.Assessment.Summary, "summary", "", "what it showed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("tool")
	_ = c.MarkFlagRequired("date")
	return c
}

func caseAssessmentAddRun(opts *caseAssessmentAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
