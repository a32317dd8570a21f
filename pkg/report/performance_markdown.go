package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/caseplan/caseplan/pkg/markdown"
)

func (markdownWriter) Performance(w io.Writer, r *Performance) error {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "# %s\n\n", mdText(performanceTitle(r)))
	fmt.Fprintf(b, "%s\n\n", mdText(r.Organization))
	fmt.Fprintf(b, "%s\n\n", provenanceWith(mdText, markdown.Code, r.Commit, r.Committed, r.Caseplan, again(performanceCommand(r), "md", r.Participants)))
	writeLeftOut(b, r.Unread, mdText, "\n\n")
	for _, l := range performanceAbout(r) {
		fmt.Fprintf(b, "%s\n\n", mdText(l))
	}
	fmt.Fprintf(b, "%s\n\n", mdText(privacyLine(r.Participants)))
	fmt.Fprintf(b, "## Indicators\n\n")
	writeMarkdownTable(b, performanceSummaryTable(r))
	if l := unrecordedLine(r); l != "" {
		fmt.Fprintf(b, "\n%s\n", mdText(l))
	}
	for _, ind := range r.Indicators {
		fmt.Fprintf(b, "\n## %s\n\n", mdText(ind.Name))
		for _, l := range performanceNotes(ind) {
			fmt.Fprintf(b, "%s\n\n", mdText(l))
		}
		for i, t := range []table{performanceCaseTable(ind), performanceMissingTable(ind)} {
			if i > 0 {
				fmt.Fprintln(b)
			}
			fmt.Fprintf(b, "### %s\n\n", mdText(sectionTitle(t.title, ind.Name)))
			writeMarkdownTable(b, t)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}
