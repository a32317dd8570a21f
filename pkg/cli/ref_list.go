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
saying how many count: those with permission and a phone or an email, since
an employer cannot check a reference it cannot reach. For a work-security
case that line counts them against the references the program requires
before the layoff date (the program setting references_required, 3 by
default: document 000). When some have permission but neither a phone nor
an email, the line says how many, and a hint on stderr names, for each, the
ref update command that makes it count.

A reference is named by its ID (RF-7QX2K) or, when it was written before
references had IDs, by its number. A reference who withdrew their
permission (caseplan ref withdraw) stays in the list with the date, and no
longer counts.

-o json prints an object: "references", a list of objects with the keys
number (1 for the first), id ("" for an older reference without one),
name, title, organization, relationship, phone, email, permission, briefed
and withdrawn (each "" when not recorded); "with_permission", how many
have a permission date as of --today, have not withdrawn and have a phone
or an email; "required", the number the case's program requires (0 when
it requires none); and "with_permission_unreachable", how many more have
permission but neither a phone nor an email, and so are not counted in
with_permission.` + "\n" + exitStatusHelp,
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
	// Unreachable agreed to be named but have neither a phone nor an
	// email (calendar.UnreachableReferences): not in WithPermission.
	Unreachable int `json:"with_permission_unreachable"`
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
	unreachable := calendar.UnreachableReferences(c, record.Date(today.Format(time.DateOnly)))
	out.Unreachable = len(unreachable)
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
	line := fmt.Sprintf("%d of %d references have permission and a phone or an email", out.WithPermission, len(out.References))
	if out.Required > 0 {
		line = fmt.Sprintf("%d of %d required references have permission and a phone or an email (document 000)", out.WithPermission, out.Required)
	}
	if out.Unreachable > 0 {
		verbs := "has neither, and does not count"
		if out.Unreachable > 1 {
			verbs = "have neither, and do not count"
		}
		line += fmt.Sprintf("; %d more with permission %s", out.Unreachable, verbs)
	}
	fmt.Fprintln(opts.env.Stdout, line)
	for _, i := range unreachable {
		fmt.Fprintf(opts.env.Stderr, "caseplan: hint: make reference %s count with %s\n", c.References.References[i].Handle(i), casestate.ReferenceReachCommand(c.ID, c.References.References[i].Handle(i)))
	}
	return nil
}
