package access

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// TestLateEntryByFormerManager: a note the case's former manager adds,
// dated on a day they managed it (up to the transfer's own day), is a
// late entry and allowed; a note dated after the transfer, one by someone
// else, or a change that is more than notes stays denied (case-access).
func TestLateEntryByFormerManager(t *testing.T) {
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "admin", Email: "admin@example.org", Role: record.RoleAdmin},
		{ID: "ann", Email: "ann@example.org"},
		{ID: "ben", Email: "ben@example.org"},
		{ID: "cy", Email: "cy@example.org"},
	}}
	in := &record.Intake{Manager: "ben", Transfers: []record.Transfer{
		{Date: "2026-03-16", From: "ann", To: "ben", Reason: "Caseload"},
	}}
	ann, cy := cfg.Staff[1], cfg.Staff[3]
	note := func(author, date string) []Note {
		return []Note{{ID: date + "-abcd", Author: author, Date: record.Date(date)}}
	}
	for _, tc := range []struct {
		name   string
		actor  record.Staff
		notes  []Note
		denied bool
	}{
		{"on the transfer's day", ann, note("ann", "2026-03-16"), false},
		{"before the transfer", ann, note("ann", "2026-03-02"), false},
		{"after the transfer", ann, note("ann", "2026-03-17"), true},
		{"one of two after it", ann, append(note("ann", "2026-03-16"), note("ann", "2026-03-17")...), true},
		{"in a colleague's name", ann, note("ben", "2026-03-16"), true},
		{"never its manager", cy, note("cy", "2026-03-10"), true},
		{"more than notes", ann, nil, true},
		{"an undated note", ann, note("ann", ""), true},
	} {
		ch := Change{Cases: []CaseChange{{ID: "W-1", Before: in, After: in, Notes: tc.notes}}}
		d := Check(cfg, tc.actor, ch)
		if got := len(d) > 0; got != tc.denied {
			t.Errorf("%s: denied = %v (%v), want %v", tc.name, got, d, tc.denied)
		}
	}
}

// TestTransferredAwayAsksManagerNow: a case handed on twice (ann to ben,
// then ben to cy the same week) sends ann, refused a change to it, to
// cy, who manages it now, not to ben, whom it went to from her.
func TestTransferredAwayAsksManagerNow(t *testing.T) {
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "admin", Email: "admin@example.org", Role: record.RoleAdmin},
		{ID: "ann", Email: "ann@example.org"},
		{ID: "ben", Email: "ben@example.org"},
		{ID: "cy", Email: "cy@example.org"},
	}}
	in := &record.Intake{Manager: "cy", Transfers: []record.Transfer{
		{Date: "2026-12-07", From: "ann", To: "ben", Reason: "Ann leaves"},
		{Date: "2026-12-07", From: "ben", To: "cy", Reason: "Ben's caseload is full"},
	}}
	ch := Change{Cases: []CaseChange{{ID: "W-1", Before: in, After: in}}}
	d := Check(cfg, cfg.Staff[1], ch)
	if len(d) != 1 {
		t.Fatalf("denials = %v, want one", d)
	}
	want := "case W-1 was transferred from you to ben on 2026-12-07, and is cy's now: ask cy, its manager now, or a coordinator or a supervisor to record it (caseplan case show W-1)"
	if d[0].Hint != want {
		t.Errorf("hint = %q\nwant   %q", d[0].Hint, want)
	}
	// Handed on once, the one it went to is its manager.
	in.Manager, in.Transfers = "ben", in.Transfers[:1]
	if said, ask := TransferredAway("W-1", in.Transfers[0], in.Manager); said != "case W-1 was transferred from you to ben on 2026-12-07" || ask != "ben" {
		t.Errorf("TransferredAway = %q, %q", said, ask)
	}
}

