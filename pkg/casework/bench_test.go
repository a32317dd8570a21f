package casework

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// benchCases is the size of the generated store the note add benchmarks
// run on: the "tens of thousands of cases" scale, at its low end.
const benchCases = 10_000

var bench struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// benchStore returns a valid store of benchCases WIOA cases (intake, plan
// and one contact note each: 30,001 files), committed and packed by the git
// CLI. It is built once per run; building it is not measured.
func benchStore(b *testing.B) string {
	b.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("building the benchmark store needs the git CLI")
	}
	bench.once.Do(func() {
		bench.dir, bench.err = os.MkdirTemp("", "casework-bench-")
		if bench.err == nil {
			bench.err = buildStore(filepath.Join(bench.dir, "store"))
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return filepath.Join(bench.dir, "store")
}

func buildStore(dir string) error {
	old := time.Now().Add(-time.Hour) // older than the index: no racy entries
	write := func(rel string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		return os.Chtimes(p, old, old)
	}
	cfg := "organization: Bench Board\nstaff:\n"
	for s := range 40 {
		cfg += fmt.Sprintf("  - id: s%02d\n    name: Staff %02d\n    email: s%02d@example.org\n", s, s, s)
	}
	cfg += "programs:\n  wioa:\n    kind: wioa\n"
	if err := write("cases/caseplan.yaml", []byte(cfg)); err != nil {
		return err
	}
	for i := range benchCases {
		id := fmt.Sprintf("2026-%05d", i)
		dir := "cases/" + id + "/"
		manager := fmt.Sprintf("s%02d", i%40)
		files := map[string]any{
			dir + "intake.yaml": &record.Intake{ID: id, Opened: "2026-01-05", Program: "wioa", Status: "open", Manager: manager,
				Participant: record.Participant{Name: "Participant " + id}},
			dir + "iep.yaml": &record.IEP{Created: "2026-01-05", EmploymentGoal: "Steady work"},
			dir + "notes/2026-01-06-aaaa.yaml": &record.Note{ID: "2026-01-06-aaaa", Date: "2026-01-06", Author: manager,
				Kind: "intake", Mode: "in-person", TwoWay: true, Services: []string{"assessment"}, Content: "Intake meeting"},
		}
		for p, v := range files {
			data, err := record.Marshal(p, v)
			if err != nil {
				return err
			}
			if err := write(p, data); err != nil {
				return err
			}
		}
	}
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-q", "-m", "generated store"}, {"gc", "-q"}} {
		cmd := exec.Command("git", append([]string{"-c", "gc.auto=0", "-c", "user.name=Bench", "-c", "user.email=s00@example.org"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %v: %v\n%s", args, err, out)
		}
	}
	return nil
}

// BenchmarkNoteAdd10k measures what one `caseplan note add` does on a store
// of 10,000 cases: open the repository, compile the schemas, take the lock,
// load and validate the case before and after, write the note and commit it.
func BenchmarkNoteAdd10k(b *testing.B) {
	dir := benchStore(b)
	today := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for n := range b.N {
		repo, err := gitstore.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		v, err := schemas.Compile()
		if err != nil {
			b.Fatal(err)
		}
		ws := &Workspace{Repo: repo, Schemas: v, Today: today, Now: time.Now, Author: Author{"Staff 01", "s01@example.org"}}
		caseID := fmt.Sprintf("2026-%05d", (n*7919)%benchCases)
		_, err = ws.Apply([]string{caseID}, AddNote{Case: caseID, Note: record.Note{
			Date: "2026-03-16", Kind: "contact", Mode: "phone", TwoWay: true,
			Services: []string{"job-search"}, Content: "Reviewed this week's applications",
		}}.Build)
		repo.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}

var cliNotes int

// BenchmarkGitCLINoteAdd10k is the same change made with the git CLI on the
// same store: write the note file, git add it, git commit.
func BenchmarkGitCLINoteAdd10k(b *testing.B) {
	dir := benchStore(b)
	b.ResetTimer()
	for range b.N {
		cliNotes++ // b.N restarts at 0 for each run; the file names must not
		n := cliNotes
		caseID := fmt.Sprintf("2026-%05d", (n*104729+1)%benchCases)
		p := fmt.Sprintf("cases/%s/notes/2026-03-16-g%d.yaml", caseID, n)
		data, err := record.Marshal(p, &record.Note{ID: "x", Date: "2026-03-16", Author: "s01", Kind: "contact", Mode: "phone"})
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), data, 0o644); err != nil {
			b.Fatal(err)
		}
		for _, args := range [][]string{{"add", p}, {"commit", "-q", "-m", "add note"}} {
			cmd := exec.Command("git", append([]string{"-c", "gc.auto=0", "-c", "user.name=Bench", "-c", "user.email=s01@example.org"}, args...)...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
	}
}

// BenchmarkValidateStore10k measures `caseplan validate` over the whole
// generated store: reading and parsing 30,001 files on a worker pool,
// schema validation, integrity and program rules.
func BenchmarkValidateStore10k(b *testing.B) {
	dir := benchStore(b)
	v, err := schemas.Compile()
	if err != nil {
		b.Fatal(err)
	}
	today := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for range b.N {
		src, err := store.NewWorkTree(dir)
		if err != nil {
			b.Fatal(err)
		}
		snap, loaded, err := store.Load(src, nil)
		if err != nil {
			b.Fatal(err)
		}
		fs := validate.Run(snap, loaded, validate.Options{Schemas: v, Today: today})
		if n, _ := finding.Count(fs); n > 0 || len(snap.Cases) != benchCases {
			b.Fatalf("%d cases, %d errors, first: %v", len(snap.Cases), n, fs[0])
		}
	}
	b.ReportMetric(float64(b.N*(3*benchCases+1))/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkCommitHandEdit10k measures `caseplan commit` of one hand edit
// (a changed intake record) on the 10,000-case store: find what changed
// under cases/, validate the case before and after, commit. Finding the
// edit must not read every file of the store.
func BenchmarkCommitHandEdit10k(b *testing.B) {
	dir := benchStore(b)
	today := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for n := range b.N {
		b.StopTimer()
		caseID := fmt.Sprintf("2026-%05d", (n*6007+3)%benchCases)
		p := filepath.Join(dir, "cases", caseID, "intake.yaml")
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		data = bytes.Replace(data, []byte("name: Participant"), []byte(fmt.Sprintf("name: Participant%d", n)), 1)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		repo, err := gitstore.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		v, err := schemas.Compile()
		if err != nil {
			b.Fatal(err)
		}
		ws := &Workspace{Repo: repo, Schemas: v, Today: today, Now: time.Now, Author: Author{"Staff 01", "s01@example.org"}}
		res, err := ws.CommitEdits("correct the name")
		repo.Close()
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Change.Files) != 1 {
			b.Fatalf("committed %d files, want the one edit", len(res.Change.Files))
		}
	}
}
