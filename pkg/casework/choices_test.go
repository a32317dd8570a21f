package casework

import (
	"slices"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// TestChoicesAreTheSchemas checks that each choice a command takes is
// the list its schema gives the field: a value the schema gains is one the
// command takes, and the command takes none the schema would refuse.
func TestChoicesAreTheSchemas(t *testing.T) {
	for _, c := range []struct {
		name string
		got  []string
		kind string
		path []string
	}{
		{"goal term", goalTerms, "iep", []string{"goals", "[]", "term"}},
		{"goal status", goalStatuses, "iep", []string{"goals", "[]", "status"}},
		{"next step owner", stepOwners, "iep", []string{"next_steps", "[]", "owner"}},
		{"job target scope", targetScopes, "iep", []string{"job_targets", "[]", "scope"}},
		{"skill plan status", courseStatuses, "iep", []string{"skill_plan", "[]", "status"}},
		{"benefit status", benefitStatuses, "iep", []string{"self_sufficiency", "benefits", "[]", "status"}},
		{"action item status", ActionStatuses, "iep", []string{"action_items", "[]", "status"}},
		{"referral category", ReferralCategories, "services", []string{"referrals", "[]", "category"}},
		{"referral status", ReferralStatuses, "services", []string{"referrals", "[]", "status"}},
		{"application status", ApplicationStatuses, "activity", []string{"applications", "[]", "status"}},
		{"application status (search order)", record.ApplicationStatuses, "activity", []string{"applications", "[]", "status"}},
		{"activity course status", CourseStatuses, "activity", []string{"courses", "[]", "status"}},
		{"interview kind", InterviewKinds, "activity", []string{"interviews", "[]", "kind"}},
		{"closure reason", record.ClosureReasons, "outcome", []string{"closures", "[]", "reason"}},
	} {
		want := schemas.Enum(c.kind, c.path...)
		if len(want) == 0 {
			t.Errorf("%s: the %s schema has no enum at %v", c.name, c.kind, c.path)
			continue
		}
		for _, v := range want {
			if !slices.Contains(c.got, v) {
				t.Errorf("%s: the %s schema allows %q, the command does not take it (takes %v)", c.name, c.kind, v, c.got)
			}
		}
		for _, v := range c.got {
			if !slices.Contains(want, v) {
				t.Errorf("%s: the command takes %q, the %s schema refuses it (allows %v)", c.name, v, c.kind, want)
			}
		}
	}
}
