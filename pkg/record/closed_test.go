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
