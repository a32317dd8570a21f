package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type serviceUpdateOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" for --today
	change   casework.UpdateReferral
}

func newCmdServiceUpdate(g *globals, runF func(*serviceUpdateOptions) error) *cobra.Command {
	opts := &serviceUpdateOptions{globals: g}
	c := &cobra.Command{
		Use:   "update CASE REFERRAL --status STATUS",
		Short: "Record a referral's new status and commit it",
		Long: `Set the status of referral REFERRAL of CASE — its ID, R-K7QX2 (R1 in an
older file), in any case — to referred, accepted, in-progress, completed,
declined or expired, with the date it changed (--date, default --today;
recorded as updated) and, with --outcome, what came of it. The referral's
ID is printed on stdout.

An outcome is one statement of what came of the referral, and a later one
supersedes a provisional one ("accepted, starts Monday", then "completed
the course"): --outcome replaces the outcome recorded, and a note on
stderr says what it was (caseplan: note: referral R-K7QX2: outcome
replaced (was "accepted, starts Monday")). Without --outcome it stays.

Only the changed lines of services.yaml change: comments and the order of
what a person wrote stay as they are. A date before the referral was made
is refused (date-order).` + "\n" + exitStatusHelp,
		Example: `  caseplan service update 2026-K7QX2 R-3MZ8Q --status completed \
      --date 2026-04-02 \
      --outcome 'after-school care arranged'`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Referral = args[0], args[1]
			if u.Status == "" {
				return &UsageError{Msg: "service update needs --status", Hint: "one of " + strings.Join(casework.ReferralStatuses, ", ")}
			}
			if !slices.Contains(casework.ReferralStatuses, u.Status) {
				return usageErrorf("--status %q: use one of %s", u.Status, strings.Join(casework.ReferralStatuses, ", "))
			}
			var err error
			if u.Date, err = optionalDate("date", opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return serviceUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Status, "status", "", "`STATUS`: "+choicesOf("service update", "status"))
	f.StringVar(&opts.change.Outcome, "outcome", "", "what came of the referral, replacing the outcome recorded (said on stderr)")
	dateVar(f, &opts.date, "date", "the `DATE` the status changed (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func serviceUpdateRun(opts *serviceUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
}
