package history

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	pathpkg "path"
	"strings"
	"unicode/utf16"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// RuleHistoryLeak: a commit put an SSN-shaped number into a file under
// cases/, or a sealed.age that is not wholly age ciphertext (text in it,
// disguised as sealed). A later commit that removes it does not remove
// it from the history every clone keeps: the commit is named so that it
// can be purged.
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
		if pathpkg.Base(path) == layout.SealedFile {
			problem, err := v.sealedProblem(blob)
			if err != nil {
				return err
			}
			if problem != "" {
				v.add(findingAt(shown, 0, c.hash, RuleHistoryLeak, fmt.Sprintf(
					"commit %s wrote a sealed.age that is not age ciphertext: %s; whatever it holds there is in plain text in the history of every clone, even after a later commit removes it: purge the file with git filter-repo --invert-paths (README, Confidentiality), have everyone clone afresh, ask the git host to drop its copies, and seal the case's fields again with caseplan case sealed set",
					short(c.hash), problem)))
			}
		}
		// Not only records: a file caseplan ignores (a scan.txt, a
		// copy.yml, an export of any size) committed with git is in every
		// clone too.
		data, n, line, err := v.scanBlob(path, blob)
		if err != nil {
			return err
		}
		if layout.IsNote(path) {
			author := noteAuthor(path, data)
			if data == nil {
				if author, err = v.bigNoteAuthor(path, blob); err != nil {
					return err
				}
			}
			if v.leaks.authors == nil {
				v.leaks.authors = make(map[plumbing.Hash]string)
			}
			v.leaks.authors[blob] = author
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

// sealedProblem is sealed.CiphertextProblem of blob, a sealed.age. A
// file over load.MaxFileSize is not checked so, only scanned for
// numbers, as any file.
func (v *verifier) sealedProblem(blob plumbing.Hash) (string, error) {
	data, err := v.readBlob(blob)
	if err != nil || data == nil {
		return "", err
	}
	return sealed.CiphertextProblem(data), nil
}

// scanBlob counts the SSN-shaped numbers in blob, the file at path, and
// the line of the first, reading the whole file a chunk at a time,
// whatever its size. data is the whole content when it is no larger than
// load.MaxFileSize (a note's author is read from it), else nil. A text
// saved as UTF-16 is decoded first (see textKindOf). A binary file (a
// NUL byte: a PDF, a scan; a record, .yaml, is read as it is) is read for
// its printable runs, as strings(1) shows them, and no further than the
// chunk (leakChunk, as much as load.MaxFileSize) its binary content
// starts in: a video of some hundred MiB costs what a record does; its
// numbers have no line. A sealed.age is read as any file: age's
// ciphertext spells no number, but text pasted after it would.
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
	// that a small file is read in one go and ends the first read. Both
	// are even, so a UTF-16 file's chunks begin on a character.
	buf := make([]byte, min(o.Size(), leakChunk)+leakOverlap)
	have, carry, lines := 0, 0, 1 // lines: the line buf[0] is on
	kind := plainText
	for first := true; ; first = false {
		k, rerr := io.ReadFull(r, buf[have:])
		have += k
		chunk := buf[:have]
		if first {
			kind = textKindOf(chunk)
		}
		if kind == plainText && textOnly && bytes.IndexByte(chunk[carry:], 0) >= 0 {
			kind = binaryRuns
		}
		text, textCarry := kind.text(chunk, carry)
		for _, m := range v.leaks.guard.SSNs(text) {
			if m.End <= textCarry {
				continue // read with the chunk before
			}
			if n++; n == 1 && kind != binaryRuns {
				line = lines + strings.Count(text[:m.Start], "\n")
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
		if kind == binaryRuns {
			return nil, n, line, nil
		}
		carry = min(leakOverlap, have)
		head, _ := kind.text(chunk[:have-carry], 0)
		lines += strings.Count(head, "\n")
		copy(buf, chunk[have-carry:])
		have = carry
	}
}

// textKind is how scanBlob reads a file's bytes as text.
type textKind int

const (
	plainText  textKind = iota
	utf16LE             // Windows Notepad's "Unicode"
	utf16BE             // its "Unicode big endian"
	binaryRuns          // the printable runs of a binary file
)

// textKindOf tells from the beginning of a file whether it is a text
// saved as UTF-16: by its byte order mark (FF FE, FE FF), or, as Windows
// writes it without one, by a NUL in nearly every other byte and almost
// none in the rest (the high byte of each Latin letter and digit).
func textKindOf(b []byte) textKind {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return utf16LE
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return utf16BE
	}
	b = b[:min(len(b), leakOverlap)&^1]
	pairs := len(b) / 2
	if pairs < 4 {
		return plainText
	}
	var even, odd int
	for i := 0; i < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	switch {
	case 4*odd >= 3*pairs && 8*even <= pairs:
		return utf16LE
	case 4*even >= 3*pairs && 8*odd <= pairs:
		return utf16BE
	}
	return plainText
}

// text returns b as the text to scan, and where in it the text of
// b[:carry] ends: a UTF-16 text decoded; a binary file's printable runs
// of four or more bytes (as strings(1) finds them), every other byte a
// line break, so that each byte keeps its offset and no number is made
// of two runs.
func (k textKind) text(b []byte, carry int) (string, int) {
	switch k {
	case utf16LE, utf16BE:
		return decodeUTF16(b, k == utf16LE), len(decodeUTF16(b[:carry], k == utf16LE))
	case binaryRuns:
		out := make([]byte, len(b))
		start := 0
		for i := 0; i <= len(b); i++ {
			if i < len(b) && (b[i] == '\t' || b[i] >= 0x20 && b[i] < 0x7F) {
				out[i] = b[i]
				continue
			}
			if i-start < 4 {
				for j := start; j < i; j++ {
					out[j] = '\n'
				}
			}
			if i < len(b) {
				out[i] = '\n'
			}
			start = i + 1
		}
		return string(out), carry
	}
	return string(b), carry
}

// decodeUTF16 decodes b, UTF-16 in either byte order; a byte order mark
// decodes to U+FEFF, which no pattern reads, and an odd last byte is left.
func decodeUTF16(b []byte, little bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if little {
			u[i] = binary.LittleEndian.Uint16(b[2*i:])
		} else {
			u[i] = binary.BigEndian.Uint16(b[2*i:])
		}
	}
	return string(utf16.Decode(u))
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

// bigNoteEntry bounds what bigNoteAuthor keeps of the author's entry:
// far more than any staff ID and its comments.
const bigNoteEntry = 64 << 10

// bigNoteAuthor is the author a note over load.MaxFileSize names, read
// without parsing it whole (the loader refuses a file that large, and
// validate reports its size; notes are never edited, so it stays): the
// value of its top-level author key, parsed from the lines of that entry
// alone, wherever in the file it is. In a block mapping, as caseplan and
// anyone editing by hand writes a note, a line that begins at the first
// column (not a space, a tab, a comment or a blank) is a key of the top
// mapping or a document marker: the text of a value, a block scalar's
// or a continued line's, is indented. A note written as one flow mapping
// ({author: ..., ...}) or in another encoding (UTF-16) names no author
// so read; "" then, as for a small note that does not parse.
func (v *verifier) bigNoteAuthor(path string, blob plumbing.Hash) (string, error) {
	o, err := v.repo.Storer.EncodedObject(plumbing.BlobObject, blob)
	if err != nil {
		return "", fmt.Errorf("read blob %s: %w", blob, err)
	}
	r, err := o.Reader()
	if err != nil {
		return "", fmt.Errorf("read blob %s: %w", blob, err)
	}
	defer r.Close()
	br := bufio.NewReaderSize(r, 64<<10)
	var entry []byte
	in, lineStart, first := false, true, true
	for {
		line, err := br.ReadSlice('\n')
		if first {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
			first = false
		}
		if lineStart && len(line) > 0 && !bytes.ContainsAny(line[:1], " \t\r\n#") {
			if in {
				break // the next key: the author's entry is whole
			}
			in = bytes.HasPrefix(line, []byte("author")) || bytes.HasPrefix(line, []byte(`"author"`)) || bytes.HasPrefix(line, []byte(`'author'`))
		}
		if in && len(entry) < bigNoteEntry {
			entry = append(entry, line[:min(len(line), bigNoteEntry-len(entry))]...)
		}
		lineStart = err != bufio.ErrBufferFull
		if err == io.EOF {
			break
		}
		if err != nil && err != bufio.ErrBufferFull {
			return "", fmt.Errorf("read blob %s: %w", blob, err)
		}
	}
	return noteAuthor(path, entry), nil
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
