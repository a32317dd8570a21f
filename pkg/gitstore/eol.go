package gitstore

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/gitattributes"
)

// TextFiles answers what the store's .gitattributes say about line ends:
// git stores a file it treats as text ("text", "eol=lf", or "text=auto"
// for a file without NUL bytes) with LF line ends, whatever the work tree
// has, and checks it out with LF on this machine. caseplan does the same,
// so that a file committed by caseplan is one git sees as unchanged.
//
// A YAML or JSON file no attribute speaks of is text as the .gitattributes
// caseplan init writes make it (*.yaml text eol=lf): a store made without
// that file, in a clone whose git checks records out with CRLF
// (core.autocrlf=true, as Git for Windows sets it), still has its records
// stored with LF, as git with core.autocrlf stores them, and not every
// record touched in the work tree turned into a commit of line ends.
type TextFiles struct {
	mu    sync.Mutex
	root  string
	read  map[string]bool
	stack []gitattributes.MatchAttribute
}

// NewTextFiles returns the attributes of the work tree at root; the
// .gitattributes files are read as paths ask for them (the root's, then
// those of the directories on each path), never by a walk of the tree.
func NewTextFiles(root string) *TextFiles {
	return &TextFiles{root: root, read: map[string]bool{}}
}

func (t *TextFiles) load(dir []string) {
	key := strings.Join(dir, "/")
	if t.read[key] {
		return
	}
	t.read[key] = true
	// A copy: ReadAttributesFile appends the file name to the slice it is
	// given, which would write into the caller's path.
	attrs, err := gitattributes.ReadAttributesFile(osfs.New(t.root), slices.Clone(dir), ".gitattributes", len(dir) == 0)
	if err == nil {
		t.stack = append(t.stack, attrs...)
	}
}

// Normalize returns data as git would store the file at path: with CRLF
// line ends made LF when its attributes make it text; changed says whether
// it did.
func (t *TextFiles) Normalize(path string, data []byte) (out []byte, changed bool) {
	if !bytes.Contains(data, []byte("\r\n")) {
		return data, false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	parts := strings.Split(path, "/")
	t.load(nil)
	for i := 1; i < len(parts); i++ {
		t.load(parts[:i])
	}
	// Each rule in order of priority, the later overriding the earlier, as
	// git reads them (go-git's Matcher lets the earlier win).
	attrs := map[string]gitattributes.Attribute{}
	for _, rule := range t.stack {
		if rule.Pattern == nil || !rule.Pattern.Match(parts) {
			continue
		}
		for _, a := range rule.Attributes {
			if a.Name() == "text" || a.Name() == "eol" {
				attrs[a.Name()] = a
			}
		}
	}
	text := false
	if a, ok := attrs["text"]; ok {
		switch {
		case a.IsSet():
			text = true
		case a.IsValueSet() && a.Value() == "auto":
			text = !bytes.Contains(data, []byte{0})
		}
	}
	// eol=lf makes a file text, unless text is unset for it (-text): then
	// git converts nothing.
	if a, ok := attrs["eol"]; ok && a.IsValueSet() {
		if t, ok := attrs["text"]; !ok || !t.IsUnset() {
			text = true
		}
	}
	_, hasText := attrs["text"]
	if _, hasEOL := attrs["eol"]; !hasText && !hasEOL && textByDefault(path) {
		text = !bytes.Contains(data, []byte{0})
	}
	if !text {
		return data, false
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), true
}

// textByDefault says whether the file at path is text when no attribute
// says: the records and schemas, as caseplan init's .gitattributes say.
func textByDefault(path string) bool {
	return strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml") || strings.HasSuffix(path, ".json")
}

// Clean returns data as git would store the work-tree file at path (its
// "clean" form): with LF line ends when the file is text (TextFiles).
// Every comparison of a work-tree file with a blob goes through it, as
// git's does, so a file checked out with CRLF is not an edit.
func (r *Repo) Clean(path string, data []byte) []byte {
	if !bytes.Contains(data, []byte("\r\n")) {
		return data
	}
	r.textOnce.Do(func() { r.text = NewTextFiles(r.root) })
	out, _ := r.text.Normalize(path, data)
	return out
}

// workHash is the blob hash of the work-tree file at path with content
// data, as git would store it.
func (r *Repo) workHash(path string, data []byte) plumbing.Hash {
	return blobHash(r.Clean(path, data))
}
