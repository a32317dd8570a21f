package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/record"
)

// The end-to-end script (due.txtar) sees only piped output; this is what
// a case manager sees on a terminal.
func TestWriteTicklerOnATerminal(t *testing.T) {
	items := []casestate.Due{
		{Case: "C2", Manager: "dpatel", Kind: "contact", Due: "2026-03-20", Days: 4, Detail: "contact (every 30 days; last 2026-02-18)"},
		{Case: "C1", Manager: "mrivera", Kind: "next-step", Due: "2026-03-10", Days: -6, Overdue: true, Detail: "next step N1 (participant): Call\tthe office"},
		{Case: "C1", Manager: "mrivera", Kind: "milestone", Due: "2026-03-16", Days: 0, Detail: "milestone M1 (G1): Five applications"},
		{Case: "C3", Manager: "gone", Kind: "period-end", Due: "2026-03-17", Days: 1, Detail: "the notification period ends"},
	}
	names := map[string]string{"dpatel": "Dev Patel", "mrivera": "Maria Rivera"}
	retired := map[string]bool{"dpatel": true} // his open cases are not transferred yet
	for _, tt := range []struct {
		name  string
		items []casestate.Due
		all   bool
		want  string
	}{
		{"every manager: a heading each, with how many", items, true, `Dev Patel (dpatel, retired): 1 item, 0 overdue
  2026-03-20  in 4 days  C2  contact  contact (every 30 days; last 2026-02-18)

Maria Rivera (mrivera): 2 items, 1 overdue
  2026-03-10  overdue 6 days  C1  next-step  next step N1 (participant): Call the office
  2026-03-16  today           C1  milestone  milestone M1 (G1): Five applications

gone: 1 item, 0 overdue
  2026-03-17  in 1 day  C3  period-end  the notification period ends
`},
		{"one manager: a table", items[1:3], false, `DUE         WHEN            CASE  KIND       DETAIL
2026-03-10  overdue 6 days  C1    next-step  next step N1 (participant): Call the office
2026-03-16  today           C1    milestone  milestone M1 (G1): Five applications
`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := writeTickler(Env{Stdout: &out, IsTerminal: true}, tt.items, tt.all, names, retired); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", out.String(), tt.want)
			}
		})
	}
}

