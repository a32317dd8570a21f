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
