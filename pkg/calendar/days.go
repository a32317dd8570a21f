// Package calendar is the programs' calendar (DESIGN.md §7): day
// arithmetic, ISO weeks and quarters, the periods each program runs by,
// and what counts as a contact or a service. Validation rules, the case
// state, the tickler, the reports and the write commands all ask it, so
// they never count a day, a week or a quarter differently.
//
// Every time here is a date at midnight UTC, as record.Date.Time gives.
package calendar

import (
	"regexp"
	"strconv"
	"time"
)

// Days counts whole days from a to b: negative when b is before a.
func Days(a, b time.Time) int {
	return int(b.Sub(a).Hours() / 24)
}

// Day returns t's calendar date at midnight UTC.
func Day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// AddMonths adds n calendar months to t, keeping the day of the month or,
// when the month is shorter, its last day: 2026-08-31 plus 6 months is
// 2027-02-28 (time.AddDate would give 2027-03-03).
func AddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, t.Location())
}

// MondayOf returns the Monday of t's ISO week.
func MondayOf(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// ISOWeek names the ISO 8601 week of t, e.g. 2026-W09.
func ISOWeek(t time.Time) string {
	y, w := t.ISOWeek()
	if w < 10 {
		return strconv.Itoa(y) + "-W0" + strconv.Itoa(w)
	}
	return strconv.Itoa(y) + "-W" + strconv.Itoa(w)
}

var isoWeekRE = regexp.MustCompile(`^([0-9]{4})-W([0-9]{2})$`)

// ParseISOWeek reads an ISO week written as 2026-W09 and returns its
// Monday. ok is false for anything else, including a week 53 in a year
// that has only 52. It is the one reader of week names: an activity file's
// name, its week field and a command's --week all go through it.
func ParseISOWeek(week string) (monday time.Time, ok bool) {
	m := isoWeekRE.FindStringSubmatch(week)
	if m == nil {
		return time.Time{}, false
	}
	year, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	// ISO week 1 is the week with January 4th in it.
	jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
	monday = MondayOf(jan4).AddDate(0, 0, 7*(n-1))
	if n < 1 || ISOWeek(monday) != week {
		return time.Time{}, false
	}
	return monday, true
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
