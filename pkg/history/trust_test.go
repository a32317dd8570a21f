package history

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/audit"
)

// rolesRoster is a roster with roles in force: alice the admin, bob a
// case manager, carol a supervisor, plus extra lines.
func rolesRoster(extra string) string {
	return `organization: Example Works
staff:
  - id: alice
    name: Alice Adams
    email: alice@example.org
    role: admin
  - id: bob
    name: Bob Brown
    email: bob@example.org
    role: case-manager
  - id: carol
    name: Carol Cruz
    email: carol@example.org
    role: supervisor
` + extra
}

const carol = "Carol Cruz <carol@example.org>"

func rolesStore(t *testing.T) *testStore {
	s := newTestStore(t)
	s.write("cases/caseplan.yaml", rolesRoster(""))
	s.caseplanCommit(alice, audit.StoreWide, "store.init", "initialise store")
	s.write("cases/2026-AAAAA/intake.yaml", "id: 2026-AAAAA\nstatus: open\nmanager: alice\n")
	s.caseplanCommit(alice, "2026-AAAAA", "case.new", "open case")
	s.write("cases/2026-BBBBB/intake.yaml", "id: 2026-BBBBB\nstatus: open\nmanager: bob\n")
	s.caseplanCommit(bob, "2026-BBBBB", "case.new", "open case")
	return s
}

// TestVerifyRoles: verify holds every commit to the roles of its parent's
// roster — a roster change by a non-admin, a case manager changing a case
// that is not theirs, a waiver or a committee decision by someone who is
// not a supervisor, and a commit that drops the last admin — while what
// the roles allow passes: a case manager on their own case or on a case
// whose team they are on, a supervisor's waiver.
func TestVerifyRoles(t *testing.T) {
	s := rolesStore(t)
	s.addNote(bob, "2026-BBBBB", "n1", "his own case")
	s.addNote(carol, "2026-AAAAA", "n1", "a supervisor, any case")
	_, _ = s.addNote(bob, "2026-AAAAA", "n2", "not his case")
	notHis := s.head()
	s.write("cases/caseplan.yaml", rolesRoster("  - id: dave\n    name: Dave Doe\n    email: dave@example.org\n"))
	roster := s.caseplanCommit(bob, audit.StoreWide, "staff.add", "add dave")
	s.write("cases/2026-BBBBB/intake.yaml", "id: 2026-BBBBB\nstatus: open\nmanager: bob\nwaivers:\n  - rule: wioa-first-contact\n    reason: x\n    by: bob\n    date: 2026-03-01\n")
	waiver := s.caseplanCommit(bob, "2026-BBBBB", "commit", "waive")
	s.write("cases/2026-BBBBB/outcome.yaml", "extensions:\n  - requested: 2026-03-01\n    decided: 2026-03-02\n    decision: approved\n    until: 2026-06-01\n    by: Joint committee\n")
	s.caseplanCommit(carol, "2026-BBBBB", "extension.decide", "decide")
	s.write("cases/2026-AAAAA/intake.yaml", "id: 2026-AAAAA\nstatus: open\nmanager: alice\nteam:\n  - name: Bob Brown\n    role: counselor\n    email: BOB@example.org\n")
	s.caseplanCommit(alice, "2026-AAAAA", "case.team.add", "add bob to the team")
	s.addNote(bob, "2026-AAAAA", "n3", "on the team now")
	s.write("cases/caseplan.yaml", strings.Replace(rolesRoster(""), "role: admin", "role: supervisor", 1))
	dropped := s.caseplanCommit(alice, audit.StoreWide, "staff.set", "alice: role supervisor")
	s.addNote(bob, "2026-BBBBB", "n4", "roles no longer apply")

	fs, _ := verify(t, s, "")
	expect(t, fs,
		"case-access  "+notHis,
		"roster-admin-only cases/caseplan.yaml "+roster,
		"supervisor-only  "+waiver,
		"roster-admin-removed cases/caseplan.yaml "+dropped,
	)
	for _, f := range fs {
		if f.Rule == "case-access" && !strings.Contains(f.Message, "bob may not change case 2026-AAAAA: a case-manager changes only the cases they manage or are on the team of") {
			t.Errorf("message: %s", f.Message)
		}
	}
}

// TestVerifyRolesNotInForce: a roster that names no admin (a store from
// before roles) keeps the old rules: anyone on it may change anything.
func TestVerifyRolesNotInForce(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.write("cases/caseplan.yaml", rosterYAML(alice, bob))
	s.caseplanCommit(alice, audit.StoreWide, "staff.add", "add bob")
	s.newCase(alice, "2026-AAAAA")
	s.addNote(bob, "2026-AAAAA", "n1", "anyone")
	s.write("cases/caseplan.yaml", rosterYAML(alice, bob, carol))
	s.caseplanCommit(bob, audit.StoreWide, "staff.add", "add carol")
	fs, _ := verify(t, s, "")
	expect(t, fs)
}

// TestVerifySelfAddMessage: the author who adds themselves is told so.
func TestVerifySelfAddMessage(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.write("cases/caseplan.yaml", rosterYAML(alice, eve))
	s.caseplanCommit(eve, audit.StoreWide, "staff.add", "add me")
	fs, _ := verify(t, s, "")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "added themselves to the staff roster in this commit") {
		t.Errorf("findings: %v", fs)
	}
}

