package gitstore

// Packing. go-git never packs, and every caseplan commit adds loose
// objects: at 10,000 cases each commit adds a new 370 KB cases/ tree, some
// 200 KB once compressed, so a busy store grows by gigabytes. A pack stores
// each such tree as a delta of a few hundred bytes against the one before.
//
// PackLoose does what git repack -d does without -a: it moves the loose
// objects into new packs and leaves existing packs alone, so its cost
// follows what was written since the last packing, not the repository.
// git gc (or git repack -a -d) still consolidates packs when there are
// many; caseplan reads either.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// PackOptions tunes PackLoose.
type PackOptions struct {
	// LockWait is how long to wait for another caseplan process; zero
	// means DefaultLockWait.
	LockWait time.Duration
	// BatchBytes bounds the loose bytes (compressed, as stored) put in
	// one pack, which bounds memory: the delta search holds a batch's
	// objects uncompressed. Zero means DefaultPackBatch.
	BatchBytes int64
	// Progress, when set, is told how far packing has come, in two steps
	// per pack: "objects read" as the pack's objects are read (of all the
	// loose objects, counting those packed before), then "objects packed"
	// once the pack is in place. Most of a pack's time is reading its
	// objects and finding deltas between them, so a store with one pack's
	// worth of loose objects would otherwise report only at its end.
	Progress func(step string, done, total int)
	// MaxPacks, when positive, stops after that many packs, oldest
	// objects first, leaving the rest loose for later.
	MaxPacks int
}

// autoPackMax bounds the packs one commit writes, so that a commit on a
// store with a great many loose objects (one written before caseplan
// packed, say) does not stall for minutes: about 128 MB of loose objects
// per commit; caseplan gc packs them all.
const autoPackMax = 4

// DefaultPackBatch is the loose bytes one pack takes by default: at 10,000
// cases some 160 commits' cases/ trees, about 60 MB once inflated.
const DefaultPackBatch = 32 << 20

// AutoPackLoose is the estimated number of loose objects above which a
// commit packs them (CommitRequest.AutoPack): about 400 commits at 10,000
// cases (six objects each), some 80 MB of loose objects, a pack of a few
// hundred kilobytes and a second or two of work.
const AutoPackLoose = 2400

// autoPack packs the loose objects when there are more than the Repo's
// AutoPackLoose (estimated). The caller holds the lock and has finished its
// write: a failure here changes nothing (the objects stay loose), so it is
// not reported; it is remembered in the state directory so that the
// commits of the next day do not each pay for failing again (a damaged
// loose object would make every attempt fail). caseplan gc reports it.
func (r *Repo) autoPack() {
	limit := r.AutoPackLoose
	if limit == 0 {
		limit = AutoPackLoose
	}
	if limit < 0 || r.LooseEstimate() <= limit {
		return
	}
	if fi, err := os.Stat(filepath.Join(r.StateDir(), autoPackFailed)); err == nil && time.Since(fi.ModTime()) < autoPackBackoff {
		return
	}
	if _, err := r.packLoose(PackOptions{MaxPacks: autoPackMax}); err != nil {
		_ = r.WriteState(autoPackFailed, []byte(err.Error()+"\n"))
		return
	}
	_ = os.Remove(filepath.Join(r.StateDir(), autoPackFailed))
}

// autoPackFailed is the state file that says when and why packing after a
// commit last failed; autoPackBackoff how long commits then leave it be.
const (
	autoPackFailed  = "autopack-failed"
	autoPackBackoff = 24 * time.Hour
)

// PackStats says what PackLoose did.
type PackStats struct {
	Objects     int   // loose objects packed
	Packs       int   // packs written
	LooseBytes  int64 // their size as loose files
	PackedBytes int64 // the size of the packs and indexes written
}

// looseObject is a loose object file.
type looseObject struct {
	hash plumbing.Hash
	path string
	size int64
}

