package cli

import (
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/findingout"
	"github.com/caseplan/caseplan/pkg/history"
)

type verifyOptions struct {
	*globals
	since  string
	output string
}

func newCmdVerify(g *globals, runF func(*verifyOptions) error) *cobra.Command {
	opts := &verifyOptions{globals: g}
	c := &cobra.Command{
		Use:   "verify [--since REV]",
		Short: "Check the audit trail's integrity over git history",
		Long: `Check every commit from REV (default: the first commit) to HEAD:

  note-changed          a note was edited after the commit that added it
  note-removed          a note was deleted
  missing-trailers      a commit changing cases/ lacks the Caseplan-Case and
                        Caseplan-Action trailers (merges are exempt)
  author-not-on-roster  such a commit's author was not on the staff roster as
                        it stood in that commit

Each breach is one finding naming the commit.

  -o json  {"valid","commits","findings":[{"path","line","column","severity",
           "rule","message","case","commit"}]}` + "\n" + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, findingout.HistoryFormats...); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, findingout.HistoryFormats...)
	c.Flags().StringVar(&opts.since, "since", "", "check only commits after `REV` (a commit, branch or tag)")
	return c
}

func verifyRun(opts *verifyOptions) error {
	repo, head, err := opts.openHead()
	if err != nil {
		return err
	}
	defer repo.Close()
	var since plumbing.Hash
	if opts.since != "" {
		if since, err = repo.ResolveRevision(opts.since); err != nil {
			return usageErrorf("--since %q: %v", opts.since, err)
		}
	}
	var findings []finding.Finding
	var stats history.Stats
	if !head.IsZero() {
		if findings, stats, err = history.Verify(repo.Git(), head, history.VerifyOptions{Since: since}); err != nil {
			return err
		}
	}
	out, err := findingout.ForHistory(opts.env.Stdout, opts.output, stats.Commits)
	if err != nil {
		return usageErrorf("-o: %v", err)
	}
	if err := findingout.WriteAll(out, findings); err != nil {
		return err
	}
	errs, _ := finding.Count(findings)
	if errs > 0 {
		return &InvalidError{Msg: fmt.Sprintf("audit trail broken: %d finding(s) in %d commit(s) checked", errs, stats.Commits)}
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: audit trail intact: %d commit(s) checked\n", stats.Commits)
	return nil
}
