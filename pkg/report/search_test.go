package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// searchStore is a store made here: S1 a work-security candidate laid off
// on Friday 2026-05-01 whose search the tests read on Monday 2026-06-01
// (W19 to W22 complete weeks of the work security period, W23 under way);
// S2 a candidate still in the notification period; W1 a WIOA case.
func searchStore(t *testing.T) *casefile.Snapshot {
	t.Helper()
	note := func(id, kind string) string {
		return "id: " + id + "\ndate: " + id[:10] + "\nauthor: mrivera\nkind: " + kind + "\nmode: phone\ntwo_way: true\ncontent: Weekly check-in\n"
	}
	m := storetest.MemStore{
		"cases/caseplan.yaml": `organization: Test Board
staff:
  - id: mrivera
    name: Maria Rivera
    email: mrivera@example.org
programs:
  ws:
    kind: work-security
  wioa:
    kind: wioa
`,
		"cases/S1/intake.yaml": `id: S1
opened: 2026-03-02
program: ws
status: open
manager: mrivera
participant:
  name: Sam Sample
layoff:
  notice_date: 2026-03-02
  layoff_date: 2026-05-01
toolbox:
  resume: final
  cover_letter: draft
`,
		"cases/S1/iep.yaml": `created: 2026-03-02
job_targets:
  - id: JT-1
    title: Office Coordinator
    job_family: Office support
    grade_min: "5"
    grade_max: "7"
    scope: both
`,
		"cases/S1/references.yaml": `references:
  - name: Pat Ref
    relationship: former supervisor
    phone: 555-0100
    permission: 2026-03-10
    briefed: 2026-03-12
  - name: Lee Ref
    relationship: colleague
    phone: 555-0100
    permission: 2026-03-11
  - name: Kim Ref
    relationship: colleague
    phone: 555-0100
    permission: 2026-03-11
    briefed: 2026-03-12
    withdrawn: 2026-04-01
  - name: Ro Ref
    relationship: colleague
    phone: 555-0100
    permission: 2026-03-11
    briefed: 2026-06-20
`,
		"cases/S1/activity/2026-W19.yaml": `week: 2026-W19
applications:
  - date: 2026-05-04
    organization: Example U
    position: Clerk
    internal: true
    status: applied
interviews:
  - date: 2026-05-06
    organization: Example U
    kind: mock
informational_interviews:
  - date: 2026-05-07
    organization: Example Library
    contact: Someone Named
`,
		"cases/S1/activity/2026-W20.yaml": `week: 2026-W20
applications:
  - date: 2026-05-12
    organization: Example Clinic
    position: Coordinator
    internal: false
    status: interview
    feedback: good fit
  - date: 2026-05-14
    organization: Example Shop
    position: Clerk
    status: rejected
`,
		"cases/S1/activity/2026-W21.yaml": `week: 2026-W21
interviews:
  - date: 2026-05-20
    organization: Example Clinic
    position: Coordinator
    kind: panel
    feedback: strong on scheduling
`,
		"cases/S1/activity/2026-W22.yaml": `week: 2026-W22
applications:
  - date: 2026-05-26
    organization: Example U
    position: Assistant
    internal: true
    status: applied
interviews:
  - date: 2026-05-28
    organization: Example U
    position: Assistant
    kind: screening
`,
		"cases/S1/activity/2026-W24.yaml": `week: 2026-W24
applications:
  - date: 2026-06-08
    organization: Later Co
    position: Clerk
    status: applied
`,
		"cases/S1/notes/2026-03-03-aaaa.yaml": note("2026-03-03-aaaa", "intake"),
		"cases/S1/notes/2026-05-05-aaaa.yaml": note("2026-05-05-aaaa", "contact"),
		"cases/S1/notes/2026-05-06-aaaa.yaml": note("2026-05-06-aaaa", "mock-interview"),
		"cases/S1/notes/2026-05-13-aaaa.yaml": note("2026-05-13-aaaa", "mock-interview"),
		"cases/S1/notes/2026-05-27-aaaa.yaml": note("2026-05-27-aaaa", "contact"),
		"cases/S2/intake.yaml": `id: S2
opened: 2026-05-18
program: ws
status: open
manager: mrivera
participant:
  name: Ana Example
layoff:
  notice_date: 2026-05-18
  layoff_date: 2026-07-17
`,
		"cases/W1/intake.yaml": `id: W1
opened: 2026-03-02
program: wioa
status: open
manager: mrivera
participant:
  name: Ben Example
`,
	}
	return storetest.Load(t, m)
}

