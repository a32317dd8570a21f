package store

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
)

// Rule IDs of the findings the loader produces.
const (
	RuleSymlink      = "symlink"
	RuleUnreadable   = "unreadable"
	RuleCaseDir      = "case-id"
	RuleMissingFile  = "missing-file"
	RuleUnknownFile  = "unknown-file"
	RuleDecode       = "field-type"
	RuleMissingStore = "missing-config"
)

// Snapshot is a store's records as read from one Source.
type Snapshot struct {
	Config    *record.Config
	ConfigDoc *load.Document
	Cases     []*Case // sorted by ID
	Files     int     // record files read
}

// Case is one case's records. A record that is absent or could not be read
// is nil; the findings say why.
type Case struct {
	ID         string
	Dir        string // repository-relative, e.g. cases/2026-K7QX2
	Intake     *record.Intake
	IEP        *record.IEP
	References *record.References
	Services   *record.Services
	Outcome    *record.Outcome
	Notes      []*record.Note         // sorted by date, then ID
	Activity   []*record.ActivityWeek // sorted by week
	Docs       []*load.Document       // every parsed file of the case, in path order

	notePath map[*record.Note]string
	present  map[string]bool // files that exist, readable or not
}

// NotePath returns the repository-relative path of a note of this case.
func (c *Case) NotePath(n *record.Note) string { return c.notePath[n] }

// Doc returns the parsed document at path, or nil.
func (c *Case) Doc(p string) *load.Document {
	for _, d := range c.Docs {
		if d.Path == p {
			return d
		}
	}
	return nil
}

// Case returns the case with the given ID, or nil.
func (s *Snapshot) Case(id string) *Case {
	i := sort.Search(len(s.Cases), func(i int) bool { return s.Cases[i].ID >= id })
	if i < len(s.Cases) && s.Cases[i].ID == id {
		return s.Cases[i]
	}
	return nil
}

// Load reads the store settings and the cases named in only (every case
// when only is empty). Problems with the records are returned as findings;
// the error is for failures of the source itself (I/O, git).
func Load(src Source, only []string) (*Snapshot, []finding.Finding, error) {
	l := loader{src: src, snap: &Snapshot{}}
	l.loadConfig()
	// only == nil loads every case; an empty, non-nil only loads none (a
	// change to the settings alone, say).
	ids := only
	for _, id := range only {
		// A case named on the command line that cannot be a directory name
		// cannot exist: say so, rather than report on a directory.
		if caseid.Check(id) != nil {
			return nil, nil, &UnknownCaseError{ID: id}
		}
	}
	if only == nil {
		entries, err := src.List(CasesDir)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range entries {
			p := CasesDir + "/" + e.Name
			switch {
			case e.Symlink && e.Name != "caseplan.yaml":
				// A link that leaves the store does not resolve to a
				// directory here; loadCase reports it as the link it is.
				ids = append(ids, e.Name)
			case e.IsDir:
				ids = append(ids, e.Name)
			case e.Name == "caseplan.yaml", strings.HasPrefix(e.Name, "."):
			default:
				l.add(p, 0, RuleUnknownFile, finding.Warning, "%s is not part of a case store; case records live in cases/<case-id>/", e.Name)
			}
		}
	}
	if err := l.loadCases(ids); err != nil {
		return nil, nil, err
	}
	sort.Slice(l.snap.Cases, func(i, j int) bool { return l.snap.Cases[i].ID < l.snap.Cases[j].ID })
	return l.snap, l.findings, nil
}

// Concurrent is implemented by sources that may be read from several
// goroutines at once. The work tree can; go-git's object storage cannot.
type Concurrent interface{ Concurrent() bool }

// Concurrent reports that the work tree may be read from several goroutines.
func (w *WorkTree) Concurrent() bool { return true }

