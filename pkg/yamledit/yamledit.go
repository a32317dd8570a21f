// Package yamledit changes YAML files that people also edit by hand. It
// edits the bytes at the positions the parser reports instead of
// re-encoding the whole document, because re-encoding drops blank lines and
// moves comments (go-yaml #627, #534): a commit made by caseplan should
// change only the lines it must, and keep a person's comments and key order.
//
// Paths are tokens like a JSON pointer's: mapping keys, and list indexes in
// decimal ("goals", "0", "milestones", "1", "done").
package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Set sets the value at path to v. An existing scalar is replaced where it
// stands (a comment after it stays); an existing list or mapping is
// replaced whole; a missing key is added at the end of its mapping, and
// missing mappings on the way are created.
func Set(data []byte, path []string, v any) ([]byte, error) {
	if err := checkText(path, v); err != nil {
		return nil, err
	}
	d, err := parse(data)
	if err != nil {
		return nil, err
	}
	return d.set(path, v)
}

// checkText refuses a key that is empty or not UTF-8, and a string value
// that is not UTF-8: YAML would write them as binary data, never what was
// meant.
func checkText(path []string, v any) error {
	for _, k := range path {
		if k == "" || !utf8.ValidString(k) {
			return fmt.Errorf("key %q is empty or not UTF-8 text", k)
		}
	}
	if s, ok := v.(string); ok && !utf8.ValidString(s) {
		return fmt.Errorf("the value %q is not UTF-8 text", s)
	}
	return nil
}

// Append appends v to the list at path, creating the list (and missing
// mappings on the way) when it is absent.
func Append(data []byte, path []string, v any) ([]byte, error) {
	if err := checkText(path, v); err != nil {
		return nil, err
	}
	d, err := parse(data)
	if err != nil {
		return nil, err
	}
	return d.append(path, v)
}

// Delete removes the mapping entry or list item at path, with the lines it
// spans. Deleting what is not there is not an error.
func Delete(data []byte, path []string) ([]byte, error) {
	d, err := parse(data)
	if err != nil {
		return nil, err
	}
	return d.delete(path)
}

// AppendItem appends item to the list under the top-level key.
func AppendItem(data []byte, key string, item any) ([]byte, error) {
	return Append(data, []string{key}, item)
}

type doc struct {
	lines [][]byte // each with its newline, if it had one
	root  *yaml.Node
	order Order // where missing keys go (SetInOrder); nil: at the mapping's end
}

// oddBreaks are the line breaks YAML knows besides \n and \r\n: NEL,
// LINE SEPARATOR, PARAGRAPH SEPARATOR (and a lone \r, checked apart).
var oddBreaks = []string{"\u0085", "\u2028", "\u2029"}

func parse(data []byte) (*doc, error) {
	// The parser counts lines at these breaks too; the edits, made at the
	// lines it reports, count only \n (FuzzSet found a lone \r).
	odd := bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\r"))
	for _, b := range oddBreaks {
		odd = odd || bytes.Contains(data, []byte(b))
	}
	if odd {
		return nil, errors.New("the file has line breaks other than LF and CRLF (a lone carriage return, or a Unicode line or paragraph separator); save it with ordinary line endings and try again")
	}
	if !utf8.Valid(data) {
		// go-yaml reads a file that starts with a UTF-16 byte order mark
		// as UTF-16; the edits are made in UTF-8 (FuzzSet found "\xfe\xff").
		return nil, errors.New("the file is not UTF-8 text (saved as UTF-16, or in a legacy encoding); save it as UTF-8 and try again")
	}
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, err
	}
	d := &doc{lines: splitLines(data)}
	if len(n.Content) == 0 {
		// An empty document: start a mapping after whatever comments it has.
		d.root = &yaml.Node{Kind: yaml.MappingNode, Line: len(d.lines) + 1, Column: 1}
		return d, nil
	}
	d.root = n.Content[0]
	if d.root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the document is not a mapping")
	}
	if d.root.Style&yaml.FlowStyle != 0 && len(d.root.Content) == 0 {
		// "{}", as a hand or a tool writes an empty record: the empty
		// document it means, its comments kept, so that a command can add
		// to it as to an empty file.
		out, err := d.replaceFlow(d.root, "")
		if err != nil {
			return nil, err
		}
		if i := d.root.Line - 1; len(bytes.TrimSpace(d.lines[i])) == 0 {
			out = bytes.Join(slices.Delete(d.lines, i, i+1), nil) // the line held "{}" alone
		}
		return parse(out)
	}
	if line := d.explicitKey(d.root); line > 0 {
		// Such an entry spans lines go-yaml does not place its nodes on
		// (FuzzSet found "?" alone, whose value lies past the file's end).
		return nil, fmt.Errorf("line %d has a key written after \"?\"; write it as key: value, or edit the file by hand", line)
	}
	return d, nil
}

