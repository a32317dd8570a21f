//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// WriteOutput into a named pipe writes through it to the reader, and
// leaves the pipe a pipe: a rename would have put a regular file in its
// place, as it did with /dev/null for report --out /dev/null run as root.
func TestWriteOutputIntoAPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := WriteOutput(fifo, []byte("the report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "the report\n" {
			t.Errorf("the pipe's reader got %q, want %q", s, "the report\n")
		}
	case <-time.After(10 * time.Second):
		t.Error("the pipe's reader got nothing: the write did not go into the pipe")
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("after the write, %s is %v (%v), not a named pipe", fifo, fi.Mode(), err)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("directory holds %v, want the pipe alone", names)
	}
}

// A symbolic link named as the output stays a link, and the file it
// leads to gets the content; a regular file is still replaced atomically.
func TestWriteOutputThroughALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "2026-11.html")
	link := filepath.Join(dir, "latest.html")
	if err := os.WriteFile(target, []byte("a longer old report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("2026-11.html", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteOutput(link, []byte("new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("latest.html is %v (%v) after the write, not the link", fi.Mode(), err)
	}
	if b, err := os.ReadFile(target); err != nil || string(b) != "new\n" {
		t.Errorf("the linked file holds %q (%v), want %q", b, err, "new\n")
	}
	plain := filepath.Join(dir, "plain.html")
	if err := os.WriteFile(plain, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(plain)
	if err := WriteOutput(plain, []byte("new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(plain)
	if os.SameFile(before, after) {
		t.Error("a regular file was written in place, not replaced by a rename")
	}
}
