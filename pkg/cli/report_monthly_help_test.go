package cli

import (
	"strings"
	"testing"
)

// TestMonthlyHelpSaysWhatTheReportDoes: the help said contact_compliance
// was 1 when no case expects contact, while the report gives null ("none"
// in text: report.TestMonthlyComplianceAndEarlyFollowUp), and that
// follow_ups_done counted follow-ups done in the month, while it counts
// those due in it and done by its end.
func TestMonthlyHelpSaysWhatTheReportDoes(t *testing.T) {
	c, _, err := newCmdRoot(&globals{}).Find([]string{"report", "monthly"})
	if err != nil {
		t.Fatal(err)
	}
	help := strings.Join(strings.Fields(c.Long), " ")
	for _, want := range []string{
		"null when no case expects contact",
		"follow-ups in outcome.yaml due in the month, and of them those done by its end",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("report monthly --help does not say %q", want)
		}
	}
	if strings.Contains(help, "1 when no case expects contact") {
		t.Error("report monthly --help says compliance is 1 when no case expects contact; the report gives null")
	}
}
