package casework

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

// day is a test date at midnight UTC.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestClosedCaseWrites: on a closed case, plan work dated after the
// closing is refused with the store as it was; the same work dated on or
// before the closing is a late entry; what the programs ask after the
// closing (a note) is taken; a reopening opens the plan again.
func TestClosedCaseWrites(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	ws := openWorkspace(t, dir, maria)
	apply := func(today string, build Build) error {
		t.Helper()
		ws.Today = day(today)
		_, err := ws.Apply([]string{"W-001"}, build)
		return err
	}
	mustApply := func(what, today string, build Build) {
		t.Helper()
		if err := apply(today, build); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	refused := func(what, today string, build Build) *ClosedCaseError {
		t.Helper()
		before := captureState(t, dir)
		err := apply(today, build)
		var closed *ClosedCaseError
		if !errors.As(err, &closed) {
			t.Fatalf("%s: want a closed-case refusal, got %v", what, err)
		}
		assertSameState(t, before, captureState(t, dir))
		return closed
	}
	service := func(start record.Date) Build {
		return AddPlanService{Case: "W-001", Service: record.PlanService{Name: "Resume workshop", Start: start}}.Build
	}

	ws.Today = day("2026-03-16")
	res, err := ws.Apply([]string{"W-001"}, AddGoal{Case: "W-001", Term: "short", Text: "Find a job"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	goal := res.Change.Output
	res, err = ws.Apply([]string{"W-001"}, service("2026-04-10"))
	if err != nil {
		t.Fatal(err)
	}
	scheduled := res.Change.Output
	mustApply("close", "2026-03-30", CloseCase{Case: "W-001", Date: day("2026-03-25"), Reason: "withdrew"}.Build)

	// After the closing: refused, saying since when and why, with the reopen.
	c := refused("a service after the closing", "2026-03-30", service("2026-03-27"))
	if got, want := c.Error(), "case W-001 is closed (since 2026-03-25, reason withdrew); a plan service dated 2026-03-27 is work after the closing"; got != want {
		t.Errorf("message:\n got %s\nwant %s", got, want)
	}
	if h := c.Hint(); !strings.Contains(h, "on or before 2026-03-25, give that date with --start") || !strings.Contains(h, "caseplan case reopen W-001 --date DATE --reason TEXT") {
		t.Errorf("hint: %s", h)
	}
	// Undated work is dated today; its hint has no date to give.
	c = refused("a goal added after the closing", "2026-03-30", AddGoal{Case: "W-001", Term: "short", Text: "Keep the job"}.Build)
	if h := c.Hint(); strings.Contains(h, "give that date") || !strings.Contains(h, "caseplan case reopen W-001") {
		t.Errorf("hint of undated work: %s", h)
	}
	refused("a referral after the closing", "2026-03-30", AddReferral{Case: "W-001", Referral: record.Referral{Service: "Child care", Provider: "Example Child Care", Referred: "2026-03-26"}}.Build)
	refused("an activity after the closing", "2026-03-30", AddActivity{Case: "W-001", Entry: record.NetworkingEvent{Date: "2026-03-28", Event: "Job club"}}.Build)

	// On or before the closing day: a late entry.
	mustApply("a service the week before, entered late", "2026-03-30", service("2026-03-18"))
	mustApply("a service on the closing day", "2026-03-30", service("2026-03-25"))
	mustApply("a referral before the closing", "2026-03-30", AddReferral{Case: "W-001", Referral: record.Referral{Service: "Child care", Provider: "Example Child Care", Referred: "2026-03-20"}}.Build)

	// A service still scheduled is cancelled after the closing: that
	// winds the plan down, and is no work.
	mustApply("a cancellation after the closing", "2026-03-30", CancelPlanService{Case: "W-001", Service: scheduled}.Build)

	// How the plan ended is recorded after the closing: a goal achieved
	// (the case closed as placed) is taken; making it active again is
	// work, refused.
	mustApply("a goal achieved after the closing", "2026-03-30", SetGoalStatus{Case: "W-001", Goal: goal, Status: "achieved"}.Build)
	refused("a goal made active again after the closing", "2026-03-30", SetGoalStatus{Case: "W-001", Goal: goal, Status: "active"}.Build)

	// What the programs ask after the closing.
	mustApply("a note after the closing", "2026-03-30", AddNote{Case: "W-001", Note: contactNote("2026-03-30")}.Build)

	// Reopened, the plan takes work again; a day of the closed spell is
	// still refused, and named as such.
	mustApply("reopen", "2026-04-01", ReopenCase{Case: "W-001", Date: day("2026-04-01"), Reason: "Back in the job search"}.Build)
	mustApply("a service after the reopening", "2026-04-02", service("2026-04-02"))
	c = refused("a service while the case was closed", "2026-04-02", service("2026-03-28"))
	if c.Reopened != "2026-04-01" || !strings.HasPrefix(c.Error(), "case W-001 was closed on 2026-03-28 (from 2026-03-25, reason withdrew, until it was reopened on 2026-04-01)") {
		t.Errorf("a day of the closed spell: %v", c)
	}

	// Closed again: the closure in force on the write's date decides.
	mustApply("close again", "2026-05-01", CloseCase{Case: "W-001", Date: day("2026-05-01"), Reason: "withdrew"}.Build)
	mustApply("a service in the second episode, entered late", "2026-05-10", service("2026-04-15"))
	c = refused("a service after the second closing", "2026-05-10", service("2026-05-05"))
	if c.Closure.Date != "2026-05-01" || c.Reopened != "" {
		t.Errorf("after the second closing: %v", c)
	}
	refused("a service in the first closed spell", "2026-05-10", service("2026-03-30"))
}

// TestClosedWork: the one rule, on records alone.
func TestClosedWork(t *testing.T) {
	cl := func(d record.Date) record.Closure { return record.Closure{Date: d, Reason: "placed"} }
	closed := &record.Intake{Status: "closed"}
	open := &record.Intake{Status: "open"}
	once := &record.Outcome{Closures: []record.Closure{cl("2026-03-25")}}
	twice := &record.Outcome{Closures: []record.Closure{cl("2026-03-25"), cl("2026-05-01")}, Reopenings: []record.Reopening{{Date: "2026-04-01"}}}
	reopenedSameDay := &record.Outcome{Closures: []record.Closure{cl("2026-03-25")}, Reopenings: []record.Reopening{{Date: "2026-03-25"}}}
	for _, tc := range []struct {
		name    string
		intake  *record.Intake
		outcome *record.Outcome
		day     record.Date
		refused bool
	}{
		{"before the closing", closed, once, "2026-03-24", false},
		{"on the closing day", closed, once, "2026-03-25", false},
		{"after the closing", closed, once, "2026-03-26", true},
		{"never closed", open, nil, "2026-03-26", false},
		{"open, records disagree", open, once, "2026-03-26", false},
		{"first episode", closed, twice, "2026-03-20", false},
		{"between the episodes", closed, twice, "2026-03-28", true},
		{"the reopening day", closed, twice, "2026-04-01", false},
		{"second episode", closed, twice, "2026-04-20", false},
		{"second closing day", closed, twice, "2026-05-01", false},
		{"after the second closing", closed, twice, "2026-05-02", true},
		{"reopened the day it closed", open, reopenedSameDay, "2026-03-26", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &casefile.Case{ID: "W-001", Intake: tc.intake, Outcome: tc.outcome}
			err := closedWork(c, tc.day, "--date", "a referral")
			if got := err != nil; got != tc.refused {
				t.Errorf("refused %v, want %v (%v)", got, tc.refused, err)
			}
		})
	}
}

// TestClosedCaseExit: a WIOA case closed before its exit was recorded
// still exits — the tickler and the performance report ask for it — on or
// before the closing, when services ended; an exit dated after the
// closing is refused, with the store as it was.
func TestClosedCaseExit(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	ws := openWorkspace(t, dir, maria)
	ws.Today = day("2026-03-30")
	if _, err := ws.Apply([]string{"W-001"}, AddNote{Case: "W-001", Note: contactNote("2026-03-18")}.Build); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: day("2026-03-25"), Reason: "moved"}.Build); err != nil {
		t.Fatal(err)
	}
	// Before the 90 days are over, the definition gives no exit yet; on
	// a closed case nothing can be served, so the refusal does not say
	// "unless served".
	_, err := ws.Apply([]string{"W-001"}, (&ExitCase{Case: "W-001"}).Build)
	if err == nil || strings.Contains(err.Error(), "unless served") || !strings.Contains(err.Error(), "the case is closed, so none follows; the exit can be recorded from 2026-06-17") {
		t.Errorf("an exit before the 90 days of a closed case: %v", err)
	}
	before := captureState(t, dir)
	_, err = ws.Apply([]string{"W-001"}, (&ExitCase{Case: "W-001", Date: day("2026-03-27")}).Build)
	var closed *ClosedCaseError
	if !errors.As(err, &closed) {
		t.Fatalf("an exit after the closing: want a closed-case refusal, got %v", err)
	}
	if !strings.Contains(closed.Hint(), "give that date with --date") {
		t.Errorf("hint: %s", closed.Hint())
	}
	assertSameState(t, before, captureState(t, dir))
	if _, err := ws.Apply([]string{"W-001"}, (&ExitCase{Case: "W-001", Date: day("2026-03-25"), Reason: "Moved away"}).Build); err != nil {
		t.Fatalf("an exit on the closing day: %v", err)
	}
}

