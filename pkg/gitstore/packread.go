package gitstore

// Reading packed objects. go-git reads a packed object through one
// scanner per pack, which is not safe for concurrent use, and keeps each
// pack's whole index in a map of its own (about 90 MB at 10,000 cases and
// 50,000 commits). A report --at a commit half a year back spent three
// quarters of its time in it, one read at a time under a lock, reading the
// 11,000 older versions of files the work tree no longer holds and the
// 19,000 trees of the commit (issue 12).
//
// packs reads them as git does: the pack index is read as it is on disk
// and searched where it lies (14 MB at 10,000 cases, against go-git's
// 90), an object is read with ReadAt from the pack file, inflated and, when it is a delta, applied to its base, resolved
// the same way. Any number of goroutines may read at once. Like git, it
// keeps the bases it had to inflate in a cache of bounded size, for the
// next delta against them. Whatever it cannot read — a pack index of
// another version, a damaged pack, an object in no pack — it leaves to
// go-git, which says why.

import (
	"bufio"
	"bytes"
	"container/list"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// errNotPacked says no pack holds the object.
var errNotPacked = errors.New("not in any pack")

// packs is the repository's packs, for reading.
type packs struct {
	dir string // objects/pack

	mu     sync.RWMutex
	list   []*packFile
	seen   time.Time   // objects/pack's modification time when listed
	listed bool        // listed at least once
	old    []*packFile // listed before, kept open until close

	cache baseCache
}

// packCacheBytes bounds the delta bases kept: go-git's bound for the same
// purpose here (see newRepo).
const packCacheBytes = 16 << 20

func newPacks(dir string) *packs {
	return &packs{dir: dir, cache: baseCache{max: packCacheBytes, index: map[baseKey]*list.Element{}}}
}

// object returns the object h, or errNotPacked.
func (ps *packs) object(h plumbing.Hash) (plumbing.ObjectType, []byte, error) {
	ps.mu.RLock()
	listed := ps.listed
	ps.mu.RUnlock()
	if !listed {
		ps.refresh()
	}
	if p, off, ok := ps.find(h); ok {
		return p.read(off, &ps.cache, ps)
	}
	if ps.refresh() { // a repack may have moved it into a new pack
		if p, off, ok := ps.find(h); ok {
			return p.read(off, &ps.cache, ps)
		}
	}
	return plumbing.InvalidObject, nil, errNotPacked
}

// refresh lists the packs again when objects/pack changed since they were
// last listed (always when first): another process may have repacked.
// It reports whether it listed them again.
func (ps *packs) refresh() bool {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	fi, err := os.Stat(ps.dir)
	if err != nil {
		ps.listed = true
		return false
	}
	if ps.listed && fi.ModTime().Equal(ps.seen) {
		return false
	}
	names, err := filepath.Glob(filepath.Join(ps.dir, "pack-*.idx"))
	if err != nil {
		return false
	}
	have := map[string]*packFile{}
	for _, p := range ps.list {
		have[p.name] = p
	}
	var list []*packFile
	for _, name := range names {
		base := strings.TrimSuffix(name, ".idx")
		if p, ok := have[base]; ok {
			list = append(list, p)
			delete(have, base)
			continue
		}
		if p, err := openPack(base); err == nil {
			list = append(list, p)
		}
	}
	for _, p := range have {
		ps.old = append(ps.old, p) // a reader may still be using it
	}
	ps.list, ps.seen, ps.listed = list, fi.ModTime(), true
	return true
}

// find returns the pack holding h and where.
func (ps *packs) find(h plumbing.Hash) (*packFile, int64, bool) {
	ps.mu.RLock()
	defer ps.mu.RUnlock()
	for _, p := range ps.list {
		if i, ok := p.find(h); ok {
			return p, p.offset(i), true
		}
	}
	return nil, 0, false
}

func (ps *packs) close() {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	for _, p := range append(ps.list, ps.old...) {
		p.close()
	}
	ps.list, ps.old, ps.listed = nil, nil, false
}

// packFile is one pack and its index (version 2, the only one git has
// written since 2007).
type packFile struct {
	name  string // the path without .idx or .pack
	pack  *os.File
	idx   []byte // the whole .idx, mapped into memory (mapFile)
	unmap func()
	n     int // objects
}

const (
	idxHeader = 8 + 256*4 // magic, version, fan-out table
	hashLen20 = 20
)

func openPack(base string) (*packFile, error) {
	idx, unmap, err := mapFile(base+".idx", false)
	if err != nil {
		return nil, err
	}
	bad := func() (*packFile, error) {
		unmap()
		return nil, fmt.Errorf("%s.idx: not a version 2 pack index", base)
	}
	if len(idx) < idxHeader || string(idx[:8]) != "\xfftOc\x00\x00\x00\x02" {
		return bad()
	}
	n := int(binary.BigEndian.Uint32(idx[idxHeader-4:]))
	// hashes, CRCs, 32-bit offsets, the trailer's two hashes at least
	if len(idx) < idxHeader+n*(hashLen20+8)+2*hashLen20 {
		return bad()
	}
	f, err := os.Open(base + ".pack")
	if err != nil {
		unmap()
		return nil, err
	}
	return &packFile{name: base, pack: f, idx: idx, unmap: unmap, n: n}, nil
}

// close closes the pack and releases its index; the caller holds the
// packs' lock, which every reader of the index holds too.
func (p *packFile) close() {
	_ = p.pack.Close()
	p.unmap()
	p.idx = nil
}

// find returns h's position in the index.
func (p *packFile) find(h plumbing.Hash) (int, bool) {
	lo := 0
	if h[0] > 0 {
		lo = int(binary.BigEndian.Uint32(p.idx[8+4*(int(h[0])-1):]))
	}
	hi := int(binary.BigEndian.Uint32(p.idx[8+4*int(h[0]):]))
	if hi > p.n || lo > hi {
		return 0, false
	}
	hashes := p.idx[idxHeader:]
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := bytes.Compare(hashes[m*hashLen20:(m+1)*hashLen20], h[:]); {
		case c == 0:
			return m, true
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// offset returns where the i-th object of the index starts in the pack.
func (p *packFile) offset(i int) int64 {
	off32 := idxHeader + p.n*(hashLen20+4)
	o := binary.BigEndian.Uint32(p.idx[off32+4*i:])
	if o&0x80000000 == 0 {
		return int64(o)
	}
	at := off32 + 4*p.n + 8*int(o&0x7fffffff)
	if at+8 > len(p.idx) {
		return -1
	}
	return int64(binary.BigEndian.Uint64(p.idx[at:]))
}

// Object types in a pack.
const (
	packCommit   = 1
	packTree     = 2
	packBlob     = 3
	packTag      = 4
	packOfsDelta = 6
	packRefDelta = 7
)

// maxDeltaChain bounds how many deltas one object may take to resolve
// (git writes at most 50 by default, 4095 at most): a damaged pack whose
// deltas go round in a circle is an error, not a hang.
const maxDeltaChain = 10000

// maxPackedObject bounds the size of an object read here; a larger one
// (never a record, which the loader refuses above 1 MiB) is left to go-git.
const maxPackedObject = 256 << 20

var packReaders = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 4096) }}

