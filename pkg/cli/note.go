package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

func newCmdNote(g *globals) *cobra.Command {
	return newGroupCmd("note", "Case notes: one file per note, never edited after commit",
		newCmdNoteAdd(g, nil), newCmdNoteAmend(g, nil), newCmdNoteList(g, nil), newCmdNoteShow(g, nil))
}

// contactHelp says which notes count as contacts, in the words of
// DESIGN.md §4: what counts is a program setting (contact_requires_service),
// and calendar.Contact decides it. The help of note add quotes it, and a
// test holds it to calendar.Contact, so the help cannot promise another
// definition than the one the rules, reports and tickler count by.
const contactHelp = `What counts as a contact is the program's setting
(contact_requires_service): for work security (000) and post-employment
(003), a two-way note (--two-way); for WIOA (002), a two-way note that also
records a recognised service (--service CODE) and says what happened (one
of the seven elements written). Amendments never count, nor does a letter
or a note of mode none, which are not exchanges: a letter or postcard
(003) stays on record, and the participant's answer is the contact.`

// noteFlags are the flags that fill a note's content, shared by note add
// and note amend.
type noteFlags struct {
	date     string
	values   record.Note // the fields' flags
	actions  []string
	file     string
	noCommit bool
}

func (o *noteFlags) register(c *cobra.Command) {
	f := c.Flags()
	dateVar(f, &o.date, "date", "the `DATE` of the contact or event (default: --today)")
	f.StringVar(&o.values.Mode, "mode", "", "`MODE`: "+choicesOf("note add", "mode"))
	f.BoolVar(&o.values.TwoWay, "two-way", false, "the contact was two-way (document 002)")
	f.StringArrayVar(&o.values.Services, "service", nil, "a service `CODE` provided (repeatable)")
	f.StringVar(&o.values.Background, "background", "", "background statement")
	f.StringVar(&o.values.Reason, "reason", "", "reason for the contact")
	f.StringVar(&o.values.Observations, "observations", "", "what you observed")
	f.StringVar(&o.values.Content, "content", "", "what was discussed or done")
	f.StringVar(&o.values.Results, "results", "", "results")
	f.StringVar(&o.values.Impressions, "impressions", "", "your impressions")
	f.StringVar(&o.values.Plan, "plan", "", "the plan from here")
	f.StringArrayVar(&o.actions, "action", nil, `an action item "OWNER|DUE|TEXT" (repeatable)`)
	f.StringVar(&o.file, "file", "", "read the note from a YAML `FILE` (- for stdin)")
	f.BoolVar(&o.noCommit, "no-commit", false, "write the note but do not commit it")
	alsoTriedAs(f, "content", "text", "body", "note", "message", "comment", "details", "summary", "description")
	alsoTriedAs(f, "date", "on", "when", "day")
	oppositeTriedAs(f, "two-way", "one-way")
}

