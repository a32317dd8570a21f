package gitstore

// The index (.git/index) is read and written here at the byte level rather
// than through go-git's plumbing/format/index, because a commit must leave
// every other path's entry exactly as it was, and go-git's round trip does
// not: its decoder drops the assume-unchanged bit, its encoder writes no
// extensions, and it sorts entries by name alone with an unstable sort, which
// can reorder the stages of a conflicted path. Here unchanged entries keep
// their bytes, and extensions are kept, invalidated or dropped as git itself
// would treat them after changing a few entries.
//
// Format: Documentation/gitformat-index.txt in git's source.

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/go-git/go-git/v5/plumbing"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

const (
	hashLen          = sha1.Size
	entryFixedLen    = 62 // stat data, mode, hash, flags
	flagExtended     = 0x4000
	flagNameMask     = 0x0fff
	modeRegularFile  = 0o100644
	modeExecutable   = 0o100755
	indexLockWait    = 2 * time.Second
	indexLockPoll    = 20 * time.Millisecond
	indexDefaultVers = 2
)

// indexStat is the stat data of an index entry, as git stores it.
type indexStat struct {
	ctimeSec, ctimeNsec, mtimeSec, mtimeNsec uint32
	dev, ino, uid, gid, size                 uint32
}

// indexEntry is one entry, as offsets into the bytes that hold it: the
// file read (idx.data; in version 4 its name is in idx.names, since the
// file holds only a suffix) or, for an entry made here, idx.made. It holds
// no pointer, so the 250,000 entries of a large store are one flat
// allocation the garbage collector never scans, and reading them makes no
// slice per entry. Accessors: idx.name, idx.fixed; an entry read is
// written back as its bytes fixedAt to rawEnd (writeTo).
type indexEntry struct {
	fixedAt  uint32 // where the fixed part (stat data, mode, hash, flags) starts
	nameAt   uint32
	nameLen  uint32
	rawEnd   uint32 // where the entry's bytes as read end
	ord      int32  // position in the file read; -1 for an entry made here
	fixedLen uint8  // 62, or 64 with extended flags
	made     bool   // in idx.made, not read from the file
}

// name is e's path.
func (idx *indexFile) name(e *indexEntry) []byte {
	buf := idx.data
	switch {
	case e.made:
		buf = idx.made
	case idx.version == 4:
		buf = idx.names
	}
	return buf[e.nameAt : e.nameAt+e.nameLen : e.nameAt+e.nameLen]
}

// nameAt is the path of the i-th entry.
func (idx *indexFile) nameAt(i int) []byte { return idx.name(&idx.entries[i]) }

// fixed is e's fixed part; a change to it changes the entry as written.
func (idx *indexFile) fixed(e *indexEntry) []byte {
	buf := idx.data
	if e.made {
		buf = idx.made
	}
	end := e.fixedAt + uint32(e.fixedLen)
	return buf[e.fixedAt:end:end]
}

// newEntry makes a stage-0 entry for a regular file with the given blob;
// executable gives it mode 100755.
func (idx *indexFile) newEntry(name string, blob [hashLen]byte, st indexStat, executable bool) indexEntry {
	mode := uint32(modeRegularFile)
	if executable {
		mode = modeExecutable
	}
	at := len(idx.made)
	idx.made = append(idx.made, make([]byte, entryFixedLen)...)
	b := idx.made[at:]
	for i, v := range []uint32{st.ctimeSec, st.ctimeNsec, st.mtimeSec, st.mtimeNsec,
		st.dev, st.ino, mode, st.uid, st.gid, st.size} {
		binary.BigEndian.PutUint32(b[4*i:], v)
	}
	copy(b[40:60], blob[:])
	binary.BigEndian.PutUint16(b[60:62], uint16(min(len(name), flagNameMask)))
	idx.made = append(idx.made, name...)
	return indexEntry{fixedAt: uint32(at), nameAt: uint32(at + entryFixedLen), nameLen: uint32(len(name)),
		ord: -1, fixedLen: entryFixedLen, made: true}
}

// indexExt is an extension kept from the file read. The TREE extension's
// data is rewritten on the way out, with the changed directories marked.
type indexExt struct {
	sig  string
	data []byte
}

type indexFile struct {
	mtime   time.Time // of the file read; zero for a new index
	version uint32
	entries []indexEntry // sorted by name, then stage
	exts    []indexExt
	data    []byte // the file read
	names   []byte // version 4: the entries' names, which the file holds only in part
	made    []byte // the entries made here: fixed part, then name
	// invalid lists, for each directory of the cache tree that a change
	// invalidates ("" for the root), the names of its subdirectories that
	// are invalidated too.
	invalid map[string]map[string]bool
}

