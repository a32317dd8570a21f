package validate

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// cohortRule holds a case to its cohort: a case that names a cohort
// (intake.yaml cohort:, written by case import) names one the store has.
var cohortRule = &Rule{
	Local: true, ID: "unknown-cohort", Severity: finding.Error,
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

// RuleCohortDates is the rule that an imported case's notice and layoff
// dates are its cohort's: case import writes them from the cohort, and
// compares later rules with the cohort's record, but a hand edit of either
// side is caught only here.
const RuleCohortDates = "cohort-dates"

var cohortDatesRule = &Rule{
	Local: true, ID: RuleCohortDates, Severity: finding.Warning,
	Summary: "a case of a cohort records the cohort's WARN notice date and one of its layoff dates (cases/cohorts/<id>.yaml)",
	check:   checkCohortDates,
}

func checkCohortDates(x *Context) {
	in := x.Case.Intake
	if in == nil || in.Cohort == "" || in.Layoff == nil {
		return
	}
	co := x.Cohorts[in.Cohort]
	if co == nil {
		return // unknown-cohort, or the record is unreadable: said there
	}
	file := layout.Cohort(in.Cohort)
	if n := in.Layoff.NoticeDate; n != "" && co.NoticeDate != "" && n != co.NoticeDate {
		x.Report(x.File(layout.KindIntake), Path("layoff.notice_date"),
			"the notice date %s is not cohort %s's notice_date %s (%s): the case and its cohort date the same WARN notice; correct whichever is wrong — the cohort's record (no command changes it: edit %s by hand, then caseplan commit -m MESSAGE), or this case's layoff.notice_date (and those of the cohort's other cases: caseplan case list --cohort %s)",
			n, in.Cohort, co.NoticeDate, file, file, in.Cohort)
	}
	if d := in.Layoff.LayoffDate; d != "" && len(co.LayoffDates) > 0 && !co.HasLayoffDate(d) {
		x.Report(x.File(layout.KindIntake), Path("layoff.layoff_date"),
			"the layoff date %s is not one of cohort %s's layoff_dates (%s in %s): correct whichever is wrong — the cohort's record (a layoff date moved or added: no command changes it, so edit %s by hand, then caseplan commit -m MESSAGE), or this case's layoff.layoff_date (caseplan edit %s)",
			d, in.Cohort, joinDates(co.LayoffDates), file, file, x.Case.ID)
	}
}

func joinDates(ds []record.Date) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d)
	}
	return strings.Join(s, ", ")
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
			if msg, ok := futureMessage(e, dayOf(opt.Today)); ok {
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
