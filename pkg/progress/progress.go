// Package progress shows how far long work has come — validating a store
// of thousands of cases, reading a report's commit, verifying a long
// history — on one line of a terminal, so a person knows caseplan is
// working and how much is left. It shows nothing when the output is not a
// terminal (a pipe, a CI log) and nothing for work that ends within the
// delay, so short commands and scripts see no difference. Import and sync
// can use it too; nothing here knows about the command line.
//
// A line drawn over ten times a second is what a screen reader (NVDA,
// Orca) or a braille display copes with worst: each redraw is read out
// anew or interrupts what is being read. Mode Lines prints a whole new
// line instead, at most every LinesEvery, and never draws over it; Off
// shows nothing.
//
// The clock is injected and nothing draws on its own: a Meter draws when
// it is told of progress, so tests drive it step by step.
package progress

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// Mode says how a Meter shows progress on a terminal.
type Mode int

// The modes, by the names ParseMode reads.
const (
	// Redraw draws one line over and over ("on", the default).
	Redraw Mode = iota
	// Lines prints a new whole line at most every LinesEvery, for a
	// screen reader or a braille display ("lines").
	Lines
	// Off shows nothing ("off").
	Off
)

// ModeNames are the names ParseMode accepts, as a message lists them.
const ModeNames = "on, lines, off"

// ParseMode reads a Mode from its name; "" is Redraw.
func ParseMode(s string) (Mode, error) {
	switch s {
	case "", "on":
		return Redraw, nil
	case "lines":
		return Lines, nil
	case "off":
		return Off, nil
	}
	return Redraw, fmt.Errorf("%q is no progress mode: use one of %s", s, ModeNames)
}

// Options say where and when a Meter draws.
type Options struct {
	// Terminal says the writer is a terminal; when false nothing is ever
	// drawn.
	Terminal bool
	// Now is the clock.
	Now func() time.Time
	// Delay is how long work runs before the meter first draws (Delay by
	// default), so that work done at once shows nothing.
	Delay time.Duration
	// Every is the least time between two draws (Every by default,
	// LinesEvery in Mode Lines).
	Every time.Duration
	// Mode is how progress is shown: Redraw (the default), Lines or Off.
	Mode Mode
}

// The defaults of Options.
const (
	Delay = time.Second
	Every = 100 * time.Millisecond
	// LinesEvery is Mode Lines' least time between two lines: long enough
	// for a screen reader to read one before the next comes.
	LinesEvery = 10 * time.Second
)

// Meter counts the steps of one piece of work and draws, on a terminal,
// "label: done of total unit (n%)" over and over on one line. It is safe
// for use by several goroutines.
type Meter struct {
	w      io.Writer
	o      Options
	label  string
	unit   string
	total  int
	done   int
	start  time.Time
	drawn  time.Time
	shown  bool
	width  int // of the last line drawn, to blank it out
	mu     sync.Mutex
	closed bool
}

// New starts a meter of work of total steps (0 when not known), each a
// unit ("cases", "commits"), labelled label ("validate").
func New(w io.Writer, label string, total int, unit string, o Options) *Meter {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Delay == 0 {
		o.Delay = Delay
	}
	if o.Every == 0 {
		o.Every = Every
		if o.Mode == Lines {
			o.Every = LinesEvery
		}
	}
	return &Meter{w: w, o: o, label: label, unit: unit, total: total, start: o.Now()}
}

// Add counts n more steps done, and draws when it is time to.
func (m *Meter) Add(n int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.done += n
	if !m.o.Terminal || m.o.Mode == Off || m.closed {
		return
	}
	now := m.o.Now()
	if now.Sub(m.start) < m.o.Delay || m.shown && now.Sub(m.drawn) < m.o.Every {
		return
	}
	m.draw(now)
}

func (m *Meter) draw(now time.Time) {
	line := fmt.Sprintf("%s: %d %s", m.label, m.done, m.unit)
	if m.total > 0 {
		line = fmt.Sprintf("%s: %d of %d %s (%d%%)", m.label, m.done, m.total, m.unit, m.done*100/m.total)
	}
	if m.o.Mode == Lines {
		// A line of its own, never drawn over, so that nothing is left
		// to blank out either.
		fmt.Fprintf(m.w, "%s\n", line)
		m.shown, m.drawn = true, now
		return
	}
	pad := ""
	if n := m.width - len(line); n > 0 {
		pad = fmt.Sprintf("%*s", n, "")
	}
	fmt.Fprintf(m.w, "\r%s%s", line, pad)
	m.shown, m.drawn, m.width = true, now, len(line)
}

// Done ends the meter: the line it drew, if any, is blanked out, so what
// is printed next starts on a clean line (Mode Lines' lines stay: each
// already ends one).
func (m *Meter) Done() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.shown && !m.closed && m.o.Mode == Redraw {
		fmt.Fprintf(m.w, "\r%*s\r", m.width, "")
	}
	m.closed = true
}
