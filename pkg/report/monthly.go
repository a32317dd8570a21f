package report

import (
	"math"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/performance"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/validate"
)

// Monthly is the monthly status report. Its JSON form is the contract of
// caseplan report monthly -o json (documented in the command's help).
type Monthly struct {
	Report       string   `json:"report"`           // "monthly"
	Month        string   `json:"month"`            // YYYY-MM
	From         string   `json:"from"`             // the month's first day
	To           string   `json:"to"`               // the month's last day, or the report's day for a month not over (SoFar): phases, days left and overdue are as of it
	SoFar        bool     `json:"so_far,omitempty"` // the month is not over: reported up to To
	Organization string   `json:"organization"`
	Commit       string   `json:"commit"`       // the commit whose records the report reads
	Committed    string   `json:"committed"`    // that commit's committer time, RFC 3339
	Caseplan     string   `json:"caseplan"`     // the caseplan version that made the report
	Participants string   `json:"participants"` // "initials", or "names" with --names
	Unread       []Unread `json:"unread"`       // records of the commit that could not be read, left out of every figure ([] when none)
	// LateEntries are the records dated in the month that were committed
	// after it ended, and so were not in a report made then (LateNotes);
	// null when there are none, or when the report reads a commit made by
	// the month's end.
	LateEntries    *LateEntries     `json:"late_entries"`
	Summary        Counts           `json:"summary"`
	ContactsByWeek []WeekCount      `json:"contacts_by_week"`
	Managers       []ManagerSection `json:"managers"`
	Programs       []ProgramSection `json:"programs"`
	Cases          []CaseRow        `json:"cases"`
	// PostEmployment is the month of the store's post-employment
	// programs (003); absent when the store has none, as a section with
	// nothing it could ever count would be noise to every other office.
	PostEmployment *PostEmploymentSection `json:"post_employment,omitempty"`
	// Cohort, when set, is the layoff cohort whose cases alone are in
	// Cases (KeepCohort); the summary and sections stay the office's.
	Cohort string `json:"cohort,omitempty"`
}

// Counts are the figures of the summary and of each program's section.
type Counts struct {
	OpenAtStart    int            `json:"open_at_start"`    // open on the month's first day, opened before it
	OpenAtEnd      int            `json:"open_at_end"`      // open at the end of the month's last day
	Opened         int            `json:"opened"`           // opened in the month
	Reopened       int            `json:"reopened"`         // reopenings in the month of cases closed before
	Closed         int            `json:"closed"`           // closures in the month: open_at_start + opened + reopened - closed = open_at_end
	ClosedByReason map[string]int `json:"closed_by_reason"` // closure reason -> cases closed in the month
	Placed         int            `json:"placed"`           // placements starting in the month
	// MedianDaysToPlacement is the median of the days from opening to the
	// placement's start over the month's placements; nil when none.
	MedianDaysToPlacement *float64 `json:"median_days_to_placement"`
	Contacts              int      `json:"contacts"` // contact notes dated in the month
	// ContactCases counts the cases open at month end whose program expects
	// contact in their phase; ContactCompliance is the share of them not
	// overdue for it on the month's last day (null when there are none:
	// a manager with no such case is neither compliant nor not), and
	// OverdueContacts the others.
	ContactCases        int      `json:"contact_cases"`
	ContactCompliance   *float64 `json:"contact_compliance"`
	OverdueContacts     int      `json:"overdue_contacts"`
	OverdueItems        int      `json:"overdue_items"` // every due item overdue on the month's last day, contacts included
	ExtensionsRequested int      `json:"extensions_requested"`
	ExtensionsApproved  int      `json:"extensions_approved"` // approvals decided in the month
	// ExtensionsRefused counts the refusals decided in the month: a
	// request refused is no longer pending, and without this figure it
	// would show nowhere in the report (requested 2, approved 0 reads as
	// two waiting).
	ExtensionsRefused int `json:"extensions_refused"`
	FollowUpsDue      int `json:"follow_ups_due"`
	FollowUpsDone     int `json:"follow_ups_done"`
	// QuartersAfterExitDue counts the quarters after exit a WIOA case owes
	// a follow-up in (TEGL 10-16: the 2nd and 4th) that end in the month,
	// as the tickler has them (casestate.State.FollowUpQuarters), planned
	// or not; QuartersAfterExitDone those of them a follow-up reports on
	// by the month's end. FollowUpsDue counts the follow-ups outcome.yaml
	// holds, by their due date (planned by hand, or recorded by followup
	// add, due the day it was done), and keeps that meaning.
	QuartersAfterExitDue  int `json:"quarters_after_exit_due"`
	QuartersAfterExitDone int `json:"quarters_after_exit_done"`
	Applications          int `json:"applications"`
	Interviews            int `json:"interviews"` // job interviews; mock interviews are practice and do not count
	// Exits counts the WIOA exits dated in the month as report
	// performance counts them (performance.Facts.CountedExit): a
	// participant's exit recorded (caseplan case exit; PIRL 901). Each starts the
	// participant's quarters after exit and puts them in an exit cohort
	// (TEGL 10-16). An exit by the definition not recorded yet is not
	// one (the potential-exit and unrecorded-exit flags say which); one
	// recorded after the month, dated in it, is, and the late entries
	// say it moved the figure.
	Exits int `json:"exits"`
}