// A case is handed on by its manager (002's designated counselor), a
// coordinator, a supervisor or an admin: a navigator or case manager on
// its team may change it, but not take it from its manager.
func TestTransferByTeamMember(t *testing.T) {
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "admin", Email: "admin@example.org", Role: record.RoleAdmin},
		{ID: "ann", Email: "ann@example.org", Role: record.RoleCaseManager},
		{ID: "nav", Email: "nav@example.org", Role: record.RoleNavigator},
		{ID: "sup", Email: "sup@example.org", Role: record.RoleSupervisor},
	}}
	before := &record.Intake{Manager: "ann", Team: []record.TeamMember{{Name: "Nat Example", Email: "nav@example.org"}}}
	after := *before
	after.Manager = "ben"
	for _, tc := range []struct {
		name   string
		actor  record.Staff
		after  *record.Intake
		denied bool
	}{
		{"its manager", cfg.Staff[1], &after, false},
		{"a navigator on its team", cfg.Staff[2], &after, true},
		{"a navigator's note", cfg.Staff[2], before, false},
		{"a supervisor", cfg.Staff[3], &after, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Check(cfg, tc.actor, Change{Cases: []CaseChange{{ID: "W-001", Before: before, After: tc.after}}})
			if (len(d) > 0) != tc.denied {
				t.Fatalf("denials %v, want denied %v", d, tc.denied)
			}
			if tc.denied && (d[0].Rule != RuleCase || d[0].Msg != "nav may not transfer case W-001: a case is handed on by its designated counselor (ann, its manager), a coordinator, a supervisor or an admin (002), not by a navigator on its team") {
				t.Errorf("denial %+v", d[0])
			}
		})
	}
}

// TestTeamMemberDoesNotClose: closing or reopening a case is its
// designated counselor's decision (002), as handing it on is: a navigator
// on its team is refused, with a hint naming the manager; the manager, a
// coordinator and a store that lets case managers change every case are
// not. A change that leaves status, closures and reopenings alone is
// the team member's to make.
func TestTeamMemberDoesNotClose(t *testing.T) {
	cfg, open := teamStore()
	closed := *open
	closed.Status = "closed"
	noClosure := &record.Outcome{}
	withClosure := &record.Outcome{Closures: []record.Closure{{Date: "2026-05-04", Reason: "withdrew"}}}
	reopened := &record.Outcome{Closures: withClosure.Closures, Reopenings: []record.Reopening{{Date: "2026-05-11", Reason: "Back"}}}
	ann, nav, coo := cfg.Staff[1], cfg.Staff[2], cfg.Staff[3]
	for _, tc := range []struct {
		name          string
		actor         record.Staff
		before, after *record.Intake
		bo, ao        *record.Outcome
		want          string // the denial's verb, "" for none
	}{
		{"navigator closes", nav, open, &closed, noClosure, withClosure, "close"},
		{"navigator reopens", nav, &closed, open, withClosure, reopened, "reopen"},
		{"navigator edits a closure by hand", nav, &closed, &closed, withClosure, &record.Outcome{Closures: []record.Closure{{Date: "2026-05-04", Reason: "moved"}}}, "close or reopen"},
		{"navigator sets status by hand", nav, open, &closed, nil, nil, "close"},
		{"navigator's other change", nav, open, open, noClosure, noClosure, ""},
		{"manager closes", ann, open, &closed, noClosure, withClosure, ""},
		{"coordinator reopens", coo, &closed, open, withClosure, reopened, ""},
	} {
		ch := Change{Cases: []CaseChange{{ID: "W-1", Before: tc.before, After: tc.after, Closing: ClosingChanged(tc.before, tc.after, tc.bo, tc.ao)}}}
		d := Check(cfg, tc.actor, ch)
		switch {
		case tc.want == "" && len(d) > 0:
			t.Errorf("%s: denied %v", tc.name, d)
		case tc.want != "" && len(d) != 1:
			t.Errorf("%s: denials %v, want one", tc.name, d)
		case tc.want != "":
			if want := "nav may not " + tc.want + " case W-1: "; !strings.HasPrefix(d[0].Msg, want) || d[0].Rule != RuleCase {
				t.Errorf("%s: %s %q, want %s %q...", tc.name, d[0].Rule, d[0].Msg, RuleCase, want)
			}
			if !strings.HasPrefix(d[0].Hint, "ask ann, the case's manager") {
				t.Errorf("%s: hint %q does not name the manager", tc.name, d[0].Hint)
			}
		}
	}
	all := *cfg
	all.Access = &record.Access{CaseManagersAllCases: true}
	if d := Check(&all, nav, Change{Cases: []CaseChange{{ID: "W-1", Before: open, After: &closed, Closing: true}}}); len(d) > 0 {
		t.Errorf("a store that lets case managers change every case: denied %v", d)
	}
}

