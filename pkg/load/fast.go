package load

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastParse reads the YAML that record files are made of — block mappings
// and lists, one-line plain and quoted values, literal blocks, the schema
// modeline on the first line — straight into the nodes go-yaml would
// build for the same bytes, about three times faster than go-yaml (whose
// scanner, token queue and event parser were a third of a cold validate's
// CPU time). It returns ok false for everything else: flow collections,
// anchors, tags, comments other than the modeline, values over several
// lines other than literal blocks, escapes, tabs, carriage returns and
// line breaks YAML 1.1 knows beyond \n. Parse then asks go-yaml, so what a
// file means never depends on which of the two read it.
// TestFastMatchesGoYAML and FuzzFastParse hold the two to the same result.
func fastParse(a *Arena, data []byte) (root *yaml.Node, ok bool) {
	if len(data) == 0 || data[len(data)-1] != '\n' || !plainText(data) {
		return nil, false
	}
	// Values are slices of one copy of the text, and nodes come from the
	// arena (or, without one, from one allocation for the file): a record
	// has hundreds of values and the allocator was most of the cost of
	// building them.
	text := string(data)
	p := &fastParser{}
	sc, _ := scratchPool.Get().(*fastScratch)
	if sc == nil {
		sc = new(fastScratch)
	}
	p.lines, p.stack = sc.lines, sc.stack
	defer p.giveBack(sc)
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		p.lines = append(p.lines, text[:i])
		text = text[i+1:]
	}
	if a == nil {
		// Room for a key and a value on every line, in one chunk.
		a = &Arena{}
		a.nodes.size = 2*len(p.lines) + 8
		a.ptrs.size = 2*len(p.lines) + 8
	}
	p.a = a
	start := a.mark()
	defer func() {
		if !ok {
			a.rewind(start) // what go-yaml builds instead is its own
		}
	}()
	var head string
	if l := p.lines[0]; len(l) > 0 && l[0] == '#' {
		// The modeline (or any one comment line) right above the first
		// field is that field's head comment, as go-yaml keeps it.
		if l[len(l)-1] == ' ' || len(p.lines) < 2 || keyEnd(p.lines[1]) == 0 {
			return nil, false
		}
		head = l
		p.i = 1
	}
	if !p.skipBlank() || p.indent != 0 {
		return nil, false
	}
	root = p.mapping(0)
	if p.failed || p.skipBlank() {
		return nil, false
	}
	if head != "" {
		root.Content[0].HeadComment = head
	}
	return root, true
}

// plainText reports whether data holds only printable characters and \n,
// none of which YAML treats specially outside the syntax fastParse knows:
// no tabs, no carriage returns, no other control characters, no byte order
// mark inside, no NEL, LINE or PARAGRAPH SEPARATOR.
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if !plainASCII[c] {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff || r == utf8.RuneError {
			return false
		}
		i += size
	}
	return true
}

// plainASCII holds the ASCII bytes plainText lets through: printable
// ones and the line feed.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != 0x7f || c == '\n'
	}
	return t
}()

type fastParser struct {
	lines  []string
	a      *Arena       // where nodes and the collections' Content slices come from
	stack  []*yaml.Node // the children of the collections being read
	i      int          // the line being read
	indent int          // its indentation, set by skipBlank
	failed bool
}

// fastScratch is what a parse uses only while it runs, lent from one
// parse to the next: a cold validate parses 250,000 files, and each made
// these two afresh (BenchmarkParse: 13 % of the parse's allocations).
type fastScratch struct {
	lines []string
	stack []*yaml.Node
}

var scratchPool sync.Pool

// giveBack returns the parse's scratch to the pool, emptied so that it
// keeps no text or node alive.
func (p *fastParser) giveBack(sc *fastScratch) {
	if cap(p.lines) > 4096 || cap(p.stack) > 4096 {
		return // an unusually large file's: not kept
	}
	clear(p.lines)
	clear(p.stack[:cap(p.stack)])
	sc.lines, sc.stack = p.lines[:0], p.stack[:0]
	scratchPool.Put(sc)
}

// node returns a new node.
func (p *fastParser) node(n yaml.Node) *yaml.Node {
	r := p.a.nodes.take(1)
	r[0] = n
	return &r[0]
}

