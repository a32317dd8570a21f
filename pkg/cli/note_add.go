package cli

import (
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type noteAddOptions struct {
	*globals
	kind string
	noteFlags
	change casework.AddNote // the note, from --file and the flags
}

func newCmdNoteAdd(g *globals, runF func(*noteAddOptions) error) *cobra.Command {
	opts := &noteAddOptions{globals: g}
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
other; DUE a date or empty); a dated item stays on the tickler, as NOTE#N,
until caseplan action done or caseplan action drop closes it. --file NOTE.yaml (or - for stdin) reads the note's
fields from YAML; flags given as well override the file's values.` + "\n" + exitStatusHelp,
		Example: `  caseplan note add 2026-K7QX2 --kind contact --mode phone --two-way \
      --service job-search --content "Reviewed three postings" \
      --action "participant|2026-03-09|Apply to the two admin postings"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.change.Case = args[0]
			n, err := opts.note(g, c, nil, nil)
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
			opts.change.Note = n
			if runF != nil {
				return runF(opts)
			}
			return noteAddRun(opts)
		},
	}
	c.Flags().StringVar(&opts.kind, "kind", "", "`KIND`: intake, contact, case-conference, mock-interview, interview-feedback, follow-up, transfer, extension, closure, assessment, referral, other")
	opts.register(c)
	return c
}

func noteAddRun(opts *noteAddOptions) error {
	return opts.write(opts.noCommit, []string{opts.change.Case}, opts.change.Build, outputOnly)
}
