package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepStepDoneOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" (--today) when not given
	change   casework.NextStepDone
}

func newCmdIEPStepDone(g *globals, runF func(*iepStepDoneOptions) error) *cobra.Command {
	opts := &iepStepDoneOptions{globals: g}
	c := &cobra.Command{
		Use:   "done CASE STEP [--date DATE]",
		Short: "Record the date a next step was done",
		Long: `Record that next step STEP (N-K7QX2, or N1 in an older plan) of CASE's
plan was done on --date (default: --today). The date may not be after
today nor before the case opened; given for a step already done, a
different date corrects it.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep step done 2026-K7QX2 N-8FQ2C --date 2026-03-19`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Step = args[0], args[1]
			var err error
			if opts.change.Date, err = optionalDate("date", opts.date); err != nil { // "": --today, which casework names
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepStepDoneRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` it was done (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepStepDoneRun(opts *iepStepDoneOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
