package teamsync

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// Two case managers add notes to one case in their clones and sync: both
// notes are on both clones, the history is one line, and the second sync
// replayed bob's commit on top of alice's.
func TestSyncTwoClones(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)

	n1 := a.addNote(id, "Called about the job fair")
	n2 := b.addNote(id, "Reviewed the resume together")
	if r := a.sync(); r.Sent != 1 || r.Received != 0 || r.Replayed {
		t.Errorf("alice's sync = %+v", r)
	}
	r := b.sync()
	if r.Sent != 1 || r.Received != 1 || !r.Replayed || r.Attempts != 1 {
		t.Errorf("bob's sync = %+v", r)
	}
	if r := a.sync(); r.Received != 1 || r.Sent != 0 {
		t.Errorf("alice's second sync = %+v", r)
	}
	if a.head() != b.head() {
		t.Fatalf("heads differ: %s and %s", a.head(), b.head())
	}
	for _, c := range []*clone{a, b} {
		for _, n := range []string{n1, n2} {
			if !strings.Contains(c.read("cases/"+id+"/notes/"+n+".yaml"), "id: "+n) {
				t.Errorf("%s lacks note %s", c.author.Name, n)
			}
		}
		c.assertClean()
	}
	// Bob's commit kept its author, subject and trailers.
	if got := a.git("log", "-1", "--format=%an|%s|%(trailers:key=Caseplan-Action,valueonly)"); !strings.HasPrefix(got, "Bob Brown|"+id+": ") || !strings.HasSuffix(got, "|note.add") {
		t.Errorf("replayed commit = %q", got)
	}
}

// Both clones change the same record — the plan — in different places:
// the merge keeps both.
func TestSyncMergesOneRecord(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	vision := "Steady work in logistics"
	a.apply([]string{id}, casework.SetPlan{Case: id, Vision: &vision}.Build)
	b.apply([]string{id}, casework.AddGoal{Case: id, Term: "short", Text: "Finish the forklift course"}.Build)
	a.sync()
	if r := b.sync(); len(r.Conflicts) != 0 {
		t.Errorf("conflicts = %+v", r.Conflicts)
	}
	a.sync()
	plan := a.read("cases/" + id + "/iep.yaml")
	if !strings.Contains(plan, vision) || !strings.Contains(plan, "Finish the forklift course") {
		t.Errorf("merged plan lacks a side:\n%s", plan)
	}
	a.assertClean()
	b.assertClean()
}

// The same field changed to two values: the remote's (alice's, pushed
// first) is kept; bob's is reported with both authors and commits, his
// commit stays readable, and nothing is broken.
func TestSyncConflict(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	p1, p2 := "555-0101", "555-0199"
	a.apply([]string{id}, casework.SetIntake{Case: id, Phone: &p1}.Build)
	b.apply([]string{id}, casework.SetIntake{Case: id, Phone: &p2}.Build)
	bobsCommit := b.head()
	a.sync()
	r := b.sync()
	if len(r.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v", r.Conflicts)
	}
	c := r.Conflicts[0]
	if c.Path != "cases/"+id+"/intake.yaml" || !strings.Contains(c.Kept, p1) || !strings.Contains(c.Local, p2) ||
		c.LocalCommit != bobsCommit || c.LocalAuthor != "Bob Brown" || c.RemoteAuthor != "Alice Adams" || c.Line == 0 {
		t.Errorf("conflict = %+v", c)
	}
	f := c.Finding()
	// The finding is where the kept value is, line and column 1-based as
	// every finding's: the phone's key, under participant.
	if lines := strings.Split(b.read(f.Path), "\n"); f.Line != c.Line || f.Column < 1 || f.Line > len(lines) || !strings.HasPrefix(lines[f.Line-1][f.Column-1:], "phone:") {
		t.Errorf("finding at %d:%d, want the phone's key", f.Line, f.Column)
	}
	setAgain := fmt.Sprintf("set it again: caseplan case set %s --phone %s", id, p2)
	for _, want := range []string{p1, p2, "Alice Adams", "Bob Brown", bobsCommit.String()[:12], "phone", setAgain} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("finding %q lacks %q", f.Message, want)
		}
	}
	if got := b.read("cases/" + id + "/intake.yaml"); !strings.Contains(got, p1) || strings.Contains(got, p2) {
		t.Errorf("intake after sync:\n%s", got)
	}
	// Bob's value is still in his commit, under a ref of its own.
	if got := b.git("show", "refs/caseplan/conflicts/"+bobsCommit.String()+":cases/"+id+"/intake.yaml"); !strings.Contains(got, p2) {
		t.Errorf("bob's commit no longer holds his value:\n%s", got)
	}
	a.sync()
	a.assertClean()
	b.assertClean()
}

