package history

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
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

// mergeCases returns the case directories in which a merge's cases/ tree
// (cases) holds a change none of its parents' (parents) made — a case
// new to the merge, removed from every parent, or holding such a change
// (mergeIntroduces) — in name order. caseplan log lists a merge made
// with git under these cases.
func mergeCases(trees *treeCache, cases plumbing.Hash, parents []plumbing.Hash) ([]string, error) {
	mt, err := trees.get(cases)
	if err != nil {
		return nil, err
	}
	pts := make([]*tree, 0, len(parents))
	for _, p := range parents {
		if p.IsZero() {
			continue
		}
		pt, err := trees.get(p)
		if err != nil {
			return nil, err
		}
		pts = append(pts, pt)
	}
	names := map[string]bool{}
	for _, t := range append([]*tree{mt}, pts...) {
		for _, e := range t.entries {
			if e.dir && !layout.IsStoreDir(string(e.name)) {
				names[string(e.name)] = true
			}
		}
	}
	var out []string
	for name := range names {
		var mh plumbing.Hash
		if e := mt.lookup(name, true); e != nil {
			mh = e.hash
		}
		var hs []plumbing.Hash
		same := false
		for _, pt := range pts {
			if e := pt.lookup(name, true); e != nil {
				hs = append(hs, e.hash)
				same = same || e.hash == mh
			}
		}
		switch {
		case same:
			continue
		case mh.IsZero():
			if len(hs) < len(pts) {
				continue // removed on one side, kept gone
			}
		case len(hs) > 0:
			evil, err := mergeIntroduces(trees, mh, hs, nil)
			if err != nil {
				return nil, err
			}
			if !evil {
				continue
			}
		}
		out = append(out, name)
	}
	slices.Sort(out)
	return out, nil
}

// mergeIntroduces reports whether the merge's tree (merge) holds a change
// that none of its parents made: a file whose content differs from that
// file in every parent, or a file that every parent has and the merge
// dropped. A clean merge takes each file from one side, so it introduces
// nothing. keep, when set, picks the entries of the top level looked at.
func mergeIntroduces(trees *treeCache, merge plumbing.Hash, parents []plumbing.Hash, keep func(name []byte, dir bool) bool) (bool, error) {
	if keep == nil {
		for _, p := range parents {
			if p == merge {
				return false, nil
			}
		}
	}
	mt, err := trees.get(merge)
	if err != nil {
		return false, err
	}
	pts := make([]*tree, len(parents))
	for i, p := range parents {
		if pts[i], err = trees.get(p); err != nil {
			return false, err
		}
	}
	names := map[string]bool{}
	for _, t := range append([]*tree{mt}, pts...) {
		for _, e := range t.entries {
			if keep == nil || keep(e.name, e.dir) {
				names[string(e.name)+dirMark(e.dir)] = true
			}
		}
	}
	for key := range names {
		name, dir := key[:len(key)-1], key[len(key)-1] == '/'
		// A file is its content and its mode: a merge that makes a file
		// executable changes it as much as one that edits it.
		var mh plumbing.Hash
		var mm uint32
		if e := mt.lookup(name, dir); e != nil {
			mh, mm = e.hash, e.mode
		}
		hs := make([]plumbing.Hash, len(pts))
		ms := make([]uint32, len(pts))
		inAll := true
		for i, pt := range pts {
			if e := pt.lookup(name, dir); e != nil {
				hs[i], ms[i] = e.hash, e.mode
			} else {
				inAll = false
			}
		}
		if mh.IsZero() {
			if inAll {
				return true, nil // every parent has it; the merge dropped it
			}
			continue
		}
		same := false
		for i, h := range hs {
			same = same || h == mh && ms[i] == mm
		}
		if same {
			continue
		}
		if !dir {
			return true, nil // content none of the parents had
		}
		if in, err := mergeIntroduces(trees, mh, hs, nil); err != nil || in {
			return in, err
		}
	}
	return false, nil
}

// checkMergeDrops reports each record under cases/ that merge commit c
// keeps as it stood in the merge base although a parent changed it: the
// merge undid that parent's change. A note is left to the note rules,
// which report it dropped already. A conflict resolved by keeping one
// side's record (both sides changed it) keeps a change and is not
// reported; a merge of unrelated histories has no base, and is the
// orphan-root rule's.
func (v *verifier) checkMergeDrops(c *commitInfo, cases plumbing.Hash, parentCases []plumbing.Hash) error {
	reported := map[string]bool{}
	for i := 1; i < len(c.parents); i++ {
		mb, err := mergeBase(v.repo.Storer, c.parents[0], c.parents[i])
		if err != nil {
			return err
		}
		if mb == nil {
			continue
		}
		baseRoot, err := v.trees.get(mb.TreeHash)
		if err != nil {
			return err
		}
		base := baseRoot.subtree(layout.CasesDir)
		for _, side := range []int{0, i} {
			var dropped []string
			if err := mergeDrops(v.trees, layout.CasesDir, cases, base, parentCases[side], &dropped); err != nil {
				return err
			}
			slices.Sort(dropped)
			for _, p := range dropped {
				if reported[p] || layout.IsNote(p) {
					continue
				}
				reported[p] = true
				id, _ := layout.CaseOf(p)
				v.add(finding.Finding{
					Path:     p,
					Severity: finding.Error,
					Rule:     RuleMergeDropsChange,
					Case:     id,
					Commit:   c.hash.String(),
					Message: fmt.Sprintf("merge commit keeps %s as it was before the side of %s changed it (merge base %s): the change is gone from the store, while caseplan log still lists it (a git merge -s ours, or one side's record checked out over a change only the other side made); if it is not synced yet, undo the merge (git reset --keep %s^1) and merge again, keeping each side's changes; else make the change again with caseplan",
						p, short(c.parents[side]), short(mb.Hash), short(c.hash)),
				})
			}
		}
	}
	return nil
}

