package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// explainSyntax looks at the text of a file the YAML parser refused and
// finds the line a person would fix, saying in plain words what is wrong
// with it. The parser often reports where it gave up, not where the
// mistake is — a line indented one space too far is reported at the key
// above it — and in its own terms ("did not find expected key"). The
// checks here cover the mistakes people make by hand: tabs, indentation
// that lines up with nothing, a line indented under a field that already
// has a value, a list item out of line, a quote never closed. ok is false
// when none applies; the parser's own message is used then.
//
// A diagnosis is trusted only when mending that one line as it suggests
// lets the parser read past it (confirm): a guess that does not explain
// the error is never shown.
func explainSyntax(data []byte, confirm func(mended []byte, line int) bool) (line int, msg string, ok bool) {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	// Each guess costs a parse of the whole file: a file with thousands
	// of lines that look like a slip (a note's text of plain words) must
	// not cost thousands of parses. Past the budget, the parser's own
	// words stand.
	budget := maxGuesses
	try := confirm
	confirm = func(mended []byte, line int) bool {
		if budget == 0 {
			return false
		}
		budget--
		return try(mended, line)
	}
	mend := func(n int, fixed string) []byte {
		cp := append([]string(nil), lines...)
		cp[n-1] = fixed
		return []byte(strings.Join(cp, "\n"))
	}
	// A tab anywhere in the indentation: YAML forbids it, and editors
	// hide it. It stands for spaces, or, typed before a field that was
	// already lined up (the parser then names the line above), for nothing.
	for i, l := range lines {
		body := strings.TrimLeft(l, " \t")
		indent := l[:len(l)-len(body)]
		if !strings.Contains(indent, "\t") {
			continue
		}
		if confirm(mend(i+1, strings.ReplaceAll(indent, "\t", "  ")+body), i+1) {
			return i + 1, "line " + strconv.Itoa(i+1) + " is indented with a tab; YAML indents with spaces only: replace the tab with spaces", true
		}
		if confirm(mend(i+1, strings.ReplaceAll(indent, "\t", "")+body), i+1) {
			return i + 1, "line " + strconv.Itoa(i+1) + " is indented with a tab; YAML indents with spaces only: remove the tab", true
		}
	}
	// A non-breaking space (word processors and web pages type one, after
	// a colon or in the indentation) is no space to YAML, and looks like
	// one: "reason:\u00a0placed" is a key with no colon after it.
	for i, l := range lines {
		if r, ok := oddSpace(l); ok && confirm(mend(i+1, strings.Map(plainSpace, l)), i+1) {
			return i + 1, "line " + strconv.Itoa(i+1) + " has a " + spaceName(r) + fmt.Sprintf(" (U+%04X)", r) + " where YAML needs an ordinary space; retype the space", true
		}
	}
	// A quoted value whose quote is never closed on its line.
	for i, l := range lines {
		if q, ok := openQuote(l); ok && confirm(mend(i+1, l+q), i+1) {
			return i + 1, "line " + strconv.Itoa(i+1) + " starts a value with " + q + " but the line does not close it; add the closing " + q + " (or write the value without quotes)", true
		}
	}
	// A field without its colon, a value holding ": ", a [ or { list
	// with its brackets out of step: each mended as the message says, and shown only when
	// that mend lets the parser read past the line.
	for i, l := range lines {
		n := i + 1
		if fixed, shown, ok := missingColon(l); ok && confirm(mend(n, fixed), n) {
			return n, "line " + strconv.Itoa(n) + " has no ':' after its field name; write it as " + shown, true
		}
		if fixed, shown, ok := colonInValue(l); ok && confirm(mend(n, fixed), n) {
			return n, "the value on line " + strconv.Itoa(n) + " holds ': ', which YAML reads as the start of another field; put the value in quotes: " + shown, true
		}
		if fixed, what, ok := flowSlip(l); ok && confirm(mend(n, fixed), n) {
			return n, "line " + strconv.Itoa(n) + " " + what, true
		}
	}
	if n, msg, indents, ok := explainIndent(lines); ok {
		for _, indent := range indents {
			if confirm(mend(n, strings.Repeat(" ", indent)+strings.TrimLeft(lines[n-1], " ")), n) {
				return n, msg, true
			}
		}
	}
	return 0, "", false
}

// maxGuesses bounds the mends explainSyntax tries on one file.
const maxGuesses = 64

// level is an indentation level open at some point of the file: the
// column its keys (or list dashes) start at, and the line that opened it.
type level struct {
	indent int
	line   int
	key    string
}

