package gitstore

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A file the store's .gitattributes make text is committed as git would
// store it, with LF line ends; one they do not is left as it is.
func TestTextFilesNormalize(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, ".gitattributes"), []byte("*.yaml text eol=lf\n*.bin -text\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "cases/A"), 0o755)
	os.WriteFile(filepath.Join(root, "cases/A/.gitattributes"), []byte("raw.yaml -text\n"), 0o644)
	tf := NewTextFiles(root)
	for p, want := range map[string]string{
		"cases/A/iep.yaml": "a: 1\nb: 2\n",
		"cases/A/raw.yaml": "a: 1\r\nb: 2\r\n",
		"cases/A/x.bin":    "a: 1\r\nb: 2\r\n",
		"cases/A/x.txt":    "a: 1\r\nb: 2\r\n",
	} {
		got, changed := tf.Normalize(p, []byte("a: 1\r\nb: 2\r\n"))
		if string(got) != want || changed != (want == "a: 1\nb: 2\n") {
			t.Errorf("Normalize(%s) = %q, %v; want %q", p, got, changed, want)
		}
	}
}

// A work tree checked out with CRLF (git with core.autocrlf=true, in a
// store without .gitattributes) holds no edits: caseplan compares the
// files as git stores them, with LF, as git status does. A commit given a
// record with CRLF stores it with LF, as git with core.autocrlf would.
func TestCRLFWorkTreeIsNoEdit(t *testing.T) {
	r := newTestRepo(t)
	root := r.Root()
	commitT(t, r, "first", put("cases/A/intake.yaml", "id: A\nname: x\n"), put("cases/A/sealed.age", "age\r\n"))
	writeFile(t, root, "cases/A/intake.yaml", "id: A\r\nname: x\r\n")
	// Later than the index: its stat data no longer says the file is clean.
	later := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(root, "cases/A/intake.yaml"), later, later)
	if paths, _ := editsT(t, r, nil); len(paths) != 0 {
		t.Errorf("EditsUnder = %v, want none", paths)
	}
	if dirty, err := r.Uncommitted([]string{"cases/A/intake.yaml"}); err != nil || len(dirty) != 0 {
		t.Errorf("Uncommitted = %v, %v; want none", dirty, err)
	}
	if _, err := r.Commit(CommitRequest{Message: "line ends", Author: testAuthor, Changes: []Change{put("cases/A/intake.yaml", "id: A\r\nname: x\r\n")}}); err != ErrNothingToCommit {
		t.Errorf("committing only CRLF: %v, want ErrNothingToCommit", err)
	}
	commitT(t, r, "name", put("cases/A/intake.yaml", "id: A\r\nname: y\r\n"))
	if got := gitT(t, root, "show", "HEAD:cases/A/intake.yaml"); got != "id: A\nname: y\n" {
		t.Errorf("committed %q, want LF line ends", got)
	}
	// A file that is not a record keeps its bytes, as git's does without
	// an attribute.
	writeFile(t, root, "cases/A/sealed.age", "age\n")
	if paths, _ := editsT(t, r, nil); len(paths) != 1 {
		t.Errorf("EditsUnder = %v, want the sealed file", paths)
	}
}
