package schemas

import "testing"

// A date written in the right form but naming a day that does not exist
// is told as such, not as a wrong format (defect 13 of "Rules that are
// right").
func TestMissingDay(t *testing.T) {
	for s, want := range map[string]string{
		"2026-02-30": "February 2026 has 28 days, so day 30 does not exist",
		"2028-02-30": "February 2028 has 29 days, so day 30 does not exist",
		"2026-04-31": "April 2026 has 30 days, so day 31 does not exist",
		"2026-13-01": "there is no month 13",
		"2026-05-00": "there is no day 0",
		"2026-02-28": "",
		"16/03/2026": "",
		"2026-2-3":   "",
	} {
		if got := MissingDay(s); got != want {
			t.Errorf("MissingDay(%q) = %q, want %q", s, got, want)
		}
	}
}
