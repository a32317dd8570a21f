package layout

import "testing"

// TestStoreLevelRecords: cohorts and import rules live in directories of
// cases/ that are never a case, and are records of their own kinds.
func TestStoreLevelRecords(t *testing.T) {
	for p, want := range map[string]string{
		"cases/cohorts/2026-ACME.yaml":      KindCohort,
		"cases/import-rules/acme.yaml":      KindImportRules,
		"cases/cohorts/2026-ACME.yml":       "",
		"cases/cohorts/.hidden.yaml":        "",
		"cases/cohorts/sub/x.yaml":          "",
		"cases/cohorts/intake.yaml":         KindCohort, // a cohort named intake, not a case's intake
		"cases/import-rules/notes/a.yaml":   "",
		"cases/cohorts/notes/x.yaml":        "",
		"cases/cohortsX/intake.yaml":        KindIntake,
		"cases/import-rules/.yaml":          "",
		"cases/import-rules/acme.yaml/more": "",
	} {
		got, ok := KindOf(p)
		if got != want || ok != (want != "") {
			t.Errorf("KindOf(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
	for _, p := range []string{"cases/cohorts/2026-ACME.yaml", "cases/cohorts", "cases/import-rules/acme.yaml"} {
		if id, ok := CaseOf(p); ok {
			t.Errorf("CaseOf(%q) = %q: a store-level record belongs to no case", p, id)
		}
	}
	if got := Cohort("2026-ACME"); got != "cases/cohorts/2026-ACME.yaml" {
		t.Errorf("Cohort = %q", got)
	}
	if got := ImportRules("acme"); got != "cases/import-rules/acme.yaml" {
		t.Errorf("ImportRules = %q", got)
	}
	if name, ok := RecordName("cases/cohorts/2026-ACME.yaml"); !ok || name != "2026-ACME" {
		t.Errorf("RecordName = %q, %v", name, ok)
	}
	if _, ok := RecordName("cases/X/intake.yaml"); ok {
		t.Error("RecordName of an intake record")
	}
	if m, _ := Modeline("cases/cohorts/2026-ACME.yaml"); m != "# yaml-language-server: $schema=../../schemas/cohort.schema.json\n" {
		t.Errorf("Modeline = %q", m)
	}
	for _, d := range StoreDirs() {
		if !IsStoreDir(d) {
			t.Errorf("IsStoreDir(%q) is false", d)
		}
	}
}