// entry is what the header of a pack entry says.
type entry struct {
	typ  int
	size int64 // inflated: the object's, or the delta's
	base int64 // a delta's base, when in this pack; -1 otherwise
	ref  plumbing.Hash
	data int64 // where the compressed data starts
}

// header reads the header of the entry at off.
func (p *packFile) header(off int64, br *bufio.Reader) (entry, error) {
	if off < 12 {
		return entry{}, fmt.Errorf("%s.pack: bad offset %d", p.name, off)
	}
	br.Reset(io.NewSectionReader(p.pack, off, 1<<62))
	c, err := br.ReadByte()
	if err != nil {
		return entry{}, err
	}
	n := 1
	e := entry{typ: int(c>>4) & 7, size: int64(c & 15), base: -1}
	for shift := 4; c&0x80 != 0; shift += 7 {
		if shift > 56 {
			return entry{}, fmt.Errorf("%s.pack: bad entry header at %d", p.name, off)
		}
		if c, err = br.ReadByte(); err != nil {
			return entry{}, err
		}
		n++
		e.size |= int64(c&0x7f) << shift
	}
	switch e.typ {
	case packOfsDelta:
		c, err := br.ReadByte()
		if err != nil {
			return entry{}, err
		}
		n++
		rel := int64(c & 0x7f)
		for c&0x80 != 0 {
			if rel > 1<<48 {
				return entry{}, fmt.Errorf("%s.pack: bad delta offset at %d", p.name, off)
			}
			if c, err = br.ReadByte(); err != nil {
				return entry{}, err
			}
			n++
			rel = (rel+1)<<7 | int64(c&0x7f)
		}
		if rel <= 0 || rel > off {
			return entry{}, fmt.Errorf("%s.pack: bad delta offset at %d", p.name, off)
		}
		e.base = off - rel
	case packRefDelta:
		if _, err := io.ReadFull(br, e.ref[:]); err != nil {
			return entry{}, err
		}
		n += hashLen20
	case packCommit, packTree, packBlob, packTag:
	default:
		return entry{}, fmt.Errorf("%s.pack: entry of unknown type %d at %d", p.name, e.typ, off)
	}
	if e.size > maxPackedObject {
		return entry{}, fmt.Errorf("%s.pack: entry at %d too large to read here", p.name, off)
	}
	e.data = off + int64(n)
	return e, nil
}

