package gitstore

import (
	"fmt"
	"path"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// CommitAsOf returns the last commit made on or before the end of day
// (YYYY-MM-DD), found from commit from as --as-of finds it from HEAD:
// following the first parents, by each committer's clock in the zone it
// records. ok is false when every commit of that line is later. A reader
// that asks it of the commit it reads, never of HEAD or the clock, gets
// the same answer whenever it asks (a report made again --at that commit).
func (r *Repo) CommitAsOf(from plumbing.Hash, day string) (rc ReadCommit, ok bool, err error) {
	c, err := commitAsOf(r.repo.CommitObject, from, day)
	if err != nil || c == nil {
		return ReadCommit{}, false, err
	}
	return ReadCommit{Hash: c.Hash, Committed: c.Committer.When}, true, nil
}

// AddedFiles returns the regular files of commit to's tree that commit
// from's tree has no regular file at (the same path), in path order,
// looking only in the directories enter allows (given each directory's
// slash-separated path; the root is always entered). A directory whose
// tree hash is the same in both commits is not read, nor asked about: it
// holds nothing added, so the cost follows the directories that changed
// (a case directory untouched since from costs one comparison). Symbolic
// links and submodules are no records, and are left out.
func (r *Repo) AddedFiles(from, to plumbing.Hash, enter func(dir string) bool) ([]string, error) {
	var trees [2]plumbing.Hash
	for i, h := range []plumbing.Hash{from, to} {
		c, err := object.GetCommit(r.storage, h)
		if err != nil {
			return nil, fmt.Errorf("read commit %s: %w", h, err)
		}
		trees[i] = c.TreeHash
	}
	var out []string
	err := r.addedFiles(trees[0], trees[1], "", enter, &out)
	return out, err
}

// addedFiles appends to out the regular files of tree b below dir that
// tree a (zero: none) has no regular file at.
func (r *Repo) addedFiles(a, b plumbing.Hash, dir string, enter func(string) bool, out *[]string) error {
	if a == b {
		return nil
	}
	bd, err := r.readRaw(plumbing.TreeObject, b)
	if err != nil {
		return fmt.Errorf("read tree %s: %w", dir, err)
	}
	be, err := parseRawTree(bd)
	if err != nil {
		return fmt.Errorf("read tree %s: %w", dir, err)
	}
	var ad []byte
	var ae []rawEntry
	if !a.IsZero() {
		if ad, err = r.readRaw(plumbing.TreeObject, a); err != nil {
			return fmt.Errorf("read tree %s: %w", dir, err)
		}
		if ae, err = parseRawTree(ad); err != nil {
			return fmt.Errorf("read tree %s: %w", dir, err)
		}
	}
	for _, e := range be {
		name := string(bd[e.name:e.nul])
		p := path.Join(dir, name)
		// The entry of the same name and kind in a, if any: lookupRaw
		// tells a directory from a file of the same name.
		var old *rawEntry
		if i := lookupRaw(ad, ae, name); i >= 0 {
			old = &ae[i]
		}
		switch e.mode(bd) {
		case modeDir:
			var oldTree plumbing.Hash
			if old != nil && old.mode(ad) == modeDir {
				oldTree = old.hash(ad)
			}
			if oldTree == e.hash(bd) || !enter(p) {
				continue
			}
			if err := r.addedFiles(oldTree, e.hash(bd), p, enter, out); err != nil {
				return err
			}
		case modeFile, modeExec:
			if old == nil || (old.mode(ad) != modeFile && old.mode(ad) != modeExec) {
				*out = append(*out, p)
			}
		}
	}
	return nil
}
