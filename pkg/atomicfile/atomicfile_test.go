package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// entries lists dir's names, to catch a temporary file left behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileCreates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := WriteFile(path, []byte("new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new\n" {
		t.Fatalf("content %q, %v; want %q", got, err, "new\n")
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o644 {
			t.Errorf("mode %v, want 0644 (not the temporary file's 0600)", fi.Mode().Perm())
		}
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("directory holds %q, want only report.html", names)
	}
}

func TestWriteFileReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "intake.yaml")
	if err := os.WriteFile(path, []byte("old content, longer than the new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "windows" {
		// Windows refuses to rename over a file that is open.
		if err := WriteFile(path, []byte("new\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	} else {
		// A reader that opened the file before the write goes on reading
		// the old content whole: the new content is a different file.
		r, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if err := WriteFile(path, []byte("new\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		old, err := io.ReadAll(r)
		if err != nil || string(old) != "old content, longer than the new\n" {
			t.Errorf("a reader open during the write read %q, %v; want the old content", old, err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want the 0600 asked for", fi.Mode().Perm())
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new\n" {
		t.Errorf("content %q, %v; want %q", got, err, "new\n")
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("directory holds %q, want only intake.yaml", names)
	}
}

func TestWriteFileFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-dir")
	err := WriteFile(filepath.Join(missing, "due.ics"), []byte("x"), 0o644)
	if err == nil {
		t.Error("writing into a missing directory succeeded")
	} else if want := "create a file in " + missing + ": "; !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), ".tmp") || !errors.Is(err, fs.ErrNotExist) {
		// The error names the directory, not the temporary file.
		t.Errorf("writing into a missing directory: %v, want %q...", err, want)
	}
	// Renaming a file over a directory fails after the temporary file is
	// written: it must be removed and the directory left alone.
	taken := filepath.Join(dir, "taken")
	if err := os.Mkdir(taken, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(taken, "keep"), []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(taken, []byte("x"), 0o644); err == nil {
		t.Error("writing over a directory succeeded")
	}
	if names := entries(t, dir); len(names) != 1 || names[0] != "taken" {
		t.Errorf("a failed write left %q, want only the directory", names)
	}
	if fi, err := os.Stat(taken); err != nil || !fi.IsDir() {
		t.Errorf("the directory written over is gone: %v", err)
	}
	if _, err := os.Stat(filepath.Join(taken, "keep")); err != nil {
		t.Errorf("the directory's content is gone: %v", err)
	}
}
