package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// table prints rows aligned on a terminal and as tab-separated lines when
// piped, so scripts can cut fields without parsing padding.
type table struct {
	w        io.Writer
	tw       *tabwriter.Writer
	terminal bool
}

func newTable(env Env, header ...string) *table {
	t := &table{w: env.Stdout, terminal: env.IsTerminal}
	if t.terminal {
		t.tw = tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		t.row(header...)
	}
	return t
}

func (t *table) row(cells ...string) {
	for i, c := range cells {
		cells[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
	}
	line := strings.Join(cells, "\t") + "\n"
	if t.tw != nil {
		fmt.Fprint(t.tw, line)
		return
	}
	fmt.Fprint(t.w, line)
}

func (t *table) flush() error {
	if t.tw != nil {
		return t.tw.Flush()
	}
	return nil
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
