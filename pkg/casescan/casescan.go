// Package casescan runs one stage of caseplan's data flow over every case
// of a store — the checks of validate, a report's row, the tickler's items
// — one case at a time, so that a store of any size costs the memory of a
// few cases, and from the cache when a case's files are unchanged: a
// stage's result for a case depends only on the case's files and on the
// parameters the stage names (the settings file, --today, the month;
// DESIGN.md §7), so it is kept under a key made of those and never
// computed twice.
package casescan

import (
	"encoding/json"
	"errors"
	"io/fs"
	"runtime"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/resultcache"
	"github.com/caseplan/caseplan/pkg/store"
)

// Options say which cases to scan, from where, and what the results may
// be kept under.
type Options struct {
	// Source is where the case files are read from, for the cases the
	// cache does not hold.
	Source store.Source
	// Only names the cases to scan, as store.Load's only: nil scans every
	// case directory.
	Only []string
	// Keys is the content key of each case directory, by case ID: the
	// hash of its files' names and bytes (the git tree hash). A case
	// without a key is always read.
	Keys map[string]plumbing.Hash
	// Recheck, when set, computes a case's key again after the case was
	// read: a result is kept only when the files did not change while
	// they were read (the work tree; a commit's tree never changes).
	Recheck func(id string) (plumbing.Hash, bool)
	// KeyRead, when set, keys each case that is read by what was read:
	// the hash of the very names and bytes the result was computed from,
	// the key Keys would give them. A scan of the work tree with nothing
	// in its cache then needs no Keys at all, and no Recheck; a case
	// whose directory holds something the loader does not read (a
	// symbolic link, a stray file) falls back to Keys and Recheck.
	KeyRead bool
	// Cache keeps the results; nil keeps none.
	Cache *resultcache.Cache
	// Params is what every result depends on besides the case's files.
	Params []string
	// BeforeRead, when set, is told which cases the cache does not hold,
	// before any of them is read: a source may prepare for them (find
	// which it can read from somewhere faster).
	BeforeRead func(ids []string)
	// Verify, when set, is asked after each case is read whether what was
	// read is the case's files; when not (a faster copy of them changed
	// while it was read), the case is read again from Direct(source).
	Verify func(id string) bool
	Direct func(src store.Source) store.Source
	// Progress, when set, is told how many cases there are to scan and
	// returns what to call as each one is done.
	Progress func(total int) (step func())
}

// Result is what one case gives.
type Result[T any] struct {
	ID    string
	Case  bool // the directory is a case (false: a bad name, a link out of the store)
	Files int  // record files read
	Value T
}

