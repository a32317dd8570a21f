package cli

import (
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/findingout"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/progress"
)

type verifyOptions struct {
	*globals
	since  string
	anchor string
	output string
}

func newCmdVerify(g *globals, runF func(*verifyOptions) error) *cobra.Command {
	opts := &verifyOptions{globals: g}
	c := &cobra.Command{
		Use:   "verify [--since REV] [--anchor REV]",
		Short: "Check the audit trail's integrity over git history",
		Long: `Check every commit from REV (default: the first commit) to HEAD:

  note-changed          a note was edited after the commit that added it
  note-removed          a note was deleted
  missing-trailers      a commit changing cases/ lacks the Caseplan-Case and
                        Caseplan-Action trailers (merges are exempt)
  author-not-on-roster  such a commit's author was not on the staff roster as
                        it stood in that commit

  history-rewritten     --anchor names a commit that is no longer in the
                        history of HEAD (a reset, a force-push), or that
                        this repository no longer has at all

Each breach is one finding naming the commit.

--anchor REV is a trust anchor: a commit verified before, such as the
previous push CI checked (the store's workflow passes GitHub's
github.event.before). A history that no longer contains it was rewritten,
and verify says which commits disappeared. A full commit hash this
repository does not have counts as rewritten too: after a force-push the
old commit is in no branch, and a full clone does not fetch it.

  -o text    path: severity rule: message (commit), one per line
  -o json    {"valid","commits","findings":[{"path","line","column",
             "severity","rule","message","case","commit"}]}
  -o github  GitHub Actions workflow annotations, and the full list in
             $GITHUB_STEP_SUMMARY when that names a file` + "\n" + exitStatusHelp,
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
	c.Flags().StringVar(&opts.anchor, "anchor", "", "the trust anchor: a commit verified before, which must still be in the history (`REV`)")
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
	anchor, gone := plumbing.ZeroHash, false
	if opts.anchor != "" {
		if anchor, gone, err = resolveAnchor(repo, opts.anchor); err != nil {
			return err
		}
	}
	if gone {
		findings = append(findings, finding.Finding{
			Rule: history.RuleHistoryRewritten, Severity: finding.Error, Commit: anchor.String(),
			Message: fmt.Sprintf("the history was rewritten: commit %s, verified before, is not in this repository any more (a force-push or a reset left it in no branch); find out who rewrote the history, and restore it from another clone or the git host", anchor.String()[:12]),
		})
		anchor = plumbing.ZeroHash
	}
	var stats history.Stats
	if !head.IsZero() {
		var m *progress.Meter
		found, s, err := history.Verify(repo.Git(), head, history.VerifyOptions{Since: since, Anchor: anchor, Progress: func(done, total int) {
			if m == nil {
				m = opts.meter("verify", total, "commits checked")
			}
			m.Add(1)
		}})
		m.Done()
		if err != nil {
			return err
		}
		findings, stats = append(findings, found...), s
	}
	out, err := findingout.ForHistory(opts.env.Stdout, opts.output, stats.Commits)
	if err != nil {
		return usageErrorf("-o: %v", err)
	}
	out, closeSummary, err := opts.jobSummary(out, opts.output, "caseplan verify", fmt.Sprintf("%d commit(s) checked", stats.Commits))
	if err != nil {
		return err
	}
	if err := findingout.WriteAll(out, findings); err != nil {
		return err
	}
	if err := closeSummary(); err != nil {
		return err
	}
	errs, _ := finding.Count(findings)
	if errs > 0 {
		return &InvalidError{Msg: fmt.Sprintf("audit trail broken: %d finding(s) in %d commit(s) checked", errs, stats.Commits)}
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: audit trail intact: %d commit(s) checked\n", stats.Commits)
	return nil
}

// resolveAnchor resolves --anchor. A full commit hash that the repository
// does not have is gone: the commit a previous run verified was dropped
// from every branch (after a force-push a full clone no longer fetches
// it). Anything else that does not resolve is a mistake in the flag.
func resolveAnchor(repo *gitstore.Repo, rev string) (hash plumbing.Hash, gone bool, err error) {
	if len(rev) == 40 && plumbing.IsHash(rev) {
		hash = plumbing.NewHash(rev)
		if _, err := repo.Git().CommitObject(hash); errors.Is(err, plumbing.ErrObjectNotFound) {
			return hash, true, nil
		}
	}
	if hash, err = repo.ResolveRevision(rev); err != nil {
		return plumbing.ZeroHash, false, &UsageError{Msg: fmt.Sprintf("--anchor %q: %v", rev, err), Hint: "name a commit verified before: a hash, a branch or a tag"}
	}
	return hash, false, nil
}
