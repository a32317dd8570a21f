package yamledit

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type person struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
}

func TestAppendItem(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "keeps comments and blank lines",
			in: `# Store settings
organization: Example Board   # who we are

staff:
  # the first one
  - id: ab
    name: A B

programs:
  wioa: {kind: wioa}
`,
			want: `# Store settings
organization: Example Board   # who we are

staff:
  # the first one
  - id: ab
    name: A B
  - id: cd
    name: C D

programs:
  wioa: {kind: wioa}
`,
		},
		{
			name: "unindented sequence at end of file without newline",
			in:   "staff:\n- id: ab\n  name: A B",
			want: "staff:\n- id: ab\n  name: A B\n- id: cd\n  name: C D\n",
		},
		{
			name: "empty list",
			in:   "staff: []\nother: 1\n",
			want: "staff:\n  - id: cd\n    name: C D\nother: 1\n",
		},
		{
			name: "absent key",
			in:   "other: 1\n",
			want: "other: 1\nstaff:\n  - id: cd\n    name: C D\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AppendItem([]byte(tt.in), "staff", person{"cd", "C D"})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestAppendItemFlowList(t *testing.T) {
	got, err := AppendItem([]byte("staff: [{id: a}]  # short\n"), "staff", person{"b", "B"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "staff: [{id: a}, {id: b, name: B}]  # short\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

const plan = `# The plan we agreed on 2026-03-03.
created: 2026-03-03
vision: "Back in an office job"   # her words
goals:
  - id: G1
    term: short
    text: Office coordinator
    milestones:
      # the first one is the hardest
      - id: M1
        text: Resume final
        due: 2026-03-10

      - id: M2
        text: Five applications
        due: 2026-03-20
    objectives:
      - id: O1
        text: Finish the Excel course
        services: [S1]
notes: |
  Line one.
  Line two.
`

func TestEdits(t *testing.T) {
	tests := []struct {
		name string
		edit func([]byte) ([]byte, error)
		want string // the diff, as "-old" and "+new" lines in order
	}{
		{"set a new key at the end of a list item's mapping", func(b []byte) ([]byte, error) {
			return Set(b, []string{"goals", "0", "milestones", "1", "done"}, "2026-03-19")
		}, "+        done: \"2026-03-19\""},
		{"replace a quoted scalar, keeping its comment", func(b []byte) ([]byte, error) {
			return Set(b, []string{"vision"}, "Back in an office job, full time")
		}, "-vision: \"Back in an office job\"   # her words\n+vision: Back in an office job, full time   # her words"},
		{"replace a plain scalar", func(b []byte) ([]byte, error) {
			return Set(b, []string{"goals", "0", "milestones", "0", "due"}, 20260312)
		}, "-        due: 2026-03-10\n+        due: 20260312"},
		{"replace a block scalar", func(b []byte) ([]byte, error) {
			return Set(b, []string{"notes"}, "Only one line now.")
		}, "-notes: |\n-  Line one.\n-  Line two.\n+notes: Only one line now."},
		{"append to a nested list after a blank line and comment", func(b []byte) ([]byte, error) {
			return Append(b, []string{"goals", "0", "milestones"}, map[string]string{"id": "M3"})
		}, "+      - id: M3"},
		{"append to a flow list", func(b []byte) ([]byte, error) {
			return Append(b, []string{"goals", "0", "objectives", "0", "services"}, "S2")
		}, "-        services: [S1]\n+        services: [S1, S2]"},
		{"append to a missing list inside an existing item", func(b []byte) ([]byte, error) {
			return Append(b, []string{"goals", "0", "objectives", "0", "steps"}, "call the college")
		}, "+        steps:\n+          - call the college"},
		{"set a key under a missing mapping", func(b []byte) ([]byte, error) {
			return Set(b, []string{"self_sufficiency", "contingency", "crisis"}, "Call the navigator")
		}, "+self_sufficiency:\n+  contingency:\n+    crisis: Call the navigator"},
		{"delete a list item", func(b []byte) ([]byte, error) {
			return Delete(b, []string{"goals", "0", "milestones", "0"})
		}, "-      - id: M1\n-        text: Resume final\n-        due: 2026-03-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.edit([]byte(plan))
			if err != nil {
				t.Fatal(err)
			}
			if d := diff(plan, string(got)); d != tt.want {
				t.Errorf("diff:\n%s\nwant:\n%s\nresult:\n%s", d, tt.want, got)
			}
			var v any
			if err := yaml.Unmarshal(got, &v); err != nil {
				t.Errorf("result does not parse: %v", err)
			}
		})
	}
}

// diff lists the lines removed and added between a and b (which differ in
// one contiguous region, as every edit here does).
func diff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	ja, jb := len(al), len(bl)
	for ja > i && jb > i && al[ja-1] == bl[jb-1] {
		ja--
		jb--
	}
	var out []string
	for _, l := range al[i:ja] {
		out = append(out, "-"+l)
	}
	for _, l := range bl[i:jb] {
		out = append(out, "+"+l)
	}
	return strings.Join(out, "\n")
}

func TestSetMissingListItem(t *testing.T) {
	if _, err := Set([]byte(plan), []string{"goals", "3", "text"}, "x"); err == nil {
		t.Fatal("want an error for a list item that does not exist")
	}
}

// A key with no value at all ("phone:" and nothing, or a space) takes the
// new value as a whole entry: writing it where the parser guesses the empty
// value starts made "phone:x" once, which YAML reads as a key (found by
// FuzzSet).
func TestSetEmptyValue(t *testing.T) {
	for _, in := range []string{"phone: \nname: Ana\n", "phone:\nname: Ana\n"} {
		out, err := Set([]byte(in), []string{"phone"}, "555-0100")
		if err != nil {
			t.Fatal(err)
		}
		if want := "phone: 555-0100\nname: Ana\n"; string(out) != want {
			t.Errorf("Set on %q = %q, want %q", in, out, want)
		}
	}
}

// TestOddLineBreaks: a file whose lines YAML breaks where the editor does
// not (a lone CR, NEL, LINE or PARAGRAPH SEPARATOR), or that is not UTF-8,
// is refused with a reason, never edited at the wrong place; CRLF files are
// edited.
func TestOddLineBreaks(t *testing.T) {
	for _, data := range []string{"\r0: 1\n", "a: 1\rb: 2\n", "a: 1\u2028b: 2\n", "a: 1\u0085b: 2\n", "a: x\u2029\n"} {
		if out, err := Set([]byte(data), []string{"a"}, "2"); err == nil || !strings.Contains(err.Error(), "line breaks") {
			t.Errorf("Set(%q) = %q, %v; want the line breaks refused", data, out, err)
		}
	}
	for _, data := range []string{"\xfe\xff", "\xff\xfea\x00:\x00 \x001\x00\n\x00", "name: Jos\xe9\n"} {
		if out, err := Set([]byte(data), []string{"a"}, "2"); err == nil || !strings.Contains(err.Error(), "not UTF-8") {
			t.Errorf("Set(%q) = %q, %v; want the encoding refused", data, out, err)
		}
	}
	out, err := Set([]byte("a: 1\r\nb: 2\r\n"), []string{"a"}, "three")
	if err != nil || string(out) != "a: three\r\nb: 2\r\n" {
		t.Errorf("a CRLF file: %q, %v", out, err)
	}
}

// TestScalarOverSeveralLines: a plain or quoted value that goes on over
// the next lines is replaced whole, never only its first line (FuzzSet
// found "0: 0\n 0", whose value is "0 0").
func TestScalarOverSeveralLines(t *testing.T) {
	for _, data := range []string{
		"status: waiting for\n  the letter\nb: 1\n",
		"status: \"waiting for\n  the letter\"\nb: 1\n",
	} {
		out, err := Set([]byte(data), []string{"status"}, "open")
		if want := "status: open\nb: 1\n"; err != nil || string(out) != want {
			t.Errorf("Set(%q) = %q, %v; want %q", data, out, err, want)
		}
	}
	// A value on the line after its key, on that line alone, is replaced
	// where it stands.
	out, err := Set([]byte("status:\n  waiting\nb: 1\n"), []string{"status"}, "open")
	if want := "status:\n  open\nb: 1\n"; err != nil || string(out) != want {
		t.Errorf("a value on its own line: %q, %v; want %q", out, err, want)
	}
}

// TestExplicitKeyRefused: a key written after YAML's "?" indicator is
// refused with its line, never edited at positions go-yaml gives for it
// (FuzzSet found "?" alone: its value lies past the end of the file). A
// "?" inside a value is no such key.
func TestExplicitKeyRefused(t *testing.T) {
	for data, line := range map[string]string{"?": "line 1", "a: 1\n? b\n: 2\n": "line 2", "list:\n  - ? x\n    : 1\n": "line 2"} {
		out, err := Set([]byte(data), []string{"c"}, "3")
		if err == nil || !strings.Contains(err.Error(), line+" has a key written after") {
			t.Errorf("Set(%q) = %q, %v; want the explicit key on %s refused", data, out, err, line)
		}
	}
	out, err := Set([]byte("q: what? really\n"), []string{"c"}, "3")
	if err != nil || string(out) != "q: what? really\nc: \"3\"\n" {
		t.Errorf("a question mark in a value: %q, %v", out, err)
	}
}

// A value of several lines written just before a comment or a line of
// spaces is double-quoted: as a block scalar ("|") it would take them in
// as part of its text. Found by FuzzSet.
func TestBlockScalarBeforeCommentOrSpaces(t *testing.T) {
	for _, tc := range []struct {
		data string
		path []string
		v    any
	}{
		{"0: x\n   \n", []string{"0"}, "\n0"},
		{"a: x\n  # a comment\nb: 1\n", []string{"a"}, "line one\nline two"},
		{"a:\n  - x\n  # a comment\n", []string{"a", "0"}, "one\ntwo"},
		{"a:\n  b: 1\n    # indented\n", []string{"a", "c"}, "one\ntwo"},
		{"a:\n  - x\n    \n", []string{"a"}, []any{"x", "one\ntwo"}},
	} {
		out, err := Set([]byte(tc.data), tc.path, tc.v)
		if err != nil {
			t.Fatalf("Set(%q, %v): %v", tc.data, tc.path, err)
		}
		var got map[string]any
		if err := yaml.Unmarshal(out, &got); err != nil {
			t.Fatalf("%q: %v", out, err)
		}
		var v any = got
		for _, k := range tc.path {
			switch m := v.(type) {
			case map[string]any:
				v = m[k]
			case []any:
				v = m[0]
			}
		}
		if fmt.Sprint(v) != fmt.Sprint(tc.v) {
			t.Errorf("Set(%q, %v, %q) reads back %q:\n%s", tc.data, tc.path, tc.v, v, out)
		}
		// The comments and the lines of spaces stay as they were.
		for _, line := range strings.SplitAfter(tc.data, "\n") {
			kept := strings.HasPrefix(strings.TrimSpace(line), "#") || strings.Trim(line, " \n") == "" && strings.Contains(line, " ")
			if kept && !strings.Contains(string(out), line) {
				t.Errorf("line %q lost:\n%s", line, out)
			}
		}
	}
	// Nothing but content after it: a block scalar, as before.
	out, _ := Set([]byte("a: x\nb: 1\n"), []string{"a"}, "one\ntwo")
	if !strings.Contains(string(out), "a: |") {
		t.Errorf("no block scalar:\n%s", out)
	}
}

// An empty record written as "{}" (by hand, or by a tool that writes
// JSON-style YAML) is the empty document it means: a command adds to it
// as to an empty file, its comments kept. A non-empty flow mapping at
// the top level is refused naming the file's top level, not an empty
// path.
func TestEmptyFlowDocument(t *testing.T) {
	in := "# yaml-language-server: $schema=../../schemas/outcome.schema.json\n{}\n"
	got, err := Append([]byte(in), []string{"follow_ups"}, map[string]string{"done": "2026-11-20"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "# yaml-language-server: $schema=../../schemas/outcome.schema.json\nfollow_ups:\n  - done: \"2026-11-20\"\n"; string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := Set([]byte("{a: 1}\n"), []string{"b", "c"}, "x"); err == nil || !strings.HasPrefix(err.Error(), "the file's top level (line 1) is written in flow style") {
		t.Errorf("a top-level flow mapping: err %v, want one naming the file's top level", err)
	}
}

// A flow collection a change must edit inside is refused with a
// FlowStyleError (the record's to fix, exit 1), whose hint shows it in
// block form with every value as typed: a quoted date stays quoted.
func TestFlowStyleError(t *testing.T) {
	in := "{goal: Find work, status: active, since: \"2026-03-02\", steps: [Call, Visit]}\n"
	_, err := Set([]byte(in), []string{"next", "due"}, "2026-04-01")
	var fe *FlowStyleError
	if !errors.As(err, &fe) || fe.Owner != "the file's top level" || fe.Line != 1 {
		t.Fatalf("err %#v, want a FlowStyleError at the top level, line 1", err)
	}
	want := "  goal: Find work\n  status: active\n  since: \"2026-03-02\"\n  steps:\n    - Call\n    - Visit"
	if fe.Block != want {
		t.Errorf("block form\n%s\nwant\n%s", fe.Block, want)
	}
	if !strings.HasSuffix(fe.Hint(), "in block form it reads:\n"+want) {
		t.Errorf("hint %q does not show the block form", fe.Hint())
	}
	_, err = Delete([]byte("{a: 1, b: 2}\n"), []string{"a"})
	if !errors.As(err, &fe) {
		t.Errorf("a delete inside a flow mapping: err %v, want a FlowStyleError", err)
	}
}
