package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseConsentAddOptions struct {
	*globals
	noCommit bool
	given    string // parsed into change.Consent.Given
	change   casework.AddConsent
}

func newCmdCaseConsentAdd(g *globals, runF func(*caseConsentAddOptions) error) *cobra.Command {
	opts := &caseConsentAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --kind job-site-visit --given DATE [--notes TEXT]",
		Short: "Record a permission the participant gave",
		Long: `Record in CASE's intake.yaml that the participant gave a permission on
--given: --kind job-site-visit, a visit at their workplace, which is made only
with their permission (document 003). Rule pe-job-site-permission looks for
one given on or before each job-site note and not withdrawn by then.
--notes says what was agreed (short visits at shift change, meeting the
supervisor, ...). Permission given orally or by text counts (003 asks for
the permission, not a written one): recorded after a visit, --given is the
day it was given.

A permission of the same kind still in force is not given twice; one
recorded with the wrong day is corrected with caseplan case consent update,
and one withdrawn may be given again. The date may not be after today. The
permission's ID (e.g. CN-K7QX2) is printed on stdout.` + "\n" + exitStatusHelp,
		Example: `  caseplan case consent add PE-001 --kind job-site-visit --given 2026-04-14 \
      --notes 'A visit at the end of a shift, meeting the supervisor'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Consent.Given, err = requiredDate("given", opts.given); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseConsentAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Consent.Kind, "kind", "", "`KIND`: what is permitted, "+choicesOf("case consent add", "kind")+" (required)")
	dateVar(f, &opts.given, "given", "the `DATE` the participant gave it (required)")
	f.StringVar(&opts.change.Consent.Notes, "notes", "", "what was agreed")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("kind")
	_ = c.MarkFlagRequired("given")
	return c
}

func caseConsentAddRun(opts *caseConsentAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