// mergeBase returns the newest common ancestor of commits a and b, as git
// merge-base finds it, or nil when they have none. The walk takes commits
// newest committer date first, each marked with the sides that reach it;
// a commit reached from both is a candidate, and its ancestors are stale.
// Dates are whatever the committing machines said (sync replays keep
// them), so an older common ancestor may be reached from both sides
// before a newer one: the walk goes on until only stale commits are left,
// and a candidate that is an ancestor of another is dropped (git's
// paint_down_to_common and remove_redundant). Of those left (a criss-cross
// merge has two), the first found is the base. A parent missing from the
// clone (a shallow clone's cut) ends that line of the walk, as in
// commitRange: verify --since needs only the commits after since.
func mergeBase(s storer.EncodedObjectStorer, a, b plumbing.Hash) (*object.Commit, error) {
	const sideA, sideB, stale = 1, 2, 4
	marks := map[plumbing.Hash]int{}
	var queue []*object.Commit
	push := func(h plumbing.Hash, m int) error {
		if marks[h]&m == m {
			return nil
		}
		c, err := object.GetCommit(s, h)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read commit %s: %w", h, err)
		}
		marks[h] |= m
		queue = append(queue, c)
		return nil
	}
	if err := push(a, sideA); err != nil {
		return nil, err
	}
	if err := push(b, sideB); err != nil {
		return nil, err
	}
	var found []*object.Commit
	for slices.ContainsFunc(queue, func(c *object.Commit) bool { return marks[c.Hash]&stale == 0 }) {
		newest := 0
		for i, c := range queue {
			if c.Committer.When.After(queue[newest].Committer.When) {
				newest = i
			}
		}
		c := queue[newest]
		queue = slices.Delete(queue, newest, newest+1)
		m := marks[c.Hash]
		if m == sideA|sideB {
			if !slices.ContainsFunc(found, func(f *object.Commit) bool { return f.Hash == c.Hash }) {
				found = append(found, c)
			}
			m |= stale
			marks[c.Hash] = m
		}
		for _, ph := range c.ParentHashes {
			if err := push(ph, m); err != nil {
				return nil, err
			}
		}
	}
	for _, c := range found {
		redundant := false
		for _, other := range found {
			if other.Hash == c.Hash || redundant {
				continue
			}
			var err error
			if redundant, err = reaches(s, other, c.Hash); err != nil {
				return nil, err
			}
		}
		if !redundant {
			return c, nil
		}
	}
	return nil, nil
}

// reaches reports whether commit h is an ancestor of from. A parent
// missing from the clone ends that line of the walk.
func reaches(s storer.EncodedObjectStorer, from *object.Commit, h plumbing.Hash) (bool, error) {
	seen := map[plumbing.Hash]bool{}
	stack := slices.Clone(from.ParentHashes)
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if p == h {
			return true, nil
		}
		if seen[p] {
			continue
		}
		seen[p] = true
		c, err := object.GetCommit(s, p)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			continue
		}
		if err != nil {
			return false, fmt.Errorf("read commit %s: %w", p, err)
		}
		stack = append(stack, c.ParentHashes...)
	}
	return false, nil
}

// mergeDrops appends to out, in name order, the files under dir whose
// entry in merge is the one in base (or absent from both) while side's
// differs: a change side made that the merge undid. It descends only
// into subtrees side changed. out is in no particular order.
func mergeDrops(trees *treeCache, dir string, merge, base, side plumbing.Hash, out *[]string) error {
	if side == base || merge == side {
		return nil
	}
	mt, err := trees.get(merge)
	if err != nil {
		return err
	}
	bt, err := trees.get(base)
	if err != nil {
		return err
	}
	st, err := trees.get(side)
	if err != nil {
		return err
	}
	entry := func(t *tree, name string, isDir bool) (plumbing.Hash, uint32) {
		if e := t.lookup(name, isDir); e != nil {
			return e.hash, e.mode
		}
		return plumbing.ZeroHash, 0
	}
	seen := map[string]bool{}
	for _, t := range []*tree{bt, st} {
		for _, e := range t.entries {
			name := string(e.name)
			if seen[name+dirMark(e.dir)] {
				continue
			}
			seen[name+dirMark(e.dir)] = true
			bh, bm := entry(bt, name, e.dir)
			sh, sm := entry(st, name, e.dir)
			if bh == sh && bm == sm {
				continue
			}
			mh, mm := entry(mt, name, e.dir)
			if e.dir {
				if err := mergeDrops(trees, dir+"/"+name, mh, bh, sh, out); err != nil {
					return err
				}
				continue
			}
			if mh == bh && mm == bm {
				*out = append(*out, dir+"/"+name)
			}
		}
	}
	return nil
}

