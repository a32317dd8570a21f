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
