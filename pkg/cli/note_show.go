package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

type noteShowOptions struct {
	*globals
	caseID, noteID string
	output         string
}

func newCmdNoteShow(g *globals, runF func(*noteShowOptions) error) *cobra.Command {
	opts := &noteShowOptions{globals: g}
	c := &cobra.Command{
		Use:   "show CASE NOTE",
		Short: "Show one note as it is recorded",
		Long: `Show note NOTE of CASE as its file records it, without the editor
modeline. A note is never edited, so what later records say of it is shown
with it, as YAML comments: first whether an amendment voided it (note
amend --void: recorded in error, it counts for nothing), then the
amendments that correct it, then how each action item stands (open, or
done or dropped: when, and where that is recorded; an item still open
when its note was voided is void with it, off the tickler).

  -o json  the note's fields; each action item also has "status" (open,
           done, dropped), "closed_on" and "closed_how"; "amended_by" lists
           the IDs of the amendments that correct the note ([] when none);
           "voided_by", present only for a voided note, names the
           amendment that voided it`,
		Example: `  caseplan note show 2026-K7QX2 2026-03-03-ab12           # one note, whole
  caseplan note show 2026-K7QX2 2026-03-03-ab12 -o json   # for a script`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.caseID, opts.noteID = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return noteShowRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func noteShowRun(opts *noteShowOptions) error {
	root, err := opts.storeRoot()
	if err != nil {
		return err
	}
	tree, err := store.NewWorkTree(root)
	if err != nil {
		return err
	}
	// The note is printed as its file reads; the memo keeps the bytes
	// loading read, so the file is read once.
	src := store.NewMemo(tree)
	snap, err := loadFrom(src, []string{opts.caseID})
	if err != nil {
		return err
	}
	c := snap.Case(opts.caseID)
	n := c.NoteByID(opts.noteID)
	if n == nil {
		return &UsageError{Msg: fmt.Sprintf("case %s has no note %q", opts.caseID, opts.noteID), Hint: casework.NoteHint(c, opts.noteID, "caseplan note list "+opts.caseID+" lists its notes")}
	}
	// A note is never edited, so what corrects or closes it is in other
	// records: the amendments that name it, and the closings of its action
	// items (casestate). Shown with the note, a reader does not take the
	// note's word where a later record corrects it.
	amendments := c.Amendments(n.ID)
	amendedBy := []string{}
	for _, a := range amendments {
		amendedBy = append(amendedBy, a.ID)
	}
	actions := make([]noteActionJSON, len(n.Actions))
	closures := casestate.ActionClosuresOf(c)
	for i, a := range n.Actions {
		actions[i].Action = a
		// An amendment's items are the corrected note's, closed there.
		if n.Kind != "amendment" {
			actions[i].Status, actions[i].ClosedHow, actions[i].ClosedOn = closures.Status(n, i+1)
		}
	}
	voidedBy := c.VoidedBy(n)
	if opts.output == "json" {
		v := noteShowJSON{Note: n, Actions: actions, AmendedBy: amendedBy}
		if voidedBy != nil {
			v.VoidedBy = voidedBy.ID
		}
		return writeJSON(opts.env.Stdout, v)
	}
	data, err := src.ReadFile(c.NotePath(n))
	if err != nil {
		return err
	}
	// The file as recorded, without the editor modeline; what other
	// records say of it as YAML comments, so the output still reads as
	// the note's YAML.
	w, done := opts.textOut()
	if voidedBy != nil {
		fmt.Fprintf(w, "# VOIDED by amendment %s (%s): recorded in error, it counts for nothing\n", voidedBy.ID, voidedBy.Date)
	}
	for _, a := range amendments {
		fmt.Fprintf(w, "# corrected by amendment %s (%s): caseplan note show %s %s\n", a.ID, a.Date, opts.caseID, a.ID)
	}
	if _, err = w.Write(layout.WithoutModeline(data)); err != nil {
		return err
	}
	if n.Kind != "amendment" && len(actions) > 0 {
		fmt.Fprintln(w, "# action items:")
		for i, a := range actions {
			ref := casestate.ActionRef(n.ID, i+1)
			// A voided note's open items are off the tickler and closed by
			// nothing (action done refuses them): "open" would say the
			// opposite of the VOIDED line above.
			if a.Status == "open" && voidedBy != nil {
				fmt.Fprintf(w, "#   %s void with its note: off the tickler\n", ref)
				continue
			}
			if a.Status == "open" {
				fmt.Fprintf(w, "#   %s open\n", ref)
				continue
			}
			fmt.Fprintf(w, "#   %s %s on %s (%s)\n", ref, a.Status, a.ClosedOn, a.ClosedHow)
		}
	}
	return done()
}

// noteShowJSON is note show's -o json contract: the note as recorded,
// with each action item's status, and the IDs of the amendments that
// correct the note ([] when none).
type noteShowJSON struct {
	*record.Note
	Actions   []noteActionJSON `json:"actions,omitempty"`
	AmendedBy []string         `json:"amended_by"`
	VoidedBy  string           `json:"voided_by,omitempty"` // the amendment that voided the note: it counts for nothing
}

// noteActionJSON is an action item as recorded, with how it stands. An
// amendment's items have no status: they are the corrected note's.
type noteActionJSON struct {
	record.Action
	Status    string      `json:"status,omitempty"`     // open, done or dropped
	ClosedOn  record.Date `json:"closed_on,omitempty"`  // the day it was done or dropped
	ClosedHow string      `json:"closed_how,omitempty"` // "marked done in its note", "recorded as dropped in the plan", ...
}
