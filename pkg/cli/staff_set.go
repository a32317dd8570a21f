package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type staffSetOptions struct {
	*globals
	noCommit bool
	change   casework.SetStaff
}

func newCmdStaffSet(g *globals, runF func(*staffSetOptions) error) *cobra.Command {
	opts := &staffSetOptions{globals: g}
	var name, role, center, recipient, signingKey string
	var active bool
	c := &cobra.Command{
		Use:   "set ID [--name NAME] [--role ROLE] [--center CENTER] [--active=false] [--age-recipient RECIPIENT] [--signing-key KEY]",
		Short: "Change a staff member's role, center or keys, or retire them",
		Long: `Change the roster entry of staff member ID in cases/caseplan.yaml and commit
it: their name, their role (case-manager, coordinator, supervisor,
navigator or admin), their center (an empty value removes it), their
public keys — the age recipient their cases' sealed fields are encrypted to
(--age-recipient) and the SSH key their commits are signed with
(--signing-key) — or, with --active=false, retire them when they leave. A
retired member stays on the roster — it must still name the authors of past
commits, which caseplan verify checks — but can no longer be given cases or
read what is sealed after they leave; their open cases, and the open cases
whose team still names them, are listed, to be handed on (case transfer)
or taken off (case team remove); --active=true takes them back. Their
email address, which is how commits are matched to the roster, is not
changed.

Roles: case-manager and navigator change the cases they manage or are on the
team of; coordinator every case; supervisor every case, and waivers and
committee decisions; admin all that, and the roster. Once the roster names
an active admin only an admin changes it. Only a supervisor or an admin
gives or takes the supervisor or admin role, and nobody retires themselves.
A change of role, status or age recipient re-seals the sealed fields of the
cases it concerns, as far as the acting person can read them. The change is
validated against every case: retiring the designated counselor of open
WIOA cases is refused (rule wioa-counselor) until they are transferred with
caseplan case transfer; the open cases of other programs they manage are
named, to be transferred the same way (rule manager-retired). The
refusal's hint gives the one command that hands every open case of theirs
on at once: caseplan case transfer --from ID --to STAFF --reason TEXT.` + "\n" + exitStatusHelp,
		Example: `  caseplan staff set dpatel --role supervisor --center North
  caseplan staff set jdoe --active=false
  caseplan staff set dpatel --age-recipient age1... \
      --signing-key 'ssh-ed25519 AAAA... dpatel'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.ID = args[0]
			u.Name, u.Role, u.Center = givenFlag(c, "name", &name), givenFlag(c, "role", &role), givenFlag(c, "center", &center)
			u.AgeRecipient, u.SigningKey = givenFlag(c, "age-recipient", &recipient), givenFlag(c, "signing-key", &signingKey)
			if c.Flags().Changed("active") {
				u.Active = &active
			}
			if runF != nil {
				return runF(opts)
			}
			return staffSetRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&name, "name", "", "their full `NAME`")
	f.StringVar(&role, "role", "", "`ROLE`: "+choicesOf("staff set", "role"))
	f.StringVar(&center, "center", "", "the office they work from")
	f.BoolVar(&active, "active", true, "false retires them from the roster; true takes them back")
	f.StringVar(&recipient, "age-recipient", "", "their age `RECIPIENT` (age1...)")
	f.StringVar(&signingKey, "signing-key", "", "their SSH public `KEY` (ssh-ed25519 AAAA...)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func staffSetRun(opts *staffSetOptions) error {
	res, err := opts.writeResult(opts.noCommit, nil, opts.change.Build, sayWhat)
	if err != nil {
		return err
	}
	if res.After != nil && res.After.Config != nil {
		opts.sayUnsealedSupervisor(res.After.Config, opts.change.ID)
	}
	if opts.change.Active == nil || *opts.change.Active {
		return nil
	}
	// Retired, they leave their open cases with no one to work them
	// (WIOA's are refused until transferred: wioa-counselor); each is
	// named now, not at the next validate.
	var open, onTeam []string
	for _, f := range res.Warnings {
		if res.After == nil {
			break
		}
		c := res.After.Case(f.Case)
		if c == nil || c.Intake == nil {
			continue
		}
		switch f.Rule {
		case validate.RuleManagerRetired:
			if c.Intake.Manager == opts.change.ID {
				open = append(open, f.Case)
			}
		case validate.RuleTeamRetired:
			if st, ok := res.After.Config.StaffByID(opts.change.ID); ok && c.Intake.OnTeam(st) && !slices.Contains(onTeam, f.Case) {
				onTeam = append(onTeam, f.Case)
			}
		}
	}
	// Still on other cases' teams, they are named there as working them.
	if len(onTeam) > 0 {
		slices.Sort(onTeam)
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %s is still on the team of %d open case(s): %s\n", opts.change.ID, len(onTeam), strings.Join(onTeam, ", "))
		member := "MEMBER"
		if st, ok := res.After.Config.StaffByID(opts.change.ID); ok {
			for _, m := range res.After.Case(onTeam[0]).Intake.Team {
				if m.Email != "" && strings.EqualFold(m.Email, st.Email) {
					member = validate.MemberRef(m)
					break
				}
			}
		}
		fmt.Fprintf(opts.env.Stderr, "caseplan: hint: take them off each, as caseplan validate names each entry: caseplan case team remove %s %s\n", onTeam[0], member)
	}
	if len(open) > 0 {
		slices.Sort(open)
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %s still manages %d open case(s): %s\n", opts.change.ID, len(open), strings.Join(open, ", "))
		fmt.Fprintf(opts.env.Stderr, "caseplan: hint: hand them to an active manager, all at once: %s\n", validate.TransferFromRemedy(opts.change.ID))
	}
	return nil
}