func dirMark(dir bool) string {
	if dir {
		return "/"
	}
	return "."
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
// caseplan's trailers. For a merge (len(c.parents) > 1), introduced are
// the cases it changed itself (mergeCases): the finding says so, since
// what a merge did and how it is undone differ from a hand commit's.
func (v *verifier) checkTrailers(c *commitInfo, introduced []string) {
	t := audit.ParseTrailers(c.message)
	var missing []string
	for _, key := range []string{audit.TrailerCase, audit.TrailerAction} {
		if !hasValue(t[key]) {
			missing = append(missing, key)
		}
	}
	if len(missing) == 0 {
		return
	}
	f := finding.Finding{
		Rule:   RuleMissingTrailers,
		Commit: c.hash.String(),
		Message: fmt.Sprintf("commit changes cases/ without the %s trailer%s; commit hand edits with caseplan commit",
			strings.Join(missing, " and "), plural(len(missing))),
	}
	if len(c.parents) > 1 {
		where := "the store's settings"
		if len(introduced) > 0 {
			where = caseWords(introduced)
			f.Case = introduced[0]
		}
		f.Message = fmt.Sprintf("merge commit changes %s beyond combining its parents (a conflict resolved by hand, or an edit made during the merge), without the %s trailer%s: git log --cc -1 %[4]s shows it; if it is not synced yet, undo the merge (git reset --keep %[4]s^1), merge again keeping each conflicting record as one side has it (git checkout --ours or --theirs FILE), then make the change with caseplan",
			where, strings.Join(missing, " and "), plural(len(missing)), short(c.hash))
	}
	v.add(f)
}

// checkTrailerCases holds an ordinary commit's Caseplan-Case trailers to
// the case directories it changed: caseplan log CASE lists a commit by its
// trailers, so a case changed and not named is a hole in that case's
// trail, and a case named and not changed an action on it that did not
// happen. Every caseplan command names exactly the cases it changes (the
// store-wide "-" when none); a squash merge of several commits, or a
// commit made with git with trailers copied, need not. A commit without
// the trailer is missing-trailers' alone.
//
// A merge that changes cases beyond combining its parents answers for the
// cases it changed so (changed, from mergeCases) and merge is set: a case it
// only combined is its parents' commits', which name it themselves.
func (v *verifier) checkTrailerCases(c *commitInfo, changed []string, merge bool) {
	named := audit.ParseTrailers(c.message)[audit.TrailerCase]
	if !hasValue(named) {
		return
	}
	var unnamed, unchanged []string
	for _, id := range changed {
		if !slices.Contains(named, id) {
			unnamed = append(unnamed, id)
		}
	}
	for _, id := range named {
		if !merge && id != "" && id != audit.StoreWide && !slices.Contains(changed, id) && !slices.Contains(unchanged, id) {
			unchanged = append(unchanged, id)
		}
	}
	if len(unnamed) == 0 && len(unchanged) == 0 {
		return
	}
	var what []string
	if len(unnamed) > 0 {
		what = append(what, fmt.Sprintf("changes %s without naming %s (caseplan log %s does not list it: a hole in that trail)", caseWords(unnamed), oneOrMany(unnamed, "it", "them"), unnamed[0]))
	}
	if len(unchanged) > 0 {
		what = append(what, fmt.Sprintf("names %s but leaves %s as %s (caseplan log %s lists an action that did not happen)", caseWords(unchanged), oneOrMany(unchanged, "it", "them"), oneOrMany(unchanged, "it was", "they were"), unchanged[0]))
	}
	f := finding.Finding{Rule: RuleTrailerCases, Severity: finding.Error, Commit: c.hash.String(),
		Message: fmt.Sprintf("the commit's Caseplan-Case trailers (%s) do not match the cases it changed: it %s; every caseplan command names exactly the cases it changes, so this commit was put together with git (a squash merge, or trailers copied by hand)",
			strings.Join(named, ", "), strings.Join(what, ", and ")),
	}
	if len(unnamed) > 0 {
		f.Case = unnamed[0]
	} else {
		f.Case = unchanged[0]
	}
	v.add(f)
}

func caseWords(ids []string) string {
	if len(ids) == 1 {
		return "case " + ids[0]
	}
	return "cases " + strings.Join(ids, ", ")
}

// oneOrMany is one when ids holds one ID, else many: "it" or "them".
func oneOrMany(ids []string, one, many string) string {
	if len(ids) == 1 {
		return one
	}
	return many
}

func (v *verifier) checkAuthor(c *commitInfo, rosters []plumbing.Hash, where string) error {
	email := strings.ToLower(strings.TrimSpace(c.email))
	var unreadable *roster
	for _, cases := range rosters {
		casesTree, err := v.trees.get(cases)
		if err != nil {
			return err
		}
		var blob plumbing.Hash
		if e := casesTree.lookup(layout.ConfigFile, false); e != nil {
			blob = e.hash
		}
		r, err := v.roster(blob)
		if err != nil {
			return err
		}
		if r.problem != "" {
			unreadable = r
			continue
		}
		if r.emails[email] {
			return nil
		}
	}
	if unreadable != nil && len(rosters) == 1 {
		if !unreadable.reported {
			unreadable.reported = true
			v.add(finding.Finding{Path: layout.ConfigPath, Rule: RuleRosterUnreadable, Commit: c.hash.String(),
				Message: unreadable.problem + ", so commit authors cannot be checked against the staff roster"})
		}
		return nil
	}
	msg := fmt.Sprintf("author %s is not on %s; only staff already on the roster commit, and someone on it adds a new member with caseplan staff add", c.email, where)
	if own, err := v.rosterOf(c.tree); err == nil && own.emails[email] && len(c.parents) > 0 {
		msg = fmt.Sprintf("author %s added themselves to the staff roster in this commit: they are not on %s; only someone already on it adds a member", c.email, where)
	}
	v.add(finding.Finding{
		Rule:    RuleAuthorNotOnRoster,
		Commit:  c.hash.String(),
		Message: msg,
	})
	return nil
}

// checkNoteAuthors reports each note the commit added whose author is not
// the commit's author (audit.RuleNoteAuthor): the staff member of the
// commit's email on the roster it was checked against. A note that does
// not parse, or names no author, is validate's business; one over
// load.MaxFileSize is checked by its author entry alone (bigNoteAuthor);
// a commit whose author is on no roster was reported as such.
func (v *verifier) checkNoteAuthors(c *commitInfo, rosters []plumbing.Hash, added map[string]plumbing.Hash) error {
	if len(added) == 0 {
		return nil
	}
	email := strings.ToLower(strings.TrimSpace(c.email))
	committer := ""
	for _, cases := range rosters {
		casesTree, err := v.trees.get(cases)
		if err != nil {
			return err
		}
		var blob plumbing.Hash
		if e := casesTree.lookup(layout.ConfigFile, false); e != nil {
			blob = e.hash
		}
		r, err := v.roster(blob)
		if err != nil {
			return err
		}
		if id := r.ids[email]; id != "" {
			if r.cfg != nil {
				if st, ok := r.cfg.StaffByEmail(c.email); ok && access.MayRecordFor(r.cfg, st) {
					return nil // an admin bringing in existing records
				}
			}
			committer = id
			break
		}
	}
	if committer == "" {
		return nil
	}
	paths := make([]string, 0, len(added))
	for p := range added {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		author, ok := v.leaks.authors[added[p]]
		if !ok {
			// Scanned for leaks in an earlier commit (the same bytes
			// added again): read once more.
			data, err := v.readBlob(added[p])
			if err != nil {
				return err
			}
			author = noteAuthor(p, data)
			if data == nil {
				if author, err = v.bigNoteAuthor(p, added[p]); err != nil {
					return err
				}
			}
		}
		if author != "" && author != committer {
			f := audit.NoteAuthorFinding(p, author, committer, false)
			f.Commit = c.hash.String()
			v.add(f)
		}
	}
	return nil
}

// roster is the staff list of one version of cases/caseplan.yaml.
type roster struct {
	ids      map[string]string // staff ID by lower-case email
	emails   map[string]bool   // lower case
	cfg      *record.Config    // the whole file, nil when it does not decode as one
	problem  string            // why the file could not be read as a roster
	reported bool
	// cfgProblem says why the file, read as a roster, does not decode as
	// the store's settings (cfg is nil): the signatures and roles of the
	// commits judged by it cannot be checked, which is reported once.
	cfgProblem  string
	cfgReported bool
}

// problemText is a finding's message with its line, as a roster problem
// quotes it.
func problemText(line int, msg string) string {
	if line > 0 {
		return fmt.Sprintf("line %d: %s", line, msg)
	}
	return msg
}

// settings returns the roster's settings for checking commit c, nil when
// the file does not decode as settings: that is reported once for the
// file, on the first commit judged by it, never passed over in silence.
func (v *verifier) settings(r *roster, c *commitInfo) *record.Config {
	if r.cfg == nil && r.cfgProblem != "" && !r.cfgReported {
		r.cfgReported = true
		v.add(finding.Finding{Path: layout.ConfigPath, Rule: RuleRosterUnreadable, Commit: c.hash.String(),
			Message: fmt.Sprintf("%s as it stood for this commit does not read as the store's settings (%s; caseplan validate says the same of such a file), so commit signatures and roles cannot be checked against it; correct the file, and commits after the correction are checked again", layout.ConfigPath, r.cfgProblem)})
	}
	return r.cfg
}

// roster returns the roster in blob, the zero hash meaning the file is
// missing. Only the staff emails are decoded: the rest of caseplan.yaml is
// the validate command's business.
func (v *verifier) roster(blob plumbing.Hash) (*roster, error) {
	if r, ok := v.rosters[blob]; ok {
		return r, nil
	}
	r := &roster{}
	v.rosters[blob] = r
	if blob.IsZero() {
		r.problem = layout.ConfigPath + " is missing"
		return r, nil
	}
	data, err := v.readBlob(blob)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", layout.ConfigPath, err)
	}
	// Read as validate reads it (load.Parse, Document.Decode): go-yaml
	// alone would read "active: no" as false where validate refuses it,
	// and verify would judge commits by a roster nobody could see.
	parsed, fs := load.Parse(layout.ConfigPath, data)
	if parsed == nil {
		r.problem = fmt.Sprintf("%s does not parse as a roster (%s)", layout.ConfigPath, problemText(fs[0].Line, fs[0].Message))
		return r, nil
	}
	var doc struct {
		Staff []struct {
			ID    string `yaml:"id"`
			Email string `yaml:"email"`
		} `yaml:"staff"`
	}
	if err := parsed.Decode(&doc); err != nil {
		r.problem = fmt.Sprintf("%s does not parse as a roster (%s)", layout.ConfigPath, strings.TrimPrefix(err.Error(), "yaml: "))
		return r, nil
	}
	var cfg record.Config
	if err := parsed.Decode(&cfg); err != nil {
		r.cfgProblem = strings.TrimPrefix(err.Error(), "yaml: ")
	} else {
		r.cfg = &cfg
	}
	r.emails = make(map[string]bool, len(doc.Staff))
	r.ids = make(map[string]string, len(doc.Staff))
	for _, s := range doc.Staff {
		if e := strings.ToLower(strings.TrimSpace(s.Email)); e != "" {
			r.emails[e] = true
			r.ids[e] = s.ID
		}
	}
	return r, nil
}