// explicitKey returns the line of the first mapping key within n written
// after YAML's explicit-key indicator "?", or 0 when there is none.
func (d *doc) explicitKey(n *yaml.Node) int {
	if n.Kind == yaml.MappingNode && n.Style&yaml.FlowStyle == 0 {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Line < 1 || k.Line > len(d.lines) {
				continue
			}
			before := []rune(string(d.lines[k.Line-1]))
			before = before[:min(max(k.Column-1, 0), len(before))]
			if strings.HasPrefix(strings.TrimLeft(string(before), " -"), "?") {
				return k.Line
			}
		}
	}
	for _, c := range n.Content {
		if line := d.explicitKey(c); line > 0 {
			return line
		}
	}
	return 0
}

// found is a located node: the node, its key (nil for list items and the
// root), and the column (0-based) of whatever owns it — its key, or its
// list item's dash — past which its lines extend.
type found struct {
	node     *yaml.Node
	key      *yaml.Node
	ownerCol int
	parent   *yaml.Node
	index    int // position in parent.Content: the key's for mappings, the item's for lists
}

func (d *doc) find(path []string) (*found, error) {
	f := &found{node: d.root, ownerCol: -1}
	for depth, tok := range path {
		n := f.node
		switch n.Kind {
		case yaml.MappingNode:
			next := (*found)(nil)
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					k := n.Content[i]
					next = &found{node: n.Content[i+1], key: k, ownerCol: k.Column - 1, parent: n, index: i}
					break
				}
			}
			if next == nil {
				return nil, &missingError{depth: depth}
			}
			f = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil, &missingError{depth: depth}
			}
			item := n.Content[i]
			f = &found{node: item, ownerCol: item.Column - 3, parent: n, index: i}
		case yaml.AliasNode:
			return nil, fmt.Errorf("%s: YAML aliases cannot be edited", strings.Join(path[:depth], "."))
		default:
			return nil, &missingError{depth: depth}
		}
	}
	return f, nil
}

// missingError says the path exists only up to depth tokens.
type missingError struct{ depth int }

func (e *missingError) Error() string { return "path not found" }

func (d *doc) set(path []string, v any) ([]byte, error) {
	if len(path) == 0 {
		return nil, fmt.Errorf("cannot replace the whole document")
	}
	f, err := d.find(path)
	if me, ok := err.(*missingError); ok {
		return d.insertMissing(path, me.depth, v)
	}
	if err != nil {
		return nil, err
	}
	n := f.node
	// An empty value ("key:" with nothing after it) has no text to replace
	// and its position is the parser's guess: the entry is rewritten whole.
	implicitNull := n.Kind == yaml.ScalarNode && n.Value == "" && n.Style == 0 && f.key != nil
	// A plain or quoted scalar may go on over the lines after it (FuzzSet
	// found "0: 0\n 0", the value "0 0"): only one whose entry ends on the
	// line it starts on is replaced where it stands.
	start, end := d.extent(f)
	oneLine := end == n.Line
	if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && !implicitNull && oneLine {
		if text, ok, err := inlineScalar(v); err != nil {
			return nil, err
		} else if ok {
			return d.replaceScalar(n, text)
		}
	}
	if n.Style&yaml.FlowStyle != 0 && len(n.Content) > 0 && n.Line == lastLine(n) {
		if text, ok, err := flowText(v); err != nil {
			return nil, err
		} else if ok {
			return d.replaceFlow(n, text)
		}
	}
	// Replace the whole entry or item with a freshly rendered one.
	var text string
	if f.key != nil {
		text, err = renderEntry(f.key.Value, v, f.key.Column-1, d.textAfter(end))
	} else {
		text, err = renderItem(v, f.node.Column-3, d.textAfter(end))
	}
	if err != nil {
		return nil, err
	}
	return d.splice(start, end, text), nil
}

