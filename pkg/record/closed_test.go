package record

import "testing"

// TestClosedBefore: work dated on a day is after a closing when a
// closure dated before that day is in force at its end; the closing day
// itself, a day before it and a day of a later episode are not.
func TestClosedBefore(t *testing.T) {
	o := &Outcome{
		Closures:   []Closure{{Date: "2026-03-10", Reason: "withdrew"}, {Date: "2026-05-01", Reason: "moved"}},
		Reopenings: []Reopening{{Date: "2026-04-01", Reason: "Back"}},
	}
	for _, tc := range []struct {
		day, closed, reopened Date
	}{
		{"2026-03-09", "", ""},
		{"2026-03-10", "", ""},
		{"2026-03-11", "2026-03-10", "2026-04-01"},
		{"2026-04-01", "", ""},
		{"2026-05-01", "", ""},
		{"2026-05-02", "2026-05-01", ""},
	} {
		cl := o.ClosedBefore(tc.day)
		var got, reopened Date
		if cl != nil {
			got, reopened = cl.Date, o.ReopeningAfter(*cl)
		}
		if got != tc.closed || reopened != tc.reopened {
			t.Errorf("%s: closed %q reopened %q, want %q %q", tc.day, got, reopened, tc.closed, tc.reopened)
		}
	}
	var none *Outcome
	if none.ClosedBefore("2026-03-11") != nil || none.ReopeningAfter(Closure{Date: "2026-03-10"}) != "" {
		t.Error("no outcome: want no closure")
	}
}

// TestReopensEpisode: two reopenings with no closure between reopen one
// episode, the earlier (the case is open from it); a reopening before the
// first closure reopens none. Closures are counted once the same way
// (ClosesEpisode), so a report's opened + reopened - closed balances.
func TestReopensEpisode(t *testing.T) {
	o := &Outcome{
		Closures: []Closure{{Date: "2026-03-10", Reason: "withdrew"}, {Date: "2026-05-01", Reason: "moved"}},
		// In the record's order, not the days': the 04-20 one is the
		// second reopening of the episode closed on 03-10.
		Reopenings: []Reopening{{Date: "2026-04-20"}, {Date: "2026-04-01"}, {Date: "2026-02-01"}, {Date: "2026-05-01"}},
	}
	for i, want := range []bool{false, true, false, true} {
		if got := o.ReopensEpisode(i); got != want {
			t.Errorf("reopening %d (%s): ReopensEpisode = %v, want %v", i, o.Reopenings[i].Date, got, want)
		}
	}
}

// TestClosedDatedBetween: the closing in force at the end of a day
// (ClosedOn), when dated strictly between the bounds; a bound left out
// ("") bounds nothing, and a closing ended by a reopening on or before
// the day is none.
func TestClosedDatedBetween(t *testing.T) {
	o := &Outcome{
		Closures:   []Closure{{Date: "2026-03-10", Reason: "withdrew"}, {Date: "2026-11-30", Reason: "moved"}},
		Reopenings: []Reopening{{Date: "2026-04-01", Reason: "Back"}},
	}
	for _, tc := range []struct {
		day, after, before, want Date
	}{
		{"2026-12-15", "2026-10-31", "2026-12-01", "2026-11-30"},
		{"2026-12-15", "2026-11-30", "", ""},
		{"2026-12-15", "2026-11-29", "", "2026-11-30"},
		{"2026-12-15", "", "2026-11-30", ""},
		{"2026-12-15", "", "", "2026-11-30"},
		// Closed in March, reopened in April: not closed on the day.
		{"2026-03-20", "2026-02-28", "2026-04-01", "2026-03-10"},
		{"2026-04-20", "2026-02-28", "2026-04-01", ""},
		// Before the November closing the case was open.
		{"2026-11-29", "2026-10-31", "", ""},
	} {
		var got Date
		if cl := o.ClosedOn(tc.day); cl != nil && cl.DatedBetween(tc.after, tc.before) {
			got = cl.Date
		}
		if got != tc.want {
			t.Errorf("on %s after %q before %q: %q, want %q", tc.day, tc.after, tc.before, got, tc.want)
		}
	}
}

// TestClosingBetween: the latest closing dated between the bounds and by
// the day, reopened since or not (case list --closed-after: a month's
// closings), and the reopening that ended it.
func TestClosingBetween(t *testing.T) {
	o := &Outcome{
		Closures:   []Closure{{Date: "2026-11-05", Reason: "withdrew"}, {Date: "2026-11-25", Reason: "moved"}, {Date: "2026-12-10", Reason: "other"}},
		Reopenings: []Reopening{{Date: "2026-11-20", Reason: "Back"}, {Date: "2026-12-03", Reason: "Back again"}},
	}
	for _, tc := range []struct {
		day, after, before, want, reopened Date
	}{
		// November's last closing, reopened on December 3.
		{"2026-12-15", "2026-10-31", "2026-12-01", "2026-11-25", "2026-12-03"},
		// Seen on November 22: the closing of the 5th, reopened on the 20th.
		{"2026-11-22", "2026-10-31", "2026-12-01", "2026-11-05", "2026-11-20"},
		// A closing after the day is not yet one.
		{"2026-11-04", "2026-10-31", "2026-12-01", "", ""},
		{"2026-12-15", "2026-11-30", "", "2026-12-10", ""},
		{"2026-12-15", "2026-12-10", "", "", ""},
	} {
		var got, reopened Date
		if cl := o.ClosingBetween(tc.after, tc.before, tc.day); cl != nil {
			got = cl.Date
			if r := o.ReopeningAfter(*cl); r != "" && r <= tc.day {
				reopened = r
			}
		}
		if got != tc.want || reopened != tc.reopened {
			t.Errorf("on %s after %q before %q: %q reopened %q, want %q reopened %q", tc.day, tc.after, tc.before, got, reopened, tc.want, tc.reopened)
		}
	}
	var none *Outcome
	if none.ClosingBetween("", "", "2026-12-31") != nil {
		t.Error("nil outcome: want no closing")
	}
}
