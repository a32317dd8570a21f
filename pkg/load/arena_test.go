package load_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/storegen"
)

// TestArenaReuse parses the files of a generated store case by case into
// one arena, as a whole-store scan does, with a file the fast parser
// declines among them: every tree of a case is still go-yaml's tree when
// the case's last file is parsed (no file's nodes overwrote another's),
// the arena's memory is the same few chunks from case to case, and a tree
// kept past Free is visibly poisoned (what tests rely on to catch a
// document used after its case was done).
func TestArenaReuse(t *testing.T) {
	defer func(was bool) { load.PoisonFreed = was }(load.PoisonFreed)
	load.PoisonFreed = true
	dir := t.TempDir()
	if _, err := storegen.Generate(dir, storegen.Options{Cases: 20, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	caseDirs, err := filepath.Glob(filepath.Join(dir, "cases", "*"))
	if err != nil || len(caseDirs) < 20 {
		t.Fatalf("cases: %v, %v", caseDirs, err)
	}
	var a load.Arena
	var kept *yaml.Node
	for n, cd := range caseDirs {
		var files []string
		filepath.WalkDir(cd, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(p) == ".yaml" {
				files = append(files, p)
			}
			return err
		})
		sort.Strings(files)
		if len(files) < 10 {
			continue // the store's own files (cohorts/): not a case
		}
		type parsed struct {
			name string
			data []byte
			doc  *load.Document
		}
		var docs []parsed
		for i, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if i == 3 {
				// A comment the fast parser declines halfway through:
				// go-yaml reads the file, and the nodes the fast
				// parser took before declining are given back.
				data = append(data, []byte("# a comment at the end\n")...)
			}
			doc, fs := load.ParseIn(&a, p, data)
			if len(fs) > 0 {
				t.Fatalf("%s: %v", p, fs)
			}
			docs = append(docs, parsed{p, data, doc})
		}
		for _, d := range docs {
			if diff := sameNode(d.doc.Root, goYAMLRoot(d.data), ""); diff != "" {
				t.Fatalf("case %d, %s, after the case's last file: %s", n, d.name, diff)
			}
		}
		if kept == nil {
			kept = docs[0].doc.Root
		}
		a.Free()
		if kept.Line != -1 {
			t.Fatalf("a tree kept past Free is not poisoned: %s", describe(kept))
		}
	}
	if kept == nil {
		t.Fatal("no case read")
	}
}

// TestArenaChunksBounded: an arena reused for case after case keeps the
// chunks of the largest case, not the sum of all.
func TestArenaChunksBounded(t *testing.T) {
	data := []byte("id: X-1\nitems:\n  - a: 1\n    b: two\n  - a: 2\n    b: three\nnotes: |\n  some text\n")
	var a load.Arena
	for range 3 {
		for range 100 {
			if _, ok := load.FastParseIn(&a, data); !ok {
				t.Fatal("the fast parser declined a plain record")
			}
		}
		a.Free()
	}
	nodes, ptrs := load.ArenaChunks(&a)
	if nodes > 2 || ptrs > 2 {
		t.Errorf("after three rounds of 100 files: %d chunks of nodes, %d of pointers; want what one round needs", nodes, ptrs)
	}
}
