package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

type credentialAddOptions struct {
	*globals
	noCommit               bool
	date, educationEntered string // parsed into change.Credential
	change                 casework.AddCredential
}

func newCmdCredentialAdd(g *globals, runF func(*credentialAddOptions) error) *cobra.Command {
	opts := &credentialAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --kind KIND --date DATE [--name NAME] [--provider P]",
		Short: "Record a recognised credential attained; prints its ID",
		Long: `Record a recognised credential CASE's participant attained, in outcome.yaml,
and print its ID (CR-XXXXX). Credential attainment, one of WIOA's primary
indicators (TEGL 10-16; PIRL 1800-1805), counts a credential attained during
participation or within a year after exit, by participants who were in
training other than on-the-job or customized training. One dated before the
case opened is refused (rule date-order): it would count for nothing.

--kind is the type of credential, as PIRL 1800 codes it:
  secondary-diploma           1  a secondary school diploma or its recognised
                                 equivalent; it counts only when the participant
                                 was also employed, or entered postsecondary
                                 education or training (--education-entered),
                                 within a year after exit; it is a measurable
                                 skill gain too
  associate-degree            2
  bachelor-degree             3
  occupational-licensure      4
  occupational-certificate    5
  occupational-certification  6
  other                       7  another recognised diploma, degree or
                                 certificate` + "\n" + exitStatusHelp,
		Example: `  caseplan credential add W-001 --kind occupational-certification \
      --date 2026-08-14 \
      --name "Certified Nursing Assistant" \
      --provider "State nurse aide registry"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			cr := &opts.change.Credential
			if !readChoice(&cr.Kind, record.CredentialKinds...) {
				return &UsageError{Msg: fmt.Sprintf("--kind %q: use one of %s", cr.Kind, strings.Join(record.CredentialKinds, ", ")), Hint: choiceHint("kind", record.CredentialKinds, cr.Kind, nil)}
			}
			var err error
			if cr.Date, err = requiredDate("date", opts.date); err != nil {
				return err
			}
			if cr.EducationEntered, err = optionalDate("education-entered", opts.educationEntered); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return credentialAddRun(opts)
		},
	}
	f := c.Flags()
	cr := &opts.change.Credential
	f.StringVar(&cr.Kind, "kind", "", "the type of credential (PIRL 1800): "+strings.Join(record.CredentialKinds, ", "))
	dateVar(f, &opts.date, "date", "the `DATE` it was attained")
	f.StringVar(&cr.Name, "name", "", "what it is, e.g. 'Certified Nursing Assistant'")
	f.StringVar(&cr.Provider, "provider", "", "who awarded it")
	dateVar(f, &opts.educationEntered, "education-entered", "for a secondary diploma: the `DATE` the participant entered postsecondary education or training")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("kind")
	_ = c.MarkFlagRequired("date")
	return c
}

func credentialAddRun(opts *credentialAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
}
