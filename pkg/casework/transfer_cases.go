package casework

import (
	"fmt"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/store"
)

// TransferCases hands several cases to one new manager at once: the cases
// named, or every open case of a manager who leaves (From). A supervisor
// retiring a case manager must first hand on every open case of theirs
// (wioa-counselor refuses the retirement, manager-retired warns), forty
// at an office; one command does it.
//
// Each case is transferred as TransferCase transfers one — its intake
// names the new manager, a transfers entry and a transfer note record it —
// and all of them are one change, so one commit, as a group note is: the
// hand-over is one decision, made once, by one author, with one reason,
// and is recorded whole or not at all. If any case would be refused, none
// is transferred, and every refusal is listed together, so that one run
// says all there is to mend.
type TransferCases struct {
	// Cases are the cases named; with From, the cases From manages now
	// (as their intake records say, closed ones too: a case closed since
	// was open on a past day), of which those open under From on the day
	// are handed on.
	Cases  []string
	From   string    // "": the cases named, whoever manages them
	Date   time.Time // zero: today
	To     string    // staff id
	Center string    // "": the new manager's center, else each case's
	Reason string
	// Meant names, for a case named that the store does not have, the
	// case it was probably meant to be ("" or absent: none), which the
	// refusal suggests.
	Meant map[string]string
	// UnknownHint, when set, is the hint given when no case named is in
	// the store, in place of the one to mend or leave out the cases: the
	// caller's reading of the words as a name typed without quotes.
	UnknownHint string
}

// Build returns the change that transfers every case, or refuses with
// every case that cannot be.
func (t TransferCases) Build(s *State) (*Change, error) {
	one := TransferCase{Date: t.Date, To: t.To, Center: t.Center, Reason: t.Reason}
	if _, err := one.newManager(s.Snapshot.Config, "", t.From); err != nil {
		return nil, err // the same for every case: said once
	}
	if t.From != "" && t.From == t.To {
		return nil, inputErrorf("name the manager the cases go to with --to", "--from and --to both name %s", t.From)
	}
	cases := t.Cases
	var notes []string
	if t.From != "" {
		var handedSince []string
		var later []*NotOpenedError
		cases, handedSince, later = t.openUnderFrom(s)
		if len(cases) == 0 {
			why := handedSince
			hint := "caseplan case list --manager " + t.From + " --status open lists them"
			for _, e := range later {
				why = append(why, e.Error())
			}
			switch {
			case len(later) == 1:
				hint = later[0].Hint()
			case len(later) > 1:
				hint = "for each case that opens later: " + openingFix("CASE", "the day said") + "; if it is right, hand it on from that day on"
			}
			msg := fmt.Sprintf("%s has no open case on %s to transfer", t.From, date(s.Today))
			if len(why) > 0 {
				msg += ":\n\t" + strings.Join(why, "\n\t")
			}
			return nil, inputErrorf(hint, "%s", msg)
		}
		// The rest are handed on: a case not yet opened is left, as one
		// handed on since is, with a note saying what to do about it.
		notes = handedSince
		for _, e := range later {
			notes = append(notes, e.Error()+"\nhint: "+e.Hint())
		}
	}
	if len(cases) == 0 {
		return nil, inputErrorf("name one or more CASEs, or --from ID", "which cases? a transfer needs at least one")
	}
	files := map[string][]byte{}
	var refused []string
	var oneSummary string // the last case's, as a transfer of it alone says it
	var caseNotes []string
	unknown := 0 // the cases refused as no case of the store
	from := map[string]bool{}
	seen := map[string]bool{}
	for _, id := range cases {
		if seen[id] {
			refused = append(refused, fmt.Sprintf("%s: named twice", id))
			continue
		}
		seen[id] = true
		one.Case = id
		if c := s.Snapshot.Case(id); c != nil && c.Intake != nil {
			from[c.Intake.Manager] = true
			// Asked here, not only by the engine after the build, so
			// that a case the author may not change is listed with
			// the other refusals rather than after they are mended.
			after := *c.Intake
			after.Manager = t.To
			ch := access.Change{Cases: []access.CaseChange{{ID: id, Before: c.Intake, After: &after}}}
			if d := access.Check(s.Snapshot.Config, s.Staff, ch); len(d) > 0 {
				refused = append(refused, fmt.Sprintf("%s: %s", id, d[0].Msg))
				continue
			}
		}
		ch, err := one.Build(s)
		if err != nil {
			if _, ok := err.(*store.UnknownCaseError); ok {
				unknown++
			}
			why := transferRefusal(err)
			if m := t.Meant[id]; m != "" {
				why += " (did you mean " + m + "?)"
			}
			refused = append(refused, fmt.Sprintf("%s: %s", id, why))
			continue
		}
		for p, data := range ch.Files {
			files[p] = data
		}
		// What one case's transfer says of it (closed, or dated before
		// its notes) is said of it among several too.
		caseNotes = append(caseNotes, ch.Notes...)
		oneSummary = ch.Summary
	}
	if len(refused) > 0 {
		hint := "mend or leave out the cases above (caseplan case show CASE), then run the command again; nothing is transferred until every case can be"
		if unknown == len(cases) && t.UnknownHint != "" {
			hint = t.UnknownHint
		}
		return nil, inputErrorf(hint,
			"%d of %d case(s) cannot be transferred to %s, so none was:\n\t%s", len(refused), len(cases), t.To, strings.Join(refused, "\n\t"))
	}
	// One case, named or the only one --from found, is said as its
	// transfer alone is ("W-001: transfer the case from jlee to dshah"),
	// not as "1 case(s)": the log reads the same whichever way it was typed.
	summary := fmt.Sprintf("transfer %d case(s) to %s", len(cases), t.To)
	if len(cases) == 1 {
		summary = oneSummary
	} else if len(from) == 1 {
		for f := range from {
			summary = fmt.Sprintf("transfer %d case(s) from %s to %s", len(cases), f, t.To)
		}
	}
	return &Change{
		Cases:   append([]string(nil), cases...),
		Action:  "case.transfer",
		Summary: summary,
		Files:   files,
		Output:  strings.Join(cases, "\n"),
		Notes:   append(caseNotes, notes...),
	}, nil
}

