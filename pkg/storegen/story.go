package storegen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/record"
)

// A story is one case from its opening to the generator's today: first its
// program's timeline (programs.go decides when the layoff, the placement,
// the exit or the closure happen, and which notes and weeks the rules need),
// then the records, then the commits that wrote them (commits.go).
//
// Every date a record holds as something that happened (a note, a done
// milestone, a referral's update, a closure) is on or before today and on
// or after the opening; dates that are plans (a due date, a target, a
// renewal) may lie ahead.
type story struct {
	g       *generator
	r       *rand.Rand
	spec    caseSpec
	id      string
	program string
	opened  time.Time
	today   time.Time

	first    *staff    // the manager when the case opened
	second   *staff    // the manager after a transfer (002), or nil
	transfer time.Time // the day of the transfer

	intake record.Intake
	iep    record.IEP
	refs   record.References
	svc    record.Services
	out    record.Outcome

	// The timeline the program decided.
	end       time.Time // the last day of service: notes are spread up to it
	actEnd    time.Time // the last day of job search activity (the tracker)
	contactBy time.Time // when set, the case needs a contact on or after it (a rule's interval)
	closed    bool
	refsBy    time.Time // references are agreed by this day (work security: the layoff)
	job       job       // the participant's line of work

	drafts   []*draft           // notes, before their IDs and text
	mondays  map[time.Time]bool // ISO weeks (Mondays) that must have an activity file
	weeks    []*week
	last     time.Time // the latest event the single-record files hold
	noteIDs  map[string]bool
	notes    []*record.Note
	extraLen int // how much the participant's situation says in notes (0..2)
}

// draft is a note before it is written: its date, kind, mode and
// services, and for an amendment the note it corrects.
type draft struct {
	date     time.Time
	kind     string
	mode     string
	twoWay   bool
	services []string
	amends   *record.Note
}

// week is one activity file and the last day it records.
type week struct {
	rec  *record.ActivityWeek
	last time.Time
}

func newStory(g *generator, spec caseSpec) *story {
	s := &story{
		g: g, spec: spec, id: spec.id, program: spec.program, opened: spec.opened, today: g.today,
		r:       rand.New(rand.NewPCG(g.seed, 0x9e3779b97f4a7c15^uint64(spec.index+1))),
		first:   spec.manager,
		mondays: map[time.Time]bool{},
		noteIDs: map[string]bool{},
	}
	s.job = pick(s.r, jobs)
	s.extraLen = s.r.IntN(3)
	return s
}

// build tells the whole story and returns the case's files and commits.
func (s *story) build() (*caseOut, error) {
	switch s.program {
	case record.ProgramWorkSecurity:
		s.workSecurity()
	case record.ProgramWIOA:
		s.wioa()
	case record.ProgramPostEmployment:
		s.postEmployment()
	}
	s.intakeCommon()
	s.plan()
	s.references()
	s.referrals()
	s.notesDrafts()
	s.activity()
	s.writeNotes()
	s.amendment()
	return s.commits()
}

// --- dates ------------------------------------------------------------------

func add(t time.Time, days int) time.Time { return t.AddDate(0, 0, days) }

func date(t time.Time) record.Date { return record.Date(t.Format(time.DateOnly)) }

// between returns a day from a to b, both included; a when b is before a.
func (s *story) between(a, b time.Time) time.Time {
	n := calendar.Days(a, b)
	if n <= 0 {
		return a
	}
	return add(a, s.r.IntN(n+1))
}

