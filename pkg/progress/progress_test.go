package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// clock is a clock a test moves by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestMeter(t *testing.T) {
	c := &clock{time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)}
	var b bytes.Buffer
	m := New(&b, "validate", 200, "cases", Options{Terminal: true, Now: c.now})
	for range 10 {
		c.t = c.t.Add(50 * time.Millisecond) // half a second in all
		m.Add(1)
	}
	if b.Len() != 0 {
		t.Fatalf("drew before a second had passed: %q", b.String())
	}
	c.t = c.t.Add(600 * time.Millisecond)
	m.Add(40)
	if got := b.String(); got != "\rvalidate: 50 of 200 cases (25%)" {
		t.Fatalf("after 1.1 s: %q", got)
	}
	c.t = c.t.Add(10 * time.Millisecond)
	m.Add(1) // too soon to draw again
	if strings.Count(b.String(), "\r") != 1 {
		t.Errorf("drew twice within 100 ms: %q", b.String())
	}
	c.t = c.t.Add(200 * time.Millisecond)
	m.Add(149)
	if !strings.HasSuffix(b.String(), "\rvalidate: 200 of 200 cases (100%)") {
		t.Errorf("%q", b.String())
	}
	m.Done()
	if !strings.HasSuffix(b.String(), "\r"+strings.Repeat(" ", len("validate: 200 of 200 cases (100%)"))+"\r") {
		t.Errorf("Done did not blank the line: %q", b.String())
	}
	m.Add(1)
	m.Done()
	if strings.Count(b.String(), "\r") != 4 {
		t.Errorf("drew after Done: %q", b.String())
	}
}

func TestMeterSilent(t *testing.T) {
	c := &clock{time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)}
	var b bytes.Buffer
	// Not a terminal: never a byte, however long the work.
	m := New(&b, "verify", 0, "commits", Options{Terminal: false, Now: c.now})
	for range 100 {
		c.t = c.t.Add(time.Second)
		m.Add(1)
	}
	m.Done()
	// A terminal, but the work ends within the second: nothing either.
	q := New(&b, "verify", 0, "commits", Options{Terminal: true, Now: c.now})
	q.Add(5000)
	q.Done()
	if b.Len() != 0 {
		t.Errorf("%q", b.String())
	}
	// Unknown total: a count.
	u := New(&b, "report", 0, "files", Options{Terminal: true, Now: c.now})
	c.t = c.t.Add(2 * time.Second)
	u.Add(12)
	if b.String() != "\rreport: 12 files" {
		t.Errorf("%q", b.String())
	}
	var nilMeter *Meter
	nilMeter.Add(1)
	nilMeter.Done()
}

// TestMeterLines: for a screen reader or a braille display, each report
// of progress is a whole line of its own, never drawn over ("\r"), at
// most every 10 seconds however often the work reports, and nothing is
// blanked at the end.
func TestMeterLines(t *testing.T) {
	c := &clock{time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)}
	var b bytes.Buffer
	m := New(&b, "validate", 1000, "cases checked", Options{Terminal: true, Now: c.now, Mode: Lines})
	for range 300 { // 30 seconds, a step each 100 ms
		c.t = c.t.Add(100 * time.Millisecond)
		m.Add(1)
	}
	m.Done()
	got := b.String()
	want := "validate: 10 of 1000 cases checked (1%)\n" +
		"validate: 110 of 1000 cases checked (11%)\n" +
		"validate: 210 of 1000 cases checked (21%)\n"
	if got != want {
		t.Errorf("lines mode wrote %q, want %q", got, want)
	}
}

// TestMeterOff: Off shows nothing on a terminal, however long the work.
func TestMeterOff(t *testing.T) {
	c := &clock{time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)}
	var b bytes.Buffer
	m := New(&b, "verify", 0, "commits", Options{Terminal: true, Now: c.now, Mode: Off})
	for range 100 {
		c.t = c.t.Add(time.Second)
		m.Add(1)
	}
	m.Done()
	if b.Len() != 0 {
		t.Errorf("off drew %q", b.String())
	}
}

func TestParseMode(t *testing.T) {
	for in, want := range map[string]Mode{"": Redraw, "on": Redraw, "lines": Lines, "off": Off} {
		if got, err := ParseMode(in); err != nil || got != want {
			t.Errorf("ParseMode(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseMode("quiet"); err == nil || err.Error() != `"quiet" is no progress mode: use one of on, lines, off` {
		t.Errorf("ParseMode(quiet): %v", err)
	}
}
