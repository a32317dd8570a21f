package casework

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/rosterimport"
	"github.com/caseplan/caseplan/schemas"
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
	if got := doublesAdvice(readIntake(s, id), id, row, "2026-ACME", nil); !strings.Contains(got, "--phone 555-0199") {
		t.Fatalf("a valid intake: %s", got)
	}
	s = workTreeState(t, id, map[string]string{"cases/" + id + "/intake.yaml": intake + "eligibility:\n  - program: wioa\n    determined: 2026-03-02\n    eligible: yes\n"})
	if got, want := doublesAdvice(readIntake(s, id), id, row, "2026-ACME", nil), "if the roster has newer details for the worker, change the case with caseplan case set "+id; got != want {
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
	if got, want := doublesAdvice(in, "W-001", row, "2026-ACME", nil), "the case has every detail this row gives but is in no cohort, and an import never adds a case to 2026-ACME"; got != want {
		t.Errorf("a case of no cohort:\n got %s\nwant %s", got, want)
	}
	in.Cohort = "2025-OLD"
	if got := doublesAdvice(in, "W-001", row, "2026-ACME", nil); !strings.Contains(got, "is in cohort 2025-OLD") {
		t.Errorf("a case of another cohort: %s", got)
	}
}

// TestImportDuplicateRowDetailsChecked: a duplicate row's own details are
// held to what a new row's are. A roster's invalid email on a row that
// doubles a case is a problem at its row and column, the row stays a
// duplicate, and the advice leaves the email out of the caseplan case set
// it gives (case set would refuse it) while still naming the phone that
// it can take; a duplicate of an earlier row, which gives no ID, is
// checked too.
func TestImportDuplicateRowDetailsChecked(t *testing.T) {
	const rules = "cohort:\n  id: 2026-PLANT\n  employer: Example Plant Works\n  notice_date: 2026-03-02\n  layoff_dates: [2026-05-01]\n" +
		"program: wioa\nmanagers:\n  one: mrivera\ncolumns:\n  id: Employee ID\n  name: Name\n  phone: Phone\n  email: Email\n"
	s := workTreeState(t, "E1003", map[string]string{
		"cases/E1003/intake.yaml":       "id: E1003\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Riley Placeholder, Jr.\n  phone: 555-0103\n  email: riley.placeholder@example.org\nlayoff:\n  notice_date: 2026-03-02\n  layoff_date: 2026-05-01\n",
		"cases/import-rules/plant.yaml": rules,
	})
	roster := "Employee ID,Name,Phone,Email\n" +
		"E1003,\"Riley Placeholder, Jr.\",555-0193,\"riley.placeholder, jr.@example.org\"\n" +
		"E1004,Casey Demo,555-0104,casey.demo@example.org\n" +
		",Casey Demo,555-0104,\"casey.demo, @example.org\"\n"
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	plan := &ImportPlan{}
	_, err = ImportCohort{File: "week2.csv", Data: []byte(roster), RulesPath: "cases/import-rules/plant.yaml", Schemas: v, Plan: plan}.Build(s)
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("Build: %v, want an ImportError", err)
	}
	var got []string
	for _, l := range plan.Lines {
		for _, p := range l.Problems {
			got = append(got, string(l.Status)+" "+p.Format("week2.csv"))
		}
	}
	want := []string{
		"duplicate week2.csv:2:A: Employee ID: case E1003 already exists: this row would double it; the row differs from the case in phone: if the roster is newer, caseplan case set E1003 --phone 555-0193; and in email, which the case cannot take as the row writes it (see below): correct the roster",
		`duplicate week2.csv:2:D: Email: "riley.placeholder, jr.@example.org" is not a valid email address`,
		"duplicate week2.csv:4:B: Name: Casey Demo is also row 3, with the same phone number",
		`duplicate week2.csv:4:D: Email: "casey.demo, @example.org" is not a valid email address`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDoublesAdviceLeavesOutInvalid: a detail the case would refuse is
// in no command, whichever command would have taken it.
func TestDoublesAdviceLeavesOutInvalid(t *testing.T) {
	in := &record.Intake{ID: "E1003", Participant: record.Participant{Name: "Riley Placeholder", Email: "riley@example.org"}}
	row := &rosterimport.Entry{Name: "Riley Placeholder", Email: "riley, jr.@example.org"}
	got := doublesAdvice(in, "E1003", row, "2026-PLANT", map[string]bool{rosterimport.FieldEmail: true})
	if want := "the row differs from the case in email, which the case cannot take as the row writes it (see below): correct the roster"; got != want {
		t.Errorf("only an invalid detail:\n got %s\nwant %s", got, want)
	}
	if strings.Contains(got, "caseplan case set") {
		t.Errorf("advice names a command that would be refused: %s", got)
	}
}