// readIndex reads path; a missing index (a new repository) is an empty one.
func readIndex(path string) (*indexFile, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &indexFile{version: indexDefaultVers}, nil
	}
	if err != nil {
		return nil, err
	}
	// Read under index.lock, so the file cannot change between the two.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	idx, err := parseIndex(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	idx.mtime = fi.ModTime()
	return idx, nil
}

// mapIndex is readIndex with the file mapped into memory (mapFile) rather
// than copied: a note add at 10,000 cases spent a tenth of its time
// reading the 27 MB index. The caller calls release when it is done with
// idx and every slice it gave; after it, idx must not be used.
func mapIndex(path string) (idx *indexFile, release func(), err error) {
	data, unmap, err := mapFile(path, true)
	if errors.Is(err, fs.ErrNotExist) {
		return &indexFile{version: indexDefaultVers}, func() {}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	fi, err := os.Stat(path)
	if err == nil {
		idx, err = parseIndex(data)
	}
	if err != nil {
		unmap()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	idx.mtime = fi.ModTime()
	return idx, func() {
		idx.data, idx.exts = nil, nil
		unmap()
	}, nil
}

func parseIndex(data []byte) (*indexFile, error) {
	if len(data) < 12+hashLen || string(data[:4]) != "DIRC" {
		return nil, errors.New("not a git index file")
	}
	// The trailing checksum is not verified: git itself checks it only in
	// git fsck, and it would cost a SHA-1 over the whole file (about 4 ms
	// at 50,000 entries). The parse below checks every bound it relies on.
	end := len(data) - hashLen
	idx := &indexFile{version: binary.BigEndian.Uint32(data[4:8]), data: data}
	if idx.version < 2 || idx.version > 4 {
		return nil, fmt.Errorf("index version %d is not supported", idx.version)
	}
	if end > math.MaxUint32 {
		return nil, errors.New("index is over 4 GiB")
	}
	count := int(binary.BigEndian.Uint32(data[8:12]))
	if count > end/entryFixedLen {
		return nil, errors.New("index entry count is corrupt")
	}
	idx.entries = make([]indexEntry, count, count+16) // room for a commit's new entries
	pos := 12
	var prev []byte // version 4: the previous entry's name
	if idx.version == 4 {
		idx.names = make([]byte, 0, end)
	}
	for i := range idx.entries {
		if pos+entryFixedLen > end {
			return nil, errors.New("index is truncated")
		}
		flags := binary.BigEndian.Uint16(data[pos+60:])
		fixedLen := entryFixedLen
		if flags&flagExtended != 0 {
			if idx.version < 3 {
				return nil, errors.New("extended index entry in a version 2 index")
			}
			fixedLen += 2
		}
		e := &idx.entries[i]
		e.fixedAt, e.fixedLen, e.ord = uint32(pos), uint8(fixedLen), int32(i)
		p := pos + fixedLen
		if idx.version == 4 {
			strip, n := readVarint(data[p:end])
			if n == 0 || strip > uint64(len(prev)) {
				return nil, errors.New("index entry name is corrupt")
			}
			p += n
			nul := bytes.IndexByte(data[p:end], 0)
			if nul < 0 {
				return nil, errors.New("index is truncated")
			}
			n0 := len(idx.names)
			idx.names = append(idx.names, prev[:len(prev)-int(strip)]...)
			idx.names = append(idx.names, data[p:p+nul]...)
			e.nameAt, e.nameLen = uint32(n0), uint32(len(idx.names)-n0)
			prev = idx.names[n0:]
			pos = p + nul + 1
		} else {
			nameLen := int(flags & flagNameMask)
			if nameLen == flagNameMask {
				nameLen = bytes.IndexByte(data[p:end], 0)
			}
			if nameLen < 0 || p+nameLen >= end {
				return nil, errors.New("index is truncated")
			}
			e.nameAt, e.nameLen = uint32(p), uint32(nameLen)
			pos += (fixedLen + nameLen + 8) &^ 7
		}
		if pos > end {
			return nil, errors.New("index is truncated")
		}
		e.rawEnd = uint32(pos)
	}
	for pos < end {
		if pos+8 > end {
			return nil, errors.New("index extension is truncated")
		}
		sig := string(data[pos : pos+4])
		size := int(binary.BigEndian.Uint32(data[pos+4:]))
		if size > end-pos-8 {
			return nil, errors.New("index extension is truncated")
		}
		body := data[pos+8 : pos+8+size]
		pos += 8 + size
		switch {
		case sig == "TREE":
			if rest, err := skipCacheTree(body); err != nil || len(rest) != 0 {
				// A cache is only an optimisation; git rebuilds a missing one.
				continue
			}
			idx.exts = append(idx.exts, indexExt{sig: sig, data: body})
		case sig == "REUC":
			// Resolve-undo is keyed by path, not position: still right.
			idx.exts = append(idx.exts, indexExt{sig: sig, data: body})
		case sig == "link":
			return nil, errors.New("the index is split (core.splitIndex), which is not supported; hint: run 'git update-index --no-split-index'")
		case sig == "sdir":
			return nil, errors.New("the index is sparse (index.sparse), which is not supported; hint: run 'git sparse-checkout disable' or set index.sparse=false")
		case sig[0] >= 'A' && sig[0] <= 'Z':
			// Other optional extensions are caches tied to entry positions
			// or to the work tree (UNTR, FSMN, EOIE, IEOT); dropping one is
			// always allowed and git rebuilds it.
		default:
			return nil, fmt.Errorf("index extension %q is not supported", sig)
		}
	}
	return idx, nil
}

// writeTo writes the index with its trailing checksum to w.
func (idx *indexFile) writeTo(w io.Writer) error {
	out := &pieces{}
	var hdr [12]byte
	copy(hdr[:], "DIRC")
	binary.BigEndian.PutUint32(hdr[4:], idx.version)
	binary.BigEndian.PutUint32(hdr[8:], uint32(len(idx.entries)))
	out.Write(hdr[:])
	// Entries read from disk are written as they were, and a run of them
	// that lay together in the file is written in one piece. In version 4
	// an entry is written as read only if it follows the same entry as
	// before, as its name is stored relative to the previous one.
	var prev []byte
	prevOrd := -1 // where the entry written last was in the file read
	runFrom, runTo := 0, 0
	var pad [8]byte
	for i := range idx.entries {
		e := &idx.entries[i]
		if !e.made && (idx.version != 4 || int(e.ord) == prevOrd+1) {
			if int(e.fixedAt) != runTo {
				out.Write(idx.data[runFrom:runTo])
				runFrom = int(e.fixedAt)
			}
			runTo = int(e.rawEnd)
		} else {
			out.Write(idx.data[runFrom:runTo])
			runFrom, runTo = 0, 0
			name := idx.name(e)
			out.Write(idx.fixed(e))
			if idx.version == 4 {
				common := 0
				for common < len(prev) && common < len(name) && prev[common] == name[common] {
					common++
				}
				out.Write(appendVarint(nil, uint64(len(prev)-common)))
				out.Write(name[common:])
				out.WriteByte(0)
			} else {
				out.Write(name)
				n := int(e.fixedLen) + len(name)
				out.Write(pad[:((n+8)&^7)-n])
			}
		}
		if idx.version == 4 {
			prev = idx.name(e)
		}
		prevOrd = int(e.ord)
		if e.made {
			prevOrd = -2 // nothing follows a new entry on disk
		}
	}
	out.Write(idx.data[runFrom:runTo])
	for _, x := range idx.exts {
		data := x.data
		if x.sig == "TREE" && idx.invalid != nil {
			var err error
			if _, data, err = rewriteCacheTree(data, "", true, idx.invalid, nil); err != nil {
				return err // cannot happen: the data was checked when read
			}
		}
		var h [8]byte
		copy(h[:], x.sig)
		binary.BigEndian.PutUint32(h[4:], uint32(len(data)))
		out.Write(h[:])
		out.Write(data)
	}
	// The trailer's SHA-1 is computed beside the writing, on another core:
	// at 10,000 cases each takes a tenth of a note add.
	out.flush()
	var sum [hashLen]byte
	hashed := make(chan struct{})
	go func() {
		h := sha1.New()
		for _, b := range out.list {
			h.Write(b)
		}
		h.Sum(sum[:0])
		close(hashed)
	}()
	var err error
	for _, b := range out.list {
		if _, err = w.Write(b); err != nil {
			break
		}
	}
	<-hashed
	if err != nil {
		return err
	}
	_, err = w.Write(sum[:])
	return err
}

// pieces gathers what writeTo writes as a list of byte slices: the runs
// of entries as read, left where they are in the file read, and the small
// pieces between them, gathered in one buffer. Nothing is copied twice,
// and the writing and the hashing can each go through the list.
type pieces struct {
	list  [][]byte
	small []byte
}

func (p *pieces) Write(b []byte) (int, error) {
	if len(b) >= 4<<10 {
		p.flush()
		p.list = append(p.list, b)
	} else {
		p.small = append(p.small, b...)
	}
	return len(b), nil
}

func (p *pieces) WriteByte(c byte) error {
	p.small = append(p.small, c)
	return nil
}

// flush ends the buffer of small pieces; the next one starts a new one.
func (p *pieces) flush() {
	if len(p.small) > 0 {
		p.list = append(p.list, p.small)
		p.small = nil
	}
}

// smudgeRacy protects entries that git cannot trust yet. git trusts an
// entry's stat data only if the file's mtime is older than the index file's:
// a file changed in the same second the index was written may look unchanged
// while it is not ("racy git"), so git re-reads such files. Writing a new
// index, newer than those files, would make git trust them; so, as git does
// when it rewrites an index, a racy entry whose file still looks unchanged
// gets its recorded size set to 0, which makes git compare the content again.
// git compares the content first and smudges only changed files; smudging
// without reading is equally correct. Only the seconds of mtime and the size
// are compared, the least any git build (or core.checkStat=minimal) checks.
func (idx *indexFile) smudgeRacy(root string) {
	if idx.mtime.IsZero() {
		return
	}
	sec := uint32(idx.mtime.Unix())
	for i := range idx.entries {
		fixed := idx.fixed(&idx.entries[i])
		mode := binary.BigEndian.Uint32(fixed[24:28])
		if mode&0o170000 == 0o160000 { // a submodule: git always looks inside
			continue
		}
		mtime := binary.BigEndian.Uint32(fixed[8:12])
		if mtime < sec {
			continue
		}
		fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(string(idx.nameAt(i)))))
		if err != nil {
			continue // git sees the file is gone
		}
		if uint32(fi.ModTime().Unix()) == mtime && uint32(fi.Size()) == binary.BigEndian.Uint32(fixed[36:40]) {
			binary.BigEndian.PutUint32(fixed[36:40], 0)
		}
	}
}

