package casestate

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/store/storetest"
)

const config = `organization: Test Board
staff:
  - id: mrivera
    name: Maria Rivera
    email: mrivera@example.org
programs:
  ws:
    kind: work-security
  ws60:
    kind: work-security
    settings:
      work_security_days: 60
  ws10:
    kind: work-security
    settings:
      checkin_interval_days: 10
  wioa:
    kind: wioa
  wioa6:
    kind: wioa
    settings:
      follow_up_months: 6
  pe:
    kind: post-employment
  pe1:
    kind: post-employment
    settings:
      contact_interval_days: 1
`

// The intake of one case of each kind; fixtures add to them.
const (
	wsIntake = `id: C1
opened: 2026-03-02
program: ws
status: open
manager: mrivera
participant:
  name: Sam Sample
layoff:
  notice_date: 2026-03-02
  layoff_date: 2026-05-01
`
	wioaIntake = `id: C1
opened: 2026-03-02
program: wioa
status: open
manager: mrivera
participant:
  name: Ana Example
`
	peIntake = `id: C1
opened: 2026-03-02
program: pe
status: open
manager: mrivera
participant:
  name: Lee Example
`
)

// files is one case's records by file name (intake.yaml, notes/x.yaml).
type files map[string]string

// state computes the state of the case C1 made of fs on the day on.
func state(t *testing.T, fs files, on string) State {
	t.Helper()
	c, cfg := caseOf(t, fs)
	return Compute(c, cfg, day(on))
}

// caseOf loads the case C1 made of fs, and the store's settings.
func caseOf(t *testing.T, fs files) (*casefile.Case, *record.Config) {
	t.Helper()
	m := storetest.MemStore{"cases/caseplan.yaml": config}
	for name, s := range fs {
		m["cases/C1/"+name] = s
	}
	snap := storetest.Load(t, m)
	c := snap.Case("C1")
	if c == nil || c.Intake == nil {
		t.Fatal("no case C1")
	}
	return c, snap.Config
}

var day = storetest.Day

// with returns fs with more files, or files changed.
func (fs files) with(more files) files {
	out := files{}
	for k, v := range fs {
		out[k] = v
	}
	for k, v := range more {
		out[k] = v
	}
	return out
}

func note(id, kind, mode string, twoWay bool, extra string) string {
	s := "id: " + id + "\ndate: " + id[:10] + "\nauthor: mrivera\nkind: " + kind + "\nmode: " + mode + "\n"
	if twoWay {
		s += "two_way: true\n"
	}
	return s + "services: [job-search]\ncontent: Talked\n" + extra
}

// contactNote is a two-way contact recording a service on the note's date.
func contactNote(id string) string { return note(id, "contact", "phone", true, "") }

const extended = `extensions:
  - requested: 2026-07-20
    decided: 2026-07-28
    decision: approved
    by: Joint committee
    until: 2026-09-30
`

func TestPhases(t *testing.T) {
	// A candidate whose plan and toolbox are ready by the layoff date, as
	// 000 asks: the other cases leave them out.
	wsReady := wsIntake + "toolbox:\n  resume: final\n  cover_letter: final\n  thank_you_letter: final\n"
	wsPlan := "created: 2026-03-02\njob_targets:\n  - title: Records clerk\nskill_plan:\n  - course: Spreadsheets\n"
	ws := files{"intake.yaml": wsReady, "iep.yaml": wsPlan}
	wioa := files{"intake.yaml": wioaIntake}
	assessed := strings.Replace(wioaIntake, "participant:", "assessments:\n  - tool: Interest profiler\n    date: 2026-03-05\n  - tool: Skills assessment\n    date: 2026-03-04\nparticipant:", 1)
	pe := files{"intake.yaml": peIntake}
	for _, tt := range []struct {
		name  string
		fs    files
		on    string
		phase string
		start string // "" when none
		ends  string // "" when none
		left  int    // days left, when ends is set
	}{
		// Work security (000): notice 2026-03-02, layoff 2026-05-01, 90
		// days of work security to 2026-07-30.
		{"ws notification", ws, "2026-03-16", PhaseNotification, "2026-03-02", "2026-04-30", 45},
		{"ws notification's last day", ws, "2026-04-30", PhaseNotification, "2026-03-02", "2026-04-30", 0},
		{"ws work security from the layoff date", ws, "2026-05-01", PhaseWorkSecurity, "2026-05-01", "2026-07-30", 90},
		{"ws work security's last day", ws, "2026-07-30", PhaseWorkSecurity, "2026-05-01", "2026-07-30", 0},
		{"ws separated the day after", ws, "2026-07-31", PhaseSeparated, "2026-07-31", "", 0},
		{"ws a 60-day work security period", files{"intake.yaml": strings.Replace(wsIntake, "program: ws", "program: ws60", 1)}, "2026-05-01", PhaseWorkSecurity, "2026-05-01", "2026-06-30", 60},
		{"ws extension", ws.with(files{"outcome.yaml": extended}), "2026-08-15", PhaseExtension, "2026-07-31", "2026-09-30", 46},
		{"ws extension's last day", ws.with(files{"outcome.yaml": extended}), "2026-09-30", PhaseExtension, "2026-07-31", "2026-09-30", 0},
		{"ws separated after the extension", ws.with(files{"outcome.yaml": extended}), "2026-10-01", PhaseSeparated, "2026-10-01", "", 0},
		{"ws a denied extension separates", ws.with(files{"outcome.yaml": strings.Replace(extended, "approved", "denied", 1)}), "2026-08-15", PhaseSeparated, "2026-07-31", "", 0},
		// A pending request neither extends the period nor lets it end in
		// separation: the committee decides (000), and a refusal
		// separates from the day after the period's last day.
		{"ws a pending request does not extend nor separate", ws.with(files{"outcome.yaml": "extensions:\n  - requested: 2026-07-20\n    decision: pending\n"}), "2026-08-15", PhaseExtensionPending, "2026-07-31", "", 0},
		{"ws a request refused later was pending before", ws.with(files{"outcome.yaml": "extensions:\n  - requested: 2026-07-20\n    decided: 2026-08-10\n    decision: denied\n    by: Joint committee\n"}), "2026-08-05", PhaseExtensionPending, "2026-07-31", "", 0},
		{"ws a request refused after the end separates from the end", ws.with(files{"outcome.yaml": "extensions:\n  - requested: 2026-07-20\n    decided: 2026-08-10\n    decision: denied\n    by: Joint committee\n"}), "2026-08-10", PhaseSeparated, "2026-07-31", "", 0},
		{"ws placed", ws.with(files{"outcome.yaml": "placement:\n  employer: Library\n  position: Clerk\n  start: 2026-06-15\n"}), "2026-08-15", PhasePlaced, "2026-06-15", "", 0},
		{"ws placed before the layoff date", ws.with(files{"outcome.yaml": "placement:\n  employer: Library\n  position: Clerk\n  start: 2026-04-20\n"}), "2026-04-20", PhasePlaced, "2026-04-20", "", 0},
		// A placement recorded to start later leaves the case in its phase
		// until it starts (defect 6 of "Rules that are right").
		{"ws placement starting later", ws.with(files{"outcome.yaml": "placement:\n  employer: Library\n  position: Clerk\n  start: 2026-04-20\n"}), "2026-03-16", PhaseNotification, "2026-03-02", "2026-04-30", 45},
		{"ws closed", files{
			"intake.yaml":  strings.Replace(wsIntake, "status: open", "status: closed", 1),
			"outcome.yaml": "placement:\n  employer: Library\n  position: Clerk\n  start: 2026-06-15\nclosure:\n  date: 2026-07-01\n  reason: placed\n",
		}, "2026-08-15", PhaseClosed, "2026-07-01", "", 0},
		{"ws without a layoff", files{"intake.yaml": wsIntake[:strings.Index(wsIntake, "layoff:")]}, "2026-03-16", PhaseNotification, "2026-03-02", "", 0},

		// WIOA (002): the career-planning functions, then follow-up.
		{"wioa assessment", wioa, "2026-03-16", PhaseAssessment, "2026-03-02", "", 0},
		{"wioa goal setting once assessed", files{"intake.yaml": assessed}, "2026-03-16", PhaseGoalSetting, "2026-03-04", "", 0},
		{"wioa goal setting with a plan without goals", files{"intake.yaml": assessed, "iep.yaml": "created: 2026-03-06\n"}, "2026-03-16", PhaseGoalSetting, "2026-03-04", "", 0},
		{"wioa plan development: goals without objectives", files{"intake.yaml": assessed, "iep.yaml": "created: 2026-03-06\ngoals:\n  - id: G1\n    term: short\n    text: CNA\n"}, "2026-03-16", PhasePlanDevelopment, "2026-03-06", "", 0},
		{"wioa plan development: objectives without services", files{"intake.yaml": assessed, "iep.yaml": "created: 2026-03-06\ngoals:\n  - id: G1\n    term: short\n    text: CNA\n    objectives:\n      - id: O1\n        text: Certificate\n"}, "2026-03-16", PhasePlanDevelopment, "2026-03-06", "", 0},
		// Service delivery starts when the plan was developed or its first
		// service began, whichever came first, and never after today: on
		// 2026-03-16 the course of 2026-04-01 has not begun, and the plan
		// (created 2026-03-06) is being delivered.
		{"wioa service delivery before the first service starts", files{"intake.yaml": assessed, "iep.yaml": wioaPlan}, "2026-03-16", PhaseServiceDelivery, "2026-03-06", "", 0},
		{"wioa service delivery once the first service started", files{"intake.yaml": assessed, "iep.yaml": wioaPlan}, "2026-04-15", PhaseServiceDelivery, "2026-03-06", "", 0},
		{"wioa service delivery from a service begun before the plan was written", files{"intake.yaml": assessed, "iep.yaml": strings.Replace(wioaPlan, "start: 2026-04-01", "start: 2026-03-05", 1)}, "2026-03-16", PhaseServiceDelivery, "2026-03-05", "", 0},
		{"wioa service delivery never before the assessment", files{"intake.yaml": assessed, "iep.yaml": strings.Replace(wioaPlan, "start: 2026-04-01", "start: 2026-02-01", 1)}, "2026-03-16", PhaseServiceDelivery, "2026-03-04", "", 0},
		{"wioa service delivery of a plan written when the case opened starts at the assessment", files{"intake.yaml": assessed, "iep.yaml": strings.Replace(wioaPlan, "created: 2026-03-06", "created: 2026-03-02", 1)}, "2026-03-16", PhaseServiceDelivery, "2026-03-04", "", 0},
		{"wioa service delivery never starts after today", files{"intake.yaml": assessed, "iep.yaml": strings.Replace(wioaPlan, "created: 2026-03-06", "created: 2026-03-25", 1)}, "2026-03-16", PhaseServiceDelivery, "2026-03-16", "", 0},
		{"wioa plan development of a plan written when the case opened starts at the assessment", files{"intake.yaml": assessed, "iep.yaml": "created: 2026-03-02\ngoals:\n  - id: G1\n    term: short\n    text: CNA\n"}, "2026-03-16", PhasePlanDevelopment, "2026-03-04", "", 0},
		{"wioa follow-up after exit", files{"intake.yaml": assessed + "exited: 2026-06-30\n", "iep.yaml": wioaPlan}, "2026-12-31", PhaseFollowUp, "2026-06-30", "2027-06-30", 181},
		{"wioa follow-up's last day", files{"intake.yaml": assessed + "exited: 2026-06-30\n"}, "2027-06-30", PhaseFollowUp, "2026-06-30", "2027-06-30", 0},
		{"wioa exited after 12 months", files{"intake.yaml": assessed + "exited: 2026-06-30\n"}, "2027-07-01", PhaseExited, "2027-07-01", "", 0},
		// 6 months after an exit on 2026-06-30 end on 2026-12-30; the 2nd
		// quarter after exit (2026-Q4) starts within them, so follow-up
		// lasts to its end; the 4th does not.
		{"wioa 6 months of follow-up", files{"intake.yaml": strings.Replace(wioaIntake, "program: wioa", "program: wioa6", 1) + "exited: 2026-06-30\n"}, "2027-01-01", PhaseExited, "2027-01-01", "", 0},
		{"wioa closed", files{
			"intake.yaml":  strings.Replace(wioaIntake, "status: open", "status: closed", 1),
			"outcome.yaml": "closure:\n  date: 2026-05-01\n  reason: moved\n",
		}, "2026-05-02", PhaseClosed, "2026-05-01", "", 0},

		// Post-employment (003): 12 months of services after cash
		// assistance ended.
		{"pe active", pe, "2026-03-16", PhaseActive, "2026-03-02", "", 0},
		{"pe active until cash assistance ends", files{"intake.yaml": peIntake + "cash_assistance_ended: 2026-04-30\n"}, "2026-03-16", PhaseActive, "2026-03-02", "", 0},
		{"pe follow-up", files{"intake.yaml": peIntake + "cash_assistance_ended: 2026-03-10\n"}, "2026-03-16", PhaseFollowUp, "2026-03-10", "2027-03-10", 359},
		// Cash assistance that ended before the case opened: the 12
		// months count from its end, but the phase starts with the case.
		{"pe follow-up never starts before the opening", files{"intake.yaml": peIntake + "cash_assistance_ended: 2026-02-28\n"}, "2026-03-16", PhaseFollowUp, "2026-03-02", "2027-02-28", 349},
		{"pe still open after its 12 months", files{"intake.yaml": peIntake + "cash_assistance_ended: 2025-02-28\n"}, "2026-03-16", PhaseFollowUp, "2026-03-02", "2026-02-28", -16},
		{"pe closed", files{
			"intake.yaml":  strings.Replace(peIntake, "status: open", "status: closed", 1),
			"outcome.yaml": "closure:\n  date: 2026-03-10\n  reason: other\n",
		}, "2026-03-16", PhaseClosed, "2026-03-10", "", 0},

		{"an unknown program has no phase", files{"intake.yaml": strings.Replace(peIntake, "program: pe", "program: nosuch", 1)}, "2026-03-16", "", "", "", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := state(t, tt.fs, tt.on)
			if s.Phase != tt.phase || string(s.PhaseStart) != tt.start || string(s.PhaseEnds) != tt.ends {
				t.Errorf("phase %q from %q to %q, want %q from %q to %q", s.Phase, s.PhaseStart, s.PhaseEnds, tt.phase, tt.start, tt.ends)
			}
			switch {
			case tt.ends == "" && s.DaysLeft != nil:
				t.Errorf("days left %d, want none", *s.DaysLeft)
			case tt.ends != "" && (s.DaysLeft == nil || *s.DaysLeft != tt.left):
				t.Errorf("days left %v, want %d", s.DaysLeft, tt.left)
			}
		})
	}
}

