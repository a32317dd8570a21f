package report

import (
	"html/template"
	"io"
	"strings"
)

// htmlWriter writes one self-contained HTML page: inline CSS, charts drawn
// as inline SVG, no script, no image, font or style sheet fetched from
// anywhere (its Content-Security-Policy forbids it), so the file can be
// mailed or archived and opens the same offline years later.
type htmlWriter struct{}

// page is what the template draws.
type page struct {
	Title   string
	Lines   []string // under the title
	Summary []line
	Charts  []chart
	Tables  []htmlTable
}

// htmlTable is a table laid out for the page: each cell with the class
// that says how it is set — IDs, dates and numbers never break inside
// (white-space: nowrap), flags are a row of labels that wrap only between
// them.
type htmlTable struct {
	Title   string
	Notes   []string // paragraphs under the title
	Headers []string
	Rows    [][]htmlCell
	// Legend says what each flag of the Flags column means, under the
	// table: a title attribute is not read by a screen reader unless asked
	// for, and a touch screen has no pointer to rest on a flag, so the
	// meanings must be on the page as text, as the text report's Flags
	// lines are (flagNotes, their one source).
	Legend []flagLabel
}

type htmlCell struct {
	Text  string
	Class string      // "", "nowrap", "num" or "flags"
	Flags []flagLabel // for "flags"
}

// flagLabel is one of a case row's flags as the page shows it: in words
// ("contact overdue", "closed: withdrew"), marked when it asks for
// attention. A marked flag is drawn in red and bold, which a screen reader
// does not say and some readers cannot see, so it is also preceded by
// "warning:" that only a screen reader reads (class sr-only).
type flagLabel struct {
	Text    string
	Meaning string // flagMeanings', shown when the pointer rests on it
	Warn    bool
}

// newFlagLabel is flag f ("closed:withdrew") as the page shows it.
func newFlagLabel(f, meaning string) flagLabel {
	f, reason, _ := strings.Cut(f, ":")
	text := strings.ReplaceAll(f, "-", " ")
	if reason != "" {
		text += ": " + strings.ReplaceAll(reason, "-", " ")
	}
	return flagLabel{Text: text, Meaning: meaning, Warn: warnFlags[f]}
}

// nowrapColumns are the columns of IDs, names of things and dates, which
// read wrongly broken at a hyphen (2026-\nK7QX2).
var nowrapColumns = map[string]bool{
	"Case": true, "Manager": true, "Program": true, "Kind": true, "Phase": true,
	"Last contact": true, "Days left": true, "Week": true, "From": true, "To": true,
}

func newHTMLTable(t table) htmlTable {
	h := htmlTable{Title: t.title, Notes: t.notes, Headers: t.headers}
	var flags []string // every flag of the Flags column, for the legend
	for _, row := range t.rows {
		cells := make([]htmlCell, len(row))
		for i, text := range row {
			c := htmlCell{Text: text}
			header := ""
			if i < len(t.headers) {
				header = t.headers[i]
			}
			switch {
			case header == "Flags":
				c.Class = "flags"
				for _, f := range strings.Fields(text) {
					if f == "-" {
						continue
					}
					c.Flags = append(c.Flags, newFlagLabel(f, flagMeaning(f, t.asOf)))
					flags = append(flags, f)
				}
			case numeric(text):
				c.Class = "num"
			case nowrapColumns[header]:
				c.Class = "nowrap"
			}
			cells[i] = c
		}
		h.Rows = append(h.Rows, cells)
	}
	for _, n := range flagNotes(flags, t.asOf) {
		h.Legend = append(h.Legend, newFlagLabel(n.Flag, n.Meaning))
	}
	return h
}

// warnFlags are the flags that ask a supervisor's attention.
var warnFlags = map[string]bool{
	FlagContactOverdue: true, FlagItemsOverdue: true, FlagPotentialExit: true, FlagUnrecordedExit: true, FlagExtensionPending: true,
	FlagServicesOver: true, FlagRenewalOverdue: true, FlagJobSiteVisit: true,
}

func htmlTables(ts ...table) []htmlTable {
	out := make([]htmlTable, len(ts))
	for i, t := range ts {
		out[i] = newHTMLTable(t)
	}
	return out
}

