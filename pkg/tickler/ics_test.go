package tickler

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/caseplan/caseplan/pkg/casestate"
)

// writeAndParse writes items to an .ics file and reads it back with the
// same library, as a calendar program would.
func writeAndParse(t *testing.T, path string, items []casestate.Due, stamp time.Time) (*ics.Calendar, []byte) {
	t.Helper()
	c := Calendar{Name: "caseplan: due for mrivera", Stamp: stamp, Managers: map[string]string{"mrivera": "Maria Rivera", "dpatel": "Dev Patel"}}
	if err := WriteFile(path, c.ICS(items)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the library cannot read the file back: %v", err)
	}
	return cal, data
}

func prop(c *ics.ComponentBase, p ics.ComponentProperty) string {
	if v := c.GetProperty(p); v != nil {
		return v.Value // the parser has unescaped TEXT values
	}
	return ""
}

func TestICSReadBack(t *testing.T) {
	snap := load(t, fixture)
	items := Items(snap, Query{Today: on("2026-03-16"), Through: on("2026-04-30")})
	if len(items) < 8 {
		t.Fatalf("fixture gives %d items; the test needs the closed case's follow-up and two milestones due the same day", len(items))
	}
	path := filepath.Join(t.TempDir(), "due.ics")
	stamp := time.Date(2026, 3, 16, 8, 30, 0, 0, time.UTC)
	cal, data := writeAndParse(t, path, items, stamp)

	// RFC 5545: CRLF line ends, lines of at most 75 octets.
	for i, l := range strings.SplitAfter(string(data), "\n") {
		if l == "" {
			continue
		}
		if !strings.HasSuffix(l, "\r\n") {
			t.Fatalf("line %d does not end in CRLF: %q", i+1, l)
		}
		if len(l)-2 > 75 {
			t.Errorf("line %d is %d octets long: %q", i+1, len(l)-2, l)
		}
	}
	var prodID string
	for _, p := range cal.CalendarProperties {
		if p.IANAToken == string(ics.PropertyProductId) {
			prodID = p.Value
		}
	}
	if prodID != ProductID {
		t.Errorf("PRODID %q, want %q", prodID, ProductID)
	}

	events := cal.Events()
	if len(events) != len(items) {
		t.Fatalf("%d events, want one per item: %d", len(events), len(items))
	}
	uids := map[string]bool{}
	for i, e := range events {
		it := items[i]
		uid := e.Id()
		if uids[uid] {
			t.Errorf("event %d: UID %s used twice", i, uid)
		}
		uids[uid] = true
		if !strings.HasPrefix(uid, strings.TrimSuffix(UID(it), "@caseplan")) || !strings.HasSuffix(uid, "@caseplan") || strings.Contains(uid, strings.ReplaceAll(string(it.Due), "-", "")) {
			t.Errorf("event %d: UID %s does not name %s %s, or names its due date", i, uid, it.Case, it.Kind)
		}
		start, err := e.GetAllDayStartAt()
		if err != nil || start.Format(time.DateOnly) != string(it.Due) {
			t.Errorf("event %d: starts %v (%v), want the all-day date %s", i, start, err, it.Due)
		}
		if p := e.GetProperty(ics.ComponentPropertyDtStart); p == nil || len(p.ICalParameters["VALUE"]) != 1 || p.ICalParameters["VALUE"][0] != "DATE" {
			t.Errorf("event %d: DTSTART is not VALUE=DATE", i)
		}
		end, err := e.GetAllDayEndAt()
		if err != nil || !end.Equal(start.AddDate(0, 0, 1)) {
			t.Errorf("event %d: ends %v (%v), want the day after it starts", i, end, err)
		}
		// The title is the detail without its command
		// (TestICSSummaryLeavesTheCommand), which the description keeps.
		if got, want := prop(&e.ComponentBase, ics.ComponentPropertySummary), it.Case+" "+it.Kind+": "+withoutCommand(it.Detail); got != want || strings.Contains(got, "caseplan ") {
			t.Errorf("event %d: summary %q, want %q", i, got, want)
		}
		desc := prop(&e.ComponentBase, ics.ComponentPropertyDescription)
		manager := map[string]string{"mrivera": "Maria Rivera (mrivera)", "dpatel": "Dev Patel (dpatel)"}[it.Manager]
		if !strings.Contains(desc, "\nManager: "+manager+"\n") || !strings.Contains(desc, "\nRecord: "+it.Path) {
			t.Errorf("event %d: description %q does not name the manager %s and the record %s", i, desc, manager, it.Path)
		}
		if got, err := e.GetDtStampTime(); err != nil || !got.Equal(stamp) {
			t.Errorf("event %d: DTSTAMP %v (%v), want %v", i, got, err, stamp)
		}
		alarms := e.Alarms()
		if len(alarms) != 1 {
			t.Fatalf("event %d: %d alarms, want 1", i, len(alarms))
		}
		a := &alarms[0].ComponentBase
		if prop(a, ics.ComponentPropertyAction) != "DISPLAY" || prop(a, ics.ComponentPropertyTrigger) != Trigger(it) || prop(a, ics.ComponentPropertyDescription) != Summary(it) {
			t.Errorf("event %d: alarm ACTION %q TRIGGER %q DESCRIPTION %q", i, prop(a, ics.ComponentPropertyAction), prop(a, ics.ComponentPropertyTrigger), prop(a, ics.ComponentPropertyDescription))
		}
	}

	// Exported again another day, with one item done: the same items keep
	// their UIDs, so a calendar updates them rather than adding them again.
	again, _ := writeAndParse(t, path, items[1:], stamp.Add(24*time.Hour))
	for i, e := range again.Events() {
		if got, want := e.Id(), events[i+1].Id(); got != want {
			t.Errorf("re-export: event %d has UID %s, was %s", i, got, want)
		}
	}
	// Written atomically: no temporary file is left beside it.
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("the directory holds %d files after two writes, want only due.ics", len(entries))
	}
}

