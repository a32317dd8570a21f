package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/teamsync"
	"github.com/caseplan/caseplan/pkg/validate"
)

// TestValidateCIWithholdsTerm: validate's CI formats (github's
// annotations and job summary, sarif) say where a sensitive term is
// without naming it; text and json, read at the terminal, name it.
func TestValidateCIWithholdsTerm(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>"}
	for _, args := range [][]string{
		{"case", "new", "--program", "wioa", "--name", "Ana Example", "--id", "W-001"},
		{"iep", "goal", "add", "W-001", "--term", "short", "--text", "Finish the resume after rehab"},
	} {
		if code, _, stderr := runCaseplan(t, dir, env, args...); code != 0 {
			t.Fatalf("%s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
	}
	for _, format := range []string{"text", "json", "github", "sarif"} {
		summary := filepath.Join(t.TempDir(), "summary.md")
		env["GITHUB_STEP_SUMMARY"] = summary
		code, stdout, stderr := runCaseplan(t, dir, env, "validate", "-o", format)
		if code != 0 {
			t.Fatalf("validate -o %s: exit %d\n%s%s", format, code, stdout, stderr)
		}
		sum, _ := os.ReadFile(summary)
		out := stdout + stderr + string(sum)
		if !strings.Contains(out, validate.RulePIITerm) {
			t.Fatalf("validate -o %s reports no %s:\n%s", format, validate.RulePIITerm, out)
		}
		named := strings.Contains(out, "rehab")
		if want := !ciFormat(format); named != want {
			t.Errorf("validate -o %s names the term: %v, want %v:\n%s", format, named, want, out)
		}
		if ciFormat(format) && !strings.Contains(stdout, "mentions a term withheld here") {
			t.Errorf("validate -o %s does not say a term was found:\n%s", format, stdout)
		}
	}
}

// TestSyncCIWithholdsLeaks: a sync conflict's finding quotes both sides'
// values; as its CI output shows it, what the leak guard finds there is
// withheld, and the rest of the message — where, whose, what to do — is
// as the terminal's.
func TestSyncCIWithholdsLeaks(t *testing.T) {
	c := teamsync.Conflict{
		FieldConflict: teamsync.FieldConflict{
			Field: "goals.G-1.text", Line: 12, Column: 11,
			Kept: "Finish the resume; DOB 04/05/1980 on the form", Local: "Finish the resume after rehab",
			At: []string{"goals", "G-1", "text"},
		},
		Path:        "cases/W-001/iep.yaml",
		LocalCommit: plumbing.NewHash("1111111111111111111111111111111111111111"), LocalAuthor: "Dev Patel",
		RemoteCommit: plumbing.NewHash("2222222222222222222222222222222222222222"), RemoteAuthor: "Maria Rivera",
	}
	f := c.Finding()
	for _, leak := range []string{"rehab", "04/05/1980"} {
		if !strings.Contains(f.Message, leak) {
			t.Fatalf("the conflict's message does not quote %q, so the test shows nothing:\n%s", leak, f.Message)
		}
	}
	got := withheldForCI(pii.Default(), []finding.Finding{f})[0]
	for _, leak := range []string{"rehab", "04/05/1980"} {
		if strings.Contains(got.Message, leak) {
			t.Errorf("the CI message quotes %q:\n%s", leak, got.Message)
		}
	}
	for _, want := range []string{"[withheld: pii-term]", "[withheld: pii-dob]", "goals.G-1.text was changed on both sides", "Maria Rivera, commit 222222222222", "git show 111111111111:cases/W-001/iep.yaml"} {
		if !strings.Contains(got.Message, want) {
			t.Errorf("the CI message lacks %q:\n%s", want, got.Message)
		}
	}
	if got.Path != f.Path || got.Line != f.Line || got.Rule != f.Rule || got.Commit != f.Commit {
		t.Errorf("where the conflict is changed: %+v, was %+v", got, f)
	}
	if !strings.Contains(c.Finding().Message, "rehab") {
		t.Errorf("the finding given was changed")
	}
}
