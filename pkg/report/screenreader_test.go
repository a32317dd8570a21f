package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A screen reader reads a page's accessibility tree: what aria-hidden
// leaves out is never read, and an SVG drawing's bars are at best "a
// graphic". These tests read the report pages with a real HTML parser as
// a screen reader would, from the tree left once the hidden parts are cut.

// accessible is the page's tree without what aria-hidden="true" hides.
func accessible(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var prune func(*html.Node)
	prune = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && attrOf(c, "aria-hidden") == "true" {
				n.RemoveChild(c)
			} else {
				prune(c)
			}
			c = next
		}
	}
	prune(doc)
	return doc
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return strings.TrimSpace(b.String())
}

func elementsOf(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return out
}

// readableRows are the rows of the tables a screen reader can reach, by
// the table's caption: each row's cells' text joined with " | ", the row
// header first.
func readableRows(doc *html.Node) map[string][]string {
	rows := map[string][]string{}
	for _, tb := range elementsOf(doc, "table") {
		caption := ""
		if cs := elementsOf(tb, "caption"); len(cs) > 0 {
			caption = nodeText(cs[0])
		}
		for _, tr := range elementsOf(tb, "tr") {
			var cells []string
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.Data == "th" || c.Data == "td") {
					cells = append(cells, nodeText(c))
				}
			}
			rows[caption] = append(rows[caption], strings.Join(cells, " | "))
		}
	}
	return rows
}

// TestHTMLChartsReadable: every chart's figures reach a screen reader as
// a table named by the chart's title, with column and row headers, and
// the drawing itself is hidden from it (read, it is only "graphic"). The
// monthly report's contacts per week are in no other table, so before
// this a blind reader of the page had no way to them at all.
func TestHTMLChartsReadable(t *testing.T) {
	m, c := hostile(t)
	perf := BuildPerformance(perfSnapshot(t), perfPeriod(t, 2025, 0), perfDayA, fixtureSource, true)
	for name, render := range map[string]func(*bytes.Buffer) error{
		"monthly":     func(b *bytes.Buffer) error { return htmlWriter{}.Monthly(b, m) },
		"caseload":    func(b *bytes.Buffer) error { return htmlWriter{}.Caseload(b, c) },
		"performance": func(b *bytes.Buffer) error { return htmlWriter{}.Performance(b, perf) },
	} {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Fatal(err)
		}
		full, err := html.Parse(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		read := readableRows(accessible(t, b.String()))
		figures := elementsOf(full, "figure")
		if len(figures) == 0 {
			t.Fatalf("%s: no chart", name)
		}
		for _, fig := range figures {
			title := nodeText(elementsOf(fig, "figcaption")[0])
			for _, svg := range elementsOf(fig, "svg") {
				if attrOf(svg, "aria-hidden") != "true" {
					t.Errorf("%s: chart %q: the drawing is not hidden from a screen reader, which reads it as a graphic", name, title)
				}
				bars := elementsOf(svg, "title")
				if len(bars) == 0 {
					t.Errorf("%s: chart %q has no bars", name, title)
				}
				rows := read[title]
				if len(rows) != len(bars)+1 {
					t.Errorf("%s: chart %q: a screen reader reaches %d rows of a table captioned with its title, want a header row and one per bar (%d): %q", name, title, len(rows), len(bars), rows)
					continue
				}
				for i, bar := range bars {
					label, value, _ := strings.Cut(nodeText(bar), ": ")
					if want := label + " | " + value; rows[i+1] != want {
						t.Errorf("%s: chart %q row %d reads %q, want %q", name, title, i+1, rows[i+1], want)
					}
				}
			}
			for _, th := range elementsOf(fig, "th") {
				if attrOf(th, "scope") == "" {
					t.Errorf("%s: chart %q: <th>%s</th> has no scope", name, title, nodeText(th))
				}
			}
		}
	}
}

