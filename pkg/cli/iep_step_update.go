package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepStepUpdateOptions struct {
	*globals
	noCommit bool
	change   casework.UpdateNextStep
}

func newCmdIEPStepUpdate(g *globals, runF func(*iepStepUpdateOptions) error) *cobra.Command {
	opts := &iepStepUpdateOptions{globals: g}
	var owner, text, due string
	c := &cobra.Command{
		Use:   "update CASE STEP [--owner participant|manager] [--text TEXT] [--due DATE]",
		Short: "Reword a next step, change who takes it, or move its due date",
		Long: `Change the fields given of next step STEP (N-K7QX2, ...) of CASE's plan and
commit it. An empty --due removes the due date (the step then leaves the
tickler). Record that it was done with caseplan iep step done.` + rewordingHelp("--text") + "\n" + exitStatusHelp,
		Example: `  caseplan iep step update 2026-K7QX2 N-8FQ2C --due 2026-03-27 --owner manager`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			u := &opts.change
			u.Case, u.Step = args[0], args[1]
			u.Owner, u.Text = givenFlag(c, "owner", &owner), givenFlag(c, "text", &text)
			var err error
			if u.Due, err = givenDate(c, "due", &due); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepStepUpdateRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&owner, "owner", "", "`WHO` takes it: "+choicesOf("iep step add", "owner"))
	f.StringVar(&text, "text", "", "the action")
	clearableDateVar(f, &due, "due", "the `DATE` it is due")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepStepUpdateRun(opts *iepStepUpdateOptions) error {
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RulePlanDate)
}
