package store

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/go-git/go-git/v5/plumbing"
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
	RuleFileMode     = "file-mode"
)

// Load reads the store settings and the cases named in only (every case
// when only is empty). Problems with the records are returned as findings;
// the error is for failures of the source itself (I/O, git).
func Load(src Source, only []string) (*casefile.Snapshot, []finding.Finding, error) {
	l := loader{src: src, snap: &casefile.Snapshot{}}
	l.loadConfig()
	// Store-level records are few, and every case may name a cohort:
	// they are read whichever cases are.
	if err := l.loadStoreRecords(); err != nil {
		return nil, nil, err
	}
	if l.err != nil {
		return nil, nil, l.err
	}
	ids, top, err := CaseIDs(src, only)
	if err != nil {
		return nil, nil, err
	}
	l.findings = append(l.findings, top...)
	if err := l.loadCases(ids); err != nil {
		return nil, nil, err
	}
	if l.err != nil {
		return nil, nil, l.err
	}
	l.snap.SortCases()
	return l.snap, l.redacted(), nil
}

// LoadConfig reads what is not a case: the store settings and the
// store-level records (the cohorts, the import rules), into a Snapshot
// with no cases, with the findings about those files.
func LoadConfig(src Source) (*casefile.Snapshot, []finding.Finding, error) {
	l := loader{src: src, snap: &casefile.Snapshot{}}
	l.loadConfig()
	if err := l.loadStoreRecords(); err != nil {
		return nil, nil, err
	}
	if l.err != nil {
		return nil, nil, l.err
	}
	return l.snap, l.redacted(), nil
}

// CaseIDs lists the cases Load reads: those named in only, or every
// directory of cases/ when only is nil (an empty, non-nil only names
// none). top are the findings about cases/ itself (files that are no
// case).
func CaseIDs(src Source, only []string) (ids []string, top []finding.Finding, err error) {
	l := loader{src: src, snap: &casefile.Snapshot{}}
	// only == nil loads every case; an empty, non-nil only loads none (a
	// change to the settings alone, say).
	ids = only
	for _, id := range only {
		// A case named on the command line that cannot be a directory name
		// cannot exist: say so, rather than report on a directory.
		if caseid.Check(id) != nil {
			return nil, nil, &UnknownCaseError{ID: id}
		}
	}
	if only == nil {
		entries, err := src.List(layout.CasesDir)
		if err != nil {
			return nil, nil, err
		}
		for _, e := range entries {
			p := layout.CasesDir + "/" + e.Name
			switch {
			case e.IsDir && layout.IsStoreDir(e.Name):
				// cohorts/, import-rules/: read above.
			case e.Symlink && !layout.IsConfig(p):
				// Not followed, wherever it points: a link to another
				// case's directory would pass its records off as a second
				// case's, and git keeps the link, not the records.
				l.add(p, 0, RuleSymlink, finding.Error, "%s is a symbolic link, not a case directory; a case's records are plain files in its own directory: replace the link with the directory itself (or git rm it)", e.Name)
			case e.IsDir:
				ids = append(ids, e.Name)
			case layout.IsConfig(p), strings.HasPrefix(e.Name, "."):
			default:
				l.add(p, 0, RuleUnknownFile, finding.Warning, "%s is not part of a case store; case records live in cases/<case-id>/", e.Name)
			}
		}
		first := make(map[string]string, len(ids))
		for _, id := range ids {
			k := caseid.Key(id)
			if other, ok := first[k]; ok {
				l.add(layout.CaseDir(id), 0, RuleCaseDir, finding.Error, "%s and %s differ only in capitals: on macOS and Windows they are one directory; rename one (git mv)", other, id)
				continue
			}
			first[k] = id
		}
	}
	return ids, l.findings, nil
}

// LoadCase reads one case as Load does: c is nil when the directory is
// none a case can have (a bad name, a link out of the store; the findings
// say so), files counts the record files read.
func LoadCase(src Source, id string) (c *casefile.Case, found []finding.Finding, files int, err error) {
	return LoadCaseIn(nil, src, id)
}

