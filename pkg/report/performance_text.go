package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/caseplan/caseplan/pkg/display"
)

func (textWriter) Performance(w io.Writer, r *Performance) error {
	b := new(bytes.Buffer)
	heading(b, performanceTitle(r), "=")
	fmt.Fprintln(b, display.Escape(r.Organization))
	fmt.Fprintln(b, provenance(r.Commit, r.Committed, r.Caseplan, again(performanceCommand(r), "text", r.Participants)))
	writeLeftOut(b, r.Unread, display.Escape, "\n")
	for _, l := range performanceAbout(r) {
		fmt.Fprintln(b, l)
	}
	fmt.Fprintln(b, privacyLine(r.Participants))
	fmt.Fprintln(b)
	writeTextTable(b, performanceSummaryTable(r))
	if l := unrecordedLine(r); l != "" {
		fmt.Fprintln(b, display.Escape(l))
	}
	for _, ind := range r.Indicators {
		fmt.Fprintln(b)
		heading(b, ind.Name, "=")
		for _, l := range performanceNotes(ind) {
			fmt.Fprintln(b, l)
		}
		for _, t := range []table{performanceCaseTable(ind), performanceMissingTable(ind)} {
			t.title = sectionTitle(t.title, ind.Name)
			fmt.Fprintln(b)
			writeTextTable(b, t)
		}
	}
	return writeTrimmed(w, b.Bytes())
}

// sectionTitle drops the indicator's name from a table's title where the
// section's heading already names it: "Cases", "Missing outcomes".
func sectionTitle(title, name string) string {
	if len(title) > len(name)+2 && title[:len(name)+2] == name+": " {
		rest := title[len(name)+2:]
		return string(bytes.ToUpper([]byte(rest[:1]))) + rest[1:]
	}
	return title
}
