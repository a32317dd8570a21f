package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/store"
)

type logOptions struct {
	*globals
	caseID string
	output string
	limit  int
	since  string
	until  string
	by     string
}

func newCmdLog(g *globals, runF func(*logOptions) error) *cobra.Command {
	opts := &logOptions{globals: g}
	c := &cobra.Command{
		Use:   "log [CASE]",
		Short: "The audit trail: who changed what, when, from git history",
		Long: `Print the audit trail, newest commit first in the history's order (as git
log; a colleague's offline commits sent by a later sync come above the ones
made meanwhile, though their DATE is earlier): each caseplan commit with its
date, author, case and action, read from the commits' Caseplan-Case and
Caseplan-Action trailers. A commit made with git by hand, without them, that
changed records is listed too, under the cases whose files it changed, with
the action "(no trailers)" ("" in JSON); caseplan verify reports it. A merge
made with git is listed under the cases it changed itself: files it holds as
neither parent had them (a conflict resolved by hand), as git log --cc shows
a merge. With CASE, only that case's changes; when CASE's directory holds
another case's intake (renamed by hand with git mv), a note on stderr names
the ID its history is under.

An auditor's questions narrow it: --since and --until keep the changes made
on or after, and on or before, a DATE (YYYY-MM-DD, the day in the DATE
column: the commit's author date); --by keeps those of one staff member, by
roster ID (as the roster at HEAD has it, retired members included) or by
email address. "What was done on case W-001 in March?" is
caseplan log W-001 --since 2026-03-01 --until 2026-03-31; "which cases did
ann touch last month?" is caseplan log --by ann --since ... --until ....
--limit counts what is left.

A commit made by someone other than its author (git commit --author, a
cherry-pick, a git host's merge button) shows both: AUTHOR reads "Ann Able
<ann@example.org> (committed by Lee Lim <lee@example.org>)", and --by finds
it under either of them, since each had a hand in it.

  -o json  [{"commit","author","email","date","case","action","summary",
             "committer","committer_email"}] (committer: "" when the author)` + "\n" + exitStatusHelp,
		Example: `  caseplan log 2026-K7QX2         # who changed the case, what and when
  caseplan log -n 5               # the store's last five changes
  # every change one case manager made in March
  caseplan log --by dpatel --since 2026-03-01 --until 2026-03-31`,
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
			if _, err := optionalDate("since", opts.since); err != nil {
				return err
			}
			if _, err := optionalDate("until", opts.until); err != nil {
				return err
			}
			if opts.since != "" && opts.until != "" && opts.since > opts.until {
				return &UsageError{Msg: fmt.Sprintf("--since %s is after --until %s", opts.since, opts.until), Hint: "give the earlier day with --since and the later with --until"}
			}
			if runF != nil {
				return runF(opts)
			}
			return logRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	c.Flags().IntVarP(&opts.limit, "limit", "n", 0, "show at most `N` entries (0: all)")
	dateVar(c.Flags(), &opts.since, "since", "only the changes made on or after `DATE`")
	dateVar(c.Flags(), &opts.until, "until", "only the changes made on or before `DATE`")
	c.Flags().StringVar(&opts.by, "by", "", "only the changes made by staff member `ID` (or an email address)")
	return c
}

func logRun(opts *logOptions) error {
	repo, head, err := opts.openHead()
	if err != nil {
		return err
	}
	defer repo.Close()
	keep, err := opts.filter(repo, head)
	if err != nil {
		return err
	}
	entries := []history.Entry{}
	if !head.IsZero() {
		// The clone's log index answers without reading every commit; it
		// gives what history.Log gives (see pkg/history/logindex.go).
		// A filter is applied to the whole trail, then the limit.
		limit := opts.limit
		if keep != nil {
			limit = 0
		}
		// A first log of a long history (or one after a rewrite) walks
		// every commit to build the index: seconds at 50,000 commits.
		reading := opts.meter("log", 0, "commits read")
		entries, err = history.LogIndexed(repo.Git(), repo, head, opts.caseID, limit, func() { reading.Add(1) })
		reading.Done()
		if err != nil {
			return shallowError(repo, err)
		}
		if keep != nil {
			entries = slices.DeleteFunc(entries, func(e history.Entry) bool { return !keep(e) })
			if opts.limit > 0 && len(entries) > opts.limit {
				entries = entries[:opts.limit]
			}
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
	if opts.caseID != "" {
		opts.noteRenamed()
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
		who := fmt.Sprintf("%s <%s>", e.Author, e.Email)
		if e.Committer != "" || e.CommitterEmail != "" {
			who += fmt.Sprintf(" (committed by %s <%s>)", e.Committer, e.CommitterEmail)
		}
		t.row(e.Date.Format(time.DateTime), e.Commit[:10], who,
			logCases(e.Cases, opts.caseID), action, e.Summary)
	}
	return t.flush()
}

// filter returns what --since, --until and --by keep, or nil when none
// is given. --by names a staff member by roster ID, as the roster at head
// lists them (a retired member too: they authored the past), or by email,
// and keeps the commits they authored or committed: one made in another's
// name is a change its committer made as much as its author's.
func (opts *logOptions) filter(repo *gitstore.Repo, head plumbing.Hash) (func(history.Entry) bool, error) {
	if opts.since == "" && opts.until == "" && opts.by == "" {
		return nil, nil
	}
	email := ""
	if by := strings.TrimSpace(opts.by); by != "" {
		if strings.Contains(by, "@") {
			email = by
		} else {
			cfg := headConfig(repo, head)
			if cfg == nil {
				return nil, &UsageError{Msg: fmt.Sprintf("--by %q: the store has no committed staff roster to find them on", by), Hint: "name them by email address: --by EMAIL"}
			}
			s, ok := cfg.StaffByID(by)
			if !ok {
				hint := "caseplan staff list shows the roster's IDs; --by EMAIL names anyone by address"
				if id := cfg.StaffIDMeant(by); id != "" {
					hint = "did you mean --by " + id + "? staff are named by their roster ID, as caseplan staff list shows it"
				} else if m, ok := opts.caseManagerAtHead(repo, head)(by); ok {
					// A case's ID where a staff member goes: its history
					// is caseplan log CASE.
					hint = fmt.Sprintf("%s is a case, not a staff member: caseplan log %s lists its history", by, by)
					if m != "" {
						hint += fmt.Sprintf(" (its manager is %s: --by %s lists theirs)", m, m)
					}
				}
				return nil, &UsageError{Msg: fmt.Sprintf("--by %q is not on the staff roster", by), Hint: hint}
			}
			email = s.Email
		}
	}
	return func(e history.Entry) bool {
		day := e.Date.Format(time.DateOnly)
		return (opts.since == "" || day >= opts.since) &&
			(opts.until == "" || day <= opts.until) &&
			(email == "" || strings.EqualFold(e.Email, email) || strings.EqualFold(e.CommitterEmail, email))
	}, nil
}

// caseManagerAtHead says whether an ID is a case of the commit head, and
// who its manager is on --today (notOnRoster's question, for --by).
func (opts *logOptions) caseManagerAtHead(repo *gitstore.Repo, head plumbing.Hash) caseManagerOf {
	return func(id string) (string, bool) {
		tree, err := repo.TreeAt(head)
		if err != nil {
			return "", false
		}
		today, err := opts.todayDate()
		if err != nil {
			return "", false
		}
		return managerInStore(store.GitTree{Tree: tree}, today)(id)
	}
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

// noteRenamed says, on stderr, when the case's directory holds an intake
// whose id is another case's: the directory was renamed by hand (git mv),
// and the case's history is under the ID the records carry, which the
// log of the new name alone does not show.
func (opts *logOptions) noteRenamed() {
	root, err := opts.storeRoot()
	if err != nil {
		return
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return
	}
	// Only the intake's id: log CASE must not load the whole case.
	id, ok := store.IntakeID(src, opts.caseID)
	if !ok || id == opts.caseID {
		return
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: note: %s says its case is %s: the directory was renamed; its history is under caseplan log %s\n",
		layout.Intake(opts.caseID), id, id)
	fmt.Fprintf(opts.env.Stderr, "caseplan: hint: a case's ID never changes: move the directory back with git mv %s %s\n",
		layout.CaseDir(opts.caseID), layout.CaseDir(id))
}
