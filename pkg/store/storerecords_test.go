package store

import (
	"strings"
	"testing"
)

// TestStoreRecords: cases/cohorts/ and cases/import-rules/ are read as
// the store's own records whichever cases are loaded, never as cases; an
// unreadable cohort is still a cohort the store has.
func TestStoreRecords(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cases/caseplan.yaml":              configYAML,
		"cases/2026-AAAA1/intake.yaml":     intakeYAML("2026-AAAA1") + "cohort: 2026-ACME\n",
		"cases/cohorts/2026-ACME.yaml":     "id: 2026-ACME\nemployer: Acme Example Works\nnotice_date: 2026-03-02\nlayoff_dates: [2026-05-01]\n",
		"cases/cohorts/2026-BAD.yaml":      "id: [\n",
		"cases/cohorts/notes.txt":          "not a record\n",
		"cases/import-rules/acme.yaml":     "program: ws\n",
		"cases/import-rules/old/acme.yaml": "program: ws\n",
	})
	for _, only := range [][]string{nil, {}, {"2026-AAAA1"}} {
		snap, fs := mustLoad(t, openWorkTree(t, root), only)
		for _, c := range snap.Cases {
			if c.ID != "2026-AAAA1" {
				t.Errorf("only=%v: a case %q", only, c.ID)
			}
		}
		if c := snap.Cohorts["2026-ACME"]; c == nil || c.Employer != "Acme Example Works" {
			t.Errorf("only=%v: cohort 2026-ACME = %+v", only, c)
		}
		if c, ok := snap.Cohorts["2026-BAD"]; !ok || c != nil {
			t.Errorf("only=%v: an unreadable cohort is present and nil: %v, %v", only, c, ok)
		}
		if len(snap.StoreDocs) != 2 {
			t.Errorf("only=%v: %d store records parsed, want 2 (the readable cohort and the rules)", only, len(snap.StoreDocs))
		}
		got := strings.Join(rulesAt(fs), "\n")
		for _, want := range []string{"cases/cohorts/2026-BAD.yaml yaml-syntax error", "cases/cohorts/notes.txt unknown-file warning", "cases/import-rules/old unknown-file warning"} {
			if !strings.Contains(got, want) {
				t.Errorf("only=%v: no %s in\n%s", only, want, got)
			}
		}
	}
}