func (v *verifier) add(f finding.Finding) {
	f.Severity = finding.Error
	v.findings = append(v.findings, f)
}

// noteRemoval is a note-removed finding and what it removed.
type noteRemoval struct {
	finding int
	edit    audit.NoteEdit
	blob    plumbing.Hash
}

// resolveMoves rewrites the note-removed findings of an ordinary commit
// whose content the commit added at another path: a note renamed, or its
// case directory. That note is no new note of the mover's (note-author):
// the move is the finding. A note moved back where it was committed is
// no removal at all: the commit repairs the move.
func (n *noteCheck) resolveMoves() {
	for i := len(n.removals) - 1; i >= 0; i-- {
		r := n.removals[i]
		if n.restored[r.blob] {
			n.v.findings = slices.Delete(n.v.findings, r.finding, r.finding+1)
			continue
		}
		var to []string
		for path, blob := range n.added {
			if blob == r.blob {
				to = append(to, path)
			}
		}
		if len(to) == 0 {
			continue
		}
		slices.Sort(to)
		delete(n.added, to[0])
		if added, ok := n.v.addedIn[r.edit.Path]; ok {
			n.v.addedIn[to[0]] = added
		}
		r.edit.MovedTo = to[0]
		f := audit.NoteFinding(r.edit)
		f.Commit = n.commit.String()
		f.Severity = finding.Error
		n.v.findings[r.finding] = f
	}
}

