package load

import (
	"strings"
	"testing"
)

func TestParsePositions(t *testing.T) {
	src := `# comment
id: WS-001
participant:
  name: Sam Sample
goals:
  - id: G1
    milestones:
      - id: M1
        due: 2026-04-01
`
	d, fs := Parse("cases/WS-001/iep.yaml", []byte(src))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	for _, tt := range []struct {
		path      []string
		line, col int
	}{
		{[]string{"id"}, 2, 5},
		{[]string{"participant"}, 3, 1},                           // a block value: its key
		{[]string{"participant", "name"}, 4, 9},                   // a scalar: the value
		{[]string{"goals", "0", "milestones", "0", "due"}, 9, 14}, // deep
		{[]string{"goals", "0", "milestones", "0", "done"}, 8, 9}, // missing: the nearest mapping
		{[]string{"goals", "0", "milestones", "5", "due"}, 7, 5},  // missing item: the list's key
		{[]string{"nope"}, 2, 1},                                  // missing top-level: the document
	} {
		line, col := d.Position(tt.path)
		if line != tt.line || col != tt.col {
			t.Errorf("Position(%v) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
	}
	if line, col := d.KeyPosition([]string{"participant", "name"}); line != 4 || col != 3 {
		t.Errorf("KeyPosition = %d:%d, want 4:3", line, col)
	}
}

func TestParseDatesStayText(t *testing.T) {
	d, fs := Parse("x.yaml", []byte("a: 2026-03-02\nb: \"2026-03-02\"\nc: 12\nd: 1.5\ne: true\nf: null\n"))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	m := d.Value().(map[string]any)
	if m["a"] != "2026-03-02" || m["b"] != "2026-03-02" {
		t.Errorf("dates: %#v %#v", m["a"], m["b"])
	}
	if m["c"] != int64(12) || m["d"] != 1.5 || m["e"] != true || m["f"] != nil {
		t.Errorf("scalars: %#v", m)
	}
}

func TestParseRefuses(t *testing.T) {
	bomb := `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]
`
	for _, tt := range []struct {
		name, src string
		rule      string
		line, col int
		msg       string
	}{
		{"syntax", "id: x\n  bad: [\n", RuleSyntax, 2, 1, "invalid YAML"},
		{"tab", "id: x\n\tname: y\n", RuleSyntax, 2, 1, "invalid YAML"},
		{"duplicate key", "id: a\nid: b\n", RuleSyntax, 2, 1, `field "id" appears twice (first at line 1)`},
		{"alias bomb", bomb, RuleAlias, 1, 4, "anchor &a"},
		{"alias", "a: x\nb: *x\n", RuleSyntax, 2, 1, `the value on line 2 starts with *, which YAML keeps for its own use at the start of a value; put the value in quotes: b: "*x"`},
		{"merge key", "base: {a: 1}\nx:\n  <<: {a: 2}\n", RuleAlias, 3, 3, "merge keys"},
		{"not utf8", "id: x\nname: caf\xe9\n", RuleEncoding, 2, 10, "not valid UTF-8"},
		{"utf-16le", "\xff\xfei\x00d\x00:\x00 \x00x\x00\r\x00\n\x00", RuleEncoding, 1, 1, "saved as UTF-16 (Notepad's \"Unicode\"); save it as UTF-8"},
		{"utf-16be", "\xfe\xff\x00i\x00d\x00:\x00 \x00x\x00\n", RuleEncoding, 1, 1, "saved as UTF-16"},
		{"utf-16le without a mark", "i\x00d\x00:\x00 \x00x\x00\n\x00", RuleEncoding, 1, 1, "saved as UTF-16"},
		{"control character", "id: x\nname: a\x01b\n", RuleSyntax, 2, 8, "control character U+0001 is not allowed"},
		{"delete character", "id: x\nnotes:\n  - é\x7f\n", RuleSyntax, 3, 6, "control character U+007F"},
		{"too large", "id: x\nnotes: " + strings.Repeat("x", MaxFileSize) + "\n", RuleTooLarge, 0, 0, "more than the 1048576-byte limit"},
		{"list", "- a\n- b\n", RuleShape, 1, 1, "not a list"},
		{"empty", "", RuleShape, 1, 1, "file is empty"},
		{"only comments", "# nothing\n\n  # still nothing\n", RuleShape, 1, 1, "file has only comments, no fields"},
		{"two documents", "a: 1\n---\nb: 2\n", RuleShape, 2, 1, "more than one YAML document"},
		// base64 would hide its text from the schemas and the leak guard.
		{"binary tag", "a: !!binary U1NOIDkxMi03OC0xMjM0\n", RuleShape, 1, 4, "a: YAML tag !!binary (base64-encoded data) is not allowed in a record"},
		{"binary tag in a list", "a:\n  - x\n  - !!binary aGVsbG8=\n", RuleShape, 3, 5, "a.1: YAML tag !!binary"},
		{"custom tag", "a: x\nb: !custom x\n", RuleShape, 2, 4, "b: YAML tag !custom is not allowed in a record; remove the tag"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, fs := Parse("cases/X/intake.yaml", []byte(tt.src))
			if d != nil || len(fs) != 1 {
				t.Fatalf("Parse = %v, %v; want one finding", d, fs)
			}
			f := fs[0]
			if f.Rule != tt.rule || f.Line != tt.line || f.Column != tt.col || !strings.Contains(f.Message, tt.msg) || f.Path != "cases/X/intake.yaml" {
				t.Errorf("got %s (rule %s, %d:%d)\nwant rule %s at %d:%d containing %q", f, f.Rule, f.Line, f.Column, tt.rule, tt.line, tt.col, tt.msg)
			}
		})
	}
}

// A YAML mistake made by hand is named at the line to fix, in plain words,
// not as the parser's jargon at the line where it gave up (defect 13 of
// "Rules that are right"): a line-5 mistake was reported at 2:1 as "did not
// find expected '-' indicator".
func TestSyntaxInPlainWords(t *testing.T) {
	for _, tt := range []struct {
		name, data string
		line       int
		msg        string
	}{
		{"a field indented under one that has a value",
			"id: W-001\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\n  participant:\n  name: Ana\n",
			6, "line 6 is indented further than line 5 (manager:), which already has a value"},
		{"a field indented by one space",
			"id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana\n phone: 555-0100\n",
			5, "line 5 is indented by 1 space, which lines up with none of the fields above it (they start at 0 spaces or 2 spaces)"},
		{"a list item out of line",
			"id: W-001\nbarriers:\n  - kind: housing\n    detail: x\n   - kind: transport\n",
			5, "line 5 is indented by 3 spaces"},
		// The list's items start deeper than its field: the level the
		// line falls back to (the field's, 2 spaces) does not mend it,
		// its siblings' (4 spaces) does.
		{"a list item a space short of its siblings",
			"id: W-001\nparticipant:\n  name: Ana\n  channels:\n    - email\n    - phone\n   - video\n  language: English\n",
			7, "line 7 is indented by 3 spaces, which lines up with none of the fields above it"},
		// A field of a block pushed to the start of its line: the line
		// after it, still lined up with the block, is where the parser
		// stops, but the field is the line to move back.
		{"a field moved left out of its block",
			"id: W-001\nparticipant:\n  name: Ana\nlanguage: English\n  phone: 555-0100\nstatus: open\n",
			4, "line 4 is indented by 0 spaces, less than the fields above it, while line 5 below it still lines up with them (2 spaces); line `language:` up with them"},
		{"a tab",
			"id: W-001\nparticipant:\n\tname: Ana\n",
			3, "line 3 is indented with a tab; YAML indents with spaces only"},
		// The parser names the line above, whose value might go on.
		{"a tab before a field already lined up",
			"id: W-001\nopened: 2026-03-02\n\tprogram: wioa\nstatus: open\n",
			3, "line 3 is indented with a tab; YAML indents with spaces only: remove the tab"},
		{"a tab before a nested field already lined up",
			"id: W-001\nparticipant:\n  name: Ana\n\t  phone: 555-0100\n",
			4, "line 4 is indented with a tab; YAML indents with spaces only: remove the tab"},
		// Typed by a word processor, pasted from a web page: it looks
		// like a space and is none to YAML.
		{"a non-breaking space after the colon",
			"id: W-001\nopened: 2026-03-02\nstatus:\u00a0open\nprogram: wioa\n",
			3, "line 3 has a non-breaking space (U+00A0) where YAML needs an ordinary space; retype the space"},
		// At the start of a line the file parses, and the space is the
		// start of the field's name: said as plainly, not as an unknown
		// field "\u00a0 notes".
		{"a non-breaking space starting a line",
			"id: W-001\nopened: 2026-03-02\n\u00a0 notes: hello\n",
			3, `line 3 has a non-breaking space (U+00A0) where YAML needs an ordinary space, so the field's name reads "\u00a0 notes", not notes; delete it and indent the line with ordinary spaces only`},
		{"a non-breaking space in a nested field's indentation",
			"id: W-001\nparticipant:\n  name: Ana\n \u00a0phone: 555-0100\n",
			4, "line 4 has a non-breaking space (U+00A0) where YAML needs an ordinary space"},
		{"a quote never closed",
			"id: W-001\nnotes: \"unterminated\nprogram: wioa\n",
			2, `line 2 starts a value with " but the line does not close it`},
		{"a field without its colon",
			"id: W-001\nopened: 2026-03-02\nprogram wioa\nstatus: open\n",
			3, "line 3 has no ':' after its field name; write it as program: wioa"},
		{"a list item's field without its colon",
			"id: W-001\nbarriers:\n  - kind housing\n    detail: x\n",
			3, "line 3 has no ':' after its field name; write it as - kind: housing"},
		{"a value holding a colon and a space",
			"id: W-001\nparticipant:\n  best_times: mornings: before 10\n  name: Ana\n",
			3, `the value on line 3 holds ': ', which YAML reads as the start of another field; put the value in quotes: best_times: "mornings: before 10"`},
		{"a list never closed",
			"id: W-001\nskills: [forklift, welding\nstatus: open\n",
			2, "line 2 opens a list or mapping with [ that is never closed; add the closing ]"},
		{"a mapping inside a list never closed",
			"id: W-001\nskills: [forklift, {welding: yes]\nstatus: open\n",
			2, "line 2 closes its { with ]; close the { with } first"},
		{"a list closed twice",
			"id: W-001\nskills: [forklift, welding]]\nstatus: open\n",
			2, "line 2 has a ] that closes nothing; remove it"},
		{"a list inside a mapping never closed, in quotes",
			"id: W-001\nother: {a: \"]\", b: [c}\nstatus: open\n",
			2, "line 2 closes its [ with }; close the [ with ] first"},
		{"a value starting with a backquote",
			"id: x\nbad: `x`\n", 2, "the value on line 2 starts with `, which YAML keeps for its own use"},
		// The parser names the line before the mapping's first field, which
		// in a record is its modeline, not the line to fix.
		{"text after a quoted value",
			"# yaml-language-server: $schema=../../schemas/intake.schema.json\nid: W-001\nopened: 2026-03-02\nprogram: \"wioa\"x\nstatus: open\n",
			4, `the value on line 4 goes on after its closing "; move the closing " to the end of the value: program: "wioax"`},
		{"a list item among fields",
			"# yaml-language-server: $schema=../../schemas/intake.schema.json\nid: W-001\nopened: 2026-03-02\n- program: wioa\nstatus: open\n",
			4, "line 4 starts with '- ' (a list item) but is lined up with fields written name: value"},
		{"text after a quoted value in a nested mapping",
			"id: W-001\nparticipant:\n  phone: 555-0100\n  name: \"Ana\" Example\n",
			4, `the value on line 4 goes on after its closing "; move the closing " to the end of the value: name: "Ana Example"`},
		{"after a quoted value over two lines",
			"id: W-001\nnotes: \"one\n  two\"\nprogram: \"wioa\"x\n",
			4, `the value on line 4 goes on after its closing "`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := Parse("cases/X/intake.yaml", []byte(tt.data))
			if len(fs) != 1 || fs[0].Rule != RuleSyntax {
				t.Fatalf("findings %v, want one %s", fs, RuleSyntax)
			}
			if fs[0].Line != tt.line || !strings.Contains(fs[0].Message, tt.msg) {
				t.Errorf("got %d: %s\nwant %d: ...%s", fs[0].Line, fs[0].Message, tt.line, tt.msg)
			}
		})
	}
}

