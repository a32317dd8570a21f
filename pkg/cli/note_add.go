package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

func newNoteCmd(g *globals) *cobra.Command {
	return newGroupCmd("note", "Case notes: one file per note, never edited after commit",
		newNoteAddCmd(g), newNoteAmendCmd(g), newNoteListCmd(g), newNoteShowCmd(g))
}

// noteFlags are the flags that fill a note's content, shared by note add
// and note amend.
type noteFlags struct {
	fixed    map[string]any // values the command sets, whatever the file says
	fill     map[string]any // values used when the file leaves them out
	date     string
	note     record.Note
	actions  []string
	file     string
	noCommit bool
}

func (o *noteFlags) register(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&o.date, "date", "", "the `DATE` of the contact or event (default: --today)")
	f.StringVar(&o.note.Mode, "mode", "", "`MODE`: in-person, phone, email, video, text, letter, home-visit, job-site, none")
	f.BoolVar(&o.note.TwoWay, "two-way", false, "the contact was two-way (document 002)")
	f.StringArrayVar(&o.note.Services, "service", nil, "a service `CODE` provided (repeatable)")
	f.StringVar(&o.note.Background, "background", "", "background statement")
	f.StringVar(&o.note.Reason, "reason", "", "reason for the contact")
	f.StringVar(&o.note.Observations, "observations", "", "what you observed")
	f.StringVar(&o.note.Content, "content", "", "what was discussed or done")
	f.StringVar(&o.note.Results, "results", "", "results")
	f.StringVar(&o.note.Impressions, "impressions", "", "your impressions")
	f.StringVar(&o.note.Plan, "plan", "", "the plan from here")
	f.StringArrayVar(&o.actions, "action", nil, `an action item "OWNER|DUE|TEXT" (repeatable)`)
	f.StringVar(&o.file, "file", "", "read the note from a YAML `FILE` (- for stdin)")
	f.BoolVar(&o.noCommit, "no-commit", false, "write the note but do not commit it")
}

// build assembles the note from --file and the flags; flags given override
// the file's values.
func (o *noteFlags) build(g *globals, c *cobra.Command) (record.Note, error) {
	flags := c.Flags()
	overrides := map[string]any{}
	for k, v := range o.fixed {
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
		if n, err = readNoteFile(g, o.file, o.fill, overrides); err != nil {
			return n, err
		}
	}
	set := func(name string, dst *string, v string) {
		if flags.Changed(name) {
			*dst = v
		}
	}
	set("mode", &n.Mode, o.note.Mode)
	set("background", &n.Background, o.note.Background)
	set("reason", &n.Reason, o.note.Reason)
	set("observations", &n.Observations, o.note.Observations)
	set("content", &n.Content, o.note.Content)
	set("results", &n.Results, o.note.Results)
	set("impressions", &n.Impressions, o.note.Impressions)
	set("plan", &n.Plan, o.note.Plan)
	if flags.Changed("two-way") {
		n.TwoWay = o.note.TwoWay
	}
	if flags.Changed("service") {
		n.Services = o.note.Services
	}
	if o.date != "" {
		if _, err := parseDate("date", o.date); err != nil {
			return n, err
		}
		n.Date = record.Date(o.date)
	}
	for _, a := range o.actions {
		act, err := parseAction(a)
		if err != nil {
			return n, err
		}
		n.Actions = append(n.Actions, act)
	}
	return n, nil
}

type noteAddOptions struct {
	caseID string
	kind   string
	noteFlags
}

