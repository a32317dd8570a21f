package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/calendar"
)

// Each case's month keeps the file names of its notes dated in the
// month, contacts or not (WS-A's amendment of 10-27 among them), and
// none of another month (its intake note of 08-03, P-I's of 11-03).
func TestMonthlyCaseNotes(t *testing.T) {
	snap := fixtureSnapshot(t)
	got := map[string][]string{}
	for _, c := range snap.Cases {
		if cm, ok := MonthlyOf(c, snap.Config, fixtureMonth, false); ok && len(cm.Notes) > 0 {
			got[c.ID] = cm.Notes
		}
	}
	want := map[string][]string{
		"WS-A": {"2026-10-05-aaab.yaml", "2026-10-20-aaac.yaml", "2026-10-26-aaad.yaml", "2026-10-27-aaae.yaml"},
		"P-I":  {"2026-10-01-iiii.yaml"},
		"W-F":  {"2026-10-20-ffff.yaml"},
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("%s: notes in October %q, want %q", id, got[id], w)
		}
	}
	if n := NotesDirs(casesOf(t)); !n["WS-A"] || n["WS-B"] {
		t.Errorf("NotesDirs = %v: want WS-A (notes in October), not WS-B (none)", n)
	}
}

func casesOf(t *testing.T) []MonthlyCase {
	snap := fixtureSnapshot(t)
	var out []MonthlyCase
	for _, c := range snap.Cases {
		if cm, ok := MonthlyOf(c, snap.Config, fixtureMonth, false); ok {
			out = append(out, cm)
		}
	}
	return out
}

// LateNotes counts the files added since the month's end that are notes
// the report counts in the month: not a note of another month, not
// another kind of record, not a note of a case with no row.
func TestLateNotes(t *testing.T) {
	cases := casesOf(t)
	added := []string{
		"cases/P-I/notes/2026-10-01-iiii.yaml",
		"cases/P-I/notes/2026-11-03-iiij.yaml", // November's
		"cases/WS-A/activity/2026-W43.yaml",    // no note
		"cases/WS-A/notes/2026-10-26-aaad.yaml",
		"cases/WS-A/notes/2026-10-27-aaae.yaml",
		"cases/W-J/notes/2026-10-30-jjjj.yaml", // no such note in the month
	}
	got := LateNotes(cases, added, "2026-10-31", "feedfacefeedfacefeedfacefeedfacefeedface")
	want := &LateEntries{Notes: 3, Cases: []string{"P-I", "WS-A"}, AsOf: "2026-10-31", AsOfCommit: "feedfacefeedfacefeedfacefeedfacefeedface", Figures: []LateFigure{}}
	if js(t, got) != js(t, want) {
		t.Errorf("LateNotes = %s, want %s", js(t, got), js(t, want))
	}
	if got := LateNotes(cases, added[1:3], "2026-10-31", "x"); got != nil {
		t.Errorf("LateNotes of no note in the month = %+v, want nil", got)
	}
}

