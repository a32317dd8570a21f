package report

import (
	"io"
	"strconv"
	"strings"
)

// Performance writes one row per indicator and case (and one for an
// indicator no case is in, its case cells empty): where each case
// stands on each indicator, with the indicator's figures, the program
// year and the commit on every row, and what is still to be recorded for
// it (and the earliest day it was due). It is the report's one table.
func (x csvWriter) Performance(w io.Writer, r *Performance) error {
	if x.opts.Table != "" && x.opts.Table != "cases" {
		return unknownTable(x.opts.Table, PerformanceTables)
	}
	quarter := ""
	if r.Quarter != nil {
		quarter = strconv.Itoa(*r.Quarter)
	}
	rows := [][]string{{"program_year", "quarter", "as_of", "commit", "indicator", "cohort_from", "cohort_to", "numerator", "denominator", "result",
		"case", "participant", "manager", "date", "status", "why", "to_record", "due"}}
	for _, ind := range r.Indicators {
		// An indicator no case is in still has its row, its case cells
		// empty: a spreadsheet that lacked it would not say the result
		// is "none" but that the indicator was never reported.
		if len(ind.Cases) == 0 {
			rows = append(rows, []string{itoa(r.ProgramYear), quarter, r.AsOf, r.Commit, ind.Key, ind.Cohort.From, ind.Cohort.To,
				itoa(ind.Numerator), itoa(ind.Denominator), ind.result(), "", "", "", "", "", "", "", ""})
		}
		for _, c := range ind.Cases {
			var todo []string
			due := ""
			for _, m := range ind.Missing {
				if m.Case == c.Case {
					todo = append(todo, m.Record)
					if due == "" || m.By < due {
						due = m.By
					}
				}
			}
			rows = append(rows, []string{itoa(r.ProgramYear), quarter, r.AsOf, r.Commit, ind.Key, ind.Cohort.From, ind.Cohort.To,
				itoa(ind.Numerator), itoa(ind.Denominator), ind.result(),
				c.Case, c.Participant, c.Manager, c.Date, c.Status, c.Why, strings.Join(todo, "; "), due})
		}
	}
	return x.write(w, rows)
}