// TestPhaseMovesOn: a WIOA case with plan work but no assessment in its
// intake stays in assessment, and the state says what moves it on (the
// trial of 002: goals, training, a placement and an assessment-coded note
// left the case in "assessment" with nothing said).
func TestPhaseMovesOn(t *testing.T) {
	wioa := files{"intake.yaml": wioaIntake}
	placed := "placements:\n  - id: P1\n    employer: Library\n    position: Clerk\n    start: 2026-03-10\n"
	assessed := strings.Replace(wioaIntake, "participant:", "assessments:\n  - tool: Interest profiler\n    date: 2026-03-05\nparticipant:", 1)
	for _, tt := range []struct {
		name string
		fs   files
		want string // a part of PhaseMovesOn; "" when it must be ""
	}{
		{"nothing recorded yet", wioa, ""},
		{"goals and a plan service", wioa.with(files{"iep.yaml": wioaPlan}), "the records show 1 goal, 1 plan service, but the phase moves on only once an assessment is recorded in the intake"},
		{"a placement", wioa.with(files{"outcome.yaml": placed}), "1 placement, but"},
		{"the command", wioa.with(files{"iep.yaml": wioaPlan}), ": caseplan case assessment add C1 --tool TOOL --date DATE"},
		{"assessed", files{"intake.yaml": assessed, "iep.yaml": wioaPlan}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := state(t, tt.fs, "2026-03-16")
			switch {
			case tt.want == "" && s.PhaseMovesOn != "":
				t.Errorf("PhaseMovesOn %q, want none", s.PhaseMovesOn)
			case !strings.Contains(s.PhaseMovesOn, tt.want):
				t.Errorf("PhaseMovesOn %q, want it to contain %q", s.PhaseMovesOn, tt.want)
			}
		})
	}
}

// TestUnderWay: a plan service started with no end keeps the last
// service at today; the state names it and its start, so case show can
// say it is under way rather than give today's date as a service.
func TestUnderWay(t *testing.T) {
	plan := strings.Replace(wioaPlan, "    start:", "    code: training\n    start:", 1)
	open := strings.Replace(plan, "    end: 2026-06-30\n", "", 1)
	s := state(t, files{"intake.yaml": wioaIntake, "iep.yaml": open}, "2026-09-01")
	p := s.Participation
	if p == nil || p.UnderWay != "S1" || p.UnderWaySince != "2026-04-01" || p.LastService != "2026-09-01" {
		t.Fatalf("participation %+v, want S1 under way since 2026-04-01, last service 2026-09-01", p)
	}
	s = state(t, files{"intake.yaml": wioaIntake, "iep.yaml": plan}, "2026-09-01")
	if p := s.Participation; p == nil || p.UnderWay != "" || p.LastService != "2026-06-30" {
		t.Fatalf("participation %+v, want none under way once it has an end", p)
	}
}

const wioaPlan = `created: 2026-03-06
goals:
  - id: G1
    term: short
    text: Certified nursing assistant
    objectives:
      - id: O1
        text: Earn the CNA certificate
        services: [S1]
services:
  - id: S1
    name: CNA training
    start: 2026-04-01
    end: 2026-06-30
`

func TestContacts(t *testing.T) {
	s := state(t, files{
		"intake.yaml":                wioaIntake,
		"notes/2026-03-03-aa01.yaml": contactNote("2026-03-03-aa01"),
		"notes/2026-03-09-aa02.yaml": note("2026-03-09-aa02", "contact", "letter", false, ""), // one-way
		"notes/2026-03-10-aa03.yaml": contactNote("2026-03-10-aa03"),
		"notes/2026-03-12-aa04.yaml": note("2026-03-12-aa04", "amendment", "none", true, "amends: 2026-03-10-aa03\n"),
	}, "2026-03-16")
	if s.Contacts != 2 || s.LastContact != "2026-03-10" {
		t.Errorf("contacts %d, last %q; want 2, 2026-03-10", s.Contacts, s.LastContact)
	}
	if s.Case != "C1" || s.Manager != "mrivera" || s.Kind != "wioa" || s.Program != "wioa" || s.Status != "open" {
		t.Errorf("state %+v", s)
	}
}

// want is a due item as a test names it: kind, due date, a part of its
// detail (its beginning when it starts with ^), and the file:line it
// points at (file relative to the case).
type want struct {
	kind, due, detail, at string
}