// The value kept in a conflict is credited to the commit that set it, not
// to whoever changed the file last: a colleague who changed another field
// of the record afterwards did not set the phone number, and the finding
// is an audit statement about who did.
func TestSyncConflictNamesWhoSetTheValue(t *testing.T) {
	_, url, a := newTeam(t)
	carol := casework.Author{Name: "Carol Cruz", Email: "carol@example.org"}
	a.apply(nil, casework.AddStaff{Staff: record.Staff{ID: casework.StaffID(carol.Email), Name: carol.Name, Email: carol.Email, Role: record.RoleCoordinator}}.Build)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	c := cloneAs(t, url, carol)
	p1, p2, email := "555-0101", "555-0199", "ana@example.org"
	a.apply([]string{id}, casework.SetIntake{Case: id, Phone: &p1}.Build)
	alicesCommit := a.head().String()
	a.sync()
	c.sync()
	c.apply([]string{id}, casework.SetIntake{Case: id, Email: &email}.Build)
	c.sync()
	b.apply([]string{id}, casework.SetIntake{Case: id, Phone: &p2}.Build)
	r := b.sync()
	if len(r.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v", r.Conflicts)
	}
	got := r.Conflicts[0]
	if got.RemoteAuthor != alice.Name || got.RemoteCommit.String() != alicesCommit {
		t.Errorf("the kept phone is credited to %s (commit %s); alice set it, in %s", got.RemoteAuthor, short(got.RemoteCommit), alicesCommit[:12])
	}
	if msg := got.Finding().Message; !strings.Contains(msg, "Alice Adams, commit "+alicesCommit[:12]) {
		t.Errorf("finding: %s", msg)
	}
	b.assertClean()
}

// Two case managers open a case of the same ID for two people in their
// clones: the second to sync is refused, naming the case, and nothing of
// either clone changes — merged field by field, one person's intake and
// notes would have joined the other's case.
func TestSyncRefusesCaseOpenedTwice(t *testing.T) {
	_, url, a := newTeam(t)
	a.sync()
	b := cloneAs(t, url, bob)
	a.newCase("W-001", "Ana Example")
	a.addNote("W-001", "Intake: forklift operator")
	b.newCase("W-001", "Bea Sample")
	b.addNote("W-001", "Intake: nurse aide")
	a.sync()
	before := b.head()
	_, err := b.trySync()
	var twice *OpenedTwiceError
	if !errors.As(err, &twice) || twice.Case != "W-001" {
		t.Fatalf("bob's sync: %v; want the case opened twice refused", err)
	}
	// The refusal names the remote's commit, the one to reset to when
	// bob gives up his commits of the case.
	if want := a.head(); twice.Remote != want {
		t.Errorf("refusal names remote commit %s, want alice's %s", twice.Remote, want)
	}
	if b.head() != before {
		t.Errorf("bob's branch moved to %s", b.head())
	}
	if got := b.read("cases/W-001/intake.yaml"); !strings.Contains(got, "Bea Sample") || strings.Contains(got, "Ana Example") {
		t.Errorf("bob's intake after the refused sync:\n%s", got)
	}
	if st := b.git("status", "--porcelain"); st != "" {
		t.Errorf("bob's work tree changed:\n%s", st)
	}
}

