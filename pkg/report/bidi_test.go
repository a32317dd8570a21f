package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/bidi"
)

func TestIsolate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Call the employer; due 2026-03-04", "Call the employer; due 2026-03-04"},
		{"Call مريم حداد; due 2026-03-04", "Call <bdi>مريم حداد</bdi>; due 2026-03-04"},
		{"שרה לוי 12 רחוב (home) <b>", "<bdi>שרה לוי 12 רחוב</bdi> (home) &lt;b&gt;"},
		{"مريم\nحداد", "<bdi>مريم</bdi>\n<bdi>حداد</bdi>"},
		// A right-to-left override a note holds ends where its run does.
		{"ok \u202eevil", "ok <bdi>\u202e</bdi>evil"},
		{"", ""},
	} {
		if got := string(isolate(c.in)); got != c.want {
			t.Errorf("isolate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCaseFileHTMLIsolatesRTL: a case file whose participant, note and
// due item are in Arabic and Hebrew reads, parsed by a real HTML parser,
// with every right-to-left run in a <bdi> of its own, and caseplan's
// words beside it ("; due", the dates) outside, so a browser cannot
// reorder them; the page stays well-formed.
func TestCaseFileHTMLIsolatesRTL(t *testing.T) {
	d := &CaseFile{
		Title:  "Case 2026-K7QX2 — مريم حداد",
		Source: fixtureSource,
		Again:  "caseplan case show 2026-K7QX2 -o html",
		Lines:  []string{"As of 2026-03-04."},
		Sections: []CaseSection{
			{Title: "Case", Fields: []CaseField{{Label: "Employer", Value: "מפעל הגליל 2000"}}},
			{Title: "Next due", Headers: []string{"Due", "Detail"}, Rows: [][]string{{"2026-03-04", "Call שרה לוי; due 2026-03-04"}}},
			{Title: "Notes", Entries: []CaseEntry{{Title: "2026-02-03 contact — N-1", Fields: []CaseField{
				{Label: "Content", Value: "قابلت مريم 10 دقائق\nthen \u202eoverride"},
			}}}},
			{Title: "Findings", Items: []string{"waiver reason: שרה 3"}},
		},
	}
	var b bytes.Buffer
	if err := WriteCaseFile(&b, "html", d); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	checkWellFormed(t, page)
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	bdis := checkRTLIsolated(t, doc, false)
	for _, want := range []string{"مريم حداد", "מפעל הגליל", "שרה לוי", "قابلت مريم 10 دقائق", "\u202e", "שרה"} {
		if !bdis[want] {
			t.Errorf("no <bdi>%s</bdi> in the page; it has %v", want, bdis)
		}
	}
}

// checkRTLIsolated walks n and fails for a right-to-left letter or a
// bidi control outside a <bdi> (but in the <title>, which is text only), and for a <bdi> that begins or ends with
// something else (it would carry caseplan's words into the run). It
// returns the <bdi> texts.
func checkRTLIsolated(t *testing.T, n *html.Node, inBDI bool) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode && n.Data == "title" {
			return // the window's title, text only: no element can be in it
		}
		if n.Type == html.ElementNode && n.Data == "bdi" {
			var sb strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != html.TextNode {
					t.Errorf("<bdi> holds a <%s>", c.Data)
					continue
				}
				sb.WriteString(c.Data)
			}
			s := sb.String()
			r := []rune(s)
			if len(r) == 0 || !rtlOrControl(r[0]) || !rtlOrControl(r[len(r)-1]) {
				t.Errorf("<bdi>%q</bdi> does not begin and end with right-to-left text", s)
			}
			seen[s] = true
			in = true
		}
		if n.Type == html.TextNode && !in {
			for _, r := range n.Data {
				if rtlOrControl(r) {
					t.Errorf("%q is outside a <bdi>: %q", r, n.Data)
					break
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(n, inBDI)
	return seen
}

func rtlOrControl(r rune) bool {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.R, bidi.AL, bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
		return true
	}
	return false
}

// TestReportPageIsolatesRTL: the reports' page (monthly, caseload,
// performance, search) sets a record's right-to-left text in a <bdi>
// in its lines, notes, summary and table cells too.
func TestReportPageIsolatesRTL(t *testing.T) {
	p := page{
		Title:   "Caseload — שרה לוי",
		Lines:   []string{"Manager: שרה לוי (slevi)"},
		Summary: []line{{label: "Cases of מפעל הגליל", value: "3", remark: "of whom مريم 2"}},
		Tables: htmlTables(table{
			title:   "Cases",
			notes:   []string{"Employer מפעל הגליל 2000; due 2026-03-04"},
			headers: []string{"Case", "Participant", "Flags"},
			rows:    [][]string{{"2026-K7QX2", "مريم حداد", "contact-overdue"}},
		}),
	}
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, p); err != nil {
		t.Fatal(err)
	}
	checkWellFormed(t, b.String())
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	bdis := checkRTLIsolated(t, doc, false)
	for _, want := range []string{"שרה לוי", "מפעל הגליל", "مريم", "مريم حداد"} {
		if !bdis[want] {
			t.Errorf("no <bdi>%s</bdi> in the page; it has %v", want, bdis)
		}
	}
}
