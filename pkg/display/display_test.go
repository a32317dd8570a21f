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
