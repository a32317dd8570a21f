package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type noteAmendOptions struct {
	*globals
	noteFlags
	change casework.AddNote // the amendment note, from --file and the flags
	void   bool
}

func newCmdNoteAmend(g *globals, runF func(*noteAmendOptions) error) *cobra.Command {
	opts := &noteAmendOptions{globals: g}
	c := &cobra.Command{
		Use:   "amend CASE NOTE --content TEXT",
		Short: "Correct a note with an amendment note (notes are never edited)",
		Long: `Correct note NOTE of CASE. A committed note is never edited or removed —
caseplan verify reports it if one is — so a correction is a new note of kind
amendment that names the note it corrects. Give the correction with the
note flags (--content, --results, ...); the mode defaults to none. An
amendment with neither a text nor an action item is refused, as is a text
of spaces only or "". The new note's ID is printed.

--void says NOTE was recorded in error — on the wrong case, with the wrong
date, or for something that did not happen — and the amendment's text says
why; a void without a text is refused. A voided note stays in its file and
in note list, marked, but counts for nothing: not as a contact, nor as a
service (so not for a WIOA exit date), nor in the reports, and its action
items leave the tickler. Record what did happen as a new note, on the right
case and date. An amendment cannot be voided, nor a note twice.

An amendment is never a contact, whatever --two-way says: to make a note
that lacked --two-way (or, for WIOA, --service) count as a contact, add it
again as a new note with what it lacked and void the first.` + "\n" + exitStatusHelp,
		Example: `  caseplan note amend 2026-K7QX2 2026-03-03-ab12 \
      --content "The interview is on March 12, not March 21 as noted"
  caseplan note amend 2026-K7QX2 2026-03-03-ab12 --void \
      --content "Recorded on the wrong case: the call was with 2026-F3VD6"`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			amends := args[1]
			n, err := opts.note(g, c, map[string]any{"kind": "amendment", "amends": amends}, map[string]any{"mode": "none"})
			if err != nil {
				return err
			}
			n.Kind, n.Amends = "amendment", amends
			if opts.void {
				n.Voids = true
			}
			if n.Mode == "" {
				n.Mode = "none"
			}
			opts.change.Note = n
			if runF != nil {
				return runF(opts)
			}
			return noteAmendRun(opts)
		},
	}
	opts.register(c)
	c.Flags().BoolVar(&opts.void, "void", false, "NOTE was recorded in error (wrong case, wrong date, did not happen): it counts for nothing from now on")
	return c
}

func noteAmendRun(opts *noteAmendOptions) error {
	if err := opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly); err != nil {
		return err
	}
	// --two-way on an amendment is what a newcomer types to make a call
	// they forgot to mark two-way count; it never does, so say so.
	if n := opts.change.Note; n.TwoWay && !n.Voids {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: an amendment is never a contact: --two-way does not make note %s count as one\n", n.Amends)
		fmt.Fprintf(opts.env.Stderr, "caseplan: hint: add the contact again as a new note with --two-way, and void note %s: caseplan note amend %s %s --void --content \"recorded again as a contact\"\n", n.Amends, opts.change.Case, n.Amends)
	}
	return nil
}
