package casework

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/store"
)

// actionStore returns a store with one WIOA case, W-001, opened on
// 2026-03-02, whose notes have action items: 2026-03-03-aaaa has four —
// the first and the fourth open, the second marked done in the note
// itself, the third done in an amendment — and 2026-03-05-bbbb is that
// amendment, with an item of its own.
func actionStore(t *testing.T) string {
	t.Helper()
	dir, _ := cached(t, "action items", func(t *testing.T, dir string) string {
		openTestCase(t, dir, "W-001")
		intake := strings.Replace(readTestFile(t, dir, "cases/W-001/intake.yaml"), "opened: 2026-03-16", "opened: 2026-03-02", 1)
		writeTestFile(t, dir, "cases/W-001/intake.yaml", intake)
		writeTestFile(t, dir, "cases/W-001/iep.yaml", "# yaml-language-server: $schema=../../schemas/iep.schema.json\ncreated: 2026-03-02\n# Reviewed with Ana at intake.\nvision: Work in health care\n")
		writeTestFile(t, dir, "cases/W-001/notes/2026-03-03-aaaa.yaml", `# yaml-language-server: $schema=../../schemas/note.schema.json
id: 2026-03-03-aaaa
date: 2026-03-03
author: mrivera
kind: intake
mode: in-person
two_way: true
services:
  - assessment
content: Intake meeting.
actions:
  - owner: participant
    text: Send the updated resume
    due: 2026-03-10
  - owner: manager
    text: Book the skills assessment
    due: 2026-03-06
    done: 2026-03-05
  - owner: participant
    text: Visit the career fair
    due: 2026-03-12
  - owner: manager
    text: Invite Ana to the hiring event
    due: 2026-03-20
`)
		writeTestFile(t, dir, "cases/W-001/notes/2026-03-05-bbbb.yaml", `# yaml-language-server: $schema=../../schemas/note.schema.json
id: 2026-03-05-bbbb
date: 2026-03-05
author: mrivera
kind: amendment
mode: none
amends: 2026-03-03-aaaa
content: The career fair was visited on 2026-03-04.
actions:
  - owner: participant
    text: Visit the career fair
    done: 2026-03-04
  - owner: manager
    text: Call the employer
    due: 2026-03-20
`)
		gitCLI(t, dir, "add", "-A")
		gitCLI(t, dir, "commit", "-q", "-m", "notes by hand")
		return ""
	})
	return dir
}

// openActions lists the action items on case W-001's tickler on 2026-03-16.
func openActions(t *testing.T, dir string) []string {
	t.Helper()
	snap, _, err := store.Load(mustWorkTree(t, dir), []string{"W-001"})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range casestate.Compute(snap.Case("W-001"), snap.Config, testToday).Due {
		if d.Kind == casestate.DueAction {
			out = append(out, d.Item)
		}
	}
	return out
}

