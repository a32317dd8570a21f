package history

import (
	"bytes"
	"fmt"
	"io"
	pathpkg "path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/pii"
)

// RuleHistoryLeak: a commit put an SSN-shaped number into a file under
// cases/. A later commit that removes it does not remove it from the
// history every clone keeps: the commit is named so that it can be purged.
const RuleHistoryLeak = "history-pii-leak"

// leakScan finds the SSNs the commits checked added to the store. Each
// file content (blob) is read once, however many commits share it, so the
// cost follows what the history changed, not its length.
type leakScan struct {
	guard   *pii.Guard
	scanned map[plumbing.Hash]bool
	// authors are the authors of the notes the scan of one commit read,
	// by blob, for checkNoteAuthors: each note is read once.
	authors map[plumbing.Hash]string
}

// checkLeaks scans the files under cases/ that commit c has and none of
// its parents has at the same path.
func (v *verifier) checkLeaks(c *commitInfo, cases plumbing.Hash, parents []plumbing.Hash) error {
	if v.leaks.scanned == nil {
		v.leaks.scanned = make(map[plumbing.Hash]bool)
	}
	clear(v.leaks.authors)
	return v.newFiles(layout.CasesDir, cases, parents, func(path string, blob plumbing.Hash) error {
		if pathpkg.Base(path) == layout.SealedFile {
			return nil // ciphertext
		}
		// A file's name is in the history as surely as its content
		// ("ssn 912-78-1234.txt"); the finding names it masked.
		shown := path
		if v.leaks.guard.HasSSN(path) || pii.SpacedSSN(path) {
			shown, _ = v.leaks.guard.Redact(path)
			v.add(findingAt(shown, 0, c.hash, RuleHistoryLeak, fmt.Sprintf(
				"commit %s wrote a file whose name holds %s; it stays in the history of every clone even after a later commit removes it: purge it with git filter-repo --path-rename or --invert-paths (README, Confidentiality), have everyone clone afresh, and ask the git host to drop its copies",
				short(c.hash), pii.Describe(pii.SSN))))
		}
		if v.leaks.scanned[blob] {
			return nil
		}
		v.leaks.scanned[blob] = true
		data, err := v.readBlob(blob)
		if err != nil || data == nil {
			return err
		}
		// Not only records: a file caseplan ignores (a scan.txt, a
		// copy.yml) committed with git is in every clone too. A binary
		// file (a NUL byte: a PDF, an image) is not read as text.
		if !strings.HasSuffix(path, layout.Ext) && bytes.IndexByte(data, 0) >= 0 {
			return nil
		}
		if layout.IsNote(path) {
			if v.leaks.authors == nil {
				v.leaks.authors = make(map[plumbing.Hash]string)
			}
			v.leaks.authors[blob] = noteAuthor(path, data)
		}
		ms := v.leaks.guard.SSNs(string(data))
		if len(ms) == 0 {
			return nil
		}
		line := 1 + strings.Count(string(data[:ms[0].Start]), "\n")
		more := ""
		if len(ms) > 1 {
			more = fmt.Sprintf(" (and %d more)", len(ms)-1)
		}
		v.add(findingAt(shown, line, c.hash, RuleHistoryLeak, fmt.Sprintf(
			"commit %s wrote %s%s into the file; it stays in the history of every clone even after a later commit removes it: purge it with git filter-repo --replace-text (README, Confidentiality), have everyone clone afresh, and ask the git host to drop its copies",
			short(c.hash), pii.Describe(pii.SSN), more)))
		return nil
	})
}

// checkMessage reports a commit whose message holds an SSN-shaped number:
// git keeps the message as long as the commit, in every clone, and log
// shows it. caseplan refuses to write one; a commit made with git alone
// is checked here, whatever it changed.
func (v *verifier) checkMessage(c *commitInfo) {
	if !v.leaks.guard.HasSSN(c.message) && !pii.SpacedSSN(c.message) {
		return
	}
	v.add(findingAt("", 0, c.hash, RuleHistoryLeak, fmt.Sprintf(
		"the message of commit %s holds %s; it stays in the history of every clone: purge it with git filter-repo --replace-message (README, Confidentiality), have everyone clone afresh, and ask the git host to drop its copies",
		short(c.hash), pii.Describe(pii.SSN))))
}

// newFiles calls fn for every file under dir (the tree h) whose blob is
// not at the same path in any of the parent trees (the zero hash: absent),
// going only into subtrees that changed.
func (v *verifier) newFiles(dir string, h plumbing.Hash, parents []plumbing.Hash, fn func(path string, blob plumbing.Hash) error) error {
	for _, p := range parents {
		if p == h {
			return nil
		}
	}
	t, err := v.trees.get(h)
	if err != nil {
		return err
	}
	if len(parents) == 1 {
		// One parent, the usual case: one merge of the two sorted trees
		// rather than a search of the parent for every entry (the cases/
		// directory of a large store has thousands).
		pt, err := v.trees.get(parents[0])
		if err != nil {
			return err
		}
		return pairEntries(pt, t, func(o, n *treeEntry) error {
			if n == nil || o != nil && o.hash == n.hash {
				return nil
			}
			p := dir + "/" + string(n.name)
			if !n.dir {
				return fn(p, n.hash)
			}
			var sub plumbing.Hash
			if o != nil {
				sub = o.hash
			}
			return v.newFiles(p, n.hash, []plumbing.Hash{sub}, fn)
		})
	}
	pts := make([]*tree, len(parents))
	for i, p := range parents {
		if pts[i], err = v.trees.get(p); err != nil {
			return err
		}
	}
	for i := range t.entries {
		e := &t.entries[i]
		name := string(e.name)
		var sub []plumbing.Hash
		same := false
		for _, pt := range pts {
			if pe := pt.lookup(name, e.dir); pe != nil {
				same = same || pe.hash == e.hash
				sub = append(sub, pe.hash)
			}
		}
		if same {
			continue
		}
		p := dir + "/" + name
		if e.dir {
			if len(sub) == 0 {
				sub = []plumbing.Hash{plumbing.ZeroHash}
			}
			if err := v.newFiles(p, e.hash, sub, fn); err != nil {
				return err
			}
			continue
		}
		if err := fn(p, e.hash); err != nil {
			return err
		}
	}
	return nil
}

// readBlob returns a blob's content, or nil for one over the size of any
// record (load.MaxFileSize), which no record can be.
func (v *verifier) readBlob(h plumbing.Hash) ([]byte, error) {
	o, err := v.repo.Storer.EncodedObject(plumbing.BlobObject, h)
	if err != nil {
		return nil, fmt.Errorf("read blob %s: %w", h, err)
	}
	if o.Size() > load.MaxFileSize {
		return nil, nil
	}
	r, err := o.Reader()
	if err != nil {
		return nil, fmt.Errorf("read blob %s: %w", h, err)
	}
	defer r.Close()
	return io.ReadAll(r)
}

// noteAuthor is the author a note's bytes name, "" when they name none or
// do not parse (validate reports those).
func noteAuthor(path string, data []byte) string {
	doc, _ := load.Parse(path, data)
	if doc == nil {
		return ""
	}
	m, _ := doc.Value().(map[string]any)
	author, _ := m["author"].(string)
	return author
}

// findingAt is a finding of commit, at line of path ("" and 0: about the
// commit as a whole).
func findingAt(path string, line int, commit plumbing.Hash, rule, msg string) finding.Finding {
	f := finding.Finding{Path: path, Line: line, Rule: rule, Commit: commit.String(), Message: msg}
	if line > 0 {
		f.Column = 1
	}
	return f
}
