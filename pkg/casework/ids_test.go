package casework

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// TestTwoClonesMakeDifferentIDs is issue 10's case: two clones of one
// store each add a goal, a referral and an application to the same files
// at once. Each clone draws its IDs from its own random source, so the
// items get different IDs and a merge keeps both; the same source makes
// the same IDs, which is what lets the tests and the demo store be
// reproducible.
func TestTwoClonesMakeDifferentIDs(t *testing.T) {
	store := func() map[string]string {
		return map[string]string{
			"cases/W-1/iep.yaml":               "created: 2026-03-02\ngoals:\n  - id: G1\n    term: short\n    text: CNA\n",
			"cases/W-1/services.yaml":          "referrals:\n  - id: R1\n    service: Bus pass\n    provider: Transit office\n    referred: 2026-03-02\n    status: referred\n",
			"cases/W-1/activity/2026-W11.yaml": "week: 2026-W11\napplications:\n  - date: 2026-03-10\n    organization: Example Clinic\n    position: Clerk\n    status: applied\n",
		}
	}
	changes := []struct {
		what  string
		build func(*State) (*Change, error)
		id    *regexp.Regexp
	}{
		{"a goal", AddGoal{Case: "W-1", Term: "short", Text: "Office coordinator"}.Build, regexp.MustCompile(`^G-[0-9A-HJKMNP-TV-Z]{5}$`)},
		{"a referral", AddReferral{Case: "W-1", Referral: record.Referral{Service: "Child care", Provider: "Example Center", Referred: "2026-03-16"}}.Build, regexp.MustCompile(`^R-[0-9A-HJKMNP-TV-Z]{5}$`)},
		{"an application", AddActivity{Case: "W-1", Entry: record.Application{Date: "2026-03-12", Organization: "Example Library", Position: "Clerk", Status: "applied"}}.Build, regexp.MustCompile(`^AP-[0-9A-HJKMNP-TV-Z]{5}$`)},
	}
	for _, c := range changes {
		clone := func(seed byte) string {
			s := workTreeState(t, "W-1", store())
			s.Rand = rand.NewChaCha8([32]byte{seed})
			ch, err := c.build(s)
			if err != nil {
				t.Fatalf("%s: %v", c.what, err)
			}
			if !c.id.MatchString(ch.Output) {
				t.Errorf("%s: new ID %q", c.what, ch.Output)
			}
			return ch.Output
		}
		a, b, again := clone(1), clone(2), clone(1)
		if a == b {
			t.Errorf("%s: two clones both made %s", c.what, a)
		}
		if a != again {
			t.Errorf("%s: one random source made %s, then %s", c.what, a, again)
		}
	}
}

// An ID the case already has, or that the change already made, is drawn
// again: an ID names one item of the case.
func TestNewItemIDIsFree(t *testing.T) {
	s := workTreeState(t, "W-1", map[string]string{
		"cases/W-1/iep.yaml": "created: 2026-03-02\ngoals:\n  - id: G-00001\n    term: short\n    text: CNA\n",
	})
	s.Rand = idSource(t, "G-00001", "G-00002", "G-00002", "G-00003")
	c := s.Snapshot.Case("W-1")
	for _, want := range []string{"G-00002", "G-00003"} {
		got, err := s.newItemID(c, record.PrefixGoal)
		if err != nil || got != want {
			t.Errorf("newItemID = %q, %v; want %s", got, err, want)
		}
	}
	// Another prefix with the same characters is another ID.
	s.Rand = idSource(t, "M-00001")
	if got, _ := s.newItemID(c, record.PrefixMilestone); got != "M-00001" {
		t.Errorf("newItemID(M) = %q", got)
	}
	// A source that keeps making taken IDs is an error, not a loop.
	taken := make([]string, 50)
	for i := range taken {
		taken[i] = "G-00001"
	}
	s.Rand = idSource(t, taken...)
	if _, err := s.newItemID(c, record.PrefixGoal); err == nil || !strings.Contains(err.Error(), "could not find a free G- ID") {
		t.Errorf("newItemID from a source of taken IDs: %v", err)
	}
}
