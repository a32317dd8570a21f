package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/caseplan/caseplan/pkg/storegen"
)

// TestCacheAgrees: on the demo store and on a generated store, every
// command that keeps results in the cache prints, byte for byte, what it
// prints without one — on the run that fills the cache, on the run that
// reads it, and after a file changes.
func TestCacheAgrees(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git CLI to make the stores' histories")
	}
	generated := filepath.Join(t.TempDir(), "generated")
	if _, err := storegen.Generate(generated, storegen.Options{Cases: 40, Seed: 3, History: true}); err != nil {
		t.Fatal(err)
	}
	demo := filepath.Join(t.TempDir(), "demo")
	for _, d := range []string{"cases", "schemas"} {
		if err := os.CopyFS(filepath.Join(demo, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "cases", "schemas"}, {"-c", "user.name=Maria Rivera", "-c", "user.email=mrivera@example.org", "commit", "-qm", "demo"}} {
		git := exec.Command("git", args...)
		git.Dir = demo
		if out, err := git.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}

	for _, tc := range []struct {
		dir, today, month, edit string
	}{
		{demo, "2026-11-22", "2026-10", "cases/2026-F3VD6/intake.yaml"},
		{generated, storegen.DefaultToday, storegen.DefaultToday[:7], ""},
	} {
		env := map[string]string{"CASEPLAN_TODAY": tc.today}
		off := map[string]string{"CASEPLAN_TODAY": tc.today, "CASEPLAN_CACHE": "off"}
		commands := [][]string{
			{"validate", "-o", "json"},
			{"validate"},
			{"report", "monthly", "--month", tc.month, "-o", "json"},
			{"report", "monthly", "--month", tc.month, "--names"},
			{"report", "caseload", "-o", "json"},
			{"report", "caseload", "--as-of", tc.today[:8] + "01", "-o", "csv"},
			{"report", "monthly", "--month", tc.month, "--at", "HEAD~0", "-o", "md"},
			{"due", "--all", "-o", "json"},
			{"due", "--all", "--within", "30d"},
			{"due", "--all", "--ics", "-"},
			{"case", "list", "-o", "json"},
			{"case", "list", "--status", "open"},
			{"report", "performance", "--program-year", "2025", "-o", "json", "--names"},
			{"report", "performance", "--program-year", "2025", "--quarter", "4"},
			{"export", "pirl", "--program-year", "2025", "-o", "json"},
		}
		committed := map[string]string{} // the reports' outputs before the hand edit
		check := func(when string) {
			t.Helper()
			for _, args := range commands {
				wantCode, want, wantErr := runCaseplan(t, tc.dir, off, args...)
				// A report reads the commit, whatever the work tree holds
				// (files are read from the work tree only where their bytes
				// are the commit's).
				if args[0] == "report" {
					k := fmt.Sprint(args)
					if before, ok := committed[k]; ok && before != want {
						t.Fatalf("%s, %s: caseplan %v reads the work tree's edit:\n%s\nbefore the edit:\n%s", filepath.Base(tc.dir), when, args, want, before)
					}
					committed[k] = want
				}
				for run := range 2 {
					code, out, stderr := runCaseplan(t, tc.dir, env, args...)
					if code != wantCode || out != want || stderr != wantErr {
						t.Fatalf("%s, %s: caseplan %v, run %d with the cache: exit %d\n%s%s\nwithout it: exit %d\n%s%s",
							filepath.Base(tc.dir), when, args, run+1, code, out, stderr, wantCode, want, wantErr)
					}
				}
			}
		}
		check("as committed")
		if tc.edit == "" {
			continue
		}
		// A hand edit that the checks and the tickler see: the manager is
		// no longer on the roster.
		p := filepath.Join(tc.dir, filepath.FromSlash(tc.edit))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(data, []byte("center: Elsewhere\n")...), 0o644); err != nil {
			t.Fatal(err)
		}
		check("after a hand edit")
	}
}
