// Package load turns the bytes of a record file into a parsed document that
// remembers where every value came from, so that each later finding can point
// at file:line:col. It refuses, as findings rather than panics, the inputs a
// store must never accept: oversized files, text that is not UTF-8, broken
// YAML, several documents in one file, and YAML aliases.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/finding"
)

// MaxFileSize is the largest record file caseplan reads. Real records are a
// few kilobytes; anything near this size is a mistake or an attack.
const MaxFileSize = 1 << 20

// maxNodes bounds the work of walking one document. Aliases are refused
// outright, so this only guards against absurdly large hand-written files
// that still fit under MaxFileSize.
const maxNodes = 200_000

// Rule IDs of the findings this package produces.
const (
	RuleTooLarge = "file-too-large"
	RuleEncoding = "encoding"
	RuleSyntax   = "yaml-syntax"
	RuleAlias    = "yaml-alias"
	RuleShape    = "yaml-shape"
)

// Document is one parsed record file.
type Document struct {
	Path string     // repository-relative, slash-separated
	Root *yaml.Node // the document's top-level node (a mapping for every record kind)

	valueOnce sync.Once
	value     any // Root as JSON-like values, once asked for

	indexOnce sync.Once
	values    map[string]*yaml.Node // value node by joined path
	keys      map[string]*yaml.Node // key node by joined path, for mapping entries
}

// Parse parses data as the record file path. It returns nil and one or more
// findings when the file cannot be used at all.
func Parse(path string, data []byte) (*Document, []finding.Finding) {
	return parse(nil, path, data)
}

func parse(a *Arena, path string, data []byte) (*Document, []finding.Finding) {
	fail := func(line, col int, rule, format string, args ...any) (*Document, []finding.Finding) {
		return nil, []finding.Finding{{
			Path: path, Line: line, Column: col, Severity: finding.Error,
			Rule: rule, Message: fmt.Sprintf(format, args...), FileLevel: true,
		}}
	}
	if len(data) > MaxFileSize {
		return nil, []finding.Finding{TooLarge(path, int64(len(data)))}
	}
	if utf16(data) {
		return fail(1, 1, RuleEncoding, "file is saved as UTF-16 (Notepad's \"Unicode\"); save it as UTF-8 (Notepad: File, Save As, Encoding UTF-8; VS Code: the encoding in the status bar, Save with Encoding, UTF-8)")
	}
	if !utf8.Valid(data) {
		line, col := firstInvalidUTF8(data)
		return fail(line, col, RuleEncoding, "file is not valid UTF-8 text; save it as UTF-8")
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		data = data[3:]
	}

	var root *yaml.Node
	ok := false
	if useFast {
		root, ok = fastParse(a, data)
	}
	if !ok {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				return fail(1, 1, RuleShape, "%s", emptyFile(data))
			}
			if strings.Contains(err.Error(), "control characters are not allowed") {
				// go-yaml says no more, nor where: find it.
				line, col, r := firstRune(data, func(r rune, size int) bool { return !printable(r) })
				return fail(line, col, RuleSyntax, "invalid YAML: control character U+%04X is not allowed in YAML; remove it", r)
			}
			line, msg := syntaxError(err)
			if n, plain, ok := explainSyntax(data, parsesPast); ok {
				line, msg = n, "invalid YAML: "+plain
			} else {
				line = problemLine(data, msg, line)
				if plain, ok := parserWords(line, strings.TrimPrefix(msg, "invalid YAML: ")); ok {
					msg = "invalid YAML: " + plain
				}
			}
			return fail(line, 1, RuleSyntax, "%s", msg)
		}
		var extra yaml.Node
		if err := dec.Decode(&extra); err == nil {
			return fail(extra.Line, extra.Column, RuleShape, "file holds more than one YAML document; a record file holds exactly one")
		} else if !errors.Is(err, io.EOF) {
			line, msg := syntaxError(err)
			if plain, ok := parserWords(line, strings.TrimPrefix(msg, "invalid YAML: ")); ok {
				msg = "invalid YAML: " + plain
			}
			return fail(line, 1, RuleSyntax, "%s", msg)
		}
		if len(doc.Content) == 0 {
			return fail(1, 1, RuleShape, "%s", emptyFile(data))
		}
		root = doc.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return fail(root.Line, root.Column, RuleShape, "a record must be a mapping of fields, not a %s", kindName(root))
	}

	// The nodes are checked to convert now, so that a file whose values
	// cannot be read is refused here; the values are built when asked for
	// (a valid record is checked against its schema on its nodes).
	c := converter{check: true}
	if _, err := c.convert(root); err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			return fail(pe.node.Line, pe.node.Column, pe.rule, "%s", pe.msg)
		}
		return fail(0, 0, RuleShape, "%v", err)
	}
	return &Document{Path: path, Root: root}, nil
}

