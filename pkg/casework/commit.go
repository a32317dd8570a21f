package casework

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

// ErrNothingToCommit says there are no hand edits under cases/.
var ErrNothingToCommit = errors.New("nothing to commit: no changes under cases/")

// CommitEdits validates the hand edits under cases/ (files that differ from
// HEAD) and commits them as one commit, or refuses and leaves them as they
// are. A committed note may not be changed or removed: corrections are
// amendment notes.
func (w *Workspace) CommitEdits(message string) (*Result, error) {
	unlock, err := w.Repo.Lock(gitstore.DefaultLockWait)
	if err != nil {
		return nil, err
	}
	defer unlock()
	w.skipped = nil

	head, err := w.Repo.Head()
	if err != nil {
		return nil, err
	}
	var before store.Source = emptySource{}
	var tree *gitstore.TreeFiles
	if !head.IsZero() {
		if tree, err = w.Repo.TreeAt(head); err != nil {
			return nil, err
		}
		before = store.GitTree{Tree: tree}
	}
	files, err := w.editedFiles(tree)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, ErrNothingToCommit
	}

	var refused []finding.Finding
	var cases []string
	seen := map[string]bool{}
	for p, data := range files {
		rest := strings.TrimPrefix(p, layout.CasesDir+"/")
		id, sub, isCase := strings.Cut(rest, "/")
		if isCase && !seen[id] {
			seen[id] = true
			cases = append(cases, id)
		}
		if isCase && strings.HasPrefix(sub, "notes/") && tree != nil {
			if _, err := tree.ReadFile(p); err == nil {
				rule, verb := "note-changed", "changed"
				if data == nil {
					rule, verb = "note-removed", "removed"
				}
				refused = append(refused, finding.Finding{
					Path: p, Severity: finding.Error, Rule: rule, Case: id,
					Message: fmt.Sprintf("a committed note may not be %s; restore it (git checkout -- %s) and record the correction with caseplan note amend", verb, p),
				})
			}
		}
	}
	sort.Strings(cases)
	if _, ok := files[layout.ConfigPath]; ok {
		// The settings apply to every case (its program, its manager on
		// the roster): check them all.
		cases = nil
	}

	work, err := store.NewWorkTree(w.Repo.Root())
	if err != nil {
		return nil, err
	}
	// editedFiles has read every edited file already.
	src := store.NewMemo(work)
	for p, data := range files {
		if data != nil {
			src.Remember(p, data)
		}
	}
	opt := validate.Options{Schemas: w.Schemas, Today: w.Today}
	beforeSnap, beforeLoaded, err := store.Load(before, existing(before, cases))
	if err != nil {
		return nil, err
	}
	afterSnap, afterLoaded, err := store.Load(src, existing(src, cases))
	if err != nil {
		return nil, err
	}
	if afterSnap.Config != nil {
		if _, ok := afterSnap.Config.StaffByEmail(w.Author.Email); !ok {
			return nil, &NotOnRosterError{Author: w.Author}
		}
	}
	afterFindings := validate.Run(afterSnap, afterLoaded, opt)
	refused = append(refused, introduced(validate.Run(beforeSnap, beforeLoaded, opt), afterFindings, files)...)
	if len(refused) > 0 {
		finding.Sort(refused)
		return nil, &RefusedError{Findings: refused}
	}

	change := &Change{Cases: cases, Action: "commit", Summary: message, Files: files}
	res := &Result{Change: change, Skipped: w.skipped}
	if change.Summary == "" {
		change.Summary = "commit hand edits"
	}
	for _, f := range afterFindings {
		if f.Severity == finding.Warning {
			res.Warnings = append(res.Warnings, f)
		}
	}
	var hash plumbing.Hash
	err = w.critical(func() error {
		var err error
		hash, err = w.Repo.Commit(gitstore.CommitRequest{
			Message: Message(change),
			Author:  gitstore.Signature{Name: w.Author.Name, Email: w.Author.Email, When: w.Now()},
			Changes: changes(files),
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	res.Commit = hash.String()
	return res, nil
}

// existing keeps the case IDs that have a directory in src, so a case
// that is new (or removed) in the edits loads as absent on the other side.
func existing(src store.Source, ids []string) []string {
	if ids == nil {
		return nil // every case
	}
	out := []string{}
	for _, id := range ids {
		if entries, err := src.List(layout.CasesDir + "/" + id); err == nil && entries != nil {
			out = append(out, id)
		}
	}
	return out
}

// editedFiles compares the work tree under cases/ with HEAD's tree by blob
// hash and returns the files that differ (nil content for a deletion).
// Untracked files that git ignores (an editor's backups, say) are left out,
// as git add would leave them out.
func (w *Workspace) editedFiles(tree *gitstore.TreeFiles) (map[string][]byte, error) {
	root := w.Repo.Root()
	ignore := newIgnorer(root)
	files := map[string][]byte{}
	inWork := map[string]bool{}
	var ignoredDirs []string
	err := filepath.WalkDir(filepath.Join(root, layout.CasesDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			// An ignored directory may still hold tracked files, which git
			// keeps tracking: walk on, and leave out only what is untracked.
			if ignore.match(rel, true) {
				ignoredDirs = append(ignoredDirs, rel+"/")
			}
			ignore.readDir(rel)
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		var old []byte
		tracked := false
		if tree != nil {
			if data, err := tree.ReadFile(rel); err == nil {
				old, tracked = data, true
			}
		}
		if !tracked && (ignore.match(rel, false) || underAny(rel, ignoredDirs)) {
			return nil
		}
		if _, isRecord := layout.KindOf(rel); !tracked && !isRecord {
			// A stray file (a call log, a scan) is not a record: it stays
			// out of the audit trail, and the caller says so.
			w.skipped = append(w.skipped, rel)
			return nil
		}
		inWork[rel] = true
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if tracked && bytes.Equal(old, data) {
			return nil
		}
		files[rel] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	if tree != nil {
		err = tree.Walk(layout.CasesDir, func(p string, e gitstore.Entry) error {
			if !e.IsDir && !inWork[p] {
				files[p] = nil
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return files, nil
}

func underAny(p string, dirs []string) bool {
	for _, d := range dirs {
		if strings.HasPrefix(p, d) {
			return true
		}
	}
	return false
}

// ignorer applies git's ignore rules: .git/info/exclude, the user's global
// excludes file, and the .gitignore files from the root down to the
// directories walked. Only the directories on the way to cases/ are read,
// never the whole tree.
type ignorer struct {
	root     string
	patterns []gitignore.Pattern
}

func newIgnorer(root string) *ignorer {
	ig := &ignorer{root: root}
	if ps, err := gitignore.LoadGlobalPatterns(osfs.New("/")); err == nil {
		ig.patterns = append(ig.patterns, ps...)
	}
	ig.readFile(".git/info/exclude", nil)
	ig.readDir("")
	return ig
}

// readDir adds the patterns of dir's .gitignore (dir is slash-separated,
// relative to the root; "" for the root itself).
func (ig *ignorer) readDir(dir string) {
	var domain []string
	name := ".gitignore"
	if dir != "" {
		domain = strings.Split(dir, "/")
		name = dir + "/.gitignore"
	}
	ig.readFile(name, domain)
}

func (ig *ignorer) readFile(name string, domain []string) {
	data, err := os.ReadFile(filepath.Join(ig.root, filepath.FromSlash(name)))
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ig.patterns = append(ig.patterns, gitignore.ParsePattern(line, domain))
	}
}

func (ig *ignorer) match(rel string, isDir bool) bool {
	return gitignore.NewMatcher(ig.patterns).Match(strings.Split(rel, "/"), isDir)
}

// emptySource is the store before the first commit.
type emptySource struct{}

func (emptySource) ReadFile(name string) ([]byte, error) { return nil, fs.ErrNotExist }
func (emptySource) List(dir string) ([]store.Entry, error) {
	return nil, nil
}
