package cli

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
	"github.com/caseplan/caseplan/pkg/sealed"
	"github.com/caseplan/caseplan/pkg/tickler"
	"github.com/caseplan/caseplan/pkg/validate"
)

// caseFileOf is case show's view v of case c as a document a monitor or
// a supervisor keeps (-o md, html): what the text says, in its order,
// and around it what the case's records hold (the intake, the plan, the
// notes in full, the activity, referrals, references and outcome), each
// under its heading. It is made from the commit src names and says the
// command that makes it again (again). The sealed fields are not read
// here: only that they exist is said, unless open holds them, decrypted
// (case show --sealed: the participant's own copy of their file), when
// they are under a heading of their own after the intake. Every text
// passes through redact, as the findings' do (validate.Guard), so a
// number shaped like an SSN that a hand edit typed is masked here too —
// every text but the sealed values, which are the participant's own and
// shown as they were sealed. The participant's copy is read by the
// participant: case show passes validate.MaskSSNs as redact, which keeps
// the case's own words as recorded, a health or disability barrier's
// detail is shown (intakeSection), and the findings, the office's checks
// of its own record-keeping, are left out (participantFindings).
func caseFileOf(v *caseShowView, c *casefile.Case, src report.Source, again string, redact func(string) (string, int), open *sealed.Fields) *report.CaseFile {
	handle := "This case file names the participant and holds what the case's records say of them: handle it as confidential. The sealed fields are not in it."
	if open != nil {
		handle = "This case file names the participant and holds what the case's records say of them, its sealed fields too, in plain text: it is the participant's own copy, to give to them alone, never by unencrypted email (TEGL 39-11)."
	}
	d := &report.CaseFile{
		Title:  v.title(),
		Source: src,
		Again:  again,
		Lines: []string{
			"As of " + v.today + ", the day the status, the phase and what is due are judged on.",
			handle,
		},
	}
	header := report.CaseSection{Title: "Case"}
	for _, l := range v.lines() {
		header.Fields = append(header.Fields, report.CaseField{Label: l.label, Value: l.value})
	}
	d.Sections = append(d.Sections, header, intakeSection(c, open != nil), planSection(v, c))
	due := report.CaseSection{Title: "Next due", Headers: []string{"Due", "When", "Kind", "Detail"}}
	for _, it := range v.state.Due {
		due.Rows = append(due.Rows, []string{string(it.Due), tickler.When(it), it.Kind, it.Detail})
	}
	if len(due.Rows) == 0 {
		due.Headers, due.Empty = nil, "Nothing is due."
	}
	d.Sections = append(d.Sections, due, notesSection(c), activitySection(c), referralsSection(c), referencesSection(c), outcomeSection(c))
	waivers := report.CaseSection{Title: "Waivers", Headers: []string{"ID", "Rule", "By", "From", "Reason"}}
	for _, w := range v.Waivers {
		from := dashIfEmpty(w.Date)
		if !w.InEffect {
			from += " (not yet)"
		}
		waivers.Rows = append(waivers.Rows, []string{dashIfEmpty(w.ID), dashIfEmpty(w.Rule), dashIfEmpty(w.By), from, w.Reason})
	}
	if len(waivers.Rows) == 0 {
		waivers.Headers = nil
	}
	d.Sections = append(d.Sections, waivers)
	redactCaseFile(d, redact)
	if open != nil {
		// After the intake, and after redact: a sealed value is what
		// the leak guard would withhold (a disability, a date of birth).
		d.Sections = slices.Insert(d.Sections, 2, sealedSection(*open))
	}
	if open != nil {
		d.Lines = append(d.Lines, participantFindings)
		return d
	}
	// The findings as the text prints them: validate masked them
	// already; a pii-term finding does not name its term here, which
	// would give back what the text withholds.
	findings := report.CaseSection{Title: "Findings", Empty: "caseplan validate finds nothing in this case."}
	kept, storeWide := splitStoreWide(validate.WithholdTerms(v.Findings))
	for _, f := range kept {
		findings.Items = append(findings.Items, f.String())
	}
	if line := storeWideLine(storeWide, "this case"); line != "" {
		findings.Items = append(findings.Items, "("+line+")")
	}
	d.Sections = append(d.Sections, findings)
	return d
}

