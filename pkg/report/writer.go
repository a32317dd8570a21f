package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// Writer renders reports in one format. Each format is one file of this
// package (text.go, markdown.go, html.go, csv.go, json.go), as kubeconform
// keeps its outputs; they share the figures and tables built here, so the
// formats never disagree.
type Writer interface {
	Monthly(w io.Writer, r *Monthly) error
	Caseload(w io.Writer, r *Caseload) error
	Performance(w io.Writer, r *Performance) error
	Search(w io.Writer, r *Search) error
}

// Formats are the formats NewWriter knows, the first the default.
var Formats = []string{"text", "md", "html", "csv", "json"}

// NewWriter returns the writer of a format.
func NewWriter(format string) (Writer, error) {
	switch format {
	case "text":
		return textWriter{}, nil
	case "md":
		return markdownWriter{}, nil
	case "html":
		return htmlWriter{}, nil
	case "csv":
		return csvWriter{}, nil // NewCSV chooses the table and the BOM
	case "json":
		return jsonWriter{}, nil
	}
	return nil, fmt.Errorf("unknown report format %q; use one of %s", format, strings.Join(Formats, ", "))
}

// table is a titled table shared by the text, Markdown and HTML writers.
type table struct {
	title   string
	headers []string
	rows    [][]string
	notes   []string // lines under the title (the HTML writer shows them)
	// asOf is the day a Flags column's meanings are as of (caseTable).
	asOf asOf
	// figures names, for a column whose cells show several figures in
	// one ("2 / 0 / 1", joined), each figure's own header: CSV gives
	// each its column, as it gives a joined line of the summary a row
	// each (figures).
	figures map[int][]string
}

// joinedColumn adds to t a column showing l's parts in one cell per row
// (cells(row) their values), headed by l's label, whose figures CSV
// splits into columns headed by the parts' labels.
func (t *table) joinedColumn(l line) {
	if t.figures == nil {
		t.figures = map[int][]string{}
	}
	labels := make([]string, len(l.parts))
	for i, p := range l.parts {
		labels[i] = p.label
	}
	t.figures[len(t.headers)] = labels
	t.headers = append(t.headers, l.label)
}

// line is one figure of a summary: a label, its value and an optional
// remark. A line that shows several figures in one value ("2 / 0 / 1")
// keeps each of them in parts, for a format whose cell holds one number
// (CSV: a spreadsheet cannot sum "2 / 0 / 1").
type line struct {
	label, value, remark string
	parts                []line
	// figure is the line's name in CSV's figure column when label is
	// not: a CSV figure is a name scripts select rows by, kept when the
	// label says the day of a month not over.
	figure string
}

// figureName is l's name in CSV's figure column.
func (l line) figureName() string {
	if l.figure != "" {
		return l.figure
	}
	return l.label
}

// asOf is the day a monthly report's phases, open cases and overdue
// items are as of, as the report's words name it: the month's last day,
// or for a month not over the report's day. The day itself is the
// report's To and SoFar, which Month.SoFar and Month.Last decide; asOf
// only words it. The zero asOf is a whole month.
type asOf struct {
	soFar bool
	day   string // YYYY-MM-DD, the report's day when soFar
}

// monthlyAsOf is the day report r is as of.
func monthlyAsOf(r *Monthly) asOf { return asOf{soFar: r.SoFar, day: r.To} }

// date is what is due "before" it: "the month's last day", or the
// report's day saying why.
func (a asOf) date() string {
	if !a.soFar {
		return "the month's last day"
	}
	return a.day + " (" + a.notOver() + ")"
}

// at is when a thing is judged: "at month end", or "on" the report's day.
func (a asOf) at() string {
	if !a.soFar {
		return "at month end"
	}
	return "on " + a.date()
}

// notOver says why a month's report stops at its day.
func (a asOf) notOver() string { return "the report's day: the month is not over" }

// joined is a line showing parts side by side, their values joined by " / ".
func joined(label, remark string, parts ...line) line {
	values := make([]string, len(parts))
	for i, p := range parts {
		values[i] = p.value
	}
	return line{label: label, value: strings.Join(values, " / "), remark: remark, parts: parts}
}

