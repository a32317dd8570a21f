// Package storegen generates realistic caseplan case stores for benchmarks
// and tests: N cases of the three program kinds in the shape of the demo
// store (about 24 files each: intake, plan, references, referrals,
// outcome, a dozen notes and eight activity weeks), a roster of 40 staff,
// and a history of caseplan-style commits (about five per case, with
// caseplan's trailers, authored by the case's manager, dated across the
// year before the chosen today), written with git fast-import.
//
// The store is valid: caseplan validate --today TODAY finds no error in it
// (a few warnings at most) and caseplan verify finds the audit trail
// intact. The same options give byte-identical files and identical commit
// hashes: everything is drawn from math/rand/v2's PCG seeded with
// Options.Seed (one source per case, so cases are generated in parallel
// without changing the result), and commit dates and identities are fixed.
// The bytes also depend on the Go release (math/rand/v2's methods) and the
// YAML module, which go.mod pins.
//
// Everyone in a generated store is fictional: participants are
// "Participant 2026-00017", staff "Case Manager 07", references and team
// members likewise; emails are at example.org and phone numbers
// 555-01xx.
//
// The package uses the git CLI (git init, fast-import, read-tree,
// update-index, unpack-objects): it is test and benchmark tooling, not
// part of caseplan, which never needs the CLI. It imports only leaf
// packages of caseplan (record, layout, audit, calendar, caseid, schemas)
// so that any package's own tests and benchmarks may use it.
package storegen

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// DefaultToday is the today of a store generated without one: the last
// day of the demo store's history.
const DefaultToday = "2026-11-20"

// Options say what store to generate.
type Options struct {
	Cases int    // the number of cases (1,000 and 10,000 in the benchmarks)
	Seed  uint64 // the seed of every random choice
	// Today is the day the store is valid on: nothing in it happens later,
	// and its history spans the year before. Zero means DefaultToday.
	Today time.Time
	// History makes the directory a git repository with the store's
	// history, its work tree and index checked out clean. Without it only
	// the files are written.
	History bool
	// Loose leaves the history's objects loose, as caseplan writes them
	// (go-git never packs), instead of in fast-import's pack; it also
	// sets gc.auto to 0 so that a git command run beside a benchmark does
	// not pack them behind its back.
	Loose bool
	// Log, when set, receives a line per stage.
	Log io.Writer
}

// Result describes a generated store.
type Result struct {
	Dir       string
	Cases     []Case
	Files     int   // files in the work tree (records and schemas)
	Bytes     int64 // their size
	Commits   int
	Head      string // the HEAD commit, with History
	Tree      string // its tree
	RepoBytes int64  // the size of .git, with History
	Took      time.Duration
}

// Case is one generated case, for benchmarks that act on a case.
type Case struct {
	ID      string
	Program string // the program key, which is also its kind
	Manager string // staff id of today's manager
	Author  string // the manager as a commit author: "Name <email>"
	Open    bool
}

// Generate writes a store into dir, which must not exist or be empty.
func Generate(dir string, opt Options) (*Result, error) {
	start := time.Now()
	if opt.Cases < 1 {
		return nil, fmt.Errorf("storegen: %d cases; generate at least one", opt.Cases)
	}
	today := opt.Today
	if today.IsZero() {
		today, _ = time.Parse(time.DateOnly, DefaultToday)
	}
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	if err := emptyDir(dir); err != nil {
		return nil, err
	}
	g := &generator{seed: opt.Seed, today: today, roster: newRoster(), log: opt.Log, start: start}
	g.cfg = g.roster.config()
	res := &Result{Dir: dir}

	store, err := g.storeFiles()
	if err != nil {
		return nil, err
	}
	if err := writeFiles(dir, store, res); err != nil {
		return nil, err
	}
	var imp *importer
	if opt.History {
		if imp, err = startImport(dir); err != nil {
			return nil, err
		}
		defer imp.abort()
		for _, f := range store {
			imp.blob(f)
		}
	}
	var sched scheduler
	sched.add(&commitPlan{
		day: add(today, -365), author: g.roster.admin, action: "store.init", summary: "create the case store",
		files: store, order: -1,
	})

	specs := g.specs(opt.Cases)
	g.logf("generating %d cases", len(specs))
	next := 0
	err = g.generate(dir, specs, func(out *caseOut) error {
		next++
		res.Cases = append(res.Cases, Case{
			ID: out.spec.id, Program: out.spec.program, Manager: out.manager.ID, Author: out.manager.signature(), Open: out.open,
		})
		for _, f := range out.files {
			res.Files++
			res.Bytes += int64(len(f.data))
		}
		res.Commits += len(out.commits)
		if imp == nil {
			return nil
		}
		for _, c := range out.commits {
			for _, f := range c.files {
				imp.blob(f)
			}
		}
		sched.add(out.commits...)
		if next < len(specs) {
			sched.flush(specs[next].opened, imp.commit)
		}
		return imp.err()
	})
	if err != nil {
		return nil, err
	}
	res.Commits++ // the store's first
	if imp == nil {
		res.Took = time.Since(start)
		return res, nil
	}
	sched.flush(time.Time{}, imp.commit)
	if err := imp.finish(); err != nil {
		return nil, err
	}
	g.logf("imported %d commits", res.Commits)
	if opt.Loose {
		g.logf("unpacking the objects")
		if err := unpack(dir); err != nil {
			return nil, err
		}
	}
	g.logf("checking out the index")
	if err := checkout(dir); err != nil {
		return nil, err
	}
	g.logf("checked out")
	if res.Head, err = git(dir, nil, "rev-parse", "HEAD"); err != nil {
		return nil, err
	}
	if res.Tree, err = git(dir, nil, "rev-parse", "HEAD^{tree}"); err != nil {
		return nil, err
	}
	res.RepoBytes, err = du(filepath.Join(dir, ".git"))
	res.Took = time.Since(start)
	return res, err
}

