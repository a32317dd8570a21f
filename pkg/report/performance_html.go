package report

import (
	"io"
	"math"

	"github.com/caseplan/caseplan/pkg/performance"
)

// shortNames label the indicators in the chart.
var shortNames = map[string]string{
	performance.EmploymentQ2:   "Employment, 2nd quarter",
	performance.EmploymentQ4:   "Employment, 4th quarter",
	performance.Credential:     "Credential attainment",
	performance.SkillGains:     "Measurable skill gains",
	performance.SameEmployer:   "Retention, same employer",
	performance.MedianEarnings: "Median earnings",
}

func (htmlWriter) Performance(w io.Writer, r *Performance) error {
	p := page{
		Title: performanceTitle(r),
		Lines: append(append([]string{r.Organization, provenance(r.Commit, r.Committed, r.Caseplan, again(performanceCommand(r), "html", r.Participants)), leftOut(r.Unread)},
			performanceAbout(r)...), privacyLine(r.Participants)),
	}
	var rates []bar
	for _, ind := range r.Indicators {
		p.Summary = append(p.Summary, line{label: ind.Name, value: ind.result(), remark: ind.counts() + "; " + ind.cohortText()})
		if ind.Rate != nil {
			rates = append(rates, bar{label: shortNames[ind.Key], value: int(math.Round(*ind.Rate * 100))})
		}
	}
	if l := unrecordedLine(r); l != "" {
		p.Summary = append(p.Summary, line{label: "Exits not recorded", value: itoa(len(r.UnrecordedExits)), remark: l})
	}
	p.Charts = []chart{percentChart("Rates, in percent of each denominator", "Indicator", "Rate", rates)}
	for _, ind := range r.Indicators {
		cases := performanceCaseTable(ind)
		cases.notes = performanceNotes(ind)
		p.Tables = append(p.Tables, newHTMLTable(cases), newHTMLTable(performanceMissingTable(ind)))
	}
	return pageTemplate.Execute(w, p)
}

// percentChart is a bar chart of percentages on a scale of 0 to 100, so
// that bars of different charts and reports compare.
func percentChart(title, labelHeader, valueHeader string, bars []bar) chart {
	c := newChart(title, labelHeader, valueHeader, bars)
	c.Unit = "%"
	for i, b := range bars {
		c.Bars[i].W = min(b.value, 100) * chartBarMax / 100
		c.Bars[i].ValueX = c.BarX + c.Bars[i].W + 6
	}
	return c
}