func monthTitle(r *Monthly) string {
	m, err := ParseMonth(r.Month)
	if err != nil {
		return "Monthly status report " + r.Month
	}
	return fmt.Sprintf("Monthly status report, %s %d", m.Month, m.Year)
}

// provenance says which commit a report reads, which caseplan made it, and
// how to make it again.
func provenance(commit, committed, caseplan, again string) string {
	return provenanceWith(func(s string) string { return s }, func(s string) string { return s }, commit, committed, caseplan, again)
}

// provenanceWith is provenance written with text for its words and code
// for its commit, version and command (a Markdown code span).
func provenanceWith(text, code func(string) string, commit, committed, caseplan, again string) string {
	return provenanceOf(text, code, commit, committed, caseplan, again, "report")
}

// provenanceOf is provenanceWith for a document other than a report
// (what: "case file").
func provenanceOf(text, code func(string) string, commit, committed, caseplan, again, what string) string {
	if caseplan == "" {
		caseplan = "(devel)"
	}
	return text("Made from commit ") + code(commit) + text(" (committed "+committed+") by caseplan ") + code(caseplan) + text("; ") +
		code(again+" --at "+short(commit)) + text(" makes this "+what+" again with the same caseplan.")
}

// again is cmd, the command that makes a report, with the flags that
// make it in format and with the participants it shows ("names" with
// --names), so that the command a report names makes it again byte for
// byte and not another format or the initials.
func again(cmd, format, participants string) string {
	if format != Formats[0] {
		cmd += " -o " + format
	}
	if participants == "names" {
		cmd += " --names"
	}
	return cmd
}

// writeLeftOut writes leftOut's sentence, in format's words (mdText for
// Markdown) and followed by end, when the report left records out.
func writeLeftOut(b *bytes.Buffer, u []Unread, format func(string) string, end string) {
	if l := leftOut(u); l != "" {
		b.WriteString(format(l) + end)
	}
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}

func privacyLine(participants string) string {
	if participants == "names" {
		return "Participants are shown by full name (--names): handle this report as confidential."
	}
	return "Participants are shown by initials; --names shows full names."
}

// closedLine is the month's closures with their reasons in its remark
// ("moved 1, placed 2").
func closedLine(closed int, byReason map[string]int) line {
	l := line{label: "Closed", value: itoa(closed)}
	if len(byReason) > 0 {
		var reasons []string
		for k := range byReason {
			reasons = append(reasons, k)
		}
		sort.Strings(reasons)
		for i, k := range reasons {
			reasons[i] = k + " " + itoa(byReason[k])
		}
		l.remark = strings.Join(reasons, ", ")
	}
	return l
}

