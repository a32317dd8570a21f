package history

// The log index: the audit trail of one head, kept in the clone's state
// directory (.git/caseplan/log-index, never in tracked files) so that
// caseplan log CASE need not read every commit of a long history. At
// 50,000 commits reading them took about a second, while git log -- PATH
// with commit-graph Bloom filters takes a tenth of that.
//
// What it may be trusted with, and why:
//
//   - It holds the entries Log would return for its head, in Log's order.
//     An entry is computed from a commit's bytes alone, and a commit hash
//     names those bytes, so an entry is right for as long as its commit
//     exists; the order is the one go-git's committer-time walk gave.
//   - It is used only for the head it was built for, or for a head that
//     extends it by a chain of single-parent commits, which the walk
//     visits one by one before reaching the old head (its queue then
//     holds one commit at a time), so their entries go in front. Any other
//     head — a merge, a reset, a rewritten history — rebuilds it from a
//     full walk, the same walk Log makes.
//   - A checksum over the file, a format version and the head it names
//     are checked on every read; a file that fails any check is rebuilt.
//     logIndexVersion must change whenever entryOf would give another
//     entry for the same commit.
//   - Writing it is best effort (a read-only clone still gets its log),
//     atomic (a temporary file renamed), and the state of one clone only.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sort"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// StateFiles is where a clone keeps files that are not history: the
// gitstore.Repo's state directory (.git/caseplan/).
type StateFiles interface {
	ReadState(name string) ([]byte, error)
	WriteState(name string, data []byte) error
}

// LogIndexFile is the log index's name in the state directory.
const LogIndexFile = "log-index"

const (
	logIndexMagic   = "CPLOGIDX"
	logIndexVersion = 6 // 2: commits without trailers that changed records; 3: SSN-shaped numbers masked; 4: merges by what they changed themselves; 5: the committer when not the author; 6: names and emails masked too
	// logCatchUp bounds how many new commits a stale index is extended by
	// before a full rebuild is cheaper to reason about than a long chain.
	logCatchUp = 5000
	// entrySize is one entry's fixed part: hash, author, email, time,
	// zone, action, summary, first case reference, case count, committer,
	// committer email.
	entrySize = 20 + 4 + 4 + 8 + 4 + 4 + 4 + 4 + 4 + 4 + 4
	// zoneUTC marks a date without a zone go-git could read (git's own
	// commits always have one); it is shown as UTC.
	zoneUTC = math.MinInt32
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// logIndexRebuilds counts full rebuilds, for the tests.
var logIndexRebuilds int

// LogIndexed returns what Log returns, from the clone's log index when
// that is current for from (or can be brought up to date cheaply), and
// keeps the index for the next call. state nil means no index: Log itself.
// read, when not nil, is told of each commit a walk of the history reads
// (a rebuild of the index reads them all: seconds at 50,000 commits).
func LogIndexed(repo *git.Repository, state StateFiles, from plumbing.Hash, caseID string, limit int, read func()) ([]Entry, error) {
	if state == nil {
		return walk(repo, from, caseID, limit, read)
	}
	if from.IsZero() {
		ref, err := repo.Head()
		if err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		from = ref.Hash()
	}
	idx, err := currentLogIndex(repo, state, from, read)
	if err != nil {
		return nil, err
	}
	return idx.entries(caseID, limit), nil
}

// currentLogIndex returns the index for head: the one kept, if it is for
// head or head extends it linearly, else a new one from a full walk.
func currentLogIndex(repo *git.Repository, state StateFiles, head plumbing.Hash, read func()) (*logIndex, error) {
	var old *logIndex
	if data, err := state.ReadState(LogIndexFile); err == nil && data != nil {
		old, _ = parseLogIndex(data) // a bad file is rebuilt
	}
	if old != nil && old.head == head {
		return old, nil
	}
	var idx *logIndex
	if old != nil {
		newer, ok, err := linearSince(repo, head, old.head)
		if err != nil {
			return nil, err
		}
		if ok {
			idx = buildLogIndex(head, newer, old)
		}
	}
	if idx == nil {
		logIndexRebuilds++
		all, err := walk(repo, head, "", 0, read)
		if err != nil {
			return nil, err
		}
		idx = buildLogIndex(head, all, nil)
	}
	_ = state.WriteState(LogIndexFile, idx.data) // best effort: see above
	return idx, nil
}

// linearSince returns the caseplan entries of the commits from head back
// to (not including) base, newest first, when that stretch is a chain of
// single-parent commits of at most logCatchUp; ok is false otherwise.
func linearSince(repo *git.Repository, head, base plumbing.Hash) (entries []Entry, ok bool, err error) {
	h := head
	for range logCatchUp {
		if h == base {
			return entries, true, nil
		}
		c, err := repo.CommitObject(h)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, fmt.Errorf("read history: %w", err)
		}
		if len(c.ParentHashes) != 1 {
			return nil, false, nil
		}
		e, ok, err := entryOf(repo, c)
		if err != nil {
			return nil, false, err
		}
		if ok {
			entries = append(entries, e)
		}
		h = c.ParentHashes[0]
	}
	return nil, false, nil
}