func (d *doc) append(path []string, v any) ([]byte, error) {
	f, err := d.find(path)
	if me, ok := err.(*missingError); ok {
		return d.insertMissing(path, me.depth, []any{v})
	}
	if err != nil {
		return nil, err
	}
	n := f.node
	empty := n.Kind == yaml.ScalarNode && n.Tag == "!!null" || n.Kind == yaml.SequenceNode && len(n.Content) == 0
	if empty && f.key != nil {
		return d.set(path, []any{v})
	}
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s (line %d) is not a list", strings.Join(path, "."), n.Line)
	}
	if n.Style&yaml.FlowStyle != 0 {
		var items []any
		if err := n.Decode(&items); err != nil {
			return nil, err
		}
		return d.set(path, append(items, v))
	}
	last := n.Content[len(n.Content)-1]
	_, end := d.extent(&found{node: last, ownerCol: last.Column - 3})
	text, err := renderItem(v, n.Content[0].Column-3, d.textAfter(end))
	if err != nil {
		return nil, err
	}
	return d.splice(end, end, text), nil
}

func (d *doc) delete(path []string) ([]byte, error) {
	f, err := d.find(path)
	if _, ok := err.(*missingError); ok {
		return d.bytes(), nil
	}
	if err != nil {
		return nil, err
	}
	if f.parent == nil {
		return nil, fmt.Errorf("cannot delete the whole document")
	}
	if f.parent.Style&yaml.FlowStyle != 0 {
		return nil, flowError(path[:len(path)-1], f.parent)
	}
	start, end := d.extent(f)
	return d.splice(start, end, ""), nil
}

// FlowStyleError says a change had to edit inside a collection written
// in flow style ({...} or [...]), which yamledit does not rewrite: its
// values would have to be re-encoded, and a value typed one way (a
// quoted date, a number kept as text) must be written back exactly as
// typed. The record is valid, but caseplan cannot change it in place, so
// it is the record's to fix: the hint shows the same collection in block
// form to write instead.
type FlowStyleError struct {
	File  string // the record file, when the caller knows it
	Owner string // the collection's path, or "the file's top level"
	Line  int    // where it starts
	Block string // the collection in block form, one entry a line
}

// Error names the place as every finding does, FILE:LINE: first, when the
// file is known.
func (e *FlowStyleError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d: %s is written in flow style ({...} or [...]), which a command cannot change in place", e.File, e.Line, e.Owner)
	}
	return fmt.Sprintf("%s (line %d) is written in flow style ({...} or [...]), which a command cannot change in place", e.Owner, e.Line)
}

// Hint is what to do: write the collection in block form.
func (e *FlowStyleError) Hint() string {
	if e.Block == "" {
		return "write it in block form, one entry a line, then run the command again"
	}
	return "write it in block form, one entry a line, then run the command again; in block form it reads:\n" + e.Block
}

// maxBlockLines is how many lines of the block form a FlowStyleError
// shows: enough for a record's top level, not a screenful.
const maxBlockLines = 20

