package casework

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/yamledit"
)

// planSet returns an Edit that sets the value at path in iep.yaml. Where
// the key already exists it is yamledit.Set: the value changes where it
// stands. Where the key is missing from a mapping that exists, it is
// inserted after the nearest key that comes before it in the record's
// canonical order (record.IEP's field order) rather than at the mapping's
// end: a plan's first review puts `updated` under `created`, not below the
// self-sufficiency plan, and a hand-written goal given a status gets it
// after its target, not after its milestones. The lines around it are
// untouched either way.
func planSet(path []string, v any) Edit {
	return func(data []byte) ([]byte, error) {
		if out, ok, err := insertPlanKey(data, path, v); ok || err != nil {
			return out, err
		}
		return yamledit.Set(data, path, v)
	}
}

// planAppend returns an Edit that appends v to the list at path, creating
// the list in canonical order (see planSet) when it is absent.
func planAppend(path []string, v any) Edit {
	return func(data []byte) ([]byte, error) {
		if out, ok, err := insertPlanKey(data, path, []any{v}); ok || err != nil {
			return out, err
		}
		return yamledit.Append(data, path, v)
	}
}

// insertPlanKey inserts path's first missing key (with v wrapped in the
// mappings for the rest of path) into its block mapping at its canonical
// place. ok is false when it leaves the work to yamledit: the whole path
// exists, a list item is missing, or the mapping is empty, flow-style or
// not a mapping.
func insertPlanKey(data []byte, path []string, v any) (out []byte, ok bool, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, false, err
	}
	if len(doc.Content) == 0 {
		return nil, false, nil
	}
	n := doc.Content[0]
	ownerLine := 0 // the line of the key that owns n; 0 for the root and list items
	for depth, tok := range path {
		switch n.Kind {
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil, false, nil
			}
			n, ownerLine = n.Content[i], 0
			continue
		case yaml.MappingNode:
		default:
			return nil, false, nil
		}
		var next, nextKey *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == tok {
				nextKey, next = n.Content[i], n.Content[i+1]
				break
			}
		}
		if next != nil {
			n, ownerLine = next, nextKey.Line
			continue
		}
		if len(n.Content) == 0 && n.Style&yaml.FlowStyle == 0 {
			return nil, false, nil
		}
		for _, t := range path[depth+1:] {
			if _, err := strconv.Atoi(t); err == nil {
				return nil, false, nil
			}
		}
		order := planKeyOrder(path[:depth])
		rank := planKeyRank(order, tok)
		if rank < 0 {
			return nil, false, nil
		}
		// The nearest existing key that comes before tok canonically.
		pi := -1
		for i := 0; i+1 < len(n.Content); i += 2 {
			if r := planKeyRank(order, n.Content[i].Value); r >= 0 && r < rank {
				if pi < 0 || r > planKeyRank(order, n.Content[pi].Value) {
					pi = i
				}
			}
		}
		if n.Style&yaml.FlowStyle != 0 && depth > 0 {
			// {id: M1, text: ..., due: ...} written by hand: the mapping
			// is rewritten with the key in its place, in flow style (on
			// its one line if it fits there).
			var val yaml.Node
			if err := val.Encode(planNest(path[depth+1:], v)); err != nil {
				return nil, false, err
			}
			at := 0
			if pi >= 0 {
				at = pi + 2
			}
			m := *n
			m.Content = append(append(append([]*yaml.Node(nil), n.Content[:at]...),
				&yaml.Node{Kind: yaml.ScalarNode, Value: tok}, &val), n.Content[at:]...)
			out, err := yamledit.Set(data, path[:depth], &m)
			return out, err == nil, err
		}
		if n.Style&yaml.FlowStyle != 0 {
			return nil, false, nil
		}
		lines := planLines(data)
		var at int
		switch {
		case pi >= 0:
			at = planEntryEnd(lines, n.Content[pi+1], n.Content[pi].Column-1)
		case depth == 0:
			at = n.Content[0].Line - 1 // before the first key, after the modeline
		case ownerLine > 0 && n.Line > ownerLine:
			at = ownerLine // right under the mapping's own key
		default:
			return nil, false, nil // a list item's first key sits on its dash line
		}
		text, err := renderPlanEntry(tok, planNest(path[depth+1:], v), n.Content[0].Column-1)
		if err != nil {
			return nil, false, err
		}
		var b bytes.Buffer
		for _, l := range lines[:at] {
			b.Write(l)
		}
		if at > 0 && !bytes.HasSuffix(lines[at-1], []byte("\n")) {
			b.WriteByte('\n')
		}
		b.WriteString(text)
		for _, l := range lines[at:] {
			b.Write(l)
		}
		return b.Bytes(), true, nil
	}
	return nil, false, nil // the whole path exists: set it where it stands
}

// planKeyOrder returns the keys of the mapping at path (list indexes
// included) in the order record.IEP's fields give them.
func planKeyOrder(path []string) []string {
	t := reflect.TypeFor[record.IEP]()
	for _, tok := range path {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if _, err := strconv.Atoi(tok); err == nil {
			continue // the slice's element, unwrapped above
		}
		f, ok := planField(t, tok)
		if !ok {
			return nil
		}
		t = f.Type
	}
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for i := range t.NumField() {
		if k := planYAMLKey(t.Field(i)); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

func planField(t reflect.Type, key string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		if planYAMLKey(t.Field(i)) == key {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

func planYAMLKey(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	return name
}

func planKeyRank(keys []string, k string) int {
	for i, s := range keys {
		if s == k {
			return i
		}
	}
	return -1
}

// planNest nests v in one mapping per key of keys: planNest([a b], v) is {a: {b: v}}.
func planNest(keys []string, v any) any {
	for i := len(keys) - 1; i >= 0; i-- {
		v = planEntry{keys[i], v}
	}
	return v
}

// planEntry renders as a mapping with a single key.
type planEntry struct {
	key string
	val any
}

func (m planEntry) MarshalYAML() (any, error) {
	var v yaml.Node
	if err := v.Encode(m.val); err != nil {
		return nil, err
	}
	return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: m.key}, &v}}, nil
}

// renderPlanEntry renders "key: value" in the canonical style, each line
// indented by indent spaces.
func renderPlanEntry(key string, v any, indent int) (string, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(planEntry{key, v}); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		if line != "" {
			b.WriteString(pad)
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// planEntryEnd returns the index of the line after the mapping entry whose
// value is val and whose key is at column keyCol (0-based): past the
// value's last node and any more-indented continuation lines (a block
// scalar's), but not past blank lines and comments that follow it, which
// belong to what comes next.
func planEntryEnd(lines [][]byte, val *yaml.Node, keyCol int) int {
	end := planLastLine(val)
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

// planLastLine returns the 1-based line on which the last node within n starts.
func planLastLine(n *yaml.Node) int {
	line := n.Line
	for _, c := range n.Content {
		line = max(line, planLastLine(c))
	}
	return line
}

func planLines(data []byte) [][]byte {
	var lines [][]byte
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return append(lines, data)
		}
		lines = append(lines, data[:i+1])
		data = data[i+1:]
	}
	return lines
}