// loadCases reads the cases, on several goroutines when the source allows:
// reading and parsing dominate a whole-store load (kubeconform's lesson),
// and each case's result depends only on its own files.
func (l *loader) loadCases(ids []string) error {
	workers := runtime.GOMAXPROCS(0) * 2
	if c, ok := l.src.(Concurrent); !ok || !c.Concurrent() || len(ids) < 16 {
		workers = 1
	}
	if workers == 1 {
		for _, id := range ids {
			if err := l.loadCase(id); err != nil {
				return err
			}
		}
		return nil
	}
	type result struct {
		l   *loader
		err error
	}
	results := make([]result, len(ids))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				one := &loader{src: l.src, snap: &Snapshot{}}
				results[i] = result{one, one.loadCase(ids[i])}
			}
		}()
	}
	for i := range ids {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			return r.err
		}
		l.snap.Cases = append(l.snap.Cases, r.l.snap.Cases...)
		l.snap.Files += r.l.snap.Files
		l.findings = append(l.findings, r.l.findings...)
	}
	return nil
}

type loader struct {
	src      Source
	snap     *Snapshot
	findings []finding.Finding
}

func (l *loader) add(p string, line int, rule string, sev finding.Severity, format string, args ...any) {
	l.findings = append(l.findings, finding.Finding{
		Path: p, Line: line, Column: min(line, 1), Severity: sev, Rule: rule,
		Message: fmt.Sprintf(format, args...), Case: caseOf(p),
	})
}

// caseOf returns the case ID a repository-relative path belongs to.
func caseOf(p string) string {
	rest, ok := strings.CutPrefix(p, CasesDir+"/")
	if !ok {
		return ""
	}
	id, _, found := strings.Cut(rest, "/")
	if !found && id == "caseplan.yaml" {
		return ""
	}
	return id
}

// read reads and parses one file, turning every failure into a finding.
func (l *loader) read(p string) *load.Document {
	data, err := l.src.ReadFile(p)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case errors.Is(err, ErrOutsideStore):
			l.add(p, 0, RuleSymlink, finding.Error, "%s is a symbolic link to a file outside the store; replace it with the file itself", path.Base(p))
		default:
			l.add(p, 0, RuleUnreadable, finding.Error, "cannot read: %v", err)
		}
		return nil
	}
	l.snap.Files++
	doc, fs := load.Parse(p, data)
	for _, f := range fs {
		f.Case = caseOf(p)
		l.findings = append(l.findings, f)
	}
	return doc
}