// Value returns the document's content as JSON-like values — maps,
// slices, strings (dates as written), int64, float64, booleans, nil — for
// schema validation. They are built the first time they are asked for,
// and must not be changed.
func (d *Document) Value() any {
	d.valueOnce.Do(func() {
		c := converter{}
		d.value, _ = c.convert(d.Root) // Parse checked that it converts
	})
	return d.value
}

// useFast is off only in benchmarks that measure go-yaml alone.
var useFast = true

// TooLarge is the finding for a file over MaxFileSize, which is refused
// without being parsed (or, where the size is known first, read).
func TooLarge(path string, size int64) finding.Finding {
	return finding.Finding{
		Path: path, Severity: finding.Error, Rule: RuleTooLarge, FileLevel: true,
		Message: fmt.Sprintf("file is %d bytes, more than the %d-byte limit for a record; split it or remove what does not belong", size, MaxFileSize),
	}
}

// TooLargeRead is the finding for input read only until it passed
// MaxFileSize (standard input, which may not end), so that its whole size
// is not known: the finding says it is over the limit, never a size it
// does not have.
func TooLargeRead(path string) finding.Finding {
	f := TooLarge(path, MaxFileSize+1)
	f.Message = fmt.Sprintf("more than the %d-byte limit for a record; split it or remove what does not belong", MaxFileSize)
	return f
}

// Position returns the line and column of the value at path (the tokens of
// a JSON pointer). When the path does not exist it returns the position of
// its nearest existing ancestor, so "missing field" findings point at the
// mapping that lacks it.
func (d *Document) Position(path []string) (line, col int) {
	d.index()
	for n := len(path); n >= 0; n-- {
		key := joinPath(path[:n])
		v := d.values[key]
		if v == nil {
			continue
		}
		// A key's line is where a reader looks for a field whose value is a
		// block; a scalar value sits on the same line anyway.
		if k := d.keys[key]; k != nil && (v.Kind != yaml.ScalarNode || n < len(path)) {
			return k.Line, k.Column
		}
		return v.Line, v.Column
	}
	return d.Root.Line, d.Root.Column
}

// KeyPosition returns the position of the key at path (for example an
// unknown field), falling back to Position.
func (d *Document) KeyPosition(path []string) (line, col int) {
	d.index()
	if k := d.keys[joinPath(path)]; k != nil {
		return k.Line, k.Column
	}
	return d.Position(path)
}

// Node returns the value node at path, or nil.
func (d *Document) Node(path ...string) *yaml.Node {
	d.index()
	return d.values[joinPath(path)]
}

// Decode decodes the document into a typed record. Unknown fields are
// ignored here: the schema reports them, with their positions.
//
// go-yaml resolves a !!timestamp value again at every decode (up to four
// calls of time.Parse, a tenth of a cold validate's time) only to hand
// its text to the string that takes it: a record's dates are
// record.Date, and no record has a time.Time, interface or yaml.Node
// field (TestDecodeTargets in pkg/store holds them to that). So the
// document's timestamps are decoded as the strings they are; a decode
// that fails is made again as the document is written, so that its error
// is go-yaml's own. The records caseplan writes are filled by the fast
// decoder (decode.go), anything it does not follow by go-yaml. The nodes
// are the same again when Decode returns; a Document is not for
// concurrent use.
func (d *Document) Decode(v any) error {
	// The fast decoder gives a string the text of a timestamp, as go-yaml
	// does: it needs no change of the tags.
	if useFast && fastDecode(d.Root, v) {
		return nil
	}
	zero(v)
	if err := d.goYAMLDecode(v); err != nil {
		return err
	}
	// go-yaml reads some values otherwise than YAML 1.2 and the schema
	// do (yes into true, 2.5 into 2): such a value is refused, as the
	// schema refuses it, never read as something the person did not
	// write.
	if t := reflect.TypeOf(v); t != nil && t.Kind() == reflect.Pointer {
		if path, n, want, ok := mismatch(d.Root, planOf(t.Elem()), nil); ok {
			zero(v)
			return &MismatchError{Path: path, Line: n.Line, Want: want}
		}
	}
	return nil
}

