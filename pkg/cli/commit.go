package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
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
amendment notes: caseplan note amend), or when the message holds a number
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
meanwhile chmod +x the note to commit other edits.` + "\n" + exitStatusHelp,
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
	ws, err := opts.workspace(false)
	if err != nil {
		return err
	}
	defer ws.Repo.Close()
	res, err := ws.CommitEdits(opts.message)
	if errors.Is(err, casework.ErrNothingToCommit) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: %v\n", err)
		return nil
	}
	if err != nil {
		return opts.changeError(err)
	}
	fmt.Fprintln(opts.env.Stdout, res.Commit)
	fmt.Fprintf(opts.env.Stderr, "caseplan: committed %d file(s)\n", len(res.Change.Files))
	for _, p := range res.Skipped {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: left %s out: it is not a caseplan record\n", p)
	}
	for _, p := range res.Normalized {
		fmt.Fprintf(opts.env.Stderr, "caseplan: %s: line ends changed from CRLF to LF, as the store's .gitattributes ask\n", p)
	}
	for _, f := range res.Warnings {
		printFinding(opts.env.Stderr, f)
	}
	if line := storeWideLine(res.StoreWide, "this change"); line != "" {
		fmt.Fprintf(opts.env.Stderr, "caseplan: note: %s\n", line)
	}
	opts.saySealing(res)
	return nil
}
