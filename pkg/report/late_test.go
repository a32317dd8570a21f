package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
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
	want := &LateEntries{Notes: 3, Cases: []string{"P-I", "WS-A"}, AsOf: "2026-10-31", AsOfCommit: "feedfacefeedfacefeedfacefeedfacefeedface"}
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