// WeekCount is the number of contacts in one ISO week of the month (only
// its days inside the month).
type WeekCount struct {
	Week     string `json:"week"` // 2026-W40
	From     string `json:"from"`
	To       string `json:"to"`
	Contacts int    `json:"contacts"`
}

// ManagerSection is one case manager's part of the month: the cases they
// were the designated counselor of at month end.
type ManagerSection struct {
	ID                string   `json:"id"`
	Name              string   `json:"name"`     // from the staff roster; "" when not on it
	Retired           bool     `json:"retired"`  // the roster retired them (active: false); their cases still name them, as in the caseload report
	Caseload          int      `json:"caseload"` // cases open at month end
	Opened            int      `json:"opened"`
	Closed            int      `json:"closed"`
	Placed            int      `json:"placed"`
	Contacts          int      `json:"contacts"`
	ContactCases      int      `json:"contact_cases"`
	ContactCompliance *float64 `json:"contact_compliance"`
	OverdueContacts   int      `json:"overdue_contacts"`
	OverdueItems      int      `json:"overdue_items"`
	Applications      int      `json:"applications"`
	Interviews        int      `json:"interviews"`
	// The extension requests and the joint committee's decisions in the
	// month on the manager's cases, counted as the summary counts them.
	ExtensionsRequested int `json:"extensions_requested"`
	ExtensionsApproved  int `json:"extensions_approved"`
	ExtensionsRefused   int `json:"extensions_refused"`
	// The WIOA quarters after exit ending in the month on the manager's
	// cases, and done, counted as the summary counts them.
	QuartersAfterExitDue  int `json:"quarters_after_exit_due"`
	QuartersAfterExitDone int `json:"quarters_after_exit_done"`
	// The WIOA exits dated in the month on the manager's cases, counted
	// as the summary counts them.
	Exits int `json:"exits"`
}

// PostEmploymentCounts are the figures a post-employment case (003)
// gives the month beyond every program's: what its coordinator acts on at
// month end. Each counts as a flag of the case's row marks it, so the
// cases are found in the rows.
type PostEmploymentCounts struct {
	// ServicesEnding counts the cases whose post_assistance_months (12)
	// after cash assistance ended end in the month, on a day the case
	// was open (FlagServicesEnding).
	ServicesEnding int `json:"services_ending"`
	// ServicesOver counts the cases still open at month end after those
	// months ended: to close with --reason completed (FlagServicesOver).
	ServicesOver int `json:"services_over"`
	// RenewalsDue counts the benefit renewals dated in the month, as the
	// records stood at its end (the tickler's benefit-renewal items): a
	// renewal recorded in the month has moved to its next date.
	RenewalsDue int `json:"renewals_due"`
	// RenewalsOverdue counts the benefit renewals past their date at
	// month end with no renewal recorded: not renewed, a decision awaited
	// (pending) or lapsed (FlagRenewalOverdue).
	RenewalsOverdue int `json:"renewals_overdue"`
	// JobSiteVisits counts the job-site visits dated in the month without
	// the participant's permission on record (validate's
	// pe-job-site-permission; FlagJobSiteVisit).
	JobSiteVisits int `json:"job_site_visits_without_permission"`
}

func (c *PostEmploymentCounts) add(o PostEmploymentCounts) {
	c.ServicesEnding += o.ServicesEnding
	c.ServicesOver += o.ServicesOver
	c.RenewalsDue += o.RenewalsDue
	c.RenewalsOverdue += o.RenewalsOverdue
	c.JobSiteVisits += o.JobSiteVisits
}

// PostEmploymentSection is the month of the store's post-employment
// programs together: their cases' PostEmploymentCounts and closures.
type PostEmploymentSection struct {
	Programs []string `json:"programs"` // the programs of kind post-employment, by key
	PostEmploymentCounts
	// Closed and ClosedByReason are the closures in the month of those
	// programs' cases, as the programs' sections count them; completed
	// is the reason for the end of the months of services.
	Closed         int            `json:"closed"`
	ClosedByReason map[string]int `json:"closed_by_reason"`
}

// ProgramSection is one program's part of the month.
type ProgramSection struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	Counts
}

