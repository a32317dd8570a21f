package casework

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// SetContactSchedule sets, changes or clears the schedule for contact
// agreed with the participant (iep.yaml contact_schedule): 000 asks at the
// intake meeting to "set regular schedule for communicating and meeting",
// 003 for "a scheduling matrix to plan dates for participant contact".
// A nil field is left as it is; an empty Time, Mode or Note removes it.
// A schedule whose days change is agreed anew: Agreed, when not given, is
// today. A change of its time, mode or note alone keeps the days as they
// were agreed, and so the day they were agreed: a fortnightly schedule
// counts its fortnights from it, and moving the call to 19:00 must not
// move it to the other week. A closed case agrees no schedule: the
// tickler asks for no contact on it (it may still be cleared).
type SetContactSchedule struct {
	Case   string
	Every  *string
	Day    *string // a day of the week (weekly, fortnightly) or of the month (monthly)
	Time   *string
	Mode   *string
	Note   *string
	Agreed *record.Date
	Clear  bool
}

// scheduleKey is the schedule's place in iep.yaml.
const scheduleKey = "contact_schedule"

// Build returns the change that writes the schedule, or takes it out.
func (a SetContactSchedule) Build(s *State) (*Change, error) {
	p, err := openPlan(s, a.Case)
	if err != nil {
		return nil, err
	}
	old := p.plan.ContactSchedule
	if !a.Clear {
		if err := closedCase(p.c, "a contact schedule is agreed while the case is open", "agree the schedule"); err != nil {
			return nil, err
		}
	}
	if a.Clear {
		if old == nil {
			return nil, inputErrorf("agree one with caseplan iep schedule "+p.c.ID+" --every weekly --day DAY", "the plan of case %s has no contact schedule to clear", p.c.ID)
		}
		return p.change("iep.schedule", "clear the contact schedule ("+calendar.ScheduleWords(*old)+")", "", deleteKey([]string{scheduleKey}))
	}
	sched := record.ContactSchedule{}
	if old != nil {
		sched = *old
	}
	if a.Every != nil {
		sched.Every = strings.TrimSpace(*a.Every)
	}
	if sched.Every == "" {
		return nil, inputErrorf("give --every "+strings.Join(schemas.Enum("iep", scheduleKey, "every"), "|")+" and --day", "the plan of case %s has no contact schedule yet: say how often", p.c.ID)
	}
	if err := checkPlanChoice("--every", &sched.Every, schemas.Enum("iep", scheduleKey, "every")...); err != nil {
		return nil, err
	}
	// The day: a weekday for a weekly or fortnightly schedule, a day of
	// the month for a monthly one; switching between them needs a new day.
	monthly := sched.Every == record.EveryMonth
	switch {
	case a.Day != nil && monthly:
		n, err := strconv.Atoi(strings.TrimSpace(*a.Day))
		if err != nil || n < 1 || n > 31 {
			return nil, inputErrorf("a monthly schedule names a day of the month, 1 to 31 (a shorter month's last day stands for 29 to 31): --day 15", "--day %q is not a day of the month", *a.Day)
		}
		sched.Day, sched.DayOfMonth = "", n
	case a.Day != nil:
		day, ok := caseid.Choice(calendar.Weekdays, *a.Day)
		if !ok {
			hint := "a " + sched.Every + " schedule names a day of the week: " + strings.Join(calendar.Weekdays, ", ")
			if meant := caseid.ChoiceMeant(calendar.Weekdays, *a.Day); meant != "" {
				hint = "did you mean --day " + meant + "? " + hint
			}
			return nil, inputErrorf(hint, "--day %q is not a day of the week", *a.Day)
		}
		sched.Day, sched.DayOfMonth = day, 0
	case monthly && sched.DayOfMonth == 0:
		return nil, inputErrorf("give --day 1 to 31", "a monthly schedule needs the day of the month it falls on")
	case !monthly && sched.Day == "":
		return nil, inputErrorf("give --day "+strings.Join(calendar.Weekdays, "|"), "a %s schedule needs the day of the week it falls on", sched.Every)
	}
	if monthly {
		sched.Day = ""
	} else {
		sched.DayOfMonth = 0
	}
	if a.Time != nil {
		sched.Time = strings.TrimSpace(*a.Time)
		if sched.Time != "" && !validTime(sched.Time) {
			hint := "write the agreed time 24-hour, HH:MM: --time 18:00 for 6 in the evening"
			if t, ok := twelveHour(sched.Time); ok {
				hint = "did you mean --time " + t + "? " + hint
			}
			return nil, inputErrorf(hint, "--time %q is not a time of day", *a.Time)
		}
	}
	if a.Mode != nil {
		sched.Mode = strings.TrimSpace(*a.Mode)
		if modes := schemas.Enum("iep", scheduleKey, "mode"); sched.Mode != "" {
			m, ok := caseid.Choice(modes, sched.Mode)
			if !ok {
				hint := "use one of " + strings.Join(modes, ", ") + " (a letter is no exchange, so no contact: 002)"
				if meant := caseid.ChoiceMeant(modes, sched.Mode); meant != "" {
					hint = "did you mean --mode " + meant + "? " + hint
				}
				return nil, inputErrorf(hint, "--mode %q is not a way to make a contact", sched.Mode)
			}
			sched.Mode = m
		}
	}
	if a.Note != nil {
		sched.Note = strings.TrimSpace(*a.Note)
	}
	// The day agreed is --agreed, else today, checked alike (an agreement
	// dated before the case opened is no agreement of the case's); days
	// kept as they were keep the day they were agreed, already checked.
	agreed, flag := date(s.Today), "--today"
	if a.Agreed != nil {
		agreed, flag = *a.Agreed, "--agreed"
	}
	if a.Agreed == nil && old != nil && old.Every == sched.Every && old.Day == sched.Day && old.DayOfMonth == sched.DayOfMonth && old.Agreed != "" {
		agreed = old.Agreed
	} else if err := p.checkDoneDate("agreed date", flag, agreed); err != nil {
		return nil, err
	}
	sched.Agreed = agreed
	if old != nil && *old == sched {
		return nil, inputErrorf("caseplan iep show "+p.c.ID+" shows the plan", "nothing changes: the plan of case %s already agrees %s", p.c.ID, calendar.ScheduleWords(sched))
	}
	verb := "agree"
	if old != nil {
		verb = "change"
	}
	return p.change("iep.schedule", verb+" the contact schedule: "+calendar.ScheduleWords(sched), "", scheduleEdits(old, sched)...)
}

