package report

import (
	"reflect"
	"testing"
	"time"
)

// The caseload on 2026-10-31 of the fixture (see monthly_test.go for the
// cases): the eight cases open at the end of October, with the overdue
// items worked out there.
func TestCaseloadByHand(t *testing.T) {
	r := BuildCaseload(fixtureSnapshot(t), time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), fixtureSource, false)
	want := []CaseloadManager{
		{ID: "alice", Name: "Alice Adams",
			// WS-A 1 (its monthly tracker review, 000), WS-B 1 (its
			// check-in), W-E 0, WS-K 0.
			Load: Load{Open: 4, OverdueContacts: 1, OverdueItems: 3, CasesOverdue: 2,
				Phases: map[string]int{"assessment": 1, "notification": 1, "placed": 1, "work-security": 1}},
			Programs: []CaseloadProgram{
				{Program: "wioa", Name: "WIOA career planning", Kind: "wioa", Load: Load{Open: 1, Phases: map[string]int{"assessment": 1}}}, // W-E
				{Program: "ws", Name: "Work Security", Kind: "work-security", Load: Load{Open: 3, OverdueContacts: 1, OverdueItems: 3, CasesOverdue: 2,
					Phases: map[string]int{"notification": 1, "placed": 1, "work-security": 1}}}, // WS-B, WS-K, WS-A
			}},
		{ID: "bob", Name: "Bob Brown",
			// W-D 1 (its contact), W-F 1, P-I 2, W-L 0.
			Load: Load{Open: 4, OverdueContacts: 1, OverdueItems: 4, CasesOverdue: 3,
				Phases: map[string]int{"follow-up": 2, "goal-setting": 2}},
			Programs: []CaseloadProgram{
				{Program: "pe", Name: "Post-employment services", Kind: "post-employment", Load: Load{Open: 1, OverdueItems: 2, CasesOverdue: 1,
					Phases: map[string]int{"follow-up": 1}}}, // P-I
				{Program: "wioa", Name: "WIOA career planning", Kind: "wioa", Load: Load{Open: 3, OverdueContacts: 1, OverdueItems: 2, CasesOverdue: 2,
					Phases: map[string]int{"follow-up": 1, "goal-setting": 2}}}, // W-F, W-D and W-L
			}},
	}
	if !reflect.DeepEqual(r.Managers, want) {
		t.Errorf("managers:\n got %s\nwant %s", js(t, r.Managers), js(t, want))
	}
	if want := (Load{Open: 8, OverdueContacts: 2, OverdueItems: 7, CasesOverdue: 5,
		Phases: map[string]int{"assessment": 1, "follow-up": 2, "goal-setting": 2, "notification": 1, "placed": 1, "work-security": 1}}); !reflect.DeepEqual(r.Total, want) {
		t.Errorf("total %+v, want %+v", r.Total, want)
	}
	var ids []string
	for _, c := range r.Cases {
		ids = append(ids, c.Manager+" "+c.ID)
	}
	wantIDs := []string{"alice W-E", "alice WS-A", "alice WS-B", "alice WS-K", "bob P-I", "bob W-D", "bob W-F", "bob W-L"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("rows %v, want %v", ids, wantIDs)
	}
	// WS-B's earliest due item is its overdue first check-in.
	if c := r.Cases[2]; c.NextDue == nil || c.NextDue.Kind != "contact" || c.NextDue.Due != "2026-10-19" || !c.NextDue.Overdue || !c.ContactOverdue {
		t.Errorf("WS-B next due %+v", c.NextDue)
	}
}

// Three weeks later the same records give another caseload: W-D was
// transferred to alice on 11-05, W-L closed on 11-10 and W-J opened on
// 11-02.
func TestCaseloadFollowsTheDay(t *testing.T) {
	r := BuildCaseload(fixtureSnapshot(t), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), fixtureSource, true)
	got := map[string]string{}
	for _, c := range r.Cases {
		got[c.ID] = c.Manager
	}
	want := map[string]string{"WS-A": "alice", "WS-B": "alice", "W-D": "alice", "W-E": "alice", "W-F": "bob", "P-I": "bob", "WS-K": "alice", "W-J": "alice"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("open cases on 2026-11-20: %v, want %v", got, want)
	}
	if r.Cases[0].Participant == Initials(r.Cases[0].Participant) {
		t.Errorf("--names: participant %q", r.Cases[0].Participant)
	}
}

