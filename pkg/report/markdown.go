package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// markdownWriter writes GitHub-flavoured Markdown, for a pull request, an
// issue or a wiki page.
type markdownWriter struct{}

func (markdownWriter) Monthly(w io.Writer, r *Monthly) error {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "# %s\n\n", mdText(monthTitle(r)+" ("+r.From+" to "+r.To+")"))
	fmt.Fprintf(b, "%s\n\n", mdText(r.Organization))
	fmt.Fprintf(b, "%s\n\n", mdText(provenance(r.Commit, r.Committed, monthlyCommand(r))))
	fmt.Fprintf(b, "Phases, days left and overdue items are as of %s; events count in the month of their own date.\n\n", r.To)
	fmt.Fprintf(b, "%s\n\n", mdText(privacyLine(r.Participants)))

	fmt.Fprintf(b, "## Summary\n\n")
	sum := table{headers: []string{"Figure", "Value", "Remark"}}
	for _, l := range summaryLines(r.Summary) {
		sum.rows = append(sum.rows, []string{l.label, l.value, l.remark})
	}
	writeMarkdownTable(b, sum)

	week := table{title: "Contacts per week", headers: []string{"Week", "From", "To", "Contacts"}}
	for _, wk := range r.ContactsByWeek {
		week.rows = append(week.rows, []string{wk.Week, wk.From, wk.To, itoa(wk.Contacts)})
	}
	for _, t := range []table{week, managerTable(r), programTable(r), caseTable(r)} {
		fmt.Fprintf(b, "\n## %s\n\n", t.title)
		writeMarkdownTable(b, t)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func (markdownWriter) Caseload(w io.Writer, r *Caseload) error {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "# Caseload report as of %s\n\n", r.AsOf)
	fmt.Fprintf(b, "%s\n\n", mdText(r.Organization))
	fmt.Fprintf(b, "%s\n\n", mdText(provenance(r.Commit, r.Committed, "caseplan report caseload --today "+r.AsOf)))
	fmt.Fprintf(b, "%s\n", mdText(privacyLine(r.Participants)))
	for _, t := range []table{caseloadManagerTable(r), caseloadProgramTable(r), caseloadCaseTable(r)} {
		fmt.Fprintf(b, "\n## %s\n\n", t.title)
		writeMarkdownTable(b, t)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func writeMarkdownTable(w io.Writer, t table) {
	if len(t.rows) == 0 {
		fmt.Fprintln(w, "(none)")
		return
	}
	cells := func(row []string) string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = mdText(c)
		}
		return "| " + strings.Join(out, " | ") + " |"
	}
	fmt.Fprintln(w, cells(t.headers))
	rule := make([]string, len(t.headers))
	for i := range rule {
		rule[i] = "---"
	}
	fmt.Fprintln(w, "| "+strings.Join(rule, " | ")+" |")
	for _, row := range t.rows {
		fmt.Fprintln(w, cells(row))
	}
}

// mdText escapes what would change a Markdown table or page: pipes, line
// breaks, inline HTML and emphasis markers from the records' free text.
var mdText = strings.NewReplacer(
	"\\", "\\\\", "|", "\\|", "\r\n", " ", "\n", " ", "\r", " ",
	"<", "&lt;", ">", "&gt;", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]",
).Replace
