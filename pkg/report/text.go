package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/caseplan/caseplan/pkg/display"
)

// textWriter writes plain text for a terminal or an email: aligned
// columns, one section after another.
type textWriter struct{}

func (textWriter) Monthly(w io.Writer, r *Monthly) error {
	b := new(bytes.Buffer)
	heading(b, monthTitle(r)+" ("+r.From+" to "+r.To+")", "=")
	fmt.Fprintln(b, display.Escape(r.Organization))
	fmt.Fprintln(b, provenance(r.Commit, r.Committed, r.Caseplan, again(monthlyCommand(r), "text", r.Participants)))
	writeLeftOut(b, r.Unread, display.Escape, "\n")
	if l := lateLine(r, "text", display.Escape, display.Escape); l != "" {
		fmt.Fprintln(b, l)
	}
	fmt.Fprintln(b, "Phases, days left and overdue items are as of "+r.To+"; events count in the month of their own date."+soFarNote(r))
	fmt.Fprintln(b, privacyLine(r.Participants))

	fmt.Fprintln(b)
	heading(b, "Summary", "-")
	var rows [][]string
	for _, l := range summaryLines(r) {
		rows = append(rows, []string{l.label, l.value, l.remark})
	}
	display.Align(b, rows)

	fmt.Fprintln(b)
	heading(b, "Contacts per week", "-")
	per := barScale(r.ContactsByWeek)
	if per > 1 {
		fmt.Fprintf(b, "Each # is %d contacts.\n", per)
	}
	rows = nil
	for _, wk := range r.ContactsByWeek {
		rows = append(rows, []string{wk.Week, wk.From + " to " + wk.To, itoa(wk.Contacts), strings.Repeat("#", (wk.Contacts+per-1)/per)})
	}
	display.Align(b, rows)

	for _, t := range monthlyTables(r) {
		fmt.Fprintln(b)
		writeTextTable(b, t)
	}
	if legend := flagLegend(r.Cases, monthlyAsOf(r)); len(legend) > 0 {
		fmt.Fprintln(b)
		fmt.Fprintln(b, "Flags:")
		for _, l := range legend {
			fmt.Fprintln(b, "  "+l)
		}
	}
	return writeTrimmed(w, b.Bytes())
}

// textBarMax is the longest bar of the text report's chart: a week of an
// office's thousand contacts drawn one # each was a line a thousand
// columns wide, which no terminal or email shows as a bar.
const textBarMax = 50

// barScale is how many contacts one # stands for: one while the busiest
// week fits in textBarMax, else the fewest that make it fit. A week with
// any contact keeps at least one #, so it never reads as none.
func barScale(weeks []WeekCount) int {
	most := 0
	for _, wk := range weeks {
		most = max(most, wk.Contacts)
	}
	return max(1, (most+textBarMax-1)/textBarMax)
}

func (textWriter) Caseload(w io.Writer, r *Caseload) error {
	b := new(bytes.Buffer)
	heading(b, caseloadTitle(r), "=")
	fmt.Fprintln(b, display.Escape(r.Organization))
	fmt.Fprintln(b, provenance(r.Commit, r.Committed, r.Caseplan, again(caseloadCommand(r), "text", r.Participants)))
	writeLeftOut(b, r.Unread, display.Escape, "\n")
	fmt.Fprintln(b, privacyLine(r.Participants))
	for _, t := range []table{caseloadManagerTable(r), caseloadProgramTable(r), caseloadPhaseTable(r), caseloadCaseTable(r)} {
		fmt.Fprintln(b)
		writeTextTable(b, t)
	}
	return writeTrimmed(w, b.Bytes())
}

// heading writes a title underlined to its display width. The title may
// hold the organisation's name, so it is escaped as every cell is.
func heading(w io.Writer, title, rule string) {
	title = display.Escape(title)
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, strings.Repeat(rule, display.Width(title)))
}

func writeTextTable(w io.Writer, t table) {
	heading(w, t.title, "-")
	if len(t.rows) == 0 {
		fmt.Fprintln(w, "(none)")
		return
	}
	upper := make([]string, len(t.headers))
	for i, h := range t.headers {
		upper[i] = strings.ToUpper(h)
	}
	// Align escapes every cell: a line break or a tab in a record's text
	// shows as \n or \t and cannot leave its line or column.
	display.Align(w, append([][]string{upper}, t.rows...))
}

// writeTrimmed writes text without spaces at the ends of lines.
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
