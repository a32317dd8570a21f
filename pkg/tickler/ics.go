package tickler

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/caseplan/caseplan/pkg/atomicfile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/record"
)

// ProductID is the PRODID of the calendars caseplan writes.
const ProductID = "-//caseplan//caseplan due//EN"

// ReminderTrigger is when an item's reminder goes off: 15 hours before
// the start of its all-day event, which calendars place at midnight
// local time, so 9:00 on the morning before the due date — a working
// day's notice to make the call or send the form. An item due today or
// overdue, whose morning before has passed, is reminded at 9:00 on the
// day of the export instead (Trigger): a reminder in the past never goes
// off.
const ReminderTrigger = "-PT15H"

// Trigger returns when the reminder of it goes off, relative to the start
// of its event (the due date's midnight): ReminderTrigger for an item due
// after today, and 9:00 today — n days and 9 hours after the start of an
// item n days overdue — for the rest.
func Trigger(it casestate.Due) string {
	if it.Days > 0 {
		return ReminderTrigger
	}
	if it.Days == 0 {
		return "PT9H"
	}
	return fmt.Sprintf("P%dDT9H", -it.Days)
}

// Calendar describes the iCalendar file of a list of items.
type Calendar struct {
	Name     string            // the calendar's name, shown by calendar programs
	Stamp    time.Time         // when the file is made (DTSTAMP)
	Managers map[string]string // staff id -> name, for the events' descriptions
	Retired  map[string]bool   // staff ids retired from the roster (active: false), so named in the descriptions
	// Withhold, when set, passes the record text of each event (its
	// item's Detail) through the store's leak guard: a calendar file
	// leaves the store — subscribed to by a calendar service, shown on
	// a phone's lock screen by its reminder — so what the guard says
	// belongs in the sealed fields (a date of birth, a health or
	// criminal-record term) is withheld there as the case file
	// withholds it, and an SSN-shaped number masked.
	Withhold func(string) (string, int)
}

// ICS returns one all-day event per item, on its due date, each with a
// reminder (Trigger). An event's UID names the item's case, kind and what
// it is about (casestate.Due.Item: the milestone, the action item, ...),
// never its due date, so a calendar that imports the file again, or
// subscribes to it, moves an event whose date moved instead of keeping a
// stale one beside a new one; items that share all three are told apart
// by their order.
//
// The file is a replace-all feed: it holds everything due now, and an item
// done, or no longer due, is simply not in the next one. A calendar that
// subscribes to the file (or a person who deletes the imported calendar
// before importing the new file) sees it go; the refresh hints say to
// fetch it hourly.
func (c Calendar) ICS(items []casestate.Due) *ics.Calendar {
	cal := ics.NewCalendarFor("caseplan")
	cal.SetProductId(ProductID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	if c.Name != "" {
		cal.SetName(text(c.Name))
		cal.SetXWRCalName(text(c.Name))
	}
	cal.SetRefreshInterval("PT1H")
	cal.SetXPublishedTTL("PT1H")
	seen := map[string]int{}
	for _, it := range items {
		start, ok := it.Due.Time()
		if !ok {
			continue
		}
		uid := UID(it)
		seen[uid]++
		if n := seen[uid]; n > 1 {
			uid = strings.TrimSuffix(uid, "@caseplan") + fmt.Sprintf("-%d@caseplan", n)
		}
		e := cal.AddEvent(uid)
		e.SetDtStampTime(c.Stamp)
		e.SetAllDayStartAt(start)
		e.SetAllDayEndAt(start.AddDate(0, 0, 1))
		if c.Withhold != nil {
			it.Detail, _ = c.Withhold(it.Detail)
		}
		e.SetSummary(text(Summary(it)))
		e.SetDescription(text(c.description(it)))
		e.AddCategory(it.Kind)
		e.SetTimeTransparency(ics.TransparencyTransparent) // a reminder, not a meeting: the day stays free
		a := e.AddAlarm()
		a.SetAction(ics.ActionDisplay)
		a.SetTrigger(Trigger(it))
		a.SetProperty(ics.ComponentPropertyDescription, text(Summary(it)))
	}
	return cal
}

// Summary is an item's one-line title: "<case> <kind>: <detail>", the
// detail without the command that records the item, which the event's
// description keeps: a calendar shows a title on one line, and the
// command (every tickler item ends with one, whole) is what is done on
// the day, not what the day is for.
func Summary(it casestate.Due) string {
	return it.Case + " " + it.Kind + ": " + withoutCommand(it.Detail)
}

// withoutCommand is an item's detail up to the clause that names the
// first caseplan command: the detail cut at the last "; " before it
// ("...: Send the form; once done, record it with caseplan action done
// ..." is "...: Send the form"). A detail naming no command, or naming one
// before any "; ", is whole.
func withoutCommand(detail string) string {
	i := strings.Index(detail, "caseplan ")
	if i < 0 {
		return detail
	}
	if j := strings.LastIndex(detail[:i], "; "); j > 0 {
		return detail[:j]
	}
	return detail
}

// UID is the stable identifier of an item's event: <case>-<kind>@caseplan
// for the kinds a case has one of at a time (its next contact), else
// <case>-<kind>-<hash of the item>@caseplan. Neither the due date nor the
// line of the record is in it: both move while the item stays the same.
func UID(it casestate.Due) string {
	if it.Item == "" {
		return fmt.Sprintf("%s-%s@caseplan", it.Case, it.Kind)
	}
	h := sha256.Sum256([]byte(it.Case + "\x00" + it.Kind + "\x00" + it.Item))
	return fmt.Sprintf("%s-%s-%s@caseplan", it.Case, it.Kind, hex.EncodeToString(h[:6]))
}

// text makes a record's text fit an iCalendar TEXT value (RFC 5545,
// 3.3.11), which allows no control character but the line breaks it
// escapes as \n: a CR LF or a bare CR is a line break, and any other
// control character is shown escaped (display.EscapeText) rather than
// written raw. The library escapes the rest (backslash, ; , and LF).
func text(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return display.EscapeText(s)
}

func (c Calendar) description(it casestate.Due) string {
	manager := record.NameWithID(c.Managers[it.Manager], it.Manager, c.Retired[it.Manager])
	at := it.Path
	if it.Line > 0 {
		at += fmt.Sprintf(", line %d", it.Line)
	}
	return it.Detail + "\nCase: " + it.Case + "\nManager: " + manager + "\nRecord: " + at +
		"\nSee it with: caseplan case show " + it.Case
}

// WriteFile writes a calendar to path atomically (atomicfile.WriteOutput),
// so a calendar program reading the file never sees it half-written; a
// path that is no regular file (/dev/stdout, a named pipe) is written
// into, not replaced.
func WriteFile(path string, cal *ics.Calendar) error {
	var b bytes.Buffer
	if err := Write(&b, cal); err != nil {
		return err
	}
	return atomicfile.WriteOutput(path, b.Bytes(), 0o644)
}

// Write writes a calendar to w, with the CR LF line ends RFC 5545 asks
// for whatever the system's own.
func Write(w io.Writer, cal *ics.Calendar) error {
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}
