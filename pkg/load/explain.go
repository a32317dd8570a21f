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
// has a value, a list item out of line or without its "- ", a quote
// never closed or closed too soon, a value starting with a character
// YAML keeps for itself. ok is false when none applies; the parser's own
// message is then put in plain words by parserWords.
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
		if fixed, msg, ok := quoteSlip(l, n); ok && confirm(mend(n, fixed), n) {
			return n, msg, true
		}
		if fixed, msg, ok := reservedStart(l, n); ok && confirm(mend(n, fixed), n) {
			return n, msg, true
		}
		if fixed, msg, ok := itemOnFieldLine(l, n); ok && confirm(mend(n, fixed), n) {
			return n, msg, true
		}
	}
	// A list item written without its "- ", or with one among fields.
	prev := ""
	for i, l := range lines {
		n := i + 1
		if fixed, msg, ok := listSlip(prev, l, n); ok && confirm(mend(n, fixed), n) {
			return n, msg, true
		}
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			prev = l
		}
	}
	for _, g := range explainIndent(lines) {
		for _, indent := range g.indents {
			if confirm(mend(g.line, strings.Repeat(" ", indent)+strings.TrimLeft(lines[g.line-1], " ")), g.line) {
				return g.line, g.msg, true
			}
		}
	}
	return 0, "", false
}

