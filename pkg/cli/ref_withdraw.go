package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type refWithdrawOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; --today when not given
	change   casework.WithdrawReference
}

func newCmdRefWithdraw(g *globals, runF func(*refWithdrawOptions) error) *cobra.Command {
	opts := &refWithdrawOptions{globals: g}
	c := &cobra.Command{
		Use:   "withdraw CASE REF [--date DATE]",
		Short: "Record that a reference withdrew their permission to be named",
		Long: `Record that reference REF of CASE (its ID, RF-7QX2K, or for an older
reference without one its number in the list) withdrew their permission to
be named, on --date (default: --today), and commit it. From that day they
no longer count toward the three references work security asks for by the
layoff date (000): validate, case show and the tickler count the rest. The
reference stays in references.yaml with its withdrawn date, so the record
shows who agreed when.

A reference already withdrawn, and a date before they agreed or after
today, are refused.` + "\n" + exitStatusHelp,
		Example: `  caseplan ref withdraw 2026-K7QX2 RF-7QX2K --date 2026-04-02`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Reference = args[0], args[1]
			var err error
			if opts.change.Date, err = opts.dateOrToday(opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return refWithdrawRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` they withdrew (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func refWithdrawRun(opts *refWithdrawOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
