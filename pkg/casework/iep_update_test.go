package casework

import (
	"errors"
	"strings"
	"testing"
)

// planStore returns a store with a WIOA case, W-001 (opened 2026-03-16,
// today), whose plan a person wrote by hand, with comments.
func planStore(t *testing.T) string {
	t.Helper()
	dir, _ := cached(t, "plan", func(t *testing.T, dir string) string {
		openTestCase(t, dir, "W-001")
		writeTestFile(t, dir, "cases/W-001/iep.yaml", `# yaml-language-server: $schema=../../schemas/iep.schema.json
created: 2026-03-16
goals:
  - id: G1
    term: short
    text: Certified Nursing Assistant
    target: 2026-09-30
    status: active
    objectives:
      - id: O1
        text: Complete CNA training
        services: [S1]
    milestones:
      - id: M1
        text: Enrolled in a CNA course # the spring intake
        due: 2026-04-30
services:
  - id: S1
    name: CNA training course
    code: training
    start: 2026-04-06
    end: 2026-06-26
  - id: S2
    name: Bus pass
    code: supportive
    start: 2026-03-16
  - id: S3
    name: Resume workshop
    code: basic-career
next_steps:
  - id: N1
    owner: participant
    text: Bring the transcript
    due: 2026-03-20
job_targets:
  # Agreed at intake.
  - title: Nursing Assistant
    scope: external
  - title: Home health aide
skill_plan:
  - course: Medical terminology
    provider: Lakeside College
    status: planned
`)
		gitCLI(t, dir, "add", "-A")
		gitCLI(t, dir, "commit", "-q", "-m", "plan by hand")
		return ""
	})
	return dir
}