// CaseRow is one case's line of the report: every case open at some time
// in the month, and any other case with an event dated in it (a follow-up
// after a closure, say).
type CaseRow struct {
	ID          string `json:"id"`
	Participant string `json:"participant"` // initials unless --names
	Manager     string `json:"manager"`     // staff id, at month end
	Program     string `json:"program"`
	Status      string `json:"status"` // open or closed, at month end
	Phase       string `json:"phase"`  // at month end (see caseplan case show)
	PhaseEnds   string `json:"phase_ends"`
	// DaysLeft counts from the month's last day to PhaseEnds; nil when the
	// phase has no set end.
	DaysLeft      *int       `json:"days_left"`
	LastContact   string     `json:"last_contact"` // on or before month end; "" when none
	Contacts      int        `json:"contacts"`     // in the month
	Applications  int        `json:"applications"`
	Interviews    int        `json:"interviews"`
	OverdueItems  int        `json:"overdue_items"`
	NextMilestone *Milestone `json:"next_milestone"`
	Flags         []string   `json:"flags"`
}

// Milestone is a plan milestone not done by month end.
type Milestone struct {
	Goal string `json:"goal"`
	ID   string `json:"id"`
	Due  string `json:"due"`
	Text string `json:"text"`
}

// Flags of a case row.
const (
	FlagOpened           = "opened"            // opened in the month
	FlagReopened         = "reopened"          // reopened in the month
	FlagClosed           = "closed"            // closed in the month; followed by ":" and the reason
	FlagPlaced           = "placed"            // a placement started in the month
	FlagContactOverdue   = "contact-overdue"   // counted in overdue_contacts
	FlagItemsOverdue     = "items-overdue"     // other due items overdue at month end
	FlagExtensionPending = "extension-pending" // an extension request undecided at month end (000)
	FlagExited           = "exit"              // WIOA: a participant's exit recorded, dated in the month (Counts.Exits; TEGL 10-16)
	FlagPotentialExit    = "potential-exit"    // WIOA: exited by month end after inactivity_exit_days without service, not recorded (TEGL 10-16)
	FlagUnrecordedExit   = "unrecorded-exit"   // WIOA: an exit by the definition a later service hides, not recorded by month end (TEGL 10-16)
	FlagServicesEnding   = "services-ending"   // post-employment: the months of services after cash assistance end in the month (003)
	FlagServicesOver     = "services-over"     // post-employment: open at month end after those months ended
	FlagRenewalOverdue   = "renewal-overdue"   // post-employment: a benefit renewal past its date at month end, none recorded
	FlagJobSiteVisit     = "job-site-visit"    // post-employment: a job-site visit in the month without permission on record
)

// flagMeanings says what each flag of a case row means, in the order a
// legend lists them, in the words of the day the report is as of (asOf:
// a flag judged "at month end" is judged on the report's day for a month
// not over). It is the one table of them: the HTML report shows the
// meaning on each flag, and the text and Markdown reports list the
// meanings of the flags their rows carry (flagLegend).
var flagMeanings = []struct {
	Flag    string
	Meaning func(asOf) string
}{
	{FlagOpened, said("opened in the month")},
	{FlagReopened, said("reopened in the month")},
	{FlagClosed, said("closed in the month, for the reason after the colon")},
	{FlagPlaced, said("a placement started in the month")},
	{FlagContactOverdue, func(a asOf) string { return "no contact within the program's interval " + a.at() }},
	{FlagItemsOverdue, func(a asOf) string { return "items due before " + a.date() + " and not done" }},
	{FlagExtensionPending, func(a asOf) string { return "an extension request not decided " + a.at() }},
	{FlagExited, said("WIOA: exited in the month, the exit recorded (PIRL 901): the quarters after exit start, as report performance counts it (TEGL 10-16)")},
	{FlagPotentialExit, said("WIOA: no service for the program's inactivity days, so exited, but no exit recorded")},
	{FlagUnrecordedExit, said("WIOA: served again after the program's inactivity days without service, so exited before it, but no exit recorded: missing from the performance report")},
	{FlagServicesEnding, said("post-employment: the months of services after cash assistance end in the month")},
	{FlagServicesOver, said("post-employment: still open after the months of services ended; close it as completed")},
	{FlagRenewalOverdue, func(a asOf) string {
		return "post-employment: a benefit renewal past its date " + a.at() + ", not renewed, decided or restored"
	}},
	{FlagJobSiteVisit, said("post-employment: a job-site visit in the month without the participant's permission on record")},
}

// said is a flag's meaning that names no day.
func said(meaning string) func(asOf) string { return func(asOf) string { return meaning } }

// flagMeaning is what flag f means ("closed:withdrew" is closed) in a
// report as of a, or "".
func flagMeaning(f string, a asOf) string {
	f, _, _ = strings.Cut(f, ":")
	for _, m := range flagMeanings {
		if m.Flag == f {
			return m.Meaning(a)
		}
	}
	return ""
}

// flagNote is a flag and what it means, one entry of a legend.
type flagNote struct{ Flag, Meaning string }

// flagNotes are the flags among flags (as a row carries them:
// "closed:withdrew" is closed), each once, in the order of flagMeanings,
// with their meanings as of a; none when there is no flag. It is the one
// legend of every format: the text and Markdown reports' Flags lines
// (flagLegend) and the HTML report's list under its cases table.
func flagNotes(flags []string, a asOf) []flagNote {
	seen := map[string]bool{}
	for _, f := range flags {
		f, _, _ = strings.Cut(f, ":")
		seen[f] = true
	}
	var notes []flagNote
	for _, m := range flagMeanings {
		if seen[m.Flag] {
			notes = append(notes, flagNote{m.Flag, m.Meaning(a)})
		}
	}
	return notes
}