// note assembles the note from --file and the flags; flags given override
// the file's values. set are values the command sets whatever the file
// says, fill those it uses where the file says nothing: the file is
// checked with them.
func (o *noteFlags) note(g *globals, c *cobra.Command, set, fill map[string]any) (record.Note, error) {
	flags := c.Flags()
	overrides := map[string]any{}
	for k, v := range set {
		overrides[k] = v
	}
	for flag, key := range map[string]string{"kind": "kind", "mode": "mode"} {
		if flags.Lookup(flag) != nil && flags.Changed(flag) {
			v, _ := flags.GetString(flag)
			overrides[key] = v
		}
	}
	var n record.Note
	if o.file != "" {
		var err error
		if n, err = readNoteFile(g, o.file, fill, overrides); err != nil {
			return n, err
		}
	}
	// A text flag given empty — --content "$NOTE" with NOTE never set — is
	// refused rather than taken for a note that says nothing: a note is
	// never edited once committed, and leaving the flag out already
	// records a contact without that text.
	var empty string
	set1 := func(name string, dst *string, v string) {
		if flags.Changed(name) {
			if v == "" && empty == "" {
				empty = name
			}
			*dst = v
		}
	}
	set1("mode", &n.Mode, o.values.Mode)
	set1("background", &n.Background, o.values.Background)
	set1("reason", &n.Reason, o.values.Reason)
	set1("observations", &n.Observations, o.values.Observations)
	set1("content", &n.Content, o.values.Content)
	set1("results", &n.Results, o.values.Results)
	set1("impressions", &n.Impressions, o.values.Impressions)
	set1("plan", &n.Plan, o.values.Plan)
	if empty != "" {
		return n, &UsageError{Msg: fmt.Sprintf("--%s is empty", empty),
			Hint: fmt.Sprintf("write the %s, or leave --%s out (a shell variable that was never set gives \"\")", empty, empty)}
	}
	if flags.Changed("two-way") {
		n.TwoWay = o.values.TwoWay
	}
	if flags.Changed("service") {
		n.Services = o.values.Services
	}
	if o.date != "" {
		var err error
		if n.Date, err = requiredDate("date", o.date); err != nil {
			return n, err
		}
	}
	var today time.Time
	if len(o.actions) > 0 {
		var err error
		if today, err = g.todayDate(); err != nil {
			return n, err
		}
	}
	for _, a := range o.actions {
		act, err := parseAction(a, today)
		if err != nil {
			return n, err
		}
		n.Actions = append(n.Actions, act)
	}
	return n, nil
}

// parseAction parses "OWNER|DUE|TEXT"; today puts a due date typed
// without its year in the year nearest it, for the hint (yearlessDate).
func parseAction(v string, today time.Time) (record.Action, error) {
	parts := strings.SplitN(v, "|", 3)
	owners := schemas.Enum("note", "actions", "[]", "owner")
	if len(parts) != 3 {
		return record.Action{}, &UsageError{
			Msg:  fmt.Sprintf("--action %q: write it as \"OWNER|DUE|TEXT\" (DUE may be empty)", v),
			Hint: actionShapeHint(parts, owners),
		}
	}
	// The text is kept as it was typed, spaces and line breaks and all:
	// only the owner and the date are read as words.
	a := record.Action{Owner: strings.TrimSpace(parts[0]), Text: parts[2]}
	if !slices.Contains(owners, a.Owner) {
		hint := fmt.Sprintf("the owner is who does it: participant, manager (the case manager) or other (anyone else), e.g. %s", actionFlag("other", parts[1], a.Text))
		if o := actionOwnerMeant(a.Owner); o != "" {
			hint = "did you mean " + actionFlag(o, parts[1], a.Text) + "?"
		}
		return a, &UsageError{
			Msg:  fmt.Sprintf("--action %q: the owner %q is not one of %s", v, a.Owner, strings.Join(owners, ", ")),
			Hint: hint,
		}
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, &UsageError{
			Msg:  fmt.Sprintf("--action %q: the action has no text", v),
			Hint: fmt.Sprintf("say what is to be done after the second bar: %s", actionFlag(a.Owner, parts[1], "TEXT")),
		}
	}
	if due := strings.TrimSpace(parts[1]); due != "" {
		if err := yearlessDate("action", due, today); err != nil {
			return a, actionDateError(v, a.Owner, due, a.Text, err)
		}
		var err error
		if a.Due, err = requiredDate("action", due); err != nil {
			return a, actionDateError(v, a.Owner, due, a.Text, err)
		}
	}
	return a, nil
}

