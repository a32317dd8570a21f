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
		Use:   "remove CASE --name NAME",
		Short: "Take a person off the case's team",
		Long: `Take a person who no longer works on CASE off its team in intake.yaml. A
staff member on the team can read the case's sealed fields; once removed
they cannot read what is sealed from then on: the sealed fields are
re-encrypted without them in the same commit, when you can read them
(otherwise validate reports the case until a recipient runs caseplan case
sealed reseal). What they could read before stays in the history they may
hold.` + "\n" + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if runF != nil {
				return runF(opts)
			}
			return caseTeamRemoveRun(opts)
		},
	}
	c.Flags().StringVar(&opts.change.Name, "name", "", "their `NAME`, as the team lists it (required)")
	c.Flags().BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("name")
	return c
}

func caseTeamRemoveRun(opts *caseTeamRemoveOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
