package cli

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casestate"
)

// hintCase is a case on which the tickler lists an item of kind: the
// commands that make it (each run with CASEPLAN_TODAY set to today unless
// it names --today itself; "$last" stands for what the one before printed,
// an ID it made; {"$write", PATH, TEXT} writes a record by hand), and what the item's hint needs beyond the
// ordinary placeholders.
type hintCase struct {
	name  string
	kind  string
	id    string
	today string
	setup [][]string
	// fill gives a placeholder after a flag its value ("--until DATE"),
	// where the day itself would not do.
	fill map[string]string
	// all: the hint names several commands that together clear the item
	// (each runs once); otherwise the commands are alternatives and the
	// first is taken.
	all bool
	// times: the hint asks for its command once per thing missing.
	times int
	// noCommand: no single command clears the item; its detail must say
	// so in these words instead of naming one.
	noCommand string
	// changes: the command the item names does not clear it (a work
	// security period ends whatever is recorded), but the item
	// afterwards says these words (an extension requested, 000).
	changes string
}

// TestTicklerHintsClearTheirItems: for every kind of due item
// (casestate.DueKinds), a case where one is due, whose hint — the command
// its detail names, whole — is taken exactly as due prints it, its
// placeholders (CAPITALS: DATE, MODE, CODE, TEXT, ...) filled, and run:
// afterwards the item is gone (no item of the kind on the case due on or
// before its day). A hint that named the command without a flag it
// requires, or recorded something that does not count (a WIOA contact
// without --content, 002), fails here.
func TestTicklerHintsClearTheirItems(t *testing.T) {
	ws := func(id, notice, layoff string) []string {
		return []string{"case", "new", "--program", "work-security", "--id", id, "--name", "Sam Sample", "--notice-date", notice, "--layoff-date", layoff, "--opened", notice}
	}
	wioa := func(id, opened string) []string {
		return []string{"case", "new", "--program", "wioa", "--id", id, "--name", "Alex Example", "--opened", opened}
	}
	served := func(id, day string) []string {
		return []string{"note", "add", id, "--kind", "contact", "--mode", "in-person", "--two-way", "--service", "assessment", "--content", "Assessment session", "--date", day, "--today", day}
	}
	pe := []string{"case", "new", "--program", "post-employment", "--id", "P-1", "--name", "Pat Example", "--opened", "2026-01-01"}
	cases := []hintCase{
		{name: "contact/work-security", kind: casestate.DueContact, id: "S-1", today: "2026-03-16", setup: [][]string{ws("S-1", "2026-03-02", "2026-05-01")}},
		{name: "contact/wioa", kind: casestate.DueContact, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2026-03-01")}},
		{name: "contact/wioa-interval", kind: casestate.DueContact, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2026-01-05"), served("W-1", "2026-01-06")}},
		{name: "contact/post-employment", kind: casestate.DueContact, id: "P-1", today: "2026-03-16", setup: [][]string{pe}},
		{name: "intake-meeting", kind: casestate.DueIntakeMeeting, id: "S-1", today: "2026-03-16", setup: [][]string{ws("S-1", "2026-03-02", "2026-05-01")}},
		{name: "tracker-review", kind: casestate.DueTrackerReview, id: "S-1", today: "2026-03-16", setup: [][]string{ws("S-1", "2026-02-02", "2026-04-01")}},
		{name: "references", kind: casestate.DueReferences, id: "S-1", today: "2026-03-16", times: 3, setup: [][]string{ws("S-1", "2026-02-02", "2026-03-20")}},
		{name: "search-plan", kind: casestate.DueSearchPlan, id: "S-1", today: "2026-03-16", all: true, setup: [][]string{ws("S-1", "2026-02-02", "2026-03-20")}},
		{name: "toolbox", kind: casestate.DueToolbox, id: "S-1", today: "2026-03-16", setup: [][]string{ws("S-1", "2026-02-02", "2026-03-20")}},
		{name: "extension-decision", kind: casestate.DueExtensionDecision, id: "S-1", today: "2026-03-16",
			fill:  map[string]string{"--until DATE": "2026-05-01"},
			setup: [][]string{ws("S-1", "2026-01-02", "2026-01-05"), {"extension", "request", "S-1", "--date", "2026-03-16"}}},
		{name: "period-end/separated", kind: casestate.DuePeriodEnd, id: "S-1", today: "2026-03-16", setup: [][]string{ws("S-1", "2025-10-01", "2025-10-02")}},
		{name: "period-end/notification", kind: casestate.DuePeriodEnd, id: "S-1", today: "2026-03-16", noCommand: "the layoff date 2026-03-20 starts the work security period",
			setup: [][]string{ws("S-1", "2026-03-02", "2026-03-20")}},
		{name: "period-end/work-security", kind: casestate.DuePeriodEnd, id: "S-1", today: "2026-03-16", changes: "an extension request awaits the joint committee's decision",
			setup: [][]string{ws("S-1", "2026-01-02", "2026-01-05")}},
		{name: "period-end/post-employment", kind: casestate.DuePeriodEnd, id: "P-1", today: "2026-03-16", setup: [][]string{
			{"case", "new", "--program", "post-employment", "--id", "P-1", "--name", "Pat Example", "--opened", "2024-12-01", "--today", "2024-12-01"},
			{"case", "set", "P-1", "--cash-assistance-ended", "2025-01-31", "--today", "2025-02-01"}}},
		{name: "potential-exit", kind: casestate.DuePotentialExit, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2025-10-01"), served("W-1", "2025-10-05")}},
		{name: "potential-exit/not-yet", kind: casestate.DuePotentialExit, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2025-12-01"), served("W-1", "2026-01-10")}},
		{name: "unrecorded-exit", kind: casestate.DueUnrecordedExit, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2025-06-01"), served("W-1", "2025-06-05"), served("W-1", "2026-03-10")}},
		{name: "follow-up", kind: casestate.DueFollowUp, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2025-01-05"), served("W-1", "2025-01-10"), {"case", "exit", "W-1", "--date", "2025-01-10", "--today", "2025-04-15"}}},
		{name: "follow-up/planned", kind: casestate.DueFollowUp, id: "P-1", today: "2026-03-16", setup: [][]string{pe,
			{"$write", "cases/P-1/outcome.yaml", "follow_ups:\n  - id: FU-AAAA1\n    due: 2026-03-10\n"}, {"commit", "-m", "Plan a follow-up"}}},
		{name: "milestone", kind: casestate.DueMilestone, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2026-03-01"),
			{"iep", "goal", "add", "W-1", "--term", "short", "--text", "Finish the forklift course"},
			{"iep", "milestone", "add", "W-1", "--goal", "$last", "--text", "Enrol in the course", "--due", "2026-03-10"}}},
		{name: "next-step", kind: casestate.DueNextStep, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2026-03-01"),
			{"iep", "step", "add", "W-1", "--owner", "participant", "--text", "Bring the pay stubs", "--due", "2026-03-10"}}},
		{name: "action", kind: casestate.DueAction, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2026-03-01"),
			{"note", "add", "W-1", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "assessment", "--content", "Talked it over", "--date", "2026-03-05", "--action", "participant|2026-03-10|Bring the pay stubs"}}},
		{name: "plan-review", kind: casestate.DuePlanReview, id: "W-1", today: "2026-03-16", setup: [][]string{wioa("W-1", "2025-11-01"),
			{"iep", "goal", "add", "W-1", "--term", "short", "--text", "Finish the forklift course", "--today", "2025-11-03"}}},
		{name: "benefit-renewal", kind: casestate.DueBenefit, id: "P-1", today: "2026-03-16",
			fill:  map[string]string{"--renewal DATE": "2027-03-01"},
			setup: [][]string{pe, {"iep", "benefit", "add", "P-1", "--name", "SNAP", "--renewal", "2026-03-20"}}},
	}
	covered := map[string]bool{}
	for _, tc := range cases {
		covered[tc.kind] = true
	}
	for _, k := range casestate.DueKinds {
		if !covered[k] {
			t.Errorf("no case for due kind %s: every kind's hint must be tried", k)
		}
	}
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>"}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := initCLIStore(t)
			run := func(args ...string) (int, string, string) {
				e := map[string]string{"CASEPLAN_TODAY": tc.today}
				for k, v := range env {
					e[k] = v
				}
				return runCaseplan(t, dir, e, args...)
			}
			last := "" // what the last setup command printed: an ID it made
			for _, args := range tc.setup {
				args = slices.Clone(args)
				for i, a := range args {
					if a == "$last" {
						args[i] = last
					}
				}
				if args[0] == "$write" { // a record written by hand, then caseplan commit
					writeStoreFile(t, dir, args[1], args[2])
					continue
				}
				code, stdout, stderr := run(args...)
				if code != 0 {
					t.Fatalf("setup caseplan %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
				}
				last = strings.TrimSpace(stdout)
			}
			item, ok := listedItem(t, run, tc.id, tc.kind, "")
			if !ok {
				t.Fatalf("no %s item on %s", tc.kind, tc.id)
			}
			cmds := hintCommands(item.Detail)
			if tc.noCommand != "" {
				if len(cmds) > 0 || !strings.Contains(item.Detail, tc.noCommand) {
					t.Fatalf("detail %q: want no command, and %q", item.Detail, tc.noCommand)
				}
				return
			}
			if len(cmds) == 0 {
				t.Fatalf("the %s item names no command: %q", tc.kind, item.Detail)
			}
			if !tc.all {
				cmds = cmds[:1]
			}
			if tc.changes != "" {
				args := fillHint(t, cmds[0], tc.today, tc.fill, 0)
				if code, _, stderr := run(args...); code != 0 {
					t.Fatalf("the hint of %q, typed as caseplan %s: exit %d\n%s", item.Detail, strings.Join(args, " "), code, stderr)
				}
				if after, still := listedItem(t, run, tc.id, tc.kind, string(item.Due)); !still || !strings.Contains(after.Detail, tc.changes) {
					t.Errorf("the hint of %q, typed as shown: the item is now %q, want it to say %q", item.Detail, after.Detail, tc.changes)
				}
				return
			}
			times := max(tc.times, 1)
			for i := range times {
				for _, cmd := range cmds {
					args := fillHint(t, cmd, tc.today, tc.fill, i)
					if code, _, stderr := run(args...); code != 0 {
						t.Fatalf("the hint of %q, typed as caseplan %s: exit %d\n%s", item.Detail, strings.Join(args, " "), code, stderr)
					}
				}
			}
			if after, still := listedItem(t, run, tc.id, tc.kind, string(item.Due)); still {
				t.Errorf("the hint of %q, typed as shown, left the item: %q due %s", item.Detail, after.Detail, after.Due)
			}
		})
	}
}

// listedItem is the first item of kind on case id that due lists (within
// a year), due on or before by when it is given.
func listedItem(t *testing.T, run func(...string) (int, string, string), id, kind, by string) (casestate.Due, bool) {
	t.Helper()
	code, out, stderr := run("due", "--all", "--within", "365d", "-o", "json")
	if code != 0 {
		t.Fatalf("due: exit %d\n%s", code, stderr)
	}
	var items []casestate.Due
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("due -o json: %v\n%s", err, out)
	}
	i := slices.IndexFunc(items, func(d casestate.Due) bool {
		return d.Case == id && d.Kind == kind && (by == "" || string(d.Due) <= by)
	})
	if i < 0 {
		return casestate.Due{}, false
	}
	return items[i], true
}