// children returns the nodes pushed on the stack since start, as a
// collection's Content (cut from the arena's pointers, so that a
// collection costs no slice of its own that grows), and pops them.
func (p *fastParser) children(start int) []*yaml.Node {
	n := len(p.stack) - start
	if n == 0 {
		return nil
	}
	c := p.a.ptrs.take(n)
	copy(c, p.stack[start:])
	p.stack = p.stack[:start]
	return c
}

func indentOf(line string) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// skipBlank moves to the next line with content and reports whether there
// is one. A comment line fails the parse.
func (p *fastParser) skipBlank() bool {
	for ; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		n := indentOf(l)
		if n == len(l) {
			continue
		}
		if l[n] == '#' {
			p.failed = true
			return false
		}
		p.indent = n
		return true
	}
	return false
}

// maxImplicitKey is the most characters YAML allows an implicit key (YAML
// 1.2 §7.4.2); go-yaml refuses a line whose key is longer.
const maxImplicitKey = 1024

// keyEnd returns the length of the field name at the start of s when s is
// "name:" followed by a space or the end of the line, and 0 otherwise.
// Names are what records use: letters, digits, '_' and '-', starting with
// a letter or '_', and no longer than maxImplicitKey.
func keyEnd(s string) int {
	if len(s) == 0 || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z' || s[0] == '_') {
		return 0
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-':
		case c == ':':
			if i > maxImplicitKey {
				return 0
			}
			if i+1 == len(s) || s[i+1] == ' ' {
				return i
			}
			return 0
		default:
			return 0
		}
	}
	return 0
}

// mapping reads the block mapping whose keys start at column indent,
// beginning at the current line (which skipBlank found, or a list item's
// "- " that the first key follows).
func (p *fastParser) mapping(indent int) *yaml.Node {
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.i + 1, Column: indent + 1})
	start := len(p.stack)
	defer func() { m.Content = p.children(start) }()
	for !p.failed {
		l := p.lines[p.i]
		rest := l[indent:]
		k := keyEnd(rest)
		if k == 0 {
			p.failed = true
			break
		}
		tag := resolvePlain(rest[:k])
		if tag == "" {
			p.failed = true
			break
		}
		key := p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: rest[:k], Line: p.i + 1, Column: indent + 1})
		value := p.value(indent, indent+k+1, rest[k+1:])
		if value == nil {
			p.failed = true
			break
		}
		p.stack = append(p.stack, key, value)
		if !p.skipBlank() || p.indent < indent {
			break
		}
		if p.indent > indent {
			p.failed = true
			break
		}
	}
	return m
}

// value reads the value after a key or a list item's dash. indent is the
// column of the key (or of the dash), at is the column where rest begins.
// On return the current line is the one after the value.
func (p *fastParser) value(indent, at int, rest string) *yaml.Node {
	n := indentOf(rest)
	if n == len(rest) {
		// The value is a block on the lines below.
		p.i++
		if !p.skipBlank() {
			return nil
		}
		l := p.lines[p.i]
		switch {
		case p.indent > indent && isDash(l[p.indent:]):
			return p.sequence(p.indent)
		case p.indent > indent:
			return p.mapping(p.indent)
		case p.indent == indent && isDash(l[p.indent:]):
			// A list may sit at its key's own column.
			return p.sequence(indent)
		}
		return nil
	}
	if n != 1 {
		return nil
	}
	rest, at = rest[1:], at+1
	line, col := p.i+1, at+1
	var v *yaml.Node
	switch rest[0] {
	case '\'':
		s, ok := singleQuoted(rest)
		if !ok {
			return nil
		}
		v = p.node(yaml.Node{Kind: yaml.ScalarNode, Style: yaml.SingleQuotedStyle, Tag: "!!str", Value: s, Line: line, Column: col})
	case '"':
		s, ok := doubleQuoted(rest)
		if !ok {
			return nil
		}
		v = p.node(yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Tag: "!!str", Value: s, Line: line, Column: col})
	case '|':
		return p.literal(indent, rest, line, col)
	default:
		s, ok := plainScalar(rest)
		if !ok {
			return nil
		}
		tag := resolvePlain(s)
		if tag == "" {
			return nil
		}
		v = p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s, Line: line, Column: col})
	}
	p.i++
	// A line further in would continue the value (or be an error).
	if p.skipBlank() && p.indent > indent {
		return nil
	}
	return v
}

