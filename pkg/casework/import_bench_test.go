package casework

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/rosterimport/rostertest"
	"github.com/caseplan/caseplan/schemas"
)

// benchRules are the import rules of the import benchmarks: a roster with
// no ID column (each case gets a random ID), managers round-robin over
// four of the store's staff.
const benchRules = `cohort: {id: 2026-BENCH, employer: Example Mills, notice_date: 2026-03-02, layoff_dates: [2026-05-01, 2026-06-01]}
program: wioa
opened: 2026-03-16
managers: {round_robin: [s01, s02, s03, s04]}
columns: {name: '{First name} {Last name}', phone: Phone, email: Email, layoff_date: Last day}
`

var benchRosters int

// BenchmarkCaseImport300On10k measures one caseplan case import of a
// 300-row roster on a store of 10,000 cases: everything the command does
// in process — compile the schemas, take the lock, read every case's
// intake for duplicates, check every row against the schemas and rules,
// write 600 files and the cohort's record, and commit them as one commit.
// Each iteration imports 300 workers new to the store.
func BenchmarkCaseImport300On10k(b *testing.B) {
	dir := benchStore(b)
	rules := layout.ImportRules("bench")
	p := filepath.Join(dir, filepath.FromSlash(rules))
	if _, err := os.Stat(p); err != nil {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(benchRules), 0o644); err != nil {
			b.Fatal(err)
		}
		for _, args := range [][]string{{"add", rules}, {"commit", "-q", "-m", "import rules"}} {
			cmd := exec.Command("git", append([]string{"-c", "user.name=Bench", "-c", "user.email=s01@example.org"}, args...)...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
	}
	today := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		roster := rostertest.Roster(rostertest.Options{Rows: 300, From: 1 + 300*benchRosters})
		benchRosters++
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
		plan := &ImportPlan{}
		_, err = ws.Apply(nil, ImportCohort{File: "roster.csv", Data: roster, RulesPath: rules, Schemas: v, Plan: plan}.Build)
		repo.Close()
		if err != nil {
			b.Fatalf("%v: %v", err, plan.Problems())
		}
		if len(plan.Created) != 300 {
			b.Fatalf("opened %d cases", len(plan.Created))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/import")
}

// BenchmarkCaseNew300On10k is the same 300 workers opened one case new at
// a time, each its own change and commit, as a shell loop of case new
// would (without the process start of each command).
func BenchmarkCaseNew300On10k(b *testing.B) {
	dir := benchStore(b)
	today := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	v, err := schemas.Compile()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		for i := range 300 {
			repo, err := gitstore.Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			ws := &Workspace{Repo: repo, Schemas: v, Today: today, Now: time.Now, Author: Author{"Staff 01", "s01@example.org"}}
			_, err = ws.Apply(nil, NewCase{Program: "wioa", Name: fmt.Sprintf("Worker %d Example", i), Manager: fmt.Sprintf("s%02d", 1+i%4)}.Build)
			repo.Close()
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/300-cases")
}