// hintCommands reads the commands a detail names, each as its words
// after "caseplan": up to the end of the sentence (";", ","), a
// parenthesis, or a joining word ("or", "and", "then"). A quoted word
// ('Income-eligible child care') is one word.
func hintCommands(detail string) [][]string {
	var cmds [][]string
	for rest := detail; ; {
		i := strings.Index(rest, "caseplan ")
		if i < 0 {
			return cmds
		}
		rest = rest[i+len("caseplan "):]
		var words []string
		for {
			rest = strings.TrimLeft(rest, " ")
			if rest == "" {
				break
			}
			var w string
			if rest[0] == '\'' {
				end := strings.IndexByte(rest[1:], '\'')
				if end < 0 {
					break
				}
				w, rest = rest[1:1+end], rest[2+end:]
				words = append(words, w)
				if rest != "" && strings.ContainsRune(";,)", rune(rest[0])) {
					break
				}
				continue
			}
			end := strings.IndexByte(rest, ' ')
			if end < 0 {
				end = len(rest)
			}
			w, rest = rest[:end], rest[end:]
			if strings.HasPrefix(w, "(") || w == "or" || w == "and" || w == "then" {
				break
			}
			if t := strings.TrimRight(w, ";,)"); t != w {
				words = append(words, t)
				break
			}
			words = append(words, w)
		}
		cmds = append(cmds, words)
	}
}

var placeholder = regexp.MustCompile(`^[A-Z][A-Z0-9-]*$`)

// fillHint fills the placeholders of a hint's words: each with an
// ordinary valid value, or fill's for the flag before it; the n-th time
// a hint is typed, names and phones differ.
func fillHint(t *testing.T, words []string, today string, fill map[string]string, n int) []string {
	t.Helper()
	values := map[string]string{
		"DATE": today, "MODE": "in-person", "CODE": "assessment", "TEXT": "Went over it together",
		"NAME": "Ref Example " + string(rune('A'+n)), "PHONE": "555-010" + string(rune('0'+n)), "EMAIL": "ref@example.org",
		"WHO": "Joint Work Security Committee", "TITLE": "Office assistant",
	}
	args := slices.Clone(words)
	for i, w := range args {
		if !placeholder.MatchString(w) || (i > 0 && !strings.HasPrefix(args[i-1], "--")) {
			continue
		}
		if i > 0 {
			if v, ok := fill[args[i-1]+" "+w]; ok {
				args[i] = v
				continue
			}
		}
		v, ok := values[w]
		if !ok {
			t.Fatalf("hint %q: no value for the placeholder %s", strings.Join(words, " "), w)
		}
		args[i] = v
	}
	return args
}
