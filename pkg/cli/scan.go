package cli

// The whole-store commands (validate, the reports, due, case list) read
// the store one case at a time through pkg/casescan, keeping each case's
// result in the clone's cache (.git/caseplan/cache/) under its files' git
// hashes: an unchanged store is not read again.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"path/filepath"
	"runtime/debug"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casescan"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/progress"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/resultcache"
	"github.com/caseplan/caseplan/pkg/store"
)

// scan is a prepared casescan over a store: its settings, already read,
// and the options for its cases.
type scan struct {
	snap  *casefile.Snapshot // the settings alone
	found []finding.Finding  // about the settings file
	opt   casescan.Options
	cache *resultcache.Cache
}

// save keeps this run's results for the next. A cache that cannot be
// written (a read-only clone) only costs the next run its speed.
func (s *scan) save() {
	if s.cache != nil {
		_ = s.cache.Save()
	}
}

// cacheVersion is the version a cache is kept for: this caseplan's build,
// or "" when it keeps none (CASEPLAN_CACHE=off, or a build that cannot
// name itself).
func (g *globals) cacheVersion() string {
	if g.env.Getenv("CASEPLAN_CACHE") == "off" {
		return ""
	}
	return resultcache.Identity(g.env.Build.String(), g.env.Build.Installable() != "")
}

// tuneGC lets the garbage collector run less often during a whole-store
// scan: a scan holds a few cases at a time, so its live heap is small
// (15 MB in a validate of 10,000 cases), and with Go's default the
// collector took a third of a cold validate's processor time. The heap
// may grow to nine times the live data, but the memory limit keeps it
// under 200 MiB: at 10,000 cases a cold validate peaks at 170 MiB, the
// other whole-store commands at 218 MiB at most (issue 12: under 250 MB).
// GOGC or GOMEMLIMIT in the environment win.
func (g *globals) tuneGC() {
	if g.env.Getenv("GOGC") == "" {
		debug.SetGCPercent(800)
	}
	if g.env.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(200 << 20)
	}
}

// newScan reads what is not a case from src — the store settings, the
// cohorts, the import rules — and prepares to scan its cases; stage names
// the results (the cache file) and params are what they depend on
// besides the case's files and those store-level files, whose bytes are
// part of every key (a case's findings may name its cohort).
func newScan(src store.Source, stage string, params ...string) (*scan, error) {
	cs := &configOnce{Source: src, sum: sha256.New(), recording: true}
	snap, found, err := store.LoadConfig(cs)
	if err != nil {
		return nil, err
	}
	cs.recording = false
	return &scan{snap: snap, found: found, opt: casescan.Options{
		Source: cs,
		Params: append([]string{stage, "store " + hex.EncodeToString(cs.sum.Sum(nil))}, params...),
	}}, nil
}

// keepIn keeps the scan's results in the repository's cache file name,
// when the store keeps one. A cache file holds what its last run used:
// scans of the work tree and of commits keep files of their own, so that
// validate --new-from does not push out what validate keeps.
func (s *scan) keepIn(g *globals, repo *gitstore.Repo, name string) {
	version := g.cacheVersion()
	if !resultcache.Usable(version) {
		return
	}
	s.cache = resultcache.Open(filepath.Join(repo.StateDir(), "cache", name), version)
	s.opt.Cache = s.cache
}

// workTreeScan prepares a scan of the work tree at root: each case is
// keyed by the hash of its directory's files, as git status knows them,
// to find its result in the cache, and by the bytes read when it is read.
// With nothing in the cache there is nothing to find: the walk of git
// status is skipped, and a cold scan reads each file once. The walk's
// progress is on the terminal under label.
func (g *globals) workTreeScan(root string, src store.Source, label, stage string, params ...string) (*scan, error) {
	g.tuneGC()
	s, err := newScan(src, stage, params...)
	if err != nil || g.cacheVersion() == "" {
		return s, err
	}
	repo, err := gitstore.Open(root)
	if err != nil {
		return s, nil // no repository, no cache
	}
	defer repo.Close()
	s.keepIn(g, repo, stage)
	s.opt.KeyRead = true
	if s.cache.Empty() {
		return s, nil
	}
	// Keying every case costs what git status costs, or a read of every
	// file when the index's stat data no longer match: show it too.
	var keying *progress.Meter
	keys, again, err := repo.DirKeys(layout.CasesDir, nil, load.MaxFileSize, func(total int) func() {
		keying = g.meter(label, total, "cases looked at for changes")
		return func() { keying.Add(1) }
	})
	if keying != nil {
		keying.Done()
	}
	if err != nil {
		return s, nil
	}
	s.opt.Keys, s.opt.Recheck = keys, again
	return s, nil
}

