package main

import (
	"fmt"
	"sort"
	"time"
)

// A story is one case's history as its case manager would tell it, day by
// day in date order. The office's own steps (the store settings, a new
// member of staff) are stories without a case.
type story struct {
	caseID string // "" for the office's own steps
	days   []day
}

// A day is what one member of staff did on one date, step by step.
type day struct {
	date  string // YYYY-MM-DD
	staff string // staff ID, a key of authors
	steps []step
}

// on is the day date on which staff did steps, in order.
func on(date, staff string, steps ...step) day {
	return day{date: date, staff: staff, steps: steps}
}

// A step is one thing done in the store on a day: a caseplan command, or a
// hand edit that a later commit step of the same case commits that day.
type step interface {
	do(r *replayer, caseID string) error
}

// scheduled is a step with its place in the history.
type scheduled struct {
	date   string
	staff  string
	caseID string
	step   step
}

// schedule lays the stories' steps out in the order they happen: by date,
// and on one date in the order they were written (an earlier story's steps
// first), so the history interleaves the cases as a real office's would.
// It checks that every story is told in date order by known staff.
func schedule(stories []story) ([]scheduled, error) {
	var out []scheduled
	for _, s := range stories {
		last := ""
		for _, d := range s.days {
			if _, err := time.Parse(time.DateOnly, d.date); err != nil {
				return nil, fmt.Errorf("story %s: day %q is not a date (YYYY-MM-DD)", s.name(), d.date)
			}
			if d.date < last {
				return nil, fmt.Errorf("story %s: %s comes after %s; tell a story in date order", s.name(), d.date, last)
			}
			last = d.date
			if _, ok := authors[d.staff]; !ok {
				return nil, fmt.Errorf("story %s, %s: unknown staff %q (see authors)", s.name(), d.date, d.staff)
			}
			for _, st := range d.steps {
				out = append(out, scheduled{date: d.date, staff: d.staff, caseID: s.caseID, step: st})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].date < out[j].date })
	return out, nil
}

func (s story) name() string {
	if s.caseID == "" {
		return "of the office"
	}
	return s.caseID
}
