package gitstore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/caseplan/caseplan/pkg/atomicfile"
)

// worktreeTx changes files in the work tree and remembers how to undo each
// step, so a commit that fails after touching the work tree leaves it as it
// was: files restored or removed, directories it created removed again.
type worktreeTx struct {
	root string
	undo []func() error
}

// write replaces rel's content atomically (atomicfile.WriteFile), so a
// reader (or a crash) sees the old content or the new, never a mix. It
// returns the file's stat data after the rename, which is what the index
// must record.
func (tx *worktreeTx) write(rel string, data []byte, executable bool) (fs.FileInfo, error) {
	abs := filepath.Join(tx.root, filepath.FromSlash(rel))
	if err := tx.mkdirs(parentDir(rel)); err != nil {
		return nil, err
	}
	if err := tx.saveForUndo(rel, abs); err != nil {
		return nil, err
	}
	perm := fs.FileMode(0o644)
	if executable {
		perm = 0o755
	}
	if err := atomicfile.WriteFile(abs, data, perm); err != nil {
		// The file is as it was (atomicfile's promise): there is nothing
		// to put back, and trying would fail as the write did (a
		// directory without write permission, a full disk), making a
		// clean refusal look like a store left half-written.
		tx.undo = tx.undo[:len(tx.undo)-1]
		return nil, fmt.Errorf("write %s: %w", rel, err)
	}
	fi, err := os.Lstat(abs)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", rel, err)
	}
	return fi, nil
}

// remove deletes rel (if present) and then the directories it leaves empty,
// as git rm does.
func (tx *worktreeTx) remove(rel string) error {
	abs := filepath.Join(tx.root, filepath.FromSlash(rel))
	if err := tx.checkParents(parentDir(rel)); err != nil {
		return err
	}
	if err := tx.saveForUndo(rel, abs); err != nil {
		return err
	}
	if err := os.Remove(abs); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", rel, err)
	}
	for dir := parentDir(rel); dir != ""; dir = parentDir(dir) {
		absDir := filepath.Join(tx.root, filepath.FromSlash(dir))
		// Remove fails on a directory that is not empty: that ends the climb.
		if os.Remove(absDir) != nil {
			break
		}
		tx.undo = append(tx.undo, func() error { return os.Mkdir(absDir, 0o755) })
	}
	return nil
}

// mkdirs creates the missing directories of dir (slash-separated, relative),
// refusing to go through anything that is not a real directory: a symlink
// there could make a write land outside the store.
func (tx *worktreeTx) mkdirs(dir string) error {
	if dir == "" {
		return nil
	}
	cur := tx.root
	for _, part := range strings.Split(dir, "/") {
		cur = filepath.Join(cur, part)
		fi, err := os.Lstat(cur)
		if err == nil {
			if !fi.IsDir() {
				return fmt.Errorf("%s: not a directory in the work tree", dir)
			}
			continue
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := os.Mkdir(cur, 0o755); err != nil {
			return err
		}
		created := cur
		tx.undo = append(tx.undo, func() error { return os.Remove(created) })
	}
	return nil
}

// checkParents refuses a path whose directories are not all real
// directories; missing ones are fine (there is nothing to remove).
func (tx *worktreeTx) checkParents(dir string) error {
	if dir == "" {
		return nil
	}
	cur := tx.root
	for _, part := range strings.Split(dir, "/") {
		cur = filepath.Join(cur, part)
		fi, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if !fi.IsDir() {
			return fmt.Errorf("%s: not a directory in the work tree", dir)
		}
	}
	return nil
}

// saveForUndo records how to bring abs back to what it is now: absent, a
// regular file with these bytes and permissions, or a symlink.
func (tx *worktreeTx) saveForUndo(rel, abs string) error {
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		tx.undo = append(tx.undo, func() error {
			if err := os.Remove(abs); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			return nil
		})
		return nil
	case err != nil:
		return err
	case fi.Mode().IsRegular():
		old, err := os.ReadFile(abs)
		if err != nil {
			return err
		}
		perm := fi.Mode().Perm()
		tx.undo = append(tx.undo, func() error { return atomicfile.WriteFile(abs, old, perm) })
		return nil
	case fi.Mode()&fs.ModeSymlink != 0:
		target, err := os.Readlink(abs)
		if err != nil {
			return err
		}
		tx.undo = append(tx.undo, func() error {
			if err := os.Remove(abs); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			return os.Symlink(target, abs)
		})
		return nil
	default:
		return fmt.Errorf("%s: not a regular file in the work tree", rel)
	}
}

// rollback undoes every step, newest first. It carries on past a failing
// step so that as much as possible is restored, and reports what failed.
func (tx *worktreeTx) rollback() error {
	var errs []error
	for i := len(tx.undo) - 1; i >= 0; i-- {
		if err := tx.undo[i](); err != nil {
			errs = append(errs, err)
		}
	}
	tx.undo = nil
	if len(errs) > 0 {
		return fmt.Errorf("restore work tree: %w", errors.Join(errs...))
	}
	return nil
}
