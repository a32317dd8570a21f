package gitstore

import (
	"os"
	"path/filepath"
	"testing"
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