// indexUpdate is the new entry for one committed path, or a removal when
// entry is nil.
type indexUpdate struct {
	path  string
	entry *indexEntry
}

// checkConflicts refuses paths that would turn a tracked file into a
// directory or a tracked directory into a file.
func (idx *indexFile) checkConflicts(path string) error {
	i := idx.search(path + "/")
	if i < len(idx.entries) && strings.HasPrefix(string(idx.nameAt(i)), path+"/") {
		return fmt.Errorf("%s: the index has files under it (%s)", path, idx.nameAt(i))
	}
	for dir := parentDir(path); dir != ""; dir = parentDir(dir) {
		if idx.find(dir) >= 0 {
			return fmt.Errorf("%s: the index has a file at %s", path, dir)
		}
	}
	return nil
}

// search returns the position of the first entry whose name is name or
// sorts after it.
func (idx *indexFile) search(name string) int {
	return sort.Search(len(idx.entries), func(i int) bool { return string(idx.nameAt(i)) >= name })
}

// find returns the position of the first entry named name, or -1.
func (idx *indexFile) find(name string) int {
	i := idx.search(name)
	if i < len(idx.entries) && string(idx.nameAt(i)) == name {
		return i
	}
	return -1
}

// apply replaces or removes the entries of the updated paths (all stages of
// a conflicted path, as git add does), keeps every other entry as it was and
// invalidates the cached trees above each updated path.
func (idx *indexFile) apply(updates []indexUpdate) {
	if len(updates) > inPlaceUpdates {
		idx.merge(updates)
		return
	}
	// Edited in place: the entries slice of a 50,000-entry index is 4 MB,
	// and a commit changes a handful of them.
	for _, u := range updates {
		i := idx.search(u.path)
		j := i
		for j < len(idx.entries) && string(idx.nameAt(j)) == u.path {
			j++
		}
		if u.entry != nil {
			idx.entries = slices.Replace(idx.entries, i, j, *u.entry)
		} else {
			idx.entries = slices.Delete(idx.entries, i, j)
		}
		idx.invalidate(u.path)
	}
}