func (htmlWriter) Monthly(w io.Writer, r *Monthly) error {
	p := page{
		Title: monthTitle(r) + " (" + r.From + " to " + r.To + ")",
		Lines: []string{
			r.Organization,
			provenance(r.Commit, r.Committed, r.Caseplan, again(monthlyCommand(r), "html", r.Participants)),
			leftOut(r.Unread),
			lateLine(r, "html", plain, plain),
			"Phases, days left and overdue items are as of " + r.To + "; events count in the month of their own date." + soFarNote(r),
			privacyLine(r.Participants),
		},
		Summary: summaryLines(r),
	}
	var weeks, load []bar
	for _, wk := range r.ContactsByWeek {
		weeks = append(weeks, bar{label: wk.Week + " (" + wk.From[5:] + " to " + wk.To[5:] + ")", value: wk.Contacts})
	}
	for _, m := range r.Managers {
		load = append(load, bar{label: m.ID, value: m.Caseload})
	}
	p.Charts = []chart{newChart("Contacts per week", "Week", "Contacts", weeks), newChart("Caseload per case manager "+monthlyAsOf(r).at(), "Manager", "Caseload", load)}
	p.Tables = htmlTables(monthlyTables(r)...)
	return pageTemplate.Execute(w, p)
}

func (htmlWriter) Caseload(w io.Writer, r *Caseload) error {
	p := page{
		Title: caseloadTitle(r),
		Lines: []string{
			r.Organization,
			provenance(r.Commit, r.Committed, r.Caseplan, again(caseloadCommand(r), "html", r.Participants)),
			leftOut(r.Unread),
			privacyLine(r.Participants),
		},
	}
	var open, overdue []bar
	for _, m := range r.Managers {
		open = append(open, bar{label: m.ID, value: m.Open})
		overdue = append(overdue, bar{label: m.ID, value: m.OverdueItems})
	}
	var phases []bar
	for _, ph := range phaseOrder(r.Total) {
		phases = append(phases, bar{label: ph, value: r.Total.Phases[ph]})
	}
	p.Charts = []chart{newChart("Open cases per case manager", "Manager", "Open cases", open), newChart("Overdue items per case manager", "Manager", "Overdue items", overdue), newChart("Open cases by phase", "Phase", "Open cases", phases)}
	p.Tables = htmlTables(caseloadManagerTable(r), caseloadProgramTable(r), caseloadPhaseTable(r), caseloadCaseTable(r))
	return pageTemplate.Execute(w, p)
}

// bar is one bar of a chart.
type bar struct {
	label string
	value int
}

// chart is a horizontal bar chart laid out for the SVG template. A screen
// reader cannot read an SVG drawing's bars, so the page gives the same
// figures as a table only a screen reader reads (class sr-only), its
// columns headed LabelHeader and ValueHeader, and hides the drawing from it
// (aria-hidden): the numbers of a chart such as "Contacts per week" are in
// no other table of the page.
type chart struct {
	Title         string
	LabelHeader   string // the table's first column: "Week", "Manager"
	ValueHeader   string // its second: "Contacts", "Open cases"
	Width, Height int
	LabelX, BarX  int
	Bars          []drawnBar
	Unit          string // after each value, e.g. "%"
}

type drawnBar struct {
	Label       string
	Value       int
	Y, W, TextY int
	ValueX      int
	BarH        int
}

const (
	chartLabelWidth = 190
	chartBarMax     = 320
	chartRow        = 24
)

func newChart(title, labelHeader, valueHeader string, bars []bar) chart {
	c := chart{Title: title, LabelHeader: labelHeader, ValueHeader: valueHeader, Width: chartLabelWidth + chartBarMax + 60, Height: len(bars)*chartRow + 8, LabelX: chartLabelWidth - 8, BarX: chartLabelWidth}
	most := 0
	for _, b := range bars {
		most = max(most, b.value)
	}
	for i, b := range bars {
		w := 0
		if most > 0 {
			w = b.value * chartBarMax / most
		}
		y := i*chartRow + 4
		c.Bars = append(c.Bars, drawnBar{Label: b.label, Value: b.value, Y: y, W: w, BarH: chartRow - 8, TextY: y + chartRow - 10, ValueX: chartLabelWidth + w + 6})
	}
	return c
}

