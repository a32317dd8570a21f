package cli

import (
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
)

// TestByRule: validate's count of findings by rule, most first, for a list
// long enough to need one.
func TestByRule(t *testing.T) {
	var fs []finding.Finding
	for i := 0; i < 7; i++ {
		fs = append(fs, finding.Finding{Rule: "ws-activity-tracker"})
	}
	fs = append(fs, finding.Finding{Rule: "pii-dob"}, finding.Finding{Rule: "wioa-contact-interval"}, finding.Finding{Rule: "wioa-contact-interval"})
	if got, want := byRule(fs), "ws-activity-tracker 7, wioa-contact-interval 2, pii-dob 1"; got != want {
		t.Errorf("byRule = %q, want %q", got, want)
	}
	if got := byRule(fs[:9]); got != "" {
		t.Errorf("nine findings: %q, want none", got)
	}
	if got := byRule(fs[:7]); got != "" {
		t.Errorf("one rule: %q, want none", got)
	}
}

// TestByManagerWaived: a waived warning is counted among a manager's
// warnings and apart, and does not rank them above a manager whose
// warnings are still open.
func TestByManagerWaived(t *testing.T) {
	managers := map[string]string{"W-1": "cm01", "W-2": "cm02"}
	waived := finding.Finding{Case: "W-1", Severity: finding.Warning, Waived: true}
	fs := []finding.Finding{waived, waived, waived, {Case: "W-2", Severity: finding.Warning}}
	if got, want := byManager(managers, nil, nil, fs), "cm02 0 error(s) 1 warning(s), cm01 0 error(s) 3 warning(s) 3 waived"; got != want {
		t.Errorf("byManager = %q, want %q", got, want)
	}
}

// TestByManagerRetired: a manager the roster has retired is named so, as
// due names them.
func TestByManagerRetired(t *testing.T) {
	managers := map[string]string{"W-1": "cm01", "W-2": "cm02"}
	fs := []finding.Finding{{Case: "W-1", Severity: finding.Error}, {Case: "W-2", Severity: finding.Warning}}
	if got, want := byManager(managers, map[string]bool{"cm01": true}, nil, fs), "cm01 (retired) 1 error(s) 0 warning(s), cm02 0 error(s) 1 warning(s)"; got != want {
		t.Errorf("byManager = %q, want %q", got, want)
	}
}