// TestClosedCaseNoClosure: a case whose intake says closed while
// outcome.yaml records no closure in effect (validate's case-status) is
// refused work that needs it open, saying what disagrees and how to mend
// it, not a closing with no day.
func TestClosedCaseNoClosure(t *testing.T) {
	reopened := &record.Outcome{Closures: []record.Closure{{Date: "2026-03-25", Reason: "withdrew"}}, Reopenings: []record.Reopening{{Date: "2026-04-01"}}}
	for _, o := range []*record.Outcome{nil, reopened} {
		c := &casefile.Case{ID: "W-001", Intake: &record.Intake{Status: "closed"}, Outcome: o}
		err := closedCase(c, "a contact schedule is agreed while the case is open", "agree the schedule")
		var closed *ClosedCaseError
		if !errors.As(err, &closed) {
			t.Fatalf("want a closed-case refusal, got %v", err)
		}
		if got, want := closed.Error(), "case W-001 is closed in cases/W-001/intake.yaml, but cases/W-001/outcome.yaml records no closure in effect (case-status); a contact schedule is agreed while the case is open"; got != want {
			t.Errorf("message:\n got %s\nwant %s", got, want)
		}
		if h := closed.Hint(); !strings.Contains(h, "caseplan case close W-001 --date DATE --reason REASON") || !strings.Contains(h, "set status: open with caseplan edit W-001 intake") || !strings.Contains(h, "caseplan validate W-001") {
			t.Errorf("hint: %s", h)
		}
	}
}