// The late line is under the commit in text, Markdown and HTML, names the
// first five cases, and the command for the figures as they stood at the
// month's end in the report's format; JSON has late_entries, null when
// nothing is late.
func TestLateLine(t *testing.T) {
	r := BuildMonthly(fixtureSnapshot(t), fixtureMonth, fixtureSource, false)
	var b bytes.Buffer
	if err := (jsonWriter{}).Monthly(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"late_entries": null,`) {
		t.Error("JSON without late entries has no late_entries: null")
	}
	for _, f := range Formats[:3] {
		w, _ := NewWriter(f)
		b.Reset()
		if err := w.Monthly(&b, r); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "Late:") {
			t.Errorf("%s: a late line with nothing late", f)
		}
	}

	r.LateEntries = &LateEntries{Notes: 8, Cases: []string{"A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7"}, AsOf: "2026-10-31", AsOfCommit: "feedfacefeedfacefeedfacefeedfacefeedface"}
	r.Cohort = "C1"
	const words = "Late: 8 note(s) of cases A-1, A-2, A-3, A-4, A-5 and 2 more dated in the month were committed after 2026-10-31 and are counted here; "
	for f, want := range map[string]string{
		"text": words + "caseplan report monthly --month 2026-10 --as-of 2026-10-31 --cohort C1 gives the figures as they stood then (commit feedfacefeed).\n",
		"md":   words + "`caseplan report monthly --month 2026-10 --as-of 2026-10-31 --cohort C1 -o md` gives the figures as they stood then (commit `feedfacefeed`).\n\n",
		"html": `<p class="meta">` + words + "caseplan report monthly --month 2026-10 --as-of 2026-10-31 --cohort C1 -o html gives the figures as they stood then (commit feedfacefeed).</p>",
	} {
		w, _ := NewWriter(f)
		b.Reset()
		if err := w.Monthly(&b, r); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s: no late line %q in\n%s", f, want, b.String()[:min(b.Len(), 1200)])
		}
	}
	b.Reset()
	if err := (jsonWriter{}).Monthly(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Late *LateEntries `json:"late_entries"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil || doc.Late == nil || doc.Late.Notes != 8 || len(doc.Late.Cases) != 7 {
		t.Errorf("JSON late_entries = %+v (%v), want all 8 notes and 7 cases", doc.Late, err)
	}
}

// FileCounts counts what MonthlyOf counts of a file's dates in the
// month: the opening (intake.yaml), closures, reopenings, extensions and
// follow-ups (outcome.yaml), applications and job interviews (an
// activity week; a mock interview is practice); a file with no date of
// the month, an absent one or another kind counts nothing.
func TestFileCounts(t *testing.T) {
	for _, tc := range []struct {
		rel, data string
		want      Counts
	}{
		{"intake.yaml", "opened: 2026-10-05\n", Counts{Opened: 1}},
		{"intake.yaml", "opened: 2026-09-30\n", Counts{}},
		// The WIOA exit recorded, dated in the month (Counts.Exits).
		{"intake.yaml", "opened: 2026-03-02\nexited: 2026-10-20\n", Counts{Exits: 1}},
		{"intake.yaml", "opened: 2026-03-02\nexited: 2026-09-30\n", Counts{}},
		{"outcome.yaml", "closures:\n  - {date: 2026-10-27, reason: moved}\nreopenings:\n  - {date: 2026-10-29, reason: back}\n" +
			"extensions:\n  - {requested: 2026-10-02, decided: 2026-10-09, decision: approved}\n  - {requested: 2026-09-02, decided: 2026-10-01, decision: denied}\n" +
			"follow_ups:\n  - {due: 2026-10-15, done: 2026-10-14}\n  - {due: 2026-10-20}\n  - {due: 2026-10-25, done: 2026-11-02}\n",
			Counts{Closed: 1, ClosedByReason: map[string]int{"moved": 1}, Reopened: 1, ExtensionsRequested: 1, ExtensionsApproved: 1, ExtensionsRefused: 1, FollowUpsDue: 3, FollowUpsDone: 1}},
		{"activity/2026-W42.yaml", "week: 2026-W42\napplications:\n  - {date: 2026-10-12, organization: A, position: B, status: applied}\n" +
			"interviews:\n  - {date: 2026-10-13, organization: A, kind: screening}\n  - {date: 2026-10-14, organization: A, kind: mock}\n",
			Counts{Applications: 1, Interviews: 1}},
		{"activity/2026-W44.yaml", "week: 2026-W44\napplications:\n  - {date: 2026-11-02, organization: A, position: B, status: applied}\n", Counts{}},
		{"iep.yaml", "goals:\n  - {id: G1, target: 2026-10-05}\n", Counts{}},
		{"outcome.yaml", "", Counts{}},
	} {
		var data []byte
		if tc.data != "" {
			data = []byte(tc.data)
		}
		got, err := FileCounts(tc.rel, data, fixtureMonth)
		if err != nil || js(t, got) != js(t, tc.want) {
			t.Errorf("FileCounts(%s, %q) = %s, %v; want %s", tc.rel, tc.data, js(t, got), err, js(t, tc.want))
		}
	}
	if _, err := FileCounts("outcome.yaml", []byte("closures: [2026-10-01\n"), fixtureMonth); err == nil {
		t.Error("an outcome.yaml that does not parse gave no error")
	}
}

// CaseLateOf compares each changed file's counts on its two sides (an
// application moved from one week's file to another's moves nothing),
// and says what the outcome held then; AddLateFigures adds the cases up
// by figure, in the report's order, and says them in a sentence.
func TestLateFigures(t *testing.T) {
	week := func(dates ...string) []byte {
		s := "applications:\n"
		for _, d := range dates {
			s += "  - {date: " + d + ", organization: A, position: B, status: applied}\n"
		}
		return []byte(s)
	}
	a, err := CaseLateOf("WS-A", []LateFile{
		{Rel: "activity/2026-W42.yaml", Then: week("2026-10-12"), Now: week("2026-10-12", "2026-10-13", "2026-10-14")},
		{Rel: "activity/2026-W43.yaml", Then: week("2026-10-19"), Now: nil},
		{Rel: "activity/2026-W44.yaml", Then: nil, Now: week("2026-10-26")},
		{Rel: "outcome.yaml", Then: []byte("placements:\n  - {id: PL-1, employer: E, position: P, start: 2026-10-01}\n"), Now: []byte("closures:\n  - {date: 2026-10-30, reason: moved}\n")},
		{Rel: "notes/2026-10-20-aaaa.yaml", Then: nil, Now: []byte("date: 2026-10-20\n")},
	}, fixtureMonth, "feedfacefeedfacefeedface")
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"moved":{"applications":2,"closed":1},"outcome_changed":true,"then_placements":["PL-1"],"notes_gone":false,"notes_added":false}`; js(t, a) != want {
		t.Errorf("CaseLateOf = %s, want %s", js(t, a), want)
	}
	b, err := CaseLateOf("WS-B", []LateFile{
		{Rel: "activity/2026-W42.yaml", Then: week("2026-10-12"), Now: week("2026-09-12")},
		{Rel: "activity/2026-W43.yaml", Then: week("2026-10-19"), Now: week("2026-10-20")}, // redated in the month
	}, fixtureMonth, "feedfacefeedfacefeedface")
	if err != nil {
		t.Fatal(err)
	}
	// An exit dated in the month recorded after it (caseplan case exit
	// once the 90 days had passed) moves the month's exits; one
	// corrected out of the month takes it away.
	for _, tc := range []struct{ then, now, want string }{
		{"opened: 2026-03-02\n", "opened: 2026-03-02\nexited: 2026-10-20\n", `{"exits":1}`},
		{"opened: 2026-03-02\nexited: 2026-10-31\n", "opened: 2026-03-02\nexited: 2026-11-02\n", `{"exits":-1}`},
		{"opened: 2026-03-02\nexited: 2026-10-20\n", "opened: 2026-03-02\nexited: 2026-10-20\nmanager: bob\n", `{}`},
	} {
		cl, err := CaseLateOf("W-D", []LateFile{{Rel: "intake.yaml", Then: []byte(tc.then), Now: []byte(tc.now)}}, fixtureMonth, "feedfacefeedfacefeedface")
		if err != nil || js(t, cl.Moved) != tc.want {
			t.Errorf("CaseLateOf(intake %q -> %q) moved %s, %v; want %s", tc.then, tc.now, js(t, cl.Moved), err, tc.want)
		}
	}
	if _, err := CaseLateOf("WS-C", []LateFile{{Rel: "outcome.yaml", Then: []byte("closures: [2026-10-01\n")}}, fixtureMonth, "feedfacefeedfacefeedface"); err == nil || !strings.Contains(err.Error(), "cases/WS-C/outcome.yaml at commit feedfacefeed") {
		t.Errorf("an outcome.yaml of the month's end that does not parse: %v", err)
	}
	if got := AddLateFigures(nil, map[string]CaseLate{"WS-C": {Moved: map[string]int{}}}, "2026-10-31", "x"); got != nil {
		t.Errorf("AddLateFigures of nothing moved = %+v, want nil", got)
	}
	late := AddLateFigures(nil, map[string]CaseLate{"WS-A": a, "WS-B": b}, "2026-10-31", "feedfacefeedfacefeedfacefeedfacefeedface")
	if want := `[{"figure":"closed","by":1,"cases":["WS-A"]},{"figure":"applications","by":1,"cases":["WS-A","WS-B"]}]`; js(t, late.Figures) != want {
		t.Errorf("AddLateFigures = %s, want %s", js(t, late.Figures), want)
	}
	if want := "records committed after 2026-10-31 moved closures up 1 (case WS-A) and applications up 1 (cases WS-A, WS-B)"; late.Said("dated in the month", "are counted here", true) != want {
		t.Errorf("Said = %q, want %q", late.Said("dated in the month", "are counted here", true), want)
	}
	late.Notes, late.Cases = 2, []string{"WS-A"}
	late.Figures = []LateFigure{{Figure: "applications", By: -2, Cases: []string{"WS-B"}}, {Figure: "interviews", By: 0, Cases: []string{"WS-A", "WS-B"}}}
	if want := "2 note(s) of case WS-A dated in the month were committed after 2026-10-31 and are counted here, and records committed after it moved applications down 2 (case WS-B) and interviews up and down, the same in all (cases WS-A, WS-B)"; late.Said("dated in the month", "are counted here", true) != want {
		t.Errorf("Said = %q, want %q", late.Said("dated in the month", "are counted here", true), want)
	}

	// A placement the case's outcome had then is not late; one it had
	// not is.
	cases := []MonthlyCase{{Row: CaseRow{ID: "WS-A"}, Placement: "PL-1"}, {Row: CaseRow{ID: "WS-B"}, Placement: "PL-2"}, {Row: CaseRow{ID: "WS-C"}}}
	got, err := AddLatePlacements(nil, cases, "2026-10-31", "x", func(id, key string) (bool, error) {
		return key == "PL-1", nil
	})
	if err != nil || got == nil || got.Placements != 1 || strings.Join(got.Cases, ",") != "WS-B" || got.Figures == nil {
		t.Errorf("AddLatePlacements = %+v, %v; want WS-B's placement", got, err)
	}
}

// ThenContacts counts a case's contacts in the month from its notes as a
// commit had them, as MonthlyOf does: the program's rule (WIOA: a
// recognised service), a note voided by an amendment among them is none,
// an amendment is none, a note of another month is none. ContactsMoved
// compares them with the contacts now over the notes there then: a
// contact voided since goes down, a note corrected into one (a service
// recorded) goes up, and a contact whose note was added later is a late
// note, not a move.
func TestLateContacts(t *testing.T) {
	snap := fixtureSnapshot(t)
	wioa := calendar.ContactOf(snap.Config, "wioa")
	note := func(id, extra string) []byte {
		return []byte("id: " + id + "\ndate: " + id[:10] + "\nauthor: bob\nkind: contact\nmode: phone\ntwo_way: true\ncontent: Called\n" + extra)
	}
	then := map[string][]byte{
		"2026-10-05-aaaa.yaml": note("2026-10-05-aaaa", "services: [job-search]\n"), // a contact
		"2026-10-06-bbbb.yaml": note("2026-10-06-bbbb", ""),                         // no service: none for WIOA
		"2026-10-07-cccc.yaml": note("2026-10-07-cccc", "services: [job-search]\n"), // voided below
		"2026-10-08-dddd.yaml": note("2026-10-08-dddd", "services: [job-search]\n"), // voided later
		"2026-10-09-eeee.yaml": []byte("id: 2026-10-09-eeee\ndate: 2026-10-09\nauthor: bob\nkind: amendment\nmode: none\nvoids: true\ncontent: Wrong case\namends: 2026-10-07-cccc\n"),
		"2026-11-02-ffff.yaml": note("2026-11-02-ffff", "services: [job-search]\n"), // November's
	}
	got, err := ThenContacts("W-X", then, fixtureMonth, wioa, "feedfacefeedface")
	if err != nil || strings.Join(got, " ") != "2026-10-05-aaaa.yaml 2026-10-08-dddd.yaml" {
		t.Fatalf("ThenContacts = %q, %v; want aaaa and dddd", got, err)
	}
	// The same notes for a program that asks for no service: bbbb too.
	if got, _ := ThenContacts("WS-X", then, fixtureMonth, calendar.ContactOf(snap.Config, "ws"), "x"); len(got) != 3 {
		t.Errorf("ThenContacts for work security = %q, want aaaa, bbbb and dddd", got)
	}
	present := make([]string, 0, len(then))
	for name := range then {
		present = append(present, name)
	}
	for _, tc := range []struct {
		now  []string
		want int
	}{
		{[]string{"2026-10-05-aaaa.yaml", "2026-10-08-dddd.yaml"}, 0},
		// dddd voided after the month: 16 sent on, 15 now.
		{[]string{"2026-10-05-aaaa.yaml"}, -1},
		// bbbb corrected by hand to record its service, and dddd voided.
		{[]string{"2026-10-05-aaaa.yaml", "2026-10-06-bbbb.yaml"}, 0},
		{[]string{"2026-10-05-aaaa.yaml", "2026-10-06-bbbb.yaml", "2026-10-08-dddd.yaml"}, 1},
		// A contact added late is LateNotes', not a move.
		{[]string{"2026-10-05-aaaa.yaml", "2026-10-08-dddd.yaml", "2026-10-30-zzzz.yaml"}, 0},
		{nil, -2}, // no row now: both gone
	} {
		if by := ContactsMoved(got, present, tc.now); by != tc.want {
			t.Errorf("ContactsMoved(now %q) = %d, want %d", tc.now, by, tc.want)
		}
	}
	if _, err := ThenContacts("W-X", map[string][]byte{"2026-10-05-aaaa.yaml": []byte("date: [2026-10-05\n")}, fixtureMonth, wioa, "feedfacefeedface"); err == nil || !strings.Contains(err.Error(), "cases/W-X/notes/2026-10-05-aaaa.yaml at commit feedfacefeed") {
		t.Errorf("a note of the month's end that does not parse: %v", err)
	}

	// NoteChanged looks at names alone: a note of the month or later
	// changed or removed, or one added; not another month's, nor
	// another file.
	var cl CaseLate
	cl.NoteChanged("notes/2026-09-30-aaaa.yaml", true, false, fixtureMonth)
	cl.NoteChanged("activity/2026-W44.yaml", true, true, fixtureMonth)
	if cl.NotesGone || cl.NotesAdded {
		t.Errorf("NoteChanged of September's note or an activity week = %+v", cl)
	}
	cl.NoteChanged("notes/2026-11-20-aaaa.yaml", false, true, fixtureMonth)
	if cl.NotesGone || !cl.NotesAdded {
		t.Errorf("NoteChanged of a note added in November = %+v, want NotesAdded", cl)
	}
	cl.NoteChanged("notes/2026-10-08-dddd.yaml", true, true, fixtureMonth)
	if !cl.NotesGone {
		t.Errorf("NoteChanged of October's note changed = %+v, want NotesGone", cl)
	}

	// The figure is said as the others are.
	late := AddLateFigures(nil, map[string]CaseLate{"W-X": {Moved: map[string]int{"contacts": -1}}}, "2026-10-31", "x")
	if want := "records committed after 2026-10-31 moved contacts down 1 (case W-X)"; late == nil || late.Said("dated in the month", "are counted here", true) != want {
		t.Errorf("Said = %+v, want %q", late, want)
	}
}