// treeScan prepares a scan of a commit's tree: each case is keyed by its
// directory's tree hash.
//
// Reading packed objects costs far more than parsing them (a report at
// 10,000 cases spent minutes in go-git), so what the cache lacks is read
// from the work tree wherever it holds the same bytes: a whole case whose
// directory there has the commit's tree hash, as git status knows it
// (checked again after the case is read), and any other file whose blob
// hash there is the commit's.
func (g *globals) treeScan(repo *gitstore.Repo, tree *gitstore.TreeFiles, stage string, params ...string) (*scan, error) {
	g.tuneGC()
	root := repo.Root()
	work, _ := store.NewWorkTree(root)
	// One repository handle serves every goroutine: its packed objects
	// are read by caseplan's own reader, safe for concurrent use, which
	// searches each pack index as it is on disk (14 MB at 10,000 cases
	// and 50,000 commits, where go-git built 90 MB of maps and read one
	// object at a time).
	route := &routed{tree: store.GitTree{Tree: tree, Work: work}, work: work, same: map[string]bool{}}
	s, err := newScan(route, stage, params...)
	if err != nil {
		return nil, err
	}
	entries, err := tree.List(layout.CasesDir)
	if err != nil {
		return s, nil // no cases/: nothing to key
	}
	keys := make(map[string]plumbing.Hash, len(entries))
	for _, e := range entries {
		if e.Mode == filemode.Dir {
			keys[e.Name] = e.Hash
		}
	}
	var again func(string) (plumbing.Hash, bool)
	s.opt.BeforeRead = func(ids []string) {
		if work == nil || len(ids) < 64 {
			return // a few cases: not worth a walk of the work tree
		}
		// Only a case whose directory is as the last commit has it can
		// be in the work tree as the commit has it, short of an edit
		// that undid a change: the walk looks at those cases alone (all
		// of them for a report of the last commit, a fraction for one
		// of a commit long past).
		candidates := ids
		if headKeys := repo.HeadDirHashes(layout.CasesDir); headKeys != nil {
			candidates = nil
			for _, id := range ids {
				if h, ok := headKeys[id]; ok && h == keys[id] {
					candidates = append(candidates, id)
				}
			}
			if len(candidates) == 0 {
				return
			}
		}
		var here map[string]plumbing.Hash
		if here, again, err = repo.DirKeys(layout.CasesDir, candidates, load.MaxFileSize, nil); err != nil {
			return
		}
		for _, id := range ids {
			if h, ok := here[id]; ok && h == keys[id] {
				route.same[id] = true
			}
		}
	}
	s.opt.Verify = func(id string) bool {
		if !route.same[id] {
			return true
		}
		h, ok := again(id)
		return ok && h == keys[id]
	}
	s.opt.Direct = func(src store.Source) store.Source {
		if c, ok := src.(*configOnce); ok {
			src = c.Source
		}
		return src.(*routed).direct()
	}
	if g.cacheVersion() == "" {
		return s, nil
	}
	s.opt.Keys = keys
	s.keepIn(g, repo, stage+"-commit")
	return s, nil
}

// routed reads a commit's tree, but the cases in same from the work tree,
// whose directories there hold the commit's very files.
type routed struct {
	tree store.Source // the commit's tree, locked
	work *store.WorkTree
	same map[string]bool // filled before the first case is read, then only read
}

func (r *routed) from(p string) store.Source {
	if id, ok := layout.CaseOf(p); ok && r.same[id] {
		return r.work
	}
	return r.direct()
}

// direct is the commit's tree itself.
func (r *routed) direct() store.Source { return r.tree }

func (r *routed) ReadFile(p string) ([]byte, error) { return r.from(p).ReadFile(p) }

// ReadFileInto passes a lent buffer on (store.Lender).
func (r *routed) ReadFileInto(p string, buf []byte) ([]byte, error) {
	return store.ReadFileInto(r.from(p), p, buf)
}

