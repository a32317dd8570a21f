package validate

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// integrityRules hold a case's files together: IDs match their files, what
// one record names exists, dates that imply an order are in order.
var integrityRules = []*Rule{
	{
		Local: true, ID: "id-mismatch", Severity: finding.Error,
		Summary: "a case's directory name and its intake id are the same",
		check:   checkIDMatch,
	},
	{
		Local: true, ID: "unknown-program", Severity: finding.Error,
		Summary: "a case's program is one of the programs in caseplan.yaml",
		check:   checkProgram,
	},
	{
		Local: true, ID: "unknown-staff", Severity: finding.Error,
		Summary: "the case's manager, every note author, plan reviewer and transfer party is on the staff roster",
		check:   checkStaff,
	},
	{
		// Retiring a member (staff set --active=false) is how a store
		// revokes them; their open cases are left with no one to work
		// them. WIOA's designated counselor rule says so as an error
		// (wioa-counselor); every other program is told here.
		Local: true, ID: RuleManagerRetired, Severity: finding.Warning, Completeness: true,
		Unwaivable: true, Remedy: transferRemedy,
		Summary: "an open case's manager is active on the staff roster (WIOA: wioa-counselor)",
		check:   checkManagerActive,
	},
	{
		// A retired member stays on the teams they were on (by email):
		// the sealed fields are re-sealed without them (by the write, or
		// later by a recipient: sealed-recipients), but the team
		// still names them as working the case. Taking them off is the
		// case's business, one case at a time.
		Local: true, ID: RuleTeamRetired, Severity: finding.Warning,
		Summary: "staff on an open case's team (by email) are active on the staff roster",
		check:   checkTeamActive,
	},
	{
		Local: true, ID: "note-id", Severity: finding.Error,
		Summary: "a note's file is notes/<id>.yaml and its id starts with its date",
		check:   checkNoteIDs,
	},
	{
		Local: true, ID: "activity-week", Severity: finding.Error,
		Summary: "a weekly activity file is activity/<week>.yaml and holds only that ISO week's dates",
		check:   checkActivityWeeks,
	},
	{
		Local: true, ID: "duplicate-id", Severity: finding.Error,
		Summary: "the IDs of a case's items — goals, milestones, referrals, applications, ... — are unique within their kind across the case",
		check:   checkDuplicateIDs,
	},
	{
		ID: "unresolved-ref", Severity: finding.Error,
		Summary: "what one record names exists: an objective's services, an amendment's note, a follow-up's evidence note",
		check:   checkReferences,
	},
	{
		ID: "date-order", Severity: finding.Error,
		Summary: "dates that imply an order are in order (notice before layoff, opened before closed, ...)",
		check:   checkDateOrder,
	},
	{
		ID: RuleCaseStatus, Severity: finding.Error,
		Summary: "a case is closed exactly when its outcome records a closure",
		check:   checkStatus,
	},
	{
		ID: RuleClosedPlaced, Severity: finding.Warning,
		Summary: "a case closed as placed has its placement on record (caseplan placement set), which is what the reports count as a placement, started by the closure's date (a case is placed from the placement's start)",
		Remedy:  "caseplan placement set CASE --employer E --position P --start DATE",
		check:   checkClosedPlaced,
	},
	{
		ID: RuleClosureReason, Severity: finding.Warning,
		Summary: "a closure's reason fits the case's program kind, as case close holds it: separated is work security's (000), completed post-employment's (003)",
		Remedy:  "caseplan edit CASE outcome",
		check:   checkClosureReason,
	},
	{
		Local: true, ID: RuleEpisodeOrder, Severity: finding.Warning,
		Summary: "a case's closures and reopenings alternate in date order — a closure, the reopening that ends it, the next closure — as case close and case reopen record them: one episode has one closure (DESIGN.md, outcome.yaml); two closures with no reopening between are most often one case closed in two clones",
		check:   checkEpisodeOrder,
	},
	{
		ID: RuleClosedCaseWork, Severity: finding.Warning,
		Summary: "no plan work (a completed plan service's start or end, an enrolled or completed course's start, a milestone or next step done, a plan review, a referral made or updated, an activity) is dated after a closing that no reopening had ended by then: the write commands refuse it, a late entry is dated on or before the closing day, and work that goes on reopens the case first (README, What a closed case takes)",
		Remedy:  "caseplan case reopen CASE --date DATE --reason TEXT",
		check:   checkClosedCaseWork,
	},
	{
		Local: true, ID: RulePlacementStart, Severity: finding.Warning, Setting: record.SettingPlacementStartMaxDays,
		Summary: "a placement starts within placement_start_max_days (180, caseplan's choice) of the day it was recorded: a later start is most likely a typo in the year, and would leave the case out of the placements until then",
		Remedy:  "caseplan placement set CASE --employer E --position P --start DATE --reason TEXT",
		check:   checkPlacementStart,
	},
	{
		Local: true, ID: RulePlanDate, Severity: finding.Warning, Setting: record.SettingPlanDateMaxMonths,
		Summary: "a date the plan sets for what is still to come (a goal's target; an undone milestone's, next step's or note action item's due date; a plan service's or course's start and end; a benefit's renewal) is within plan_date_max_months (36, caseplan's choice) of today: a later one is most likely a typo in the year, and a milestone due then would never come due on the tickler",
		check:   checkPlanDate,
	},
	{
		ID: RuleContactSchedule, Severity: finding.Warning, Source: "000",
		Summary: "the schedule for contact agreed in the plan (000: a regular schedule for communicating and meeting; 003: a scheduling matrix) can keep the program's interval (checkin_interval_days for work security, contact_interval_days for WIOA and post-employment): weekly leaves 7 days between contacts, fortnightly 14, monthly at least 28; the tickler asks by the interval when it comes first",
		check:   checkContactSchedule,
	},
	{
		ID: RuleFollowUpEarly, Severity: finding.Error, Source: "001",
		Summary: "a follow-up (work security, WIOA) is done on or after a placement's start, the WIOA exit or a closure: follow-up comes after placement or exit (001; 002: the counselor conducts follow-up; TEGL 10-16: the 2nd and 4th quarters after exit); a post-employment participant is employed from the opening (003)",
		check:   checkFollowUpEarly,
	},
	{
		Local: true, ID: "unknown-service", Severity: finding.Error,
		Summary: "every service code a note or the plan records is in the store's catalogue (caseplan.yaml services, or the built-in one), which gives its WIOA category",
		check:   checkServiceCodes,
	},
	{
		Local: true, ID: "waiver", Severity: finding.Error,
		Summary: "a waiver names an obligation (a completeness rule) of the case's program and was given by a supervisor on the roster",
		check:   checkWaivers,
	},
	cohortRule,
	cohortDatesRule,
	{
		Local: true, ID: RuleFutureDate, Severity: finding.Warning,
		Summary: "no date that records something that has happened — a note's, an assessment's, a step done, a closure's, ... (eventDates), a cohort's notice and imports (cohortEventDates) — is after today; a planned date (a target, a due date, a start) may be",
		check:   checkFutureDates,
	},
}

