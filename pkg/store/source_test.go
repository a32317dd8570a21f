package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	base := t.TempDir()
	// Resolve the temp dir's own links (macOS's /var -> /private/var)
	// so the roots Find returns compare as strings.
	base, err := filepath.EvalSymlinks(base)
	if err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(base, "store")
	writeFiles(t, base, map[string]string{
		"store/cases/caseplan.yaml":                  configYAML,
		"store/cases/2026-AAAA1/notes/.keep":         "",
		"store/docs/guide.md":                        "",
		"nested/cases/caseplan.yaml":                 configYAML,
		"nested/inner/cases/caseplan.yaml":           configYAML,
		"nested/inner/cases/2026-BBBB2/intake.yaml":  "",
		"nostore/cases/2026-CCCC3/intake.yaml":       "",
		"dirconfig/cases/caseplan.yaml/not-a-file":   "",
		"dirconfig/cases/2026-DDDD4/intake.yaml":     "",
		"caseslike/sub/cases/readme.md":              "",
		"caseslike/sub/cases/2026-EEEE5/intake.yaml": "",
		"store/other/.git/HEAD":                      "ref: refs/heads/main\n",
		"store/other/src/main.go":                    "",
		"store/submodule/.git":                       "gitdir: ../.git/modules/submodule\n",
	})

	tests := []struct {
		name string
		dir  string
		want string // "" means a *NotFoundError
	}{
		{"the repository root", "store", store},
		{"the cases directory names its parent", "store/cases", store},
		{"a case directory", "store/cases/2026-AAAA1", store},
		{"deep inside a case", "store/cases/2026-AAAA1/notes", store},
		{"a directory beside cases", "store/docs", store},
		{"the nearest store wins", "nested/inner/cases/2026-BBBB2", filepath.Join(base, "nested/inner")},
		{"an outer store is found from a sibling", "nested", filepath.Join(base, "nested")},
		{"no settings file anywhere", "nostore/cases/2026-CCCC3", ""},
		{"caseplan.yaml that is a directory is no store", "dirconfig/cases/2026-DDDD4", ""},
		{"a cases directory without settings", "caseslike/sub/cases", ""},
		// A repository of its own inside (or below) a store is not the
		// store: the search stops at its root, as git's does.
		{"another repository inside a store", "store/other/src", ""},
		{"a submodule's .git file stops it too", "store/submodule", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Find(filepath.Join(base, filepath.FromSlash(tt.dir)))
			if tt.want == "" {
				var nf *NotFoundError
				if !errors.As(err, &nf) {
					t.Fatalf("Find = %q, %v; want a *NotFoundError", got, err)
				}
				if want := filepath.Join(base, filepath.FromSlash(tt.dir)); nf.Dir != want {
					t.Errorf("NotFoundError.Dir = %q, want %q", nf.Dir, want)
				}
				if strings.HasPrefix(tt.dir, "store/") && !strings.Contains(err.Error(), "git repository") {
					t.Errorf("error %q does not say where the search stopped", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Find: %v", err)
			}
			if got != tt.want {
				t.Errorf("Find = %q, want %q", got, tt.want)
			}
		})
	}

	t.Run("a relative directory is made absolute", func(t *testing.T) {
		t.Chdir(filepath.Join(store, "cases", "2026-AAAA1"))
		got, err := Find("notes")
		if err != nil || got != store {
			t.Errorf("Find(notes) = %q, %v; want %q", got, err, store)
		}
	})
}

