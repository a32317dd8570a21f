package validate

import (
	"fmt"
	"slices"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// What 000 asks for every week of the job search — "Plan weekly meetings
// or check-ins with the candidate", "Maintain weekly Candidate Activity
// Tracker" — is asked by ws-checkin and ws-activity-tracker while the
// search lasts (calendar.JobSearchActive). Once it is over, the weeks
// that went without stay on record as history, one warning per case and
// rule (ws-checkin-late, ws-activity-tracker-late), as ws-references-late
// keeps references never secured: a monitor reviewing a closed case sees
// what the open rules no longer say. Each asks the open rule's own count
// of the days the search lasted (README, How caseplan decides).

// searchSpan is a work-security candidate's last job search that is
// over: from the opening, or the latest reopening before it ended, to
// Last, the last day calendar.JobSearchActive said it lasted; Ended says
// how it ended, in the words of the other -late rules.
type searchSpan struct {
	Start, Last time.Time
	Ended       string
}

// searchOver finds the job search that is over on x.Today, ok false while
// it lasts or when it never began. The day it ended is one of the days
// the records could end it on — the case closed, the placement started,
// the periods over with an offer bridged to its start, the candidate
// separated — the first on which calendar.JobSearchActive, asked of the
// case as it stood that day (casestate.EpisodesAsOf), says it no longer lasts,
// having lasted the day before.
func searchOver(x *Context) (searchSpan, bool) {
	if x.search == nil {
		span, ok := findSearchOver(x)
		x.search = &searchMemo{span, ok}
	}
	return x.search.span, x.search.ok
}

// searchMemo is searchOver's answer, kept on the case's Context.
type searchMemo struct {
	span searchSpan
	ok   bool
}

// findSearchOver is searchOver, found.
func findSearchOver(x *Context) (searchSpan, bool) {
	c, cfg, today := x.Case, x.Config, x.Today
	if c.Intake == nil || calendar.JobSearchActive(c, cfg, today) {
		return searchSpan{}, false
	}
	type end struct {
		day   time.Time
		words string
	}
	var ends []end
	at := func(d record.Date, words string) {
		if t, ok := d.Time(); ok && !t.After(today) {
			ends = append(ends, end{t, words})
		}
	}
	o := c.Outcome
	if cl := o.LatestClosure(); c.Intake.Status != "open" && cl != nil {
		at(cl.Date, "the case was closed on "+string(cl.Date))
	}
	if pl := o.PlacedOn(dayOf(today)); pl != nil {
		at(pl.Start, "the candidate was placed from "+string(pl.Start))
	}
	if st := calendar.StandingOf(c, cfg, today); st.Known {
		if st.Secured != nil {
			at(date(st.Period.LastDay().AddDate(0, 0, 1)), "the candidate accepted a placement starting "+string(st.Secured.Start))
		}
		if st.Standing == calendar.StandingSeparated {
			at(date(st.SeparatedFrom()), "the candidate was separated")
		}
	}
	slices.SortStableFunc(ends, func(a, b end) int { return a.day.Compare(b.day) })
	active := func(d time.Time) bool { return calendar.JobSearchActive(casestate.EpisodesAsOf(c, d), cfg, d) }
	for _, e := range ends {
		last := e.day.AddDate(0, 0, -1)
		if active(e.day) || !active(last) {
			continue
		}
		start, ok := searchStart(c, last)
		if !ok || start.After(last) {
			continue
		}
		return searchSpan{Start: start, Last: last, Ended: e.words}, true
	}
	return searchSpan{}, false
}

// searchStart is the first day of the job search that lasts on day: the
// opening, or the latest reopening on or before day after it — the weeks
// a case was closed (the candidate placed, or gone) asked for nothing,
// and an earlier episode's are history of their own. ws-activity-tracker
// counts its weeks from it.
func searchStart(c *casefile.Case, day time.Time) (time.Time, bool) {
	opened, ok := c.Intake.Opened.Time()
	if !ok {
		return time.Time{}, false
	}
	o := c.Outcome
	if i, reopened := o.ReopenedBy(date(day)); reopened {
		if t, ok := o.Reopenings[i].Date.Time(); ok && t.After(opened) {
			return t, true
		}
	}
	return opened, true
}

// trackerWeeksMissing is the complete weeks of a job search that began on
// start that have no activity file as of day: from the first week that
// starts after start to the last week that has ended by day (the week
// under way may still be filled in). ws-activity-tracker asks it on
// today, ws-activity-tracker-late on the search's last day.
func trackerWeeksMissing(c *casefile.Case, start, day time.Time) (missing []string, weeks int) {
	kept := map[string]bool{}
	for _, w := range c.Activity {
		kept[w.Week] = true
	}
	lastMonday := calendar.MondayOf(day).AddDate(0, 0, -7)
	for m := calendar.MondayOf(start).AddDate(0, 0, 7); !m.After(lastMonday); m = m.AddDate(0, 0, 7) {
		weeks++
		if w := calendar.ISOWeek(m); !kept[w] {
			missing = append(missing, w)
		}
	}
	return missing, weeks
}

// checkinsMissed is ws-checkin-late: the check-ins a job search that is
// over went without. It asks ws-checkin's count (casestate.NextContactOf,
// on the case as it stood each day: NextContactAsOf) at each day a
// check-in could first be overdue — checkin_interval_days after the start
// or after a check-in — and counts a gap where ws-checkin would have
// warned, while the search lasted.
func checkinsMissed(x *Context) {
	span, ok := searchOver(x)
	if !ok {
		return
	}
	c, cfg := x.Case, x.Config
	// The days a check-in's interval counts from: the start, and each
	// check-in while the search lasted.
	since := []time.Time{span.Start}
	for _, n := range c.Notes {
		if t, ok := n.Date.Time(); ok && x.Contact.Is(n) && t.After(span.Start) && !t.After(span.Last) {
			since = append(since, t)
		}
	}
	slices.SortFunc(since, time.Time.Compare)
	since = slices.Compact(since)
	end := span.Last.AddDate(0, 0, 1)
	var missed, gaps, every int
	var longest struct{ from, to time.Time }
	longestFrom, longestTo := "", ""
	for i, s := range since {
		next, nextWords := end, "the end of the search ("+string(date(span.Last))+")"
		if i+1 < len(since) {
			next, nextWords = since[i+1], "the next on "+string(date(since[i+1]))
		}
		nc, ok := casestate.NextContactAsOf(c, cfg, x.Contact, s)
		if !ok || nc.Every <= 0 {
			return
		}
		first := nc.By.AddDate(0, 0, 1)
		if !first.Before(next) {
			continue
		}
		// Would ws-checkin have warned that day? The search may have
		// paused (an offer bridged) or its count differ (a reopening).
		asOf := casestate.EpisodesAsOf(c, first)
		if !calendar.JobSearchActive(asOf, cfg, first) {
			continue
		}
		if nc, ok := casestate.NextContactOf(asOf, cfg, x.Contact, first); !ok || !nc.OverdueOn(first) {
			continue
		}
		every = nc.Every
		gaps++
		missed += calendar.Days(s, next.AddDate(0, 0, -1)) / nc.Every
		if longest.from.IsZero() || calendar.Days(s, next) > calendar.Days(longest.from, longest.to) {
			longest.from, longest.to = s, next
			longestFrom = "the check-in of " + string(date(s))
			if i == 0 {
				longestFrom = "the start of the search (" + string(date(s)) + ")"
			}
			longestTo = nextWords
		}
	}
	if gaps == 0 {
		return
	}
	days := calendar.Days(longest.from, longest.to)
	if longest.to.Equal(end) {
		days = calendar.Days(longest.from, span.Last)
	}
	x.Report(x.File(layout.KindIntake), Path("manager"), "%d check-in(s) missed while the job search lasted, one due every %d days, in %d gap(s); the longest: no check-in from %s to %s, %d days; and %s: the job search is over, and the check-ins were missed",
		missed, every, gaps, longestFrom, longestTo, days, span.Ended)
}

// trackerWeeksMissed is ws-activity-tracker-late: the complete weeks of a
// job search that is over that have no activity file, as
// ws-activity-tracker counted them on the search's last day
// (trackerWeeksMissing), with the longest run of weeks in a row.
func trackerWeeksMissed(x *Context) {
	span, ok := searchOver(x)
	if !ok {
		return
	}
	missing, weeks := trackerWeeksMissing(x.Case, span.Start, span.Last)
	if len(missing) == 0 {
		return
	}
	// The longest run of missing weeks in a row: weeks are consecutive
	// when their Mondays are seven days apart.
	monday := func(w string) time.Time { t, _ := calendar.ParseISOWeek(w); return t }
	bestFrom, bestLen, from, n := 0, 0, 0, 0
	for i := range missing {
		if i > 0 && calendar.Days(monday(missing[i-1]), monday(missing[i])) == 7 {
			n++
		} else {
			from, n = i, 1
		}
		if n > bestLen {
			bestFrom, bestLen = from, n
		}
	}
	first, last := monday(missing[bestFrom]), monday(missing[bestFrom+bestLen-1]).AddDate(0, 0, 6)
	run := fmt.Sprintf("%s to %s (%s to %s, %d weeks)", missing[bestFrom], missing[bestFrom+bestLen-1], date(first), date(last), bestLen)
	if bestLen == 1 {
		run = fmt.Sprintf("%s (%s to %s)", missing[bestFrom], date(first), date(last))
	}
	x.Report(x.File(layout.KindIntake), nil, "the weekly activity tracker had no entry for %d of the %d complete week(s) of the job search; the longest gap: %s; and %s: the job search is over, and the weeks were not logged",
		len(missing), weeks, run, span.Ended)
}
