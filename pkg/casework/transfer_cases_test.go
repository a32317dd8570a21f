package casework

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

// TestTransferCases hands several cases on in one change, all or
// nothing: every case that cannot be transferred is listed in one
// refusal; --from takes the open cases its manager has on the day.
func TestTransferCases(t *testing.T) {
	isolateHome(t)
	dir := staffStore(t) // W-001, WIOA, managed by dpatel
	ws := openWorkspace(t, dir, sue)
	for _, c := range []NewCase{
		{ID: "W-002", Program: "wioa", Name: "Bo Example", Manager: "dpatel", Opened: testToday},
		{ID: "W-003", Program: "wioa", Name: "Cy Example", Manager: "mrivera", Opened: testToday},
	} {
		if _, err := ws.Apply(nil, c.Build); err != nil {
			t.Fatal(err)
		}
	}
	head := gitCLI(t, dir, "rev-parse", "HEAD")

	_, err := ws.Apply([]string{"W-001", "W-003"}, TransferCases{Cases: []string{"W-001", "W-009", "W-003", "W-001"}, To: "mrivera", Reason: "Caseload balance"}.Build)
	var in *InputError
	if !errors.As(err, &in) {
		t.Fatalf("refusal: %v", err)
	}
	for _, want := range []string{"3 of 4 case(s) cannot be transferred to mrivera", "\tW-009: no such case", "\tW-003: mrivera is already the case's manager", "\tW-001: named twice"} {
		if !strings.Contains(in.Msg, want) {
			t.Errorf("refusal %q lacks %q", in.Msg, want)
		}
	}
	if got := gitCLI(t, dir, "rev-parse", "HEAD"); got != head {
		t.Errorf("a refused transfer committed %s", got)
	}
	if _, err := ws.Apply([]string{"W-001"}, TransferCases{Cases: []string{"W-001"}, From: "dpatel", To: "dpatel", Reason: "x"}.Build); err == nil || !strings.Contains(err.Error(), "--from and --to both name dpatel") {
		t.Errorf("--from and --to the same: %v", err)
	}

	// --from: of the candidates, those dpatel manages; one commit.
	res, err := ws.Apply([]string{"W-001", "W-002", "W-003"}, TransferCases{Cases: []string{"W-001", "W-002", "W-003"}, From: "dpatel", To: "mrivera", Reason: "Dev leaves"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Output != "W-001\nW-002" || res.Change.Summary != "transfer 2 case(s) from dpatel to mrivera" || res.Change.Action != "case.transfer" {
		t.Errorf("change: %q %q %q", res.Change.Output, res.Change.Summary, res.Change.Action)
	}
	if got := gitCLI(t, dir, "rev-list", "--count", head+"..HEAD"); got != "1" {
		t.Errorf("%s commits, want 1", got)
	}
	for _, id := range []string{"W-001", "W-002"} {
		if in := readTestFile(t, dir, "cases/"+id+"/intake.yaml"); !strings.Contains(in, "manager: mrivera") || !strings.Contains(in, "from: dpatel") {
			t.Errorf("%s intake:\n%s", id, in)
		}
	}
	if _, err := ws.Apply([]string{"W-003"}, TransferCases{Cases: []string{"W-003"}, From: "dpatel", To: "svisor", Reason: "x"}.Build); err == nil || !strings.Contains(err.Error(), "dpatel has no open case") {
		t.Errorf("nothing left: %v", err)
	}

	// One case found by --from is said as its transfer alone is, not as
	// "1 case(s)", and stdout still lists it.
	res, err = ws.Apply([]string{"W-003"}, TransferCases{Cases: []string{"W-003"}, From: "mrivera", To: "svisor", Reason: "Caseload balance"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Output != "W-003" || res.Change.Summary != "transfer the case from mrivera to svisor" {
		t.Errorf("one case: %q %q", res.Change.Output, res.Change.Summary)
	}
}

// TestRefusedHintHandsOnAtOnce: a refusal whose findings and warnings
// name several open cases of one retired manager gives the one case
// transfer --from that hands them on, naming them; a single case keeps
// its own command.
func TestRefusedHintHandsOnAtOnce(t *testing.T) {
	e := &RefusedError{
		Findings: []finding.Finding{{Rule: "wioa-counselor", Case: "W-001"}, {Rule: "wioa-counselor", Case: "W-002"}},
		Warnings: []finding.Finding{{Rule: validate.RuleManagerRetired, Case: "S-001"}},
		Retired:  map[string]string{"W-001": "jlee", "W-002": "jlee", "S-001": "jlee"},
	}
	if got, want := e.Hint(), "first caseplan case transfer --from jlee --to STAFF --reason TEXT (W-001, W-002, S-001), then run the command again"; got != want {
		t.Errorf("hint %q, want %q", got, want)
	}
	one := &RefusedError{Findings: e.Findings[:1], Retired: map[string]string{"W-001": "jlee"}}
	if got, want := one.Hint(), "first caseplan case transfer W-001 --to STAFF --reason TEXT, then run the command again"; got != want {
		t.Errorf("hint %q, want %q", got, want)
	}
}

// TestTransferCasesFromOnPastDay: --from on a past day takes the cases
// open under From on that day, as case list --manager --status open
// lists them (casestate.OpenOn): a case closed since was open then and is
// handed on (the transfer dated before its closure), one opened since
// was no case yet and is left where it is, not refused for a transfer
// dated before its opening.
func TestTransferCasesFromOnPastDay(t *testing.T) {
	isolateHome(t)
	dir := staffStore(t) // W-001, WIOA, managed by dpatel, opened on testToday
	ws := openWorkspace(t, dir, sue)
	if _, err := ws.Apply(nil, NewCase{ID: "W-002", Program: "wioa", Name: "Bo Example", Manager: "dpatel", Opened: testToday.AddDate(0, 0, -42)}.Build); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Apply([]string{"W-002"}, CloseCase{Case: "W-002", Date: testToday.AddDate(0, 0, -6), Reason: "withdrew"}.Build); err != nil {
		t.Fatal(err)
	}
	ws.Today = testToday.AddDate(0, 0, -11) // W-002 open, W-001 not opened yet
	res, err := ws.Apply([]string{"W-001", "W-002"}, TransferCases{Cases: []string{"W-001", "W-002"}, From: "dpatel", To: "mrivera", Reason: "Dev leaves"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Output != "W-002" {
		t.Errorf("transferred %q, want W-002 alone", res.Change.Output)
	}
	if in := readTestFile(t, dir, "cases/W-001/intake.yaml"); !strings.Contains(in, "manager: dpatel") {
		t.Errorf("W-001, opened after the day, was handed on:\n%s", in)
	}
}

// TestTransferCasesFromHandedSince: --from on a past day leaves where it
// is a case that was From's then but has been handed to someone else
// since (a transfer dated before that later one would contradict its
// records), and says so, naming who has it now; when it is the only one,
// the refusal says so too.
func TestTransferCasesFromHandedSince(t *testing.T) {
	isolateHome(t)
	dir := staffStore(t) // W-001, WIOA, managed by dpatel, opened on testToday
	ws := openWorkspace(t, dir, sue)
	if _, err := ws.Apply(nil, NewCase{ID: "W-002", Program: "wioa", Name: "Bo Example", Manager: "dpatel", Opened: testToday.AddDate(0, 0, -42)}.Build); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Apply(nil, NewCase{ID: "W-003", Program: "wioa", Name: "Cy Example", Manager: "dpatel", Opened: testToday.AddDate(0, 0, -42)}.Build); err != nil {
		t.Fatal(err)
	}
	// One case named is on stdout as several are, one per line.
	if res, err := ws.Apply([]string{"W-002"}, TransferCase{Case: "W-002", Date: testToday.AddDate(0, 0, -6), To: "svisor", Reason: "Closer to her office"}.Build); err != nil {
		t.Fatal(err)
	} else if res.Change.Output != "W-002" {
		t.Errorf("one case's output %q, want W-002", res.Change.Output)
	}
	ws.Today = testToday.AddDate(0, 0, -11) // W-002 and W-003 dpatel's
	all := []string{"W-001", "W-002", "W-003"}
	res, err := ws.Apply(all, TransferCases{Cases: all, From: "dpatel", To: "mrivera", Reason: "Dev leaves"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Output != "W-003" {
		t.Errorf("transferred %q, want W-003 alone", res.Change.Output)
	}
	want := "W-002 was dpatel's on 2026-03-05 but is svisor's now (transferred to svisor on 2026-03-10): left where it is; caseplan case transfer W-002 --to STAFF --reason TEXT hands it on from svisor"
	// W-001, opened after the day, is noted too (TestTransferNotOpened).
	if len(res.Change.Notes) != 2 || res.Change.Notes[0] != want || !strings.HasPrefix(res.Change.Notes[1], "case W-001 opens on 2026-03-16") {
		t.Errorf("notes %q\nwant [%q, case W-001 opens...]", res.Change.Notes, want)
	}
	if in := readTestFile(t, dir, "cases/W-002/intake.yaml"); !strings.Contains(in, "manager: svisor") {
		t.Errorf("W-002, handed on since, was transferred:\n%s", in)
	}
	// Only such a case left: nothing to hand on, and the refusal says why.
	_, err = ws.Apply([]string{"W-002"}, TransferCases{Cases: []string{"W-002"}, From: "dpatel", To: "mrivera", Reason: "Dev leaves"}.Build)
	if err == nil || !strings.Contains(err.Error(), "dpatel has no open case on 2026-03-05 to transfer:\n\t"+want) {
		t.Errorf("only a case handed on since: %v", err)
	}
}

// TestTransferNotOpened: a case whose opening is dated after today cannot
// be handed on on any day (before the opening is before the case, after
// today has not happened): a transfer of it is refused, naming the
// opening date and how to correct it; --from hands on the rest, and says
// of each such case that it is left and why; when only such cases are
// left, the refusal says so. Its intake is never rewritten to fit.
func TestTransferNotOpened(t *testing.T) {
	isolateHome(t)
	dir := staffStore(t) // W-001, WIOA, managed by dpatel, opened on testToday
	ws := openWorkspace(t, dir, sue)
	if _, err := ws.Apply(nil, NewCase{ID: "W-002", Program: "wioa", Name: "Bo Example", Manager: "dpatel", Opened: testToday.AddDate(0, 0, -42)}.Build); err != nil {
		t.Fatal(err)
	}
	ws.Today = testToday.AddDate(0, 0, -11) // 2026-03-05: W-001 opens after it
	head := gitCLI(t, dir, "rev-parse", "HEAD")
	const hint = "if case W-001 did not open on 2026-03-16, correct opened with caseplan edit W-001 intake; if it is right, hand it on from that day on"
	for _, d := range []time.Time{{}, testToday} {
		_, err := ws.Apply([]string{"W-001"}, TransferCase{Case: "W-001", Date: d, To: "mrivera", Reason: "Dev leaves"}.Build)
		var no *NotOpenedError
		if !errors.As(err, &no) || no.Error() != "case W-001 opens on 2026-03-16, after today (2026-03-05): it cannot be handed on before it opens" || no.Hint() != hint {
			t.Errorf("transfer dated %v: %v (%T)", d, err, err)
		}
	}
	if got := gitCLI(t, dir, "rev-parse", "HEAD"); got != head {
		t.Errorf("a refused transfer committed %s", got)
	}

	all := []string{"W-001", "W-002"}
	res, err := ws.Apply(all, TransferCases{Cases: all, From: "dpatel", To: "mrivera", Reason: "Dev leaves"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Output != "W-002" {
		t.Errorf("transferred %q, want W-002 alone", res.Change.Output)
	}
	want := "case W-001 opens on 2026-03-16, after today (2026-03-05): not handed on; it stays dpatel's\nhint: " + hint + " with caseplan case transfer W-001 --to STAFF --reason TEXT"
	if len(res.Change.Notes) != 1 || res.Change.Notes[0] != want {
		t.Errorf("notes %q\nwant [%q]", res.Change.Notes, want)
	}
	if in := readTestFile(t, dir, "cases/W-001/intake.yaml"); !strings.Contains(in, "manager: dpatel") || !strings.Contains(in, "opened: 2026-03-16") {
		t.Errorf("W-001, not opened yet, was changed:\n%s", in)
	}

	// Only such a case left: the refusal names it, with the hint.
	_, err = ws.Apply([]string{"W-001"}, TransferCases{Cases: []string{"W-001"}, From: "dpatel", To: "mrivera", Reason: "Dev leaves"}.Build)
	var in *InputError
	if !errors.As(err, &in) || in.Msg != "dpatel has no open case on 2026-03-05 to transfer:\n\tcase W-001 opens on 2026-03-16, after today (2026-03-05): not handed on; it stays dpatel's" || in.Hint != hint+" with caseplan case transfer W-001 --to STAFF --reason TEXT" {
		t.Errorf("only a case not opened: %v (hint %q)", err, hintOf(in))
	}
}

// TestRefusedHintWhenEveryErrorHasOne: a refusal whose every error says
// what to do in its own hint (a sealed.age changed by hand: put it back)
// has no values to correct: its last line sends the user to those hints;
// one error without a hint keeps "correct the values above".
func TestRefusedHintWhenEveryErrorHasOne(t *testing.T) {
	hinted := finding.Finding{Rule: "sealed-hand-edit", Case: "W-001", Severity: finding.Error, Hint: "put the file back"}
	plain := finding.Finding{Rule: "schema", Case: "W-001", Severity: finding.Error}
	for _, tc := range []struct {
		e    *RefusedError
		want string
	}{
		{&RefusedError{Findings: []finding.Finding{hinted}}, "do what the hints above say, then run the command again"},
		{&RefusedError{Findings: []finding.Finding{hinted}, HandEdits: true}, "do what the hints above say, then run caseplan commit again"},
		{&RefusedError{Findings: []finding.Finding{hinted, plain}}, "correct the values above and run the command again"},
	} {
		if got := tc.e.HintFor(nil); got != tc.want {
			t.Errorf("hint %q, want %q", got, tc.want)
		}
	}
}

// TestTransferNotes: a transfer says of a closed case that it is handed on
// closed, and of a transfer dated before notes its former manager wrote
// while the case was theirs, which notes and what was probably meant; a
// note dated the transfer's day is still theirs (a late entry), and so is
// none by someone else.
func TestTransferNotes(t *testing.T) {
	closed := &record.Outcome{Closures: []record.Closure{{Date: "2026-07-01", Reason: "withdrew"}}}
	reopened := &record.Outcome{Closures: []record.Closure{{Date: "2026-07-01", Reason: "moved"}}, Reopenings: []record.Reopening{{Date: "2026-08-01", Reason: "back"}}}
	if n := closedTransferred(&casefile.Case{ID: "W-001", Intake: &record.Intake{Status: "closed"}, Outcome: closed}); !strings.HasPrefix(n, "W-001 is closed (since 2026-07-01, withdrew): it is handed on closed") || !strings.Contains(n, "follow-ups in the 12 months after exit (002)") {
		t.Errorf("closed: %q", n)
	}
	for _, c := range []*casefile.Case{{ID: "W-002", Intake: &record.Intake{Status: "open"}}, {ID: "W-003", Intake: &record.Intake{Status: "open"}, Outcome: reopened}} {
		if n := closedTransferred(c); n != "" {
			t.Errorf("%s: %q", c.ID, n)
		}
	}

	before := &record.Intake{ID: "W-001", Manager: "jreyes"}
	c := &casefile.Case{ID: "W-001", Intake: before, Notes: []*record.Note{
		{ID: "2026-11-01-aaaa", Date: "2026-11-01", Author: "jreyes"},
		{ID: "2026-11-16-bbbb", Date: "2026-11-16", Author: "jreyes"},
		{ID: "2026-11-17-cccc", Date: "2026-11-17", Author: "sboss"},
		{ID: "2026-11-18-dddd", Date: "2026-11-18", Author: "jreyes"},
	}}
	tr := record.Transfer{Date: "2026-11-01", From: "jreyes", To: "alucero"}
	after := *before
	after.Manager, after.Transfers = "alucero", []record.Transfer{tr}
	today := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	n := backdatedTransfer(c, &after, tr, today)
	want := "W-001: the transfer is dated 2026-11-01, before 2 notes (2026-11-16-bbbb and 2026-11-18-dddd), which jreyes wrote while the case was theirs: the notes stay, but from 2026-11-01 the case is alucero's, so jreyes adds no late entry after that day\n" +
		"hint: if jreyes still had the case then, a transfer dated 2026-11-18 or later (or today, 2026-11-20, without --date) is probably what was meant"
	if !strings.HasPrefix(n, want) {
		t.Errorf("backdated:\n%s\nwant\n%s", n, want)
	}
	tr.Date = "2026-11-18"
	after.Transfers = []record.Transfer{tr}
	if n := backdatedTransfer(c, &after, tr, today); n != "" {
		t.Errorf("a transfer on the last note's day: %q", n)
	}
}

// TestRetiredHandTo: the refusal to retire a counselor of open WIOA cases
// names, after the transfer to run, whom the cases may go to, as a
// transfer to a retired manager's refusal does.
func TestRetiredHandTo(t *testing.T) {
	retired := false
	cfg := &record.Config{Staff: []record.Staff{
		{ID: "jreyes", Name: "Jo Reyes", Role: "case-manager", Center: "Eastgate", Active: &retired},
		{ID: "alucero", Name: "Al Lucero", Role: "case-manager", Center: "Eastgate"},
		{ID: "bkim", Name: "Bo Kim", Role: "case-manager", Center: "Eastgate"},
		{ID: "cdiaz", Name: "Cy Diaz", Role: "case-manager", Center: "Westside"},
	}}
	e := &RefusedError{
		Findings: []finding.Finding{
			{Rule: "wioa-counselor", Case: "W-001", Severity: finding.Error},
			{Rule: "wioa-counselor", Case: "W-002", Severity: finding.Error},
		},
		Retired: map[string]string{"W-001": "jreyes", "W-002": "jreyes"},
	}
	e.HandTo = handTo(cfg, e.Retired)
	want := "first caseplan case transfer --from jreyes --to STAFF --reason TEXT (W-001, W-002), then run the command again; the case managers of Eastgate are alucero and bkim: hand the cases to one of them with --to (caseplan staff list shows the roster)"
	if got := e.Hint(); got != want {
		t.Errorf("hint:\n%s\nwant\n%s", got, want)
	}
}
