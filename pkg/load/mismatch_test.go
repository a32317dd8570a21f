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
