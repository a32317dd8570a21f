package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type caseExitOptions struct {
	*globals
	noCommit bool
	date     string // parsed into change.Date
	change   casework.ExitCase
}

func newCmdCaseExit(g *globals, runF func(*caseExitOptions) error) *cobra.Command {
	opts := &caseExitOptions{globals: g}
	c := &cobra.Command{
		Use:   "exit CASE [--date DATE] [--reason TEXT]",
		Short: "Record a WIOA program exit; the 12 months of follow-up start",
		Long: `Record that CASE, a WIOA case, exited the program on --date: the day its
services ended (document 002). In one commit intake.yaml gets the exited date
and a note records the exit, the reason and the follow-ups it makes due.

Without --date the exit date recorded is the one WIOA's definition gives
(TEGL 10-16, PIRL 901), and stderr says so: a participant exits once
inactivity_exit_days (90) pass with no participation-causing service and
none scheduled, and the exit date is the last such service, backdated —
the date case show gives as the potential exit. The 90 days are whole: on
the 90th a service would still prevent the exit, so it is recorded from the
91st. When the records show no such exit yet (a service within the 90 days,
one scheduled or under way, none at all, or none since eligibility was
determined: only a participant exits) the command is refused, saying why
(exit 2); give --date to record an exit anyway. A --date that is not WIOA's
exit date (later than the last participation-causing service, or followed by
one) is recorded as given, since the exit recorded is the one counted, and
stderr says the warning it brings (rule wioa-exit-date).

The case stays open for the 12 months of follow-up after the exit
(follow_up_months in cases/caseplan.yaml), in the phase follow-up: a
follow-up is due in the 2nd and in the 4th quarter after exit (rule
wioa-follow-up; record them with caseplan followup add). Close the case with
caseplan case close when the follow-up is over.

A case closed before its exit was recorded (placed, withdrew, moved) still
exits, and stays closed: the performance report asks for its exit once the
90 days have passed. Nothing is served after the closing, so its exit is
dated on or before the closing day; a later --date is refused (exit 1).

The date may not be after today nor before the case opened. A case of
another program and a case that already exited are refused.

Where the roster gives roles, an exit is recorded by the case's manager, a
coordinator, a supervisor or an admin, as a case is closed: it ends the
period of participation. A navigator or case manager on the case's team is
refused (exit 2), with whom to ask.` + "\n" + exitStatusHelp,
		Example: `  caseplan case exit W-001 --reason 'No contact since March; services ended'
  caseplan case exit W-001 --date 2026-09-30 \
      --reason 'Employed as a CNA; services complete'
  caseplan case exit W-002 --reason 'Moved away; the case was closed in May'`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if opts.date != "" {
				var err error
				if opts.change.Date, err = parseDate("date", opts.date); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return caseExitRun(opts)
		},
	}
	f := c.Flags()
	dateVar(f, &opts.date, "date", "the `DATE` services ended (default: the exit date by WIOA's definition)")
	f.StringVar(&opts.change.Reason, "reason", "", "why the participant exits, for the note")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

func caseExitRun(opts *caseExitOptions) error {
	res, err := opts.writeResult(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
	if err != nil {
		return err
	}
	if opts.change.Proposed {
		fmt.Fprintf(opts.env.Stderr, "caseplan: exit date %s: %s\n", opts.change.Date.Format(time.DateOnly), opts.change.Because)
	}
	// A --date that is not WIOA's exit date (later than the last
	// participation-causing service, or followed by one) is recorded as
	// given, since the exit recorded is the one counted; its warning is
	// said now, when the date can still be checked, not at the next
	// validate.
	opts.sayWarnings(res, validate.RuleWIOAExitDate)
	return nil
}
