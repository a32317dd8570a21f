package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseTeamUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateTeamMember
}

func newCmdCaseTeamUpdate(g *globals, runF func(*caseTeamUpdateOptions) error) *cobra.Command {
	opts := &caseTeamUpdateOptions{globals: g}
	var name, role, org, phone, email, notes string
	c := &cobra.Command{
		Use:   "update CASE MEMBER [--name NAME] [--role ROLE] [--organization O] [--phone P] [--email E] [--notes TEXT]",
		Short: "Change a team member's role or contact details",
		Long: `Change the fields given of team member MEMBER of CASE — their ID
(TM-K7QX2, as case team add printed it), their number in intake.yaml's
team (1 for the first), their name, or for a staff member the staff ID
case team add --staff took — and commit it. An empty value ('') removes a
field (a value of spaces only is refused, never taken for ''); the name
and the role cannot be removed. --notes is added to the member's earlier
notes after a "; " ("Prefers email; On leave until 2026-04-01"), as an
extension decision's notes are: what someone wrote is never replaced
without a word. The same notes typed again add nothing; --notes '' removes
them all (stderr says what they were), and a wording is corrected by
editing intake.yaml and running caseplan commit. A role that is not one of
the roles is refused naming them (exit 2), as case team add refuses it; an
email address that is not one is refused with its finding (exit 1). Only
the changed lines of intake.yaml change.` + "\n" + exitStatusHelp,
		Example: `  caseplan case team update WS-001 'Alex Example' --phone 555-0131
  caseplan case team update WS-001 TM-K7QX2 --notes 'On leave until 2026-04-01'`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Member = args[0], args[1]
			u.Name, u.Role, u.Organization = givenFlag(c, "name", &name), givenFlag(c, "role", &role), givenFlag(c, "organization", &org)
			u.Phone, u.Email, u.Notes = givenFlag(c, "phone", &phone), givenFlag(c, "email", &email), givenFlag(c, "notes", &notes)
			if runF != nil {
				return runF(opts)
			}
			return caseTeamUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&name, "name", "", "their full `NAME`")
	f.StringVar(&role, "role", "", "their `ROLE` on the case: "+choicesOf("case team add", "role"))
	f.StringVar(&org, "organization", "", "the organisation or unit they belong to")
	f.StringVar(&phone, "phone", "", "their phone number")
	f.StringVar(&email, "email", "", "their email address")
	f.StringVar(&notes, "notes", "", "anything else worth knowing about working with them, added to the earlier notes ('' removes them)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func caseTeamUpdateRun(opts *caseTeamUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
