package gitstore

import (
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// LastChanged returns the newest commit, following first parents back from
// from, whose file at p differs from its parent's (added, changed or
// removed there), and that commit's first parent ("git log -1
// --first-parent -- p"): the commit to name when a file is found damaged,
// and the one before it, which holds the version to go back to. It
// compares one tree entry per commit, so it costs what the history since
// that change is long: minutes at 50,000 commits when the change is old
// (every commit's cases/ tree is read); LastChangedAmong asks only the
// commits that may have made it. A zero hash means no commit changed p
// (or from is zero).
func (r *Repo) LastChanged(from plumbing.Hash, p string) (commit, parent plumbing.Hash, err error) {
	return r.LastChangedAmong(from, p, nil)
}

// LastChangedAmong is LastChanged told which commits, newest first, may
// have changed p — the commits of its case's audit trail and the
// store-wide ones (history's log index has them) — so that it reads p at
// those commits and their parents rather than at every commit. A stretch
// between two of them where p is not the same at both ends (a commit the
// list left out changed it) is walked commit by commit, as is the history
// older than the last of them; so a list that leaves a commit out costs
// time, never a wrong answer, except that a file changed and changed back
// between two listed commits is taken as unchanged there.
func (r *Repo) LastChangedAmong(from plumbing.Hash, p string, likely []plumbing.Hash) (commit, parent plumbing.Hash, err error) {
	if from.IsZero() {
		return plumbing.ZeroHash, plumbing.ZeroHash, nil
	}
	c, err := r.repo.CommitObject(from)
	if err != nil {
		return plumbing.ZeroHash, plumbing.ZeroHash, err
	}
	here := entryHash(c, p)
	for _, h := range likely {
		if h != c.Hash { // (when c itself is listed, ask only whether it changed p)
			lc, err := r.repo.CommitObject(h)
			if err != nil {
				return plumbing.ZeroHash, plumbing.ZeroHash, err
			}
			if entryHash(lc, p) != here {
				break // changed between lc and c by a commit not listed
			}
			c = lc
		}
		pc, commit, parent, err := stepBack(c, p, here)
		if pc == nil {
			return commit, parent, err
		}
		c = pc
	}
	// Older than every listed commit, or a stretch a commit not listed
	// changed: one commit at a time.
	for {
		pc, commit, parent, err := stepBack(c, p, here)
		if pc == nil {
			return commit, parent, err
		}
		c = pc
	}
}

// stepBack asks whether commit c, where p's blob is here, changed p: if
// it did (or c is a root, or its parent cannot be read), the answer, with
// a nil pc; if not, c's first parent pc to go on from.
func stepBack(c *object.Commit, p string, here plumbing.Hash) (pc *object.Commit, commit, parent plumbing.Hash, err error) {
	if c.NumParents() == 0 {
		if here.IsZero() {
			return nil, plumbing.ZeroHash, plumbing.ZeroHash, nil // nothing added p
		}
		return nil, c.Hash, plumbing.ZeroHash, nil // the root added p
	}
	if pc, err = c.Parent(0); err != nil {
		return nil, plumbing.ZeroHash, plumbing.ZeroHash, err
	}
	if entryHash(pc, p) != here {
		return nil, c.Hash, pc.Hash, nil
	}
	return pc, plumbing.ZeroHash, plumbing.ZeroHash, nil
}

// entryHash is the blob hash of p in c's tree; zero when it has none.
func entryHash(c *object.Commit, p string) plumbing.Hash {
	t, err := c.Tree()
	if err != nil {
		return plumbing.ZeroHash
	}
	e, err := t.FindEntry(p)
	if err != nil {
		return plumbing.ZeroHash
	}
	return e.Hash
}
