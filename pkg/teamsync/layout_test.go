package teamsync

import "testing"

// TestLayoutLostWithValues: a commit that changes values and the layout
// of a record the remote changed too has its layout reported, its values
// merged; one that changes values in place, as caseplan's commands do, has
// no layout of its own to report.
func TestLayoutLostWithValues(t *testing.T) {
	const path = "cases/W-001/intake.yaml"
	base := "id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana Example\n  phone: 555-0100\n  email: ana@example.com\n"
	theirs := "id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana Example\n  phone: 555-0100\n  email: ana@example.com\n  address: 1 Example Street\n"
	for _, tc := range []struct {
		name, ours, merged string
		layout             bool
	}{
		{
			name:   "phone quoted, email changed",
			ours:   "id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana Example\n  phone: \"555-0100\"\n  email: ana2@example.com\n",
			merged: "id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana Example\n  phone: 555-0100\n  email: ana2@example.com\n  address: 1 Example Street\n",
			layout: true,
		},
		{
			name:   "email changed in place",
			ours:   "id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana Example\n  phone: 555-0100\n  email: ana2@example.com\n",
			merged: "id: W-001\nopened: 2026-03-02\nparticipant:\n  name: Ana Example\n  phone: 555-0100\n  email: ana2@example.com\n  address: 1 Example Street\n",
		},
	} {
		merged, fcs, err := RecordMerger(path, []byte(base), []byte(tc.ours), []byte(theirs))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if string(merged) != tc.merged {
			t.Errorf("%s: merged\n%s\nwant\n%s", tc.name, merged, tc.merged)
		}
		got := len(fcs) == 1 && fcs[0].Layout && fcs[0].ValuesToo
		if got != tc.layout || !tc.layout && len(fcs) != 0 {
			t.Errorf("%s: conflicts %+v; want the layout reported: %v", tc.name, fcs, tc.layout)
		}
	}
}