var searchDay = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func TestSearchFigures(t *testing.T) {
	snap := searchStore(t)
	c, ok := SearchOf(snap.Case("S1"), snap.Config, searchDay, false)
	if !ok {
		t.Fatal("S1 is a work-security case: no row")
	}
	left := 59 // 2026-06-01 to 2026-07-30, the 90th day after the layoff
	want := SearchCase{
		ID: "S1", Participant: "S. S.", Manager: "mrivera", Program: "ws", Status: "open",
		Phase: "work-security", PhaseStart: "2026-05-01", PhaseEnds: "2026-07-30", DaysLeft: &left,
		LayoffDate: "2026-05-01", WorkSecurityEnds: "2026-07-30",
		JobTargets: []record.JobTarget{{ID: "JT-1", Title: "Office Coordinator", JobFamily: "Office support", GradeMin: "5", GradeMax: "7", Scope: "both"}},
		// The application of 2026-06-08 is after the day.
		Applications: SearchApplications{Total: 4, Internal: 2, External: 1, Unstated: 1,
			ByStatus: []StatusCount{{"applied", 2}, {"interview", 1}, {"rejected", 1}}},
		// Job interviews only, newest first; the mock one is practice.
		Interviews: []record.Interview{
			{Date: "2026-05-28", Organization: "Example U", Position: "Assistant", Kind: "screening"},
			{Date: "2026-05-20", Organization: "Example Clinic", Position: "Coordinator", Kind: "panel", Feedback: "strong on scheduling"},
		},
		// 05-06 in the tracker and as a note: one; 05-13 a note: two.
		MockInterviews:          SearchCount{Count: 2, Last: "2026-05-13"},
		InformationalInterviews: SearchCount{Count: 1, Last: "2026-05-07"},
		// Pat and Lee named (Kim withdrew); Pat briefed (Ro after the day, and
		// Ro's permission counts).
		References: SearchReferences{Named: 3, Required: 3, Briefed: 1},
		Toolbox:    record.Toolbox{Resume: "final", CoverLetter: "draft"},
		// Every note here is a two-way contact, mock interviews included.
		LastContact: "2026-05-27", Contacts: 5,
		// W10 to W22 complete since the opening on Monday 03-02: contacts
		// in W10, W19, W20, W22.
		CheckIns: SearchWeeks{From: "2026-03-02", To: "2026-06-01", CompleteWeeks: 13, Kept: 4,
			WeeksWithout: []string{"2026-W11", "2026-W12", "2026-W13", "2026-W14", "2026-W15", "2026-W16", "2026-W17", "2026-W18", "2026-W21"},
			Says:         "not met: no contact in 9 of 13 complete week(s) (2026-W11, 2026-W12, 2026-W13, 2026-W14, 2026-W15, 2026-W16, 2026-W17, 2026-W18, 2026-W21)"},
		Extension: SearchExtension{Weighed: true,
			Contact: SearchWeeks{From: "2026-05-01", To: "2026-06-01", CompleteWeeks: 4, Kept: 3, WeeksWithout: []string{"2026-W21"},
				Says: "not met: no contact in 1 of 4 complete week(s) (2026-W21)"},
			Applications: SearchWeeks{From: "2026-05-01", To: "2026-06-01", CompleteWeeks: 4, Kept: 3, WeeksWithout: []string{"2026-W21"},
				Says: "not met: no applications in 1 of 4 complete week(s) (2026-W21)"}},
	}
	want.Applications.Latest = []record.Application{
		{Date: "2026-05-26", Organization: "Example U", Position: "Assistant", Internal: boolPtr(true), Status: "applied"},
		{Date: "2026-05-14", Organization: "Example Shop", Position: "Clerk", Status: "rejected"},
		{Date: "2026-05-12", Organization: "Example Clinic", Position: "Coordinator", Internal: boolPtr(false), Status: "interview", Feedback: "good fit"},
		{Date: "2026-05-04", Organization: "Example U", Position: "Clerk", Internal: boolPtr(true), Status: "applied"},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("S1:\n got %s\nwant %s", js(t, c), js(t, want))
	}

	// In the notification period the extension criteria are not weighed
	// yet; the check-ins are, from the opening.
	s2, ok := SearchOf(snap.Case("S2"), snap.Config, searchDay, true)
	if !ok || s2.Phase != "notification" || s2.Extension.Weighed || s2.Extension.Met || s2.Participant != "Ana Example" {
		t.Errorf("S2: %s", js(t, s2))
	}
	if s2.CheckIns.CompleteWeeks != 2 || s2.CheckIns.Kept != 0 || s2.References.Required != 3 {
		t.Errorf("S2 check-ins %+v, references %+v", s2.CheckIns, s2.References)
	}
	if _, ok := SearchOf(snap.Case("W1"), snap.Config, searchDay, false); ok {
		t.Error("W1 is a WIOA case: it has a row")
	}
}