// participantFindings is what the participant's own copy says instead
// of the findings. They are not records of the case: caseplan validate
// works them out from the records each time they are shown, to tell
// staff what the office's own record-keeping lacks (a plan not yet
// agreed, a note without a follow-up, a detail to move to the sealed
// fields); nothing in them is about the participant that the records
// above do not say, and read by the participant they would read as a
// judgement of them.
const participantFindings = "The office's checks of its own record-keeping (caseplan validate's findings) are not in this copy: they are worked out from the case's records each time they are shown, not kept on the participant."

// redactCaseFile passes every text of d through redact.
func redactCaseFile(d *report.CaseFile, redact func(string) (string, int)) {
	r := func(s *string) { *s, _ = redact(*s) }
	r(&d.Title)
	for i := range d.Lines {
		r(&d.Lines[i])
	}
	fields := func(fs []report.CaseField) {
		for i := range fs {
			r(&fs[i].Value)
		}
	}
	for i := range d.Sections {
		s := &d.Sections[i]
		fields(s.Fields)
		for _, row := range s.Rows {
			for j := range row {
				r(&row[j])
			}
		}
		for j := range s.Entries {
			r(&s.Entries[j].Title)
			fields(s.Entries[j].Fields)
		}
		r(&s.Pre)
		for j := range s.Items {
			r(&s.Items[j])
		}
	}
}

func field(label, value string) report.CaseField { return report.CaseField{Label: label, Value: value} }

// withID is "ID: text", or text alone for an item written before items
// had IDs.
func withID(id, text string) string {
	if id == "" {
		return text
	}
	return id + ": " + text
}

// joinSet joins the parts that are set with sep.
func joinSet(sep string, parts ...string) string {
	var set []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			set = append(set, p)
		}
	}
	return strings.Join(set, sep)
}

// intakeSection is what the intake records beside the case's header:
// the team, eligibility, barriers, assessments, skills, consents and
// transfers.
//
// withSealed says the sealed fields are in the case file under their
// own heading (sealedSection), so the intake points there: it is the
// participant's own copy, which shows a health or disability barrier's
// detail too.
func intakeSection(c *casefile.Case, withSealed bool) report.CaseSection {
	s := report.CaseSection{Title: "Intake", Empty: "No team, eligibility, barrier, assessment, skill, consent or transfer is recorded."}
	in := c.Intake
	for _, t := range in.Team {
		s.Fields = append(s.Fields, field("Team", withID(t.ID, joinSet(", ", t.Name, t.Role, t.Organization, t.Phone, t.Email, t.Notes))))
	}
	for _, e := range in.Eligibility {
		eligible := "not eligible"
		if e.Eligible {
			eligible = "eligible"
		}
		s.Fields = append(s.Fields, field("Eligibility", withID(e.ID, joinSet(", ", string(e.Determined), e.Program, eligible, e.Basis))))
	}
	for _, b := range in.Barriers {
		resolved := ""
		if b.Resolved != "" {
			resolved = "resolved " + string(b.Resolved)
		}
		detail := b.Detail
		if detail != "" && validate.BarrierDetailSealed(b.Kind) && !withSealed {
			// Health or disability information (TEGL 39-11): the
			// leak guard's pii-term says it belongs in the sealed
			// fields, which a case file never shows — but for the
			// participant's own copy, which shows them too.
			detail = "[withheld: " + validate.RulePIITerm + "]"
		}
		s.Fields = append(s.Fields, field("Barrier", withID(b.ID, joinSet(", ", b.Kind, iepOr(b.Status, "open"), resolved, detail))))
	}
	for _, a := range in.Assessments {
		s.Fields = append(s.Fields, field("Assessment", withID(a.ID, joinSet(", ", string(a.Date), a.Tool, a.Summary))))
	}
	if len(in.Skills) > 0 {
		s.Fields = append(s.Fields, field("Skills", strings.Join(in.Skills, ", ")))
	}
	if in.CashAssistanceEnded != "" {
		s.Fields = append(s.Fields, field("Cash assistance", "ended "+string(in.CashAssistanceEnded)))
	}
	for _, cn := range in.Consents {
		withdrawn := ""
		if cn.Withdrawn != "" {
			withdrawn = "withdrawn " + string(cn.Withdrawn)
		}
		s.Fields = append(s.Fields, field("Consent", withID(cn.ID, joinSet(", ", cn.Kind, "given "+string(cn.Given), withdrawn, cn.Notes))))
	}
	for _, t := range in.Transfers {
		s.Fields = append(s.Fields, field("Transfer", withID(t.ID, joinSet(", ", string(t.Date), "from "+joinSet(" ", t.From, t.FromCenter)+" to "+joinSet(" ", t.To, t.ToCenter), t.Reason))))
	}
	if in.Exited != "" {
		s.Fields = append(s.Fields, field("Exited", string(in.Exited)))
	}
	switch {
	case withSealed:
		s.Fields = append(s.Fields, field("Sealed fields", "decrypted for this copy, under Sealed fields below"))
	case c.Sealed != nil:
		s.Fields = append(s.Fields, field("Sealed fields", "kept encrypted, not shown here (caseplan case sealed show "+c.ID+")"))
	}
	return s
}

