//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadListedSwapped: a file its directory's listing found regular is
// read without a look at it first; one swapped since for a link out of
// the store, a named pipe or a file too large is still refused as ReadFile
// refuses it, never followed, waited on or read whole.
func TestReadListedSwapped(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	writeFiles(t, root, map[string]string{"cases/W-01/notes/a.yaml": "id: a\n", "cases/W-01/notes/b.yaml": "id: b\n", "cases/W-01/notes/c.yaml": "id: c\n"})
	if err := os.WriteFile(outside, []byte("ssn: 123-45-6789\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w := openWorkTree(t, root)
	entries, err := w.List("cases/W-01/notes")
	if err != nil || len(entries) != 3 || !entries[0].Regular {
		t.Fatalf("List: %+v, %v", entries, err)
	}
	if data, err := w.ReadListedInto("cases/W-01/notes/a.yaml", nil); err != nil || string(data) != "id: a\n" {
		t.Fatalf("a listed file: %q, %v", data, err)
	}
	dir := filepath.Join(root, "cases", "W-01", "notes")
	if err := os.Remove(filepath.Join(dir, "a.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "a.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := w.ReadListedInto("cases/W-01/notes/a.yaml", nil); !errors.Is(err, ErrOutsideStore) {
		t.Errorf("a listed file now a link out of the store: %v, want ErrOutsideStore", err)
	}
	if err := os.Remove(filepath.Join(dir, "b.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "b.yaml"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if _, err := w.ReadListedInto("cases/W-01/notes/b.yaml", nil); !errors.Is(err, ErrNotRegular) {
		t.Errorf("a listed file now a named pipe: %v, want ErrNotRegular", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.yaml"), make([]byte, MaxRead+1), 0o644); err != nil {
		t.Fatal(err)
	}
	var tl *TooLargeError
	if _, err := w.ReadListedInto("cases/W-01/notes/c.yaml", nil); !errors.As(err, &tl) || tl.Name != "cases/W-01/notes/c.yaml" || tl.Size != MaxRead+1 {
		t.Errorf("a listed file now too large: %v, want a TooLargeError naming it", err)
	}
}
