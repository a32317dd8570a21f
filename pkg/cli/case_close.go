package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type caseCloseOptions struct {
	caseID, date, reason, notes string
	noCommit                    bool
}

func newCaseCloseCmd(g *globals) *cobra.Command {
	opts := &caseCloseOptions{}
	c := &cobra.Command{
		Use:   "close CASE --date DATE --reason REASON",
		Short: "Close a case",
		Long: `Close CASE in one commit: the closure (date, reason, notes) in outcome.yaml,
status closed in intake.yaml, and a closure note. The reason is one of
placed, separated (the work security period ended without a placement,
document 000), withdrew, moved or other. A closed case is not closed again;
reopen it with caseplan case reopen.

Follow-ups continue after a case closes (caseplan followup add).` + "\n" + exitStatusHelp,
		Example: `  caseplan case close WS-001 --date 2026-06-01 --reason placed --notes "Started at the library"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			d, err := parseDate("date", opts.date)
			if err != nil {
				return err
			}
			if !slices.Contains(casework.ClosureReasons, opts.reason) {
				return usageErrorf("--reason %q: use one of %s", opts.reason, strings.Join(casework.ClosureReasons, ", "))
			}
			cl := casework.CloseCase{Case: opts.caseID, Date: d, Reason: opts.reason, Notes: opts.notes}
			return g.write(opts.noCommit, []string{opts.caseID}, cl.Build, sayWhat)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.date, "date", "", "the `DATE` the case closed")
	f.StringVar(&opts.reason, "reason", "", "`REASON`: "+strings.Join(casework.ClosureReasons, ", "))
	f.StringVar(&opts.notes, "notes", "", "notes on the closure")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("date")
	_ = c.MarkFlagRequired("reason")
	return c
}
