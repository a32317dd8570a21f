package report

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/caseplan/caseplan/pkg/markdown"
)

// markdownWriter writes GitHub-flavoured Markdown, for a pull request, an
// issue or a wiki page.
type markdownWriter struct{}

func (markdownWriter) Monthly(w io.Writer, r *Monthly) error {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "# %s\n\n", mdText(monthTitle(r)+" ("+r.From+" to "+r.To+")"))
	fmt.Fprintf(b, "%s\n\n", mdText(r.Organization))
	fmt.Fprintf(b, "%s\n\n", provenanceWith(mdText, markdown.Code, r.Commit, r.Committed, r.Caseplan, again(monthlyCommand(r), "md", r.Participants)))
	writeLeftOut(b, r.Unread, mdText, "\n\n")
	if l := lateLine(r, "md", mdText, markdown.Code); l != "" {
		fmt.Fprintf(b, "%s\n\n", l)
	}
	fmt.Fprintf(b, "Phases, days left and overdue items are as of %s; events count in the month of their own date.%s\n\n", r.To, soFarNote(r))
	fmt.Fprintf(b, "%s\n\n", mdPrivacy(r.Participants))

	fmt.Fprintf(b, "## Summary\n\n")
	sum := table{headers: figureHeaders()}
	for _, l := range summaryLines(r) {
		sum.rows = append(sum.rows, []string{l.label, l.value, l.remark})
	}
	writeMarkdownTable(b, sum)

	week := table{title: "Contacts per week", headers: []string{"Week", "From", "To", "Contacts"}}
	for _, wk := range r.ContactsByWeek {
		week.rows = append(week.rows, []string{wk.Week, wk.From, wk.To, itoa(wk.Contacts)})
	}
	for _, t := range append([]table{week}, monthlyTables(r)...) {
		fmt.Fprintf(b, "\n## %s\n\n", t.title)
		writeMarkdownTable(b, t)
	}
	if legend := flagLegend(r.Cases, monthlyAsOf(r)); len(legend) > 0 {
		fmt.Fprintf(b, "\nFlags:\n\n")
		for _, l := range legend {
			flag, meaning, _ := strings.Cut(l, ": ")
			fmt.Fprintf(b, "- %s: %s\n", markdown.Code(flag), mdText(meaning))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func (markdownWriter) Caseload(w io.Writer, r *Caseload) error {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "# %s\n\n", mdText(caseloadTitle(r)))
	fmt.Fprintf(b, "%s\n\n", mdText(r.Organization))
	fmt.Fprintf(b, "%s\n\n", provenanceWith(mdText, markdown.Code, r.Commit, r.Committed, r.Caseplan, again(caseloadCommand(r), "md", r.Participants)))
	writeLeftOut(b, r.Unread, mdText, "\n\n")
	fmt.Fprintf(b, "%s\n", mdPrivacy(r.Participants))
	for _, t := range []table{caseloadManagerTable(r), caseloadProgramTable(r), caseloadPhaseTable(r), caseloadCaseTable(r)} {
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
	// A column of numbers is right-aligned, so its digits line up.
	rule := make([]string, len(t.headers))
	for i := range rule {
		rule[i] = "---"
		if numericColumn(t, i) {
			rule[i] = "---:"
		}
	}
	fmt.Fprintln(w, "| "+strings.Join(rule, " | ")+" |")
	for _, row := range t.rows {
		fmt.Fprintln(w, cells(row))
	}
}

// numericColumn reports whether column i of t holds numbers (counts,
// shares, "2 / 1") in every row that has a value there ("-" and "none" are
// no value).
func numericColumn(t table, i int) bool {
	seen := false
	for _, row := range t.rows {
		if i >= len(row) || row[i] == "" || row[i] == "-" || row[i] == "none" {
			continue
		}
		if !numeric(row[i]) {
			return false
		}
		seen = true
	}
	return seen
}

// numeric reports whether a cell is a number as the reports write them: a
// count, days (-3), a share (63%) or counts side by side ("2 / 1",
// "2 / 0 / 1") — not a date.
func numeric(s string) bool { return numberCell.MatchString(s) }

var numberCell = regexp.MustCompile(`^(-?[0-9]+%?|[0-9]+( / [0-9]+)+)$`)

// mdPrivacy is privacyLine with its flag in a code span.
func mdPrivacy(participants string) string {
	return strings.ReplaceAll(mdText(privacyLine(participants)), "--names", "`--names`")
}

// mdText escapes the records' free text for a page or a table cell.
var mdText = markdown.Text