// flagLegend is a line per flag the rows carry, "flag: meaning" as of a,
// in the order of flagMeanings; none when no row has a flag.
func flagLegend(rows []CaseRow, a asOf) []string {
	var flags []string
	for _, c := range rows {
		flags = append(flags, c.Flags...)
	}
	var lines []string
	for _, n := range flagNotes(flags, a) {
		lines = append(lines, n.Flag+": "+n.Meaning)
	}
	return lines
}

// lifetime is when a case was open (casestate.Lifetime, its one owner).
type lifetime = casestate.Lifetime

// lifetimeOf returns a case's lifetime (casestate.LifetimeOf).
func lifetimeOf(c *casefile.Case) (lifetime, bool) { return casestate.LifetimeOf(c) }

// closedThrough reports whether the case was closed at the end of every
// day up to and including day, since before from: it has no part in a
// month that starts on from unless something is dated in it.
func closedThrough(l lifetime, from, day time.Time) bool {
	if l.OpenAt(from.AddDate(0, 0, -1)) || l.OpenAt(day) {
		return false
	}
	for _, r := range l.Outcome.Reopenings {
		if within(r.Date, from, day) {
			return false
		}
	}
	return true
}

func dateOf(t time.Time) record.Date { return record.Date(t.Format(time.DateOnly)) }

func within(d record.Date, first, last time.Time) bool {
	t, ok := d.Time()
	return ok && !t.Before(first) && !t.After(last)
}

// tally adds up cases.
type tally struct {
	Counts
	days []int // days from opening to placement
}

// MonthlyCase is what one case contributes to the month's report. It
// depends only on the case's records, the settings, the month and names,
// so a caller may keep it by those (pkg/casescan); its JSON form gives it
// back unchanged.
type MonthlyCase struct {
	Row      CaseRow     `json:"row"`
	Counts   Counts      `json:"counts"`
	Days     []int       `json:"days"`     // from opening to each placement starting in the month
	Contacts []time.Time `json:"contacts"` // the days of the contacts in the month
	Events   bool        `json:"events"`   // anything dated in the month
	// Notes are the file names (in the case's notes directory) of the
	// notes dated in the month, contacts or not: a caller that knows which
	// were committed after the month ended says so (LateNotes).
	Notes []string `json:"notes"`
	// ContactNotes are those of Notes that count as contacts (Contacts
	// holds their days), and Voided the file names of the notes dated in
	// the month that an amendment voided (casefile.Case.Voided): a caller
	// that can read the case's notes as the month ended says which
	// contacts were not counted then, or are no longer (ContactsMoved).
	ContactNotes []string `json:"contact_notes"`
	Voided       []string `json:"voided"`
	// Placement names the placement counted in the month (Counts.Placed),
	// by PlacementKey; "" when none. A caller that can read the case's
	// outcome as the month ended says whether it was there then
	// (AddLatePlacements): a placement set with --recorded from a paper
	// file lands in outcome.yaml, a file the case had before.
	Placement string `json:"placement"`
	// PostEmployment is the case's part of the post-employment section;
	// zero for a case of another program.
	PostEmployment PostEmploymentCounts `json:"post_employment"`
}

// noteName is the file name of note n of case c, in its notes directory
// (its ID's, for a case made in memory).
func noteName(c *casefile.Case, n *record.Note) string {
	if p := c.NotePath(n); p != "" {
		return path.Base(p)
	}
	return n.ID + layout.Ext
}

// MonthlyCaseVersion names the shape of MonthlyCase. A caller that keeps
// MonthlyCase by the case and the month (pkg/casescan's cache) keys it by
// this too: a result kept before a field was added would read back with
// the field zero, as if the case had nothing to count there. Change it
// whenever MonthlyCase or what it holds changes (TestMonthlyCaseVersion).
const MonthlyCaseVersion = "monthly-case 7"

// BuildMonthly makes the monthly report for month m from the records in
// snap, read at the commit src names. names shows participants' full names
// instead of initials.
func BuildMonthly(snap *casefile.Snapshot, m Month, src Source, names bool) *Monthly {
	var cases []MonthlyCase
	for _, c := range snap.Cases {
		if cm, ok := MonthlyOf(c, snap.Config, m, names); ok {
			cases = append(cases, cm)
		}
	}
	return AssembleMonthly(snap.Config, m, src, names, cases)
}

