package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// fits fails the test for a line of out wider than width, or for a word
// of text missing from out: a fitted view wraps, it never cuts.
func fits(t *testing.T, out string, width int, texts ...string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := display.Width(line); w > width {
			t.Errorf("a line of %d columns on a %d-column terminal: %q", w, width, line)
		}
	}
	words := strings.Fields(out)
	for _, text := range texts {
		for _, word := range strings.Fields(text) {
			if !strings.Contains(strings.Join(words, " "), word) {
				t.Errorf("the word %q is not shown:\n%s", word, out)
			}
		}
	}
}

// TestTicklerFitsTheTerminal is the case manager's week on an
// 80-column terminal: due's long actions wrap under DETAIL, both in one
// manager's table and in every manager's list, and the lines piped to a
// script stay whole whatever the width.
func TestTicklerFitsTheTerminal(t *testing.T) {
	detail := "action 2026-04-09-d525#1 (participant): Draft a cover letter for departmental research administrator postings"
	items := []casestate.Due{
		{Case: "2026-A1B2C", Manager: "mrivera", Kind: "action", Due: "2026-04-14", Days: -224, Overdue: true, Detail: detail},
		{Case: "2026-A1B2C", Manager: "mrivera", Kind: "contact", Due: "2026-11-30", Days: 6, Detail: "weekly check-in (every 7 days; last 2026-11-23)"},
	}
	names := map[string]string{"mrivera": "Maria Rivera"}
	for _, all := range []bool{false, true} {
		var out bytes.Buffer
		if err := writeTickler(Env{Stdout: &out, IsTerminal: true, Width: 80}, items, all, names, nil); err != nil {
			t.Fatal(err)
		}
		fits(t, out.String(), 80, detail)
		// under DETAIL, the 52nd column (two more, after the group's indent, with all)
		indent := 51
		if all {
			indent = 53
		}
		if !strings.Contains(out.String(), "\n"+strings.Repeat(" ", indent)+"(participant)") {
			t.Errorf("no continuation line under DETAIL:\n%s", out.String())
		}
		var piped, wide bytes.Buffer
		if err := writeTickler(Env{Stdout: &piped}, items, all, names, nil); err != nil {
			t.Fatal(err)
		}
		if err := writeTickler(Env{Stdout: &wide, Width: 80}, items, all, names, nil); err != nil {
			t.Fatal(err)
		}
		if piped.String() != wide.String() || !strings.Contains(piped.String(), "\t"+detail+"\t") {
			t.Errorf("piped lines changed by the width:\n%s\nwant:\n%s", wide.String(), piped.String())
		}
	}
}

// TestCaseShowFitsTheTerminal: case show's long lines (the conference's,
// a finding's) and its next due items wrap to the terminal, each
// continuation under the text it continues.
func TestCaseShowFitsTheTerminal(t *testing.T) {
	snap := storetest.Load(t, storetest.MemStore{
		"cases/caseplan.yaml":  "organization: Test Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  wioa:\n    kind: wioa\n",
		"cases/C1/intake.yaml": "id: C1\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Ana Example\n  phone: 555-0100\n  email: ana.example@example.org\n  preferred_contact: [email, phone, video]\n  best_times: weekday mornings before the children's school run, or evenings after eight\n",
		"cases/C1/iep.yaml":    "created: 2026-03-02\nnext_steps:\n  - id: N1\n    owner: participant\n    text: List the buildings, projects and vendors she managed for the resume and the interview portfolio\n    due: 2026-03-20\n",
	})
	v, err := newCaseShowView(snap, nil, "C1", storetest.Day("2026-03-16"))
	if err != nil {
		t.Fatal(err)
	}
	var whole, fitted strings.Builder
	v.write(&whole, 0)
	v.write(&fitted, 60)
	fits(t, fitted.String(), 60, whole.String())
	for _, want := range []string{
		"\n              ",                   // a labelled line continues under its text
		"\n                                ", // a due item under its detail
	} {
		if !strings.Contains(fitted.String(), want) {
			t.Errorf("no continuation %q:\n%s", want, fitted.String())
		}
	}
	for _, line := range strings.Split(whole.String(), "\n") {
		if display.Width(line) > 60 {
			return // the view has a long line, which the fitted one wrapped
		}
	}
	t.Fatalf("the test's case has no line over 60 columns to wrap:\n%s", whole.String())
}

func TestHangIndent(t *testing.T) {
	for line, want := range map[string]int{
		"Conference:   the case conference is still to plan": 14,
		"Potential exit: the exit date would be 2026-06-01":  16,
		"  cases/C1/intake.yaml:2:1: warning x: y":           4,
		"Findings:": 0,
	} {
		if got := hangIndent(line); got != want {
			t.Errorf("hangIndent(%q) = %d, want %d", line, got, want)
		}
	}
}

// TestTerminalWidthPiped: a file or a pipe has no width, whatever
// $COLUMNS says: a script's lines are never wrapped.
func TestTerminalWidthPiped(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if w := terminalWidth(f, func(string) string { return "80" }); w != 0 {
		t.Errorf("a file's width: %d, want 0", w)
	}
}
