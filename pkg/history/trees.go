package history

import (
	"bytes"
	"container/list"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// tree is a git tree object as verify needs it. It is decoded here rather
// than with object.Tree because verify reads a cases/ tree of thousands of
// entries for nearly every commit, and object.Tree allocates two strings per
// entry: profiling showed that decoding took most of verify's time. Names
// here are slices of the object's own bytes.
type tree struct {
	hash    plumbing.Hash
	data    []byte
	entries []treeEntry
}

type treeEntry struct {
	name []byte // within tree.data
	dir  bool
	hash plumbing.Hash
	// mode is the entry's octal mode as git wrote it (100644, 100755,
	// 120000, ...): a note's mode is part of the note.
	mode uint32
}

// ErrMalformedTree is a tree object git itself would not write: entries
// out of git's order, a name twice, a bad mode or a cut-short entry.
// Verify stops at one (exit 3), naming the commit and the tree.
var ErrMalformedTree = errors.New("malformed tree object (entries out of order, or a name twice; git fsck says which)")

// readTree reads and decodes tree h from s.
func readTree(s storer.EncodedObjectStorer, h plumbing.Hash) (*tree, error) {
	o, err := s.EncodedObject(plumbing.TreeObject, h)
	if err != nil {
		return nil, err
	}
	r, err := o.Reader()
	if err != nil {
		return nil, err
	}
	data := make([]byte, o.Size())
	_, err = io.ReadFull(r, data)
	r.Close()
	if err != nil {
		return nil, err
	}
	t := &tree{hash: h, data: data}
	// A tree entry is "<octal mode> <name>\0<hash>"; 28 bytes is about the
	// smallest, so this rarely grows.
	t.entries = make([]treeEntry, 0, len(data)/40+1)
	hashSize := len(plumbing.ZeroHash)
	for rest := data; len(rest) > 0; {
		sp := bytes.IndexByte(rest, ' ')
		if sp < 1 {
			return nil, ErrMalformedTree
		}
		var mode uint32
		for _, c := range rest[:sp] {
			if c < '0' || c > '7' {
				return nil, ErrMalformedTree
			}
			mode = mode<<3 | uint32(c-'0')
		}
		rest = rest[sp+1:]
		nul := bytes.IndexByte(rest, 0)
		if nul < 1 || len(rest) < nul+1+hashSize {
			return nil, ErrMalformedTree
		}
		e := treeEntry{name: rest[:nul:nul], dir: mode&0o170000 == 0o040000, mode: mode}
		copy(e.hash[:], rest[nul+1:])
		// Entries in git's order, each name once, as git writes them and
		// git fsck requires: lookup searches by that order, and of two
		// entries of one name git checks out the last, so a tree with
		// a second cases/ would show verify one and the work tree another.
		if n := len(t.entries); n > 0 && compareEntries(t.entries[n-1].name, t.entries[n-1].dir, e.name, e.dir) >= 0 {
			return nil, ErrMalformedTree
		}
		if n := len(t.entries); n > 0 && bytes.Equal(t.entries[n-1].name, e.name) {
			return nil, ErrMalformedTree // a file and a directory of one name
		}
		t.entries = append(t.entries, e)
		rest = rest[nul+1+hashSize:]
	}
	return t, nil
}

// treeCacheBytes bounds the tree cache by the size of the trees it holds:
// the cases/ tree of a large store has tens of thousands of entries while a
// case directory has a handful. Verify walks oldest first, so a commit's
// parent trees were usually read one step earlier and a small cache
// suffices (16 MiB: some 16 cases/ trees of a 10,000-case store; 32 MiB
// cost memory and saved no time); a merge's other parent may be further back and is then read
// again.
const treeCacheBytes = 16 << 20

// treeCache reads trees by hash and keeps the most recently used ones.
type treeCache struct {
	s      storer.EncodedObjectStorer
	byHash map[plumbing.Hash]*list.Element
	lru    list.List // of *tree, most recent first
	size   int       // bytes of tree data held, roughly
	reads  int       // trees decoded from storage
}

func newTreeCache(s storer.EncodedObjectStorer) *treeCache {
	return &treeCache{s: s, byHash: make(map[plumbing.Hash]*list.Element)}
}

// get returns the tree h; the zero hash stands for an absent directory and
// gives an empty tree.
func (c *treeCache) get(h plumbing.Hash) (*tree, error) {
	if h.IsZero() {
		return &tree{}, nil
	}
	if el, ok := c.byHash[h]; ok {
		c.lru.MoveToFront(el)
		return el.Value.(*tree), nil
	}
	t, err := readTree(c.s, h)
	if err != nil {
		return nil, fmt.Errorf("read tree %s: %w", h, err)
	}
	c.reads++
	c.byHash[h] = c.lru.PushFront(t)
	c.size += t.cost()
	for c.size > treeCacheBytes && c.lru.Len() > 1 {
		old := c.lru.Remove(c.lru.Back()).(*tree)
		delete(c.byHash, old.hash)
		c.size -= old.cost()
	}
	return t, nil
}

func (t *tree) cost() int { return len(t.data) + 64*len(t.entries) }

// subtree returns the hash of the directory name in t, or the zero hash when
// t has no such directory (absent, or a file of that name).
func (t *tree) subtree(name string) plumbing.Hash {
	if e := t.lookup(name, true); e != nil {
		return e.hash
	}
	return plumbing.ZeroHash
}

// lookup finds the entry name in t by binary search in git's entry order;
// dir says whether a directory or a file is wanted.
func (t *tree) lookup(name string, dir bool) *treeEntry {
	n := []byte(name)
	i := sort.Search(len(t.entries), func(i int) bool {
		e := &t.entries[i]
		return compareEntries(e.name, e.dir, n, dir) >= 0
	})
	if i < len(t.entries) && t.entries[i].dir == dir && bytes.Equal(t.entries[i].name, n) {
		return &t.entries[i]
	}
	return nil
}

// compareEntries orders tree entries as git stores them: by name, where a
// directory's name compares as if it ended in '/'.
func compareEntries(a []byte, aDir bool, b []byte, bDir bool) int {
	n := min(len(a), len(b))
	if c := bytes.Compare(a[:n], b[:n]); c != 0 {
		return c
	}
	ca, cb := nameEnd(a, n, aDir), nameEnd(b, n, bDir)
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

// nameEnd is the byte git compares at position n of an entry name: the next
// byte, or '/' for a directory whose name ends there, or 0 for a file.
func nameEnd(name []byte, n int, dir bool) int {
	switch {
	case n < len(name):
		return int(name[n])
	case dir:
		return '/'
	}
	return 0
}

// pairEntries calls fn for every entry name in old or new, in git order,
// with the entry on each side (nil where absent). Both trees are sorted, so
// one pass compares them without building maps. A file and a directory of
// the same name are different entries, as in git.
func pairEntries(old, new *tree, fn func(o, n *treeEntry) error) error {
	i, j := 0, 0
	for i < len(old.entries) || j < len(new.entries) {
		var o, n *treeEntry
		switch {
		case i == len(old.entries):
			n = &new.entries[j]
		case j == len(new.entries):
			o = &old.entries[i]
		default:
			o, n = &old.entries[i], &new.entries[j]
			switch c := compareEntries(o.name, o.dir, n.name, n.dir); {
			case c < 0:
				n = nil
			case c > 0:
				o = nil
			}
		}
		if o != nil {
			i++
		}
		if n != nil {
			j++
		}
		if err := fn(o, n); err != nil {
			return err
		}
	}
	return nil
}
