package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseTransferOptions struct {
	caseID, to, center, reason, date string
	noCommit                         bool
}

func newCaseTransferCmd(g *globals) *cobra.Command {
	opts := &caseTransferOptions{}
	c := &cobra.Command{
		Use:   "transfer CASE --to STAFF --reason TEXT",
		Short: "Transfer a case and its IEP to another case manager or center",
		Long: `Transfer CASE to another designated counselor (document 002: one counselor per
case, who may transfer the case and its IEP to another center). In one commit
the intake record names the new manager and center, a transfers entry records
who from, who to, the date and the reason, and a transfer note is written.
The IEP is part of the case's directory, so it moves with the case as it is.

--to must be an active staff member on the roster other than the current
manager. --center defaults to the new manager's center, else the case's.` + "\n" + exitStatusHelp,
		Example: `  caseplan case transfer W-001 --to dshah --reason "Moved closer to the Eastgate office"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			var d time.Time
			if opts.date != "" {
				var err error
				if d, err = parseDate("date", opts.date); err != nil {
					return err
				}
			}
			t := casework.TransferCase{Case: opts.caseID, Date: d, To: opts.to, Center: opts.center, Reason: opts.reason}
			return g.write(opts.noCommit, []string{opts.caseID}, t.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.to, "to", "", "the new manager's staff `ID`")
	f.StringVar(&opts.center, "center", "", "the new center (default: the new manager's)")
	f.StringVar(&opts.reason, "reason", "", "why the case is transferred")
	f.StringVar(&opts.date, "date", "", "the `DATE` of the transfer (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("to")
	_ = c.MarkFlagRequired("reason")
	return c
}
