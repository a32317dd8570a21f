package gitstore

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// The benchmarks share one generated store of benchCases cases, built once
// per test binary run (setup is not measured) and removed by TestMain.
const benchCases = 10_000

var benchStore struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore.dir != "" {
		os.RemoveAll(benchStore.dir)
	}
	os.Exit(code)
}

// storeForBench returns the shared store: benchCases case directories of
// five small YAML files each, committed and packed by the git CLI, with an
// index git trusts (files older than the index, so no entry is racy).
func storeForBench(b *testing.B) string {
	b.Helper()
	benchStore.once.Do(func() {
		benchStore.dir, benchStore.err = os.MkdirTemp("", "gitstore-bench-")
		if benchStore.err != nil {
			return
		}
		benchStore.err = buildBenchStore(filepath.Join(benchStore.dir, "store"))
	})
	if benchStore.err != nil {
		b.Fatal(benchStore.err)
	}
	return filepath.Join(benchStore.dir, "store")
}

func buildBenchStore(dir string) error {
	start := time.Now()
	old := start.Add(-time.Hour)
	write := func(rel, data string) error {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
		return os.Chtimes(p, old, old)
	}
	if err := write("cases/caseplan.yaml", "organisation: Example Works\nprograms: {}\n"); err != nil {
		return err
	}
	for i := range benchCases {
		id := fmt.Sprintf("2026-%05d", i)
		c := "cases/" + id + "/"
		files := map[string]string{
			"intake.yaml":     fmt.Sprintf("# yaml-language-server: $schema=../../schemas/intake.json\nid: %s\nopened: 2026-01-05\nprogram: work-security\nstatus: open\nmanager: s%02d\n", id, i%40),
			"iep.yaml":        "# yaml-language-server: $schema=../../schemas/iep.json\nvision: steady work\ngoals: []\n",
			"references.yaml": "# yaml-language-server: $schema=../../schemas/references.json\nreferences: []\n",
			"services.yaml":   fmt.Sprintf("# yaml-language-server: $schema=../../schemas/services.json\nreferrals:\n  - service: training-%d\n    status: referred\n", i%17),
			"notes/2026-01-05-" + fmt.Sprintf("%04x", i%65536) + ".yaml": fmt.Sprintf("id: %04x\ndate: 2026-01-05\nauthor: s%02d\nkind: intake\nmode: in-person\n", i, i%40),
		}
		for name, data := range files {
			if err := write(c+name, data); err != nil {
				return err
			}
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "generated store"}, {"gc", "-q"}} {
		if _, err := runGit(dir, args...); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "gitstore bench: generated %d cases in %s\n", benchCases, time.Since(start).Round(time.Millisecond))
	return nil
}

func benchNote(n int) (string, []byte) {
	// Spread the notes over the cases, as several case managers would.
	id := fmt.Sprintf("2026-%05d", (n*7919)%benchCases)
	p := fmt.Sprintf("cases/%s/notes/2026-03-02-%s-%d.yaml", id, time.Now().Format("150405.000000000"), n)
	data := fmt.Sprintf("# yaml-language-server: $schema=../../../schemas/note.json\nid: n%d\ndate: 2026-03-02\nauthor: s01\nkind: contact\nmode: phone\ntwo_way: true\nservices: [career-planning]\ncontent: talked about the job search plan\n", n)
	return p, []byte(data)
}

// BenchmarkCommitNote10k measures Commit adding one new note to a store of
// 10,000 cases. "open-once" keeps one Repo open across iterations;
// "open-each" opens and closes it per commit, as one caseplan command does.
func BenchmarkCommitNote10k(b *testing.B) {
	dir := storeForBench(b)
	commit := func(b *testing.B, r *Repo, n int) {
		p, data := benchNote(n)
		_, err := r.Commit(CommitRequest{
			Message: "note added\n\nCaseplan-Action: note.add\n",
			Author:  testAuthor,
			Changes: []Change{{Path: p, Data: data}},
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Run("open-once", func(b *testing.B) {
		r, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		defer r.Close()
		b.ResetTimer()
		for n := range b.N {
			commit(b, r, n)
		}
	})
	b.Run("open-each", func(b *testing.B) {
		for n := range b.N {
			r, err := Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			commit(b, r, n+1_000_000)
			r.Close()
		}
	})
}

// BenchmarkGitCLICommitNote10k measures the git CLI doing the same:
// write the note, git add it, git commit.
func BenchmarkGitCLICommitNote10k(b *testing.B) {
	dir := storeForBench(b)
	b.ResetTimer()
	for n := range b.N {
		p, data := benchNote(n + 2_000_000)
		abs := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.WriteFile(abs, data, fs.FileMode(0o644)); err != nil {
			b.Fatal(err)
		}
		if _, err := runGit(dir, "add", p); err != nil {
			b.Fatal(err)
		}
		if _, err := runGit(dir, "commit", "-q", "-m", "note added"); err != nil {
			b.Fatal(err)
		}
	}
}