func isDash(s string) bool {
	return len(s) >= 2 && s[0] == '-' && s[1] == ' '
}

// sequence reads the block list whose dashes are at column indent.
func (p *fastParser) sequence(indent int) *yaml.Node {
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.i + 1, Column: indent + 1})
	start := len(p.stack)
	defer func() { s.Content = p.children(start) }()
	for !p.failed {
		l := p.lines[p.i]
		if !isDash(l[indent:]) {
			break
		}
		rest := l[indent+2:]
		n := indentOf(rest)
		var item *yaml.Node
		if n < len(rest) && keyEnd(rest[n:]) > 0 {
			// "- key: value": a mapping whose keys line up after the dash.
			item = p.mapping(indent + 2 + n)
			if p.failed {
				return nil
			}
			p.stack = append(p.stack, item)
			if p.i >= len(p.lines) || p.indent < indent {
				break
			}
			if p.indent > indent {
				p.failed = true
			}
			continue
		}
		if n == len(rest) {
			p.failed = true // "-" with its value on the lines below
			break
		}
		item = p.value(indent, indent+1, l[indent+1:])
		if item == nil {
			p.failed = true
			break
		}
		p.stack = append(p.stack, item)
		if p.i >= len(p.lines) || p.indent < indent {
			break
		}
	}
	if p.failed {
		return nil
	}
	return s
}

// literal reads a literal block scalar ("|" or "|-") whose indicator is at
// line:col, below a key (or dash) at column indent.
func (p *fastParser) literal(indent int, rest string, line, col int) *yaml.Node {
	strip := false
	switch rest {
	case "|":
	case "|-":
		strip = true
	default:
		return nil // "|+", an indentation indicator, a comment
	}
	p.i++
	if p.i >= len(p.lines) {
		return nil
	}
	first := p.lines[p.i]
	m := indentOf(first)
	if m == len(first) || m <= indent {
		return nil // a blank first line or an empty block
	}
	var b []byte
	blank := 0 // empty lines seen since the last line of text
	for ; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		n := indentOf(l)
		if n == len(l) {
			if n > m {
				return nil // spaces beyond the block's indentation
			}
			blank++
			continue
		}
		if n < m {
			break
		}
		for ; blank > 0; blank-- {
			b = append(b, '\n')
		}
		if len(b) > 0 {
			b = append(b, '\n')
		}
		b = append(b, l[m:]...)
	}
	if !strip {
		b = append(b, '\n')
	}
	if p.skipBlank() && p.indent > indent {
		return nil
	}
	return p.node(yaml.Node{Kind: yaml.ScalarNode, Style: yaml.LiteralStyle, Tag: "!!str", Value: string(b), Line: line, Column: col})
}

// plainScalar returns the value of a one-line plain scalar, or false when
// the text is not one that fastParse knows to mean the same to go-yaml.
func plainScalar(s string) (string, bool) {
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		if s[0] != '-' || len(s) < 2 || s[1] == ' ' {
			return "", false
		}
	}
	end := len(s)
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	s = s[:end]
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' {
				return "", false
			}
		case '#':
			if s[i-1] == ' ' {
				return "", false
			}
		}
	}
	return s, true
}