// explainIndent checks that every line's indentation lines up with a
// level the lines above opened. It returns the first line that does not,
// what is wrong with it, and the indentations that might mend it, the
// likeliest first: a line out of line with all the levels open above it
// may belong with a deeper one (a list item a space short of its
// siblings, under a field at 2 spaces whose items start at 4) as well as
// with the one it falls back to.
func explainIndent(lines []string) (int, string, []int, bool) {
	stack := []level{{indent: 0}}
	prevIndent, prevLine, prevOpens, prevKey := 0, 0, false, ""
	var prevClosed []level     // the levels the line before closed by falling back
	block, blockIndent := 0, 0 // the line of a | or > block under way, and its key's indent
	for i, l := range lines {
		trimmed := strings.TrimSpace(l)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") || trimmed == "---" {
			continue
		}
		n := i + 1
		indent := len(l) - len(strings.TrimLeft(l, " "))
		if block > 0 && indent > blockIndent {
			continue // the text of a | or > block
		}
		block = 0
		key, opens := keyOf(trimmed)
		var closed []level
		if prevLine > 0 {
			switch {
			case indent > prevIndent && !prevOpens:
				if key == "" {
					continue // a plain value that goes on over the next line
				}
				// The line before fell back from a level this line still
				// lines up with: it is the one moved left (a field of a
				// block pushed to the start of the line), and lining
				// this one up with it would pull the rest out too.
				if slices.ContainsFunc(prevClosed, func(l level) bool { return l.indent == indent }) {
					moved := len(lines[prevLine-1]) - len(strings.TrimLeft(lines[prevLine-1], " "))
					return prevLine, "line " + strconv.Itoa(prevLine) + " is indented by " + spaces(moved) + ", less than the fields above it, while line " + strconv.Itoa(n) + " below it still lines up with them (" + spaces(indent) + "); line " + describe(prevKey) + " up with them", []int{indent}, true
				}
				return n, "line " + strconv.Itoa(n) + " is indented further than line " + strconv.Itoa(prevLine) + " (" + prevKey + "), which already has a value, so it cannot hold more fields; line " + describe(key) + " up with the fields around it", []int{prevIndent}, true
			case indent > prevIndent:
				stack = append(stack, level{indent: indent, line: n, key: key})
			default:
				open := stack
				for len(stack) > 1 && stack[len(stack)-1].indent > indent {
					stack = stack[:len(stack)-1]
				}
				closed = open[len(stack):]
				if top := stack[len(stack)-1]; top.indent != indent {
					return n, "line " + strconv.Itoa(n) + " is indented by " + spaces(indent) + ", which lines up with none of the fields above it (they start at " + levels(open) + "); line " + describe(key) + " up with the field it belongs with", nearest(open, indent), true
				}
			}
		}
		if blockScalar(trimmed) {
			block, blockIndent = n, indent
		}
		// A list item's content is one level deeper than its dash.
		if strings.HasPrefix(trimmed, "- ") || trimmed == "-" {
			inner := indent + 2
			stack = append(stack, level{indent: inner, line: n, key: key})
			prevIndent = inner
		} else {
			prevIndent = indent
		}
		prevLine, prevOpens, prevKey, prevClosed = n, opens, key, closed
		if key == "" {
			prevKey = "a value"
		}
	}
	return 0, "", nil, false
}

// nearest returns the indentations of the levels open, nearest to indent
// first and, of two as near, the deeper first: a line one space short of
// the line above more often belongs with it than with the level outside.
func nearest(open []level, indent int) []int {
	var out []int
	for _, l := range open {
		if !slices.Contains(out, l.indent) {
			out = append(out, l.indent)
		}
	}
	dist := func(x int) int { return max(x-indent, indent-x) }
	slices.SortStableFunc(out, func(a, b int) int {
		if d := dist(a) - dist(b); d != 0 {
			return d
		}
		return b - a
	})
	return out
}

// blockScalar reports whether a line's value is a | or > block, whose
// text follows on the lines indented below it.
func blockScalar(trimmed string) bool {
	_, v, found := strings.Cut(strings.TrimPrefix(trimmed, "- "), ":")
	v = strings.TrimSpace(v)
	return found && (strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">"))
}

// keyOf returns the key a line sets ("name" of "name: Ana" or "- name:
// Ana") and whether the line opens a block: a key with no value on the
// line, whose value follows indented below.
func keyOf(trimmed string) (key string, opens bool) {
	s := strings.TrimPrefix(trimmed, "- ")
	if s == "-" {
		return "", true
	}
	k, v, found := strings.Cut(s, ":")
	if !found || strings.ContainsAny(k, "\"'[{") {
		return "", false
	}
	v = strings.TrimSpace(v)
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return strings.TrimSpace(k) + ":", v == ""
}

// openQuote reports a value on the line that opens a quote and never
// closes it, and which quote it is.
func openQuote(l string) (string, bool) {
	_, v, found := strings.Cut(strings.TrimPrefix(strings.TrimSpace(l), "- "), ": ")
	if !found {
		return "", false
	}
	v = strings.TrimSpace(v)
	for _, q := range []string{`"`, "'"} {
		if !strings.HasPrefix(v, q) {
			continue
		}
		rest := v[1:]
		if q == `"` {
			rest = strings.ReplaceAll(rest, `\\`, "")
			rest = strings.ReplaceAll(rest, `\"`, "")
		} else {
			rest = strings.ReplaceAll(rest, "''", "")
		}
		if !strings.Contains(rest, q) {
			return q, true
		}
	}
	return "", false
}

