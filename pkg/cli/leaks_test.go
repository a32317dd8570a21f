package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/validate"
)

// TestSayLeaksNewOnly: a write says the leak guard's warnings it brought
// to the files it wrote, and not one the file had before (a health
// barrier's detail, when a second barrier is added to the same intake),
// which the write that brought it said.
func TestSayLeaksNewOnly(t *testing.T) {
	const intake = "cases/W-001/intake.yaml"
	old := finding.Finding{Path: intake, Line: 12, Column: 13, Severity: finding.Warning, Rule: validate.RulePIITerm, Case: "W-001", Message: "barriers.0.detail: the detail of a health barrier is health information"}
	brought := finding.Finding{Path: intake, Line: 20, Column: 14, Severity: finding.Warning, Rule: validate.RulePIIDOB, Case: "W-001", Message: "assessments.0.summary: holds what looks like a date of birth"}
	res := &casework.Result{
		Change:      &casework.Change{Files: map[string][]byte{intake: nil}},
		Commit:      "3f2a9c1e4b7d",
		Warnings:    []finding.Finding{old, brought},
		NewWarnings: []finding.Finding{brought},
	}
	var stderr bytes.Buffer
	g := &globals{env: Env{Stderr: &stderr}}
	g.sayLeaks(res)
	got := stderr.String()
	if !strings.Contains(got, "warning pii-dob: assessments.0.summary") {
		t.Errorf("the warning the write brought is not said:\n%s", got)
	}
	if strings.Contains(got, "barriers.0.detail") {
		t.Errorf("a warning the intake had before is said again:\n%s", got)
	}

	stderr.Reset()
	res.Warnings, res.NewWarnings = []finding.Finding{old}, nil
	g.sayLeaks(res)
	if stderr.Len() != 0 {
		t.Errorf("a write that brought no leak says:\n%s", stderr.String())
	}
}