// AssembleMonthly makes the monthly report for month m from what each
// case contributes (MonthlyOf, in case ID order), with the settings cfg.
func AssembleMonthly(cfg *record.Config, m Month, src Source, names bool, cases []MonthlyCase) *Monthly {
	first, last := m.First(), m.Last()
	r := &Monthly{
		Report: "monthly", Month: m.String(), From: dateString(first), To: dateString(last), SoFar: m.InProgress(),
		Commit: src.Commit, Committed: src.Committed.Format(time.RFC3339), Caseplan: src.Caseplan, Participants: shownAs(names),
		Unread: src.unread(), Cases: []CaseRow{},
	}
	if cfg != nil {
		r.Organization = cfg.Organization
	}

	var total tally
	var pe PostEmploymentCounts
	byManager := map[string]*tally{}
	byProgram := map[string]*tally{}
	weeks := weeksOf(first, last)
	for _, cm := range cases {
		for _, t := range cm.Contacts {
			for i := range weeks {
				if !t.Before(weeks[i].from) && !t.After(weeks[i].to) {
					weeks[i].Contacts++
				}
			}
		}
		for _, t := range []*tally{&total, get(byManager, cm.Row.Manager), get(byProgram, cm.Row.Program)} {
			t.add(cm.Counts, cm.Days)
		}
		r.Cases = append(r.Cases, cm.Row)
		pe.add(cm.PostEmployment)
	}
	r.Summary = total.counts()
	for _, w := range weeks {
		r.ContactsByWeek = append(r.ContactsByWeek, w.WeekCount)
	}
	for _, id := range managerIDs(cfg, byManager) {
		t := get(byManager, id).counts()
		s := ManagerSection{
			ID: id, Caseload: t.OpenAtEnd, Opened: t.Opened, Closed: t.Closed, Placed: t.Placed,
			Contacts: t.Contacts, ContactCases: t.ContactCases, ContactCompliance: t.ContactCompliance,
			OverdueContacts: t.OverdueContacts, OverdueItems: t.OverdueItems,
			Applications: t.Applications, Interviews: t.Interviews,
			ExtensionsRequested: t.ExtensionsRequested, ExtensionsApproved: t.ExtensionsApproved, ExtensionsRefused: t.ExtensionsRefused,
			QuartersAfterExitDue: t.QuartersAfterExitDue, QuartersAfterExitDone: t.QuartersAfterExitDone,
			Exits: t.Exits,
		}
		if st, ok := cfg.StaffByID(id); ok {
			s.Name, s.Retired = st.Name, !st.IsActive()
		}
		r.Managers = append(r.Managers, s)
	}
	for _, key := range programKeys(cfg, byProgram) {
		s := ProgramSection{Key: key, Counts: get(byProgram, key).counts()}
		if cfg != nil {
			s.Name, s.Kind = cfg.Programs[key].Name, cfg.Programs[key].Kind
		}
		r.Programs = append(r.Programs, s)
	}
	r.PostEmployment = postEmploymentSection(r.Programs, pe)
	return r
}

// postEmploymentSection is the section of the programs of kind
// post-employment among programs, nil when there is none.
func postEmploymentSection(programs []ProgramSection, pe PostEmploymentCounts) *PostEmploymentSection {
	var s *PostEmploymentSection
	for _, p := range programs {
		if p.Kind != record.ProgramPostEmployment {
			continue
		}
		if s == nil {
			s = &PostEmploymentSection{Programs: []string{}, PostEmploymentCounts: pe, ClosedByReason: map[string]int{}}
		}
		s.Programs = append(s.Programs, p.Key)
		s.Closed += p.Closed
		for k, v := range p.ClosedByReason {
			s.ClosedByReason[k] += v
		}
	}
	return s
}

