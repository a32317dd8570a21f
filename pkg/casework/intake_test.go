package casework

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

// applyTo runs one change on a case as Maria and returns its result.
func applyTo(t *testing.T, dir, id string, build Build) *Result {
	t.Helper()
	res, err := openWorkspace(t, dir, maria).Apply([]string{id}, build)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return res
}

// openCase opens a case of the program with Maria's workspace, today; a
// work-security case gets a notice and a layoff date.
func openCase(t *testing.T, dir, id, program string) {
	t.Helper()
	nc := NewCase{ID: id, Program: program, Name: "Ana Example", Opened: testToday}
	if program == "work-security" {
		nc.NoticeDate, nc.LayoffDate = testToday, testToday.AddDate(0, 0, 60)
	}
	if _, err := openWorkspace(t, dir, maria).Apply(nil, nc.Build); err != nil {
		t.Fatalf("case new: %v", err)
	}
}

func str(s string) *string { return &s }

// TestIntakeBuilds runs every intake command on a hand-edited intake
// record and compares the file, byte for byte: the comment and the blank
// line a person wrote stay, existing values change where they stand,
// missing keys and lists go to their canonical place, and each command is
// one commit with its action.
func TestIntakeBuilds(t *testing.T) {
	dir := initTestStore(t)
	openCase(t, dir, "WS-001", "work-security")
	intake := readTestFile(t, dir, "cases/WS-001/intake.yaml")
	hand := strings.Replace(intake, "participant:\n  name: Ana Example\n",
		"participant:\n  name: Ana Example\n  # Works nights: call after 10am.\n  phone: 555-0100\n\n", 1)
	writeTestFile(t, dir, "cases/WS-001/intake.yaml", hand)
	gitCLI(t, dir, "commit", "-q", "-am", "hand edit")
	fte := 0.5
	yes := true

	steps := []struct {
		build  Build
		action string
	}{
		{SetIntake{Case: "WS-001", Phone: str("555-0101"), BestTimes: str("Weekdays after 10am"), Channels: []string{"phone", " text "}, Position: str("Library Technician"), Grade: str("6"), FTE: &fte, GrantEnded: &yes}.Build, "case.set"},
		{AddAssessment{Case: "WS-001", Assessment: record.Assessment{Tool: "Skills Assessment Form", Date: "2026-03-16", Summary: "Cataloguing"}}.Build, "case.assessment.add"},
		{AddTeamMember{Case: "WS-001", Member: record.TeamMember{Name: "Alex Example", Role: "union-representative", Phone: "555-0130"}}.Build, "case.team.add"},
		{AddBarrier{Case: "WS-001", Barrier: record.Barrier{Kind: "transportation", Detail: "No car"}}.Build, "case.barrier.add"},
		{AddEligibility{Case: "WS-001", Eligibility: record.Eligibility{Program: "work-security", Determined: "2026-03-16", Eligible: true, Basis: "Layoff notice"}}.Build, "case.eligibility.add"},
		{SetToolbox{Case: "WS-001", Resume: "draft", ThankYouLetter: "none"}.Build, "case.toolbox"},
		{SetToolbox{Case: "WS-001", Resume: "final"}.Build, "case.toolbox"},
		{AddConsent{Case: "WS-001", Consent: record.Consent{Kind: "job-site-visit", Given: "2026-03-16", Notes: "Short visits"}}.Build, "case.consent.add"},
		{WithdrawConsent{Case: "WS-001", Kind: "job-site-visit", Date: "2026-03-16"}.Build, "case.consent.withdraw"},
		{SetIntake{Case: "WS-001", Language: str("Spanish"), Skills: []string{"cataloguing", "metadata"}, BestTimes: str("")}.Build, "case.set"},
	}
	random := idSource(t, "AS-00001", "TM-00001", "BR-00001", "EL-00001", "CN-00001")
	for i, s := range steps {
		ws := openWorkspace(t, dir, maria)
		ws.Rand = random
		res, err := ws.Apply([]string{"WS-001"}, s.build)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if res.Change.Action != s.action {
			t.Errorf("step %d: action %q, want %q", i, res.Change.Action, s.action)
		}
		if got := gitCLI(t, dir, "log", "-1", "--format=%(trailers:key=Caseplan-Action,valueonly)"); got != s.action {
			t.Errorf("step %d: commit's action %q, want %q", i, got, s.action)
		}
	}
	want := `# yaml-language-server: $schema=../../schemas/intake.schema.json
id: WS-001
opened: 2026-03-16
program: work-security
status: open
manager: mrivera
participant:
  name: Ana Example
  # Works nights: call after 10am.
  phone: 555-0101
  channels:
    - phone
    - text
  language: Spanish
team:
  - id: TM-00001
    name: Alex Example
    role: union-representative
    phone: 555-0130
eligibility:
  - id: EL-00001
    program: work-security
    determined: 2026-03-16
    eligible: true
    basis: Layoff notice
barriers:
  - id: BR-00001
    kind: transportation
    detail: No car
    status: open
assessments:
  - id: AS-00001
    tool: Skills Assessment Form
    date: 2026-03-16
    summary: Cataloguing
skills:
  - cataloguing
  - metadata

layoff:
  notice_date: 2026-03-16
  layoff_date: 2026-05-15
  grant_funding_ended: true
  position: Library Technician
  grade: "6"
  fte: 0.5
toolbox:
  resume: final
  thank_you_letter: none
consents:
  - id: CN-00001
    kind: job-site-visit
    given: 2026-03-16
    withdrawn: 2026-03-16
    notes: Short visits
`
	if got := readTestFile(t, dir, "cases/WS-001/intake.yaml"); got != want {
		t.Errorf("intake.yaml:\n%s\nwant:\n%s", got, want)
	}
	if got := gitCLI(t, dir, "log", "-1", "--format=%s"); got != "WS-001: update the intake: best times removed, language, skills" {
		t.Errorf("last subject = %q", got)
	}
	// The first set changed the phone where it stood: its diff has the
	// old and the new line, and nothing of the comment.
	diff := gitCLI(t, dir, "diff", "HEAD~10", "HEAD~9", "--", "cases/WS-001/intake.yaml")
	if !strings.Contains(diff, "-  phone: 555-0100\n+  phone: 555-0101") || strings.Contains(diff, "-  # Works nights") {
		t.Errorf("the first set's diff:\n%s", diff)
	}
}

