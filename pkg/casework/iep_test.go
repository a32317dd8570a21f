package casework

import (
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// applyPlan runs one plan change on W-001 as Maria and returns its output.
func applyPlan(t *testing.T, dir string, build Build) string {
	t.Helper()
	res, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, build)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return res.Change.Output
}

// TestPlanBuilds builds a plan with every command and compares the file
// they write, byte for byte, with the canonical form: every item added
// with an ID of its own (drawn here from a source that makes the IDs the
// test names), commands naming items by ID in any case, services linked
// into their objectives, keys in canonical order whatever order the
// commands ran in.
func TestPlanBuilds(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16, today
	str := func(s string) *string { return &s }
	random := idSource(t, "RV-00001", "G-00001", "G-00002", "M-00001", "M-00002", "M-00003", "O-00001", "O-00002",
		"S-00001", "O-00003", "N-00001", "JT-00001", "SK-00001", "BN-00001")

	steps := []struct {
		build Build
		want  string // the output
	}{
		{ReviewPlan{Case: "W-001", Date: "2026-03-16", Summary: "First plan"}.Build, ""},
		{AddGoal{Case: "W-001", Term: "short", Text: "Certified Nursing Assistant", Target: "2026-09-30"}.Build, "G-00001"},
		{AddGoal{Case: "W-001", Term: "long", Text: "Licensed practical nurse"}.Build, "G-00002"},
		{AddMilestone{Case: "W-001", Goal: "G-00001", Text: "Enrolled in a CNA course", Due: "2026-04-30"}.Build, "M-00001"},
		{AddMilestone{Case: "W-001", Goal: "g-00002", Text: "LPN prerequisites chosen", Due: "2026-12-01"}.Build, "M-00002"},
		{AddMilestone{Case: "W-001", Goal: " G-00001 ", Text: "CNA certificate", Due: "2026-09-30"}.Build, "M-00003"},
		{AddObjective{Case: "W-001", Goal: "G-00002", Text: "Complete the prerequisites"}.Build, "O-00001"},
		{AddObjective{Case: "W-001", Goal: "G-00001", Text: "Attain a CNA certificate"}.Build, "O-00002"},
		{AddPlanService{Case: "W-001", Service: record.PlanService{Name: "CNA training course", Code: "training", Provider: "Lakeside College", Start: "2026-04-06"}, Objectives: []string{"O-00002", "o-00002"}}.Build, "S-00001"},
		{AddObjective{Case: "W-001", Goal: "G-00001", Text: "Pass the state exam", Services: []string{"s-00001"}}.Build, "O-00003"},
		{AddNextStep{Case: "W-001", Owner: "participant", Text: "Bring eligibility documents", Due: "2026-03-20"}.Build, "N-00001"},
		{MilestoneDone{Case: "W-001", Milestone: "m-00001", Date: "2026-03-16"}.Build, ""},
		{SetGoalStatus{Case: "W-001", Goal: "G-00002", Status: "dropped"}.Build, ""},
		{SetPlan{Case: "W-001", EmploymentGoal: str("CNA at a care home"), Vision: str("Working as a CNA after training")}.Build, ""},
		{AddJobTarget{Case: "W-001", Target: record.JobTarget{Title: "Nursing assistant", JobFamily: "Healthcare", Scope: "external"}}.Build, "JT-00001"},
		{AddSkillCourse{Case: "W-001", Course: record.Course{Course: "Medical terminology", Provider: "Lakeside College"}}.Build, "SK-00001"},
		{AddBenefit{Case: "W-001", Benefit: record.Benefit{Name: "SNAP", Renewal: "2026-06-01"}}.Build, "BN-00001"},
		{SetSelfSufficiency{Case: "W-001", Crisis: str("Call the manager"), Plan: str("Keep the job a year")}.Build, ""},
		{RenewBenefit{Case: "W-001", Name: "bn-00001", Renewal: "2026-12-01", Status: "pending"}.Build, ""},
		{NextStepDone{Case: "W-001", Step: "N-00001", Date: "2026-03-16"}.Build, ""},
	}
	for i, s := range steps {
		if got := applyWith(t, dir, "W-001", random, s.build); got != s.want {
			t.Errorf("step %d printed %q, want %q", i, got, s.want)
		}
	}
	want := `# yaml-language-server: $schema=../../schemas/iep.schema.json
created: 2026-03-16
updated: 2026-03-16
vision: Working as a CNA after training
employment_goal: CNA at a care home
goals:
  - id: G-00001
    term: short
    text: Certified Nursing Assistant
    target: 2026-09-30
    status: active
    objectives:
      - id: O-00002
        text: Attain a CNA certificate
        services:
          - S-00001
      - id: O-00003
        text: Pass the state exam
        services:
          - S-00001
    milestones:
      - id: M-00001
        text: Enrolled in a CNA course
        due: 2026-04-30
        done: 2026-03-16
      - id: M-00003
        text: CNA certificate
        due: 2026-09-30
  - id: G-00002
    term: long
    text: Licensed practical nurse
    status: dropped
    objectives:
      - id: O-00001
        text: Complete the prerequisites
    milestones:
      - id: M-00002
        text: LPN prerequisites chosen
        due: 2026-12-01
services:
  - id: S-00001
    name: CNA training course
    code: training
    provider: Lakeside College
    start: 2026-04-06
next_steps:
  - id: N-00001
    owner: participant
    text: Bring eligibility documents
    due: 2026-03-20
    done: 2026-03-16
job_targets:
  - id: JT-00001
    title: Nursing assistant
    job_family: Healthcare
    scope: external
skill_plan:
  - id: SK-00001
    course: Medical terminology
    provider: Lakeside College
    status: planned
reviews:
  - id: RV-00001
    date: 2026-03-16
    by: mrivera
    summary: First plan
self_sufficiency:
  plan: Keep the job a year
  contingency:
    crisis: Call the manager
  benefits:
    - id: BN-00001
      name: SNAP
      renewal: 2026-12-01
      status: pending
`
	if got := readTestFile(t, dir, "cases/W-001/iep.yaml"); got != want {
		t.Errorf("iep.yaml:\n%s\nwant:\n%s", got, want)
	}
	if got := gitCLI(t, dir, "log", "-1", "--format=%s%n%(trailers:key=Caseplan-Action,valueonly)"); got != "W-001: mark next step N-00001 done\niep.step.done" {
		t.Errorf("last commit = %q", got)
	}
}

