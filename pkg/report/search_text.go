package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/caseplan/caseplan/pkg/display"
)

// Search writes the overview of the candidates, then a section per case:
// its figures, its latest applications and its job interviews.
func (textWriter) Search(w io.Writer, r *Search) error {
	b := new(bytes.Buffer)
	heading(b, searchTitle(r), "=")
	fmt.Fprintln(b, display.Escape(r.Organization))
	fmt.Fprintln(b, provenance(r.Commit, r.Committed, r.Caseplan, again(searchCommand(r), "text", r.Participants)))
	writeLeftOut(b, r.Unread, display.Escape, "\n")
	fmt.Fprintln(b, searchAbout(r))
	fmt.Fprintln(b, privacyLine(r.Participants))
	fmt.Fprintln(b)
	writeTextTable(b, searchOverviewTable(r))
	for _, c := range r.Cases {
		fmt.Fprintln(b)
		heading(b, searchCaseTitle(c), "=")
		var rows [][]string
		for _, l := range searchLines(c) {
			rows = append(rows, []string{l.label, l.value, l.remark})
		}
		display.Align(b, rows)
		for _, t := range []table{searchApplicationsTable(c), searchInterviewsTable(c)} {
			fmt.Fprintln(b)
			writeTextTable(b, t)
		}
	}
	return writeTrimmed(w, b.Bytes())
}
