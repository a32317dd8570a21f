package validate

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
)

// monitored is the state monitor's case (fictional): check-ins weekly to
// 2026-03-24, then none until 2026-05-14 and the last on 2026-05-21; the
// activity tracker kept for three weeks only; closed on 2026-06-01.
// until leaves out the check-ins after it.
func monitored(closed bool, until string) memStore {
	m := base()
	m.drop("W1", "P1")
	wsComplete(m)
	checkin := m["cases/WS1/notes/2026-03-12-ck01.yaml"]
	delete(m, "cases/WS1/notes/2026-03-12-ck01.yaml")
	for _, d := range []string{"2026-03-10", "2026-03-17", "2026-03-24", "2026-05-14", "2026-05-21"} {
		if d > until {
			break
		}
		m["cases/WS1/notes/"+d+"-ck01.yaml"] = strings.ReplaceAll(checkin, "2026-03-12", d)
	}
	for _, w := range []string{"2026-W13", "2026-W19"} {
		m["cases/WS1/activity/"+w+".yaml"] = "week: " + w + "\n"
	}
	if closed {
		m.edit("cases/WS1/intake.yaml", "status: open", "status: closed")
		m["cases/WS1/outcome.yaml"] = "closures:\n  - date: 2026-06-01\n    reason: withdrew\n"
	}
	return m
}

// TestSearchGapsHistory: while the search lasts ws-checkin and
// ws-activity-tracker speak, and nothing is history yet; once it is
// over, each gap stays on record in one warning per case and rule,
// counting what the open rules counted.
func TestSearchGapsHistory(t *testing.T) {
	byRule := func(fs []finding.Finding) map[string][]string {
		got := map[string][]string{}
		for _, f := range fs {
			got[f.Rule] = append(got[f.Rule], f.Message)
			if f.Severity == finding.Error {
				t.Errorf("an error: %s", f)
			}
		}
		return got
	}
	open := byRule(run(t, monitored(false, "2026-05-10"), day("2026-05-10")))
	if len(open["ws-checkin"]) != 1 || len(open["ws-activity-tracker"]) != 1 || open["ws-checkin-late"] != nil || open["ws-activity-tracker-late"] != nil {
		t.Errorf("while searching: %v", open)
	}
	over := byRule(run(t, monitored(true, "2026-06-15"), day("2026-06-15")))
	if open := over["ws-checkin"]; open != nil {
		t.Errorf("ws-checkin after the search: %q", open)
	}
	for rule, want := range map[string]string{
		// 2026-03-24 to 2026-05-14: 7 weekly check-ins missed; 2026-05-21
		// to the end, 2026-05-31: one more.
		"ws-checkin-late": "8 check-in(s) missed while the job search lasted, one due every 7 days, in 2 gap(s); the longest: no check-in from the check-in of 2026-03-24 to the next on 2026-05-14, 51 days; and the case was closed on 2026-06-01",
		// W11 to W21 are the complete weeks; W11, W13 and W19 are kept.
		"ws-activity-tracker-late": "the weekly activity tracker had no entry for 8 of the 11 complete week(s) of the job search; the longest gap: 2026-W14 to 2026-W18 (2026-03-30 to 2026-05-03, 5 weeks); and the case was closed on 2026-06-01",
	} {
		if got := over[rule]; len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("%s: got %q\nwant one: %s", rule, got, want)
		}
	}
}
