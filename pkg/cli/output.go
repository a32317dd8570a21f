package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/caseplan/caseplan/pkg/store"
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

// readConfig loads only the store settings.
func (g *globals) readConfig() (*store.Snapshot, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil, err
	}
	snap, fs, err := store.Load(src, []string{})
	if err != nil {
		return nil, err
	}
	if snap.Config == nil {
		for _, f := range fs {
			fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", f)
		}
		return nil, &InvalidError{Msg: "cannot read the store settings " + store.ConfigPath}
	}
	return snap, nil
}
