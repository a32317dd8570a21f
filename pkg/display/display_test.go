package display

import (
	"bytes"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for _, tt := range []struct{ in, want, text string }{
		{"Ana Lucero", "Ana Lucero", "Ana Lucero"},
		{"Muñoz 李小龍 Ōta", "Muñoz 李小龍 Ōta", "Muñoz 李小龍 Ōta"},
		// The name: a window title and a colour change.
		{"X \x1b]0;pwned\a\x1b[31mred", `X \x1b]0;pwned\x07\x1b[31mred`, `X \x1b]0;pwned\x07\x1b[31mred`},
		{"a\tb\nc\r\nd\re", `a\tb\nc\r\nd\re`, "a\tb\nc\nd\\re"},
		{"del\x7f", `del\x7f`, `del\x7f`},
		{"c1 \u009b31m", `c1 \u009b31m`, `c1 \u009b31m`},
		{"bidi \u202eevil\u2066", `bidi \u202eevil\u2066`, `bidi \u202eevil\u2066`},
		{"bad \xff\xfe utf-8", `bad \xff\xfe utf-8`, `bad \xff\xfe utf-8`},
		{"", "", ""},
	} {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := EscapeText(tt.in); got != tt.text {
			t.Errorf("EscapeText(%q) = %q, want %q", tt.in, got, tt.text)
		}
		if got := Escape(Escape(tt.in)); got != Escape(tt.in) {
			t.Errorf("Escape is not idempotent on %q: %q", tt.in, got)
		}
		for _, r := range Escape(tt.in) {
			if r < 0x20 || r == 0x7f || unsafeRune(r) {
				t.Errorf("Escape(%q) leaves %U", tt.in, r)
			}
		}
	}
}

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "李小龍": 6, "Muñoz": 5, "e\u0301": 1, "한국어": 6, "ｶﾀｶﾅ": 4} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestAlignByDisplayWidth: a column after CJK names starts at the same
// terminal column on every line (text/tabwriter, counting runes, puts it
// 3 columns early after 李小龍).
func TestAlignByDisplayWidth(t *testing.T) {
	var b bytes.Buffer
	if err := Align(&b, [][]string{{"CASE", "NAME", "MANAGER"}, {"2026-A1", "李小龍", "mbell"}, {"2026-B2", "Sam Sample", "alucero"}, {"2026-C3", "Ōta", ""}}); err != nil {
		t.Fatal(err)
	}
	want := "CASE     NAME        MANAGER\n" +
		"2026-A1  李小龍      mbell\n" +
		"2026-B2  Sam Sample  alucero\n" +
		"2026-C3  Ōta\n"
	if b.String() != want {
		t.Fatalf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n")[:3] {
		i := strings.LastIndex(line, "  ")
		if w := Width(line[:i+2]); w != 21 {
			t.Errorf("%q: the last column starts at display column %d, want 21", line, w)
		}
	}
}

func TestTable(t *testing.T) {
	tab := Table{Header: []string{"ID", "NAME"}}
	tab.Row("A-1", "X \x1b[31mred\tand\nmore")
	tab.Row("B-22", "李")
	var term, piped bytes.Buffer
	if err := tab.Write(&term, true); err != nil {
		t.Fatal(err)
	}
	if err := tab.Write(&piped, false); err != nil {
		t.Fatal(err)
	}
	if want := "ID    NAME\nA-1   X \\x1b[31mred and more\nB-22  李\n"; term.String() != want {
		t.Errorf("terminal:\n%q\nwant\n%q", term.String(), want)
	}
	if want := "A-1\tX \\x1b[31mred and more\nB-22\t李\n"; piped.String() != want {
		t.Errorf("piped:\n%q\nwant\n%q", piped.String(), want)
	}
}