// TestVerifyRetiredAuthor: a member retired on the roster (revoked, in
// the README's words) signs nothing verify accepts: a commit of theirs
// after the retirement is reported, those before it are not — with roles
// in force or not.
func TestVerifyRetiredAuthor(t *testing.T) {
	for _, roles := range []bool{true, false} {
		s := newTestStore(t)
		roster := rosterYAML(alice, bob)
		if roles {
			s = rolesStore(t)
			roster = rolesRoster("")
		} else {
			s.initStore()
			s.write("cases/caseplan.yaml", roster)
			s.caseplanCommit(alice, audit.StoreWide, "staff.add", "add bob")
			s.newCase(alice, "2026-BBBBB")
		}
		s.addNote(bob, "2026-BBBBB", "n1", "before")
		s.write("cases/caseplan.yaml", strings.Replace(roster, "email: bob@example.org\n", "email: bob@example.org\n    active: false\n", 1))
		s.caseplanCommit(alice, audit.StoreWide, "staff.set", "bob: retired")
		after, _ := s.addNote(bob, "2026-BBBBB", "n2", "after")
		fs, _ := verify(t, s, "")
		expect(t, fs, "author-retired  "+after)
	}
}

// TestVerifyRosterYAML11: a roster committed by hand with "active: no"
// is read as validate reads it — not a boolean, an error — never as false
// by go-yaml's YAML 1.1: verify says once that the roster does not read as
// settings, with the line and field, and does not call bob retired.
func TestVerifyRosterYAML11(t *testing.T) {
	s := rolesStore(t)
	s.write("cases/caseplan.yaml", strings.Replace(rolesRoster(""), "email: bob@example.org\n", "email: bob@example.org\n    active: no\n", 1))
	s.caseplanCommit(alice, audit.StoreWide, "staff.set", "bob: active no")
	first, _ := s.addNote(bob, "2026-BBBBB", "n1", "after")
	s.addNote(bob, "2026-BBBBB", "n2", "again")
	fs, _ := verify(t, s, "")
	expect(t, fs, "roster-unreadable cases/caseplan.yaml "+first)
	if len(fs) == 1 && !strings.Contains(fs[0].Message, "line 10: staff item 2.active: must be true or false") {
		t.Errorf("message: %s", fs[0].Message)
	}
}

// TestVerifyRolesReadIntakeAsValidate: the roles read whose case an
// intake is as validate reads the intake, and only that: an intake that
// holds a value validate refuses elsewhere ("eligible: yes") is still
// alice's case, so bob, a case manager, taking it over is reported —
// it is not taken for a new case because the rest of it does not decode.
func TestVerifyRolesReadIntakeAsValidate(t *testing.T) {
	s := rolesStore(t)
	const elig = "eligibility:\n  - program: wioa\n    determined: 2026-03-02\n    eligible: "
	s.write("cases/2026-AAAAA/intake.yaml", "id: 2026-AAAAA\nstatus: open\nmanager: alice\n"+elig+"yes\n")
	s.caseplanCommit(alice, "2026-AAAAA", "commit", "eligibility")
	s.write("cases/2026-AAAAA/intake.yaml", "id: 2026-AAAAA\nstatus: open\nmanager: bob\n"+elig+"true\n")
	taken := s.caseplanCommit(bob, "2026-AAAAA", "commit", "take over")
	fs, _ := verify(t, s, "")
	expect(t, fs, "case-access  "+taken)
}

// A merge is held to the roles (and the signature) of a parent's roster
// that has its author, the one its author was accepted by: a merge whose
// first parent is a commit from before the author joined the staff
// (git commit-tree -p OLD -p HEAD, the parents in any order the maker
// likes) must not pass as a commit by nobody the roster knows.
func TestVerifyRolesMergeParentOrder(t *testing.T) {
	const dave = "Dave Doe <dave@example.org>"
	for _, oldFirst := range []bool{false, true} {
		s := rolesStore(t)
		init := s.git("", "rev-list", "--max-parents=0", "HEAD")
		s.write("cases/caseplan.yaml", rolesRoster("  - id: dave\n    name: Dave Doe\n    email: dave@example.org\n    role: case-manager\n"))
		s.caseplanCommit(alice, audit.StoreWide, "staff.add", "add dave")
		s.write("cases/2026-AAAAA/intake.yaml", "id: 2026-AAAAA\nstatus: closed\nmanager: alice\n")
		s.git("", "add", "-A")
		tree := s.git("", "write-tree")
		parents := []string{"-p", "HEAD", "-p", init}
		if oldFirst {
			parents = []string{"-p", init, "-p", "HEAD"}
		}
		s.tick++
		args := append([]string{"commit-tree", tree}, parents...)
		args = append(args, "-m", "2026-AAAAA: close\n\nCaseplan-Case: 2026-AAAAA\nCaseplan-Action: case.close\n")
		merge := s.git(dave, args...)
		s.git("", "reset", "-q", "--hard", merge)

		fs, _ := verify(t, s, "")
		expect(t, fs, "case-access  "+merge)
	}
}
