package casework

import (
	"strings"
	"testing"
)

// A retired member is told why nothing opens for them, and whom to ask,
// never to have the fields re-sealed: a re-seal leaves them out again.
func TestSealedErrorHintRetired(t *testing.T) {
	for _, tc := range []struct {
		name, manager, want string
	}{
		{"team member", "dpatel", "ask dpatel, the case's manager, or a supervisor"},
		// Their own case, not handed on yet: only a supervisor can help.
		{"manager", "alopez", "ask a supervisor for what you need"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &SealedError{Case: "W-001", Recipients: []string{"svisor"}, Staff: "alopez",
				RosterRecipient: "age1x", Mine: "age1x", Retired: true, Manager: tc.manager}
			h := e.Hint()
			if !strings.Contains(h, "you were retired from the staff roster (alopez, active: false)") || !strings.Contains(h, tc.want) {
				t.Errorf("hint %q: want the retirement and %q", h, tc.want)
			}
			if strings.Contains(h, "reseal") {
				t.Errorf("hint %q names a re-seal", h)
			}
		})
	}
}
