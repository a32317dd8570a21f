package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// textWriter writes plain text for a terminal or an email: aligned
// columns, one section after another.
type textWriter struct{}

func (textWriter) Monthly(w io.Writer, r *Monthly) error {
	b := new(bytes.Buffer)
	heading(b, monthTitle(r)+" ("+r.From+" to "+r.To+")", "=")
	fmt.Fprintln(b, r.Organization)
	fmt.Fprintln(b, provenance(r.Commit, r.Committed, monthlyCommand(r)))
	fmt.Fprintln(b, "Phases, days left and overdue items are as of "+r.To+"; events count in the month of their own date.")
	fmt.Fprintln(b, privacyLine(r.Participants))

	fmt.Fprintln(b)
	heading(b, "Summary", "-")
	tw := tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	for _, l := range summaryLines(r.Summary) {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", l.label, l.value, l.remark)
	}
	tw.Flush()

	fmt.Fprintln(b)
	heading(b, "Contacts per week", "-")
	tw = tabwriter.NewWriter(b, 0, 4, 2, ' ', 0)
	for _, wk := range r.ContactsByWeek {
		fmt.Fprintf(tw, "%s\t%s to %s\t%d\t%s\n", wk.Week, wk.From, wk.To, wk.Contacts, strings.Repeat("#", wk.Contacts))
	}
	tw.Flush()

	for _, t := range []table{managerTable(r), programTable(r), caseTable(r)} {
		fmt.Fprintln(b)
		writeTextTable(b, t)
	}
	return writeTrimmed(w, b.Bytes())
}

func (textWriter) Caseload(w io.Writer, r *Caseload) error {
	b := new(bytes.Buffer)
	heading(b, "Caseload report as of "+r.AsOf, "=")
	fmt.Fprintln(b, r.Organization)
	fmt.Fprintln(b, provenance(r.Commit, r.Committed, "caseplan report caseload --today "+r.AsOf))
	fmt.Fprintln(b, privacyLine(r.Participants))
	for _, t := range []table{caseloadManagerTable(r), caseloadProgramTable(r), caseloadCaseTable(r)} {
		fmt.Fprintln(b)
		writeTextTable(b, t)
	}
	return writeTrimmed(w, b.Bytes())
}

func heading(w io.Writer, title, rule string) {
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, strings.Repeat(rule, len([]rune(title))))
}

func writeTextTable(w io.Writer, t table) {
	heading(w, t.title, "-")
	if len(t.rows) == 0 {
		fmt.Fprintln(w, "(none)")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	upper := make([]string, len(t.headers))
	for i, h := range t.headers {
		upper[i] = strings.ToUpper(h)
	}
	fmt.Fprintln(tw, strings.Join(upper, "\t"))
	for _, row := range t.rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = oneLine(c)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
}

// oneLine keeps a cell on its line and in its column.
func oneLine(s string) string {
	return strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// writeTrimmed writes text without the spaces tabwriter leaves after the
// last cell of a line.
func writeTrimmed(w io.Writer, text []byte) error {
	lines := bytes.SplitAfter(text, []byte("\n"))
	out := make([]byte, 0, len(text))
	for _, l := range lines {
		trimmed := bytes.TrimRight(l, " \n")
		out = append(out, trimmed...)
		if bytes.HasSuffix(l, []byte("\n")) {
			out = append(out, '\n')
		}
	}
	_, err := w.Write(out)
	return err
}
