package report

import (
	"fmt"

	"github.com/caseplan/caseplan/pkg/casefile"
)

// KeepCohort keeps, of the report's rows, only those of the layoff
// cohort's cases (intake.yaml cohort:, as case import writes it), so a
// rapid-response coordinator sees the cohort's month case by case. The
// summary, the contacts per week and the managers' and programs' sections
// stay the office's: they say how the office is doing, of which the
// cohort is a part.
func (r *Monthly) KeepCohort(snap *casefile.Snapshot, cohort string) {
	in := map[string]bool{}
	for _, c := range snap.Cases {
		if c.Intake != nil && c.Intake.Cohort == cohort {
			in[c.ID] = true
		}
	}
	r.KeepCases(cohort, in)
}

// KeepCases keeps the case rows of cohort, whose cases are those in names.
func (r *Monthly) KeepCases(cohort string, in map[string]bool) {
	kept := []CaseRow{}
	for _, row := range r.Cases {
		if in[row.ID] {
			kept = append(kept, row)
		}
	}
	r.Cases, r.Cohort = kept, cohort
}

// casesTitle is the title of the per-case rows.
func casesTitle(r *Monthly) string {
	if r.Cohort != "" {
		return fmt.Sprintf("Cases of cohort %s (%d)", r.Cohort, len(r.Cases))
	}
	return "Cases"
}

// soFarNote says, after the line on what the report is as of, that the
// month is not over; "" for a whole month.
func soFarNote(r *Monthly) string {
	if !r.SoFar {
		return ""
	}
	return " The month is not over: this is the month so far, up to " + r.To + "."
}

// monthlyCommand is the command that makes the report again (with --at
// its commit, which provenance adds).
func monthlyCommand(r *Monthly) string {
	cmd := "caseplan report monthly --month " + r.Month
	if r.SoFar {
		// The month so far is the month up to the report's day.
		cmd += " --today " + r.To
	}
	if r.Cohort != "" {
		cmd += " --cohort " + r.Cohort
	}
	return cmd
}