// sealedSection is the case's sealed fields, decrypted (case show
// --sealed), each set field by the label a person reads (sealed.Labels),
// in sealed.Names' order.
func sealedSection(f sealed.Fields) report.CaseSection {
	s := report.CaseSection{Title: "Sealed fields", Empty: "The case has no sealed fields."}
	for _, name := range sealed.Names {
		if v := *f.Field(name); v != "" {
			s.Fields = append(s.Fields, field(sealed.Labels[name], v))
		}
	}
	return s
}

// planSection is the plan as iep show writes it (iepWritePlan), which
// owns how a plan reads, with the items overdue marked as case show's
// state has them.
func planSection(v *caseShowView, c *casefile.Case) report.CaseSection {
	s := report.CaseSection{Title: "Plan", Empty: "No plan yet (no iep.yaml)."}
	if c.IEP != nil {
		var b bytes.Buffer
		iepWritePlan(&b, c.IEP, v.state)
		s.Pre = b.String()
	}
	return s
}

// noteElements are a note's elements of substance, in the order the
// record and note show have them (001), with their labels.
func noteElements(n *record.Note) []report.CaseField {
	var fs []report.CaseField
	for _, e := range []struct{ label, text string }{
		{"Background", n.Background}, {"Reason", n.Reason}, {"Observations", n.Observations},
		{"Content", n.Content}, {"Results", n.Results}, {"Impressions", n.Impressions}, {"Plan", n.Plan},
	} {
		if t := strings.TrimSpace(e.text); t != "" {
			fs = append(fs, field(e.label, t))
		}
	}
	return fs
}

// notesSection is every note of the case in date order, voided ones
// included and marked, each whole: who, when, kind, mode, services and
// every element, with its action items and how each stands.
func notesSection(c *casefile.Case) report.CaseSection {
	s := report.CaseSection{Title: "Notes"}
	closures := casestate.ActionClosuresOf(c)
	for _, n := range c.AllNotes() {
		title := joinSet(" ", string(n.Date), n.Kind, "("+n.Mode+")")
		if by := c.VoidedBy(n); by != nil {
			title += ", voided by " + by.ID + ": recorded in error, it counts for nothing"
		}
		e := report.CaseEntry{Title: title + " — " + n.ID}
		two := "no"
		if n.TwoWay {
			two = "yes"
		}
		e.Fields = append(e.Fields, field("Author", n.Author), field("Two-way", two))
		if len(n.Services) > 0 {
			e.Fields = append(e.Fields, field("Services", strings.Join(n.Services, ", ")))
		}
		if n.Amends != "" {
			e.Fields = append(e.Fields, field("Amends", n.Amends))
		}
		e.Fields = append(e.Fields, noteElements(n)...)
		for i, a := range n.Actions {
			state := ""
			if n.Kind != record.NoteAmendment {
				status, how, on := closures.Status(n, i+1)
				state = status
				if on != "" {
					state += " on " + string(on) + " (" + how + ")"
				}
			}
			due := ""
			if a.Due != "" {
				due = "due " + string(a.Due)
			}
			e.Fields = append(e.Fields, field("Action "+casestate.ActionRef(n.ID, i+1), joinSet("; ", a.Owner+": "+a.Text, due, state)))
		}
		s.Entries = append(s.Entries, e)
	}
	return s
}

// activitySection counts the activity tracker's weeks (000), with a
// total.
func activitySection(c *casefile.Case) report.CaseSection {
	s := report.CaseSection{Title: "Activity", Headers: []string{"Week", "Applications", "Interviews", "Informational interviews", "Courses", "Networking"}}
	var total [5]int
	for _, w := range c.Activity {
		n := [5]int{len(w.Applications), len(w.Interviews), len(w.InformationalInterviews), len(w.Courses), len(w.Networking)}
		row := []string{w.Week}
		for i, k := range n {
			total[i] += k
			row = append(row, strconv.Itoa(k))
		}
		s.Rows = append(s.Rows, row)
	}
	if len(s.Rows) == 0 {
		s.Headers = nil
		return s
	}
	row := []string{"total"}
	for _, k := range total {
		row = append(row, strconv.Itoa(k))
	}
	s.Rows = append(s.Rows, row)
	return s
}

