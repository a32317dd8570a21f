package casework

import (
	"slices"
	"testing"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/schemas"
)

// The lists and paths casework offers are its owners', not copies that
// drift: the services schema's referral categories and statuses, the
// outcome schema's closure reasons, pkg/layout's plan path.
func TestListsAskTheirOwners(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"ReferralCategories", ReferralCategories, schemas.Enum(layout.KindServices, "referrals", "[]", "category")},
		{"ReferralStatuses", ReferralStatuses, schemas.Enum(layout.KindServices, "referrals", "[]", "status")},
	} {
		if len(c.want) == 0 || !slices.Equal(c.got, c.want) {
			t.Errorf("%s = %v, the schema lists %v", c.name, c.got, c.want)
		}
	}
	if got, want := PlanPath("2026-K7QX2"), layout.File("2026-K7QX2", layout.KindIEP); got != want {
		t.Errorf("PlanPath = %q, layout says %q", got, want)
	}
}
