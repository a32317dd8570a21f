package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

func parseICS(t *testing.T, data []byte) map[string]*ics.VEvent {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not an iCalendar file: %v", err)
	}
	out := map[string]*ics.VEvent{}
	for _, e := range cal.Events() {
		sum := e.GetProperty(ics.ComponentPropertySummary).Value
		out[sum[:strings.Index(sum, ":")]] = e // "W-1 contact"
	}
	return out
}

// TestICSUpdatesInPlace is issue 15's item 8: exported again after a
// contact moved the next one, the contact's event keeps its UID with a new
// date, so a calendar moves it rather than keeping a stale one; an
// overdue item is reminded on the day of the export; --ics - is stdout;
// and a bare CR typed into an action item is not written raw (issue 9,
// item 12).
func TestICSUpdatesInPlace(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	run := func(args ...string) string {
		t.Helper()
		code, out, stderr := runCaseplan(t, dir, env, args...)
		if code != 0 {
			t.Fatalf("caseplan %v: exit %d: %s", args, code, stderr)
		}
		return out
	}
	run("case", "new", "--id", "W-1", "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-02")
	run("note", "add", "W-1", "--date", "2026-03-03", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "assessment",
		"--content", "first call", "--action", "manager|2026-03-10|Send the form\rto Ana\x1b[31m; then call")
	first := filepath.Join(dir, "first.ics")
	run("due", "--all", "--within", "60d", "--ics", first)
	a, _ := os.ReadFile(first)

	run("note", "add", "W-1", "--date", "2026-03-12", "--kind", "contact", "--mode", "phone", "--two-way", "--service", "job-search", "--content", "second call")
	b := []byte(run("due", "--all", "--within", "60d", "--ics", "-"))
	if !bytes.HasPrefix(b, []byte("BEGIN:VCALENDAR\r\n")) {
		t.Fatalf("--ics - did not write the calendar to stdout:\n%s", b)
	}
	before, after := parseICS(t, a), parseICS(t, b)
	c1, c2 := before["W-1 contact"], after["W-1 contact"]
	if c1 == nil || c2 == nil {
		t.Fatalf("no contact event: %v / %v", before, after)
	}
	if c1.Id() != c2.Id() {
		t.Errorf("the contact moved and its UID changed: %s, then %s", c1.Id(), c2.Id())
	}
	s1, _ := c1.GetAllDayStartAt()
	s2, _ := c2.GetAllDayStartAt()
	if s1.Format("2006-01-02") != "2026-04-02" || s2.Format("2006-01-02") != "2026-04-11" {
		t.Errorf("the contact is due %s, then %s; want 2026-04-02, then 2026-04-11", s1, s2)
	}
	for name, e := range before {
		if e2 := after[name]; e2 != nil && e2.Id() != e.Id() {
			t.Errorf("%s: UID %s, then %s", name, e.Id(), e2.Id())
		}
	}

	// The action item, due 2026-03-10, is 6 days overdue on 2026-03-16:
	// its reminder is at 9:00 that day, not in the past.
	action := after["W-1 action"]
	if action == nil {
		t.Fatalf("no action event: %v", after)
	}
	if got := action.Alarms()[0].GetProperty(ics.ComponentPropertyTrigger).Value; got != "P6DT9H" {
		t.Errorf("the overdue action's reminder is %s, want P6DT9H (9:00 today)", got)
	}
	if got := after["W-1 contact"].Alarms()[0].GetProperty(ics.ComponentPropertyTrigger).Value; got != "-PT15H" {
		t.Errorf("the contact's reminder is %s, want -PT15H", got)
	}
	for _, data := range [][]byte{a, b} {
		for i, c := range data {
			if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') || c == 0x1b {
				t.Fatalf("a raw control character %q at byte %d:\n%s", c, i, data)
			}
		}
	}
	desc := action.GetProperty(ics.ComponentPropertySummary).Value
	if !strings.Contains(desc, "Send the form\nto Ana\\x1b[31m; then call") {
		t.Errorf("the action's summary is %q: want the CR as a line break and ESC shown", desc)
	}
	if code, _, stderr := runCaseplan(t, dir, env, "due", "--all", "--ics", "-", "-o", "json"); code != ExitUsage {
		t.Errorf("--ics - with -o json: exit %d, want 2: %s", code, stderr)
	}
	// --out - is stdout for the reports.
	if out := run("report", "caseload", "--out", "-"); !strings.HasPrefix(out, "Caseload report as of") {
		t.Errorf("report --out -: %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("report --out - wrote a file named -")
	}
}