// TestDueSummaryOnATerminal: on a terminal, due --summary is a table with
// a header, without the kinds no manager has an item of; piped, every
// kind is counted, so the columns do not move from one day to the next.
func TestDueSummaryOnATerminal(t *testing.T) {
	items := []casestate.Due{
		{Case: "W-1", Manager: "cm01", Kind: casestate.DueContact, Overdue: true},
		{Case: "W-1", Manager: "cm01", Kind: casestate.DueAction},
		{Case: "W-2", Manager: "cm02", Kind: casestate.DueAction, Overdue: true},
		{Case: "W-9", Manager: "gone", Kind: casestate.DueAction},
	}
	rows := dueSummary(items, []string{"cm02", "cm01", "cm03"}, "", casestate.DueKinds, map[string]string{"cm01": "Ana Example", "cm02": "Ben Example"}, map[string]bool{"cm02": true})
	var out, errs bytes.Buffer
	if err := writeDueSummary(Env{Stdout: &out, Stderr: &errs, IsTerminal: true}, "text", rows, casestate.DueKinds, dueSpan{Through: time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	want := "MANAGER  NAME                   ITEMS  OVERDUE  CONTACT  ACTION\n" +
		"cm01     Ana Example            2      1        1        1\n" +
		"cm02     Ben Example (retired)  1      1        0        1\n" +
		"cm03     -                      0      0        0        0\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	if got := errs.String(); got != "caseplan: 3 item(s) due or overdue through 2026-03-16 (2 overdue), 3 managers\n" {
		t.Errorf("stderr: %q", got)
	}
	// With --overdue only what was due before --today was counted: the
	// line names that day, as the list's line does.
	errs.Reset()
	over := dueSpan{Today: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Through: time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC), Overdue: true}
	if err := writeDueSummary(Env{Stdout: &out, Stderr: &errs, IsTerminal: true}, "text", rows, casestate.DueKinds, over); err != nil {
		t.Fatal(err)
	}
	if got := errs.String(); got != "caseplan: 3 item(s) overdue on 2026-03-02, 3 managers\n" {
		t.Errorf("stderr with --overdue: %q", got)
	}
	out.Reset()
	if err := writeDueSummary(Env{Stdout: &out, Stderr: &errs}, "text", rows, casestate.DueKinds, dueSpan{}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(strings.SplitN(out.String(), "\n", 2)[0], "\t"); got != 3+len(casestate.DueKinds) {
		t.Errorf("piped: %d tabs in a line, want one column per kind:\n%s", got, out.String())
	}
}

// TestDueSummaryCSV: due --summary -o csv is for a spreadsheet: a header
// row naming every column, the kinds by their names, rows led by the day
// and the last day counted, a name a spreadsheet would run as a formula
// neutralized, the byte order mark only when asked for.
func TestDueSummaryCSV(t *testing.T) {
	items := []casestate.Due{
		{Case: "W-1", Manager: "cm01", Kind: casestate.DueContact, Overdue: true},
		{Case: "W-2", Manager: "cm02", Kind: casestate.DueAction},
	}
	kinds := []string{casestate.DueContact, casestate.DueAction}
	rows := dueSummary(items, []string{"cm01", "cm02"}, "", kinds, map[string]string{"cm01": "=Ana Example", "cm02": "Ben Example"}, map[string]bool{"cm02": true})
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for _, bom := range []bool{false, true} {
		var out, errs bytes.Buffer
		if err := writeDueSummaryCSV(Env{Stdout: &out, Stderr: &errs}, rows, kinds, dueSpan{Today: day, Through: day.AddDate(0, 0, 14)}, bom); err != nil {
			t.Fatal(err)
		}
		want := "as_of,through,manager,name,retired,items,overdue,contact,action\r\n" +
			"2026-03-02,2026-03-16,cm01,'=Ana Example,false,1,1,1,0\r\n" +
			"2026-03-02,2026-03-16,cm02,Ben Example,true,1,0,0,1\r\n"
		if bom {
			want = "\ufeff" + want
		}
		if out.String() != want {
			t.Errorf("bom %v: got\n%q\nwant\n%q", bom, out.String(), want)
		}
		if got := errs.String(); got != "caseplan: 2 item(s) due or overdue through 2026-03-16 (1 overdue), 2 managers\n" {
			t.Errorf("stderr: %q", got)
		}
	}
}

// TestDueSummaryOfASupervisor: a supervisor's summary row counts what
// their list lists, the decisions awaiting them on other managers' cases
// included.
func TestDueSummaryOfASupervisor(t *testing.T) {
	items := []casestate.Due{
		{Case: "W-1", Manager: "sup", Kind: casestate.DueContact},
		{Case: "W-2", Manager: "cm01", Kind: casestate.DueExtensionDecision, Overdue: true},
	}
	rows := dueSummary(items, []string{"sup"}, "sup", casestate.DueKinds, nil, nil)
	if len(rows) != 1 || rows[0].Items != 2 || rows[0].Overdue != 1 || rows[0].Kinds[casestate.DueExtensionDecision] != 1 {
		t.Errorf("rows: %+v, want sup with 2 items, 1 overdue, 1 extension-decision", rows)
	}
}

// TestNothingListed: with --overdue, an empty tickler says the day it
// looked at (what was due before --today), not the window's last day,
// which may be in the future; without it, the window's last day.
func TestNothingListed(t *testing.T) {
	today, through := time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		manager string
		kinds   []string
		overdue bool
		want    string
	}{
		{"mrivera", nil, true, "nothing overdue for mrivera on 2026-05-15"},
		{"", []string{"contact"}, true, "nothing of kind contact overdue on any case on 2026-05-15"},
		{"mrivera", nil, false, "nothing due for mrivera through 2026-05-29"},
		{"svisor", []string{"contact", "milestone"}, false, "nothing of kind contact, milestone due for svisor through 2026-05-29"},
	} {
		if got := nothingListed(tt.manager, tt.kinds, tt.overdue, today, through); got != tt.want {
			t.Errorf("nothingListed(%q, %q, %v) = %q, want %q", tt.manager, tt.kinds, tt.overdue, got, tt.want)
		}
	}
}

