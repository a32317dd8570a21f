package gitstore

import (
	"bytes"
	"slices"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing/format/gitattributes"
)

// TextFiles answers what the store's .gitattributes say about line ends:
// git stores a file it treats as text ("text", "eol=lf", or "text=auto"
// for a file without NUL bytes) with LF line ends, whatever the work tree
// has, and checks it out with LF on this machine. caseplan does the same,
// so that a file committed by caseplan is one git sees as unchanged.
type TextFiles struct {
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
	if !text {
		return data, false
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), true
}