// TestPlanUpdates changes every kind of plan item in place, each one
// commit with its action, and compares the plan byte for byte: the
// comments and the flow-style list stay, missing keys go in field order,
// ” removes a field, a removed job target takes its lines with it.
func TestPlanUpdates(t *testing.T) {
	isolateHome(t)
	dir := planStore(t)
	for _, s := range []struct {
		build           Build
		action, summary string
	}{
		{UpdateGoal{Case: "W-001", Goal: "g1", Target: str("2026-10-31"), Text: str("Certified Nursing Assistant job")}.Build, "iep.goal.update", "update goal G1: text, target 2026-10-31"},
		{UpdateObjective{Case: "W-001", Objective: "O1", Services: []string{"s1", "S3", "S1"}}.Build, "iep.objective.update", "update objective O1: served by S1, S3"},
		{UpdatePlanService{Case: "W-001", Service: "S1", Provider: str("Lakeside College"), Start: str("2026-04-13"), End: str("")}.Build, "iep.service.update", "update service S1: provider, start 2026-04-13, end removed"},
		{EndPlanService{Case: "W-001", Service: "S2", Date: "2026-03-16"}.Build, "iep.service.end", `service S2 "Bus pass" completed on 2026-03-16`},
		{CancelPlanService{Case: "W-001", Service: "S3"}.Build, "iep.service.cancel", `cancel service S3 "Resume workshop"`},
		{UpdateMilestone{Case: "W-001", Milestone: "M1", Due: str("2026-05-15")}.Build, "iep.milestone.update", "update milestone M1: due 2026-05-15"},
		{UpdateNextStep{Case: "W-001", Step: "N1", Owner: str("manager"), Due: str("")}.Build, "iep.step.update", "update next step N1: owner, due removed"},
		{UpdateJobTarget{Case: "W-001", Target: "1", GradeMin: str("4"), Scope: str("both")}.Build, "iep.target.update", `update job target 1 "Nursing Assistant": lowest grade, scope`},
		{RemoveJobTarget{Case: "W-001", Target: "home health AIDE"}.Build, "iep.target.remove", `remove job target "Home health aide"`},
		{UpdateCourse{Case: "W-001", Course: "medical terminology", Start: str("2026-04-06")}.Build, "iep.course.update", `update course 1 "Medical terminology": start 2026-04-06`},
	} {
		res := applyTo(t, dir, "W-001", s.build)
		if res.Change.Action != s.action || res.Change.Summary != s.summary {
			t.Errorf("change: %s %q, want %s %q", res.Change.Action, res.Change.Summary, s.action, s.summary)
		}
		if got := gitCLI(t, dir, "log", "-1", "--format=%(trailers:key=Caseplan-Action,valueonly)"); got != s.action {
			t.Errorf("trailer %q, want %q", got, s.action)
		}
	}
	want := `# yaml-language-server: $schema=../../schemas/iep.schema.json
created: 2026-03-16
goals:
  - id: G1
    term: short
    text: Certified Nursing Assistant job
    target: 2026-10-31
    status: active
    objectives:
      - id: O1
        text: Complete CNA training
        services: [S1, S3]
    milestones:
      - id: M1
        text: Enrolled in a CNA course # the spring intake
        due: 2026-05-15
services:
  - id: S1
    name: CNA training course
    code: training
    provider: Lakeside College
    start: 2026-04-13
  - id: S2
    name: Bus pass
    code: supportive
    start: 2026-03-16
    end: 2026-03-16
    status: completed
  - id: S3
    name: Resume workshop
    code: basic-career
    status: cancelled
next_steps:
  - id: N1
    owner: manager
    text: Bring the transcript
job_targets:
  # Agreed at intake.
  - title: Nursing Assistant
    grade_min: "4"
    scope: both
skill_plan:
  - course: Medical terminology
    provider: Lakeside College
    start: 2026-04-06
    status: planned
`
	if got := readTestFile(t, dir, "cases/W-001/iep.yaml"); got != want {
		t.Errorf("iep.yaml:\n%s\nwant:\n%s", got, want)
	}
	applyTo(t, dir, "W-001", RemoveJobTarget{Case: "W-001", Target: "1"}.Build)
	applyTo(t, dir, "W-001", UpdateObjective{Case: "W-001", Objective: "O1", Services: []string{""}}.Build)
	if got := readTestFile(t, dir, "cases/W-001/iep.yaml"); containsAny(got, "job_targets", "Agreed at intake", "services: [") {
		t.Errorf("iep.yaml after removing the last target and the objective's services:\n%s", got)
	}
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func TestPlanUpdatesRefused(t *testing.T) {
	isolateHome(t)
	dir := planStore(t)
	applyTo(t, dir, "W-001", CancelPlanService{Case: "W-001", Service: "S3"}.Build)
	for _, tt := range []struct {
		name  string
		build Build
		want  string
	}{
		{"no such goal", UpdateGoal{Case: "W-001", Goal: "G2", Text: str("x")}.Build, `the plan of case W-001 has no goal "G2" (it has G1)`},
		{"a term", UpdateGoal{Case: "W-001", Goal: "G1", Term: str("medium")}.Build, `term "medium" is not one of short, long`},
		{"an unknown service linked", UpdateObjective{Case: "W-001", Objective: "O1", Services: []string{"S9"}}.Build, `the plan of case W-001 has no service "S9" (it has S1, S2, S3)`},
		{"nothing changes", UpdateObjective{Case: "W-001", Objective: "O1", Services: []string{"S1"}}.Build, "nothing changes: objective O1 already has these values"},
		{"a service's name removed", UpdatePlanService{Case: "W-001", Service: "S1", Name: str("")}.Build, "the name cannot be empty"},
		{"ending a cancelled service", EndPlanService{Case: "W-001", Service: "S3"}.Build, "service S3 is already cancelled"},
		{"ending before the start", EndPlanService{Case: "W-001", Service: "S1"}.Build, "service S1 starts on 2026-04-06, after 2026-03-16"},
		{"ending after today", EndPlanService{Case: "W-001", Service: "S2", Date: "2026-03-17"}.Build, "service S2 end date 2026-03-17 (--date) is after today (2026-03-16)"},
		{"cancelling twice", CancelPlanService{Case: "W-001", Service: "s3"}.Build, "service S3 is already cancelled"},
		// A field whose flag is not its label is named by the flag.
		{"a target's lowest grade given as spaces", UpdateJobTarget{Case: "W-001", Target: "1", GradeMin: str(" ")}.Build, `--grade-min " " is only spaces`},
		{"a course's name given as spaces", UpdateCourse{Case: "W-001", Course: "1", Name: str(" ")}.Build, `--course " " is only spaces`},
		{"a milestone's due removed", UpdateMilestone{Case: "W-001", Milestone: "M1", Due: str("")}.Build, "the due cannot be empty"},
		{"an owner", UpdateNextStep{Case: "W-001", Step: "N1", Owner: str("navigator")}.Build, `owner "navigator" is not one of participant, manager`},
		{"no such target", RemoveJobTarget{Case: "W-001", Target: "3"}.Build, `the job search plan of case W-001 has no job target 3 (it has 1 "Nursing Assistant", 2 "Home health aide")`},
		{"a scope", UpdateJobTarget{Case: "W-001", Target: "1", Scope: str("abroad")}.Build, `scope "abroad" is not one of internal, external, both`},
		{"no such course", UpdateCourse{Case: "W-001", Course: "Excel", Start: str("2026-04-06")}.Build, `the skill plan of case W-001 has no course "Excel" (it has 1 "Medical terminology")`},
		{"nothing given", UpdateCourse{Case: "W-001", Course: "1"}.Build, "nothing to change"},
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

// TestPlanUpdateCRLF: a plan checked out or saved with CRLF line ends
// (git sees no change) is edited in place and stored with LF, as git
// would; the result names it, for the command to say so as caseplan
// commit does, and a plan with LF ends is not named.
func TestPlanUpdateCRLF(t *testing.T) {
	isolateHome(t)
	dir := planStore(t)
	plan := "cases/W-001/iep.yaml"
	writeTestFile(t, dir, plan, strings.ReplaceAll(readTestFile(t, dir, plan), "\n", "\r\n"))
	res := applyTo(t, dir, "W-001", UpdateGoal{Case: "W-001", Goal: "G1", Target: str("2026-10-31")}.Build)
	if len(res.Normalized) != 1 || res.Normalized[0] != plan {
		t.Errorf("Normalized = %q, want [%s]", res.Normalized, plan)
	}
	if strings.Contains(readTestFile(t, dir, plan), "\r") {
		t.Errorf("the plan kept its CRLF line ends")
	}
	res = applyTo(t, dir, "W-001", UpdateGoal{Case: "W-001", Goal: "G1", Target: str("2026-11-30")}.Build)
	if len(res.Normalized) != 0 {
		t.Errorf("Normalized = %q for a plan with LF line ends", res.Normalized)
	}
}
