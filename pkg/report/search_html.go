package report

import "io"

// Search draws the overview, then each case's figures, latest
// applications and job interviews as tables of their own, titled with the
// case.
func (htmlWriter) Search(w io.Writer, r *Search) error {
	p := page{
		Title: searchTitle(r),
		Lines: []string{
			r.Organization,
			provenance(r.Commit, r.Committed, r.Caseplan, again(searchCommand(r), "html", r.Participants)),
			leftOut(r.Unread),
			searchAbout(r),
			privacyLine(r.Participants),
		},
	}
	p.Tables = append(p.Tables, newHTMLTable(searchOverviewTable(r)))
	for _, c := range r.Cases {
		title := searchCaseTitle(c)
		figures := table{title: title, headers: figureHeaders()}
		for _, l := range searchLines(c) {
			figures.rows = append(figures.rows, []string{l.label, l.value, l.remark})
		}
		apps, ivs := searchApplicationsTable(c), searchInterviewsTable(c)
		apps.title, ivs.title = title+": "+apps.title, title+": "+ivs.title
		p.Tables = append(p.Tables, newHTMLTable(figures), newHTMLTable(apps), newHTMLTable(ivs))
	}
	return pageTemplate.Execute(w, p)
}