// LoadCaseIn is LoadCase with the case's documents parsed into a (see
// load.Arena: they are good until a.Free).
func LoadCaseIn(a *load.Arena, src Source, id string) (c *casefile.Case, found []finding.Finding, files int, err error) {
	l := loader{src: src, snap: &casefile.Snapshot{}, arena: a}
	if err := l.loadCase(id); err != nil {
		return nil, nil, 0, err
	}
	if l.err != nil {
		return nil, nil, 0, l.err
	}
	if len(l.snap.Cases) > 0 {
		c = l.snap.Cases[0]
	}
	return c, l.redacted(), l.snap.Files, nil
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
			if l.err != nil {
				return l.err
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
				one := &loader{src: l.src, snap: &casefile.Snapshot{}}
				err := one.loadCase(ids[i])
				if err == nil {
					err = one.err
				}
				results[i] = result{one, err}
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
	snap     *casefile.Snapshot
	findings []finding.Finding
	// err is the first failure of the source itself met while reading a
	// record: a git object missing from the clone (a partial or shallow
	// one) or damaged. It is no finding about the record: the record was
	// never read, and findings that compare two commits would take its
	// absence for a change.
	err error
	// arena is where the documents' nodes come from (nil: their own).
	arena *load.Arena
}

// readBufs are the buffers lent to a Lender for one file each, while it is
// read and parsed (a record is a few kilobytes; a larger one is read into
// a buffer of its own).
var readBufs = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// ReadErrorFinding is the finding for the record file p that is there
// but was refused by the read itself, err being what ReadFile said: a
// symbolic link out of the store, a named pipe or a device, a file over
// the size limit. Every reader of a record — validate's loader, a command
// about to edit the file — says it in these words; ok is false for any
// other error (a missing file, I/O), which is the caller's to handle.
func ReadErrorFinding(p string, err error) (f finding.Finding, ok bool) {
	var tl *TooLargeError
	switch {
	case errors.Is(err, ErrOutsideStore):
		f = finding.Finding{Path: p, Severity: finding.Error, Rule: RuleSymlink,
			Message: fmt.Sprintf("%s is a symbolic link to a file outside the store; replace it with the file itself", path.Base(p))}
	case errors.Is(err, ErrNotRegular):
		f = finding.Finding{Path: p, Severity: finding.Error, Rule: RuleUnreadable,
			Message: fmt.Sprintf("%s is not a regular file (a named pipe, a device, a socket?); a record is a plain text file: remove it", path.Base(p))}
	case errors.As(err, &tl):
		f = load.TooLarge(p, tl.Size)
	default:
		return finding.Finding{}, false
	}
	f.Case = caseOf(p)
	return f, true
}

func (l *loader) add(p string, line int, rule string, sev finding.Severity, format string, args ...any) {
	l.findings = append(l.findings, finding.Finding{
		Path: p, Line: line, Column: min(line, 1), Severity: sev, Rule: rule,
		Message: fmt.Sprintf(format, args...), Case: caseOf(p),
	})
}

// redacted returns the loader's findings with every SSN-shaped number
// they quote (a line of a file that does not parse, a value of the wrong
// type, a field's name) masked: a finding is printed, by CI too, and kept
// in the results cache (.git/caseplan/cache) after the record is
// corrected. The default patterns apply: the store's own are validate's
// to add (validate.Finish).
func (l *loader) redacted() []finding.Finding {
	return finding.Redact(l.findings, pii.Default().Redact)
}

// caseOf returns the case ID a repository-relative path belongs to, or "".
func caseOf(p string) string {
	id, _ := layout.CaseOf(p)
	return id
}

// read reads and parses one file, turning every failure into a finding.
func (l *loader) read(p string) *load.Document { return l.readListed(p, Entry{}) }

// readListed is read of a file as the source's List found it (a regular
// file when e.Regular). A record with its executable bit set, by the
// listing (a commit's tree) or by the read's own stat (the work tree), is
// read, and the bit reported.
func (l *loader) readListed(p string, e Entry) *load.Document {
	// The data is parsed into values of their own and never kept: the
	// buffer serves the next file read.
	buf := readBufs.Get().(*[]byte)
	defer readBufs.Put(buf)
	var data []byte
	var err error
	exec := e.Executable
	if e.Regular {
		var x bool
		data, x, err = ReadListedMode(l.src, p, *buf)
		exec = exec || x
	} else {
		data, err = ReadFileInto(l.src, p, *buf)
	}
	if err != nil {
		if f, ok := ReadErrorFinding(p, err); ok {
			if f.Rule == load.RuleTooLarge {
				l.snap.Files++ // a record, refused for its size
			}
			l.findings = append(l.findings, f)
			return nil
		}
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case errors.Is(err, plumbing.ErrObjectNotFound) || errors.As(err, new(*gitstore.DamagedObjectError)):
			if l.err == nil {
				l.err = err
			}
		case errors.Is(err, fs.ErrPermission):
			// A file whose mode or owner was changed (chmod, a copy made
			// as another user) is there and whole: say how to look and
			// how to give it back to the person working in the clone.
			l.add(p, 0, RuleUnreadable, finding.Error, "cannot read: %v", err)
			l.findings[len(l.findings)-1].Hint = fmt.Sprintf("the file's permissions do not let you read it: ls -l %s shows its owner and mode; if it is yours, chmod u+rw %s gives it back, else ask whoever owns it", p, p)
		default:
			l.add(p, 0, RuleUnreadable, finding.Error, "cannot read: %v", err)
		}
		return nil
	}
	l.snap.Files++
	if exec {
		// Harmless to read, but a record is no program, and git keeps
		// the bit as part of the file (mode 100755).
		l.add(p, 0, RuleFileMode, finding.Warning, "%s has its executable bit set; a record is a plain text file: chmod -x %s, and git update-index --chmod=-x %s if it was committed so", path.Base(p), p, p)
	}
	doc, fs := load.ParseIn(l.arena, p, data)
	for _, f := range fs {
		f.Case = caseOf(p)
		l.findings = append(l.findings, f)
	}
	return doc
}

