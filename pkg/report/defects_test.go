package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// Defect 14 of "Rules that are right": a case manager with no case that
// expects contact had 100% contact compliance; with none expected there is
// no share to show. And a follow-up done before it was due counted as due
// and not done.
func TestMonthlyComplianceAndEarlyFollowUp(t *testing.T) {
	m := storetest.MemStore{
		"cases/caseplan.yaml": "organization: Example\nstaff:\n  - id: amy\n    name: Amy Example\n    email: amy@example.org\n  - id: ned\n    name: Ned Example\n    email: ned@example.org\nprograms:\n  pe:\n    kind: post-employment\n",
		// Amy's case expects contact and had one; Ned has no case at all.
		"cases/P1/intake.yaml":                "id: P1\nopened: 2026-09-01\nprogram: pe\nstatus: open\nmanager: amy\nparticipant:\n  name: Pat Example\n",
		"cases/P1/notes/2026-10-10-aaaa.yaml": "id: 2026-10-10-aaaa\ndate: 2026-10-10\nauthor: amy\nkind: contact\nmode: phone\ntwo_way: true\ncontent: Check-in\n",
		"cases/P1/outcome.yaml":               "follow_ups:\n  - due: 2026-10-20\n    done: 2026-10-14\n  - due: 2026-10-25\n    done: 2026-09-28\n  - due: 2026-10-30\n",
	}
	snap := storetest.Load(t, m)
	r := BuildMonthly(snap, Month{Year: 2026, Month: time.October}, Source{Commit: strings.Repeat("0", 40)}, false)
	if got := r.Summary; got.FollowUpsDue != 3 || got.FollowUpsDone != 2 {
		t.Errorf("follow-ups due/done = %d/%d, want 3/2 (one done early, one on time, one not done)", got.FollowUpsDue, got.FollowUpsDone)
	}
	var ned *ManagerSection
	for i := range r.Managers {
		if r.Managers[i].ID == "ned" {
			ned = &r.Managers[i]
		}
	}
	if ned == nil || ned.ContactCompliance != nil {
		t.Fatalf("ned: %+v, want a section with no compliance", ned)
	}
	var b bytes.Buffer
	w, _ := NewWriter("text")
	if err := w.Monthly(&b, r); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "ned ") && (!strings.Contains(line, " none ") || strings.Contains(line, "100%")) {
			t.Errorf("ned's row shows a compliance: %q", line)
		}
	}
}

