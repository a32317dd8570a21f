package casework

import (
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// TestTransferCommittedAccess: a transfer is judged by the records its
// commit follows, HEAD's, however the work tree read for it compares
// with them; the check takes what the write loaded when that is HEAD's
// (store.Memo.SameIn) and reads HEAD otherwise, as strict either way.
func TestTransferCommittedAccess(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t) // maria, the admin: roles in force
	ws := openWorkspace(t, dir, maria)
	for _, m := range []record.Staff{
		{Name: dev.Name, Email: dev.Email, Role: "case-manager"},
		{Name: eve.Name, Email: eve.Email, Role: "case-manager"},
	} {
		if _, err := ws.Apply(nil, AddStaff{Staff: m}.Build); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"W-001", "W-002"} {
		if _, err := ws.Apply(nil, NewCase{ID: id, Program: "wioa", Name: "Bo Example", Manager: "dpatel", Opened: testToday}.Build); err != nil {
			t.Fatal(err)
		}
	}
	head := gitCLI(t, dir, "rev-parse", "HEAD")
	byEve := openWorkspace(t, dir, eve)
	transfer := TransferCases{Cases: []string{"W-001", "W-002"}, From: "dpatel", To: "mrivera", Reason: "Caseload balance"}
	refused := func(t *testing.T, err error, hint string) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), "eve may not change case W-001") {
			t.Fatalf("eve's transfer of dpatel's cases: %v, want refused", err)
		}
		var denied *AccessError
		if hint != "" && (!errors.As(err, &denied) || !strings.Contains(denied.Hint(), hint)) {
			t.Errorf("refusal: %v, want the hint %q", err, hint)
		}
		if got := gitCLI(t, dir, "rev-parse", "HEAD"); got != head {
			t.Errorf("a refused transfer committed %s", got)
		}
	}

	// The work tree as committed: a case manager hands on no
	// colleague's caseload (the build lists each case).
	_, err := byEve.Apply(transfer.Cases, transfer.Build)
	refused(t, err, "")

	// Eve's hand edit makes her their manager in the work tree: the
	// commit would follow HEAD's records, which do not.
	for _, id := range transfer.Cases {
		p := "cases/" + id + "/intake.yaml"
		writeTestFile(t, dir, p, strings.Replace(readTestFile(t, dir, p), "manager: dpatel", "manager: eve", 1))
	}
	mine := TransferCases{Cases: transfer.Cases, From: "eve", To: "mrivera", Reason: "Caseload balance"}
	_, err = byEve.Apply(mine.Cases, mine.Build)
	refused(t, err, "only by a hand edit")

	// The edit undone on disk after the load, before the check: what was
	// loaded is not HEAD's, and the check still judges by HEAD's records,
	// not by the edit the load read.
	_, err = byEve.Apply(mine.Cases, func(s *State) (*Change, error) {
		gitCLI(t, dir, "checkout", "--", "cases")
		return mine.Build(s)
	})
	refused(t, err, "only by a hand edit")

	// Committed, the same transfer is hers to make.
	for _, id := range transfer.Cases {
		p := "cases/" + id + "/intake.yaml"
		writeTestFile(t, dir, p, strings.Replace(readTestFile(t, dir, p), "manager: dpatel", "manager: eve", 1))
	}
	if _, err := ws.CommitEdits("W-001, W-002 are eve's"); err != nil {
		t.Fatal(err)
	}
	head = gitCLI(t, dir, "rev-parse", "HEAD")
	if _, err := byEve.Apply(mine.Cases, mine.Build); err != nil {
		t.Fatalf("eve's transfer of her cases: %v", err)
	}
}
