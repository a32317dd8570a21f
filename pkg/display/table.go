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
// written in Chinese or Japanese stays aligned. Nothing is wrapped: this
// is the form for text that is not shown on a terminal (a report saved
// or mailed); AlignTo fits a terminal.
func Align(w io.Writer, rows [][]string) error { return AlignTo(w, rows, 0) }

// AlignTo is Align for a terminal width columns wide: a row whose last
// cell would pass the width has that cell wrapped at the spaces between
// its words (Wrap), each continuation line indented to start under the
// cell, so the terminal does not fold it under the first columns. The
// last cell is the one wrapped because it is the free text (an action, a
// finding's message, a note's summary); the columns before it are IDs,
// dates and names that read only whole. Nothing is cut: every word is
// shown. When the columns before the last leave it fewer than MinWrap
// columns, the row is written whole and the terminal folds it, as a
// strip of a few letters a line reads worse. A width of 0 (not known)
// wraps nothing.
func AlignTo(w io.Writer, rows [][]string, width int) error {
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
		start := 0 // the column the row's last cell starts at
		for j, c := range row {
			if j < len(row)-1 {
				b.WriteString(c)
				pad := widths[j] - Width(c) + Padding
				b.WriteString(strings.Repeat(" ", pad))
				start += Width(c) + pad
				continue
			}
			if width > 0 && start+Width(c) > width && width-start >= MinWrap {
				c = strings.Join(Wrap(c, width-start), "\n"+strings.Repeat(" ", start))
			}
			b.WriteString(c)
		}
		line := strings.TrimRight(b.String(), " ")
		b.Reset()
		if _, err := io.WriteString(w, line+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// MinWrap is the fewest columns a wrapped column or line is given (see
// AlignTo and Hang).
const MinWrap = 16

// Wrap breaks s into lines of at most width columns (Width) at its
// spaces, filling each line with as many words as fit; the spaces where a
// line breaks are dropped, every other space is kept. A word wider than
// width is split where the width ends (the only way to show it whole on
// the terminal); no word that fits in width is split. A width below 1
// returns s as one line.
func Wrap(s string, width int) []string {
	if width < 1 || Width(s) <= width {
		return []string{s}
	}
	var lines []string
	line, lineWidth := "", 0
	for s != "" {
		// the next word with the spaces before it
		spaces := len(s) - len(strings.TrimLeft(s, " "))
		end := strings.IndexByte(s[spaces:], ' ')
		if end < 0 {
			end = len(s) - spaces
		}
		space, word := s[:spaces], s[spaces:spaces+end]
		s = s[spaces+end:]
		switch ww := Width(word); {
		case word == "":
			// spaces at the end: no line ends in them
		case lineWidth > 0 && lineWidth+len(space)+ww <= width:
			line += space + word
			lineWidth += len(space) + ww
		case ww <= width:
			if lineWidth > 0 {
				lines = append(lines, line)
			} else if space != "" && len(space)+ww <= width {
				word = space + word // the cell's own leading spaces
			}
			line, lineWidth = word, Width(word)
		default:
			if lineWidth > 0 {
				lines = append(lines, line)
			}
			pieces := splitWord(word, width)
			lines = append(lines, pieces[:len(pieces)-1]...)
			line = pieces[len(pieces)-1]
			lineWidth = Width(line)
		}
	}
	if lineWidth > 0 || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// splitWord cuts a word wider than width into pieces of at most width
// columns; a character of no width (a combining mark) stays with the one
// before it.
func splitWord(word string, width int) []string {
	var pieces []string
	var b strings.Builder
	n := 0
	for _, r := range word {
		rw := widths.RuneWidth(r)
		if n > 0 && n+rw > width {
			pieces = append(pieces, b.String())
			b.Reset()
			n = 0
		}
		b.WriteRune(r)
		n += rw
	}
	return append(pieces, b.String())
}

// Hang returns one line of a text view fitted to a terminal width
// columns wide: broken at its spaces (Wrap) when it would pass the
// width, with each continuation line indented by indent spaces, so it
// reads under the text after a label ("Conference:   ...") or a list's
// bullet. The line's own leading spaces are kept on its first line.
// Nothing is cut. A width of 0 (not known), or one that leaves fewer
// than MinWrap columns after indent, returns line as it is.
func Hang(line string, width, indent int) string {
	if width <= 0 || Width(line) <= width || width-indent < MinWrap {
		return line
	}
	body := strings.TrimLeft(line, " ")
	lead := len(line) - len(body)
	if lead > indent {
		return line
	}
	// The first line has width-lead columns for its text; Wrap's lines
	// are one width, so the first is wrapped alone and the rest after.
	first := Wrap(body, width-lead)[0]
	rest := strings.TrimLeft(body[len(first):], " ")
	out := line[:lead] + first
	if rest != "" {
		out += "\n" + strings.Repeat(" ", indent) + strings.Join(Wrap(rest, width-indent), "\n"+strings.Repeat(" ", indent))
	}
	return out
}

// Table is a list printed for a person or for a script: on a terminal an
// aligned table under a header, and otherwise one tab-separated line per
// row without a header, so scripts can cut fields without parsing
// padding (the GitHub CLI's convention).
type Table struct {
	Header []string
	// Width is the terminal's width in columns: on a terminal, a row's
	// last cell wraps to fit it (AlignTo). 0, not known, wraps nothing.
	// Lines written for a script are never wrapped.
	Width int
	rows  [][]string
}

// Row adds a row.
func (t *Table) Row(cells ...string) { t.rows = append(t.rows, cells) }

// Write writes the table to w, aligned with its header and fitted to
// Width when terminal, else as tab-separated lines. Cells are made one line either way (Cell):
// a tab or a line break in a cell cannot split it.
func (t *Table) Write(w io.Writer, terminal bool) error {
	if terminal {
		rows := t.rows
		if len(t.Header) > 0 {
			rows = append([][]string{t.Header}, rows...)
		}
		return AlignTo(w, rows, t.Width)
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
