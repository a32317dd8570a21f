package store

import (
	"errors"
	"io/fs"
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
