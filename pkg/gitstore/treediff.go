package gitstore

import (
	"fmt"
	"path"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// FileChange is one file that differs between two trees: its blob before
// and after (the zero hash: absent on that side).
type FileChange struct {
	Path     string
	From, To plumbing.Hash
	// Executable: the file after the change (or, for a removal, before it)
	// has mode 100755.
	Executable bool
}

// entryMode is the kind of a tree entry, from its octal mode.
type entryMode int

const (
	modeFile entryMode = iota
	modeExec
	modeDir
	modeOther // a symlink or a submodule
)

func (e rawEntry) mode(data []byte) entryMode {
	switch string(data[e.start : e.name-1]) {
	case "100644", "644":
		return modeFile
	case "100755", "755":
		return modeExec
	case "40000", "040000":
		return modeDir
	}
	return modeOther
}

// NotRegularError says a change sync would have to carry is a symlink or a
// submodule: records never are, and caseplan writes regular files only.
type NotRegularError struct{ Path string }

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is a symbolic link or a submodule; records are regular files, and sync carries no other kind", e.Path)
}

// DiffTrees returns the files that differ between the trees a and b (zero:
// the empty tree), in path order. Only subtrees whose hashes differ are
// read, so the cost follows the size of the change.
func (r *Repo) DiffTrees(a, b plumbing.Hash) ([]FileChange, error) {
	var out []FileChange
	err := r.diffTrees(a, b, "", &out, nil, nil)
	return out, err
}

// DiffTreesEnter is DiffTrees looking only in the directories below a and
// b that enter allows (given each one's slash-separated path, relative to
// a and b).
func (r *Repo) DiffTreesEnter(a, b plumbing.Hash, enter func(dir string) bool) ([]FileChange, error) {
	var out []FileChange
	err := r.diffTrees(a, b, "", &out, nil, enter)
	return out, err
}

// TreeChange is a directory whose tree differs between two commits: its
// tree in each (the zero hash: absent there).
type TreeChange struct {
	Path     string
	From, To plumbing.Hash
}