// flowError is the FlowStyleError for the flow collection n at path.
func flowError(path []string, n *yaml.Node) error {
	e := &FlowStyleError{Owner: flowOwner(path), Line: n.Line}
	block := blockCopy(n)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(block); err == nil && enc.Close() == nil {
		lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
		if len(lines) > maxBlockLines {
			lines = append(lines[:maxBlockLines], "...")
		}
		for i, l := range lines {
			lines[i] = "  " + l
		}
		e.Block = strings.Join(lines, "\n")
	}
	return e
}

// blockCopy is a copy of n with every collection in block style; scalars
// keep their style (quoted stays quoted), so each value reads as typed.
func blockCopy(n *yaml.Node) *yaml.Node {
	c := *n
	if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
		c.Style &^= yaml.FlowStyle
	}
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = blockCopy(k)
	}
	return &c
}

// flowOwner names the collection at path a refusal of its flow style
// is about: its path, or the file's top level.
func flowOwner(path []string) string {
	if len(path) == 0 {
		return "the file's top level"
	}
	return strings.Join(path, ".")
}

// insertMissing adds path[depth:] with value v under the mapping at
// path[:depth], which exists.
func (d *doc) insertMissing(path []string, depth int, v any) ([]byte, error) {
	var parent *found
	if depth == 0 {
		parent = &found{node: d.root, ownerCol: -1}
	} else {
		var err error
		if parent, err = d.find(path[:depth]); err != nil {
			return nil, err
		}
	}
	// Wrap v in the mappings that are missing between parent and it.
	for i := len(path) - 1; i > depth; i-- {
		if _, err := strconv.Atoi(path[i]); err == nil {
			return nil, fmt.Errorf("%s: no such list item", strings.Join(path[:i+1], "."))
		}
		v = orderedMap{{path[i], v}}
	}
	key := path[depth]
	p := parent.node
	switch {
	case p.Kind == yaml.ScalarNode && p.Tag == "!!null" && parent.key != nil:
		return d.set(path[:depth], orderedMap{{key, v}})
	case p.Kind != yaml.MappingNode:
		return nil, fmt.Errorf("%s (line %d) is not a mapping", strings.Join(path[:depth], "."), p.Line)
	case p.Style&yaml.FlowStyle != 0:
		if out, ok, err := d.insertInFlow(parent, path[:depth], key, v); ok || err != nil {
			return out, err
		}
		return nil, flowError(path[:depth], p)
	}
	indent := 0
	if len(p.Content) > 0 {
		indent = p.Content[0].Column - 1
	} else if parent.key != nil {
		indent = parent.key.Column - 1 + 2
	}
	at, ok := d.orderedLine(parent, path[:depth], key)
	switch {
	case ok:
	case len(p.Content) > 0:
		lastKey := p.Content[len(p.Content)-2]
		_, at = d.extent(&found{node: p.Content[len(p.Content)-1], key: lastKey, ownerCol: lastKey.Column - 1})
	case p == d.root:
		at = len(d.lines)
	default:
		// An empty mapping written as "key: {}": rewrite that entry.
		return d.set(path[:depth], orderedMap{{key, v}})
	}
	text, err := renderEntry(key, v, indent, d.textAfter(at))
	if err != nil {
		return nil, err
	}
	return d.splice(at, at, text), nil
}

// extent returns the half-open range of line indexes a located node spans,
// from its key (or dash) line to its last line, leaving out blank lines and
// comments after it, which belong to what follows.
func (d *doc) extent(f *found) (start, end int) {
	start = f.node.Line - 1
	if f.key != nil {
		start = f.key.Line - 1
	}
	// The 1-based line of the last node start is the index after it. A
	// node go-yaml places past the last line (the empty value of an
	// explicit "?" key at the end of the file) ends with the file.
	end = min(lastLine(f.node), len(d.lines))
	for i := end; i < len(d.lines); i++ {
		t := bytes.TrimRight(d.lines[i], "\r\n")
		trimmed := bytes.TrimLeft(t, " ")
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		if len(t)-len(trimmed) <= f.ownerCol {
			break
		}
		end = i + 1
	}
	return start, end
}

