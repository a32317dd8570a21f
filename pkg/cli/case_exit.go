package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseExitOptions struct {
	caseID, date, reason string
	noCommit             bool
}

func newCaseExitCmd(g *globals) *cobra.Command {
	opts := &caseExitOptions{}
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
			opts.caseID = args[0]
			d, err := parseDate("date", opts.date)
			if err != nil {
				return err
			}
			x := &casework.ExitCase{Case: opts.caseID, Date: d, Reason: opts.reason}
			return g.write(opts.noCommit, []string{opts.caseID}, x.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` services ended (required)")
	f.StringVar(&opts.reason, "reason", "", "why the participant exits, for the note")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("date")
	return c
}
