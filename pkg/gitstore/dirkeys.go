package gitstore

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"syscall"

	"github.com/go-git/go-git/v5/plumbing"
)

// DirKeys returns, for every directory directly under dir in the work
// tree (a store's cases/), a hash of everything it holds: the hash git
// would give the tree of its files and subdirectories. Two calls return
// the same key for a directory exactly when its files' names and bytes
// are the same, so a result computed from a directory's files can be
// kept under its key (DESIGN.md §7).
//
// It costs what git status costs, not a read of every file: a file whose
// stat data (ctime, mtime, inode, owner, size) matches its index entry,
// and that is not racily clean (changed in the second the index was
// written), is taken to have the entry's blob, as git does; any other file
// is read and hashed. A file rewritten behind git's back keeps neither its
// ctime nor, usually, its inode, so it is read.
//
// A file larger than maxRead is keyed by its size alone, never read: the
// readers of a store refuse such a file from its size. A directory that
// holds anything but regular files and directories (a symbolic link, a
// named pipe) gets no key: what it holds is known only by reading it.
//
// again hashes one of the directories anew, for a reader that must know
// its files did not change while it read them.
//
// only, when not nil, names the directories to key; the others are not
// looked at.
//
// progress, when not nil, is told how many directories there are to key
// and returns what to call as each one is keyed: when the index's stat
// data no longer match (a copied or restored store, files touched) every
// file is read, seconds at 10,000 cases.
func (r *Repo) DirKeys(dir string, only []string, maxRead int64, progress func(total int) (step func())) (keys map[string]plumbing.Hash, again func(name string) (plumbing.Hash, bool), err error) {
	idx, err := readIndex(filepath.Join(r.gitDir, "index"))
	if err != nil {
		return nil, nil, err
	}
	abs := filepath.Join(r.root, filepath.FromSlash(dir))
	k := &keyer{idx: idx, maxRead: maxRead}
	again = func(name string) (plumbing.Hash, bool) {
		rel := dir + "/" + name
		h, ok, err := k.tree(filepath.Join(abs, name), rel, k.idx.stage0Under(rel))
		return h, ok && err == nil
	}
	ents, err := os.ReadDir(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return map[string]plumbing.Hash{}, again, nil
		}
		return nil, nil, err
	}
	var want map[string]bool
	if only != nil {
		want = make(map[string]bool, len(only))
		for _, name := range only {
			want[name] = true
		}
	}
	var names []string
	for _, e := range ents {
		if e.IsDir() && (want == nil || want[e.Name()]) {
			names = append(names, e.Name())
		}
	}
	step := func() {}
	if progress != nil {
		step = progress(len(names))
	}
	hashes := make([]plumbing.Hash, len(names))
	ok := make([]bool, len(names))
	errs := make([]error, len(names))
	// The walk waits on the file system more than on the processor:
	// several goroutines keep it busy, as git's preloaded index does.
	workers := max(4, runtime.GOMAXPROCS(0)*2)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rel := dir + "/" + names[i]
				hashes[i], ok[i], errs[i] = k.tree(filepath.Join(abs, names[i]), rel, k.idx.stage0Under(rel))
				step()
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	keys = make(map[string]plumbing.Hash, len(names))
	for i, name := range names {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		if ok[i] {
			keys[name] = hashes[i]
		}
	}
	return keys, again, nil
}

type keyer struct {
	idx     *indexFile
	maxRead int64
}

// tree hashes the work directory abs (repository path rel) as a git tree;
// ok is false when it holds something other than files and directories.
func (k *keyer) tree(abs, rel string, indexed map[string]*indexEntry) (h plumbing.Hash, ok bool, err error) {
	ents, err := os.ReadDir(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return h, false, nil // gone while walking: no key
		}
		return h, false, err
	}
	list := make([]TreeEntry, 0, len(ents))
	for _, d := range ents {
		p := rel + "/" + d.Name()
		switch {
		case d.IsDir():
			sub, ok, err := k.tree(filepath.Join(abs, d.Name()), p, indexed)
			if err != nil || !ok {
				return h, false, err
			}
			list = append(list, TreeEntry{Name: d.Name(), Dir: true, Hash: sub})
		case d.Type().IsRegular():
			fi, err := d.Info()
			if err != nil {
				return h, false, nil // gone while walking
			}
			var fh plumbing.Hash
			switch e := indexed[p]; {
			case fi.Size() > k.maxRead:
				fh = objectHash("too-large", []byte(strconv.FormatInt(fi.Size(), 10)))
			case e != nil && k.idx.clean(e, fi):
				copy(fh[:], k.idx.fixed(e)[40:60])
			default:
				data, err := os.ReadFile(filepath.Join(abs, d.Name()))
				if err != nil {
					return h, false, nil
				}
				fh = blobHash(data)
			}
			list = append(list, TreeEntry{Name: d.Name(), Hash: fh, Exec: fi.Mode().Perm()&0o111 != 0})
		default:
			return h, false, nil
		}
	}
	return TreeHash(list), true, nil
}

// TreeEntry is one entry of a directory whose key TreeHash computes: a
// regular file and its blob hash, or a subdirectory and its TreeHash.
type TreeEntry struct {
	Name string
	Dir  bool
	Hash plumbing.Hash
	// Exec says the file has its executable bit set: a result that
	// reports the bit (validate's file-mode) changes with it, so the key
	// does too, as git's tree hash does (mode 100755).
	Exec bool
}

// TreeHash returns the key DirKeys gives a directory holding list: the
// hash git gives the tree of those files (each as mode 100644, or 100755
// when Exec) and subdirectories. It sorts list in place, as git sorts a tree.
func TreeHash(list []TreeEntry) plumbing.Hash {
	if !slices.IsSortedFunc(list, treeOrder) {
		slices.SortFunc(list, treeOrder)
	}
	var b bytes.Buffer
	b.Grow(len(list) * 64)
	for _, e := range list {
		if e.Dir {
			b.WriteString("40000 ")
		} else if e.Exec {
			b.WriteString("100755 ")
		} else {
			b.WriteString("100644 ")
		}
		b.WriteString(e.Name)
		b.WriteByte(0)
		b.Write(e.Hash[:])
	}
	return objectHash("tree", b.Bytes())
}

// treeOrder is git's order of a tree's entries.
func treeOrder(a, b TreeEntry) int {
	switch {
	case gitNameLess(a.Name, a.Dir, b.Name, b.Dir):
		return -1
	case gitNameLess(b.Name, b.Dir, a.Name, a.Dir):
		return 1
	}
	return 0
}

// BlobHash returns the hash git gives a file holding data.
func BlobHash(data []byte) plumbing.Hash { return blobHash(data) }

// HeadDirHashes returns the tree hash of every directory directly under
// dir in the last commit, by name; nil when there is no last commit or dir
// cannot be read from it.
func (r *Repo) HeadDirHashes(dir string) map[string]plumbing.Hash {
	head, err := r.Head()
	if err != nil || head.IsZero() {
		return nil
	}
	tree, err := r.TreeAt(head)
	if err != nil {
		return nil
	}
	entries, err := tree.List(dir)
	if err != nil {
		return nil
	}
	out := make(map[string]plumbing.Hash, len(entries))
	for _, e := range entries {
		if e.IsDir {
			out[e.Name] = e.Hash
		}
	}
	return out
}
