package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseTeamAddOptions struct {
	*globals
	noCommit bool
	change   casework.AddTeamMember
}

func newCmdCaseTeamAdd(g *globals, runF func(*caseTeamAddOptions) error) *cobra.Command {
	opts := &caseTeamAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE (--name NAME | --staff ID) --role ROLE [--organization O] [--phone P] [--email E] [--notes TEXT]",
		Short: "Add a person to the case's team",
		Long: `Add another person working on CASE to its team in intake.yaml, with their
role: union-representative, hr-laying-off (the HR officer of the unit laying
off) or hr-hiring (of a hiring unit) (document 000), counselor (at another
center, 002), navigator (003), employer or other. A role the schema does not
know, or an email address that is not one, is refused with its finding. The
team member's ID (e.g. TM-K7QX2) is printed on stdout.

A colleague on the staff roster is on the team by their email address: it
lets them work on the case and opens its sealed fields to them. --staff ID
takes their name and address from the roster; --name alone that is the
name of one active member of the roster takes that member's address too,
and the commit says which ID (a name two members share is refused: name
one with --staff). A colleague is on the team once: adding them again,
in another role, is refused with the case team update that changes their
role. A member retired from the roster is refused by --staff; their name
alone is added as typed, unlinked, with a note. A
person off the roster (a union representative, an employer) is added
with --name, and --email when they have one.` + "\n" + exitStatusHelp,
		Example: `  caseplan case team add WS-001 --name 'Alex Example' \
      --role union-representative \
      --organization 'Example Clerical Workers Union' --phone 555-0130
  caseplan case team add WS-001 --staff dpatel --role counselor`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if runF != nil {
				return runF(opts)
			}
			return caseTeamAddRun(opts)
		},
	}
	f := c.Flags()
	m := &opts.change.Member
	f.StringVar(&m.Name, "name", "", "their full `NAME` (required unless --staff)")
	f.StringVar(&opts.change.Staff, "staff", "", "the roster `ID` of a staff member: their name and email from the roster")
	f.StringVar(&m.Role, "role", "", "their `ROLE` on the case: "+choicesOf("case team add", "role")+" (required)")
	f.StringVar(&m.Organization, "organization", "", "the organisation or unit they belong to")
	f.StringVar(&m.Phone, "phone", "", "their phone number")
	f.StringVar(&m.Email, "email", "", "their email address")
	f.StringVar(&m.Notes, "notes", "", "anything else worth knowing about working with them")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	c.MarkFlagsOneRequired("name", "staff")
	_ = c.MarkFlagRequired("role")
	return c
}

func caseTeamAddRun(opts *caseTeamAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
