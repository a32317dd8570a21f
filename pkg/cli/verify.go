package cli

import (
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/findingout"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/progress"
	"github.com/caseplan/caseplan/pkg/validate"
)

type verifyOptions struct {
	*globals
	since  string
	anchor string
	full   bool
	output string
}

func newCmdVerify(g *globals, runF func(*verifyOptions) error) *cobra.Command {
	opts := &verifyOptions{globals: g}
	c := &cobra.Command{
		Use:   "verify [--since REV | [--anchor REV] [--full]]",
		Short: "Check the audit trail's integrity over git history",
		Long: `Check the commits of the audit trail up to HEAD:

` + verifyRulesHelp() + `
Roles and signing keys are those of the roster in the commit's parent
(README, Confidentiality). A merge that only combines its parents answers
to no rule of its own; one that changes cases/ beyond that (a file in none
of its parents, or removed from all of them) answers to all of them. A
commit that leaves cases/ as it was but carries the trailers (caseplan log
lists it under their case) is reported (trailers-without-change: caseplan
never makes one, but for caseplan schemas update's store-wide
store.schemas, which changes the schema copies) and answers to the author
and signature rules, and so does any commit that changes files outside
cases/ (the CI workflow, say) where the store requires signatures.

The trust anchor is the last commit verify found the trail intact at in
this clone (kept in .git/caseplan/, never in the records), or --anchor REV
(CI passes the commit of the previous push). Verify checks that the anchor
is still in the history and, by default, checks only the commits after it;
--full checks every commit (with --anchor, also that the anchor is still in
the history: what CI runs), --since REV those after REV. When the trail is
intact, HEAD becomes the clone's anchor.

Each breach is one finding naming the commit.

  -o text    path: severity rule: message (commit), one per line
  -o json    {"valid","commits","since","anchor","findings":[{"path",
             "line","column","severity","rule","message","case","commit"}]}
             (since and anchor: full hashes, when the check had them)
  -o github  GitHub Actions workflow annotations, and the full list in
             $GITHUB_STEP_SUMMARY when that names a file (one it cannot
             write is a warning, and the check goes on), where a verify
             that cannot run (exit 2 or 3) says why
  -o sarif   SARIF 2.1.0 for GitHub code scanning, as validate writes it:
             a result per finding, its rule described as above, naming
             its commit (in the message, and in full in the result's
             properties: {"commit"}); a finding about a whole commit is
             shown at cases/caseplan.yaml, the roster it answers to; the
             run's properties: {"commits","since","anchor"}, since absent
             when every commit was checked` + "\n" + exitStatusHelp,
		Example: `  caseplan verify          # the commits after the trust anchor
  caseplan verify --full   # every commit
  # in CI: BEFORE is the previous push (github.event.before)
  caseplan verify -o github --full --anchor "$BEFORE"
  # for code scanning (github/codeql-action/upload-sarif)
  caseplan verify -o sarif --full --anchor "$BEFORE" > verify.sarif`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, findingout.HistoryFormats...); err != nil {
				return err
			}
			if err := verifyRange(c.Flags().Changed); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, findingout.HistoryFormats...)
	// -o github writes a job summary section, also when it cannot run.
	c.Annotations = map[string]string{jobSummaryAnnotation: ""}
	c.Flags().StringVar(&opts.since, "since", "", "check only commits after `REV` (a commit, branch or tag)")
	c.Flags().StringVar(&opts.anchor, "anchor", "", "the trust anchor: `REV`, a commit seen before (CI: the previous push), which must still be in the history")
	c.Flags().BoolVar(&opts.full, "full", false, "check every commit, not only those after the trust anchor")
	return c
}

// verifyRange refuses --since beside --anchor or --full: --since says the
// check starts after REV, --anchor after the anchor and --full at the first
// commit, so one would silently win over the other. --anchor with --full
// checks every commit and that the anchor is still in the history, which
// is what CI runs: a breach pushed once fails every later push too, until
// the history is repaired, and a rewritten one is caught all the same.
func verifyRange(set func(flag string) bool) error {
	if !set("since") || !set("anchor") && !set("full") {
		return nil
	}
	other := "--anchor"
	if set("full") {
		other = "--full"
	}
	return &UsageError{
		Msg:  fmt.Sprintf("--since and %s cannot be given together: each says which commits to check", other),
		Hint: "give one: --since REV (the commits after REV), --anchor REV (after that verified commit) or --full (every commit; with --anchor REV, also that REV is still in the history)",
	}
}

