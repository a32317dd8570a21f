package storegen

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// file is one version of a file that a commit writes.
type file struct {
	path string
	data []byte    // nil once its blob is in the fast-import stream
	day  time.Time // the latest event it holds: no commit writes it earlier
	mark int       // its blob's mark in the fast-import stream
}

// commitPlan is one caseplan-style commit.
type commitPlan struct {
	day     time.Time
	author  *staff
	cases   []string // the Caseplan-Case trailers; none for a store-wide change
	action  string   // the Caseplan-Action trailer, noun.verb
	summary string
	files   []*file
	order   int // the case's index, -1 for the store: ties on a day go by it
	seq     int // the commit's place in its case's history
	when    int64
	batched bool // made by batch, its summary from its files
}

func (c *commitPlan) message() string { return audit.Message(c.cases, c.action, c.summary) }

// caseOut is a generated case: its files as they stand today, and the
// commits that wrote them.
type caseOut struct {
	spec    caseSpec
	manager *staff // today's
	open    bool
	files   []*file
	commits []*commitPlan
}

// commits writes the case's records and plans its history, about five
// commits as caseplan makes them:
//
//  1. case.new on the opening day: the intake as opened and an empty plan;
//  2. note.add: the intake meeting's note;
//  3. one to three commits of the notes and activity weeks that followed,
//     in date order (note.add or activity.add when they hold one file,
//     otherwise a caseplan commit of hand-written files);
//  4. a caseplan commit of the intake, plan, references, referrals and
//     outcome as they stand today, with the last notes and weeks.
//
// Each commit is dated on or after the last event the files it writes
// hold. Notes are written once and never changed (verify's rule).
func (s *story) commits() (*caseOut, error) {
	out := &caseOut{spec: s.spec, manager: s.manager(), open: !s.closed}
	var err error
	version := func(p string, v any, day time.Time) *file {
		data, e := record.Marshal(p, v)
		if e != nil && err == nil {
			err = fmt.Errorf("case %s: %w", s.id, e)
		}
		return &file{path: p, data: data, day: day}
	}
	intake := layout.Intake(s.id)
	iep := layout.File(s.id, layout.KindIEP)

	opened := record.Intake{
		ID: s.id, Opened: s.intake.Opened, Program: s.program, Status: "open",
		Manager: s.first.ID, Center: s.first.Center,
		Participant: record.Participant{Name: s.intake.Participant.Name, Phone: s.intake.Participant.Phone, Email: s.intake.Participant.Email},
		Layoff:      s.intake.Layoff, CashAssistanceEnded: s.intake.CashAssistanceEnded,
	}
	newCase := &commitPlan{
		day: s.opened, action: "case.new",
		summary: fmt.Sprintf("open case (%s, manager %s)", s.program, s.first.ID),
		files:   []*file{version(intake, &opened, s.opened), version(iep, &record.IEP{Created: s.iep.Created}, s.opened)},
	}

	finals := []*file{
		version(intake, &s.intake, s.last),
		version(iep, &s.iep, s.last),
		version(layout.File(s.id, layout.KindReferences), &s.refs, s.last),
		version(layout.File(s.id, layout.KindServices), &s.svc, s.last),
	}
	// A committee's decision on an extension is recorded by the
	// supervisor (only a supervisor or an admin records one, and verify
	// holds every commit to that): the outcome then gets a commit of its
	// own, theirs.
	var decision *commitPlan
	if s.out.Placement != nil || s.out.Closure != nil || len(s.out.FollowUps) > 0 || len(s.out.Extensions) > 0 {
		outcome := version(layout.File(s.id, layout.KindOutcome), &s.out, s.last)
		if slices.ContainsFunc(s.out.Extensions, func(e record.Extension) bool { return e.Decided != "" }) {
			decision = &commitPlan{action: "extension.decide", files: []*file{outcome}, summary: "record the committee's decisions and the outcome", author: s.g.roster.supervisor}
		} else {
			finals = append(finals, outcome)
		}
	}

	var notes, rest []*file
	for _, n := range s.notes {
		day, _ := n.Date.Time()
		notes = append(notes, version(layout.Note(s.id, n.ID), n, day))
	}
	rest = append(rest, notes[1:]...) // notes[0] is the intake meeting's
	for _, w := range s.weeks {
		rest = append(rest, version(layout.ActivityWeek(s.id, w.rec.Week), w.rec, w.last))
	}
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(rest, func(a, b *file) int {
		return cmp.Or(a.day.Compare(b.day), cmp.Compare(a.path, b.path))
	})

	plans := []*commitPlan{newCase, s.noteCommit(notes[0], s.notes[0])}
	middle := min([]int{1, 2, 2, 3}[s.r.IntN(4)], len(rest))
	cuts := s.r.Perm(len(rest))[:middle]
	for i := range cuts {
		cuts[i]++ // cut after 1..len(rest) files
	}
	slices.Sort(cuts)
	from := 0
	for _, to := range cuts {
		plans = append(plans, s.batch(rest[from:to]))
		from = to
	}
	last := &commitPlan{action: "commit", files: append(finals, rest[from:]...)}
	last.summary = "update the plan, referrals and references"
	if s.closed {
		last.summary = fmt.Sprintf("close the case (%s); the plan, referrals and references as they stood", s.out.Closure.Reason)
	}
	plans = append(plans, last)
	if decision != nil {
		plans = append(plans, decision)
	}
	if s.second != nil {
		plans = s.withTransfer(plans, version(intake, s.transferred(opened), s.transfer))
	}

	for i, c := range plans {
		for _, f := range c.files {
			c.day = maxTime(c.day, f.day)
		}
		if i > 0 {
			c.day = maxTime(c.day, plans[i-1].day)
		}
		if c.day.After(s.today) {
			return nil, fmt.Errorf("case %s: commit %d dated %s, after today", s.id, i+1, c.day.Format(time.DateOnly))
		}
		c.cases, c.order, c.seq = []string{s.id}, s.spec.index, i
		if c.author == nil {
			c.author = s.managerOn(c.day)
		}
	}
	out.commits = plans

	// The work tree holds the last version of every path.
	latest := map[string]*file{}
	var paths []string
	for _, c := range plans {
		for _, f := range c.files {
			if latest[f.path] == nil {
				paths = append(paths, f.path)
			}
			latest[f.path] = f
		}
	}
	for _, p := range paths {
		out.files = append(out.files, latest[p])
	}
	return out, nil
}

