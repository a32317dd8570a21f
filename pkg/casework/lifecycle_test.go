package casework

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
)

// A post-employment case closes as completed once its months of services
// after cash assistance ended are over (003: "for 12 months following the
// loss of cash assistance"), and not before; nor does a case of another
// program, or one that records no end of assistance.
func TestCloseCompleted(t *testing.T) {
	const cfg = "organization: Example Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  pe:\n    kind: post-employment\n  wioa:\n    kind: wioa\n"
	intake := func(program, extra string) string {
		return "id: P-1\nopened: 2026-03-02\nprogram: " + program + "\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Lee Example\n" + extra
	}
	for _, tc := range []struct {
		name, intake, date, err string
	}{
		{"over", intake("pe", "cash_assistance_ended: 2025-02-28\n"), "2026-03-02", ""},
		{"its last day", intake("pe", "cash_assistance_ended: 2025-02-28\n"), "2026-02-28", ""},
		{"not yet over", intake("pe", "cash_assistance_ended: 2025-03-16\n"), "2026-03-10", "case P-1's 12 months of post-employment services after cash assistance ended (2025-03-16) run to 2026-03-16, after the closing date 2026-03-10: they are not completed yet"},
		{"no end of assistance", intake("pe", ""), "2026-03-10", "case P-1 records no end of cash assistance"},
		{"another program", intake("wioa", ""), "2026-03-10", "case P-1 is not a post-employment case"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := workTreeState(t, "P-1", map[string]string{"cases/caseplan.yaml": cfg, "cases/P-1/intake.yaml": tc.intake})
			s.Rand = io.MultiReader(idSource(t, "CL-00001"), bytes.NewReader([]byte{0, 1, 2, 3})) // the closure, then its note
			day, _ := time.Parse(time.DateOnly, tc.date)
			ch, err := CloseCase{Case: "P-1", Date: day, Reason: record.ClosureCompleted}.Build(s)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v; want an error with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := string(ch.Files["cases/P-1/outcome.yaml"]); !strings.Contains(got, "reason: completed") {
				t.Errorf("outcome.yaml:\n%s", got)
			}
		})
	}
}

// TestCloseCompletedHintFitsProgram: a case of another program refused
// completed is offered the reasons that fit its program: separated only
// to work security (000), which the other programs do not end with.
func TestCloseCompletedHintFitsProgram(t *testing.T) {
	const cfg = "organization: Example Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  ws:\n    kind: work-security\n  wioa:\n    kind: wioa\n"
	for program, want := range map[string]string{
		"wioa": "close it with another reason: withdrew, moved, other",
		"ws":   "close it with another reason: separated, withdrew, moved, other",
	} {
		s := workTreeState(t, "P-1", map[string]string{"cases/caseplan.yaml": cfg,
			"cases/P-1/intake.yaml": "id: P-1\nopened: 2026-03-02\nprogram: " + program + "\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Lee Example\n"})
		day, _ := time.Parse(time.DateOnly, "2026-03-10")
		_, err := CloseCase{Case: "P-1", Date: day, Reason: record.ClosureCompleted}.Build(s)
		var in *InputError
		if !errors.As(err, &in) || in.Hint != want {
			t.Errorf("%s: got %v (hint %q); want hint %q", program, err, hintOf(in), want)
		}
	}
}

