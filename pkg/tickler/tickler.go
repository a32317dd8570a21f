// Package tickler is caseplan's tickler, the reminder of time-sensitive
// tasks that 001 and 002 ask a case-management system for: everything due
// or overdue across a store's cases, for one case manager or for all,
// within a window of days from today, and the same list as an iCalendar
// file (ics.go).
//
// What is due on a case, and when, is pkg/casestate's to say (so case
// show, iep show and the tickler agree); this package selects, orders and
// renders.
package tickler

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/record"
)

// DefaultWithin is how far ahead the tickler looks unless told otherwise:
// two weeks, two of work security's weekly check-ins (000).
const DefaultWithin = 14 * 24 * time.Hour

// Query says whose items to list and how far ahead.
type Query struct {
	Today   time.Time // the day items are counted from
	Through time.Time // the last due date listed; everything overdue is listed too
	Manager string    // staff id of a case manager; "" for every manager
	// Supervisor: Manager is a supervisor (record.Staff.Supervises), whose
	// tickler lists, besides the cases they manage, the items of every
	// case that only a supervisor closes (casestate.AwaitsSupervisor): a
	// supervisor who manages no case still has the joint committee's
	// decisions to record (000).
	Supervisor bool
}

// Lists reports whether q lists item d, of a case whose manager on
// q.Today is d.Manager: every item for every manager, the manager's own
// cases' items, and for a supervisor the items that await one.
func (q Query) Lists(d casestate.Due) bool {
	return q.Manager == "" || d.Manager == q.Manager || q.ForSupervisor(d)
}

// ForSupervisor reports whether q lists d only because it awaits a
// supervisor: an item of a case the supervisor does not manage, which the
// views label so (Labelled), since it is not of their caseload.
func (q Query) ForSupervisor(d casestate.Due) bool {
	return q.Supervisor && q.Manager != "" && d.Manager != q.Manager && casestate.AwaitsSupervisor(d.Kind)
}

// Labelled is d with its detail saying why a supervisor's tickler lists
// it (ForSupervisor): it awaits a supervisor, on a case someone else
// manages.
func Labelled(d casestate.Due) casestate.Due {
	d.Detail = "awaits a supervisor, on " + d.Manager + "'s case: " + d.Detail
	return d
}

// Through returns the last due date a window of within from today takes
// in: a day is in when it starts no later than today plus within, so 14
// days takes in the 14th day from today and 36 hours takes in tomorrow.
func Through(today time.Time, within time.Duration) time.Time {
	today = day(today)
	return day(today.Add(within))
}

// Items lists what is due or overdue on the cases of snap as q asks, in
// the order the tickler prints them (q.Sort): by manager, then due date,
// then case, kind and detail, a supervisor's own cases first.
func Items(snap *casefile.Snapshot, q Query) []casestate.Due {
	var items []casestate.Due
	for _, c := range snap.Cases {
		// The manager on q.Today, as the items name them: on a past
		// day, a case transferred since is its manager's of then. A
		// supervisor's items may be on any case.
		if c.Intake == nil || (q.Manager != "" && !q.Supervisor && casestate.ManagerOn(c.Intake, day(q.Today)) != q.Manager) {
			continue
		}
		for _, d := range CaseItems(c, snap.Config, q) {
			if q.Lists(d) {
				items = append(items, d)
			}
		}
	}
	q.Sort(items)
	return items
}

// CaseItems lists what is due or overdue on one case (whose intake could
// be read) in the window through q.Through (InWindow), whoever its
// manager: Items without the choice of manager and the order. It depends
// only on the case's records, the settings and q's days.
func CaseItems(c *casefile.Case, cfg *record.Config, q Query) []casestate.Due {
	today, through := day(q.Today), day(q.Through)
	var items []casestate.Due
	for _, d := range casestate.Compute(c, cfg, today).Due {
		if InWindow(d, through) {
			items = append(items, d)
		}
	}
	return items
}