// Two milestones of one plan due the same day share case, kind, date and
// file, and are told apart by their IDs; two items alike in every way
// still get UIDs of their own.
func TestUIDsOfItemsThatShareAFile(t *testing.T) {
	items := []casestate.Due{
		{Case: "A1", Kind: "milestone", Item: "M1", Due: "2026-04-01", Path: "cases/A1/iep.yaml", Line: 7, Detail: "milestone M1"},
		{Case: "A1", Kind: "milestone", Item: "M2", Due: "2026-04-01", Path: "cases/A1/iep.yaml", Line: 10, Detail: "milestone M2"},
		{Case: "A1", Kind: "period-end", Due: "2026-04-02", Path: "cases/A1/intake.yaml", Line: 13, Detail: "the period ends"},
		{Case: "A1", Kind: "period-end", Due: "2026-04-02", Path: "cases/A1/intake.yaml", Line: 13, Detail: "the period ends"},
	}
	evs := Calendar{}.ICS(items).Events()
	if len(evs) != 4 || evs[0].Id() == evs[1].Id() || evs[0].Id() != UID(items[0]) || evs[1].Id() != UID(items[1]) || evs[2].Id() != UID(items[2]) || evs[3].Id() != "A1-period-end-2@caseplan" {
		var ids []string
		for _, e := range evs {
			ids = append(ids, e.Id())
		}
		t.Errorf("UIDs %v", ids)
	}
}

func TestWriteFileFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(filepath.Join(dir, "no-such-dir", "due.ics"), Calendar{}.ICS(nil)); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
	target := filepath.Join(dir, "taken")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, Calendar{}.ICS(nil)); err == nil {
		t.Error("writing over a directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a failed write left %d entries, want only the directory", len(entries))
	}
}

// Nothing due still writes a calendar, so a subscribed calendar drops the
// events it had.
func TestICSOfNothing(t *testing.T) {
	cal, _ := writeAndParse(t, filepath.Join(t.TempDir(), "due.ics"), nil, time.Now())
	if n := len(cal.Events()); n != 0 {
		t.Errorf("%d events, want none", n)
	}
}

// TestICSWithholds: a calendar's events pass their record text through
// Withhold — in the title, the description and the reminder — and keep
// the item's identity (UID), which is not text of the records.
func TestICSWithholds(t *testing.T) {
	it := casestate.Due{Case: "A1", Kind: "action", Item: "2026-03-16-ab12#1", Due: "2026-04-01", Path: "cases/A1/notes/2026-03-16-ab12.yaml", Detail: "Ask about Kestrelvane clinic"}
	withhold := func(s string) (string, int) {
		return strings.ReplaceAll(s, "Kestrelvane", "[withheld: pii-term]"), 1
	}
	cal := Calendar{Name: "caseplan: due", Stamp: time.Now(), Withhold: withhold}.ICS([]casestate.Due{it})
	var b bytes.Buffer
	if err := Write(&b, cal); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Kestrelvane") {
		t.Errorf("the calendar holds the withheld text:\n%s", b.String())
	}
	back, err := ics.ParseCalendar(&b)
	if err != nil {
		t.Fatal(err)
	}
	e := back.Events()[0]
	if got, want := prop(&e.ComponentBase, ics.ComponentPropertySummary), "A1 action: Ask about [withheld: pii-term] clinic"; got != want {
		t.Errorf("SUMMARY = %q, want %q", got, want)
	}
	if got := prop(&e.ComponentBase, ics.ComponentPropertyUniqueId); got != UID(it) {
		t.Errorf("UID = %q, want %q (the item's, unchanged)", got, UID(it))
	}
}

// An event's title is what the day is for, without the command that
// records it (every item's detail ends with one); the description keeps
// the detail whole, command included.
func TestICSSummaryLeavesTheCommand(t *testing.T) {
	items := []casestate.Due{
		{Case: "W-001", Kind: "action", Due: "2026-03-20", Item: "n#1", Detail: "action n#1 (manager): Send the form; call the employer; once done, record it with caseplan action done W-001 n#1 (dropped: caseplan action drop W-001 n#1 --reason TEXT)"},
		{Case: "W-002", Kind: "contact", Due: "2026-03-21", Detail: "first contact: within 10 days of opening; record it with caseplan note add W-002 --kind contact --mode MODE --two-way --service CODE --content TEXT"},
		{Case: "W-003", Kind: "period-end", Due: "2026-03-22", Detail: "the work security period ends"},
	}
	cal, _ := writeAndParse(t, filepath.Join(t.TempDir(), "due.ics"), items, time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC))
	want := map[string]string{
		"W-001": "W-001 action: action n#1 (manager): Send the form; call the employer",
		"W-002": "W-002 contact: first contact: within 10 days of opening",
		"W-003": "W-003 period-end: the work security period ends",
	}
	for _, e := range cal.Events() {
		sum := prop(&e.ComponentBase, ics.ComponentPropertySummary)
		id := strings.Fields(sum)[0]
		if sum != want[id] {
			t.Errorf("SUMMARY %q, want %q", sum, want[id])
		}
		if desc := prop(&e.ComponentBase, ics.ComponentPropertyDescription); id != "W-003" && !strings.Contains(desc, "caseplan ") {
			t.Errorf("%s: the description lost the command: %q", id, desc)
		}
	}
}