// openUnderFrom returns the cases of t.Cases that are open and managed by
// t.From on the day, as case list --manager --status open lists them:
// open at the end of the day as the reports count it (casestate.OpenOn: a
// case closed since was open then, one opened since was no case yet), and
// From's on it (casestate.ManagerOn). Of those From manages now (t.Cases,
// closed ones included), a case closed by the day, or not yet theirs on
// it, is left where it is; so is one handed to someone else since, which
// is no longer From's to hand on (its transfer after the day names who
// has it): handedSince says so of each, naming who has it now and the
// transfer that took it from From, since case list --manager on that day
// lists it under From. A case From manages now that opens after the day
// is left too, and later says why of each: on a past day it was no case
// yet; on the real today its opening date is wrong or the case is not
// due to open yet, and either way From cannot be retired until it is
// handed on, so it is not left without a word.
func (t TransferCases) openUnderFrom(s *State) (out, handedSince []string, later []*NotOpenedError) {
	for _, id := range t.Cases {
		c := s.Snapshot.Case(id)
		if c == nil || c.Intake == nil {
			continue
		}
		if c.Intake.Manager == t.From {
			if e := notOpened(c, s.Today, "not handed on; it stays "+t.From+"'s", "hand it on from that day on with caseplan case transfer "+id+" --to STAFF --reason TEXT"); e != nil {
				later = append(later, e)
				continue
			}
		}
		if !casestate.OpenOn(c, s.Today) || casestate.ManagerOn(c.Intake, s.Today) != t.From {
			continue
		}
		if c.Intake.Manager == t.From {
			out = append(out, id)
			continue
		}
		since := "transferred since"
		if tr := casestate.TransferAfter(c.Intake, s.Today); tr != nil {
			since = fmt.Sprintf("transferred to %s on %s", tr.To, tr.Date)
		}
		handedSince = append(handedSince, fmt.Sprintf("%s was %s's on %s but is %s's now (%s): left where it is; caseplan case transfer %s --to STAFF --reason TEXT hands it on from %s",
			id, t.From, date(s.Today), c.Intake.Manager, since, id, c.Intake.Manager))
	}
	return out, handedSince, later
}

// transferRefusal is why one case of several cannot be transferred, in
// words that follow its ID.
func transferRefusal(err error) string {
	if _, ok := err.(*store.UnknownCaseError); ok {
		return "no such case in this store"
	}
	return err.Error()
}