// inflate reads size bytes of compressed data from br.
func inflate(br *bufio.Reader, size int64) ([]byte, error) {
	zr, err := openZlib(br)
	if err != nil {
		return nil, err
	}
	defer zlibReaders.Put(zr)
	return readInflated(zr, size)
}

// step is one delta of a chain, to be applied to what is below it.
type step struct {
	p     *packFile
	off   int64
	delta []byte
}

// read returns the object at off: its type and content. The content is
// the caller's.
func (p *packFile) read(off int64, cache *baseCache, ps *packs) (plumbing.ObjectType, []byte, error) {
	br := packReaders.Get().(*bufio.Reader)
	defer func() { br.Reset(nil); packReaders.Put(br) }()
	var chain []step
	var typ int
	var data []byte
	at, cur := off, p
	for {
		if t, d, ok := cache.get(cur, at); ok {
			typ, data = t, d
			if len(chain) == 0 {
				data = slices.Clone(d) // the cache's copy stays as it is
			}
			break
		}
		e, err := cur.header(at, br)
		if err != nil {
			return plumbing.InvalidObject, nil, err
		}
		body, err := inflate(br, e.size)
		if err != nil {
			return plumbing.InvalidObject, nil, fmt.Errorf("%s.pack: entry at %d: %w", cur.name, at, err)
		}
		if e.typ != packOfsDelta && e.typ != packRefDelta {
			typ, data = e.typ, body
			break
		}
		if len(chain) == maxDeltaChain {
			return plumbing.InvalidObject, nil, fmt.Errorf("%s.pack: delta chain too long at %d", p.name, off)
		}
		chain = append(chain, step{cur, at, body})
		if e.typ == packOfsDelta {
			at = e.base
			continue
		}
		bp, bo, ok := ps.find(e.ref)
		if !ok {
			return plumbing.InvalidObject, nil, fmt.Errorf("%s.pack: delta base %s of the entry at %d is in no pack", cur.name, e.ref, at)
		}
		cur, at = bp, bo
	}
	// Apply the deltas from the bottom up, keeping each base for the next
	// read that needs it.
	for i := len(chain) - 1; i >= 0; i-- {
		base := data
		if i == len(chain)-1 {
			cache.put(cur, at, typ, base)
		} else {
			cache.put(chain[i+1].p, chain[i+1].off, typ, base)
		}
		var err error
		if data, err = applyDelta(base, chain[i].delta); err != nil {
			return plumbing.InvalidObject, nil, fmt.Errorf("%s.pack: entry at %d: %w", chain[i].p.name, chain[i].off, err)
		}
	}
	switch typ {
	case packCommit:
		return plumbing.CommitObject, data, nil
	case packTree:
		return plumbing.TreeObject, data, nil
	case packBlob:
		return plumbing.BlobObject, data, nil
	default:
		return plumbing.TagObject, data, nil
	}
}

