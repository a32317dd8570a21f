package load_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/storegen"
)

// goYAMLRoot is the record mapping go-yaml reads from data, as Parse
// reads it when the fast parser declines; nil when go-yaml refuses data or
// finds more than one document.
func goYAMLRoot(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if dec.Decode(&doc) != nil || len(doc.Content) != 1 {
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil
	}
	return doc.Content[0]
}

// sameNode returns where a and b differ, or "" when they are the same
// tree: every field go-yaml sets, comments and positions included.
func sameNode(a, b *yaml.Node, at string) string {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Line != b.Line || a.Column != b.Column ||
		a.HeadComment != b.HeadComment || a.LineComment != b.LineComment || a.FootComment != b.FootComment ||
		len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s: fast %s, go-yaml %s", at, describe(a), describe(b))
	}
	for i := range a.Content {
		if d := sameNode(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

func describe(n *yaml.Node) string {
	return fmt.Sprintf("{kind %d style %d tag %s value %q anchor %q at %d:%d head %q line %q foot %q, %d children}",
		n.Kind, n.Style, n.Tag, n.Value, n.Anchor, n.Line, n.Column, n.HeadComment, n.LineComment, n.FootComment, len(n.Content))
}

// checkFast fails t when the fast parser accepts data and reads it other
// than go-yaml does. It reports whether the fast parser accepted it.
func checkFast(t *testing.T, name string, data []byte) bool {
	t.Helper()
	fast, ok := load.FastParse(data)
	if !ok {
		return false
	}
	slow := goYAMLRoot(data)
	if slow == nil {
		t.Errorf("%s: the fast parser accepts what go-yaml refuses:\n%s", name, data)
		return true
	}
	if d := sameNode(fast, slow, ""); d != "" {
		t.Errorf("%s: %s\n%s", name, d, data)
	}
	return true
}

// TestFastMatchesGoYAML: on every record file of the demo store and of a
// generated store, the fast parser either declines or builds exactly the
// nodes go-yaml builds; and it accepts nearly every file caseplan writes
// (otherwise it is no faster).
func TestFastMatchesGoYAML(t *testing.T) {
	dir := t.TempDir()
	if _, err := storegen.Generate(dir, storegen.Options{Cases: 60, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"../../cases", dir} {
		files, accepted := 0, 0
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files++
			if checkFast(t, p, data) {
				accepted++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: the fast parser read %d of %d record files", root, accepted, files)
		if files == 0 || accepted*100 < files*95 {
			t.Errorf("%s: the fast parser read only %d of %d record files", root, accepted, files)
		}
	}
}

// TestFastCases: inputs at the edges of what the fast parser reads. Each
// is either declined or read as go-yaml reads it; the ones marked read
// must be read (they are common in records).
func TestFastCases(t *testing.T) {
	for _, tt := range []struct {
		src  string
		read bool
	}{
		{"id: a\n", true},
		{"# yaml-language-server: $schema=../../schemas/intake.schema.json\nid: a\n", true},
		{"# modeline\n\nid: a\n", false},
		{"id: a\nlist:\n  - a\n  - b\n", true},
		{"id: a\nlist:\n- a\n- b\nnext: c\n", true},
		{"goals:\n  - id: G1\n    milestones:\n      - id: M1\n        due: 2026-04-01\n", true},
		{"goals:\n- id: G1\n  milestones:\n  - id: M1\n", true},
		{"text: |-\n  one\n\n  two\nnext: x\n", true},
		{"text: |\n  one\n\n\nnext: x\n", true},
		{"list:\n  - |-\n    one\n    two\n  - x\n", true},
		{"quoted: 'it''s: here # not a comment'\n", true},
		{"quoted: \"plain: double\"\n", true},
		{"phone: 555-0192\nhours: 12:30\nn: 1_000\nh: 0x1F\nf: -1.5\ng: .5\nz: ~\nb: True\ny: yes\nd: 2026-02-30\nt: 2026-02-03T10:00:00Z\n", true},
		{"a: b: c\n", false},
		{"a: b\n  c\n", false},
		{"a: 'b\n  c'\n", false},
		{"w: 2026-W02\nn: 2025-11-26-admd\nid: 2025-0AGBG\nb: 0b101\no: -0o17\ne: 1e3\np: +1\nq: 0777\nr: 1:30:00\ns: 2026-1-2\nt: 2026-01-02 10:00:00\nu: 99999999999999999999\nv: 18446744073709551615\nx: .inf\ny: -.INF\nz: .5.5\nlt: <x\n", true},
		{"a: b # comment\n", false},
		{"a: [1, 2]\n", false},
		{"a: &x b\n", false},
		{"a: !!str b\n", false},
		{"a:\tb\n", false},
		{"a: b\r\n", false},
		{"a: b", false},
		{"a:\n", false},
		{"a: |+\n  x\n", false},
		{"a: >\n  x\n", false},
		{"a: |\n\n  x\n", false},
		{"a: |\n  x\n   \n  y\n", false},
		{"a: |\n   x\n  y\n", false},
		{"- a\n", false},
		{"a: b\n---\nc: d\n", false},
		{"a: b\n  # indented comment\n", false},
		{"a:\n  - b\n - c\n", false},
		{"a:\n  b: c\n   d: e\n", false},
		{"a: \"x\\ty\"\n", false},
		{"a: b\u2028c\n", false},
		{"a: -\n", false},
		{"a: - b\n", false},
		{"a: b:\n", false},
		{"a: -b\n", true},
		{"a: #b\n", false},
		{"a: x#y\n", true},
		{"a: 'x' y\n", false},
		{"null: x\n", true},
		{"a: b\na: c\n", true},
		{strings.Repeat("k", 1024) + ": v\n", true},
		{strings.Repeat("k", 1025) + ": v\n", false},
		{"a:\n- " + strings.Repeat("k", 1025) + ": v\n", false},
	} {
		got := checkFast(t, fmt.Sprintf("%q", tt.src), []byte(tt.src))
		if tt.read && !got {
			t.Errorf("%q: the fast parser declined it", tt.src)
		}
		if !tt.read && got && goYAMLRoot([]byte(tt.src)) == nil {
			t.Errorf("%q: read by the fast parser, refused by go-yaml", tt.src)
		}
	}
}

// FuzzFastParse: whatever the bytes, what the fast parser reads, go-yaml
// reads the same way.
func FuzzFastParse(f *testing.F) {
	paths, _ := filepath.Glob("../../cases/*/*.yaml")
	more, _ := filepath.Glob("../../cases/*/*/*.yaml")
	for _, p := range append(paths, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("a:\n- b: |-\n    x\n\n    y\n  c: 'd''e'\n- f\n"))
	f.Add([]byte("A: 0b+000\n")) // go-yaml reads a sign after 0b as part of the binary number
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, "input", data)
		if root := goYAMLRoot(data); root != nil {
			checkDecode(t, "input", root)
		}
	})
}

// BenchmarkParse parses every record file of a generated 60-case store
// (1,500 files): with the fast parser, and with go-yaml alone (the
// fast parser declining everything), to show what the fast path saves.
func BenchmarkParse(b *testing.B) {
	dir := b.TempDir()
	if _, err := storegen.Generate(dir, storegen.Options{Cases: 60, Seed: 7}); err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	var size int64
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			data, _ := os.ReadFile(p)
			files = append(files, data)
			size += int64(len(data))
		}
		return nil
	})
	for _, mode := range []string{"fast", "go-yaml"} {
		b.Run(mode, func(b *testing.B) {
			defer load.SetFastParse(mode == "fast")()
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, data := range files {
					if _, fs := load.Parse("cases/X/notes/x.yaml", data); len(fs) > 0 {
						b.Fatal(fs)
					}
				}
			}
			b.ReportMetric(float64(len(files))*float64(b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}
