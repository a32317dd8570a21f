package store

import (
	"errors"
	"io/fs"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/filemode"

	"github.com/caseplan/caseplan/pkg/gitstore"
)

// GitTree reads a store from a commit's tree in git objects, so a past
// state can be checked or reported on whatever the work tree holds now.
type GitTree struct {
	Tree *gitstore.TreeFiles
	// Work, when set, is the repository's work tree: a file is read from
	// there when its bytes there are the commit's — the same git blob
	// hash, checked on every read — which costs a fraction of reading a
	// packed object.
	Work *WorkTree
	// Mu, when set, is held around every read of git objects, so that
	// several goroutines may read through one repository handle (go-git's
	// are not safe for concurrent use) while the reads of the work tree
	// and the hashing of what they give go on in parallel.
	Mu *sync.Mutex
}

func (g GitTree) lock() {
	if g.Mu != nil {
		g.Mu.Lock()
	}
}

func (g GitTree) unlock() {
	if g.Mu != nil {
		g.Mu.Unlock()
	}
}

// ReadFile reads name from the commit. A symbolic link is never followed:
// in a commit it can only point outside what git stored.
func (g GitTree) ReadFile(name string) ([]byte, error) {
	if g.Work != nil {
		g.lock()
		e, err := g.Tree.Entry(name)
		g.unlock()
		if err == nil && e.Mode == filemode.Regular {
			if data, err := g.Work.ReadFile(name); err == nil && gitstore.BlobHash(data) == e.Hash {
				return data, nil
			}
		}
	}
	g.lock()
	data, err := g.Tree.ReadFile(name)
	g.unlock()
	if errors.Is(err, gitstore.ErrNotRegular) {
		return nil, ErrOutsideStore
	}
	return data, err
}

// List lists dir in the commit; a missing dir lists nothing.
func (g GitTree) List(dir string) ([]Entry, error) {
	g.lock()
	entries, err := g.Tree.List(dir)
	g.unlock()
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
		out = append(out, Entry{Name: e.Name, IsDir: e.IsDir, Symlink: e.Mode == filemode.Symlink})
	}
	return out, nil
}
