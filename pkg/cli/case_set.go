package cli

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
)

type caseSetOptions struct {
	*globals
	noCommit bool
	// The flags' values; only those given are set (change).
	name, preferredName, phone, email, address, bestTimes, language string
	channels, skills                                                []string
	cashEnded, notice, layoff                                       string
	position, grade, department                                     string
	fte                                                             float64
	grantEnded                                                      bool
	change                                                          casework.SetIntake
}

func newCmdCaseSet(g *globals, runF func(*caseSetOptions) error) *cobra.Command {
	opts := &caseSetOptions{globals: g}
	c := &cobra.Command{
		Use:   "set CASE [--name NAME] [--phone P] [--email E] [--address A] [--channel CHANNEL]... [--best-times TIMES] [--language L] [--preferred-name NAME] [--skill SKILL]... [--cash-assistance-ended DATE] [--notice-date DATE] [--layoff-date DATE] [--position P] [--grade G] [--fte F] [--department D] [--grant-ended]",
		Short: "Set name, contact and layoff details, the end of cash assistance",
		Long: `Set fields of CASE's intake record (intake.yaml) and commit. Only the fields
given change, each where it stands in the file: a person's comments, blank
lines and key order stay. An empty value ('') removes a field; a value of
spaces only is refused, never taken for ''.

--name corrects the participant's name as caseplan case new recorded it (a
typo, a legal name change); it cannot be removed.

How to reach the participant: --phone, --email, --address, --preferred-name,
--language, and the channels and times that suit them: people who work in the
daytime need other channels and times (document 003). --channel is phone,
text, email, mail, in-person or video; repeat it for several; the list given
replaces the one recorded. --skill, repeated, likewise replaces the skills
identified (000).

Work security (000): the details of the layoff — --position, --grade, --fte
(0 to 1), --department — and --grant-ended when the layoff is because grant
funding ended (the notification period may then be 30 days). --notice-date and
--layoff-date correct the layoff's dates (a typo, a layoff moved); the change
is refused when the layoff would come before the notice, and validate warns
when the notification period or the case's cohort no longer agree. The case
must record a layoff (caseplan case new --notice-date --layoff-date).

Post-employment (003): --cash-assistance-ended DATE, the day cash assistance
ended, which starts the 12 months of post-employment services after it
(post_assistance_months); the case's phase is then follow-up.

Values the schema does not allow (an email address that is not one, an FTE
over 1, an unknown channel) are refused with the schema's finding.` + "\n" + exitStatusHelp,
		Example: `  caseplan case set 2026-K7QX2 --name 'Jamal Wright'
  caseplan case set PE-001 --channel text --channel phone \
      --best-times 'Weekdays after 7pm'
  caseplan case set WS-001 --position 'Library Technician' --grade 6 --fte 1
  caseplan case set PE-001 --cash-assistance-ended 2026-07-31`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			if err := opts.given(c); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseSetRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.name, "name", "", "the participant's full `NAME`, corrected")
	contactVar(f, &opts.phone, &opts.email, "")
	f.StringVar(&opts.address, "address", "", "the participant's postal address, for letters (003)")
	f.StringArrayVar(&opts.channels, "channel", nil, "a preferred `CHANNEL`: "+choicesOf("case set", "channel")+" (repeatable; replaces the list)")
	f.StringVar(&opts.bestTimes, "best-times", "", "the best `TIMES` to reach them, e.g. 'weekdays after 7pm' (003)")
	f.StringVar(&opts.language, "language", "", "their preferred language")
	f.StringVar(&opts.preferredName, "preferred-name", "", "the `NAME` they like to be called")
	f.StringArrayVar(&opts.skills, "skill", nil, "a `SKILL` identified (repeatable; replaces the list)")
	clearableDateVar(f, &opts.cashEnded, "cash-assistance-ended", "post-employment: the `DATE` cash assistance ended (003)")
	dateVar(f, &opts.notice, "notice-date", "work security: the `DATE` of the layoff notice, corrected")
	dateVar(f, &opts.layoff, "layoff-date", "work security: the `DATE` of the layoff, corrected")
	f.StringVar(&opts.position, "position", "", "work security: the position being eliminated")
	f.StringVar(&opts.grade, "grade", "", "work security: the position's grade")
	f.Float64Var(&opts.fte, "fte", 0, "work security: the position's full-time equivalent, 0 to 1")
	f.StringVar(&opts.department, "department", "", "work security: the department or unit laying off")
	f.BoolVar(&opts.grantEnded, "grant-ended", false, "work security: the layoff is because grant funding ended (--grant-ended=false to undo)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	return c
}

// contactVar defines --phone and --email, the participant's contact
// details as case set and case new take them (casework's flagText writes
// them); more is said after each flag's usage.
func contactVar(f *pflag.FlagSet, phone, email *string, more string) {
	f.StringVar(phone, "phone", "", "the participant's phone number"+more)
	f.StringVar(email, "email", "", "the participant's email address"+more)
}

// caseSetFlags are the flags of caseplan case set that set a field.
var caseSetFlags = []string{
	"name", "phone", "email", "address", "channel", "best-times", "language", "preferred-name", "skill",
	"cash-assistance-ended", "notice-date", "layoff-date", "position", "grade", "fte", "department", "grant-ended",
}

// given puts the flags given into the change: a flag not given leaves its
// field as it is.
func (o *caseSetOptions) given(c *cobra.Command) error {
	a := &o.change
	changed := c.Flags().Changed
	for _, f := range []struct {
		flag string
		v    *string
		to   **string
	}{
		{"name", &o.name, &a.Name}, {"phone", &o.phone, &a.Phone}, {"email", &o.email, &a.Email}, {"address", &o.address, &a.Address},
		{"best-times", &o.bestTimes, &a.BestTimes}, {"language", &o.language, &a.Language},
		{"preferred-name", &o.preferredName, &a.PreferredName},
		{"position", &o.position, &a.Position}, {"grade", &o.grade, &a.Grade}, {"department", &o.department, &a.Department},
	} {
		if changed(f.flag) {
			*f.to = f.v
		}
	}
	if changed("channel") {
		a.Channels = append([]string{}, o.channels...)
	}
	if changed("skill") {
		a.Skills = append([]string{}, o.skills...)
	}
	if changed("fte") {
		a.FTE = &o.fte
	}
	if changed("grant-ended") {
		a.GrantEnded = &o.grantEnded
	}
	for _, d := range []struct {
		flag string
		v    string
		to   **record.Date
	}{{"notice-date", o.notice, &a.NoticeDate}, {"layoff-date", o.layoff, &a.LayoffDate}} {
		if changed(d.flag) {
			v, err := requiredDate(d.flag, d.v)
			if err != nil {
				return err
			}
			*d.to = &v
		}
	}
	if changed("cash-assistance-ended") {
		d, err := optionalDate("cash-assistance-ended", o.cashEnded)
		if err != nil {
			return err
		}
		a.CashAssistanceEnded = &d
	}
	for _, flag := range caseSetFlags {
		if changed(flag) {
			return nil
		}
	}
	return &UsageError{Msg: "nothing to set", Hint: "caseplan case set --help lists the fields"}
}

func caseSetRun(opts *caseSetOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, sayWhat)
}
