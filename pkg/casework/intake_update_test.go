package casework

import (
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// intakeListsStore returns a store with a WIOA case, W-001, opened on
// 2026-03-02, whose intake a person wrote by hand with comments: two team
// members, a barrier and an assessment.
func intakeListsStore(t *testing.T) string {
	t.Helper()
	dir, _ := cached(t, "intake lists", func(t *testing.T, dir string) string {
		openTestCase(t, dir, "W-001")
		writeTestFile(t, dir, "cases/W-001/intake.yaml", `# yaml-language-server: $schema=../../schemas/intake.schema.json
id: W-001
opened: 2026-03-02
program: wioa
status: open
manager: mrivera
participant:
  name: Ana Example
team:
  # Both met Ana at the job fair.
  - name: Alex Example
    role: navigator
    phone: 555-0130 # desk line
    notes: Prefers email
  - name: Jo Example
    role: counselor
barriers:
  - kind: transportation
    detail: No car; bus takes 90 minutes
    status: open
assessments:
  - tool: Skills Assessment Form
    date: 2026-03-03
`)
		gitCLI(t, dir, "add", "-A")
		gitCLI(t, dir, "commit", "-q", "-m", "intake by hand")
		return ""
	})
	return dir
}

// TestIntakeUpdates resolves a barrier, updates and removes team members
// and corrects an assessment: each one commit with its action, changing
// only its lines; the comments stay, and removing the last team member
// removes the team key, which the schema would not take empty.
func TestIntakeUpdates(t *testing.T) {
	isolateHome(t)
	dir := intakeListsStore(t)
	for _, s := range []struct {
		build           Build
		action, summary string
	}{
		{ResolveBarrier{Case: "W-001", Barrier: "Transportation", Date: "2026-03-10"}.Build, "case.barrier.resolve", "resolve barrier 1 (transportation) on 2026-03-10"},
		{UpdateTeamMember{Case: "W-001", Member: "alex example", Phone: str("555-0131"), Notes: str(""), Email: str("alex@example.org")}.Build, "case.team.update", `update team member "Alex Example": phone, email, notes removed`},
		{RemoveTeamMember{Case: "W-001", Member: "2"}.Build, "case.team.remove", `remove "Jo Example" (counselor) from the team`},
		{UpdateAssessment{Case: "W-001", Assessment: "1", Summary: str("Scheduling, records"), Date: str("2026-03-04")}.Build, "case.assessment.update", `update assessment 1 "Skills Assessment Form": date 2026-03-04, summary`},
	} {
		res := applyTo(t, dir, "W-001", s.build)
		if res.Change.Action != s.action || res.Change.Summary != s.summary {
			t.Errorf("change: %s %q, want %s %q", res.Change.Action, res.Change.Summary, s.action, s.summary)
		}
		if got := gitCLI(t, dir, "log", "-1", "--format=%(trailers:key=Caseplan-Action,valueonly)"); got != s.action {
			t.Errorf("trailer %q, want %q", got, s.action)
		}
	}
	want := `# yaml-language-server: $schema=../../schemas/intake.schema.json
id: W-001
opened: 2026-03-02
program: wioa
status: open
manager: mrivera
participant:
  name: Ana Example
team:
  # Both met Ana at the job fair.
  - name: Alex Example
    role: navigator
    phone: 555-0131 # desk line
    email: alex@example.org
barriers:
  - kind: transportation
    detail: No car; bus takes 90 minutes
    status: addressed
    resolved: 2026-03-10
assessments:
  - tool: Skills Assessment Form
    date: 2026-03-04
    summary: Scheduling, records
`
	if got := readTestFile(t, dir, "cases/W-001/intake.yaml"); got != want {
		t.Errorf("intake.yaml:\n%s\nwant:\n%s", got, want)
	}
	applyTo(t, dir, "W-001", RemoveTeamMember{Case: "W-001", Member: "Alex Example"}.Build)
	if got := readTestFile(t, dir, "cases/W-001/intake.yaml"); strings.Contains(got, "team") || strings.Contains(got, "Alex") || !strings.Contains(got, "  name: Ana Example\nbarriers:\n") {
		t.Errorf("intake.yaml after removing the last member:\n%s", got)
	}
}

func TestIntakeUpdatesRefused(t *testing.T) {
	isolateHome(t)
	dir := intakeListsStore(t)
	applyTo(t, dir, "W-001", ResolveBarrier{Case: "W-001", Barrier: "1", Date: "2026-03-10"}.Build)
	for _, tt := range []struct {
		name  string
		build Build
		want  string
	}{
		{"resolved twice", ResolveBarrier{Case: "W-001", Barrier: "transportation"}.Build, "barrier 1 (transportation) was already resolved on 2026-03-10"},
		{"no such barrier", ResolveBarrier{Case: "W-001", Barrier: "housing"}.Build, `case W-001 has no barrier "housing" (it has 1 "transportation")`},
		{"no such member", RemoveTeamMember{Case: "W-001", Member: "3"}.Build, `case W-001 has no team member 3 (it has 1 "Alex Example", 2 "Jo Example")`},
		{"a member's role removed", UpdateTeamMember{Case: "W-001", Member: "1", Role: str("")}.Build, "the role cannot be empty"},
		// A role that is none is a usage error naming the roles, not the
		// schema's finding about a write refused.
		{"a role that is none", UpdateTeamMember{Case: "W-001", Member: "1", Role: str("coach")}.Build, `--role "coach" is not one of union-representative, hr-laying-off, hr-hiring, counselor, navigator, employer, other`},
		{"nothing to change", UpdateTeamMember{Case: "W-001", Member: "1", Phone: str("555-0130")}.Build, `nothing changes: team member "Alex Example" already has these values`},
		{"an assessment after today", UpdateAssessment{Case: "W-001", Assessment: "1", Date: str("2026-03-17")}.Build, "assessment date 2026-03-17 is after today (2026-03-16)"},
		{"no assessments to name", UpdateAssessment{Case: "W-001", Assessment: "Interest profiler", Summary: str("x")}.Build, `case W-001 has no assessment "Interest profiler" (it has 1 "Skills Assessment Form")`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := captureState(t, dir)
			_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, tt.build)
			var input *InputError
			if !errors.As(err, &input) || input.Msg != tt.want {
				t.Errorf("error %v\nwant  %s", err, tt.want)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}

// TestUpdateEligibility corrects a determination's date and basis, then
// its result, each in place.
func TestUpdateEligibility(t *testing.T) {
	isolateHome(t)
	dir := intakeListsStore(t)
	applyWith(t, dir, "W-001", idSource(t, "EL-00001"), AddEligibility{Case: "W-001", Eligibility: record.Eligibility{Program: "wioa-adult", Determined: "2026-03-03", Eligible: true}}.Build)
	res := applyTo(t, dir, "W-001", UpdateEligibility{Case: "W-001", Determination: "WIOA-adult", Determined: str("2026-03-05"), Basis: str("Low income")}.Build)
	if res.Change.Action != "case.eligibility.update" || res.Change.Summary != "correct eligibility determination 1 (wioa-adult): determined 2026-03-05, basis" {
		t.Errorf("change: %s %q", res.Change.Action, res.Change.Summary)
	}
	if got := readTestFile(t, dir, "cases/W-001/intake.yaml"); !strings.Contains(got, "eligibility:\n  - id: EL-00001\n    program: wioa-adult\n    determined: 2026-03-05\n    eligible: true\n    basis: Low income\n") {
		t.Errorf("intake.yaml:\n%s", got)
	}
	no := false
	// Named by its ID, in any case, as well as by number or program.
	res = applyTo(t, dir, "W-001", UpdateEligibility{Case: "W-001", Determination: "el-00001", Eligible: &no}.Build)
	if res.Change.Summary != "correct eligibility determination 1 (wioa-adult): not eligible" {
		t.Errorf("summary %q", res.Change.Summary)
	}
	for _, tt := range []struct {
		u    UpdateEligibility
		want string
	}{
		{UpdateEligibility{Determination: "2", Basis: str("x")}, `case W-001 has no eligibility determination 2 (it has 1 "wioa-adult")`},
		{UpdateEligibility{Determination: "1", Determined: str("2026-03-17")}, "determination date 2026-03-17 is after today (2026-03-16)"},
		{UpdateEligibility{Determination: "1", Eligible: &no}, "nothing changes: eligibility determination 1 (wioa-adult) already has these values"},
	} {
		before := captureState(t, dir)
		tt.u.Case = "W-001"
		_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, tt.u.Build)
		var input *InputError
		if !errors.As(err, &input) || input.Msg != tt.want {
			t.Errorf("error %v\nwant  %s", err, tt.want)
		}
		assertSameState(t, before, captureState(t, dir))
	}
}
