package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/buildinfo"
)

// runAsBuild runs caseplan as the caseplan build names.
func runAsBuild(t *testing.T, dir string, env map[string]string, build buildinfo.Info, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC) },
		Dir:    dir, Build: build,
	})
	return code, out.String(), errb.String()
}

// TestCacheNeverStale is issue 12's test: the results validate keeps in
// .git/caseplan/cache/ are never used for a file whose bytes changed — even
// when it was changed behind git's back with the same size and the same
// modification time — nor when the cache is damaged or was written by
// another caseplan; each time the output is the output of a run with no
// cache at all.
func TestCacheNeverStale(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git CLI to refresh the index's stat data")
	}
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	for _, id := range []string{"W-01", "W-02", "W-03"} {
		if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", id, "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-10", "--manager", "mrivera"); code != 0 {
			t.Fatal(stderr)
		}
	}
	intake := filepath.Join(dir, "cases", "W-02", "intake.yaml")
	// An old modification time, recorded in the index by git itself: the
	// entry is then clean by its stat data, not racily clean, so caseplan
	// takes its hash from the index without reading the file.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(intake, old, old); err != nil {
		t.Fatal(err)
	}
	git := exec.Command("git", "update-index", "--refresh")
	git.Dir = dir
	if out, err := git.CombinedOutput(); err != nil {
		t.Fatalf("git update-index --refresh: %v\n%s", err, out)
	}

	v1 := buildinfo.Info{Version: "v1.0.0", Revision: "1111111111111111111111111111111111111111"}
	noCache := map[string]string{"CASEPLAN_CACHE": "off"}
	for k, v := range env {
		noCache[k] = v
	}
	validate := func(build buildinfo.Info) (int, string, string) {
		t.Helper()
		return runAsBuild(t, dir, env, build, "validate", "-o", "json")
	}
	same := func(what string, build buildinfo.Info) {
		t.Helper()
		code, out, stderr := validate(build)
		wantCode, want, wantErr := runAsBuild(t, dir, noCache, build, "validate", "-o", "json")
		if code != wantCode || out != want || stderr != wantErr {
			t.Fatalf("%s: with the cache exit %d\n%s%s\nwithout it exit %d\n%s%s", what, code, out, stderr, wantCode, want, wantErr)
		}
	}
	same("a first run", v1)
	cacheFile := filepath.Join(dir, ".git", "caseplan", "cache", "validate")
	if _, err := os.Stat(cacheFile); err != nil {
		t.Fatalf("validate kept no cache: %v", err)
	}
	same("a second run", v1)

	// The same size and modification time, other bytes: the manager is
	// now someone not on the roster.
	data, err := os.ReadFile(intake)
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(data, []byte("manager: mrivera"), []byte("manager: mriverx"), 1)
	if bytes.Equal(changed, data) {
		t.Fatalf("no manager line in\n%s", data)
	}
	if err := os.WriteFile(intake, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(intake, old, old); err != nil {
		t.Fatal(err)
	}
	code, out, _ := validate(v1)
	if code != 1 || !strings.Contains(out, "mriverx") {
		t.Fatalf("the changed file's finding is missing (exit %d):\n%s", code, out)
	}
	same("a file changed behind the cache's back", v1)

	// A damaged cache file is replaced, and never gives a result.
	kept, err := os.ReadFile(cacheFile)
	if err != nil {
		t.Fatal(err)
	}
	damaged := append([]byte{}, kept...)
	damaged[len(damaged)/2] ^= 0x20
	if err := os.WriteFile(cacheFile, damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	same("a damaged cache", v1)
	if now, _ := os.ReadFile(cacheFile); bytes.Equal(now, damaged) {
		t.Error("the damaged cache file was not rebuilt")
	}

	// A cache of another caseplan is ignored: its version line names v1.
	if !bytes.Contains(mustRead(t, cacheFile), []byte("v1.0.0")) {
		t.Fatal("the cache does not name the caseplan that wrote it")
	}
	v2 := buildinfo.Info{Version: "v1.1.0", Revision: "2222222222222222222222222222222222222222"}
	same("another caseplan's cache", v2)
	if !bytes.Contains(mustRead(t, cacheFile), []byte("v1.1.0")) {
		t.Error("the other caseplan's cache was not replaced")
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
