package calendar

import (
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
)

// The agreed contact schedule (iep.yaml contact_schedule): the days it
// names and how they are said. 000 asks the case manager to "set regular
// schedule for communicating and meeting" at the intake meeting and to
// "plan weekly meetings or check-ins"; 003 to develop "a scheduling
// matrix to plan dates for participant contact" with people unavailable
// during daytime hours. The tickler (pkg/casestate) asks for the next
// contact on NextAgreed, or earlier when the program's interval falls
// first; validate warns of a schedule whose ScheduleShortestGap is longer
// than that interval.

// ContactIntervalSetting is the program setting that spaces the contacts
// of a program of kind: checkin_interval_days for work security's weekly
// check-ins (000), contact_interval_days for WIOA (002) and
// post-employment (003); "" for an unknown kind.
func ContactIntervalSetting(kind string) string {
	switch kind {
	case record.ProgramWorkSecurity:
		return record.SettingCheckinIntervalDays
	case record.ProgramWIOA, record.ProgramPostEmployment:
		return record.SettingContactIntervalDays
	}
	return ""
}

// Weekdays are the days of the week as records and commands name them,
// Monday first (ISO 8601): "monday" ... "sunday". The iep schema's
// contact_schedule.day lists the same names (a test keeps them in step).
var Weekdays = func() []string {
	var out []string
	for i := range 7 {
		out = append(out, strings.ToLower(time.Weekday((i+1)%7).String()))
	}
	return out
}()

// Weekday reads a day of the week named as Weekdays names it, in any
// case ("Tuesday" is tuesday); ok is false for anything else.
func Weekday(name string) (time.Weekday, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for i := range 7 {
		if d := time.Weekday(i); strings.ToLower(d.String()) == name {
			return d, true
		}
	}
	return 0, false
}

// ScheduleShortestGap is the fewest days schedule s can leave between two
// agreed days: 7 for a weekly one, 14 for a fortnightly one, 28 for a
// monthly one (February's); 0 for a schedule whose every is unknown. A
// program whose interval is shorter cannot be kept by the schedule.
func ScheduleShortestGap(s record.ContactSchedule) int {
	switch s.Every {
	case record.EveryWeek:
		return 7
	case record.EveryFortnight:
		return 14
	case record.EveryMonth:
		return 28
	}
	return 0
}

// NextAgreed returns the first day schedule s names that comes after the
// day after — the last contact, or the opening before any — and after the
// day the schedule was agreed (an agreement names no day before it, and
// the day it was made, when the two spoke, is not the next contact). A
// fortnightly schedule's days are its weekday every other week from the
// agreed day; a monthly schedule's day is the month's last when the month
// is shorter. ok is false when s names no day: an unknown every or day, a
// day of month out of 1..31, or a fortnightly schedule without a valid
// agreed date.
func NextAgreed(s record.ContactSchedule, after time.Time) (time.Time, bool) {
	from := after
	agreed, known := s.Agreed.Time()
	if known && agreed.After(from) {
		from = agreed
	}
	from = Day(from).AddDate(0, 0, 1)
	switch s.Every {
	case record.EveryWeek:
		wd, ok := Weekday(s.Day)
		if !ok {
			return time.Time{}, false
		}
		return onWeekday(from, wd), true
	case record.EveryFortnight:
		wd, ok := Weekday(s.Day)
		if !ok || !known {
			return time.Time{}, false
		}
		first := onWeekday(Day(agreed), wd)
		if !first.Before(from) {
			return first, true
		}
		fortnights := (Days(first, from) + 13) / 14
		return first.AddDate(0, 0, 14*fortnights), true
	case record.EveryMonth:
		if s.DayOfMonth < 1 || s.DayOfMonth > 31 {
			return time.Time{}, false
		}
		d := dayOfMonth(from.Year(), from.Month(), s.DayOfMonth)
		if d.Before(from) {
			d = dayOfMonth(from.Year(), from.Month()+1, s.DayOfMonth)
		}
		return d, true
	}
	return time.Time{}, false
}

// onWeekday is the first day on or after t that is a wd.
func onWeekday(t time.Time, wd time.Weekday) time.Time {
	return t.AddDate(0, 0, (int(wd)-int(t.Weekday())+7)%7)
}

// dayOfMonth is day n of the month, or the month's last day when it has
// fewer.
func dayOfMonth(year int, month time.Month, n int) time.Time {
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, min(n, first.AddDate(0, 1, -1).Day())-1)
}

// ScheduleWords says what schedule s agrees, as the tickler, case show
// and iep show put it: "Tuesdays 18:00 by phone", "every other Tuesday",
// "the 15th of each month in person".
func ScheduleWords(s record.ContactSchedule) string {
	var w string
	day := s.Day
	if d, ok := Weekday(s.Day); ok {
		day = d.String()
	}
	switch s.Every {
	case record.EveryWeek:
		w = day + "s"
	case record.EveryFortnight:
		w = "every other " + day
	case record.EveryMonth:
		w = "the " + Ordinal(s.DayOfMonth) + " of each month"
	default:
		w = s.Every
	}
	if s.Time != "" {
		w += " " + s.Time
	}
	switch s.Mode {
	case "":
	case "in-person":
		w += " in person"
	case "home-visit":
		w += " on a home visit"
	case "job-site":
		w += " at the job site"
	default:
		w += " by " + s.Mode
	}
	return w
}

// Ordinal writes 1 as "1st", 2 as "2nd", 11 as "11th", 22 as "22nd".
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
