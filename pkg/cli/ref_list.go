package cli

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

type refListOptions struct {
	*globals
	caseID string
	output string
}

func newCmdRefList(g *globals, runF func(*refListOptions) error) *cobra.Command {
	opts := &refListOptions{globals: g}
	c := &cobra.Command{
		Use:   "list CASE",
		Short: "List a case's references and how many agreed to be named",
		Long: `List CASE's professional references in the order of references.yaml, with
the dates they agreed to be named (permission) and were briefed, then a line
saying how many have permission. For a work-security case that line counts
them against the references the program requires before the layoff date
(the program setting references_required, 3 by default: document 000).

A reference is named by its ID (RF-7QX2K) or, when it was written before
references had IDs, by its number. A reference who withdrew their
permission (caseplan ref withdraw) stays in the list with the date, and no
longer counts.

-o json prints an object: "references", a list of objects with the keys
number (1 for the first), id ("" for an older reference without one),
name, title, organization, relationship, phone, email, permission, briefed
and withdrawn (each "" when not recorded); "with_permission", how many
have a permission date as of --today and have not withdrawn; and
"required", the number the case's program requires (0 when it requires
none).` + "\n" + exitStatusHelp,
		Example: `  caseplan ref list 2026-K7QX2           # the case's references
  caseplan ref list 2026-K7QX2 -o json   # for a script`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.caseID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return refListRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

// refRow is one reference in ref list's JSON contract.
type refRow struct {
	Number       int    `json:"number"`
	ID           string `json:"id"`
	Name         string `json:"name"`
	Title        string `json:"title"`
	Organization string `json:"organization"`
	Relationship string `json:"relationship"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Permission   string `json:"permission"`
	Briefed      string `json:"briefed"`
	Withdrawn    string `json:"withdrawn"`
}

// refList is ref list's JSON contract.
type refList struct {
	References     []refRow `json:"references"`
	WithPermission int      `json:"with_permission"`
	Required       int      `json:"required"`
}

func refListRun(opts *refListOptions) error {
	snap, err := opts.loadReadable(opts.caseID, layout.File(opts.caseID, layout.KindReferences))
	if err != nil {
		return err
	}
	today, err := opts.todayDate()
	if err != nil {
		return err
	}
	c := snap.Case(opts.caseID)
	out := refList{References: []refRow{}}
	if c.References != nil {
		for i, r := range c.References.References {
			out.References = append(out.References, refRow{
				Number: i + 1, ID: r.ID, Name: r.Name, Title: r.Title, Organization: r.Organization, Relationship: r.Relationship,
				Phone: r.Phone, Email: r.Email, Permission: string(r.Permission), Briefed: string(r.Briefed), Withdrawn: string(r.Withdrawn),
			})
		}
	}
	out.WithPermission = calendar.ReferencesWithPermission(c, record.Date(today.Format(time.DateOnly)))
	out.Required = casestate.ReferencesRequired(c, snap.Config)
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, out)
	}
	t := newTable(opts.env, "#", "ID", "NAME", "RELATIONSHIP", "TITLE", "ORGANIZATION", "PHONE", "EMAIL", "PERMISSION", "BRIEFED", "WITHDRAWN")
	for _, r := range out.References {
		t.row(strconv.Itoa(r.Number), dashIfEmpty(r.ID), r.Name, r.Relationship, r.Title, r.Organization, r.Phone, r.Email, dashIfEmpty(r.Permission), dashIfEmpty(r.Briefed), dashIfEmpty(r.Withdrawn))
	}
	if err := t.flush(); err != nil {
		return err
	}
	if out.Required > 0 {
		fmt.Fprintf(opts.env.Stdout, "%d of %d required references have permission (document 000)\n", out.WithPermission, out.Required)
	} else {
		fmt.Fprintf(opts.env.Stdout, "%d of %d references have permission\n", out.WithPermission, len(out.References))
	}
	return nil
}
