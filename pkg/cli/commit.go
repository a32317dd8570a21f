package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/layout"
)

type commitOptions struct {
	*globals
	message string
}

func newCmdCommit(g *globals, runF func(*commitOptions) error) *cobra.Command {
	opts := &commitOptions{globals: g}
	c := &cobra.Command{
		Use:   "commit [-m MSG]",
		Short: "Validate hand edits under cases/ and commit them",
		Long: `Commit the files under cases/ that differ from HEAD — edits made by hand or
with --no-commit — as one commit with caseplan's trailers, after validating
them. The commit is refused, and nothing is changed, when the edits would add
errors, when they change or remove a committed note (corrections are
amendment notes: caseplan note amend), when they take an episode out of a
case's outcome.yaml — a closure, reopening, placement, follow-up, extension
request, credential, skill gain or exclusion; one edited in place is fine
(a closure made by mistake is ended by caseplan case reopen instead: the
refusal's hint names the command) — or when the message holds a number
shaped like a Social Security number (the message stays in every clone's
history). Files outside cases/ are never committed. Files are compared and
committed as git stores them, with LF line ends: a record whose only change
is CRLF line ends (saved on Windows, or checked out with core.autocrlf) is
no change. A record is a plain file: one made executable in the work tree
(chmod +x) is named and refused, chmod -x it or git checkout -- it; so is
one replaced by a symbolic link, which is never committed as a deletion.
A note executable in HEAD (made so with git) and plain in the work tree is
refused as that change in history, which committing the mode back would not
repair: caseplan verify --full names the commit to take out of the history;
meanwhile chmod +x the note to commit other edits. The work tree is what is
committed, never the index: a change staged with git (git add, git
update-index --chmod) that the work tree does not have is not committed, and
is named with the git reset that drops it.` + "\n" + exitStatusHelp,
		Example: `  # commit the records edited by hand, or written with --no-commit
  caseplan commit -m 'Correct the phone number taken at intake'`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return commitRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.message, "message", "m", "", "what the edits do, for the commit subject")
	return c
}

func commitRun(opts *commitOptions) error {
	// A commit of hand edits compares the whole work tree and index with
	// HEAD: at 10,000 cases the garbage collector left to itself let its
	// heap reach 300 MiB. Held to the history walks' soft limit it peaks
	// near 210 MiB, for the same time.
	defer opts.limitHistoryMemory()()
	ws, err := opts.workspace(false)
	if err != nil {
		return err
	}
	defer ws.Repo.Close()
	res, err := ws.CommitEdits(opts.message)
	if errors.Is(err, casework.ErrNothingToCommit) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: %v\n", err)
		sayLeftOut(opts.env.Stderr, ws.Skipped())
		if len(ws.Skipped()) > 0 {
			fmt.Fprintf(opts.env.Stderr, "caseplan: hint: caseplan commit takes records only; keep other files outside cases/ (or list them in .gitignore), and record what they say with caseplan note add CASE --kind KIND --mode MODE\n")
		}
		opts.sayStaged(ws)
		return nil
	}
	if err != nil {
		return opts.changeError(err)
	}
	defer opts.sayStaged(ws)
	fmt.Fprintln(opts.env.Stdout, res.Commit)
	fmt.Fprintf(opts.env.Stderr, "caseplan: committed %d file(s)\n", len(res.Change.Files))
	sayLeftOut(opts.env.Stderr, res.Skipped)
	sayLineEnds(opts.env.Stderr, res.Normalized)
	for _, f := range res.Warnings {
		printFinding(opts.env.Stderr, f)
	}
	if line := storeWideLine(res.StoreWide, "this change"); line != "" {
		fmt.Fprintf(opts.env.Stderr, "caseplan: note: %s\n", line)
	}
	opts.saySealing(res)
	return nil
}

// sayLineEnds tells of the files a write gave LF line ends where they
// had CRLF (casework.Result.Normalized): caseplan commit and every command
// that writes say it in the same words.
func sayLineEnds(w io.Writer, paths []string) {
	for _, p := range paths {
		fmt.Fprintf(w, "caseplan: %s: line ends changed from CRLF to LF, as the store's .gitattributes ask\n", p)
	}
}

// sayStaged warns of the files under cases/ whose index entry still
// differs from HEAD once caseplan commit is done: a change staged with git
// (git add, git update-index --chmod) that the work tree does not have.
// caseplan commits the work tree, so it was not committed; left in the
// index, a later git commit would take it (a note's mode, say), so the
// warning names the way to drop it.
func (opts *commitOptions) sayStaged(ws *casework.Workspace) {
	staged, err := ws.Repo.StagedUnder(layout.CasesDir)
	if err != nil || len(staged) == 0 {
		return
	}
	for _, p := range staged {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %s: the index holds a change to it (staged with git add or git update-index) that the work tree does not have; what is committed is the work tree, so it was left out\n", p)
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: hint: drop it from the index with git reset -q -- %s; a change to a record is made in the work tree and committed with caseplan commit\n", strings.Join(staged, " "))
}

// sayLeftOut warns of the files under cases/ that caseplan commit left out.
func sayLeftOut(w io.Writer, paths []string) {
	for _, p := range paths {
		fmt.Fprintf(w, "caseplan: warning: left %s out: it is not a caseplan record\n", p)
	}
}
