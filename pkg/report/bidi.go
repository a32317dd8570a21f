package report

import (
	"html/template"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// isolate escapes s for an HTML page's text and sets each run of
// right-to-left text in it (an Arabic or Hebrew name, a note, an
// employer, a reason) in a <bdi> element, which the browser lays out on
// its own (Unicode bidirectional algorithm, UAX #9, "isolates"): an RTL
// name can then not pull the "; due 2026-03-04", the ID or the number
// beside it into its own direction, and a bidi control a record holds
// (a right-to-left override typed or pasted into a note) ends where its
// run does instead of reversing the rest of the line.
//
// Every text a page shows passes through here (the {{iso}} of the
// report and case file templates), the records' and caseplan's own
// words alike; caseplan's words are left-to-right, so only what the
// records brought in is wrapped. A run starts at a right-to-left letter
// or a bidi control and ends at the last such before a left-to-right
// letter or a line break; the digits and punctuation between two
// Arabic words are the run's, those after its last letter the line's.
func isolate(s string) template.HTML {
	var b strings.Builder
	start, end := -1, -1 // the open run, s[start:end]
	// flush writes the open run and what follows it up to upTo.
	flush := func(upTo int) {
		b.WriteString("<bdi>")
		b.WriteString(template.HTMLEscapeString(s[start:end]))
		b.WriteString("</bdi>")
		b.WriteString(template.HTMLEscapeString(s[end:upTo]))
		start = -1
	}
	done := 0 // s[:done] is written
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL, bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			if start < 0 {
				b.WriteString(template.HTMLEscapeString(s[done:i]))
				start = i
			}
			end = i + n
		case bidi.L, bidi.B:
			if start >= 0 {
				flush(i)
				done = i
			}
		}
		i += n
	}
	if start >= 0 {
		flush(len(s))
	} else {
		b.WriteString(template.HTMLEscapeString(s[done:]))
	}
	return template.HTML(b.String())
}
