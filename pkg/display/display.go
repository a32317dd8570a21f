// Package display owns how caseplan's text reaches a person's screen: the
// escaping of control characters in what the records say, and tables
// aligned by the width text takes on a terminal.
//
// Records hold text people typed, and a name or a note may carry an escape
// sequence (ESC ] 0; ... retitles a terminal window, ESC [ 31m paints the
// rest red, a bidi override reorders what follows). Every text view —
// case list, case show, due, validate, the reports' text — passes record
// text through Escape, the one function that decides what is shown as an
// escape instead of being sent raw; the JSON outputs carry the exact
// values for scripts.
//
// Nothing here knows about the command line.
package display

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// Escape returns s with every character a terminal would act on rather
// than show written as a Go-style escape: C0 controls (\t, \n, \r, \x1b,
// ...), DEL, C1 controls (\u009b), the bidirectional formatting characters
// (\u202e, ...) and bytes that are not UTF-8 (\xff). Printable text,
// including every script's letters, is left as it is.
func Escape(s string) string { return escape(s, false) }

// EscapeText is Escape for text laid out over lines and columns (a note's
// content, a whole view): line breaks are kept as line breaks (a CR LF as
// one LF) and tabs as tabs; every other control character is escaped.
func EscapeText(s string) string { return escape(s, true) }

func escape(s string, keepLines bool) string {
	if clean(s, keepLines) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case keepLines && r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			// the CR of a CR LF line end: the LF that follows ends the line
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// clean reports whether s needs no escaping, the common case, without
// allocating.
func clean(s string, keepLines bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r < 0x20 && !(keepLines && (r == '\n' || r == '\t')) || r == 0x7f || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// unsafeRune reports the characters beyond ASCII that act on a terminal or
// on the order of the text around them: the C1 controls (U+009B is a
// one-character CSI on many terminals) and the bidirectional formatting
// characters ("Trojan Source").
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// widths measures text as a terminal lays it out. It is fixed rather
// than taken from the locale (go-runewidth reads LC_ALL and friends), so a
// report renders to the same bytes on every machine: East Asian
// "ambiguous" characters count as one column, as they do outside CJK
// locales.
var widths = &runewidth.Condition{EastAsianWidth: false}

// Width returns how many terminal columns s takes: 2 for each wide
// (CJK) character, 0 for combining marks, 1 for the rest.
func Width(s string) int { return widths.StringWidth(s) }

// ShellQuote quotes v for a POSIX shell, so a command a message gives can
// be pasted as it stands: as it is when it is plainly safe, else in single
// quotes.
func ShellQuote(v string) string {
	if v != "" && strings.IndexFunc(v, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.,:/@+=", r))
	}) < 0 {
		return v
	}
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}

// ProseList joins words as a sentence lists them: "a", "a and b", "a, b
// and c" — the one wording of a list in caseplan's messages.
func ProseList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
