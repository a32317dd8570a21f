package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/caseplan/caseplan/pkg/markdown"
)

func (markdownWriter) Search(w io.Writer, r *Search) error {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "# %s\n\n", mdText(searchTitle(r)))
	fmt.Fprintf(b, "%s\n\n", mdText(r.Organization))
	fmt.Fprintf(b, "%s\n\n", provenanceWith(mdText, markdown.Code, r.Commit, r.Committed, r.Caseplan, again(searchCommand(r), "md", r.Participants)))
	writeLeftOut(b, r.Unread, mdText, "\n\n")
	fmt.Fprintf(b, "%s\n\n", mdText(searchAbout(r)))
	fmt.Fprintf(b, "%s\n", mdPrivacy(r.Participants))
	t := searchOverviewTable(r)
	fmt.Fprintf(b, "\n## %s\n\n", mdText(t.title))
	writeMarkdownTable(b, t)
	for _, c := range r.Cases {
		fmt.Fprintf(b, "\n## %s\n\n", mdText(searchCaseTitle(c)))
		figures := table{headers: figureHeaders()}
		for _, l := range searchLines(c) {
			figures.rows = append(figures.rows, []string{l.label, l.value, l.remark})
		}
		writeMarkdownTable(b, figures)
		for _, t := range []table{searchApplicationsTable(c), searchInterviewsTable(c)} {
			fmt.Fprintf(b, "\n### %s\n\n", mdText(t.title))
			writeMarkdownTable(b, t)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}
