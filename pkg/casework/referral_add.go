package casework

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
)

// Referral categories and statuses: schemas/services.schema.json owns the
// lists, and the command line offers and checks the same values.
var (
	ReferralCategories = schemas.Enum(layout.KindServices, "referrals", "[]", "category")
	ReferralStatuses   = schemas.Enum(layout.KindServices, "referrals", "[]", "status")
)

// AddReferral describes a referral to a supportive service or training
// (001, 003). Referral carries the service, provider, category and date
// referred; its ID and status (referred) are set here.
type AddReferral struct {
	Case     string
	Referral record.Referral
}

// Build returns the change that appends the referral to services.yaml,
// keeping the rest of the file as a person wrote it, or writes the file
// when the case has none yet. The output is the new referral's ID,
// R-K7QX2: random, so that referrals added to one case in two clones
// merge as two (older referrals are numbered R1, R2, ...).
func (a AddReferral) Build(s *State) (*Change, error) {
	c := s.Snapshot.Case(a.Case)
	if c == nil {
		return nil, &store.UnknownCaseError{ID: a.Case}
	}
	r := a.Referral
	r.Service = strings.TrimSpace(r.Service)
	r.Provider = strings.TrimSpace(r.Provider)
	if r.Service == "" || r.Provider == "" {
		return nil, inputErrorf("for example --service 'child care assistance' --provider 'Riverside Child Care Resource Center'", "a referral needs a service and a provider")
	}
	if r.Category != "" && !slices.Contains(ReferralCategories, r.Category) {
		return nil, inputErrorf("use one of "+strings.Join(ReferralCategories, ", "), "unknown referral category %q", r.Category)
	}
	if r.Referred == "" {
		r.Referred = date(s.Today)
	}
	if _, ok := r.Referred.Time(); !ok {
		return nil, inputErrorf("", "referral date %q is not a date; use YYYY-MM-DD", r.Referred)
	}
	r.Status = "referred"
	r.Updated, r.Outcome = "", ""
	if err := closedWork(c, r.Referred, "--date", "a referral"); err != nil {
		return nil, err
	}

	p := layout.File(c.ID, layout.KindServices)
	var svc record.Services
	exists, err := caseRecord(s, c, p, &svc)
	if err != nil {
		return nil, err
	}
	if r.ID, err = s.newItemID(c, record.PrefixReferral); err != nil {
		return nil, err
	}
	var data []byte
	if exists {
		data, err = s.EditRecord(p, nil, Append([]string{"referrals"}, r))
	} else {
		data, err = record.Marshal(p, &record.Services{Referrals: []record.Referral{r}})
	}
	if err != nil {
		return nil, err
	}
	return &Change{
		Cases:   []string{a.Case},
		Action:  "service.add",
		Summary: fmt.Sprintf("add referral %s: %s (%s)", r.ID, r.Service, r.Provider),
		Files:   map[string][]byte{p: data},
		Output:  r.ID,
	}, nil
}