func TestDue(t *testing.T) {
	// A candidate whose plan and toolbox are ready by the layoff date, as
	// 000 asks: the other cases leave them out.
	wsReady := wsIntake + "toolbox:\n  resume: final\n  cover_letter: final\n  thank_you_letter: final\n"
	wsPlan := "created: 2026-03-02\njob_targets:\n  - title: Records clerk\nskill_plan:\n  - course: Spreadsheets\n"
	ws := files{"intake.yaml": wsReady, "iep.yaml": wsPlan}
	refs := files{"references.yaml": "references:\n" + strings.Repeat("  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n", 3)}
	for _, tt := range []struct {
		name string
		fs   files
		on   string
		want []want
	}{
		{"ws: weekly check-in, the notification period's end, references", ws.with(files{
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
		}), "2026-03-16", []want{
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting with the candidate as soon as possible (000; within 7 days of the opening on 2026-03-02): caseplan note add C1 --kind intake --mode MODE --two-way", "intake.yaml:2"},
			{DueContact, "2026-03-19", "weekly check-in (every 7 days; last 2026-03-12)", "notes/2026-03-12-ck01.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DuePeriodEnd, "2026-04-30", "the notification period ends; the layoff date 2026-05-01 starts", "intake.yaml:10"},
			{DueReferences, "2026-05-01", "0 of 3 references with permission", "intake.yaml:1"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
		}},
		{"ws: check-ins every ten days are not weekly", files{
			"intake.yaml":                strings.Replace(wsReady, "program: ws\n", "program: ws10\n", 1),
			"iep.yaml":                   wsPlan,
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
		}.with(refs), "2026-03-16", []want{
			{DueIntakeMeeting, "2026-03-12", "within 10 days of the opening", "intake.yaml:2"},
			{DueContact, "2026-03-22", "^check-in (every 10 days; last 2026-03-12)", "notes/2026-03-12-ck01.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DuePeriodEnd, "2026-04-30", "the notification period ends", "intake.yaml:10"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
		}},
		// The committee's decision is due by the period's last day and
		// overdue after it; the check-ins go on while it is pending.
		{"ws: an extension decision due by the period's end", ws.with(refs).with(files{
			"notes/2026-07-27-ck01.yaml": contactNote("2026-07-27-ck01"),
			"outcome.yaml":               "extensions:\n  - requested: 2026-07-20\n    decision: pending\n",
		}), "2026-07-28", []want{
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting", "intake.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
			{DueExtensionDecision, "2026-07-30", "the joint committee's decision on the extension request of 2026-07-20, by the period's last day (2026-07-30)", "outcome.yaml:2"},
			{DuePeriodEnd, "2026-07-30", "an extension request awaits the joint committee's decision", "intake.yaml:10"},
			{DueContact, "2026-08-03", "weekly check-in", "notes/2026-07-27-ck01.yaml:2"},
		}},
		{"ws: an extension decision overdue once the period ended", ws.with(refs).with(files{
			"notes/2026-07-27-ck01.yaml": contactNote("2026-07-27-ck01"),
			"outcome.yaml":               "extensions:\n  - requested: 2026-07-20\n    decision: pending\n",
		}), "2026-08-05", []want{
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting", "intake.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
			{DueExtensionDecision, "2026-07-30", "the period ended on 2026-07-30: the candidate is neither extended nor separated", "outcome.yaml:2"},
			{DueContact, "2026-08-03", "weekly check-in", "notes/2026-07-27-ck01.yaml:2"},
		}},
		// A request made after the period ended is taken (000 sets no
		// deadline); its decision was due before it was made, which the
		// item says rather than read as a request the committee let lapse.
		{"ws: an extension requested after the period ended", ws.with(refs).with(files{
			"notes/2026-07-27-ck01.yaml": contactNote("2026-07-27-ck01"),
			"outcome.yaml":               "extensions:\n  - requested: 2026-08-04\n    decision: pending\n",
		}), "2026-08-05", []want{
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting", "intake.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
			{DueExtensionDecision, "2026-07-30", "the joint committee has not decided the extension request of 2026-08-04, made after the period ended on 2026-07-30, so its decision was due before the request: the candidate is neither extended nor separated", "outcome.yaml:2"},
			{DueContact, "2026-08-03", "weekly check-in", "notes/2026-07-27-ck01.yaml:2"},
		}},
		{"ws: the first check-in counts from the opening", ws.with(refs), "2026-03-16", []want{
			{DueContact, "2026-03-09", "first weekly check-in since the case opened on 2026-03-02", "intake.yaml:2"},
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting", "intake.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DuePeriodEnd, "2026-04-30", "the notification period ends", "intake.yaml:10"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
		}},
		{"ws: references missing past the layoff date stay due", ws.with(files{
			"references.yaml":            "references:\n  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n  - name: Lou Example\n    relationship: colleague\n",
			"notes/2026-05-10-ck01.yaml": contactNote("2026-05-10-ck01"),
		}), "2026-05-12", []want{
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting", "intake.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DueReferences, "2026-05-01", "1 of 3 references with permission", "references.yaml:1"},
			{DueContact, "2026-05-17", "weekly check-in", "notes/2026-05-10-ck01.yaml:2"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
			{DuePeriodEnd, "2026-07-30", "the work security period ends (90 days after the layoff date 2026-05-01); an extension needs", "intake.yaml:10"},
		}},
		{"ws: the search plan and the toolbox by the layoff date", files{
			"intake.yaml": wsIntake + "toolbox:\n  resume: draft\n",
		}.with(refs), "2026-03-16", []want{
			{DueContact, "2026-03-09", "first weekly check-in", "intake.yaml:2"},
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting", "intake.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DuePeriodEnd, "2026-04-30", "the notification period ends", "intake.yaml:10"},
			{DueSearchPlan, "2026-05-01", "the plan needs its job search plan (caseplan iep target add C1 --title TITLE) and skill plan (caseplan iep course add C1 --course NAME) by the layoff date", "intake.yaml:1"},
			{DueToolbox, "2026-05-01", "finish the toolbox by the layoff date: resume draft, cover letter not recorded, thank-you letter not recorded", "intake.yaml:11"},
		}},
		{"ws: a plan without its skill plan, overdue after the layoff date", files{
			"intake.yaml":                wsReady,
			"iep.yaml":                   "created: 2026-03-02\njob_targets:\n  - title: Records clerk\n",
			"notes/2026-05-10-ck01.yaml": contactNote("2026-05-10-ck01"),
		}.with(refs), "2026-05-12", []want{
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting", "intake.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DueSearchPlan, "2026-05-01", "^the plan needs its skill plan (caseplan iep course add C1 --course NAME) by the layoff date", "iep.yaml:1"},
			{DueContact, "2026-05-17", "weekly check-in", "notes/2026-05-10-ck01.yaml:2"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
			{DuePeriodEnd, "2026-07-30", "the work security period ends", "intake.yaml:10"},
		}},
		{"ws: the extension's end", ws.with(refs).with(files{
			"outcome.yaml":               extended,
			"notes/2026-08-10-ck01.yaml": contactNote("2026-08-10-ck01"),
		}), "2026-08-15", []want{
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting", "intake.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker with the candidate (monthly, 000; none yet since the case opened on 2026-03-02)", "intake.yaml:2"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
			{DueContact, "2026-08-17", "weekly check-in", "notes/2026-08-10-ck01.yaml:2"},
			{DuePeriodEnd, "2026-09-30", "the extension of the work security period ends", "outcome.yaml:1"},
		}},
		// A further request pending during the extension is said at its
		// end, as the first one is at the period's.
		{"ws: the extension's end, a further request pending", ws.with(refs).with(files{
			"outcome.yaml":               extended + "  - requested: 2026-09-14\n    decision: pending\n",
			"notes/2026-09-14-ck01.yaml": contactNote("2026-09-14-ck01"),
		}), "2026-09-15", []want{
			{DueIntakeMeeting, "2026-03-09", "hold the intake meeting", "intake.yaml:2"},
			{DueTrackerReview, "2026-04-02", "review the activity tracker", "intake.yaml:2"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
			{DueContact, "2026-09-21", "weekly check-in", "notes/2026-09-14-ck01.yaml:2"},
			{DueExtensionDecision, "2026-09-30", "the joint committee's decision on the extension request of 2026-09-14", "outcome.yaml:7"},
			{DuePeriodEnd, "2026-09-30", "the extension of the work security period ends; a further extension request awaits the joint committee's decision", "outcome.yaml:1"},
		}},
		// Nothing more to search for; what is left is to prepare the
		// candidate for separation and close the case (000).
		{"ws: separated, the closing left", ws.with(files{"iep.yaml": "created: 2026-03-02\n"}), "2026-08-15", []want{
			{DuePeriodEnd, "2026-07-30", "the work security period ended on 2026-07-30 without a placement: the candidate is separated; prepare them for separation (000) and close the case with caseplan case close", "intake.yaml:4"},
		}},
		{"ws: placed, follow-ups not done", ws.with(files{
			"iep.yaml":     "created: 2026-03-02\n",
			"outcome.yaml": "placement:\n  employer: Library\n  position: Clerk\n  start: 2026-06-15\nfollow_ups:\n  - due: 2026-07-15\n    done: 2026-07-14\n  - due: 2026-09-15\n",
		}), "2026-08-15", []want{
			{DueFollowUp, "2026-09-15", "follow-up after the placement at Library", "outcome.yaml:8"},
		}},
		{"plan: open milestones and next steps, the next review", files{
			"intake.yaml":                peIntake,
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
			"iep.yaml": `created: 2026-03-02
goals:
  - id: G1
    term: short
    text: Keep the job
    milestones:
      - id: M1
        text: Ninety days on the job
        due: 2026-04-01
      - id: M2
        text: First pay stub
        due: 2026-03-10
        done: 2026-03-09
  - id: G2
    term: long
    text: Full time
    status: achieved
    milestones:
      - id: M3
        text: Full-time offer
        due: 2026-03-01
next_steps:
  - id: N1
    owner: participant
    text: Ask about the evening shift
    due: 2026-03-20
  - id: N2
    owner: manager
    text: Call the child care office
    due: 2026-03-13
    done: 2026-03-13
  - id: N3
    owner: manager
    text: Look for a second bus route
reviews:
  - date: 2026-03-10
    by: mrivera
`,
		}, "2026-03-16", []want{
			{DueNextStep, "2026-03-20", "next step N1 (participant): Ask about the evening shift", "iep.yaml:23"},
			{DueMilestone, "2026-04-01", "milestone M1 (G1): Ninety days on the job", "iep.yaml:7"},
			{DueContact, "2026-04-11", "contact (every 30 days; last 2026-03-12)", "notes/2026-03-12-ck01.yaml:2"},
			{DuePlanReview, "2026-06-08", "review the plan (every 90 days; last 2026-03-10)", "iep.yaml:36"},
		}},
		// An action item stays due until it is done: marked so in its note,
		// by an amendment, or in the plan (caseplan action done|drop). A
		// later contact no longer takes it off the tickler by itself
		// (defect 8 of "Rules that are right").
		{"actions: open until done, amended done, or closed in the plan", files{
			"intake.yaml": peIntake,
			"iep.yaml":    "created: 2026-03-02\naction_items:\n  - note: 2026-03-03-aa01\n    item: 3\n    status: dropped\n    date: 2026-03-15\n    reason: moved in with family\n  - note: 2026-03-12-aa03\n    item: 2\n    status: done\n    date: 2026-03-20\n",
			// Due 03-05; the contact of 03-12 no longer takes it up.
			"notes/2026-03-03-aa01.yaml": contactNote("2026-03-03-aa01") + "actions:\n  - owner: participant\n    text: Bring the pay stubs\n    due: 2026-03-05\n  - owner: manager\n    text: Send the bus schedule\n    due: 2026-03-25\n  - owner: participant\n    text: Call the landlord\n    due: 2026-03-25\n",
			// Marks the bus schedule done; a one-way letter takes nothing up.
			"notes/2026-03-04-aa02.yaml": note("2026-03-04-aa02", "amendment", "none", false, "amends: 2026-03-03-aa01\nactions:\n  - owner: manager\n    text: Send the bus schedule\n    due: 2026-03-25\n    done: 2026-03-04\n"),
			"notes/2026-03-12-aa03.yaml": contactNote("2026-03-12-aa03") + "actions:\n  - owner: manager\n    text: Call the employer\n    due: 2026-03-14\n    done: 2026-03-13\n  - owner: participant\n    text: Apply for the subsidy\n    due: 2026-03-13\n",
			"notes/2026-03-14-aa04.yaml": note("2026-03-14-aa04", "contact", "letter", false, ""),
		}, "2026-03-16", []want{
			{DueAction, "2026-03-05", "action 2026-03-03-aa01#1 (participant): Bring the pay stubs", "notes/2026-03-03-aa01.yaml:10"},
			// Done in the plan, but on 03-20: still due on 03-16.
			{DueAction, "2026-03-13", "action 2026-03-12-aa03#2 (participant): Apply for the subsidy", "notes/2026-03-12-aa03.yaml:14"},
			{DueContact, "2026-04-11", "contact (every 30 days; last 2026-03-12)", "notes/2026-03-12-aa03.yaml:2"},
			{DuePlanReview, "2026-05-31", "review the plan", "iep.yaml:1"},
		}},
		// Without a participation-causing service there is no participant,
		// so no exit to foresee (TEGL 10-16).
		{"wioa: the first contact within 10 days, no exit before participation", files{"intake.yaml": wioaIntake}, "2026-03-16", []want{
			{DueContact, "2026-03-12", "first contact: within 10 days of opening", "intake.yaml:2"},
		}},
		{"wioa: contacts every 30 days, potential exit from the last service", files{
			"intake.yaml":                wioaIntake,
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
		}, "2026-03-16", []want{
			{DueContact, "2026-04-04", "contact (every 30 days; last 2026-03-05)", "notes/2026-03-05-ab12.yaml:2"},
			{DuePotentialExit, "2026-06-04", "potential exit: no participation-causing service since 2026-03-05; exits unless served (or a service is scheduled) by 2026-06-03, with exit date 2026-03-05", "intake.yaml:4"},
		}},
		// Day 90 after the last service: a service today still prevents
		// the exit, so the item says so and is not overdue; it is due the
		// next day, when case exit can record the exit.
		{"wioa: on day 90 the potential exit says serve by today", files{
			"intake.yaml":                wioaIntake,
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
		}, "2026-06-03", []want{
			{DueContact, "2026-04-04", "contact", "notes/2026-03-05-ab12.yaml:2"},
			{DuePotentialExit, "2026-06-04", "^potential exit: no participation-causing service since 2026-03-05; exits unless served (or a service is scheduled) by 2026-06-03", "intake.yaml:4"},
		}},
		{"wioa: on day 91 the participant has exited: record it", files{
			"intake.yaml":                wioaIntake,
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
		}, "2026-06-04", []want{
			{DueContact, "2026-04-04", "contact", "notes/2026-03-05-ab12.yaml:2"},
			{DuePotentialExit, "2026-06-04", "^has exited: 90 days without a participation-causing service since 2026-03-05; record the exit, dated 2026-03-05, with caseplan case exit C1", "intake.yaml:4"},
		}},
		// A case closed without its exit recorded still exits (nothing
		// is served after the closing), and the performance report asks
		// for that exit: the tickler says so, and when it can be recorded.
		{"wioa: a closed case's exit, before it is known", files{
			"intake.yaml":                strings.Replace(wioaIntake, "status: open", "status: closed", 1),
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
			"outcome.yaml":               "closures:\n  - date: 2026-03-20\n    reason: moved\n",
		}, "2026-04-01", []want{
			{DuePotentialExit, "2026-06-04", "^exit of the closed case (closed on 2026-03-20): no participation-causing service since 2026-03-05; it exits on 2026-06-04, with exit date 2026-03-05: record it then with caseplan case exit C1", "intake.yaml:4"},
		}},
		{"wioa: a closed case's exit, once known", files{
			"intake.yaml":                strings.Replace(wioaIntake, "status: open", "status: closed", 1),
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
			"outcome.yaml":               "closures:\n  - date: 2026-03-20\n    reason: moved\n",
		}, "2026-06-10", []want{
			{DuePotentialExit, "2026-06-04", "^exit of the closed case (closed on 2026-03-20): it has exited, 90 days without a participation-causing service since 2026-03-05; record the exit, dated 2026-03-05, with caseplan case exit C1", "intake.yaml:4"},
		}},
		{"wioa: a closed case that exited is asked for no exit", files{
			"intake.yaml":                strings.Replace(wioaIntake, "status: open", "status: closed", 1) + "exited: 2026-03-05\n",
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
			"outcome.yaml":               "closures:\n  - date: 2026-03-20\n    reason: moved\n",
		}, "2026-06-10", []want{
			{DueFollowUp, "2026-09-30", "follow-up in the 2nd quarter after exit", "intake.yaml:8"},
			{DueFollowUp, "2027-03-31", "follow-up in the 4th quarter after exit", "intake.yaml:8"},
		}},
		// A service more than 90 days after the last hides the exit
		// those days made (TEGL 10-16, PIRL 901): potential-exit sees only
		// the new gap, so the tickler lists the hidden exit, overdue from
		// the day it became known, with the commands that mend it.
		{"wioa: an exit a later service hides is due from the day it was known", files{
			"intake.yaml":                wioaIntake,
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
			"notes/2026-07-01-ab13.yaml": contactNote("2026-07-01-ab13"),
		}, "2026-07-02", []want{
			{DueUnrecordedExit, "2026-06-04", "exit not recorded: the service on 2026-07-01 came after 90 days without a participation-causing service since 2026-03-05, so the participant exited on 2026-03-05 (TEGL 10-16, PIRL 901) and that service began a new period of participation; record the exit with caseplan case exit C1 --date 2026-03-05 and open the new period with caseplan case new --returning-from C1 --opened 2026-07-01", "intake.yaml:4"},
			{DueContact, "2026-07-31", "contact (every 30 days; last 2026-07-01)", "notes/2026-07-01-ab13.yaml:2"},
			{DuePotentialExit, "2026-09-30", "potential exit: no participation-causing service since 2026-07-01", "intake.yaml:4"},
		}},
		{"wioa: a closed case keeps the exit a later service hides", files{
			"intake.yaml":                strings.Replace(wioaIntake, "status: open", "status: closed", 1),
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
			"notes/2026-07-01-ab13.yaml": contactNote("2026-07-01-ab13"),
			"outcome.yaml":               "closures:\n  - date: 2026-07-10\n    reason: moved\n",
		}, "2026-07-20", []want{
			{DueUnrecordedExit, "2026-06-04", "^exit not recorded: the service on 2026-07-01", "intake.yaml:4"},
			{DuePotentialExit, "2026-09-30", "^exit of the closed case (closed on 2026-07-10)", "intake.yaml:4"},
		}},
		// The earlier exit recorded, the later service is wioa-exit-date's
		// (a new period's case), not this item's.
		{"wioa: an exit recorded before the later service is not asked for again", files{
			"intake.yaml":                wioaIntake + "exited: 2026-03-05\n",
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
			"notes/2026-07-01-ab13.yaml": contactNote("2026-07-01-ab13"),
		}, "2026-07-02", []want{
			{DueFollowUp, "2026-09-30", "follow-up in the 2nd quarter after exit", "intake.yaml:8"},
			{DueFollowUp, "2027-03-31", "follow-up in the 4th quarter after exit", "intake.yaml:8"},
			{DuePeriodEnd, "2027-03-31", "", "intake.yaml:8"},
		}},
		// Reopened after the last contact: the interval counts from the
		// reopening, not from a contact made before the case was closed.
		{"wioa: a reopened case's next contact counts from the reopening", files{
			"intake.yaml":                wioaIntake,
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
			"outcome.yaml":               "closures:\n  - date: 2026-03-10\n    reason: moved\nreopenings:\n  - date: 2026-05-04\n    reason: moved back\n",
		}, "2026-05-06", []want{
			{DueContact, "2026-06-03", "first contact since the case was reopened on 2026-05-04", "outcome.yaml:5"},
			{DuePotentialExit, "2026-06-04", "potential exit", "intake.yaml:4"},
		}},
		{"wioa: a contact after the reopening counts as before", files{
			"intake.yaml":                wioaIntake,
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
			"notes/2026-05-05-ab13.yaml": contactNote("2026-05-05-ab13"),
			"outcome.yaml":               "closures:\n  - date: 2026-03-10\n    reason: moved\nreopenings:\n  - date: 2026-05-04\n    reason: moved back\n",
		}, "2026-05-06", []want{
			{DueContact, "2026-06-04", "contact (every 30 days; last 2026-05-05)", "notes/2026-05-05-ab13.yaml:2"},
			{DuePotentialExit, "2026-08-04", "potential exit", "intake.yaml:4"},
		}},
		{"wioa: follow-ups in the 2nd and 4th quarter after exit", files{
			"intake.yaml":  wioaIntake + "exited: 2026-06-30\n",
			"outcome.yaml": "follow_ups:\n  - due: 2026-08-15\n    done: 2026-08-14\n",
		}, "2026-09-01", []want{
			// Calendar quarters after the quarter of exit (2026-Q2), TEGL
			// 10-16: the 2nd is 2026-Q4, the 4th 2027-Q2.
			{DueFollowUp, "2026-12-31", "follow-up in the 2nd quarter after exit, 2026-Q4 (2026-10-01 to 2026-12-31)", "intake.yaml:8"},
			{DueFollowUp, "2027-06-30", "follow-up in the 4th quarter after exit, 2027-Q2 (2027-04-01 to 2027-06-30)", "intake.yaml:8"},
			{DuePeriodEnd, "2027-06-30", "follow-up after exit (2026-06-30) ends", "intake.yaml:8"},
		}},
		{"wioa: a planned follow-up covers its quarter", files{
			"intake.yaml":  wioaIntake + "exited: 2026-06-30\n",
			"outcome.yaml": "follow_ups:\n  - due: 2026-12-15\n  - due: 2027-06-15\n",
		}, "2027-01-05", []want{
			{DueFollowUp, "2026-12-15", "follow-up after the exit on 2026-06-30", "outcome.yaml:2"},
			{DueFollowUp, "2027-06-15", "follow-up after the exit on 2026-06-30", "outcome.yaml:3"},
			{DuePeriodEnd, "2027-06-30", "follow-up after exit (2026-06-30) ends", "intake.yaml:8"},
		}},
		// A follow-up made late for a quarter it names (followup add
		// --quarter 2, a week after the quarter ended) covers it, as
		// validate's wioa-follow-up (met late) and the performance report
		// read it; one naming another quarter covers only that one, even
		// when it was done inside this one (calendar.FollowUpsFor).
		{"wioa: a late follow-up naming its quarter covers it", files{
			"intake.yaml":  wioaIntake + "exited: 2026-05-11\n",
			"outcome.yaml": "follow_ups:\n  - id: FU-A1\n    due: 2027-01-07\n    done: 2027-01-07\n    quarter: 2\n    employed: false\n",
		}, "2027-01-07", []want{
			{DueFollowUp, "2027-06-30", "follow-up in the 4th quarter after exit, 2027-Q2", "intake.yaml:8"},
			{DuePeriodEnd, "2027-06-30", "follow-up after exit (2026-05-11) ends", "intake.yaml:8"},
		}},
		{"wioa: a follow-up naming another quarter does not cover the one it was done in", files{
			"intake.yaml":  wioaIntake + "exited: 2026-05-11\n",
			"outcome.yaml": "follow_ups:\n  - id: FU-A1\n    due: 2026-12-10\n    done: 2026-12-10\n    quarter: 3\n    employed: false\n",
		}, "2026-12-10", []want{
			{DueFollowUp, "2026-12-31", "follow-up in the 2nd quarter after exit, 2026-Q4", "intake.yaml:8"},
			{DueFollowUp, "2027-06-30", "follow-up in the 4th quarter after exit, 2027-Q2", "intake.yaml:8"},
			{DuePeriodEnd, "2027-06-30", "follow-up after exit (2026-05-11) ends", "intake.yaml:8"},
		}},
		{"pe: benefit renewals and the end of the 12 months", files{
			"intake.yaml":                peIntake + "cash_assistance_ended: 2026-02-28\n",
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
			"iep.yaml": `created: 2026-03-02
self_sufficiency:
  plan: Keep the job
  benefits:
    - name: SNAP
      renewal: 2026-04-01
      status: active
    - name: Child care subsidy
      renewal: 2026-03-20
      status: pending
    - name: Cash assistance
      renewal: 2026-03-01
      status: ended
    - name: Transitional health coverage
      renewal: 2026-03-01
      status: lapsed
`,
		}, "2026-03-16", []want{
			{DueBenefit, "2026-03-01", "Transitional health coverage has lapsed; restore eligibility, then record it: caseplan iep benefit renew C1 'Transitional health coverage' --renewal DATE --status active", "iep.yaml:15"},
			{DueBenefit, "2026-03-20", "decision on the renewal of Child care subsidy (submitted); record it: approved, caseplan iep benefit renew C1 'Child care subsidy' --renewal DATE --status active; refused or not made in time, caseplan iep benefit renew C1 'Child care subsidy' --renewal 2026-03-20 --status lapsed", "iep.yaml:9"},
			{DueBenefit, "2026-04-01", "renew SNAP, then record it: renewed, caseplan iep benefit renew C1 'SNAP' --renewal DATE (the next renewal); submitted, awaiting the decision, caseplan iep benefit renew C1 'SNAP' --renewal 2026-04-01 --status pending", "iep.yaml:6"},
			{DueContact, "2026-04-11", "contact (every 30 days; last 2026-03-12)", "notes/2026-03-12-ck01.yaml:2"},
			{DuePlanReview, "2026-05-31", "review the plan (every 90 days; made 2026-03-02, not reviewed yet)", "iep.yaml:1"},
			{DuePeriodEnd, "2027-02-28", "the 12 months of post-employment services after cash assistance ended (2026-02-28) end; close the case: caseplan case close C1 --date DATE --reason completed", "intake.yaml:8"},
		}},
		// Once the 12 months are past, the item says they ended, and when.
		{"pe: the 12 months past", files{
			"intake.yaml":                peIntake + "cash_assistance_ended: 2025-02-28\n",
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
		}, "2026-03-16", []want{
			{DuePeriodEnd, "2026-02-28", "the 12 months of post-employment services after cash assistance ended (2025-02-28) ended on 2026-02-28; close the case: caseplan case close C1 --date DATE --reason completed", "intake.yaml:8"},
			{DueContact, "2026-04-11", "contact (every 30 days; last 2026-03-12)", "notes/2026-03-12-ck01.yaml:2"},
		}},
		// Closing ends the contacts, the plan and the periods, but not a
		// follow-up planned after it (001, 003): case show, iep show and
		// due all read this one list.
		{"a closed case has only its planned follow-ups due", files{
			"intake.yaml":  strings.Replace(peIntake, "status: open", "status: closed", 1),
			"outcome.yaml": "follow_ups:\n  - due: 2026-04-15\nclosure:\n  date: 2026-03-10\n  reason: other\n",
			"iep.yaml":     "created: 2026-03-02\nnext_steps:\n  - id: N1\n    owner: participant\n    text: Call\n    due: 2026-03-20\n",
		}, "2026-03-16", []want{
			{DueFollowUp, "2026-04-15", "follow-up (case closed on 2026-03-10)", "outcome.yaml:2"},
		}},
		{"a setting of 1 is one day", files{
			"intake.yaml":                strings.Replace(peIntake, "program: pe", "program: pe1", 1),
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
		}, "2026-03-16", []want{
			{DueContact, "2026-03-13", "contact (every 1 day; last 2026-03-12)", "notes/2026-03-12-ck01.yaml:2"},
		}},
		// A WIOA case closed after its exit still owes the follow-ups in
		// the 2nd and 4th quarters after exit (002, TEGL 10-16), as
		// wioa-follow-up says.
		{"a WIOA case closed after its exit keeps its quarters after exit due", files{
			"intake.yaml":  strings.Replace(wioaIntake, "status: open", "status: closed", 1) + "exited: 2026-06-30\n",
			"outcome.yaml": "closures:\n  - date: 2026-07-15\n    reason: placed\n",
		}, "2026-11-01", []want{
			{DueFollowUp, "2026-12-31", "follow-up in the 2nd quarter after exit, 2026-Q4", "intake.yaml:8"},
			{DueFollowUp, "2027-06-30", "follow-up in the 4th quarter after exit, 2027-Q2", "intake.yaml:8"},
		}},
		// The 4th quarter after exit ends on the follow-up's last day, so
		// its follow-up falls overdue the day the follow-up months are
		// over: it stays due, as wioa-follow-up and the performance report
		// still ask for it (TEGL 10-16), on an open case and a closed one.
		{"wioa: an uncovered quarter after exit stays due after the follow-up months", files{
			"intake.yaml":  wioaIntake + "exited: 2026-06-30\n",
			"outcome.yaml": "follow_ups:\n  - due: 2026-12-15\n    done: 2026-12-10\n    quarter: 2\n",
		}, "2027-07-01", []want{
			{DueFollowUp, "2027-06-30", "follow-up in the 4th quarter after exit, 2027-Q2", "intake.yaml:8"},
		}},
		{"a WIOA case closed after its exit keeps its quarters after exit due after the follow-up months", files{
			"intake.yaml":  strings.Replace(wioaIntake, "status: open", "status: closed", 1) + "exited: 2026-06-30\n",
			"outcome.yaml": "closures:\n  - date: 2026-07-15\n    reason: placed\n",
		}, "2027-09-01", []want{
			{DueFollowUp, "2026-12-31", "follow-up in the 2nd quarter after exit, 2026-Q4", "intake.yaml:8"},
			{DueFollowUp, "2027-06-30", "follow-up in the 4th quarter after exit, 2027-Q2", "intake.yaml:8"},
		}},
		// A reason to exclude the participant (PIRL 923) dated by a
		// quarter's end lifts that quarter's follow-up, not an earlier one.
		{"an exclusion lifts the follow-ups of the quarters ending after it", files{
			"intake.yaml":  strings.Replace(wioaIntake, "status: open", "status: closed", 1) + "exited: 2026-06-30\n",
			"outcome.yaml": "closures:\n  - date: 2026-07-15\n    reason: placed\nexclusions:\n  - kind: deceased\n    date: 2027-02-01\n",
		}, "2026-11-01", []want{
			{DueFollowUp, "2026-12-31", "follow-up in the 2nd quarter after exit, 2026-Q4", "intake.yaml:8"},
		}},
		// One dated before the exit, with services after it, did not end
		// the participation (PIRL 923: at time of exit or in the three
		// quarters after): the quarters after exit are still owed.
		{"an exclusion dated before the exit lifts no follow-up", files{
			"intake.yaml":  strings.Replace(wioaIntake, "status: open", "status: closed", 1) + "exited: 2026-06-30\n",
			"outcome.yaml": "closures:\n  - date: 2026-07-15\n    reason: placed\nexclusions:\n  - kind: health-medical\n    date: 2026-04-01\n",
		}, "2026-11-01", []want{
			{DueFollowUp, "2026-12-31", "follow-up in the 2nd quarter after exit, 2026-Q4", "intake.yaml:8"},
			{DueFollowUp, "2027-06-30", "follow-up in the 4th quarter after exit, 2027-Q2", "intake.yaml:8"},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := state(t, tt.fs, tt.on)
			var got, exp []string
			for _, d := range s.Due {
				got = append(got, d.Kind+" "+string(d.Due))
			}
			for _, w := range tt.want {
				exp = append(exp, w.kind+" "+w.due)
			}
			if strings.Join(got, "\n") != strings.Join(exp, "\n") {
				t.Fatalf("due items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(exp, "\n"))
			}
			for i, w := range tt.want {
				d := s.Due[i]
				if head, ok := strings.CutPrefix(w.detail, "^"); ok && !strings.HasPrefix(d.Detail, head) {
					t.Errorf("%s %s: detail %q, want it to begin with %q", d.Kind, d.Due, d.Detail, head)
				} else if !ok && !strings.Contains(d.Detail, w.detail) {
					t.Errorf("%s %s: detail %q, want it to contain %q", d.Kind, d.Due, d.Detail, w.detail)
				}
				if at := fmt.Sprintf("%s:%d", strings.TrimPrefix(d.Path, "cases/C1/"), d.Line); at != w.at {
					t.Errorf("%s %s: at %s, want %s", d.Kind, d.Due, at, w.at)
				}
				due, on := day(w.due), day(tt.on)
				if days := int(due.Sub(on).Hours() / 24); d.Days != days || d.Overdue != (days < 0) {
					t.Errorf("%s %s: days %d, overdue %v; want %d", d.Kind, d.Due, d.Days, d.Overdue, days)
				}
				if d.Case != "C1" || d.Manager != "mrivera" {
					t.Errorf("%s %s: case %q, manager %q", d.Kind, d.Due, d.Case, d.Manager)
				}
			}
		})
	}
}

// TestDueToday checks the edge of overdue: an item due today is not
// overdue and is 0 days away; one due yesterday is.
func TestDueToday(t *testing.T) {
	fs := files{"intake.yaml": peIntake, "notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01")}
	for on, want := range map[string]struct {
		days    int
		overdue bool
	}{"2026-04-11": {0, false}, "2026-04-12": {-1, true}, "2026-04-10": {1, false}} {
		var contact *Due
		s := state(t, fs, on)
		for i := range s.Due {
			if s.Due[i].Kind == DueContact {
				contact = &s.Due[i]
			}
		}
		if contact == nil || contact.Days != want.days || contact.Overdue != want.overdue {
			t.Errorf("on %s: contact %+v, want days %d overdue %v", on, contact, want.days, want.overdue)
		}
	}
}

// TestNilConfig: without store settings no program is known, and nothing
// is made up.
func TestNilConfig(t *testing.T) {
	m := storetest.MemStore{"cases/C1/intake.yaml": peIntake}
	snap, _, err := store.Load(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := Compute(snap.Case("C1"), nil, day("2026-03-16"))
	if s.Phase != "" || s.Kind != "" || len(s.Due) != 0 {
		t.Errorf("state without settings: %+v", s)
	}
}

// TestNotOpened: on a day before the case opened it was no case yet, of
// any program: not open, no phase, nothing due (a plan's next step dated
// before the opening included), as the reports and case list count it
// (OpenOn); from the opening day on it is open.
func TestNotOpened(t *testing.T) {
	step := "created: 2026-03-02\nnext_steps:\n  - id: N1\n    owner: participant\n    text: Call\n    due: 2026-02-10\n"
	for _, in := range []string{wsIntake, wioaIntake, peIntake} {
		fs := files{"intake.yaml": in, "iep.yaml": step}
		s := state(t, fs, "2026-03-01")
		if s.Status != StatusNotOpened || s.Phase != "" || s.PhaseStart != "" || s.DaysLeft != nil || s.Participation != nil || len(s.Due) != 0 {
			t.Errorf("%s the day before the opening: %+v, want status %s, no phase, nothing due", s.Kind, s, StatusNotOpened)
		}
		if s.Program == "" || s.Manager != "mrivera" {
			t.Errorf("%s the day before the opening: program %q manager %q, want them named", s.Kind, s.Program, s.Manager)
		}
		if s := state(t, fs, "2026-03-02"); s.Status != "open" || s.Phase == "" || len(s.Due) == 0 {
			t.Errorf("%s on the opening day: %+v, want open with a phase and items due", s.Kind, s)
		}
	}
}

// TestOpensAfter: the opening date alone, as a list keeps it, gives
// NotOpenedOn's answer; a date that is not one gives false (validate
// names it).
func TestOpensAfter(t *testing.T) {
	for _, tc := range []struct {
		opened, day string
		want        bool
	}{{"2026-03-02", "2026-03-01", true}, {"2026-03-02", "2026-03-02", false}, {"2026-03-02", "2026-04-01", false}, {"soon", "2026-03-01", false}, {"", "2026-03-01", false}} {
		d := day(tc.day).Add(15 * time.Hour) // the time of day does not count
		if got := OpensAfter(record.Date(tc.opened), d); got != tc.want {
			t.Errorf("OpensAfter(%q, %s) = %v; want %v", tc.opened, tc.day, got, tc.want)
		}
		c := &casefile.Case{Intake: &record.Intake{Opened: record.Date(tc.opened)}}
		if got := NotOpenedOn(c, d); got != tc.want {
			t.Errorf("NotOpenedOn(opened %q, %s) = %v; want %v", tc.opened, tc.day, got, tc.want)
		}
	}
}

// ComputeThen rewinds the case once and hands it back with its state: the
// same state as Compute, and the same case as AsOf (the reports read both).
func TestComputeThen(t *testing.T) {
	m := storetest.MemStore{"cases/caseplan.yaml": config, "cases/C1/intake.yaml": peIntake,
		"cases/C1/notes/2026-03-20-ab12.yaml": contactNote("2026-03-20-ab12")}
	snap := storetest.Load(t, m)
	c := snap.Case("C1")
	on := day("2026-03-16")
	then, s := ComputeThen(c, snap.Config, on)
	if want := Compute(c, snap.Config, on); !reflect.DeepEqual(s, want) {
		t.Errorf("ComputeThen state\n%+v\nwant Compute's\n%+v", s, want)
	}
	if want := AsOf(c, on); !reflect.DeepEqual(then, want) {
		t.Errorf("ComputeThen case\n%+v\nwant AsOf's\n%+v", then, want)
	}
	if len(then.Notes) != len(c.Notes)-1 {
		t.Errorf("the note of 2026-03-20 is not rewound away on 2026-03-16: %d of %d notes", len(then.Notes), len(c.Notes))
	}
}

// TestDueContactSchedule checks the next contact when the plan records
// the schedule agreed with the participant (000, 003): the next agreed day
// after the last contact, unless the program's interval falls first.
func TestDueContactSchedule(t *testing.T) {
	plan := func(schedule string) string { return "created: 2026-03-02\ncontact_schedule:\n" + schedule }
	weeklyTue := plan("  every: weekly\n  day: tuesday\n  time: \"18:00\"\n  mode: phone\n  agreed: 2026-03-02\n")
	for _, tt := range []struct {
		name string
		fs   files
		on   string
		want want
	}{
		{"ws: no schedule, by the interval", files{
			"intake.yaml":                wsIntake,
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
		}, "2026-03-16", want{DueContact, "2026-03-19", "weekly check-in (every 7 days; last 2026-03-12)", "notes/2026-03-12-ck01.yaml:2"}},
		{"ws: the agreed Tuesday after a Thursday's check-in", files{
			"intake.yaml":                wsIntake,
			"iep.yaml":                   weeklyTue,
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
		}, "2026-03-16", want{DueContact, "2026-03-17", "weekly check-in, agreed Tuesdays 18:00 by phone; last 2026-03-12", "iep.yaml:2"}},
		{"ws: on the agreed day the check-in is due today", files{
			"intake.yaml":                wsIntake,
			"iep.yaml":                   weeklyTue,
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
		}, "2026-03-17", want{DueContact, "2026-03-17", "weekly check-in, agreed Tuesdays", "iep.yaml:2"}},
		{"ws: a monthly agreement cannot put the check-in past the program's 7 days", files{
			"intake.yaml":                wsIntake,
			"iep.yaml":                   plan("  every: monthly\n  day_of_month: 25\n  agreed: 2026-03-02\n"),
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
		}, "2026-03-16", want{DueContact, "2026-03-19", "weekly check-in (every 7 days; last 2026-03-12), before the next agreed day (the 25th of each month: 2026-03-25): the program's interval comes first", "notes/2026-03-12-ck01.yaml:2"}},
		{"wioa: fortnightly counts its weeks from the agreed day", files{
			"intake.yaml":                wioaIntake,
			"iep.yaml":                   plan("  every: fortnightly\n  day: tuesday\n  mode: in-person\n  agreed: 2026-03-10\n"),
			"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
		}, "2026-03-16", want{DueContact, "2026-03-24", "contact, agreed every other Tuesday in person; last 2026-03-12", "iep.yaml:2"}},
		{"wioa: the first contact on the agreed day within the 10 days", files{
			"intake.yaml": wioaIntake,
			"iep.yaml":    plan("  every: weekly\n  day: thursday\n  agreed: 2026-03-02\n"),
		}, "2026-03-03", want{DueContact, "2026-03-05", "first contact: within 10 days of opening (a two-way contact recording a service, with a detailed note), agreed Thursdays", "iep.yaml:2"}},
		{"wioa: a reopened case's next contact is the agreed day after the reopening", files{
			"intake.yaml":                wioaIntake,
			"iep.yaml":                   plan("  every: weekly\n  day: friday\n  agreed: 2026-03-02\n"),
			"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
			"outcome.yaml":               "closures:\n  - date: 2026-03-10\n    reason: moved\nreopenings:\n  - date: 2026-05-04\n    reason: moved back\n",
		}, "2026-05-06", want{DueContact, "2026-05-08", "first contact since the case was reopened on 2026-05-04, agreed Fridays", "iep.yaml:2"}},
		{"pe: a monthly day past a short month's end is its last day", files{
			"intake.yaml":                peIntake,
			"iep.yaml":                   plan("  every: monthly\n  day_of_month: 31\n  agreed: 2026-03-02\n"),
			"notes/2027-01-31-ck01.yaml": contactNote("2027-01-31-ck01"),
		}, "2027-02-01", want{DueContact, "2027-02-28", "contact, agreed the 31st of each month; last 2027-01-31", "iep.yaml:2"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := state(t, tt.fs, tt.on)
			var got *Due
			for i, d := range s.Due {
				if d.Kind == DueContact {
					got = &s.Due[i]
				}
			}
			if got == nil {
				t.Fatalf("no contact due; items %v", s.Due)
			}
			if string(got.Due) != tt.want.due || !strings.Contains(got.Detail, tt.want.detail) {
				t.Errorf("contact due %s %q, want %s %q", got.Due, got.Detail, tt.want.due, tt.want.detail)
			}
			if at := fmt.Sprintf("%s:%d", strings.TrimPrefix(got.Path, "cases/C1/"), got.Line); at != tt.want.at {
				t.Errorf("at %s, want %s", at, tt.want.at)
			}
		})
	}
}

// TestContactProgramOverdue checks that a missed agreed day is overdue on
// the tickler but not by the program's rule until the program's interval
// has passed too: the office is judged by the interval (002's 30 days),
// not by the day it agreed with the participant.
func TestContactProgramOverdue(t *testing.T) {
	fs := files{
		"intake.yaml":                wioaIntake,
		"iep.yaml":                   "created: 2026-03-02\ncontact_schedule:\n  every: weekly\n  day: tuesday\n  agreed: 2026-03-02\n",
		"notes/2026-03-12-ck01.yaml": contactNote("2026-03-12-ck01"),
	}
	for _, tt := range []struct {
		on                      string
		overdue, programOverdue bool
	}{
		{"2026-03-17", false, false}, // the agreed Tuesday itself
		{"2026-03-18", true, false},  // the Tuesday missed, 6 of the 30 days gone
		{"2026-04-11", true, false},  // the interval's last day (2026-03-12 + 30)
		{"2026-04-12", true, true},   // the interval passed too
	} {
		s := state(t, fs, tt.on)
		var got *Due
		for i, d := range s.Due {
			if d.Kind == DueContact {
				got = &s.Due[i]
			}
		}
		if got == nil {
			t.Fatalf("%s: no contact due; items %v", tt.on, s.Due)
		}
		if got.Due != "2026-03-17" || got.ByInterval != "2026-04-11" {
			t.Errorf("%s: due %s by interval %s, want 2026-03-17 and 2026-04-11", tt.on, got.Due, got.ByInterval)
		}
		if got.Overdue != tt.overdue || got.ProgramOverdue() != tt.programOverdue {
			t.Errorf("%s: overdue %v, by the program %v; want %v, %v", tt.on, got.Overdue, got.ProgramOverdue(), tt.overdue, tt.programOverdue)
		}
	}
	// Without an agreement the two are one.
	delete(fs, "iep.yaml")
	s := state(t, fs, "2026-04-12")
	for _, d := range s.Due {
		if d.Kind == DueContact && (d.ByInterval != "" || !d.Overdue || !d.ProgramOverdue()) {
			t.Errorf("no schedule: %+v, ProgramOverdue %v", d, d.ProgramOverdue())
		}
	}
}

// TestExtensionUntil checks that an extension the joint committee
// approved before the work security period ended is named while the
// period still runs (the period's days left are not the candidate's
// support: 000's extension follows them), and not once it has begun, nor
// for a denied or pending request.
func TestExtensionUntil(t *testing.T) {
	wsPlan := "created: 2026-03-02\njob_targets:\n  - title: Records clerk\nskill_plan:\n  - course: Spreadsheets\n"
	ws := files{"intake.yaml": wsIntake, "iep.yaml": wsPlan}
	for _, tt := range []struct {
		name string
		fs   files
		on   string
		want string
	}{
		{"approved, the period still running", ws.with(files{"outcome.yaml": extended}), "2026-07-29", "2026-09-30"},
		{"approved, on the period's last day", ws.with(files{"outcome.yaml": extended}), "2026-07-30", "2026-09-30"},
		{"the extension begun: its own phase", ws.with(files{"outcome.yaml": extended}), "2026-07-31", ""},
		{"approved later than the day", ws.with(files{"outcome.yaml": extended}), "2026-07-27", ""},
		{"denied", ws.with(files{"outcome.yaml": strings.Replace(extended, "approved", "denied", 1)}), "2026-07-29", ""},
		{"no request", ws, "2026-07-29", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(state(t, tt.fs, tt.on).ExtensionUntil); got != tt.want {
				t.Errorf("ExtensionUntil = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestManagedOn: the former manager managed the case up to and on the
// transfer's day, the new one from that day on; each transfer of a day
// counts (two hand-ons in one day).
func TestManagedOn(t *testing.T) {
	in := &record.Intake{Manager: "cy", Transfers: []record.Transfer{
		{Date: "2026-03-16", From: "ann", To: "ben"},
		{Date: "2026-03-20", From: "ben", To: "cy"},
	}}
	day := func(s string) time.Time { d, _ := record.Date(s).Time(); return d }
	for _, tc := range []struct {
		who, day string
		want     bool
	}{
		{"ann", "2026-03-02", true}, {"ann", "2026-03-16", true}, {"ann", "2026-03-17", false},
		{"ben", "2026-03-15", false}, {"ben", "2026-03-16", true}, {"ben", "2026-03-20", true}, {"ben", "2026-03-21", false},
		{"cy", "2026-03-19", false}, {"cy", "2026-03-20", true}, {"", "2026-03-20", false},
	} {
		if got := ManagedOn(in, tc.who, day(tc.day)); got != tc.want {
			t.Errorf("ManagedOn(%s, %s) = %v, want %v", tc.who, tc.day, got, tc.want)
		}
	}
}

// TestDueContactWaived checks that a supervisor's waiver of a program's
// contact rule takes the case's next contact off the tickler, as RuleOf
// promises, for each program's rule (ws-checkin, wioa-contact-interval,
// pe-contact-interval): before the waiver's date, or without it, the
// contact is listed and answers to that rule.
func TestDueContactWaived(t *testing.T) {
	waiver := func(rule string) string {
		return "waivers:\n  - rule: " + rule + "\n    reason: the participant is abroad\n    by: mrivera\n    date: 2026-03-20\n"
	}
	for _, tt := range []struct {
		intake, rule string
	}{
		{wsIntake, RuleWSCheckin},
		{wioaIntake, RuleWIOAContact},
		{peIntake, RulePEContact},
	} {
		t.Run(tt.rule, func(t *testing.T) {
			contacts := func(fs files, on string) []Due {
				var out []Due
				for _, d := range state(t, fs, on).Due {
					if d.Kind == DueContact {
						out = append(out, d)
					}
				}
				return out
			}
			fs := files{"intake.yaml": tt.intake, "notes/2026-03-05-ck01.yaml": contactNote("2026-03-05-ck01")}
			if got := contacts(fs, "2026-03-25"); len(got) != 1 || got[0].Rule != tt.rule {
				t.Fatalf("without a waiver: contact items %+v, want one answering to %s", got, tt.rule)
			}
			fs["intake.yaml"] = tt.intake + waiver(tt.rule)
			if got := contacts(fs, "2026-03-19"); len(got) != 1 || got[0].Rule != tt.rule {
				t.Errorf("the day before the waiver: contact items %+v, want one answering to %s", got, tt.rule)
			}
			if got := contacts(fs, "2026-03-25"); len(got) != 0 {
				t.Errorf("waived: contact items %+v, want none", got)
			}
		})
	}
}

// TestDueFirstContactAfterReopening checks a WIOA case closed before
// anyone contacted the customer, then reopened: the first contact is
// still owed (002: "must contact them within 10 days"), now within 10
// days of the reopening, under wioa-first-contact — the rule validate
// reports it by, so a waiver takes it off both; waived, the contact
// every 30 days runs from the reopening (wioa-contact-interval).
// FirstContactOf is the count both ask.
func TestDueFirstContactAfterReopening(t *testing.T) {
	reopened := files{
		"intake.yaml":  wioaIntake,
		"outcome.yaml": "closures:\n  - date: 2026-03-05\n    reason: moved\nreopenings:\n  - date: 2026-05-04\n    reason: moved back\n",
	}
	contacts := func(fs files, on string) []Due {
		var out []Due
		for _, d := range state(t, fs, on).Due {
			if d.Kind == DueContact {
				out = append(out, d)
			}
		}
		return out
	}
	for _, tt := range []struct {
		on      string
		overdue bool
	}{{"2026-05-06", false}, {"2026-05-14", false}, {"2026-05-20", true}} {
		got := contacts(reopened, tt.on)
		if len(got) != 1 || got[0].Due != "2026-05-14" || got[0].Overdue != tt.overdue || got[0].Rule != RuleWIOAFirstContact ||
			!strings.HasPrefix(got[0].Detail, "first contact: within 10 days of the reopening on 2026-05-04") ||
			got[0].Path != "cases/C1/outcome.yaml" || got[0].Line != 5 {
			t.Errorf("on %s: contact items %+v, want the first contact due 2026-05-14 (overdue %v) by %s at outcome.yaml:5", tt.on, got, tt.overdue, RuleWIOAFirstContact)
		}
	}
	// On a day before the reopening the count is the opening's.
	c, cfg := caseOf(t, reopened)
	if f, ok := FirstContactOf(c, cfg, day("2026-03-04")); !ok || f.From != SinceOpening || date(f.By) != "2026-03-12" {
		t.Errorf("FirstContactOf on 2026-03-04 = %+v, %v; want from the opening, by 2026-03-12", f, ok)
	}
	if f, ok := FirstContactOf(c, cfg, day("2026-05-20")); !ok || f.From != SinceReopening || f.Reopening != 0 || date(f.By) != "2026-05-14" || !f.OverdueOn(day("2026-05-20")) {
		t.Errorf("FirstContactOf on 2026-05-20 = %+v, %v; want from reopening 0, by 2026-05-14, overdue", f, ok)
	}
	waived := files{
		"intake.yaml":  wioaIntake + "waivers:\n  - rule: " + RuleWIOAFirstContact + "\n    reason: the participant is abroad\n    by: mrivera\n    date: 2026-05-04\n",
		"outcome.yaml": reopened["outcome.yaml"],
	}
	if got := contacts(waived, "2026-05-20"); len(got) != 1 || got[0].Due != "2026-06-03" || got[0].Rule != RuleWIOAContact ||
		!strings.HasPrefix(got[0].Detail, "first contact since the case was reopened on 2026-05-04") {
		t.Errorf("first contact waived: contact items %+v, want the contact every 30 days from the reopening, due 2026-06-03, by %s", got, RuleWIOAContact)
	}
}

// The intake meeting (000: "as soon as possible") is on the tickler of a
// work-security case with no intake note: due on the last day of the
// first check-in interval, overdue from the day ws-intake-meeting warns;
// an intake note takes it off, and a closed case has none.
func TestDueIntakeMeeting(t *testing.T) {
	meetings := func(fs files, on string) []Due {
		var out []Due
		for _, d := range state(t, fs, on).Due {
			if d.Kind == DueIntakeMeeting {
				out = append(out, d)
			}
		}
		return out
	}
	fs := files{"intake.yaml": wsIntake}
	got := meetings(fs, "2026-03-09")
	if len(got) != 1 || got[0].Due != "2026-03-09" || got[0].Overdue || got[0].Rule != RuleWSIntakeMeeting || got[0].Path != "cases/C1/intake.yaml" || got[0].Line != 2 {
		t.Fatalf("on the interval's last day: %+v, want one due 2026-03-09, not overdue, answering to %s, at cases/C1/intake.yaml:2", got, RuleWSIntakeMeeting)
	}
	if got := meetings(fs, "2026-03-10"); len(got) != 1 || !got[0].Overdue || got[0].Days != -1 {
		t.Errorf("the day after: %+v, want it overdue by a day", got)
	}
	m, ok := IntakeMeetingOf(caseOf(t, fs))
	if !ok || !m.OverdueOn(day("2026-03-10")) || m.OverdueOn(day("2026-03-09")) {
		t.Errorf("IntakeMeetingOf: %+v, %v; want overdue from 2026-03-10, the day the item is", m, ok)
	}
	// A contact is not the intake meeting: the check-in moves on, the
	// meeting stays due.
	withContact := fs.with(files{"notes/2026-03-05-ck01.yaml": contactNote("2026-03-05-ck01")})
	if got := meetings(withContact, "2026-03-10"); len(got) != 1 {
		t.Errorf("after a contact: %+v, want the meeting still due", got)
	}
	held := fs.with(files{"notes/2026-03-12-in01.yaml": note("2026-03-12-in01", NoteIntake, "in-person", true, "")})
	if got := meetings(held, "2026-03-12"); len(got) != 0 {
		t.Errorf("with an intake note: %+v, want none", got)
	}
	if got := meetings(held, "2026-03-11"); len(got) != 1 {
		t.Errorf("the day before the intake note: %+v, want the meeting due", got)
	}
	closed := files{
		"intake.yaml":  strings.Replace(wsIntake, "status: open", "status: closed", 1),
		"outcome.yaml": "closures:\n  - date: 2026-03-05\n    reason: moved\n",
	}
	if got := meetings(closed, "2026-03-20"); len(got) != 0 {
		t.Errorf("closed: %+v, want none", got)
	}
	wioa := files{"intake.yaml": wioaIntake}
	if got := meetings(wioa, "2026-03-20"); len(got) != 0 {
		t.Errorf("wioa: %+v, want none (000 is work security's)", got)
	}
}

// A waiver of ws-intake-meeting takes the meeting off the tickler from
// its date on (RuleOf), as for the contact (TestDueContactWaived).
func TestDueIntakeMeetingWaived(t *testing.T) {
	meetings := func(fs files, on string) int {
		n := 0
		for _, d := range state(t, fs, on).Due {
			if d.Kind == DueIntakeMeeting {
				n++
			}
		}
		return n
	}
	fs := files{"intake.yaml": wsIntake + "waivers:\n  - rule: " + RuleWSIntakeMeeting + "\n    reason: met at the group orientation\n    by: mrivera\n    date: 2026-03-20\n"}
	if n := meetings(fs, "2026-03-19"); n != 1 {
		t.Errorf("the day before the waiver: %d intake-meeting items, want 1", n)
	}
	if n := meetings(fs, "2026-03-25"); n != 0 {
		t.Errorf("waived: %d intake-meeting items, want none", n)
	}
}

// A planned gap in service (TEGL 10-16: a delay before training, a
// health or family-care reason) is no exit, which a supervisor's waiver
// of wioa-unrecorded-exit says: it takes the unrecorded-exit item off the
// tickler from its date on (RuleOf), as validate stops warning.
func TestDueUnrecordedExitWaived(t *testing.T) {
	hidden := func(fs files, on string) int {
		n := 0
		for _, d := range state(t, fs, on).Due {
			if d.Kind == DueUnrecordedExit {
				n++
			}
		}
		return n
	}
	fs := files{
		"intake.yaml":                wioaIntake + "waivers:\n  - rule: " + RuleWIOAUnrecorded + "\n    reason: training start delayed by the college\n    by: mrivera\n    date: 2026-07-10\n",
		"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
		"notes/2026-07-01-ab13.yaml": contactNote("2026-07-01-ab13"),
	}
	if n := hidden(fs, "2026-07-09"); n != 1 {
		t.Errorf("the day before the waiver: %d unrecorded-exit items, want 1", n)
	}
	if n := hidden(fs, "2026-07-10"); n != 0 {
		t.Errorf("waived: %d unrecorded-exit items, want none", n)
	}
}

// Between an accepted offer and its start the tickler asks what validate
// asks: calendar.JobSearchActive, the one answer. Within the work security
// period the search goes on (the offer may still fall through), so the
// check-in stays due; once the period has ended with the offer secured,
// the salary bridged to the start (000), the search is over: no check-in
// or tracker review is owed, and the period-end item says when the
// placement starts.
func TestDueBetweenOfferAndStart(t *testing.T) {
	kinds := func(fs files, on string) map[string]bool {
		out := map[string]bool{}
		for _, d := range state(t, fs, on).Due {
			out[d.Kind] = true
		}
		return out
	}
	fs := files{
		"intake.yaml": wsIntake,
		"outcome.yaml": `placements:
  - id: PL-1
    employer: Example Library
    position: Assistant
    start: 2026-08-15
    recorded: 2026-07-20
`,
	}
	in := kinds(fs, "2026-07-25")
	if !in[DueContact] || !in[DueTrackerReview] || !in[DueReferences] {
		t.Errorf("in the period, the offer accepted: %v, want the check-in, the tracker review and the references still due", in)
	}
	bridged := kinds(fs, "2026-08-05")
	for _, k := range []string{DueContact, DueTrackerReview, DueIntakeMeeting} {
		if bridged[k] {
			t.Errorf("bridged to the start: %s listed, want the job search over (calendar.JobSearchActive)", k)
		}
	}
	// What was due by the layoff date stays due, as ws-references,
	// ws-iep-plan and ws-toolbox report it while the case is open.
	if !bridged[DueReferences] || !bridged[DueSearchPlan] || !bridged[DueToolbox] {
		t.Errorf("bridged to the start: %v, want the references, the search plan and the toolbox still due", bridged)
	}
	if !bridged[DuePeriodEnd] {
		t.Errorf("bridged to the start: %v, want the period-end item naming the start", bridged)
	}
}

// What was due by the layoff date is owed while the search lasts, an
// offer bridged to its start included; once the candidate is placed or
// separated (or the case closed) a deadline missed is history
// (LayoffItemsOwed, which validate's ws-references, ws-iep-plan and
// ws-toolbox ask too): no references, search-plan or toolbox item.
func TestLayoffItemsOwed(t *testing.T) {
	offer := files{"intake.yaml": wsIntake, "outcome.yaml": "placements:\n  - id: PL-1\n    employer: Example Library\n    position: Assistant\n    start: 2026-08-15\n    recorded: 2026-07-20\n"}
	closed := files{"intake.yaml": strings.Replace(wsIntake, "status: open", "status: closed", 1), "outcome.yaml": "closures:\n  - date: 2026-05-20\n    reason: other\n"}
	for _, tc := range []struct {
		name string
		fs   files
		on   string
		want bool
	}{
		{"searching, before the layoff date", files{"intake.yaml": wsIntake}, "2026-04-10", true},
		{"searching, after it", files{"intake.yaml": wsIntake}, "2026-05-10", true},
		{"offer bridged to its start", offer, "2026-08-05", true},
		{"placed", offer, "2026-08-15", false},
		{"separated", files{"intake.yaml": wsIntake}, "2026-08-15", false},
		{"closed", closed, "2026-05-25", false},
		{"another program", files{"intake.yaml": wioaIntake}, "2026-05-10", false},
	} {
		c, cfg := caseOf(t, tc.fs)
		if got := LayoffItemsOwed(c, cfg, day(tc.on)); got != tc.want {
			t.Errorf("%s, on %s: LayoffItemsOwed %v, want %v", tc.name, tc.on, got, tc.want)
		}
		listed := map[string]bool{}
		for _, d := range Compute(c, cfg, day(tc.on)).Due {
			listed[d.Kind] = true
		}
		for _, k := range []string{DueReferences, DueSearchPlan, DueToolbox} {
			if listed[k] != tc.want {
				t.Errorf("%s, on %s: %s item listed %v, want %v", tc.name, tc.on, k, listed[k], tc.want)
			}
		}
	}
}

// A reference who agreed to be named but gave neither a phone nor an
// email does not count (calendar.Reachable): the references item says
// which one, with the command that makes it count, as ws-references does.
func TestDueReferenceUnreachable(t *testing.T) {
	fs := files{
		"intake.yaml": wsIntake,
		"references.yaml": "references:\n" + strings.Repeat("  - name: Pat Example\n    relationship: colleague\n    phone: 555-0100\n    permission: 2026-03-10\n", 2) +
			"  - id: RF-K7QX3\n    name: Lou Example\n    relationship: colleague\n    permission: 2026-03-10\n",
	}
	var refs []Due
	for _, d := range state(t, fs, "2026-03-16").Due {
		if d.Kind == DueReferences {
			refs = append(refs, d)
		}
	}
	want := "2 of 3 references with permission; reference RF-K7QX3 agreed to be named but has neither a phone nor an email, so no employer can check it and it does not count: add one with caseplan ref update C1 RF-K7QX3 --phone PHONE (or --email EMAIL); secure the rest by the layoff date, each recorded with caseplan ref add C1 --name NAME --relationship TEXT --phone PHONE --permission DATE"
	if len(refs) != 1 || refs[0].Detail != want {
		t.Fatalf("references items: %+v\nwant one saying %q", refs, want)
	}
	fs["references.yaml"] = strings.Replace(fs["references.yaml"], "    name: Lou Example\n", "    name: Lou Example\n    email: lou@example.org\n", 1)
	for _, d := range state(t, fs, "2026-03-16").Due {
		if d.Kind == DueReferences {
			t.Errorf("with an email for Lou: %+v, want no references item", d)
		}
	}
}

// TestFollowUpQuarters: the quarters after exit a WIOA case owes a
// follow-up in (TEGL 10-16) are kept in the state whether a follow-up
// covers them or not, so that the monthly report counts them due and done
// from the tickler's own reading; an exclusion or a waiver of
// wioa-follow-up lifts them from both. An exit on 2026-06-30 has its 2nd
// quarter after exit end on 2026-12-31, its 4th on 2027-06-30.
func TestFollowUpQuarters(t *testing.T) {
	exited := wioaIntake + "exited: 2026-06-30\n"
	waiver := "waivers:\n  - rule: " + RuleWIOAFollowUp + "\n    reason: the participant moved abroad\n    by: mrivera\n    date: 2026-11-02\n"
	for _, tt := range []struct {
		name string
		fs   files
		want string // each quarter, covered or not
	}{
		{"none made", files{"intake.yaml": exited}, "2:2026-12-31:false 4:2027-06-30:false"},
		{"the 2nd made", files{"intake.yaml": exited, "outcome.yaml": "follow_ups:\n  - due: 2026-11-15\n    done: 2026-11-16\n"}, "2:2026-12-31:true 4:2027-06-30:false"},
		{"the 2nd planned", files{"intake.yaml": exited, "outcome.yaml": "follow_ups:\n  - due: 2026-12-15\n"}, "2:2026-12-31:false 4:2027-06-30:false"},
		{"excluded", files{"intake.yaml": exited, "outcome.yaml": "exclusions:\n  - kind: deceased\n    date: 2026-08-01\n"}, ""},
		{"waived", files{"intake.yaml": exited + waiver}, ""},
	} {
		st := state(t, tt.fs, "2026-12-31")
		var got []string
		for _, q := range st.FollowUpQuarters {
			got = append(got, fmt.Sprintf("%d:%s:%v", q.Quarter, date(q.Last), q.Covered))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: follow-up quarters %q, want %q", tt.name, strings.Join(got, " "), tt.want)
		}
	}
}

// NextContactAsOf rewinds only the notes; asked of every day around a
// case's history it gives what NextContactOf gives of the whole case
// rewound by AsOf — for each program, with notes out of date order, a
// contact note and a non-contact one, a note dated after the day asked,
// and a case closed and reopened.
func TestNextContactAsOfIsAsOf(t *testing.T) {
	notes := files{
		"notes/2026-04-20-b.yaml": contactNote("2026-04-20-b"),
		"notes/2026-03-09-a.yaml": contactNote("2026-03-09-a"),
		"notes/2026-05-11-c.yaml": note("2026-05-11-c", "contact", "email", false, ""),
		"notes/2026-06-15-d.yaml": contactNote("2026-06-15-d"),
		"notes/2026-08-03-e.yaml": contactNote("2026-08-03-e"),
	}
	turns := files{"outcome.yaml": "closures:\n  - date: 2026-06-20\n    reason: moved\nreopenings:\n  - date: 2026-07-06\n    reason: moved back\n"}
	for name, fs := range map[string]files{
		"work security":          notes.with(files{"intake.yaml": wsIntake}),
		"wioa, reopened":         notes.with(turns).with(files{"intake.yaml": wioaIntake}),
		"post-employment":        notes.with(files{"intake.yaml": peIntake}),
		"work security, no note": {"intake.yaml": wsIntake},
	} {
		c, cfg := caseOf(t, fs)
		contact := calendar.ContactFor(c, cfg)
		for d := day("2026-02-20"); !d.After(day("2026-09-30")); d = d.AddDate(0, 0, 1) {
			got, gotOK := NextContactAsOf(c, cfg, contact, d)
			want, wantOK := NextContactOf(AsOf(c, d), cfg, contact, d)
			if gotOK != wantOK || got.Since != want.Since || got.From != want.From || got.Every != want.Every || got.By != want.By {
				t.Fatalf("%s on %s: NextContactAsOf = %+v, %v; NextContactOf(AsOf) = %+v, %v", name, date(d), got, gotOK, want, wantOK)
			}
		}
	}
}

// EpisodesAsOf leaves the activity weeks, references and plan unrewound:
// the readers it is for — calendar.JobSearchActive, StandingOf and
// NextContactOf — must give on it what they give on AsOf, on every day
// of every case of the demo store (all three programs, extensions,
// placements, closures and reopenings) and of the fixtures here.
func TestEpisodesAsOfIsAsOfForItsReaders(t *testing.T) {
	src, err := store.NewWorkTree(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	snap := storetest.Load(t, src)
	cases := map[string]*casefile.Case{}
	for _, c := range snap.Cases {
		cases[c.ID] = c
	}
	if len(cases) < 5 {
		t.Fatalf("the demo store has %d cases", len(cases))
	}
	cfg := snap.Config
	fixture := func(fs files) *casefile.Case { c, _ := caseOf(t, fs); return c }
	placed := files{"intake.yaml": wsIntake, "outcome.yaml": "placements:\n  - id: PL-AAAAA\n    employer: Library\n    position: Aide\n    start: 2026-06-15\n    recorded: 2026-06-01\n"}
	cases["fixture: extended"] = fixture(files{"intake.yaml": wsIntake, "outcome.yaml": extended})
	cases["fixture: placed"] = fixture(placed)
	for name, c := range cases {
		contact := calendar.ContactFor(c, cfg)
		for d := day("2025-10-01"); !d.After(day("2027-03-31")); d = d.AddDate(0, 0, 1) {
			ep, all := EpisodesAsOf(c, d), AsOf(c, d)
			if a, b := calendar.JobSearchActive(ep, cfg, d), calendar.JobSearchActive(all, cfg, d); a != b {
				t.Fatalf("%s on %s: JobSearchActive %v on EpisodesAsOf, %v on AsOf", name, date(d), a, b)
			}
			if a, b := calendar.StandingOf(ep, cfg, d), calendar.StandingOf(all, cfg, d); !reflect.DeepEqual(a, b) {
				t.Fatalf("%s on %s: StandingOf %+v on EpisodesAsOf, %+v on AsOf", name, date(d), a, b)
			}
			a, aok := NextContactOf(ep, cfg, contact, d)
			b, bok := NextContactOf(all, cfg, contact, d)
			if aok != bok || a != b {
				t.Fatalf("%s on %s: NextContactOf %+v, %v on EpisodesAsOf, %+v, %v on AsOf", name, date(d), a, aok, b, bok)
			}
		}
	}
}

// An exit recorded on or after the service that hid an earlier exit is
// the new period's: case exit refuses a case that already exited, so the
// item says to correct the exit recorded to the hidden one and record it
// again on the new period's case, which works as typed (TEGL 10-16).
func TestDueUnrecordedExitWithALaterExitRecorded(t *testing.T) {
	fs := files{
		"intake.yaml":                wioaIntake + "exited: 2026-07-01\n",
		"notes/2026-03-05-ab12.yaml": contactNote("2026-03-05-ab12"),
		"notes/2026-07-01-ab13.yaml": contactNote("2026-07-01-ab13"),
	}
	const want = "exit not recorded: the service on 2026-07-01 came after 90 days without a participation-causing service since 2026-03-05, so the participant exited on 2026-03-05 (TEGL 10-16, PIRL 901) and that service began a new period of participation; the exit recorded on 2026-07-01 ends the new period: correct exited to 2026-03-05 with caseplan edit C1 intake, open the new period with caseplan case new --returning-from C1 --opened 2026-07-01 and record its exit there with caseplan case exit NEW-CASE --date 2026-07-01"
	n := 0
	for _, d := range state(t, fs, "2026-07-02").Due {
		if d.Kind != DueUnrecordedExit {
			continue
		}
		n++
		if d.Detail != want {
			t.Errorf("detail:\n%s\nwant:\n%s", d.Detail, want)
		}
	}
	if n != 1 {
		t.Errorf("%d unrecorded-exit items, want 1", n)
	}
}
