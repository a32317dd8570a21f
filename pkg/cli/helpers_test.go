package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casework"
)

// initCLIStore creates a store with caseplan init and returns its root.
func initCLIStore(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	_, err := casework.Init(casework.InitStore{Dir: dir, Organization: "Example Board",
		Author: casework.Author{Name: "Maria Rivera", Email: "mrivera@example.org"}, When: time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeStoreFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runCaseplan runs caseplan in dir with only the environment given.
func runCaseplan(t *testing.T, dir string, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Env{
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC) },
		Dir:    dir,
	})
	return code, out.String(), errb.String()
}