// TestSummaryManagers: due --all --summary has a row for every manager of
// a case, an active one with nothing due too, but none for a manager
// retired from the roster whose cases are all closed with nothing due
// (due --all lists nothing of theirs); a retired manager with an open
// case (to hand on) or an item (a closed case's follow-up) keeps theirs,
// and --manager names its row whatever it holds.
func TestSummaryManagers(t *testing.T) {
	item := []dueItem{{Due: casestate.Due{Kind: casestate.DueFollowUp}}}
	cases := []dueCase{
		{Intake: true, Manager: "gone"},                          // retired, closed, nothing due
		{Intake: true, Manager: "idle"},                          // active, closed, nothing due
		{Intake: true, Manager: "left", Open: true},              // retired, an open case
		{Intake: true, Manager: "after", Items: item},            // retired, a closed case's follow-up
		{Intake: true, Manager: "cm01", Open: true, Items: item}, // active
		{Intake: false, Manager: ""},                             // unreadable
	}
	retired := map[string]bool{"gone": true, "left": true, "after": true}
	if got, want := strings.Join(summaryManagers(cases, "", retired), " "), "idle left after cm01"; got != want {
		t.Errorf("--all: %q, want %q", got, want)
	}
	if got := strings.Join(summaryManagers(cases, "gone", retired), " "); got != "gone" {
		t.Errorf("--manager gone: %q, want its row", got)
	}
}

// TestReadDueKinds: --kind is read as every closed list's choice is, in
// any case or by its unambiguous beginning, and recorded in full.
func TestReadDueKinds(t *testing.T) {
	kinds := []string{"Contact", "fol", "plan-review", "ext"}
	if err := readDueKinds(kinds); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(kinds, ","), "contact,follow-up,plan-review,extension-decision"; got != want {
		t.Errorf("read %s, want %s", got, want)
	}
	for _, typed := range []string{"p", "pla-review", "contacts", "ac"} {
		if err := readDueKinds([]string{typed}); err == nil {
			t.Errorf("--kind %q was read", typed)
		}
	}
}

// TestNotOnRosterNamesTheCasesManager: a case's ID typed where a staff ID
// goes is said to be a case, with its manager, the value meant; a value
// that is no case keeps the plain hint.
func TestNotOnRosterNamesTheCasesManager(t *testing.T) {
	cfg := &record.Config{Staff: []record.Staff{{ID: "dpatel", Name: "Dev Patel"}}}
	rows := []caseItem{{ID: "2026-T2YB4", Manager: "dpatel"}}
	cases := managerInRows(rows, func(c caseItem) (string, string) { return c.ID, c.Manager })
	for id, want := range map[string]string{
		"2026-T2YB4": "did you mean --manager dpatel? 2026-T2YB4 is a case; its manager is dpatel",
		"2026-ZZZZZ": "caseplan staff list shows the roster's IDs",
	} {
		var ue *UsageError
		if err := notOnRoster(cfg, "--manager", id, cases); !errors.As(err, &ue) || ue.Hint != want {
			t.Errorf("--manager %s: %v, hint %q; want %q", id, err, ue.Hint, want)
		}
	}
	if err := notOnRoster(cfg, "--manager", "2026-T2YB4", nil); !strings.Contains(err.(*UsageError).Hint, "staff list") {
		t.Errorf("no cases at hand: %v", err)
	}
}