// TestIntakeRefusals: what the intake commands cannot do is refused with
// an InputError that says why, and nothing is written.
func TestIntakeRefusals(t *testing.T) {
	dir := initTestStore(t)
	openCase(t, dir, "W-001", "wioa")
	openCase(t, dir, "PE-001", "post-employment")
	applyTo(t, dir, "W-001", AddAssessment{Case: "W-001", Assessment: record.Assessment{Tool: "Interest profiler", Date: "2026-03-16"}}.Build)
	applyTo(t, dir, "W-001", AddConsent{Case: "W-001", Consent: record.Consent{Kind: "job-site-visit", Given: "2026-03-16"}}.Build)
	applyTo(t, dir, "W-001", SetToolbox{Case: "W-001", Resume: "draft"}.Build)
	before := captureState(t, dir)
	fte := 1.0
	ended := record.Date("2026-03-01")

	tests := []struct {
		name, id string
		build    Build
		want     string
	}{
		{"nothing to set", "W-001", SetIntake{Case: "W-001"}.Build, "nothing to set"},
		{"nothing changes", "W-001", SetIntake{Case: "W-001", Phone: str("")}.Build, "nothing changes: the intake of case W-001 already has these values"},
		{"a layoff field without a layoff", "W-001", SetIntake{Case: "W-001", FTE: &fte}.Build, "case W-001 records no layoff"},
		{"cash assistance outside post-employment", "W-001", SetIntake{Case: "W-001", CashAssistanceEnded: &ended}.Build,
			"case W-001 is in program wioa; the end of cash assistance starts the 12 months of post-employment services (document 003)"},
		{"an assessment in the future", "W-001", AddAssessment{Case: "W-001", Assessment: record.Assessment{Tool: "Aptitude", Date: "2026-03-17"}}.Build,
			"assessment date 2026-03-17 is after today (2026-03-16)"},
		{"an assessment twice", "W-001", AddAssessment{Case: "W-001", Assessment: record.Assessment{Tool: "interest profiler", Date: "2026-03-16"}}.Build,
			`case W-001 already records the assessment "Interest profiler" on 2026-03-16`},
		{"an assessment without a tool", "W-001", AddAssessment{Case: "W-001", Assessment: record.Assessment{Tool: " ", Date: "2026-03-16"}}.Build,
			"the assessment's tool is empty"},
		{"a team member without a name", "W-001", AddTeamMember{Case: "W-001", Member: record.TeamMember{Role: "other"}}.Build,
			"the team member's name is empty"},
		{"a determination not yet made", "W-001", AddEligibility{Case: "W-001", Eligibility: record.Eligibility{Program: "wioa", Determined: "2026-04-01"}}.Build,
			"determination date 2026-04-01 is after today (2026-03-16)"},
		{"a permission in force given again", "W-001", AddConsent{Case: "W-001", Consent: record.Consent{Kind: "job-site-visit", Given: "2026-03-16"}}.Build,
			"case W-001 already has the participant's permission for job-site visits (given 2026-03-16)"},
		{"a permission never given withdrawn", "PE-001", WithdrawConsent{Case: "PE-001", Kind: "job-site-visit", Date: "2026-03-16"}.Build,
			"case PE-001 has no permission for job-site visits in force to withdraw"},
		{"the toolbox unchanged", "W-001", SetToolbox{Case: "W-001", Resume: "draft"}.Build,
			"nothing changes: the toolbox of case W-001 already has these values"},
		{"the toolbox with nothing given", "W-001", SetToolbox{Case: "W-001"}.Build, "nothing to set"},
		{"an exit outside WIOA", "PE-001", (&ExitCase{Case: "PE-001", Date: testToday}).Build, "case PE-001 is in program post-employment, not a WIOA program"},
		{"an exit in the future", "W-001", (&ExitCase{Case: "W-001", Date: testToday.AddDate(0, 0, 1)}).Build, "exit date 2026-03-17 is after today (2026-03-16)"},
		{"an exit before the case opened", "W-001", (&ExitCase{Case: "W-001", Date: testToday.AddDate(0, 0, -1)}).Build, "exit date 2026-03-15 is before case W-001 opened (2026-03-16)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openWorkspace(t, dir, maria).Apply([]string{tt.id}, tt.build)
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
}

// TestIntakeSchemaRefusals: a value the schema does not allow is refused
// by the validation every write runs, with the schema's finding at its
// line, and nothing is written.
func TestIntakeSchemaRefusals(t *testing.T) {
	dir := initTestStore(t)
	openCase(t, dir, "WS-001", "work-security")
	before := captureState(t, dir)
	fte := 1.5
	tests := []struct {
		name  string
		build Build
		want  string
	}{
		{"an email that is not one", SetIntake{Case: "WS-001", Email: str("not-an-email")}.Build, `email: "not-an-email" is not a valid email address`},
		{"an FTE over 1", SetIntake{Case: "WS-001", FTE: &fte}.Build, "fte: 1.5 is more than the maximum"},
		{"a channel the schema does not know", SetIntake{Case: "WS-001", Channels: []string{"pigeon"}}.Build, `"pigeon"`},
		{"a barrier kind the schema does not know", AddBarrier{Case: "WS-001", Barrier: record.Barrier{Kind: "weather"}}.Build, `"weather"`},
		{"a team role the schema does not know", AddTeamMember{Case: "WS-001", Member: record.TeamMember{Name: "Pat", Role: "boss"}}.Build, `"boss"`},
		{"a toolbox state the schema does not know", SetToolbox{Case: "WS-001", CoverLetter: "perfect"}.Build, `"perfect"`},
		{"a consent kind the schema does not know", AddConsent{Case: "WS-001", Consent: record.Consent{Kind: "home-visit", Given: "2026-03-16"}}.Build, `"home-visit"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openWorkspace(t, dir, maria).Apply([]string{"WS-001"}, tt.build)
			var refused *RefusedError
			if !errors.As(err, &refused) {
				t.Fatalf("Apply = %v, want a RefusedError", err)
			}
			f := refused.Findings[0]
			if f.Rule != validate.RuleSchema || f.Path != "cases/WS-001/intake.yaml" || f.Line == 0 || !strings.Contains(f.Message, tt.want) {
				t.Errorf("finding %s, want a schema finding in intake.yaml naming %s", f, tt.want)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}

	// A withdrawal before the permission was given is a date-order error.
	applyTo(t, dir, "WS-001", AddConsent{Case: "WS-001", Consent: record.Consent{Kind: "job-site-visit", Given: "2026-03-16"}}.Build)
	ws := openWorkspace(t, dir, maria)
	ws.Today = testToday.AddDate(0, 0, 1)
	_, err := ws.Apply([]string{"WS-001"}, WithdrawConsent{Case: "WS-001", Kind: "job-site-visit", Date: "2026-03-15"}.Build)
	var refused *RefusedError
	if !errors.As(err, &refused) || refused.Findings[0].Rule != "date-order" {
		t.Errorf("withdrawn before given: %v, want a date-order refusal", err)
	}
}

// TestExitCase: the exit sets intake.yaml's exited date and writes a note
// naming the follow-up quarters, in one commit; a second exit is refused.
func TestExitCase(t *testing.T) {
	dir := initTestStore(t)
	openCase(t, dir, "W-001", "wioa")
	ws := openWorkspace(t, dir, maria)
	ws.Today = time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
	x := &ExitCase{Case: "W-001", Date: ws.Today, Reason: "Employed; services complete"}
	res, err := ws.Apply([]string{"W-001"}, x.Build)
	if err != nil {
		t.Fatal(err)
	}
	if x.FollowUpEnds != "2027-09-30" || res.Change.Summary != "exit the program on 2026-09-30; follow-up to 2027-09-30" {
		t.Errorf("follow-up ends %s, summary %q", x.FollowUpEnds, res.Change.Summary)
	}
	if got := readTestFile(t, dir, "cases/W-001/intake.yaml"); !strings.HasSuffix(got, "\nexited: 2026-09-30\n") {
		t.Errorf("intake.yaml:\n%s", got)
	}
	files := strings.Fields(gitCLI(t, dir, "show", "--name-only", "--format=", "HEAD"))
	if len(files) != 2 || files[0] != "cases/W-001/intake.yaml" || !strings.HasPrefix(files[1], "cases/W-001/notes/2026-09-30-") {
		t.Fatalf("commit's files %q", files)
	}
	note := readTestFile(t, dir, files[1])
	for _, want := range []string{
		"kind: other\n", "mode: none\n", "reason: Employed; services complete\n",
		"content: 'Program exit: services ended on 2026-09-30. Follow-up to 2027-09-30 (002; TEGL 10-16).'\n",
		// Calendar quarters after the quarter of exit (2026-Q3): TEGL 10-16.
		"plan: Record a follow-up in the 2nd quarter after exit, 2027-Q1 (2027-01-01 to 2027-03-31) and the 4th quarter after exit, 2027-Q3 (2027-07-01 to 2027-09-30) with caseplan followup add.\n",
	} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q:\n%s", want, note)
		}
	}
	_, err = ws.Apply([]string{"W-001"}, (&ExitCase{Case: "W-001", Date: ws.Today}).Build)
	var ie *InputError
	if !errors.As(err, &ie) || ie.Msg != "case W-001 already exited on 2026-09-30" {
		t.Errorf("second exit: %v", err)
	}
	// The participant came back: the hint names the new period's case.
	if want := "its period of participation ended with that exit (TEGL 10-16): a participant who came back begins a new one with caseplan case new --returning-from W-001; a wrong exit date is corrected with caseplan edit W-001 intake"; ie == nil || ie.Hint != want {
		t.Errorf("second exit: hint %q, want %q", hintOf(ie), want)
	}
	_, err = ws.Apply([]string{"W-001"}, ReopenCase{Case: "W-001", Date: ws.Today, Reason: "Laid off again"}.Build)
	if !errors.As(err, &ie) || ie.Msg != "case W-001 is not closed (status open); it exited on 2026-09-30" || !strings.Contains(ie.Hint, "caseplan case new --returning-from W-001") {
		t.Errorf("reopen of an exited case: %v (hint %q)", err, hintOf(ie))
	}
}

// TestSetCourseStatus: a course is named by its ID, its place or its
// name, and only its status line changes.
func TestSetCourseStatus(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001")
	random := idSource(t, "SK-00001", "SK-00002")
	applyWith(t, dir, "W-001", random, AddSkillCourse{Case: "W-001", Course: record.Course{Course: "Excel, intermediate", Start: "2026-03-23"}}.Build)
	applyWith(t, dir, "W-001", random, AddSkillCourse{Case: "W-001", Course: record.Course{Course: "Interviewing"}}.Build)
	applyPlan(t, dir, SetCourseStatus{Case: "W-001", Course: "2", Status: "dropped"}.Build)
	applyPlan(t, dir, SetCourseStatus{Case: "W-001", Course: "sk-00002", Status: "enrolled"}.Build)
	applyPlan(t, dir, SetCourseStatus{Case: "W-001", Course: "excel, INTERMEDIATE", Status: "completed"}.Build)
	got := readTestFile(t, dir, "cases/W-001/iep.yaml")
	if !strings.Contains(got, "  - id: SK-00001\n    course: Excel, intermediate\n    start: 2026-03-23\n    status: completed\n  - id: SK-00002\n    course: Interviewing\n    status: enrolled\n") {
		t.Errorf("iep.yaml:\n%s", got)
	}
	if got := gitCLI(t, dir, "log", "-1", "--format=%s%n%(trailers:key=Caseplan-Action,valueonly)"); got != "W-001: mark course \"Excel, intermediate\" completed\niep.course.status" {
		t.Errorf("last commit = %q", got)
	}
	for _, tt := range []struct{ course, status, want string }{
		{"3", "enrolled", `the skill plan of case W-001 has no course 3 (it has 1 "Excel, intermediate", 2 "Interviewing")`},
		{"Welding", "enrolled", `the skill plan of case W-001 has no course "Welding" (it has 1 "Excel, intermediate", 2 "Interviewing")`},
		{"1", "finished", `status "finished" is not one of planned, enrolled, completed, dropped`},
		{"2", "enrolled", `course 2 "Interviewing" is already enrolled`},
	} {
		_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, SetCourseStatus{Case: "W-001", Course: tt.course, Status: tt.status}.Build)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Msg != tt.want {
			t.Errorf("course %s %s: %v, want %q", tt.course, tt.status, err, tt.want)
		}
	}
}

// TestExitCaseProposed: without a date the exit is recorded on the date
// WIOA's definition gives — the last participation-causing service, once
// inactivity_exit_days (here the store's 60) pass without one and none
// scheduled — and the note says so; before then, or with no such service,
// the exit is refused, saying why.
func TestExitCaseProposed(t *testing.T) {
	dir := initTestStore(t)
	cfg := readTestFile(t, dir, "cases/caseplan.yaml")
	writeTestFile(t, dir, "cases/caseplan.yaml", strings.Replace(cfg, "inactivity_exit_days: 90", "inactivity_exit_days: 60", 1))
	gitCLI(t, dir, "commit", "-q", "-am", "exit after 60 days")
	openCase(t, dir, "W-001", "wioa")
	ws := openWorkspace(t, dir, maria)

	var ie *InputError
	_, err := ws.Apply([]string{"W-001"}, (&ExitCase{Case: "W-001"}).Build)
	if !errors.As(err, &ie) || ie.Msg != "case W-001 records no participation-causing service, so WIOA's definition gives no exit date" || ie.Hint != "give the exit date with --date DATE" {
		t.Errorf("exit without a service: %v", err)
	}
	// A service, then a follow-up service (which does not count) later.
	for _, n := range []record.Note{
		{Date: "2026-03-20", Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"career-counseling"}, Content: "Plan"},
		{Date: "2026-04-20", Kind: "follow-up", Mode: "phone", TwoWay: true, Services: []string{"follow-up"}, Content: "Checked in"},
	} {
		ws.Today = time.Date(2026, 4, 20, 0, 0, 0, 0, time.UTC)
		if _, err := ws.Apply([]string{"W-001"}, AddNote{Case: "W-001", Note: n}.Build); err != nil {
			t.Fatal(err)
		}
	}
	ws.Today = time.Date(2026, 5, 19, 0, 0, 0, 0, time.UTC) // 60 days after 2026-03-20
	_, err = ws.Apply([]string{"W-001"}, (&ExitCase{Case: "W-001"}).Build)
	if !errors.As(err, &ie) || ie.Msg != "case W-001 has not exited by WIOA's definition (60 days without a participation-causing service, none scheduled: TEGL 10-16): the last participation-causing service was on 2026-03-20, 60 day(s) ago; the participant exits unless served by 2026-05-19, and the exit can be recorded from 2026-05-20" {
		t.Errorf("exit within the days: %v", err)
	}

	ws.Today = time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC)
	x := &ExitCase{Case: "W-001"}
	res, err := ws.Apply([]string{"W-001"}, x.Build)
	if err != nil {
		t.Fatal(err)
	}
	if !x.Proposed || x.Date.Format(time.DateOnly) != "2026-03-20" || x.Because != "the last participation-causing service, 60 days without one and none scheduled (TEGL 10-16)" {
		t.Errorf("proposed %v %s %q", x.Proposed, x.Date, x.Because)
	}
	if res.Change.Summary != "exit the program on 2026-03-20; follow-up to 2027-03-31" {
		t.Errorf("summary %q", res.Change.Summary)
	}
	if got := readTestFile(t, dir, "cases/W-001/intake.yaml"); !strings.HasSuffix(got, "\nexited: 2026-03-20\n") {
		t.Errorf("intake.yaml:\n%s", got)
	}
	files := strings.Fields(gitCLI(t, dir, "show", "--name-only", "--format=", "HEAD"))
	if len(files) != 2 || !strings.HasPrefix(files[1], "cases/W-001/notes/2026-03-20-") {
		t.Fatalf("commit's files %q", files)
	}
	if note := readTestFile(t, dir, files[1]); !strings.Contains(note, "content: 'Program exit on 2026-03-20: the last participation-causing service, 60 days without one and none scheduled (TEGL 10-16). Follow-up to 2027-03-31 (002).'\n") {
		t.Errorf("note:\n%s", note)
	}
}

// TestTeamMemberOnRoster: a team member who is on the staff roster is
// linked to it by the roster's email address (what record.Intake.OnTeam
// reads): named by --staff, or by a name one active member has; a name
// two members share, an unknown ID and an address other than the
// roster's are refused; someone off the roster is left as typed.
func TestTeamMemberOnRoster(t *testing.T) {
	no := false
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "dpatel", Name: "Dev Patel", Email: "dpatel@example.org"},
		{ID: "slee", Name: "Sam Lee", Email: "slee@example.org"},
		{ID: "slee2", Name: "Sam  Lee", Email: "slee2@example.org"},
		{ID: "old", Name: "Old Timer", Email: "old@example.org", Active: &no},
		{ID: "dpatel0", Name: "Dev Patel", Email: "dev.patel@example.org", Active: &no},
	}}
	tests := []struct {
		name              string
		add               AddTeamMember
		wantID, wantName  string
		wantEmail, errHas string
		wantRetired       string
	}{
		{"a roster name", AddTeamMember{Member: record.TeamMember{Name: "dev patel"}}, "dpatel", "Dev Patel", "dpatel@example.org", "", ""},
		{"a roster ID", AddTeamMember{Staff: "dpatel"}, "dpatel", "Dev Patel", "dpatel@example.org", "", ""},
		{"a roster ID and its address", AddTeamMember{Staff: "dpatel", Member: record.TeamMember{Email: "DPatel@example.org"}}, "dpatel", "Dev Patel", "dpatel@example.org", "", ""},
		{"a roster address", AddTeamMember{Member: record.TeamMember{Name: "Dev", Email: "dpatel@example.org"}}, "dpatel", "Dev", "dpatel@example.org", "", ""},
		{"off the roster", AddTeamMember{Member: record.TeamMember{Name: "Alex Example"}}, "", "Alex Example", "", "", ""},
		{"a retired member's name", AddTeamMember{Member: record.TeamMember{Name: "Old Timer"}}, "", "Old Timer", "", "", "old"},
		{"a name with its own address", AddTeamMember{Member: record.TeamMember{Name: "Dev Patel", Email: "dev@example.net"}}, "", "Dev Patel", "dev@example.net", "", ""},
		{"a name two members share", AddTeamMember{Member: record.TeamMember{Name: "Sam Lee"}}, "", "", "", "2 staff members on the roster are named Sam Lee", ""},
		{"an unknown ID", AddTeamMember{Staff: "nobody"}, "", "", "", `--staff "nobody" is not on the staff roster`, ""},
		{"another address", AddTeamMember{Staff: "dpatel", Member: record.TeamMember{Email: "dev@example.net"}}, "", "", "", "--email dev@example.net is not dpatel's address", ""},
		{"a retired member's ID", AddTeamMember{Staff: "old"}, "", "", "", "--staff old is retired from the staff roster", ""},
		{"a name a retired and an active member share", AddTeamMember{Member: record.TeamMember{Name: "Dev Patel"}}, "dpatel", "Dev Patel", "dpatel@example.org", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.add.Member
			id, retired, err := tt.add.rosterMember(cfg, &m)
			if tt.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errHas) {
					t.Fatalf("err %v, want one with %q", err, tt.errHas)
				}
				return
			}
			if err != nil || id != tt.wantID || m.Name != tt.wantName || m.Email != tt.wantEmail || retired != tt.wantRetired {
				t.Errorf("got %q %q %q %q %v, want %q %q %q %q", id, m.Name, m.Email, retired, err, tt.wantID, tt.wantName, tt.wantEmail, tt.wantRetired)
			}
		})
	}
}

// TestTeamColleagueOnce: a colleague on the roster is on a case's team
// once, by their address; adding them again in another role is refused
// with the team update that changes the role, and nothing is written
// (two entries of one person left team remove by their name asking which).
func TestTeamColleagueOnce(t *testing.T) {
	dir := initTestStore(t)
	openCase(t, dir, "W-001", "wioa")
	res := applyTo(t, dir, "W-001", AddTeamMember{Case: "W-001", Staff: "mrivera", Member: record.TeamMember{Role: "counselor"}}.Build)
	tm := res.Change.Output
	before := captureState(t, dir)
	for _, add := range []AddTeamMember{
		{Case: "W-001", Staff: "mrivera", Member: record.TeamMember{Role: "navigator"}},
		{Case: "W-001", Member: record.TeamMember{Name: "Maria Rivera", Role: "navigator"}},
		{Case: "W-001", Member: record.TeamMember{Name: "M. Rivera", Email: "MRivera@example.org", Role: "other"}},
	} {
		_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, add.Build)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%+v: Apply = %v, want an InputError", add, err)
		}
		if want := "case W-001 already has Maria Rivera (mrivera on the staff roster) on its team as counselor"; ie.Msg != want {
			t.Errorf("message = %q\nwant      %q", ie.Msg, want)
		}
		if want := "caseplan case team update W-001 " + tm + " --role " + add.Member.Role; !strings.Contains(ie.Hint, want) {
			t.Errorf("hint = %q, want it to say %q", ie.Hint, want)
		}
		assertSameState(t, before, captureState(t, dir))
	}
}

// A staff member on a case's team is named for team remove and update by
// their staff ID, as team add --staff takes them: the entry with the
// roster's address; none, or two, leave the name to the usual lookup.
func TestTeamMemberByStaff(t *testing.T) {
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "nnav", Name: "Nat Navigator", Email: "nnav@example.org"},
		{ID: "dpatel", Name: "Dev Patel", Email: "dpatel@example.org"},
		{ID: "slee", Name: "Sam Lee", Email: "slee@example.org"},
	}}
	team := []record.TeamMember{
		{Name: "Union Rep"},
		{Name: "Nat Navigator", Email: "NNav@example.org"},
		{Name: "Sam Lee", Email: "slee@example.org"},
		{Name: "Sam Lee again", Email: "slee@example.org"},
	}
	for _, tc := range []struct {
		which string
		want  int
		ok    bool
	}{{"nnav", 1, true}, {" nnav ", 1, true}, {"dpatel", 0, false}, {"slee", 0, false}, {"nobody", 0, false}} {
		if i, ok := teamMemberByStaff(cfg, team, tc.which); i != tc.want || ok != tc.ok {
			t.Errorf("teamMemberByStaff(%q) = %d %v, want %d %v", tc.which, i, ok, tc.want, tc.ok)
		}
	}
}

// A team member named by none of the case's entries is refused with a
// hint that names the members — the staff ID of one on the roster — and
// the command to type again with one; another list's miss says how its
// items are named.
func TestTeamMemberMissHint(t *testing.T) {
	cfg := &record.Config{Staff: []record.Staff{{ID: "nnav", Name: "Nat Navigator", Email: "nnav@example.org"}}}
	team := []record.TeamMember{{Name: "Union Rep"}, {Name: "Nat Navigator", Email: "NNav@example.org"}}
	hint := teamMissHint(cfg, team, "caseplan case team remove W-1 MEMBER")
	want := `the team is 1 "Union Rep", 2 "Nat Navigator" (staff ID nnav): name a member by number, name or staff ID, as in caseplan case team remove W-1 nnav`
	if hint != want {
		t.Errorf("hint\n%s\nwant\n%s", hint, want)
	}
	_, err := pickItem("team member", "case W-1", "No Such", []string{"", ""}, []string{"Union Rep", "Nat Navigator"}, "", hint)
	if e, ok := err.(*InputError); !ok || e.Hint != want {
		t.Errorf("pickItem: %#v, want the hint %q", err, want)
	}
	for _, which := range []string{"No Such", "3"} {
		_, err = pickItem("barrier", "case W-1", which, []string{"BR-1", "BR-2"}, []string{"transportation", "child-care"}, "", "")
		if e, ok := err.(*InputError); !ok || e.Hint != "name the barrier by its number (1 to 2), its name or its ID" {
			t.Errorf("pickItem %q: %#v, want a hint naming how", which, err)
		}
	}
}
