package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/record"
)

type noteListOptions struct {
	*globals
	caseID string
	output string
}

func newCmdNoteList(g *globals, runF func(*noteListOptions) error) *cobra.Command {
	opts := &noteListOptions{globals: g}
	c := &cobra.Command{
		Use:   "list CASE",
		Short: "List a case's notes, oldest first",
		Long: `List CASE's notes, oldest first, voided ones included: a note an
amendment voided (note amend --void) shows its kind as "KIND (voided)",
and a note an amendment corrected (note amend) "KIND (amended)", so that
it is read with its correction (note show names it).

  -o json  the notes' fields, each as note show -o json gives them without
           the action items' status; "voided_by", present only for a voided
           note, names the amendment that voided it; "amended_by", present
           only for a note corrected and not voided, the amendments that
           corrected it`,
		Example: `  caseplan note list 2026-K7QX2           # the case's notes, oldest first
  caseplan note list 2026-K7QX2 -o json   # for a script`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.caseID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return noteListRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func noteListRun(opts *noteListOptions) error {
	snap, err := opts.loadWorkTree([]string{opts.caseID})
	if err != nil {
		return err
	}
	c := snap.Case(opts.caseID)
	all := c.AllNotes()
	if opts.output == "json" {
		notes := make([]noteListJSON, len(all))
		for i, n := range all {
			notes[i].Note = n
			if by := c.VoidedBy(n); by != nil {
				notes[i].VoidedBy = by.ID
			} else {
				for _, a := range c.Amendments(n.ID) {
					notes[i].AmendedBy = append(notes[i].AmendedBy, a.ID)
				}
			}
		}
		return writeJSON(opts.env.Stdout, notes)
	}
	t := newTable(opts.env, "ID", "DATE", "AUTHOR", "KIND", "MODE", "TWO-WAY", "CONTENT")
	for _, n := range all {
		two := "no"
		if n.TwoWay {
			two = "yes"
		}
		kind := n.Kind
		if c.VoidedBy(n) != nil {
			kind += " (voided)"
		} else if len(c.Amendments(n.ID)) > 0 {
			// Corrected: read with its amendment (note show names
			// it), which a list sorted by date and ID may put above it.
			kind += " (amended)"
		}
		t.row(n.ID, string(n.Date), n.Author, kind, n.Mode, two, summary(n))
	}
	return t.flush()
}

// noteListJSON is a note as note list -o json gives it: the record, and
// the amendment that voided it, if one did.
type noteListJSON struct {
	*record.Note
	VoidedBy string `json:"voided_by,omitempty"`
	// AmendedBy names the amendments that corrected a note not voided,
	// present only when some did.
	AmendedBy []string `json:"amended_by,omitempty"`
}

// summary is a note's first line of substance, shortened for a table.
func summary(n *record.Note) string {
	for _, s := range []string{n.Content, n.Reason, n.Results, n.Plan, n.Background} {
		if s = strings.TrimSpace(s); s != "" {
			line, _, _ := strings.Cut(s, "\n")
			if r := []rune(line); len(r) > 60 {
				line = string(r[:59]) + "…"
			}
			return line
		}
	}
	return ""
}