// MonthlyOf works out one case's month m; false when the case has no part
// in it (opened later, closed before it with nothing dated in it, or
// unreadable).
func MonthlyOf(c *casefile.Case, cfg *record.Config, m Month, names bool) (MonthlyCase, bool) {
	first, last := m.First(), m.Last()
	l, ok := lifetimeOf(c)
	if !ok || l.Opened.After(last) {
		return MonthlyCase{}, false
	}
	var cm MonthlyCase
	n := &cm.Counts
	in := c.Intake
	inMonth := func(d record.Date) bool {
		if within(d, first, last) {
			cm.Events = true
			return true
		}
		return false
	}

	if l.OpenAt(first.AddDate(0, 0, -1)) {
		n.OpenAtStart = 1
	}
	if l.OpenAt(last) {
		n.OpenAtEnd = 1
	}
	if !l.Opened.Before(first) {
		n.Opened = 1
	}
	closedFor := countOutcome(n, c.Outcome, last, inMonth)
	contact := calendar.ContactFor(c, cfg)
	postEmployment := cfg.ProgramKind(in.Program) == record.ProgramPostEmployment
	pe := &cm.PostEmployment
	for _, note := range c.Notes {
		// Not inMonth: a note that is no contact is no event of the
		// month's figures, and gives a closed case no row.
		if within(note.Date, first, last) {
			cm.Notes = append(cm.Notes, noteName(c, note))
		}
		if contact.Is(note) && inMonth(note.Date) {
			cm.ContactNotes = append(cm.ContactNotes, noteName(c, note))
			n.Contacts++
			t, _ := note.Date.Time()
			cm.Contacts = append(cm.Contacts, t)
		}
		// validate's rule says which visits lack permission; a store
		// that turns it off keeps permissions elsewhere, and its
		// visits are not counted as without one.
		if postEmployment && !cfg.RuleOff(validate.RulePEJobSitePermission) && validate.JobSiteWithoutPermission(in, note) && inMonth(note.Date) {
			pe.JobSiteVisits++
		}
	}
	for _, note := range c.Voided {
		if within(note.Date, first, last) {
			cm.Voided = append(cm.Voided, noteName(c, note))
		}
	}
	for _, w := range c.Activity {
		countActivity(n, w, inMonth)
	}
	if o := c.Outcome; o != nil {
		// The placement in effect as the month ended: a correction
		// recorded later does not change this month's figures.
		if p := o.PlacementOn(dateOf(last)); p != nil && inMonth(p.Start) {
			n.Placed = 1
			cm.Placement = PlacementKey(p)
			start, _ := p.Start.Time()
			cm.Days = append(cm.Days, calendar.Days(l.Opened, start))
		}
	}
	// The WIOA exit dated in the month, as report performance counts
	// it (TEGL 10-16): recorded, of a participant, read as of the
	// month's last day. Only a case whose recorded exit falls in the
	// month is read for it (FactsOf reads the whole participation).
	if within(in.Exited, first, last) {
		if f, ok := performance.FactsOf(c, cfg, last); ok && inMonth(dateOf(f.CountedExit())) {
			n.Exits = 1
		}
	}
	then, st := casestate.ComputeThen(c, cfg, last)
	// The quarters after exit ending in the month, as the tickler reads
	// them on its last day: one covered then is done. A follow-up made
	// for it later (late, caseplan followup add --quarter) is after the
	// month, and casestate.ComputeThen does not see it.
	for _, q := range st.FollowUpQuarters {
		if inMonth(dateOf(q.Last)) {
			n.QuartersAfterExitDue++
			if q.Covered {
				n.QuartersAfterExitDone++
			}
		}
	}
	expected, overdueContact, potentialExit, unrecordedExit := false, false, false, false
	for _, d := range st.Due {
		if d.Overdue {
			n.OverdueItems++
		}
		switch d.Kind {
		case casestate.DueContact:
			expected = true
			// Judged by the program's interval, not by a day agreed
			// with the participant that came earlier (ProgramOverdue).
			overdueContact = overdueContact || d.ProgramOverdue()
		case casestate.DuePotentialExit:
			// Due the day the exit can be recorded: flagged once the
			// participant has exited by month end, on that day or
			// after, though the item is overdue only the day after.
			potentialExit = potentialExit || d.Days <= 0
		case casestate.DueUnrecordedExit:
			// An exit a later service hides (TEGL 10-16): the
			// performance report counts only exits recorded, so the
			// coordinator is told here, before it is made.
			unrecordedExit = true
		}
	}
	// A case closed all month with nothing dated in it has no part in
	// it, unless it still owes something at the month's end: a WIOA
	// exit to record (TEGL 10-16: the closed case exits all the same),
	// a follow-up or a quarter after exit. The tickler lists those
	// (casestate closedDue), so the month's overdue items count them
	// as due does, and the row says which case they are on.
	if closedThrough(l, first, last) && !cm.Events && n.OverdueItems == 0 && !potentialExit {
		return MonthlyCase{}, false
	}
	if expected {
		n.ContactCases = 1
		if overdueContact {
			n.OverdueContacts = 1
		}
	}

	row := CaseRow{
		ID: c.ID, Participant: participant(in.Participant.Name, names), Manager: then.Intake.Manager,
		Program: in.Program, Status: then.Intake.Status, Phase: st.Phase, PhaseEnds: string(st.PhaseEnds),
		DaysLeft: st.DaysLeft, LastContact: string(st.LastContact), Contacts: n.Contacts,
		Applications: n.Applications, Interviews: n.Interviews, OverdueItems: n.OverdueItems,
		Flags: []string{},
	}
	if st.Phase != casestate.PhaseClosed {
		// A closed case's plan is no longer worked: the tickler lists no
		// milestone of it, and neither does its row.
		row.NextMilestone = nextMilestone(then.IEP)
	}
	if n.Opened == 1 {
		row.Flags = append(row.Flags, FlagOpened)
	}
	if n.Reopened > 0 {
		row.Flags = append(row.Flags, FlagReopened)
	}
	if n.Closed > 0 {
		row.Flags = append(row.Flags, FlagClosed+":"+closedFor)
	}
	if n.Placed == 1 {
		row.Flags = append(row.Flags, FlagPlaced)
	}
	if overdueContact {
		row.Flags = append(row.Flags, FlagContactOverdue)
	}
	if n.OverdueItems > n.OverdueContacts {
		row.Flags = append(row.Flags, FlagItemsOverdue)
	}
	if n.OpenAtEnd == 1 && extensionPending(then) {
		row.Flags = append(row.Flags, FlagExtensionPending)
	}
	if n.Exits == 1 {
		row.Flags = append(row.Flags, FlagExited)
	}
	if potentialExit {
		row.Flags = append(row.Flags, FlagPotentialExit)
	}
	if unrecordedExit {
		row.Flags = append(row.Flags, FlagUnrecordedExit)
	}
	if postEmployment {
		postEmploymentOf(pe, l, c, cfg, st, first, last)
		for _, f := range []struct {
			flag string
			n    int
		}{{FlagServicesEnding, pe.ServicesEnding}, {FlagServicesOver, pe.ServicesOver}, {FlagRenewalOverdue, pe.RenewalsOverdue}, {FlagJobSiteVisit, pe.JobSiteVisits}} {
			if f.n > 0 {
				row.Flags = append(row.Flags, f.flag)
			}
		}
	}
	cm.Row = row
	return cm, true
}

