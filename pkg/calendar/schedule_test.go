package calendar

import (
	"slices"
	"testing"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

func TestWeekdays(t *testing.T) {
	want := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	if !slices.Equal(Weekdays, want) {
		t.Fatalf("Weekdays = %v, want %v", Weekdays, want)
	}
	if d, ok := Weekday("Tuesday"); !ok || d.String() != "Tuesday" {
		t.Errorf("Weekday(Tuesday) = %v, %v", d, ok)
	}
	if _, ok := Weekday("tues"); ok {
		t.Error("Weekday(tues) reads as a day")
	}
}

func TestNextAgreed(t *testing.T) {
	for _, tt := range []struct {
		s           record.ContactSchedule
		after, want string // want "" when the schedule names no day
	}{
		// 2026-03-12 is a Thursday, 2026-03-17 a Tuesday.
		{record.ContactSchedule{Every: "weekly", Day: "tuesday", Agreed: "2026-03-02"}, "2026-03-12", "2026-03-17"},
		{record.ContactSchedule{Every: "weekly", Day: "tuesday", Agreed: "2026-03-02"}, "2026-03-17", "2026-03-24"},
		// Not before the day it was agreed, nor on it.
		{record.ContactSchedule{Every: "weekly", Day: "tuesday", Agreed: "2026-03-17"}, "2026-03-12", "2026-03-24"},
		{record.ContactSchedule{Every: "weekly", Day: "tuesday"}, "2026-03-12", "2026-03-17"},
		{record.ContactSchedule{Every: "weekly", Day: "someday", Agreed: "2026-03-02"}, "2026-03-12", ""},
		// Fortnights count from the agreed day's week.
		{record.ContactSchedule{Every: "fortnightly", Day: "tuesday", Agreed: "2026-03-10"}, "2026-03-12", "2026-03-24"},
		{record.ContactSchedule{Every: "fortnightly", Day: "tuesday", Agreed: "2026-03-10"}, "2026-03-24", "2026-04-07"},
		{record.ContactSchedule{Every: "fortnightly", Day: "tuesday", Agreed: "2026-03-09"}, "2026-03-26", "2026-04-07"},
		{record.ContactSchedule{Every: "fortnightly", Day: "tuesday"}, "2026-03-12", ""},
		{record.ContactSchedule{Every: "monthly", DayOfMonth: 15, Agreed: "2026-03-02"}, "2026-03-12", "2026-03-15"},
		{record.ContactSchedule{Every: "monthly", DayOfMonth: 15, Agreed: "2026-03-02"}, "2026-03-15", "2026-04-15"},
		{record.ContactSchedule{Every: "monthly", DayOfMonth: 31, Agreed: "2026-03-02"}, "2027-01-31", "2027-02-28"},
		{record.ContactSchedule{Every: "monthly", DayOfMonth: 31, Agreed: "2026-03-02"}, "2026-04-30", "2026-05-31"},
		{record.ContactSchedule{Every: "monthly", DayOfMonth: 31, Agreed: "2026-03-02"}, "2026-12-31", "2027-01-31"},
		{record.ContactSchedule{Every: "monthly", Agreed: "2026-03-02"}, "2026-03-12", ""},
		{record.ContactSchedule{Every: "daily", Agreed: "2026-03-02"}, "2026-03-12", ""},
	} {
		after, _ := record.Date(tt.after).Time()
		got, ok := NextAgreed(tt.s, after)
		var g string
		if ok {
			g = got.Format("2006-01-02")
		}
		if g != tt.want {
			t.Errorf("NextAgreed(%+v, %s) = %q, want %q", tt.s, tt.after, g, tt.want)
		}
	}
}

func TestScheduleWords(t *testing.T) {
	for s, want := range map[record.ContactSchedule]string{
		{Every: "weekly", Day: "tuesday", Time: "18:00", Mode: "phone"}:  "Tuesdays 18:00 by phone",
		{Every: "fortnightly", Day: "friday", Mode: "in-person"}:         "every other Friday in person",
		{Every: "monthly", DayOfMonth: 22, Mode: "home-visit"}:           "the 22nd of each month on a home visit",
		{Every: "monthly", DayOfMonth: 11, Time: "07:30", Mode: "video"}: "the 11th of each month 07:30 by video",
	} {
		if got := ScheduleWords(s); got != want {
			t.Errorf("ScheduleWords(%+v) = %q, want %q", s, got, want)
		}
	}
}

// TestOrdinal is the one ordinal writer's test: the days of a monthly
// schedule, the quarters after exit and the references all ask it, and
// the teens of every hundred are "th" ("11th", "111th", never "11st").
func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd", 31: "31st", 101: "101st", 111: "111th", 112: "112th", 113: "113th", 122: "122nd"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestWeekdaysInSchema keeps the iep schema's contact_schedule.day, which
// editors complete from, in step with Weekdays, which the tickler and the
// commands read.
func TestWeekdaysInSchema(t *testing.T) {
	if got := schemas.Enum("iep", "contact_schedule", "day"); !slices.Equal(got, Weekdays) {
		t.Errorf("iep schema contact_schedule.day = %v, want calendar.Weekdays %v", got, Weekdays)
	}
}

// TestScheduleModes keeps the schedule's modes in step with the note's
// (the note schema owns them): every mode of a contact, not a letter nor
// none, which Contact never counts.
func TestScheduleModes(t *testing.T) {
	var want []string
	for _, m := range schemas.Enum("note", "mode") {
		if (Contact{}).Is(&record.Note{Kind: "contact", Mode: m, TwoWay: true}) {
			want = append(want, m)
		}
	}
	if got := schemas.Enum("iep", "contact_schedule", "mode"); !slices.Equal(got, want) {
		t.Errorf("iep schema contact_schedule.mode = %v, want the note modes that can be a contact %v", got, want)
	}
}

// TestScheduleEvery keeps the schema's contact_schedule.every in step with
// the values ScheduleShortestGap and NextAgreed know.
func TestScheduleEvery(t *testing.T) {
	for _, e := range schemas.Enum("iep", "contact_schedule", "every") {
		if ScheduleShortestGap(record.ContactSchedule{Every: e}) == 0 {
			t.Errorf("the schema's every %q is unknown to the calendar", e)
		}
	}
}

// TestWeekdaysMeant: the days of the week read as every closed list's
// did-you-mean reads them (caseid.ChoiceMeant, which iep schedule --day's
// refusal asks): a slip of a key, other capitals, or three letters or
// more that begin one day are that day; two letters, or no day, are none.
func TestWeekdaysMeant(t *testing.T) {
	for typed, want := range map[string]string{
		"tusday": "tuesday", "Tuesday": "tuesday", "tue": "tuesday", "Tues": "tuesday",
		"thu": "thursday", "thurs": "thursday", "wed": "wednesday", "SAT": "saturday",
		"mon": "monday", "fri": "friday", "sun": "sunday",
		"tu": "", "th": "", "t": "", "": "", "someday": "", "weekend": "",
	} {
		if got := caseid.ChoiceMeant(Weekdays, typed); got != want {
			t.Errorf("ChoiceMeant(Weekdays, %q) = %q, want %q", typed, got, want)
		}
	}
}