// A team member whose close was refused is not sent to be added to the
// team they are on: the manager, by ID, closes it, with the command.
func TestClosingAskNamesManager(t *testing.T) {
	got := ClosingAsk("W-002", "jlee", false, true)
	for _, want := range []string{"you are on W-002's team", "adding you to its team again changes nothing", "ask jlee to close it (caseplan case close W-002 --date DATE --reason REASON)"} {
		if !strings.Contains(got, want) {
			t.Errorf("ClosingAsk = %q, want it to contain %q", got, want)
		}
	}
	if got := ClosingAsk("W-002", "jlee", true, false); !strings.Contains(got, "ask jlee to reopen it (caseplan case reopen W-002 --date DATE --reason TEXT)") {
		t.Errorf("ClosingAsk for a reopening = %q", got)
	}
}

// TestTeamMemberDoesNotExit: a WIOA exit ends the period of participation
// as closing ends the plan, so recording it, moving it or taking it back
// (the intake's exited) is the same people's decision (MayClose): a
// navigator on the team is refused, with a hint naming the manager and
// the command; the manager and a coordinator are not, nor a navigator's
// change that leaves the exit alone.
func TestTeamMemberDoesNotExit(t *testing.T) {
	cfg, open := teamStore()
	exited := *open
	exited.Exited = "2026-06-30"
	moved := *open
	moved.Exited = "2026-06-15"
	ann, nav, coo := cfg.Staff[1], cfg.Staff[2], cfg.Staff[3]
	for _, tc := range []struct {
		name          string
		actor         record.Staff
		before, after *record.Intake
		want, cmd     string // the denial's verb and the command its hint names; "" for none
	}{
		{"navigator records the exit", nav, open, &exited, "record the exit of", "(caseplan case exit W-1 --date DATE --reason TEXT)"},
		{"navigator moves the exit by hand", nav, &exited, &moved, "change the exit of", "(caseplan edit W-1 intake)"},
		{"navigator takes the exit back by hand", nav, &exited, open, "change the exit of", "(caseplan edit W-1 intake)"},
		{"navigator's other change", nav, &exited, &exited, "", ""},
		{"manager records the exit", ann, open, &exited, "", ""},
		{"coordinator takes it back", coo, &exited, open, "", ""},
	} {
		ch := Change{Cases: []CaseChange{{ID: "W-1", Before: tc.before, After: tc.after, Exiting: ExitChanged(tc.before, tc.after)}}}
		d := Check(cfg, tc.actor, ch)
		switch {
		case tc.want == "" && len(d) > 0:
			t.Errorf("%s: denied %v", tc.name, d)
		case tc.want != "" && len(d) != 1:
			t.Errorf("%s: denials %v, want one", tc.name, d)
		case tc.want != "":
			if want := "nav may not " + tc.want + " case W-1: a WIOA exit ends the period of participation"; !strings.HasPrefix(d[0].Msg, want) || d[0].Rule != RuleCase {
				t.Errorf("%s: %s %q, want %s %q...", tc.name, d[0].Rule, d[0].Msg, RuleCase, want)
			}
			if !strings.HasPrefix(d[0].Hint, "ask ann, the case's manager") || !strings.Contains(d[0].Hint, tc.cmd) {
				t.Errorf("%s: hint %q does not name the manager and %s", tc.name, d[0].Hint, tc.cmd)
			}
		}
	}
	if ExitChanged(nil, &exited) || ExitChanged(&exited, nil) {
		t.Error("a new or removed intake counted as an exit changed")
	}
}

// teamStore is a roster with an admin, a case manager (ann), a navigator
// and a coordinator, and an open case of ann's with the navigator on its
// team: what the closing and exit rules are tried on.
func teamStore() (*record.Config, *record.Intake) {
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "admin", Email: "admin@example.org", Role: record.RoleAdmin},
		{ID: "ann", Email: "ann@example.org"},
		{ID: "nav", Email: "nav@example.org", Role: record.RoleNavigator},
		{ID: "coo", Email: "coo@example.org", Role: record.RoleCoordinator},
	}}
	open := &record.Intake{Manager: "ann", Status: "open", Team: []record.TeamMember{{Name: "Nia Navigator", Email: "nav@example.org", Role: "navigator"}}}
	return cfg, open
}

