package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/rosterimport/rostertest"
)

// TestImportProgress: case import shows, on a terminal, how far it has
// come reading the store's cases and checking the roster's rows — here
// with a clock that moves 200 ms each time it is read — and nothing when
// stderr is not a terminal; stdout is the same either way.
func TestImportProgress(t *testing.T) {
	dir := initCLIStore(t)
	env := map[string]string{"CASEPLAN_AUTHOR": "Maria Rivera <mrivera@example.org>", "CASEPLAN_TODAY": "2026-03-16"}
	for i := range 20 {
		if code, _, stderr := runCaseplan(t, dir, env, "case", "new", "--id", fmt.Sprintf("W-%02d", i), "--program", "wioa", "--name", "Ana Example", "--opened", "2026-03-10"); code != 0 {
			t.Fatal(stderr)
		}
	}
	writeStoreFile(t, dir, "cases/import-rules/plant.yaml", `cohort: {id: 2026-PLANT, employer: Example Mills, notice_date: 2026-03-02, layoff_dates: [2026-05-01, 2026-06-01]}
program: work-security
managers: {one: mrivera}
columns: {id: Employee ID, name: '{First name} {Last name}', layoff_date: Last day}
`)
	if code, _, stderr := runCaseplan(t, dir, env, "commit", "-m", "import rules"); code != 0 {
		t.Fatal(stderr)
	}
	roster := filepath.Join(t.TempDir(), "plant.csv")
	if err := os.WriteFile(roster, rostertest.Roster(rostertest.Options{Rows: 30}), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(terminal bool) (string, string) {
		var mu sync.Mutex
		now := time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC)
		slow := func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			now = now.Add(200 * time.Millisecond)
			return now
		}
		var out, errb bytes.Buffer
		Main([]string{"case", "import", roster, "--dry-run"}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv: func(k string) string { return env[k] }, Now: slow, Dir: dir, StderrIsTerminal: terminal})
		return out.String(), errb.String()
	}
	termOut, termErr := run(true)
	pipeOut, pipeErr := run(false)
	for _, want := range []string{"\rimport: 20 of 20 cases read (100%)", "\rimport: 30 of 30 rows checked (100%)"} {
		if !strings.Contains(termErr, want) {
			t.Errorf("on a terminal, no %q:\n%q", want, termErr)
		}
	}
	if strings.Contains(pipeErr, "\r") {
		t.Errorf("stderr not a terminal, progress shown:\n%q", pipeErr)
	}
	if termOut != pipeOut || !strings.Contains(termOut, "new") {
		t.Errorf("stdout differs with progress shown, or says nothing:\n%s\n%s", termOut, pipeOut)
	}
	if i := strings.LastIndex(termErr, "\r"); i != -1 && !strings.HasPrefix(termErr[i+1:], "caseplan: dry run: would open 30 case(s)") {
		t.Errorf("the progress line is not cleared before the message:\n%q", termErr[i:])
	}
}
