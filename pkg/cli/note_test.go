package cli

import (
	"errors"
	"testing"
	"time"
)

// An --action's due date typed without its year gets the same hint as a
// date flag (yearlessDate), given as the whole --action to type again.
func TestParseActionYearlessDue(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in, msg, hint string
	}{
		{"participant|11/24|Apply to the two postings",
			`--action "participant|11/24|Apply to the two postings": the due date "11/24": not a date; use YYYY-MM-DD`,
			`did you mean --action "participant|2026-11-24|Apply to the two postings"?`},
		// Late December typed in November is this December, not last.
		{"manager|30.12|call the employer",
			`--action "manager|30.12|call the employer": the due date "30.12": not a date; use YYYY-MM-DD`,
			`did you mean --action "manager|2026-12-30|call the employer"?`},
		{"manager|12/07|call the employer",
			`--action "manager|12/07|call the employer": the due date "12/07": not a date; use YYYY-MM-DD`,
			`write the year first: --action "manager|2026-12-07|call the employer" for December 7, --action "manager|2026-07-12|call the employer" for 12 July`},
		// A date with its year keeps parseDate's reading.
		{"participant|11/24/2026|Apply",
			`--action "participant|11/24/2026|Apply": the due date "11/24/2026": not a date; use YYYY-MM-DD`,
			`did you mean --action "participant|2026-11-24|Apply"?`},
	}
	for _, tt := range tests {
		_, err := parseAction(tt.in, today)
		var u *UsageError
		if !errors.As(err, &u) {
			t.Fatalf("parseAction(%q) = %v, want a usage error", tt.in, err)
		}
		if u.Msg != tt.msg || u.Hint != tt.hint {
			t.Errorf("parseAction(%q):\n got %s\n hint %s\nwant %s\n hint %s", tt.in, u.Msg, u.Hint, tt.msg, tt.hint)
		}
	}
	a, err := parseAction("participant|2026-11-24|Apply", today)
	if err != nil || a.Due != "2026-11-24" {
		t.Errorf("parseAction of a whole date = %+v, %v", a, err)
	}
}
