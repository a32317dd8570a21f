package cli

import (
	"github.com/spf13/cobra"
)

type staffListOptions struct {
	*globals
	output string
}

func newCmdStaffList(g *globals, runF func(*staffListOptions) error) *cobra.Command {
	opts := &staffListOptions{globals: g}
	c := &cobra.Command{
		Use:   "list",
		Short: "List the staff roster",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return staffListRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func staffListRun(opts *staffListOptions) error {
	snap, err := opts.loadWorkTree([]string{}) // the settings only
	if err != nil {
		return err
	}
	if opts.output == "json" {
		type item struct {
			ID     string `json:"id"`
			Name   string `json:"name"`
			Email  string `json:"email"`
			Role   string `json:"role"`
			Center string `json:"center"`
			Active bool   `json:"active"`
		}
		items := []item{}
		for _, s := range snap.Config.Staff {
			items = append(items, item{s.ID, s.Name, s.Email, s.Role, s.Center, s.IsActive()})
		}
		return writeJSON(opts.env.Stdout, items)
	}
	t := newTable(opts.env, "ID", "NAME", "EMAIL", "ROLE", "CENTER")
	for _, s := range snap.Config.Staff {
		t.row(s.ID, s.Name, s.Email, s.Role, s.Center)
	}
	return t.flush()
}