// scheduleEdits are the edits that make the plan's schedule old into
// sched. A new schedule is written whole; a change is made field by
// field, in place, so what a person wrote inside the block by hand — a
// comment on the time: line, one above mode: — stays (DESIGN §2: only
// the lines it must).
func scheduleEdits(old *record.ContactSchedule, sched record.ContactSchedule) []Edit {
	if old == nil {
		return []Edit{planSet([]string{scheduleKey}, sched)}
	}
	var edits []Edit
	field := func(key string, was, now any, gone bool) {
		switch at := []string{scheduleKey, key}; {
		case was == now:
		case gone:
			edits = append(edits, deleteKey(at))
		default:
			edits = append(edits, planSet(at, now))
		}
	}
	field("every", old.Every, sched.Every, sched.Every == "")
	field("day", old.Day, sched.Day, sched.Day == "")
	field("day_of_month", old.DayOfMonth, sched.DayOfMonth, sched.DayOfMonth == 0)
	field("time", old.Time, sched.Time, sched.Time == "")
	field("mode", old.Mode, sched.Mode, sched.Mode == "")
	field("agreed", old.Agreed, sched.Agreed, sched.Agreed == "")
	field("note", old.Note, sched.Note, sched.Note == "")
	return edits
}

// validTime reports whether t is a 24-hour HH:MM time of day, as the
// schema's contact_schedule.time asks.
func validTime(t string) bool {
	h, m, ok := strings.Cut(t, ":")
	if !ok || len(h) != 2 || len(m) != 2 {
		return false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	return err1 == nil && err2 == nil && hh >= 0 && hh < 24 && mm >= 0 && mm < 60
}

// twelveHour reads a clear 12-hour time ("7pm", "7 pm", "7:30pm", "12am",
// "12:15 PM", "7 p.m.") and returns it 24-hour, as validTime asks
// ("19:00", "19:30", "00:00", "00:15"); ok is false for anything else. It
// only makes the hint of a refusal: a time is recorded as it is typed, so
// the 24-hour one is still the user's to type.
func twelveHour(t string) (string, bool) {
	s := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(t), ".", ""))
	var pm bool
	switch {
	case strings.HasSuffix(s, "pm"):
		pm = true
	case strings.HasSuffix(s, "am"):
	default:
		return "", false
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "pm"), "am"))
	h, m, hasMin := strings.Cut(s, ":")
	if !hasMin {
		m = "00"
	}
	digits := func(s string) bool { return strings.Trim(s, "0123456789") == "" }
	if len(h) < 1 || len(h) > 2 || len(m) != 2 || !digits(h) || !digits(m) {
		return "", false
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	if hh < 1 || hh > 12 || mm > 59 {
		return "", false
	}
	hh %= 12
	if pm {
		hh += 12
	}
	return fmt.Sprintf("%02d:%02d", hh, mm), true
}