// Scan lists the cases of opt.Only (every case when nil) and returns each
// one's result in the order store.CaseIDs lists them, with top, the
// findings about cases/ itself. compute turns a loaded case (nil when the
// directory is no case) and the loader's findings about it into the
// stage's result; its result must depend on nothing but them and
// opt.Params, and encode to JSON and back unchanged. compute may keep
// nothing of the case past its return: the memory of the case's parsed
// documents serves the next case (load.Arena).
func Scan[T any](opt Options, compute func(c *casefile.Case, loaded []finding.Finding) (T, error)) (results []Result[T], top []finding.Finding, err error) {
	ids, top, err := store.CaseIDs(opt.Source, opt.Only)
	if err != nil {
		return nil, nil, err
	}
	keyOf := opt.keyOf
	key := func(id string) (resultcache.Key, bool) {
		h, ok := opt.Keys[id]
		if !ok || opt.Cache == nil {
			return resultcache.Key{}, false
		}
		return keyOf(id, h), true
	}

	step := func() {}
	if opt.Progress != nil {
		step = opt.Progress(len(ids))
	}
	results = make([]Result[T], len(ids))
	// The cache first: what it holds costs no read, and what it lacks is
	// then known before the first read.
	var missing []int
	for i, id := range ids {
		if k, keyed := key(id); keyed {
			if data, ok := opt.Cache.Get(k); ok {
				var r Result[T]
				if json.Unmarshal(data, &r) == nil && r.ID == id {
					results[i] = r
					step()
					continue
				}
			}
		}
		missing = append(missing, i)
	}
	if opt.BeforeRead != nil && len(missing) > 0 {
		names := make([]string, len(missing))
		for j, i := range missing {
			names[j] = ids[i]
		}
		opt.BeforeRead(names)
	}
	// Each worker parses its cases into an arena of its own, freed when
	// the case's result is made: compute keeps nothing of the case (its
	// result is plain values that encode to JSON), and the nodes of the
	// next case take the same memory.
	one := func(src store.Source, i int, a *load.Arena) error {
		defer a.Free()
		id := ids[i]
		k, keyed := key(id)
		var rec *recorder
		read := src
		if opt.KeyRead && opt.Cache != nil {
			rec = &recorder{Source: src, dir: layout.CaseDir(id)}
			read = rec
		}
		c, loaded, files, err := store.LoadCaseIn(a, read, id)
		if err == nil && opt.Verify != nil && !opt.Verify(id) {
			rec = nil
			a.Free()
			c, loaded, files, err = store.LoadCaseIn(a, opt.Direct(src), id)
		}
		if err != nil {
			return err
		}
		v, err := compute(c, loaded)
		if err != nil {
			return err
		}
		r := Result[T]{ID: id, Case: c != nil, Files: files, Value: v}
		if h, ok := rec.key(); ok {
			k, keyed = keyOf(id, h), true
		} else if keyed && opt.Recheck != nil {
			h, ok := opt.Recheck(id)
			keyed = ok && h == opt.Keys[id]
		}
		if keyed {
			if data, err := json.Marshal(r); err == nil {
				opt.Cache.Put(k, data)
			}
		}
		results[i] = r
		return nil
	}

	workers := 1
	if c, ok := opt.Source.(store.Concurrent); ok && c.Concurrent() {
		workers = runtime.GOMAXPROCS(0) * 2
	}
	workers = max(1, min(workers, len(missing)/16))

	next := make(chan int)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var a load.Arena
			for i := range next {
				if errs[w] != nil {
					continue // drain: another case already failed the scan
				}
				errs[w] = one(opt.Source, i, &a)
				step()
			}
		}()
	}
	for _, i := range missing {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	return results, top, nil
}

// keyOf is the cache key of case id's result when its files hash to h.
func (opt Options) keyOf(id string, h plumbing.Hash) resultcache.Key {
	parts := make([][]byte, 0, len(opt.Params)+2)
	for _, p := range opt.Params {
		parts = append(parts, []byte(p))
	}
	return resultcache.NewKey(append(parts, []byte(id), h[:])...)
}

// Cached returns the results opt.Cache holds for the cases ids, by case
// ID, reading nothing: a case the cache lacks (or opt.Keys does not key)
// is left out. A stage that looks across cases (validate's periods of
// participation) asks it for the cases it does not scan.
func Cached[T any](opt Options, ids []string) map[string]T {
	out := map[string]T{}
	if opt.Cache == nil {
		return out
	}
	for _, id := range ids {
		h, ok := opt.Keys[id]
		if !ok {
			continue
		}
		data, ok := opt.Cache.Get(opt.keyOf(id, h))
		if !ok {
			continue
		}
		var r Result[T]
		if json.Unmarshal(data, &r) == nil && r.ID == id {
			out[id] = r.Value
		}
	}
	return out
}

// recorder passes a case's reads through to a source and keeps what they
// gave, so that the case can be keyed by what was read.
type recorder struct {
	store.Source
	dir   string // the case's directory
	mu    sync.Mutex
	lists map[string][]store.Entry
	blobs map[string]plumbing.Hash
	execs map[string]bool // the files read with their executable bit set
	bad   bool            // something under dir was not read whole
}

