package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

func newCaseConsentCmd(g *globals) *cobra.Command {
	return newGroupCmd("consent", "The participant's permissions, such as for a visit at their job site (003)",
		newCaseConsentAddCmd(g), newCaseConsentWithdrawCmd(g))
}

type caseConsentAddOptions struct {
	caseID   string
	consent  record.Consent
	given    string
	noCommit bool
}

func newCaseConsentAddCmd(g *globals) *cobra.Command {
	opts := &caseConsentAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --kind job-site-visit --given DATE [--notes TEXT]",
		Short: "Record a permission the participant gave",
		Long: `Record in CASE's intake.yaml that the participant gave a permission on
--given: --kind job-site-visit, a visit at their workplace, which is made only
with their permission (document 003). Rule pe-job-site-permission looks for
one given on or before each job-site note and not withdrawn by then.
--notes says what was agreed (short visits at shift change, meeting the
supervisor, ...).

A permission of the same kind still in force is not given twice; one
withdrawn may be given again. The date may not be after today.` + "\n" + exitStatusHelp,
		Example: `  caseplan case consent add PE-001 --kind job-site-visit --given 2026-04-14 \
      --notes 'A visit at the end of a shift, meeting the supervisor'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			a := casework.AddConsent{Case: opts.caseID, Consent: opts.consent}
			var err error
			if a.Consent.Given, err = intakeDate("given", opts.given); err != nil {
				return err
			}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.consent.Kind, "kind", "", "what is permitted: `job-site-visit` (required)")
	f.StringVar(&opts.given, "given", "", "the `DATE` the participant gave it (required)")
	f.StringVar(&opts.consent.Notes, "notes", "", "what was agreed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("kind")
	_ = c.MarkFlagRequired("given")
	return c
}

type caseConsentWithdrawOptions struct {
	caseID, kind, date string
	noCommit           bool
}

func newCaseConsentWithdrawCmd(g *globals) *cobra.Command {
	opts := &caseConsentWithdrawOptions{}
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
			opts.caseID = args[0]
			d, err := intakeDate("date", opts.date)
			if err != nil {
				return err
			}
			a := casework.WithdrawConsent{Case: opts.caseID, Kind: opts.kind, Date: d}
			return g.write(opts.noCommit, []string{opts.caseID}, a.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.kind, "kind", "", "the permission withdrawn: `job-site-visit` (required)")
	f.StringVar(&opts.date, "date", "", "the `DATE` it was withdrawn (required)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("kind")
	_ = c.MarkFlagRequired("date")
	return c
}
