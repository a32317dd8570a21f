package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type actionDoneOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" (--today) when not given
	change   casework.CloseActionItem
}

func newCmdActionDone(g *globals, runF func(*actionDoneOptions) error) *cobra.Command {
	opts := &actionDoneOptions{globals: g, change: casework.CloseActionItem{Status: "done"}}
	c := &cobra.Command{
		Use:   "done CASE NOTE#N [--date DATE] [--reason TEXT]",
		Short: "Record a note's action item done",
		Long: `Record that action item NOTE#N of CASE — item N, from 1, of note NOTE, as
case show and due print it (2026-03-12-ab12#2) — was done on --date
(default: --today), and with --reason what came of it. The tickler no longer
shows it.

The note itself is never edited: the item's completion is added to the
plan's action_items in iep.yaml (comments and the order of what a person
wrote stay as they are), one commit with the action action.done.

Refused (exit 2): an unknown note or item number, an amendment's items
(close the item of the note it amends), an item already closed — done in
its note or in an amendment, or done or dropped with caseplan action done or
caseplan action drop — and a date before the note or after today.` + "\n" + exitStatusHelp,
		Example: `  caseplan action done 2026-K7QX2 2026-03-03-ab12#1 --date 2026-03-09 \
      --reason 'resume sent to three employers'`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if err := actionItemArg(c, args[0], args[1], &opts.change); err != nil {
				return err
			}
			var err error
			if opts.change.Date, err = optionalDate("date", opts.date); err != nil { // "": --today, which casework names
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return actionDoneRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` it was done (default: --today)")
	f.StringVar(&opts.change.Reason, "reason", "", "what came of it")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func actionDoneRun(opts *actionDoneOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
