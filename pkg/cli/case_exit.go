package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseExitOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date
	change   casework.ExitCase
}

func newCmdCaseExit(g *globals, runF func(*caseExitOptions) error) *cobra.Command {
	opts := &caseExitOptions{globals: g}
	c := &cobra.Command{
		Use:   "exit CASE --date DATE [--reason TEXT]",
		Short: "Record a WIOA program exit; the 12 months of follow-up start",
		Long: `Record that CASE, a WIOA case, exited the program on --date: the day its
services ended (document 002). In one commit intake.yaml gets the exited date
and a note records the exit, the reason and the follow-ups it makes due.

The case stays open for the 12 months of follow-up after the exit
(follow_up_months in cases/caseplan.yaml), in the phase follow-up: a
follow-up is due in the 2nd and in the 4th quarter after exit (rule
wioa-follow-up; record them with caseplan followup add). Close the case with
caseplan case close when the follow-up is over.

The date may not be after today nor before the case opened. A case of
another program, a case that already exited and a closed case are refused.` + "\n" + exitStatusHelp,
		Example: `  caseplan case exit W-001 --date 2026-09-30 --reason 'Employed as a CNA; services complete'`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Date, err = parseDate("date", opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseExitRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` services ended (required)")
	f.StringVar(&opts.change.Reason, "reason", "", "why the participant exits, for the note")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("date")
	return c
}

func caseExitRun(opts *caseExitOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