func TestWorkTreeReadAndList(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "store")
	writeFiles(t, base, map[string]string{
		"store/cases/caseplan.yaml":             configYAML,
		"store/cases/2026-AAAA1/intake.yaml":    intakeYAML("2026-AAAA1"),
		"store/cases/2026-AAAA1/iep.yaml":       "created: 2026-03-02\n",
		"store/cases/2026-AAAA1/notes/b.yaml":   "b",
		"store/cases/2026-AAAA1/notes/a.yaml":   "aaa",
		"store/cases/2026-AAAA1/activity/.keep": "",
		"secret.txt":                            "outside the store",
		"outside/intake.yaml":                   "outside the store",
	})
	// Links inside the store are followed; links leaving it are refused.
	symlink(t, root, "../2026-AAAA1/intake.yaml", "cases/2026-LINK1/intake.yaml")
	symlink(t, root, "2026-AAAA1", "cases/2026-LINK2")
	symlink(t, root, "../../../secret.txt", "cases/2026-AAAA1/references.yaml")
	symlink(t, root, "../../../outside", "cases/2026-AAAA1/outcome")
	symlink(t, root, "../../../../outside/intake.yaml", "cases/2026-AAAA1/notes/c.yaml")
	symlink(t, root, "nowhere.yaml", "cases/2026-AAAA1/services.yaml")
	symlink(t, root, filepath.Join(base, "outside"), "cases/2026-ABS01")
	// The links leaving the store must reach real files, or the cases below
	// would test the broken-link refusal instead.
	for _, l := range []string{"cases/2026-AAAA1/references.yaml", "cases/2026-AAAA1/outcome/intake.yaml", "cases/2026-AAAA1/notes/c.yaml", "cases/2026-ABS01/intake.yaml"} {
		if _, err := os.Stat(filepath.Join(root, l)); err != nil {
			t.Fatalf("fixture: %v", err)
		}
	}
	w := openWorkTree(t, root)

	reads := []struct {
		name    string
		path    string
		want    string
		wantErr error
	}{
		{"a plain file", "cases/2026-AAAA1/notes/a.yaml", "aaa", nil},
		{"a link to a file in the store", "cases/2026-LINK1/intake.yaml", intakeYAML("2026-AAAA1"), nil},
		{"through a linked directory in the store", "cases/2026-LINK2/iep.yaml", "created: 2026-03-02\n", nil},
		{"a missing file", "cases/2026-AAAA1/outcome.yaml", "", fs.ErrNotExist},
		{"a file in a missing directory", "cases/2026-NONE1/intake.yaml", "", fs.ErrNotExist},
		{"a link to a file outside", "cases/2026-AAAA1/references.yaml", "", ErrOutsideStore},
		{"through a linked directory outside", "cases/2026-AAAA1/outcome/intake.yaml", "", ErrOutsideStore},
		{"through an absolute link outside", "cases/2026-ABS01/intake.yaml", "", ErrOutsideStore},
		{"a link leaving from a subdirectory", "cases/2026-AAAA1/notes/c.yaml", "", ErrOutsideStore},
		{"a broken link", "cases/2026-AAAA1/services.yaml", "", ErrOutsideStore},
		{"a path climbing out with ..", "../secret.txt", "", ErrOutsideStore},
		{"a path climbing out and back", "cases/../../store/cases/2026-AAAA1/notes/b.yaml", "b", nil},
	}
	for _, tt := range reads {
		t.Run("ReadFile/"+tt.name, func(t *testing.T) {
			data, err := w.ReadFile(tt.path)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("ReadFile(%s) = %q, %v; want %v", tt.path, data, err, tt.wantErr)
				}
				return
			}
			if err != nil || string(data) != tt.want {
				t.Fatalf("ReadFile(%s) = %q, %v; want %q", tt.path, data, err, tt.want)
			}
		})
	}

	lists := []struct {
		name    string
		dir     string
		want    []Entry
		wantNil bool
		wantErr error
	}{
		{
			name: "sorted by name, links resolved, plain files not stat'ed",
			dir:  "cases/2026-AAAA1",
			want: []Entry{
				{Name: "activity", IsDir: true},
				{Name: "iep.yaml", Regular: true},
				{Name: "intake.yaml", Regular: true},
				{Name: "notes", IsDir: true},
				{Name: "outcome", Symlink: true},         // leaves the store: neither dir nor sized
				{Name: "references.yaml", Symlink: true}, // leaves the store
				{Name: "services.yaml", Symlink: true},   // broken
			},
		},
		{
			name: "links in the cases directory",
			dir:  "cases",
			want: []Entry{
				{Name: "2026-AAAA1", IsDir: true},
				{Name: "2026-ABS01", Symlink: true},
				{Name: "2026-LINK1", IsDir: true},
				{Name: "2026-LINK2", IsDir: true, Symlink: true},
				{Name: "caseplan.yaml", Regular: true},
			},
		},
		{name: "hidden files are listed", dir: "cases/2026-AAAA1/activity", want: []Entry{{Name: ".keep", Regular: true}}},
		{name: "a missing directory lists nothing", dir: "cases/2026-NONE1", wantNil: true},
		{name: "a linked directory outside is refused", dir: "cases/2026-ABS01", wantErr: ErrOutsideStore},
		{name: "a relative linked directory outside is refused", dir: "cases/2026-AAAA1/outcome", wantErr: ErrOutsideStore},
	}
	for _, tt := range lists {
		t.Run("List/"+tt.name, func(t *testing.T) {
			got, err := w.List(tt.dir)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("List(%s) = %v, %v; want %v", tt.dir, got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("List(%s): %v", tt.dir, err)
			}
			if tt.wantNil {
				if got != nil {
					t.Fatalf("List(%s) = %#v, want nil", tt.dir, got)
				}
				return
			}
			// Directory sizes depend on the file system.
			for i := range got {
				if got[i].IsDir {
					got[i].Size = 0
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("List(%s) =\n%+v\nwant\n%+v", tt.dir, got, tt.want)
			}
		})
	}

	t.Run("a store reached through a link reads as the store", func(t *testing.T) {
		link := filepath.Join(base, "store-link")
		if err := os.Symlink(root, link); err != nil {
			t.Fatal(err)
		}
		lw := openWorkTree(t, link)
		if lw.Root() != link {
			t.Errorf("Root() = %q, want %q", lw.Root(), link)
		}
		if data, err := lw.ReadFile("cases/2026-AAAA1/notes/a.yaml"); err != nil || string(data) != "aaa" {
			t.Errorf("ReadFile through the linked root = %q, %v", data, err)
		}
		if _, err := lw.ReadFile("cases/2026-AAAA1/references.yaml"); !errors.Is(err, ErrOutsideStore) {
			t.Errorf("ReadFile of a link outside, through the linked root: %v, want ErrOutsideStore", err)
		}
	})

	t.Run("a sibling directory sharing the root's name prefix is outside", func(t *testing.T) {
		writeFiles(t, base, map[string]string{"store2/intake.yaml": "sibling"})
		symlink(t, root, "../../store2", "cases/2026-SIBL1")
		if _, err := w.ReadFile("cases/2026-SIBL1/intake.yaml"); !errors.Is(err, ErrOutsideStore) {
			t.Errorf("ReadFile through a link to %s: %v, want ErrOutsideStore", filepath.Join(base, "store2"), err)
		}
	})
}