// InWindow reports whether the tickler lists item d in a window whose
// last day is through: when it is due by then (overdue items included),
// and a pending extension request's decision whatever its due date. The
// joint committee meets when it meets (000 gives it no deadline), and a
// request made weeks before the period's last day must not wait out of
// sight: a supervisor preparing the committee's meeting finds every
// request awaiting it with caseplan due --all --kind extension-decision.
func InWindow(d casestate.Due, through time.Time) bool {
	t, ok := d.Due.Time()
	return ok && (!t.After(day(through)) || d.Kind == casestate.DueExtensionDecision)
}

// Sort orders items by manager, due date, case, kind, detail and place.
func Sort(items []casestate.Due) {
	slices.SortStableFunc(items, func(a, b casestate.Due) int {
		for _, c := range []int{
			strings.Compare(a.Manager, b.Manager),
			strings.Compare(string(a.Due), string(b.Due)),
			strings.Compare(a.Case, b.Case),
			strings.Compare(a.Kind, b.Kind),
			strings.Compare(a.Detail, b.Detail),
			strings.Compare(a.Path, b.Path),
		} {
			if c != 0 {
				return c
			}
		}
		return a.Line - b.Line
	})
}

// Sort orders items as q lists them: in Sort's order, with what a
// supervisor's tickler lists from other managers' cases (ForSupervisor)
// after their own cases' items, as its own part of the list.
func (q Query) Sort(items []casestate.Due) {
	Sort(items)
	slices.SortStableFunc(items, func(a, b casestate.Due) int {
		x, y := q.ForSupervisor(a), q.ForSupervisor(b)
		switch {
		case x == y:
			return 0
		case y:
			return -1
		}
		return 1
	})
}

// Unreadable counts the cases of snap whose intake record could not be
// read: the tickler cannot say what is due on
// them, and must say so rather than leave them out silently.
func Unreadable(snap *casefile.Snapshot) int {
	n := 0
	for _, c := range snap.Cases {
		if c.Intake == nil {
			n++
		}
	}
	return n
}

// ParseWithin reads a window length: "14d" (days), "2w" (weeks), or a Go
// duration such as "36h" or "1h30m". A window is never negative. Minutes
// alone ("1m") are refused: to a person planning their weeks "1m" is a
// month, and taken as a minute it would silently hide everything not yet
// overdue.
func ParseWithin(v string) (time.Duration, error) {
	s := strings.TrimSpace(v)
	if n := strings.TrimSuffix(s, "m"); n != s && n != "" && strings.Trim(n, "0123456789") == "" {
		return 0, fmt.Errorf("%q would be %s minute(s) (m is minutes); write the window in days or weeks: a month is 30d or 4w", v, n)
	}
	unit := time.Duration(0)
	switch {
	case strings.HasSuffix(s, "d"):
		unit = 24 * time.Hour
	case strings.HasSuffix(s, "w"):
		unit = 7 * 24 * time.Hour
	}
	var d time.Duration
	if unit != 0 {
		n, err := strconv.ParseInt(s[:len(s)-1], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%q is not a length of time; write it as 14d, 2w, 36h", v)
		}
		if n > math.MaxInt64/int64(unit) || n < math.MinInt64/int64(unit) {
			return 0, fmt.Errorf("%q is longer than caseplan can count", v)
		}
		d = time.Duration(n) * unit
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, fmt.Errorf("%q is not a length of time; write it as 14d, 2w, 36h", v)
		}
	}
	if d < 0 {
		return 0, fmt.Errorf("%q is negative; overdue items are always listed, the window only looks ahead", v)
	}
	return d, nil
}

// When says when an item is due relative to today: "overdue 3 days",
// "today", "in 1 day".
func When(d casestate.Due) string {
	switch {
	case d.Days < 0:
		return "overdue " + countDays(-d.Days)
	case d.Days == 0:
		return "today"
	}
	return "in " + countDays(d.Days)
}

func countDays(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func date(t time.Time) record.Date { return record.Date(t.Format(time.DateOnly)) }
