package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type waiverAddOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date; --today when not given
	change   casework.AddWaiver
}

func newCmdWaiverAdd(g *globals, runF func(*waiverAddOptions) error) *cobra.Command {
	opts := &waiverAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE --rule RULE --reason TEXT [--date DATE]",
		Short: "Waive an obligation for a case (supervisors), with the reason",
		Long: `Record that an obligation does not apply to CASE, and why: the findings of
rule --rule for the case stay visible in validate, case show and the
reports, as warnings that say who waived them, when (--date, default
--today) and why, and no longer fail CI. The tickler (due, case show's next
due items, the calendar, case list --overdue) leaves out what the rule asks
for: the case manager no longer has to do it. The waiver counts from its
date on: validate, the tickler and the reports of an earlier day (--today,
report monthly of an earlier month) show the obligation as it stood then;
to record that it never applied, give --date the day it stopped applying
(not before the opening). --reason is the record of why, which an
auditor reads: a reason of fewer than 8 letters ("x", "n/a",
"per sup") is refused.

Only a supervisor or an admin on the staff roster (the acting author's role
in cases/caseplan.yaml) may record a waiver, and only of an obligation — a
completeness rule, whose findings say something is due or missing, such as
wioa-first-contact or ws-references (caseplan rules lists them). A rule that
checks the records themselves is mended, not waived (a warning of one, such
as a notice period shorter than the program's, is left as it is when the
records are right: it fails nothing), as are a
retired manager (manager-retired: case transfer) and sealed fields
(sealed-recipients, sealed-missing: case sealed reseal, case sealed set),
which a refusal names the command for (caseplan rules says which rules
can be waived: its WAIVABLE column; -o json: waivable). A rule the store
turns off (caseplan.yaml rules:) applies to no case, so there is nothing
to waive; a refusal lists the rules the case can have waived. validate's
rule waiver checks the rule and the supervisor of each waiver on every
run. The waiver is added to intake.yaml's waivers, one commit with the
action waiver.add; its ID (WV-K7QX2) is printed on stdout, and waiver
remove CASE ID takes it back.` + "\n" + exitStatusHelp,
		Example: `  caseplan waiver add 2026-K7QX2 --rule ws-references \
      --reason 'a late union referral: two references were all it could get'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			var missing, do []string
			if strings.TrimSpace(opts.change.Rule) == "" {
				missing = append(missing, "--rule")
				do = append(do, "caseplan validate "+args[0]+" names each finding's rule")
			}
			if strings.TrimSpace(opts.change.Reason) == "" {
				// A reason of spaces only says nothing either.
				missing = append(missing, "--reason")
				do = append(do, "say with --reason TEXT why the obligation does not apply to the case")
			}
			if len(missing) > 0 {
				return &UsageError{Msg: "waiver add needs " + strings.Join(missing, " and "), Hint: strings.Join(do, "; ")}
			}
			var err error
			if opts.change.Date, err = opts.dateOrToday(opts.date); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return waiverAddRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Rule, "rule", "", "the `RULE` whose obligation is waived, e.g. wioa-first-contact (required)")
	f.StringVar(&opts.change.Reason, "reason", "", "why it does not apply to this case: 8 letters at least (required)")
	dateVar(f, &opts.date, "date", "the `DATE` of the decision (default: --today)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func waiverAddRun(opts *waiverAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