// PackLoose moves every loose object into packs (several when they exceed
// BatchBytes), then removes the loose copies. It holds the store's lock, so
// other caseplan processes wait for it rather than see an object move.
//
// Each pack is complete before any loose object goes: the pack and its
// index are written to temporary files, synced, and renamed into
// objects/pack (the pack first: readers find packs by their index), and the
// directory is synced. A crash at any point leaves every object readable,
// at worst twice. A git process that loaded the list of packs earlier
// finds the objects it misses in the new pack when it looks again, as git
// does after any repack; caseplan's own commits do the same (see Commit).
func (r *Repo) PackLoose(opts PackOptions) (PackStats, error) {
	wait := opts.LockWait
	if wait == 0 {
		wait = DefaultLockWait
	}
	unlock, err := r.Lock(wait)
	if err != nil {
		return PackStats{}, err
	}
	defer unlock()
	return r.packLoose(opts)
}

func (r *Repo) packLoose(opts PackOptions) (PackStats, error) {
	var st PackStats
	loose, err := r.looseObjects()
	if err != nil {
		return st, fmt.Errorf("pack: %w", err)
	}
	if len(loose) == 0 {
		return st, nil
	}
	batch := opts.BatchBytes
	if batch <= 0 {
		batch = DefaultPackBatch
	}
	for start := 0; start < len(loose) && (opts.MaxPacks <= 0 || st.Packs < opts.MaxPacks); {
		end, size := start, int64(0)
		for end < len(loose) && (end == start || size+loose[end].size <= batch) {
			size += loose[end].size
			end++
		}
		var read func(int)
		if opts.Progress != nil {
			// The delta search may read an object again (a base it let
			// go of): the count stops at the pack's objects.
			before, in := st.Objects, end-start
			read = func(n int) { opts.Progress(ObjectsRead, before+min(n, in), len(loose)) }
		}
		n, err := r.writePack(loose[start:end], read)
		if err != nil {
			return st, fmt.Errorf("pack: %w", err)
		}
		st.Packs++
		st.PackedBytes += n
		// Only now, with the pack in place, do the loose copies go.
		for _, o := range loose[start:end] {
			if err := os.Remove(o.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return st, fmt.Errorf("pack: %w", err)
			}
			st.Objects++
			st.LooseBytes += o.size
		}
		start = end
		if opts.Progress != nil {
			opts.Progress(ObjectsPacked, st.Objects, len(loose))
		}
	}
	for i := range 256 {
		_ = os.Remove(filepath.Join(r.commonDir, "objects", fmt.Sprintf("%02x", i))) // only if empty
	}
	_ = os.Remove(filepath.Join(r.StateDir(), autoPackFailed))
	// This Repo's storage must look for packs again: its list predates
	// the new ones.
	r.storage.Reindex()
	return st, nil
}

// looseObjects lists the loose objects, oldest first, so that a batch
// holds objects written close together (a commit and its trees), which
// delta well against each other.
func (r *Repo) looseObjects() ([]looseObject, error) {
	objects := filepath.Join(r.commonDir, "objects")
	type withTime struct {
		looseObject
		mtime time.Time
	}
	var all []withTime
	for i := range 256 {
		dir := fmt.Sprintf("%02x", i)
		ents, err := os.ReadDir(filepath.Join(objects, dir))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			name := e.Name()
			if len(name) != 38 || !e.Type().IsRegular() || !plumbing.IsHash(dir+name) {
				continue // tmp_obj_ files of a write in progress, and the like
			}
			fi, err := e.Info()
			if err != nil {
				continue // removed meanwhile
			}
			all = append(all, withTime{looseObject{plumbing.NewHash(dir + name), filepath.Join(objects, dir, name), fi.Size()}, fi.ModTime()})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].mtime.Before(all[j].mtime) })
	out := make([]looseObject, len(all))
	for i, o := range all {
		out[i] = o.looseObject
	}
	return out, nil
}

// LooseEstimate estimates the number of loose objects the way git gc --auto
// does: the objects in one of the 256 fan-out directories (objects/17),
// times 256.
func (r *Repo) LooseEstimate() int {
	ents, err := os.ReadDir(filepath.Join(r.commonDir, "objects", "17"))
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range ents {
		if len(e.Name()) == 38 {
			n++
		}
	}
	return n * 256
}