func boolPtr(v bool) *bool { return &v }

// TestSearchLatest: the report lists the SearchLatest newest applications
// and says how many of all they are.
func TestSearchLatest(t *testing.T) {
	snap := searchStore(t)
	c, _ := SearchOf(snap.Case("S1"), snap.Config, time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), false)
	if len(c.Applications.Latest) != SearchLatest || c.Applications.Total != 5 || c.Applications.Latest[0].Date != "2026-06-08" {
		t.Fatalf("latest %+v of %d", c.Applications.Latest, c.Applications.Total)
	}
	if got := searchApplicationsTable(c).title; got != "Latest applications" {
		t.Errorf("title %q", got)
	}
}

func searchReport(t *testing.T) *Search {
	snap := searchStore(t)
	var rows []SearchCase
	for _, id := range []string{"S1", "S2"} {
		c, _ := SearchOf(snap.Case(id), snap.Config, searchDay, false)
		rows = append(rows, c)
	}
	return AssembleSearch(snap.Config, searchDay, fixtureSource, false, "manager", "mrivera", nil, rows)
}

// TestSearchGolden renders the report in text and JSON and compares them
// with testdata/golden (go test ./pkg/report -update rewrites them).
func TestSearchGolden(t *testing.T) {
	r := searchReport(t)
	for format, ext := range map[string]string{"text": "txt", "json": "json", "md": "md"} {
		w, _ := NewWriter(format)
		var b bytes.Buffer
		if err := w.Search(&b, r); err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join("testdata", "golden", "search."+ext), b.Bytes())
	}
}

// TestSearchJSONNeverNull: the lists of the JSON contract are [] when
// empty, never null, so a script can iterate them.
func TestSearchJSONNeverNull(t *testing.T) {
	snap := searchStore(t)
	c, _ := SearchOf(snap.Case("S2"), snap.Config, searchDay, false)
	r := AssembleSearch(snap.Config, searchDay, fixtureSource, false, "all", "", nil, []SearchCase{c})
	var b bytes.Buffer
	if err := (jsonWriter{}).Search(&b, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "null") && !strings.Contains(b.String(), `"days_left": null`) {
		t.Errorf("a null in the JSON:\n%s", b.String())
	}
	var back Search
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Scope != "all" || back.Manager != "" {
		t.Errorf("round trip: %v, %+v", err, back)
	}
	empty := AssembleSearch(snap.Config, searchDay, fixtureSource, false, "all", "", nil, nil)
	b.Reset()
	_ = (jsonWriter{}).Search(&b, empty)
	if !strings.Contains(b.String(), `"cases": []`) {
		t.Errorf("no case: %s", b.String())
	}
}

