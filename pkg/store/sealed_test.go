package store

import (
	"os"
	"path/filepath"
	"testing"
)

// TestAnySealed: whether some case keeps sealed fields, as the work tree
// says it by a look at each case's sealed.age and as a commit's tree says
// it by listings, the two agreeing on every kind of entry a sealed.age can
// be.
func TestAnySealed(t *testing.T) {
	base := map[string]string{
		"cases/caseplan.yaml":                "organization: Test Board\n",
		"cases/2026-AAAA1/intake.yaml":       "id: 2026-AAAA1\n",
		"cases/2026-BBBB2/intake.yaml":       "id: 2026-BBBB2\n",
		"cases/cohorts/rr-2026-01.yaml":      "id: rr-2026-01\n",
		"cases/2026-BBBB2/notes/x.yaml":      "date: 2026-01-02\n",
		"cases/2026-AAAA1/sealed.recipients": "age1example\n",
	}
	tests := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T, root string)
		want  bool
		// workOnly: a commit keeps a link as a link, no directory.
		workOnly bool
	}{
		{name: "no case sealed", want: false},
		{name: "the last case sealed", files: map[string]string{"cases/2026-BBBB2/sealed.age": "age-encryption.org/v1\n"}, want: true},
		{name: "the first case sealed", files: map[string]string{"cases/2026-AAAA1/sealed.age": "age-encryption.org/v1\n"}, want: true},
		{name: "a sealed.age that is a directory", files: map[string]string{"cases/2026-BBBB2/sealed.age/x": "y\n"}, want: false},
		{name: "a sealed.age under the cohorts", files: map[string]string{"cases/cohorts/sealed.age": "age-encryption.org/v1\n"}, want: false},
		{name: "a sealed.age that links to a file", files: map[string]string{"cases/2026-BBBB2/other": "age-encryption.org/v1\n"},
			setup: func(t *testing.T, root string) { symlink(t, root, "other", "cases/2026-BBBB2/sealed.age") }, want: true},
		{name: "a sealed.age that links to a directory", files: map[string]string{"cases/2026-BBBB2/d/x": "y\n"},
			setup: func(t *testing.T, root string) { symlink(t, root, "d", "cases/2026-BBBB2/sealed.age") }, want: false, workOnly: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeFiles(t, root, base)
			writeFiles(t, root, tt.files)
			if tt.setup != nil {
				tt.setup(t, root)
			}
			work := openWorkTree(t, root)
			if got, err := AnySealed(work); err != nil || got != tt.want {
				t.Errorf("work tree: AnySealed = %v, %v; want %v", got, err, tt.want)
			}
			if tt.workOnly {
				return
			}
			if got, err := AnySealed(commitAll(t, root)); err != nil || got != tt.want {
				t.Errorf("commit: AnySealed = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

// TestAnySealedCaseDirLinked: a case directory that is a link is looked
// into as its listing would be, not by the lstat that a plain one gets.
func TestAnySealedCaseDirLinked(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cases/caseplan.yaml":          "organization: Test Board\n",
		"elsewhere/sealed.age":         "age-encryption.org/v1\n",
		"elsewhere/intake.yaml":        "id: 2026-AAAA1\n",
		"cases/2026-BBBB2/intake.yaml": "id: 2026-BBBB2\n",
	})
	symlink(t, root, "../elsewhere", "cases/2026-AAAA1")
	if got, err := AnySealed(openWorkTree(t, root)); err != nil || !got {
		t.Errorf("AnySealed = %v, %v; want true (the linked case is sealed)", got, err)
	}
	if err := os.Remove(filepath.Join(root, "elsewhere", "sealed.age")); err != nil {
		t.Fatal(err)
	}
	if got, err := AnySealed(openWorkTree(t, root)); err != nil || got {
		t.Errorf("AnySealed = %v, %v; want false", got, err)
	}
}
