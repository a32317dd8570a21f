package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// csvWriter writes one table of a report, RFC 4180 (encoding/csv, CRLF
// line ends), for a spreadsheet: by default one row per case, or another
// of the report's tables (CSVOptions.Table). Every row names the month (or
// day) and the commit, so a sheet pasted together from several reports
// still says where each row came from.
type csvWriter struct{ opts CSVOptions }

// CSVOptions choose what -o csv writes.
type CSVOptions struct {
	// Table is the report's table to write: one of MonthlyTables,
	// CaseloadTables, PerformanceTables or SearchTables; "" is cases.
	Table string
	// BOM starts the file with a UTF-8 byte order mark, without which Excel
	// reads a CSV file as the system's legacy code page and garbles
	// "Muñoz".
	BOM bool
}

// The tables a report's CSV can be, the first the default: every table
// the text, Markdown and HTML formats show.
var (
	MonthlyTables     = []string{"cases", "summary", "weeks", "managers", "programs", "post-employment"}
	CaseloadTables    = []string{"cases", "managers", "programs", "phases"}
	PerformanceTables = []string{"cases"}
	SearchTables      = []string{"cases", "applications", "interviews"}
)

// NewCSV returns the CSV writer with opts.
func NewCSV(opts CSVOptions) Writer { return csvWriter{opts} }

func (x csvWriter) Monthly(w io.Writer, r *Monthly) error {
	lead := []string{r.Month, r.Commit}
	switch x.opts.Table {
	case "", "cases":
	case "summary":
		rows := [][]string{{"month", "commit", "figure", "value", "remark"}}
		for _, l := range summaryLines(r) {
			for _, f := range figures(l) {
				rows = append(rows, append(lead[:2:2], f.figureName(), f.value, f.remark))
			}
		}
		return x.write(w, rows)
	case "weeks":
		rows := [][]string{{"month", "commit", "week", "from", "to", "contacts"}}
		for _, wk := range r.ContactsByWeek {
			rows = append(rows, append(lead[:2:2], wk.Week, wk.From, wk.To, itoa(wk.Contacts)))
		}
		return x.write(w, rows)
	case "managers":
		return x.write(w, tableRows([]string{"month", "commit"}, lead, managerTable(r)))
	case "programs":
		return x.write(w, tableRows([]string{"month", "commit"}, lead, programTable(r)))
	case "post-employment":
		return x.write(w, tableRows([]string{"month", "commit"}, lead, postEmploymentTable(r)))
	default:
		return unknownTable(x.opts.Table, MonthlyTables)
	}
	rows := [][]string{{"month", "commit", "id", "participant", "manager", "program", "status", "phase", "phase_ends", "days_left", "last_contact", "contacts", "applications", "interviews", "overdue_items", "next_milestone_due", "next_milestone", "flags"}}
	for _, c := range r.Cases {
		due, text := "", ""
		if m := c.NextMilestone; m != nil {
			due, text = m.Due, m.ID+": "+m.Text
		}
		rows = append(rows, []string{r.Month, r.Commit, c.ID, c.Participant, c.Manager, c.Program, c.Status, c.Phase, c.PhaseEnds, optInt(c.DaysLeft), c.LastContact, itoa(c.Contacts), itoa(c.Applications), itoa(c.Interviews), itoa(c.OverdueItems), due, text, strings.Join(c.Flags, " ")})
	}
	return x.write(w, rows)
}

func (x csvWriter) Caseload(w io.Writer, r *Caseload) error {
	lead := []string{r.AsOf, r.Commit}
	switch x.opts.Table {
	case "", "cases":
	case "managers":
		return x.write(w, tableRows([]string{"as_of", "commit"}, lead, caseloadManagerTable(r)))
	case "programs":
		// The programs table has no manager column: with --manager its
		// rows are one manager's, and a file kept apart from the command
		// that made it must still say whose.
		if r.Manager != "" {
			return x.write(w, tableRows([]string{"as_of", "commit", "manager"}, append(lead, r.Manager), caseloadProgramTable(r)))
		}
		return x.write(w, tableRows([]string{"as_of", "commit"}, lead, caseloadProgramTable(r)))
	case "phases":
		return x.write(w, tableRows([]string{"as_of", "commit"}, lead, caseloadPhaseTable(r)))
	default:
		return unknownTable(x.opts.Table, CaseloadTables)
	}
	rows := [][]string{{"as_of", "commit", "id", "participant", "manager", "program", "phase", "phase_ends", "days_left", "last_contact", "overdue_items", "contact_overdue", "next_due", "next_due_kind", "next_due_detail"}}
	for _, c := range r.Cases {
		due, kind, detail := "", "", ""
		if d := c.NextDue; d != nil {
			due, kind, detail = string(d.Due), d.Kind, d.Detail
		}
		rows = append(rows, []string{r.AsOf, r.Commit, c.ID, c.Participant, c.Manager, c.Program, c.Phase, c.PhaseEnds, optInt(c.DaysLeft), c.LastContact, itoa(c.OverdueItems), strconv.FormatBool(c.ContactOverdue), due, kind, detail})
	}
	return x.write(w, rows)
}