// TestSearchCSV reads every table back with encoding/csv: one header, the
// same number of cells on every row, the day and commit leading.
func TestSearchCSV(t *testing.T) {
	r := searchReport(t)
	r.Cases[0].Participant = "=HYPERLINK(\"x\")"
	for table, rowsWanted := range map[string]int{"": 2, "cases": 2, "applications": 4, "interviews": 2} {
		var b bytes.Buffer
		if err := NewCSV(CSVOptions{Table: table}).Search(&b, r); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatalf("%q: %v", table, err)
		}
		if len(rows) != rowsWanted+1 {
			t.Errorf("%q: %d rows, want %d and a header", table, len(rows)-1, rowsWanted)
		}
		for _, row := range rows[1:] {
			if row[0] != "2026-06-01" || row[1] != fixtureSource.Commit {
				t.Errorf("%q: row %v does not lead with the day and commit", table, row)
			}
			if strings.HasPrefix(row[3], "=") {
				t.Errorf("%q: a formula cell %q", table, row[3])
			}
		}
	}
	var b bytes.Buffer
	if err := NewCSV(CSVOptions{Table: "weeks"}).Search(&b, r); err == nil || !strings.Contains(err.Error(), "cases, applications, interviews") {
		t.Errorf("an unknown table: %v", err)
	}
}

// TestSearchHTMLWellFormed parses the page as HTML with encoding/xml's
// HTML settings: every element closed, nothing fetched, the text escaped.
func TestSearchHTMLWellFormed(t *testing.T) {
	r := searchReport(t)
	r.Cases[0].Participant = "<script>alert(1)</script>"
	var b bytes.Buffer
	if err := (htmlWriter{}).Search(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	checkWellFormed(t, page)
	for _, banned := range []string{"<script", "<link", "<img"} {
		if strings.Contains(page, banned) {
			t.Errorf("the page contains %s", banned)
		}
	}
	for _, want := range []string{"<h2>S1, &lt;script&gt;alert(1)&lt;/script&gt; (mrivera)</h2>", "S2, A. E. (mrivera): Job interviews", "strong on scheduling"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %q", want)
		}
	}
}

// TestSearchNamesNoReference: references are counted, never named, nor is
// the person met at an informational interview.
func TestSearchNamesNoReference(t *testing.T) {
	r := searchReport(t)
	for _, format := range Formats {
		w, _ := NewWriter(format)
		var b bytes.Buffer
		if err := w.Search(&b, r); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Pat Ref", "Lee Ref", "Someone Named", "Sam Sample"} {
			if strings.Contains(b.String(), name) {
				t.Errorf("%s names %q", format, name)
			}
		}
	}
}

// TestOpenOn: the search report's --all and --manager list the cases open
// on the day, as the caseload report does: a case opened after the day
// (a --today before it) is not open yet.
func TestOpenOn(t *testing.T) {
	snap := searchStore(t)
	for _, tt := range []struct {
		day  string
		want bool
	}{
		{"2026-03-01", false}, // the day before S1 opened
		{"2026-03-02", true},
		{"2026-06-01", true},
	} {
		day, _ := time.Parse(time.DateOnly, tt.day)
		if got := casestate.OpenOn(snap.Case("S1"), day); got != tt.want {
			t.Errorf("OpenOn(S1, %s) = %v, want %v", tt.day, got, tt.want)
		}
	}
}

