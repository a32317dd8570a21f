package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/buildinfo"
)

// TestUpgradeAdviceNamesRunning: the caseplan running is what the advice
// to upgrade is judged against. A release pinned in caseplan_version that
// is the one running, facing a record a newer caseplan wrote, is a pin
// that was not raised (installing it again changes nothing); schemas update
// by a newer release names the release to pin.
func TestUpgradeAdviceNamesRunning(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	cfg := filepath.Join(dir, "cases", "caseplan.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pinned := regexp.MustCompile(`(?m)^caseplan_version: .*$`).ReplaceAllString(string(b), "caseplan_version: v1.4.0")
	writeStoreFile(t, dir, "cases/caseplan.yaml", pinned)
	if code, _, stderr := runCaseplan(t, dir, env, "commit", "-m", "pin v1.4.0"); code != 0 {
		t.Fatalf("commit: %d %s", code, stderr)
	}
	if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", "W-1", "--program", "wioa", "--name", "Pat Example"); code != 0 {
		t.Fatalf("case new: %d %s", code, stderr)
	}

	// schemas update by v1.5.0, with an older copy to write.
	copyPath := filepath.Join(dir, "schemas", "note.schema.json")
	own, _ := os.ReadFile(copyPath)
	older := regexp.MustCompile(`"x-caseplan-version": [0-9]+`).ReplaceAllString(string(own), `"x-caseplan-version": 1`)
	writeStoreFile(t, dir, "schemas/note.schema.json", older)
	v150 := buildinfo.Info{Version: "v1.5.0", Go: "go1.26.8", Platform: "linux/amd64"}
	code, _, stderr := runAsBuild(t, dir, env, v150, "schemas", "update", "--no-commit")
	if code != 0 || !strings.Contains(stderr, "caseplan: warning: caseplan_version in cases/caseplan.yaml names v1.4.0, which the CI workflow installs, not v1.5.0, the one running") || !strings.Contains(stderr, "the store's admin sets caseplan_version: v1.5.0 and syncs") {
		t.Errorf("schemas update as v1.5.0: %d\n%s", code, stderr)
	}
	writeStoreFile(t, dir, "schemas/note.schema.json", string(own))

	// v1.4.0 meets an iep field of a newer caseplan, whose copy says so.
	iep := filepath.Join(dir, "schemas", "iep.schema.json")
	own, _ = os.ReadFile(iep)
	writeStoreFile(t, dir, "schemas/iep.schema.json", regexp.MustCompile(`"x-caseplan-version": [0-9]+`).ReplaceAllString(string(own), `"x-caseplan-version": 99`))
	plan, _ := os.ReadFile(filepath.Join(dir, "cases", "W-1", "iep.yaml"))
	writeStoreFile(t, dir, "cases/W-1/iep.yaml", string(plan)+"future_field: yes\n")
	v140 := buildinfo.Info{Version: "v1.4.0", Go: "go1.26.8", Platform: "linux/amd64"}
	code, _, stderr = runAsBuild(t, dir, env, v140, "validate", "W-1")
	if code != 1 || !strings.Contains(stderr, "upgrade caseplan: caseplan_version in cases/caseplan.yaml still names v1.4.0, the release you run, though colleagues moved on") {
		t.Errorf("validate as v1.4.0: %d\n%s", code, stderr)
	}
	code, _, stderr = runAsBuild(t, dir, env, v140, "iep", "review", "W-1", "--summary", "reviewed")
	if code != 1 || !strings.Contains(stderr, "still names v1.4.0, the release you run") {
		t.Errorf("iep review as v1.4.0: %d\n%s", code, stderr)
	}
}