func (r *recorder) ReadFile(name string) ([]byte, error) { return r.ReadFileInto(name, nil) }

// ReadFileInto passes a lent buffer on (store.Lender); the data is
// hashed, not kept.
func (r *recorder) ReadFileInto(name string, buf []byte) ([]byte, error) {
	data, err := store.ReadFileInto(r.Source, name, buf)
	return r.record(name, data, err)
}

// ReadListedInto passes a listed file's read on (store.ListedReader).
func (r *recorder) ReadListedInto(name string, buf []byte) ([]byte, error) {
	data, err := store.ReadListedInto(r.Source, name, buf)
	return r.record(name, data, err)
}

// ReadListedMode passes a listed file's read on (store.ModeReader), and
// keeps the executable bit it gives: it is part of the case's key, as of
// DirKeys'.
func (r *recorder) ReadListedMode(name string, buf []byte) ([]byte, bool, error) {
	data, exec, err := store.ReadListedMode(r.Source, name, buf)
	if exec && err == nil && r.under(name) {
		r.mu.Lock()
		if r.execs == nil {
			r.execs = map[string]bool{}
		}
		r.execs[name] = true
		r.mu.Unlock()
	}
	data, err = r.record(name, data, err)
	return data, exec, err
}

// record keeps the hash of what a read under the case's directory gave.
func (r *recorder) record(name string, data []byte, err error) ([]byte, error) {
	if r.under(name) {
		r.mu.Lock()
		defer r.mu.Unlock()
		switch h, seen := r.blobs[name]; {
		case errors.Is(err, fs.ErrNotExist):
			// A file the loader looks for and the case does not have:
			// the listing says what the case has.
		case err != nil:
			r.bad = true // too large, a link out: keyed some other way
		case seen && h != gitstore.BlobHash(data):
			r.bad = true // read twice, changed in between
		default:
			if r.blobs == nil {
				r.blobs = map[string]plumbing.Hash{}
			}
			r.blobs[name] = gitstore.BlobHash(data)
		}
	}
	return data, err
}

func (r *recorder) List(dir string) ([]store.Entry, error) {
	entries, err := r.Source.List(dir)
	if r.under(dir) {
		r.mu.Lock()
		defer r.mu.Unlock()
		if err != nil {
			r.bad = true
		} else {
			if r.lists == nil {
				r.lists = map[string][]store.Entry{}
			}
			r.lists[dir] = entries
		}
	}
	return entries, err
}

func (r *recorder) under(name string) bool {
	return name == r.dir || strings.HasPrefix(name, r.dir+"/")
}

// key returns the key of the case's directory, as gitstore.DirKeys would
// give it for the names and bytes read, when everything in the directory
// was read: every file whole, every subdirectory listed.
func (r *recorder) key() (plumbing.Hash, bool) {
	if r == nil || r.bad {
		return plumbing.ZeroHash, false
	}
	return r.tree(r.dir)
}

func (r *recorder) tree(dir string) (plumbing.Hash, bool) {
	entries, ok := r.lists[dir]
	if !ok {
		return plumbing.ZeroHash, false
	}
	list := make([]gitstore.TreeEntry, 0, len(entries))
	path := make([]byte, 0, len(dir)+64)
	path = append(append(path, dir...), '/')
	for _, e := range entries {
		p := append(path, e.Name...)
		var h plumbing.Hash
		switch {
		case e.Symlink:
			return plumbing.ZeroHash, false // DirKeys gives no key either
		case e.IsDir:
			if h, ok = r.tree(string(p)); !ok {
				return plumbing.ZeroHash, false
			}
		default:
			if h, ok = r.blobs[string(p)]; !ok {
				return plumbing.ZeroHash, false
			}
		}
		list = append(list, gitstore.TreeEntry{Name: e.Name, Dir: e.IsDir, Hash: h, Exec: e.Executable || r.execs[string(p)]})
	}
	return gitstore.TreeHash(list), true
}
