package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

type caseCloseOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date
	change   casework.CloseCase
}

func newCmdCaseClose(g *globals, runF func(*caseCloseOptions) error) *cobra.Command {
	opts := &caseCloseOptions{globals: g}
	c := &cobra.Command{
		Use:   "close CASE --date DATE --reason REASON",
		Short: "Close a case",
		Long: `Close CASE in one commit: the closure (date, reason, notes) in outcome.yaml,
status closed in intake.yaml, and a closure note. The reason is one of
placed, separated (the work security period ended without a placement,
document 000; a work-security case only),
completed (a post-employment case whose months of services
after cash assistance ended are over, 003: "for 12 months following the
loss of cash assistance"; on or after their last day only), withdrew, moved
or other. The program's kind in caseplan.yaml decides, whatever the store
calls the program: separated and completed are refused for a case of
another kind, and a refusal lists the reasons the case can close for
on that day, placed only once its job has started (a WIOA case
ends with its exit, TEGL 10-16; a post-employment participant who loses a
job is served to find another, 003). A case closes as placed only once its
placement is on record (caseplan placement set): the reports count the
placement, not the reason. The participant is placed from the placement's
start, so a close as placed is dated on or after it (a job accepted to
start next month is recorded now, the case closed once it has started).
A work-security case with a placement on record by the last day of its
work security period (and extension) is not separated, whatever the
placement's start (000): it closes as placed, not as separated. A closed
case is not closed again; reopen it with caseplan case reopen.

With roles in force, a case is closed by its manager (002's designated
counselor, who answers for it), a coordinator, a supervisor or an admin; a
colleague on its team is refused and told whom to ask (README, Roles).

Follow-ups continue after a case closes (caseplan followup add). A closed
case still takes notes, follow-ups, placements and late entries of plan
work dated on or before the closing; plan work dated after it is refused
until the case is reopened (README, What a closed case takes).` + "\n" + exitStatusHelp,
		Example: `  caseplan case close WS-001 --date 2026-06-01 --reason placed \
      --notes "Started at the library"
  caseplan case close PE-001 --date 2027-03-01 --reason completed`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var err error
			if opts.change.Date, err = parseDate("date", opts.date); err != nil {
				return err
			}
			if !slices.Contains(record.ClosureReasons, opts.change.Reason) {
				return &UsageError{Msg: fmt.Sprintf("--reason %q: use one of %s", opts.change.Reason, strings.Join(record.ClosureReasons, ", ")),
					Hint: flagValues["case close"]["reason"].hint("reason", record.ClosureReasons, opts.change.Reason)}
			}
			if runF != nil {
				return runF(opts)
			}
			return caseCloseRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` the case closed")
	f.StringVar(&opts.change.Reason, "reason", "", "`REASON`: "+choicesOf("case close", "reason"))
	f.StringVar(&opts.change.Notes, "notes", "", "notes on the closure")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("date")
	_ = c.MarkFlagRequired("reason")
	return c
}

func caseCloseRun(opts *caseCloseOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
