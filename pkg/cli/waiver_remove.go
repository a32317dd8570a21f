package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type waiverRemoveOptions struct {
	*globals
	noCommit bool
	change   casework.RemoveWaiver
}

func newCmdWaiverRemove(g *globals, runF func(*waiverRemoveOptions) error) *cobra.Command {
	opts := &waiverRemoveOptions{globals: g}
	c := &cobra.Command{
		Use:   "remove CASE [WAIVER] [--rule RULE]",
		Short: "Take back a waiver (supervisors): the obligation applies again",
		Long: `Take back CASE's waiver WAIVER — its ID (WV-K7QX2), which waiver add
printed — or its waiver of rule --rule: the obligation applies to the case
again, and validate reports its findings as before. Like recording a
waiver, only a supervisor or an admin on the staff roster may. The waiver's
lines are removed from intake.yaml, one commit with the action
waiver.remove; git keeps who waived what, when and why (caseplan log).
caseplan case show CASE lists the case's waivers, with their IDs.` + "\n" + exitStatusHelp,
		Example: `  # caseplan case show 2026-K7QX2 lists the case's waivers
  caseplan waiver remove 2026-K7QX2 WV-7QX2K
  caseplan waiver remove 2026-K7QX2 --rule ws-references`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			// Every other item is named by the ID its add command printed,
			// after the case (iep target remove CASE TARGET); so is a
			// waiver, and --rule names it by what it waives.
			rule := strings.TrimSpace(opts.change.Rule)
			switch {
			case len(args) == 2 && rule != "":
				return &UsageError{Msg: "waiver remove takes the waiver once: its ID or --rule RULE, not both",
					Hint: "caseplan waiver remove " + args[0] + " " + args[1]}
			case len(args) == 2:
				opts.change.Rule = args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return waiverRemoveRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Rule, "rule", "", "the `RULE` whose waiver is taken back (instead of the waiver's ID)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func waiverRemoveRun(opts *waiverRemoveOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
