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
	"runtime"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
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
// opt.Params, and encode to JSON and back unchanged.
func Scan[T any](opt Options, compute func(c *casefile.Case, loaded []finding.Finding) (T, error)) (results []Result[T], top []finding.Finding, err error) {
	ids, top, err := store.CaseIDs(opt.Source, opt.Only)
	if err != nil {
		return nil, nil, err
	}
	params := make([][]byte, 0, len(opt.Params)+2)
	for _, p := range opt.Params {
		params = append(params, []byte(p))
	}
	key := func(id string) (resultcache.Key, bool) {
		h, ok := opt.Keys[id]
		if !ok || opt.Cache == nil {
			return resultcache.Key{}, false
		}
		return resultcache.NewKey(append(params[:len(params):len(params)], []byte(id), h[:])...), true
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
	one := func(src store.Source, i int) error {
		id := ids[i]
		k, keyed := key(id)
		c, loaded, files, err := store.LoadCase(src, id)
		if err == nil && opt.Verify != nil && !opt.Verify(id) {
			c, loaded, files, err = store.LoadCase(opt.Direct(src), id)
		}
		if err != nil {
			return err
		}
		v, err := compute(c, loaded)
		if err != nil {
			return err
		}
		r := Result[T]{ID: id, Case: c != nil, Files: files, Value: v}
		if keyed && opt.Recheck != nil {
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
			for i := range next {
				if errs[w] != nil {
					continue // drain: another case already failed the scan
				}
				errs[w] = one(opt.Source, i)
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
