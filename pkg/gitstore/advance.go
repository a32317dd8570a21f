package gitstore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// OverwriteError refuses to move the branch because files it would change
// have uncommitted edits in the work tree, which would be lost.
type OverwriteError struct {
	Paths []string
}

func (e *OverwriteError) Error() string {
	return fmt.Sprintf("uncommitted edits to %s would be overwritten", strings.Join(e.Paths, ", "))
}

// Advance moves HEAD's branch from old to new — a commit that has old in
// its history, such as the remote's head after a sync — and brings the
// work tree and the index along for the files that differ between their
// trees, as git merge --ff-only does. It refuses, changing nothing, when
// one of those files has uncommitted edits (an *OverwriteError naming
// them); every other uncommitted edit stays as it is.
//
// It is a write like Commit: it takes the store's lock and git's index
// lock, keeps a journal so that a killed sync is finished or undone by the
// next caseplan process, and moves the branch with a compare-and-swap.
func (r *Repo) Advance(old, new plumbing.Hash, wait time.Duration) error {
	if old == new {
		return nil
	}
	if wait == 0 {
		wait = DefaultLockWait
	}
	unlock, err := r.Lock(wait)
	if err != nil {
		return err
	}
	defer unlock()
	if u := r.Unfinished(); u != nil {
		return u
	}
	branch, head, err := r.headBranch()
	if err != nil {
		return fmt.Errorf("advance: %w", err)
	}
	if head != old {
		return fmt.Errorf("advance %s: %w: it points at %s, expected %s", branch, ErrConcurrentUpdate, short(head), short(old))
	}
	var oldTree plumbing.Hash
	if !old.IsZero() {
		c, err := object.GetCommit(r.storage, old)
		if err != nil {
			return fmt.Errorf("advance: %w", err)
		}
		oldTree = c.TreeHash
	}
	c, err := object.GetCommit(r.storage, new)
	if err != nil {
		return fmt.Errorf("advance: %w", err)
	}
	diff, err := r.DiffTrees(oldTree, c.TreeHash)
	if err != nil {
		return fmt.Errorf("advance: %w", err)
	}
	// Files with edits of their own are refused before anything is taken.
	if err := r.checkOverwrite(diff); err != nil {
		return err
	}

	j := &journal{PID: os.Getpid(), Started: time.Now(), Phase: "lock", Action: "sync: " + short(old) + ".." + short(new)}
	if err := r.writeJournal(j); err != nil {
		return err
	}
	keepJournal := false
	defer func() {
		if !keepJournal {
			r.removeJournal()
		}
	}()
	idxLock, err := lockIndex(r.gitDir)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		idxLock.Close()
		if !committed {
			os.Remove(idxLock.Name())
		}
	}()
	idx, err := readIndex(filepath.Join(r.gitDir, "index"))
	if err != nil {
		return fmt.Errorf("advance: read index: %w", err)
	}
	changes := make([]Change, 0, len(diff))
	blobs := make(map[string]plumbing.Hash, len(diff))
	for _, ch := range diff {
		if ch.To.IsZero() {
			changes = append(changes, Change{Path: ch.Path, Delete: true})
			continue
		}
		if err := idx.checkConflicts(ch.Path); err != nil {
			return fmt.Errorf("advance: %w", err)
		}
		data, err := r.readRaw(plumbing.BlobObject, ch.To)
		if err != nil {
			return fmt.Errorf("advance: read %s: %w", ch.Path, err)
		}
		changes = append(changes, Change{Path: ch.Path, Data: data, Executable: ch.Executable})
		blobs[ch.Path] = ch.To
	}
	keepJournal, committed, err = r.land(j, idx, idxLock, branch, old, new, changes, blobs, func() {})
	return err
}

// CheckAdvance says whether Advance from old to new would be refused for
// the hand edits it would overwrite (an *OverwriteError), without
// changing anything: sync asks before it publishes.
func (r *Repo) CheckAdvance(old, new plumbing.Hash) error {
	if old == new {
		return nil
	}
	trees := make([]plumbing.Hash, 2)
	for i, h := range []plumbing.Hash{old, new} {
		if h.IsZero() {
			continue
		}
		c, err := object.GetCommit(r.storage, h)
		if err != nil {
			return err
		}
		trees[i] = c.TreeHash
	}
	diff, err := r.DiffTrees(trees[0], trees[1])
	if err != nil {
		return err
	}
	return r.checkOverwrite(diff)
}

// checkOverwrite refuses changes to files whose work-tree content is
// neither the old nor the new version: a hand edit, or a file deleted by
// hand, that the change would overwrite.
func (r *Repo) checkOverwrite(diff []FileChange) error {
	var dirty []string
	for _, ch := range diff {
		data, err := os.ReadFile(filepath.Join(r.root, filepath.FromSlash(ch.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if !ch.From.IsZero() {
				dirty = append(dirty, ch.Path) // deleted by hand
			}
		case err != nil:
			return fmt.Errorf("advance: %w", err)
		default:
			if h := r.workHash(ch.Path, data); h != ch.From && h != ch.To {
				dirty = append(dirty, ch.Path)
			}
		}
	}
	if len(dirty) > 0 {
		return &OverwriteError{Paths: dirty}
	}
	return nil
}
