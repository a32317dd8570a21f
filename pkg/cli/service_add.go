package cli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

type serviceAddOptions struct {
	*globals
	noCommit  bool
	date      string // parsed into change.Referral.Referred
	dateToday bool   // date is --today's, --date left out
	change    casework.AddReferral
}

func newCmdServiceAdd(g *globals, runF func(*serviceAddOptions) error) *cobra.Command {
	opts := &serviceAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --service TEXT --provider TEXT [--date DATE]",
		Short: "Refer the participant to a service or training and commit it",
		Long: `Record a referral of CASE to a supportive service or training in
services.yaml (documents 001 and 003) and commit it; the new referral's ID
(R- and five random characters, e.g. R-K7QX2, so that referrals added in
two clones at once stay two) is printed on stdout.
Its status starts as referred; move it along with caseplan service update.

--date is the date of the referral, by default --today (CASEPLAN_TODAY,
else today), since a referral is usually recorded the day it is made; a
referral dated so is said on stderr with its date. --category is one of
supportive, training, education, employment or other.

Post-employment (003 item 9): education and training referrals are made
while the participant receives cash assistance and for 12 months after
it ends; one dated later is written, with the warning of rule
pe-training-referral.

The file is edited in place: comments and the order of what a person wrote
stay as they are, and the commit shows only the new lines.` + "\n" + exitStatusHelp,
		Example: `  caseplan service add 2026-K7QX2 --service 'child care assistance' \
      --provider 'Riverside Child Care Resource Center' --date 2026-03-16 \
      --category supportive`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			r := &opts.change.Referral
			if err := referralServiceProvider(*r); err != nil {
				return err
			}
			var err error
			if opts.date == "" {
				today, err := g.todayDate()
				if err != nil {
					return err
				}
				opts.date, opts.dateToday = today.Format(time.DateOnly), true
			}
			if r.Referred, err = requiredDate("date", opts.date); err != nil {
				return err
			}
			if r.Category != "" && !slices.Contains(casework.ReferralCategories, r.Category) {
				return usageErrorf("--category %q: use one of %s", r.Category, strings.Join(casework.ReferralCategories, ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return serviceAddRun(opts)
		},
	}
	f := c.Flags()
	r := &opts.change.Referral
	f.StringVar(&r.Service, "service", "", "the service referred to, e.g. 'child care assistance'")
	f.StringVar(&r.Provider, "provider", "", "the organisation providing it")
	dateVar(f, &opts.date, "date", "the `DATE` of the referral (default: --today)")
	f.StringVar(&r.Category, "category", "", "`CATEGORY`: "+choicesOf("service add", "category"))
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the referral but do not commit it")
	return c
}

func serviceAddRun(opts *serviceAddOptions) error {
	res, err := opts.writeResult(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
	if err != nil {
		return err
	}
	if opts.dateToday {
		// stdout is the ID alone, for scripts; the date taken for the
		// one left out is said where a mistaken day is seen at once.
		fmt.Fprintf(opts.env.Stderr, "caseplan: referral %s dated %s (--today)\n", res.Change.Output, opts.date)
	}
	// A post-employment referral to education or training after the
	// months of 003 item 9 is written, and said now.
	opts.sayWarnings(res, validate.RulePETrainingReferral)
	return nil
}

// referralServiceProvider refuses a referral without a service or a
// provider, naming only what is missing, as note add does for --kind and
// --mode: told "needs --service and --provider" after giving --service,
// a case manager looks for what was wrong with the service given.
func referralServiceProvider(r record.Referral) error {
	service, provider := strings.TrimSpace(r.Service) != "", strings.TrimSpace(r.Provider) != ""
	switch {
	case !service && !provider:
		return &UsageError{Msg: "a referral needs --service and --provider", Hint: "for example --service 'child care assistance' --provider 'Riverside Child Care Resource Center'"}
	case !service:
		return &UsageError{Msg: "a referral needs --service", Hint: "for example --service 'child care assistance'"}
	case !provider:
		return &UsageError{Msg: "a referral needs --provider", Hint: "for example --provider 'Riverside Child Care Resource Center'"}
	}
	return nil
}
