package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A command given -o github that cannot run writes its error as an
// annotation on stdout and in the job summary: a CI log's copies of the
// message, masked as stderr's is. An SSN typed as a case ID, dashed or
// as nine digits alone, is never repeated in any of them.
func TestAnnotationMasksSSN(t *testing.T) {
	dir := initCLIStore(t)
	digits := "512" + "73" + "4418"
	for _, id := range []string{"512-" + "73-" + "4418", digits} {
		summary := filepath.Join(t.TempDir(), "summary.md")
		env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "GITHUB_STEP_SUMMARY": summary}
		code, stdout, stderr := runCaseplan(t, dir, env, "validate", id, "-o", "github")
		if code != ExitUsage {
			t.Fatalf("validate %s: exit %d, want %d; stderr:\n%s", id, code, ExitUsage, stderr)
		}
		sum, _ := os.ReadFile(summary)
		for name, out := range map[string]string{"stdout": stdout, "stderr": stderr, "job summary": string(sum)} {
			if strings.Contains(strings.NewReplacer("-", "").Replace(out), digits) {
				t.Errorf("validate %s -o github: %s repeats the number:\n%s", id, name, out)
			}
			if !strings.Contains(out, `no case "XXX-XX-XXXX"`) {
				t.Errorf("validate %s -o github: %s does not name the case masked:\n%s", id, name, out)
			}
		}
	}
}