// inPlaceUpdates is the most updates apply makes one by one: each moves
// the entries after it, so an import of thousands of cases into a large
// store would move the whole index thousands of times. More are merged in
// one pass (merge).
const inPlaceUpdates = 64

// merge is apply for many updates: one pass over the entries and the
// updates sorted by path, the same result as applying them in turn (for a
// path updated twice, the later update stands).
func (idx *indexFile) merge(updates []indexUpdate) {
	ups := slices.Clone(updates)
	slices.SortStableFunc(ups, func(a, b indexUpdate) int { return strings.Compare(a.path, b.path) })
	out := make([]indexEntry, 0, len(idx.entries)+len(ups))
	i := 0
	for k, u := range ups {
		if k+1 < len(ups) && ups[k+1].path == u.path {
			continue // a later update of the same path stands
		}
		for i < len(idx.entries) && string(idx.nameAt(i)) < u.path {
			out = append(out, idx.entries[i])
			i++
		}
		for i < len(idx.entries) && string(idx.nameAt(i)) == u.path {
			i++ // every stage of the path goes, as in apply
		}
		if u.entry != nil {
			out = append(out, *u.entry)
		}
		idx.invalidate(u.path)
	}
	idx.entries = append(out, idx.entries[i:]...)
}

// The TREE extension (the cache tree) records, for the root and each
// directory, the tree object the index would produce, or an entry count of
// -1 when that is unknown. Each node is "<name>\x00<entry count>
// <subtree count>\n", then the tree hash if the count is not -1, then its
// subtrees. It is rewritten as raw bytes: a 10,000-case store has some
// 20,000 nodes, and only the few along a changed path need touching.