// TestCloseHintNamesReasonsOfTheDay: a refused reason's hint names every
// reason the case can close for on that day, and only those: placed with
// a placement started by then, completed once the months of
// post-employment services are over (003), none a refusal would meet.
func TestCloseHintNamesReasonsOfTheDay(t *testing.T) {
	const cfg = "organization: Example Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  pe:\n    kind: post-employment\n"
	const intake = "id: P-1\nopened: 2026-03-02\nprogram: pe\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Lee Example\ncash_assistance_ended: 2026-02-27\n"
	const placed = "placements:\n  - employer: Example Library\n    position: Library Assistant\n    start: 2026-04-01\n"
	for _, tc := range []struct {
		name, outcome, date, reason, hint string
	}{
		{"completed, placed", placed, "2026-05-04", record.ClosureCompleted,
			"close it on or after 2027-02-27 (--date), or now with another reason (placed, withdrew, moved, other)"},
		{"completed, placed later", placed, "2026-03-20", record.ClosureCompleted,
			"close it on or after 2027-02-27 (--date), or now with another reason (withdrew, moved, other)"},
		{"completed, not placed", "", "2026-05-04", record.ClosureCompleted,
			"close it on or after 2027-02-27 (--date), or now with another reason (withdrew, moved, other)"},
		{"separated, over", placed, "2027-03-01", record.ClosureSeparated,
			"close it with another reason: placed, completed, withdrew, moved, other"},
		{"separated, not placed", "", "2026-05-04", record.ClosureSeparated,
			"close it with another reason: withdrew, moved, other"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"cases/caseplan.yaml": cfg, "cases/P-1/intake.yaml": intake}
			if tc.outcome != "" {
				files["cases/P-1/outcome.yaml"] = tc.outcome
			}
			s := workTreeState(t, "P-1", files)
			day, _ := time.Parse(time.DateOnly, tc.date)
			_, err := CloseCase{Case: "P-1", Date: day, Reason: tc.reason}.Build(s)
			var in *InputError
			if !errors.As(err, &in) || in.Hint != tc.hint {
				t.Errorf("got %v (hint %q); want hint %q", err, hintOf(in), tc.hint)
			}
		})
	}
}

// TestCloseSeparatedFitsKind: separated is work security's closure (000:
// the candidate separates at the end of the work security period), for a
// program of that kind whatever the store calls it, with its checks (a
// placement secured within the period is not a separation); a program of
// another kind is refused it, offered its own reasons.
func TestCloseSeparatedFitsKind(t *testing.T) {
	const cfg = "organization: Example Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n" +
		"  union-layoffs:\n    kind: work-security\n  career-center:\n    kind: wioa\n  after-assistance:\n    kind: post-employment\n"
	intake := func(program, extra string) string {
		return "id: P-1\nopened: 2026-03-02\nprogram: " + program + "\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Lee Example\n" + extra
	}
	const layoff = "layoff:\n  notice_date: 2026-03-02\n  layoff_date: 2026-05-01\n"
	// The period runs to 2026-07-30; the offer was on record by then.
	const placed = "placements:\n  - employer: Example Library\n    position: Library Assistant\n    start: 2026-08-17\n    recorded: 2026-07-20\n"
	for _, tc := range []struct {
		name, intake, outcome, err, hint string
	}{
		{"work security", intake("union-layoffs", layoff), "", "", ""},
		{"work security placed", intake("union-layoffs", layoff), placed,
			"case P-1's placement at Example Library (start 2026-08-17) was on record by 2026-07-30, the last day of the work security period: the candidate was not separated", ""},
		{"wioa", intake("career-center", ""), "",
			"case P-1 is not a work-security case: separated says the candidate separated at the end of the work security period (000)",
			"close it with another reason: withdrew, moved, other"},
		{"post-employment", intake("after-assistance", "cash_assistance_ended: 2026-02-27\n"), "",
			"case P-1 is not a work-security case", "close it with another reason: withdrew, moved, other"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"cases/caseplan.yaml": cfg, "cases/P-1/intake.yaml": tc.intake}
			if tc.outcome != "" {
				files["cases/P-1/outcome.yaml"] = tc.outcome
			}
			s := workTreeState(t, "P-1", files)
			s.Rand = io.MultiReader(idSource(t, "CL-00001"), bytes.NewReader([]byte{0, 1, 2, 3}))
			day, _ := time.Parse(time.DateOnly, "2026-08-05")
			ch, err := CloseCase{Case: "P-1", Date: day, Reason: record.ClosureSeparated}.Build(s)
			if tc.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := string(ch.Files["cases/P-1/outcome.yaml"]); !strings.Contains(got, "reason: separated") {
					t.Errorf("outcome.yaml:\n%s", got)
				}
				return
			}
			var in *InputError
			if !errors.As(err, &in) || !strings.Contains(err.Error(), tc.err) || tc.hint != "" && in.Hint != tc.hint {
				t.Errorf("got %v (hint %q); want %q (hint %q)", err, hintOf(in), tc.err, tc.hint)
			}
		})
	}
}

