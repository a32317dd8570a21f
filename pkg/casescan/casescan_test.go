package casescan

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/resultcache"
	"github.com/caseplan/caseplan/pkg/store"
)

// TestKeyRead checks that a case keyed by what was read gets the key git
// status's walk (gitstore.DirKeys) gives the same directory, so that a
// cold scan's results are found by the next scan; and that a case whose
// directory holds what the loader does not read is keyed the other way.
func TestKeyRead(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git CLI to write an index")
	}
	dir := t.TempDir()
	files := map[string]string{
		"cases/A-1/intake.yaml":                "id: A-1\n",
		"cases/A-1/iep.yaml":                   "goals: []\n",
		"cases/A-1/notes/2026-03-02-ab12.yaml": "id: 2026-03-02-ab12\n",
		"cases/A-1/notes/2026-03-09-cd34.yaml": "id: 2026-03-09-cd34\n",
		"cases/A-1/activity/2026-W10.yaml":     "week: 2026-W10\n",
		"cases/B-2/intake.yaml":                "id: B-2\n",
		"cases/B-2/.DS_Store":                  "\x00\x01",
		"cases/C-3/intake.yaml":                "id: C-3\n",
		"cases/C-3/notes/2026-03-02-ef56.yaml": "id: 2026-03-02-ef56\n",
		"cases/D-4/intake.yaml":                "id: D-4\nnote: \xff not UTF-8\n",
		"cases/D-4/activity/2026-W11.yaml":     "week: [\n",
		"cases/caseplan.yaml":                  "version: 1\n",
	}
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "cases", "C-3", "activity"), 0o755); err != nil {
		t.Fatal(err) // an empty directory is part of the key too
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	repo, err := gitstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	keys, again, err := repo.DirKeys("cases", nil, load.MaxFileSize, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The keys are git's tree hashes (C-3 aside: git keeps no empty
	// directory).
	tree := exec.Command("git", "write-tree")
	tree.Dir = dir
	out, err := tree.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"A-1", "B-2", "D-4"} {
		cmd := exec.Command("git", "rev-parse", strings.TrimSpace(string(out))+":cases/"+id)
		cmd.Dir = dir
		h, err := cmd.Output()
		if err != nil || strings.TrimSpace(string(h)) != keys[id].String() {
			t.Errorf("%s: DirKeys %s, git %s (%v)", id, keys[id], h, err)
		}
	}
	some, _, err := repo.DirKeys("cases", []string{"A-1", "C-3", "Z-9"}, load.MaxFileSize, nil)
	if err != nil || len(some) != 2 || some["A-1"] != keys["A-1"] || some["C-3"] != keys["C-3"] {
		t.Fatalf("DirKeys of A-1, C-3 and Z-9 (no such case): %v, %v; want A-1 and C-3 of %v", some, err, keys)
	}
	work, err := store.NewWorkTree(dir)
	if err != nil {
		t.Fatal(err)
	}

	// The recorder's key of each case, beside DirKeys'.
	for _, id := range []string{"A-1", "B-2", "C-3", "D-4"} {
		rec := &recorder{Source: work, dir: "cases/" + id}
		if _, _, _, err := store.LoadCase(rec, id); err != nil {
			t.Fatal(err)
		}
		h, ok := rec.key()
		switch id {
		case "B-2":
			if ok {
				t.Errorf("%s: keyed by what was read, though the loader never reads its .DS_Store", id)
			}
		default:
			if !ok || h != keys[id] {
				t.Errorf("%s: key of what was read %v (%v), DirKeys' %v", id, h, ok, keys[id])
			}
		}
	}

	cachePath := filepath.Join(t.TempDir(), "cache")
	var computed atomic.Int32
	scan := func(withKeys bool) {
		t.Helper()
		c := resultcache.Open(cachePath, "test")
		opt := Options{Source: work, Cache: c, KeyRead: true}
		if withKeys {
			opt.Keys, opt.Recheck = keys, again
		}
		computed.Store(0)
		if _, _, err := Scan(opt, func(c *casefile.Case, loaded []finding.Finding) (int, error) {
			computed.Add(1)
			return len(loaded), nil
		}); err != nil {
			t.Fatal(err)
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
	}
	scan(false) // cold: nothing in the cache, no walk of the work tree
	if n := computed.Load(); n != 4 {
		t.Fatalf("a cold scan computed %d cases, want 4", n)
	}
	scan(true) // B-2 was not keyed by what was read: read again, kept by Recheck
	if n := computed.Load(); n != 1 {
		t.Fatalf("the second scan computed %d cases, want 1 (B-2)", n)
	}
	scan(true)
	if n := computed.Load(); n != 0 {
		t.Fatalf("the third scan computed %d cases, want 0", n)
	}

	// Cached finds what the scans kept without reading a case: a case
	// not in the cache (Z-9) or not keyed is left out.
	c := resultcache.Open(cachePath, "test")
	got := Cached[int](Options{Source: work, Cache: c, Keys: keys}, []string{"A-1", "D-4", "Z-9"})
	if _, ok := got["A-1"]; !ok || len(got) != 2 || got["D-4"] == 0 {
		t.Fatalf("Cached: %v, want A-1 and D-4 (which has loader findings)", got)
	}
	if got := Cached[int](Options{Source: work, Cache: c}, []string{"A-1"}); len(got) != 0 {
		t.Fatalf("Cached without keys: %v, want none", got)
	}
}
