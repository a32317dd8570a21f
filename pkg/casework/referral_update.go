package casework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// UpdateReferral moves a referral along: its new status, the date the
// status changed (default today) and, optionally, what came of it.
type UpdateReferral struct {
	Case     string
	Referral string // its ID, e.g. R-K7QX2 or R2, in any case
	Status   string
	Date     record.Date // when the status changed; empty: today
	Outcome  string      // replaces the outcome recorded, which the change's note names; empty: leave it as it is
}

// Build returns the change that sets the referral's status, updated date
// and outcome in services.yaml in place: only those lines change.
func (u UpdateReferral) Build(s *State) (*Change, error) {
	c := s.Snapshot.Case(u.Case)
	if c == nil {
		return nil, &store.UnknownCaseError{ID: u.Case}
	}
	if !slices.Contains(ReferralStatuses, u.Status) {
		return nil, inputErrorf("use one of "+strings.Join(ReferralStatuses, ", "), "unknown referral status %q", u.Status)
	}
	when := u.Date
	if when == "" {
		when = date(s.Today)
	}
	if _, ok := when.Time(); !ok {
		return nil, inputErrorf("", "date %q is not a date; use YYYY-MM-DD", when)
	}
	p := layout.File(c.ID, layout.KindServices)
	var svc record.Services
	exists, err := caseRecord(s, c, p, &svc)
	if err != nil {
		return nil, err
	}
	which := itemID(u.Referral)
	i := slices.IndexFunc(svc.Referrals, func(r record.Referral) bool { return r.ID == which })
	if !exists || i < 0 {
		return nil, inputErrorf("caseplan service list "+u.Case+" lists its referrals", "case %s has no referral %q", u.Case, u.Referral)
	}
	id := svc.Referrals[i].ID
	// A provider's answer — accepted, in progress, completed, declined,
	// expired — is what became of a referral made while the case was
	// open, and arrives when it arrives: taken on a closed case, as
	// activity update is. Referring again is new work (closed.go).
	if u.Status == "referred" {
		if err := closedWork(c, when, "--date", "a referral made again"); err != nil {
			return nil, err
		}
	}
	at := func(field string) []string { return []string{"referrals", strconv.Itoa(i), field} }
	edits := []Edit{Set(at("status"), u.Status), Set(at("updated"), when)}
	// A referral's outcome is one statement of what came of it, and a
	// later one supersedes a provisional one ("accepted, starts Monday",
	// then "completed the course"): it is replaced, not added to as a
	// decision's notes are (joinNotes), and the note says what it read,
	// so nothing recorded changes without a word.
	var notes []string
	if outcome, had := strings.TrimSpace(u.Outcome), svc.Referrals[i].Outcome; outcome != "" && outcome != had {
		edits = append(edits, Set(at("outcome"), outcome))
		if had != "" {
			notes = append(notes, replacedNote("referral "+id, "outcome", had))
		}
	}
	data, err := s.EditRecord(p, nil, edits...)
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{u.Case},
		Action:  "service.update",
		Summary: fmt.Sprintf("update referral %s: %s", id, u.Status),
		Files:   map[string][]byte{p: data},
		Output:  id,
		Notes:   notes,
	}, nil
}