// TestReopenBeforeClosing: a reopening dated before the closing it would
// end is refused with a hint that says which dates are taken and the
// command to type again.
func TestReopenBeforeClosing(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	ws := openWorkspace(t, dir, maria)
	ws.Today = day("2026-04-10")
	if _, err := ws.Apply([]string{"W-001"}, CloseCase{Case: "W-001", Date: day("2026-04-02"), Reason: "other"}.Build); err != nil {
		t.Fatal(err)
	}
	_, err := ws.Apply([]string{"W-001"}, ReopenCase{Case: "W-001", Date: day("2026-03-20"), Reason: "Back in the job search"}.Build)
	var in *InputError
	if !errors.As(err, &in) || !strings.Contains(in.Msg, "was closed on 2026-04-02; it cannot be reopened before that (--date 2026-03-20)") {
		t.Fatalf("got %v, want the refusal of a reopening before the closing", err)
	}
	if want := "date the reopening on the day the case came back, on or after 2026-04-02: caseplan case reopen W-001 --date DATE --reason TEXT"; in.Hint != want {
		t.Errorf("hint %q, want %q", in.Hint, want)
	}
}

// TestJobEnded: the words of a reopening's reason that say the job ended.
func TestJobEnded(t *testing.T) {
	for reason, want := range map[string]bool{
		"Job ended":                true,
		"laid off again":           true,
		"Lost the job in week two": true,
		"lost her job":             true,
		"The placement ended":      true,
		"The offer was withdrawn":  true,
		"Let go after probation":   true,
		// An offer that fell through before the start, which the
		// hint is for, in the words a case manager writes it.
		"Job offer rescinded":                   true,
		"offer withdrawn by the employer":       true,
		"The offer got pulled":                  true,
		"start date cancelled; offer cancelled": true,
		"Never started the job":                 true,
		"She did not start":                     true,
		"Start postponed, still placed":         false,
		"Back in the job search":                false,
		"Moved back to the county":              false,
		"Wants training after all":              false,
		"Employer closed the plant":             false,
	} {
		if got := jobEnded(reason); got != want {
			t.Errorf("jobEnded(%q) = %v, want %v", reason, got, want)
		}
	}
}

// TestReopenPlacedJobEnded: reopening a case closed as placed because the
// job ended hints at placement fell-through (an offer that fell through
// before the start no report should count), and never refuses; another
// reason, or a case closed otherwise, has no such hint.
func TestReopenPlacedJobEnded(t *testing.T) {
	dir := initTestStore(t)
	openTestCase(t, dir, "W-001") // opened 2026-03-16
	openTestCase(t, dir, "W-002")
	ws := openWorkspace(t, dir, maria)
	ws.Today = day("2026-04-10")
	apply := func(id string, build Build) *Result {
		t.Helper()
		res, err := ws.Apply([]string{id}, build)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, id := range []string{"W-001", "W-002"} {
		apply(id, (&SetPlacement{Case: id, Placement: record.Placement{Employer: "Example Fabrication", Position: "Welder", Start: "2026-04-01"}}).Build)
		apply(id, CloseCase{Case: id, Date: day("2026-04-02"), Reason: "placed"}.Build)
	}
	res := apply("W-001", ReopenCase{Case: "W-001", Date: day("2026-04-10"), Reason: "Lost the job"}.Build)
	if len(res.Change.Hints) != 1 || !strings.Contains(res.Change.Hints[0], "caseplan placement fell-through W-001 --date DATE --reason TEXT") ||
		!strings.Contains(res.Change.Hints[0], "closed as placed with Example Fabrication (start 2026-04-01)") {
		t.Errorf("hints: %q, want one naming placement fell-through", res.Change.Hints)
	}
	if res := apply("W-002", ReopenCase{Case: "W-002", Date: day("2026-04-10"), Reason: "Wants a second job"}.Build); len(res.Change.Hints) != 0 {
		t.Errorf("another reason: hints %q", res.Change.Hints)
	}
}