// logIndex is an encoded index and what its reader needs to find things
// in it without decoding every entry.
type logIndex struct {
	data     []byte
	head     plumbing.Hash
	strOffs  []byte // (n+1) little-endian uint32 offsets into strs
	strs     []byte
	ents     []byte // entrySize bytes each
	caseRefs []byte // uint32 string numbers
	posts    []byte // 12 bytes each: case string, first position, count; by case
	postPos  []byte // uint32 entry numbers
}

func (x *logIndex) count() int { return len(x.ents) / entrySize }

func (x *logIndex) str(i uint32) string {
	a := binary.LittleEndian.Uint32(x.strOffs[4*i:])
	b := binary.LittleEndian.Uint32(x.strOffs[4*i+4:])
	return string(x.strs[a:b])
}

func (x *logIndex) strBytes(i uint32) []byte {
	a := binary.LittleEndian.Uint32(x.strOffs[4*i:])
	b := binary.LittleEndian.Uint32(x.strOffs[4*i+4:])
	return x.strs[a:b]
}

// entry decodes entry i.
func (x *logIndex) entry(i int) Entry {
	b := x.ents[i*entrySize : (i+1)*entrySize]
	u32 := func(off int) uint32 { return binary.LittleEndian.Uint32(b[off:]) }
	var h plumbing.Hash
	copy(h[:], b[:20])
	when := time.Unix(int64(binary.LittleEndian.Uint64(b[28:])), 0)
	if zone := int32(u32(36)); zone == zoneUTC {
		when = when.In(time.UTC)
	} else {
		when = when.In(time.FixedZone("", int(zone)))
	}
	e := Entry{
		Commit:  h.String(),
		Author:  x.str(u32(20)),
		Email:   x.str(u32(24)),
		Date:    when,
		Action:  x.str(u32(40)),
		Summary: x.str(u32(44)),

		Committer:      x.str(u32(56)),
		CommitterEmail: x.str(u32(60)),
	}
	first, n := u32(48), u32(52)
	if n > 0 {
		e.Cases = make([]string, n)
		for k := range n {
			e.Cases[k] = x.str(binary.LittleEndian.Uint32(x.caseRefs[4*(first+k):]))
		}
	}
	return e
}

// posting returns the number of caseID's posting, if it has one.
func (x *logIndex) posting(caseID string) (int, bool) {
	np := len(x.posts) / 12
	want := []byte(caseID)
	k := sort.Search(np, func(k int) bool {
		return bytes.Compare(x.strBytes(binary.LittleEndian.Uint32(x.posts[12*k:])), want) >= 0
	})
	if k == np || !bytes.Equal(x.strBytes(binary.LittleEndian.Uint32(x.posts[12*k:])), want) {
		return 0, false
	}
	return k, true
}

// entries returns the entries of caseID ("" for all), at most limit of
// them when limit > 0, in the index's order.
func (x *logIndex) entries(caseID string, limit int) []Entry {
	var out []Entry
	if caseID == "" {
		n := x.count()
		if limit > 0 {
			n = min(n, limit)
		}
		for i := range n {
			out = append(out, x.entry(i))
		}
		return out
	}
	k, ok := x.posting(caseID)
	if !ok {
		return nil
	}
	first := binary.LittleEndian.Uint32(x.posts[12*k+4:])
	n := binary.LittleEndian.Uint32(x.posts[12*k+8:])
	for j := range n {
		if limit > 0 && len(out) >= limit {
			break
		}
		out = append(out, x.entry(int(binary.LittleEndian.Uint32(x.postPos[4*(first+j):]))))
	}
	return out
}