// goYAMLDecode is go-yaml's decode of the document into v, timestamps as
// their text.
func (d *Document) goYAMLDecode(v any) error {
	var stamps []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!timestamp" {
			stamps = append(stamps, n)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(d.Root)
	for _, n := range stamps {
		n.Tag = "!!str"
	}
	err := d.Root.Decode(v)
	for _, n := range stamps {
		n.Tag = "!!timestamp"
	}
	if err == nil || len(stamps) == 0 {
		return err
	}
	zero(v)
	return d.Root.Decode(v)
}

// MismatchError is Decode's error for a value of the wrong type that
// go-yaml decoded all the same, as something else than the schema reads.
type MismatchError struct {
	Path []string // the field's path, as the document's keys and list indexes
	Line int
	Want string // what the field must be, in words
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("line %d: %s: must be %s", e.Line, fieldLabel(e.Path), e.Want)
}

// zero sets what v points at to its zero value.
func zero(v any) {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv.Elem().SetZero()
	}
}

// index maps every path of the document to its nodes, the first time a
// position is asked for: most documents are read without one.
func (d *Document) index() {
	d.indexOnce.Do(func() {
		d.values = map[string]*yaml.Node{}
		d.keys = map[string]*yaml.Node{}
		var walk func(n *yaml.Node, path []string)
		walk = func(n *yaml.Node, path []string) {
			d.values[joinPath(path)] = n
			switch n.Kind {
			case yaml.MappingNode:
				for i := 0; i+1 < len(n.Content); i += 2 {
					child := append(path[:len(path):len(path)], n.Content[i].Value)
					d.keys[joinPath(child)] = n.Content[i]
					walk(n.Content[i+1], child)
				}
			case yaml.SequenceNode:
				for i, item := range n.Content {
					walk(item, append(path[:len(path):len(path)], strconv.Itoa(i)))
				}
			}
		}
		walk(d.Root, nil)
	})
}

func joinPath(path []string) string {
	return strings.Join(path, "\x00")
}

type posError struct {
	node *yaml.Node
	rule string
	msg  string
}

func (e *posError) Error() string { return e.msg }

type converter struct {
	nodes int
	check bool     // only check that the nodes convert: build no values
	path  []string // the field being converted, for messages
}

// field names the field being converted: "results", "actions.0.text".
func (c *converter) field() string {
	if len(c.path) == 0 {
		return "the record"
	}
	return strings.Join(c.path, ".")
}