// generator holds what every case's story shares.
type generator struct {
	seed   uint64
	today  time.Time
	roster *roster
	cfg    *record.Config
	log    io.Writer
	start  time.Time
}

func (g *generator) logf(format string, args ...any) {
	if g.log != nil {
		fmt.Fprintf(g.log, "storegen: %5.1fs "+format+"\n", append([]any{time.Since(g.start).Seconds()}, args...)...)
	}
}

// caseSpec is what is decided about a case before its story is told: its
// program, opening day, first manager and ID. These are drawn from one
// source in case order, so that IDs are unique; everything else comes
// from the case's own source.
type caseSpec struct {
	index   int
	id      string
	number  string // the participant's number, 2026-00017
	program string
	opened  time.Time
	manager *staff
}

// specs returns the cases in the order they opened, numbered in that
// order.
func (g *generator) specs(n int) []caseSpec {
	r := rand.New(rand.NewPCG(g.seed, 0))
	seen := make(map[string]bool, n)
	specs := make([]caseSpec, n)
	for i := range specs {
		program := record.ProgramPostEmployment
		switch u := r.IntN(100); {
		case u < 35:
			program = record.ProgramWorkSecurity
		case u < 80:
			program = record.ProgramWIOA
		}
		opened := add(g.today, -(7 + r.IntN(358)))
		var id string
		for id == "" || seen[id] {
			id, _ = caseid.New(opened.Year(), randReader{r})
		}
		seen[id] = true
		specs[i] = caseSpec{id: id, program: program, opened: opened, manager: pick(r, g.roster.managers)}
	}
	slices.SortStableFunc(specs, func(a, b caseSpec) int { return a.opened.Compare(b.opened) })
	for i := range specs {
		specs[i].index = i
		specs[i].number = fmt.Sprintf("%d-%05d", specs[i].opened.Year(), i+1)
	}
	return specs
}

// randReader reads random bytes from r, for caseid.New.
type randReader struct{ r *rand.Rand }

func (rr randReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(rr.r.Uint32())
	}
	return len(p), nil
}

// storeFiles are the store-wide files of caseplan init: the settings with
// the roster, and the schemas the records' modelines point to.
func (g *generator) storeFiles() ([]*file, error) {
	first := add(g.today, -365)
	cfg, err := record.Marshal(layout.ConfigPath, g.cfg)
	if err != nil {
		return nil, err
	}
	files := []*file{{path: layout.ConfigPath, data: cfg, day: first}}
	for _, kind := range schemas.Kinds {
		data, err := schemas.Bytes(kind)
		if err != nil {
			return nil, err
		}
		files = append(files, &file{path: layout.SchemaFile(kind), data: data, day: first})
	}
	return files, nil
}

// generate tells the cases' stories on every core, writes each case's
// files, and hands the cases to use in their order. At most a window of
// cases is kept ahead of use.
func (g *generator) generate(dir string, specs []caseSpec, use func(*caseOut) error) error {
	workers := runtime.GOMAXPROCS(0)
	outs := make([]*caseOut, len(specs))
	errs := make([]error, len(specs))
	ready := make([]chan struct{}, len(specs))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	window := make(chan struct{}, 64*workers)
	todo := make(chan int)
	stop := make(chan struct{})
	go func() {
		defer close(todo)
		for i := range specs {
			select {
			case window <- struct{}{}:
			case <-stop:
				return
			}
			todo <- i
		}
	}()
	for range workers {
		go func() {
			for i := range todo {
				outs[i], errs[i] = newStory(g, specs[i]).build()
				if errs[i] == nil {
					errs[i] = writeCase(dir, outs[i])
				}
				close(ready[i])
			}
		}()
	}
	defer close(stop)
	for i := range specs {
		<-ready[i]
		if errs[i] != nil {
			go drain(window, todo)
			return errs[i]
		}
		if err := use(outs[i]); err != nil {
			go drain(window, todo)
			return err
		}
		outs[i] = nil
		<-window
	}
	return nil
}

// drain lets the workers finish after an error.
func drain(window chan struct{}, todo chan int) {
	for {
		select {
		case <-window:
		case _, ok := <-todo:
			if !ok {
				return
			}
		}
	}
}

// writeCase writes the case's files as they stand today.
func writeCase(dir string, out *caseOut) error {
	made := map[string]bool{}
	for _, f := range out.files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func writeFiles(dir string, files []*file, res *Result) error {
	if err := writeCase(dir, &caseOut{files: files}); err != nil {
		return err
	}
	for _, f := range files {
		res.Files++
		res.Bytes += int64(len(f.data))
	}
	return nil
}

// emptyDir makes dir, or checks that it is an empty directory.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("storegen: %s is not empty; generate into a new directory", dir)
	}
	return nil
}

// du returns the size of the files under dir.
func du(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err == nil {
			n += fi.Size()
		}
		return err
	})
	return n, err
}