func newNoteAddCmd(g *globals) *cobra.Command {
	opts := &noteAddOptions{}
	c := &cobra.Command{
		Use:   "add CASE --kind KIND --mode MODE",
		Short: "Add a case note and commit it",
		Long: `Add a case note to CASE as notes/<date>-<suffix>.yaml and commit it; the
note's ID is printed on stdout.

A good note has the seven elements of document 001: background, reason,
observations, content, results, impressions and plan. A note counts as a
contact only when it was two-way (--two-way) and records a service
(--service CODE), as document 002 defines a contact.

--action "OWNER|DUE|TEXT" records an action item (owner participant, manager or
other; DUE a date or empty). --file NOTE.yaml (or - for stdin) reads the note's
fields from YAML; flags given as well override the file's values.` + "\n" + exitStatusHelp,
		Example: `  caseplan note add 2026-K7QX2 --kind contact --mode phone --two-way \
      --service job-search --content "Reviewed three postings" \
      --action "participant|2026-03-09|Apply to the two admin postings"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			n, err := opts.build(g, c)
			if err != nil {
				return err
			}
			if c.Flags().Changed("kind") {
				n.Kind = opts.kind
			}
			if n.Kind == "" || n.Mode == "" {
				return &UsageError{Msg: "a note needs --kind and --mode", Hint: "for example --kind contact --mode phone"}
			}
			if n.Kind == "amendment" {
				return &UsageError{Msg: "amendments correct an existing note", Hint: "use caseplan note amend CASE NOTE"}
			}
			return g.write(opts.noCommit, []string{opts.caseID}, casework.AddNote{Case: opts.caseID, Note: n}.Build, outputOnly)
		},
	}
	c.Flags().StringVar(&opts.kind, "kind", "", "`KIND`: intake, contact, case-conference, mock-interview, interview-feedback, follow-up, transfer, extension, closure, assessment, referral, other")
	opts.register(c)
	return c
}

type noteAmendOptions struct {
	caseID, noteID string
	noteFlags
}

func newNoteAmendCmd(g *globals) *cobra.Command {
	opts := &noteAmendOptions{}
	c := &cobra.Command{
		Use:   "amend CASE NOTE --content TEXT",
		Short: "Correct a note with an amendment note (notes are never edited)",
		Long: `Correct note NOTE of CASE. A committed note is never edited or removed —
caseplan verify reports it if one is — so a correction is a new note of kind
amendment that names the note it corrects. Give the correction with the
note flags (--content, --results, ...); the mode defaults to none. The new
note's ID is printed.` + "\n" + exitStatusHelp,
		Example: `  caseplan note amend 2026-K7QX2 2026-03-03-ab12 \
      --content "The interview is on March 12, not March 21 as noted"`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID, opts.noteID = args[0], args[1]
			opts.fixed = map[string]any{"kind": "amendment", "amends": opts.noteID}
			opts.fill = map[string]any{"mode": "none"}
			n, err := opts.build(g, c)
			if err != nil {
				return err
			}
			n.Kind, n.Amends = "amendment", opts.noteID
			if n.Mode == "" {
				n.Mode = "none"
			}
			return g.write(opts.noCommit, []string{opts.caseID}, casework.AddNote{Case: opts.caseID, Note: n}.Build, outputOnly)
		},
	}
	opts.register(c)
	return c
}

// parseAction parses "OWNER|DUE|TEXT".
func parseAction(v string) (record.Action, error) {
	parts := strings.SplitN(v, "|", 3)
	if len(parts) != 3 {
		return record.Action{}, usageErrorf("--action %q: write it as \"OWNER|DUE|TEXT\" (DUE may be empty)", v)
	}
	a := record.Action{Owner: strings.TrimSpace(parts[0]), Text: strings.TrimSpace(parts[2])}
	if due := strings.TrimSpace(parts[1]); due != "" {
		if _, err := parseDate("action due date", due); err != nil {
			return a, err
		}
		a.Due = record.Date(due)
	}
	return a, nil
}

// readNoteFile reads a note written by hand, from the file name or, for
// "-", from stdin; casework reads and checks it.
func readNoteFile(g *globals, name string, fill, set map[string]any) (record.Note, error) {
	var data []byte
	var err error
	display := name
	if name == "-" {
		display = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(g.env.Stdin, load.MaxFileSize+1))
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