// buildLogIndex encodes the entries of head: newer (in order), then every
// entry of old when it is given. old's entries are not decoded: its
// strings, entries and case references are kept as they are and the new
// ones added around them (a string the new entries share with old ones may
// be stored twice until the next rebuild), so that bringing the index of a
// long history up to date after one commit costs a copy, not a decoding of
// every entry.
func buildLogIndex(head plumbing.Hash, newer []Entry, old *logIndex) *logIndex {
	var strs []byte
	offs := []uint32{0}
	var caseRefs []uint32
	if old != nil {
		strs = append(strs, old.strs...)
		offs = make([]uint32, len(old.strOffs)/4)
		for i := range offs {
			offs[i] = binary.LittleEndian.Uint32(old.strOffs[4*i:])
		}
		caseRefs = make([]uint32, len(old.caseRefs)/4, len(old.caseRefs)/4+2*len(newer))
		for i := range caseRefs {
			caseRefs[i] = binary.LittleEndian.Uint32(old.caseRefs[4*i:])
		}
	}
	strNum := map[string]uint32{}
	intern := func(s string) uint32 {
		if n, ok := strNum[s]; ok {
			return n
		}
		n := uint32(len(offs) - 1)
		strNum[s] = n
		strs = append(strs, s...)
		offs = append(offs, uint32(len(strs)))
		return n
	}
	// A case the old entries name keeps its string, so its commits old
	// and new share one list.
	caseNum := func(c string) uint32 {
		if old != nil {
			if k, ok := old.posting(c); ok {
				return binary.LittleEndian.Uint32(old.posts[12*k:])
			}
		}
		return intern(c)
	}
	total := len(newer)
	if old != nil {
		total += old.count()
	}
	ents := make([]byte, 0, total*entrySize)
	byCase := map[uint32][]uint32{}
	for i, e := range newer {
		h := plumbing.NewHash(e.Commit)
		ents = append(ents, h[:]...)
		ents = binary.LittleEndian.AppendUint32(ents, intern(e.Author))
		ents = binary.LittleEndian.AppendUint32(ents, intern(e.Email))
		ents = binary.LittleEndian.AppendUint64(ents, uint64(e.Date.Unix()))
		zone := int32(zoneUTC)
		if e.Date.Location() != time.UTC {
			_, off := e.Date.Zone()
			zone = int32(off)
		}
		ents = binary.LittleEndian.AppendUint32(ents, uint32(zone))
		ents = binary.LittleEndian.AppendUint32(ents, intern(e.Action))
		ents = binary.LittleEndian.AppendUint32(ents, intern(e.Summary))
		ents = binary.LittleEndian.AppendUint32(ents, uint32(len(caseRefs)))
		ents = binary.LittleEndian.AppendUint32(ents, uint32(len(e.Cases)))
		ents = binary.LittleEndian.AppendUint32(ents, intern(e.Committer))
		ents = binary.LittleEndian.AppendUint32(ents, intern(e.CommitterEmail))
		seen := map[uint32]bool{}
		for _, c := range e.Cases {
			n := caseNum(c)
			caseRefs = append(caseRefs, n)
			if !seen[n] { // a case named twice lists the commit once, as Log does
				seen[n] = true
				byCase[n] = append(byCase[n], uint32(i))
			}
		}
	}
	if old != nil {
		ents = append(ents, old.ents...)
		shift := uint32(len(newer))
		for k := range len(old.posts) / 12 {
			b := old.posts[12*k:]
			n, first, cnt := binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:]), binary.LittleEndian.Uint32(b[8:])
			for j := range cnt {
				byCase[n] = append(byCase[n], binary.LittleEndian.Uint32(old.postPos[4*(first+j):])+shift)
			}
		}
	}
	caseNums := make([]uint32, 0, len(byCase))
	for n := range byCase {
		caseNums = append(caseNums, n)
	}
	str := func(n uint32) []byte { return strs[offs[n]:offs[n+1]] }
	sort.Slice(caseNums, func(a, b int) bool { return bytes.Compare(str(caseNums[a]), str(caseNums[b])) < 0 })

	out := make([]byte, 0, 64+4*len(offs)+len(strs)+len(ents)+4*len(caseRefs)+20*len(caseNums)+4*total)
	out = append(out, logIndexMagic...)
	out = binary.LittleEndian.AppendUint32(out, logIndexVersion)
	out = append(out, head[:]...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(offs)-1))
	for _, o := range offs {
		out = binary.LittleEndian.AppendUint32(out, o)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(len(strs)))
	out = append(out, strs...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(ents)/entrySize))
	out = append(out, ents...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(caseRefs)))
	for _, r := range caseRefs {
		out = binary.LittleEndian.AppendUint32(out, r)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(len(caseNums)))
	var positions []uint32
	for _, n := range caseNums {
		out = binary.LittleEndian.AppendUint32(out, n)
		out = binary.LittleEndian.AppendUint32(out, uint32(len(positions)))
		out = binary.LittleEndian.AppendUint32(out, uint32(len(byCase[n])))
		positions = append(positions, byCase[n]...)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(len(positions)))
	for _, p := range positions {
		out = binary.LittleEndian.AppendUint32(out, p)
	}
	out = binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli))
	idx, err := parseLogIndex(out)
	if err != nil {
		panic("history: the log index just built does not parse: " + err.Error())
	}
	return idx
}

