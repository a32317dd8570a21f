package casework

import (
	"bytes"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/yamledit"
)

// setInOrder returns an Edit that sets the value at path as Set does,
// except that a key missing from a block mapping that already has keys is
// inserted after the nearest key preceding it in the record's field order
// (the struct of which record is a value) instead of at the mapping's end:
// deciding an extension puts decided under requested, as a fresh
// outcome.yaml would have it. Every other line stays as it was.
func setInOrder(record any, path []string, v any) Edit {
	return func(data []byte) ([]byte, error) {
		if out, ok, err := insertInOrder(data, fieldKeys(record), path, v); ok || err != nil {
			return out, err
		}
		return yamledit.Set(data, path, v)
	}
}

// appendInOrder returns an Edit that appends v to the list at path as
// Append does; a list the mapping does not have yet is inserted in the
// record's field order, as setInOrder inserts a key.
func appendInOrder(record any, path []string, v any) Edit {
	return func(data []byte) ([]byte, error) {
		if out, ok, err := insertInOrder(data, fieldKeys(record), path, []any{v}); ok || err != nil {
			return out, err
		}
		return yamledit.Append(data, path, v)
	}
}

// insertInOrder does setInOrder's insertion; ok is false when it leaves
// the edit to yamledit.Set (the key exists, no key precedes it, the mapping
// is flow-style, ...).
func insertInOrder(data []byte, order, path []string, v any) (out []byte, ok bool, err error) {
	if len(path) == 0 {
		return nil, false, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return nil, false, nil
	}
	m := doc.Content[0]
	for _, tok := range path[:len(path)-1] {
		m = childNode(m, tok)
		if m == nil {
			return nil, false, nil
		}
	}
	key := path[len(path)-1]
	rank := slices.Index(order, key)
	if m.Kind != yaml.MappingNode || m.Style&yaml.FlowStyle != 0 || rank < 0 || childNode(m, key) != nil {
		return nil, false, nil
	}
	var afterKey, afterVal *yaml.Node
	best := -1
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r := slices.Index(order, m.Content[i].Value); r >= 0 && r < rank && r > best {
			best, afterKey, afterVal = r, m.Content[i], m.Content[i+1]
		}
	}
	if afterKey == nil {
		return nil, false, nil
	}
	var body bytes.Buffer
	enc := yaml.NewEncoder(&body)
	enc.SetIndent(2)
	if err := enc.Encode(map[string]any{key: v}); err != nil {
		return nil, false, err
	}
	if err := enc.Close(); err != nil {
		return nil, false, err
	}
	pad := strings.Repeat(" ", afterKey.Column-1)
	var text strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(body.String(), "\n"), "\n") {
		if line != "" {
			text.WriteString(pad)
		}
		text.WriteString(line + "\n")
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	at := entryEndLine(lines, afterVal, afterKey.Column-1)
	var b bytes.Buffer
	for _, l := range lines[:at] {
		b.Write(l)
	}
	if at > 0 && !bytes.HasSuffix(lines[at-1], []byte("\n")) {
		b.WriteByte('\n')
	}
	b.WriteString(text.String())
	for _, l := range lines[at:] {
		b.Write(l)
	}
	return b.Bytes(), true, nil
}

// childNode returns the value under a mapping key or at a list index.
func childNode(n *yaml.Node, tok string) *yaml.Node {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == tok {
				return n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i]
		}
	}
	return nil
}

// entryEndLine returns the index of the line after the mapping entry whose
// value is val and whose key is at column keyCol (0-based): its value's
// last line and any deeper-indented lines after it, but not the blank
// lines and comments that follow, which belong to the next entry.
func entryEndLine(lines [][]byte, val *yaml.Node, keyCol int) int {
	end := lastNodeLine(val)
	for i := end; i < len(lines); i++ {
		t := bytes.TrimRight(lines[i], "\r\n")
		trimmed := bytes.TrimLeft(t, " ")
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		if len(t)-len(trimmed) <= keyCol {
			break
		}
		end = i + 1
	}
	return end
}

func lastNodeLine(n *yaml.Node) int {
	line := n.Line
	for _, c := range n.Content {
		line = max(line, lastNodeLine(c))
	}
	return line
}

// fieldKeys returns the YAML keys of a record struct's fields, in order.
func fieldKeys(record any) []string {
	t := reflect.TypeOf(record)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var keys []string
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}
