package markdown

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/russross/blackfriday/v2"
)

// TestTextReadsAsTyped renders escaped text with a real Markdown parser
// (blackfriday, which cobra's man pages already use) and checks that the
// paragraph's text is what a record held: no markup, inline HTML or
// character reference takes effect.
func TestTextReadsAsTyped(t *testing.T) {
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, typed := range []string{
		"Siobhan O'Brien & Sons",
		"Tom &amp; Jerry",
		"&lt;b&gt; is not bold",
		"&#169; 2026",
		"<b>bold</b> and <script>x</script>",
		"*not* _emphasis_ `code` [link](http://example.org)",
		`back\slash`,
	} {
		// No typographic quotes; no bare-URL links, which GitHub makes
		// too and which are not markup a record could hide.
		renderer := blackfriday.NewHTMLRenderer(blackfriday.HTMLRendererParameters{})
		out := string(blackfriday.Run([]byte(Text(typed)), blackfriday.WithRenderer(renderer),
			blackfriday.WithExtensions(blackfriday.CommonExtensions&^blackfriday.Autolink)))
		if strings.Contains(out, "<b>") || strings.Contains(out, "<em>") || strings.Contains(out, "<code>") || strings.Contains(out, "<a ") || strings.Contains(out, "<script>") {
			t.Errorf("%q renders with markup: %s", typed, out)
		}
		if got := strings.TrimSpace(html.UnescapeString(tags.ReplaceAllString(out, ""))); got != typed {
			t.Errorf("%q renders as %q (escaped %q)", typed, got, Text(typed))
		}
	}
}

// TestLineReadsAsTyped renders a list item whose value keeps a record's
// lines with hard breaks, as the case file writes a note, and checks that
// no line of the record starts a block: a heading, a list, a quote, a
// setext heading's underline, a code fence.
func TestLineReadsAsTyped(t *testing.T) {
	tags := regexp.MustCompile(`<[^>]*>`)
	typed := []string{"Called the employer", "# Call back Monday", "- resume sent", "+ cover letter", "1. apply online", "2) follow up",
		"> as she said", "---", "~~~", "  - indented", "Plain again", "#hashtag", "-5 degrees"}
	lines := make([]string, len(typed))
	for i, l := range typed {
		lines[i] = Line(l)
	}
	src := "- Content: " + strings.Join(lines, "\\\n  ") + "\n"
	renderer := blackfriday.NewHTMLRenderer(blackfriday.HTMLRendererParameters{})
	out := string(blackfriday.Run([]byte(src), blackfriday.WithRenderer(renderer),
		blackfriday.WithExtensions(blackfriday.CommonExtensions&^blackfriday.Autolink)))
	for _, tag := range []string{"<h1", "<h2", "<ol", "<blockquote", "<pre", "<hr"} {
		if strings.Contains(out, tag) {
			t.Errorf("a record's lines render with %s>:\n%s\n%s", tag, src, out)
		}
	}
	if strings.Count(out, "<ul") != 1 || strings.Count(out, "<li") != 1 {
		t.Errorf("a record's lines render as more than one list item:\n%s\n%s", src, out)
	}
	got := strings.Fields(html.UnescapeString(tags.ReplaceAllString(out, "")))
	if want := strings.Fields("Content: " + strings.Join(typed, " ")); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("renders as\n%q\nwant\n%q", got, want)
	}
	// A setext underline: CommonMark (GitHub) reads "\\=" as "=";
	// blackfriday, which takes no "\\=", is no judge of this one.
	if got := Line("==="); got != `\===` {
		t.Errorf("Line(%q) = %q, want %q", "===", got, `\===`)
	}
	if got := Line("Plain *text*"); got != Text("Plain *text*") {
		t.Errorf("Line of a plain line: %q, want Text's %q", got, Text("Plain *text*"))
	}
}
