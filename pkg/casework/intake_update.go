package casework

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// The intake record's lists change as the case does: a barrier is
// resolved, a team member's details change or they leave the case, an
// assessment's record is corrected. Items are named by their ID (BR-K7QX2,
// TM-, AS-, EL-), their number in the list (1 for the first) or their
// name — a barrier's kind, a team member's name, an assessment's tool.

// ResolveBarrier records that a barrier to employment was addressed, and
// when (001, 002): its status becomes addressed, with the resolved date.
type ResolveBarrier struct {
	Case    string
	Barrier string      // its ID, its number, or its kind
	Date    record.Date // empty: today
}

// Build returns the change that sets the barrier's status and resolved
// date in place.
func (a ResolveBarrier) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	var ids, names []string
	for _, b := range lc.intake.Barriers {
		ids, names = append(ids, b.ID), append(names, b.Kind)
	}
	i, err := pickItem("barrier", "case "+a.Case, a.Barrier, ids, names, "record one with caseplan case barrier add "+a.Case+" --kind KIND", "")
	if err != nil {
		return nil, err
	}
	b := lc.intake.Barriers[i]
	when := a.Date
	if when == "" {
		when = date(s.Today)
	}
	if err := lc.checkHappened("resolved date", when); err != nil {
		return nil, err
	}
	if b.Resolved != "" {
		return nil, inputErrorf("", "barrier %d (%s) was already resolved on %s", i+1, b.Kind, b.Resolved)
	}
	at := func(key string) []string { return []string{"barriers", strconv.Itoa(i), key} }
	edits := []Edit{intakeSet(at("resolved"), when)}
	if b.Status != "addressed" {
		edits = append([]Edit{intakeSet(at("status"), "addressed")}, edits...)
	}
	return lc.intakeChange("case.barrier.resolve", fmt.Sprintf("resolve barrier %d (%s) on %s", i+1, b.Kind, when), "", edits...)
}

// UpdateTeamMember changes a team member's details: their role, how to
// reach them, notes; or corrects their name. A nil field is left as it
// is; an empty one removes it (name and role cannot be removed). Notes
// are added to the member's earlier notes (addNotes), not replaced.
type UpdateTeamMember struct {
	Case, Member                                  string // the member: their ID, their number, or their name
	Name, Role, Organization, Phone, Email, Notes *string
}

// Build returns the change that sets the fields given in place.
func (a UpdateTeamMember) Build(s *State) (*Change, error) {
	lc, i, err := openTeamMember(s, a.Case, a.Member, "caseplan case team update "+a.Case+" MEMBER --role ROLE")
	if err != nil {
		return nil, err
	}
	m := lc.intake.Team[i]
	if a.Role != nil && strings.TrimSpace(*a.Role) != "" {
		// An empty role is the required field's refusal (fieldChange).
		if err := checkTeamRole(a.Role); err != nil {
			return nil, err
		}
	}
	// What is noted about a team member is learnt a piece at a time
	// ("prefers email", then "on leave until 2026-04-01") and each piece
	// is what someone wrote: the new one is added, so none is lost
	// without a word, as an extension decision's notes are. A phone or
	// an email is a detail that changes, and is replaced; --notes ''
	// still removes the notes.
	notes, notesLabel := a.Notes, "notes"
	if a.Notes != nil && strings.TrimSpace(*a.Notes) != "" {
		joined, _ := addNotes(m.Notes, *a.Notes)
		notes = &joined
		if m.Notes != "" {
			notesLabel = "notes added"
		}
	}
	fields := []fieldChange{
		{label: "name", key: "name", now: m.Name, v: a.Name, required: true},
		{label: "role", key: "role", now: m.Role, v: a.Role, required: true},
		{label: "organization", key: "organization", now: m.Organization, v: a.Organization},
		{label: "phone", key: "phone", now: m.Phone, v: a.Phone},
		{label: "email", key: "email", now: m.Email, v: a.Email},
		{label: notesLabel, flag: "notes", key: "notes", now: m.Notes, v: notes},
	}
	edits, changed, err := itemEdits(record.Intake{}, []string{"team", strconv.Itoa(i)}, fields)
	if err != nil {
		return nil, err
	}
	if len(edits) == 0 {
		return nil, noChange(anyGiven(fields), "caseplan case team update --help lists the fields", "team member "+planQuote(m.Name))
	}
	ch, err := lc.intakeChange("case.team.update", fmt.Sprintf("update team member %s: %s", planQuote(m.Name), strings.Join(changed, ", ")), "", edits...)
	if err == nil && a.Notes != nil && strings.TrimSpace(*a.Notes) == "" && m.Notes != "" {
		// --notes '' removes what was written about the member: said, as
		// a replaced referral outcome is, so that nothing recorded goes
		// without a word (git keeps it too).
		ch.Notes = append(ch.Notes, fmt.Sprintf("team member %s: notes removed (were %q)", planQuote(m.Name), m.Notes))
	}
	return ch, err
}

