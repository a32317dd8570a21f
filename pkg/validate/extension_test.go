package validate

import (
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/store"
)

// TestExtensionLongestIsTheCalendars: ws-extension holds an approved
// extension to the last day the calendar says the longest extension could
// reach (calendar.WorkSecurityPeriod.Longest), the day extension request
// and extension decide name, whatever the program's settings (none
// allowed, a shorter period) and after a refused request: an until on
// that day passes, the day after is reported, naming it.
func TestExtensionLongestIsTheCalendars(t *testing.T) {
	refusedThenApproved := "extensions:\n  - requested: 2026-03-09\n    decided: 2026-03-10\n    decision: denied\n    by: Joint committee\n  - requested: 2026-03-11\n    decided: 2026-03-12\n    decision: approved\n    by: Joint committee\n    until: UNTIL\n"
	for _, tc := range []struct {
		name, settings string
		longest        string
	}{
		{"the defaults", "", "2026-10-28"},
		{"no extension allowed", "    settings:\n      extension_max_days: 0\n", "2026-07-30"},
		{"a shorter period", "    settings:\n      work_security_days: 60\n      extension_max_days: 45\n", "2026-08-14"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := base()
			m.edit("cases/caseplan.yaml", "    kind: work-security\n", "    kind: work-security\n"+tc.settings)
			snap, _, err := store.Load(m, nil)
			if err != nil {
				t.Fatal(err)
			}
			p, ok := calendar.WorkSecurityPeriodOf(snap.Case("WS1"), snap.Config)
			if !ok || p.Longest.Format(time.DateOnly) != tc.longest {
				t.Fatalf("the calendar's longest extension: %s (%v), want %s", p.Longest.Format(time.DateOnly), ok, tc.longest)
			}
			dayAfter := p.Longest.AddDate(0, 0, 1).Format(time.DateOnly)
			for until, want := range map[string]string{
				tc.longest: "",
				dayAfter:   "extension until " + dayAfter + " is past the longest possible extension (" + tc.longest + ")",
			} {
				m["cases/WS1/outcome.yaml"] = strings.Replace(refusedThenApproved, "UNTIL", until, 1)
				var got []string
				for _, f := range run(t, m, today) {
					if f.Rule == "ws-extension" {
						got = append(got, f.Message)
					}
				}
				if want == "" && len(got) > 0 || want != "" && (len(got) != 1 || got[0] != want) {
					t.Errorf("until %s: ws-extension reports %q, want %q", until, got, want)
				}
			}
		})
	}
}
