package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseToolboxOptions struct {
	*globals
	noCommit bool
	change   casework.SetToolbox
}

func newCmdCaseToolbox(g *globals, runF func(*caseToolboxOptions) error) *cobra.Command {
	opts := &caseToolboxOptions{globals: g}
	c := &cobra.Command{
		Use:   "toolbox CASE [--resume none|draft|final] [--cover-letter none|draft|final] [--thank-you-letter none|draft|final]",
		Short: "Record the state of the candidate's resume and letters",
		Long: `Record the state of the candidate's "Toolbox" in CASE's intake record: the
resume, the cover letter and the thank-you letter, each none, draft or final
(document 000: the case manager reviews them with the candidate and they are
finalised early in the notification period). Only the ones given change.` + "\n" + exitStatusHelp,
		Example: `  caseplan case toolbox WS-001 --resume final --cover-letter draft`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if opts.change.Resume == "" && opts.change.CoverLetter == "" && opts.change.ThankYouLetter == "" {
				return &UsageError{Msg: "nothing to set", Hint: "give --resume, --cover-letter or --thank-you-letter (none, draft or final)"}
			}
			if runF != nil {
				return runF(opts)
			}
			return caseToolboxRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Resume, "resume", "", "the resume's `STATUS`: "+choicesOf("case toolbox", "resume"))
	f.StringVar(&opts.change.CoverLetter, "cover-letter", "", "the cover letter's `STATUS`: "+choicesOf("case toolbox", "cover-letter"))
	f.StringVar(&opts.change.ThankYouLetter, "thank-you-letter", "", "the thank-you letter's `STATUS`: "+choicesOf("case toolbox", "thank-you-letter"))
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func caseToolboxRun(opts *caseToolboxOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
