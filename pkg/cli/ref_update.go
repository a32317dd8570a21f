package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type refUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateReference
}

func newCmdRefUpdate(g *globals, runF func(*refUpdateOptions) error) *cobra.Command {
	opts := &refUpdateOptions{globals: g}
	var name, title, org, rel, phone, email, permission, briefed string
	c := &cobra.Command{
		Use:   "update CASE REF [--name NAME] [--title T] [--organization O] [--relationship R] [--phone P] [--email E] [--permission DATE] [--briefed DATE]",
		Short: "Correct or complete a reference: contact, permission, briefing",
		Long: `Change the fields given of reference REF of CASE — its ID (RF-7QX2K, as
ref add printed it and ref list shows it) or, for a reference written
before references had IDs, its number in the list (1 for the first) — and
commit it. --permission records the date they agreed to be named, which,
with a --phone or an --email to reach them by, makes them count toward the
three references work security asks for by the layoff date (000: an
employer cannot check a reference it cannot reach); --briefed records the
date the candidate pre-planned with them. An empty value ('') removes a
field (a value of spaces only is refused); the name and the relationship
cannot be removed. When a reference withdraws their permission, record it
with caseplan ref withdraw.

Only the changed lines of references.yaml change: comments and the order of
what a person wrote stay as they are.` + "\n" + exitStatusHelp,
		Example: `  caseplan ref update 2026-K7QX2 RF-7QX2K --phone 555-0143 \
      --permission 2026-03-20
  caseplan ref update 2026-K7QX2 2 --briefed 2026-03-24 --title ''`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Reference = args[0], args[1]
			u.Name, u.Title, u.Organization = givenFlag(c, "name", &name), givenFlag(c, "title", &title), givenFlag(c, "organization", &org)
			u.Relationship, u.Phone, u.Email = givenFlag(c, "relationship", &rel), givenFlag(c, "phone", &phone), givenFlag(c, "email", &email)
			var err error
			if u.Permission, err = givenDate(c, "permission", &permission); err != nil {
				return err
			}
			if u.Briefed, err = givenDate(c, "briefed", &briefed); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return refUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&name, "name", "", "the reference's full `NAME`")
	f.StringVar(&title, "title", "", "their job title")
	f.StringVar(&org, "organization", "", "where they work")
	f.StringVar(&rel, "relationship", "", "how they know the candidate")
	f.StringVar(&phone, "phone", "", "their phone number")
	f.StringVar(&email, "email", "", "their email address")
	clearableDateVar(f, &permission, "permission", "the `DATE` they agreed to be named (000)")
	clearableDateVar(f, &briefed, "briefed", "the `DATE` the candidate pre-planned with them (000)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func refUpdateRun(opts *refUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
