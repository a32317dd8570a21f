package tickler

import (
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/store/storetest"
)

const config = `organization: Test Board
staff:
  - id: mrivera
    name: Maria Rivera
    email: mrivera@example.org
  - id: dpatel
    name: Dev Patel
    email: dpatel@example.org
programs:
  pe:
    kind: post-employment
`

// fixture is three post-employment cases: two of mrivera's (one closed
// after a placement, with follow-ups) and one of dpatel's.
var fixture = storetest.MemStore{
	"cases/caseplan.yaml": config,
	"cases/A1/intake.yaml": `id: A1
opened: 2026-03-02
program: pe
status: open
manager: mrivera
participant:
  name: Ana Example
`,
	"cases/A1/iep.yaml": `created: 2026-03-02
goals:
  - id: G1
    term: short
    text: Keep the job
    milestones:
      - id: M1
        text: Ninety days on the job, with the "evening; weekend" shift
        due: 2026-04-01
      - id: M2
        text: Ask about the tuition benefit — ¿también en español? (form \\hr\\tuition, line\\n 2)
        due: 2026-04-01
next_steps:
  - id: N1
    owner: participant
    text: Call the child care office
    due: 2026-03-10
  - id: N2
    owner: manager
    text: Send the bus schedule
    due: 2026-03-30
`,
	"cases/B2/intake.yaml": `id: B2
opened: 2026-01-05
program: pe
status: closed
manager: mrivera
participant:
  name: Bo Example
`,
	"cases/B2/outcome.yaml": `placement:
  employer: Riverside Library
  position: Clerk
  start: 2026-02-01
follow_ups:
  - due: 2026-03-01
    done: 2026-03-02
  - due: 2026-03-20
  - due: 2026-06-01
closure:
  date: 2026-02-15
  reason: placed
`,
	"cases/C3/intake.yaml": `id: C3
opened: 2026-03-09
program: pe
status: open
manager: dpatel
participant:
  name: Cy Example
`,
	"cases/C3/iep.yaml": `created: 2026-03-09
next_steps:
  - id: N1
    owner: participant
    text: Bring the pay stubs
    due: 2026-03-17
  - id: N2
    owner: participant
    text: Bring the lease
    due: 2026-03-18
`,
}

// load and on are storetest's helpers by the names ics_test.go uses too.
var (
	load = storetest.Load
	on   = storetest.Day
)

func lines(items []casestate.Due) string {
	var out []string
	for _, it := range items {
		out = append(out, it.Manager+" "+string(it.Due)+" "+When(it)+" "+it.Case+" "+it.Kind)
	}
	return strings.Join(out, "\n")
}

