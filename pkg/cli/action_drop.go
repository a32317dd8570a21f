package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type actionDropOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; "" (--today) when not given
	change   casework.CloseActionItem
}

func newCmdActionDrop(g *globals, runF func(*actionDropOptions) error) *cobra.Command {
	opts := &actionDropOptions{globals: g, change: casework.CloseActionItem{Status: "dropped"}}
	c := &cobra.Command{
		Use:   "drop CASE NOTE#N --reason TEXT [--date DATE]",
		Short: "Drop a note's action item, with the reason",
		Long: `Record that action item NOTE#N of CASE — item N, from 1, of note NOTE, as
case show and due print it (2026-03-12-ab12#2) — will not be done, and why
(--reason, required), on --date (default: --today). The tickler no longer
shows it.

The note itself is never edited: the item's dropping is added to the plan's
action_items in iep.yaml, one commit with the action action.drop. Refused
as caseplan action done refuses.` + "\n" + exitStatusHelp,
		Example: `  caseplan action drop 2026-K7QX2 2026-03-03-ab12#2 \
      --reason 'the job fair was cancelled'`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if err := actionItemArg(c, args[0], args[1], &opts.change); err != nil {
				return err
			}
			if strings.TrimSpace(opts.change.Reason) == "" {
				return &UsageError{Msg: "action drop needs --reason", Hint: "say why the item will not be done"}
			}
			var err error
			if opts.change.Date, err = optionalDate("date", opts.date); err != nil { // "": --today, which casework names
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return actionDropRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` it was dropped (default: --today)")
	f.StringVar(&opts.change.Reason, "reason", "", "why it will not be done (required)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func actionDropRun(opts *actionDropOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
