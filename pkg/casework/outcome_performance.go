package casework

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
)

// The outcomes WIOA's performance indicators read besides the follow-ups
// (TEGL 10-16; PIRL 923, 1800-1810): credentials, measurable skill gains
// and exclusions. Each is added to its list in outcome.yaml with a short
// random ID and never rewritten, like the outcome's other episodes; a
// correction is a hand edit (caseplan edit CASE outcome), which validate
// checks like any other.

// AddCredential records a recognised credential the participant attained
// (PIRL 1800-1805).
type AddCredential struct {
	Case       string
	Credential record.Credential // its ID is assigned here
}

// Build returns the change that appends the credential.
func (a *AddCredential) Build(s *State) (*Change, error) {
	cr := a.Credential
	cr.Name, cr.Provider = strings.TrimSpace(cr.Name), strings.TrimSpace(cr.Provider)
	if err := checkKind("credential", cr.Kind, record.CredentialKinds); err != nil {
		return nil, err
	}
	if cr.EducationEntered != "" && cr.Kind != record.CredentialSecondaryDiploma {
		return nil, inputErrorf("", "--education-entered says what makes a secondary diploma count (TEGL 10-16); this credential is a %s", cr.Kind)
	}
	return addOutcomeItem(s, a.Case, record.PrefixCredential, "credential", cr.Date, func(lc *lifecycleCase, id string) (outcomeItem, error) {
		cr.ID = id
		if cr.EducationEntered != "" {
			if err := lc.checkHappened("the day education was entered", cr.EducationEntered); err != nil {
				return outcomeItem{}, err
			}
		}
		a.Credential = cr
		detail := cr.Kind
		if cr.Name != "" {
			detail += " " + planQuote(cr.Name)
		}
		return outcomeItem{"credential.add", "credentials", detail, cr, record.Outcome{Credentials: []record.Credential{cr}}}, nil
	})
}

// AddSkillGain records a measurable skill gain (PIRL 1806-1810).
type AddSkillGain struct {
	Case string
	Gain record.SkillGain // its ID is assigned here
}

// Build returns the change that appends the skill gain.
func (a *AddSkillGain) Build(s *State) (*Change, error) {
	g := a.Gain
	if g.Kind == record.CredentialSecondaryDiploma {
		return nil, inputErrorf("record it once, as a credential: caseplan credential add "+a.Case+" --kind secondary-diploma; it counts as a skill gain too",
			"a secondary diploma is a credential")
	}
	if err := checkKind("skill gain", g.Kind, record.SkillGainKinds); err != nil {
		return nil, err
	}
	return addOutcomeItem(s, a.Case, record.PrefixSkillGain, "skill gain", g.Date, func(lc *lifecycleCase, id string) (outcomeItem, error) {
		g.ID = id
		a.Gain = g
		return outcomeItem{"skill-gain.add", "skill_gains", g.Kind, g, record.Outcome{SkillGains: []record.SkillGain{g}}}, nil
	})
}

// AddExclusion records a reason the participant is left out of the
// performance indicators (PIRL 923). It records the kind and the date
// only: the details are health and custody matters.
type AddExclusion struct {
	Case      string
	Exclusion record.Exclusion // its ID is assigned here
}

// Build returns the change that appends the exclusion.
func (a *AddExclusion) Build(s *State) (*Change, error) {
	x := a.Exclusion
	if err := checkKind("exclusion", x.Kind, record.ExclusionKinds); err != nil {
		return nil, err
	}
	return addOutcomeItem(s, a.Case, record.PrefixExclusion, "exclusion", x.Date, func(lc *lifecycleCase, id string) (outcomeItem, error) {
		x.ID = id
		a.Exclusion = x
		// The commit message says only that there is one: the reason is
		// a health or custody matter (TEGL 39-11), read in the record.
		return outcomeItem{"exclusion.add", "exclusions", "", x, record.Outcome{Exclusions: []record.Exclusion{x}}}, nil
	})
}

func checkKind(what, kind string, kinds []string) error {
	if slices.Contains(kinds, kind) {
		return nil
	}
	return inputErrorf("", "%s kind %q is not one of %s", what, kind, strings.Join(kinds, ", "))
}

// outcomeItem is one item a performance outcome command appends.
type outcomeItem struct {
	action string         // the commit's Caseplan-Action
	key    string         // its list in outcome.yaml
	detail string         // what the commit message says of it, after its kind of item
	value  any            // the item
	fresh  record.Outcome // outcome.yaml holding only it, for a case without one
}

// addOutcomeItem is the change every performance outcome makes: the case
// must be a WIOA case (the indicators are WIOA's), the item must have
// happened, and it is appended to its list in outcome.yaml with a new ID
// (prefix-XXXXX), which is the command's output. item fills in the ID.
func addOutcomeItem(s *State, caseID, prefix, what string, d record.Date, item func(lc *lifecycleCase, id string) (outcomeItem, error)) (*Change, error) {
	lc, err := openLifecycle(s, caseID)
	if err != nil {
		return nil, err
	}
	if kind := lc.programKind(); kind != record.ProgramWIOA {
		return nil, inputErrorf("credentials, skill gains and exclusions feed WIOA's performance indicators (TEGL 10-16)",
			"case %s is in program %s, not a WIOA program", caseID, lc.intake.Program)
	}
	if err := lc.outcomeReadable(); err != nil {
		return nil, err
	}
	if err := lc.checkHappened("the "+what+"'s date", d); err != nil {
		return nil, err
	}
	id, err := s.newItemID(lc.c, prefix)
	if err != nil {
		return nil, err
	}
	it, err := item(lc, id)
	if err != nil {
		return nil, err
	}
	data, err := lc.editOutcome(&it.fresh, appendInOrder(record.Outcome{}, []string{it.key}, it.value))
	if err != nil {
		return nil, err
	}
	summary := "record a " + what
	if what == "exclusion" {
		summary = "record an exclusion"
	}
	if it.detail != "" {
		summary += " (" + it.detail + ")"
	}
	return &Change{
		Cases:   []string{caseID},
		Action:  it.action,
		Summary: fmt.Sprintf("%s on %s", summary, d),
		Files:   map[string][]byte{lc.outcomePath(): data},
		Output:  id,
	}, nil
}
