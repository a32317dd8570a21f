package load

import (
	"strings"
	"testing"
)

// A value of the wrong type is said once, in plain words, with the field
// and where it is — not in go-yaml's ("cannot unmarshal !!seq into
// string").
func TestDecodeProblem(t *testing.T) {
	type member struct {
		Name string `yaml:"name"`
		Role string `yaml:"role"`
	}
	type rec struct {
		ID          string `yaml:"id"`
		Participant struct {
			Name      string `yaml:"name"`
			BestTimes string `yaml:"best_times"`
		} `yaml:"participant"`
		Team     []member `yaml:"team"`
		FTE      float64  `yaml:"fte"`
		Grant    bool     `yaml:"grant_ended"`
		Children int      `yaml:"children"`
	}
	for _, tt := range []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"a list where text belongs", "id: W-001\nparticipant:\n  name: Ana Example\n  best_times:\n    - mornings\n    - evenings\n",
			4, 3, "participant.best_times: must be text, not a list"},
		{"text where a list belongs", "id: W-001\nteam: Lee Example\n", 2, 7, "team: must be a list, not text"},
		{"in a list's item", "id: W-001\nteam:\n  - name: Lee Example\n  - name: [Kim, Example]\n", 4, 5, "team item 2.name: must be text, not a list"},
		{"text where a number belongs", "id: W-001\nfte: full\n", 2, 6, "fte: must be a number, not text"},
		{"a date where true or false belongs", "id: W-001\ngrant_ended: 2026-03-01\n", 2, 14, "grant_ended: must be true or false, not text"},
		{"a mapping where a whole number belongs", "children:\n  count: 2\n", 1, 1, "children: must be a whole number, not a mapping of fields"},
		// go-yaml would read these as true, false and 2: the schema
		// refuses them, and so does Decode.
		{"YAML 1.1 yes where true or false belongs", "id: W-001\ngrant_ended: yes\n", 2, 14, `grant_ended: must be true or false, not text ("yes"); write true`},
		{"a quoted Off", "id: W-001\ngrant_ended: 'Off'\n", 2, 14, `grant_ended: must be true or false, not text ("Off"); write false`},
		{"a decimal comma", "id: W-001\nfte: 0,5\n", 2, 6, `fte: must be a number, not text ("0,5"); write 0.5, with a point`},
		// go-yaml reads 040 in base 8, as 32, where YAML 1.2 and the
		// schema read 40: refused, with the number that was typed.
		{"a leading zero where a whole number belongs", "id: W-001\nchildren: 040\n", 2, 11, "children: 040 starts with a zero, so YAML reads it as 32 (a number in base 8), not 40; write 40"},
		{"a leading zero where a number belongs", "id: W-001\nfte: 010\n", 2, 6, "fte: 010 starts with a zero, so YAML reads it as 8 (a number in base 8), not 10; write 10"},
		{"a fraction where a whole number belongs", "id: W-001\nchildren: 2.5\n", 2, 11, "children: must be a whole number, not a number"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, fs := Parse("cases/W-001/intake.yaml", []byte(tt.src))
			if len(fs) > 0 {
				t.Fatal(fs)
			}
			var r rec
			err := d.Decode(&r)
			if err == nil {
				t.Fatal("Decode succeeded")
			}
			line, col, msg := d.DecodeProblem(&r, err)
			if line != tt.line || col != tt.col || msg != tt.msg {
				t.Errorf("DecodeProblem = %d:%d %q, want %d:%d %q", line, col, msg, tt.line, tt.col, tt.msg)
			}
			if strings.Contains(msg, "!!") || strings.Contains(msg, "unmarshal") {
				t.Errorf("go-yaml's words: %q", msg)
			}
		})
	}
}

// A leading zero that reads the same in base 8 and 10 (07), or that go-yaml
// cannot read in base 8 (09), is the number typed, and decodes; so does
// a quoted one where text belongs.
func TestDecodeLeadingZeroSame(t *testing.T) {
	var r struct {
		Children int     `yaml:"children"`
		FTE      float64 `yaml:"fte"`
		Grade    string  `yaml:"grade"`
	}
	d, fs := Parse("cases/W-001/intake.yaml", []byte("children: 07\nfte: 09\ngrade: \"054\"\n"))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	if err := d.Decode(&r); err != nil || r.Children != 7 || r.FTE != 9 || r.Grade != "054" {
		t.Errorf("Decode = %v, %+v; want 7, 9, 054", err, r)
	}
}

// A whole number written with a point is one for the schema (JSON
// Schema's integer), and decodes.
func TestDecodeWholeFloat(t *testing.T) {
	var r struct {
		Children int `yaml:"children"`
	}
	d, fs := Parse("cases/W-001/intake.yaml", []byte("children: 2.0\n"))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	if err := d.Decode(&r); err != nil || r.Children != 2 {
		t.Errorf("Decode = %v, %d; want 2", err, r.Children)
	}
}