func describe(key string) string {
	if key == "" {
		return "it"
	}
	return "`" + key + "`"
}

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return strconv.Itoa(n) + " spaces"
}

func levels(stack []level) string {
	var out []string
	for _, l := range stack {
		out = append(out, spaces(l.indent))
	}
	return strings.Join(out, " or ")
}

// missingColon mends a line that reads as a field and its value with the
// colon left out ("program wioa"), returning the mended line and how it
// reads without its indentation.
func missingColon(l string) (fixed, shown string, ok bool) {
	indent, item, body := lineParts(l)
	key, value, found := strings.Cut(body, " ")
	if !found || strings.Contains(body, ":") || !fieldName(key) || strings.TrimSpace(value) == "" || strings.HasPrefix(value, "#") {
		return "", "", false
	}
	shown = item + key + ": " + strings.TrimSpace(value)
	return indent + shown, shown, true
}

// lineParts splits a line into its indentation, a list item's "- " (or
// ""), and the rest.
func lineParts(l string) (indent, item, body string) {
	body = strings.TrimLeft(l, " ")
	indent = l[:len(l)-len(body)]
	if strings.HasPrefix(body, "- ") {
		item, body = "- ", body[2:]
	}
	return indent, item, body
}

// fieldName reports whether s is written as caseplan's field names are:
// lower-case letters, digits and underscores, starting with a letter.
func fieldName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// colonInValue mends a field whose plain value holds ": " ("notes: call
// back: Tuesday") by quoting the value.
func colonInValue(l string) (fixed, shown string, ok bool) {
	indent, item, body := lineParts(l)
	key, value, found := strings.Cut(body, ": ")
	value = strings.TrimSpace(value)
	if !found || !fieldName(key) || !strings.Contains(value, ": ") || strings.ContainsAny(value[:1], "\"'[{|>&*!#") {
		return "", "", false
	}
	shown = item + key + ": " + strconv.Quote(value)
	return indent + shown, shown, true
}

// flowSlip reports a line whose value is a [ or { collection with its
// brackets out of step, the line mended and the mend in plain words:
// an opener the line never closes (the closers added at its end), a
// closer of the wrong kind while an opener is still open (the missing
// closer put before it), or a closer with nothing open (removed).
func flowSlip(l string) (fixed, msg string, ok bool) {
	_, v, found := strings.Cut(strings.TrimPrefix(strings.TrimSpace(l), "- "), ": ")
	v = strings.TrimSpace(v)
	if !found || v == "" || (v[0] != '[' && v[0] != '{') {
		return "", "", false
	}
	at := strings.LastIndex(l, v) // where the value starts in the line
	var open []byte
	quote := byte(0)
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			open = append(open, c)
		case c == ']' || c == '}':
			if len(open) == 0 {
				return l[:at+i] + l[at+i+1:], "has a " + string(c) + " that closes nothing; remove it", true
			}
			top := open[len(open)-1]
			if want := closerOf(top); c != want {
				return l[:at+i] + string(want) + l[at+i:], "closes its " + string(top) + " with " + string(c) + "; close the " + string(top) + " with " + string(want) + " first", true
			}
			open = open[:len(open)-1]
		}
	}
	if quote != 0 || len(open) == 0 {
		return "", "", false
	}
	var closers []byte
	for i := len(open) - 1; i >= 0; i-- {
		closers = append(closers, closerOf(open[i]))
	}
	return l + string(closers), "opens a list or mapping with " + string(open[len(open)-1]) + " that is never closed; add the closing " + string(closers), true
}

// closerOf is the bracket that closes the flow opener c.
func closerOf(c byte) byte {
	if c == '[' {
		return ']'
	}
	return '}'
}

// oddSpace returns the first Unicode space of l that is not an ordinary
// space or a tab.
func oddSpace(l string) (rune, bool) {
	for _, r := range l {
		if plainSpace(r) != r {
			return r, true
		}
	}
	return 0, false
}

// plainSpace maps a Unicode space that YAML does not take for one to an
// ordinary space.
func plainSpace(r rune) rune {
	switch {
	case r == '\u00a0', r == '\u1680', r >= '\u2000' && r <= '\u200a', r == '\u202f', r == '\u205f', r == '\u3000':
		return ' '
	}
	return r
}

func spaceName(r rune) string {
	switch r {
	case '\u00a0', '\u202f':
		return "non-breaking space"
	case '\u3000':
		return "full-width space"
	}
	return "Unicode space"
}
