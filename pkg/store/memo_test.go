package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// counting is a Source over a map that counts its reads.
type counting struct {
	files map[string]string
	reads map[string]int
}

func (c *counting) ReadFile(name string) ([]byte, error) {
	c.reads[name]++
	if s, ok := c.files[name]; ok {
		return []byte(s), nil
	}
	return nil, fs.ErrNotExist
}

func (c *counting) List(dir string) ([]Entry, error) {
	c.reads[dir+"/"]++
	var out []Entry
	for _, name := range []string{"intake.yaml", "iep.yaml"} {
		if _, ok := c.files[dir+"/"+name]; ok {
			out = append(out, Entry{Name: name, Size: int64(len(c.files[dir+"/"+name]))})
		}
	}
	return out, nil
}

func TestMemoReadsOnce(t *testing.T) {
	src := &counting{files: map[string]string{
		"cases/caseplan.yaml": "organization: X\nstaff: []\nprograms: {}\n",
		"cases/A/intake.yaml": "id: A\n",
		"cases/A/iep.yaml":    "created: 2026-03-02\n",
	}, reads: map[string]int{}}
	m := NewMemo(src)
	for range 3 {
		if _, _, err := Load(m, []string{"A"}); err != nil {
			t.Fatal(err)
		}
	}
	for name, n := range src.reads {
		if n != 1 {
			t.Errorf("%s read %d times, want once", name, n)
		}
	}
	files := 0
	for name := range src.reads {
		if name[len(name)-1] != '/' {
			files++
		}
	}
	if m.Reads() != files {
		t.Errorf("Reads() = %d, want %d", m.Reads(), files)
	}

	// A copy each time: changing what one caller got changes nothing else.
	a, _ := m.ReadFile("cases/A/intake.yaml")
	a[0] = 'X'
	if b, _ := m.ReadFile("cases/A/intake.yaml"); string(b) != "id: A\n" {
		t.Errorf("a caller's change leaked: %q", b)
	}
	if _, err := m.ReadFile("cases/B/intake.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}

	m.Remember("cases/A/notes.txt", []byte("kept"))
	if b, err := m.ReadFile("cases/A/notes.txt"); err != nil || string(b) != "kept" || src.reads["cases/A/notes.txt"] != 0 {
		t.Errorf("Remember: %q, %v, %d reads", b, err, src.reads["cases/A/notes.txt"])
	}
}

// TestMemoSameIn: a Memo over the work tree says it read what HEAD holds
// only while every file and listing it read is HEAD's.
func TestMemoSameIn(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cases/caseplan.yaml":           "organization: X\nstaff: []\nprograms: {}\n",
		"cases/A/intake.yaml":           "id: A\nmanager: ab\n",
		"cases/A/notes/2026-03-02.yaml": "id: N1\n",
	})
	head := commitAll(t, root)
	load := func() *Memo {
		t.Helper()
		m := NewMemo(openWorkTree(t, root))
		mustLoad(t, m, []string{"A"})
		return m
	}
	m := load()
	if !m.SameIn(head) {
		t.Fatal("a work tree as committed: SameIn = false")
	}
	// What was read is judged, not the disk now: an edit after the load
	// leaves what the load read HEAD's.
	writeFiles(t, root, map[string]string{"cases/A/intake.yaml": "id: A\nmanager: cd\n"})
	if !m.SameIn(head) {
		t.Error("edited after the load: SameIn = false, want true")
	}
	if load().SameIn(head) {
		t.Error("a hand edit not committed: SameIn = true")
	}
	gitCLI(t, root, "checkout", "--", ".")
	writeFiles(t, root, map[string]string{"cases/A/notes/2026-03-09.yaml": "id: N2\n"})
	if load().SameIn(head) {
		t.Error("a file not committed: SameIn = true")
	}
	if err := os.Remove(filepath.Join(root, "cases/A/notes/2026-03-09.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(root, "cases/A/notes/2026-03-02.yaml")); err != nil {
		t.Fatal(err)
	}
	if load().SameIn(head) {
		t.Error("a committed file removed: SameIn = true")
	}
	gitCLI(t, root, "checkout", "--", ".")
	if err := os.Chmod(filepath.Join(root, "cases/A/intake.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	head = commitAll(t, root)
	if load().SameIn(head) {
		t.Error("an executable record committed so: SameIn = true")
	}
}