// figures is l as CSV rows: one a figure, so every value is one number
// a spreadsheet can sum, where the other formats show "2 / 0 / 1".
func figures(l line) []line {
	if len(l.parts) > 0 {
		return l.parts
	}
	return []line{l}
}

// tableRows turns a table the other formats show into CSV rows: its
// headers in snake_case after the lead columns, each row after the lead
// values; "-" (nothing) is an empty cell.
func tableRows(leadHeaders, lead []string, t table) [][]string {
	snake := func(h string) string { return strings.ReplaceAll(strings.ToLower(h), " ", "_") }
	header := append([]string(nil), leadHeaders...)
	for i, h := range t.headers {
		if parts, ok := t.figures[i]; ok {
			for _, p := range parts {
				header = append(header, snake(p))
			}
			continue
		}
		header = append(header, snake(h))
	}
	rows := [][]string{header}
	for _, r := range t.rows {
		row := append([]string(nil), lead...)
		for i, cell := range r {
			if _, ok := t.figures[i]; ok {
				// One number a cell, as the summary's figures: a
				// spreadsheet cannot sum "2 / 0 / 1".
				row = append(row, strings.Split(cell, " / ")...)
				continue
			}
			if cell == "-" {
				cell = ""
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	return rows
}

func unknownTable(name string, tables []string) error {
	return fmt.Errorf("no table %q in this report; use one of %s", name, strings.Join(tables, ", "))
}

// bom is the UTF-8 byte order mark.
const bom = "\ufeff"

func (x csvWriter) write(w io.Writer, rows [][]string) error {
	if x.opts.BOM {
		if _, err := io.WriteString(w, bom); err != nil {
			return err
		}
	}
	return writeCSV(w, rows)
}

// WriteCSV writes rows as -o csv writes a report's table — RFC 4180,
// every cell neutralized, after a byte order mark when bom — for another
// command's table in a spreadsheet (due --summary -o csv).
func WriteCSV(w io.Writer, rows [][]string, bom bool) error {
	return csvWriter{CSVOptions{BOM: bom}}.write(w, rows)
}

func writeCSV(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	for _, row := range rows {
		for i, cell := range row {
			row[i] = Neutralize(cell)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// number is a plain decimal number, which a spreadsheet reads as a number
// and never as a formula.
var number = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// Neutralize makes a cell safe to open in a spreadsheet (OWASP's CSV
// injection advice): a cell starting with = + - @, a tab or a carriage
// return could be run as a formula, so it gets a leading apostrophe, which
// spreadsheets read as "text follows". Spreadsheets skip leading blanks
// and read fullwidth signs as their ASCII selves, so = + - @ after spaces,
// tabs, line breaks or no-break spaces, and the fullwidth ＝ ＋ － ＠,
// count too. A plain number such as -3 (days left, overdue) is left as it
// is so it still sorts as a number.
func Neutralize(cell string) string {
	if cell == "" || number.MatchString(cell) {
		return cell
	}
	if cell[0] == '\t' || cell[0] == '\r' {
		return "'" + cell
	}
	rest := strings.TrimLeftFunc(cell, blank)
	if rest == "" || number.MatchString(rest) {
		return cell
	}
	switch r, _ := utf8.DecodeRuneInString(rest); r {
	case '=', '+', '-', '@', '＝', '＋', '－', '＠':
		return "'" + cell
	}
	return cell
}

// blank reports the characters a spreadsheet skips before a formula:
// spaces of every kind (the no-break space among them) and line breaks.
func blank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u2007' || r == '\u202f' || r == '\ufeff'
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return itoa(*p)
}