// invalidate marks the root and every directory above path, as git does
// when it changes an index entry.
func (idx *indexFile) invalidate(path string) {
	if idx.invalid == nil {
		idx.invalid = map[string]map[string]bool{}
	}
	parent := ""
	parts := strings.Split(path, "/")
	for _, dir := range parts[:len(parts)-1] {
		if idx.invalid[parent] == nil {
			idx.invalid[parent] = map[string]bool{}
		}
		idx.invalid[parent][dir] = true
		parent = strings.TrimPrefix(parent+"/"+dir, "/")
	}
	if idx.invalid[parent] == nil {
		idx.invalid[parent] = map[string]bool{}
	}
}

var errCorruptCacheTree = errors.New("corrupt TREE extension")

// cacheTreeHeader parses one node's header.
func cacheTreeHeader(b []byte) (name []byte, entries, subtrees int, rest []byte, err error) {
	bad := errCorruptCacheTree
	nul := bytes.IndexByte(b, 0)
	if nul < 0 {
		return nil, 0, 0, nil, bad
	}
	name, b = b[:nul], b[nul+1:]
	nl := bytes.IndexByte(b, '\n')
	sp := bytes.IndexByte(b, ' ')
	if nl < 0 || sp < 0 || sp > nl {
		return nil, 0, 0, nil, bad
	}
	var ok1, ok2 bool
	entries, ok1 = atoi(b[:sp])
	subtrees, ok2 = atoi(b[sp+1 : nl])
	if !ok1 || !ok2 || subtrees < 0 {
		return nil, 0, 0, nil, bad
	}
	b = b[nl+1:]
	if entries >= 0 {
		if len(b) < hashLen {
			return nil, 0, 0, nil, bad
		}
		b = b[hashLen:]
	}
	return name, entries, subtrees, b, nil
}

