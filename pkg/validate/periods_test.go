package validate

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
)

// TestPeriodFindingsLoop: a chain of periods that comes round again is
// reported, though every link's dates, on their own, are in order (a hand
// edit can make one).
func TestPeriodFindingsLoop(t *testing.T) {
	all := map[string]*Period{
		"A": {Case: "A", ReturningFrom: "C", Kind: "wioa", Program: "wioa", Opened: "2026-03-01", Exited: "2026-02-01"},
		"B": {Case: "B", ReturningFrom: "A", Kind: "wioa", Program: "wioa", Opened: "2026-05-01", Exited: "2026-04-01"},
		"C": {Case: "C", ReturningFrom: "B", Kind: "wioa", Program: "wioa", Opened: "2026-07-01", Exited: "2026-01-01"},
	}
	got := PeriodFindings([]*Period{all["A"]}, all, nil)
	if len(got) != 1 || got[0].Rule != RuleReturning || !strings.Contains(got[0].Message, "a loop of periods (A → C → B → A)") {
		t.Fatalf("got %v, want the loop A → C → B → A", got)
	}
	if id := record.FirstPeriod("B", returningFrom(all)); id != "B" && id != "A" && id != "C" {
		t.Errorf("FirstPeriod of a loop = %q, want a case of the loop", id)
	}
}

// TestPeriodFindingsProgram: only a WIOA case begins a new period.
func TestPeriodFindingsProgram(t *testing.T) {
	all := map[string]*Period{
		"A": {Case: "A", Kind: "wioa", Program: "wioa", Opened: "2026-01-01", Exited: "2026-02-01"},
		"B": {Case: "B", ReturningFrom: "A", Kind: "post-employment", Program: "pe", Opened: "2026-05-01"},
	}
	got := PeriodFindings([]*Period{all["B"]}, all, nil)
	if len(got) != 1 || !strings.Contains(got[0].Message, "this case's program pe is not a WIOA program") {
		t.Fatalf("got %v", got)
	}
	if strings.Contains(got[0].Message, "case reopen") {
		t.Errorf("a case of another program: %s, want no reopen of A", got[0].Message)
	}
}

// TestPeriodFindingsSameProgram: a post-employment participant (003) or a
// work-security candidate (000) who comes back to the same program is
// served on their case again: the finding names case reopen, as typed.
func TestPeriodFindingsSameProgram(t *testing.T) {
	all := map[string]*Period{
		"A": {Case: "A", Kind: "post-employment", Program: "pe", Opened: "2026-01-01"},
		"B": {Case: "B", ReturningFrom: "A", Kind: "post-employment", Program: "pe", Opened: "2026-05-01"},
	}
	got := PeriodFindings([]*Period{all["B"]}, all, map[string]bool{"B": true})
	want := "remove returning_from with caseplan case new again, without --returning-from; a participant who comes back to pe is served on case A again, reopened if it is closed: caseplan case reopen A --date DATE --reason TEXT"
	if len(got) != 1 || !strings.HasSuffix(got[0].Message, want) {
		t.Fatalf("got %v, want a message ending %q", got, want)
	}
}

// TestPeriodFindingsOpenedBeforeExit: a case that opened before the
// earlier case's exit is reported on its opened line, the date it holds
// and the likelier slip, and a case being opened is told which flag gives
// each of the two facts.
func TestPeriodFindingsOpenedBeforeExit(t *testing.T) {
	all := map[string]*Period{
		"A": {Case: "A", Kind: "wioa", Program: "wioa", Opened: "2026-01-01", Exited: "2026-02-10"},
		"B": {Case: "B", ReturningFrom: "A", Kind: "wioa", Program: "wioa", Opened: "2026-02-01", File: "cases/B/intake.yaml", Line: 9, Column: 17, OpenedLine: 3, OpenedColumn: 9},
	}
	got := PeriodFindings([]*Period{all["B"]}, all, map[string]bool{"B": true})
	if len(got) != 1 || got[0].Line != 3 || got[0].Column != 9 {
		t.Fatalf("got %v, want one finding at the opened line 3:9", got)
	}
	if want := "(TEGL 10-16): open this case after that exit (--opened), name the participant's earlier case with --returning-from if it is not A, or record the services on A itself"; !strings.HasSuffix(got[0].Message, want) {
		t.Errorf("message %q, want it to end %q", got[0].Message, want)
	}
	got = PeriodFindings([]*Period{all["B"]}, all, nil)
	if len(got) != 1 || !strings.Contains(got[0].Message, "correct the dates with caseplan edit B intake") {
		t.Errorf("got %v, want the dates corrected with an edit of B's intake", got)
	}
}

func TestFirstPeriod(t *testing.T) {
	all := map[string]*Period{
		"A": {Case: "A"},
		"B": {Case: "B", ReturningFrom: "A"},
		"C": {Case: "C", ReturningFrom: "B"},
		"D": {Case: "D", ReturningFrom: "gone"},
	}
	for id, want := range map[string]string{"A": "A", "B": "A", "C": "A", "D": "D"} {
		if got := record.FirstPeriod(id, returningFrom(all)); got != want {
			t.Errorf("record.FirstPeriod(%s) = %s, want %s", id, got, want)
		}
	}
}

func returningFrom(all map[string]*Period) func(string) (string, bool) {
	return func(id string) (string, bool) {
		p, ok := all[id]
		if !ok {
			return "", false
		}
		return p.ReturningFrom, true
	}
}

// TestPeriodOfKeepsNoTypedText: a Period is kept in the results cache, so
// a value typed where a date or a case ID belongs (an SSN, say) is not in
// it; the schema reports such values, redacted.
func TestPeriodOfKeepsNoTypedText(t *testing.T) {
	c := casefile.New("W1")
	c.Intake = &record.Intake{ID: "W1", Opened: "987.65.4329", Exited: "987-65-4329", Program: "987654329", ReturningFrom: "987-65-4329"}
	p := PeriodOf(&record.Config{}, c)
	if b, _ := json.Marshal(p); strings.Contains(string(b), "987") {
		t.Errorf("the period keeps what was typed: %s", b)
	}
}
