package casework

import (
	"strings"
	"testing"
)

// TestPinBehind: schemas update says when caseplan_version, which CI
// installs, names another caseplan than the one bringing the copies up to
// date — a release, or a development build that cannot be installed —
// and is silent when it names this one, devel, or nothing.
func TestPinBehind(t *testing.T) {
	for _, tc := range []struct{ pin, running, want string }{
		{"v1.4.0", "v1.5.0", "names v1.4.0, which the CI workflow installs, not v1.5.0, the one running: CI checks the records by v1.4.0, which refuses what it does not know of this caseplan's records (a field, a choice), so the first record to use one fails every push; the store's admin sets caseplan_version: v1.5.0 and syncs"},
		{"v1.4.0", "", "not the one running (a development build, which go install cannot install)"},
		{"1b9e4c071f8f", "v1.5.0", "names 1b9e4c071f8f, which the CI workflow installs"},
		{"v1.5.0", "v1.5.0", ""},
		{"devel", "v1.5.0", ""},
		{"", "v1.5.0", ""},
	} {
		got := pinBehind(tc.pin, tc.running)
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("pin %q, running %q: got %q, want it to hold %q", tc.pin, tc.running, got, tc.want)
		}
	}
}