// noteState is a note's path and its content there (zero: removed).
type noteState struct {
	path string
	blob noteBlob
}

// noteBlob is a note as a tree holds it: its content and its file mode.
// A note never changes after it is committed, its mode included: a note
// made executable (git update-index --chmod=+x) is a changed note.
type noteBlob struct {
	hash plumbing.Hash
	mode uint32
}

func blobOf(e *treeEntry) noteBlob { return noteBlob{e.hash, e.mode} }

// noteCheck compares the notes of one commit with one parent at a time.
type noteCheck struct {
	v      *verifier
	commit plumbing.Hash
	// seen holds the note paths already reported for this commit, so a
	// merge that breaks a note against both parents is reported once.
	seen map[string]bool
	// recordAdds is set for ordinary commits, whose new notes are additions;
	// a merge's "new" notes come from its other parent.
	recordAdds bool
	// added are the notes an ordinary commit added, by path.
	added map[string]plumbing.Hash
	// changed are the case directories an ordinary commit changed, added
	// or removed, in path order.
	changed []string
	// removals are the note-removed findings of an ordinary commit, by
	// index in v.findings, with the content removed, so a note moved
	// within the commit is reported as moved (resolveMoves).
	removals []noteRemoval
	// restored holds the contents an ordinary commit put back where they
	// were committed (restores).
	restored map[plumbing.Hash]bool
	// merge is set for a merge commit: a note it holds as a commit already
	// reported left it (changed, or removed) was taken from that commit's
	// side, which answers for it (as mergeIntroduces reads a merge).
	merge bool
}