// TestHTMLFlagsAreAList: a case row's flags are a list, one item each,
// so a screen reader says "list of 2 items" and reads them apart, rather
// than "openedcontact overdue", the labels run together.
func TestHTMLFlagsAreAList(t *testing.T) {
	m, _ := hostile(t)
	var b bytes.Buffer
	if err := (htmlWriter{}).Monthly(&b, m); err != nil {
		t.Fatal(err)
	}
	doc := accessible(t, b.String())
	cells := 0
	for _, td := range elementsOf(doc, "td") {
		if attrOf(td, "class") != "flags" || nodeText(td) == "" {
			continue
		}
		cells++
		var items []string
		for _, li := range elementsOf(td, "li") {
			items = append(items, nodeText(li))
		}
		if len(elementsOf(td, "ul")) != 1 || len(items) == 0 {
			t.Errorf("flags %q are not a list", nodeText(td))
			continue
		}
		for _, f := range items {
			if f == "" || strings.Contains(f, "  ") {
				t.Errorf("flags %q: item %q", nodeText(td), f)
			}
		}
	}
	if cells == 0 {
		t.Fatal("no case row has a flag")
	}
}

// TestHTMLNoEmptyChartsSection: a page without charts (the candidate
// search) has no "Charts" heading: a heading with nothing under it is a
// dead end when a screen reader's user jumps from heading to heading.
func TestHTMLNoEmptyChartsSection(t *testing.T) {
	var b bytes.Buffer
	if err := (htmlWriter{}).Search(&b, searchReport(t)); err != nil {
		t.Fatal(err)
	}
	doc := accessible(t, b.String())
	for _, h := range elementsOf(doc, "h2") {
		if nodeText(h) == "Charts" {
			t.Error(`the search page has a "Charts" heading and no chart`)
		}
	}
}

