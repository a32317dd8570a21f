package validate

import (
	"strings"
	"testing"
)

// TestPIIBlockScalar: a leak on the second line of a block scalar is
// reported at that line; an SSN is a file-level error (a write never
// commits a file holding one) whose message does not repeat it; a
// separated SSN is the schema's finding alone.
func TestPIIBlockScalar(t *testing.T) {
	m := base()
	const note = "cases/W1/notes/2026-03-05-ab12.yaml"
	m.edit(note, "content: Discussed training options", "content: |\n  Discussed training options.\n  Her ssn: 987654321, read out by mistake.\nresults: SSN 123-45-6789")
	var got []string
	for _, f := range run(t, m, today) {
		if f.Severity != "error" {
			continue
		}
		got = append(got, f.String())
		if strings.Contains(f.Message, "987654321") || strings.Contains(f.Message, "6789") {
			t.Errorf("the message repeats the number: %s", f)
		}
		if f.Rule == RulePIISSN && !f.FileLevel {
			t.Errorf("not file-level: %s", f)
		}
	}
	want := []string{
		note + ":10:12: error pii-ssn: content: holds a number shaped like a Social Security number",
		note + ":11:10: error schema: results: holds a number shaped like a Social Security number",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got  %s\nwant %s...", got[i], want[i])
		}
	}
}