// TestClosedCaseRewording: on a closed case, a pure rewording of an item
// already in the plan (its words alone) is taken whatever the date, and
// its commit says it corrected a closed case; a change of term, target,
// due date, owner or linked services is still plan work, refused; on an
// open case the same rewording is not marked.
func TestClosedCaseRewording(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	ws := openWorkspace(t, dir, maria)
	ws.Today = day("2026-03-20")
	add := func(build Build) string {
		t.Helper()
		res, err := ws.Apply([]string{"W-001"}, build)
		if err != nil {
			t.Fatal(err)
		}
		return res.Change.Output
	}
	text := func(s string) *string { return &s }
	goal := add(AddGoal{Case: "W-001", Term: "short", Text: "Find a job as a welder"}.Build)
	objective := add(AddObjective{Case: "W-001", Goal: goal, Text: "Finsh the welding course"}.Build)
	milestone := add(AddMilestone{Case: "W-001", Goal: goal, Text: "Sit the certfication exam", Due: "2026-05-01"}.Build)
	step := add(AddNextStep{Case: "W-001", Owner: "participant", Text: "Bring the resme"}.Build)

	// Open: a rewording is an ordinary update, not marked.
	res, err := ws.Apply([]string{"W-001"}, UpdateGoal{Case: "W-001", Goal: goal, Text: text("Find a job as a welder soon")}.Build)
	if err != nil || strings.Contains(res.Change.Summary, "closed") {
		t.Fatalf("a rewording on an open case: %v %v", res, err)
	}

	if _, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: day("2026-03-20"), Reason: "withdrew"}.Build); err != nil {
		t.Fatal(err)
	}
	ws.Today = day("2026-04-02")
	for _, tc := range []struct {
		what  string
		build Build
	}{
		{"a goal's text", UpdateGoal{Case: "W-001", Goal: goal, Text: text("Find a job as a welder")}.Build},
		{"an objective's text", UpdateObjective{Case: "W-001", Objective: objective, Text: text("Finish the welding course")}.Build},
		{"a milestone's text", UpdateMilestone{Case: "W-001", Milestone: milestone, Text: text("Sit the certification exam")}.Build},
		{"a next step's text", UpdateNextStep{Case: "W-001", Step: step, Text: text("Bring the resume")}.Build},
	} {
		before := captureState(t, dir)
		res, err := ws.Apply([]string{"W-001"}, tc.build)
		if err != nil {
			t.Errorf("%s after the closing: %v", tc.what, err)
			continue
		}
		if !strings.HasSuffix(res.Change.Summary, ": text (a correction on a closed case)") {
			t.Errorf("%s: summary %q does not say it corrects a closed case", tc.what, res.Change.Summary)
		}
		if res.Commit == "" || res.Commit == strings.TrimSpace(before.Head) {
			t.Errorf("%s: nothing committed", tc.what)
		}
		if subject := gitCLI(t, dir, "log", "-1", "--format=%s"); !strings.Contains(subject, "(a correction on a closed case)") {
			t.Errorf("%s: commit %q does not say it corrects a closed case", tc.what, subject)
		}
	}
	// words: the wording's flag when the refused update was given it
	// with others, whose hint then says the wording alone is taken.
	for _, tc := range []struct {
		what  string
		build Build
		words string
	}{
		{"a goal's text and term", UpdateGoal{Case: "W-001", Goal: goal, Text: text("Keep a job"), Term: text("long")}.Build, "--text"},
		{"a goal's target", UpdateGoal{Case: "W-001", Goal: goal, Target: text("2026-06-01")}.Build, ""},
		{"an objective's services", UpdateObjective{Case: "W-001", Objective: objective, Text: text("Weld"), Services: []string{""}}.Build, "--text"},
		{"a milestone's due date", UpdateMilestone{Case: "W-001", Milestone: milestone, Text: text("Sit it"), Due: text("2026-06-01")}.Build, "--text"},
		{"a next step's owner", UpdateNextStep{Case: "W-001", Step: step, Owner: text("manager")}.Build, ""},
		{"a new goal", AddGoal{Case: "W-001", Term: "short", Text: "Keep the job"}.Build, ""},
	} {
		before := captureState(t, dir)
		_, err := ws.Apply([]string{"W-001"}, tc.build)
		var closed *ClosedCaseError
		if !errors.As(err, &closed) {
			t.Errorf("%s after the closing: want a closed-case refusal, got %v", tc.what, err)
		} else if h := closed.Hint(); (tc.words != "") != strings.Contains(h, "wording alone") ||
			!strings.Contains(h, "give "+tc.words+" without the other flags") && tc.words != "" ||
			!strings.Contains(h, "caseplan case reopen W-001") {
			t.Errorf("%s after the closing: hint %q (the wording alone given: %q)", tc.what, h, tc.words)
		}
		assertSameState(t, before, captureState(t, dir))
	}
}

