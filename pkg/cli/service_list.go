package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/layout"
)

type serviceListOptions struct {
	*globals
	caseID string
	output string
}

func newCmdServiceList(g *globals, runF func(*serviceListOptions) error) *cobra.Command {
	opts := &serviceListOptions{globals: g}
	c := &cobra.Command{
		Use:   "list CASE",
		Short: "List a case's referrals and where they stand",
		Long: `List CASE's referrals to supportive services and training in the order of
services.yaml.

-o json prints a list of objects with the keys id, service, provider,
category, referred, status, updated and outcome (each "" when not
recorded).` + "\n" + exitStatusHelp,
		Example: `  caseplan service list 2026-K7QX2           # the case's referrals
  caseplan service list 2026-K7QX2 -o json   # for a script`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.caseID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return serviceListRun(opts)
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

func serviceListRun(opts *serviceListOptions) error {
	snap, err := opts.loadReadable(opts.caseID, layout.File(opts.caseID, layout.KindServices))
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
		return writeJSON(opts.env.Stdout, rows)
	}
	t := newTable(opts.env, "ID", "SERVICE", "PROVIDER", "CATEGORY", "REFERRED", "STATUS", "UPDATED", "OUTCOME")
	for _, r := range rows {
		t.row(r.ID, r.Service, r.Provider, dashIfEmpty(r.Category), r.Referred, r.Status, dashIfEmpty(r.Updated), r.Outcome)
	}
	return t.flush()
}
