package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// TestCaseShowClosure: a closed case says when and why it closed — the
// closure's date, reason and notes as outcome.yaml records them — in the
// text's Closed line and the JSON's closure, so that a file review need
// not open outcome.yaml; on a day before the closure, and after a
// reopening, there is none (null).
func TestCaseShowClosure(t *testing.T) {
	config := "organization: Test Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  wioa:\n    kind: wioa\n"
	intake := "id: C1\nopened: 2026-03-02\nprogram: wioa\nstatus: closed\nmanager: mrivera\nparticipant:\n  name: Ana Example\n"
	outcome := "closures:\n  - id: CL-K7QX2\n    date: 2026-06-10\n    reason: moved\n    notes: moved to another state; referred to the career center there\n"
	snap := storetest.Load(t, storetest.MemStore{
		"cases/caseplan.yaml":   config,
		"cases/C1/intake.yaml":  intake,
		"cases/C1/outcome.yaml": outcome,
		"cases/C2/intake.yaml":  strings.ReplaceAll(strings.ReplaceAll(intake, "C1", "C2"), "closed", "open"),
		"cases/C2/outcome.yaml": outcome + "reopenings:\n  - date: 2026-07-01\n    reason: back in the county\n",
	})
	for _, tc := range []struct {
		id, day, json, line string
	}{
		{"C1", "2026-11-24", `"closure":{"id":"CL-K7QX2","date":"2026-06-10","reason":"moved","notes":"moved to another state; referred to the career center there"}`,
			"\nClosed:       2026-06-10, moved: moved to another state; referred to the career center there\n"},
		{"C1", "2026-06-01", `"closure":null`, ""},
		{"C2", "2026-11-24", `"closure":null`, ""},
		{"C2", "2026-06-20", `"closure":{"id":"CL-K7QX2","date":"2026-06-10"`, "\nClosed:       2026-06-10, moved: "},
	} {
		v, err := newCaseShowView(snap, nil, tc.id, storetest.Day(tc.day))
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), tc.json) {
			t.Errorf("%s on %s: json:\n%s\nwant %s", tc.id, tc.day, b, tc.json)
		}
		var text strings.Builder
		v.write(&text, 0)
		switch {
		case tc.line == "" && strings.Contains(text.String(), "\nClosed:"):
			t.Errorf("%s on %s: a Closed line on a case open then:\n%s", tc.id, tc.day, text.String())
		case tc.line != "" && !strings.Contains(text.String(), tc.line):
			t.Errorf("%s on %s: text:\n%s\nwant %q", tc.id, tc.day, text.String(), tc.line)
		}
	}
}

// TestCaseShowExited: a WIOA case whose exit is recorded (case exit, PIRL
// 901) says so on its Status line and in the JSON's participation.exited,
// from the exit's date on; before it, and for a case with none, "".
func TestCaseShowExited(t *testing.T) {
	config := "organization: Test Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  wioa:\n    kind: wioa\n"
	intake := "id: C1\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Ana Example\n"
	snap := storetest.Load(t, storetest.MemStore{
		"cases/caseplan.yaml":                 config,
		"cases/C1/intake.yaml":                intake + "exited: 2026-06-10\n",
		"cases/C1/notes/2026-03-02-aaaa.yaml": "id: 2026-03-02-aaaa\ndate: 2026-03-02\nauthor: mrivera\nkind: intake\nmode: in-person\ntwo_way: true\nservices:\n  - career-planning\n",
	})
	for _, tc := range []struct{ day, json, status string }{
		{"2026-11-24", `"exited":"2026-06-10"}`, ", exited 2026-06-10 (PIRL 901)\n"},
		{"2026-06-09", `"exited":""}`, "\n"},
	} {
		v, err := newCaseShowView(snap, nil, "C1", storetest.Day(tc.day))
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), tc.json) {
			t.Errorf("on %s: json:\n%s\nwant %s", tc.day, b, tc.json)
		}
		var text strings.Builder
		v.write(&text, 0)
		if want := "\nStatus:       open, opened 2026-03-02, participation 2026-03-02 (PIRL 900; counted from the opening: no eligibility determination is recorded)" + tc.status; !strings.Contains(text.String(), want) {
			t.Errorf("on %s: text:\n%s\nwant %q", tc.day, text.String(), want)
		}
	}
}
