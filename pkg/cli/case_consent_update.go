package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseConsentUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateConsent
}

func newCmdCaseConsentUpdate(g *globals, runF func(*caseConsentUpdateOptions) error) *cobra.Command {
	opts := &caseConsentUpdateOptions{globals: g}
	var given, withdrawn, notes string
	c := &cobra.Command{
		Use:   "update CASE PERMISSION [--given DATE] [--withdrawn DATE] [--notes TEXT]",
		Short: "Correct the record of a permission the participant gave",
		Long: `Correct the fields given of permission PERMISSION of CASE — its ID
(CN-K7QX2, as case consent add printed it), its number in intake.yaml's
consents (1 for the first) or its kind (job-site-visit) — and commit it,
with a message that says what the date was. A permission given orally
before a visit and recorded with a later day is put right with --given, the
day it was really given: it is the same permission, not a second one. The
day a withdrawn permission was withdrawn (caseplan case consent withdraw)
is put right with --withdrawn; a permission in force has none to correct,
and a withdrawal is not removed here. A permission given again after a
withdrawal is a new one, recorded with caseplan case consent add. --notes
corrects what was agreed: it replaces the notes recorded, and a note on
stderr says what they were (caseplan: note: permission 1 for job-site
visits: notes replaced (was "Short visits")). An empty --notes removes
them; the dates may not be after today, and the permission may not be
withdrawn before it was given.` + "\n" + exitStatusHelp,
		Example: `  caseplan case consent update PE-001 CN-K7QX2 --given 2026-03-10 \
      --notes 'Agreed by phone on 2026-03-10, before the visit'`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Consent = args[0], args[1]
			u.Notes = givenFlag(c, "notes", &notes)
			var err error
			if u.Given, err = givenDate(c, "given", &given); err != nil {
				return err
			}
			if u.Withdrawn, err = givenDate(c, "withdrawn", &withdrawn); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseConsentUpdateRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &given, "given", "the `DATE` the participant gave it")
	dateVar(f, &withdrawn, "withdrawn", "the `DATE` the participant withdrew it (a withdrawn permission only)")
	f.StringVar(&notes, "notes", "", "what was agreed, replacing the notes recorded (said on stderr)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func caseConsentUpdateRun(opts *caseConsentUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
