package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

type noteListOptions struct {
	caseID string
	output string
}

func newNoteListCmd(g *globals) *cobra.Command {
	opts := &noteListOptions{}
	c := &cobra.Command{
		Use:   "list CASE",
		Short: "List a case's notes, oldest first",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.caseID = args[0]
			return noteListRun(g, opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func noteListRun(g *globals, opts *noteListOptions) error {
	snap, err := g.loadWorkTree([]string{opts.caseID})
	if err != nil {
		return err
	}
	c := snap.Case(opts.caseID)
	if opts.output == "json" {
		notes := c.Notes
		if notes == nil {
			notes = []*record.Note{}
		}
		return writeJSON(g.env.Stdout, notes)
	}
	t := newTable(g.env, "ID", "DATE", "AUTHOR", "KIND", "MODE", "TWO-WAY", "CONTENT")
	for _, n := range c.Notes {
		two := "no"
		if n.TwoWay {
			two = "yes"
		}
		t.row(n.ID, string(n.Date), n.Author, n.Kind, n.Mode, two, summary(n))
	}
	return t.flush()
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

type noteShowOptions struct {
	caseID, noteID string
	output         string
}

func newNoteShowCmd(g *globals) *cobra.Command {
	opts := &noteShowOptions{}
	c := &cobra.Command{
		Use:   "show CASE NOTE",
		Short: "Show one note as it is recorded",
		Args:  cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			opts.caseID, opts.noteID = args[0], args[1]
			return noteShowRun(g, opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func noteShowRun(g *globals, opts *noteShowOptions) error {
	snap, err := g.loadWorkTree([]string{opts.caseID})
	if err != nil {
		return err
	}
	c := snap.Case(opts.caseID)
	for _, n := range c.Notes {
		if n.ID != opts.noteID {
			continue
		}
		if opts.output == "json" {
			return writeJSON(g.env.Stdout, n)
		}
		root, _ := g.storeRoot()
		src, err := store.NewWorkTree(root)
		if err != nil {
			return err
		}
		data, err := src.ReadFile(c.NotePath(n))
		if err != nil {
			return err
		}
		// The file as recorded, without the editor modeline.
		_, err = g.env.Stdout.Write(layout.WithoutModeline(data))
		return err
	}
	return &UsageError{Msg: fmt.Sprintf("case %s has no note %q", opts.caseID, opts.noteID), Hint: "caseplan note list " + opts.caseID + " lists its notes"}
}