// noteCommit is the commit caseplan note add (or note amend) makes.
func (s *story) noteCommit(f *file, n *record.Note) *commitPlan {
	c := &commitPlan{action: audit.ActionNoteAdd, files: []*file{f}}
	c.summary = fmt.Sprintf("add %s note (%s", n.Kind, n.Mode)
	if n.TwoWay {
		c.summary += ", two-way"
	}
	c.summary += ")"
	if n.Kind == "amendment" {
		c.action, c.summary = audit.ActionNoteAmend, "amend note "+n.Amends
	}
	return c
}

// batch commits notes and activity weeks: as the command that writes one
// of them when it is alone, else as hand-written files committed with
// caseplan commit.
func (s *story) batch(files []*file) *commitPlan {
	if len(files) == 1 {
		f := files[0]
		if kind, _ := layout.KindOf(f.path); kind == layout.KindNote {
			for _, n := range s.notes {
				if layout.Note(s.id, n.ID) == f.path {
					return s.noteCommit(f, n)
				}
			}
		}
		return &commitPlan{action: "activity.add", files: files, batched: true, summary: "log the week's activity in " + calendar.ISOWeek(f.day)}
	}
	var notes, weeks int
	for _, f := range files {
		if kind, _ := layout.KindOf(f.path); kind == layout.KindNote {
			notes++
		} else {
			weeks++
		}
	}
	return &commitPlan{action: "commit", files: files, batched: true,
		summary: fmt.Sprintf("record %s and %s to %s", count(notes, "note"), count(weeks, "activity week"), files[len(files)-1].day.Format(time.DateOnly))}
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// transferred is the intake as the transfer (002) leaves it: the case
// opened, now with its second designated counselor, the transfer and the
// first counselor on the team.
func (s *story) transferred(opened record.Intake) *record.Intake {
	in := opened
	in.Manager, in.Center = s.second.ID, s.second.Center
	in.Transfers = s.intake.Transfers
	for _, m := range s.intake.Team {
		if m.Email == s.first.Email {
			in.Team = append(in.Team, m)
		}
	}
	return &in
}

// withTransfer puts the transfer's commit into plans on its day: after
// every commit of files dated before it, before the first that holds a
// file dated on or after it. The first counselor, who manages the case
// until then, makes it (verify holds each commit to the roster and the
// case's manager in its parent); the second makes the commits after.
func (s *story) withTransfer(plans []*commitPlan, intake *file) []*commitPlan {
	t := &commitPlan{action: "case.transfer", author: s.first, files: []*file{intake},
		summary: fmt.Sprintf("transfer the case to %s (%s)", s.second.ID, s.second.Center)}
	at := len(plans)
	for i, c := range plans {
		if i > 0 && slices.ContainsFunc(c.files, func(f *file) bool { return !f.day.Before(s.transfer) }) {
			at = i
			break
		}
	}
	if at < len(plans) {
		// A note is committed by its author (verify's note-author): the
		// notes the first manager wrote before the transfer are theirs to
		// commit, before it, not the second's with the later files.
		var early, late []*file
		for _, f := range plans[at].files {
			if kind, _ := layout.KindOf(f.path); kind == layout.KindNote && f.day.Before(s.transfer) {
				early = append(early, f)
			} else {
				late = append(late, f)
			}
		}
		if len(early) > 0 {
			rest := plans[at]
			if rest.batched {
				rest = s.batch(late)
			} else {
				rest.files = late
			}
			plans[at] = rest
			plans = slices.Insert(plans, at, s.batch(early))
			at++
		}
	}
	return slices.Insert(plans, at, t)
}
