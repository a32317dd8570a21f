package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepBenefitRenewOptions struct {
	*globals
	noCommit bool
	renewal  string // parsed into change.Renewal
	change   casework.RenewBenefit
}

func newCmdIEPBenefitRenew(g *globals, runF func(*iepBenefitRenewOptions) error) *cobra.Command {
	opts := &iepBenefitRenewOptions{globals: g}
	c := &cobra.Command{
		Use:   "renew CASE NAME [--renewal DATE] [--status STATUS] [--notes TEXT]",
		Short: "Record a benefit's next renewal date",
		Long: `Record the next renewal date of the benefit NAME (its name, matched
whatever its case, or its ID, BN-K7QX2) in CASE's self-sufficiency plan,
once the current renewal is done or submitted (document 003: maintain
eligibility). --status changes the status too; --notes is added to the
benefit's earlier notes after a "; " ("Submitted 2026-11-20; Approved
2026-12-05"), renewal after renewal, never replacing them (the same notes
typed again add nothing; a wording is corrected by editing iep.yaml and
running caseplan commit). Without them the status and notes stay as they
are. A renewal done on paper earlier is entered today, with the day it was
done in --notes ("Renewed 2026-09-15"): the plan records no day a renewal
was done, so there is no --date.

What --renewal means depends on the status:
  active   the day the benefit must next be renewed by; once it is past,
           validate warns until a new date or status is recorded
  pending  the renewal is submitted; the date is the day it was due, by
           which the decision is expected; once it is past, validate warns
           until the decision is recorded: approved, active with the next
           date; refused or not made in time, lapsed
  lapsed   the renewal date that was missed; validate warns until
           eligibility is restored (active with the next date)
  ended    the benefit ended on purpose; nothing is due on the date

--renewal may be left out when the news is about the date already
recorded: with --status pending (the renewal was submitted) or lapsed
(it was missed) the recorded date stays, as the day it was due or was
missed; --status ended needs no date. Otherwise it is the next date, and
a refusal says what to type.

A renewal moves an active benefit's date on, never back: a --renewal
earlier than the date recorded (a typo'd year) is refused. A date that
was recorded wrong is corrected in the plan: caseplan edit CASE iep. A
benefit cannot lapse on a renewal not due yet: lapsed with a date after
today is refused (give the renewal missed, or check the benefit meant).

The warnings are rule pe-benefit-renewal, and the tickler (caseplan due)
lists each date but an ended one's. A date already past when it is written
is said with the warning then: a renewal missed, or the year typed wrong.` + "\n" + exitStatusHelp,
		Example: `  # submitted, decision expected by the current period's end
  caseplan iep benefit renew 2026-K7QX2 'Child care subsidy' \
      --renewal 2026-12-01 --status pending --notes 'Submitted 2026-11-20'
  # approved: the next renewal date
  caseplan iep benefit renew 2026-K7QX2 BN-K7QX2 \
      --renewal 2027-06-01 --status active
  # not renewed in time: lapsed on the date recorded
  caseplan iep benefit renew 2026-K7QX2 BN-K7QX2 --status lapsed`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Name = args[0], args[1]
			var err error
			if opts.change.Renewal, err = optionalDate("renewal", opts.renewal); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepBenefitRenewRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.renewal, "renewal", "the next renewal `DATE` (required but with --status pending, lapsed or ended)")
	f.StringVar(&opts.change.Status, "status", "", "`STATUS`: "+choicesOf("iep benefit renew", "status"))
	f.StringVar(&opts.change.Notes, "notes", "", "notes, e.g. when the renewal was submitted, added to the earlier notes")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepBenefitRenewRun(opts *iepBenefitRenewOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RulePlanDate, casestate.RulePEBenefitRenewal)
}
