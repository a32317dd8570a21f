package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseConsentWithdrawOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date
	change   casework.WithdrawConsent
}

func newCmdCaseConsentWithdraw(g *globals, runF func(*caseConsentWithdrawOptions) error) *cobra.Command {
	opts := &caseConsentWithdrawOptions{globals: g}
	c := &cobra.Command{
		Use:   "withdraw CASE --kind job-site-visit --date DATE",
		Short: "Record that the participant withdrew a permission",
		Long: `Record in CASE's intake.yaml that the participant withdrew the permission of
--kind still in force, on --date: from that day a job-site visit is no
longer permitted (document 003). The date may not be after today, nor
before the permission was given.` + "\n" + exitStatusHelp,
		Example: `  caseplan case consent withdraw PE-001 --kind job-site-visit --date 2026-06-02`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Date, err = requiredDate("date", opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseConsentWithdrawRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Kind, "kind", "", "`KIND`: the permission withdrawn, "+choicesOf("case consent withdraw", "kind")+" (required)")
	dateVar(f, &opts.date, "date", "the `DATE` it was withdrawn (required)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("kind")
	_ = c.MarkFlagRequired("date")
	return c
}

func caseConsentWithdrawRun(opts *caseConsentWithdrawOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