// TestReadRegularSizeChanged: the size an lstat gave is only a hint; a
// file that grew or shrank since is read whole.
func TestReadRegularSizeChanged(t *testing.T) {
	p := filepath.Join(t.TempDir(), "note.yaml")
	want := []byte(strings.Repeat("content: grows and shrinks\n", 400))
	if err := os.WriteFile(p, want, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, hint := range []int64{0, 1, int64(len(want)) - 1, int64(len(want)), int64(len(want)) + 1, 3 * int64(len(want))} {
		got, err := readRegular(p, hint, nil)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("readRegular with size %d: %d bytes, %v; want %d bytes", hint, len(got), err, len(want))
		}
	}
}

// TestLentBufferNotKept: the buffer a file is read into serves the next
// file, so nothing parsed from one file may point into it. Each note
// (one read fast, one by go-yaml: flow style) keeps its own text after
// the case's other files were read through the same buffers.
func TestLentBufferNotKept(t *testing.T) {
	root := t.TempDir()
	long := strings.Repeat("Reviewed the posting with the participant. ", 40)
	writeFiles(t, root, map[string]string{
		"cases/caseplan.yaml":                   "version: 1\n",
		"cases/W-01/intake.yaml":                intakeYAML("W-01"),
		"cases/W-01/notes/2026-03-02-aaaa.yaml": noteYAML("2026-03-02-aaaa", "2026-03-02") + "content: first " + long + "\n",
		"cases/W-01/notes/2026-03-03-bbbb.yaml": "{id: 2026-03-03-bbbb, date: 2026-03-03, author: mrivera, kind: contact, mode: phone, content: second}\n",
		"cases/W-01/notes/2026-03-04-cccc.yaml": noteYAML("2026-03-04-cccc", "2026-03-04") + "content: third " + strings.Repeat("x", 70<<10) + "\n",
		"cases/W-01/activity/2026-W10.yaml":     "week: 2026-W10\n",
	})
	c, _, _, err := LoadCase(openWorkTree(t, root), "W-01")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range c.Notes {
		got = append(got, n.ID+" "+n.Content[:min(len(n.Content), 12)])
	}
	want := []string{"2026-03-02-aaaa first Review", "2026-03-03-bbbb second", "2026-03-04-cccc third xxxxxx"}
	if !slices.Equal(got, want) {
		t.Errorf("notes after the case was read:\n%q\nwant\n%q", got, want)
	}
}