// openTeamMember finds the team member named by which: their entry's
// ID, number or name, or — as case team add --staff takes them — the
// staff ID of the roster member whose email the entry has. retry is the
// command to type again, with MEMBER where the member goes, for the hint
// when which names none.
func openTeamMember(s *State, caseID, which, retry string) (*lifecycleCase, int, error) {
	lc, err := openLifecycle(s, caseID)
	if err != nil {
		return nil, 0, err
	}
	if i, ok := teamMemberByStaff(s.Snapshot.Config, lc.intake.Team, which); ok {
		return lc, i, nil
	}
	var ids, names []string
	for _, m := range lc.intake.Team {
		ids, names = append(ids, m.ID), append(names, m.Name)
	}
	i, err := pickItem("team member", "case "+caseID, which, ids, names, "add one with caseplan case team add "+caseID+" --name NAME --role ROLE", teamMissHint(s.Snapshot.Config, lc.intake.Team, retry))
	return lc, i, err
}

// teamMissHint is the hint for a team member named by none of team's
// entries: each member by number and name, with the staff ID of one on
// the roster (the ID team add --staff took), and retry (its MEMBER
// given) to type again with one of them.
func teamMissHint(cfg *record.Config, team []record.TeamMember, retry string) string {
	var each []string
	example := ""
	for i, m := range team {
		n := fmt.Sprintf("%d %s", i+1, planQuote(m.Name))
		if st, ok := cfg.StaffByEmail(m.Email); ok && strings.TrimSpace(m.Email) != "" {
			n += " (staff ID " + st.ID + ")"
			if example == "" {
				example = st.ID
			}
		}
		each = append(each, n)
	}
	if example == "" {
		example = "1"
	}
	return fmt.Sprintf("the team is %s: name a member by number, name or staff ID, as in %s", strings.Join(each, ", "), strings.Replace(retry, "MEMBER", example, 1))
}

// teamMemberByStaff finds the one entry of team whose email is that of
// the roster member with staff ID which.
func teamMemberByStaff(cfg *record.Config, team []record.TeamMember, which string) (int, bool) {
	st, ok := cfg.StaffByID(strings.TrimSpace(which))
	if !ok || st.Email == "" {
		return 0, false
	}
	found := -1
	for i, m := range team {
		if !strings.EqualFold(strings.TrimSpace(m.Email), st.Email) {
			continue
		}
		if found >= 0 {
			return 0, false
		}
		found = i
	}
	if found < 0 {
		return 0, false
	}
	return found, true
}

// RemoveTeamMember takes a person off the case's team: they no longer work
// on it (a union representative replaced, a counselor at another center
// whose part is done). git keeps who was on the team when.
type RemoveTeamMember struct {
	Case, Member string
}

// Build returns the change that removes the member's entry, with its lines.
func (a RemoveTeamMember) Build(s *State) (*Change, error) {
	lc, i, err := openTeamMember(s, a.Case, a.Member, "caseplan case team remove "+a.Case+" MEMBER")
	if err != nil {
		return nil, err
	}
	m := lc.intake.Team[i]
	return lc.intakeChange("case.team.remove", fmt.Sprintf("remove %s (%s) from the team", planQuote(m.Name), m.Role), "",
		removeItem([]string{"team"}, i, len(lc.intake.Team)))
}

