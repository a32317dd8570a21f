package store

import (
	"errors"
	"io/fs"

	"github.com/go-git/go-git/v5/plumbing/filemode"

	"github.com/caseplan/caseplan/pkg/gitstore"
)

// GitTree reads a store from a commit's tree in git objects, so a past
// state can be checked or reported on whatever the work tree holds now.
// Several goroutines may read through it at once, as through its Tree.
type GitTree struct {
	Tree *gitstore.TreeFiles
	// Work, when set, is the repository's work tree: a file is read from
	// there when its bytes there are the commit's — the same git blob
	// hash, checked on every read — which costs a fraction of reading a
	// packed object.
	Work *WorkTree
}

// Commit is the full hash of the commit g reads.
func (g GitTree) Commit() string { return g.Tree.Commit().String() }

// ReadFile reads name from the commit. A symbolic link is never followed:
// in a commit it can only point outside what git stored.
func (g GitTree) ReadFile(name string) ([]byte, error) { return g.ReadFileInto(name, nil) }

// ReadFileInto is ReadFile, the data in buf when it is read from the work
// tree and fits (see Lender).
func (g GitTree) ReadFileInto(name string, buf []byte) ([]byte, error) {
	if g.Work != nil {
		e, err := g.Tree.Entry(name)
		if err == nil && e.Mode == filemode.Regular {
			// Whatever the work tree holds there is opened as a file
			// found regular (a link or a pipe is not read), and used only
			// when its bytes are the commit's.
			if data, err := g.Work.ReadListedInto(name, buf); err == nil && gitstore.BlobHash(data) == e.Hash {
				return data, nil
			}
		}
	}
	data, err := g.Tree.ReadFile(name)
	if errors.Is(err, gitstore.ErrNotRegular) {
		return nil, ErrOutsideStore
	}
	return data, err
}

// List lists dir in the commit; a missing dir lists nothing.
func (g GitTree) List(dir string) ([]Entry, error) {
	entries, err := g.Tree.List(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	out := make([]Entry, 0, len(entries))
	for _, e := range entries {
		// The size is left 0: reading it costs an object lookup, and the
		// parser refuses an oversized file when it is read.
		out = append(out, Entry{Name: e.Name, IsDir: e.IsDir, Symlink: e.Mode == filemode.Symlink, Executable: e.Mode == filemode.Executable})
	}
	return out, nil
}
