package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

func newStaffCmd(g *globals) *cobra.Command {
	return newGroupCmd("staff", "The staff roster: who may act on the store",
		newStaffAddCmd(g), newStaffListCmd(g))
}

type staffAddOptions struct {
	staff    record.Staff
	noCommit bool
}

func newStaffAddCmd(g *globals) *cobra.Command {
	opts := &staffAddOptions{}
	c := &cobra.Command{
		Use:   "add --name NAME --email EMAIL",
		Short: "Add a staff member to the roster",
		Long: `Add a staff member to the roster in cases/caseplan.yaml. Every commit to the
store must be authored by someone on the roster (caseplan verify checks it),
and case managers and note authors are named by their roster id. The id
defaults to the email address's local part; it is printed.` + "\n" + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return g.write(opts.noCommit, nil, casework.AddStaff{Staff: opts.staff}.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.staff.Name, "name", "", "full `NAME`")
	f.StringVar(&opts.staff.Email, "email", "", "email `ADDRESS` (the one they commit with)")
	f.StringVar(&opts.staff.ID, "id", "", "roster `ID` (default: the email's local part)")
	f.StringVar(&opts.staff.Role, "role", "case-manager", "`ROLE`: case-manager, coordinator, supervisor, navigator or admin")
	f.StringVar(&opts.staff.Center, "center", "", "the office they work from")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("name")
	_ = c.MarkFlagRequired("email")
	return c
}

type staffListOptions struct{ output string }

func newStaffListCmd(g *globals) *cobra.Command {
	opts := &staffListOptions{}
	c := &cobra.Command{
		Use:   "list",
		Short: "List the staff roster",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			return staffListRun(g, opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func staffListRun(g *globals, opts *staffListOptions) error {
	snap, err := g.loadWorkTree([]string{}) // the settings only
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
		return writeJSON(g.env.Stdout, items)
	}
	t := newTable(g.env, "ID", "NAME", "EMAIL", "ROLE", "CENTER")
	for _, s := range snap.Config.Staff {
		t.row(s.ID, s.Name, s.Email, s.Role, s.Center)
	}
	return t.flush()
}