// UpdateAssessment corrects the record of an assessment: the tool, the
// date it was made, what it showed. A nil field is left as it is; the
// summary may be removed with an empty one.
type UpdateAssessment struct {
	Case, Assessment    string // its ID, its number, or its tool
	Tool, Date, Summary *string
}

// Build returns the change that sets the fields given in place.
func (a UpdateAssessment) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	var ids, names []string
	for _, as := range lc.intake.Assessments {
		ids, names = append(ids, as.ID), append(names, as.Tool)
	}
	i, err := pickItem("assessment", "case "+a.Case, a.Assessment, ids, names, "record one with caseplan case assessment add "+a.Case+" --tool TOOL --date DATE", "")
	if err != nil {
		return nil, err
	}
	as := lc.intake.Assessments[i]
	if a.Date != nil && strings.TrimSpace(*a.Date) != "" {
		if err := lc.checkHappened("assessment date", record.Date(strings.TrimSpace(*a.Date))); err != nil {
			return nil, err
		}
	}
	fields := []fieldChange{
		{label: "tool", key: "tool", now: as.Tool, v: a.Tool, required: true},
		{label: "date", key: "date", now: string(as.Date), v: a.Date, required: true, date: true},
		{label: "summary", key: "summary", now: as.Summary, v: a.Summary},
	}
	edits, changed, err := itemEdits(record.Intake{}, []string{"assessments", strconv.Itoa(i)}, fields)
	if err != nil {
		return nil, err
	}
	if len(edits) == 0 {
		return nil, noChange(anyGiven(fields), "caseplan case assessment update --help lists the fields", fmt.Sprintf("assessment %d %s", i+1, planQuote(as.Tool)))
	}
	return lc.intakeChange("case.assessment.update", fmt.Sprintf("update assessment %d %s: %s", i+1, planQuote(as.Tool), strings.Join(changed, ", ")), "", edits...)
}

// UpdateEligibility corrects the record of an eligibility determination
// (002): for which program or service, its date, the result and what it
// rests on. A new determination is recorded with caseplan case
// eligibility add; this corrects one recorded wrong — which matters, since
// for WIOA the participation date counts from the first determination
// that found the person eligible (PIRL 900).
type UpdateEligibility struct {
	Case, Determination        string // its ID, its number, or its program
	Program, Determined, Basis *string
	Eligible                   *bool
}

// Build returns the change that sets the fields given in place.
func (a UpdateEligibility) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	var ids, names []string
	for _, e := range lc.intake.Eligibility {
		ids, names = append(ids, e.ID), append(names, e.Program)
	}
	i, err := pickItem("eligibility determination", "case "+a.Case, a.Determination, ids, names, "record one with caseplan case eligibility add "+a.Case+" --program P --determined DATE --eligible", "")
	if err != nil {
		return nil, err
	}
	e := lc.intake.Eligibility[i]
	if a.Determined != nil && strings.TrimSpace(*a.Determined) != "" {
		if err := lc.checkHappened("determination date", record.Date(strings.TrimSpace(*a.Determined))); err != nil {
			return nil, err
		}
	}
	base := []string{"eligibility", strconv.Itoa(i)}
	fields := []fieldChange{
		{label: "program", key: "program", now: e.Program, v: a.Program, required: true},
		{label: "determined", key: "determined", now: string(e.Determined), v: a.Determined, required: true, date: true},
		{label: "basis", key: "basis", now: e.Basis, v: a.Basis},
	}
	edits, changed, err := itemEdits(record.Intake{}, base, fields)
	if err != nil {
		return nil, err
	}
	if a.Eligible != nil && *a.Eligible != e.Eligible {
		edits = append(edits, intakeSet(append(append([]string(nil), base...), "eligible"), *a.Eligible))
		if *a.Eligible {
			changed = append(changed, "eligible")
		} else {
			changed = append(changed, "not eligible")
		}
	}
	what := fmt.Sprintf("eligibility determination %d (%s)", i+1, e.Program)
	if len(edits) == 0 {
		return nil, noChange(anyGiven(fields) || a.Eligible != nil, "caseplan case eligibility update --help lists the fields", what)
	}
	return lc.intakeChange("case.eligibility.update", fmt.Sprintf("correct %s: %s", what, strings.Join(changed, ", ")), "", edits...)
}