// A request awaiting the joint committee's decision on the day is named
// with its date (000: the coordinators weigh it), in the JSON and the
// Extension criteria line; on a day after its decision, or before the
// request, it is not.
func TestSearchExtensionRequested(t *testing.T) {
	snap := searchStore(t)
	c := snap.Case("S1")
	if c.Outcome == nil {
		c.Outcome = &record.Outcome{}
	}
	c.Outcome.Extensions = append(c.Outcome.Extensions, record.Extension{ID: "ER-1", Requested: "2026-05-25", Decided: "2026-06-10", Decision: "approved", Until: "2026-10-28", By: "Joint committee"})
	for _, tc := range []struct {
		day  time.Time
		want string
	}{
		{time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC), ""},
		{searchDay, "2026-05-25"},
		{time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC), ""},
	} {
		got, ok := SearchOf(c, snap.Config, tc.day, false)
		if !ok {
			t.Fatalf("%s: S1 not reported", tc.day.Format(time.DateOnly))
		}
		if got.ExtensionRequested != tc.want {
			t.Errorf("%s: extension_requested %q, want %q", tc.day.Format(time.DateOnly), got.ExtensionRequested, tc.want)
		}
		var ext string
		for _, l := range searchLines(got) {
			if l.label == "Extension criteria" {
				ext = l.remark
			}
		}
		if said := strings.HasPrefix(ext, "requested 2026-05-25, awaiting the joint committee's decision; "); said != (tc.want != "") {
			t.Errorf("%s: the Extension criteria line %q says the request: %v, want %v", tc.day.Format(time.DateOnly), ext, said, tc.want != "")
		}
	}
}

