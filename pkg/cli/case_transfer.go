package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseTransferOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" for --today
	change   casework.TransferCase
}

func newCmdCaseTransfer(g *globals, runF func(*caseTransferOptions) error) *cobra.Command {
	opts := &caseTransferOptions{globals: g}
	c := &cobra.Command{
		Use:   "transfer CASE --to STAFF --reason TEXT",
		Short: "Transfer a case and its IEP to another case manager or center",
		Long: `Transfer CASE to another designated counselor (document 002: one counselor per
case, who may transfer the case and its IEP to another center). In one commit
the intake record names the new manager and center, a transfers entry records
who from, who to, the date and the reason, and a transfer note is written.
The IEP is part of the case's directory, so it moves with the case as it is.

--to must be an active staff member on the roster other than the current
manager (caseplan case show CASE shows who that is; a transfer to them is
refused, exit 2). --center defaults to the new manager's center, else the
case's.` + "\n" + exitStatusHelp,
		Example: `  caseplan case transfer W-001 --to dshah \
      --reason "Moved closer to the Eastgate office"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if opts.date != "" {
				var err error
				if opts.change.Date, err = parseDate("date", opts.date); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return caseTransferRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.To, "to", "", "the new manager: the `STAFF` ID on the roster")
	// case new and case list call the case manager --manager.
	alsoTriedAs(f, "to", "manager", "new-manager", "case-manager", "counselor")
	f.StringVar(&opts.change.Center, "center", "", "the new center (default: the new manager's)")
	f.StringVar(&opts.change.Reason, "reason", "", "why the case is transferred")
	dateVar(f, &opts.date, "date", "the `DATE` of the transfer (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("to")
	_ = c.MarkFlagRequired("reason")
	return c
}

func caseTransferRun(opts *caseTransferOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
