package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepAgreeOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" (--today) when not given
	change   casework.AgreePlan
}

func newCmdIEPAgree(g *globals, runF func(*iepAgreeOptions) error) *cobra.Command {
	opts := &iepAgreeOptions{globals: g}
	c := &cobra.Command{
		Use:   "agree CASE --how HOW [--date DATE] [--notes TEXT]",
		Short: "Record the participant's agreement to the plan",
		Long: `Record that the participant agreed to CASE's plan on --date (default:
--today; the date taken is said on stderr), and how: signed (a signature on
the plan), verbal (in person or on the phone) or electronic (an e-signature,
a reply by email or text). The IEP is an agreement between the customer and
the case manager (001), jointly developed by the participant and career
center staff (002): a monitor checks that each plan was agreed.

Record the first agreement when the plan is drawn up, and the participant's
agreement again after a review changed the plan: each is kept (iep.yaml
agreements, added, never removed), and case show says when and how the plan
was last agreed. The date may not be before the plan was created, nor
after today. It prints the agreement's ID (AG-...).

For a WIOA case, validate warns of a plan with goals or services that has
no agreement 30 days after it was created (wioa-iep-agreed), and of one
reviewed more than 30 days ago since its last agreement
(wioa-iep-reagreed).` + "\n" + exitStatusHelp,
		Example: `  caseplan iep agree 2026-K7QX2 --how signed \
      --notes 'Signed copy in the paper file'
  caseplan iep agree 2026-K7QX2 --date 2026-04-02 --how verbal \
      --notes 'Agreed by phone to the CNA course after the review'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Date, err = optionalDate("date", opts.date); err != nil { // "": --today, which casework names
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepAgreeRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` the participant agreed (default: --today)")
	f.StringVar(&opts.change.How, "how", "", "`HOW` the participant agreed: "+choicesOf("iep agree", "how")+" (required)")
	f.StringVar(&opts.change.Notes, "notes", "", "where the signed copy is, who heard a verbal agreement, ...")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	_ = c.MarkFlagRequired("how")
	return c
}

func iepAgreeRun(opts *iepAgreeOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
