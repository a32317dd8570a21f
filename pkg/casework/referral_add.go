package casework

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// Referral categories and statuses, as schemas/services.schema.json lists
// them.
var (
	ReferralCategories = []string{"supportive", "training", "education", "employment", "other"}
	ReferralStatuses   = []string{"referred", "accepted", "in-progress", "completed", "declined", "expired"}
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
// when the case has none yet. The output is the new referral's ID.
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

	p := c.Dir + "/services.yaml"
	var svc record.Services
	exists, err := caseRecord(s, c, p, &svc)
	if err != nil {
		return nil, err
	}
	r.ID = NextReferralID(svc.Referrals)
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

// NextReferralID returns R followed by one more than the highest number of
// the referrals' IDs (R1 for the first), wherever that referral stands in
// the list, so a gap left by a referral removed by hand is not filled.
// IDs that are not R<digits> are skipped (the schema reports them).
func NextReferralID(refs []record.Referral) string {
	highest := 0
	for _, r := range refs {
		digits, ok := strings.CutPrefix(r.ID, "R")
		if !ok || digits == "" || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		if n, err := strconv.Atoi(digits); err == nil {
			highest = max(highest, n)
		}
	}
	return "R" + strconv.Itoa(highest+1)
}
