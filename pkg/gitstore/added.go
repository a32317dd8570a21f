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
	return commitAsOf(r.commitHead, from, day)
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
	return r.AddedFilesMemo(from, to, enter, nil)
}

// DirMemo keeps what AddedFiles found below a directory between two of
// its tree hashes (a tree's content never changes for its hash), for the
// directories it chooses: Added returns the files kept for dir between
// trees a (zero: none) and b, relative to dir, and Keep is given them
// after they were found. Added and Keep are asked of every directory
// entered whose trees differ; a memo that keeps nothing for dir says so.
type DirMemo interface {
	Added(dir string, a, b plumbing.Hash) ([]string, bool)
	Keep(dir string, a, b plumbing.Hash, added []string)
}

// AddedFilesMemo is AddedFiles, asking memo (nil: none) before reading
// a directory's trees: a directory whose answer it keeps is not read.
func (r *Repo) AddedFilesMemo(from, to plumbing.Hash, enter func(dir string) bool, memo DirMemo) ([]string, error) {
	var trees [2]plumbing.Hash
	for i, h := range []plumbing.Hash{from, to} {
		c, err := object.GetCommit(r.storage, h)
		if err != nil {
			return nil, fmt.Errorf("read commit %s: %w", h, err)
		}
		trees[i] = c.TreeHash
	}
	var out []string
	err := r.addedFiles(trees[0], trees[1], "", enter, memo, &out)
	return out, err
}

// addedFiles appends to out the regular files of tree b below dir that
// tree a (zero: none) has no regular file at.
func (r *Repo) addedFiles(a, b plumbing.Hash, dir string, enter func(string) bool, memo DirMemo, out *[]string) error {
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
			newTree := e.hash(bd)
			if memo != nil {
				if kept, ok := memo.Added(p, oldTree, newTree); ok {
					for _, f := range kept {
						*out = append(*out, p+"/"+f)
					}
					continue
				}
			}
			start := len(*out)
			if err := r.addedFiles(oldTree, newTree, p, enter, memo, out); err != nil {
				return err
			}
			if memo != nil {
				rel := make([]string, 0, len(*out)-start)
				for _, f := range (*out)[start:] {
					rel = append(rel, f[len(p)+1:])
				}
				memo.Keep(p, oldTree, newTree, rel)
			}
		case modeFile, modeExec:
			if old == nil || (old.mode(ad) != modeFile && old.mode(ad) != modeExec) {
				*out = append(*out, p)
			}
		}
	}
	return nil
}
