// Package markdown writes text from the records into GitHub-flavoured
// Markdown — the reports' md format, the findings in a GitHub job summary —
// so that it reads as the text it is: a pipe stays in its table cell, a
// line break does not end the row, and no markup or inline HTML in a
// record takes effect.
package markdown

import "strings"

// Text escapes s for a Markdown paragraph or table cell: pipes, line
// breaks, inline HTML, character references (a record's "&amp;" shows as
// typed, not as "&") and the emphasis, code and link markers.
var Text = strings.NewReplacer(
	"\\", "\\\\", "|", "\\|", "\r\n", " ", "\n", " ", "\r", " ",
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]",
).Replace

// Code writes s as a code span: commands and paths read as what to type.
// The span's fence is one backtick longer than any run of backticks in s,
// and line breaks become spaces, as in a table cell they must.
func Code(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	// In a table a pipe ends the cell even inside a code span (GFM).
	s = strings.ReplaceAll(s, "|", "\\|")
	return fence + pad + s + pad + fence
}

// Line is Text for text that begins a line of the page — a paragraph, a
// list item, a record's next line after a hard break. Text keeps markup
// inside a line from taking effect; at a line's start Markdown also reads
// block markers, so a note's line typed as "# Call back", "- resume
// sent", "1. apply" or "---" would become a heading or a list, or turn
// the lines above it into a heading. Line escapes the marker, so the line
// reads as typed (a quote's > is Text's &gt; already).
func Line(s string) string {
	s = Text(s)
	rest := strings.TrimLeft(s, " \t")
	lead := s[:len(s)-len(rest)]
	if rest == "" {
		return s
	}
	switch rest[0] {
	case '#', '-', '+', '=', '~':
		return lead + "\\" + rest
	}
	// An ordered list's marker: up to nine digits, then . or ).
	n := 0
	for n < len(rest) && n < 9 && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	if n > 0 && n < len(rest) && (rest[n] == '.' || rest[n] == ')') {
		return lead + rest[:n] + "\\" + rest[n:]
	}
	return s
}