// TestPlanRefusals: what a plan command cannot do is refused with a
// message that says what there is, and nothing is written.
func TestPlanRefusals(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16, today
	random := idSource(t, "G-00001", "M-00001", "BN-00001")
	applyWith(t, dir, "W-001", random, AddGoal{Case: "W-001", Term: "short", Text: "CNA"}.Build)
	applyWith(t, dir, "W-001", random, AddMilestone{Case: "W-001", Goal: "G-00001", Text: "Enrolled", Due: "2026-04-30"}.Build)
	applyWith(t, dir, "W-001", random, AddBenefit{Case: "W-001", Benefit: record.Benefit{Name: "SNAP"}}.Build)
	before := captureState(t, dir)

	tests := []struct {
		name  string
		build Build
		want  string
	}{
		{"an unknown goal", AddMilestone{Case: "W-001", Goal: "G7", Text: "x", Due: "2026-04-30"}.Build,
			`the plan of case W-001 has no goal "G7" (it has G-00001)`},
		{"an unknown milestone", MilestoneDone{Case: "W-001", Milestone: "M-00009", Date: "2026-03-16"}.Build,
			`the plan of case W-001 has no milestone "M-00009" (it has M-00001)`},
		{"no steps yet", NextStepDone{Case: "W-001", Step: "N1", Date: "2026-03-16"}.Build,
			`the plan of case W-001 has no next steps yet, so no next step "N1"`},
		{"an unknown objective", AddPlanService{Case: "W-001", Service: record.PlanService{Name: "x"}, Objectives: []string{"O1"}}.Build,
			`the plan of case W-001 has no objectives yet, so no objective "O1"`},
		{"an unknown service", AddObjective{Case: "W-001", Goal: "G-00001", Text: "x", Services: []string{"S1"}}.Build,
			`the plan of case W-001 has no services yet, so no service "S1"`},
		{"an unknown benefit", RenewBenefit{Case: "W-001", Name: "WIC", Renewal: "2026-05-01"}.Build,
			`the plan of case W-001 has no benefit "WIC" (it has "SNAP")`},
		{"done before the case opened", MilestoneDone{Case: "W-001", Milestone: "M-00001", Date: "2026-03-01"}.Build,
			"milestone M-00001 done date 2026-03-01 (--date) is before case W-001 opened (2026-03-16)"},
		{"done in the future", MilestoneDone{Case: "W-001", Milestone: "m-00001", Date: "2026-03-17"}.Build,
			"milestone M-00001 done date 2026-03-17 (--date) is after today (2026-03-16)"},
		{"a term outside the schema", AddGoal{Case: "W-001", Term: "medium", Text: "x"}.Build,
			`term "medium" is not one of short, long`},
		{"a milestone without a due date", AddMilestone{Case: "W-001", Goal: "G-00001", Text: "x"}.Build,
			"a milestone needs a due date"},
		{"the same status again", SetGoalStatus{Case: "W-001", Goal: "g-00001", Status: "active"}.Build,
			"goal G-00001 is already active"},
		{"a benefit twice", AddBenefit{Case: "W-001", Benefit: record.Benefit{Name: "snap"}}.Build,
			`the plan already has the benefit "SNAP"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, tt.build)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Apply = %v, want an InputError", err)
			}
			if ie.Msg != tt.want {
				t.Errorf("message = %q\nwant      %q", ie.Msg, tt.want)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}

	// An unknown case, and a plan that cannot be read, are refused too.
	_, err := openWorkspace(t, dir, maria).Apply([]string{"W-404"}, AddGoal{Case: "W-404", Term: "short", Text: "x"}.Build)
	var uc *store.UnknownCaseError
	if !errors.As(err, &uc) {
		t.Errorf("unknown case: %v, want an UnknownCaseError", err)
	}
	writeTestFile(t, dir, "cases/W-001/iep.yaml", "created: [2026-03-16\n")
	_, err = openWorkspace(t, dir, maria).Apply([]string{"W-001"}, AddGoal{Case: "W-001", Term: "short", Text: "x"}.Build)
	if err == nil || !strings.Contains(err.Error(), "cannot read the plan cases/W-001/iep.yaml") {
		t.Errorf("broken plan: %v", err)
	}
}

// TestPlanWithoutFile: a case whose iep.yaml was removed gets a new,
// canonical one created today.
func TestPlanWithoutFile(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001")
	gitCLI(t, dir, "rm", "-q", "cases/W-001/iep.yaml")
	gitCLI(t, dir, "commit", "-q", "-m", "drop the plan")
	if got := applyWith(t, dir, "W-001", idSource(t, "N-00001"), AddNextStep{Case: "W-001", Owner: "manager", Text: "Call back"}.Build); got != "N-00001" {
		t.Errorf("output %q, want N-00001", got)
	}
	want := "# yaml-language-server: $schema=../../schemas/iep.schema.json\ncreated: 2026-03-16\nnext_steps:\n  - id: N-00001\n    owner: manager\n    text: Call back\n"
	if got := readTestFile(t, dir, "cases/W-001/iep.yaml"); got != want {
		t.Errorf("iep.yaml:\n%s\nwant:\n%s", got, want)
	}
}

// TestPlanKeepsHandEdits: a hand-written plan keeps its comments, blank
// lines and key order; a missing key goes to its canonical place among the
// keys there are; only the lines that must change do.
func TestPlanKeepsHandEdits(t *testing.T) {
	const hand = `# yaml-language-server: $schema=../../schemas/iep.schema.json
created: 2026-03-16 # agreed at intake

# Her words, 2026-03-16.
vision: >
  Working in a hospital,
  on days.
goals:
  # The one that matters this spring.
  - id: G4
    text: Certified Nursing Assistant
    term: short
    target: 2026-09-30

    milestones:
      - {id: M7, text: Enrolled, due: 2026-04-30}
reviews: []
`
	tests := []struct {
		name string
		edit Edit
		want string
	}{
		{"updated goes under created, before the comment that belongs to vision",
			planSet([]string{"updated"}, record.Date("2026-03-20")),
			strings.Replace(hand, "created: 2026-03-16 # agreed at intake\n", "created: 2026-03-16 # agreed at intake\nupdated: 2026-03-20\n", 1)},
		{"employment_goal goes after the folded vision",
			planSet([]string{"employment_goal"}, "CNA"),
			strings.Replace(hand, "  on days.\n", "  on days.\nemployment_goal: CNA\n", 1)},
		{"a goal's status goes after its target, before the blank line",
			planSet([]string{"goals", "0", "status"}, "achieved"),
			strings.Replace(hand, "    target: 2026-09-30\n", "    target: 2026-09-30\n    status: achieved\n", 1)},
		{"an existing value changes where it stands",
			planSet([]string{"goals", "0", "term"}, "long"),
			strings.Replace(hand, "term: short", "term: long", 1)},
		{"a new list goes in canonical order",
			planAppend([]string{"services"}, record.PlanService{ID: "S1", Name: "CNA course"}),
			strings.Replace(hand, "reviews: []\n", "services:\n  - id: S1\n    name: CNA course\nreviews: []\n", 1)},
		{"a new mapping at the end, made whole",
			planSet([]string{"self_sufficiency", "contingency", "crisis"}, "Call"),
			hand + "self_sufficiency:\n  contingency:\n    crisis: Call\n"},
		{"a flow-style milestone is edited by yamledit",
			planSet([]string{"goals", "0", "milestones", "0", "done"}, record.Date("2026-03-16")),
			strings.Replace(hand, "due: 2026-04-30}", "due: 2026-04-30, done: 2026-03-16}", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.edit([]byte(hand))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestPlanEditsFlowAndEmpty: values written in flow style or left empty by
// hand are filled in, not refused.
func TestPlanEditsFlowAndEmpty(t *testing.T) {
	const head = "# yaml-language-server: $schema=../../schemas/iep.schema.json\ncreated: 2026-03-16\n"
	tests := []struct {
		name, hand string
		edit       Edit
		want       string
	}{
		{"an empty flow list", "goals: []\n# end\n",
			planAppend([]string{"goals"}, record.Goal{ID: "G1", Term: "short", Text: "CNA"}),
			"goals:\n  - id: G1\n    term: short\n    text: CNA\n# end\n"},
		{"an empty flow mapping", "self_sufficiency: {}\n",
			planSet([]string{"self_sufficiency", "plan"}, "Keep the job"),
			"self_sufficiency: {plan: Keep the job}\n"},
		{"a null mapping", "self_sufficiency:\nreviews: []\n",
			planSet([]string{"self_sufficiency", "contingency", "crisis"}, "Call"),
			"self_sufficiency:\n  contingency:\n    crisis: Call\nreviews: []\n"},
		{"a flow list of services", "goals:\n  - id: G1\n    term: short\n    text: CNA\n    objectives:\n      - id: O1\n        text: Enrol\n        services: [S1]\n",
			planAppend([]string{"goals", "0", "objectives", "0", "services"}, "S2"),
			"goals:\n  - id: G1\n    term: short\n    text: CNA\n    objectives:\n      - id: O1\n        text: Enrol\n        services: [S1, S2]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.edit([]byte(head + tt.hand))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != head+tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, head+tt.want)
			}
		})
	}
}

// byNumber lists numbered IDs by their number, then random ones in the
// plan's order.
func TestByNumber(t *testing.T) {
	got := byNumber([]string{"M10", "M-ZZZZZ", "M2", "M-AAAAA", "M1"})
	want := []string{"M1", "M2", "M10", "M-ZZZZZ", "M-AAAAA"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("byNumber = %v, want %v", got, want)
	}
}

// TestSelfSufficiencyEmpty: an empty plan is refused with a hint that
// says how to write it, with the flag given, and how to take one out.
func TestSelfSufficiencyEmpty(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001")
	empty := " "
	for _, tc := range []struct {
		change SetSelfSufficiency
		msg    string
		flag   string
	}{
		{SetSelfSufficiency{Case: "W-001", Crisis: &empty}, "the contingency plan for crises is empty", "--crisis"},
		{SetSelfSufficiency{Case: "W-001", ChildCare: &empty}, "the contingency plan for child care is empty", "--child-care"},
		{SetSelfSufficiency{Case: "W-001", Plan: &empty}, "the self-sufficiency plan is empty", "--plan"},
	} {
		var ie *InputError
		_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, tc.change.Build)
		if !errors.As(err, &ie) || ie.Msg != tc.msg {
			t.Errorf("%s: %v, want %q", tc.flag, err, tc.msg)
			continue
		}
		if want := "write what the plan says, e.g. " + tc.flag + " 'TEXT'; to take it out of the plan, caseplan edit W-001 iep"; ie.Hint != want {
			t.Errorf("%s: hint %q, want %q", tc.flag, ie.Hint, want)
		}
	}
}

// TestPlanDateFromToday: a date before the case opened is refused naming
// the flag it came from — --date when given, --today when the command
// took --today's date — with a hint that says what to type.
func TestPlanDateFromToday(t *testing.T) {
	const plan = "created: 2026-03-02\ngoals:\n  - id: G1\n    term: short\n    text: CNA\n    milestones:\n      - id: M1\n        text: Enrolled\n        due: 2026-04-30\n" +
		"next_steps:\n  - id: N1\n    owner: participant\n    text: Call\n    due: 2026-04-01\nservices:\n  - id: S1\n    name: Tutoring\n    status: in-progress\n"
	for _, tc := range []struct {
		name  string
		build func(d record.Date) Build
		what  string
	}{
		{"milestone", func(d record.Date) Build { return MilestoneDone{Case: "W-1", Milestone: "M1", Date: d}.Build }, "milestone M1 done date"},
		{"next step", func(d record.Date) Build { return NextStepDone{Case: "W-1", Step: "N1", Date: d}.Build }, "next step N1 done date"},
		{"review", func(d record.Date) Build { return ReviewPlan{Case: "W-1", Date: d, Summary: "Went over it"}.Build }, "review date"},
		{"agreement", func(d record.Date) Build { return AgreePlan{Case: "W-1", Date: d, How: "signed"}.Build }, "agreement date"},
		{"service end", func(d record.Date) Build { return EndPlanService{Case: "W-1", Service: "S1", Date: d}.Build }, "service S1 end date"},
	} {
		// A case that opens after today takes no day at all: one before
		// the opening is before the case, one on or after it after today.
		// The hint says so (NotOpenedError's) rather than naming a day
		// that would be refused in turn; "the earliest" is for a case
		// already open.
		const notOpenedHint = "if case W-1 did not open on 2026-03-02, correct opened with caseplan edit W-1 intake; if it is right, this can be done from that day on"
		for _, given := range []struct {
			today      int // days from testToday (2026-03-16)
			date       record.Date
			flag, hint string
		}{
			{-17, "", "--today", notOpenedHint},
			{-17, "2026-02-25", "--date", notOpenedHint},
			{0, "2026-02-25", "--date", "the earliest --date is the day the case opened: --date 2026-03-02"},
		} {
			s := workTreeState(t, "W-1", map[string]string{"cases/W-1/iep.yaml": plan})
			s.Today = testToday.AddDate(0, 0, given.today)
			_, err := tc.build(given.date)(s)
			d := given.date
			if d == "" {
				d = date(s.Today)
			}
			want := tc.what + " " + string(d) + " (" + given.flag + ") is before case W-1 opened (2026-03-02)"
			var ie *InputError
			if !errors.As(err, &ie) || ie.Msg != want || ie.Hint != given.hint {
				t.Errorf("%s, %s: got %v (hint %q)\nwant %q (hint %q)", tc.name, given.flag, err, hintOf(ie), want, given.hint)
			}
		}
	}
}

// TestPlanTextHint: a plan's text given empty is refused with a hint that
// names the flag to write it with.
func TestPlanTextHint(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001")
	empty := ""
	for _, tc := range []struct {
		build Build
		msg   string
		flag  string
	}{
		{AddGoal{Case: "W-001", Term: "short", Text: " "}.Build, "the goal's text is empty", "--text"},
		{AddNextStep{Case: "W-001", Owner: "participant"}.Build, "the step's text is empty", "--text"},
		{AddJobTarget{Case: "W-001"}.Build, "the job target's title is empty", "--title"},
		{AddSkillCourse{Case: "W-001"}.Build, "the course is empty", "--course"},
		{AddBenefit{Case: "W-001"}.Build, "the benefit's name is empty", "--name"},
		{SetPlan{Case: "W-001", Vision: &empty}.Build, "the vision is empty", "--vision"},
		{SetPlan{Case: "W-001", EmploymentGoal: &empty}.Build, "the employment goal is empty", "--employment-goal"},
	} {
		var ie *InputError
		_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, tc.build)
		if !errors.As(err, &ie) || ie.Msg != tc.msg {
			t.Errorf("%s: %v, want %q", tc.flag, err, tc.msg)
			continue
		}
		if want := "write it with " + tc.flag + " 'TEXT'"; ie.Hint != want {
			t.Errorf("%s: hint %q, want %q", tc.msg, ie.Hint, want)
		}
	}
}

// TestAgreePlan: the participant agrees to a plan that exists and on a
// day that has come: a date before the plan's created or after today is
// refused with a hint, the same day and way twice too; a way is read as
// its choice and written as the schema spells it, and `updated` stays.
func TestAgreePlan(t *testing.T) {
	const plan = "created: 2026-03-05\nupdated: 2026-03-06\ngoals:\n  - id: G1\n    term: short\n    text: CNA\n" +
		"agreements:\n  - date: 2026-03-10\n    how: verbal\n"
	for _, tc := range []struct {
		date       record.Date
		how        string
		msg, hint  string
		wantRecord string
	}{
		{"2026-03-04", "signed", "agreement date 2026-03-04 (--date) is before the plan of case W-1 was created (2026-03-05)",
			"the earliest --date is the day the plan was created: --date 2026-03-05; if the plan was drawn up earlier, correct created with caseplan edit W-1 iep", ""},
		{"2026-03-17", "signed", "agreement date 2026-03-17 (--date) is after today (2026-03-16)", "record it when it has happened, or give --today if the date is right", ""},
		{"2026-03-10", "Verbal", "the plan of case W-1 already has the participant's verbal agreement of 2026-03-10", "that day takes another way: --how signed or --how electronic; to correct its notes: caseplan edit W-1 iep", ""},
		{"", "Elec", "", "", "  - id: AG-00001\n    date: 2026-03-16\n    how: electronic\n"},
	} {
		s := workTreeState(t, "W-1", map[string]string{"cases/W-1/iep.yaml": plan})
		s.Rand = idSource(t, "AG-00001")
		ch, err := AgreePlan{Case: "W-1", Date: tc.date, How: tc.how}.Build(s)
		if tc.msg != "" {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Msg != tc.msg || ie.Hint != tc.hint {
				t.Errorf("%s %s: got %v (hint %q)\nwant %q (hint %q)", tc.date, tc.how, err, hintOf(ie), tc.msg, tc.hint)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s %s: %v", tc.date, tc.how, err)
		}
		got := string(ch.Files["cases/W-1/iep.yaml"])
		if !strings.Contains(got, tc.wantRecord) || !strings.Contains(got, "updated: 2026-03-06\n") {
			t.Errorf("%s %s: the plan reads\n%s\nwant it to hold\n%s", tc.date, tc.how, got, tc.wantRecord)
		}
		if want := "the participant agreed to the plan (electronic, 2026-03-16)"; ch.Summary != want || ch.Output != "AG-00001" {
			t.Errorf("summary %q, output %q; want %q, AG-00001", ch.Summary, ch.Output, want)
		}
	}
}

// TestAgreePlanEveryWayTaken: a day with every way of agreeing on record
// takes no other; the hint says so, and how to correct the notes.
func TestAgreePlanEveryWayTaken(t *testing.T) {
	plan := "created: 2026-03-05\ngoals:\n  - id: G1\n    term: short\n    text: CNA\nagreements:\n"
	for _, way := range agreementWays {
		plan += "  - date: 2026-03-10\n    how: " + way + "\n"
	}
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/iep.yaml": plan})
	_, err := AgreePlan{Case: "W-1", Date: "2026-03-10", How: "signed"}.Build(s)
	want := "every way of agreeing is on record for 2026-03-10; to correct its notes: caseplan edit W-1 iep"
	var ie *InputError
	if !errors.As(err, &ie) || ie.Hint != want {
		t.Errorf("got %v (hint %q), want the hint %q", err, hintOf(ie), want)
	}
}

// TestAgreePlanClosedCase: an agreement dated by --today after the
// closing is refused with the flag that dates a late entry, --date (the
// command has it), never --today, which would move every other date the
// command judges by.
func TestAgreePlanClosedCase(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	ws := openWorkspace(t, dir, maria)
	ws.Today = day("2026-03-30")
	if _, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: day("2026-03-25"), Reason: "moved"}.Build); err != nil {
		t.Fatal(err)
	}
	before := captureState(t, dir)
	_, err := ws.Apply([]string{"W-001"}, AgreePlan{Case: "W-001", How: "signed"}.Build)
	var closed *ClosedCaseError
	if !errors.As(err, &closed) {
		t.Fatalf("an agreement after the closing: want a closed-case refusal, got %v", err)
	}
	if !strings.Contains(closed.Hint(), "give that date with --date (a late entry)") {
		t.Errorf("hint: %s", closed.Hint())
	}
	assertSameState(t, before, captureState(t, dir))
	if _, err := ws.Apply([]string{"W-001"}, AgreePlan{Case: "W-001", How: "signed", Date: "2026-03-25"}.Build); err != nil {
		t.Fatalf("an agreement on the closing day: %v", err)
	}
}