// atoi parses a decimal integer without allocating (strconv.Atoi on a
// converted string allocates: some 20,000 times per index read).
func atoi(b []byte) (int, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// cachedTrees returns the tree hash the TREE extension records for each
// directory it holds valid ("" for the root), by path: the tree the
// index's entries under it would make. Nil when the index has no usable
// extension.
func (idx *indexFile) cachedTrees() map[string]plumbing.Hash {
	for _, x := range idx.exts {
		if x.sig != "TREE" {
			continue
		}
		out := map[string]plumbing.Hash{}
		if _, err := readCacheTree(x.data, "", out); err != nil {
			return nil
		}
		return out
	}
	return nil
}

// readCacheTree adds the valid nodes of the node at the start of b, whose
// directory is dir, to out, and returns what follows it.
func readCacheTree(b []byte, dir string, out map[string]plumbing.Hash) ([]byte, error) {
	name, entries, subtrees, rest, err := cacheTreeHeader(b)
	if err != nil {
		return nil, err
	}
	if len(name) > 0 {
		dir = strings.TrimPrefix(dir+"/"+string(name), "/")
	}
	if entries >= 0 {
		var h plumbing.Hash
		// The hash sits just before rest: cacheTreeHeader skipped it.
		hashAt := len(b) - len(rest) - hashLen
		copy(h[:], b[hashAt:hashAt+hashLen])
		out[dir] = h
	}
	for range subtrees {
		if rest, err = readCacheTree(rest, dir, out); err != nil {
			return nil, err
		}
	}
	return rest, nil
}

// skipCacheTree returns what follows the node at the start of b.
func skipCacheTree(b []byte) ([]byte, error) {
	_, _, subtrees, rest, err := cacheTreeHeader(b)
	for range subtrees {
		if err != nil {
			break
		}
		rest, err = skipCacheTree(rest)
	}
	return rest, err
}

// rewriteCacheTree appends the node at the start of b to out, marked
// invalid (and without its hash) if it is, and returns what follows it.
// A node that stays valid is copied whole.
func rewriteCacheTree(b []byte, path string, invalid bool, inv map[string]map[string]bool, out []byte) ([]byte, []byte, error) {
	if !invalid {
		rest, err := skipCacheTree(b)
		return rest, append(out, b[:len(b)-len(rest)]...), err
	}
	name, _, subtrees, rest, err := cacheTreeHeader(b)
	if err != nil {
		return nil, nil, err
	}
	out = append(out, name...)
	out = append(out, "\x00-1 "...)
	out = strconv.AppendInt(out, int64(subtrees), 10)
	out = append(out, '\n')
	children := inv[path]
	for range subtrees {
		sub, _, _, _, err := cacheTreeHeader(rest)
		if err != nil {
			return nil, nil, err
		}
		subInvalid := children[string(sub)]
		subPath := ""
		if subInvalid {
			subPath = strings.TrimPrefix(path+"/"+string(sub), "/")
		}
		if rest, out, err = rewriteCacheTree(rest, subPath, subInvalid, inv, out); err != nil {
			return nil, nil, err
		}
	}
	return rest, out, nil
}

// readVarint decodes git's offset varint (as in OFS_DELTA), used for the
// name prefix length of index v4; n is 0 when b ends early.
func readVarint(b []byte) (v uint64, n int) {
	if len(b) == 0 {
		return 0, 0
	}
	c := b[0]
	v = uint64(c & 0x7f)
	n = 1
	for c&0x80 != 0 {
		if n >= len(b) || n > 9 {
			return 0, 0
		}
		c = b[n]
		n++
		v = ((v + 1) << 7) | uint64(c&0x7f)
	}
	return v, n
}

func appendVarint(b []byte, v uint64) []byte {
	var buf [16]byte
	pos := len(buf) - 1
	buf[pos] = byte(v & 0x7f)
	for v >>= 7; v != 0; v >>= 7 {
		v--
		pos--
		buf[pos] = 0x80 | byte(v&0x7f)
	}
	return append(b, buf[pos:]...)
}

// GitLockError says a git lock file — .git/index.lock, a ref's or the
// config's — stayed in place through the wait: a git command is at work,
// or one was stopped and left it behind (git's own behaviour after a
// crash; what a killed caseplan left, its journal clears). It is the one
// answer to every git lock caseplan takes, so the hint (pkg/cli) can say
// what is locked and give the file to remove. errors.Is(err, ErrIndexLocked)
// is true for the index's, errors.Is(err, ErrConcurrentUpdate) for a
// branch's.
type GitLockError struct {
	Path string // the lock file
	What string // what it locks, in words: "git index", "branch refs/heads/main"
	is   error  // the sentinel errors.Is matches, if any
}

func (e *GitLockError) Error() string {
	return fmt.Sprintf("%s is locked: %s exists: another git command is at work in this clone, or one was stopped and left the file behind", e.What, e.Path)
}

// Is makes errors.Is true for the sentinel of the lock's kind.
func (e *GitLockError) Is(target error) bool { return e.is != nil && target == e.is }

// lockIndex creates .git/index.lock the way git does (O_EXCL), which keeps
// git commands out of the index until the lock is renamed over the index or
// removed. An existing lock is waited on briefly: git commands are short.
func lockIndex(gitDir string) (*os.File, error) {
	path := filepath.Join(gitDir, "index.lock")
	deadline := time.Now().Add(indexLockWait)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("lock index: %w", err)
		}
		if time.Now().After(deadline) {
			return nil, &GitLockError{Path: path, What: "git index", is: ErrIndexLocked}
		}
		time.Sleep(indexLockPoll)
	}
}

func parentDir(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ""
	}
	return p[:i]
}
