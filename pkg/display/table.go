package display

import (
	"io"
	"strings"
)

// Padding is the number of spaces between two aligned columns.
const Padding = 2

// Align writes rows as aligned columns: each cell but a row's last is
// padded to its column's width (the widest cell's Width) plus Padding, and
// no line ends in spaces. Every cell is made one line of printable text
// first (Cell). Unlike text/tabwriter, which
// counts runes, it measures display width, so a column after a name
// written in Chinese or Japanese stays aligned.
func Align(w io.Writer, rows [][]string) error {
	escaped := make([][]string, len(rows))
	var widths []int
	for i, row := range rows {
		escaped[i] = make([]string, len(row))
		for j, c := range row {
			c = Cell(c)
			escaped[i][j] = c
			if j == len(row)-1 {
				continue // the last cell is not padded, so it sets no width
			}
			for len(widths) <= j {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], Width(c))
		}
	}
	var b strings.Builder
	for _, row := range escaped {
		for j, c := range row {
			b.WriteString(c)
			if j < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-Width(c)+Padding))
			}
		}
		line := strings.TrimRight(b.String(), " ")
		b.Reset()
		if _, err := io.WriteString(w, line+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// Table is a list printed for a person or for a script: on a terminal an
// aligned table under a header, and otherwise one tab-separated line per
// row without a header, so scripts can cut fields without parsing
// padding (the GitHub CLI's convention).
type Table struct {
	Header []string
	rows   [][]string
}

// Row adds a row.
func (t *Table) Row(cells ...string) { t.rows = append(t.rows, cells) }

// Write writes the table to w, aligned with its header when terminal,
// else as tab-separated lines. Cells are made one line either way (Cell):
// a tab or a line break in a cell cannot split it.
func (t *Table) Write(w io.Writer, terminal bool) error {
	if terminal {
		rows := t.rows
		if len(t.Header) > 0 {
			rows = append([][]string{t.Header}, rows...)
		}
		return Align(w, rows)
	}
	for _, row := range t.rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = Cell(c)
		}
		if _, err := io.WriteString(w, strings.Join(cells, "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// cellSpace are the characters that lay text out — a tab, a line break —
// and in a one-line cell read as the space between two words.
var cellSpace = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ")

// Cell returns s as one table cell: tabs and line breaks become spaces,
// and every other control character is escaped (Escape).
func Cell(s string) string { return Escape(cellSpace.Replace(s)) }