// decode fills v from doc. A value of the wrong type (a list where a
// mapping belongs, say) makes the record unusable for the later checks; the
// schema finding explains it, so this one only marks the record as skipped
// when the schema would not (it always should).
func (l *loader) decode(doc *load.Document, v any) bool {
	if doc == nil {
		return false
	}
	if err := doc.Decode(v); err != nil {
		l.add(doc.Path, doc.Root.Line, RuleDecode, finding.Error, "cannot read the record: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return false
	}
	return true
}

func (l *loader) loadConfig() {
	doc := l.read(ConfigPath)
	if doc == nil {
		if _, err := l.src.ReadFile(ConfigPath); errors.Is(err, fs.ErrNotExist) {
			l.add(ConfigPath, 0, RuleMissingStore, finding.Error, "the store settings file is missing; run caseplan init to create a store")
		}
		return
	}
	var c record.Config
	if l.decode(doc, &c) {
		l.snap.Config = &c
	}
	l.snap.ConfigDoc = doc
}

// caseFiles are the single-record files of a case directory, in the order
// they are reported.
var caseFiles = []string{"intake.yaml", "iep.yaml", "references.yaml", "services.yaml", "outcome.yaml"}

func (l *loader) loadCase(id string) error {
	dir := CasesDir + "/" + id
	if err := caseid.Check(id); err != nil {
		l.add(dir, 0, RuleCaseDir, finding.Error, "directory name: %v; rename the directory", err)
		return nil
	}
	entries, err := l.src.List(dir)
	if err != nil {
		if errors.Is(err, ErrOutsideStore) {
			l.add(dir, 0, RuleSymlink, finding.Error, "%s is a symbolic link to a directory outside the store", id)
			return nil
		}
		if l.isFile(dir) {
			return &UnknownCaseError{ID: id}
		}
		return err
	}
	if entries == nil {
		return &UnknownCaseError{ID: id}
	}
	c := &Case{ID: id, Dir: dir, notePath: map[*record.Note]string{}, present: map[string]bool{}}
	l.snap.Cases = append(l.snap.Cases, c)

	known := map[string]bool{"notes": true, "activity": true}
	for _, f := range caseFiles {
		known[f] = true
	}
	for _, e := range entries {
		c.present[e.Name] = true
		if !known[e.Name] && !strings.HasPrefix(e.Name, ".") {
			l.add(dir+"/"+e.Name, 0, RuleUnknownFile, finding.Warning, "%s is not a caseplan record (expected %s, notes/ or activity/); it is ignored", e.Name, strings.Join(caseFiles, ", "))
		}
	}

	for _, name := range caseFiles {
		p := dir + "/" + name
		doc := l.read(p)
		if doc == nil {
			continue
		}
		c.Docs = append(c.Docs, doc)
		switch name {
		case "intake.yaml":
			var v record.Intake
			if l.decode(doc, &v) {
				c.Intake = &v
			}
		case "iep.yaml":
			var v record.IEP
			if l.decode(doc, &v) {
				c.IEP = &v
			}
		case "references.yaml":
			var v record.References
			if l.decode(doc, &v) {
				c.References = &v
			}
		case "services.yaml":
			var v record.Services
			if l.decode(doc, &v) {
				c.Services = &v
			}
		case "outcome.yaml":
			var v record.Outcome
			if l.decode(doc, &v) {
				c.Outcome = &v
			}
		}
	}
	if !c.present["intake.yaml"] {
		l.add(dir, 0, RuleMissingFile, finding.Error, "case %s has no intake.yaml; every case starts with an intake record (caseplan case new)", id)
	}

	if err := l.loadDir(c, "notes", func(doc *load.Document) {
		var n record.Note
		if l.decode(doc, &n) {
			c.Notes = append(c.Notes, &n)
			c.notePath[&n] = doc.Path
		}
	}); err != nil {
		return err
	}
	sort.SliceStable(c.Notes, func(i, j int) bool {
		a, b := c.Notes[i], c.Notes[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.ID < b.ID
	})
	return l.loadDir(c, "activity", func(doc *load.Document) {
		var w record.ActivityWeek
		if l.decode(doc, &w) {
			c.Activity = append(c.Activity, &w)
		}
	})
}

// loadDir reads every .yaml file of one of a case's record directories.
func (l *loader) loadDir(c *Case, sub string, each func(*load.Document)) error {
	dir := c.Dir + "/" + sub
	entries, err := l.src.List(dir)
	if err != nil {
		if errors.Is(err, ErrOutsideStore) {
			l.add(dir, 0, RuleSymlink, finding.Error, "%s is a symbolic link to a directory outside the store", sub)
			return nil
		}
		if l.isFile(dir) {
			l.add(dir, 0, RuleUnknownFile, finding.Error, "%s is a file; %s/ must be a directory of .yaml records", sub, sub)
			return nil
		}
		return err
	}
	for _, e := range entries {
		p := dir + "/" + e.Name
		if e.IsDir || !strings.HasSuffix(e.Name, ".yaml") {
			if !strings.HasPrefix(e.Name, ".") {
				l.add(p, 0, RuleUnknownFile, finding.Warning, "%s is not a caseplan record (files in %s/ end in .yaml); it is ignored", e.Name, sub)
			}
			continue
		}
		if e.Size > load.MaxFileSize {
			// Refused before reading, with the parser's own finding.
			l.snap.Files++
			f := load.TooLarge(p, e.Size)
			f.Case = caseOf(p)
			l.findings = append(l.findings, f)
			continue
		}
		if doc := l.read(p); doc != nil {
			c.Docs = append(c.Docs, doc)
			each(doc)
		}
	}
	return nil
}

// isFile reports whether p is a file rather than a directory: List fails
// on a file in both sources, with errors that differ.
func (l *loader) isFile(p string) bool {
	_, err := l.src.ReadFile(p)
	return err == nil
}

// UnknownCaseError says a case named on the command line does not exist.
type UnknownCaseError struct{ ID string }

func (e *UnknownCaseError) Error() string { return fmt.Sprintf("no case %q in this store", e.ID) }
