package gitstore

import (
	"fmt"
	"path"

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
	err := r.diffTrees(a, b, "", &out, nil)
	return out, err
}

// diffTrees appends the file changes between a and b below dir to out, and
// calls newTree, when set, for each tree of b that a lacks.
func (r *Repo) diffTrees(a, b plumbing.Hash, dir string, out *[]FileChange, newTree func(plumbing.Hash)) error {
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
		if !xd.IsZero() || !yd.IsZero() {
			if err := r.diffTrees(xd, yd, p, out, newTree); err != nil {
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
