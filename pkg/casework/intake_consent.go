package casework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// consentWhat says what a consent's kind permits, for messages.
func consentWhat(kind string) string {
	if kind == "job-site-visit" {
		return "job-site visits"
	}
	return kind
}

// consentName is how a command line names a consent: its ID, or for one
// written by hand without an ID, its kind.
func consentName(c record.Consent) string {
	if c.ID != "" {
		return c.ID
	}
	return c.Kind
}

// AddConsent records a permission the participant gave: a visit at their
// job site is made only with it (003), and rule pe-job-site-permission
// looks for one given on or before each job-site note and not withdrawn
// by then.
type AddConsent struct {
	Case    string
	Consent record.Consent
}

// Build returns the change that appends the consent. A permission of the
// same kind that is still in force is not given twice; one withdrawn may
// be given again, as a new entry, so the record keeps when it held. The
// consent's ID (CN-K7QX2) is the command's output.
func (a AddConsent) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	c := a.Consent
	c.Kind, c.Notes, c.Withdrawn = strings.TrimSpace(c.Kind), strings.TrimSpace(c.Notes), ""
	if c.Kind == "" {
		return nil, inputErrorf("say which with --kind job-site-visit", "the permission's kind is empty")
	}
	if err := lc.checkHappened("permission date", c.Given); err != nil {
		return nil, err
	}
	for _, old := range lc.intake.Consents {
		if old.Kind == c.Kind && old.Withdrawn == "" {
			return nil, inputErrorf("if it was given on another day, correct it with caseplan case consent update "+a.Case+" "+consentName(old)+" --given DATE; if it was withdrawn, record that first with caseplan case consent withdraw "+a.Case+" --kind "+c.Kind+" --date DATE",
				"case %s already has the participant's permission for %s (given %s)", a.Case, consentWhat(c.Kind), old.Given)
		}
	}
	if c.ID, err = s.newItemID(lc.c, record.PrefixConsent); err != nil {
		return nil, err
	}
	return lc.intakeChange("case.consent.add", fmt.Sprintf("record permission for %s, given %s", consentWhat(c.Kind), c.Given), c.ID,
		intakeAppend([]string{"consents"}, c))
}

// WithdrawConsent records that the participant withdrew a permission: from
// that day a job-site visit is no longer permitted (003).
type WithdrawConsent struct {
	Case string
	Kind string
	Date record.Date
}

// Build returns the change that sets the withdrawn date of the permission
// of that kind still in force. A date before the permission was given is
// refused by validation (date-order).
func (a WithdrawConsent) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	kind := strings.TrimSpace(a.Kind)
	if err := lc.checkHappened("withdrawal date", a.Date); err != nil {
		return nil, err
	}
	i := -1
	for j, c := range lc.intake.Consents {
		if c.Kind == kind && c.Withdrawn == "" {
			i = j // the latest, should a hand edit have left two
		}
	}
	if i < 0 {
		return nil, inputErrorf("", "case %s has no permission for %s in force to withdraw", a.Case, consentWhat(kind))
	}
	return lc.intakeChange("case.consent.withdraw", fmt.Sprintf("record that permission for %s was withdrawn on %s", consentWhat(kind), a.Date), "",
		intakeSet([]string{"consents", strconv.Itoa(i), "withdrawn"}, a.Date))
}

// UpdateConsent corrects the record of a permission: the day it was given,
// the day it was withdrawn, and what was agreed. A permission given orally
// before a visit and first recorded with the day it was written down is
// put right here, not by a second entry: one permission, given once, stays
// one entry. The commit's message says what each date was, since the
// record alone no longer does.
type UpdateConsent struct {
	Case, Consent           string // its ID, its number, or its kind
	Given, Withdrawn, Notes *string
}

// Build returns the change that sets the fields given in place. Only a
// withdrawn permission has a withdrawal day to correct: one in force is
// withdrawn with WithdrawConsent, and the withdrawal cannot be removed
// here, since that would put back in force a permission the participant
// took back. A given date after the withdrawal, or a withdrawal before
// the given date, is refused by validation (date-order), as
// WithdrawConsent's is.
func (a UpdateConsent) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	var ids, kinds []string
	for _, c := range lc.intake.Consents {
		ids, kinds = append(ids, c.ID), append(kinds, c.Kind)
	}
	i, err := pickItem("permission", "case "+a.Case, a.Consent, ids, kinds, "record one with caseplan case consent add "+a.Case+" --kind job-site-visit --given DATE", "")
	if err != nil {
		return nil, err
	}
	c := lc.intake.Consents[i]
	if a.Given != nil && strings.TrimSpace(*a.Given) != "" {
		if err := lc.checkHappened("permission date", record.Date(strings.TrimSpace(*a.Given))); err != nil {
			return nil, err
		}
	}
	if a.Withdrawn != nil {
		if c.Withdrawn == "" {
			return nil, inputErrorf("record a withdrawal with caseplan case consent withdraw "+a.Case+" --kind "+c.Kind+" --date DATE",
				"permission %d for %s is in force: it has no withdrawal day to correct", i+1, consentWhat(c.Kind))
		}
		if w := strings.TrimSpace(*a.Withdrawn); w != "" {
			if err := lc.checkHappened("withdrawal date", record.Date(w)); err != nil {
				return nil, err
			}
		}
	}
	fields := []fieldChange{
		{label: "given", key: "given", now: string(c.Given), v: a.Given, required: true, date: true},
		{label: "withdrawn", key: "withdrawn", now: string(c.Withdrawn), v: a.Withdrawn, required: true, date: true},
		{label: "notes", key: "notes", now: c.Notes, v: a.Notes},
	}
	edits, changed, err := itemEdits(record.Intake{}, []string{"consents", strconv.Itoa(i)}, fields)
	if err != nil {
		return nil, err
	}
	what := fmt.Sprintf("permission %d for %s", i+1, consentWhat(c.Kind))
	if len(edits) == 0 {
		return nil, noChange(anyGiven(fields), "caseplan case consent update --help lists the fields", what)
	}
	for j, ch := range changed {
		switch {
		case strings.HasPrefix(ch, "given "):
			changed[j] += " (was " + string(c.Given) + ")"
		case strings.HasPrefix(ch, "withdrawn "):
			changed[j] += " (was " + string(c.Withdrawn) + ")"
		}
	}
	ch, err := lc.intakeChange("case.consent.update", fmt.Sprintf("correct %s: %s", what, strings.Join(changed, ", ")), "", edits...)
	if err != nil {
		return nil, err
	}
	// What was agreed is corrected here, not added to (a new agreement is
	// a new permission): the notes given replace the ones recorded, and
	// the note says what they were, so they do not change without a word.
	if a.Notes != nil && c.Notes != "" && slices.Contains(changed, "notes") {
		ch.Notes = append(ch.Notes, replacedNote(what, "notes", c.Notes))
	}
	return ch, nil
}