// TestHTMLFlagLegend: the meaning of every flag on the monthly page is on
// the page as text, under the cases table, in the entries and the order
// of the text report's Flags legend (one source, flagNotes). Before, the
// meanings were only title attributes, which a screen reader does not
// read unless asked and a touch screen never shows.
func TestHTMLFlagLegend(t *testing.T) {
	m, _ := hostile(t)
	var b bytes.Buffer
	if err := (htmlWriter{}).Monthly(&b, m); err != nil {
		t.Fatal(err)
	}
	doc := accessible(t, b.String())
	lists := elementsOf(doc, "dl")
	if len(lists) != 1 {
		t.Fatalf("the page has %d definition lists, want the flags legend alone", len(lists))
	}
	dl := lists[0]
	// The legend follows the cases table: the heading before it is the
	// table's h2, then the legend's own h3, with no other table between.
	var before []string
	for n := dl.PrevSibling; n != nil; n = n.PrevSibling {
		if n.Type == html.ElementNode {
			before = append(before, n.Data+" "+nodeText(n))
		}
		if n.Type == html.ElementNode && n.Data == "h2" {
			break
		}
	}
	if len(before) < 3 || before[0] != "h3 Flags" || !strings.HasPrefix(before[1], "div ") || before[len(before)-1] != "h2 "+casesTitle(m) {
		t.Errorf("the legend does not follow the cases table under a Flags heading: %q", before)
	}
	said := map[string]string{} // a flag as the page shows it -> its meaning
	var got []string
	for _, dt := range elementsOf(dl, "dt") {
		dd := dt.NextSibling
		for dd != nil && dd.Type != html.ElementNode {
			dd = dd.NextSibling
		}
		if dd == nil || dd.Data != "dd" {
			t.Fatalf("legend entry %q has no meaning", nodeText(dt))
		}
		word := strings.TrimPrefix(nodeText(dt), "warning: ")
		said[word] = nodeText(dd)
		got = append(got, word+": "+nodeText(dd))
	}
	var want []string
	for _, l := range flagLegend(m.Cases, monthlyAsOf(m)) {
		flag, meaning, _ := strings.Cut(l, ": ")
		want = append(want, strings.ReplaceAll(flag, "-", " ")+": "+meaning)
	}
	if len(want) == 0 {
		t.Fatal("no case row has a flag")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the page's legend reads\n%s\nwant the text report's\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, li := range elementsOf(doc, "li") {
		word, _, _ := strings.Cut(strings.TrimPrefix(nodeText(li), "warning: "), ":")
		if said[word] == "" {
			t.Errorf("flag %q is not in the legend", word)
		} else if said[word] != attrOf(li, "title") {
			t.Errorf("flag %q: the legend says %q, its title %q", word, said[word], attrOf(li, "title"))
		}
	}
}

// TestHTMLNoLegendWithoutFlags: a page whose rows carry no flag (the
// caseload report) has no Flags heading over nothing.
func TestHTMLNoLegendWithoutFlags(t *testing.T) {
	_, c := hostile(t)
	var b bytes.Buffer
	if err := (htmlWriter{}).Caseload(&b, c); err != nil {
		t.Fatal(err)
	}
	doc := accessible(t, b.String())
	if n := len(elementsOf(doc, "h3")) + len(elementsOf(doc, "dl")); n != 0 {
		t.Errorf("the caseload page has a flags legend and no flag")
	}
}

// TestHTMLSummaryHeaded: every column of the Summary table has a header
// cell, so a screen reader moving along a row names the column it reaches
// ("Remark"); the remark column had none.
func TestHTMLSummaryHeaded(t *testing.T) {
	m, _ := hostile(t)
	perf := BuildPerformance(perfSnapshot(t), perfPeriod(t, 2025, 0), perfDayA, fixtureSource, true)
	for name, render := range map[string]func(*bytes.Buffer) error{
		"monthly":     func(b *bytes.Buffer) error { return htmlWriter{}.Monthly(b, m) },
		"performance": func(b *bytes.Buffer) error { return htmlWriter{}.Performance(b, perf) },
	} {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Fatal(err)
		}
		doc := accessible(t, b.String())
		var summary *html.Node
		for _, h := range elementsOf(doc, "h2") {
			if nodeText(h) == "Summary" {
				for n := h.NextSibling; n != nil && summary == nil; n = n.NextSibling {
					if n.Type == html.ElementNode && n.Data == "table" {
						summary = n
					}
				}
			}
		}
		if summary == nil {
			t.Fatalf("%s: no Summary table", name)
		}
		heads := elementsOf(summary, "thead")
		if len(heads) != 1 {
			t.Fatalf("%s: the Summary table has no header row", name)
		}
		var cols []string
		for _, th := range elementsOf(heads[0], "th") {
			if attrOf(th, "scope") != "col" || nodeText(th) == "" {
				t.Errorf("%s: Summary header cell %q has scope %q", name, nodeText(th), attrOf(th, "scope"))
			}
			cols = append(cols, nodeText(th))
		}
		for _, tr := range elementsOf(elementsOf(summary, "tbody")[0], "tr") {
			cells := 0
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					cells++
				}
			}
			if cells > len(cols) {
				t.Errorf("%s: Summary row %q has %d cells and %d headers %q", name, nodeText(tr), cells, len(cols), cols)
			}
		}
	}
}

// TestHTMLWarnFlagsSaid: a flag that asks for attention differs from the
// others on screen by colour and weight, which a screen reader does not
// say, so it reads "warning: contact overdue"; the others have no such
// word, and the word is hidden from sight only (class sr-only).
func TestHTMLWarnFlagsSaid(t *testing.T) {
	m, _ := hostile(t)
	var b bytes.Buffer
	if err := (htmlWriter{}).Monthly(&b, m); err != nil {
		t.Fatal(err)
	}
	doc := accessible(t, b.String())
	warned := 0
	for _, td := range elementsOf(doc, "td") {
		for _, li := range elementsOf(td, "li") {
			text := nodeText(li)
			word, _, _ := strings.Cut(strings.TrimPrefix(text, "warning: "), ":")
			warn := warnFlags[strings.ReplaceAll(word, " ", "-")]
			hidden := elementsOf(li, "span")
			switch {
			case warn && (!strings.HasPrefix(text, "warning: ") || len(hidden) != 1 || attrOf(hidden[0], "class") != "sr-only" || nodeText(hidden[0]) != "warning:"):
				t.Errorf("warning flag reads %q, want \"warning: %s\" with the word visible to a screen reader alone", text, word)
			case !warn && strings.Contains(text, "warning"):
				t.Errorf("flag %q is no warning and reads as one", text)
			}
			if warn {
				warned++
			}
		}
	}
	if warned == 0 {
		t.Fatal("no case row has a warning flag")
	}
}