// guess is a diagnosis of a line's indentation: the line, what is wrong
// with it, and the indentations that might mend it, the likeliest first.
type guess struct {
	line    int
	msg     string
	indents []int
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
// level the lines above opened. It returns the guesses about the first
// line that does not, the likeliest first, each with the indentations
// that might mend it, the likeliest first: a line out of line with all the levels open above it
// may belong with a deeper one (a list item a space short of its
// siblings, under a field at 2 spaces whose items start at 4) as well as
// with the one it falls back to.
func explainIndent(lines []string) []guess {
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
				further := guess{n, "line " + strconv.Itoa(n) + " is indented further than line " + strconv.Itoa(prevLine) + " (" + prevKey + "), which already has a value, so it cannot hold more fields; line " + describe(key) + " up with the fields around it", []int{prevIndent}}
				// Lining the line before up again may not mend the
				// file (a field after a list, where this line is
				// indented as far as the list's dashes): then this
				// line is the one indented too far.
				if slices.ContainsFunc(prevClosed, func(l level) bool { return l.indent == indent }) {
					moved := len(lines[prevLine-1]) - len(strings.TrimLeft(lines[prevLine-1], " "))
					return []guess{{prevLine, "line " + strconv.Itoa(prevLine) + " is indented by " + spaces(moved) + ", less than the fields above it, while line " + strconv.Itoa(n) + " below it still lines up with them (" + spaces(indent) + "); line " + describe(prevKey) + " up with them", []int{indent}}, further}
				}
				return []guess{further}
			case indent > prevIndent:
				stack = append(stack, level{indent: indent, line: n, key: key})
			default:
				open := stack
				for len(stack) > 1 && stack[len(stack)-1].indent > indent {
					stack = stack[:len(stack)-1]
				}
				closed = open[len(stack):]
				if top := stack[len(stack)-1]; top.indent != indent {
					return []guess{{n, "line " + strconv.Itoa(n) + " is indented by " + spaces(indent) + ", which lines up with none of the fields above it (they start at " + levels(open) + "); line " + describe(key) + " up with the field it belongs with", nearest(open, indent)}}
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
	return nil
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

// fieldValue splits a line "key: value" (or "- key: value") into its
// parts: the indentation with any "- ", the key, and the value as
// written, without a comment's surrounding space.
func fieldValue(l string) (head, key, value string, ok bool) {
	indent, item, body := lineParts(l)
	key, value, found := strings.Cut(body, ": ")
	if !found || !fieldName(key) {
		return "", "", "", false
	}
	return indent + item, key, strings.TrimSpace(value), true
}

// quoteSlip reports a quoted value that goes on after its closing quote:
// a quote of the same kind inside it ('it's done', "say "yes""), taken
// for the closing one, or text after the quotes ("Ana" Example). The line
// is mended as the message says.
func quoteSlip(l string, n int) (fixed, msg string, ok bool) {
	head, key, v, ok := fieldValue(l)
	if !ok || v == "" || (v[0] != '"' && v[0] != '\'') {
		return "", "", false
	}
	q := v[:1]
	end := closingQuote(v)
	if end < 0 || end == len(v)-1 || strings.HasPrefix(v[end+1:], " #") {
		return "", "", false
	}
	at := "the value on line " + strconv.Itoa(n) + " "
	if strings.HasSuffix(v, q) && len(v) > 1 {
		inner := v[1 : len(v)-1]
		if q == "'" {
			shown := key + ": '" + strings.ReplaceAll(strings.ReplaceAll(inner, "''", "'"), "'", "''") + "'"
			return head + shown, at + "is in single quotes and holds an apostrophe ('), which YAML reads as the closing quote; write each apostrophe inside it twice: " + shown, true
		}
		shown := key + ": '" + strings.ReplaceAll(inner, "'", "''") + "'"
		return head + shown, at + "is in double quotes and holds a double quote (\"), which YAML reads as the closing one; put the value in single quotes instead: " + shown, true
	}
	rest := v[end+1:]
	shown := key + ": " + v[:end] + rest + q
	return head + shown, at + "goes on after its closing " + q + "; move the closing " + q + " to the end of the value: " + shown, true
}

// closingQuote returns the index in v of the quote that closes the one v
// starts with, or -1 when the line does not close it.
func closingQuote(v string) int {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case q == '\'' && v[i] == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return i
		}
	}
	return -1
}

// reservedStart reports a plain value that starts with a character YAML
// keeps for itself (@home, `code`, %, *note, &co), mended by quoting it.
func reservedStart(l string, n int) (fixed, msg string, ok bool) {
	head, key, v, ok := fieldValue(l)
	if !ok || v == "" || !strings.ContainsAny(v[:1], "@`%*&") {
		return "", "", false
	}
	shown := key + ": " + strconv.Quote(v)
	return head + shown, "the value on line " + strconv.Itoa(n) + " starts with " + v[:1] + ", which YAML keeps for its own use at the start of a value; put the value in quotes: " + shown, true
}

// itemOnFieldLine reports a list item written on its field's line
// ("barriers: - housing"), mended by moving it to a line of its own.
func itemOnFieldLine(l string, n int) (fixed, msg string, ok bool) {
	head, key, v, ok := fieldValue(l)
	if !ok || !strings.HasPrefix(v, "- ") {
		return "", "", false
	}
	indent := strings.Repeat(" ", len(head)+2)
	return head + key + ":\n" + indent + v, "line " + strconv.Itoa(n) + " has a list item (" + v + ") on the same line as its field " + key + ":; put each item on a line of its own below it, indented, starting with '- '", true
}

// listSlip reports a line that breaks a list or a mapping by its "- ":
// a line lined up with the list items above it but without a "- " of
// its own (mended by adding one), or a "- " item lined up with fields
// written name: value (mended by removing the "- ").
func listSlip(prev, l string, n int) (fixed, msg string, ok bool) {
	if prev == "" {
		return "", "", false
	}
	pIndent, pItem, _ := lineParts(prev)
	indent, item, body := lineParts(l)
	if len(indent) != len(pIndent) || strings.TrimSpace(body) == "" || strings.HasPrefix(body, "#") {
		return "", "", false
	}
	at := "line " + strconv.Itoa(n) + " "
	switch {
	case pItem != "" && item == "":
		return indent + "- " + body, at + "is lined up with the list items above it (each starting with '- ') but has no '- ' of its own; start it with '- ' like them, or, if it is not one of them, line it up with the field the list belongs to", true
	case pItem == "" && item != "":
		// The mend removes the line: what the item should become
		// (a field, an item of a list below a field) is the person's
		// to say; that the line is the one to change is what it shows.
		return "", at + "starts with '- ' (a list item) but is lined up with fields written name: value; remove the '- ', or put the item under the field whose list it belongs to", true
	}
	return "", "", false
}

// parserWords gives, in plain words, the YAML parser's own message for a
// mistake explainSyntax found no single line to mend for; line is the
// line the mistake was found at. ok is false for a message not known
// here, whose words are then the parser's.
func parserWords(line int, parser string) (msg string, ok bool) {
	at := "line " + strconv.Itoa(line)
	if name, found := strings.CutPrefix(parser, "unknown anchor "); found {
		name = strings.TrimSuffix(name, " referenced")
		return "a value on " + at + " starts with *, which YAML reads as a reference to an anchor &" + strings.Trim(name, "'") + " that the file does not have; put the value in quotes", true
	}
	switch parser {
	case "mapping values are not allowed in this context":
		return at + " has a ':' and a space where YAML cannot start a field: inside a value, or on a line indented under a field that already has a value; put the value in quotes, or line the field up with the fields around it", true
	case "did not find expected key":
		return at + " does not read as a field (name: value) lined up with the fields around it; look for a '- ' among fields, text after a closing quote or bracket, or a ':' with no field name before it", true
	case "could not find expected ':'":
		return at + " has text where YAML expects a field (name: value); add the ':' after the field's name, or, if the text goes on from the value above, put that value in quotes", true
	case "did not find expected '-' indicator":
		return at + " is lined up with the list items above it (each starting with '- ') but is not one; start it with '- ', or line it up with the field the list belongs to", true
	case "block sequence entries are not allowed in this context":
		return at + " has a list item ('- ') where YAML cannot start one: on the same line as its field, or under a field that already has a value; put each item on a line of its own below its field, indented", true
	case "did not find expected node content":
		return at + " has a value YAML cannot read: it starts with a character YAML keeps for its own use, or it is cut short; put the value in quotes", true
	case "found character that cannot start any token":
		return "a value on " + at + " starts with a character YAML keeps for its own use (@, `, % or a tab); put the value in quotes", true
	case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
		return at + " is indented with a tab; YAML indents with spaces only: replace the tab with spaces", true
	case "found unexpected end of stream":
		return "the file ends inside a quoted value: a \" or ' opened on " + at + " or above is never closed; add the closing quote", true
	case "did not find expected ',' or ']'":
		return "a list written in [ ] on " + at + " or above is not closed where YAML expects it; check its commas and its closing ], or write it as one '- ' item a line", true
	case "did not find expected ',' or '}'":
		return "a mapping written in { } on " + at + " or above is not closed where YAML expects it; check its commas and its closing }, or write it as one field a line", true
	case "did not find expected comment or line break":
		return at + " has text after a value YAML has already read to its end (after a closing quote or bracket, or after | or >); remove it, or put the whole value in quotes", true
	case "did not find expected alphabetic or numeric character":
		return "a value on " + at + " starts with & or *, which YAML keeps for its own use; put the value in quotes", true
	case "found unknown escape character", "found invalid Unicode character escape code", "did not find expected hexdecimal number":
		return "a value in double quotes on " + at + " holds a \\ that YAML reads as the start of a special character; write \\\\ for a backslash, or put the value in single quotes", true
	case "did not find expected <document start>":
		// Reported where the parser gave up, below the first line.
		return "the file's first field is indented, and a field below it starts further left; remove the spaces before the first field: the fields at the top of a record start at the beginning of the line", true
	case "found unexpected document indicator":
		return at + " starts with --- or ..., which YAML reads as the end of the record; remove it, or put that value in quotes", true
	}
	return "", false
}