// summaryLines are the summary's figures of report r, with the remarks
// that say how each is counted.
func summaryLines(r *Monthly) []line {
	c := r.Summary
	// Open cases and overdue items are as of the day the report is as
	// of (asOf): the month's last day, or the report's day for a month
	// not over. CSV keeps the figure's name of a whole month.
	a := monthlyAsOf(r)
	open := line{label: "Open at the end of the month", value: itoa(c.OpenAtEnd)}
	dueFollowUps, doneFollowUps := "due in the month", "of those due in the month, done by its end"
	// The quarters after exit are due on their last day (casestate's
	// tickler), so a quarter ending in the month is due in it.
	quarters, dueQuarters, doneQuarters := "ending in the month", "WIOA's 2nd and 4th quarters after exit (TEGL 10-16) ending in the month", "of those, a follow-up reports on the quarter by the month's end"
	if a.soFar {
		open.figure, open.label, open.remark = open.label, "Open at the end of "+a.day, a.day+" is "+a.notOver()
		dueFollowUps, doneFollowUps = "due in the month up to "+a.date(), "of those, done by then"
		quarters, dueQuarters, doneQuarters = "ending in the month up to "+a.date(), "WIOA's 2nd and 4th quarters after exit (TEGL 10-16) ending in the month up to "+a.date(), "of those, a follow-up reports on the quarter by then"
	}
	closed := closedLine(c.Closed, c.ClosedByReason)
	placed := line{label: "Placements starting", value: itoa(c.Placed)}
	if c.MedianDaysToPlacement != nil {
		placed.remark = "median " + num(*c.MedianDaysToPlacement) + " days from opening to start"
	}
	return []line{
		{label: "Open at the start of the month", value: itoa(c.OpenAtStart)},
		open,
		{label: "Opened", value: itoa(c.Opened)},
		{label: "Reopened", value: itoa(c.Reopened), remark: "closed cases opened again"},
		closed,
		placed,
		{label: "Contacts", value: itoa(c.Contacts), remark: "as each program counts one: a two-way contact (000, 003); for WIOA with a recognised service and a detailed note (002)"},
		{label: "Contact compliance", value: pct(c.ContactCompliance), remark: fmt.Sprintf("%d of %d open cases in contact within their program's interval", c.ContactCases-c.OverdueContacts, c.ContactCases)},
		{label: "Overdue contacts", value: itoa(c.OverdueContacts)},
		{label: "Overdue items", value: itoa(c.OverdueItems), remark: "everything due before " + a.date() + " and not done"},
		extensionsLine(c.ExtensionsRequested, c.ExtensionsApproved, c.ExtensionsRefused),
		joined("Follow-ups due / done", "the follow-ups in outcome.yaml, by their due date",
			line{label: "Follow-ups due", value: itoa(c.FollowUpsDue), remark: dueFollowUps},
			line{label: "Follow-ups done", value: itoa(c.FollowUpsDone), remark: doneFollowUps}),
		{label: "Exits", value: itoa(c.Exits), remark: "WIOA participants' recorded exits dated in the month, as report performance counts them (TEGL 10-16)"},
		quartersAfterExitLine(c.QuartersAfterExitDue, c.QuartersAfterExitDone,
			"WIOA's 2nd and 4th (TEGL 10-16) "+quarters+"; done: a follow-up reports on it", dueQuarters, doneQuarters),
		{label: "Applications", value: itoa(c.Applications), remark: "from the activity tracker"},
		{label: "Interviews", value: itoa(c.Interviews), remark: "from the activity tracker; mock interviews not counted"},
	}
}

// extensionsLine is the month's extension requests and the joint
// committee's decisions (000) as every part of the monthly report shows
// them: the summary, each case manager's row and each program's.
func extensionsLine(requested, approved, refused int) line {
	return joined("Extensions requested / approved / refused", "approvals and refusals decided in the month",
		line{label: "Extensions requested", value: itoa(requested), remark: "requested in the month"},
		line{label: "Extensions approved", value: itoa(approved), remark: "decided in the month"},
		line{label: "Extensions refused", value: itoa(refused), remark: "decided in the month"})
}

// quartersAfterExitLine is the WIOA quarters after exit due in the month
// and done (TEGL 10-16) as every part of the monthly report shows them:
// the summary (with its remarks), each case manager's row and each
// program's (without).
func quartersAfterExitLine(due, done int, remark, dueRemark, doneRemark string) line {
	return joined("Quarters after exit due / done", remark,
		line{label: "Quarters after exit due", value: itoa(due), remark: dueRemark},
		line{label: "Quarters after exit done", value: itoa(done), remark: doneRemark})
}

// managerTable and programTable end with the extensions (extensionsLine),
// then the quarters after exit (quartersAfterExitLine), then the WIOA
// exits, after the columns they had before, so no column moves for a
// script that reads a CSV table by place.
func managerTable(r *Monthly) table {
	t := table{title: "Case managers", headers: []string{"Manager", "Name", "Caseload", "Opened", "Closed", "Placed", "Contacts", "Compliance", "Overdue contacts", "Overdue items", "Applications", "Interviews"}}
	t.joinedColumn(extensionsLine(0, 0, 0))
	t.joinedColumn(quartersAfterExitLine(0, 0, "", "", ""))
	t.headers = append(t.headers, "Exits")
	for _, m := range r.Managers {
		t.rows = append(t.rows, []string{m.ID, record.MarkRetired(m.Name, m.Retired), itoa(m.Caseload), itoa(m.Opened), itoa(m.Closed), itoa(m.Placed), itoa(m.Contacts), pct(m.ContactCompliance), itoa(m.OverdueContacts), itoa(m.OverdueItems), itoa(m.Applications), itoa(m.Interviews),
			extensionsLine(m.ExtensionsRequested, m.ExtensionsApproved, m.ExtensionsRefused).value,
			quartersAfterExitLine(m.QuartersAfterExitDue, m.QuartersAfterExitDone, "", "", "").value, itoa(m.Exits)})
	}
	return t
}