// ChangedSubtrees returns the directories directly in dir (a
// slash-separated path from the root) whose trees differ between commits
// from and to, in path order: one tree read per level on each side, so
// the caller reads only the directories that changed.
func (r *Repo) ChangedSubtrees(from, to plumbing.Hash, dir string) ([]TreeChange, error) {
	var trees [2]plumbing.Hash
	for i, h := range []plumbing.Hash{from, to} {
		c, err := object.GetCommit(r.storage, h)
		if err != nil {
			return nil, fmt.Errorf("read commit %s: %w", h, err)
		}
		if trees[i], err = r.treeAt(c.TreeHash, dir); err != nil {
			return nil, fmt.Errorf("read tree %s: %w", dir, err)
		}
	}
	if trees[0] == trees[1] {
		return nil, nil
	}
	var ents [2][]rawEntry
	var data [2][]byte
	for i, t := range trees {
		if t.IsZero() {
			continue
		}
		var err error
		if data[i], err = r.readRaw(plumbing.TreeObject, t); err != nil {
			return nil, fmt.Errorf("read tree %s: %w", dir, err)
		}
		if ents[i], err = parseRawTree(data[i]); err != nil {
			return nil, fmt.Errorf("read tree %s: %w", dir, err)
		}
	}
	subtrees := func(i int) map[string]plumbing.Hash {
		m := map[string]plumbing.Hash{}
		for _, e := range ents[i] {
			if e.mode(data[i]) == modeDir {
				m[string(data[i][e.name:e.nul])] = e.hash(data[i])
			}
		}
		return m
	}
	a, b := subtrees(0), subtrees(1)
	var out []TreeChange
	for name, h := range b {
		if a[name] != h {
			out = append(out, TreeChange{Path: path.Join(dir, name), From: a[name], To: h})
		}
	}
	for name, h := range a {
		if _, ok := b[name]; !ok {
			out = append(out, TreeChange{Path: path.Join(dir, name), From: h})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// treeAt returns the tree at dir in tree root (zero when there is none).
func (r *Repo) treeAt(root plumbing.Hash, dir string) (plumbing.Hash, error) {
	cur, rest := root, dir
	for rest != "" && !cur.IsZero() {
		name, after, _ := cutSlash(rest)
		data, err := r.readRaw(plumbing.TreeObject, cur)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		ents, err := parseRawTree(data)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		i := lookupRaw(data, ents, name)
		if i < 0 || ents[i].mode(data) != modeDir {
			return plumbing.ZeroHash, nil
		}
		cur, rest = ents[i].hash(data), after
	}
	return cur, nil
}

// ReadBlob returns the content of blob h.
func (r *Repo) ReadBlob(h plumbing.Hash) ([]byte, error) {
	return r.readRaw(plumbing.BlobObject, h)
}

// diffTrees appends the file changes between a and b below dir to out, and
// calls newTree, when set, for each tree of b that a lacks; enter, when
// set, says which directories below the root to compare.
func (r *Repo) diffTrees(a, b plumbing.Hash, dir string, out *[]FileChange, newTree func(plumbing.Hash), enter func(string) bool) error {
	if a == b {
		return nil
	}
	var ad, bd []byte
	var ae, be []rawEntry
	var err error
	if !a.IsZero() {
		if ad, err = r.readRaw(plumbing.TreeObject, a); err != nil {
			return fmt.Errorf("read tree %s: %w", dir, err)
		}
		if ae, err = parseRawTree(ad); err != nil {
			return fmt.Errorf("read tree %s: %w", dir, err)
		}
	}
	if !b.IsZero() {
		if newTree != nil {
			newTree(b)
		}
		if bd, err = r.readRaw(plumbing.TreeObject, b); err != nil {
			return fmt.Errorf("read tree %s: %w", dir, err)
		}
		if be, err = parseRawTree(bd); err != nil {
			return fmt.Errorf("read tree %s: %w", dir, err)
		}
	}
	// One side's entry against the other's, as a merge of two sorted lists.
	type side struct {
		name string
		mode entryMode
		hash plumbing.Hash
	}
	get := func(data []byte, e rawEntry) side {
		return side{string(data[e.name:e.nul]), e.mode(data), e.hash(data)}
	}
	emit := func(x, y *side) error {
		name := ""
		if x != nil {
			name = x.name
		} else {
			name = y.name
		}
		p := path.Join(dir, name)
		var xd, yd plumbing.Hash // subtrees
		var xf, yf *side         // files
		for _, s := range []struct {
			in   *side
			tree *plumbing.Hash
			file **side
		}{{x, &xd, &xf}, {y, &yd, &yf}} {
			switch {
			case s.in == nil:
			case s.in.mode == modeDir:
				*s.tree = s.in.hash
			case s.in.mode == modeOther:
				return &NotRegularError{Path: p}
			default:
				*s.file = s.in
			}
		}
		if (!xd.IsZero() || !yd.IsZero()) && (enter == nil || enter(p)) {
			if err := r.diffTrees(xd, yd, p, out, newTree, enter); err != nil {
				return err
			}
		}
		switch {
		case xf == nil && yf == nil:
		case xf == nil:
			*out = append(*out, FileChange{Path: p, To: yf.hash, Executable: yf.mode == modeExec})
		case yf == nil:
			*out = append(*out, FileChange{Path: p, From: xf.hash, Executable: xf.mode == modeExec})
		case xf.hash != yf.hash || xf.mode != yf.mode:
			*out = append(*out, FileChange{Path: p, From: xf.hash, To: yf.hash, Executable: yf.mode == modeExec})
		}
		return nil
	}
	i, j := 0, 0
	for i < len(ae) || j < len(be) {
		switch {
		case j == len(be):
			x := get(ad, ae[i])
			i++
			if err := emit(&x, nil); err != nil {
				return err
			}
		case i == len(ae):
			y := get(bd, be[j])
			j++
			if err := emit(nil, &y); err != nil {
				return err
			}
		default:
			x, y := get(ad, ae[i]), get(bd, be[j])
			switch {
			case x.name == y.name:
				i++
				j++
				if x.hash == y.hash && x.mode == y.mode {
					continue
				}
				if err := emit(&x, &y); err != nil {
					return err
				}
			case gitNameLess(x.name, x.mode == modeDir, y.name, y.mode == modeDir):
				i++
				if err := emit(&x, nil); err != nil {
					return err
				}
			default:
				j++
				if err := emit(nil, &y); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// blobAt returns the blob at p in tree (zero when absent) and whether it
// is executable.
func (r *Repo) blobAt(tree plumbing.Hash, p string) (plumbing.Hash, bool, error) {
	cur := tree
	rest := p
	for !cur.IsZero() {
		name, after, more := cutSlash(rest)
		data, err := r.readRaw(plumbing.TreeObject, cur)
		if err != nil {
			return plumbing.ZeroHash, false, err
		}
		ents, err := parseRawTree(data)
		if err != nil {
			return plumbing.ZeroHash, false, err
		}
		i := lookupRaw(data, ents, name)
		if i < 0 {
			return plumbing.ZeroHash, false, nil
		}
		m := ents[i].mode(data)
		if !more {
			switch m {
			case modeDir:
				return plumbing.ZeroHash, false, nil
			case modeOther:
				return plumbing.ZeroHash, false, &NotRegularError{Path: p}
			}
			return ents[i].hash(data), m == modeExec, nil
		}
		if m != modeDir {
			return plumbing.ZeroHash, false, nil
		}
		cur, rest = ents[i].hash(data), after
	}
	return plumbing.ZeroHash, false, nil
}

func cutSlash(p string) (first, rest string, more bool) {
	for i := 0; i < len(p); i++ {
		if p[i] == '/' {
			return p[:i], p[i+1:], true
		}
	}
	return p, "", false
}

// BlobAt returns the blob of the file at p in commit's tree, or the zero
// hash when the commit has no such file.
func (r *Repo) BlobAt(commit plumbing.Hash, p string) (plumbing.Hash, error) {
	c, err := object.GetCommit(r.storage, commit)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	h, _, err := r.blobAt(c.TreeHash, p)
	return h, err
}