// TestClosedCaseUpdateHint: an update of a plan service or course that
// is more than its wording is dated by its --start only when it was given
// one; without, it is today's work, and the refusal's hint says to reopen
// the case, never to give a date with a --start the command was not
// given.
func TestClosedCaseUpdateHint(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	ws := openWorkspace(t, dir, maria)
	ws.Today = day("2026-03-20")
	add := func(build Build) string {
		t.Helper()
		res, err := ws.Apply([]string{"W-001"}, build)
		if err != nil {
			t.Fatal(err)
		}
		return res.Change.Output
	}
	text := func(s string) *string { return &s }
	service := add(AddPlanService{Case: "W-001", Service: record.PlanService{Name: "Resume workshop", Start: "2026-03-18"}}.Build)
	add(AddSkillCourse{Case: "W-001", Course: record.Course{Course: "Welding I", Start: "2026-03-18"}}.Build)
	add(CloseCase{Case: "W-001", Date: day("2026-03-20"), Reason: "withdrew"}.Build)
	ws.Today = day("2026-04-02")
	for _, tc := range []struct {
		what  string
		build Build
		start bool // the hint names --start
	}{
		{"a service's provider", UpdatePlanService{Case: "W-001", Service: service, Provider: text("Example Center")}.Build, false},
		{"a course's provider", UpdateCourse{Case: "W-001", Course: "1", Provider: text("Example College")}.Build, false},
		{"a course's end", UpdateCourse{Case: "W-001", Course: "1", End: text("2026-05-01")}.Build, false},
		{"a service's start removed", UpdatePlanService{Case: "W-001", Service: service, Start: text("")}.Build, false},
		{"a service's start after the closing", UpdatePlanService{Case: "W-001", Service: service, Start: text("2026-03-25")}.Build, true},
		{"a course's start after the closing", UpdateCourse{Case: "W-001", Course: "1", Provider: text("Example College"), Start: text("2026-03-25")}.Build, true},
	} {
		before := captureState(t, dir)
		_, err := ws.Apply([]string{"W-001"}, tc.build)
		var closed *ClosedCaseError
		if !errors.As(err, &closed) {
			t.Errorf("%s: want a closed-case refusal, got %v", tc.what, err)
			continue
		}
		if h := closed.Hint(); strings.Contains(h, "--start") != tc.start || !strings.Contains(h, "caseplan case reopen W-001") {
			t.Errorf("%s: hint %q (naming --start: want %v)", tc.what, h, tc.start)
		}
		assertSameState(t, before, captureState(t, dir))
	}
}

