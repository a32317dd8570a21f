package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/layout"
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
		Args:  cobra.ExactArgs(2),
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
	for _, n := range c.Notes {
		if n.ID != opts.noteID {
			continue
		}
		if opts.output == "json" {
			return writeJSON(opts.env.Stdout, n)
		}
		data, err := src.ReadFile(c.NotePath(n))
		if err != nil {
			return err
		}
		// The file as recorded, without the editor modeline.
		w, done := opts.textOut()
		if _, err = w.Write(layout.WithoutModeline(data)); err != nil {
			return err
		}
		return done()
	}
	return &UsageError{Msg: fmt.Sprintf("case %s has no note %q", opts.caseID, opts.noteID), Hint: "caseplan note list " + opts.caseID + " lists its notes"}
}
