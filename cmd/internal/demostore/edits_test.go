package main

import (
	"strings"
	"testing"
)

const plan = `# yaml-language-server: $schema=../../schemas/iep.schema.json
created: 2026-01-14
goals:
  - id: G1
    text: A job
    milestones:
      - id: M1
        text: Resume
        due: 2026-01-30
      - id: M2
        text: References

next_steps:
  - id: N1
    text: Apply
layoff:
  position: Clerk
toolbox:
  resume: draft
`

func TestAppendToList(t *testing.T) {
	tests := []struct {
		name, key, before, items, old, want string
	}{
		{"at the end of the list, before the next key", "next_steps", "", "  - id: N2\n",
			"    text: Apply\nlayoff:", "    text: Apply\n  - id: N2\nlayoff:"},
		{"a new list before a key", "reviews", "layoff", "  - date: 2026-02-24\n",
			"    text: Apply\nlayoff:", "    text: Apply\nreviews:\n  - date: 2026-02-24\nlayoff:"},
		{"a new list at the end", "reviews", "", "  - date: 2026-02-24\n",
			"  resume: draft\n", "  resume: draft\nreviews:\n  - date: 2026-02-24\n"},
		{"a new list at the end when before is not there", "reviews", "nothing", "  - date: 2026-02-24\n",
			"  resume: draft\n", "  resume: draft\nreviews:\n  - date: 2026-02-24\n"},
		{"the last key of the file", "toolbox", "", "  cover_letter: none\n",
			"  resume: draft\n", "  resume: draft\n  cover_letter: none\n"},
	}
	for _, tt := range tests {
		got := appendToList(plan, tt.key, tt.before, tt.items)
		if want := strings.Replace(plan, tt.old, tt.want, 1); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, got, want)
		}
	}
}

func TestSetScalar(t *testing.T) {
	tests := []struct {
		name, path, value, old, want string
	}{
		{"a top-level key", "created", "2026-01-15", "created: 2026-01-14\n", "created: 2026-01-15\n"},
		{"a new top-level key goes at the end", "updated", "2026-01-30", "  resume: draft\n", "  resume: draft\nupdated: 2026-01-30\n"},
		{"a key of a map", "layoff.position", "Senior Clerk", "  position: Clerk\n", "  position: Senior Clerk\n"},
		{"a new key of a map goes at its end", "layoff.fte", "1", "  position: Clerk\ntoolbox:", "  position: Clerk\n  fte: 1\ntoolbox:"},
		{"a new key of the last map", "toolbox.cover_letter", "final", "  resume: draft\n", "  resume: draft\n  cover_letter: final\n"},
		{"a new map", "outcome.status", "open", "  resume: draft\n", "  resume: draft\noutcome:\n  status: open\n"},
	}
	for _, tt := range tests {
		got := setScalar(plan, tt.path, tt.value)
		if want := strings.Replace(plan, tt.old, tt.want, 1); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, got, want)
		}
	}
}

func TestSetInItem(t *testing.T) {
	tests := []struct {
		name, item, field, value, old, want string
	}{
		{"a field of the item", "id: M1", "due", "2026-02-06", "        due: 2026-01-30\n", "        due: 2026-02-06\n"},
		{"a new field at the end of the item", "id: M1", "done", "2026-01-29", "        due: 2026-01-30\n", "        due: 2026-01-30\n        done: 2026-01-29\n"},
		{"a blank line does not end an item", "id: M2", "done", "2026-02-10", "        text: References\n\nnext_steps:", "        text: References\n\n        done: 2026-02-10\nnext_steps:"},
		{"an item with nested lists ends at the next key", "id: G1", "status", "active", "        text: References\n\nnext_steps:", "        text: References\n\n    status: active\nnext_steps:"},
		{"the last item of the file", "id: N1", "done", "2026-01-26", "    text: Apply\n", "    text: Apply\n    done: 2026-01-26\n"},
	}
	for _, tt := range tests {
		got, err := setInItem(plan, tt.item, tt.field, tt.value)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Replace(plan, tt.old, tt.want, 1); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, got, want)
		}
	}
	if _, err := setInItem(plan, "id: M9", "done", "2026-01-26"); err == nil {
		t.Error("setting a field in an item the file does not have")
	}
}

func TestScheduleChecksTheStories(t *testing.T) {
	ok := story{caseID: "2026-TEST1", days: []day{on("2026-01-02", "mbell", commit{"b"})}}
	tests := []struct {
		name string
		s    story
		want string
	}{
		{"out of date order", story{caseID: "2026-TEST2", days: []day{on("2026-01-03", "mbell"), on("2026-01-02", "mbell")}}, "comes after 2026-01-03"},
		{"an unknown member of staff", story{caseID: "2026-TEST2", days: []day{on("2026-01-03", "nobody")}}, `unknown staff "nobody"`},
		{"not a date", story{caseID: "2026-TEST2", days: []day{on("2026-1-3", "mbell")}}, "not a date"},
	}
	for _, tt := range tests {
		if _, err := schedule([]story{ok, tt.s}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error saying %q", tt.name, err, tt.want)
		}
	}

	// By date, then in the order written.
	later := story{caseID: "2026-TEST2", days: []day{on("2026-01-01", "alucero", commit{"a"}), on("2026-01-02", "alucero", commit{"c"})}}
	steps, err := schedule([]story{ok, later})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, s := range steps {
		order = append(order, s.step.(commit).message)
	}
	if got := strings.Join(order, ""); got != "abc" {
		t.Errorf("steps in the order %s, want abc", got)
	}
}
