package report

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/markdown"
)

// CaseFile is one case as a document a monitor or a supervisor keeps for
// a file review (case show -o md|html). What it holds is the case
// command's to gather; this package owns how it reads as a document, as
// it does for the reports: the provenance line, the escaping of the
// records' text and the self-contained page.
type CaseFile struct {
	Title string
	// Source is the commit the case was read from.
	Source Source
	// Again is the command that makes the document, without --at, which
	// the provenance line adds.
	Again string
	// Lines are said under the provenance line.
	Lines    []string
	Sections []CaseSection
}

// CaseSection is one headed part of a case file. It shows, in this
// order, whichever of its fields, table, entries, preformatted text and
// items it has; a section with none says Empty, else "(none)".
type CaseSection struct {
	Title   string
	Fields  []CaseField
	Headers []string // a table, when set
	Rows    [][]string
	Entries []CaseEntry
	// Pre is text whose lines and spacing are its meaning (the plan as
	// iep show writes it): kept as it is, in a code block.
	Pre   string
	Items []string // a list
	Empty string
}

// CaseField is a labelled value. A value's line breaks are the
// record's, and both formats keep them.
type CaseField struct{ Label, Value string }

// CaseEntry is one headed record of a section (a note), with its fields.
type CaseEntry struct {
	Title  string
	Fields []CaseField
}

// IsEmpty says whether s has nothing to show.
func (s CaseSection) IsEmpty() bool {
	return len(s.Fields) == 0 && len(s.Headers) == 0 && len(s.Entries) == 0 && s.Pre == "" && len(s.Items) == 0
}

// EmptyWords is what a section with nothing to show says.
func (s CaseSection) EmptyWords() string {
	if s.Empty != "" {
		return s.Empty
	}
	return "(none)"
}

// CaseFileFormats are the formats WriteCaseFile writes.
var CaseFileFormats = []string{"md", "html"}

// WriteCaseFile writes d in format, one of CaseFileFormats.
func WriteCaseFile(w io.Writer, format string, d *CaseFile) error {
	switch format {
	case "md":
		return caseFileMarkdown(w, d)
	case "html":
		return caseFileHTML(w, d)
	}
	return fmt.Errorf("unknown case file format %q; use one of %s", format, strings.Join(CaseFileFormats, ", "))
}

func caseFileMarkdown(w io.Writer, d *CaseFile) error {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "# %s\n\n", mdText(d.Title))
	fmt.Fprintf(b, "%s\n\n", caseFileProvenance(d, mdText, markdown.Code))
	for _, l := range d.Lines {
		fmt.Fprintf(b, "%s\n\n", markdown.Line(l))
	}
	for _, s := range d.Sections {
		fmt.Fprintf(b, "## %s\n\n", mdText(s.Title))
		if s.IsEmpty() {
			fmt.Fprintf(b, "%s\n\n", mdText(s.EmptyWords()))
			continue
		}
		writeMarkdownFields(b, s.Fields)
		if len(s.Headers) > 0 {
			writeMarkdownTable(b, table{headers: s.Headers, rows: s.Rows})
			b.WriteString("\n")
		}
		for _, e := range s.Entries {
			fmt.Fprintf(b, "### %s\n\n", mdText(e.Title))
			writeMarkdownFields(b, e.Fields)
		}
		if s.Pre != "" {
			fence := "```"
			for strings.Contains(s.Pre, fence) {
				fence += "`"
			}
			fmt.Fprintf(b, "%stext\n%s\n%s\n\n", fence, strings.TrimRight(s.Pre, "\n"), fence)
		}
		for _, it := range s.Items {
			fmt.Fprintf(b, "- %s\n", markdown.Line(it))
		}
		if len(s.Items) > 0 {
			b.WriteString("\n")
		}
	}
	_, err := w.Write(bytes.TrimRight(b.Bytes(), "\n"))
	if err == nil {
		_, err = io.WriteString(w, "\n")
	}
	return err
}

// writeMarkdownFields writes fields as a list, "- Label: value", each
// value whole on its line.
func writeMarkdownFields(b *bytes.Buffer, fs []CaseField) {
	for _, f := range fs {
		lines := strings.Split(strings.ReplaceAll(f.Value, "\r\n", "\n"), "\n")
		for i, l := range lines {
			if i == 0 {
				lines[i] = mdText(l)
				continue
			}
			// The record's next line starts a line of the page, where
			// "# ", "- " or "1. " would start a heading or a list.
			lines[i] = markdown.Line(l)
		}
		// A hard line break (a backslash ending the line) keeps the
		// record's lines; the next is indented into the list item.
		fmt.Fprintf(b, "- %s: %s\n", mdText(f.Label), strings.Join(lines, "\\\n  "))
	}
	if len(fs) > 0 {
		b.WriteString("\n")
	}
}

// caseFileProvenance is the line naming the commit, the caseplan and the
// command that make the case file again, as a report's.
func caseFileProvenance(d *CaseFile, text, code func(string) string) string {
	return provenanceOf(text, code, d.Source.Commit, d.Source.Committed.Format(time.RFC3339), d.Source.Caseplan, d.Again, "case file")
}

// casePage is what the case file's template draws.
type casePage struct {
	*CaseFile
	Provenance string
}

func caseFileHTML(w io.Writer, d *CaseFile) error {
	p := casePage{CaseFile: d, Provenance: caseFileProvenance(d, func(s string) string { return s }, func(s string) string { return s })}
	return caseFileTemplate.Execute(w, p)
}

// caseFileTemplate is the reports' page (pageStyle) laid out for one
// case: a record's text keeps its line breaks, and each section and note
// is its own heading, so a printed file reads as the case's record. A
// section's fields and a note's are one table ("fields").
var caseFileTemplate = template.Must(template.New("casefile").Funcs(template.FuncMap{"iso": isolate}).Parse(pageHead + `
<style>
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
h3 { font-size: 1em; margin: 1.2em 0 .2em; }
pre { white-space: pre-wrap; font: 13px/1.4 ui-monospace, monospace; background: #f6f8fa; padding: .6em .8em; }
@media print { @page { size: portrait; } pre { background: none; } h3 { break-after: avoid; } }
</style>
</head>
<body>
<h1>{{iso .Title}}</h1>
<p class="meta">{{iso .Provenance}}</p>
{{range .Lines}}<p class="meta">{{iso .}}</p>
{{end}}
{{- range .Sections}}
<h2>{{iso .Title}}</h2>
{{- if .Fields}}
{{template "fields" .Fields}}
{{- end}}
{{- if .Headers}}
<div class="scroll">
<table>
<thead><tr>{{range .Headers}}<th scope="col">{{iso .}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td class="text">{{iso .}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
{{- end}}
{{- range .Entries}}
<h3>{{iso .Title}}</h3>
{{template "fields" .Fields}}
{{- end}}
{{- with .Pre}}
<pre>{{iso .}}</pre>
{{- end}}
{{- if .Items}}
<ul>
{{range .Items}}<li>{{iso .}}</li>
{{end}}</ul>
{{- end}}
{{- if .IsEmpty}}
<p>{{iso .EmptyWords}}</p>
{{- end}}
{{end}}
</body>
</html>
{{- define "fields"}}<table>
<tbody>
{{range .}}<tr><th scope="row">{{iso .Label}}</th><td class="text">{{iso .Value}}</td></tr>
{{end}}</tbody>
</table>
{{- end}}
`))