// convert turns a node into JSON-like values. It never follows aliases:
// decoding to yaml.Node does not expand them, and records have no use for
// them, so the first one is refused (this is what defuses alias bombs).
func (c *converter) convert(n *yaml.Node) (any, error) {
	c.nodes++
	if c.nodes > maxNodes {
		return nil, &posError{n, RuleShape, fmt.Sprintf("file has more than %d values; a record is never this large", maxNodes)}
	}
	switch n.Kind {
	case yaml.AliasNode:
		return nil, &posError{n, RuleAlias, fmt.Sprintf("YAML alias *%s is not allowed in a record; write the value out in full", n.Value)}
	case yaml.MappingNode:
		if n.Anchor != "" {
			return nil, anchorError(n)
		}
		var m map[string]any
		if !c.check {
			m = make(map[string]any, len(n.Content)/2)
		} else if !uniqueKeys(n) {
			m = make(map[string]any, len(n.Content)/2) // to find the key written twice
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" {
				return nil, &posError{k, RuleAlias, "YAML merge keys (<<) are not allowed in a record; write the fields out in full"}
			}
			// A field has a name: not an empty one, not null ("~:", "?").
			if k.Kind != yaml.ScalarNode || k.Value == "" || (k.Tag != "!!str" && k.Tag != "!!int" && k.Tag != "!!bool" && k.Tag != "!!float" && k.Tag != "!!timestamp") {
				if k.Kind == yaml.AliasNode {
					return nil, &posError{k, RuleAlias, fmt.Sprintf("YAML alias *%s is not allowed in a record; write the value out in full", k.Value)}
				}
				return nil, &posError{k, RuleShape, "a field name must be plain text"}
			}
			// A non-breaking space (or another Unicode space) typed in the
			// indentation is no space to YAML: it starts the field's name.
			if r, ok := leadingOddSpace(k.Value); ok && k.Style == 0 {
				name := strings.TrimLeftFunc(k.Value, func(r rune) bool { return r == ' ' || plainSpace(r) != r })
				return nil, &posError{k, RuleSyntax, fmt.Sprintf("line %d has a %s (U+%04X) where YAML needs an ordinary space, so the field's name reads %q, not %s; delete it and indent the line with ordinary spaces only", k.Line, spaceName(r), r, k.Value, name)}
			}
			// Decoding to a Node, unlike decoding to Go values, lets a
			// repeated key through; the later value would silently win.
			if _, dup := m[k.Value]; dup {
				first := firstKey(n, k.Value)
				return nil, &posError{k, RuleSyntax, fmt.Sprintf("field %q appears twice (first at line %d); keep one", k.Value, first.Line)}
			}
			c.path = append(c.path, k.Value)
			cv, err := c.convert(v)
			c.path = c.path[:len(c.path)-1]
			if err != nil {
				return nil, err
			}
			if m != nil {
				m[k.Value] = cv
			}
		}
		if c.check {
			return nil, nil
		}
		return m, nil
	case yaml.SequenceNode:
		if n.Anchor != "" {
			return nil, anchorError(n)
		}
		var s []any
		if !c.check {
			s = make([]any, 0, len(n.Content))
		}
		for i, item := range n.Content {
			c.path = append(c.path, strconv.Itoa(i))
			cv, err := c.convert(item)
			c.path = c.path[:len(c.path)-1]
			if err != nil {
				return nil, err
			}
			if !c.check {
				s = append(s, cv)
			}
		}
		return s, nil
	case yaml.ScalarNode:
		if n.Anchor != "" {
			return nil, anchorError(n)
		}
		if n.ShortTag() == "!!binary" {
			// No field of any schema holds binary data, and base64 hides
			// what it encodes from the schemas and the leak guard.
			return nil, &posError{n, RuleShape, fmt.Sprintf("%s: YAML tag !!binary (base64-encoded data) is not allowed in a record: no field holds binary data, and encoded text would pass unchecked; write the text itself, without the tag", c.field())}
		}
		if c.check {
			switch n.ShortTag() {
			case "!!str", "!!timestamp", "!!null":
				return nil, nil // text, or nothing: nothing to check
			}
		}
		v, err := scalar(n)
		if pe, ok := err.(*posError); ok && pe.rule == RuleShape {
			pe.msg = c.field() + ": " + pe.msg
		}
		return v, err
	}
	return nil, &posError{n, RuleShape, "unexpected YAML node"}
}

// Empty reports whether data holds no YAML document — nothing, blank
// lines, or only comments: the file that emptyFile's finding is about (a
// record emptied by an editor, or commented out).
func Empty(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var doc yaml.Node
	err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc)
	return errors.Is(err, io.EOF) || err == nil && len(doc.Content) == 0
}

// emptyFile says what is wrong with a file that holds no YAML document:
// nothing at all, or only comments (a record commented out, say).
func emptyFile(data []byte) string {
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			return "file has only comments, no fields; a record is a YAML mapping of fields"
		}
	}
	return "file is empty; a record is a YAML mapping of fields"
}

// leadingOddSpace returns the Unicode space that starts s, when s starts
// with one YAML does not take for a space (plainSpace).
func leadingOddSpace(s string) (rune, bool) {
	if s == "" || s[0] < 0x80 {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r, plainSpace(r) != r
}

// firstKey returns the first key node of mapping n named name.
func firstKey(n *yaml.Node, name string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == name {
			return n.Content[i]
		}
	}
	return nil
}

func anchorError(n *yaml.Node) error {
	return &posError{n, RuleAlias, fmt.Sprintf("YAML anchor &%s is not allowed in a record; write the value out in full", n.Anchor)}
}

