package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/store"
)

type logOptions struct {
	*globals
	caseID string
	output string
	limit  int
}

func newCmdLog(g *globals, runF func(*logOptions) error) *cobra.Command {
	opts := &logOptions{globals: g}
	c := &cobra.Command{
		Use:   "log [CASE]",
		Short: "The audit trail: who changed what, when, from git history",
		Long: `Print the audit trail, newest first: each caseplan commit with its date,
author, case and action, read from the commits' Caseplan-Case and
Caseplan-Action trailers. A commit made with git by hand, without them,
that changed records is listed too, under the cases whose files it changed,
with the action "(no trailers)" ("" in JSON); caseplan verify reports it.
With CASE, only that case's changes.

  -o json  [{"commit","author","email","date","case","action","summary"}]` + "\n" + exitStatusHelp,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			// A negative limit would otherwise show everything, as 0
			// does: say so rather than guess what was meant.
			if opts.limit < 0 {
				return &UsageError{Msg: fmt.Sprintf("--limit %d: a number of entries cannot be negative", opts.limit), Hint: "give --limit N with N of 1 or more, or 0 (the default) for all"}
			}
			if len(args) == 1 {
				opts.caseID = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return logRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	c.Flags().IntVarP(&opts.limit, "limit", "n", 0, "show at most `N` entries (0: all)")
	return c
}

func logRun(opts *logOptions) error {
	repo, head, err := opts.openHead()
	if err != nil {
		return err
	}
	defer repo.Close()
	entries := []history.Entry{}
	if !head.IsZero() {
		// The clone's log index answers without reading every commit; it
		// gives what history.Log gives (see pkg/history/logindex.go).
		if entries, err = history.LogIndexed(repo.Git(), repo, head, opts.caseID, opts.limit); err != nil {
			return shallowError(repo, err)
		}
	}
	if opts.caseID != "" && len(entries) == 0 {
		// A case with no history may still be new in the work tree; a
		// name that is neither is a mistake, not a case without changes.
		root, err := opts.storeRoot()
		if err != nil {
			return err
		}
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(layout.CaseDir(opts.caseID)))); err != nil || caseid.Check(opts.caseID) != nil {
			return &store.UnknownCaseError{ID: opts.caseID}
		}
	}
	if opts.output == "json" {
		if entries == nil {
			entries = []history.Entry{}
		}
		return writeJSON(opts.env.Stdout, entries)
	}
	t := newTable(opts.env, "DATE", "COMMIT", "AUTHOR", "CASE", "ACTION", "SUMMARY")
	for _, e := range entries {
		action := e.Action
		if action == "" {
			action = "(no trailers)"
		}
		t.row(e.Date.Format(time.DateTime), e.Commit[:10], fmt.Sprintf("%s <%s>", e.Author, e.Email),
			logCases(e.Cases, opts.caseID), action, e.Summary)
	}
	return t.flush()
}

// logCases is the CASE column: the cases a commit names, but for a
// commit of many (a roster import, a group session's notes) how many,
// or, in one case's log, that case: -o json has them all.
func logCases(cases []string, only string) string {
	switch {
	case only != "" && len(cases) > 1:
		return fmt.Sprintf("%s (and %d more)", only, len(cases)-1)
	case len(cases) > 3:
		return fmt.Sprintf("%d cases", len(cases))
	}
	return strings.Join(cases, ",")
}
