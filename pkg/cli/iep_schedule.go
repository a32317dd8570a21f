package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/validate"
)

type iepScheduleOptions struct {
	*globals
	noCommit                     bool
	every, day, time, mode, note string // set in change only when given
	agreed                       string
	change                       casework.SetContactSchedule
}

func newCmdIEPSchedule(g *globals, runF func(*iepScheduleOptions) error) *cobra.Command {
	opts := &iepScheduleOptions{globals: g}
	c := &cobra.Command{
		Use:   "schedule CASE [--every weekly|fortnightly|monthly] [--day DAY] [--time HH:MM] [--mode MODE] [--note TEXT] [--agreed DATE] [--clear]",
		Short: "Agree, change or clear the contact schedule",
		Long: `Record in CASE's plan the schedule for contact agreed with the participant
(iep.yaml contact_schedule): 000 asks the case manager to "set regular
schedule for communicating and meeting" at the intake meeting and to "plan
weekly meetings or check-ins", 003 for "a scheduling matrix to plan dates
for participant contact", above all for people unavailable during daytime
hours.

  --every weekly       every week on --day, a day of the week (tuesday)
  --every fortnightly  every other week on --day, counted from --agreed
  --every monthly      every month on --day, a day of the month (1 to 31;
                       in a shorter month, its last day)
  --time               the agreed time, 24-hour HH:MM (18:00)
  --mode               how the contact is made, as note add --mode records
                       it (a letter is no exchange, so it is not offered)

--every, --day and --mode are read in any case, or by a beginning of three
letters or more (--day Tues is tuesday), and recorded as the schema spells
them; a longer value (--day 'tuesdays and fridays') is refused.

The tickler (caseplan due, case show) then asks for the next contact on the
next agreed day after the last contact (or after the opening or a reopening,
before any), and after the day the schedule was agreed; but never later than
the program's interval allows (checkin_interval_days for work security,
first_contact_days and contact_interval_days for WIOA and post-employment):
the interval is the rule the office is judged by, so the earlier of the two
is due. validate warns (contact-schedule) of a schedule that cannot keep the
program's interval, such as monthly check-ins on a work-security case.

Give only what changes: the rest of the schedule stays. A change of the
days (--every, --day) is agreed anew, on --agreed (default: --today),
which is refused when after today or before the case opened; a
change of only --time, --mode or --note keeps the date they were agreed
(so a fortnightly schedule keeps its weeks), and a change leaves the
comments written inside the schedule by hand. --time '' or --note '' take that
field out; --clear takes the whole schedule out of the plan. A closed case
agrees no schedule: reopen it first (caseplan case reopen).` + "\n" + exitStatusHelp,
		Example: `  caseplan iep schedule 2026-K7QX2 --every weekly --day tuesday \
      --time 18:00 --mode phone
  caseplan iep schedule 2026-K7QX2 --every monthly --day 15 \
      --note 'She calls after her shift'
  caseplan iep schedule 2026-K7QX2 --every Fortnightly --day Thu
  caseplan iep schedule 2026-K7QX2 --time 19:00
  caseplan iep schedule 2026-K7QX2 --clear`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			a := &opts.change
			a.Case = args[0]
			a.Every = givenFlag(c, "every", &opts.every)
			a.Day = givenFlag(c, "day", &opts.day)
			a.Time = givenFlag(c, "time", &opts.time)
			a.Mode = givenFlag(c, "mode", &opts.mode)
			a.Note = givenFlag(c, "note", &opts.note)
			if opts.agreed != "" {
				d, err := requiredDate("agreed", opts.agreed)
				if err != nil {
					return err
				}
				a.Agreed = &d
			}
			given := a.Every != nil || a.Day != nil || a.Time != nil || a.Mode != nil || a.Note != nil || a.Agreed != nil
			switch {
			case a.Clear && given:
				return &UsageError{Msg: "--clear takes the whole schedule out; it takes no other flag", Hint: "to change part of the schedule, leave --clear out"}
			case !a.Clear && !given:
				return &UsageError{Msg: "nothing to set", Hint: "give --every and --day (and --time, --mode), or --clear"}
			}
			if runF != nil {
				return runF(opts)
			}
			return iepScheduleRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.every, "every", "", "how often: "+choicesOf("iep schedule", "every"))
	f.StringVar(&opts.day, "day", "", "the `DAY`: of the week (tuesday) for weekly and fortnightly, of the month (15) for monthly")
	f.StringVar(&opts.time, "time", "", "the agreed time, 24-hour `HH:MM` (18:00)")
	f.StringVar(&opts.mode, "mode", "", "how the contact is made: "+choicesOf("iep schedule", "mode"))
	f.StringVar(&opts.note, "note", "", "anything else agreed, e.g. who calls whom")
	dateVar(f, &opts.agreed, "agreed", "the `DATE` the schedule was agreed (default: --today)")
	f.BoolVar(&opts.change.Clear, "clear", false, "take the schedule out of the plan")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the plan but do not commit it")
	return c
}

func iepScheduleRun(opts *iepScheduleOptions) error {
	// A schedule that cannot keep the program's interval is said when it
	// is agreed, not only at the next validate.
	return opts.writeWarning(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat, validate.RuleContactSchedule)
}
