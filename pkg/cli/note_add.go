package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

type noteAddOptions struct {
	*globals
	kind string
	noteFlags
	change casework.AddNote // the note, from --file and the flags
	group  noteGroup        // a group session: several cases, or --cohort
}

func newCmdNoteAdd(g *globals, runF func(*noteAddOptions) error) *cobra.Command {
	opts := &noteAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add CASE... --kind KIND --mode MODE",
		Short: "Add a case note and commit it",
		Long: `Add a case note to CASE as notes/<date>-<suffix>.yaml and commit it; the
note's ID is printed on stdout.

A good note has the seven elements of document 001: background, reason,
observations, content, results, impressions and plan. Each may be left out;
one given as spaces only, or as "", is refused, since a note is never edited
once committed.

` + contactHelp + `
A note of kind contact or intake that its case's program does not count
as a contact is committed with a warning that says why (the intake meeting
is the first contact; a WIOA intake without --service leaves it owed).
A post-employment job-site visit (--mode job-site) with no permission on
record by its day is committed with the warning of rule
pe-job-site-permission, which says how to record the permission (document
003: "with the participant's permission").
A WIOA service dated after the case's recorded exit is committed with the
warning of rule wioa-exit-date: a participant who came back begins a new
period of participation (TEGL 10-16), a case of its own (case new
--returning-from); void a note recorded on the old case by mistake with
caseplan note amend CASE NOTE --void.

A WIOA service more than 90 days (inactivity_exit_days) after the last one,
with none scheduled between, comes after an exit no one recorded: the
participant exited on that last service's day (TEGL 10-16), and the note is
committed with the warning of rule wioa-unrecorded-exit, which names the
exit's date to record (case exit CASE --date D) and the new period to open
(case new --returning-from CASE).

--action "OWNER|DUE|TEXT" records an action item (owner participant, manager or
other; DUE a date or empty); a dated item stays on the tickler, as NOTE#N,
until caseplan action done or caseplan action drop closes it. --file
NOTE.yaml (or - for stdin) reads the note's fields from YAML; flags given as
well override the file's values.

A group session — a group intake, an orientation, a group assessment (001) —
is one note add for all who attended: several CASEs, or --cohort ID for the
open cases of a layoff cohort (less those --absent names). Each case gets the
note in a file of its own, all with the same note ID, so each attendee's
record holds the contact (counted as its program counts one: --two-way, and
for WIOA a --service); the session is one commit. stdout then has one line
per case: CASE and the note's ID, tab-separated. A CASE is a case's ID:
a participant's name typed without quotes (note add Ana Souza ...) is
read as one case a word, and the error's hint gives the caseplan case
list --name command that finds the name, all its words together.

A late entry: a case's former manager may add a note in their own name
dated (--date) on or before the day the case was transferred from them,
when it was theirs; a note dated later is the new manager's to record.` + "\n" + exitStatusHelp,
		Example: `  caseplan note add 2026-K7QX2 --kind contact --mode phone --two-way \
      --service job-search --content "Reviewed three postings" \
      --action "participant|2026-03-09|Apply to the two admin postings"
  caseplan note add --cohort 2026-ACME --absent E0017 --kind intake \
      --mode in-person --two-way --service orientation \
      --reason "Group intake and orientation for the Acme layoff"
  caseplan note add 2026-K7QX2 --date 2026-03-16 --kind contact --mode phone \
      --two-way --service job-search --content "Called before the transfer"`,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.group.check(args); err != nil {
				return err
			}
			if len(args) == 1 && opts.group.cohort == "" {
				opts.change.Case = args[0]
			}
			n, err := opts.note(g, c, nil, nil)
			if err != nil {
				return err
			}
			if c.Flags().Changed("kind") {
				n.Kind = opts.kind
			}
			if err := noteKindMode(n); err != nil {
				return err
			}
			if n.Kind == "amendment" {
				return &UsageError{Msg: "amendments correct an existing note", Hint: "use caseplan note amend CASE NOTE"}
			}
			opts.change.Note = n
			if runF != nil {
				return runF(opts)
			}
			return noteAddRun(opts)
		},
	}
	opts.group.register(c)
	c.Flags().StringVar(&opts.kind, "kind", "", "`KIND`: "+choicesOf("note add", "kind"))
	opts.register(c)
	return c
}

