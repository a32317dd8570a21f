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

// referencesOf reads case id's references for a command that changes one;
// exists is false when the case has no references.yaml.
func referencesOf(s *State, id string) (p string, refs *record.References, err error) {
	c := s.Snapshot.Case(id)
	if c == nil {
		return "", nil, &store.UnknownCaseError{ID: id}
	}
	p = layout.File(c.ID, layout.KindReferences)
	refs = &record.References{}
	if _, err := caseRecord(s, c, p, refs); err != nil {
		return "", nil, err
	}
	return p, refs, nil
}

// findReference returns the index of the reference named by which: its ID
// (RF-7QX2K, in any case), or, for older references without one, its
// number in the list (1 for the first), as ref list shows them.
func findReference(caseID, which string, refs []record.Reference) (int, error) {
	which = strings.TrimSpace(which)
	var have []string
	for i, r := range refs {
		have = append(have, referenceName(i, r))
	}
	list := "caseplan ref list " + caseID + " lists them with their IDs"
	if len(refs) == 0 {
		return 0, inputErrorf("add one with caseplan ref add "+caseID+" --name NAME --relationship TEXT", "case %s has no references yet", caseID)
	}
	if n, err := strconv.Atoi(which); err == nil {
		if n < 1 || n > len(refs) {
			return 0, inputErrorf(list, "case %s has no reference %d (it has %s)", caseID, n, strings.Join(have, ", "))
		}
		return n - 1, nil
	}
	for i, r := range refs {
		if r.ID != "" && strings.EqualFold(r.ID, which) {
			return i, nil
		}
	}
	return 0, inputErrorf(list, "case %s has no reference %q (it has %s)", caseID, which, strings.Join(have, ", "))
}

// referenceName names the i-th reference for messages: "RF-7QX2K Pat
// Example", or "2 Pat Example" for one without an ID.
func referenceName(i int, r record.Reference) string {
	return r.Handle(i) + " " + planQuote(r.Name)
}

// referenceChange describes the commit of a change to references.yaml.
func referenceChange(s *State, caseID, p, action, summary string, edits ...Edit) (*Change, error) {
	data, err := s.EditRecord(p, nil, edits...)
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{caseID},
		Action:  action,
		Summary: summary,
		Files:   map[string][]byte{p: data},
	}, nil
}

// UpdateReference corrects or completes a professional reference (000):
// their name, title, organization, how they know the candidate, how to
// reach them, and the dates they agreed to be named and were briefed. A
// nil field is left as it is; an empty one removes it (name and
// relationship cannot be removed).
type UpdateReference struct {
	Case, Reference                                       string // the reference: its ID, or its number in the list
	Name, Title, Organization, Relationship, Phone, Email *string
	Permission, Briefed                                   *string // dates
}

// Build returns the change that sets the fields given in place, in
// references.yaml.
func (a UpdateReference) Build(s *State) (*Change, error) {
	p, refs, err := referencesOf(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := findReference(a.Case, a.Reference, refs.References)
	if err != nil {
		return nil, err
	}
	r := refs.References[i]
	var nameNote string
	if a.Name != nil {
		// Written as ref add writes it (typedName): accents composed, a
		// run of spaces one space, said when it shows.
		// Spaces only are left to itemEdits, which refuses them.
		if name, note := typedName("name", *a.Name); name != "" {
			a.Name, nameNote = &name, note
		}
		name := strings.TrimSpace(*a.Name)
		for j, old := range refs.References {
			if j != i && strings.EqualFold(strings.TrimSpace(old.Name), name) {
				return nil, inputErrorf("", "case %s already has a reference named %q (%s)", a.Case, old.Name, referenceName(j, old))
			}
		}
	}
	fields := []fieldChange{
		{label: "name", key: "name", now: r.Name, v: a.Name, required: true},
		{label: "title", key: "title", now: r.Title, v: a.Title},
		{label: "organization", key: "organization", now: r.Organization, v: a.Organization},
		{label: "relationship", key: "relationship", now: r.Relationship, v: a.Relationship, required: true},
		{label: "phone", key: "phone", now: r.Phone, v: a.Phone},
		{label: "email", key: "email", now: r.Email, v: a.Email},
		{label: "permission", key: "permission", now: string(r.Permission), v: a.Permission, date: true},
		{label: "briefed", key: "briefed", now: string(r.Briefed), v: a.Briefed, date: true},
	}
	edits, changed, err := itemEdits(record.References{}, []string{"references", strconv.Itoa(i)}, fields)
	if err != nil {
		return nil, err
	}
	if len(edits) == 0 {
		return nil, noChange(anyGiven(fields), "caseplan ref update --help lists the fields", "reference "+referenceName(i, r))
	}
	ch, err := referenceChange(s, a.Case, p, "ref.update",
		fmt.Sprintf("update reference %s: %s", referenceName(i, r), strings.Join(changed, ", ")), edits...)
	if err != nil {
		return nil, err
	}
	if slices.Contains(changed, "name") {
		ch.Notes = appendIf(ch.Notes, nameNote)
	}
	return ch, nil
}

// WithdrawReference records that a reference withdrew their permission to
// be named (000): from that day they no longer count toward the three.
// The reference stays in the list, so the record shows who agreed when.
type WithdrawReference struct {
	Case, Reference string
	Date            record.Date // empty: today
}

// Build returns the change that sets the reference's withdrawn date.
func (a WithdrawReference) Build(s *State) (*Change, error) {
	p, refs, err := referencesOf(s, a.Case)
	if err != nil {
		return nil, err
	}
	i, err := findReference(a.Case, a.Reference, refs.References)
	if err != nil {
		return nil, err
	}
	r := refs.References[i]
	when := a.Date
	if when == "" {
		when = date(s.Today)
	}
	if _, ok := when.Time(); !ok {
		return nil, inputErrorf("", "withdrawal date %q is not a date; use YYYY-MM-DD", when)
	}
	switch {
	case r.Withdrawn != "":
		return nil, inputErrorf("", "reference %s already withdrew on %s", referenceName(i, r), r.Withdrawn)
	case when > date(s.Today):
		return nil, inputErrorf("record it when it has happened, or give --today if the date is right", "withdrawal date %s is after today (%s)", when, date(s.Today))
	case r.Permission != "" && when < r.Permission:
		return nil, inputErrorf("", "reference %s agreed to be named on %s; the withdrawal (%s) cannot come before that", referenceName(i, r), r.Permission, when)
	}
	return referenceChange(s, a.Case, p, "ref.withdraw",
		fmt.Sprintf("reference %s withdrew on %s", referenceName(i, r), when),
		setInOrder(record.References{}, []string{"references", strconv.Itoa(i), "withdrawn"}, when))
}