// The steps PackOptions.Progress is told of.
const (
	ObjectsRead   = "objects read"
	ObjectsPacked = "objects packed"
)

// countingObjects is the object storage as the pack encoder reads it,
// telling read how many objects it has read so far: the encoder reads
// every object of the pack first, one by one, then finds deltas and
// writes, with no word of its own until it is done.
type countingObjects struct {
	storer.EncodedObjectStorer
	n    int
	read func(n int)
}

func (c *countingObjects) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	o, err := c.EncodedObjectStorer.EncodedObject(t, h)
	if err == nil {
		c.n++
		c.read(c.n)
	}
	return o, err
}

// writePack writes objs as one pack with its index into objects/pack and
// returns the bytes written; read, when not nil, is told how many of objs
// have been read as the encoder reads them.
func (r *Repo) writePack(objs []looseObject, read func(n int)) (int64, error) {
	packDir := filepath.Join(r.commonDir, "objects", "pack")
	if err := os.MkdirAll(packDir, 0o755); err != nil {
		return 0, err
	}
	pf, err := os.CreateTemp(packDir, "tmp_pack_")
	if err != nil {
		return 0, err
	}
	defer func() {
		pf.Close()
		os.Remove(pf.Name()) // fails once renamed, as it should
	}()
	hashes := make([]plumbing.Hash, len(objs))
	for i, o := range objs {
		hashes[i] = o.hash
	}
	// Offset deltas, as git writes them; a window of 10, git's default.
	var objects storer.EncodedObjectStorer = r.storage
	if read != nil {
		objects = &countingObjects{EncodedObjectStorer: r.storage, read: read}
	}
	enc := packfile.NewEncoder(pf, objects, false)
	sum, err := enc.Encode(hashes, 10)
	if err != nil {
		return 0, err
	}
	if err := pf.Sync(); err != nil {
		return 0, err
	}

	// The index, from the pack as written: reading it back also checks it.
	if _, err := pf.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	w := new(idxfile.Writer)
	parser, err := packfile.NewParser(packfile.NewScanner(pf), w)
	if err != nil {
		return 0, err
	}
	parsed, err := parser.Parse()
	if err != nil {
		return 0, fmt.Errorf("read back the new pack: %w", err)
	}
	if parsed != sum {
		return 0, fmt.Errorf("read back the new pack: checksum %s, written %s", parsed, sum)
	}
	idx, err := w.Index()
	if err != nil {
		return 0, err
	}
	var ib bytes.Buffer
	if _, err := idxfile.NewEncoder(&ib).Encode(idx); err != nil {
		return 0, err
	}
	if n, err := idx.Count(); err != nil || n != int64(len(objs)) {
		return 0, fmt.Errorf("the new pack holds %d objects, %d were written (%v)", n, len(objs), err)
	}
	xf, err := os.CreateTemp(packDir, "tmp_idx_")
	if err != nil {
		return 0, err
	}
	defer func() {
		xf.Close()
		os.Remove(xf.Name())
	}()
	if _, err := xf.Write(ib.Bytes()); err != nil {
		return 0, err
	}
	if err := xf.Sync(); err != nil {
		return 0, err
	}
	fi, err := pf.Stat()
	if err != nil {
		return 0, err
	}
	base := filepath.Join(packDir, "pack-"+sum.String())
	for _, f := range []*os.File{pf, xf} {
		if err := f.Chmod(0o444); err != nil { // as git makes them
			return 0, err
		}
		if err := f.Close(); err != nil {
			return 0, err
		}
	}
	if err := os.Rename(pf.Name(), base+".pack"); err != nil {
		return 0, err
	}
	if err := os.Rename(xf.Name(), base+".idx"); err != nil {
		return 0, err
	}
	if err := syncDir(packDir); err != nil {
		return 0, err
	}
	return fi.Size() + int64(ib.Len()), nil
}

// syncDir makes the renames into dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}