// A comment added by hand beside values the remote's commit left alone,
// in a file the remote changed too: the merge keeps values, not comments,
// so the comment cannot be carried over, but it is reported where it is
// kept rather than dropped without a word (its commit was not even sent).
func TestSyncReportsALostComment(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	lang := "Spanish"
	a.apply([]string{id}, casework.SetIntake{Case: id, Language: &lang}.Build)
	p := filepath.Join(b.dir, "cases", id, "intake.yaml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(data, "# Prefers calls after 6pm\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	repo := b.open()
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	ws := &casework.Workspace{Repo: repo, Schemas: v, Today: today, Author: b.author, Now: time.Now, Keys: b.keys}
	if _, err := ws.CommitEdits("W-001: a comment"); err != nil {
		t.Fatal(err)
	}
	repo.Close()
	bobsCommit := b.head()
	a.sync()
	r := b.sync()
	if len(r.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v; want the comment reported", r.Conflicts)
	}
	c := r.Conflicts[0]
	if !c.Comment || c.Local != "# Prefers calls after 6pm" || c.LocalCommit != bobsCommit {
		t.Errorf("conflict = %+v", c)
	}
	f := c.Finding()
	for _, want := range []string{"# Prefers calls after 6pm", "Bob Brown", "Alice Adams", "git show " + bobsCommit.String()[:12] + ":cases/W-001/intake.yaml", "caseplan commit"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("finding %q lacks %q", f.Message, want)
		}
	}
	if r.Dropped != 0 || r.Overruled != 1 {
		t.Errorf("dropped %d, overruled %d; want the commit overruled, not said to be the remote's already", r.Dropped, r.Overruled)
	}
	// A comment the merge does carry (inside a goal ours added whole) is
	// no conflict.
	if _, fcs, err := RecordMerger("cases/W-001/iep.yaml",
		[]byte("created: 2026-03-01\nvision: a\n"),
		[]byte("created: 2026-03-01\nvision: a\ngoals:\n  - id: G-1\n    # agreed at the review\n    term: short\n    text: b\n    status: active\n"),
		[]byte("created: 2026-03-01\nvision: c\n")); err != nil || len(fcs) != 0 {
		t.Errorf("merge of a new goal with its comment: conflicts %+v, err %v", fcs, err)
	}
}

// TestSetAgainNamesTheCommand: a conflict's finding says how to set the
// lost value again with the command that writes its file.
func TestSetAgainNamesTheCommand(t *testing.T) {
	for _, tc := range []struct {
		path  string
		line  int
		at    []string
		local string
		want  string
	}{
		{"cases/W-001/intake.yaml", 9, []string{"participant", "phone"}, "555-0199\n", "caseplan case set W-001 --phone 555-0199"},
		{"cases/W-001/intake.yaml", 9, []string{"participant", "address"}, "12 O'Brien St\n", `caseplan case set W-001 --address '12 O'\''Brien St'`},
		{"cases/W-001/intake.yaml", 9, []string{"participant", "email"}, "", "caseplan case set W-001 --email ''"},
		{"cases/W-001/intake.yaml", 14, []string{"layoff", "fte"}, "0.5\n", "caseplan case set W-001 --fte 0.5"},
		{"cases/W-001/intake.yaml", 20, []string{"barriers", "B-1", "status"}, "addressed\n", "caseplan edit W-001 intake, line 20"},
		{"cases/W-001/iep.yaml", 12, nil, "", "caseplan edit W-001 iep, line 12"},
		// A plan item's field: the command that writes it, with the item's own ID.
		{"cases/W-001/iep.yaml", 6, []string{"goals", "G-7QX2K", "text"}, "Finish the forklift course\n", "caseplan iep goal update W-001 G-7QX2K --text 'Finish the forklift course'"},
		{"cases/W-001/iep.yaml", 9, []string{"goals", "G-7QX2K", "objectives", "O-2B3C4", "text"}, "Enrol\n", "caseplan iep objective update W-001 O-2B3C4 --text Enrol"},
		{"cases/W-001/iep.yaml", 9, []string{"goals", "G-7QX2K", "milestones", "M-2B3C4", "due"}, "2026-04-01\n", "caseplan iep milestone update W-001 M-2B3C4 --due 2026-04-01"},
		{"cases/W-001/iep.yaml", 9, []string{"goals", "G-7QX2K", "status"}, "achieved\n", "caseplan iep goal status W-001 G-7QX2K --status achieved"},
		{"cases/W-001/iep.yaml", 9, []string{"services", "S-2B3C4", "name"}, "Bus pass\n", "caseplan iep service update W-001 S-2B3C4 --name 'Bus pass'"},
		{"cases/W-001/iep.yaml", 9, []string{"next_steps", "N-2B3C4", "text"}, "Call HR\n", "caseplan iep step update W-001 N-2B3C4 --text 'Call HR'"},
		{"cases/W-001/iep.yaml", 3, []string{"vision"}, "A steady job\n", "caseplan iep set W-001 --vision 'A steady job'"},
		{"cases/W-001/references.yaml", 5, []string{"references", "RF-2B3C4", "phone"}, "555-0100\n", "caseplan ref update W-001 RF-2B3C4 --phone 555-0100"},
		{"cases/W-001/services.yaml", 5, []string{"referrals", "R-2B3C4", "status"}, "accepted\n", "caseplan service update W-001 R-2B3C4 --status accepted"},
		// No command takes it: a list, a removed value, an item named by its values.
		{"cases/W-001/iep.yaml", 9, []string{"goals", "G-7QX2K", "objectives", "O-2B3C4", "services"}, "- S-1\n", "caseplan edit W-001 iep, line 9"},
		{"cases/W-001/iep.yaml", 9, []string{"goals", "G-7QX2K", "target"}, "", "caseplan edit W-001 iep, line 9"},
		{"cases/W-001/references.yaml", 5, []string{"references", "Pat Doe, friend", "phone"}, "555-0100\n", "caseplan edit W-001 references, line 5"},
		{"cases/W-001/outcome.yaml", 0, nil, "", "caseplan edit W-001 outcome"},
		{"cases/W-001/sealed.age", 0, nil, "", "caseplan case sealed set W-001"},
		// A sealed field: its flag, never the value (Local is not one).
		{"cases/W-001/sealed.age", 0, []string{"date_of_birth"}, "another value", "caseplan case sealed set W-001 --date-of-birth VALUE"},
		{"cases/W-001/sealed.age", 0, []string{"health"}, "", "caseplan case sealed set W-001 --clear health"},
		{"cases/W-001/sealed.recipients", 0, nil, "", "caseplan case sealed set W-001"},
		{"cases/W-001/activity/2026-W10.yaml", 4, nil, "", "edit cases/W-001/activity/2026-W10.yaml, line 4 and run caseplan commit"},
		{"cases/caseplan.yaml", 30, nil, "", "edit cases/caseplan.yaml, line 30 and run caseplan commit"},
		{"cases/cohorts/2026-ACME.yaml", 0, nil, "", "edit cases/cohorts/2026-ACME.yaml and run caseplan commit"},
	} {
		if got := setAgain(tc.path, tc.line, tc.at, tc.local); got != tc.want {
			t.Errorf("setAgain(%s, %d) = %q, want %q", tc.path, tc.line, got, tc.want)
		}
	}
}

