package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/tickler"
)

type caseNewOptions struct {
	*globals
	noCommit               bool
	opened, notice, layoff string // parsed into change
	phone, email           string // into change when given
	change                 casework.NewCase
}

func newCmdCaseNew(g *globals, runF func(*caseNewOptions) error) *cobra.Command {
	opts := &caseNewOptions{globals: g}
	c := &cobra.Command{
		Use:   "new --program KEY --name NAME [--phone P] [--email E] [--manager ID]",
		Short: "Open a case: write its intake record and an empty plan, and commit",
		Long: `Open a case. caseplan writes cases/<id>/intake.yaml and an empty Individual
Employment Plan (iep.yaml), validates them and commits. The case ID is printed
on stdout: by default the year and five random characters (2026-K7QX2), which
cannot collide when cases are opened in several clones at once; --id takes an
ID from another system (never a Social Security number).

--phone and --email record how to reach the participant, as caseplan case
set writes them. Give them when you have them: validate (rule
duplicate-person) tells two people of one name apart by them, and case import
recognises the person by name with phone or email, from the first commit on.

Work-security cases need --notice-date and --layoff-date (document 000).

A WIOA participant who exited and comes back for a staff-assisted service
begins a new period of participation (TEGL 10-16), with its own
participation date and exit. Each period is a case of its own: open the
new one with --returning-from EARLIER-CASE. It records returning_from in
the intake and starts from the earlier intake's name and contact details
(phone, email, address, channels, best times, language; never the sealed
fields); --name, --phone and --email are then needed only for what
changed (--phone '' leaves the earlier phone out), and --program defaults
to the earlier case's. validate holds it to an earlier WIOA case whose exit
was recorded before the new case opens (rule wioa-returning-from), and
export pirl reports every period under the first case's ID (PIRL 100).
case new does not look for another open case of the same person (that
would read every case); caseplan validate of the whole store warns of one
(rule duplicate-person).

On stderr case new then says what the new case needs next: the intake
meeting, recorded as the program counts a contact (note add --kind intake,
two-way; for WIOA with a service code and a detailed note, 002), and the
first items due — everything overdue, for a case opened late, and the next
item. caseplan case show lists all that is due, and caseplan validate the
errors a case opened late starts with: each is something still to do.` + "\n" + exitStatusHelp,
		Example: `  caseplan case new --program wioa --name "Alex Example" --manager jdoe \
      --phone 555-0142 --email alex@example.org
  caseplan case new --program work-security --name "Sam Sample" \
      --notice-date 2026-03-02 --layoff-date 2026-05-01
  caseplan case new --program wioa --returning-from 2026-K7QX2`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			// --returning-from names the earlier case, whose program
			// the new period continues: then --program, like --name,
			// may be left out. Else it is required, and said as cobra's
			// required flags are.
			if opts.change.Program == "" && opts.change.ReturningFrom == "" {
				return &UsageError{Msg: "case new needs --program", Hint: usageLine(c)}
			}
			for _, d := range []struct {
				flag, v string
				to      *time.Time
			}{{"opened", opts.opened, &opts.change.Opened}, {"notice-date", opts.notice, &opts.change.NoticeDate}, {"layoff-date", opts.layoff, &opts.change.LayoffDate}} {
				if d.v == "" {
					continue
				}
				t, err := parseDate(d.flag, d.v)
				if err != nil {
					return err
				}
				*d.to = t
			}
			// As case set takes them: a flag not given is nil, and then
			// the earlier case's for a returning participant.
			for _, f := range []struct {
				flag string
				v    *string
				to   **string
			}{{"phone", &opts.phone, &opts.change.Phone}, {"email", &opts.email, &opts.change.Email}} {
				if c.Flags().Changed(f.flag) {
					*f.to = f.v
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return caseNewRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.change.Program, "program", "", "the program `KEY` from caseplan.yaml (work-security, wioa, post-employment, ...; with --returning-from, default: the earlier case's)")
	f.StringVar(&opts.change.Name, "name", "", "the participant's `NAME` (with --returning-from, default: the earlier case's)")
	contactVar(f, &opts.phone, &opts.email, " (with --returning-from, default: the earlier case's)")
	onceVar(f, &opts.change.Manager, "manager", "the designated case manager's staff `ID` (default: you)")
	f.StringVar(&opts.change.ID, "id", "", "an external case `ID` (default: a new random one)")
	f.StringVar(&opts.change.Center, "center", "", "the office (default: the manager's)")
	dateVar(f, &opts.opened, "opened", "the `DATE` the case opened (default: --today)")
	dateVar(f, &opts.notice, "notice-date", "work security: the `DATE` of the layoff notice")
	dateVar(f, &opts.layoff, "layoff-date", "work security: the layoff `DATE`")
	f.StringVar(&opts.change.ReturningFrom, "returning-from", "", "WIOA: the `CASE` of the participant's earlier period of participation, which ended with an exit (TEGL 10-16)")
	f.BoolVar(&opts.change.GrantEnded, "grant-ended", false, "work security: the position's grant funding ended (30-day notification)")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the files but do not commit them")
	alsoTriedAs(f, "name", "participant", "full-name", "person")
	alsoTriedAs(f, "manager", "case-manager", "counselor", "cm", "staff", "owner")
	alsoTriedAs(f, "opened", "date", "open-date", "start")
	c.MarkFlagsOneRequired("name", "returning-from")
	return c
}

func caseNewRun(opts *caseNewOptions) error {
	return opts.write(opts.noCommit, nil, opts.change.Build, sayNext)
}

// sayNext tells, after case new, what the new case needs next: its
// intake meeting, recorded as its program counts a contact, and the first
// of the items due (casestate: everything overdue, and the next one). A
// case opened late opens with errors — a first contact already overdue,
// references missing by a layoff date that has passed — and those are
// these same things as findings, not errors "this change did not cause".
func (g *globals) sayNext(res *casework.Result) error {
	id := res.Change.Cases[0]
	c := res.After.Case(id)
	if c == nil || c.Intake == nil {
		return nil
	}
	today, err := g.todayDate()
	if err != nil {
		return err
	}
	cfg := res.After.Config
	record := casestate.NoteAddCommand(id, casestate.NoteIntake, calendar.ContactFor(c, cfg))
	w := g.env.Stderr
	fmt.Fprintf(w, "caseplan: next: record the intake meeting with %s\n", record)
	state := casestate.Compute(c, cfg, today)
	for i, d := range state.Due {
		if i > 0 && !d.Overdue {
			break
		}
		fmt.Fprintf(w, "caseplan: due %s (%s): %s\n", d.Due, tickler.When(d), d.Detail)
	}
	// An opening further back than the first contact was due is most
	// often a paper file moved in: casestate says how its older records
	// are entered, and which overdue items they clear.
	if b := casestate.BackEntryOf(id, c.Intake.Opened, &state, calendar.ContactFor(c, cfg)); b != nil {
		for _, l := range b.Lines {
			fmt.Fprintf(w, "caseplan: note: %s\n", l)
		}
	}
	hint := "caseplan case show " + id + " shows everything due"
	if n := len(res.Existing); n > 0 {
		hint += fmt.Sprintf("; caseplan validate %s shows the %d error(s) the case opens with, each something still to do", id, n)
	}
	fmt.Fprintf(w, "caseplan: hint: %s\n", hint)
	return nil
}
