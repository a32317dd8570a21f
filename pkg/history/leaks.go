package history

import (
	"bytes"
	"fmt"
	"io"
	pathpkg "path"
	"slices"
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
		// Not only records: a file caseplan ignores (a scan.txt, a
		// copy.yml, an export of any size) committed with git is in every
		// clone too.
		data, n, line, err := v.scanBlob(path, blob)
		if err != nil {
			return err
		}
		if data != nil && layout.IsNote(path) {
			if v.leaks.authors == nil {
				v.leaks.authors = make(map[plumbing.Hash]string)
			}
			v.leaks.authors[blob] = noteAuthor(path, data)
		}
		if n == 0 {
			return nil
		}
		more := ""
		if n > 1 {
			more = fmt.Sprintf(" (and %d more)", n-1)
		}
		v.add(findingAt(shown, line, c.hash, RuleHistoryLeak, fmt.Sprintf(
			"commit %s wrote %s%s into the file; it stays in the history of every clone even after a later commit removes it: purge it with git filter-repo --replace-text (README, Confidentiality), have everyone clone afresh, and ask the git host to drop its copies",
			short(c.hash), pii.Describe(pii.SSN), more)))
		return nil
	})
}

// leakChunk is how much of a file scanBlob reads at a time, and
// leakOverlap how much of one chunk it reads again with the next, so a
// number across the chunks' border is found: far more than any number's
// length.
const (
	leakChunk   = 1 << 20
	leakOverlap = 4 << 10
)

// ageHeaders are how an age file (a sealed.age, ciphertext) begins, in
// its binary and its armored form.
var ageHeaders = [][]byte{[]byte("age-encryption.org/v1\n"), []byte("-----BEGIN AGE ENCRYPTED FILE-----")}

// scanBlob counts the SSN-shaped numbers in blob, the file at path, and
// the line of the first, reading the whole file a chunk at a time,
// whatever its size. data is the whole content when it is no larger than
// load.MaxFileSize (a note's author is read from it), else nil. A binary
// file (a NUL byte: a PDF, an image; a record, .yaml, is read anyway)
// and a sealed.age that is age ciphertext are not read as text; a file
// merely named sealed.age is.
func (v *verifier) scanBlob(path string, blob plumbing.Hash) (data []byte, n, line int, err error) {
	o, err := v.repo.Storer.EncodedObject(plumbing.BlobObject, blob)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("read blob %s: %w", blob, err)
	}
	r, err := o.Reader()
	if err != nil {
		return nil, 0, 0, fmt.Errorf("read blob %s: %w", blob, err)
	}
	defer r.Close()
	textOnly := !strings.HasSuffix(path, layout.Ext)
	// One chunk and the overlap, or the whole file and a byte more, so
	// that a small file is read in one go and ends the first read.
	buf := make([]byte, min(o.Size(), leakChunk)+leakOverlap)
	have, carry, lines := 0, 0, 1 // lines: the line buf[0] is on
	for first := true; ; first = false {
		k, rerr := io.ReadFull(r, buf[have:])
		have += k
		chunk := buf[:have]
		if first && pathpkg.Base(path) == layout.SealedFile && slices.ContainsFunc(ageHeaders, func(h []byte) bool { return bytes.HasPrefix(chunk, h) }) {
			return nil, 0, 0, nil // ciphertext
		}
		if textOnly && bytes.IndexByte(chunk[carry:], 0) >= 0 {
			return nil, 0, 0, nil
		}
		for _, m := range v.leaks.guard.SSNs(string(chunk)) {
			if m.End <= carry {
				continue // read with the chunk before
			}
			if n++; n == 1 {
				line = lines + bytes.Count(chunk[:m.Start], []byte("\n"))
			}
		}
		if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
			if first && o.Size() <= load.MaxFileSize {
				data = chunk
			}
			return data, n, line, nil
		}
		if rerr != nil {
			return nil, 0, 0, fmt.Errorf("read blob %s: %w", blob, rerr)
		}
		carry = min(leakOverlap, have)
		lines += bytes.Count(chunk[:have-carry], []byte("\n"))
		copy(buf, chunk[have-carry:])
		have = carry
	}
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
