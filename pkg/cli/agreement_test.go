package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/store/storetest"
	"github.com/caseplan/caseplan/pkg/tickler"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// TestDueAgreement: case show's next due items, iep show's overdue marks
// and due --all's items agree, item by item, for every case of a store on
// every day from 2026-01-01 to 2027-06-30 — over the demo store and over a
// generated one. Each store is loaded once; each day builds the three
// commands' views from it, as their run functions do.
//
// Compared each day, per case: case show's items due within 14 days of the
// day (or overdue) and the items due --all --within 14d lists for the case
// (kind, due date, detail, record and line); and the milestones and next
// steps iep show marks overdue and case show's overdue ones.
func TestDueAgreement(t *testing.T) {
	first, last := storetest.Day("2026-01-01"), storetest.Day("2027-06-30")

	t.Run("the demo store", func(t *testing.T) {
		src, err := store.NewWorkTree(filepath.Join("..", ".."))
		if err != nil {
			t.Fatal(err)
		}
		snap := storetest.Load(t, src)
		if len(snap.Cases) < 10 {
			t.Fatalf("the demo store has %d cases; is this the repository?", len(snap.Cases))
		}
		agree(t, snap, first, last)
	})

	t.Run("a generated store", func(t *testing.T) {
		m := generatedStore(60)
		snap := storetest.Load(t, m)
		checkSchemas(t, snap, m)
		seen := agree(t, snap, first, last)
		// The store must hold every kind of thing that can fall due, and
		// the case that set the views apart: a goal achieved or dropped
		// with a milestone past due and not done.
		for _, k := range []string{casestate.DueContact, casestate.DueMilestone, casestate.DueNextStep, casestate.DueAction,
			casestate.DuePeriodEnd, casestate.DueReferences, casestate.DuePlanReview, casestate.DueFollowUp,
			casestate.DueBenefit, casestate.DuePotentialExit, "overdue milestone", "overdue next-step", "closed follow-up"} {
			if seen[k] == 0 {
				t.Errorf("no %s came due in the generated store: it does not test that kind", k)
			}
		}
		if n := pastDueOnGoalsDone(snap, last); n == 0 {
			t.Error("no goal achieved or dropped has a milestone past due and not done")
		}
		t.Logf("compared over %d cases and %d days: %v", len(snap.Cases), calendarDays(first, last), seen)
	})
}

// agree compares the three views of snap's cases on each day from first
// to last, and counts what came due, by kind.
func agree(t *testing.T, snap *casefile.Snapshot, first, last time.Time) map[string]int {
	t.Helper()
	const window = 14 * 24 * time.Hour
	seen := map[string]int{}
	failures := 0
	fail := func(format string, args ...any) {
		t.Helper()
		if failures++; failures > 20 {
			t.Fatalf("too many disagreements")
		}
		t.Errorf(format, args...)
	}
	for day := first; !day.After(last); day = day.AddDate(0, 0, 1) {
		on := day.Format(time.DateOnly)
		due := newDueView(snap, day, window, "")
		byCase := map[string][]casestate.Due{}
		for _, it := range due.Items {
			byCase[it.Case] = append(byCase[it.Case], it)
		}
		for _, c := range snap.Cases {
			if c.Intake == nil {
				continue
			}
			show, err := newCaseShowView(snap, nil, c.ID, day)
			if err != nil {
				t.Fatalf("case show %s on %s: %v", c.ID, on, err)
			}
			var shown []casestate.Due
			var overdue []string
			for _, out := range show.NextDue {
				it := out.Due
				if tickler.InWindow(it, due.Through) {
					shown = append(shown, it)
					seen[it.Kind]++
				}
				if it.Overdue && (it.Kind == casestate.DueMilestone || it.Kind == casestate.DueNextStep) {
					overdue = append(overdue, it.Item)
					seen["overdue "+it.Kind]++
				}
				if c.Intake.Status == "closed" && it.Kind == casestate.DueFollowUp {
					seen["closed follow-up"]++
				}
			}
			if got, want := dueKeys(byCase[c.ID]), dueKeys(shown); !slices.Equal(got, want) {
				fail("%s on %s: due --all lists\n\t%s\nbut case show lists\n\t%s", c.ID, on, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
			marked := slices.Clone(newIEPShowView(c, snap.Config, day).Overdue)
			slices.Sort(marked)
			slices.Sort(overdue)
			if !slices.Equal(marked, overdue) {
				fail("%s on %s: iep show marks %v overdue, case show %v", c.ID, on, marked, overdue)
			}
		}
	}
	return seen
}

// dueKeys writes items as comparable lines, in one order.
func dueKeys(items []casestate.Due) []string {
	keys := []string{}
	for _, it := range items {
		keys = append(keys, fmt.Sprintf("%s %s %s (%s:%d)", it.Due, it.Kind, it.Detail, it.Path, it.Line))
	}
	slices.Sort(keys)
	return keys
}

// checkSchemas fails the test when a generated record is not the shape its
// schema says: a store no user could write proves nothing.
func checkSchemas(t *testing.T, snap *casefile.Snapshot, m storetest.MemStore) {
	t.Helper()
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	_, loaded, err := store.Load(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range validate.Run(snap, loaded, validate.Options{Schemas: v, Today: storetest.Day("2026-01-01")}) {
		if f.Rule == validate.RuleSchema && f.Severity == finding.Error {
			t.Errorf("generated store: %s", f)
		}
	}
}

// pastDueOnGoalsDone counts the milestones of achieved or dropped goals due
// before last and not done.
func pastDueOnGoalsDone(snap *casefile.Snapshot, last time.Time) int {
	n := 0
	for _, c := range snap.Cases {
		if c.IEP == nil || c.Intake == nil || c.Intake.Status != "open" {
			continue
		}
		for _, g := range c.IEP.Goals {
			if g.Status != "achieved" && g.Status != "dropped" {
				continue
			}
			for _, m := range g.Milestones {
				if d, ok := m.Due.Time(); ok && d.Before(last) && m.Done == "" {
					n++
				}
			}
		}
	}
	return n
}

func calendarDays(first, last time.Time) int { return int(last.Sub(first).Hours()/24) + 1 }
