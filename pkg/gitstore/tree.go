package gitstore

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// TreeFiles reads the files of one commit's tree from git objects only,
// never from the work tree, so a report "at" a past commit sees exactly what
// was committed then. It keeps the directories it has read, so it is meant
// for one command's reading, not to be kept for the life of a server.
// Several goroutines may read through it at once (packread.go), while
// nothing else uses its Repo.
type TreeFiles struct {
	r      *Repo
	commit plumbing.Hash
	root   *object.Tree
	// trees keeps the directories decoded so far: go-git caches objects
	// but decodes a tree on every lookup, and reading the files of 10,000
	// cases one path at a time would decode the 10,000-entry cases
	// directory 50,000 times. mu guards it.
	trees map[plumbing.Hash]*object.Tree
	mu    sync.Mutex
}

// Entry is one name in a tree. It has no size: looking one up costs a
// pack lookup per file, which tripled the time to walk a 10,000-case tree
// (1.5 s instead of 0.4 s here); TreeFiles.Size gives it when needed.
type Entry struct {
	Name  string
	IsDir bool
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
	return &TreeFiles{r: r, commit: commit, root: t, trees: map[plumbing.Hash]*object.Tree{}}, nil
}

// TreeOf opens a tree that no commit may hold yet (one a replay is
// building) for reading; its Commit is the zero hash.
func (r *Repo) TreeOf(tree plumbing.Hash) (*TreeFiles, error) {
	t, err := object.GetTree(r.storage, tree)
	if err != nil {
		return nil, fmt.Errorf("read tree %s: %w", tree, err)
	}
	return &TreeFiles{r: r, root: t, trees: map[plumbing.Hash]*object.Tree{}}, nil
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
	data, err := t.r.readRaw(plumbing.BlobObject, e.Hash)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: p, Err: err}
	}
	return data, nil
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
		out = append(out, toEntry(te))
	}
	return out, nil
}

// Walk calls fn for every entry below dir, depth first, a directory before
// its contents. Because git orders a directory as if its name ended in "/",
// the paths come in byte order, the order of the git index. As with
// fs.WalkDir, fn may return fs.SkipDir to skip a directory's contents (or,
// for a file, the rest of its directory) or fs.SkipAll to stop.
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
		e := toEntry(te)
		p := path.Join(dir, te.Name)
		err := fn(p, e)
		if errors.Is(err, fs.SkipDir) {
			if e.IsDir {
				continue
			}
			return nil // as in fs.WalkDir: skip the rest of this directory
		}
		if err != nil {
			return err
		}
		if e.IsDir {
			sub, err := t.tree(te.Hash)
			if err != nil {
				return fmt.Errorf("read tree %s: %w", p, err)
			}
			if err := t.walk(p, sub, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

func toEntry(te object.TreeEntry) Entry {
	return Entry{Name: te.Name, IsDir: te.Mode == filemode.Dir, Hash: te.Hash, Mode: te.Mode}
}

// Size returns the size in bytes of a file's blob (for a symlink, of its
// target's name); 0 for a directory or a submodule.
func (t *TreeFiles) Size(e Entry) (int64, error) {
	if !e.Mode.IsFile() {
		return 0, nil
	}
	t.r.objects.mu.Lock()
	defer t.r.objects.mu.Unlock()
	return t.r.storage.EncodedObjectSize(e.Hash)
}

// Entry returns the entry at p (slash-separated, relative to the root): a
// missing one is an error satisfying errors.Is(err, fs.ErrNotExist).
func (t *TreeFiles) Entry(p string) (Entry, error) {
	e, err := t.entry(p)
	if err != nil {
		return Entry{}, &fs.PathError{Op: "stat", Path: p, Err: err}
	}
	return toEntry(*e), nil
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
		sub, err := t.tree(te.Hash)
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
	return t.tree(te.Hash)
}

func (t *TreeFiles) tree(h plumbing.Hash) (*object.Tree, error) {
	t.mu.Lock()
	tr, ok := t.trees[h]
	t.mu.Unlock()
	if ok {
		return tr, nil
	}
	tr, err := t.r.repo.TreeObject(h)
	if err != nil {
		return nil, err
	}
	t.mu.Lock()
	t.trees[h] = tr
	t.mu.Unlock()
	return tr, nil
}

// findEntry looks name up by binary search in git's order, where a
// directory sorts as if its name ended in "/".
func findEntry(tree *object.Tree, name string) *object.TreeEntry {
	for _, dir := range []bool{false, true} {
		i := sort.Search(len(tree.Entries), func(i int) bool {
			e := &tree.Entries[i]
			return !gitNameLess(e.Name, e.Mode == filemode.Dir, name, dir)
		})
		if i < len(tree.Entries) && tree.Entries[i].Name == name && (tree.Entries[i].Mode == filemode.Dir) == dir {
			return &tree.Entries[i]
		}
	}
	return nil
}

// cleanDir makes "", ".", "./" and "a/b/" into "", "", "" and "a/b".
func cleanDir(p string) string {
	p = strings.Trim(p, "/")
	if p == "." {
		return ""
	}
	return strings.TrimPrefix(p, "./")
}
