package store

import (
	"bytes"
	"errors"
	"io/fs"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/filemode"

	"github.com/caseplan/caseplan/pkg/gitstore"
)

// Memo is a Source that remembers what it read, so that one command reads
// each file once however many stages look at it (DESIGN.md §7): a write
// loads the case before and after its change, and builds from the same
// files in between.
type Memo struct {
	src   Source
	mu    sync.Mutex
	files map[string]memoFile
	dirs  map[string]memoDir
	reads int
}

type memoFile struct {
	data []byte
	err  error
}

type memoDir struct {
	entries []Entry
	err     error
}

// NewMemo returns a Memo reading through src.
func NewMemo(src Source) *Memo {
	return &Memo{src: src, files: map[string]memoFile{}, dirs: map[string]memoDir{}}
}

// Commit is the full hash of the commit m's source reads, "" for the
// work tree (see CommitOf).
func (m *Memo) Commit() string { return CommitOf(m.src) }

// ReadFile returns name's content, reading it from the source the first
// time only. The caller gets its own copy.
func (m *Memo) ReadFile(name string) ([]byte, error) {
	m.mu.Lock()
	f, ok := m.files[name]
	m.mu.Unlock()
	if !ok {
		data, err := m.src.ReadFile(name)
		f = memoFile{data, err}
		m.mu.Lock()
		m.files[name] = f
		m.reads++
		m.mu.Unlock()
	}
	return bytes.Clone(f.data), f.err
}

// List lists dir, from the source the first time only.
func (m *Memo) List(dir string) ([]Entry, error) {
	m.mu.Lock()
	d, ok := m.dirs[dir]
	m.mu.Unlock()
	if !ok {
		entries, err := m.src.List(dir)
		d = memoDir{entries, err}
		m.mu.Lock()
		m.dirs[dir] = d
		m.mu.Unlock()
	}
	return append([]Entry(nil), d.entries...), d.err
}

// Remember records content already read from the source by other means,
// so that it is not read again.
func (m *Memo) Remember(name string, data []byte) {
	m.mu.Lock()
	m.files[name] = memoFile{data: bytes.Clone(data)}
	m.mu.Unlock()
}

// Reads counts the files read from the source.
func (m *Memo) Reads() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.reads
}

// Concurrent reports whether the underlying source may be read from several
// goroutines; the Memo itself may.
func (m *Memo) Concurrent() bool {
	c, ok := m.src.(Concurrent)
	return ok && c.Concurrent()
}

// SameIn reports whether everything m has read reads the same from tree:
// each file a regular file there (mode 100644) with the same bytes — the
// same git blob hash —, a file m found missing missing there too, each
// directory listing the same entries in the same order. A Load through
// tree would then be handed what m handed the Load before it, and make
// the same records of it: a write that loaded the work tree through m
// need not load HEAD again to judge its commit by HEAD's records
// (casework's committed access check) while the work tree holds them
// unchanged. Any other answer — a file m could not read, a link, an
// executable bit, a read of tree that fails — is false, and the caller
// reads tree itself.
func (m *Memo) SameIn(tree GitTree) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	for name, f := range m.files {
		e, err := tree.Tree.Entry(name)
		switch {
		case f.err != nil:
			if !errors.Is(f.err, fs.ErrNotExist) || !errors.Is(err, fs.ErrNotExist) {
				return false
			}
		case err != nil || e.Mode != filemode.Regular || gitstore.BlobHash(f.data) != e.Hash:
			return false
		}
	}
	for dir, d := range m.dirs {
		if d.err != nil {
			return false
		}
		entries, err := tree.List(dir)
		if err != nil || len(entries) != len(d.entries) {
			return false
		}
		for i, e := range entries {
			w := d.entries[i]
			if e.Name != w.Name || e.IsDir != w.IsDir || e.Symlink != w.Symlink || e.Executable != w.Executable {
				return false
			}
		}
	}
	return true
}