// historyMemoryLimit is the Go heap verify, and any other walk of the
// whole history (staff list -o allowed-signers) or of the whole work tree
// against HEAD (caseplan commit), aims to stay under. Its live
// data at 10,000 cases and 50,000 commits is about half of that (the
// walk's commits, the notes seen, go-git's index of a 500,000-object
// pack), and the garbage collector left to itself lets the heap grow to
// twice the live data: 390 MB for a full verify. Held to this soft limit
// it collects more often, for about a tenth more CPU time.
const historyMemoryLimit = 200 << 20

// limitHistoryMemory holds the Go heap of a walk of the whole history to
// historyMemoryLimit, unless GOMEMLIMIT in the environment says otherwise;
// the function it returns puts the limit back.
func (g *globals) limitHistoryMemory() (restore func()) {
	if g.env.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(historyMemoryLimit)
	return func() { debug.SetMemoryLimit(old) }
}

func verifyRun(opts *verifyOptions) error {
	defer opts.limitHistoryMemory()()
	repo, head, err := opts.openHead()
	if err != nil {
		return err
	}
	defer repo.Close()
	var since, anchor plumbing.Hash
	if opts.since != "" {
		if since, err = repo.ResolveRevision(opts.since); err != nil {
			return revisionError(repo, "--since", err)
		}
	}
	switch {
	case opts.anchor != "":
		// An anchor that names no commit of this clone is an anchor whose
		// history is gone, not a typing mistake to shrug off: a full hash
		// is taken as it is.
		if anchor, err = repo.ResolveRevision(opts.anchor); err != nil {
			if !plumbing.IsHash(opts.anchor) {
				return revisionError(repo, "--anchor", err)
			}
			anchor = plumbing.NewHash(opts.anchor)
		}
	default:
		if anchor, err = repo.Anchor(gitstore.AnchorVerified); err != nil {
			return err
		}
	}
	var findings []finding.Finding
	var stats history.Stats
	var m *progress.Meter
	var fromAnchor plumbing.Hash // the verified commit the check started after; zero when from the start
	defer m.Done()
	if !head.IsZero() {
		// Only the clone's own anchor is one verify passed: --anchor (CI's
		// previous push) may name a push that failed.
		vo := history.VerifyOptions{Since: since, Anchor: anchor, AnchorVerified: opts.anchor == "", Progress: func(done, total int) {
			if m == nil {
				m = opts.meter("verify", total, "commits checked")
			}
			m.Add(1)
		}}
		// The leak guard's patterns are the store's as committed now: a
		// false positive found later is allowed in caseplan.yaml for the
		// whole history.
		vo.Guard, _ = validate.Guard(headConfig(repo, head))
		if since.IsZero() && !opts.full {
			vo.Since = anchor
		}
		if findings, stats, err = history.Verify(repo.Git(), head, vo); err != nil {
			if !anchor.IsZero() && vo.Since == anchor {
				// The anchor's commit is gone from this clone altogether:
				// check everything, and say the history was rewritten.
				vo.Since = plumbing.ZeroHash
				findings, stats, err = history.Verify(repo.Git(), head, vo)
			}
			if err != nil {
				return verifyReadError(repo, err)
			}
		}
		if history.Rewritten(findings) && vo.Since == anchor && !anchor.IsZero() {
			vo.Since = plumbing.ZeroHash
			if findings, stats, err = history.Verify(repo.Git(), head, vo); err != nil {
				return verifyReadError(repo, err)
			}
		}
		if !anchor.IsZero() && vo.Since == anchor {
			fromAnchor = anchor
		}
	}
	m.Done()
	// What git itself would show falsely comes first: it is about the
	// repository, not one commit of the walk.
	views, err := history.GitViews(repo.Git(), repo.GraftsPath())
	if err != nil {
		return err
	}
	findings = append(views, findings...)
	errs, _ := finding.Count(findings)
	var hint string
	if errs > 0 {
		hint = verifyHint(repo.Git(), findings)
	}
	run := findingout.HistoryRun{Commits: stats.Commits, Tool: findingout.Tool{Version: opts.env.Build.String(), Describe: history.RuleSummary}, Place: layout.ConfigPath}
	if !since.IsZero() {
		run.Since = since.String()
	} else if !fromAnchor.IsZero() {
		run.Since = fromAnchor.String()
	}
	if !anchor.IsZero() {
		run.Anchor = anchor.String()
	}
	out, err := findingout.ForHistory(opts.env.Stdout, opts.output, run)
	if err != nil {
		return usageErrorf("-o: %v", err)
	}
	out, closeSummary, err := opts.jobSummary(out, opts.output, "caseplan verify", "", fmt.Sprintf("%d commit(s) checked", stats.Commits))
	if err != nil {
		return err
	}
	if err := findingout.WriteAll(out, findings); err != nil {
		return err
	}
	if err := closeSummary(); err != nil {
		return err
	}
	if errs > 0 {
		return &InvalidError{Msg: fmt.Sprintf("audit trail broken: %d finding(s) in %d commit(s) checked", errs, stats.Commits), Hint: hint}
	}
	// Only a run that checked everything after the anchor moves it: a
	// --since run checked a part, and must not vouch for the rest.
	if !head.IsZero() && opts.since == "" {
		if err := repo.SetAnchor(gitstore.AnchorVerified, head); err != nil {
			return err
		}
	}
	if !fromAnchor.IsZero() {
		// Said so that "0 commit(s) checked" does not read as nothing
		// checked ever.
		if opts.anchor != "" {
			// Named by --anchor: not a commit verify is known to have
			// passed, and the words must not say it was.
			fmt.Fprintf(opts.env.Stderr, "caseplan: audit trail intact: %d commit(s) checked after %s, the trust anchor (--full checks every commit)\n", stats.Commits, fromAnchor.String()[:12])
			return nil
		}
		fmt.Fprintf(opts.env.Stderr, "caseplan: audit trail intact: %d commit(s) checked after %s, which verify found intact before (--full checks every commit again)\n", stats.Commits, fromAnchor.String()[:12])
		return nil
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: audit trail intact: %d commit(s) checked\n", stats.Commits)
	return nil
}

// verifyHint is the way out of the breaches findings report, said on
// stderr after them and, so that a CI check's page says it too (an
// annotation, the job summary's table, -o json's and -o sarif's "hint"),
// carried by the finding it answers: the commit the hint names, else the
// first finding of the rules it answers. CI is where most breaches are
// first seen, and its page showed "restore it from another clone" for a
// rewrite that was the repair verify asked for, the way on only in the
// step's log. findings is changed in place; "" when there is no way out
// to say.
func verifyHint(repo *git.Repository, findings []finding.Finding) string {
	hint, rules := handCommitHint(repo, findings), []string{history.RuleMissingTrailers, history.RuleTrailerCases}
	if hint == "" {
		hint, rules = noteBreachHint(repo, findings), []string{history.RuleNoteChanged, history.RuleNoteRemoved, history.RuleEpisodeRemoved}
	}
	if hint == "" {
		hint, rules = signatureHint(repo, findings), []string{history.RuleNotAuthor}
	}
	if hint == "" {
		hint, rules = rewrittenHint(findings), []string{history.RuleHistoryRewritten}
	}
	if hint == "" {
		return ""
	}
	at := -1
	for i, f := range findings {
		if f.Hint != "" || !slices.Contains(rules, f.Rule) {
			continue
		}
		if at < 0 {
			at = i
		}
		if f.Commit != "" && strings.Contains(hint, short(f.Commit)) {
			at = i
			break
		}
	}
	if at >= 0 {
		findings[at].Hint = hint
	}
	return hint
}

// rewrittenHint is the way out of a rewritten history: the repair that
// noteBreachHint asks for is a rewrite too, and once it is done the
// history as it now stands becomes the trust anchor (here with --anchor
// HEAD, which a verify that finds nothing keeps; in CI the next push is
// anchored at this one); a rewrite no one meant is looked into where the
// commit still is. "" when no finding is a rewritten history.
func rewrittenHint(findings []finding.Finding) string {
	for _, f := range findings {
		if f.Rule != history.RuleHistoryRewritten || f.Commit == "" {
			continue
		}
		c := short(f.Commit)
		return fmt.Sprintf("a reset or force-push took commit %[1]s out of the history. If that was meant (the repair verify asks for when a note was changed or removed), check the history as it stands with caseplan verify --full --anchor HEAD, which makes HEAD the trust anchor; in CI, the next push's verify, anchored at this one, passes. "+
			"If not, git show %[1]s in a clone that still has it says what was lost, and whoever may change the git host puts it back", c)
	}
	return ""
}

// signatureHint is the way out of a commit signed with a key that is not
// its author's (signature-not-author: made in another member's name, or
// with a key the roster has replaced, a stolen laptop's). The signature
// is the commit's own, so no later commit repairs it — a revert leaves
// it in the history, where verify --full reports it still — and the
// commit leaves the history: from this clone alone with a reset --keep
// when no remote branch holds it yet, and, when one does, from the host
// too, with the force-push sync's refusal gives every clone. "" when no
// such finding names a commit.
func signatureHint(repo *git.Repository, findings []finding.Finding) string {
	var first *object.Commit
	for _, f := range findings {
		if f.Rule != history.RuleNotAuthor || f.Commit == "" {
			continue
		}
		c, err := repo.CommitObject(plumbing.NewHash(f.Commit))
		if err != nil || c.NumParents() != 1 {
			continue
		}
		if first == nil {
			first = c
		} else if ok, err := c.IsAncestor(first); err == nil && ok {
			first = c
		}
	}
	if first == nil {
		return ""
	}
	branch, tip := branchAndTip(repo)
	c, good := short(first.Hash.String()), short(first.ParentHashes[0].String())
	redo := fmt.Sprintf("then whoever made a commit after it (git log --oneline %[1]s..%[2]s lists them) makes its change again with caseplan, and the author %[3]s makes %[4]s's change again with their current key if it is theirs (git show %[4]s says what it held)", c, branch, first.Author.Email, c)
	if onRemoteBranch(repo, first.Hash) {
		return fmt.Sprintf("%[1]s's signature is its own, so no later commit repairs it: a revert leaves %[1]s in the history, where verify --full reports it still; %[1]s must leave the history, on the host too. "+
			"Someone who may change the host puts %[3]s back before it: git push --force-with-lease=%[3]s:%[4]s origin %[2]s:refs/heads/%[3]s (or the host's own tools); every clone that took %[1]s runs git update-index -q --refresh && git reset --keep %[2]s; %[5]s. CI's next verify reports the rewritten history once (its anchor, the previous push, is gone)",
			c, good, branch, tip, redo)
	}
	return fmt.Sprintf("%[1]s's signature is its own, so no later commit repairs it: a revert leaves %[1]s in the history, where verify --full reports it still. No remote branch holds %[1]s, so taking it out of this clone clears it: git update-index -q --refresh && git reset --keep %[2]s; %[3]s", c, good, redo)
}

// branchAndTip names the clone's branch and its tip, short, for a
// force-push hint: BRANCH and HEAD when HEAD is detached or unreadable.
func branchAndTip(repo *git.Repository) (branch, tip string) {
	branch, tip = "BRANCH", "HEAD"
	if head, err := repo.Head(); err == nil {
		if head.Name().IsBranch() {
			branch = head.Name().Short()
		}
		tip = short(head.Hash().String())
	}
	return branch, tip
}

// noteBreachHint is the way out of a note changed or removed in a commit:
// a later commit cannot repair the history verify checks (a revert puts
// the note back, but the change stays reported, and a revert made with
// git lacks the trailers besides), so the commit leaves the history: the
// branch goes back to its parent, here and, when it was pushed, on the
// host, and the commits after it are brought back as they were made. ""
// when no such finding names a commit.
//
// An outcome's episode removed (episode-removed) is such a breach too: a
// later commit that puts it back leaves the removal in the history, where
// a report about a past month read it.
func noteBreachHint(repo *git.Repository, findings []finding.Finding) string {
	var bad []*object.Commit
	notes, episodes := false, false
	for _, f := range findings {
		switch {
		case f.Commit == "":
			continue
		case f.Rule == history.RuleNoteChanged || f.Rule == history.RuleNoteRemoved:
			notes = true
		case f.Rule == history.RuleEpisodeRemoved:
			episodes = true
		default:
			continue
		}
		c, err := repo.CommitObject(plumbing.NewHash(f.Commit))
		if err != nil || c.NumParents() != 1 {
			continue
		}
		bad = append(bad, c)
	}
	if len(bad) == 0 {
		return ""
	}
	// The oldest: the one the others descend from.
	first := bad[0]
	for _, c := range bad[1:] {
		if ok, err := c.IsAncestor(first); err == nil && ok {
			first = c
		}
	}
	branch, tip := branchAndTip(repo)
	c, good := short(first.Hash.String()), short(first.ParentHashes[0].String())
	what, fix := "a note changed or removed", "a correction of the note is a new note, caseplan note amend"
	switch {
	case episodes && notes:
		what, fix = "a note changed or removed, or an outcome's episode removed,", "a correction of a note is a new note, caseplan note amend, and an episode recorded by mistake is ended by the opposite one, as the finding says"
	case episodes:
		what, fix = "an outcome's episode removed", "an episode recorded by mistake is ended by the opposite one, as the finding says"
	}
	return fmt.Sprintf("%[5]s in %[1]s stays reported whatever commit follows it (a revert puts it back but not the history, and one made with git lacks the trailers): %[1]s must leave the history. "+
		"Put the branch back before it: git reset --keep %[2]s in a clone that has it, then bring back any later commit with git cherry-pick COMMIT (it keeps the author and trailers; %[6]s). "+
		"If %[1]s was pushed, someone who may change the host puts %[3]s back there too: git push --force-with-lease=%[3]s:%[4]s origin %[2]s:refs/heads/%[3]s; every clone that took %[1]s does the reset --keep, and CI's next verify reports the rewritten history once (its anchor, the previous push, is gone)", c, good, branch, tip, what, fix)
}

// handCommitHint is the way out of commits made with git alone (no
// trailers, or trailers that do not name the cases the commit changed: a
// squash of caseplan commits, trailers copied by hand): undone but kept in
// the work tree, their changes are committed again as caseplan commits
// them, with a Caseplan-Case trailer for each case changed. It is said
// only for such findings, and only for a commit not yet shared, which a
// clone may still take back.
//
// A merge is left out: git reset --soft to its first parent would fold
// the commits of the side it merged into one caseplan commit, their
// trailers and authors lost; its finding says how to redo it. So is a
// reset --soft across a later merge (foldedMerges words what to do instead).
//
// When such a commit also changed or removed a committed note, the redo
// puts the note back first and the correction is an amendment, as sync
// words it (redoWithCaseplan): caseplan commit refuses a changed note.
// So for an outcome's episode it removed (putBack): caseplan commit
// refuses the removal. A note changed, or an episode removed, by a commit
// that is no hand commit, or by one a remote's branch already holds, is
// noteBreachHint's: "" here.
func handCommitHint(repo *git.Repository, findings []finding.Finding) string {
	var hand []string
	for _, f := range findings {
		if (f.Rule != history.RuleMissingTrailers && f.Rule != history.RuleTrailerCases) || f.Commit == "" || slices.Contains(hand, f.Commit) {
			continue
		}
		if c, err := repo.CommitObject(plumbing.NewHash(f.Commit)); err == nil && c.NumParents() > 1 {
			continue
		}
		hand = append(hand, f.Commit)
	}
	if len(hand) == 0 {
		return ""
	}
	for _, f := range findings {
		if f.Rule != history.RuleNoteChanged && f.Rule != history.RuleNoteRemoved && f.Rule != history.RuleEpisodeRemoved {
			continue
		}
		if !slices.Contains(hand, f.Commit) || onRemoteBranch(repo, plumbing.NewHash(f.Commit)) {
			return ""
		}
	}
	which, checkout := "COMMIT^ (COMMIT: the oldest of them)", "COMMIT^"
	if len(hand) == 1 {
		which = short(hand[0]) + "^"
		checkout = which
	}
	redo := redoWithCaseplan(which, checkout, "its changes", findings)
	if head, err := repo.Head(); err == nil {
		for _, h := range hand {
			c, err := repo.CommitObject(plumbing.NewHash(h))
			if err != nil || c.NumParents() == 0 {
				continue
			}
			if fold := foldedMerges(repo, c.ParentHashes[0], head.Hash(), short(h)+"^"); fold != "" {
				redo = fold
				if notes := putBack(findings, short(h)+"^"); notes != "" {
					redo += "; " + notes
				}
				break
			}
		}
	}
	return fmt.Sprintf("a commit made with git alone, if not synced yet, can be redone: %s; one already pushed to the shared store stops every colleague's caseplan sync, which names the commit and how to put the host's branch back before it", redo)
}

// onRemoteBranch says whether a remote-tracking branch (refs/remotes/)
// holds commit h: then it was pushed, or came from the host, and taking
// it out of this clone alone is no repair.
func onRemoteBranch(repo *git.Repository, h plumbing.Hash) bool {
	refs, err := repo.References()
	if err != nil {
		return false
	}
	defer refs.Close()
	c, err := repo.CommitObject(h)
	if err != nil {
		return false
	}
	held := false
	_ = refs.ForEach(func(r *plumbing.Reference) error {
		if !r.Name().IsRemote() || r.Type() != plumbing.HashReference {
			return nil
		}
		tip, err := repo.CommitObject(r.Hash())
		if err != nil {
			return nil
		}
		if tip.Hash == h {
			held = true
		} else if ok, err := c.IsAncestor(tip); err == nil && ok {
			held = true
		}
		if held {
			return storer.ErrStop
		}
		return nil
	})
	return held
}

// foldedMerges is the one place that words what git reset --soft base
// would do when the commits after base, up to tip, hold merges: fold
// every commit a merge brought in, with their trailers and authors, into
// one caseplan commit. It returns "" when base..tip holds no merge (the
// reset --soft advice is sound), else the advice to give instead:
// redo the commits one at a time. baseName is how base is written.
func foldedMerges(repo *git.Repository, base, tip plumbing.Hash, baseName string) string {
	merges := mergesAfter(repo, base, tip)
	if len(merges) == 0 {
		return ""
	}
	shown := make([]string, len(merges))
	for i, m := range merges {
		shown[i] = short(m.String())
	}
	return fmt.Sprintf("not with git reset --soft %[1]s, which would fold the commits merged by %[2]s, with their trailers and authors, into one commit; redo them one at a time instead, oldest first (git log --graph --oneline %[1]s..%[3]s lists them): git reset --keep to the parent of the first to redo, make its change again with caseplan, then bring back each later commit as it was made (git cherry-pick COMMIT keeps its author and trailers; a merge is made again with git merge)",
		baseName, strings.Join(shown, ", "), short(tip.String()))
}

// mergesAfter lists the merge commits reachable from tip but not from
// base, newest first; a commit it cannot read ends the walk there.
func mergesAfter(repo *git.Repository, base, tip plumbing.Hash) []plumbing.Hash {
	excluded := map[plumbing.Hash]bool{}
	walk := func(from plumbing.Hash, visit func(*object.Commit)) {
		seen := map[plumbing.Hash]bool{}
		queue := []plumbing.Hash{from}
		for len(queue) > 0 {
			h := queue[0]
			queue = queue[1:]
			if h.IsZero() || seen[h] || excluded[h] {
				continue
			}
			seen[h] = true
			c, err := repo.CommitObject(h)
			if err != nil {
				continue
			}
			visit(c)
			queue = append(queue, c.ParentHashes...)
		}
	}
	walk(base, func(c *object.Commit) { excluded[c.Hash] = true })
	var merges []plumbing.Hash
	walk(tip, func(c *object.Commit) {
		if c.NumParents() > 1 {
			merges = append(merges, c.Hash)
		}
	})
	return merges
}

// verifyReadError gives verify's failure to read a commit its cause in
// the user's words: a shallow or partial clone (shallowError), or a tree
// git itself would not write, which only a hand-made object
// (git hash-object --literally) holds — made to show verify one record
// and git checkout another.
func verifyReadError(repo *gitstore.Repo, err error) error {
	if errors.Is(err, history.ErrMalformedTree) {
		return hintf(err, "git fsck names the tree; neither git nor caseplan writes one like it, so the commit named was made by hand and nothing built on it can be trusted: restore the branch to the commit before it (from another clone or the host) and tell the store's admin")
	}
	return shallowError(repo, err)
}

// verifyRulesHelp lists verify's rules for its help, as history.Rules
// describes them (which -o sarif's rules take too): the ID, then the
// summary wrapped in a column of its own, below an ID too wide for its
// column.
func verifyRulesHelp() string {
	const indent, width = 24, 76
	var b strings.Builder
	for _, r := range history.Rules {
		first := true
		if len(r.ID) > indent-3 {
			// Too wide for the column: the summary starts below it.
			fmt.Fprintf(&b, "  %s\n", r.ID)
			first = false
		}
		for _, line := range display.Wrap(r.Summary, width-indent) {
			if first {
				first = false
				fmt.Fprintf(&b, "  %-*s%s\n", indent-2, r.ID, line)
			} else {
				fmt.Fprintf(&b, "%*s%s\n", indent, "", line)
			}
		}
	}
	return b.String()
}