var errBadLogIndex = errors.New("log index is corrupt")

// parseLogIndex checks data (checksum, version, every bound and every
// reference) and returns the index it holds.
func parseLogIndex(data []byte) (*logIndex, error) {
	if len(data) < len(logIndexMagic)+4+20+4 || string(data[:len(logIndexMagic)]) != logIndexMagic {
		return nil, errBadLogIndex
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, errBadLogIndex
	}
	p := body[len(logIndexMagic):]
	if binary.LittleEndian.Uint32(p) != logIndexVersion {
		return nil, errBadLogIndex
	}
	x := &logIndex{data: data}
	copy(x.head[:], p[4:24])
	p = p[24:]
	// section takes a count and n*size bytes after it.
	bad := false
	section := func(size int) ([]byte, uint32) {
		if bad || len(p) < 4 {
			bad = true
			return nil, 0
		}
		n := binary.LittleEndian.Uint32(p)
		p = p[4:]
		if uint64(n)*uint64(size) > uint64(len(p)) {
			bad = true
			return nil, 0
		}
		s := p[:int(n)*size]
		p = p[int(n)*size:]
		return s, n
	}
	nstr := uint32(0)
	if len(p) >= 4 {
		nstr = binary.LittleEndian.Uint32(p)
		p = p[4:]
		if uint64(nstr+1)*4 > uint64(len(p)) {
			return nil, errBadLogIndex
		}
		x.strOffs, p = p[:4*(nstr+1)], p[4*(nstr+1):]
	}
	x.strs, _ = section(1)
	var nent, nrefs, nposts, npos uint32
	x.ents, nent = section(entrySize)
	x.caseRefs, nrefs = section(4)
	x.posts, nposts = section(12)
	x.postPos, npos = section(4)
	if bad || len(p) != 0 || len(x.strOffs) == 0 {
		return nil, errBadLogIndex
	}
	prev := uint32(0)
	for i := range nstr + 1 {
		o := binary.LittleEndian.Uint32(x.strOffs[4*i:])
		if o < prev || int(o) > len(x.strs) || (i == 0 && o != 0) {
			return nil, errBadLogIndex
		}
		prev = o
	}
	for i := range int(nent) {
		b := x.ents[i*entrySize:]
		for _, off := range []int{20, 24, 40, 44, 56, 60} {
			if binary.LittleEndian.Uint32(b[off:]) >= nstr {
				return nil, errBadLogIndex
			}
		}
		if uint64(binary.LittleEndian.Uint32(b[48:]))+uint64(binary.LittleEndian.Uint32(b[52:])) > uint64(nrefs) {
			return nil, errBadLogIndex
		}
	}
	for i := range nrefs {
		if binary.LittleEndian.Uint32(x.caseRefs[4*i:]) >= nstr {
			return nil, errBadLogIndex
		}
	}
	for k := range nposts {
		b := x.posts[12*k:]
		if binary.LittleEndian.Uint32(b) >= nstr ||
			uint64(binary.LittleEndian.Uint32(b[4:]))+uint64(binary.LittleEndian.Uint32(b[8:])) > uint64(npos) {
			return nil, errBadLogIndex
		}
	}
	for i := range npos {
		if binary.LittleEndian.Uint32(x.postPos[4*i:]) >= nent {
			return nil, errBadLogIndex
		}
	}
	return x, nil
}