// A case whose program caseplan.yaml does not name has no phase
// (casestate): it is counted, under "unknown", after casestate's phases.
func TestCaseloadPhaseUnknown(t *testing.T) {
	rows := []CaseloadRow{
		{ID: "X-1", Manager: "alice", Program: "gone"},
		{ID: "X-2", Manager: "alice", Program: "ws", Phase: "placed"},
	}
	r := AssembleCaseload(fixtureSnapshot(t).Config, time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), fixtureSource, false, rows)
	if want := map[string]int{"unknown": 1, "placed": 1}; !reflect.DeepEqual(r.Total.Phases, want) {
		t.Errorf("phases %v, want %v", r.Total.Phases, want)
	}
	if got := caseloadPhaseTable(r).headers; !reflect.DeepEqual(got, []string{"Manager", "Name", "Open", "placed", "unknown"}) {
		t.Errorf("headers %v", got)
	}
}

// One case manager's caseload holds their cases alone, and every figure
// is theirs: the programs, the phases and the total count bob's four
// cases, not the office's eight, and alice has no section.
func TestManagerCaseload(t *testing.T) {
	day := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	office := BuildCaseload(fixtureSnapshot(t), day, fixtureSource, false)
	r := AssembleManagerCaseload(fixtureSnapshot(t).Config, day, fixtureSource, false, office.Cases, "bob")
	if r.Manager != "bob" || len(r.Managers) != 1 || r.Managers[0].ID != "bob" {
		t.Fatalf("manager %q, sections %s", r.Manager, js(t, r.Managers))
	}
	if !reflect.DeepEqual(r.Total, office.Managers[1].Load) {
		t.Errorf("total %+v, want bob's %+v", r.Total, office.Managers[1].Load)
	}
	for _, c := range r.Cases {
		if c.Manager != "bob" {
			t.Errorf("case %s of %s in bob's caseload", c.ID, c.Manager)
		}
	}
	open := 0
	for _, p := range r.Programs {
		open += p.Open
	}
	if open != 4 || len(r.Cases) != 4 {
		t.Errorf("programs count %d open cases, %d rows; want bob's 4", open, len(r.Cases))
	}
	if got := caseloadTitle(r); got != "Caseload report of Bob Brown (bob) as of 2026-10-31" {
		t.Errorf("title %q", got)
	}
	if got := caseloadCommand(r); got != "caseplan report caseload --today 2026-10-31 --manager bob" {
		t.Errorf("command %q", got)
	}
}

// A retired manager with no open case left still has a caseload report:
// a section of zeros that says they are retired, not an empty report.
func TestManagerCaseloadRetired(t *testing.T) {
	day := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	office := BuildCaseload(fixtureSnapshot(t), day, fixtureSource, false)
	r := AssembleManagerCaseload(fixtureSnapshot(t).Config, day, fixtureSource, false, office.Cases, "dan")
	want := []CaseloadManager{{ID: "dan", Name: "Dan Dole", Retired: true, Load: Load{Phases: map[string]int{}}, Programs: []CaseloadProgram{}}}
	if !reflect.DeepEqual(r.Managers, want) {
		t.Errorf("sections %s, want %s", js(t, r.Managers), js(t, want))
	}
	if r.Total.Open != 0 || len(r.Cases) != 0 {
		t.Errorf("total %+v, %d rows", r.Total, len(r.Cases))
	}
	if got := caseloadTitle(r); got != "Caseload report of Dan Dole (dan, retired) as of 2026-10-31" {
		t.Errorf("title %q", got)
	}
}
