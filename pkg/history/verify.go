package history

import (
	"errors"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/record"
)

// The rules verify applies to history. Every finding they make is an error:
// each one means the audit trail can no longer be trusted as it stands.
const (
	// RuleNoteChanged, RuleNoteRemoved: a committed note was modified or
	// deleted by a later commit (the rules are audit's).
	RuleNoteChanged = audit.RuleNoteChanged
	RuleNoteRemoved = audit.RuleNoteRemoved
	// RuleMissingTrailers: a commit changed cases/ without the
	// Caseplan-Case and Caseplan-Action trailers, so it was not made by
	// caseplan and its case cannot be found by caseplan log.
	RuleMissingTrailers = "missing-trailers"
	// RuleAuthorNotOnRoster: a commit that changed cases/ was authored by
	// someone whose email is not on the staff roster of that commit.
	RuleAuthorNotOnRoster = "author-not-on-roster"
	// RuleRosterUnreadable: cases/caseplan.yaml could not be read as a
	// roster, so the authors of commits with it could not be checked.
	RuleRosterUnreadable = "roster-unreadable"
	// RuleHistoryRewritten: the trust anchor — the last commit verified in
	// this clone, or --anchor — is no longer in the history: the history
	// was rewritten (a reset, a force-push) and commits disappeared.
	RuleHistoryRewritten = "history-rewritten"
	// RuleOrphanRoot: a commit without parents besides the store's first
	// one — a history of its own merged in, whose first commit could put
	// anyone on its own roster.
	RuleOrphanRoot = "orphan-root"
	// RuleTrailersWithoutChange: a commit carries caseplan's trailers but
	// changes nothing under cases/. caseplan never makes one (a command
	// that changes nothing commits nothing), yet caseplan log lists it as
	// an action on the case its trailer names: an action that did not
	// happen, as a git commit --allow-empty with copied trailers makes.
	RuleTrailersWithoutChange = "trailers-without-change"
	// RuleTrailerCases: an ordinary commit's Caseplan-Case trailers do not
	// name exactly the cases it changed, so caseplan log, which lists a
	// case's commits by their trailers, would miss a change to a case or
	// list one that did not happen (checkTrailerCases).
	RuleTrailerCases = "trailer-cases"
	// RuleMergeDropsChange: a merge keeps a record under cases/ as it
	// stood before one side changed it (git merge -s ours, or one side's
	// file checked out over a change only the other side made). Each file
	// comes from a parent, so the merge looks clean, yet the change is
	// gone from the store while caseplan log still lists it
	// (checkMergeDrops).
	RuleMergeDropsChange = "merge-drops-change"
	// RuleSealedHandEdit: an ordinary commit changed a case's sealed.age
	// without being one of the commands that write it (checkSealed).
	RuleSealedHandEdit = audit.RuleSealedHandEdit
)

// anchorWords says what is known of a trust anchor, in a
// history-rewritten finding: verified before only when verify passed it
// (VerifyOptions.AnchorVerified). Otherwise it is the commit the check
// was given as seen before — in CI the previous push, which may have
// failed verify itself.
func anchorWords(verified bool) string {
	if verified {
		return "verified before"
	}
	return "the trust anchor (a commit seen before, not necessarily verified)"
}

// VerifyOptions tunes Verify.
type VerifyOptions struct {
	// Since limits the check to commits not reachable from Since, as in
	// git log Since..head: CI can pass the last verified commit so each run
	// checks only what is new. The zero hash checks the whole history.
	Since plumbing.Hash
	// Anchor is the trust anchor: a commit seen before, which must still
	// be in the history of head. When it is not, the history was
	// rewritten, and a history-rewritten finding names the anchor and the
	// commits that disappeared with it. The zero hash checks nothing.
	Anchor plumbing.Hash
	// AnchorVerified says verify found the trail intact at Anchor (the
	// clone's own anchor, kept only when it passed). An anchor the caller
	// names, CI's previous push, may be a push that failed verify, and
	// the finding must not say it was verified.
	AnchorVerified bool
	// Guard finds the SSNs that commits wrote into cases/
	// (history-pii-leak); nil means the default patterns.
	Guard *pii.Guard
	// Progress, when set, is called after each commit is checked with the
	// number checked so far and the number to check, so a long history
	// can say how far it has come.
	Progress func(done, total int)
}

