package gitstore

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// TreeFiles reads the files of one commit's tree from git objects only,
// never from the work tree, so a report "at" a past commit sees exactly what
// was committed then.
type TreeFiles struct {
	r      *Repo
	commit plumbing.Hash
	root   *object.Tree
}

// Entry is one name in a tree.
type Entry struct {
	Name  string
	IsDir bool
	// Size is the blob's size in bytes; 0 for directories and submodules.
	Size int64
	// Hash is the blob (or tree) hash: two entries with the same hash have
	// the same content, which lets a reader cache per blob.
	Hash plumbing.Hash
	// Mode is git's mode: filemode.Regular, Executable, Symlink, Dir or
	// Submodule. A symlink is never followed.
	Mode filemode.FileMode
}

// TreeAt opens the tree of commit for reading.
func (r *Repo) TreeAt(commit plumbing.Hash) (*TreeFiles, error) {
	c, err := r.repo.CommitObject(commit)
	if err != nil {
		return nil, fmt.Errorf("read commit %s: %w", commit, err)
	}
	t, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("read tree of commit %s: %w", commit, err)
	}
	return &TreeFiles{r: r, commit: commit, root: t}, nil
}

// Commit returns the commit the tree belongs to, so output can name it.
func (t *TreeFiles) Commit() plumbing.Hash { return t.commit }

// ReadFile returns the content of the file at p (slash-separated, relative to
// the root). A missing file is an error satisfying errors.Is(err,
// fs.ErrNotExist); a symlink or submodule one satisfying ErrNotRegular.
func (t *TreeFiles) ReadFile(p string) ([]byte, error) {
	e, err := t.entry(p)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: p, Err: err}
	}
	switch {
	case e.Mode == filemode.Dir:
		return nil, &fs.PathError{Op: "read", Path: p, Err: errors.New("is a directory")}
	case !e.Mode.IsFile() || e.Mode == filemode.Symlink:
		return nil, &fs.PathError{Op: "read", Path: p, Err: ErrNotRegular}
	}
	obj, err := t.r.storage.EncodedObject(plumbing.BlobObject, e.Hash)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: p, Err: err}
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: p, Err: err}
	}
	defer rd.Close()
	var buf bytes.Buffer
	buf.Grow(int(obj.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(rd); err != nil {
		return nil, &fs.PathError{Op: "read", Path: p, Err: err}
	}
	return buf.Bytes(), nil
}

// List returns the direct children of dir ("" or "." for the root) in git's
// order.
func (t *TreeFiles) List(dir string) ([]Entry, error) {
	tree, err := t.dir(dir)
	if err != nil {
		return nil, &fs.PathError{Op: "list", Path: dir, Err: err}
	}
	out := make([]Entry, 0, len(tree.Entries))
	for _, te := range tree.Entries {
		e, err := t.toEntry(te)
		if err != nil {
			return nil, &fs.PathError{Op: "list", Path: dir, Err: err}
		}
		out = append(out, e)
	}
	return out, nil
}

// Walk calls fn for every entry below dir, depth first, a directory before
// its contents. Because git orders a directory as if its name ended in "/",
// the paths come in byte order, the order of the git index. fn may return
// fs.SkipDir to skip a directory's contents or fs.SkipAll to stop.
func (t *TreeFiles) Walk(dir string, fn func(path string, e Entry) error) error {
	tree, err := t.dir(dir)
	if err != nil {
		return &fs.PathError{Op: "walk", Path: dir, Err: err}
	}
	err = t.walk(cleanDir(dir), tree, fn)
	if errors.Is(err, fs.SkipAll) {
		return nil
	}
	return err
}

func (t *TreeFiles) walk(dir string, tree *object.Tree, fn func(string, Entry) error) error {
	for _, te := range tree.Entries {
		e, err := t.toEntry(te)
		if err != nil {
			return err
		}
		p := path.Join(dir, te.Name)
		err = fn(p, e)
		if e.IsDir {
			if errors.Is(err, fs.SkipDir) {
				continue
			}
			if err != nil {
				return err
			}
			sub, err := t.r.repo.TreeObject(te.Hash)
			if err != nil {
				return fmt.Errorf("read tree %s: %w", p, err)
			}
			if err := t.walk(p, sub, fn); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (t *TreeFiles) toEntry(te object.TreeEntry) (Entry, error) {
	e := Entry{Name: te.Name, IsDir: te.Mode == filemode.Dir, Hash: te.Hash, Mode: te.Mode}
	if te.Mode.IsFile() {
		size, err := t.r.storage.EncodedObjectSize(te.Hash)
		if err != nil {
			return Entry{}, fmt.Errorf("%s: %w", te.Name, err)
		}
		e.Size = size
	}
	return e, nil
}

// entry finds the tree entry at p.
func (t *TreeFiles) entry(p string) (*object.TreeEntry, error) {
	p = cleanDir(p)
	if p == "" || !fs.ValidPath(p) {
		return nil, fs.ErrInvalid
	}
	tree := t.root
	parts := strings.Split(p, "/")
	for i, name := range parts {
		te := findEntry(tree, name)
		if te == nil {
			return nil, fs.ErrNotExist
		}
		if i == len(parts)-1 {
			return te, nil
		}
		if te.Mode != filemode.Dir {
			return nil, fs.ErrNotExist
		}
		sub, err := t.r.repo.TreeObject(te.Hash)
		if err != nil {
			return nil, err
		}
		tree = sub
	}
	return nil, fs.ErrNotExist
}

// dir returns the tree at dir.
func (t *TreeFiles) dir(dir string) (*object.Tree, error) {
	dir = cleanDir(dir)
	if dir == "" {
		return t.root, nil
	}
	te, err := t.entry(dir)
	if err != nil {
		return nil, err
	}
	if te.Mode != filemode.Dir {
		return nil, errors.New("not a directory")
	}
	return t.r.repo.TreeObject(te.Hash)
}

// findEntry looks name up by binary search in git's order, where a
// directory sorts as name+"/": it is found at name or at name+"/".
func findEntry(tree *object.Tree, name string) *object.TreeEntry {
	for _, key := range []string{name, name + "/"} {
		lo, hi := 0, len(tree.Entries)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if sortName(&tree.Entries[m]) < key {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(tree.Entries) && tree.Entries[lo].Name == name && sortName(&tree.Entries[lo]) == key {
			return &tree.Entries[lo]
		}
	}
	return nil
}

func sortName(e *object.TreeEntry) string {
	if e.Mode == filemode.Dir {
		return e.Name + "/"
	}
	return e.Name
}

// cleanDir makes "", ".", "./" and "a/b/" into "", "", "" and "a/b".
func cleanDir(p string) string {
	p = strings.Trim(p, "/")
	if p == "." {
		return ""
	}
	return strings.TrimPrefix(p, "./")
}
