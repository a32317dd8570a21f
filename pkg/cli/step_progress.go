package cli

import (
	"sync"
	"time"

	"github.com/caseplan/caseplan/pkg/progress"
)

// stepMeter shows how far work of several steps has come — an import
// reading a large store's cases, then checking a long roster's rows; a
// write of hundreds of cases checking them, then committing their files —
// one pkg/progress meter per step, on stderr when it is a terminal and the
// work lasts (scripts, CI logs and small changes see nothing). Once the
// work has run past the meter's delay, a new step draws at once rather
// than wait the delay again: steps of half a second each would otherwise
// leave the line blank for seconds.
type stepMeter struct {
	g     *globals
	label string // "import", "case transfer"
	mu    sync.Mutex
	step  string
	m     *progress.Meter
	done  int
	start time.Time // of the work: its first step's when zero
}

// show is casework's Progress: done of total of step's unit ("cases
// read", "rows checked", "files committed").
func (sm *stepMeter) show(step string, done, total int) {
	sm.mu.Lock()
	defer sm.mu.Unlock()
	if step != sm.step || sm.m == nil {
		sm.m.Done()
		now := sm.g.env.Now()
		if sm.start.IsZero() {
			sm.start = now
		}
		delay := max(progress.Delay-now.Sub(sm.start), time.Nanosecond) // zero would mean the default
		sm.step, sm.done = step, 0
		o := sm.g.progressOptions()
		o.Delay = delay
		sm.m = progress.New(sm.g.env.Stderr, sm.label, total, step, o)
	}
	if done > sm.done {
		sm.m.Add(done - sm.done)
		sm.done = done
	}
}

// finish blanks the line the meter drew, so what is printed next starts
// clean.
func (sm *stepMeter) finish() {
	sm.mu.Lock()
	defer sm.mu.Unlock()
	sm.m.Done()
}

// keepDrawing draws the meter's line, at most every progress.Every, while
// the work says nothing new: a step's count stops at its last (a pack's
// objects all read) while the work goes on without a word (finding the
// deltas between them), and a count that reached its end before the
// meter's delay would otherwise never be drawn at all. stop ends it.
func (sm *stepMeter) keepDrawing() (stop func()) {
	tick := time.NewTicker(progress.Every)
	done, exited := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(exited)
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				sm.mu.Lock()
				sm.m.Add(0) // draws once the delay has passed
				sm.mu.Unlock()
			}
		}
	}()
	return func() {
		tick.Stop()
		close(done)
		<-exited // nothing is drawn after stop returns
	}
}
