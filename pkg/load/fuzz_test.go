package load

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addDemoCorpus seeds a fuzz target with every record file of the demo
// store in this repository's cases/.
func addDemoCorpus(f *testing.F) {
	f.Helper()
	paths, _ := filepath.Glob("../../cases/*/*.yaml")
	more, _ := filepath.Glob("../../cases/*/*/*.yaml")
	paths = append(append(paths, more...), "../../cases/caseplan.yaml")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("a: &x [1]\nb: *x\n"))
	f.Add([]byte("id: [W-001\n  name: x\n"))
	f.Add([]byte("\tid: x\n"))
}

// yamlLines counts the lines of data as YAML does: a line ends at a line
// feed, a carriage return (alone or before a line feed), or a next-line,
// line-separator or paragraph-separator character.
func yamlLines(data []byte) int {
	s := string(data)
	breaks := strings.Count(s, "\n") + strings.Count(s, "\r") - strings.Count(s, "\r\n") +
		strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
	return breaks + 1
}

// FuzzParse: the loader never panics and never hangs, whatever the bytes;
// a document it accepts holds JSON-like values (what the schema check
// takes), and a finding it makes names a place in the file.
func FuzzParse(f *testing.F) {
	addDemoCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, fs := Parse("cases/X/intake.yaml", data)
		lines := yamlLines(data)
		for _, x := range fs {
			if x.Line < 0 || x.Line > lines+1 || x.Message == "" || x.Rule == "" {
				t.Fatalf("finding out of place: %+v (%d lines)", x, lines)
			}
		}
		if doc == nil {
			if len(fs) == 0 {
				t.Fatal("no document and no finding")
			}
			return
		}
		if _, err := json.Marshal(doc.Value()); err != nil {
			t.Fatalf("a document's value is not JSON-like: %v", err)
		}
	})
}
