package validate

import (
	"strings"
	"testing"
)

// TestStoreRecords: cohorts and import rules are checked against their
// schemas, a cohort's id against its file's name; an unreadable cohort
// still exists for the cases that name it.
func TestStoreRecords(t *testing.T) {
	m := base()
	m["cases/W1/intake.yaml"] += "cohort: 2026-ACME\n"
	m["cases/WS1/intake.yaml"] += "cohort: 2026-BETA\n"
	m["cases/cohorts/2026-ACME.yaml"] = "id: 2026-ACMEE\nemployer: Acme Example Works\nnotice_date: 2026-03-02\nlayoff_dates: [2026-05-01]\n"
	m["cases/cohorts/2026-BETA.yaml"] = "id: [broken\n"
	m["cases/import-rules/acme.yaml"] = "program: ws\nmanagers: {one: mrivera}\ncolumns: {name: Name}\nseparator: '|'\n"
	var got []string
	for _, f := range run(t, m, today) {
		if f.Severity == "error" {
			got = append(got, f.String())
		}
	}
	text := strings.Join(got, "\n")
	for _, want := range []string{
		`cases/cohorts/2026-ACME.yaml:1:5: error id-mismatch: id "2026-ACMEE" differs from the file name "2026-ACME.yaml"`,
		"cases/cohorts/2026-BETA.yaml:1:",
		"cases/import-rules/acme.yaml:1:1: error schema: missing required field \"cohort\"",
		`cases/import-rules/acme.yaml:4:12: error schema: separator: "|" is not a valid choice`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %s in\n%s", want, text)
		}
	}
	if strings.Contains(text, "unknown-cohort") {
		t.Errorf("a cohort that exists, readable or not, is not unknown:\n%s", text)
	}
}