// A reopening is a figure of its own: the summary said open at start 1,
// opened 2, closed 2 and open at end 3, which no sum gives. W1 is opened
// and closed in March; W2, closed in February, is reopened in March; W4 is
// opened, closed and reopened in March; W3 is open all month.
func TestMonthlyReopenedBalances(t *testing.T) {
	m := storetest.MemStore{
		"cases/caseplan.yaml":   "organization: Example\nstaff:\n  - id: amy\n    name: Amy Example\n    email: amy@example.org\nprograms:\n  wioa:\n    kind: wioa\n",
		"cases/W1/intake.yaml":  "id: W1\nopened: 2026-03-02\nprogram: wioa\nstatus: closed\nmanager: amy\nparticipant:\n  name: Ana Example\n",
		"cases/W1/outcome.yaml": "closures:\n  - date: 2026-03-20\n    reason: withdrew\n",
		"cases/W2/intake.yaml":  "id: W2\nopened: 2026-01-05\nprogram: wioa\nstatus: open\nmanager: amy\nparticipant:\n  name: Ben Example\n",
		"cases/W2/outcome.yaml": "closures:\n  - date: 2026-02-10\n    reason: withdrew\nreopenings:\n  - date: 2026-03-05\n    reason: back\n",
		"cases/W3/intake.yaml":  "id: W3\nopened: 2026-02-02\nprogram: wioa\nstatus: open\nmanager: amy\nparticipant:\n  name: Cid Example\n",
		"cases/W4/intake.yaml":  "id: W4\nopened: 2026-03-10\nprogram: wioa\nstatus: open\nmanager: amy\nparticipant:\n  name: Dee Example\n",
		"cases/W4/outcome.yaml": "closures:\n  - date: 2026-03-12\n    reason: withdrew\nreopenings:\n  - date: 2026-03-18\n    reason: back\n",
	}
	snap := storetest.Load(t, m)
	r := BuildMonthly(snap, Month{Year: 2026, Month: time.March}, Source{Commit: strings.Repeat("0", 40)}, false)
	for _, c := range append([]Counts{r.Summary}, r.Programs[0].Counts) {
		if c.OpenAtStart != 1 || c.Opened != 2 || c.Reopened != 2 || c.Closed != 2 || c.OpenAtEnd != 3 {
			t.Errorf("start %d + opened %d + reopened %d - closed %d, end %d; want 1 + 2 + 2 - 2 = 3", c.OpenAtStart, c.Opened, c.Reopened, c.Closed, c.OpenAtEnd)
		}
	}
	flags := map[string]string{}
	for _, row := range r.Cases {
		flags[row.ID] = flagText(row.Flags)
	}
	if !strings.HasPrefix(flags["W2"], "reopened") || !strings.HasPrefix(flags["W4"], "opened reopened closed:withdrew") {
		t.Errorf("flags W2 %q, W4 %q; want the reopenings flagged", flags["W2"], flags["W4"])
	}
}

// Two reopenings with no closure between (a store written before sync
// kept one per episode) are one reopening, as two closures in a row are
// one closure: W2, closed in February, reopened on March 5 and again on
// March 9, counts reopened once, and the month balances. W5, reopened
// in February and again in March, was open all March: no reopening in it.
func TestMonthlyReopenedTwiceCountsOnce(t *testing.T) {
	m := storetest.MemStore{
		"cases/caseplan.yaml":   "organization: Example\nstaff:\n  - id: amy\n    name: Amy Example\n    email: amy@example.org\nprograms:\n  wioa:\n    kind: wioa\n",
		"cases/W2/intake.yaml":  "id: W2\nopened: 2026-01-05\nprogram: wioa\nstatus: open\nmanager: amy\nparticipant:\n  name: Ben Example\n",
		"cases/W2/outcome.yaml": "closures:\n  - date: 2026-02-10\n    reason: withdrew\nreopenings:\n  - date: 2026-03-05\n    reason: back\n  - date: 2026-03-09\n    reason: back again\n",
		"cases/W5/intake.yaml":  "id: W5\nopened: 2026-01-05\nprogram: wioa\nstatus: open\nmanager: amy\nparticipant:\n  name: Eve Example\n",
		"cases/W5/outcome.yaml": "closures:\n  - date: 2026-02-10\n    reason: withdrew\nreopenings:\n  - date: 2026-02-20\n    reason: back\n  - date: 2026-03-09\n    reason: back again\n",
	}
	snap := storetest.Load(t, m)
	r := BuildMonthly(snap, Month{Year: 2026, Month: time.March}, Source{Commit: strings.Repeat("0", 40)}, false)
	for _, c := range append([]Counts{r.Summary}, r.Programs[0].Counts) {
		if c.OpenAtStart != 1 || c.Opened != 0 || c.Reopened != 1 || c.Closed != 0 || c.OpenAtEnd != 2 {
			t.Errorf("start %d + opened %d + reopened %d - closed %d, end %d; want 1 + 0 + 1 - 0 = 2", c.OpenAtStart, c.Opened, c.Reopened, c.Closed, c.OpenAtEnd)
		}
	}
	for _, row := range r.Cases {
		if row.ID == "W5" && strings.Contains(flagText(row.Flags), "reopened") {
			t.Errorf("W5 flagged %q: it was open all month", flagText(row.Flags))
		}
	}
}
