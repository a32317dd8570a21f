package audit

import (
	"slices"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// RuleEpisodeRemoved: an episode of a case's outcome (a closure, a
// reopening, a placement, ...) that a commit held is gone from a later
// one. DESIGN.md (outcome.yaml): placements — "a correction supersedes,
// never deletes"; closures and reopenings — "episodes are added, never
// removed, so a report about a past month gives the same figures whatever
// happens later".
const RuleEpisodeRemoved = "episode-removed"

// The kinds of episode an outcome holds, in the words a message uses.
const (
	EpisodeExtension  = "extension request"
	EpisodePlacement  = "placement"
	EpisodeFollowUp   = "follow-up"
	EpisodeCredential = "credential"
	EpisodeSkillGain  = "skill gain"
	EpisodeExclusion  = "exclusion"
	EpisodeClosure    = "closure"
	EpisodeReopening  = "reopening"
)

// Episode is one item of a case's outcome: every item of its lists is one
// (outcome.yaml holds nothing else), and the legacy single placement and
// closure count as the first of their kind.
type Episode struct {
	Kind string
	// ID is the item's ID (CL-7QX2K); "" for one written before its list
	// had IDs.
	ID string
	// Date is the day the item is about: a closure's or reopening's date,
	// a placement's start, a follow-up's due date, an extension's request,
	// a credential's, skill gain's or exclusion's date.
	Date record.Date
}

// Words names e in a message: "closure CL-7QX2K of 2026-07-01".
func (e Episode) Words() string {
	s := e.Kind
	if e.ID != "" {
		s += " " + e.ID
	}
	if e.Date != "" {
		s += " of " + string(e.Date)
	}
	return s
}

// Episodes lists every episode of o, kind by kind in the order of the
// outcome's fields.
func Episodes(o *record.Outcome) []Episode {
	if o == nil {
		return nil
	}
	var out []Episode
	add := func(kind, id string, date record.Date) {
		out = append(out, Episode{Kind: kind, ID: id, Date: date})
	}
	for _, x := range o.Extensions {
		add(EpisodeExtension, x.ID, x.Requested)
	}
	for _, x := range o.AllPlacements() {
		add(EpisodePlacement, x.ID, x.Start)
	}
	for _, x := range o.FollowUps {
		add(EpisodeFollowUp, x.ID, x.Due)
	}
	for _, x := range o.Credentials {
		add(EpisodeCredential, x.ID, x.Date)
	}
	for _, x := range o.SkillGains {
		add(EpisodeSkillGain, x.ID, x.Date)
	}
	for _, x := range o.Exclusions {
		add(EpisodeExclusion, x.ID, x.Date)
	}
	for _, x := range o.AllClosures() {
		add(EpisodeClosure, x.ID, x.Date)
	}
	for _, x := range o.Reopenings {
		add(EpisodeReopening, x.ID, x.Date)
	}
	return out
}

// RemovedEpisodes returns the episodes of before that after no longer
// holds (after nil: the file or the case is gone). Changing an episode's
// fields in place is no removal — a wrongly dated exclusion is corrected
// with caseplan edit, a follow-up is completed later, and git's history
// shows the change — so episodes are matched by what stays the same:
//
//   - an item with an ID is the item with that ID, whatever else changed
//     (a changed ID is a removal: the old ID is what other items and
//     reports name, as a correcting placement's supersedes does), or,
//     its ID dropped, an item without one of the same kind and date;
//   - an item without one (written before its list had IDs) is matched
//     to one of after's of the same kind and date, and then, one for
//     one, to after's other items of its kind that are new there (its
//     date corrected, an ID given): only when after holds fewer of them
//     is one removed.
//
// The legacy single placement and closure are the first of their kind,
// so moving one into its list is no removal either.
func RemovedEpisodes(before, after *record.Outcome) []Episode {
	was, now := Episodes(before), Episodes(after)
	if len(was) == 0 {
		return nil
	}
	var removed []Episode
	for _, kind := range []string{EpisodeExtension, EpisodePlacement, EpisodeFollowUp, EpisodeCredential, EpisodeSkillGain, EpisodeExclusion, EpisodeClosure, EpisodeReopening} {
		b, a := ofKind(was, kind), ofKind(now, kind)
		had := map[string]bool{}
		for _, e := range b {
			if e.ID != "" {
				had[e.ID] = true
			}
		}
		has := map[string]bool{}
		var pool []Episode // after's items an ID-less one may have become
		for _, e := range a {
			if e.ID != "" {
				has[e.ID] = true
			}
			if e.ID == "" || !had[e.ID] {
				pool = append(pool, e)
			}
		}
		var legacy []Episode
		for _, e := range b {
			switch {
			case e.ID != "" && !has[e.ID]:
				// Its ID dropped by a hand edit, the item kept: the one
				// of after's without an ID on the same day.
				i := slices.IndexFunc(pool, func(p Episode) bool { return p.ID == "" && p.Date == e.Date })
				if i < 0 {
					removed = append(removed, e)
					continue
				}
				pool = slices.Delete(pool, i, i+1)
			case e.ID == "":
				legacy = append(legacy, e)
			}
		}
		// Same date first, then one for one.
		var left []Episode
		for _, e := range legacy {
			i := -1
			for j, p := range pool {
				if p.Date == e.Date {
					i = j
					break
				}
			}
			if i < 0 {
				left = append(left, e)
				continue
			}
			pool = append(pool[:i], pool[i+1:]...)
		}
		if len(left) > len(pool) {
			removed = append(removed, left[len(pool):]...)
		}
	}
	return withoutMends(before, after, removed)
}

// withoutMends returns removed less the closures and reopenings whose
// removal mends the alternation of before's episodes
// (record.Outcome.OutOfTurn): each was one of two closures (or
// reopenings) in a row — one episode closed twice, as two clones that
// each closed the case left it before sync kept one closure per episode
// — and after breaks the alternation at least once fewer for each of
// them, so one of every such pair stays. It is the one removal of an
// episode taken: of two closings of one episode only one happened, and
// the reports count one (the one in effect, ClosesEpisode); a past
// month's figure changes only when the one taken out was the one
// counted, in another month — a correction, which a report --at the
// commit it was made from keeps as sent. git keeps the item.
func withoutMends(before, after *record.Outcome, removed []Episode) []Episode {
	if after == nil || len(removed) == 0 {
		return removed
	}
	turns, prev := before.OutOfTurn()
	now, _ := after.OutOfTurn()
	inPair := func(e Episode) bool {
		if e.Kind != EpisodeClosure && e.Kind != EpisodeReopening {
			return false
		}
		for i, t := range turns {
			for _, x := range []record.Turn{prev[i], t} {
				if x.Index >= 0 && x.Reopening == (e.Kind == EpisodeReopening) && x.Date == e.Date {
					return true
				}
			}
		}
		return false
	}
	var mends int
	for _, e := range removed {
		if inPair(e) {
			mends++
		}
	}
	if mends == 0 || mends > len(turns)-len(now) {
		return removed
	}
	return slices.DeleteFunc(removed, inPair)
}

func ofKind(es []Episode, kind string) []Episode {
	var out []Episode
	for _, e := range es {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// EpisodeWayBack says what records the opposite of episode kind, the way
// a case manager undoes one made by mistake without removing it, with
// caseID in the commands.
func EpisodeWayBack(kind, caseID string) string {
	c := caseID
	if c == "" {
		c = "CASE"
	}
	switch kind {
	case EpisodeClosure:
		return "a closure made by mistake stays on record and is ended by a reopening: caseplan case reopen " + c + " --date DATE --reason TEXT; a wrong date or reason is corrected in place (caseplan edit " + c + " outcome)"
	case EpisodeReopening:
		return "a reopening made by mistake is ended by closing the case again: caseplan case close " + c + " --date DATE --reason REASON; a wrong date or reason is corrected in place (caseplan edit " + c + " outcome)"
	case EpisodePlacement:
		return "a wrong placement is corrected by another that supersedes it (caseplan placement set " + c + " --employer E --position P --start DATE), and an offer that never started is marked with caseplan placement fell-through " + c + " --reason TEXT"
	case EpisodeFollowUp:
		return "a follow-up stays and is completed or corrected in place: caseplan followup add " + c + " --date DATE with what it found, or caseplan edit " + c + " outcome"
	case EpisodeExtension:
		return "a request stays and is answered (caseplan extension decide " + c + " --date DATE --denied --by WHO) or corrected in place (caseplan edit " + c + " outcome)"
	}
	return "a wrong entry stays and is corrected in place, its date included: caseplan edit " + c + " outcome"
}

// EpisodeRemoval is an episode that a change takes out of a case's
// outcome.
type EpisodeRemoval struct {
	Case    string
	Episode Episode
	// Commit is the commit that removed it, when it is in history; ""
	// when the removal is about to be committed (caseplan commit, edit,
	// any write), and can still be undone.
	Commit string
	// CaseGone is set when the whole case directory went with it.
	CaseGone bool
}

// EpisodeFinding is the finding for an episode removed from a case's
// outcome: an error under RuleEpisodeRemoved on the case's outcome.yaml,
// naming the episode and the way back.
func EpisodeFinding(r EpisodeRemoval) finding.Finding {
	path := layout.File(r.Case, layout.KindOutcome)
	what := "the " + r.Episode.Words()
	gone := "outcome.yaml no longer holds it"
	if r.CaseGone {
		gone = "the case directory " + layout.CaseDir(r.Case) + " is gone with it"
	}
	why := "an outcome's episodes are added, never removed, so a report about a past month gives the same figures whatever happens later"
	f := finding.Finding{Path: path, Severity: finding.Error, Rule: RuleEpisodeRemoved, Case: r.Case, Commit: r.Commit}
	if r.Commit == "" {
		f.Message = what + " is in HEAD and would be removed (" + gone + "): " + why
		f.Hint = "put it back as HEAD has it (git show HEAD:" + path + "); " + EpisodeWayBack(r.Episode.Kind, r.Case)
		return f
	}
	f.Message = what + " was removed in commit " + shortHash(r.Commit) + " (" + gone + "): " + why + "; " + EpisodeWayBack(r.Episode.Kind, r.Case)
	return f
}
