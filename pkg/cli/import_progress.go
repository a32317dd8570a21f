package cli

import (
	"sync"

	"github.com/caseplan/caseplan/pkg/progress"
)

// importMeter shows how far an import has come — reading a large store's
// cases, then checking a long roster's rows — one pkg/progress meter per
// step, on stderr when it is a terminal and the step lasts (scripts, CI
// logs and small rosters see nothing).
type importMeter struct {
	g    *globals
	mu   sync.Mutex
	step string
	m    *progress.Meter
	done int
}

// show is casework.ImportCohort's Progress: done of total of step's
// unit ("cases read", "rows checked").
func (im *importMeter) show(step string, done, total int) {
	im.mu.Lock()
	defer im.mu.Unlock()
	if step != im.step || im.m == nil {
		im.m.Done()
		im.step, im.done = step, 0
		im.m = im.g.meter("import", total, step)
	}
	if done > im.done {
		im.m.Add(done - im.done)
		im.done = done
	}
}

// finish blanks the line the meter drew, so what is printed next starts
// clean.
func (im *importMeter) finish() {
	im.mu.Lock()
	defer im.mu.Unlock()
	im.m.Done()
}