// TestSearchPlacedExtensionMoot: a candidate placed in a case still open
// has no extension in question: every format says so, not "not met",
// and the criteria weighed stay beside it; before the job started the
// extension is weighed as for any candidate.
func TestSearchPlacedExtensionMoot(t *testing.T) {
	snap := searchStore(t)
	c := snap.Case("S1")
	if c.Outcome == nil {
		c.Outcome = &record.Outcome{}
	}
	c.Outcome.Placements = append(c.Outcome.Placements, record.Placement{ID: "PL-1", Employer: "Example Clinic", Position: "Coordinator", Start: "2026-05-25", Recorded: "2026-05-22"})
	before, _ := SearchOf(c, snap.Config, time.Date(2026, 5, 24, 0, 0, 0, 0, time.UTC), false)
	if before.Extension.Moot != "" || extensionValue(before.Extension) != "not met" {
		t.Errorf("before the start: moot %q, value %q, want an extension weighed", before.Extension.Moot, extensionValue(before.Extension))
	}
	got, _ := SearchOf(c, snap.Config, searchDay, false)
	if got.Status != "open" || got.Phase != "placed" || got.Extension.Moot != ExtensionMootPlaced || !got.Extension.Weighed {
		t.Fatalf("status %q, phase %q, extension %+v: want open, placed, moot placed and weighed", got.Status, got.Phase, got.Extension)
	}
	r := AssembleSearch(snap.Config, searchDay, fixtureSource, false, "manager", "mrivera", nil, []SearchCase{got})
	for _, format := range []string{"text", "md", "html"} {
		w, _ := NewWriter(format)
		var b bytes.Buffer
		if err := w.Search(&b, r); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, "not in question (placed)") || !strings.Contains(out, "placed from 2026-05-25: an extension is not in question; as weighed, 2026-05-01 to ") {
			t.Errorf("%s does not say the extension is not in question:\n%s", format, out)
		}
		if strings.Contains(out, "| not met |") || strings.Contains(out, ">not met<") {
			t.Errorf("%s still says the criteria are not met:\n%s", format, out)
		}
	}
	var b bytes.Buffer
	if err := (jsonWriter{}).Search(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"moot": "placed"`) || !strings.Contains(b.String(), `"weighed": true`) {
		t.Errorf("JSON:\n%s", b.String())
	}
	b.Reset()
	if err := NewCSV(CSVOptions{}).Search(&b, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := rows[0]; h[len(h)-1] != "extension_moot" || rows[1][len(h)-1] != "placed" {
		t.Errorf("CSV: %q / %q, want extension_moot placed last", h, rows[1])
	}
}

// TestSearchDecidedExtensionMoot: once the joint committee has decided
// the request, the criteria were its to weigh, and it has: the report
// says approved (to when) or refused, not "not met", with the criteria
// weighed beside it; while the request waited, it weighed them.
func TestSearchDecidedExtensionMoot(t *testing.T) {
	decidedOn := time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		decision, until string
		moot, value     string
		says            string
	}{
		{"approved", "2026-10-28", ExtensionMootApproved, "approved by the committee", "the joint committee approved an extension to 2026-10-28; as weighed, "},
		{"denied", "", ExtensionMootRefused, "refused by the committee", "the joint committee refused the extension requested; as weighed, "},
	} {
		snap := searchStore(t)
		c := snap.Case("S1")
		if c.Outcome == nil {
			c.Outcome = &record.Outcome{}
		}
		c.Outcome.Extensions = append(c.Outcome.Extensions, record.Extension{ID: "ER-1", Requested: "2026-05-25", Decided: "2026-06-10", Decision: tc.decision, Until: record.Date(tc.until), By: "Joint committee"})
		pending, _ := SearchOf(c, snap.Config, searchDay, false)
		if pending.Extension.Moot != "" || extensionValue(pending.Extension) != "not met" {
			t.Errorf("%s, while pending: moot %q, value %q; want the criteria weighed", tc.decision, pending.Extension.Moot, extensionValue(pending.Extension))
		}
		got, _ := SearchOf(c, snap.Config, decidedOn, false)
		if got.Extension.Moot != tc.moot || extensionValue(got.Extension) != tc.value || !got.Extension.Weighed {
			t.Errorf("%s: moot %q, value %q, weighed %v; want %q, %q, weighed", tc.decision, got.Extension.Moot, extensionValue(got.Extension), got.Extension.Weighed, tc.moot, tc.value)
		}
		var ext string
		for _, l := range searchLines(got) {
			if l.label == "Extension criteria" {
				ext = l.remark
			}
		}
		if !strings.HasPrefix(ext, tc.says) {
			t.Errorf("%s: the Extension criteria line %q, want it to start %q", tc.decision, ext, tc.says)
		}
	}
}

// checkWellFormed fails t unless page, an HTML report, reads as
// well-formed markup: every element closed, in order (HTML's void
// elements and entities allowed).
func checkWellFormed(t *testing.T, page string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict, d.AutoClose, d.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	var open []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			open = append(open, tok.Name.Local)
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != tok.Name.Local {
				t.Fatalf("</%s> closes %v", tok.Name.Local, open)
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) != 0 {
		t.Errorf("left open: %v", open)
	}
}

// TestSearchWithhold: a case's part of the search report passes the
// feedback of its applications and interviews through withhold, and
// leaves the records it was made from as they were.
func TestSearchWithhold(t *testing.T) {
	apps := []record.Application{{Organization: "Acme", Feedback: "told of a Kestrelvane"}}
	ivs := []record.Interview{{Organization: "Acme", Feedback: "Kestrelvane again"}}
	s := SearchCase{Applications: SearchApplications{Latest: apps}, Interviews: ivs}
	got := s.Withhold(func(t string) (string, int) {
		return strings.ReplaceAll(t, "Kestrelvane", "[withheld: pii-term]"), 1
	})
	if f := got.Applications.Latest[0].Feedback; f != "told of a [withheld: pii-term]" {
		t.Errorf("application feedback = %q", f)
	}
	if f := got.Interviews[0].Feedback; f != "[withheld: pii-term] again" {
		t.Errorf("interview feedback = %q", f)
	}
	if apps[0].Feedback != "told of a Kestrelvane" || ivs[0].Feedback != "Kestrelvane again" {
		t.Errorf("the records were changed: %+v %+v", apps, ivs)
	}
}
