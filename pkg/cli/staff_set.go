package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type staffSetOptions struct {
	*globals
	noCommit bool
	change   casework.SetStaff
}

func newCmdStaffSet(g *globals, runF func(*staffSetOptions) error) *cobra.Command {
	opts := &staffSetOptions{globals: g}
	var role, center, recipient, signingKey string
	var active bool
	c := &cobra.Command{
		Use:   "set ID [--role ROLE] [--active=false] [--age-recipient R] [--signing-key KEY]",
		Short: "Change a staff member's role, status or keys",
		Long: `Change a staff member's entry on the roster in cases/caseplan.yaml: their
role, whether they are still active, their center, and their public keys:
the age recipient their cases' sealed fields are encrypted to
(--age-recipient) and the SSH key their commits are signed with
(--signing-key).

Roles: case-manager and navigator change the cases they manage or are on the
team of; coordinator every case; supervisor every case, and waivers and
committee decisions; admin all that, and the roster. Only an admin changes
the roster once it names one. A change of role, status or age recipient
re-seals the sealed fields of the cases it concerns, as far as the acting
person can read them.` + "\n" + exitStatusHelp,
		Example: `  caseplan staff set dpatel --role supervisor
  caseplan staff set jreyes --active=false
  caseplan staff set dpatel --age-recipient age1... --signing-key 'ssh-ed25519 AAAA... dpatel'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.ID = args[0]
			f := c.Flags()
			for name, dst := range map[string]**string{"role": &opts.change.Role, "center": &opts.change.Center, "age-recipient": &opts.change.AgeRecipient, "signing-key": &opts.change.SigningKey} {
				if f.Changed(name) {
					v, _ := f.GetString(name)
					*dst = &v
				}
			}
			if f.Changed("active") {
				opts.change.Active = &active
			}
			if runF != nil {
				return runF(opts)
			}
			return staffSetRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&role, "role", "", "`ROLE`: case-manager, coordinator, supervisor, navigator or admin")
	f.BoolVar(&active, "active", true, "false once the person has left")
	f.StringVar(&center, "center", "", "the office they work from")
	f.StringVar(&recipient, "age-recipient", "", "their age `RECIPIENT` (age1...)")
	f.StringVar(&signingKey, "signing-key", "", "their SSH public `KEY` (ssh-ed25519 AAAA...)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func staffSetRun(opts *staffSetOptions) error {
	return opts.write(opts.noCommit, nil, opts.change.Build, sayWhat)
}