func mustWorkTree(t *testing.T, dir string) store.Source {
	t.Helper()
	src, err := store.NewWorkTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestCloseActionItem records an action item done and another dropped:
// each is one commit of iep.yaml with its action, adds one entry to
// action_items in place (the plan's comment stays), and takes the item off
// the tickler; the notes are never touched.
func TestCloseActionItem(t *testing.T) {
	isolateHome(t)
	dir := actionStore(t)
	if got := strings.Join(openActions(t, dir), " "); got != "2026-03-03-aaaa#1 2026-03-03-aaaa#4" {
		t.Fatalf("open action items before: %s", got)
	}

	res := applyTo(t, dir, "W-001", CloseActionItem{Case: "W-001", Note: "2026-03-03-aaaa", Item: 1, Status: "done", Date: "2026-03-09", Reason: " Sent to three employers "}.Build)
	if res.Change.Action != "action.done" || res.Change.Summary != `mark action 2026-03-03-aaaa#1 "Send the updated resume" done` {
		t.Errorf("change: %s %q", res.Change.Action, res.Change.Summary)
	}
	if got := committedFiles(t, dir, "HEAD"); strings.Join(got, " ") != "cases/W-001/iep.yaml" {
		t.Errorf("committed %v", got)
	}
	if got := gitCLI(t, dir, "log", "-1", "--format=%(trailers:key=Caseplan-Action,valueonly)"); got != "action.done" {
		t.Errorf("trailer %q", got)
	}
	if got := strings.Join(openActions(t, dir), " "); got != "2026-03-03-aaaa#4" {
		t.Errorf("open action items after action done: %s", got)
	}

	// Dropping: the date defaults to today.
	res = applyTo(t, dir, "W-001", CloseActionItem{Case: "W-001", Note: "2026-03-03-aaaa", Item: 4, Status: "dropped", Reason: "The event was cancelled"}.Build)
	if res.Change.Action != "action.drop" || res.Change.Summary != `drop action 2026-03-03-aaaa#4 "Invite Ana to the hiring event"` {
		t.Errorf("change: %s %q", res.Change.Action, res.Change.Summary)
	}
	if got := openActions(t, dir); len(got) != 0 {
		t.Errorf("open action items after action drop: %v", got)
	}
	want := `# yaml-language-server: $schema=../../schemas/iep.schema.json
created: 2026-03-02
# Reviewed with Ana at intake.
vision: Work in health care
action_items:
  - note: 2026-03-03-aaaa
    item: 1
    status: done
    date: 2026-03-09
    reason: Sent to three employers
  - note: 2026-03-03-aaaa
    item: 4
    status: dropped
    date: 2026-03-16
    reason: The event was cancelled
`
	if got := readTestFile(t, dir, "cases/W-001/iep.yaml"); got != want {
		t.Errorf("iep.yaml:\n%s\nwant:\n%s", got, want)
	}
	if got := gitCLI(t, dir, "status", "--porcelain"); got != "" {
		t.Errorf("git status after the commits:\n%s", got)
	}
}

// TestCloseActionItemRefused: what cannot be closed is refused with a
// message that says why, and nothing is written.
func TestCloseActionItemRefused(t *testing.T) {
	isolateHome(t)
	dir := actionStore(t)
	applyTo(t, dir, "W-001", CloseActionItem{Case: "W-001", Note: "2026-03-03-aaaa", Item: 1, Status: "done", Date: "2026-03-09"}.Build)
	for _, tt := range []struct {
		name string
		a    CloseActionItem
		want string
	}{
		{"unknown note", CloseActionItem{Note: "2026-03-04-zzzz", Item: 1, Status: "done"}, "case W-001 has no note 2026-03-04-zzzz"},
		{"no such item", CloseActionItem{Note: "2026-03-03-aaaa", Item: 5, Status: "done"}, "note 2026-03-03-aaaa has 4 action items, so no item 5"},
		{"an amendment", CloseActionItem{Note: "2026-03-05-bbbb", Item: 2, Status: "done"}, "note 2026-03-05-bbbb is an amendment of note 2026-03-03-aaaa; its action items are that note's"},
		{"closed in the plan", CloseActionItem{Note: "2026-03-03-aaaa", Item: 1, Status: "dropped", Reason: "x"}, `action 2026-03-03-aaaa#1 "Send the updated resume" is already recorded as done in the plan, on 2026-03-09`},
		{"done in the note", CloseActionItem{Note: "2026-03-03-aaaa", Item: 2, Status: "done"}, `action 2026-03-03-aaaa#2 "Book the skills assessment" is already marked done in its note, on 2026-03-05`},
		{"done in an amendment", CloseActionItem{Note: "2026-03-03-aaaa", Item: 3, Status: "done"}, `action 2026-03-03-aaaa#3 "Visit the career fair" is already marked done in amendment 2026-03-05-bbbb, on 2026-03-04`},
		{"before the note", CloseActionItem{Note: "2026-03-03-aaaa", Item: 4, Status: "done", Date: "2026-03-02"}, "action 2026-03-03-aaaa#4 done date 2026-03-02 is before its note (2026-03-03)"},
		{"after today", CloseActionItem{Note: "2026-03-03-aaaa", Item: 4, Status: "done", Date: "2026-03-17"}, "action 2026-03-03-aaaa#4 done date 2026-03-17 (--date) is after today (2026-03-16)"},
		{"dropped without a reason", CloseActionItem{Note: "2026-03-03-aaaa", Item: 4, Status: "dropped"}, "dropping an action item needs a reason"},
		{"another status", CloseActionItem{Note: "2026-03-03-aaaa", Item: 4, Status: "cancelled"}, `status "cancelled" is not one of done, dropped`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := captureState(t, dir)
			tt.a.Case = "W-001"
			_, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, tt.a.Build)
			var input *InputError
			if !errors.As(err, &input) || input.Msg != tt.want {
				t.Errorf("error %v\nwant  %s", err, tt.want)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}

func TestParseActionItem(t *testing.T) {
	for ref, want := range map[string]string{
		"2026-03-12-ab12#2":   "2026-03-12-ab12 2",
		" 2026-03-12-AB12#10": "2026-03-12-ab12 10",
		"2026-03-12-ab12":     "",
		"2026-03-12-ab12#0":   "",
		"2026-03-12-ab12#x":   "",
		"#2":                  "",
	} {
		note, n, ok := ParseActionItem(ref)
		got := ""
		if ok {
			got = note + " " + strconv.Itoa(n)
		}
		if got != want {
			t.Errorf("ParseActionItem(%q) = %q, want %q", ref, got, want)
		}
	}
}
