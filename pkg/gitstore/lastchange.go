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
// that change is long. A zero hash means no commit changed p (or from is
// zero).
func (r *Repo) LastChanged(from plumbing.Hash, p string) (commit, parent plumbing.Hash, err error) {
	if from.IsZero() {
		return plumbing.ZeroHash, plumbing.ZeroHash, nil
	}
	c, err := r.repo.CommitObject(from)
	if err != nil {
		return plumbing.ZeroHash, plumbing.ZeroHash, err
	}
	here := entryHash(c, p)
	for {
		if c.NumParents() == 0 {
			if here.IsZero() {
				return plumbing.ZeroHash, plumbing.ZeroHash, nil
			}
			return c.Hash, plumbing.ZeroHash, nil
		}
		pc, err := c.Parent(0)
		if err != nil {
			return plumbing.ZeroHash, plumbing.ZeroHash, err
		}
		there := entryHash(pc, p)
		if there != here {
			return c.Hash, pc.Hash, nil
		}
		c = pc
	}
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
