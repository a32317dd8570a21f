// Package yamledit changes YAML files that people also edit by hand. It
// edits the bytes at the positions the parser reports instead of
// re-encoding the whole document, because re-encoding drops blank lines and
// moves comments (go-yaml #627, #534): a commit made by caseplan should
// change only the lines it must.
package yamledit

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// AppendItem appends item (marshalled as YAML) to the block sequence at the
// top-level key of data. When the key is absent it is added at the end of
// the document. Everything else in data is kept byte for byte.
func AppendItem(data []byte, key string, item any) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("not a YAML mapping")
	}
	root := doc.Content[0]
	body, err := marshal(item)
	if err != nil {
		return nil, err
	}
	lines := splitLines(data)

	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != key {
			continue
		}
		if v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || v.Value == "") || v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
			// "key:" or "key: []": rewrite that one line as a block sequence.
			line := k.Line - 1
			head := string(lines[line][:k.Column-1]) + key + ":" + lineComment(k, v)
			indent := strings.Repeat(" ", k.Column-1+2)
			lines[line] = []byte(head + "\n" + indentBlock("- ", body, indent))
			return bytes.Join(lines, nil), nil
		}
		if v.Kind != yaml.SequenceNode || v.Style&yaml.FlowStyle != 0 {
			return nil, fmt.Errorf("%s (line %d) is not a block list; cannot append to it", key, k.Line)
		}
		first := v.Content[0]
		indent := strings.Repeat(" ", first.Column-1-2)
		// The item ends where the next line at or left of the key's own
		// indentation starts (a sibling key), skipping blank lines and
		// comments that belong to what follows.
		end := endOfBlock(lines, v, k.Column-1)
		ins := []byte(indentBlock("- ", body, indent))
		out := make([][]byte, 0, len(lines)+1)
		out = append(out, lines[:end]...)
		if end > 0 && !bytes.HasSuffix(out[end-1], []byte("\n")) {
			out[end-1] = append(append([]byte(nil), out[end-1]...), '\n')
		}
		out = append(out, ins)
		out = append(out, lines[end:]...)
		return bytes.Join(out, nil), nil
	}
	// Absent: add it at the end.
	out := append([]byte(nil), data...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	out = append(out, key+":\n"...)
	out = append(out, indentBlock("- ", body, "  ")...)
	return out, nil
}

func lineComment(k, v *yaml.Node) string {
	if c := v.LineComment; c != "" {
		return " " + c
	}
	if c := k.LineComment; c != "" {
		return " " + c
	}
	return ""
}

// endOfBlock returns the index of the first line after the sequence v whose
// parent key sits at column keyCol (0-based).
func endOfBlock(lines [][]byte, v *yaml.Node, keyCol int) int {
	last := v.Content[len(v.Content)-1]
	start := lastLine(last) // 1-based line where the last item's content ends, at least
	end := start
	for i := start; i < len(lines); i++ {
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

// lastLine returns the 1-based last line a node's content starts on.
func lastLine(n *yaml.Node) int {
	line := n.Line
	for _, c := range n.Content {
		if l := lastLine(c); l > line {
			line = l
		}
	}
	return line
}

func marshal(v any) (string, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return b.String(), nil
}

// indentBlock renders a marshalled mapping as a list item: the first line
// after "- ", the rest aligned under it.
func indentBlock(dash, body, indent string) string {
	var b strings.Builder
	for i, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		if i == 0 {
			b.WriteString(indent + dash + line + "\n")
			continue
		}
		if line == "" {
			b.WriteString("\n")
			continue
		}
		b.WriteString(indent + strings.Repeat(" ", len(dash)) + line + "\n")
	}
	return b.String()
}

func splitLines(data []byte) [][]byte {
	var lines [][]byte
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			lines = append(lines, data)
			break
		}
		lines = append(lines, data[:i+1])
		data = data[i+1:]
	}
	return lines
}