func TestItems(t *testing.T) {
	snap := load(t, fixture)
	today := on("2026-03-16")
	for _, tt := range []struct {
		name    string
		within  time.Duration
		manager string
		want    []string
	}{
		{"one manager, two weeks: overdue items and those due through 03-30", 14 * 24 * time.Hour, "mrivera", []string{
			"mrivera 2026-03-10 overdue 6 days A1 next-step",
			"mrivera 2026-03-20 in 4 days B2 follow-up",
			"mrivera 2026-03-30 in 14 days A1 next-step",
		}},
		{"a day less leaves out what falls on the 14th day", 13 * 24 * time.Hour, "mrivera", []string{
			"mrivera 2026-03-10 overdue 6 days A1 next-step",
			"mrivera 2026-03-20 in 4 days B2 follow-up",
		}},
		{"nothing ahead: what is overdue", 0, "mrivera", []string{
			"mrivera 2026-03-10 overdue 6 days A1 next-step",
		}},
		{"36 hours take in tomorrow, not the day after", 36 * time.Hour, "dpatel", []string{
			"dpatel 2026-03-17 in 1 day C3 next-step",
		}},
		{"every manager, by manager then date", 17 * 24 * time.Hour, "", []string{
			"dpatel 2026-03-17 in 1 day C3 next-step",
			"dpatel 2026-03-18 in 2 days C3 next-step",
			"mrivera 2026-03-10 overdue 6 days A1 next-step",
			"mrivera 2026-03-20 in 4 days B2 follow-up",
			"mrivera 2026-03-30 in 14 days A1 next-step",
			"mrivera 2026-04-01 in 16 days A1 contact",
			"mrivera 2026-04-01 in 16 days A1 milestone",
			"mrivera 2026-04-01 in 16 days A1 milestone",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Items(snap, Query{Today: today, Through: Through(today, tt.within), Manager: tt.manager})
			if lines(got) != strings.Join(tt.want, "\n") {
				t.Errorf("items:\n%s\nwant:\n%s", lines(got), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestThrough(t *testing.T) {
	today := on("2026-03-16")
	for _, tt := range []struct {
		within time.Duration
		want   string
	}{
		{0, "2026-03-16"},
		{23 * time.Hour, "2026-03-16"},
		{24 * time.Hour, "2026-03-17"},
		{36 * time.Hour, "2026-03-17"},
		{14 * 24 * time.Hour, "2026-03-30"},
	} {
		// Today may come with a time of day; only its date counts.
		if got := Through(today.Add(15*time.Hour), tt.within).Format(time.DateOnly); got != tt.want {
			t.Errorf("Through(%v) = %s, want %s", tt.within, got, tt.want)
		}
	}
}

func TestClosedCaseFollowUps(t *testing.T) {
	snap := load(t, fixture)
	got := Items(snap, Query{Today: on("2026-03-16"), Through: on("2026-12-31"), Manager: "mrivera"})
	var follow []casestate.Due
	for _, it := range got {
		if it.Case == "B2" {
			follow = append(follow, it)
		}
	}
	if len(follow) != 2 {
		t.Fatalf("closed case B2: %d items, want its 2 follow-ups not done:\n%s", len(follow), lines(follow))
	}
	want := []struct {
		due  string
		line int
		days int
	}{{"2026-03-20", 8, 4}, {"2026-06-01", 9, 77}}
	for i, w := range want {
		f := follow[i]
		if f.Kind != casestate.DueFollowUp || string(f.Due) != w.due || f.Line != w.line || f.Days != w.days || f.Overdue ||
			f.Path != "cases/B2/outcome.yaml" || f.Manager != "mrivera" ||
			f.Detail != "follow-up after the placement at Riverside Library (case closed on 2026-02-15); record it with caseplan followup add B2 --due "+w.due+" --date DATE" {
			t.Errorf("follow-up %d: %+v, want due %s at outcome.yaml:%d in %d days", i, f, w.due, w.line, w.days)
		}
	}
	// Once past, it stays listed as overdue until it is recorded done.
	got = Items(snap, Query{Today: on("2026-03-25"), Through: on("2026-03-25"), Manager: "mrivera"})
	if lines(got) != "mrivera 2026-03-10 overdue 15 days A1 next-step\nmrivera 2026-03-20 overdue 5 days B2 follow-up" {
		t.Errorf("after its due date:\n%s", lines(got))
	}
}

func TestParseWithin(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Duration
		err  string
	}{
		{"14d", 14 * 24 * time.Hour, ""},
		{"2w", 14 * 24 * time.Hour, ""},
		{"36h", 36 * time.Hour, ""},
		{"1h30m", 90 * time.Minute, ""},
		{"0", 0, ""},
		{"0d", 0, ""},
		{"", 0, "not a length of time"},
		{"fortnight", 0, "not a length of time"},
		{"1.5d", 0, "not a length of time"},
		{"d", 0, "not a length of time"},
		{"1m", 0, `"1m" would be 1 minute(s) (m is minutes); write the window in days or weeks: a month is 30d or 4w`},
		{"90m", 0, "m is minutes"},
		{"-3d", 0, "negative"},
		{"-1h", 0, "negative"},
		{"99999999999w", 0, "longer than caseplan can count"},
	} {
		got, err := ParseWithin(tt.in)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("ParseWithin(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseWithin(%q) = %v, %v; want an error saying %q", tt.in, got, err, tt.err)
		}
	}
}

func TestWhen(t *testing.T) {
	for days, want := range map[int]string{-2: "overdue 2 days", -1: "overdue 1 day", 0: "today", 1: "in 1 day", 14: "in 14 days"} {
		if got := When(casestate.Due{Days: days, Overdue: days < 0}); got != want {
			t.Errorf("When(%d days) = %q, want %q", days, got, want)
		}
	}
}

func TestUnreadable(t *testing.T) {
	m := maps.Clone(fixture)
	m["cases/D4/intake.yaml"] = "id: D4\nopened: [not, a, date\n"
	snap, _, err := store.Load(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := Unreadable(snap); n != 1 {
		t.Errorf("Unreadable = %d, want 1", n)
	}
}

// TestSupervisorItems: a supervisor's tickler lists their own cases'
// items and, on every other case, the items only a supervisor closes (the
// joint committee's decision, 000), after their own and labelled so; a
// case manager's lists the decision only on their own case.
func TestSupervisorItems(t *testing.T) {
	snap := load(t, storetest.MemStore{
		"cases/caseplan.yaml": `organization: Test Board
staff:
  - id: dpatel
    name: Dev Patel
    email: dpatel@example.org
  - id: alee
    name: Ann Lee
    email: alee@example.org
  - id: svisor
    name: Sue Visor
    email: svisor@example.org
    role: supervisor
programs:
  ws:
    kind: work-security
  pe:
    kind: post-employment
`,
		"cases/W1/intake.yaml": `id: W1
opened: 2026-03-02
program: ws
status: open
manager: dpatel
participant:
  name: Sam Example
layoff:
  notice_date: 2026-03-02
  layoff_date: 2026-05-01
`,
		"cases/W1/outcome.yaml": `extensions:
  - requested: 2026-07-20
    decision: pending
`,
		"cases/P1/intake.yaml": `id: P1
opened: 2026-07-01
program: pe
status: open
manager: svisor
participant:
  name: Pat Example
`,
	})
	today := on("2026-07-20")
	q := Query{Today: today, Through: Through(today, 14*24*time.Hour)}
	for _, tt := range []struct {
		name       string
		manager    string
		supervisor bool
		want       []string
	}{
		{"a supervisor: their own case, then the decision on dpatel's", "svisor", true, []string{
			"svisor 2026-07-31 in 11 days P1 contact",
			"dpatel 2026-07-30 in 10 days W1 extension-decision",
		}},
		{"the case's manager: the decision among their items", "dpatel", false, []string{
			"dpatel 2026-03-09 overdue 133 days W1 contact",
			"dpatel 2026-03-09 overdue 133 days W1 intake-meeting",
			"dpatel 2026-04-02 overdue 109 days W1 tracker-review",
			"dpatel 2026-05-01 overdue 80 days W1 references",
			"dpatel 2026-05-01 overdue 80 days W1 search-plan",
			"dpatel 2026-05-01 overdue 80 days W1 toolbox",
			"dpatel 2026-07-30 in 10 days W1 extension-decision",
			"dpatel 2026-07-30 in 10 days W1 period-end",
		}},
		{"another case manager: not theirs", "alee", false, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q := q
			q.Manager, q.Supervisor = tt.manager, tt.supervisor
			got := Items(snap, q)
			if lines(got) != strings.Join(tt.want, "\n") {
				t.Fatalf("items:\n%s\nwant:\n%s", lines(got), strings.Join(tt.want, "\n"))
			}
			for _, it := range got {
				if want := tt.supervisor && it.Case == "W1"; q.ForSupervisor(it) != want {
					t.Errorf("ForSupervisor(%s %s) = %v, want %v", it.Case, it.Kind, !want, want)
				}
			}
		})
	}
	d := casestate.Due{Case: "W1", Manager: "dpatel", Kind: casestate.DueExtensionDecision, Detail: "the joint committee's decision"}
	if got, want := Labelled(d).Detail, "awaits a supervisor, on dpatel's case: the joint committee's decision"; got != want {
		t.Errorf("Labelled: %q, want %q", got, want)
	}
}