// TestClosedCaseSetPlan: the plan's vision and employment goal are its
// words, no plan item: set on a closed case, they are a correction, as an
// item's wording is, and the commit says so.
func TestClosedCaseSetPlan(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	ws := openWorkspace(t, dir, maria)
	ws.Today = day("2026-03-20")
	text := func(s string) *string { return &s }
	if _, err := ws.Apply([]string{"W-001"}, SetPlan{Case: "W-001", Vision: text("A stable job as a weldr")}.Build); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: day("2026-03-20"), Reason: "withdrew"}.Build); err != nil {
		t.Fatal(err)
	}
	ws.Today = day("2026-04-02")
	for _, tc := range []struct {
		what  string
		build Build
	}{
		{"the vision", SetPlan{Case: "W-001", Vision: text("A stable job as a welder")}.Build},
		{"the employment goal", SetPlan{Case: "W-001", EmploymentGoal: text("Welder")}.Build},
	} {
		res, err := ws.Apply([]string{"W-001"}, tc.build)
		if err != nil {
			t.Errorf("%s after the closing: %v", tc.what, err)
			continue
		}
		if !strings.HasSuffix(res.Change.Summary, " (a correction on a closed case)") {
			t.Errorf("%s: summary %q does not say it corrects a closed case", tc.what, res.Change.Summary)
		}
	}
}

