package cli

import (
	"encoding/json"
	"io"

	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/progress"
)

// table prints rows aligned by display width under a header on a
// terminal, the last column wrapped to the terminal's width, and as tab-separated lines without one when piped, so scripts
// can cut fields without parsing padding. Record text in a cell is escaped
// (display.Escape) either way.
type table struct {
	w        io.Writer
	t        display.Table
	terminal bool
}

func newTable(env Env, header ...string) *table {
	return &table{w: env.Stdout, t: display.Table{Header: header, Width: env.Width}, terminal: env.IsTerminal}
}

func (t *table) row(cells ...string) { t.t.Row(cells...) }

func (t *table) flush() error { return t.t.Write(t.w, t.terminal) }

// textOut returns the writer a text view writes to: stdout, through
// display's escaping, so no control character from a record reaches the
// terminal raw whatever field it is in. Call the returned close when done.
func (g *globals) textOut() (io.Writer, func() error) {
	w := display.NewWriter(g.env.Stdout)
	return w, w.Close
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// dashIfEmpty shows an empty table cell as "-", so a missing date reads as
// missing rather than as a shifted column.
func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// meter starts a progress meter on stderr: drawn only when stderr is a
// terminal and the work takes over a second (pkg/progress).
func (g *globals) meter(label string, total int, unit string) *progress.Meter {
	return progress.New(g.env.Stderr, label, total, unit, g.progressOptions())
}

// progressEnv sets how progress is shown on a terminal: on (the default),
// lines (a new line at most every 10 seconds, for a screen reader or a
// braille display) or off.
const progressEnv = "CASEPLAN_PROGRESS"

// progressOptions are the meters' options: stderr's, and the mode
// CASEPLAN_PROGRESS sets (a value it does not know was refused before
// the command ran; the default stands in for it here).
func (g *globals) progressOptions() progress.Options {
	mode, _ := progress.ParseMode(g.env.Getenv(progressEnv))
	return progress.Options{Terminal: g.env.StderrIsTerminal, Now: g.env.Now, Mode: mode}
}
