package load_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/storegen"
)

var recordKinds = []string{layout.KindConfig, layout.KindIntake, layout.KindIEP, layout.KindReferences, layout.KindNote,
	layout.KindActivity, layout.KindServices, layout.KindOutcome, layout.KindCohort, layout.KindImportRules}

// checkDecode fails t when the fast decoder fills a record of some kind
// from root other than go-yaml's decode does; it returns how many kinds
// it decoded.
func checkDecode(t *testing.T, name string, root *yaml.Node) int {
	t.Helper()
	n := 0
	for _, kind := range recordKinds {
		fast, slow := record.New(kind), record.New(kind)
		if !load.FastDecode(root, fast) {
			continue
		}
		n++
		if err := root.Decode(slow); err != nil {
			t.Errorf("%s as %s: the fast decoder fills what go-yaml refuses (%v)", name, kind, err)
			continue
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s as %s: the fast decoder and go-yaml differ:\n%#v\n%#v", name, kind, fast, slow)
		}
	}
	return n
}

// TestFastDecode: every record of the demo store and of a generated store,
// and a set of odd ones, decoded into every kind of record, the fast
// decoder either leaves it to go-yaml or fills what go-yaml fills; and it
// decodes every record caseplan writes into its own kind (otherwise it
// is no faster).
func TestFastDecode(t *testing.T) {
	dir := t.TempDir()
	if _, err := storegen.Generate(dir, storegen.Options{Cases: 60, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"../../cases", filepath.Join(dir, "cases")} {
		files, own := 0, 0
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			kind, _ := layout.KindOf(filepath.ToSlash(filepath.Join("cases", rel)))
			if filepath.Base(p) == "caseplan.yaml" {
				kind = layout.KindConfig
			}
			doc, fs := load.Parse(p, data)
			if len(fs) > 0 || record.New(kind) == nil {
				return nil
			}
			files++
			checkDecode(t, p, doc.Root)
			var got any = record.New(kind)
			if load.FastDecode(doc.Root, got) {
				own++
			} else {
				t.Errorf("%s: left to go-yaml", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if files < 100 {
			t.Fatalf("%s: %d records read, want 100 or more", root, files)
		}
		t.Logf("%s: %d of %d records decoded by the fast decoder", root, own, files)
	}
	for _, src := range []string{
		"id: x\nid: y\n", // a key twice: go-yaml refuses
		"id: 12\ndate: 2026-03-02\nauthor: true\nkind: 1.5\nmode: ~\n",
		"services: [a, ~, b]\n",
		"services: ~\n",
		"two_way: yes\n", "two_way: 'true'\n", "two_way: True\n", "two_way: 1\n",
		"grant_funding_ended: yes\n", "grant_funding_ended: TRUE\n", "grant_funding_ended: 'true'\n", "grant_funding_ended: ~\n", "grant_funding_ended: 1\n",
		"number_affected: 010\n", "number_affected: 0o17\n", "number_affected: 2.5\n", "number_affected: -3\n", "number_affected: ~\n",
		"number_affected: '7'\n", "number_affected: 2026-03-02\n", "skip: 99999999999999999999\n", "skip: +4\n", "skip: 4\n",
		"goals: [{id: G1, objectives: ~}]\n",
		"hours: 2.5\n", "hours: 7\n", "hours: -0\n", "hours: 007\n", "hours: 0x1F\n", "hours: 1_000\n", "hours: 99999999999999999999\n",
		"id: !!str 5\n", "id: !!binary aGk=\n", "? [a]\n: b\n", "1: x\nid: y\n",
		"managers: {a: x, b: ~, c: 3}\n", "managers: [a]\n", "weeks: {a: 1}\n",
		"<<: {id: x}\n", "id: &a x\nplan: *a\n", "&m {id: x}\n", "~\n", "[]\n", "x\n",
	} {
		var root yaml.Node
		if yaml.Unmarshal([]byte(src), &root) != nil || len(root.Content) == 0 {
			continue
		}
		checkDecode(t, strings.TrimSpace(src), root.Content[0])
	}
}