// compareCases compares the case directories of two cases/ trees, going
// into only those whose hashes differ.
func (n *noteCheck) compareCases(parent, child plumbing.Hash) error {
	pt, err := n.v.trees.get(parent)
	if err != nil {
		return err
	}
	ct, err := n.v.trees.get(child)
	if err != nil {
		return err
	}
	return pairEntries(pt, ct, func(p, c *treeEntry) error {
		// Files in cases/ (caseplan.yaml) hold no notes.
		if p != nil && !p.dir {
			p = nil
		}
		if c != nil && !c.dir {
			c = nil
		}
		switch {
		case p == nil && c == nil:
			return nil
		case p == nil && !n.recordAdds:
			return nil // a case new to the merge has no notes to protect
		case p != nil && c != nil && p.hash == c.hash:
			return nil
		}
		var ph, ch plumbing.Hash
		var name string
		if p != nil {
			ph, name = p.hash, string(p.name)
		}
		if c != nil {
			ch, name = c.hash, string(c.name)
		}
		if n.recordAdds && !layout.IsStoreDir(name) {
			n.changed = append(n.changed, name)
		}
		return n.compareCase(name, ph, ch)
	})
}

// compareCase compares the notes/ directories of two versions of one case.
func (n *noteCheck) compareCase(caseID string, parent, child plumbing.Hash) error {
	var pn, cn plumbing.Hash
	for _, side := range []struct {
		tree plumbing.Hash
		out  *plumbing.Hash
	}{{parent, &pn}, {child, &cn}} {
		if side.tree.IsZero() {
			continue
		}
		t, err := n.v.trees.get(side.tree)
		if err != nil {
			return err
		}
		*side.out = t.subtree(layout.NotesDir)
	}
	return n.compareNotes(caseID, layout.NotesOf(caseID)+"/", pn, cn)
}

// compareNotes compares two versions of a directory of notes, at any
// depth: a note in a subfolder of notes/ is a note too.
func (n *noteCheck) compareNotes(caseID, dir string, parent, child plumbing.Hash) error {
	if parent == child {
		return nil
	}
	pt, err := n.v.trees.get(parent)
	if err != nil {
		return err
	}
	ct, err := n.v.trees.get(child)
	if err != nil {
		return err
	}
	return pairEntries(pt, ct, func(p, c *treeEntry) error {
		if (p != nil && p.dir) || (c != nil && c.dir) {
			var ph, ch plumbing.Hash
			name := ""
			if p != nil && p.dir {
				ph, name = p.hash, string(p.name)
			}
			if c != nil && c.dir {
				ch, name = c.hash, string(c.name)
			}
			if err := n.compareNotes(caseID, dir+name+"/", ph, ch); err != nil {
				return err
			}
			if p != nil && p.dir {
				p = nil
			}
			if c != nil && c.dir {
				c = nil
			}
		}
		switch {
		case p == nil && c == nil:
		case p == nil:
			path := dir + string(c.name)
			if n.recordAdds && n.restores(path, blobOf(c)) {
				if n.restored == nil {
					n.restored = map[plumbing.Hash]bool{}
				}
				n.restored[c.hash] = true
			} else if n.recordAdds {
				if _, ok := n.v.addedIn[path]; !ok {
					n.v.addedIn[path] = n.commit
				}
				if _, ok := n.v.committed[path]; !ok {
					n.v.committed[path] = blobOf(c)
				}
				if n.added == nil {
					n.added = map[string]plumbing.Hash{}
				}
				n.added[path] = c.hash
			}
		case c == nil:
			n.report(dir+string(p.name), blobOf(p), noteBlob{})
		case p.hash != c.hash || p.mode != c.mode:
			if !n.restores(dir+string(c.name), blobOf(c)) {
				n.report(dir+string(p.name), blobOf(p), blobOf(c))
			}
		}
		return nil
	})
}

// restores reports whether blob, the content of the note at path in the
// commit, is the note as it was committed, after a commit that changed or
// removed it: a git revert of that commit, or a merge that takes the note
// from the side that kept it. The earlier commit is reported; this one
// repairs it.
func (n *noteCheck) restores(path string, blob noteBlob) bool {
	orig, ok := n.v.committed[path]
	return ok && orig == blob
}