// countOutcome counts into n what outcome o (nil: none) gives the month
// ending on last beyond its placements, with inMonth saying which dates
// are in the month: closures and reopenings, extension requests and
// decisions, follow-ups due and done. It returns the reason of the last
// closure counted ("" when none). MonthlyOf counts a case's month with
// it, and FileCounts an outcome.yaml as a commit held it, so the two
// agree on what a late change moved.
func countOutcome(n *Counts, o *record.Outcome, last time.Time, inMonth func(record.Date) bool) (closedFor string) {
	for i, cl := range o.AllClosures() {
		// Once per episode: a store whose case was closed twice with no
		// reopening between (episode-order) counts the closure in effect.
		if inMonth(cl.Date) && o.ClosesEpisode(i) {
			n.Closed++
			closedFor = cl.Reason
			if n.ClosedByReason == nil {
				n.ClosedByReason = map[string]int{}
			}
			n.ClosedByReason[cl.Reason]++
		}
	}
	if o == nil {
		return closedFor
	}
	for i, r := range o.Reopenings {
		// Once per episode, as closures: a reopening of a case
		// already open (episode-order) reopens nothing.
		if inMonth(r.Date) && o.ReopensEpisode(i) {
			n.Reopened++
		}
	}
	for _, e := range o.Extensions {
		if inMonth(e.Requested) {
			n.ExtensionsRequested++
		}
		switch {
		case e.Decision == "approved" && inMonth(e.Decided):
			n.ExtensionsApproved++
		case e.Decision == "denied" && inMonth(e.Decided):
			n.ExtensionsRefused++
		}
	}
	// Follow-ups due in the month, and of them those done by its end,
	// early or on time: one done before it was due is done, not
	// overdue.
	for _, f := range o.FollowUps {
		if inMonth(f.Due) {
			n.FollowUpsDue++
			if f.Done != "" && f.Done <= dateOf(last) {
				n.FollowUpsDone++
			}
		}
		inMonth(f.Done)
	}
	return closedFor
}

// countActivity counts into n the applications and job interviews of
// activity week w dated in the month (000; mock interviews are practice
// and do not count).
func countActivity(n *Counts, w *record.ActivityWeek, inMonth func(record.Date) bool) {
	for _, a := range w.Applications {
		if inMonth(a.Date) {
			n.Applications++
		}
	}
	for _, iv := range w.Interviews {
		if !iv.Mock() && inMonth(iv.Date) {
			n.Interviews++
		}
	}
}

// postEmploymentOf counts a post-employment case's month (003) into pe,
// from its state at the month's last day st: the end of its months of
// services by the calendar (calendar.PostAssistanceEnd), the phase past
// it and the benefit renewals as casestate has them, so the section says
// what case show and the tickler say.
func postEmploymentOf(pe *PostEmploymentCounts, l lifetime, c *casefile.Case, cfg *record.Config, st casestate.State, first, last time.Time) {
	// Ending in the month on a day the case was open, closed that day
	// (as completed, on time) or later.
	if end, ok := calendar.PostAssistanceEnd(c, cfg); ok && !end.Before(first) && !end.After(last) && (l.OpenAt(end) || l.OpenAt(end.AddDate(0, 0, -1))) {
		pe.ServicesEnding = 1
	}
	if st.Phase == casestate.PhaseFollowUp && st.DaysLeft != nil && *st.DaysLeft < 0 {
		pe.ServicesOver = 1
	}
	for _, d := range st.Due {
		if d.Kind != casestate.DueBenefit {
			continue
		}
		if within(d.Due, first, last) {
			pe.RenewalsDue++
		}
		if d.Overdue {
			pe.RenewalsOverdue++
		}
	}
}

func extensionPending(c *casefile.Case) bool { return pendingExtension(c) != nil }

// pendingExtension is the latest extension request of c that awaits the
// joint committee's decision (000), nil when none does; c as it stood on
// the report's day (casestate.ComputeThen), so a decision recorded later
// does not count.
func pendingExtension(c *casefile.Case) *record.Extension {
	if c.Outcome == nil {
		return nil
	}
	var latest *record.Extension
	for i, e := range c.Outcome.Extensions {
		if (e.Decision == "" || e.Decision == "pending") && (latest == nil || e.Requested >= latest.Requested) {
			latest = &c.Outcome.Extensions[i]
		}
	}
	return latest
}

