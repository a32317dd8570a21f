package schemas

import (
	"testing"
	"time"
)

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

// A day typed without its year (11/24, as on a sticky note) gets the
// date to type, in the year that puts it nearest today; both readings
// when day and month could be either.
func TestYearlessReadings(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct{ s, today, want string }{
		{"11/24", "2026-11-23", "did you mean --date 2026-11-24?"},
		{"24.11", "2026-11-23", "did you mean --date 2026-11-24?"},
		{"24.11.", "2026-11-23", "did you mean --date 2026-11-24?"},
		{"11-24", "2026-11-23", "did you mean --date 2026-11-24?"},
		{"12/30", "2027-01-02", "did you mean --date 2026-12-30?"},
		{"1/5", "2026-12-28", "write the year first: --date 2027-01-05 for January 5, --date 2027-05-01 for 1 May"},
		{"12/07", "2026-11-26", "write the year first: --date 2026-12-07 for December 7, --date 2026-07-12 for 12 July"},
		{"2/29", "2026-11-23", ""}, // no February 29 within a year of today
		{"13/13", "2026-11-23", ""},
		{"2026-11", "2026-11-23", ""},
		{"11/24/2026", "2026-11-23", ""},
		{"tomorrow", "2026-11-23", ""},
	} {
		if got := YearlessReadings(c.s, "--date ", day(c.today)); got != c.want {
			t.Errorf("YearlessReadings(%q) on %s = %q, want %q", c.s, c.today, got, c.want)
		}
	}
}