func referralsSection(c *casefile.Case) report.CaseSection {
	s := report.CaseSection{Title: "Referrals"}
	if c.Services == nil || len(c.Services.Referrals) == 0 {
		return s
	}
	s.Headers = []string{"ID", "Service", "Provider", "Category", "Referred", "Status", "Updated", "Outcome"}
	for _, r := range c.Services.Referrals {
		s.Rows = append(s.Rows, []string{r.ID, r.Service, r.Provider, dashIfEmpty(r.Category), string(r.Referred), r.Status, dashIfEmpty(string(r.Updated)), dashIfEmpty(r.Outcome)})
	}
	return s
}

func referencesSection(c *casefile.Case) report.CaseSection {
	s := report.CaseSection{Title: "References"}
	if c.References == nil || len(c.References.References) == 0 {
		return s
	}
	s.Headers = []string{"ID", "Name", "Relationship", "Title", "Organization", "Phone", "Email", "Permission", "Briefed", "Withdrawn"}
	for _, r := range c.References.References {
		s.Rows = append(s.Rows, []string{dashIfEmpty(r.ID), r.Name, r.Relationship, dashIfEmpty(r.Title), dashIfEmpty(r.Organization), dashIfEmpty(r.Phone), dashIfEmpty(r.Email),
			dashIfEmpty(string(r.Permission)), dashIfEmpty(string(r.Briefed)), dashIfEmpty(string(r.Withdrawn))})
	}
	return s
}

// outcomeSection is what outcome.yaml records, one row per item:
// placements, extensions, follow-ups, credentials, skill gains,
// exclusions, closures and reopenings.
func outcomeSection(c *casefile.Case) report.CaseSection {
	s := report.CaseSection{Title: "Outcome", Headers: []string{"Record", "ID", "Date", "Detail"}}
	o := c.Outcome
	add := func(kind, id string, date record.Date, detail ...string) {
		s.Rows = append(s.Rows, []string{kind, dashIfEmpty(id), dashIfEmpty(string(date)), joinSet("; ", detail...)})
	}
	num := func(f *float64, unit string) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', -1, 64) + unit
	}
	if o != nil {
		for _, p := range o.AllPlacements() {
			fell := ""
			if p.FellThrough != "" {
				fell = "fell through " + string(p.FellThrough) + " " + p.FellThroughReason
			}
			corrects := ""
			if p.Supersedes != "" {
				corrects = "corrects " + p.Supersedes + " " + p.Reason
			}
			add("placement", p.ID, p.Start, p.Employer, p.Position, num(p.Wage, " per "+iepOr(p.WageUnit, "hour")), num(p.Hours, " hours a week"), corrects, fell)
		}
		for _, e := range o.Extensions {
			until := ""
			if e.Until != "" {
				until = "until " + string(e.Until)
			}
			decided := ""
			if e.Decided != "" {
				decided = "decided " + string(e.Decided)
			}
			add("extension", e.ID, e.Requested, "requested", e.Decision, decided, until, e.By, e.Notes)
		}
		for _, f := range o.FollowUps {
			done := "not done"
			if f.Done != "" {
				done = "done " + string(f.Done)
			}
			employed := ""
			if f.Employed != nil {
				employed = "not employed"
				if *f.Employed {
					employed = "employed"
				}
			}
			quarter := ""
			if f.Quarter > 0 {
				quarter = fmt.Sprintf("quarter %d after exit", f.Quarter)
			}
			add("follow-up", f.ID, f.Due, "due", done, quarter, employed, f.Employer, f.Evidence, f.EvidenceNote, f.Notes)
		}
		for _, cr := range o.Credentials {
			add("credential", cr.ID, cr.Date, cr.Kind, cr.Name, cr.Provider)
		}
		for _, g := range o.SkillGains {
			add("skill gain", g.ID, g.Date, g.Kind, g.Notes)
		}
		for _, x := range o.Exclusions {
			add("exclusion", x.ID, x.Date, x.Kind)
		}
		for _, cl := range o.AllClosures() {
			add("closure", cl.ID, cl.Date, cl.Reason, cl.Notes)
		}
		for _, r := range o.Reopenings {
			add("reopening", r.ID, r.Date, r.Reason)
		}
	}
	if len(s.Rows) == 0 {
		s.Headers = nil
	}
	return s
}