func checkIDMatch(x *Context) {
	in := x.Case.Intake
	if in == nil {
		return
	}
	if in.ID == x.Case.ID {
		return
	}
	if caseid.Check(in.ID) != nil {
		x.Report(x.File(layout.KindIntake), Path("id"), "id %q differs from the case directory %q; they must be the same: set id to %q", in.ID, x.Case.ID, x.Case.ID)
		return
	}
	// Most often the directory was renamed by hand (git mv): the case's
	// ID is in its notes, its commits' trailers and its log, so the
	// directory goes back rather than the ID following it.
	x.Report(x.File(layout.KindIntake), Path("id"), "id %q differs from the case directory %q; a case's ID never changes (its history and notes are under it): if the directory was renamed, move it back with git mv %s %s; if the id is the mistake, set it to %q",
		in.ID, x.Case.ID, layout.CaseDir(x.Case.ID), layout.CaseDir(in.ID), x.Case.ID)
}

func checkProgram(x *Context) {
	in := x.Case.Intake
	// No program at all is the schema's finding (a required field, a
	// pattern that refuses ""): saying "" is not defined adds nothing.
	if in == nil || x.Config == nil || in.Program == "" {
		return
	}
	if _, ok := x.Config.Programs[in.Program]; !ok {
		// The programs are a closed list, as a schema's enum is: the
		// same "did you mean" (a slip, other capitals, typographic
		// quotes pasted from a word processor).
		meant := ""
		if m := caseid.ChoiceMeant(programKeys(x.Config), in.Program); m != "" {
			meant = "; did you mean " + m + "?"
		}
		x.Report(x.File(layout.KindIntake), Path("program"), "program %q is not defined in cases/caseplan.yaml (defined: %s)%s", in.Program, strings.Join(programKeys(x.Config), ", "), meant)
	}
}

