package merge

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/yamledit"
)

// TestDemoStore merges every record file of the demo store (every kind
// but notes) split two ways: ours keeps the even items of each top-level
// list, theirs the odd ones. Created on both sides (no base), the merge
// holds every item; with the whole file as base, both removals apply.
func TestDemoStore(t *testing.T) {
	root := filepath.Join("..", "..")
	n := 0
	err := filepath.WalkDir(filepath.Join(root, layout.CasesDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		kind, ok := layout.KindOf(rel)
		if !ok || kind == layout.KindNote {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		t.Run(rel, func(t *testing.T) {
			even, odd := keepItems(t, data, 0), keepItems(t, data, 1)
			got, err := Record(rel, nil, even, odd)
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, rel, got.Data, even, odd)
			if len(got.Conflicts) > 0 {
				t.Errorf("conflicts: %v", got.Conflicts)
			}
			want, have := listItems(t, data), listItems(t, got.Data)
			for key, items := range want {
				slices.Sort(items)
				slices.Sort(have[key])
				if !slices.Equal(items, have[key]) {
					t.Errorf("%s: merged %d items, want the %d of the file", key, len(have[key]), len(items))
				}
			}

			got, err = Record(rel, data, even, odd)
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, rel, got.Data, data, even, odd)
			for key, items := range listItems(t, got.Data) {
				if len(items) > 0 && len(want[key]) > 1 {
					t.Errorf("%s: %d items left; each was removed on one side", key, len(items))
				}
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("only %d record files in the demo store", n)
	}
}

// keepItems removes from each top-level list of the record file data the
// items whose index has the other parity: when the list has one item, each
// side keeps it.
func keepItems(t *testing.T, data []byte, parity int) []byte {
	t.Helper()
	for key, items := range listItems(t, data) {
		if len(items) < 2 {
			continue
		}
		for i := len(items) - 1; i >= 0; i-- {
			if i%2 != parity {
				var err error
				if data, err = yamledit.Delete(data, []string{key, strconv.Itoa(i)}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	return data
}

// listItems returns the canonical form of each item of each top-level list.
func listItems(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if v := root.Content[i+1]; v.Kind == yaml.SequenceNode {
			for _, it := range v.Content {
				out[root.Content[i].Value] = append(out[root.Content[i].Value], canon(it))
			}
		}
	}
	return out
}
