package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseTeamRemoveOptions struct {
	*globals
	noCommit bool
	change   casework.RemoveTeamMember
}

func newCmdCaseTeamRemove(g *globals, runF func(*caseTeamRemoveOptions) error) *cobra.Command {
	opts := &caseTeamRemoveOptions{globals: g}
	c := &cobra.Command{
		Use:   "remove CASE MEMBER",
		Short: "Take a person off the case's team",
		Long: `Take team member MEMBER of CASE — their ID (TM-K7QX2), their number in
intake.yaml's team (1 for the first), their name, or for a staff member the
staff ID case team add --staff took — off the team, when they
no longer work on the case, and commit it. Their entry's lines are removed
from intake.yaml; git keeps who was on the team when (caseplan log).

A staff member on the team can read the case's sealed fields; once removed
they cannot read what is sealed from then on: the sealed fields are
re-encrypted without them in the same commit, when you can read them
(otherwise validate reports the case until a recipient runs caseplan case
sealed reseal). What they could read before stays in the history they may
hold.` + "\n" + exitStatusHelp,
		Example: `  caseplan case team remove WS-001 'Alex Example'
  caseplan case team remove WS-001 nnav`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Member = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return caseTeamRemoveRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func caseTeamRemoveRun(opts *caseTeamRemoveOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
