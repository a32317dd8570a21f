package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepObjectiveUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateObjective
}

func newCmdIEPObjectiveUpdate(g *globals, runF func(*iepObjectiveUpdateOptions) error) *cobra.Command {
	opts := &iepObjectiveUpdateOptions{globals: g}
	var text string
	var services []string
	c := &cobra.Command{
		Use:   "update CASE OBJECTIVE [--text TEXT] [--service ID]...",
		Short: "Reword an objective, or change the services that serve it",
		Long: `Change objective OBJECTIVE (O-K7QX2, ...) of CASE's plan and commit it:
--text rewords it; --service, repeated, gives the plan services that serve
it (S-K7QX2, ...), replacing the ones it named — a service added later is
linked here — and --service '' alone unlinks them all. Only the changed
lines of iep.yaml change.` + rewordingHelp("--text") + "\n" + exitStatusHelp,
		Example: `  caseplan iep objective update 2026-K7QX2 O-6WJ2R --service S-2HX7M \
      --service S-8KQ4T`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Objective = args[0], args[1]
			u.Text = givenFlag(c, "text", &text)
			if c.Flags().Changed("service") {
				u.Services = append([]string{}, services...)
			}
			if runF != nil {
				return runF(opts)
			}
			return iepObjectiveUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&text, "text", "", "the step the customer will take")
	f.StringArrayVar(&services, "service", nil, "a plan service `ID` that serves it, e.g. S-2HX7M (repeatable; replaces the list)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepObjectiveUpdateRun(opts *iepObjectiveUpdateOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