// noteKindMode refuses a note without a kind or a mode, naming only what
// is missing: told "needs --kind and --mode" after giving --kind, a
// newcomer looks for what was wrong with the --kind given.
func noteKindMode(n record.Note) error {
	switch {
	case n.Kind == "" && n.Mode == "":
		return &UsageError{Msg: "a note needs --kind and --mode", Hint: "for example --kind contact --mode phone"}
	case n.Kind == "":
		return &UsageError{Msg: "a note needs --kind", Hint: "for example --kind contact"}
	case n.Mode == "":
		return &UsageError{Msg: "a note needs --mode", Hint: "for example --mode phone"}
	}
	return nil
}

func noteAddRun(opts *noteAddOptions) error {
	if opts.change.Case == "" {
		return noteAddGroupRun(opts)
	}
	res, err := opts.writeResult(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
	if err != nil {
		return err
	}
	opts.sayNotContact(res)
	opts.sayWarnings(res, noteWarnings...)
	return nil
}

// noteWarnings are the rules whose warnings a note just written may bring
// and note add says, for one case or several: an action item due decades
// away (plan-date), a job-site visit without permission on record (003),
// a service recorded after the case's WIOA exit (wioa-exit-date: a
// participant who came back, whose service belongs in the case of the new
// period, or an exit recorded too early), a service after an exit by the
// definition that was never recorded (wioa-unrecorded-exit: the same
// return, which the service itself hides from wioa-potential-exit) —
// said at the write, since the note cannot be taken back, only voided.
var noteWarnings = []string{validate.RulePlanDate, validate.RulePEJobSitePermission, validate.RuleWIOAExitDate, validate.RuleWIOAUnrecordedExit}

// sayNotContact warns when a note of kind contact or intake just written
// does not count as a contact by its case's program: the contact rules and
// the reports will not count it, and nothing else would say so. The intake
// meeting is the first contact case new asks for (a WIOA intake without a
// service leaves the first contact owed, 002).
func (g *globals) sayNotContact(res *casework.Result) {
	if res.After == nil || len(res.Change.Cases) != 1 {
		return
	}
	c := res.After.Case(res.Change.Cases[0])
	if c == nil {
		return
	}
	n := c.NoteByID(res.Change.Output)
	if why := notContactWhy(c, res.After.Config, n); why != "" {
		fmt.Fprintf(g.env.Stderr, "caseplan: warning: note %s is not counted as a contact: %s\n", n.ID, why)
		if contact := calendar.ContactFor(c, res.After.Config); contact.ReachesOut(n) {
			// Voiding a letter and adding it again cannot make it a
			// contact: it stays on record, and the answer is the contact.
			fmt.Fprintf(g.env.Stderr, "caseplan: hint: the letter stays on record; when the participant answers, record the answer as the contact: %s\n", casestate.NoteAddCommand(c.ID, "contact", contact))
			return
		}
		// A newcomer's first move is to amend the note with what it
		// lacked (--two-way), but an amendment is never a contact: the
		// way that counts is a void and the note again, complete.
		fmt.Fprintf(g.env.Stderr, "caseplan: hint: if it was one, add it again with what it lacked and void this one (an amendment is never a contact): caseplan note amend %s %s --void --content \"recorded again as a contact\"\n", c.ID, n.ID)
	}
}

// notContactWhy says why note n of case c, meant as a contact (its kind
// is contact, or intake: the intake meeting is the first contact case new
// asks for), does not count as one by the case's program; "" when it
// counts or was not meant as one.
func notContactWhy(c *casefile.Case, cfg *record.Config, n *record.Note) string {
	if n == nil || n.Kind != "contact" && n.Kind != "intake" {
		return ""
	}
	return calendar.ContactFor(c, cfg).WhyNot(n)
}