func programTable(r *Monthly) table {
	t := table{title: "Programs", headers: []string{"Program", "Kind", "Open at start", "Open at end", "Opened", "Reopened", "Closed", "Placed", "Contacts", "Compliance", "Overdue contacts", "Applications", "Interviews"}}
	t.joinedColumn(extensionsLine(0, 0, 0))
	t.joinedColumn(quartersAfterExitLine(0, 0, "", "", ""))
	t.headers = append(t.headers, "Exits")
	for _, p := range r.Programs {
		t.rows = append(t.rows, []string{p.Key, p.Kind, itoa(p.OpenAtStart), itoa(p.OpenAtEnd), itoa(p.Opened), itoa(p.Reopened), itoa(p.Closed), itoa(p.Placed), itoa(p.Contacts), pct(p.ContactCompliance), itoa(p.OverdueContacts), itoa(p.Applications), itoa(p.Interviews),
			extensionsLine(p.ExtensionsRequested, p.ExtensionsApproved, p.ExtensionsRefused).value,
			quartersAfterExitLine(p.QuartersAfterExitDue, p.QuartersAfterExitDone, "", "", "").value, itoa(p.Exits)})
	}
	return t
}

// postEmploymentTitle heads the post-employment section in every format.
const postEmploymentTitle = "Post-employment services (003)"

// postEmploymentLines are the post-employment section's figures; none
// when the store has no post-employment program.
func postEmploymentLines(r *Monthly) []line {
	s := r.PostEmployment
	if s == nil {
		return nil
	}
	// Renewals are judged on the day the report is as of, as overdue
	// items are (summaryLines): the month's last day, or the report's day
	// for a month not over.
	a := monthlyAsOf(r)
	due := "dated in the month, not renewed by its end"
	if a.soFar {
		due = "dated in the month up to " + a.date() + ", not renewed by then"
	}
	closed := closedLine(s.Closed, s.ClosedByReason)
	closed.remark = strings.TrimPrefix(closed.remark+"; "+record.ClosureCompleted+" is the end of the months of services", "; ")
	return []line{
		{label: "Months of services ending", value: itoa(s.ServicesEnding), remark: "the months after cash assistance ended end in the month (flag " + FlagServicesEnding + ")"},
		{label: "Open past their months", value: itoa(s.ServicesOver), remark: "close with caseplan case close CASE --date DATE --reason " + record.ClosureCompleted + " (flag " + FlagServicesOver + ")"},
		{label: "Benefit renewals due", value: itoa(s.RenewalsDue), remark: due},
		{label: "Benefit renewals overdue", value: itoa(s.RenewalsOverdue), remark: "past their date " + a.at() + ": not renewed, awaiting a decision or lapsed (flag " + FlagRenewalOverdue + ")"},
		{label: "Job-site visits without permission", value: itoa(s.JobSiteVisits), remark: "in the month, no permission on record (pe-job-site-permission; flag " + FlagJobSiteVisit + ")"},
		closed,
	}
}

// figureHeaders head a table of figures (lines): the summary's, the
// post-employment section's, a search candidate's, in every format that
// heads its columns.
func figureHeaders() []string { return []string{"Figure", "Value", "Remark"} }

// postEmploymentTable is the post-employment section as a table of
// figures, for the formats that show it only when the store has such a
// program; CSV writes its header alone when not.
func postEmploymentTable(r *Monthly) table {
	t := table{title: postEmploymentTitle, headers: figureHeaders()}
	for _, l := range postEmploymentLines(r) {
		t.rows = append(t.rows, []string{l.label, l.value, l.remark})
	}
	return t
}

// monthlyTables are the tables after the summary and the chart of weeks,
// in the order every format shows them: the post-employment section only
// when the store has such a program.
func monthlyTables(r *Monthly) []table {
	ts := []table{managerTable(r), programTable(r)}
	if r.PostEmployment != nil {
		ts = append(ts, postEmploymentTable(r))
	}
	return append(ts, caseTable(r))
}

