package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

func newServiceCmd(g *globals) *cobra.Command {
	return newGroupCmd("service", "Referrals to supportive services and training",
		newServiceAddCmd(g), newServiceUpdateCmd(g), newServiceListCmd(g))
}

type serviceAddOptions struct {
	caseID   string
	referral record.Referral
	date     string
	noCommit bool
}

func newServiceAddCmd(g *globals) *cobra.Command {
	opts := &serviceAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --service TEXT --provider TEXT --date DATE",
		Short: "Refer the participant to a service or training and commit it",
		Long: `Record a referral of CASE to a supportive service or training in
services.yaml (documents 001 and 003) and commit it; the new referral's ID
(R1, R2, ...: one more than the highest the case has) is printed on stdout.
Its status starts as referred; move it along with caseplan service update.

--date is the date of the referral. --category is one of supportive,
training, education, employment or other.

The file is edited in place: comments and the order of what a person wrote
stay as they are, and the commit shows only the new lines.` + "\n" + exitStatusHelp,
		Example: `  caseplan service add 2026-K7QX2 --service 'child care assistance' \
      --provider 'Riverside Child Care Resource Center' --date 2026-03-16 --category supportive`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			r := &opts.referral
			if strings.TrimSpace(r.Service) == "" || strings.TrimSpace(r.Provider) == "" || opts.date == "" {
				return &UsageError{Msg: "a referral needs --service, --provider and --date", Hint: "for example --service 'child care assistance' --provider 'Riverside Child Care Resource Center' --date 2026-03-16"}
			}
			if _, err := parseDate("date", opts.date); err != nil {
				return err
			}
			r.Referred = record.Date(opts.date)
			if r.Category != "" && !slices.Contains(casework.ReferralCategories, r.Category) {
				return usageErrorf("--category %q: use one of %s", r.Category, strings.Join(casework.ReferralCategories, ", "))
			}
			return g.write(opts.noCommit, []string{opts.caseID}, casework.AddReferral{Case: opts.caseID, Referral: *r}.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.referral.Service, "service", "", "the service referred to, e.g. 'child care assistance'")
	f.StringVar(&opts.referral.Provider, "provider", "", "the organisation providing it")
	f.StringVar(&opts.date, "date", "", "the `DATE` of the referral")
	f.StringVar(&opts.referral.Category, "category", "", "`CATEGORY`: "+strings.Join(casework.ReferralCategories, ", "))
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the referral but do not commit it")
	return c
}

type serviceUpdateOptions struct {
	update   casework.UpdateReferral
	date     string
	noCommit bool
}

func newServiceUpdateCmd(g *globals) *cobra.Command {
	opts := &serviceUpdateOptions{}
	c := &cobra.Command{
		Use:   "update CASE REFERRAL --status STATUS",
		Short: "Record a referral's new status and commit it",
		Long: `Set the status of referral REFERRAL (R1, R2, ...) of CASE — referred,
accepted, in-progress, completed, declined or expired — with the date it
changed (--date, default --today; recorded as updated) and, with --outcome,
what came of it. The referral's ID is printed on stdout.

Only the changed lines of services.yaml change: comments and the order of
what a person wrote stay as they are. A date before the referral was made
is refused (date-order).` + "\n" + exitStatusHelp,
		Example: `  caseplan service update 2026-K7QX2 R1 --status completed --date 2026-04-02 \
      --outcome 'after-school care arranged'`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.update
			u.Case, u.Referral = args[0], args[1]
			if u.Status == "" {
				return &UsageError{Msg: "service update needs --status", Hint: "one of " + strings.Join(casework.ReferralStatuses, ", ")}
			}
			if !slices.Contains(casework.ReferralStatuses, u.Status) {
				return usageErrorf("--status %q: use one of %s", u.Status, strings.Join(casework.ReferralStatuses, ", "))
			}
			if opts.date != "" {
				if _, err := parseDate("date", opts.date); err != nil {
					return err
				}
				u.Date = record.Date(opts.date)
			}
			return g.write(opts.noCommit, []string{u.Case}, u.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.update.Status, "status", "", "`STATUS`: "+strings.Join(casework.ReferralStatuses, ", "))
	f.StringVar(&opts.update.Outcome, "outcome", "", "what came of the referral")
	f.StringVar(&opts.date, "date", "", "the `DATE` the status changed (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

type serviceListOptions struct {
	caseID string
	output string
}

func newServiceListCmd(g *globals) *cobra.Command {
	opts := &serviceListOptions{}
	c := &cobra.Command{
		Use:   "list CASE",
		Short: "List a case's referrals and where they stand",
		Long: `List CASE's referrals to supportive services and training in the order of
services.yaml.

-o json prints a list of objects with the keys id, service, provider,
category, referred, status, updated and outcome (each "" when not
recorded).` + "\n" + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.caseID = args[0]
			return serviceListRun(g, opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

// referralRow is one referral in service list's JSON contract.
type referralRow struct {
	ID       string `json:"id"`
	Service  string `json:"service"`
	Provider string `json:"provider"`
	Category string `json:"category"`
	Referred string `json:"referred"`
	Status   string `json:"status"`
	Updated  string `json:"updated"`
	Outcome  string `json:"outcome"`
}

func serviceListRun(g *globals, opts *serviceListOptions) error {
	snap, err := g.loadReadable(opts.caseID, layout.File(opts.caseID, layout.KindServices))
	if err != nil {
		return err
	}
	c := snap.Case(opts.caseID)
	rows := []referralRow{}
	if c.Services != nil {
		for _, r := range c.Services.Referrals {
			rows = append(rows, referralRow{
				ID: r.ID, Service: r.Service, Provider: r.Provider, Category: r.Category,
				Referred: string(r.Referred), Status: r.Status, Updated: string(r.Updated), Outcome: r.Outcome,
			})
		}
	}
	if opts.output == "json" {
		return writeJSON(g.env.Stdout, rows)
	}
	t := newTable(g.env, "ID", "SERVICE", "PROVIDER", "CATEGORY", "REFERRED", "STATUS", "UPDATED", "OUTCOME")
	for _, r := range rows {
		t.row(r.ID, r.Service, r.Provider, dashIfEmpty(r.Category), r.Referred, r.Status, dashIfEmpty(r.Updated), r.Outcome)
	}
	return t.flush()
}