// TestWriter: what a view writes in pieces comes out as EscapeText of the
// whole, wherever the pieces split a character or a CR LF.
func TestWriter(t *testing.T) {
	text := "Case 1: 李 \x1b[31mred\r\nnext\tcol \xff end\r"
	for split := 0; split <= len(text); split++ {
		var b bytes.Buffer
		w := NewWriter(&b)
		for _, part := range []string{text[:split], text[split:]} {
			if _, err := w.Write([]byte(part)); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if want := EscapeText(text); b.String() != want {
			t.Fatalf("split at %d: %q, want %q", split, b.String(), want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
		want  []string
	}{
		{"Call HR if no decision", 40, []string{"Call HR if no decision"}},
		{"Call HR if no decision", 10, []string{"Call HR if", "no", "decision"}},
		{"Call HR if no decision", 0, []string{"Call HR if no decision"}},
		// Spaces inside a line are kept; those where it breaks go.
		{"a  b    c", 4, []string{"a  b", "c"}},
		{"ends in spaces   ", 8, []string{"ends in", "spaces"}},
		// A word wider than the column is split where the width ends;
		// a word that fits never is.
		{"see https://example.org/a/long/path now", 10, []string{"see", "https://ex", "ample.org/", "a/long/pat", "h now"}},
		// Wide characters count two columns; a combining mark none.
		{"李小龍 李小龍", 7, []string{"李小龍", "李小龍"}},
		{"李小龍李小龍", 5, []string{"李小", "龍李", "小龍"}},
		{"Cafe\u0301 cafe\u0301", 5, []string{"Cafe\u0301", "cafe\u0301"}},
	} {
		got := Wrap(tt.in, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
		for _, l := range got {
			if tt.width > 0 && Width(l) > tt.width {
				t.Errorf("Wrap(%q, %d): %q is %d columns", tt.in, tt.width, l, Width(l))
			}
		}
		// Nothing is cut: the words are all there, in order.
		if a, b := strings.Join(strings.Fields(tt.in), ""), strings.Join(got, ""); a != strings.ReplaceAll(b, " ", "") {
			t.Errorf("Wrap(%q, %d) loses text: %q", tt.in, tt.width, got)
		}
	}
}

// TestAlignToWidth: on an 80-column terminal a row of due's tickler
// whose DETAIL would pass column 80 has it wrapped under the DETAIL
// column, every line within 80 columns, every word whole.
func TestAlignToWidth(t *testing.T) {
	rows := [][]string{
		{"DUE", "WHEN", "CASE", "KIND", "DETAIL"},
		{"2026-04-14", "overdue 224 days", "2026-A1B2C", "action", "action 2026-04-09-d525#1 (participant): Draft a cover letter for departmental research administrator postings"},
		{"2026-11-30", "in 6 days", "2026-A1B2C", "contact", "weekly check-in (every 7 days; last 2026-11-23)"},
	}
	var b bytes.Buffer
	if err := AlignTo(&b, rows, 80); err != nil {
		t.Fatal(err)
	}
	want := "DUE         WHEN              CASE        KIND     DETAIL\n" +
		"2026-04-14  overdue 224 days  2026-A1B2C  action   action 2026-04-09-d525#1\n" +
		"                                                   (participant): Draft a cover\n" +
		"                                                   letter for departmental\n" +
		"                                                   research administrator\n" +
		"                                                   postings\n" +
		"2026-11-30  in 6 days         2026-A1B2C  contact  weekly check-in (every 7\n" +
		"                                                   days; last 2026-11-23)\n"
	if b.String() != want {
		t.Fatalf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	// Width 0 (not known) and a wide terminal wrap nothing: Align's lines.
	var plain bytes.Buffer
	if err := Align(&plain, rows); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{0, 200} {
		var got bytes.Buffer
		if err := AlignTo(&got, rows, width); err != nil {
			t.Fatal(err)
		}
		if got.String() != plain.String() {
			t.Errorf("width %d:\n%s\nwant Align's:\n%s", width, got.String(), plain.String())
		}
	}
}

// TestAlignToWideColumns: when the columns before the last leave it
// fewer than MinWrap columns, the row is written whole (the terminal
// folds it) rather than as a strip of a few letters a line.
func TestAlignToWideColumns(t *testing.T) {
	rows := [][]string{{"2026-11-23 09:04:00", "Theresa Vance <tvance@example.org>", "2026-A1B2C", "record the joint committee's decision"}}
	var got, plain bytes.Buffer
	if err := AlignTo(&got, rows, 80); err != nil {
		t.Fatal(err)
	}
	if err := Align(&plain, rows); err != nil {
		t.Fatal(err)
	}
	if got.String() != plain.String() {
		t.Errorf("got:\n%s\nwant the row whole:\n%s", got.String(), plain.String())
	}
}

// TestTableWidth: a table fits its Width on a terminal, and its piped
// lines are never wrapped.
func TestTableWidth(t *testing.T) {
	tab := Table{Header: []string{"ID", "SUMMARY"}, Width: 30}
	tab.Row("A-1", "add tracker-review note (in-person, two-way)")
	var term, piped bytes.Buffer
	if err := tab.Write(&term, true); err != nil {
		t.Fatal(err)
	}
	if err := tab.Write(&piped, false); err != nil {
		t.Fatal(err)
	}
	if want := "ID   SUMMARY\nA-1  add tracker-review note\n     (in-person, two-way)\n"; term.String() != want {
		t.Errorf("terminal:\n%q\nwant\n%q", term.String(), want)
	}
	if want := "A-1\tadd tracker-review note (in-person, two-way)\n"; piped.String() != want {
		t.Errorf("piped:\n%q\nwant\n%q", piped.String(), want)
	}
}

func TestHang(t *testing.T) {
	line := "Conference:   the case conference is still to plan (000: explain its purpose; plan the date)"
	want := "Conference:   the case conference is still to plan\n" +
		"              (000: explain its purpose; plan the\n" +
		"              date)"
	if got := Hang(line, 52, 14); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	finding := "  cases/2026-A1B2C/intake.yaml:2:1: warning ws-activity-tracker: no entry for 28 weeks"
	want = "  cases/2026-A1B2C/intake.yaml:2:1: warning\n" +
		"    ws-activity-tracker: no entry for 28 weeks"
	if got := Hang(finding, 50, 4); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	for _, width := range []int{0, 200, 14 + MinWrap - 1} { // unknown, wide enough, too narrow to wrap under a 14-column label
		if got := Hang(line, width, 14); got != line {
			t.Errorf("width %d: %q, want the line as it is", width, got)
		}
	}
}

func TestProseList(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{
		{nil, ""}, {[]string{"a"}, "a"}, {[]string{"a", "b"}, "a and b"}, {[]string{"a", "b", "c"}, "a, b and c"},
	} {
		if got := ProseList(tt.in); got != tt.want {
			t.Errorf("ProseList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