// pageHead opens every page caseplan writes, a report's or a case
// file's: a self-contained document (its Content-Security-Policy lets
// nothing load from elsewhere) titled by the template's .Title, with
// pageStyle.
const pageHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
` + pageStyle

// pageStyle is the pages' style sheet, inline: the reports' and the case
// file's (casefile.go) pages look alike and print alike.
const pageStyle = `<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2329; margin: 2em auto; max-width: 78em; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.15em; margin-top: 1.8em; border-bottom: 1px solid #ccd3da; padding-bottom: .2em; }
p.meta { margin: .15em 0; color: #4a5560; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin-top: .5em; }
th, td { padding: .25em .7em; border-bottom: 1px solid #e3e7eb; text-align: left; vertical-align: top; }
th { background: #f2f4f6; font-weight: 600; white-space: nowrap; }
th[scope=row] { white-space: normal; min-width: 8em; }
td.nowrap { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.flags { min-width: 9em; }
h3 { font-size: 1em; margin: 1.2em 0 .3em; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: .2em .8em; margin: 0; }
dl.legend dd { margin: 0; }
ul.flags { list-style: none; margin: 0; padding: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.flag { display: inline-block; white-space: nowrap; margin: 0 .25em .2em 0; padding: 0 .45em; border: 1px solid #c5ced6; border-radius: .7em; background: #f2f4f6; font-size: .9em; }
.flag.warn { border-color: #d9a19b; background: #fbe9e7; color: #8a2419; }
.charts { display: flex; flex-wrap: wrap; gap: 2em; }
figure { margin: 0; flex: 1 1 24em; min-width: 0; max-width: 40em; }
figcaption { font-weight: 600; margin-bottom: .3em; }
figure svg { display: block; width: 100%; height: auto; }
svg text { font: 12px system-ui, sans-serif; fill: #1d2329; }
svg rect { fill: #3a6ea5; }
@media print {
  @page { size: landscape; margin: 1.2cm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; color: #000; }
  .scroll { overflow: visible; }
  table { width: 100%; }
  th, td { padding: .15em .35em; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  h2 { break-after: avoid; }
  .flag { border-color: #888; background: none; color: #000; }
  .flag.warn { font-weight: 600; }
  svg rect { fill: #555; }
}
</style>`

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"label":  func(l line) string { return l.label },
	"value":  func(l line) string { return l.value },
	"remark": func(l line) string { return l.remark },
	"iso":    isolate,
	// The summary's header cells: without them a screen reader names
	// the remark column by nothing when it moves along a row.
	"figureHeaders": figureHeaders,
}).Parse(pageHead + `
</head>
<body>
<h1>{{iso .Title}}</h1>
{{range .Lines}}{{if .}}<p class="meta">{{iso .}}</p>
{{end}}{{end}}
{{- if .Summary}}
<h2>Summary</h2>
<table>
<thead><tr>{{range figureHeaders}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Summary}}<tr><th scope="row">{{iso (label .)}}</th><td class="num">{{iso (value .)}}</td><td>{{iso (remark .)}}</td></tr>
{{end}}</tbody>
</table>
{{- end}}
{{- if .Charts}}
<h2>Charts</h2>
<div class="charts">
{{range .Charts}}<figure>
<figcaption aria-hidden="true">{{iso .Title}}</figcaption>
<svg viewBox="0 0 {{.Width}} {{.Height}}" aria-hidden="true" focusable="false">
{{- $c := .}}
{{range .Bars}}<text x="{{$c.LabelX}}" y="{{.TextY}}" text-anchor="end">{{.Label}}</text><rect x="{{$c.BarX}}" y="{{.Y}}" width="{{.W}}" height="{{.BarH}}"><title>{{.Label}}: {{.Value}}{{$c.Unit}}</title></rect><text x="{{.ValueX}}" y="{{.TextY}}">{{.Value}}{{$c.Unit}}</text>
{{end}}</svg>
<table class="sr-only">
<caption>{{iso .Title}}</caption>
<thead><tr><th scope="col">{{.LabelHeader}}</th><th scope="col">{{.ValueHeader}}</th></tr></thead>
<tbody>
{{range .Bars}}<tr><th scope="row">{{iso .Label}}</th><td>{{.Value}}{{$c.Unit}}</td></tr>
{{end}}</tbody>
</table>
</figure>
{{end}}</div>
{{- end}}
{{range .Tables}}
<h2>{{iso .Title}}</h2>
{{- range .Notes}}
<p>{{iso .}}</p>
{{- end}}
{{- if .Rows}}
<div class="scroll">
<table>
<thead><tr>{{range .Headers}}<th scope="col">{{iso .}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td{{with .Class}} class="{{.}}"{{end}}>{{if .Flags}}<ul class="flags">{{range .Flags}}<li class="flag{{if .Warn}} warn{{end}}"{{with .Meaning}} title="{{.}}"{{end}}>{{template "flag" .}}</li>{{end}}</ul>{{else}}{{iso .Text}}{{end}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
{{- with .Legend}}
<h3>Flags</h3>
<dl class="legend">
{{range .}}<dt><span class="flag{{if .Warn}} warn{{end}}">{{template "flag" .}}</span></dt><dd>{{iso .Meaning}}</dd>
{{end}}</dl>
{{- end}}
{{- else}}
<p>(none)</p>
{{- end}}
{{end}}
</body>
</html>
{{- define "flag"}}{{if .Warn}}<span class="sr-only">warning:</span> {{end}}{{iso .Text}}{{end}}
`))