// ev writes t as a date that something happened on, so the commit that
// writes the single-record files is made no earlier. Events are never
// after today nor, except the intake meeting, before the opening: a
// programming error here is caught by the package's tests.
func (s *story) ev(t time.Time) record.Date {
	if t.After(s.today) {
		panic(fmt.Sprintf("storegen: case %s: event on %s is after today %s", s.id, t.Format(time.DateOnly), s.today.Format(time.DateOnly)))
	}
	if t.After(s.last) {
		s.last = t
	}
	return date(t)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func (s *story) chance(p float64) bool { return s.r.Float64() < p }

// rangeN returns a number from lo to hi, both included.
func (s *story) rangeN(lo, hi int) int { return lo + s.r.IntN(hi-lo+1) }

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// managerOn returns the case's designated counselor on day.
func (s *story) managerOn(day time.Time) *staff {
	if s.second != nil && !day.Before(s.transfer) {
		return s.second
	}
	return s.first
}

// manager is the case's manager today.
func (s *story) manager() *staff { return s.managerOn(s.today) }

func (s *story) note(day time.Time, kind, mode string, twoWay bool, services ...string) *draft {
	d := &draft{date: day, kind: kind, mode: mode, twoWay: twoWay, services: services}
	s.drafts = append(s.drafts, d)
	return d
}

// contact adds a two-way contact recording one of the program's services.
func (s *story) contact(day time.Time, mode string) *draft {
	return s.note(day, "contact", mode, true, pick(s.r, noteServices[s.program]))
}

// --- intake -----------------------------------------------------------------

func (s *story) participantName() string { return "Participant " + s.spec.number }

func (s *story) phone() string { return fmt.Sprintf("555-01%02d", s.r.IntN(100)) }

// intakeCommon fills the intake fields every program has.
func (s *story) intakeCommon() {
	in := &s.intake
	m := s.manager()
	in.ID, in.Opened, in.Program = s.id, date(s.opened), s.program
	in.Status = "open"
	if s.closed {
		in.Status = "closed"
	}
	in.Manager, in.Center = m.ID, m.Center
	town := towns[s.first.center]
	in.Participant = record.Participant{
		Name:      s.participantName(),
		Phone:     s.phone(),
		Email:     "participant-" + s.spec.number + "@example.org",
		Address:   fmt.Sprintf("%d %s, %s", s.rangeN(2, 480), pick(s.r, streets), town),
		Channels:  pick(s.r, channelSets),
		BestTimes: pick(s.r, bestTimes),
		Language:  pick(s.r, languages),
	}
	eligibility := map[string][2]string{
		record.ProgramWorkSecurity:   {"work-security", "layoff notice in a union-covered position"},
		record.ProgramWIOA:           {"WIOA Title I dislocated worker", "position eliminated; separation letter seen"},
		record.ProgramPostEmployment: {"Post-employment services", "cash assistance closed due to earnings"},
	}[s.program]
	in.Eligibility = []record.Eligibility{{Program: eligibility[0], Determined: s.ev(s.opened), Eligible: true, Basis: eligibility[1]}}
	for _, b := range pickN(s.r, barrierKinds, s.r.IntN(3)) {
		status := "open"
		if s.chance(0.5) {
			status = "addressed"
		}
		in.Barriers = append(in.Barriers, record.Barrier{Kind: b.kind, Detail: b.detail, Status: status})
	}
	tools := pickN(s.r, assessmentTools, s.rangeN(1, 2))
	for i, a := range tools {
		day := s.opened
		if i > 0 {
			day = s.between(s.opened, minTime(add(s.opened, 10), s.end))
		}
		in.Assessments = append(in.Assessments, record.Assessment{Tool: a.tool, Date: s.ev(day), Summary: a.summary})
	}
	in.Skills = pickN(s.r, skillWords, s.rangeN(3, 5))
	if s.second != nil {
		in.Transfers = []record.Transfer{{
			Date: s.ev(s.transfer), From: s.first.ID, To: s.second.ID,
			FromCenter: s.first.Center, ToCenter: s.second.Center,
			Reason: "customer moved and chose the " + s.second.Center,
		}}
		in.Team = append(in.Team, record.TeamMember{
			Name: s.first.Name, Role: "counselor", Organization: s.first.Center, Email: s.first.Email,
			Notes: "previous designated counselor, until " + string(date(s.transfer)),
		})
	}
}

// pickN returns n different elements of list in a random order.
func pickN[T any](r *rand.Rand, list []T, n int) []T {
	n = min(n, len(list))
	idx := r.Perm(len(list))[:n]
	out := make([]T, n)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

// --- the plan ---------------------------------------------------------------

// plan writes the Individual Employment Plan (001, 002): services, goals
// with objectives and milestones, next steps, the job search and skill
// plans (000), regular reviews and the participant's agreements.
func (s *story) plan() {
	p := &s.iep
	p.Created = s.ev(s.opened)
	// The participant signs the plan the day it is drawn up, and agrees
	// to it again at each review (001: an agreement, updated regularly).
	// No random draw: the rest of the story stays as it was.
	p.Agreements = append(p.Agreements, record.Agreement{Date: p.Created, How: "signed"})
	p.Vision = "Steady work as " + article(s.job.title) + " " + s.job.title + ", with room to grow."
	p.EmploymentGoal = s.job.title + " or a related " + s.job.family + " role"

	for i, sv := range planServices[s.program] {
		start := add(s.opened, i*s.rangeN(2, 9))
		ps := record.PlanService{ID: fmt.Sprintf("S%d", i+1), Name: sv.name, Code: sv.code}
		ps.Provider = s.first.Center
		if sv.category == "training" {
			ps.Provider = pick(s.r, courses).provider
		}
		if !start.After(s.end) {
			ps.Start = s.ev(start) // a service not yet started has no start
		}
		if ps.Start != "" && s.chance(0.4) {
			if end := add(start, s.rangeN(10, 60)); !end.After(s.end) {
				ps.End = s.ev(end)
			}
		}
		if ps.Start != "" && ps.End == "" && s.end.Before(s.today) {
			// The case's story ended (an exit, a closure): a service with
			// no end is marked completed, for one under way would be a
			// service after the exit (calendar.ParticipationOf).
			ps.Status = "completed"
		}
		p.Services = append(p.Services, ps)
	}

	done := func(due time.Time) record.Date {
		d := add(due, s.rangeN(-5, 4))
		if d.Before(s.opened) || d.After(s.end) {
			return ""
		}
		return s.ev(d)
	}
	short := record.Goal{ID: "G1", Term: "short", Status: "active",
		Text:   "Be placed as " + article(s.job.title) + " " + s.job.title + " or in a comparable position",
		Target: date(add(s.opened, 120)),
		Objectives: []record.Objective{
			{ID: "O1", Text: "Finish the resume, cover letter and thank-you letter", Services: []string{"S1"}},
			{ID: "O2", Text: "Apply to every relevant posting each week", Services: []string{"S2", "S3"}},
		},
	}
	for i, text := range []string{"Final resume reviewed by the case manager", "First interview"} {
		due := add(s.opened, 14+21*i)
		short.Milestones = append(short.Milestones, record.Milestone{ID: fmt.Sprintf("M%d", i+1), Text: text, Due: date(due), Done: done(due)})
	}
	long := record.Goal{ID: "G2", Term: "long", Status: "active",
		Text:       "Move into a senior " + s.job.family + " role within three years",
		Target:     date(add(s.opened, 3*365)),
		Objectives: []record.Objective{{ID: "O3", Text: "Build the skills the senior roles ask for", Services: []string{"S4"}}},
		Milestones: []record.Milestone{{ID: "M3", Text: "Complete a course of the skill plan", Due: date(add(s.opened, 90)), Done: done(add(s.opened, 90))}},
	}
	switch {
	case s.out.Placement != nil:
		short.Status = "achieved"
	case s.closed:
		short.Status = "dropped"
	}
	p.Goals = []record.Goal{short, long}

	for i, step := range []struct{ owner, text string }{
		{"participant", "Send the updated resume"},
		{"manager", "Share the list of hiring events for the month"},
		{"participant", "Register for the course of the skill plan"},
	} {
		due := add(s.opened, 7+7*i)
		p.NextSteps = append(p.NextSteps, record.NextStep{ID: fmt.Sprintf("N%d", i+1), Owner: step.owner, Text: step.text, Due: date(due), Done: done(due)})
	}

	scope := pick(s.r, []string{"internal", "external", "both"})
	if s.program != record.ProgramWorkSecurity {
		scope = "external"
	}
	for _, j := range append([]job{s.job}, pickN(s.r, jobs, s.rangeN(1, 2))...) {
		if len(p.JobTargets) > 0 && j.title == s.job.title {
			continue
		}
		p.JobTargets = append(p.JobTargets, record.JobTarget{Title: j.title, JobFamily: j.family, GradeMin: j.gradeMin, GradeMax: j.gradeMax, Scope: scope})
	}
	for _, c := range pickN(s.r, courses, s.rangeN(1, 2)) {
		start := add(s.opened, s.rangeN(7, 60))
		end := add(start, s.rangeN(0, 40))
		course := record.Course{Course: c.title, Provider: c.provider, Start: date(start), End: date(end), Status: "planned"}
		switch {
		case !end.After(s.end):
			course.Status = "completed"
			s.ev(end)
		case !start.After(s.end):
			course.Status = "enrolled"
			s.ev(start)
		}
		if s.closed && course.Status != "completed" {
			course.Status = "dropped"
		}
		p.SkillPlan = append(p.SkillPlan, course)
	}
	// Reviewed a month in, then every review interval (001: "updated
	// regularly"; caseplan's review_interval_days).
	every := s.g.cfg.ProgramSetting(s.program, record.SettingReviewIntervalDays)
	for day := add(s.opened, s.rangeN(21, 35)); !day.After(s.end); day = add(day, every-s.r.IntN(10)) {
		p.Reviews = append(p.Reviews, record.Review{Date: s.ev(day), By: s.managerOn(day).ID,
			Summary: pick(s.r, []string{
				"Plan reviewed with the participant; goals kept, job targets confirmed.",
				"Progress on the objectives reviewed; next steps agreed.",
				"Reviewed the activity tracker and the referrals; plan kept.",
				"Targets widened after a slow month; skill plan unchanged.",
			})})
		p.Updated = date(day)
		p.Agreements = append(p.Agreements, record.Agreement{Date: date(day), How: "verbal", Notes: "Agreed at the review."})
	}
	if s.program == record.ProgramPostEmployment {
		s.selfSufficiency()
	}
}

// article returns "a" or "an" for the word w.
func article(w string) string {
	if w != "" && slices.Contains([]byte("AEIOU"), w[0]) {
		return "an"
	}
	return "a"
}

// --- references and referrals ----------------------------------------------

// references writes the professional references (000: three, agreed by
// the layoff date, for work security; a few for everyone else).
func (s *story) references() {
	n := s.rangeN(1, 3)
	by := s.end
	if s.program == record.ProgramWorkSecurity {
		n = s.rangeN(3, 4)
		by = minTime(s.refsBy, s.end)
	}
	from := minTime(add(s.opened, 3), by)
	rels := []string{"former supervisor", "colleague of four years", "manager at a previous job", "instructor of a recent course", "volunteer coordinator"}
	for i := range n {
		ref := record.Reference{
			Name:         fmt.Sprintf("Reference %s-%d", s.spec.number[5:], i+1),
			Title:        pick(s.r, []string{"Manager", "Director", "Team Lead", "Professor", "Coordinator"}),
			Organization: pick(s.r, organizations),
			Relationship: rels[i%len(rels)],
			Phone:        s.phone(),
			Email:        fmt.Sprintf("ref-%s-%d@example.org", s.spec.number, i+1),
		}
		if !by.Before(s.opened) {
			perm := s.between(from, by)
			ref.Permission = s.ev(perm)
			if b := add(perm, s.rangeN(1, 14)); !b.After(by) {
				ref.Briefed = s.ev(b)
			}
		}
		s.refs.References = append(s.refs.References, ref)
	}
}

// referrals writes services.yaml: referrals to supportive services and
// training (001, 003) and where they stand.
func (s *story) referrals() {
	for i, k := range pickN(s.r, referralKinds, s.rangeN(1, 3)) {
		day := s.between(minTime(add(s.opened, 3), s.end), s.end)
		r := record.Referral{ID: fmt.Sprintf("R%d", i+1), Service: k.service, Provider: k.provider, Category: k.category, Referred: s.ev(day), Status: "referred"}
		switch upd := add(day, s.rangeN(5, 40)); {
		case !upd.After(s.end) && s.chance(0.85):
			r.Status, r.Updated, r.Outcome = "completed", s.ev(upd), k.outcome
		case !upd.After(s.end):
			r.Status, r.Updated, r.Outcome = "declined", s.ev(upd), "participant chose not to go ahead"
		case s.closed:
			r.Status = "expired"
		case s.chance(0.5):
			r.Status = "in-progress"
		}
		s.svc.Referrals = append(s.svc.Referrals, r)
	}
}

// --- notes ------------------------------------------------------------------

// notesDrafts completes the program's notes: the intake meeting on the
// opening day, the contact a rule's interval asks for, and regular notes
// spread over the time of service, about a dozen in all (fewer when the
// case is only weeks old).
func (s *story) notesDrafts() {
	intakeServices := []string{"assessment", "career-planning"}
	if s.program == record.ProgramPostEmployment {
		intakeServices = []string{"assessment", "retention"}
	}
	s.drafts = append([]*draft{{date: s.opened, kind: "intake", mode: "in-person", twoWay: true, services: intakeServices}}, s.drafts...)
	if !s.contactBy.IsZero() {
		s.contact(s.between(maxTime(s.contactBy, s.opened), s.end), pick(s.r, []string{"phone", "in-person", "video"}))
	}
	span := calendar.Days(s.opened, s.end)
	n := min(s.rangeN(11, 14), 1+span/3)
	for len(s.drafts) < n {
		day := s.between(add(s.opened, 1), s.end)
		if span == 0 {
			day = s.opened
		}
		s.regularNote(day)
	}
	slices.SortStableFunc(s.drafts, func(a, b *draft) int { return a.date.Compare(b.date) })
}

// regularNote adds a note of the everyday kinds: mostly two-way contacts,
// some interview preparation, referrals and case conferences, and a few
// one-way messages that are not contacts.
func (s *story) regularNote(day time.Time) {
	modes := []string{"phone", "phone", "in-person", "video", "email", "text"}
	if s.program == record.ProgramPostEmployment {
		modes = append(modes, "home-visit")
	}
	services := noteServices[s.program]
	switch u := s.r.IntN(100); {
	case u < 62:
		s.contact(day, pick(s.r, modes))
	case u < 70 && s.program != record.ProgramPostEmployment:
		s.note(day, "mock-interview", "in-person", true, "mock-interview")
	case u < 76:
		s.note(day, "referral", pick(s.r, modes), true, pick(s.r, services), "supportive-services")
	case u < 82:
		s.note(day, "interview-feedback", "phone", true, "job-search")
	case u < 87:
		s.note(day, "case-conference", "in-person", true, "career-planning")
	default:
		s.note(day, "other", pick(s.r, []string{"email", "text", "letter"}), false)
	}
}

// writeNotes gives the drafts their IDs (<date>-<4 lowercase base32>,
// unique in the case) and their text (the seven elements of 001).
func (s *story) writeNotes() {
	for _, d := range s.drafts {
		n := &record.Note{
			Date: date(d.date), Author: s.managerOn(d.date).ID,
			Kind: d.kind, Mode: d.mode, TwoWay: d.twoWay, Services: d.services,
		}
		n.ID = s.noteID(d.date)
		s.writeText(n, d)
		s.notes = append(s.notes, n)
	}
}

func (s *story) noteID(day time.Time) string {
	for {
		var b [4]byte
		for i := range b {
			b[i] = noteSuffixAlphabet[s.r.IntN(len(noteSuffixAlphabet))]
		}
		id := string(date(day)) + "-" + string(b[:])
		if !s.noteIDs[id] {
			s.noteIDs[id] = true
			return id
		}
	}
}

// noteSuffixAlphabet is the alphabet of a note ID's suffix, caseplan's
// casework.NoteSuffixAlphabet (lower-case base32); a test keeps the two
// equal. It is not imported because casework's own benchmarks import this
// package.
const noteSuffixAlphabet = "abcdefghijklmnopqrstuvwxyz234567"

// amendment corrects one contact note in a few cases: a new note of kind
// amendment that names it (notes are never edited; 001).
func (s *story) amendment() {
	if !s.chance(0.04) {
		return
	}
	var contacts []*record.Note
	for _, n := range s.notes {
		if n.Kind == "contact" {
			contacts = append(contacts, n)
		}
	}
	if len(contacts) == 0 {
		return
	}
	target := pick(s.r, contacts)
	t, _ := target.Date.Time()
	day := s.between(t, minTime(add(t, 10), s.end))
	d := &draft{date: day, kind: "amendment", mode: "none", amends: target}
	n := &record.Note{Date: date(day), Author: s.managerOn(day).ID, Kind: d.kind, Mode: d.mode, Amends: target.ID}
	n.ID = s.noteID(day)
	s.writeText(n, d)
	s.notes = append(s.notes, n)
	s.drafts = append(s.drafts, d)
}

// --- activity ---------------------------------------------------------------

// activity writes the weekly candidate activity tracker (000): every
// complete week of a work-security search, which ws-activity-tracker asks
// for, and four to six weeks of the other programs' job search, always
// including the weeks the rules need (those an extension request rests on).
func (s *story) activity() {
	if s.actEnd.Before(s.opened) {
		return
	}
	var candidates []time.Time
	for m := calendar.MondayOf(s.opened); !m.After(s.actEnd); m = add(m, 7) {
		candidates = append(candidates, m)
	}
	chosen := map[time.Time]bool{}
	for m := range s.mondays {
		chosen[m] = true
	}
	if s.program == record.ProgramWorkSecurity {
		lastComplete := add(calendar.MondayOf(s.today), -7)
		for m := add(calendar.MondayOf(s.opened), 7); !m.After(s.actEnd) && !m.After(lastComplete); m = add(m, 7) {
			chosen[m] = true
		}
	}
	// A work-security search already has a file for every week; the other
	// programs keep some weeks of activity, so the store averages about 24
	// files per case as issue 12 measured real ones.
	target := max(s.rangeN(4, 6), len(chosen))
	for _, i := range s.r.Perm(len(candidates)) {
		if len(chosen) >= target {
			break
		}
		chosen[candidates[i]] = true
	}
	mondays := make([]time.Time, 0, len(chosen))
	for m := range chosen {
		mondays = append(mondays, m)
	}
	slices.SortFunc(mondays, time.Time.Compare)
	for _, m := range mondays {
		s.activityWeek(m, s.mondays[m])
	}
}

// activityWeek writes the week starting on monday; needApplication asks
// for at least one application in it.
func (s *story) activityWeek(monday time.Time, needApplication bool) {
	from, to := maxTime(monday, s.opened), minTime(add(monday, 6), s.actEnd)
	if to.Before(from) {
		return
	}
	w := &record.ActivityWeek{Week: calendar.ISOWeek(monday)}
	last := from
	day := func() record.Date {
		d := s.between(from, to)
		last = maxTime(last, d)
		return date(d)
	}
	apps := s.rangeN(1, 4)
	if s.program == record.ProgramPostEmployment {
		apps = s.r.IntN(2)
	}
	if needApplication {
		apps = max(apps, 1)
	}
	for range apps {
		j := pick(s.r, jobs)
		org := pick(s.r, employers)
		var internal *bool
		if s.program == record.ProgramWorkSecurity {
			in := s.chance(0.6)
			internal = &in
			if in {
				org = university + ", " + pick(s.r, departments)
			}
		}
		a := record.Application{Date: day(), Organization: org, Position: j.title, Internal: internal, Status: "applied"}
		if internal != nil && *internal {
			a.Grade = j.gradeMin
		}
		switch u := s.r.IntN(10); {
		case u < 2:
			a.Status, a.Feedback = "rejected", "position filled internally"
		case u < 4:
			a.Status = "interview"
		}
		w.Applications = append(w.Applications, a)
	}
	if s.chance(0.3) {
		w.Interviews = append(w.Interviews, record.Interview{Date: day(), Organization: pick(s.r, employers), Position: pick(s.r, jobs).title,
			Kind: pick(s.r, []string{"screening", "hiring-manager", "panel"}), Feedback: "went well; asked about scheduling and software"})
	}
	if s.chance(0.25) {
		w.InformationalInterviews = append(w.InformationalInterviews, record.InformationalInterview{Date: day(), Organization: pick(s.r, employers),
			Contact: "a former colleague now working there", Notes: "explained the career path and the certification most units ask for"})
	}
	if s.chance(0.3) || len(w.Applications) == 0 {
		contacts := s.rangeN(1, 5)
		w.Networking = append(w.Networking, record.NetworkingEvent{Date: day(), Event: pick(s.r, []string{"Job club at the career center", "Industry breakfast", "Alumni mixer", "Hiring fair"}), Contacts: &contacts})
	}
	if s.chance(0.15) {
		c := pick(s.r, courses)
		w.Courses = append(w.Courses, record.ActivityCourse{Date: day(), Title: c.title, Provider: c.provider, Status: "enrolled"})
	}
	s.weeks = append(s.weeks, &week{rec: w, last: last})
}