// TestClosedCaseServiceEnd: a plan service does not end after the
// closing — nothing is served then — so iep service end dated after it
// is refused, and the hint names what a closed case takes instead: the
// skill plan's course completed, or the service cancelled. Both are
// taken.
func TestClosedCaseServiceEnd(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	ws := openWorkspace(t, dir, maria)
	ws.Today = day("2026-03-18")
	add := func(build Build) string {
		t.Helper()
		res, err := ws.Apply([]string{"W-001"}, build)
		if err != nil {
			var r *RefusedError
			if errors.As(err, &r) {
				t.Fatal(r.Findings)
			}
			t.Fatal(err)
		}
		return res.Change.Output
	}
	service := add(AddPlanService{Case: "W-001", Service: record.PlanService{Name: "Welding course", Start: "2026-03-17"}}.Build)
	course := add(AddSkillCourse{Case: "W-001", Course: record.Course{Course: "Welding course", Status: "enrolled", Start: "2026-03-17"}}.Build)
	ws.Today = day("2026-04-10")
	add(CloseCase{Case: "W-001", Date: day("2026-03-20"), Reason: "withdrew"}.Build)

	before := captureState(t, dir)
	_, err := ws.Apply([]string{"W-001"}, EndPlanService{Case: "W-001", Service: service, Date: "2026-04-03"}.Build)
	var closed *ClosedCaseError
	if !errors.As(err, &closed) {
		t.Fatalf("a service ended after the closing: want a closed-case refusal, got %v", err)
	}
	assertSameState(t, before, captureState(t, dir))
	h := closed.Hint()
	for _, want := range []string{"give that date with --date", "caseplan iep course status W-001 COURSE --status completed", "caseplan iep service cancel W-001 " + service} {
		if !strings.Contains(h, want) {
			t.Errorf("hint %q does not say %q", h, want)
		}
	}
	// Other dated work keeps its hint.
	_, err = ws.Apply([]string{"W-001"}, AddPlanService{Case: "W-001", Service: record.PlanService{Name: "Resume workshop", Start: "2026-04-03"}}.Build)
	if errors.As(err, &closed) && strings.Contains(closed.Hint(), "course status") {
		t.Errorf("a new service's hint names the course: %s", closed.Hint())
	}
	add(SetCourseStatus{Case: "W-001", Course: course, Status: "completed"}.Build)
	add(CancelPlanService{Case: "W-001", Service: service}.Build)
}

// TestCloseMendsAClosedIntake: case close on a case whose intake says
// closed with no closure on record (case-status, a status set by hand)
// records the closure it lacks, rather than asking for a reopening of a
// closure that does not exist; the case is then consistent. A case closed
// on record is still refused, with its closure.
func TestCloseMendsAClosedIntake(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001")
	intake := readTestFile(t, dir, "cases/W-001/intake.yaml")
	writeTestFile(t, dir, "cases/W-001/intake.yaml", strings.Replace(intake, "status: open", "status: closed", 1))
	gitCLI(t, dir, "commit", "--no-verify", "-qam", "status set by hand")
	ws := openWorkspace(t, dir, maria)
	res, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: testToday, Reason: "withdrew"}.Build)
	if err != nil {
		t.Fatalf("case close of a closed intake with no closure: %v", err)
	}
	if got, want := res.Change.Summary, "record the closure (withdrew) of a case its intake said was closed"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if o := readTestFile(t, dir, "cases/W-001/outcome.yaml"); !strings.Contains(o, "reason: withdrew") {
		t.Errorf("outcome.yaml has no closure:\n%s", o)
	}
	if len(res.Existing) != 0 || len(res.Left) != 0 {
		t.Errorf("the case still has findings after the closure: %v %v", res.Existing, res.Left)
	}
	_, err = ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: testToday, Reason: "withdrew"}.Build)
	var in *InputError
	if !errors.As(err, &in) || !strings.Contains(in.Error(), "is already closed (on ") {
		t.Errorf("closing it again: %v, want already closed, with the closure", err)
	}
}

// TestCloseOnTheReopeningsDay: a reopening on a closure's day counts as
// after it (record.Outcome.Turns), so closing a case again on the day it
// was reopened would leave it closed with no closure in effect; it is
// refused as input, naming the first day it can take, and the next day
// closes it.
func TestCloseOnTheReopeningsDay(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001")
	ws := openWorkspace(t, dir, maria)
	ws.Today = day("2026-04-10")
	if _, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: day("2026-03-25"), Reason: "withdrew"}.Build); err != nil {
		t.Fatalf("close: %v", err)
	}
	if _, err := ws.Apply([]string{"W-001"}, ReopenCase{Case: "W-001", Date: day("2026-04-01"), Reason: "Back in the job search"}.Build); err != nil {
		t.Fatalf("reopen: %v", err)
	}
	_, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: day("2026-04-01"), Reason: "withdrew"}.Build)
	var in *InputError
	if !errors.As(err, &in) || !strings.Contains(in.Error(), "cannot be closed again on that day") || !strings.Contains(in.Hint, "caseplan case close W-001 --date 2026-04-02 --reason withdrew") {
		t.Fatalf("a closure on the reopening's day: %v, want it refused as input with the next day", err)
	}
	if _, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: day("2026-04-02"), Reason: "withdrew"}.Build); err != nil {
		t.Errorf("a closure the next day: %v", err)
	}
}
