package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// importMeter shows on one line of a terminal how far an import has come
// — reading a large store's cases, checking a long roster's rows — so a
// person knows caseplan is working. It draws only when stderr is a
// terminal and only for work that lasts past a short delay: scripts, CI
// logs and small rosters see nothing. (The ecosystem branch's
// pkg/progress does the same for validate and the reports; once both are
// in, this can be one of its meters.)
type importMeter struct {
	w     io.Writer
	on    bool
	now   func() time.Time
	start time.Time
	drawn time.Time
	width int
	mu    sync.Mutex
}

const (
	meterDelay = 500 * time.Millisecond
	meterEvery = 100 * time.Millisecond
)

func newImportMeter(env Env) *importMeter {
	now := env.Now
	if now == nil {
		now = time.Now
	}
	return &importMeter{w: env.Stderr, on: env.StderrIsTerminal, now: now, start: now()}
}

// show is told that step has done of total; it draws when it is time to.
func (m *importMeter) show(step string, done, total int) {
	if m == nil || !m.on {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	t := m.now()
	if t.Sub(m.start) < meterDelay || t.Sub(m.drawn) < meterEvery && done < total {
		return
	}
	line := fmt.Sprintf("caseplan: import: %s: %d of %d", step, done, total)
	pad := ""
	if n := m.width - len(line); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprintf(m.w, "\r%s%s", line, pad)
	m.drawn, m.width = t, len(line)
}

// done blanks the line it drew, so what is printed next starts clean.
func (m *importMeter) done() {
	if m == nil || !m.on {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.width > 0 {
		fmt.Fprintf(m.w, "\r%s\r", strings.Repeat(" ", m.width))
		m.width = 0
	}
}
