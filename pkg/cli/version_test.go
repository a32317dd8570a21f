package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/buildinfo"
)

// runBuild runs caseplan as the binary that build describes.
func runBuild(t *testing.T, dir string, build buildinfo.Info, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	code = Main(args, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC) },
		Dir:    dir, Build: build,
	})
	return code, out.String(), errb.String()
}

var release = buildinfo.Info{Version: "v1.4.0", Go: "go1.26.8", Platform: "linux/amd64"}

var devBuild = buildinfo.Info{Version: "(devel)", Revision: "1b9e4c071f8f2a3d4e5f60718293a4b5c6d7e8f9", Time: "2026-11-22T09:30:00Z", Modified: true, Go: "go1.26.8", Platform: "linux/amd64"}

// TestVersion is issue 15's item 2: caseplan version and --version say
// which caseplan this is, from the build information.
func TestVersion(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runBuild(t, dir, devBuild, "version", "-o", "json")
	if code != 0 {
		t.Fatalf("version -o json: exit %d", code)
	}
	var got buildinfo.Info
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("version -o json: %v\n%s", err, out)
	}
	if got != devBuild {
		t.Errorf("version -o json = %+v, want %+v", got, devBuild)
	}
	for _, key := range []string{`"version"`, `"revision"`, `"time"`, `"modified"`, `"go"`, `"platform"`} {
		if !strings.Contains(out, key) {
			t.Errorf("version -o json has no %s key:\n%s", key, out)
		}
	}
	_, out, _ = runBuild(t, dir, devBuild, "version")
	if !strings.HasPrefix(out, "caseplan (devel) 1b9e4c071f8f+dirty\n") || !strings.Contains(out, "1b9e4c071f8f2a3d4e5f60718293a4b5c6d7e8f9 (with uncommitted changes)") {
		t.Errorf("version:\n%s", out)
	}
	_, out, _ = runBuild(t, dir, release, "--version")
	if out != "caseplan v1.4.0\n" {
		t.Errorf("--version = %q", out)
	}
	if code, _, stderr := runBuild(t, dir, release, "version", "-o", "yaml"); code != ExitUsage {
		t.Errorf("version -o yaml: exit %d, want 2: %s", code, stderr)
	}
}

// TestReportNamesCaseplan: every report's provenance names the caseplan
// version beside the commit, and the JSON says it as "caseplan".
func TestReportNamesCaseplan(t *testing.T) {
	dir := initCLIStore(t)
	for format, want := range map[string]string{
		"text": ") by caseplan v1.4.0; caseplan report caseload",
		"html": ") by caseplan v1.4.0; caseplan report caseload",
		"md":   ") by caseplan `v1.4.0`; `caseplan report caseload",
	} {
		code, out, stderr := runBuild(t, dir, release, "report", "caseload", "-o", format)
		if code != 0 {
			t.Fatalf("report -o %s: exit %d: %s", format, code, stderr)
		}
		if !strings.Contains(out, want) {
			t.Errorf("report -o %s does not name caseplan v1.4.0:\n%s", format, out)
		}
	}
	_, out, _ := runBuild(t, dir, release, "report", "monthly", "--month", "2026-03", "-o", "json")
	var doc struct{ Commit, Caseplan string }
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Caseplan != "v1.4.0" || len(doc.Commit) != 40 {
		t.Errorf("report -o json: %+v %v", doc, err)
	}
	// The same binary makes the same bytes.
	_, again, _ := runBuild(t, dir, release, "report", "monthly", "--month", "2026-03", "-o", "json")
	if again != out {
		t.Error("the same report made twice by the same caseplan differs")
	}
}