// ReadListedInto passes a listed file's read on (store.ListedReader).
func (r *routed) ReadListedInto(p string, buf []byte) ([]byte, error) {
	return store.ReadListedInto(r.from(p), p, buf)
}

// ReadListedMode passes a listed file's read on (store.ModeReader).
func (r *routed) ReadListedMode(p string, buf []byte) ([]byte, bool, error) {
	return store.ReadListedMode(r.from(p), p, buf)
}

// Concurrent reports that a routed source may be read from several
// goroutines: the work tree and the commit's tree may.
func (r *routed) Concurrent() bool { return true }

func (r *routed) List(dir string) ([]store.Entry, error) { return r.from(dir).List(dir) }

// configOnce is a Source that hashes what is read through it while
// recording — the store-level files, read before any case — so that the
// scan's keys have their bytes without a second read.
type configOnce struct {
	store.Source
	sum       hash.Hash
	recording bool // only while one goroutine reads
}

func (c *configOnce) ReadFile(name string) ([]byte, error) { return c.ReadFileInto(name, nil) }

// ReadFileInto passes a lent buffer on (store.Lender).
func (c *configOnce) ReadFileInto(name string, buf []byte) ([]byte, error) {
	data, err := store.ReadFileInto(c.Source, name, buf)
	return c.record(name, data, err)
}

// ReadListedInto passes a listed file's read on (store.ListedReader).
func (c *configOnce) ReadListedInto(name string, buf []byte) ([]byte, error) {
	data, err := store.ReadListedInto(c.Source, name, buf)
	return c.record(name, data, err)
}

// ReadListedMode passes a listed file's read on (store.ModeReader).
func (c *configOnce) ReadListedMode(name string, buf []byte) ([]byte, bool, error) {
	data, exec, err := store.ReadListedMode(c.Source, name, buf)
	if c.recording {
		fmt.Fprintf(c.sum, "exec %q %v\n", name, exec)
	}
	data, err = c.record(name, data, err)
	return data, exec, err
}

// record hashes what a read gave while recording.
func (c *configOnce) record(name string, data []byte, err error) ([]byte, error) {
	if c.recording {
		fmt.Fprintf(c.sum, "file %q %d %v\n", name, len(data), err)
		c.sum.Write(data)
	}
	return data, err
}

func (c *configOnce) List(dir string) ([]store.Entry, error) {
	entries, err := c.Source.List(dir)
	if c.recording {
		fmt.Fprintf(c.sum, "dir %q %v %v\n", dir, entries, err)
	}
	return entries, err
}

// Concurrent passes on whether the source may be read from several
// goroutines.
func (c *configOnce) Concurrent() bool {
	cc, ok := c.Source.(store.Concurrent)
	return ok && cc.Concurrent()
}

// workTreeStore prepares a scan of the store's work tree for a command
// that reads every case (due, case list), refusing a store whose settings
// cannot be read.
func (g *globals) workTreeStore(label, stage string, params ...string) (*scan, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil, err
	}
	s, err := g.workTreeScan(root, src, label, stage, params...)
	if err != nil {
		return nil, err
	}
	if s.snap.Config == nil {
		return nil, settingsError(s.found)
	}
	return s, nil
}

// cachedRow is what a command keeps of one case: its row, if it has one.
type cachedRow[T any] struct {
	Row *T `json:"row"`
}

// scanRows computes every case's row (row's false: the case has none) in
// case ID order, from the cache for the unchanged cases, with progress on
// the terminal under label.
func scanRows[T any](g *globals, s *scan, label string, row func(c *casefile.Case, cfg *record.Config) (T, bool)) ([]T, error) {
	var reading *progress.Meter
	s.opt.Progress = func(total int) func() {
		reading = g.meter(label, total, "cases read")
		return func() { reading.Add(1) }
	}
	results, _, err := casescan.Scan(s.opt, func(c *casefile.Case, _ []finding.Finding) (cachedRow[T], error) {
		if c != nil {
			if v, ok := row(c, s.snap.Config); ok {
				return cachedRow[T]{Row: &v}, nil
			}
		}
		return cachedRow[T]{}, nil
	})
	if reading != nil {
		reading.Done()
	}
	if err != nil {
		return nil, err
	}
	s.save()
	var rows []T
	for _, r := range results {
		if r.Value.Row != nil {
			rows = append(rows, *r.Value.Row)
		}
	}
	return rows, nil
}