func programKeys(c *record.Config) []string {
	var keys []string
	for k := range c.Programs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// RuleManagerRetired: an open case's manager was retired from the roster.
const RuleManagerRetired = "manager-retired"

func checkManagerActive(x *Context) {
	in := x.Case.Intake
	if x.Config == nil || in == nil || in.Status != "open" || x.Config.ProgramKind(in.Program) == record.ProgramWIOA {
		return
	}
	if s, ok := x.Config.StaffByID(in.Manager); ok && !s.IsActive() {
		x.Report(x.File(layout.KindIntake), Path("manager"), "the manager %s is retired from the staff roster (active: false), and the case is open; hand it to an active manager with %s", in.Manager, RemedyFor(RuleManagerRetired, x.Case.ID))
	}
}

// RuleTeamRetired: a member retired from the roster is still on an open
// case's team.
const RuleTeamRetired = "team-retired"

// MemberRef is how caseplan case team remove names team member m: its
// ID, or its name (shell-quoted) on an entry written before entries had
// IDs.
func MemberRef(m record.TeamMember) string {
	if m.ID != "" {
		return m.ID
	}
	return display.ShellQuote(m.Name)
}

func checkTeamActive(x *Context) {
	in := x.Case.Intake
	if x.Config == nil || in == nil || in.Status != "open" {
		return
	}
	for i, m := range in.Team {
		if m.Email == "" {
			continue
		}
		if s, ok := x.Config.StaffByEmail(m.Email); ok && !s.IsActive() {
			member := MemberRef(m)
			x.Report(x.File(layout.KindIntake), []string{"team", strconv.Itoa(i), "email"}, "%s (%s) on the case's team is retired from the staff roster (active: false)%s: take them off the team with caseplan case team remove %s %s",
				m.Name, s.ID, sealedTo(x.Case.Sealed, s.ID), x.Case.ID, member)
		}
	}
}

// sealedTo says what a retired member's retirement did to the case's
// sealed fields: they are re-sealed without them when the retiring write
// could, and else still sealed to them until a recipient re-seals them
// (sealed-recipients says who).
func sealedTo(s *casefile.Sealed, staff string) string {
	if s == nil || !s.Ciphertext {
		return ""
	}
	for _, r := range s.Recipients {
		if r.Staff == staff {
			return "; they can still read the sealed fields until those are re-sealed (sealed-recipients)"
		}
	}
	return "; the sealed fields are no longer sealed to them"
}

func checkStaff(x *Context) {
	if x.Config == nil {
		return
	}
	known := func(id string) bool { _, ok := x.Config.StaffByID(id); return ok }
	// A hand-typed ID with a slip in it is named with the ID meant, not
	// met with the advice to add the slip to the roster.
	hintFor := func(id string) string {
		if meant := x.Config.StaffIDMeant(id); meant != "" {
			return fmt.Sprintf("; did you mean %s? correct the id (caseplan staff list shows the roster)", meant)
		}
		return "; add them with caseplan staff add, or correct the id"
	}
	if in := x.Case.Intake; in != nil {
		f := x.File(layout.KindIntake)
		if in.Manager != "" && !known(in.Manager) {
			x.Report(f, Path("manager"), "manager %q is not on the staff roster%s", in.Manager, hintFor(in.Manager))
		}
		for i, t := range in.Transfers {
			for _, who := range []struct{ field, id string }{{"from", t.From}, {"to", t.To}} {
				if who.id != "" && !known(who.id) {
					x.Report(f, []string{"transfers", strconv.Itoa(i), who.field}, "transfer %s %q is not on the staff roster%s", who.field, who.id, hintFor(who.id))
				}
			}
		}
	}
	for _, n := range x.Case.AllNotes() {
		if n.Author != "" && !known(n.Author) {
			x.Report(x.Case.NotePath(n), Path("author"), "author %q is not on the staff roster%s", n.Author, hintFor(n.Author))
		}
	}
	if p := x.Case.IEP; p != nil {
		for i, r := range p.Reviews {
			if r.By != "" && !known(r.By) {
				x.Report(x.File(layout.KindIEP), []string{"reviews", strconv.Itoa(i), "by"}, "reviewer %q is not on the staff roster%s", r.By, hintFor(r.By))
			}
		}
	}
}

func checkNoteIDs(x *Context) {
	for _, n := range x.Case.AllNotes() {
		p := x.Case.NotePath(n)
		stem := strings.TrimSuffix(path.Base(p), layout.Ext)
		if n.ID != stem {
			x.Report(p, Path("id"), "id %q differs from the file name %s; a note's file is notes/<id>.yaml", n.ID, path.Base(p))
			continue
		}
		if n.Date != "" && !strings.HasPrefix(stem, string(n.Date)+"-") {
			x.Report(p, Path("date"), "date %s differs from the date %s in the note's id; the id starts with the note's date", n.Date, stem[:min(10, len(stem))])
		}
	}
}

func checkActivityWeeks(x *Context) {
	for _, w := range x.Case.Activity {
		// Each file is checked as the file it is: a week file copied to
		// another week's name (its week field and dates still the old
		// week's) is caught, rather than passing as a second copy of the
		// old week and counting its applications twice.
		p := x.Case.ActivityPath(w)
		name := strings.TrimSuffix(path.Base(p), layout.Ext)
		if name != w.Week {
			x.Report(p, Path("week"), "week %s differs from the file name %s; a week's file is activity/<week>.yaml and holds only that week's dates", w.Week, path.Base(p))
			continue
		}
		start, ok := calendar.ParseISOWeek(name)
		if !ok {
			continue // the schema or the name check reports a malformed week
		}
		end := start.AddDate(0, 0, 7)
		check := func(list string, i int, d record.Date, entry any) {
			t, ok := d.Time()
			if ok && (t.Before(start) || !t.Before(end)) {
				x.Report(p, []string{list, strconv.Itoa(i), "date"}, "%s is not in week %s (%s to %s), the week of this file; record it in activity/%s.yaml", d, name, start.Format(time.DateOnly), end.AddDate(0, 0, -1).Format(time.DateOnly), calendar.ISOWeek(t))
				x.found[len(x.found)-1].Hint = moveEntryHint(x.Case.ID, name, calendar.ISOWeek(t), entry)
			}
		}
		for i, e := range w.Applications {
			check("applications", i, e.Date, e)
		}
		for i, e := range w.InformationalInterviews {
			check("informational_interviews", i, e.Date, e)
		}
		for i, e := range w.Interviews {
			check("interviews", i, e.Date, e)
		}
		for i, e := range w.Courses {
			check("courses", i, e.Date, e)
		}
		for i, e := range w.Networking {
			check("networking", i, e.Date, e)
		}
	}
}

func checkDuplicateIDs(x *Context) {
	type place struct {
		file string
		at   []string
	}
	seen := map[string]place{}
	check := func(file string, rec any) {
		record.EachItemID(rec, func(r record.ListRule, at []string, id string) {
			key := r.Kind + " " + r.Path + "\x00" + id
			first, ok := seen[key]
			if !ok {
				seen[key] = place{file, at}
				return
			}
			where := "at " + strings.Join(first.at, ".")
			if first.file != file {
				where = "in " + first.file + " " + where
			}
			x.Report(file, at, "%s ID %s is used twice (first %s); give each its own ID", r.Item, id, where)
		})
	}
	c := x.Case
	check(x.File(layout.KindIntake), c.Intake)
	check(x.File(layout.KindIEP), c.IEP)
	check(x.File(layout.KindReferences), c.References)
	check(x.File(layout.KindServices), c.Services)
	check(x.File(layout.KindOutcome), c.Outcome)
	for _, w := range c.Activity {
		check(c.ActivityPath(w), w)
	}
}

func checkReferences(x *Context) {
	if p := x.Case.IEP; p != nil {
		services := map[string]bool{}
		for _, s := range p.Services {
			services[s.ID] = true
		}
		for i, g := range p.Goals {
			for j, o := range g.Objectives {
				for k, s := range o.Services {
					if !services[s] {
						x.Report(x.File(layout.KindIEP), []string{"goals", strconv.Itoa(i), "objectives", strconv.Itoa(j), "services", strconv.Itoa(k)},
							"objective %s names service %s, which is not in the plan's services list", o.ID, s)
					}
				}
			}
		}
	}
	notes := map[string]*record.Note{}
	for _, n := range x.Case.AllNotes() {
		notes[n.ID] = n
	}
	for _, n := range x.Case.Notes {
		if n.Amends != "" && notes[n.Amends] == nil {
			x.Report(x.Case.NotePath(n), Path("amends"), "amends note %s, which is not a note of this case", n.Amends)
		}
		// Voiding an amendment would undo a correction: the note it
		// corrected stands voided or not by its own amendments. Who may
		// void a note is judged by the roster as it stood when the void
		// was made (access.Check, in every command and in verify), not by
		// today's: a supervisor who voided a colleague's note and later
		// steps down made a void that stands.
		if t := notes[n.Amends]; n.Voids && t != nil && t.Kind == record.NoteAmendment {
			x.Report(x.Case.NotePath(n), Path("voids"), "voids note %s, which is itself an amendment; an amendment corrects a note, and voids only one that is not an amendment: void the note %s amends (%s) instead, or amend it without voids", n.Amends, n.Amends, t.Amends)
		}
	}
	if o := x.Case.Outcome; o != nil {
		for i, f := range o.FollowUps {
			t := notes[f.EvidenceNote]
			switch {
			case f.EvidenceNote == "":
			case t == nil:
				x.Report(x.File(layout.KindOutcome), []string{"follow_ups", strconv.Itoa(i), "evidence_note"},
					"the follow-up's evidence is in note %s, which is not a note of this case; add the note first (caseplan note add)", f.EvidenceNote)
			case x.Case.VoidedBy(t) != nil:
				x.Report(x.File(layout.KindOutcome), []string{"follow_ups", strconv.Itoa(i), "evidence_note"},
					"the follow-up's evidence is in note %s, which amendment %s voided; record the evidence in a note of its own (caseplan note add) and name that one", f.EvidenceNote, x.Case.VoidedBy(t).ID)
			}
		}
	}
}

// before reports when both dates are valid and a is after b.
func after(a, b record.Date) bool {
	return a != "" && b != "" && a > b && validDate(a) && validDate(b)
}

func validDate(d record.Date) bool { _, ok := d.Time(); return ok }

func checkDateOrder(x *Context) {
	in := x.Case.Intake
	if in == nil {
		return
	}
	intake := x.File(layout.KindIntake)
	if l := in.Layoff; l != nil && after(l.NoticeDate, l.LayoffDate) {
		x.Report(intake, Path("layoff.layoff_date"), "layoff date %s is before the notice date %s", l.LayoffDate, l.NoticeDate)
	}
	for i, t := range in.Transfers {
		if after(in.Opened, t.Date) {
			x.Report(intake, []string{"transfers", strconv.Itoa(i), "date"}, "transfer date %s is before the case opened (%s)", t.Date, in.Opened)
		}
	}
	// A supervisor's waiver is a decision on the case: it cannot come
	// before the case existed.
	for i, w := range in.Waivers {
		if after(in.Opened, w.Date) {
			x.Report(intake, []string{"waivers", strconv.Itoa(i), "date"}, "waiver of %s dated %s, before the case opened (%s)", w.Rule, w.Date, in.Opened)
		}
	}
	for i, c := range in.Consents {
		if after(c.Given, c.Withdrawn) {
			x.Report(intake, []string{"consents", strconv.Itoa(i), "withdrawn"}, "permission withdrawn (%s) before it was given (%s)", c.Withdrawn, c.Given)
		}
	}
	for _, n := range x.Case.Notes {
		if after(in.Opened, n.Date) && n.Kind != "intake" {
			x.Report(x.Case.NotePath(n), Path("date"), "note date %s is before the case opened (%s)", n.Date, in.Opened)
		}
		// A correction comes after what it corrects: an amendment dated
		// before its note (a void, too) would read as known before the
		// note was written.
		if n.Amends != "" {
			if t := x.Case.NoteByID(n.Amends); t != nil && after(t.Date, n.Date) {
				x.Report(x.Case.NotePath(n), Path("date"), "amendment dated %s, before the note it amends (%s, dated %s); an amendment is dated the day it is written", n.Date, t.ID, t.Date)
			}
		}
	}
	if p := x.Case.IEP; p != nil {
		f := x.File(layout.KindIEP)
		for i, s := range p.Services {
			if after(s.Start, s.End) {
				x.Report(f, []string{"services", strconv.Itoa(i), "end"}, "service %s ends (%s) before it starts (%s)", s.ID, s.End, s.Start)
			}
		}
		for i, c := range p.SkillPlan {
			if after(c.Start, c.End) {
				x.Report(f, []string{"skill_plan", strconv.Itoa(i), "end"}, "course %q ends (%s) before it starts (%s)", c.Course, c.End, c.Start)
			}
		}
		// Nothing in the plan is done, or reviewed, before the case opened.
		for i, g := range p.Goals {
			for j, m := range g.Milestones {
				if after(in.Opened, m.Done) {
					x.Report(f, []string{"goals", strconv.Itoa(i), "milestones", strconv.Itoa(j), "done"}, "milestone %s is marked done on %s, before the case opened (%s)", m.ID, m.Done, in.Opened)
				}
			}
		}
		for i, st := range p.NextSteps {
			if after(in.Opened, st.Done) {
				x.Report(f, []string{"next_steps", strconv.Itoa(i), "done"}, "next step %s is marked done on %s, before the case opened (%s)", st.ID, st.Done, in.Opened)
			}
		}
		for i, r := range p.Reviews {
			if after(in.Opened, r.Date) {
				x.Report(f, []string{"reviews", strconv.Itoa(i), "date"}, "plan review dated %s, before the case opened (%s)", r.Date, in.Opened)
			}
		}
		for i, a := range p.Agreements {
			if after(in.Opened, a.Date) {
				x.Report(f, []string{"agreements", strconv.Itoa(i), "date"}, "the participant's agreement to the plan is dated %s, before the case opened (%s)", a.Date, in.Opened)
			} else if after(p.Created, a.Date) {
				x.Report(f, []string{"agreements", strconv.Itoa(i), "date"}, "the participant's agreement to the plan is dated %s, before the plan was created (%s)", a.Date, p.Created)
			}
		}
	}
	if s := x.Case.Services; s != nil {
		for i, r := range s.Referrals {
			if after(r.Referred, r.Updated) {
				x.Report(x.File(layout.KindServices), []string{"referrals", strconv.Itoa(i), "updated"}, "referral %s was updated (%s) before it was made (%s)", r.ID, r.Updated, r.Referred)
			}
		}
	}
	if o := x.Case.Outcome; o != nil {
		f := x.File(layout.KindOutcome)
		for i, e := range o.Extensions {
			if after(in.Opened, e.Requested) {
				x.Report(f, []string{"extensions", strconv.Itoa(i), "requested"}, "extension requested on %s, before the case opened (%s)", e.Requested, in.Opened)
			}
			if after(e.Requested, e.Decided) {
				x.Report(f, []string{"extensions", strconv.Itoa(i), "decided"}, "extension decided (%s) before it was requested (%s)", e.Decided, e.Requested)
			}
		}
		// A post-employment participant is already working when the case
		// opens (003): their job may well have started before it.
		if _, kind := x.Program(); kind != record.ProgramPostEmployment {
			if pl := o.Placement; pl != nil && after(in.Opened, pl.Start) {
				x.Report(f, Path("placement.start"), "placement start %s is before the case opened (%s)", pl.Start, in.Opened)
			}
			for i, pl := range o.Placements {
				if after(in.Opened, pl.Start) {
					x.Report(f, []string{"placements", strconv.Itoa(i), "start"}, "placement start %s is before the case opened (%s)", pl.Start, in.Opened)
				}
			}
		}
		// A credential or a skill gain is an outcome of the program: one
		// dated before the case opened (a typo in the year, or one earned
		// before enrolment) is never counted, since credential attainment
		// and measurable skill gains count only those during participation
		// (TEGL 10-16; PIRL 1800-1810), and nothing else would say so.
		for i, c := range o.Credentials {
			if after(in.Opened, c.Date) {
				x.Report(f, []string{"credentials", strconv.Itoa(i), "date"}, "credential %s attained on %s, before the case opened (%s): credential attainment counts one attained during participation or within a year after exit (TEGL 10-16); correct the date, or leave out one earned before enrolment", credentialName(c), c.Date, in.Opened)
			}
		}
		for i, g := range o.SkillGains {
			if after(in.Opened, g.Date) {
				x.Report(f, []string{"skill_gains", strconv.Itoa(i), "date"}, "skill gain %s documented on %s, before the case opened (%s): measurable skill gains count one made during participation (TEGL 10-16); correct the date, or leave out one made before enrolment", g.Kind, g.Date, in.Opened)
			}
		}
		// An offer falls through after it was recorded as accepted, and
		// the record says why (caseplan placement fell-through).
		fell := func(pl record.Placement, at ...string) {
			if after(pl.Recorded, pl.FellThrough) {
				x.Report(f, append(at, "fell_through"), "the offer at %s fell through on %s, before it was recorded as accepted (%s)", pl.Employer, pl.FellThrough, pl.Recorded)
			}
			if pl.FellThrough != "" && strings.TrimSpace(pl.FellThroughReason) == "" {
				x.Report(f, append(at, "fell_through"), "the offer at %s fell through on %s without a fell_through_reason; say why (the employer withdrew it, the start was cancelled)", pl.Employer, pl.FellThrough)
			}
			if pl.FellThrough == "" && pl.FellThroughReason != "" {
				x.Report(f, append(at, "fell_through_reason"), "fell_through_reason without a fell_through date; record the day the offer fell through, or remove the reason")
			}
		}
		if pl := o.Placement; pl != nil {
			fell(*pl, "placement")
		}
		for i, pl := range o.Placements {
			fell(pl, "placements", strconv.Itoa(i))
		}
		if cl := o.Closure; cl != nil && after(in.Opened, cl.Date) {
			x.Report(f, Path("closure.date"), "closure date %s is before the case opened (%s)", cl.Date, in.Opened)
		}
		for i, cl := range o.Closures {
			if after(in.Opened, cl.Date) {
				x.Report(f, []string{"closures", strconv.Itoa(i), "date"}, "closure date %s is before the case opened (%s)", cl.Date, in.Opened)
			}
		}
		ids := map[string]bool{}
		for _, pl := range o.AllPlacements() {
			if pl.ID != "" {
				ids[pl.ID] = true
			}
		}
		// A follow-up cannot report on a quarter after exit that had not
		// begun when it was done (TEGL 10-16 measures the quarter itself).
		if exit, ok := in.Exited.Time(); ok {
			for i, fu := range o.FollowUps {
				done, ok := fu.Done.Time()
				if fu.Quarter == 0 || !ok {
					continue
				}
				if first, _ := calendar.QuarterAfterExit(exit, fu.Quarter); done.Before(first) {
					x.Report(f, []string{"follow_ups", strconv.Itoa(i), "quarter"}, "the follow-up done %s reports on the %s quarter after exit, %s, which begins %s",
						fu.Done, calendar.Ordinal(fu.Quarter), calendar.QuarterName(first), first.Format(time.DateOnly))
				}
			}
		}
		for i, pl := range o.Placements {
			if pl.Supersedes != "" && !ids[pl.Supersedes] {
				x.Report(f, []string{"placements", strconv.Itoa(i), "supersedes"}, "placement %s supersedes %s, which is not a placement of this case", pl.ID, pl.Supersedes)
			}
		}
	}
}

// RuleCaseStatus is the rule that intake.yaml's status and outcome.yaml's
// closures agree; the write commands that refuse a closed case name it
// when they do not.
const RuleCaseStatus = "case-status"

func checkStatus(x *Context) {
	in := x.Case.Intake
	if in == nil {
		return
	}
	closed := x.Case.Outcome.LatestClosure() != nil
	switch {
	case in.Status == "closed" && !closed:
		// case close records the closure the intake lacks; a case meant
		// to be open has its status set back by hand.
		x.Report(x.File(layout.KindIntake), Path("status"), "status is closed but outcome.yaml records no closure in effect; if the case was closed, record the closure with caseplan case close %s --date DATE --reason REASON; if it is open, set status: open with caseplan edit %s %s",
			x.Case.ID, x.Case.ID, layout.KindIntake)
	case in.Status == "open" && closed:
		x.Report(x.File(layout.KindOutcome), nil, "outcome records a closure that no reopening ended, but the intake status is open; set status: closed, or reopen with caseplan case reopen")
	}
}

// RuleClosedPlaced is the rule that a closure for reason placed has a
// placement to go with it, started by the closure's date (record.PlacementFor:
// the participant is placed from the placement's start).
const RuleClosedPlaced = "closed-placed"

func checkClosedPlaced(x *Context) {
	o := x.Case.Outcome
	if o == nil {
		return
	}
	f := x.File(layout.KindOutcome)
	// at is the closure's path in the file: the finding names its date
	// when the placement starts after it, its reason when there is none.
	check := func(cl record.Closure, at ...string) {
		if cl.Reason != "placed" || o.PlacementFor(cl) != nil {
			return
		}
		if pl := fellThrough(o); pl != nil {
			x.Report(f, append(at, "reason"), "the case was closed as placed on %s, but the offer at %s fell through on %s (%s), so no report counts it; reopen the case with caseplan case reopen %s --date DATE --reason TEXT",
				cl.Date, pl.Employer, pl.FellThrough, pl.FellThroughReason, x.Case.ID)
			return
		}
		if pl := o.PlacementOn("9999-12-31"); pl != nil {
			x.Report(f, append(at, "date"), "the case was closed as placed on %s, but its placement at %s starts on %s, after it: the participant is placed from the start; date the closure on or after the start, or correct the start with %s",
				cl.Date, pl.Employer, pl.Start, RemedyFor(RuleClosedPlaced, x.Case.ID))
			return
		}
		x.Report(f, append(at, "reason"), "the case was closed as placed on %s, but outcome.yaml records no placement, so no report counts it; record the job with %s", cl.Date, RemedyFor(RuleClosedPlaced, x.Case.ID))
	}
	if cl := o.Closure; cl != nil {
		check(*cl, "closure")
	}
	for i, cl := range o.Closures {
		check(cl, "closures", strconv.Itoa(i))
	}
}

// RuleClosureReason is the rule that a closure's reason is one of
// record.ClosureReasonsFor the case's program kind: case close refuses
// the others, and a hand edit (or a closure recorded before it refused
// them) is warned of, not refused, so that a store's CI does not turn red
// on records no one touched.
const RuleClosureReason = "closure-reason"

func checkClosureReason(x *Context) {
	o := x.Case.Outcome
	_, kind := x.Program()
	if o == nil || kind == "" {
		return
	}
	fits := record.ClosureReasonsFor(kind)
	check := func(cl record.Closure, at ...string) {
		if cl.Reason == "" || slices.Contains(fits, cl.Reason) || !slices.Contains(record.ClosureReasons, cl.Reason) {
			return // none, or not a reason at all: the schema's finding
		}
		why := "separated is for a work-security candidate who separated at the end of the work security period (000)"
		if cl.Reason == record.ClosureCompleted {
			why = "completed is for a post-employment case whose months of services after cash assistance ended are over (003)"
		}
		x.Report(x.File(layout.KindOutcome), append(at, "reason"), "the case, a %s case, was closed on %s as %s: %s; correct the reason to one of %s with %s",
			kind, cl.Date, cl.Reason, why, strings.Join(fits, ", "), RemedyFor(RuleClosureReason, x.Case.ID))
	}
	if cl := o.Closure; cl != nil {
		check(*cl, "closure")
	}
	for i, cl := range o.Closures {
		check(cl, "closures", strconv.Itoa(i))
	}
}

// fellThrough returns the latest placement on record whose offer fell
// through when no placement is in effect because of it, else nil.
func fellThrough(o *record.Outcome) *record.Placement {
	all := o.AllPlacements()
	if o.PlacementOn("9999-12-31") != nil || len(all) == 0 || all[len(all)-1].FellThrough == "" {
		return nil
	}
	return &all[len(all)-1]
}

// RulePlacementStart is the rule that a placement's start is not
// implausibly far after the day it was recorded.
const RulePlacementStart = "placement-start"

func checkPlacementStart(x *Context) {
	o, in := x.Case.Outcome, x.Case.Intake
	if o == nil || in == nil {
		return
	}
	max := x.Config.ProgramSetting(in.Program, record.SettingPlacementStartMaxDays)
	// A placement a correction superseded is history: correcting the
	// start is what the warning asks for, and ends it.
	superseded := map[string]bool{}
	for _, pl := range o.Placements {
		if pl.Supersedes != "" {
			superseded[pl.Supersedes] = true
		}
	}
	for i, pl := range o.Placements {
		if pl.ID != "" && superseded[pl.ID] || pl.FellThrough != "" {
			continue // history, as is an offer that fell through
		}
		rec, ok := pl.Recorded.Time()
		start, ok2 := pl.Start.Time()
		if !ok || !ok2 || !start.After(rec.AddDate(0, 0, max)) {
			continue
		}
		days := int(start.Sub(rec).Hours()/24 + 0.5)
		x.Report(x.File(layout.KindOutcome), []string{"placements", strconv.Itoa(i), "start"},
			"the placement at %s starts on %s, %d days after it was recorded on %s (more than placement_start_max_days, %d): a typo in the year? Correct the start with %s, or, if the start is right, raise placement_start_max_days in cases/caseplan.yaml",
			pl.Employer, pl.Start, days, pl.Recorded, max, RemedyFor(RulePlacementStart, x.Case.ID))
	}
}

// RuleFollowUpEarly is the rule that a follow-up comes after what it
// follows: a placement's start or the end of services (an exit, a
// closure).
const RuleFollowUpEarly = "follow-up-early"

// checkFollowUpEarly reports a follow-up done before any placement on
// record started and before the exit and every closure. It is lenient
// on purpose: any placement's start counts, even one a correction
// superseded or of an earlier episode, so a follow-up that followed a
// job the records once knew is never flagged; an offer that fell
// through started no job, so it does not count. Post-employment cases
// are left alone: the participant is working when the case opens
// (003), and follow-ups may begin then (date-order keeps them after
// the opening).
func checkFollowUpEarly(x *Context) {
	o, in := x.Case.Outcome, x.Case.Intake
	if o == nil || in == nil {
		return
	}
	if _, kind := x.Program(); kind == record.ProgramPostEmployment || kind == "" {
		return
	}
	// from is the earliest day a follow-up may be done; what names it,
	// and other is the date besides the follow-up's that may be wrong.
	var from record.Date
	var what, other string
	earliest := func(d record.Date, w, o string) {
		if validDate(d) && (from == "" || d < from) {
			from, what, other = d, w, o
		}
	}
	for _, pl := range o.AllPlacements() {
		if pl.FellThrough == "" {
			earliest(pl.Start, "the placement at "+pl.Employer+" started", "the start")
		}
	}
	earliest(in.Exited, "the exit", "the exit date")
	for _, cl := range o.AllClosures() {
		earliest(cl.Date, "the case was closed", "the closure's date")
	}
	for i, fu := range o.FollowUps {
		if !validDate(fu.Done) || (from != "" && fu.Done >= from) {
			continue
		}
		at := []string{"follow_ups", strconv.Itoa(i), "done"}
		if from == "" {
			x.Report(x.File(layout.KindOutcome), at, "follow-up done on %s, but the case has no placement, exit or closure on record: a follow-up comes after placement or exit (001); record the job first (caseplan placement set %s ...) or the exit (caseplan case exit %s), or correct the date",
				fu.Done, x.Case.ID, x.Case.ID)
			continue
		}
		x.Report(x.File(layout.KindOutcome), at, "follow-up done on %s, before %s on %s: a follow-up comes after placement or exit (001); correct the date, or %s",
			fu.Done, what, from, other)
	}
}

func checkServiceCodes(x *Context) {
	codes := x.Config.ServiceCodes()
	known := func(code string) bool { _, ok := codes[code]; return ok }
	hint := func() string {
		keys := make([]string, 0, len(codes))
		for k := range codes {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return "use one of " + strings.Join(keys, ", ") + ", or add the code with its category to services: in " + layout.ConfigPath
	}
	for _, n := range x.Case.Notes {
		for i, code := range n.Services {
			if !known(code) {
				x.Report(x.Case.NotePath(n), []string{"services", strconv.Itoa(i)}, "service code %q is not in the store's catalogue; %s", code, hint())
			}
		}
	}
	if p := x.Case.IEP; p != nil {
		for i, s := range p.Services {
			if s.Code != "" && !known(s.Code) {
				x.Report(x.File(layout.KindIEP), []string{"services", strconv.Itoa(i), "code"}, "service %s has the code %q, which is not in the store's catalogue; %s", s.ID, s.Code, hint())
			}
		}
	}
}

func checkWaivers(x *Context) {
	in := x.Case.Intake
	if in == nil || x.Config == nil {
		return
	}
	for i, w := range in.Waivers {
		at := []string{"waivers", strconv.Itoa(i)}
		switch r := RuleByID(w.Rule); {
		case r == nil:
			x.Report(x.File(layout.KindIntake), append(at, "rule"), "waiver of %q: no such rule (caseplan rules lists them)", w.Rule)
		case r.Completeness && r.Unwaivable:
			x.Report(x.File(layout.KindIntake), append(at, "rule"), "waiver of %s: the rule cannot be waived, so the waiver waives nothing; remove it and mend what the rule reports with %s", w.Rule, RemedyFor(w.Rule, x.Case.ID))
		case r.ID == RuleChecksWaiting:
			x.Report(x.File(layout.KindIntake), append(at, "rule"), "waiver of %s: the rule cannot be waived, so the waiver waives nothing; remove it, and fix the file the case's rules wait for as its finding says", w.Rule)
		case !r.Completeness:
			x.Report(x.File(layout.KindIntake), append(at, "rule"), "waiver of %s: only an obligation (something due or missing) can be waived, not a rule that says the records contradict themselves", w.Rule)
		case !x.applies(r):
			// Written by hand (waiver add refuses it): it waives nothing.
			// Unless the case's program is missing or not defined: then
			// which rules apply is not known, and the program's own
			// finding (schema, unknown-program) is the one to mend.
			key, kind := x.Program()
			if kind == "" {
				break
			}
			x.Report(x.File(layout.KindIntake), append(at, "rule"), "waiver of %s: the rule applies to %s cases and the case is in program %s, so the waiver waives nothing; remove it, or name the rule meant (caseplan rules lists them)", w.Rule, r.Program, key)
		}
		// Who may waive is judged when the waiver is recorded, by the
		// roster of that day: waiver add and caseplan commit refuse a
		// case manager's, and verify reports one in history
		// (supervisor-only). A supervisor who steps down or retires later
		// leaves their waivers standing, as their notes stand.
		if _, ok := x.Config.StaffByID(w.By); !ok {
			x.Report(x.File(layout.KindIntake), append(at, "by"), "waiver by %q: not on the staff roster; a waiver names the supervisor who granted it", w.By)
		}
	}
}

// credentialName names a credential in a finding: its ID, with its name
// or, without one, its kind.
func credentialName(c record.Credential) string {
	what := c.Kind
	if c.Name != "" {
		what = strconv.Quote(c.Name)
	}
	if c.ID == "" {
		return what
	}
	return c.ID + " (" + what + ")"
}

// RuleEpisodeOrder is the rule that a case's closures and reopenings
// alternate (record.Outcome.OutOfTurn). A warning: a store already in
// that state is mended by recording the reopening between or by taking
// out the wrong one of the two (the one removal of an episode
// episode-removed takes, audit.RemovedEpisodes), and the reports count
// one closure per episode meanwhile (record.Outcome.ClosesEpisode).
const RuleEpisodeOrder = "episode-order"

func checkEpisodeOrder(x *Context) {
	o := x.Case.Outcome
	turns, prev := o.OutOfTurn()
	f := x.File(layout.KindOutcome)
	at := func(t record.Turn) []string {
		if t.Reopening {
			return reopeningIndexAt(t.Index)
		}
		return closureAt(o, t.Index)
	}
	id := x.Case.ID
	for i, t := range turns {
		p := prev[i]
		switch {
		case !t.Reopening:
			cl, was := o.AllClosures()[t.Index], o.AllClosures()[p.Index]
			x.Report(f, at(t), "the case was closed on %s (%s) and again on %s (%s) with no reopening between: one episode has one closure, and the reports count the later; if the case was reopened between them, record it with caseplan case reopen %s --date DATE --reason TEXT; else take out the closure that is wrong with caseplan edit %s outcome (the one removal of an episode taken: git keeps it)",
				was.Date, was.Reason, cl.Date, cl.Reason, id, id)
		case p.Index < 0:
			x.Report(f, at(t), "the case was reopened on %s but no closure before it is on record; if the case was closed, correct the reopening's date with caseplan edit %s outcome",
				t.Date, id)
		default:
			x.Report(f, at(t), "the case was reopened on %s and again on %s with no closure between: one closed episode is reopened once; if the case was closed between them, record it with caseplan case close %s --date DATE --reason REASON; else take out the reopening that is wrong with caseplan edit %s outcome (the one removal of an episode taken: git keeps it)",
				o.Reopenings[p.Index].Date, t.Date, id, id)
		}
	}
}