// decode fills v from doc. A value of the wrong type (a list where text
// belongs, say) makes the record unusable for the later checks: the
// finding says which field, where, in plain words, and marks the record
// as not read (NotRead). The schema check says the same of the same
// field; validate keeps one of the two (validate.Finish).
func (l *loader) decode(doc *load.Document, v any) bool {
	if doc == nil {
		return false
	}
	if err := doc.Decode(v); err != nil {
		l.findings = append(l.findings, DecodeFinding(doc, v, err))
		return false
	}
	return true
}

// DecodeFinding is the finding for a record that doc.Decode(v) could not
// fill, failing with err.
func DecodeFinding(doc *load.Document, v any, err error) finding.Finding {
	line, col, msg := doc.DecodeProblem(v, err)
	return finding.Finding{
		Path: doc.Path, Line: line, Column: col, Severity: finding.Error, Rule: RuleDecode,
		Message: msg, Case: caseOf(doc.Path), FileLevel: true,
	}
}

func (l *loader) loadConfig() {
	doc := l.read(layout.ConfigPath)
	if doc == nil {
		if _, err := l.src.ReadFile(layout.ConfigPath); errors.Is(err, fs.ErrNotExist) {
			l.add(layout.ConfigPath, 0, RuleMissingStore, finding.Error, "the store settings file is missing; run caseplan init to create a store")
		}
		return
	}
	var c record.Config
	if l.decode(doc, &c) {
		l.snap.Config = &c
	}
	l.snap.ConfigDoc = doc
}

