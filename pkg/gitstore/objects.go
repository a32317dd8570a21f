package gitstore

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// writeLoose stores data as a loose object of type typ and returns its hash.
//
// It does what go-git's ObjectStorage.SetEncodedObject does, faster: go-git
// compresses at zlib's default level, which took 85 ms for the 370 KB tree
// of a 10,000-case directory here; this compresses at best speed, git's own
// default for loose objects (core.looseCompression), so a commit adds what
// the git CLI's would to .git/objects. Large trees were once stored
// uncompressed to save a few milliseconds, and a 10,000-case store then grew
// by 14 GB of loose objects; packing (PackLoose) bounds the rest. Hashing
// uses crypto/sha1 rather than go-git's slower collision-detecting SHA-1,
// and an object that already exists loose is not written again (its time is
// made now instead, as git does). Like git by default, loose objects are not
// fsynced.
func (r *Repo) writeLoose(typ plumbing.ObjectType, data []byte) (plumbing.Hash, error) {
	hdr := typ.String() + " " + strconv.Itoa(len(data)) + "\x00"
	sum := sha1.New()
	sum.Write([]byte(hdr))
	sum.Write(data)
	var h plumbing.Hash
	copy(h[:], sum.Sum(nil))

	hex := h.String()
	dir := filepath.Join(r.commonDir, "objects", hex[:2])
	final := filepath.Join(dir, hex[2:])
	if _, err := os.Lstat(final); err == nil {
		// The object may be one nothing reaches (a journal's copy of a
		// hand edit, a write undone or left uncommitted) and old enough
		// for git gc to prune it — which it would do even as this write
		// makes a commit that needs it. Its time is made now, as git
		// freshens an object it finds already written; where that is not
		// allowed (another user's file), it is written anew.
		now := time.Now()
		if os.Chtimes(final, now, now) == nil {
			return h, nil
		}
	}
	f, err := r.createObjectTemp(dir)
	if err != nil {
		return h, err
	}
	defer func() {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	zw, err := zlib.NewWriterLevel(f, zlib.BestSpeed)
	if err != nil {
		return h, err
	}
	if _, err := zw.Write([]byte(hdr)); err != nil {
		return h, err
	}
	if _, err := zw.Write(data); err != nil {
		return h, err
	}
	if err := zw.Close(); err != nil {
		return h, err
	}
	if err := f.Chmod(0o444); err != nil { // objects are immutable, as git makes them
		return h, err
	}
	if err := f.Close(); err != nil {
		return h, err
	}
	if err := os.Rename(f.Name(), final); err != nil {
		return h, err
	}
	f = nil
	return h, nil
}

// createObjectTemp creates a temporary file in the objects directory dir
// (objects/xx), making dir when it is missing. git gc removes the
// directories it empties (git prune-packed) at any moment, even between
// caseplan making one and creating a file in it, so a missing directory
// is made again and the file tried again, as git itself does.
func (r *Repo) createObjectTemp(dir string) (*os.File, error) {
	for try := 0; ; try++ {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		if r.beforeObjectTemp != nil {
			r.beforeObjectTemp(dir)
		}
		f, err := os.CreateTemp(dir, "tmp_obj_")
		if err == nil || !errors.Is(err, fs.ErrNotExist) || try == 4 {
			return f, err
		}
	}
}

// readRaw returns an object's content.
func (r *Repo) readRaw(typ plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	obj, err := r.objects.EncodedObject(typ, h)
	if err != nil {
		return nil, err
	}
	if o, ok := obj.(*rawObject); ok {
		return o.data, nil
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	var buf bytes.Buffer
	buf.Grow(int(obj.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(rd); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// A raw tree is edited in its encoded form: each entry is
// "<octal mode> <name>\x00<20-byte hash>", sorted in git's order. Only the
// changed entries are touched; a 10,000-entry directory is copied in a few
// slices instead of being decoded into 10,000 values and encoded back.

// rawEntry locates one entry in a raw tree.
type rawEntry struct {
	start, name, nul int // where the mode, the name and the name's NUL start
}

func (e rawEntry) end() int { return e.nul + 1 + hashLen }

func (e rawEntry) isDir(data []byte) bool { return string(data[e.start:e.name-1]) == "40000" }

func (e rawEntry) hash(data []byte) (h plumbing.Hash) {
	copy(h[:], data[e.nul+1:e.end()])
	return h
}

func parseRawTree(data []byte) ([]rawEntry, error) {
	var ents []rawEntry
	for pos := 0; pos < len(data); {
		sp := bytes.IndexByte(data[pos:], ' ')
		if sp < 0 {
			return nil, errors.New("corrupt tree object")
		}
		nul := bytes.IndexByte(data[pos+sp:], 0)
		if nul < 0 {
			return nil, errors.New("corrupt tree object")
		}
		e := rawEntry{start: pos, name: pos + sp + 1, nul: pos + sp + nul}
		if e.end() > len(data) {
			return nil, errors.New("corrupt tree object")
		}
		ents = append(ents, e)
		pos = e.end()
	}
	return ents, nil
}

// gitNameLess orders tree entry names as git does: bytewise, with a
// directory's name read as if it ended in "/".
func gitNameLess(a string, aDir bool, b string, bDir bool) bool {
	n := min(len(a), len(b))
	if c := strings.Compare(a[:n], b[:n]); c != 0 {
		return c < 0
	}
	next := func(s string, dir bool) byte {
		if len(s) > n {
			return s[n]
		}
		if dir {
			return '/'
		}
		return 0
	}
	return next(a, aDir) < next(b, bDir)
}

// lookupRaw returns the index of the entry named name, or -1.
func lookupRaw(data []byte, ents []rawEntry, name string) int {
	for _, dir := range []bool{false, true} {
		i := sort.Search(len(ents), func(i int) bool {
			e := ents[i]
			return !gitNameLess(string(data[e.name:e.nul]), e.isDir(data), name, dir)
		})
		if i < len(ents) && string(data[ents[i].name:ents[i].nul]) == name && ents[i].isDir(data) == dir {
			return i
		}
	}
	return -1
}

// treeEdit is the part of a commit's changes below one directory.
type treeEdit struct {
	files map[string]*Change
	dirs  map[string]*treeEdit
}

// buildTree writes the trees along the changed paths, starting from base
// (the zero hash for the first commit), and returns the new root tree.
// Every other subtree is reused by hash, so the cost follows the depth of
// the changes and the size of the directories on their way, not the
// repository.
func (r *Repo) buildTree(base plumbing.Hash, changes []Change, blobs map[string]plumbing.Hash) (plumbing.Hash, error) {
	root := &treeEdit{}
	for i := range changes {
		c := &changes[i]
		parts := strings.Split(c.Path, "/")
		e := root
		for _, dir := range parts[:len(parts)-1] {
			if e.dirs == nil {
				e.dirs = map[string]*treeEdit{}
			}
			next := e.dirs[dir]
			if next == nil {
				next = &treeEdit{}
				e.dirs[dir] = next
			}
			e = next
		}
		if e.files == nil {
			e.files = map[string]*Change{}
		}
		e.files[parts[len(parts)-1]] = c
	}
	h, _, err := r.editTree(base, "", root, blobs)
	return h, err
}

// treeOp replaces, removes (out == nil) or inserts (at == -1) one entry.
type treeOp struct {
	at   int
	name string
	dir  bool
	out  []byte
}

// editTree returns the hash of the tree base (zero: none) with edit applied,
// and whether the result is empty; an empty subtree is dropped from its
// parent, as git has no empty directories. The root tree may be empty.
func (r *Repo) editTree(base plumbing.Hash, dir string, edit *treeEdit, blobs map[string]plumbing.Hash) (plumbing.Hash, bool, error) {
	var data []byte
	var ents []rawEntry
	if !base.IsZero() {
		var err error
		if data, err = r.readRaw(plumbing.TreeObject, base); err != nil {
			return plumbing.ZeroHash, false, fmt.Errorf("read tree %s: %w", dir, err)
		}
		if ents, err = parseRawTree(data); err != nil {
			return plumbing.ZeroHash, false, fmt.Errorf("read tree %s: %w", dir, err)
		}
	}
	entryBytes := func(mode, name string, h plumbing.Hash) []byte {
		b := make([]byte, 0, len(mode)+len(name)+2+hashLen)
		b = append(append(append(append(b, mode...), ' '), name...), 0)
		return append(b, h[:]...)
	}
	var ops []treeOp
	removed := 0
	for name, c := range edit.files {
		p := path.Join(dir, name)
		i := lookupRaw(data, ents, name)
		if i >= 0 && ents[i].isDir(data) {
			return plumbing.ZeroHash, false, fmt.Errorf("%s: is a directory in HEAD", p)
		}
		switch {
		case c.Delete && i < 0:
			return plumbing.ZeroHash, false, fmt.Errorf("delete %s: %w", p, fs.ErrNotExist)
		case c.Delete:
			ops = append(ops, treeOp{at: i, name: name})
			removed++
		default:
			mode := "100644"
			if c.Executable {
				mode = "100755"
			}
			ops = append(ops, treeOp{at: i, name: name, out: entryBytes(mode, name, blobs[c.Path])})
		}
	}
	for name, sub := range edit.dirs {
		p := path.Join(dir, name)
		i := lookupRaw(data, ents, name)
		var subBase plumbing.Hash
		if i >= 0 {
			if !ents[i].isDir(data) {
				return plumbing.ZeroHash, false, fmt.Errorf("%s: is a file in HEAD, not a directory", p)
			}
			subBase = ents[i].hash(data)
		}
		h, empty, err := r.editTree(subBase, p, sub, blobs)
		if err != nil {
			return plumbing.ZeroHash, false, err
		}
		switch {
		case empty && i >= 0:
			ops = append(ops, treeOp{at: i, name: name, dir: true})
			removed++
		case empty:
		default:
			ops = append(ops, treeOp{at: i, name: name, dir: true, out: entryBytes("40000", name, h)})
		}
	}
	if dir != "" && removed == len(ents) && removed == len(ops) {
		return plumbing.ZeroHash, true, nil
	}

	// An insert goes before the first entry that sorts after it.
	for k := range ops {
		if ops[k].at < 0 {
			op := ops[k]
			ops[k].at = sort.Search(len(ents), func(i int) bool {
				e := ents[i]
				return gitNameLess(op.name, op.dir, string(data[e.name:e.nul]), e.isDir(data))
			})
			ops[k].at = -ops[k].at - 1 // mark as an insert before that position
		}
	}
	pos := func(op treeOp) int {
		if op.at < 0 {
			return -op.at - 1
		}
		return op.at
	}
	sort.Slice(ops, func(a, b int) bool {
		pa, pb := pos(ops[a]), pos(ops[b])
		if pa != pb {
			return pa < pb
		}
		// At one position: inserts (in git order) before the existing entry.
		if (ops[a].at < 0) != (ops[b].at < 0) {
			return ops[a].at < 0
		}
		return gitNameLess(ops[a].name, ops[a].dir, ops[b].name, ops[b].dir)
	})
	out := make([]byte, 0, len(data)+len(ops)*64)
	next := 0 // the first entry not yet copied
	for _, op := range ops {
		p := pos(op)
		if p > next {
			out = append(out, data[ents[next].start:ents[p-1].end()]...)
			next = p
		}
		out = append(out, op.out...)
		if op.at >= 0 {
			next = p + 1 // replaced or removed
		}
	}
	if next < len(ents) {
		out = append(out, data[ents[next].start:]...)
	}
	h, err := r.writeLoose(plumbing.TreeObject, out)
	if err != nil {
		return plumbing.ZeroHash, false, fmt.Errorf("write tree %s: %w", dir, err)
	}
	return h, len(out) == 0, nil
}