func caseTable(r *Monthly) table {
	t := table{title: casesTitle(r), asOf: monthlyAsOf(r), headers: []string{"Case", "Participant", "Manager", "Program", "Phase", "Days left", "Last contact", "Contacts", "Applications", "Interviews", "Next milestone", "Flags"}}
	for _, c := range r.Cases {
		t.rows = append(t.rows, []string{c.ID, c.Participant, c.Manager, c.Program, c.Phase, daysLeft(c.DaysLeft), dash(c.LastContact), itoa(c.Contacts), itoa(c.Applications), itoa(c.Interviews), milestoneText(c.NextMilestone), flagText(c.Flags)})
	}
	return t
}

func caseloadManagerTable(r *Caseload) table {
	t := table{title: "Case managers", headers: []string{"Manager", "Name", "Program", "Open", "Overdue contacts", "Overdue items", "Cases with overdue items"}}
	for _, m := range r.Managers {
		t.rows = append(t.rows, []string{m.ID, record.MarkRetired(m.Name, m.Retired), "all", itoa(m.Open), itoa(m.OverdueContacts), itoa(m.OverdueItems), itoa(m.CasesOverdue)})
		for _, p := range m.Programs {
			t.rows = append(t.rows, []string{m.ID, "", p.Program, itoa(p.Open), itoa(p.OverdueContacts), itoa(p.OverdueItems), itoa(p.CasesOverdue)})
		}
	}
	return t
}

func caseloadProgramTable(r *Caseload) table {
	t := table{title: "Programs", headers: []string{"Program", "Kind", "Open", "Overdue contacts", "Overdue items", "Cases with overdue items"}}
	for _, p := range r.Programs {
		t.rows = append(t.rows, []string{p.Program, p.Kind, itoa(p.Open), itoa(p.OverdueContacts), itoa(p.OverdueItems), itoa(p.CasesOverdue)})
	}
	t.rows = append(t.rows, []string{caseloadTotalLabel(r), "", itoa(r.Total.Open), itoa(r.Total.OverdueContacts), itoa(r.Total.OverdueItems), itoa(r.Total.CasesOverdue)})
	return t
}

// caseloadTotalLabel names the totals row of the programs and phases
// tables: "all" counts the office's cases, but with --manager every
// figure is that manager's, and a row saying "all" would read as the
// office's total beside their name.
func caseloadTotalLabel(r *Caseload) string {
	if r.Manager != "" {
		return "total"
	}
	return "all"
}

// caseloadPhaseTable counts the open cases by phase, a row per case
// manager and one for their total (caseloadTotalLabel): a column per phase some case is in.
func caseloadPhaseTable(r *Caseload) table {
	phases := phaseOrder(r.Total)
	t := table{title: "Open cases by phase", headers: append([]string{"Manager", "Name", "Open"}, phases...)}
	row := func(id, name string, l Load) []string {
		cells := []string{id, name, itoa(l.Open)}
		for _, ph := range phases {
			cells = append(cells, itoa(l.Phases[ph]))
		}
		return cells
	}
	for _, m := range r.Managers {
		t.rows = append(t.rows, row(m.ID, record.MarkRetired(m.Name, m.Retired), m.Load))
	}
	t.rows = append(t.rows, row(caseloadTotalLabel(r), "", r.Total))
	return t
}

func caseloadCaseTable(r *Caseload) table {
	t := table{title: "Open cases", headers: []string{"Case", "Participant", "Manager", "Program", "Phase", "Days left", "Last contact", "Overdue items", "Next due"}}
	for _, c := range r.Cases {
		t.rows = append(t.rows, []string{c.ID, c.Participant, c.Manager, c.Program, c.Phase, daysLeft(c.DaysLeft), dash(c.LastContact), itoa(c.OverdueItems), nextDueText(c)})
	}
	return t
}

func nextDueText(c CaseloadRow) string {
	if c.NextDue == nil {
		return "-"
	}
	return string(c.NextDue.Due) + " " + c.NextDue.Detail
}

func milestoneText(m *Milestone) string {
	if m == nil {
		return "-"
	}
	return m.Due + " " + m.ID + ": " + m.Text
}

func daysLeft(d *int) string {
	if d == nil {
		return "-"
	}
	return itoa(*d)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

// num prints a median: whole days without a fraction.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// pct writes a share as a percentage, or "none" when there is no share.
func pct(f *float64) string {
	if f == nil {
		return "none"
	}
	return strconv.Itoa(int(*f*100+0.5)) + "%"
}
