package casework

import (
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// The outcomes the performance indicators read: a follow-up after exit
// records the quarter it reports on, from the exit date; credentials,
// skill gains and exclusions are added with IDs; what the indicators could
// not use is refused.
func TestPerformanceOutcomes(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	w := openWorkspace(t, dir, maria)
	w.Rand = strings.NewReader(strings.Repeat("0123456789abcdef", 8))
	apply := func(build Build) (*Result, error) {
		t.Helper()
		return w.Apply([]string{"W-001"}, build)
	}
	must := func(build Build) *Result {
		t.Helper()
		res, err := apply(build)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	refused := func(build Build, want string) {
		t.Helper()
		_, err := apply(build)
		var in *InputError
		if !errors.As(err, &in) || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want an input error saying %q", err, want)
		}
	}
	// The exit is 2026-06-30 (2026-Q2): the 2nd quarter after exit is
	// 2026-Q4, the 4th 2027-Q2.
	w.Today = day("2026-07-01")
	must((&ExitCase{Case: "W-001", Date: day("2026-06-30")}).Build)
	w.Today = day("2026-11-02")
	note := must(AddNote{Case: "W-001", Note: record.Note{Date: "2026-11-02", Kind: "follow-up", Mode: "phone", TwoWay: true, Services: []string{"follow-up"}, Content: "Said she works at the bakery"}}.Build).Change.Output

	w.Today = day("2027-01-12")
	yes, earnings := true, 5200.0
	fu := AddFollowUp{Case: "W-001", Date: day("2027-01-12"), Due: day("2026-12-15"), Employed: &yes,
		Employer: "Corner Bakery", EmployerFEIN: "00-0000123", Earnings: &earnings, Evidence: record.EvidenceSelfAttestation}
	refused(fu.Build, "a self-attestation of employment needs the note that records it")
	fu.EvidenceNote = "2026-11-09-nope"
	refused(fu.Build, "case W-001 has no note 2026-11-09-nope")
	fu.EvidenceNote = note
	res := must(fu.Build)
	if got := res.Change.Summary; got != "follow-up on 2027-01-12 for the 2nd quarter after exit (employed)" {
		t.Errorf("summary %q", got)
	}
	if !strings.HasPrefix(res.Change.Output, "FU-") {
		t.Errorf("follow-up ID %q", res.Change.Output)
	}
	out := readTestFile(t, dir, "cases/W-001/outcome.yaml")
	want := `  - id: ` + res.Change.Output + `
    due: 2026-12-15
    done: 2027-01-12
    quarter: 2
    employed: true
    employer: Corner Bakery
    employer_fein: 00-0000123
    earnings: 5200
    evidence: self-attestation
    evidence_note: ` + note + `
`
	if !strings.Contains(out, want) {
		t.Errorf("outcome.yaml:\n%s\nwant it to hold:\n%s", out, want)
	}
	refused(AddFollowUp{Case: "W-001", Date: day("2027-01-12"), Evidence: "a hunch"}.Build, `evidence "a hunch" is not one of`)

	// A follow-up planned by hand for the 4th quarter (2027-Q2) is marked
	// done in place: the quarter and the new fields go where a fresh
	// record has them, after its comment's line.
	writeTestFile(t, dir, "cases/W-001/outcome.yaml", readTestFile(t, dir, "cases/W-001/outcome.yaml")+"  - due: 2027-06-15 # the last one\n")
	if _, err := w.CommitEdits("plan the 4th-quarter follow-up"); err != nil {
		t.Fatal(err)
	}
	w.Today = day("2027-06-20")
	wage := 21.0
	must(AddFollowUp{Case: "W-001", Date: day("2027-06-20"), Due: day("2027-06-15"), Employed: &yes, Wage: &wage,
		EmployerStateID: "ST-0000123", Evidence: record.EvidenceWageRecord}.Build)
	if out := readTestFile(t, dir, "cases/W-001/outcome.yaml"); !strings.HasSuffix(out, `  - due: 2027-06-15 # the last one
    done: 2027-06-20
    quarter: 4
    employed: true
    employer_state_id: ST-0000123
    wage: 21
    evidence: wage-record
`) {
		t.Errorf("outcome.yaml:\n%s", out)
	}
	w.Today = day("2027-01-12")

	cr := &AddCredential{Case: "W-001", Credential: record.Credential{Kind: record.CredentialOccupationalCertification, Name: "CNA", Date: "2027-01-05"}}
	res = must(cr.Build)
	if !strings.HasPrefix(res.Change.Output, "CR-") || cr.Credential.ID != res.Change.Output {
		t.Errorf("credential ID %q, %q", res.Change.Output, cr.Credential.ID)
	}
	if res.Change.Action != "credential.add" || res.Change.Summary != `record a credential (occupational-certification "CNA") on 2027-01-05` {
		t.Errorf("change %s: %s", res.Change.Action, res.Change.Summary)
	}
	refused((&AddCredential{Case: "W-001", Credential: record.Credential{Kind: record.CredentialBachelorDegree, Date: "2027-01-05", EducationEntered: "2027-01-06"}}).Build, "--education-entered says what makes a secondary diploma count")
	refused((&AddCredential{Case: "W-001", Credential: record.Credential{Kind: "diploma", Date: "2027-01-05"}}).Build, `credential kind "diploma" is not one of`)
	refused((&AddCredential{Case: "W-001", Credential: record.Credential{Kind: record.CredentialOther, Date: "2027-02-05"}}).Build, "is after today")

	refused((&AddSkillGain{Case: "W-001", Gain: record.SkillGain{Kind: "secondary-diploma", Date: "2027-01-05"}}).Build, "a secondary diploma is a credential")
	must((&AddSkillGain{Case: "W-001", Gain: record.SkillGain{Kind: record.GainSkillsProgression, Date: "2027-01-05"}}).Build)

	ex := &AddExclusion{Case: "W-001", Exclusion: record.Exclusion{Kind: record.ExclusionHealthMedical, Date: "2027-01-10"}}
	res = must(ex.Build)
	// The reason stays in the record: a health matter is not a commit message.
	if res.Change.Summary != "record an exclusion on 2027-01-10" {
		t.Errorf("summary %q", res.Change.Summary)
	}
	if strings.Contains(res.Change.Summary, "health") {
		t.Errorf("the summary names the reason: %q", res.Change.Summary)
	}
	out = readTestFile(t, dir, "cases/W-001/outcome.yaml")
	for _, s := range []string{"credentials:\n  - id: CR-", "skill_gains:\n  - id: SG-", "exclusions:\n  - id: EX-"} {
		if !strings.Contains(out, s) {
			t.Errorf("outcome.yaml has no %q:\n%s", s, out)
		}
	}

	// A training type belongs to a training service.
	p := AddPlanService{Case: "W-001", Service: record.PlanService{Name: "Job club", Code: "job-search", TrainingType: record.TrainingOnTheJob}}
	refused(p.Build, `a training type is for a training service; service code "job-search" is not one`)
	p.Service = record.PlanService{Name: "Forklift OJT", Code: "training", TrainingType: record.TrainingOnTheJob, Start: "2027-01-04"}
	must(p.Build)
	if plan := readTestFile(t, dir, "cases/W-001/iep.yaml"); !strings.Contains(plan, "    training_type: on-the-job\n") {
		t.Errorf("iep.yaml:\n%s", plan)
	}
}

// Credentials, skill gains and exclusions are WIOA's: a work-security case
// has none.
func TestPerformanceOutcomesAreWIOA(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t)
	w := openWorkspace(t, dir, maria)
	if _, err := w.Apply(nil, NewCase{ID: "WS-1", Program: "work-security", Name: "Sam Sample", Opened: testToday,
		NoticeDate: testToday, LayoffDate: testToday.AddDate(0, 2, 0)}.Build); err != nil {
		t.Fatal(err)
	}
	_, err := w.Apply([]string{"WS-1"}, (&AddExclusion{Case: "WS-1", Exclusion: record.Exclusion{Kind: record.ExclusionDeceased, Date: "2026-03-01"}}).Build)
	if err == nil || !strings.Contains(err.Error(), "not a WIOA program") {
		t.Errorf("error %v", err)
	}
}
