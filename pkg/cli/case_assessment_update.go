package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseAssessmentUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateAssessment
}

func newCmdCaseAssessmentUpdate(g *globals, runF func(*caseAssessmentUpdateOptions) error) *cobra.Command {
	opts := &caseAssessmentUpdateOptions{globals: g}
	var tool, date, summary string
	c := &cobra.Command{
		Use:   "update CASE ASSESSMENT [--tool TOOL] [--date DATE] [--summary TEXT]",
		Short: "Correct an assessment's record: tool, date, summary",
		Long: `Change the fields given of assessment ASSESSMENT of CASE — its ID
(AS-K7QX2, as case assessment add printed it), its number in intake.yaml's
assessments (1 for the first) or its tool — and commit it.
Assessment is ongoing (001): a new assessment is added with caseplan case
assessment add; update corrects or completes the record of one, such as
the summary once the results are in. An empty --summary removes it; the
tool and the date cannot be removed, and the date may not be after today.` + "\n" + exitStatusHelp,
		Example: `  caseplan case assessment update 2026-K7QX2 1 \
      --summary 'Strong in scheduling and records'`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Assessment = args[0], args[1]
			u.Tool, u.Summary = givenFlag(c, "tool", &tool), givenFlag(c, "summary", &summary)
			var err error
			if u.Date, err = givenDate(c, "date", &date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseAssessmentUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&tool, "tool", "", "the `TOOL` or form used")
	dateVar(f, &date, "date", "the `DATE` of the assessment")
	f.StringVar(&summary, "summary", "", "what it showed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func caseAssessmentUpdateRun(opts *caseAssessmentUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