// textAfter reports whether the lines from index at up to the next line of
// content hold a comment or spaces. A block scalar ("|") written just
// before them would take them in as part of its text, so what is written
// there writes its strings of several lines in double quotes instead.
func (d *doc) textAfter(at int) bool {
	for _, l := range d.lines[min(at, len(d.lines)):] {
		t := bytes.TrimRight(l, "\r\n")
		trimmed := bytes.TrimLeft(t, " ")
		switch {
		case len(t) == 0:
			continue
		case len(trimmed) == 0 || trimmed[0] == '#':
			return true
		default:
			return false
		}
	}
	return false
}

// lastLine returns the 1-based line on which the last node within n starts.
func lastLine(n *yaml.Node) int {
	line := n.Line
	for _, c := range n.Content {
		if l := lastLine(c); l > line {
			line = l
		}
	}
	return line
}

// splice replaces lines [start, end) with text.
func (d *doc) splice(start, end int, text string) []byte {
	var b bytes.Buffer
	for _, l := range d.lines[:start] {
		b.Write(l)
	}
	if start > 0 && !bytes.HasSuffix(d.lines[start-1], []byte("\n")) {
		b.WriteByte('\n')
	}
	b.WriteString(text)
	for _, l := range d.lines[end:] {
		b.Write(l)
	}
	return b.Bytes()
}

func (d *doc) bytes() []byte { return bytes.Join(d.lines, nil) }

// replaceScalar replaces a one-line scalar's text where it stands.
func (d *doc) replaceScalar(n *yaml.Node, text string) ([]byte, error) {
	i := n.Line - 1
	line := d.lines[i]
	col := byteOffset(line, n.Column-1)
	end, err := scalarEnd(line, col, n)
	if err != nil {
		return nil, err
	}
	out := append(append(append([]byte(nil), line[:col]...), text...), line[end:]...)
	d.lines[i] = out
	return d.bytes(), nil
}

// replaceFlow replaces a one-line flow collection ([...] or {...}).
func (d *doc) replaceFlow(n *yaml.Node, text string) ([]byte, error) {
	i := n.Line - 1
	line := d.lines[i]
	col := byteOffset(line, n.Column-1)
	end, err := flowEnd(line, col)
	if err != nil {
		return nil, err
	}
	d.lines[i] = append(append(append([]byte(nil), line[:col]...), text...), line[end:]...)
	return d.bytes(), nil
}

// byteOffset converts a 0-based column counted in characters (as the YAML
// parser reports it) to a byte offset in line.
func byteOffset(line []byte, col int) int {
	off := 0
	for c := 0; c < col && off < len(line); c++ {
		_, size := decodeRune(line[off:])
		off += size
	}
	return off
}

func decodeRune(b []byte) (rune, int) {
	r := []rune(string(b[:min(len(b), 4)]))
	if len(r) == 0 {
		return 0, 1
	}
	return r[0], len(string(r[0]))
}

// scalarEnd finds the byte offset just past a one-line scalar that starts
// at col.
func scalarEnd(line []byte, col int, n *yaml.Node) (int, error) {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for i := col + 1; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '"':
				return i + 1, nil
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		for i := col + 1; i < len(line); i++ {
			if line[i] == '\'' {
				if i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, nil
			}
		}
	default:
		// A plain scalar ends before " #" or at the line's end, without
		// trailing spaces; a tag (!!str) before it is part of it.
		end := len(bytes.TrimRight(line, "\r\n"))
		if i := bytes.Index(line[col:], []byte(" #")); i >= 0 {
			end = col + i
		}
		for end > col && (line[end-1] == ' ' || line[end-1] == '\t') {
			end--
		}
		if n.Value == "" && n.Tag == "!!null" && end == col {
			return col, nil
		}
		return end, nil
	}
	return 0, fmt.Errorf("line %d: cannot find the end of the quoted value", n.Line)
}

