package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// hostileCaseFile is a case file whose every text is something a record
// could hold that must read as typed: markup, Markdown, pipes, line
// breaks, a fence of backticks.
func hostileCaseFile() *CaseFile {
	return &CaseFile{
		Title:  "Case W-1: <script>alert(1)</script> | *bold*",
		Source: fixtureSource,
		Again:  "caseplan case show W-1 --today 2026-04-01 -o md",
		Lines:  []string{"As of 2026-04-01."},
		Sections: []CaseSection{
			{Title: "Case", Fields: []CaseField{{Label: "Program", Value: "WIOA (wioa)"}}},
			{Title: "Intake", Empty: "Nothing recorded."},
			{Title: "Plan", Pre: "Goal G-1: ```fenced``` <b>x</b>\n  Milestone M-1: done"},
			{Title: "Referrals", Headers: []string{"ID", "Service"}, Rows: [][]string{{"R-1", "a | b\nc"}}},
			{Title: "Notes", Entries: []CaseEntry{{Title: "2026-02-03 contact (phone) — N-1", Fields: []CaseField{
				{Label: "Content", Value: "first line <img src=x>\nsecond line [link](http://x) _under_"},
				{Label: "Plan", Value: "Next week:\n# Call back Monday\n- resume sent\n1. apply online\n> as she said\n---"},
			}}}},
			{Title: "Findings", Items: []string{"cases/W-1/intake.yaml:3: error x: <b>y</b>"}},
		},
	}
}

// TestCaseFileMarkdown: the case file reads in Markdown as the reports'
// do: every record text escaped, the commit and the command that makes
// it again named, a table row in one line, the plan in a fence no
// backtick of it ends, and a note's lines kept.
func TestCaseFileMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCaseFile(&b, "md", hostileCaseFile()); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"# Case W-1: &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*bold\\*\n",
		"Made from commit `0123456789abcdef0123456789abcdef01234567` (committed 2026-11-05T17:30:00+01:00) by caseplan `v1.4.0`; `caseplan case show W-1 --today 2026-04-01 -o md --at 0123456789ab` makes this case file again with the same caseplan.\n",
		"## Intake\n\nNothing recorded.\n",
		"- Program: WIOA (wioa)\n",
		"````text\nGoal G-1: ```fenced``` <b>x</b>\n  Milestone M-1: done\n````\n",
		"| R-1 | a \\| b c |\n",
		"### 2026-02-03 contact (phone) — N-1\n",
		"- Content: first line &lt;img src=x&gt;\\\n  second line \\[link\\](http://x) \\_under\\_\n",
		"- cases/W-1/intake.yaml:3: error x: &lt;b&gt;y&lt;/b&gt;\n",
		// A record's line that would start a block (a heading, a list,
		// a quote, a setext underline) at the start of the page's line.
		"- Plan: Next week:\\\n  \\# Call back Monday\\\n  \\- resume sent\\\n  1\\. apply online\\\n  &gt; as she said\\\n  \\---\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	if !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") {
		t.Errorf("the Markdown does not end in one line break")
	}
}

// TestCaseFileGolden keeps the case file's bytes in both formats (go test
// ./pkg/report -update rewrites them): a change to the templates shows
// as a diff to review, not only as what the parsers accept.
func TestCaseFileGolden(t *testing.T) {
	for _, format := range []string{"md", "html"} {
		var b bytes.Buffer
		if err := WriteCaseFile(&b, format, hostileCaseFile()); err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join("testdata", "golden", "casefile."+format), b.Bytes())
	}
}

// TestCaseFileHTML parses the page with a real HTML parser: one
// self-contained page, every record text a text node (no element a
// record's markup made), the sections and notes as headings, the
// provenance line there.
func TestCaseFileHTML(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCaseFile(&b, "html", hostileCaseFile()); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	checkWellFormed(t, page)
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var h2, h3, texts []string
	elements := map[string]int{}
	var walk func(n *html.Node)
	text := func(n *html.Node) string {
		var sb strings.Builder
		var f func(*html.Node)
		f = func(n *html.Node) {
			if n.Type == html.TextNode {
				sb.WriteString(n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				f(c)
			}
		}
		f(n)
		return sb.String()
	}
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			elements[n.Data]++
			switch n.Data {
			case "h2":
				h2 = append(h2, text(n))
			case "h3":
				h3 = append(h3, text(n))
			case "td", "pre", "li", "h1", "p":
				texts = append(texts, text(n))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, banned := range []string{"script", "img", "b", "a", "link", "iframe"} {
		if elements[banned] > 0 {
			t.Errorf("the page has %d <%s> element(s): a record's markup took effect", elements[banned], banned)
		}
	}
	if got, want := strings.Join(h2, ","), "Case,Intake,Plan,Referrals,Notes,Findings"; got != want {
		t.Errorf("sections %s, want %s", got, want)
	}
	if len(h3) != 1 || h3[0] != "2026-02-03 contact (phone) — N-1" {
		t.Errorf("notes %q", h3)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{
		"Case W-1: <script>alert(1)</script> | *bold*",
		"caseplan case show W-1 --today 2026-04-01 -o md --at 0123456789ab makes this case file again",
		"first line <img src=x>\nsecond line [link](http://x) _under_",
		"Goal G-1: ```fenced``` <b>x</b>\n  Milestone M-1: done",
		"Nothing recorded.",
		"cases/W-1/intake.yaml:3: error x: <b>y</b>",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the page's text lacks %q", want)
		}
	}
	if elements["style"] == 0 || elements["svg"] != 0 {
		t.Errorf("style %d, svg %d", elements["style"], elements["svg"])
	}
	if loc := externalRef.FindStringIndex(page); loc != nil {
		t.Errorf("refers to something outside the page: %q", page[loc[0]:loc[1]])
	}
}

func TestCaseFileUnknownFormat(t *testing.T) {
	if err := WriteCaseFile(new(bytes.Buffer), "csv", hostileCaseFile()); err == nil {
		t.Error("csv: no error")
	}
}