// TestSyncMovesTheCloneInItsCriticalPart: the move of this clone's branch,
// index and work tree runs inside Options.Critical, as a write's does, so
// that Ctrl-C then waits for it (caseplan sync passes the interrupt
// guard); the head is moved by the time Critical returns, not before it
// is called.
func TestSyncMovesTheCloneInItsCriticalPart(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	a.addNote(id, "Called about the job fair")
	a.sync()
	before := b.head()
	calls := 0
	var during plumbing.Hash
	if _, err := b.trySyncWith(func(fn func() error) error {
		calls++
		during = b.head()
		return fn()
	}); err != nil {
		t.Fatal(err)
	}
	if calls != 1 || during != before || b.head() == before {
		t.Errorf("Critical called %d time(s), head %s on the call and %s after (was %s): want once, before the move", calls, during, b.head(), before)
	}
}

// A colleague closes a case as of a past day while this clone logs an
// application made after it: each side is sound alone, and together the
// application is work after the closing (closed-case-work, a warning that
// activity add would have refused). The sync sends it — it happened — and
// its result names the warning, which nobody saw when they wrote; a case
// that nobody closed brings none.
func TestSyncWarnsOfWhatTheSidesBringTogether(t *testing.T) {
	_, url, a := newTeam(t)
	opened := today.AddDate(0, 0, -14)
	for _, id := range []string{"W-001", "W-002"} {
		a.apply(nil, casework.NewCase{ID: id, Program: record.ProgramWIOA, Name: "Ana Example", Opened: opened}.Build)
	}
	a.sync()
	b := cloneAs(t, url, bob)
	a.apply([]string{"W-001"}, casework.CloseCase{Case: "W-001", Date: today.AddDate(0, 0, -5), Reason: "withdrew"}.Build)
	a.sync()
	for _, id := range []string{"W-001", "W-002"} {
		b.apply([]string{id}, casework.AddActivity{Case: id, Entry: record.Application{
			Date: record.Date(today.AddDate(0, 0, -3).Format(time.DateOnly)), Organization: "Acme", Position: "Clerk", Status: "applied",
		}}.Build)
	}
	r := b.sync()
	if r.Sent != 2 {
		t.Errorf("sent %d commit(s), want both applications", r.Sent)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Rule != "closed-case-work" || r.Warnings[0].Case != "W-001" {
		t.Fatalf("warnings = %+v, want W-001's closed-case-work alone", r.Warnings)
	}
	// Nothing new the next time: the warning is the store's now.
	if r := b.sync(); len(r.Warnings) != 0 {
		t.Errorf("second sync's warnings = %+v", r.Warnings)
	}
}
