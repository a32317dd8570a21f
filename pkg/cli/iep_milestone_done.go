package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type iepMilestoneDoneOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" (--today) when not given
	change   casework.MilestoneDone
}

func newCmdIEPMilestoneDone(g *globals, runF func(*iepMilestoneDoneOptions) error) *cobra.Command {
	opts := &iepMilestoneDoneOptions{globals: g}
	c := &cobra.Command{
		Use:   "done CASE MILESTONE [--date DATE]",
		Short: "Record the date a milestone was reached",
		Long: `Record that milestone MILESTONE (M-K7QX2, or M1 in an older plan) of
CASE's plan was reached on --date (default: --today). The date may not be
after today nor before the case opened. Given for a milestone already done,
a different date corrects the one recorded.

Only the milestone's done line changes in iep.yaml: comments, blank lines
and the order of what a person wrote stay as they are.` + "\n" + exitStatusHelp,
		Example: `  caseplan iep milestone done 2026-K7QX2 M-9TQ3D --date 2026-04-22`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case, opts.change.Milestone = args[0], args[1]
			var err error
			if opts.change.Date, err = optionalDate("date", opts.date); err != nil { // "": --today, which casework names
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return iepMilestoneDoneRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` it was reached (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepMilestoneDoneRun(opts *iepMilestoneDoneOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