func (l *loader) loadCase(id string) error {
	dir := layout.CaseDir(id)
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
			return &UnknownCaseError{ID: id, Commit: CommitOf(l.src)}
		}
		return err
	}
	if entries == nil {
		return &UnknownCaseError{ID: id, Commit: CommitOf(l.src)}
	}
	c := casefile.New(id)
	l.snap.Cases = append(l.snap.Cases, c)

	present := map[string]bool{}
	listed := map[string]Entry{}
	linked := map[string]bool{}
	var unknown []string
	for _, e := range entries {
		if e.Symlink {
			// Not followed, wherever it points: git keeps the link,
			// not the record, and a link to another case's file (or
			// to anything on disk) would pass its content off as this
			// case's (DESIGN.md §2: a case's records are its files).
			l.linked(c, dir+"/"+e.Name)
			linked[e.Name] = true
			continue
		}
		present[e.Name] = true
		listed[e.Name] = e
		_, single := layout.KindOfName(e.Name)
		if !single && e.Name != layout.NotesDir && e.Name != layout.ActivityDir && !layout.IsSealedName(e.Name) && !strings.HasPrefix(e.Name, ".") {
			unknown = append(unknown, e.Name)
		}
	}
	for _, name := range unknown {
		if l.unknown(dir, name, true, listed[name].IsDir, present) {
			c.Unread = append(c.Unread, dir+"/"+name)
		}
	}

	for _, kind := range layout.SingleKinds() {
		if !present[layout.FileName(kind)] {
			continue // not listed: nothing to read
		}
		found := len(l.findings)
		doc := l.readListed(c.File(kind), listed[layout.FileName(kind)])
		if doc == nil {
			if len(l.findings) > found {
				c.Unread = append(c.Unread, c.File(kind))
			}
			continue
		}
		c.Docs = append(c.Docs, doc)
		read := true
		switch kind {
		case layout.KindIntake:
			c.Intake = decodeInto[record.Intake](l, doc)
			read = c.Intake != nil
		case layout.KindIEP:
			c.IEP = decodeInto[record.IEP](l, doc)
			read = c.IEP != nil
		case layout.KindReferences:
			c.References = decodeInto[record.References](l, doc)
			read = c.References != nil
		case layout.KindServices:
			c.Services = decodeInto[record.Services](l, doc)
			read = c.Services != nil
		case layout.KindOutcome:
			c.Outcome = decodeInto[record.Outcome](l, doc)
			read = c.Outcome != nil
		}
		if !read {
			c.Unread = append(c.Unread, doc.Path)
		}
	}
	if !present[layout.FileName(layout.KindIntake)] && !linked[layout.FileName(layout.KindIntake)] {
		l.add(dir, 0, RuleMissingFile, finding.Error, "case %s has no %s, which every case starts with; if it was deleted by mistake, restore it with git checkout -- %s", id, layout.FileName(layout.KindIntake), dir+"/"+layout.FileName(layout.KindIntake))
	}
	if present[layout.SealedFile] || present[layout.RecipientsFile] {
		if c.Sealed, err = l.readSealed(id); err != nil {
			return err
		}
	}

	if linked[layout.NotesDir] {
		// Reported above, and not followed.
	} else if err := l.loadDir(c, layout.NotesDir, func(doc *load.Document) bool {
		n := decodeInto[record.Note](l, doc)
		if n != nil {
			c.AddNote(n, doc.Path)
		}
		return n != nil
	}); err != nil {
		return err
	}
	c.SortNotes()
	if linked[layout.ActivityDir] {
		return nil
	}
	return l.loadDir(c, layout.ActivityDir, func(doc *load.Document) bool {
		w := decodeInto[record.ActivityWeek](l, doc)
		if w != nil {
			c.AddActivity(w, doc.Path)
		}
		return w != nil
	})
}

// linked reports p, a symbolic link in case c's directory, unread: a
// record is a plain file of its own.
func (l *loader) linked(c *casefile.Case, p string) {
	l.add(p, 0, RuleSymlink, finding.Error, "%s is a symbolic link, not a record file; a case's records are plain files in its own directory: replace the link with the file itself (or git rm it)", path.Base(p))
	c.Unread = append(c.Unread, p)
}

