package report

import (
	"encoding/csv"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// csvWriter writes one row per case, RFC 4180 (encoding/csv, CRLF line
// ends), for a spreadsheet. Every row names the month (or day) and the
// commit, so a sheet pasted together from several reports still says where
// each row came from. The summary and sections are in the other formats.
type csvWriter struct{}

func (csvWriter) Monthly(w io.Writer, r *Monthly) error {
	rows := [][]string{{"month", "commit", "id", "participant", "manager", "program", "status", "phase", "phase_ends", "days_left", "last_contact", "contacts", "applications", "interviews", "overdue_items", "next_milestone_due", "next_milestone", "flags"}}
	for _, c := range r.Cases {
		due, text := "", ""
		if m := c.NextMilestone; m != nil {
			due, text = m.Due, m.ID+": "+m.Text
		}
		rows = append(rows, []string{r.Month, r.Commit, c.ID, c.Participant, c.Manager, c.Program, c.Status, c.Phase, c.PhaseEnds, optInt(c.DaysLeft), c.LastContact, itoa(c.Contacts), itoa(c.Applications), itoa(c.Interviews), itoa(c.OverdueItems), due, text, strings.Join(c.Flags, " ")})
	}
	return writeCSV(w, rows)
}

func (csvWriter) Caseload(w io.Writer, r *Caseload) error {
	rows := [][]string{{"as_of", "commit", "id", "participant", "manager", "program", "phase", "phase_ends", "days_left", "last_contact", "overdue_items", "contact_overdue", "next_due", "next_due_kind", "next_due_detail"}}
	for _, c := range r.Cases {
		due, kind, detail := "", "", ""
		if d := c.NextDue; d != nil {
			due, kind, detail = string(d.Due), d.Kind, d.Detail
		}
		rows = append(rows, []string{r.AsOf, r.Commit, c.ID, c.Participant, c.Manager, c.Program, c.Phase, c.PhaseEnds, optInt(c.DaysLeft), c.LastContact, itoa(c.OverdueItems), strconv.FormatBool(c.ContactOverdue), due, kind, detail})
	}
	return writeCSV(w, rows)
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
// spreadsheets read as "text follows". A plain number such as -3 (days
// left, overdue) is left as it is so it still sorts as a number.
func Neutralize(cell string) string {
	if cell == "" || number.MatchString(cell) {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return itoa(*p)
}
