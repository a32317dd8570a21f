package validate

import (
	"fmt"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
)

// cohortRule holds a case to its cohort: a case that names a cohort
// (intake.yaml cohort:, written by case import) names one the store has.
var cohortRule = &Rule{
	ID: "unknown-cohort", Severity: finding.Error,
	Summary: "a case's cohort is a cohort record of the store (cases/cohorts/<id>.yaml)",
	check:   checkCohort,
}

func checkCohort(x *Context) {
	in := x.Case.Intake
	if in == nil || in.Cohort == "" {
		return
	}
	if _, ok := x.Cohorts[in.Cohort]; !ok {
		x.Report(x.File(layout.KindIntake), Path("cohort"), "cohort %q has no record %s; restore it, or correct the cohort", in.Cohort, layout.Cohort(in.Cohort))
	}
}

// storeRecordFindings checks the store-level records — cohorts and import
// rules — against their schemas, and each cohort's id against its file's
// name, as a case's id is checked against its directory's.
func storeRecordFindings(snap *casefile.Snapshot, opt Options) []finding.Finding {
	var out []finding.Finding
	for _, d := range snap.StoreDocs {
		out = append(out, schemaFindings(opt.Schemas, d, "")...)
		name, _ := layout.RecordName(d.Path)
		if kind, _ := layout.KindOf(d.Path); kind != layout.KindCohort {
			continue
		}
		// The notice and the imports have happened (future-date, as a
		// case's event dates): a write of the record refuses one after
		// today, as it refuses a case's.
		for _, e := range cohortEventDates(d.Path, snap.Cohorts[name]) {
			if msg, ok := futureMessage(e, opt.Today); ok {
				line, col := d.Position(e.at)
				out = append(out, finding.Finding{Path: d.Path, Line: line, Column: col, Severity: finding.Warning, Rule: RuleFutureDate, Message: msg})
			}
		}
		if c := snap.Cohorts[name]; c != nil && c.ID != name {
			line, col := d.Position(Path("id"))
			out = append(out, finding.Finding{
				Path: d.Path, Line: line, Column: col, Severity: finding.Error, Rule: "id-mismatch",
				Message: fmt.Sprintf("id %q differs from the file name %q; they must be the same", c.ID, name+layout.Ext),
			})
		}
	}
	return out
}