// singleQuoted returns the value of a one-line single-quoted scalar that
// makes up the rest of the line.
func singleQuoted(s string) (string, bool) {
	end := strings.IndexByte(s[1:], '\'') + 1
	if end > 0 && (end+1 == len(s) || s[end+1] != '\'') {
		// No quote written twice: the value is the text between.
		if indentOf(s[end+1:]) != len(s)-end-1 {
			return "", false
		}
		return s[1:end], true
	}
	var b []byte
	i := 1
	for ; i < len(s); i++ {
		if s[i] != '\'' {
			b = append(b, s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '\'' {
			b = append(b, '\'')
			i++
			continue
		}
		break
	}
	if i >= len(s) || indentOf(s[i+1:]) != len(s)-i-1 {
		return "", false
	}
	return string(b), true
}

// doubleQuoted returns the value of a one-line double-quoted scalar without
// escapes that makes up the rest of the line.
func doubleQuoted(s string) (string, bool) {
	end := strings.IndexByte(s[1:], '"') + 1
	if end == 0 || strings.IndexByte(s[:end], '\\') >= 0 || indentOf(s[end+1:]) != len(s)-end-1 {
		return "", false
	}
	return s[1:end], true
}

// resolvePlain returns the tag go-yaml resolves a plain scalar to: the
// same steps in the same order as its resolve (resolve.go in
// go.yaml.in/yaml/v3), for the tags a record may hold; "" for a merge key,
// which Parse leaves to go-yaml (and then refuses).
func resolvePlain(s string) string {
	switch c := s[0]; {
	case c >= '0' && c <= '9' || c == '+' || c == '-':
		switch s {
		case "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
			return "!!float"
		}
		return resolveNumber(s)
	case c == '.':
		switch s {
		case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF":
			return "!!float"
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
		return "!!str"
	case c == '<':
		if s == "<<" {
			return ""
		}
		return "!!str"
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	}
	return "!!str"
}

// timestampFormats are go-yaml's allowedTimestampFormats.
var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// yamlStyleFloat is go-yaml's pattern of a float.
var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// innerSign reports whether s has a sign after its first byte other than
// an exponent's or one right after go-yaml's binary or octal prefix (it
// parses "0b-1" as the digits after "0b", sign and all, so -1) or an
// underscore (which go-yaml drops first: "0b_+1"): no whole number in any
// base and no float has one (a month, "2026-03", or an ID, "123-45"), and
// go-yaml reads such a scalar as text, after parsing it as numbers that
// fail. The signs it lets through are left to the full resolution.
func innerSign(s string) bool {
	for i := 1; i < len(s); i++ {
		if (s[i] == '-' || s[i] == '+') && !strings.ContainsRune("eEbo_", rune(s[i-1])) {
			return true
		}
	}
	return false
}

// resolveNumber resolves a plain scalar that starts with a digit or a sign
// as go-yaml does: a timestamp, else a whole number (in any base, with
// underscores), else a float, else text.
func resolveNumber(s string) string {
	if PlainDate(s) {
		return "!!timestamp" // the common case, without time.Parse's four tries
	}
	if onlyBytes(s, "0123456789-Tt :.Z+") && len(s) > 4 && allDigits(s[:4]) && s[4] == '-' {
		for _, f := range timestampFormats {
			if _, err := time.Parse(f, s); err == nil {
				return "!!timestamp"
			}
		}
	}
	if !onlyBytes(s, "0123456789abcdefABCDEFxXoO_+-.") || innerSign(s) {
		return "!!str" // not a number in any base, nor a float
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int"
	}
	if yamlStyleFloat.MatchString(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	for _, p := range []struct {
		prefix, sign string
		base         int
	}{{"0b", "", 2}, {"-0b", "-", 2}, {"0o", "", 8}, {"-0o", "-", 8}} {
		if strings.HasPrefix(plain, p.prefix) {
			if _, err := strconv.ParseInt(p.sign+plain[len(p.prefix):], p.base, 64); err == nil {
				return "!!int"
			}
			if p.sign == "" {
				if _, err := strconv.ParseUint(plain[len(p.prefix):], p.base, 64); err == nil {
					return "!!int"
				}
			}
		}
	}
	return "!!str"
}

// PlainDate reports whether s is YYYY-MM-DD and a day of the calendar:
// exactly what time.Parse("2006-01-02", s) accepts, without its cost (a
// validate of 10,000 cases meets two million dates).
func PlainDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return false
	}
	num := func(t string) int {
		v := 0
		for i := 0; i < len(t); i++ {
			v = v*10 + int(t[i]-'0')
		}
		return v
	}
	year, month, day := num(s[:4]), num(s[5:7]), num(s[8:])
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// onlyBytes reports whether every byte of s is one of set: a cheap test
// that spares the parsers text that cannot be what they parse.
func onlyBytes(s, set string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return true
}
