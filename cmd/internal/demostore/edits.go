package main

import (
	"fmt"
	"regexp"
	"strings"
)

// The hand edits: what a case manager does in an editor to a record file,
// done line by line on the text so that the rest of the file stays exactly
// as it was. They are the edits the demo store's history was made with, and
// must stay byte for byte what they are, or the store would no longer be
// reproduced (pkg/yamledit is caseplan's own, more careful way of editing
// by hand; it is not used here for that reason).

var topLevelRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*:`)

// topLevel reports whether line starts a top-level key.
func topLevel(line string) bool { return topLevelRE.MatchString(line) }

// lines splits a file's text into lines without their newlines.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// unlines joins lines, each ending with a newline.
func unlines(ls []string) string {
	if len(ls) == 0 {
		return ""
	}
	return strings.Join(ls, "\n") + "\n"
}

// appendToList adds items (list items indented as in the file) at the end
// of the top-level list key: just before the next top-level key. When the
// file has no key, the list is started just before the top-level key
// before, or at the end of the file when before is "" or not there.
func appendToList(file, key, before, items string) string {
	add := lines(items)
	var out []string
	inKey, done := false, false
	for _, l := range lines(file) {
		if inKey && topLevel(l) {
			out = append(out, add...)
			inKey, done = false, true
		}
		if !done && !inKey && before != "" && strings.HasPrefix(l, before+":") {
			out = append(out, key+":")
			out = append(out, add...)
			done = true
		}
		if strings.HasPrefix(l, key+":") {
			inKey = true
		}
		out = append(out, l)
	}
	switch {
	case inKey:
		out = append(out, add...)
	case !done:
		out = append(out, key+":")
		out = append(out, add...)
	}
	return unlines(out)
}

// setScalar sets a top-level scalar (path "key") or a scalar of a top-level
// map (path "parent.key") to value. A new key goes at the end of its map,
// just before the next top-level key; a new map goes at the end of the file.
func setScalar(file, path, value string) string {
	parent, key, nested := strings.Cut(path, ".")
	if !nested {
		key, parent = parent, ""
	}
	indent := ""
	if nested {
		indent = "  "
	}
	line := indent + key + ": " + value
	var out []string
	inMap, done := false, false
	for _, l := range lines(file) {
		if !nested && strings.HasPrefix(l, key+":") {
			out = append(out, line)
			done = true
			continue
		}
		if nested && inMap && topLevel(l) && !done {
			out = append(out, line)
			done = true
		}
		if nested && topLevel(l) {
			inMap = strings.HasPrefix(l, parent+":")
		}
		if nested && inMap && strings.HasPrefix(l, indent+key+":") {
			out = append(out, line)
			done = true
			continue
		}
		out = append(out, l)
	}
	if !done {
		if nested && !inMap {
			out = append(out, parent+":")
		}
		out = append(out, line)
	}
	return unlines(out)
}

// setInItem sets field to value in the first list item that starts with
// "- item" (e.g. "- id: M1"), wherever it is nested. A new field goes at
// the end of the item: the item ends at the next line indented no deeper
// than its dash.
func setInItem(file, item, field, value string) (string, error) {
	start := "- " + item
	if !strings.Contains(file, start) {
		return "", fmt.Errorf("no item %q", start)
	}
	var out []string
	inItem, done := false, false
	pad := ""
	dash := 0
	for _, l := range lines(file) {
		if inItem && l != "" && indentOf(l) <= dash {
			if !done {
				out = append(out, pad+field+": "+value)
			}
			inItem, done = false, true
		}
		if inItem && strings.HasPrefix(l, pad+field+":") {
			out = append(out, pad+field+": "+value)
			done = true
			continue
		}
		if !done && l[indentOf(l):] == start {
			inItem = true
			dash = indentOf(l)
			pad = strings.Repeat(" ", dash+2)
		}
		out = append(out, l)
	}
	if inItem && !done {
		out = append(out, pad+field+": "+value)
	}
	return unlines(out), nil
}

// indentOf is the number of spaces line starts with.
func indentOf(line string) int {
	return len(line) - len(strings.TrimLeft(line, " "))
}
