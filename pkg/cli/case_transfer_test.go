package cli

import (
	"strings"
	"testing"
)

// TestTransferNoCommitOrder: case transfer --from --no-commit says what
// it did first, as the committed form does, and only then that the files
// are written and not committed.
func TestTransferNoCommitOrder(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	run := func(args ...string) (string, string) {
		t.Helper()
		code, stdout, stderr := runCaseplan(t, dir, env, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		return stdout, stderr
	}
	run("staff", "add", "--name", "Jo Lee", "--email", "jlee@example.org", "--role", "case-manager")
	run("staff", "add", "--name", "Dee Shah", "--email", "dshah@example.org", "--role", "case-manager")
	run("case", "new", "--program", "wioa", "--name", "Bo Example", "--id", "W-001", "--manager", "jlee")
	run("case", "new", "--program", "wioa", "--name", "Cy Example", "--id", "W-002", "--manager", "jlee")
	stdout, stderr := run("case", "transfer", "--from", "jlee", "--to", "dshah", "--reason", "Caseload balance", "--no-commit")
	if stdout != "W-001\nW-002\n" {
		t.Errorf("stdout %q, want the cases transferred", stdout)
	}
	summary := strings.Index(stderr, "caseplan: transfer 2 case(s) from jlee to dshah\n")
	wrote := strings.Index(stderr, "caseplan: wrote ")
	if summary < 0 || wrote < 0 || wrote < summary {
		t.Errorf("stderr:\n%s\nwant the summary, then the files written and not committed", stderr)
	}
}

// TestTransferNoCommitClosedNote: the note that a closed case is handed
// on closed comes before the line that says the files are not
// committed, as every command's notes do.
func TestTransferNoCommitClosedNote(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	run := func(args ...string) (string, string) {
		t.Helper()
		code, stdout, stderr := runCaseplan(t, dir, env, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		return stdout, stderr
	}
	run("staff", "add", "--name", "Jo Lee", "--email", "jlee@example.org", "--role", "case-manager")
	run("case", "new", "--program", "wioa", "--name", "Bo Example", "--id", "W-001", "--manager", "mrivera")
	run("case", "close", "W-001", "--date", "2026-03-16", "--reason", "moved")
	stdout, stderr := run("case", "transfer", "W-001", "--to", "jlee", "--reason", "Follow-ups", "--no-commit")
	if stdout != "W-001\n" {
		t.Errorf("stdout %q, want the case transferred", stdout)
	}
	note := strings.Index(stderr, "caseplan: note: W-001 is closed")
	wrote := strings.Index(stderr, "caseplan: wrote ")
	if note < 0 || wrote < 0 || wrote < note {
		t.Errorf("stderr:\n%s\nwant the note, then the files written and not committed", stderr)
	}
}
