// Package rosterimport reads a layoff roster — the spreadsheet of the
// workers a layoff affects, as Excel and Google Sheets export it — with a
// store's import rules (record.ImportRules, after hledger's CSV rules),
// and says row by row what each would become: a new case, a row already
// imported, a duplicate, or a row with problems, each problem placed at
// its file, row and column. It never touches the store: pkg/casework
// gives it what the store holds and writes what it finds.
package rosterimport

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/caseplan/caseplan/pkg/record"
)

// Problem is one thing wrong with the roster, placed as a spreadsheet
// shows it: FILE:ROW:COLUMN, the header being row 1 and the first column
// A. It never repeats a value shaped like a Social Security number.
type Problem struct {
	Row    int    // 0: the file as a whole
	Column int    // 0-based; -1: no one column
	Header string // the column's header, named in the message
	Msg    string
}

// Format writes the problem as FILE:ROW:COLUMN: message.
func (p Problem) Format(file string) string {
	loc := file
	if p.Row > 0 {
		loc += ":" + strconv.Itoa(p.Row)
		if p.Column >= 0 {
			loc += ":" + ColumnName(p.Column)
		}
	}
	msg := p.Msg
	if p.Header != "" {
		msg = p.Header + ": " + msg
	}
	return loc + ": " + msg
}

// ColumnName returns a column's name as a spreadsheet shows it: A for the
// first (index 0), Z, AA, AB, ...
func ColumnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// Roster is a roster file as read: its header and its data rows.
type Roster struct {
	Header    []string // as written, trimmed
	HeaderRow int      // its row number (1 unless rows are skipped)
	Rows      []Row    // data rows; blank rows left out
	SHA256    string   // of the file's bytes
	Separator rune
}

// Row is one data row.
type Row struct {
	Number int      // as a spreadsheet numbers it
	Cells  []string // trimmed, one per header column ("" past the row's end)
	Extra  []string // cells past the header's last column
}

// FileError says the file cannot be read as a roster at all (not text,
// not CSV, no header); Problems say where.
type FileError struct{ Problems []Problem }

func (e *FileError) Error() string {
	if len(e.Problems) == 0 {
		return "the roster cannot be read"
	}
	return e.Problems[0].Msg
}

// Read reads a roster exported as CSV: UTF-8 with or without a byte-order
// mark (or Windows-1252 when the rules say so), cells separated by commas,
// semicolons or tabs (as the rules say, or as the header row shows),
// quoted as RFC 4180 quotes them, after the rows the rules skip.
func Read(data []byte, rules *record.ImportRules) (*Roster, error) {
	sum := sha256.Sum256(data)
	r := &Roster{SHA256: hex.EncodeToString(sum[:]), HeaderRow: rules.Skip + 1}
	text, err := decode(data, rules.Encoding)
	if err != nil {
		return nil, err
	}
	// Excel for Mac's "CSV (Macintosh)" ends lines with a lone CR, which
	// encoding/csv reads as part of a cell: the whole file would be one
	// row. Every line end is read as LF (CRLF is too, by encoding/csv).
	text = lineEnds.Replace(text)
	r.Separator = separator(text, rules)
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = r.Separator
	cr.FieldsPerRecord = -1 // checked here, row by row, with a message of its own
	cr.ReuseRecord = false
	number := 0
	for {
		cells, err := cr.Read()
		if err == io.EOF {
			break
		}
		number++
		if err != nil {
			var pe *csv.ParseError
			msg := err.Error()
			if errors.As(err, &pe) {
				msg = fmt.Sprintf("cannot read the row as CSV (line %d, column %d of the file): %v", pe.Line, pe.Column, pe.Err)
				if errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote) {
					msg += `; a cell holding a quote must be quoted, with the quote doubled ("5"" screen"), as Excel and Google Sheets write it`
				}
			}
			return nil, &FileError{Problems: []Problem{{Row: number, Column: -1, Msg: msg}}}
		}
		if number <= rules.Skip {
			continue
		}
		for i := range cells {
			cells[i] = clean(cells[i])
		}
		if r.Header == nil {
			r.Header = cells
			if blank(cells) {
				return nil, &FileError{Problems: []Problem{{Row: number, Column: -1, Msg: "the header row is empty; the first row (after skip) names the columns"}}}
			}
			continue
		}
		if blank(cells) {
			continue // Excel writes ,,,, for rows it thinks are used
		}
		row := Row{Number: number, Cells: make([]string, len(r.Header))}
		copy(row.Cells, cells)
		if len(cells) > len(r.Header) {
			row.Extra = cells[len(r.Header):]
		}
		r.Rows = append(r.Rows, row)
	}
	if r.Header == nil {
		return nil, &FileError{Problems: []Problem{{Row: 0, Column: -1, Msg: "the file has no header row: it is empty"}}}
	}
	return r, nil
}