// TestFieldNames: a field is named by text; an empty or null name is
// refused where it stands (FuzzRecord found a merge that could not write
// one back).
func TestFieldNames(t *testing.T) {
	for _, src := range []string{"~: x\n", "null: x\n", "?\n", "'': x\n", "id: a\n\"\": x\n"} {
		_, fs := Parse("cases/X/intake.yaml", []byte(src))
		if len(fs) != 1 || fs[0].Rule != RuleShape || !strings.Contains(fs[0].Message, "field name") {
			t.Errorf("%q: %v; want the field name refused", src, fs)
		}
	}
	for _, src := range []string{"a: x\n", "1: x\n", "true: x\n", "2026-01-02: x\n"} {
		if _, fs := Parse("cases/X/intake.yaml", []byte(src)); len(fs) > 0 {
			t.Errorf("%q: %v", src, fs)
		}
	}
}

// TestSyntaxGuessesBounded: a broken file with many lines that each look
// like a slip is not parsed once per line (each guess is a parse of the
// whole file): the guesses stop at maxGuesses.
func TestSyntaxGuessesBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: W-001\ncontent: |\n")
	for range 5000 {
		b.WriteString("  called about the job\n")
	}
	b.WriteString("program: [wioa\n")
	tries := 0
	explainSyntax([]byte(b.String()), func([]byte, int) bool { tries++; return false })
	if tries > maxGuesses {
		t.Errorf("%d guesses, want at most %d", tries, maxGuesses)
	}
}

func TestEmpty(t *testing.T) {
	for data, want := range map[string]bool{
		"":                         true,
		"\n\n  \n":                 true,
		"# id: W-001\n# opened:\n": true,
		"\xef\xbb\xbf":             true,
		"id: W-001\n":              false,
		"---\nid: W-001\n":         false,
		"- a\n":                    false,
		"id: [\n":                  false, // broken, not empty: its own finding
	} {
		if got := Empty([]byte(data)); got != want {
			t.Errorf("Empty(%q) = %v, want %v", data, got, want)
		}
	}
}