// scalar converts a scalar by its resolved tag. Timestamps stay as the text
// the person wrote, so "2026-03-02" validates the same quoted or not.
func scalar(n *yaml.Node) (any, error) {
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		// What records hold, without a decoder of go-yaml's own for each
		// value (a cold validate reads hundreds of thousands).
		switch n.Value {
		case "true", "True", "TRUE":
			return true, nil
		case "false", "False", "FALSE":
			return false, nil
		}
		var b bool
		if err := n.Decode(&b); err != nil {
			return nil, &posError{n, RuleSyntax, fmt.Sprintf("%q is not a valid true/false value", n.Value)}
		}
		return b, nil
	case "!!int":
		if i, ok := plainDecimal(n.Value); ok {
			return i, nil
		}
		var i int64
		if err := n.Decode(&i); err != nil {
			var f float64
			if err := n.Decode(&f); err != nil {
				return nil, &posError{n, RuleSyntax, fmt.Sprintf("%q is not a valid number", n.Value)}
			}
			return f, nil
		}
		return i, nil
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil {
			return nil, &posError{n, RuleSyntax, fmt.Sprintf("%q is not a valid number", n.Value)}
		}
		return f, nil
	case "!!str", "!!timestamp":
		return n.Value, nil
	}
	return nil, &posError{n, RuleShape, fmt.Sprintf("YAML tag %s is not allowed in a record; remove the tag and write the value as plain text", n.Tag)}
}

// plainDecimal reads a whole number written as records write them: an
// optional minus sign and up to 18 decimal digits, without a leading zero
// (which go-yaml reads as it reads any other). Anything else is go-yaml's
// to read.
func plainDecimal(s string) (int64, bool) {
	digits := strings.TrimPrefix(s, "-")
	if len(digits) == 0 || len(digits) > 18 || digits[0] == '0' && len(digits) > 1 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if len(digits) < len(s) {
		v = -v
	}
	return v, true
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// maxProblemScan is the most lines problemLine reads prefixes of: a record
// is a few dozen lines, and each prefix is parsed again.
const maxProblemScan = 2000

// problemLine finds the line that breaks the file, for a parser error msg
// reported at line. For a mistake inside a mapping or a flow list, go-yaml
// names the line before the one that construct starts on — for a record's
// top-level mapping, its modeline — not the line that breaks it (a value
// followed by more text, a list item among fields). The file read up to
// and including that line fails as the whole file does, and up to any
// line before it does not (or fails otherwise: inside a quoted value that
// goes on over lines), so the first such prefix ends at it. The parser's
// line is kept when none is found.
func problemLine(data []byte, msg string, line int) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	if len(lines) > maxProblemScan {
		return line
	}
	end := 0
	for i, l := range lines {
		end += len(l)
		if i+1 < line {
			continue // the construct starts after the parser's line
		}
		var n yaml.Node
		if err := yaml.Unmarshal(data[:end], &n); err != nil {
			if _, m := syntaxError(err); m == msg {
				return i + 1
			}
		}
	}
	return line
}

// syntaxError extracts the line from the YAML library's error text and
// rewords it without the library's prefix.
// parsesPast reports whether the parser reads data, mended at line, past
// that line: without an error, or with one only further down.
func parsesPast(data []byte, line int) bool {
	var n yaml.Node
	err := yaml.Unmarshal(data, &n)
	if err == nil {
		return true
	}
	at, _ := syntaxError(err)
	return at > line
}

func syntaxError(err error) (int, string) {
	msg := err.Error()
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, "invalid YAML: " + m[2]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if m := regexp.MustCompile(`at line (\d+)`).FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		// "mapping key "x" already defined at line 3": the duplicate is
		// reported at the first definition; still the most useful anchor.
		return line, "invalid YAML: " + msg
	}
	return 1, "invalid YAML: " + msg
}

// utf16 says whether data is UTF-16 text: it starts with a UTF-16 byte
// order mark, or, without one, its first character is ASCII with a zero
// byte beside it, as every ASCII character of UTF-16 has.
func utf16(data []byte) bool {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return true
	}
	return len(data) >= 2 && (data[0] == 0) != (data[1] == 0) && data[0] < 0x80 && data[1] < 0x80
}

func firstInvalidUTF8(data []byte) (line, col int) {
	line, col, _ = firstRune(data, func(r rune, size int) bool { return r == utf8.RuneError && size <= 1 })
	return line, col
}

// printable reports whether YAML allows r in a stream (YAML 1.2 §5.1,
// c-printable, as go-yaml checks it).
func printable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// firstRune returns the line and column of the first rune of data that
// bad picks, and the rune (the last position when none is).
func firstRune(data []byte, bad func(r rune, size int) bool) (line, col int, found rune) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if bad(r, size) {
			return line, col, r
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col, 0
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "single value"
	case yaml.AliasNode:
		return "alias"
	}
	return "mapping"
}