// actionShapeHint is the hint for an --action without its two bars: the
// --action to type, with what was given put where it belongs. A text alone
// is the participant's with no due date (the commonest item, 001: the
// participant's next steps); an owner and a date lack the text; an owner
// and a text, or a date and a text, lack the part between.
func actionShapeHint(parts []string, owners []string) string {
	const tail = "; the owner is participant, manager or other, and a due date (YYYY-MM-DD) between the bars keeps it on the tickler"
	switch len(parts) {
	case 1:
		text := strings.TrimSpace(parts[0])
		if text == "" {
			text = "TEXT"
		}
		return fmt.Sprintf("who does it, when it is due, then what: %s", actionFlag("participant", "", text)) + tail
	case 2:
		first, second := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		owner := first
		if o := actionOwnerMeant(first); o != "" {
			owner = o
		}
		switch {
		case slices.Contains(owners, owner) && dateLike(second):
			return fmt.Sprintf("say what is to be done after a second bar: %s", actionFlag(owner, second, "TEXT"))
		case slices.Contains(owners, owner):
			return fmt.Sprintf("the due date goes between the bars, or nothing for none: %s", actionFlag(owner, "", second))
		case dateLike(first):
			return fmt.Sprintf("who does it comes first: %s", actionFlag("participant", first, second)) + tail
		}
	}
	return fmt.Sprintf("for example %s", actionFlag("participant", "", "Send the updated resume")) + tail
}

// actionFlag writes an --action as it is typed, quoted for the shell.
func actionFlag(owner, due, text string) string {
	return "--action " + strconv.Quote(owner+"|"+strings.TrimSpace(due)+"|"+text)
}

// dateLike says whether s reads as a date someone meant, typed in any of
// the usual shapes (2026-12-30, 12/30, 30.12.2026).
var dateLike = regexp.MustCompile(`^\d{1,4}([-/.]\d{1,4}){1,2}$`).MatchString

// actionOwnerMeant is the owner a word other than the three was meant as:
// the same word in capitals, or the ones a case manager says for them.
func actionOwnerMeant(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "participant", "client", "customer", "candidate", "jobseeker", "job-seeker", "job seeker", "worker":
		return "participant"
	case "manager", "me", "i", "myself", "cm", "case-manager", "case manager", "casemanager", "counselor", "counsellor", "staff":
		return "manager"
	case "other", "someone else", "third-party", "third party", "employer", "provider":
		return "other"
	}
	return ""
}

// actionDateError rewrites parseDate's error for the DUE part of an
// --action so that its hint is the whole --action to type again, not a
// --action of a date alone, which the shell would take and parseAction
// refuse.
func actionDateError(v, owner, due, text string, err error) error {
	var u *UsageError
	if !errors.As(err, &u) {
		return err
	}
	// u.Msg is `--action "DUE": why`: it keeps the why, and names the
	// whole item the date is part of.
	msg := fmt.Sprintf("--action %q: the due date %s", v, strings.TrimPrefix(u.Msg, "--action "))
	hint := actionDateFlag.ReplaceAllStringFunc(u.Hint, func(m string) string {
		return "--action " + strconv.Quote(owner+"|"+strings.TrimPrefix(m, "--action ")+"|"+text)
	})
	return &UsageError{Msg: msg, Hint: hint}
}

// actionDateFlag is a date as parseDate's hints write it for --action.
var actionDateFlag = regexp.MustCompile(`--action \d{4}-\d{2}-\d{2}`)

// readNoteFile reads a note written by hand, from the file name or, for
// "-", from stdin; casework reads and checks it.
func readNoteFile(g *globals, name string, fill, set map[string]any) (record.Note, error) {
	var data []byte
	var err error
	display := name
	if name == "-" {
		display = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(g.env.Stdin, load.MaxFileSize+1))
		if err == nil && len(data) > load.MaxFileSize {
			// Only the start was read: its length is not the input's.
			return record.Note{}, g.changeError(&casework.NoteFileError{Name: display, Findings: []finding.Finding{load.TooLargeRead(display)}})
		}
	} else {
		if !filepath.IsAbs(name) {
			name = filepath.Join(g.env.Dir, name)
		}
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return record.Note{}, err
	}
	v, err := schemas.Compile()
	if err != nil {
		return record.Note{}, err
	}
	n, err := casework.NoteFile{Name: display, Data: data, Set: set, Fill: fill}.Note(v)
	if err != nil {
		return n, g.changeError(err)
	}
	return n, nil
}