// report records a note-changed or note-removed finding for the note at
// path, which held before (its blob in the parent) and now holds after
// (zero: removed).
func (n *noteCheck) report(path string, before, after noteBlob) {
	if _, ok := n.v.committed[path]; !ok {
		// Added before the range checked: what the parent held is the
		// note as committed, since this is the first commit to break it.
		n.v.committed[path] = before
	}
	state := noteState{path, after}
	if n.merge && n.v.broken[state] {
		// A clean merge of the side whose commit broke the note, and
		// was reported for it.
		return
	}
	n.v.broken[state] = true
	if n.seen[path] {
		return
	}
	n.seen[path] = true
	removed := after.hash.IsZero()
	e := audit.NoteEdit{Path: path, Removed: removed}
	if !removed && before.hash == after.hash {
		e.ModeFrom, e.ModeTo = fmt.Sprintf("%06o", before.mode), fmt.Sprintf("%06o", after.mode)
	}
	if added, ok := n.v.addedIn[path]; ok {
		e.AddedIn = added.String()
	}
	f := audit.NoteFinding(e)
	f.Commit = n.commit.String()
	if removed && n.recordAdds {
		n.removals = append(n.removals, noteRemoval{finding: len(n.v.findings), edit: e, blob: before.hash})
	}
	n.v.add(f)
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

// storeSchemas reports whether a commit that leaves cases/ as it was is
// caseplan schemas update's: store-wide, and changing the copies of the
// schemas, the editor settings (.vscode/settings.json, an existing
// file) and the CI workflow (.github/workflows/caseplan.yml, new or
// changed) and nothing else. Its action happened, so it is no
// trailers-without-change; it answers to the author and signature rules
// as any other, as a hand commit of the workflow does. The same trailers
// on a commit that changed anything else (another workflow, say) are not
// its.
func (v *verifier) storeSchemas(c *commitInfo, t map[string][]string, treeChanged bool) (bool, error) {
	if !treeChanged || firstValue(t[audit.TrailerAction]) != audit.ActionStoreSchemas ||
		len(t[audit.TrailerCase]) != 1 || t[audit.TrailerCase][0] != audit.StoreWide {
		return false, nil
	}
	parent, err := v.treeOf(c.parents[0])
	if err != nil {
		return false, err
	}
	before, err := v.trees.get(parent)
	if err != nil {
		return false, err
	}
	after, err := v.trees.get(c.tree)
	if err != nil {
		return false, err
	}
	only := true
	err = pairEntries(before, after, func(b, a *treeEntry) error {
		same := b != nil && a != nil && b.hash == a.hash && b.dir == a.dir
		name := a
		if name == nil {
			name = b
		}
		switch {
		case same:
		case string(name.name) == layout.SchemasDir && name.dir:
		case string(name.name) == layout.EditorDir && name.dir:
			// schemas update keeps caseplan's entries of the editor
			// settings current: .vscode/settings.json, nothing else.
			settingsOnly, err := v.onlyPathChanged(b, a, false, layout.EditorSettingsFile)
			if err != nil {
				return err
			}
			only = only && settingsOnly
		case string(name.name) == layout.CIDir && name.dir:
			// and the CI workflow, new or changed, nothing else.
			workflowOnly, err := v.onlyPathChanged(b, a, true, layout.CIWorkflowsDir, layout.CIWorkflowFile)
			if err != nil {
				return err
			}
			only = only && workflowOnly
		default:
			only = false
		}
		return nil
	})
	return only, err
}

// onlyPathChanged reports whether directories b and a (b nil: none
// before) differ in the file at the path elems alone: that file changed
// or, when mayAdd, added; never removed. The editor settings must exist
// before (schemas update keeps an office's deletion of them); the CI
// workflow may be new.
func (v *verifier) onlyPathChanged(b, a *treeEntry, mayAdd bool, elems ...string) (bool, error) {
	if a == nil || !a.dir || (b != nil && !b.dir) || (b == nil && !mayAdd) {
		return false, nil
	}
	before := &tree{}
	if b != nil {
		var err error
		if before, err = v.trees.get(b.hash); err != nil {
			return false, err
		}
	}
	after, err := v.trees.get(a.hash)
	if err != nil {
		return false, err
	}
	only := true
	err = pairEntries(before, after, func(o, n *treeEntry) error {
		if o != nil && n != nil && o.hash == n.hash && o.dir == n.dir {
			return nil
		}
		if n == nil || string(n.name) != elems[0] {
			only = false
			return nil
		}
		if len(elems) == 1 {
			only = only && !n.dir && (o == nil && mayAdd || o != nil && !o.dir)
			return nil
		}
		sub, err := v.onlyPathChanged(o, n, mayAdd, elems[1:]...)
		only = only && sub
		return err
	})
	return only, err
}

// checkSealed reports each case in changed (the cases commit c changed;
// in a merge, those it changed beyond taking each file from a parent)
// whose sealed.age c added, changed or removed without being a command
// that writes it (RuleSealedHandEdit, sealedHandEdit). cases is c's
// cases/ tree, parents its parents'.
func (v *verifier) checkSealed(c *commitInfo, cases plumbing.Hash, parents []plumbing.Hash, changed []string) error {
	for _, id := range changed {
		e, err := v.sealedHandEdit(c, cases, parents, id)
		if err != nil {
			return err
		}
		if e != nil {
			v.add(audit.SealedHandEdit(*e))
		}
	}
	return nil
}

// sealedHandEdit says what commit c did to case id's sealed.age when no
// caseplan command made the change; nil when one did, or when c left the
// file as its parent had it. Without a key nobody can tell what the file
// holds, so what the commit says it did is what is checked: a sealing
// action (case sealed set, reseal), a caseplan commit of the file as a
// command wrote it with --no-commit (its Caseplan-Sealed trailer names
// the case), or a re-seal to a changed team, which any command that
// changes a team or the roster makes: the parent's recipients list is not
// what the team as c leaves it gives, and c's is (sealed.Resealed). A
// merge made none of these: it may take either parent's file, nothing
// else (an evil merge's own file is a hand edit). A hand edit that
// changes the team too and lists it, or a commit made with git that
// copies the trailers, is not told apart.
func (v *verifier) sealedHandEdit(c *commitInfo, cases plumbing.Hash, parents []plumbing.Hash, id string) (*audit.SealedEdit, error) {
	t := audit.ParseTrailers(c.message)
	action := firstValue(t[audit.TrailerAction])
	merge := len(parents) > 1
	if !merge && (audit.IsSealingAction(action) || slices.Contains(t[audit.TrailerSealed], id)) {
		return nil, nil // a sealing command, or caseplan commit of what one wrote
	}
	after, err := v.sealedFiles(cases, id)
	if err != nil {
		return nil, err
	}
	edit := &audit.SealedEdit{Path: layout.Sealed(id), Removed: after[0].IsZero(), Commit: c.hash.String(), Action: action}
	if merge {
		edit.Merge, edit.Added = true, true
		for _, p := range parents {
			before, err := v.sealedFiles(p, id)
			if err != nil {
				return nil, err
			}
			if before[0] == after[0] {
				return nil, nil // taken from this side
			}
			edit.Added = edit.Added && before[0].IsZero()
		}
		return edit, nil
	}
	var parent plumbing.Hash
	if len(parents) == 1 {
		parent = parents[0]
	}
	before, err := v.sealedFiles(parent, id)
	if err != nil {
		return nil, err
	}
	edit.Added = before[0].IsZero()
	switch {
	case before[0] == after[0]:
		return nil, nil
	case !before[0].IsZero() && !after[0].IsZero() && before[1] != after[1]:
		// Only here, for the rare commit that changes a sealed file
		// without saying it seals, are the roster and the intake read.
		ok, err := v.resealed(cases, id, before[1], after[1])
		if ok || err != nil {
			return nil, err
		}
	}
	return edit, nil
}

// sealedFiles returns the blobs of case id's sealed.age and
// sealed.recipients in the cases/ tree cases (zero: absent).
func (v *verifier) sealedFiles(cases plumbing.Hash, id string) (out [2]plumbing.Hash, err error) {
	if cases.IsZero() {
		return out, nil
	}
	rt, err := v.trees.get(cases)
	if err != nil {
		return out, err
	}
	ct, err := v.trees.get(rt.subtree(id))
	if err != nil {
		return out, err
	}
	for i, name := range []string{layout.SealedFile, layout.RecipientsFile} {
		if e := ct.lookup(name, false); e != nil {
			out[i] = e.hash
		}
	}
	return out, nil
}

// resealed reports whether a change of case id's recipients list from the
// blob before to after is a re-seal to the team as the cases/ tree cases
// (the commit's) gives it — its roster and the case's intake — as
// sealed.Resealed judges.
func (v *verifier) resealed(cases plumbing.Hash, id string, before, after plumbing.Hash) (bool, error) {
	r, err := v.rosterIn(cases)
	if err != nil || r.cfg == nil {
		return false, err
	}
	rt, err := v.trees.get(cases)
	if err != nil {
		return false, err
	}
	in, err := decodeIn[accessIntake](v, rt.subtree(id), layout.FileName(layout.KindIntake))
	if err != nil || in == nil {
		return false, err
	}
	var lists [2][]sealed.Recipient
	for i, h := range []plumbing.Hash{before, after} {
		if h.IsZero() {
			continue
		}
		data, err := v.readBlob(h)
		if err != nil {
			return false, err
		}
		lists[i], _ = sealed.ParseRecipients(data) // unreadable: nobody's list
	}
	return sealed.Resealed(lists[0], lists[1], r.cfg, in.intake()), nil
}

// SealedHandEdit returns what commit h did to case id's sealed.age when
// no caseplan command made the change — the test verify applies to every
// commit (RuleSealedHandEdit, sealedHandEdit) — and nil when one did, or
// when h left the file as its parent had it: case sealed show asks it of
// the commit that last changed a file it opens, which may be another
// case's, sealed to the same people, put there by hand.
func SealedHandEdit(repo *git.Repository, h plumbing.Hash, id string) (*audit.SealedEdit, error) {
	c, err := object.GetCommit(repo.Storer, h)
	if err != nil {
		return nil, fmt.Errorf("read commit %s: %w", h, err)
	}
	v := &verifier{
		repo:      repo,
		trees:     newTreeCache(repo.Storer),
		rosters:   make(map[plumbing.Hash]*roster),
		records:   make(map[plumbing.Hash]any),
		rootTrees: make(map[plumbing.Hash]plumbing.Hash),
	}
	casesOf := func(commit plumbing.Hash) (plumbing.Hash, error) {
		tree, err := v.treeOf(commit)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		root, err := v.trees.get(tree)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		return root.subtree(layout.CasesDir), nil
	}
	v.rootTrees[c.Hash] = c.TreeHash
	cases, err := casesOf(c.Hash)
	if err != nil {
		return nil, err
	}
	parents := make([]plumbing.Hash, len(c.ParentHashes))
	for i, p := range c.ParentHashes {
		if parents[i], err = casesOf(p); err != nil {
			return nil, err
		}
	}
	info := &commitInfo{hash: c.Hash, tree: c.TreeHash, parents: c.ParentHashes, email: c.Author.Email, committer: c.Committer.Email, message: c.Message}
	return v.sealedHandEdit(info, cases, parents, id)
}
