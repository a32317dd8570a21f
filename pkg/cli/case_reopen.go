package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseReopenOptions struct {
	caseID, date, reason string
	noCommit             bool
}

func newCaseReopenCmd(g *globals) *cobra.Command {
	opts := &caseReopenOptions{}
	c := &cobra.Command{
		Use:   "reopen CASE --date DATE --reason TEXT",
		Short: "Reopen a closed case",
		Long: `Reopen the closed CASE in one commit: status open in intake.yaml, the closure
taken out of outcome.yaml, and a note (kind other) saying when the case had
been closed and why it is reopened. The closure stays in the git history:
caseplan log CASE shows the commit that closed the case.` + "\n" + exitStatusHelp,
		Example: `  caseplan case reopen WS-001 --date 2026-07-06 --reason "The placement ended after the probation period"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			d, err := parseDate("date", opts.date)
			if err != nil {
				return err
			}
			r := casework.ReopenCase{Case: opts.caseID, Date: d, Reason: opts.reason}
			return g.write(opts.noCommit, []string{opts.caseID}, r.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` the case reopened")
	f.StringVar(&opts.reason, "reason", "", "why the case is reopened")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("date")
	_ = c.MarkFlagRequired("reason")
	return c
}
