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
	Tables  []table
}

func (htmlWriter) Monthly(w io.Writer, r *Monthly) error {
	p := page{
		Title: monthTitle(r) + " (" + r.From + " to " + r.To + ")",
		Lines: []string{
			r.Organization,
			provenance(r.Commit, r.Committed, monthlyCommand(r)),
			"Phases, days left and overdue items are as of " + r.To + "; events count in the month of their own date.",
			privacyLine(r.Participants),
		},
		Summary: summaryLines(r.Summary),
	}
	var weeks, load []bar
	for _, wk := range r.ContactsByWeek {
		weeks = append(weeks, bar{label: wk.Week + " (" + wk.From[5:] + " to " + wk.To[5:] + ")", value: wk.Contacts})
	}
	for _, m := range r.Managers {
		load = append(load, bar{label: m.ID, value: m.Caseload})
	}
	p.Charts = []chart{newChart("Contacts per week", weeks), newChart("Caseload per case manager at month end", load)}
	p.Tables = []table{managerTable(r), programTable(r), caseTable(r)}
	return pageTemplate.Execute(w, p)
}

func (htmlWriter) Caseload(w io.Writer, r *Caseload) error {
	p := page{
		Title: "Caseload report as of " + r.AsOf,
		Lines: []string{
			r.Organization,
			provenance(r.Commit, r.Committed, "caseplan report caseload --today "+r.AsOf),
			privacyLine(r.Participants),
		},
	}
	var open, overdue []bar
	for _, m := range r.Managers {
		open = append(open, bar{label: m.ID, value: m.Open})
		overdue = append(overdue, bar{label: m.ID, value: m.OverdueItems})
	}
	p.Charts = []chart{newChart("Open cases per case manager", open), newChart("Overdue items per case manager", overdue)}
	p.Tables = []table{caseloadManagerTable(r), caseloadProgramTable(r), caseloadCaseTable(r)}
	return pageTemplate.Execute(w, p)
}

// bar is one bar of a chart.
type bar struct {
	label string
	value int
}

// chart is a horizontal bar chart laid out for the SVG template.
type chart struct {
	Title         string
	Width, Height int
	LabelX, BarX  int
	Bars          []drawnBar
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

func newChart(title string, bars []bar) chart {
	c := chart{Title: title, Width: chartLabelWidth + chartBarMax + 60, Height: len(bars)*chartRow + 8, LabelX: chartLabelWidth - 8, BarX: chartLabelWidth}
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

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"headers": func(t table) []string { return t.headers },
	"rows":    func(t table) [][]string { return t.rows },
	"title":   func(t table) string { return t.title },
	"label":   func(l line) string { return l.label },
	"value":   func(l line) string { return l.value },
	"remark":  func(l line) string { return l.remark },
	"numeric": func(s string) bool { return s != "" && strings.Trim(s, "-0123456789%/ ") == "" },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2329; margin: 2em auto; max-width: 78em; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.15em; margin-top: 1.8em; border-bottom: 1px solid #ccd3da; padding-bottom: .2em; }
p.meta { margin: .15em 0; color: #4a5560; }
table { border-collapse: collapse; margin-top: .5em; }
th, td { padding: .25em .7em; border-bottom: 1px solid #e3e7eb; text-align: left; vertical-align: top; }
th { background: #f2f4f6; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 2em; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .3em; }
svg text { font: 12px system-ui, sans-serif; fill: #1d2329; }
svg rect { fill: #3a6ea5; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{range .Lines}}<p class="meta">{{.}}</p>
{{end}}
{{- if .Summary}}
<h2>Summary</h2>
<table>
<tbody>
{{range .Summary}}<tr><th scope="row">{{label .}}</th><td class="num">{{value .}}</td><td>{{remark .}}</td></tr>
{{end}}</tbody>
</table>
{{- end}}
<h2>Charts</h2>
<div class="charts">
{{range .Charts}}<figure>
<figcaption>{{.Title}}</figcaption>
<svg width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="{{.Title}}">
{{- $c := .}}
{{range .Bars}}<text x="{{$c.LabelX}}" y="{{.TextY}}" text-anchor="end">{{.Label}}</text><rect x="{{$c.BarX}}" y="{{.Y}}" width="{{.W}}" height="{{.BarH}}"><title>{{.Label}}: {{.Value}}</title></rect><text x="{{.ValueX}}" y="{{.TextY}}">{{.Value}}</text>
{{end}}</svg>
</figure>
{{end}}</div>
{{range .Tables}}
<h2>{{title .}}</h2>
{{- if rows .}}
<table>
<thead><tr>{{range headers .}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range rows .}}<tr>{{range .}}<td{{if numeric .}} class="num"{{end}}>{{.}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{- else}}
<p>(none)</p>
{{- end}}
{{end}}
</body>
</html>
`))
