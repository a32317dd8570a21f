package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
