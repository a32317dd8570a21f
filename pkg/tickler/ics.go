package tickler

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/caseplan/caseplan/pkg/atomicfile"
	"github.com/caseplan/caseplan/pkg/casestate"
)

// ProductID is the PRODID of the calendars caseplan writes.
const ProductID = "-//caseplan//caseplan due//EN"

// ReminderTrigger is when an item's reminder goes off: 15 hours before
// the start of its all-day event, which calendars place at midnight
// local time, so 9:00 on the morning before the due date — a working
// day's notice to make the call or send the form.
const ReminderTrigger = "-PT15H"

// Calendar describes the iCalendar file of a list of items.
type Calendar struct {
	Name     string            // the calendar's name, shown by calendar programs
	Stamp    time.Time         // when the file is made (DTSTAMP)
	Managers map[string]string // staff id -> name, for the events' descriptions
}

// ICS returns one all-day event per item, on its due date, each with a
// reminder (ReminderTrigger). An event's UID is derived from the item's
// case, kind, due date and record file, so a calendar that imports the
// file again, or subscribes to it, updates the events it has instead of
// adding them twice; items that share all four (two milestones of one
// plan due the same day) are told apart by their order.
func (c Calendar) ICS(items []casestate.Due) *ics.Calendar {
	cal := ics.NewCalendarFor("caseplan")
	cal.SetProductId(ProductID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	if c.Name != "" {
		cal.SetName(c.Name)
		cal.SetXWRCalName(c.Name)
	}
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
		e.SetSummary(Summary(it))
		e.SetDescription(c.description(it))
		e.AddCategory(it.Kind)
		e.SetTimeTransparency(ics.TransparencyTransparent) // a reminder, not a meeting: the day stays free
		a := e.AddAlarm()
		a.SetAction(ics.ActionDisplay)
		a.SetTrigger(ReminderTrigger)
		a.SetProperty(ics.ComponentPropertyDescription, Summary(it))
	}
	return cal
}

// Summary is an item's one-line title: "<case> <kind>: <detail>".
func Summary(it casestate.Due) string {
	return it.Case + " " + it.Kind + ": " + it.Detail
}

// UID is the stable identifier of an item's event:
// <case>-<kind>-<yyyymmdd>-<hash of the record file>@caseplan.
func UID(it casestate.Due) string {
	h := sha256.Sum256([]byte(it.Case + "\x00" + it.Kind + "\x00" + string(it.Due) + "\x00" + it.Path))
	return fmt.Sprintf("%s-%s-%s-%s@caseplan", it.Case, it.Kind, strings.ReplaceAll(string(it.Due), "-", ""), hex.EncodeToString(h[:6]))
}

func (c Calendar) description(it casestate.Due) string {
	manager := it.Manager
	if name := c.Managers[it.Manager]; name != "" {
		manager = name + " (" + it.Manager + ")"
	}
	at := it.Path
	if it.Line > 0 {
		at += fmt.Sprintf(", line %d", it.Line)
	}
	return it.Detail + "\nCase: " + it.Case + "\nManager: " + manager + "\nRecord: " + at +
		"\nSee it with: caseplan case show " + it.Case
}

// WriteFile writes a calendar to path atomically (atomicfile.WriteFile), so
// a calendar program reading the file never sees it half-written.
func WriteFile(path string, cal *ics.Calendar) error {
	var b bytes.Buffer
	// RFC 5545 lines end in CRLF, whatever the system's own line ending.
	if err := cal.SerializeTo(&b, ics.WithNewLineWindows); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, b.Bytes(), 0o644)
}