// nextMilestone is the plan's earliest milestone not done, in a goal
// neither achieved nor dropped (as casestate lists them).
func nextMilestone(p *record.IEP) *Milestone {
	if p == nil {
		return nil
	}
	var next *Milestone
	for _, g := range p.Goals {
		if g.Status == "achieved" || g.Status == "dropped" {
			continue
		}
		for _, m := range g.Milestones {
			if _, ok := m.Due.Time(); !ok || m.Done != "" {
				continue
			}
			if next == nil || string(m.Due) < next.Due {
				next = &Milestone{Goal: g.ID, ID: m.ID, Due: string(m.Due), Text: m.Text}
			}
		}
	}
	return next
}

func get(m map[string]*tally, key string) *tally {
	t, ok := m[key]
	if !ok {
		t = &tally{}
		m[key] = t
	}
	return t
}

func (t *tally) add(c Counts, days []int) {
	t.OpenAtStart += c.OpenAtStart
	t.OpenAtEnd += c.OpenAtEnd
	t.Opened += c.Opened
	t.Reopened += c.Reopened
	t.Closed += c.Closed
	for k, v := range c.ClosedByReason {
		if t.ClosedByReason == nil {
			t.ClosedByReason = map[string]int{}
		}
		t.ClosedByReason[k] += v
	}
	t.Placed += c.Placed
	t.Contacts += c.Contacts
	t.ContactCases += c.ContactCases
	t.OverdueContacts += c.OverdueContacts
	t.OverdueItems += c.OverdueItems
	t.ExtensionsRequested += c.ExtensionsRequested
	t.ExtensionsApproved += c.ExtensionsApproved
	t.ExtensionsRefused += c.ExtensionsRefused
	t.FollowUpsDue += c.FollowUpsDue
	t.FollowUpsDone += c.FollowUpsDone
	t.QuartersAfterExitDue += c.QuartersAfterExitDue
	t.QuartersAfterExitDone += c.QuartersAfterExitDone
	t.Applications += c.Applications
	t.Interviews += c.Interviews
	t.Exits += c.Exits
	t.days = append(t.days, days...)
}

// counts finishes a tally: the compliance share and the median.
func (t *tally) counts() Counts {
	c := t.Counts
	if c.ClosedByReason == nil {
		c.ClosedByReason = map[string]int{}
	}
	if c.ContactCases > 0 {
		s := share(c.ContactCases-c.OverdueContacts, c.ContactCases)
		c.ContactCompliance = &s
	}
	c.MedianDaysToPlacement = median(t.days)
	return c
}

// share is part/whole rounded to four places; whole is not 0.
func share(part, whole int) float64 {
	return math.Round(float64(part)/float64(whole)*1e4) / 1e4
}

func median(days []int) *float64 {
	if len(days) == 0 {
		return nil
	}
	s := slices.Clone(days)
	slices.Sort(s)
	m := float64(s[len(s)/2])
	if len(s)%2 == 0 {
		m = float64(s[len(s)/2-1]+s[len(s)/2]) / 2
	}
	return &m
}

type week struct {
	WeekCount
	from, to time.Time
}

// weeksOf splits first..last into ISO weeks (Monday to Sunday), cut at
// the month's ends.
func weeksOf(first, last time.Time) []week {
	var out []week
	for day := first; !day.After(last); {
		end := day.AddDate(0, 0, (7-int(day.Weekday()))%7) // the Sunday ending the week
		if end.After(last) {
			end = last
		}
		out = append(out, week{WeekCount: WeekCount{Week: calendar.ISOWeek(day), From: dateString(day), To: dateString(end)}, from: day, to: end})
		day = end.AddDate(0, 0, 1)
	}
	return out
}

// managerIDs lists the sections of case managers: every active staff member
// whose role is case-manager (so one with no cases shows an empty
// caseload), in roster order, then anyone else managing a case in the
// month, by ID.
func managerIDs(cfg *record.Config, seen map[string]*tally) []string {
	var ids []string
	listed := map[string]bool{}
	if cfg != nil {
		for _, s := range cfg.Staff {
			if _, ok := seen[s.ID]; ok || s.IsActive() && (s.Role == "" || s.Role == "case-manager") {
				ids = append(ids, s.ID)
				listed[s.ID] = true
			}
		}
	}
	var rest []string
	for id := range seen {
		if !listed[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	return append(ids, rest...)
}

// programKeys lists the store's programs by key, then any other program a
// case names.
func programKeys(cfg *record.Config, seen map[string]*tally) []string {
	keys := map[string]bool{}
	if cfg != nil {
		for k := range cfg.Programs {
			keys[k] = true
		}
	}
	for k := range seen {
		keys[k] = true
	}
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// flagText is a flag as the text formats print it.
func flagText(flags []string) string { return strings.Join(flags, " ") }