// Stats says how much work Verify did, so its cost can be watched as a
// store's history grows.
type Stats struct {
	// Commits is the number of commits checked.
	Commits int `json:"commits"`
	// Trees is the number of tree objects read from the repository; trees
	// that hashes showed to be unchanged are never read.
	Trees int `json:"trees"`
}

// Verify checks the audit trail in every commit reachable from head but not
// from opts.Since (a zero head means HEAD), and returns its findings in
// history order, oldest commit first:
//
//   - note-changed, note-removed: a note (a file directly in
//     cases/<case-id>/notes/) present in a parent is modified or missing in
//     the commit. Merge commits are checked against each parent that had
//     the note, so a merge cannot undo a note either; a merge that holds a
//     note as a commit already reported left it took that over from its
//     side, and is not reported again. A commit that puts a note back as
//     it was committed (git revert) repairs it and is not reported.
//   - note-author: an ordinary commit added a note naming as its author
//     someone other than the commit's author (by email, on the roster the
//     commit answers to).
//   - missing-trailers: a commit that is not a merge changes cases/ (or, as a
//     root commit, has it) but lacks a Caseplan-Case or Caseplan-Action
//     trailer. Merges are made by git merge and pull, not caseplan.
//   - author-not-on-roster: such a commit's author email is not, ignoring
//     case, on the staff list of cases/caseplan.yaml as it stands in that
//     same commit, so the commit adding a staff member may be theirs.
//   - roster-unreadable: that roster is missing or does not parse; reported
//     once per version of the file, at the oldest commit checked that has it.
//   - history-pii-leak: such a commit wrote an SSN-shaped number into a
//     file under cases/ (leaks.go).
//   - orphan-root: a commit without parents other than the store's first
//     (see orphanRoots): a separate history merged in.
//
// The error is for git failures (a missing object), not for findings.
func Verify(repo *git.Repository, head plumbing.Hash, opts VerifyOptions) ([]finding.Finding, Stats, error) {
	if head.IsZero() {
		ref, err := repo.Head()
		if err != nil {
			return nil, Stats{}, fmt.Errorf("verify: %w", err)
		}
		head = ref.Hash()
	}
	var rewritten []finding.Finding
	if !opts.Anchor.IsZero() {
		// The commits the anchor reaches and head does not: none when the
		// anchor is still an ancestor of head (or head itself).
		gone, err := commitRange(repo.Storer, opts.Anchor, head)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			// Not even in this clone's objects any more (pruned after a
			// rewrite, or a clone made after one).
			rewritten = append(rewritten, finding.Finding{
				Rule: RuleHistoryRewritten, Severity: finding.Error, Commit: opts.Anchor.String(),
				Message: fmt.Sprintf("the history was rewritten: commit %s, %s, is not in this repository any more; find out who reset or force-pushed, and restore it from another clone or the git host", short(opts.Anchor), anchorWords(opts.AnchorVerified)),
			})
			opts.Since = plumbing.ZeroHash
		} else if err != nil {
			return nil, Stats{}, fmt.Errorf("verify: the trust anchor: %w", err)
		}
		if len(gone) > 0 {
			var names []string
			for i, c := range gone {
				if i == 5 {
					names = append(names, fmt.Sprintf("and %d more", len(gone)-5))
					break
				}
				names = append(names, short(c.hash))
			}
			rewritten = append(rewritten, finding.Finding{
				Rule: RuleHistoryRewritten, Severity: finding.Error, Commit: opts.Anchor.String(),
				Message: fmt.Sprintf("the history was rewritten: commit %s, %s, is no longer in the history of %s, and %d commit(s) that were in it are gone (%s); find out who reset or force-pushed, and restore them from another clone or the git host",
					short(opts.Anchor), anchorWords(opts.AnchorVerified), short(head), len(gone), strings.Join(names, ", ")),
			})
		}
	}
	commits, err := commitRange(repo.Storer, head, opts.Since)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("verify: %w", err)
	}
	v := &verifier{
		repo:         repo,
		trees:        newTreeCache(repo.Storer),
		rosters:      make(map[plumbing.Hash]*roster),
		addedIn:      make(map[string]plumbing.Hash),
		committed:    make(map[string]noteBlob),
		broken:       make(map[noteState]bool),
		rootTrees:    make(map[plumbing.Hash]plumbing.Hash, len(commits)),
		leaks:        leakScan{guard: opts.Guard},
		records:      make(map[plumbing.Hash]any),
		outcomes:     make(map[plumbing.Hash]*record.Outcome),
		episodesGone: make(map[string]bool),
	}
	if v.leaks.guard == nil {
		v.leaks.guard = pii.Default()
	}
	for _, c := range commits {
		v.rootTrees[c.hash] = c.tree
	}
	// commitRange lists newest first; findings read best oldest first, and
	// that order also lets a note's later change name the commit that
	// added it.
	orphans, err := orphanRoots(repo.Storer, head, opts.Since, commits)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("verify: %w", err)
	}
	for i := len(commits) - 1; i >= 0; i-- {
		c := commits[i]
		if orphans[c.hash] {
			v.add(finding.Finding{
				Rule: RuleOrphanRoot, Severity: finding.Error, Commit: c.hash.String(),
				Message: fmt.Sprintf("commit %s has no parent: it starts a history of its own, joined to the store's by a merge; a store has one first commit, and what this one brings in was never checked against the store's roster", short(c.hash)),
			})
		}
		if err := v.check(c); err != nil {
			return nil, Stats{}, fmt.Errorf("verify commit %s: %w", c.hash, err)
		}
		if opts.Progress != nil {
			opts.Progress(len(commits)-i, len(commits))
		}
	}
	return append(rewritten, v.findings...), Stats{Commits: len(commits), Trees: v.trees.reads}, nil
}