var errBadDelta = errors.New("bad delta")

// applyDelta applies a git delta to base: the base's size and the
// result's as varints, then instructions that copy a range of the base or
// insert the bytes that follow.
func applyDelta(base, delta []byte) ([]byte, error) {
	varint := func() (int, bool) {
		v, n := binary.Uvarint(delta)
		if n <= 0 || v > maxPackedObject {
			return 0, false
		}
		delta = delta[n:]
		return int(v), true
	}
	srcSize, ok1 := varint()
	dstSize, ok2 := varint()
	if !ok1 || !ok2 || srcSize != len(base) {
		return nil, errBadDelta
	}
	out := make([]byte, 0, dstSize)
	for len(delta) > 0 {
		op := delta[0]
		delta = delta[1:]
		switch {
		case op&0x80 != 0:
			var off, size uint
			for i := range uint(4) {
				if op&(1<<i) != 0 {
					if len(delta) == 0 {
						return nil, errBadDelta
					}
					off |= uint(delta[0]) << (8 * i)
					delta = delta[1:]
				}
			}
			for i := range uint(3) {
				if op&(0x10<<i) != 0 {
					if len(delta) == 0 {
						return nil, errBadDelta
					}
					size |= uint(delta[0]) << (8 * i)
					delta = delta[1:]
				}
			}
			if size == 0 {
				size = 0x10000
			}
			if off+size > uint(len(base)) || len(out)+int(size) > dstSize {
				return nil, errBadDelta
			}
			out = append(out, base[off:off+size]...)
		case op != 0:
			if int(op) > len(delta) || len(out)+int(op) > dstSize {
				return nil, errBadDelta
			}
			out = append(out, delta[:op]...)
			delta = delta[op:]
		default:
			return nil, errBadDelta // reserved
		}
	}
	if len(out) != dstSize {
		return nil, errBadDelta
	}
	return out, nil
}

// baseCache keeps inflated delta bases, least recently used out first,
// within max bytes.
type baseCache struct {
	mu    sync.Mutex
	max   int
	bytes int
	order list.List // of *baseEntry, most recent first
	index map[baseKey]*list.Element
}

type baseKey struct {
	p   *packFile
	off int64
}

type baseEntry struct {
	key  baseKey
	typ  int
	data []byte
}

func (c *baseCache) get(p *packFile, off int64) (int, []byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.index[baseKey{p, off}]
	if !ok {
		return 0, nil, false
	}
	c.order.MoveToFront(el)
	e := el.Value.(*baseEntry)
	return e.typ, e.data, true
}

func (c *baseCache) put(p *packFile, off int64, typ int, data []byte) {
	if len(data) > c.max/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	k := baseKey{p, off}
	if _, ok := c.index[k]; ok {
		return
	}
	c.index[k] = c.order.PushFront(&baseEntry{key: k, typ: typ, data: data})
	c.bytes += len(data)
	for c.bytes > c.max {
		el := c.order.Back()
		e := el.Value.(*baseEntry)
		c.order.Remove(el)
		delete(c.index, e.key)
		c.bytes -= len(e.data)
	}
}