func flowEnd(line []byte, col int) (int, error) {
	depth := 0
	var quote byte
	for i := col; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		}
	}
	return 0, fmt.Errorf("cannot find the end of the flow collection")
}

// orderedMap renders as a mapping with its keys in the given order.
type orderedMap []struct {
	k string
	v any
}

func (m orderedMap) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, e := range m {
		v, err := toNode(e.v)
		if err != nil {
			return nil, err
		}
		// Tagged as a string, a key that would read as something else
		// ("~", "true", "1") is quoted.
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: e.k}, v)
	}
	return n, nil
}

// toNode returns v as a node: a copy of v when it is one already, else v
// encoded. (go-yaml's Node.Encode of a node panics on an empty null
// scalar, the value of "key:", which a merge passes on; FuzzRecord found
// it.)
func toNode(v any) (*yaml.Node, error) {
	if n, ok := v.(*yaml.Node); ok && n != nil {
		c := *n
		return &c, nil
	}
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return nil, err
	}
	return &n, nil
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

// inlineScalar renders v as a one-line scalar, if it is one.
func inlineScalar(v any) (string, bool, error) {
	s, err := marshal(v)
	if err != nil {
		return "", false, err
	}
	s = strings.TrimSuffix(s, "\n")
	if strings.Contains(s, "\n") || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "|") || strings.HasPrefix(s, ">") {
		return "", false, nil
	}
	var probe yaml.Node
	if err := yaml.Unmarshal([]byte(s), &probe); err != nil || len(probe.Content) == 0 || probe.Content[0].Kind != yaml.ScalarNode {
		return "", false, nil
	}
	return s, true, nil
}

// flowText renders a list or mapping on one line in flow style.
func flowText(v any) (string, bool, error) {
	n, err := toNode(v)
	if err != nil {
		return "", false, err
	}
	if n.Kind != yaml.SequenceNode && n.Kind != yaml.MappingNode {
		return "", false, nil
	}
	n.Style = yaml.FlowStyle
	s, err := marshal(n)
	if err != nil {
		return "", false, err
	}
	s = strings.TrimSuffix(s, "\n")
	return s, !strings.Contains(s, "\n"), nil
}

// renderEntry renders "key: value" at indent spaces; quoted writes its
// strings of several lines in double quotes rather than as block scalars.
func renderEntry(key string, v any, indent int, quoted bool) (string, error) {
	v, err := quoteLines(v, quoted)
	if err != nil {
		return "", err
	}
	body, err := marshal(orderedMap{{key, v}})
	if err != nil {
		return "", err
	}
	return indentLines(body, strings.Repeat(" ", indent)), nil
}

// renderItem renders "- value" with its dash at column indent; quoted as
// for renderEntry.
func renderItem(v any, indent int, quoted bool) (string, error) {
	v, err := quoteLines(v, quoted)
	if err != nil {
		return "", err
	}
	body, err := marshal([]any{v})
	if err != nil {
		return "", err
	}
	return indentLines(body, strings.Repeat(" ", max(indent, 0))), nil
}

// quoteLines returns v, as a node whose strings of several lines are
// double-quoted when quoted is set.
func quoteLines(v any, quoted bool) (any, error) {
	if !quoted {
		return v, nil
	}
	n, err := toNode(v)
	if err != nil {
		return nil, err
	}
	// A copy all the way down: a node given by the caller stays as it is.
	var walk func(n *yaml.Node) *yaml.Node
	walk = func(n *yaml.Node) *yaml.Node {
		c := *n
		if c.Kind == yaml.ScalarNode && c.Tag == "!!str" && strings.Contains(c.Value, "\n") {
			c.Style = yaml.DoubleQuotedStyle
		}
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, k := range n.Content {
			c.Content[i] = walk(k)
		}
		return &c
	}
	return walk(n), nil
}

func indentLines(body, indent string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		if line != "" {
			b.WriteString(indent)
		}
		b.WriteString(line)
		b.WriteByte('\n')
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
