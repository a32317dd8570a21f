package casework

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/rosterimport"
)

// TestDoublesAdviceReadsAsValidate: the intake a doubling row is compared
// with is read as validate reads it. One go-yaml alone would read — a
// YAML 1.1 "eligible: yes" taken for true, which validate refuses — is not compared
// field by field (the advice would name a caseplan case set that refuses
// the case); the row gets the general advice, as for an intake that does
// not parse.
func TestDoublesAdviceReadsAsValidate(t *testing.T) {
	const id = "W-001"
	intake := "id: W-001\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Ana Example\n  phone: 555-0100\n"
	row := &rosterimport.Entry{Name: "Ana Example", Phone: "555-0199"}

	s := workTreeState(t, id, map[string]string{"cases/" + id + "/intake.yaml": intake})
	if got := doublesAdvice(readIntake(s, id), id, row, "2026-ACME"); !strings.Contains(got, "--phone 555-0199") {
		t.Fatalf("a valid intake: %s", got)
	}
	s = workTreeState(t, id, map[string]string{"cases/" + id + "/intake.yaml": intake + "eligibility:\n  - program: wioa\n    determined: 2026-03-02\n    eligible: yes\n"})
	if got, want := doublesAdvice(readIntake(s, id), id, row, "2026-ACME"), "if the roster has newer details for the worker, change the case with caseplan case set "+id; got != want {
		t.Errorf("an intake validate refuses:\n got %s\nwant %s", got, want)
	}
}

// TestDoublesAdviceOtherCohort: a row that doubles a case in no detail is
// a duplicate only when the case is not of the cohort imported (a case of
// it makes the row unchanged), and the advice says so rather than "every
// detail", which would leave the coordinator asking why it is refused.
func TestDoublesAdviceOtherCohort(t *testing.T) {
	in := &record.Intake{ID: "W-001", Participant: record.Participant{Name: "Ana Example", Phone: "555-0100"}}
	row := &rosterimport.Entry{Name: "ANA EXAMPLE", Phone: "(555) 0100"}
	if got, want := doublesAdvice(in, "W-001", row, "2026-ACME"), "the case has every detail this row gives but is in no cohort, and an import never adds a case to 2026-ACME"; got != want {
		t.Errorf("a case of no cohort:\n got %s\nwant %s", got, want)
	}
	in.Cohort = "2025-OLD"
	if got := doublesAdvice(in, "W-001", row, "2026-ACME"); !strings.Contains(got, "is in cohort 2025-OLD") {
		t.Errorf("a case of another cohort: %s", got)
	}
}
