package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

func newRefCmd(g *globals) *cobra.Command {
	return newGroupCmd("ref", "Professional references", newRefAddCmd(g), newRefListCmd(g))
}

type refAddOptions struct {
	caseID     string
	ref        record.Reference
	permission string
	briefed    string
	noCommit   bool
}

func newRefAddCmd(g *globals) *cobra.Command {
	opts := &refAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --name NAME --relationship TEXT",
		Short: "Add a professional reference and commit it",
		Long: `Add a professional reference to CASE's references.yaml and commit it; the
reference's number in the list (as ref list shows it) is printed on stdout.

Work security asks the candidate to secure three professional references
before the layoff date (document 000; the program setting
references_required): --permission records the date the reference agreed to
be named, --briefed the date the candidate pre-planned with them what they
will say. A reference counts toward the three only with a permission date.

The file is edited in place: comments and the order of what a person wrote
stay as they are, and the commit shows only the new lines. A second
reference with the same name is refused; correct one in references.yaml.` + "\n" + exitStatusHelp,
		Example: `  caseplan ref add 2026-K7QX2 --name 'Pat Example' --relationship 'former supervisor' \
      --title 'Office Manager' --organization 'Example Clinic' --phone 555-0142 \
      --email pat@example.org --permission 2026-03-10`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			if strings.TrimSpace(opts.ref.Name) == "" || strings.TrimSpace(opts.ref.Relationship) == "" {
				return &UsageError{Msg: "a reference needs --name and --relationship", Hint: "for example --name 'Pat Example' --relationship 'former supervisor'"}
			}
			for _, d := range []struct {
				flag, v string
				dst     *record.Date
			}{{"permission", opts.permission, &opts.ref.Permission}, {"briefed", opts.briefed, &opts.ref.Briefed}} {
				if d.v == "" {
					continue
				}
				if _, err := parseDate(d.flag, d.v); err != nil {
					return err
				}
				*d.dst = record.Date(d.v)
			}
			return g.write(opts.noCommit, []string{opts.caseID}, casework.AddReference{Case: opts.caseID, Reference: opts.ref}.Build, outputOnly)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.ref.Name, "name", "", "the reference's full `NAME`")
	f.StringVar(&opts.ref.Relationship, "relationship", "", "how they know the candidate, e.g. 'former supervisor'")
	f.StringVar(&opts.ref.Title, "title", "", "their job title")
	f.StringVar(&opts.ref.Organization, "organization", "", "where they work")
	f.StringVar(&opts.ref.Phone, "phone", "", "their phone number")
	f.StringVar(&opts.ref.Email, "email", "", "their email address")
	f.StringVar(&opts.permission, "permission", "", "the `DATE` they agreed to be named (000)")
	f.StringVar(&opts.briefed, "briefed", "", "the `DATE` the candidate pre-planned with them (000)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the reference but do not commit it")
	return c
}

type refListOptions struct {
	caseID string
	output string
}

func newRefListCmd(g *globals) *cobra.Command {
	opts := &refListOptions{}
	c := &cobra.Command{
		Use:   "list CASE",
		Short: "List a case's references and how many agreed to be named",
		Long: `List CASE's professional references in the order of references.yaml, with
the dates they agreed to be named (permission) and were briefed, then a line
saying how many have permission. For a work-security case that line counts
them against the references the program requires before the layoff date
(the program setting references_required, 3 by default: document 000).

-o json prints an object: "references", a list of objects with the keys
number (1 for the first), name, title, organization, relationship, phone,
email, permission and briefed (each "" when not recorded);
"with_permission", how many have a permission date; and "required", the
number the case's program requires (0 when it requires none).` + "\n" + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.caseID = args[0]
			return refListRun(g, opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

// refRow is one reference in ref list's JSON contract.
type refRow struct {
	Number       int    `json:"number"`
	Name         string `json:"name"`
	Title        string `json:"title"`
	Organization string `json:"organization"`
	Relationship string `json:"relationship"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Permission   string `json:"permission"`
	Briefed      string `json:"briefed"`
}

// refList is ref list's JSON contract.
type refList struct {
	References     []refRow `json:"references"`
	WithPermission int      `json:"with_permission"`
	Required       int      `json:"required"`
}

func refListRun(g *globals, opts *refListOptions) error {
	snap, err := g.loadReadable(opts.caseID, layout.File(opts.caseID, layout.KindReferences))
	if err != nil {
		return err
	}
	today, err := g.todayDate()
	if err != nil {
		return err
	}
	c := snap.Case(opts.caseID)
	out := refList{References: []refRow{}}
	if c.References != nil {
		for i, r := range c.References.References {
			out.References = append(out.References, refRow{
				Number: i + 1, Name: r.Name, Title: r.Title, Organization: r.Organization, Relationship: r.Relationship,
				Phone: r.Phone, Email: r.Email, Permission: string(r.Permission), Briefed: string(r.Briefed),
			})
		}
	}
	out.WithPermission = calendar.ReferencesWithPermission(c, record.Date(today.Format(time.DateOnly)))
	out.Required = casestate.ReferencesRequired(c, snap.Config)
	if opts.output == "json" {
		return writeJSON(g.env.Stdout, out)
	}
	t := newTable(g.env, "#", "NAME", "RELATIONSHIP", "TITLE", "ORGANIZATION", "PHONE", "EMAIL", "PERMISSION", "BRIEFED")
	for _, r := range out.References {
		t.row(strconv.Itoa(r.Number), r.Name, r.Relationship, r.Title, r.Organization, r.Phone, r.Email, dashIfEmpty(r.Permission), dashIfEmpty(r.Briefed))
	}
	if err := t.flush(); err != nil {
		return err
	}
	if out.Required > 0 {
		fmt.Fprintf(g.env.Stdout, "%d of %d required references have permission (document 000)\n", out.WithPermission, out.Required)
	} else {
		fmt.Fprintf(g.env.Stdout, "%d of %d references have permission\n", out.WithPermission, len(out.References))
	}
	return nil
}

// loadReadable loads one case for a list command, refusing (exit 1, the
// reasons on stderr) when the record file at p, or one under p (a
// directory such as the case's activity/), could not be read at all —
// broken YAML, say: listing nothing would wrongly say the case has none.
// The list commands ref list, activity list and service list share it.
func (g *globals) loadReadable(caseID, p string) (*casefile.Snapshot, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil, err
	}
	snap, found, err := store.Load(src, []string{caseID})
	if err != nil {
		return nil, err
	}
	if snap.Config == nil {
		return nil, &InvalidError{Msg: "cannot read the store settings " + layout.ConfigPath, Hint: "run caseplan validate to see why"}
	}
	c := snap.Case(caseID)
	if c == nil { // an ID that cannot name a case directory
		return nil, &store.UnknownCaseError{ID: caseID}
	}
	var unread []finding.Finding
	for _, f := range found {
		if (f.Path == p || strings.HasPrefix(f.Path, p+"/")) && store.NotRead(f) {
			unread = append(unread, f)
		}
	}
	if len(unread) > 0 {
		for _, f := range unread {
			fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", f)
		}
		return nil, &InvalidError{Msg: fmt.Sprintf("cannot read %d record file(s) of case %s; nothing is listed", len(unread), caseID), Hint: "correct the file(s) above, then list again"}
	}
	return snap, nil
}

// dashIfEmpty shows an empty table cell as "-", so a missing date reads as
// missing rather than as a shifted column.
func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
