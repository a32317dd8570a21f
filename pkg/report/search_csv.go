package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// Search writes one of the search report's tables (SearchTables): by
// default one row per case with every figure, each a cell of its own; or
// every case's latest applications, or its job interviews, a row each led
// by the case.
func (x csvWriter) Search(w io.Writer, r *Search) error {
	lead := func(c SearchCase) []string { return []string{r.AsOf, r.Commit, c.ID, c.Participant, c.Manager} }
	leadHeaders := []string{"as_of", "commit", "case", "participant", "manager"}
	switch x.opts.Table {
	case "", "cases":
	case "applications":
		rows := [][]string{append(leadHeaders, "date", "organization", "position", "scope", "grade", "status", "feedback")}
		for _, c := range r.Cases {
			for _, a := range c.Applications.Latest {
				scope := scopeText(a.Internal)
				if scope == "-" {
					scope = ""
				}
				rows = append(rows, append(lead(c), string(a.Date), a.Organization, a.Position, scope, a.Grade, a.Status, a.Feedback))
			}
		}
		return x.write(w, rows)
	case "interviews":
		rows := [][]string{append(leadHeaders, "date", "organization", "position", "kind", "feedback")}
		for _, c := range r.Cases {
			for _, iv := range c.Interviews {
				rows = append(rows, append(lead(c), string(iv.Date), iv.Organization, iv.Position, iv.Kind, iv.Feedback))
			}
		}
		return x.write(w, rows)
	default:
		return unknownTable(x.opts.Table, SearchTables)
	}
	// A column per application status (record.ApplicationStatuses), after
	// the applications' total and scopes.
	header := []string{"as_of", "commit", "id", "participant", "manager", "program", "status", "phase", "phase_start", "phase_ends", "days_left",
		"layoff_date", "work_security_ends", "extended_until", "job_targets", "applications", "internal", "external", "unstated"}
	for _, s := range record.ApplicationStatuses {
		header = append(header, "applications_"+s)
	}
	rows := [][]string{append(header, "job_interviews", "mock_interviews", "informational_interviews", "references", "references_required", "references_briefed",
		"resume", "cover_letter", "thank_you_letter", "last_contact", "contacts",
		"check_in_weeks", "check_in_weeks_kept", "extension_weighed", "extension_met", "contact_met", "contact_weeks_without", "applications_met", "applications_weeks_without", "extension_requested", "extension_moot")}
	for _, c := range r.Cases {
		status := map[string]int{}
		for _, s := range c.Applications.ByStatus {
			status[s.Status] = s.Count
		}
		e := c.Extension
		row := []string{r.AsOf, r.Commit, c.ID, c.Participant, c.Manager, c.Program, c.Status, c.Phase, c.PhaseStart, c.PhaseEnds, optInt(c.DaysLeft),
			c.LayoffDate, c.WorkSecurityEnds, c.ExtendedUntil, itoa(len(c.JobTargets)),
			itoa(c.Applications.Total), itoa(c.Applications.Internal), itoa(c.Applications.External), itoa(c.Applications.Unstated)}
		for _, s := range record.ApplicationStatuses {
			row = append(row, itoa(status[s]))
		}
		row = append(row, itoa(len(c.Interviews)), itoa(c.MockInterviews.Count), itoa(c.InformationalInterviews.Count),
			itoa(c.References.Named), itoa(c.References.Required), itoa(c.References.Briefed),
			c.Toolbox.Resume, c.Toolbox.CoverLetter, c.Toolbox.ThankYouLetter, c.LastContact, itoa(c.Contacts),
			itoa(c.CheckIns.CompleteWeeks), itoa(c.CheckIns.Kept),
			strconv.FormatBool(e.Weighed), strconv.FormatBool(e.Met), strconv.FormatBool(e.Contact.Met), strings.Join(e.Contact.WeeksWithout, " "),
			strconv.FormatBool(e.Applications.Met), strings.Join(e.Applications.WeeksWithout, " "), c.ExtensionRequested, e.Moot)
		rows = append(rows, row)
	}
	return x.write(w, rows)
}
