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
	var name, role, center string
	var active bool
	c := &cobra.Command{
		Use:   "set ID [--name NAME] [--role ROLE] [--center CENTER] [--active=false]",
		Short: "Change a staff member's role or center, or retire them",
		Long: `Change the roster entry of staff member ID in cases/caseplan.yaml and commit
it: their name, their role (case-manager, coordinator, supervisor,
navigator or admin), their center (an empty value removes it), or, with
--active=false, retire them when they leave. A retired member stays on the
roster — it must still name the authors of past commits, which caseplan
verify checks — but can no longer be given cases; --active=true takes them
back. Their email address, which is how commits are matched to the roster,
is not changed.

Only a supervisor or an admin gives or takes the supervisor or admin role
(the role that may waive obligations: caseplan waiver add), and nobody
retires themselves. The change is validated against every case: retiring
the designated counselor of open WIOA cases is refused (rule
wioa-counselor) until they are transferred with caseplan case transfer.` + "\n" + exitStatusHelp,
		Example: `  caseplan staff set dpatel --role supervisor --center North
  caseplan staff set jdoe --active=false`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.ID = args[0]
			u.Name, u.Role, u.Center = givenFlag(c, "name", &name), givenFlag(c, "role", &role), givenFlag(c, "center", &center)
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
	f.StringVar(&role, "role", "", "`ROLE`: case-manager, coordinator, supervisor, navigator or admin")
	f.StringVar(&center, "center", "", "the office they work from")
	f.BoolVar(&active, "active", true, "false retires them from the roster; true takes them back")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func staffSetRun(opts *staffSetOptions) error {
	return opts.write(opts.noCommit, nil, opts.change.Build, sayWhat)
}