// lineEnds reads CRLF and a lone CR as LF.
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// decode returns the file's text as UTF-8, without a byte-order mark.
func decode(data []byte, encoding string) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "", &FileError{Problems: []Problem{{Column: -1, Msg: `the file is UTF-16 (Excel's "Unicode Text"); save it as "CSV UTF-8 (Comma delimited)" instead`}}}
	case encoding == "windows-1252" && bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		// Excel's "CSV UTF-8" marks itself: the file says what it is,
		// whatever the rules expected of this source's rosters.
	case encoding == "windows-1252" && utf8.Valid(data) && !isASCII(data):
		// Text read as Windows-1252 that is UTF-8 would be stored garbled
		// (José as JosÃ©), and valid UTF-8 beyond ASCII is next to never
		// Windows-1252 text: refuse, rather than guess either way.
		i := 0
		for i < len(data) && data[i] < utf8.RuneSelf {
			i++
		}
		line := strings.Count(lineEnds.Replace(string(data[:i])), "\n") + 1
		return "", &FileError{Problems: []Problem{{Column: -1, Msg: fmt.Sprintf(`the import rules say encoding: windows-1252, but the file is UTF-8 text (line %d would read garbled, é as Ã©): save it as "CSV UTF-8 (Comma delimited)", which marks itself as UTF-8, or take encoding: windows-1252 out of the import rules`, line)}}}
	case encoding == "windows-1252":
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", &FileError{Problems: []Problem{{Column: -1, Msg: "cannot read the file as Windows-1252: " + err.Error()}}}
		}
		return strings.TrimPrefix(string(out), "\uFEFF"), nil
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		bad := len(data)
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				bad = i
				break
			}
			i += n
		}
		line := strings.Count(lineEnds.Replace(string(data[:bad])), "\n") + 1
		return "", &FileError{Problems: []Problem{{Column: -1, Msg: fmt.Sprintf(`line %d is not UTF-8 text; Excel's plain "CSV" is Windows-1252: save as "CSV UTF-8", or say encoding: windows-1252 in the import rules`, line)}}}
	}
	return string(data), nil
}

// separator returns the rules' separator, or the one the header row uses
// most: Excel writes semicolons where the decimal mark is a comma.
func separator(text string, rules *record.ImportRules) rune {
	switch rules.Separator {
	case ",":
		return ','
	case ";":
		return ';'
	case "tab":
		return '\t'
	}
	lines := strings.SplitN(text, "\n", rules.Skip+2)
	header := lines[len(lines)-1]
	if len(lines) > rules.Skip+1 {
		header = lines[rules.Skip]
	}
	best, most := ',', 0
	for _, sep := range []rune{',', ';', '\t'} {
		n, quoted := 0, false
		for _, c := range header {
			switch {
			case c == '"':
				quoted = !quoted
			case c == sep && !quoted:
				n++
			}
		}
		if n > most {
			best, most = sep, n
		}
	}
	return best
}

// clean trims a cell, unwraps ="0042", which spreadsheets export to
// keep a number's leading zeros, and writes its accents composed (NFC):
// "José" copied from a PDF or a Mac's file name is often an e followed by
// a combining accent, which looks the same but is another string, so the
// case's name would match no other record of the worker.
func clean(s string) string {
	s = strings.TrimSpace(norm.NFC.String(s))
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		s = strings.TrimSpace(s[2 : len(s)-1])
	}
	return s
}

func isASCII(data []byte) bool {
	for _, b := range data {
		if b >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}