// TestAskSupervisorNamesThem: the refusal of a waiver or a committee's
// decision names whom to ask as the roster has them — its active
// supervisors, else its active admins — and falls back to the role only
// when the roster names neither.
func TestAskSupervisorNamesThem(t *testing.T) {
	no := false
	for _, tc := range []struct {
		name  string
		staff []record.Staff
		want  string
	}{
		{"one supervisor", []record.Staff{
			{ID: "ada", Name: "Ada Admin", Role: record.RoleAdmin},
			{ID: "sue", Name: "Sue Visor", Role: record.RoleSupervisor},
		}, "ask Sue Visor (sue), the office's supervisor, to record it as themselves: caseplan waiver add W-1"},
		{"two supervisors, one retired", []record.Staff{
			{ID: "sue", Name: "Sue Visor", Role: record.RoleSupervisor},
			{ID: "old", Name: "Old Boss", Role: record.RoleSupervisor, Active: &no},
			{ID: "sam", Name: "Sam Lead", Role: record.RoleSupervisor},
		}, "ask a supervisor (Sue Visor (sue) or Sam Lead (sam)) to record it as themselves: caseplan waiver add W-1"},
		{"no supervisor", []record.Staff{
			{ID: "ada", Name: "Ada Admin", Role: record.RoleAdmin},
			{ID: "cm", Name: "Cy Manager"},
		}, "ask Ada Admin (ada), the office's admin (the roster names no supervisor), to record it as themselves: caseplan waiver add W-1"},
		{"nobody", nil, "ask a supervisor to record it as themselves (caseplan staff list shows the roles): caseplan waiver add W-1"},
	} {
		got := AskSupervisor(&record.Config{Staff: tc.staff}, "to record it", "caseplan waiver add W-1")
		if got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestCaseDenialClosingNamesManager: someone not on a case who tries to
// close it, transfer it or record its exit is sent to its manager, by
// name, with the command; not to the case's team, whose members may not
// do it either (002). Any other change keeps the team add.
func TestCaseDenialClosingNamesManager(t *testing.T) {
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "admin", Email: "admin@example.org", Role: record.RoleAdmin},
		{ID: "mia", Name: "Mia Jones", Email: "mia@example.org"},
		{ID: "kit", Name: "Kit Park", Email: "kit@example.org"},
	}}
	kit := cfg.Staff[2]
	open := &record.Intake{Manager: "mia", Status: "open"}
	closed := &record.Intake{Manager: "mia", Status: "closed"}
	moved := &record.Intake{Manager: "kit", Status: "open"}
	exited := &record.Intake{Manager: "mia", Status: "open", Exited: "2026-07-06"}
	for _, tc := range []struct {
		name string
		c    CaseChange
		want string
	}{
		{"close", CaseChange{ID: "W-1", Before: open, After: closed, Closing: true}, "to close it (caseplan case close W-1 --date DATE --reason REASON)"},
		{"reopen", CaseChange{ID: "W-1", Before: closed, After: open, Closing: true}, "to reopen it (caseplan case reopen W-1"},
		{"transfer", CaseChange{ID: "W-1", Before: open, After: moved}, "to transfer it (caseplan case transfer W-1 --to kit --reason TEXT)"},
		{"exit", CaseChange{ID: "W-1", Before: open, After: exited, Exiting: true}, "to record its exit (caseplan case exit W-1)"},
		{"a note", CaseChange{ID: "W-1", Before: open, After: open}, "or have them add you to the case's team (caseplan case team add W-1 --staff kit --role ROLE)"},
	} {
		d := Check(cfg, kit, Change{Cases: []CaseChange{tc.c}})
		if len(d) != 1 {
			t.Fatalf("%s: denials %v, want one", tc.name, d)
		}
		if !strings.HasPrefix(d[0].Hint, "ask Mia Jones (mia), the case's manager") || !strings.Contains(d[0].Hint, tc.want) {
			t.Errorf("%s: hint %q, want the manager named and %q", tc.name, d[0].Hint, tc.want)
		}
		if tc.name != "a note" && strings.Contains(d[0].Hint, "team add") {
			t.Errorf("%s: hint %q offers the team add, which would not let them", tc.name, d[0].Hint)
		}
	}
}