// decodeInto decodes doc into a new T, or returns nil when it cannot.
func decodeInto[T any](l *loader, doc *load.Document) *T {
	var v T
	if !l.decode(doc, &v) {
		return nil
	}
	return &v
}

// unknown reports name, in dir (a case directory, or one of its record
// directories: top is false), as no record of the layout. A name that is a record's but
// for capitals or .yml is an error: its writer thinks the record is kept,
// and it is neither checked nor seen by any command. Anything else (an
// editor's backup, a stray file) is a warning. present are dir's names.
//
// It reports whether name was taken for a record: the case is then judged
// as one with a record unread (Case.Unread), not as one without it.
func (l *loader) unknown(dir, name string, top, isDir bool, present map[string]bool) (record bool) {
	p := dir + "/" + name
	if meant, ok := layout.MeantName(name, top); ok && (top || !isDir) {
		what, slash := "the record is kept as "+meant, ""
		if isDir {
			what, slash = "the directory is named "+meant+"/", "/"
		}
		if present[meant] {
			l.add(p, 0, RuleUnknownFile, finding.Error, "%s%s is not read, %s%s is: %s; move what it holds that %s%s lacks there, then remove %s", name, slash, meant, slash, what, meant, slash, p)
			return true
		}
		l.add(p, 0, RuleUnknownFile, finding.Error, "%s%s is not read: %s; rename it with git mv %s %s", name, slash, what, p, dir+"/"+meant)
		return true
	}
	if top {
		l.add(p, 0, RuleUnknownFile, finding.Warning, "%s is not a caseplan record (expected %s, %s/ or %s/); it is ignored", name, strings.Join(layout.SingleNames(), ", "), layout.NotesDir, layout.ActivityDir)
		return false
	}
	l.add(p, 0, RuleUnknownFile, finding.Warning, "%s is not a caseplan record (files in %s/ end in .yaml); it is ignored", name, path.Base(dir))
	return false
}

// loadDir reads every .yaml file of one of a case's record directories;
// each decodes one and says whether it could.
func (l *loader) loadDir(c *casefile.Case, sub string, each func(*load.Document) bool) error {
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
	var present map[string]bool
	for _, e := range entries {
		p := dir + "/" + e.Name
		if e.Symlink {
			l.linked(c, p)
			continue
		}
		if e.IsDir || !strings.HasSuffix(e.Name, layout.Ext) {
			if !strings.HasPrefix(e.Name, ".") {
				if present == nil {
					present = make(map[string]bool, len(entries))
					for _, e := range entries {
						present[e.Name] = true
					}
				}
				if l.unknown(dir, e.Name, false, e.IsDir, present) {
					c.Unread = append(c.Unread, p)
				}
			}
			continue
		}
		if e.Size > load.MaxFileSize {
			// Refused before reading, with the parser's own finding.
			l.snap.Files++
			f := load.TooLarge(p, e.Size)
			f.Case = caseOf(p)
			l.findings = append(l.findings, f)
			c.Unread = append(c.Unread, p)
			continue
		}
		found := len(l.findings)
		doc := l.readListed(p, e)
		switch {
		case doc != nil:
			c.Docs = append(c.Docs, doc)
			if !each(doc) {
				c.Unread = append(c.Unread, p)
			}
		case len(l.findings) > found:
			c.Unread = append(c.Unread, p)
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

// UnknownCaseError says a case named on the command line does not exist:
// in the store, or, when Commit is set, in that commit's tree (read with
// --at), which says nothing of the store today: the case may have been
// opened since.
type UnknownCaseError struct {
	ID string
	// Commit is the full hash of the commit read, "" for the work tree.
	Commit string
}

func (e *UnknownCaseError) Error() string {
	if e.Commit != "" {
		return fmt.Sprintf("no case %q in commit %s", e.ID, shortCommit(e.Commit))
	}
	return fmt.Sprintf("no case %q in this store", e.ID)
}

// shortCommit is a commit hash as caseplan's messages show it: its first
// 12 digits.
func shortCommit(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
