package history

import (
	"errors"
	"fmt"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
)

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