// orphanRoots returns the commits of the range without parents that are
// not the store's first commit: the root that head's first parents lead
// to, or, when the range starts after since, the root since's do. The
// first-parent line is read only when the range holds a root at all.
func orphanRoots(s storer.EncodedObjectStorer, head, since plumbing.Hash, commits []*commitInfo) (map[plumbing.Hash]bool, error) {
	var roots []plumbing.Hash
	for _, c := range commits {
		if len(c.parents) == 0 {
			roots = append(roots, c.hash)
		}
	}
	if len(roots) == 0 {
		return nil, nil
	}
	from := head
	if !since.IsZero() {
		from = since
	}
	first, err := firstRoot(s, from)
	if err != nil {
		return nil, err
	}
	out := map[plumbing.Hash]bool{}
	for _, r := range roots {
		if r != first {
			out[r] = true
		}
	}
	return out, nil
}

// firstRoot follows first parents from h to the commit that has none.
func firstRoot(s storer.EncodedObjectStorer, h plumbing.Hash) (plumbing.Hash, error) {
	for {
		c, err := object.GetCommit(s, h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if len(c.ParentHashes) == 0 {
			return h, nil
		}
		h = c.ParentHashes[0]
	}
}

// verifier holds what one Verify call has learnt so far.
type verifier struct {
	repo  *git.Repository
	trees *treeCache
	// rosters caches parsed rosters by blob hash: the roster rarely
	// changes, so most commits share one version.
	rosters map[plumbing.Hash]*roster
	// addedIn remembers which commit added a note, for the message when a
	// later commit changes it. It knows only notes added in the range
	// checked, which is what is cheap to know.
	addedIn map[string]plumbing.Hash
	// committed holds a note's content as it was committed (its blob), by
	// path: for a note added in the range, as added; for one added
	// before, as it stood before the first commit that broke it. A commit
	// that puts exactly that content back (git revert of the commit that
	// changed or removed the note) restores the note: it breaks nothing,
	// and the note's author is the one who first committed it.
	committed map[string]noteBlob
	// broken holds the states that commits reported as note-changed or
	// note-removed left notes in: a merge that only takes one over from
	// its side is no breach of its own.
	broken map[noteState]bool
	// rootTrees maps commits to their root tree, sparing a second read of
	// a commit in the range when it is a parent.
	rootTrees map[plumbing.Hash]plumbing.Hash
	leaks     leakScan
	// records caches intake and outcome records decoded by blob hash,
	// for the role checks (trust.go).
	records map[plumbing.Hash]any
	// outcomes caches outcome records decoded by blob hash, for
	// episode-removed (episodes.go).
	outcomes map[plumbing.Hash]*record.Outcome
	// episodesGone holds the episodes reported removed so far, by case,
	// kind, ID and date: a merge that only takes a removal over from its
	// side is no removal of its own.
	episodesGone map[string]bool
	// keyHistory holds the signing keys of the roster's history up to a
	// commit, read only to name a replaced key (signatures.go).
	keyHistory map[plumbing.Hash][]SigningKey
	findings   []finding.Finding
}

// check applies every rule to commit c.
func (v *verifier) check(c *commitInfo) error {
	root, err := v.trees.get(c.tree)
	if err != nil {
		return err
	}
	cases := root.subtree(layout.CasesDir)

	parentCases := make([]plumbing.Hash, len(c.parents))
	treeChanged := len(c.parents) == 0
	for i, ph := range c.parents {
		tree, err := v.treeOf(ph)
		if err != nil {
			return err
		}
		if len(c.parents) == 1 {
			treeChanged = tree != c.tree
		}
		proot, err := v.trees.get(tree)
		if err != nil {
			return err
		}
		parentCases[i] = proot.subtree(layout.CasesDir)
	}

	notes := noteCheck{v: v, commit: c.hash, seen: make(map[string]bool), recordAdds: len(c.parents) == 1}
	notes.merge = len(c.parents) > 1
	for _, pc := range parentCases {
		if pc != cases && !pc.IsZero() {
			if err := notes.compareCases(pc, cases); err != nil {
				return err
			}
		}
	}

	notes.resolveMoves()

	if err := v.checkEpisodes(c, cases, parentCases); err != nil {
		return err
	}

	v.checkMessage(c)

	// Which commits answer to the rules: a root commit that has cases/, an
	// ordinary commit that changes it, and a merge that changes it beyond
	// a clean combination of its parents (an "evil merge"): a file whose
	// content and mode are in none of the parents, or removed from all of
	// them.
	var changed bool
	switch len(c.parents) {
	case 0:
		changed = !cases.IsZero()
	case 1:
		changed = cases != parentCases[0]
	default:
		if changed, err = mergeIntroduces(v.trees, cases, parentCases, nil); err != nil {
			return err
		}
	}
	if len(c.parents) > 1 {
		if err := v.checkMergeDrops(c, cases, parentCases); err != nil {
			return err
		}
	}
	if !changed {
		return v.checkOutsideCases(c, parentCases, treeChanged)
	}
	if len(c.parents) > 1 {
		introduced, err := mergeCases(v.trees, cases, parentCases)
		if err != nil {
			return err
		}
		v.checkTrailers(c, introduced)
		v.checkTrailerCases(c, introduced, true)
		if err := v.checkSealed(c, cases, parentCases, introduced); err != nil {
			return err
		}
	} else {
		v.checkTrailers(c, nil)
		if len(c.parents) == 1 {
			v.checkTrailerCases(c, notes.changed, false)
			if err := v.checkSealed(c, cases, parentCases, notes.changed); err != nil {
				return err
			}
		}
	}
	if err := v.checkLeaks(c, cases, parentCases); err != nil {
		return err
	}
	// Every commit is checked against the roster as it stood before it —
	// in its parent (in a merge, the roster of one of its parents is
	// enough) — so nobody can add themselves and commit in one go. The
	// commit that creates the store (no parent, or a parent without
	// cases/: a repository that held other things first) has no roster
	// before it: its own is the first.
	var rosters []plumbing.Hash
	for _, pc := range parentCases {
		if !pc.IsZero() {
			rosters = append(rosters, pc)
		}
	}
	where := "the staff roster of its parent commit"
	switch {
	case len(rosters) == 0:
		rosters, where = []plumbing.Hash{cases}, "the staff roster in "+layout.ConfigPath
	case len(rosters) > 1:
		where = "the staff roster of any of its parent commits"
	}
	if err := v.checkAuthor(c, rosters, where); err != nil {
		return err
	}
	if err := v.checkNoteAuthors(c, rosters, notes.added); err != nil {
		return err
	}
	return v.checkTrust(c, cases, parentCases)
}

// checkOutsideCases holds a commit that leaves cases/ as it was but
// carries caseplan's trailers to who made it — its author on the roster of
// its parent, not retired, and signed by them where signatures are
// required: caseplan log lists it under the case its trailer names, as an
// action on that case by its author, so a commit made with git
// (git commit --allow-empty) would otherwise put an action in anyone's
// name into the audit trail unchecked. A commit without the trailers that
// changes only files outside cases/ (treeChanged: an ordinary commit whose
// tree differs from its parent's) answers to the same where the parent's
// roster requires signatures — the CI workflow that runs verify is such a
// file — and otherwise to nothing (README, Git is the audit trail).
func (v *verifier) checkOutsideCases(c *commitInfo, parentCases []plumbing.Hash, treeChanged bool) error {
	t := audit.ParseTrailers(c.message)
	if !hasValue(t[audit.TrailerCase]) && !hasValue(t[audit.TrailerAction]) {
		if !treeChanged || len(parentCases) != 1 || parentCases[0].IsZero() {
			return nil
		}
		r, err := v.rosterIn(parentCases[0])
		if err != nil {
			return err
		}
		if cfg := v.settings(r, c); cfg == nil || !cfg.AccessSettings().RequireSignatures {
			return nil
		}
	} else if len(c.parents) == 1 {
		// caseplan schemas update's commit is no trailers-without-change,
		// but answers to the author and signature rules below all the same.
		ok, err := v.storeSchemas(c, t, treeChanged)
		if err != nil {
			return err
		}
		if !ok {
			v.trailersWithoutChange(c, t)
		}
	}
	var rosters []plumbing.Hash
	for _, pc := range parentCases {
		if !pc.IsZero() {
			rosters = append(rosters, pc)
		}
	}
	if len(rosters) == 0 {
		return nil
	}
	where := "the staff roster of its parent commit"
	if len(rosters) > 1 {
		where = "the staff roster of any of its parent commits"
	}
	if err := v.checkAuthor(c, rosters, where); err != nil {
		return err
	}
	// cases/ as the parent has it: the commit changes no case, so no role
	// is asked of it; its signature and its author's standing are.
	parent, err := v.answeringParent(c, rosters)
	if err != nil {
		return err
	}
	return v.checkTrust(c, parent, parentCases)
}

// trailersWithoutChange reports commit c, which carries caseplan's
// trailers t but changes nothing under cases/ (RuleTrailersWithoutChange).
func (v *verifier) trailersWithoutChange(c *commitInfo, t map[string][]string) {
	f := finding.Finding{Rule: RuleTrailersWithoutChange, Severity: finding.Error, Commit: c.hash.String(),
		Message: fmt.Sprintf("the commit carries caseplan's trailers (%s) but changes nothing under cases/: no caseplan command makes such a commit, and caseplan log would list an action that did not happen; it was made with git, by hand", trailerWords(t))}
	if id := firstValue(t[audit.TrailerCase]); id != "" && id != "-" {
		f.Case = id
	}
	v.add(f)
}

// treeOf returns the root tree of commit h, reading the commit only when
// it lies outside the range (the parent of the oldest commit checked).
func (v *verifier) treeOf(h plumbing.Hash) (plumbing.Hash, error) {
	if t, ok := v.rootTrees[h]; ok {
		return t, nil
	}
	c, err := object.GetCommit(v.repo.Storer, h)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("read commit %s: %w", h, err)
	}
	v.rootTrees[h] = c.TreeHash
	return c.TreeHash, nil
}

// checkTrailers holds a commit that changes cases/ to carrying both of

func (v *verifier) add(f finding.Finding) {
	f.Severity = finding.Error
	v.findings = append(v.findings, f)
}

func hasValue(vs []string) bool {
	for _, v := range vs {
		if v != "" {
			return true
		}
	}
	return false
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func short(h plumbing.Hash) string { return h.String()[:12] }

// Rewritten reports whether findings say the history was rewritten under
// the trust anchor.
func Rewritten(findings []finding.Finding) bool {
	for _, f := range findings {
		if f.Rule == RuleHistoryRewritten {
			return true
		}
	}
	return false
}

// trailerWords names a commit's caseplan trailers for a message:
// "Caseplan-Case: W-001, Caseplan-Action: case.close".
func trailerWords(t map[string][]string) string {
	var parts []string
	for _, k := range []string{audit.TrailerCase, audit.TrailerAction} {
		if v := firstValue(t[k]); v != "" {
			parts = append(parts, k+": "+v)
		}
	}
	return strings.Join(parts, ", ")
}

// firstValue is the first non-empty value of a trailer, or "".
func firstValue(vs []string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
