package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/load"
)

// mixedStore is a store with one case of each shape Load must handle, and
// no symbolic links (a commit's tree never follows them, the work tree
// does inside the store, so with links the two sources rightly differ).
func mixedStore() map[string]string {
	return map[string]string{
		"cases/caseplan.yaml":  configYAML,
		"cases/README.md":      "not a record\n",
		"cases/.gitattributes": "*.yaml text\n",
		// A complete case; notes and weeks written out of order.
		"cases/2026-AAAA1/intake.yaml":                intakeYAML("2026-AAAA1"),
		"cases/2026-AAAA1/iep.yaml":                   "created: 2026-03-02\nvision: Back at work\n",
		"cases/2026-AAAA1/references.yaml":            "references:\n  - name: Ref One\n    relationship: supervisor\n",
		"cases/2026-AAAA1/services.yaml":              "referrals:\n  - id: R1\n    service: child-care\n    provider: Little Steps\n    referred: 2026-03-03\n    status: referred\n",
		"cases/2026-AAAA1/outcome.yaml":               "follow_ups:\n  - due: 2026-06-01\n",
		"cases/2026-AAAA1/notes/2026-03-05-bbbb.yaml": noteYAML("2026-03-05-bbbb", "2026-03-05"),
		"cases/2026-AAAA1/notes/2026-03-03-zzzz.yaml": noteYAML("2026-03-03-zzzz", "2026-03-03"),
		"cases/2026-AAAA1/notes/2026-03-05-aaaa.yaml": noteYAML("2026-03-05-aaaa", "2026-03-05"),
		"cases/2026-AAAA1/activity/2026-W11.yaml":     "week: 2026-W11\n",
		"cases/2026-AAAA1/activity/2026-W10.yaml":     "week: 2026-W10\napplications:\n  - date: 2026-03-04\n    organization: Acme\n    position: Clerk\n    status: applied\n",
		"cases/2026-AAAA1/notes/.DS_Store":            "x",
		// Files that are not records.
		"cases/2026-BBBB2/intake.yaml":           intakeYAML("2026-BBBB2"),
		"cases/2026-BBBB2/scan.pdf":              "%PDF",
		"cases/2026-BBBB2/notes/call-log.txt":    "Tue: no answer\n",
		"cases/2026-BBBB2/notes/drafts/a.yaml":   noteYAML("a", "2026-03-04"),
		"cases/2026-BBBB2/activity/notes.md":     "# weeks\n",
		"cases/2026-BBBB2/activity/2026-W10.yml": "week: 2026-W10\n",
		// No intake.
		"cases/2026-CCCC3/iep.yaml": "created: 2026-03-02\n",
		// Records that cannot be used: broken YAML, a wrong type, an alias.
		"cases/2026-DDDD4/intake.yaml":                "id: 2026-DDDD4\nopened: [2026-03-02\n",
		"cases/2026-DDDD4/references.yaml":            "references: 5\n",
		"cases/2026-DDDD4/notes/2026-03-03-aaaa.yaml": "id: &x 2026-03-03-aaaa\ndate: 2026-03-03\nauthor: *x\n",
		"cases/2026-DDDD4/notes/2026-03-04-aaaa.yaml": noteYAML("2026-03-04-aaaa", "2026-03-04"),
		// A directory whose name is not a case ID.
		"cases/_scratch/intake.yaml": intakeYAML("_scratch"),
	}
}

func TestLoadWorkTreeAndCommitAgree(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, mixedStore())
	work := openWorkTree(t, root)
	commit := commitAll(t, root)

	for _, only := range [][]string{nil, {"2026-AAAA1"}, {"2026-DDDD4", "2026-BBBB2"}} {
		t.Run(fmt.Sprint(only), func(t *testing.T) {
			fromWork := summarize(mustLoad(t, work, only))
			fromCommit := summarize(mustLoad(t, commit, only))
			if !reflect.DeepEqual(fromWork, fromCommit) {
				t.Errorf("the work tree and the commit load differently:\nwork tree: %+v\ncommit:    %+v", fromWork, fromCommit)
			}
		})
	}

	// What both loaded, checked once against what the fixture holds.
	snap, fs := mustLoad(t, work, nil)
	if snap.Config == nil || snap.Config.Organization != "Test Board" || snap.ConfigDoc == nil {
		t.Errorf("Config = %+v, ConfigDoc = %v; want the store settings", snap.Config, snap.ConfigDoc)
	}
	var ids []string
	for _, c := range snap.Cases {
		ids = append(ids, c.ID)
	}
	if want := []string{"2026-AAAA1", "2026-BBBB2", "2026-CCCC3", "2026-DDDD4"}; !slices.Equal(ids, want) {
		t.Errorf("cases = %v, want %v (sorted; _scratch refused)", ids, want)
	}
	// 1 settings file + 5+3+2 (A) + 1 (B) + 1 (C) + 4 (D) record files.
	if snap.Files != 17 {
		t.Errorf("Files = %d, want 17", snap.Files)
	}

	a := snap.Case("2026-AAAA1")
	if a.Intake == nil || a.IEP == nil || a.References == nil || a.Services == nil || a.Outcome == nil {
		t.Fatalf("case A: a record is missing: %+v", a)
	}
	if a.Intake.ID != "2026-AAAA1" || a.IEP.Vision != "Back at work" || len(a.References.References) != 1 || len(a.Services.Referrals) != 1 {
		t.Errorf("case A records decoded wrongly: %+v %+v %+v %+v", a.Intake, a.IEP, a.References, a.Services)
	}
	var notes, paths []string
	for _, n := range a.Notes {
		notes = append(notes, n.ID)
		paths = append(paths, a.NotePath(n))
	}
	if want := []string{"2026-03-03-zzzz", "2026-03-05-aaaa", "2026-03-05-bbbb"}; !slices.Equal(notes, want) {
		t.Errorf("notes = %v, want %v (by date, then ID)", notes, want)
	}
	if want := "cases/2026-AAAA1/notes/2026-03-03-zzzz.yaml"; paths[0] != want {
		t.Errorf("NotePath = %q, want %q", paths[0], want)
	}
	var weeks []string
	for _, w := range a.Activity {
		weeks = append(weeks, w.Week)
	}
	if want := []string{"2026-W10", "2026-W11"}; !slices.Equal(weeks, want) {
		t.Errorf("activity = %v, want %v", weeks, want)
	}
	if d := a.Doc("cases/2026-AAAA1/iep.yaml"); d == nil || d.Path != "cases/2026-AAAA1/iep.yaml" {
		t.Errorf("Doc(iep.yaml) = %v", d)
	}
	if d := a.Doc("cases/2026-AAAA1/nothing.yaml"); d != nil {
		t.Errorf("Doc of a missing file = %v, want nil", d)
	}

	d := snap.Case("2026-DDDD4")
	if d.Intake != nil || d.References != nil || len(d.Notes) != 1 {
		t.Errorf("case D: unusable records must be nil and the broken note left out: intake %v, references %v, notes %d", d.Intake, d.References, len(d.Notes))
	}
	if snap.Case("2026-CCCC3").Intake != nil || snap.Case("_scratch") != nil || snap.Case("2026-ZZZZ9") != nil {
		t.Error("Case: want no intake for C and no case for _scratch or an unknown ID")
	}

	got := rulesAt(fs)
	want := []string{
		"cases/README.md unknown-file warning",
		"cases/2026-BBBB2/scan.pdf unknown-file warning",
		"cases/2026-BBBB2/notes/call-log.txt unknown-file warning",
		"cases/2026-BBBB2/notes/drafts unknown-file warning",
		"cases/2026-BBBB2/activity/2026-W10.yml unknown-file error",
		"cases/2026-BBBB2/activity/notes.md unknown-file warning",
		"cases/2026-CCCC3 missing-file error",
		"cases/2026-DDDD4/intake.yaml yaml-syntax error",
		"cases/2026-DDDD4/references.yaml field-type error",
		"cases/2026-DDDD4/notes/2026-03-03-aaaa.yaml yaml-alias error",
		"cases/_scratch case-id error",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range fs {
		wantCase := caseOf(f.Path)
		if f.Case != wantCase {
			t.Errorf("%s: Case = %q, want %q", f.Path, f.Case, wantCase)
		}
	}
}

// TestLoadMissingIntake: a case present as a directory
// whose intake is missing (or unreadable) is still loaded, and the finding
// names the case directory.
func TestLoadMissingIntake(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "only a plan",
			files: map[string]string{"cases/2026-CCCC3/iep.yaml": "created: 2026-03-02\n"},
			want:  []string{"cases/2026-CCCC3 missing-file error"},
		},
		{
			name:  "only notes",
			files: map[string]string{"cases/2026-CCCC3/notes/2026-03-03-aaaa.yaml": noteYAML("2026-03-03-aaaa", "2026-03-03")},
			want:  []string{"cases/2026-CCCC3 missing-file error"},
		},
		{
			name:  "an intake that does not parse is present, not missing",
			files: map[string]string{"cases/2026-CCCC3/intake.yaml": "id: [\n"},
			want:  []string{"cases/2026-CCCC3/intake.yaml yaml-syntax error"},
		},
		{
			name:  "a case directory with a hidden file only",
			files: map[string]string{"cases/2026-CCCC3/.keep": ""},
			want:  []string{"cases/2026-CCCC3 missing-file error"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			tt.files["cases/caseplan.yaml"] = configYAML
			writeFiles(t, root, tt.files)
			for srcName, src := range map[string]Source{"work tree": openWorkTree(t, root), "commit": commitAll(t, root)} {
				snap, fs := mustLoad(t, src, nil)
				if got := rulesAt(fs); !slices.Equal(got, tt.want) {
					t.Errorf("%s: findings %v, want %v", srcName, got, tt.want)
				}
				c := snap.Case("2026-CCCC3")
				if c == nil || c.Intake != nil {
					t.Fatalf("%s: case = %+v; want the case, without an intake", srcName, c)
				}
				for _, f := range fs {
					if f.Case != "2026-CCCC3" || f.Severity != finding.Error {
						t.Errorf("%s: %+v: want an error of case 2026-CCCC3", srcName, f)
					}
					if f.Rule == RuleMissingFile && (!strings.Contains(f.Message, "no intake.yaml") || f.Line != 0 || f.Column != 0) {
						t.Errorf("%s: %+v: want a whole-directory finding saying intake.yaml is missing", srcName, f)
					}
				}
			}
		})
	}
}

func TestLoadMissingSettings(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"cases/2026-AAAA1/intake.yaml": intakeYAML("2026-AAAA1")})
	snap, fs := mustLoad(t, openWorkTree(t, root), nil)
	if snap.Config != nil || snap.ConfigDoc != nil {
		t.Errorf("Config = %v, want nil", snap.Config)
	}
	if got, want := rulesAt(fs), []string{"cases/caseplan.yaml missing-config error"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	if len(snap.Cases) != 1 {
		t.Errorf("cases = %d, want the case loaded all the same", len(snap.Cases))
	}

	// Settings that do not parse are not missing.
	writeFiles(t, root, map[string]string{"cases/caseplan.yaml": "staff: [\n"})
	_, fs = mustLoad(t, openWorkTree(t, root), nil)
	if got, want := rulesAt(fs), []string{"cases/caseplan.yaml yaml-syntax error"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	if fs[0].Case != "" {
		t.Errorf("a settings finding belongs to no case, got %q", fs[0].Case)
	}
}

func TestLoadUnknownCase(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"cases/caseplan.yaml": configYAML}
	var many []string
	for i := range 20 {
		id := fmt.Sprintf("2026-A%04d", i)
		files["cases/"+id+"/intake.yaml"] = intakeYAML(id)
		many = append(many, id)
	}
	writeFiles(t, root, files)
	commit := commitAll(t, root)
	sources := map[string]Source{"work tree": openWorkTree(t, root), "commit": commit, "commit, memo": NewMemo(commit)}
	// A case missing from a commit read with --at may be in the store
	// (opened since): the error names the commit, not the store.
	wantCommit := map[string]string{"commit": commit.Commit(), "commit, memo": commit.Commit()}

	tests := []struct {
		name   string
		only   []string
		wantID string
	}{
		{"the only case named", []string{"2026-NOPE1"}, "2026-NOPE1"},
		{"after one that exists", []string{"2026-A0001", "2026-NOPE2"}, "2026-NOPE2"},
		{"among many (loaded in parallel)", append(slices.Clone(many[:10]), append([]string{"2026-NOPE3"}, many[10:]...)...), "2026-NOPE3"},
		// A valid ID that names a file in cases/, not a directory.
		{"a file named as a case", []string{"caseplan.yaml"}, "caseplan.yaml"},
	}
	for _, tt := range tests {
		for srcName, src := range sources {
			t.Run(tt.name+"/"+srcName, func(t *testing.T) {
				snap, fs, err := Load(src, tt.only)
				var uc *UnknownCaseError
				if !errors.As(err, &uc) {
					t.Fatalf("Load = %v, %v, %v; want an *UnknownCaseError", snap, fs, err)
				}
				if uc.ID != tt.wantID {
					t.Errorf("UnknownCaseError.ID = %q, want %q", uc.ID, tt.wantID)
				}
				if !strings.Contains(uc.Error(), `"`+tt.wantID+`"`) {
					t.Errorf("Error() = %q, want it to name the case", uc.Error())
				}
				if uc.Commit != wantCommit[srcName] {
					t.Errorf("UnknownCaseError.Commit = %q, want %q", uc.Commit, wantCommit[srcName])
				}
				want := "in this store"
				if c := wantCommit[srcName]; c != "" {
					want = "in commit " + c[:12]
				}
				if !strings.HasSuffix(uc.Error(), want) {
					t.Errorf("Error() = %q, want it to end %q", uc.Error(), want)
				}
			})
		}
	}

	// A name that cannot be a case ID, given on the command line, is an
	// unknown case (exit 2); only a directory found in cases/ with such a
	// name is a case-id finding (TestLoadFindings).
	t.Run("an invalid ID named is an unknown case", func(t *testing.T) {
		for _, id := range []string{"../cases", "123-45-6789", "-x", "bad id!"} {
			_, _, err := Load(sources["work tree"], []string{id})
			var uc *UnknownCaseError
			if !errors.As(err, &uc) || uc.ID != id {
				t.Errorf("Load(%q) error = %v, want an *UnknownCaseError", id, err)
			}
		}
	})

	t.Run("naming cases loads those alone", func(t *testing.T) {
		snap, _ := mustLoad(t, sources["work tree"], []string{"2026-A0003", "2026-A0001"})
		if len(snap.Cases) != 2 || snap.Cases[0].ID != "2026-A0001" || snap.Cases[1].ID != "2026-A0003" {
			t.Errorf("cases = %v, want 2026-A0001 and 2026-A0003, sorted", snap.Cases)
		}
		if snap.Files != 3 {
			t.Errorf("Files = %d, want 3 (settings and two intakes)", snap.Files)
		}
	})
}

func TestLoadSymlinks(t *testing.T) {
	tests := []struct {
		name  string
		links map[string]string // link -> target, both relative to the store root's parent
		only  []string
		want  []string
	}{
		{
			name:  "a record linked to a file outside",
			links: map[string]string{"store/cases/2026-AAAA1/references.yaml": "../../../outside/references.yaml"},
			want:  []string{"cases/2026-AAAA1/references.yaml symlink error"},
		},
		{
			name:  "a note linked to a file outside",
			links: map[string]string{"store/cases/2026-AAAA1/notes/2026-03-03-aaaa.yaml": "../../../../outside/note.yaml"},
			want:  []string{"cases/2026-AAAA1/notes/2026-03-03-aaaa.yaml symlink error"},
		},
		{
			name:  "the notes directory linked outside",
			links: map[string]string{"store/cases/2026-AAAA1/notes": "../../../outside/notes"},
			want:  []string{"cases/2026-AAAA1/notes symlink error"},
		},
		{
			name:  "a broken link",
			links: map[string]string{"store/cases/2026-AAAA1/services.yaml": "gone.yaml"},
			want:  []string{"cases/2026-AAAA1/services.yaml symlink error"},
		},
		{
			// Not followed either: git keeps the link, not the record,
			// and the other case's plan would pass for this one's.
			name:  "a record linked to another case's file",
			links: map[string]string{"store/cases/2026-AAAA1/iep.yaml": "../2026-BBBB2/iep.yaml"},
			want:  []string{"cases/2026-AAAA1/iep.yaml symlink error"},
		},
		{
			name:  "a notes directory linked to another case's",
			links: map[string]string{"store/cases/2026-AAAA1/notes": "../2026-BBBB2/notes"},
			want:  []string{"cases/2026-AAAA1/notes symlink error"},
		},
		{
			name:  "a case directory linked outside, named",
			links: map[string]string{"store/cases/2026-LINK1": "../../outside/case"},
			only:  []string{"2026-LINK1"},
			want:  []string{"cases/2026-LINK1 symlink error"},
		},
		{
			// README: "symbolic links leaving the store ... are each
			// reported as their own finding" — whether the case is named
			// or found by listing cases/.
			name:  "a case directory linked outside, listed",
			links: map[string]string{"store/cases/2026-LINK1": "../../outside/case"},
			want:  []string{"cases/2026-LINK1 symlink error"},
		},
		{
			// Not a second case with another case's records.
			name:  "a case directory linked to another case's, listed",
			links: map[string]string{"store/cases/2026-LINK1": "2026-BBBB2"},
			want:  []string{"cases/2026-LINK1 symlink error"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			writeFiles(t, base, map[string]string{
				"store/cases/caseplan.yaml":                         configYAML,
				"store/cases/2026-AAAA1/intake.yaml":                intakeYAML("2026-AAAA1"),
				"store/cases/2026-BBBB2/intake.yaml":                intakeYAML("2026-BBBB2"),
				"store/cases/2026-BBBB2/iep.yaml":                   "created: 2026-03-02\n",
				"store/cases/2026-BBBB2/notes/2026-03-03-bbbb.yaml": noteYAML("2026-03-03-bbbb", "2026-03-03"),
				"outside/references.yaml":                           "references: []\n",
				"outside/note.yaml":                                 noteYAML("2026-03-03-aaaa", "2026-03-03"),
				"outside/notes/2026-03-03-aaaa.yaml":                noteYAML("2026-03-03-aaaa", "2026-03-03"),
				"outside/case/intake.yaml":                          intakeYAML("2026-LINK1"),
			})
			for link, target := range tt.links {
				symlink(t, base, target, link)
			}
			snap, fs := mustLoad(t, openWorkTree(t, filepath.Join(base, "store")), tt.only)
			if got := rulesAt(fs); !slices.Equal(got, tt.want) {
				t.Fatalf("findings %v, want %v", got, tt.want)
			}
			for _, f := range fs {
				if strings.Contains(f.Message, base) {
					t.Errorf("a finding shows where the link leads: %s", f.Message)
				}
			}
			if c := snap.Case("2026-LINK1"); c != nil && (c.Intake != nil || c.IEP != nil) {
				t.Errorf("the linked-out case's intake was read: %+v", c.Intake)
			}
			if a := snap.Case("2026-AAAA1"); a != nil && (a.References != nil || len(a.Notes) > 0) {
				t.Errorf("a record outside the store was read: references %v, notes %d", a.References, len(a.Notes))
			}
			if a := snap.Case("2026-AAAA1"); a != nil && (a.IEP != nil || len(a.Notes) > 0) {
				t.Errorf("a record linked inside the store was read: plan %v, notes %d", a.IEP, len(a.Notes))
			}
		})
	}
}

// TestLoadRecordDirectoryIsAFile: a case's notes/ or activity/ that is a
// file is a problem with the records, reported as a finding on it, not a
// failure of the source that stops every command on the whole store.
func TestLoadRecordDirectoryIsAFile(t *testing.T) {
	for _, sub := range []string{"notes", "activity"} {
		t.Run(sub, func(t *testing.T) {
			root := t.TempDir()
			writeFiles(t, root, map[string]string{
				"cases/caseplan.yaml":          configYAML,
				"cases/2026-AAAA1/intake.yaml": intakeYAML("2026-AAAA1"),
				"cases/2026-AAAA1/" + sub:      "a file where a directory belongs\n",
				"cases/2026-BBBB2/intake.yaml": intakeYAML("2026-BBBB2"),
			})
			for srcName, src := range map[string]Source{"work tree": openWorkTree(t, root), "commit": commitAll(t, root)} {
				snap, fs, err := Load(src, nil)
				if err != nil {
					t.Errorf("%s: Load failed: %v; want a finding on cases/2026-AAAA1/%s", srcName, err, sub)
					continue
				}
				var on []string
				for _, f := range fs {
					if f.Path == "cases/2026-AAAA1/"+sub {
						on = append(on, f.Rule)
					}
				}
				if len(on) == 0 || len(snap.Cases) != 2 {
					t.Errorf("%s: findings %v, cases %d; want a finding on %s and both cases", srcName, rulesAt(fs), len(snap.Cases), sub)
				}
			}
		})
	}
}

// TestGitTreeNeverFollowsLinks: in a commit a symbolic link is a blob
// naming a path; the store refuses it wherever it points.
func TestGitTreeNeverFollowsLinks(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cases/caseplan.yaml":             configYAML,
		"cases/2026-AAAA1/intake.yaml":    intakeYAML("2026-AAAA1"),
		"cases/2026-BBBB2/intake.yaml":    intakeYAML("2026-BBBB2"),
		"cases/2026-BBBB2/iep.yaml":       "created: 2026-03-02\n",
		"cases/2026-BBBB2/notes/.gitkeep": "",
	})
	symlink(t, root, "../2026-BBBB2/iep.yaml", "cases/2026-AAAA1/iep.yaml")
	symlink(t, root, "../../2026-BBBB2/iep.yaml", "cases/2026-AAAA1/notes/2026-03-03-aaaa.yaml")
	src := commitAll(t, root)

	if _, err := src.ReadFile("cases/2026-AAAA1/iep.yaml"); !errors.Is(err, ErrOutsideStore) {
		t.Errorf("ReadFile of a committed link: %v, want ErrOutsideStore", err)
	}
	if _, err := src.ReadFile("cases/2026-AAAA1/outcome.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a missing file: %v, want fs.ErrNotExist", err)
	}
	if data, err := src.ReadFile("cases/2026-BBBB2/iep.yaml"); err != nil || string(data) != "created: 2026-03-02\n" {
		t.Errorf("ReadFile = %q, %v", data, err)
	}
	entries, err := src.List("cases/2026-AAAA1")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{Name: "iep.yaml", Symlink: true}, {Name: "intake.yaml"}, {Name: "notes", IsDir: true}}
	if !reflect.DeepEqual(entries, want) {
		t.Errorf("List = %+v, want %+v", entries, want)
	}
	if entries, err := src.List("cases/2026-NONE1"); err != nil || entries != nil {
		t.Errorf("List of a missing directory = %v, %v; want nil, nil", entries, err)
	}

	snap, fs := mustLoad(t, src, nil)
	got := rulesAt(fs)
	wantRules := []string{
		"cases/2026-AAAA1/iep.yaml symlink error",
		"cases/2026-AAAA1/notes/2026-03-03-aaaa.yaml symlink error",
	}
	if !slices.Equal(got, wantRules) {
		t.Errorf("findings %v, want %v", got, wantRules)
	}
	if a := snap.Case("2026-AAAA1"); a.IEP != nil || len(a.Notes) != 0 {
		t.Errorf("a linked record was read from the commit: %+v", a)
	}
}

// TestLoadOversizedRecordAgrees: a record over the size limit is one
// finding, the same whether it is read from the work tree or a commit, and
// whether it is a note or a single-record file.
func TestLoadOversizedRecordAgrees(t *testing.T) {
	root := t.TempDir()
	big := "content: " + strings.Repeat("x", load.MaxFileSize) + "\n"
	writeFiles(t, root, map[string]string{
		"cases/caseplan.yaml":                         configYAML,
		"cases/2026-AAAA1/intake.yaml":                intakeYAML("2026-AAAA1"),
		"cases/2026-AAAA1/notes/2026-03-03-aaaa.yaml": big,
	})
	work := summarize(mustLoad(t, openWorkTree(t, root), nil))
	commit := summarize(mustLoad(t, commitAll(t, root), nil))
	if len(work.Findings) != 1 || work.Findings[0].Rule != load.RuleTooLarge {
		t.Fatalf("work tree findings %v, want one %s", work.Findings, load.RuleTooLarge)
	}
	if !reflect.DeepEqual(work, commit) {
		t.Errorf("an oversized note loads differently:\nwork tree: files %d, %+v\ncommit:    files %d, %+v", work.Files, work.Findings, commit.Files, commit.Findings)
	}
}

// serialSource hides the work tree's Concurrent method, so Load reads it
// on one goroutine.
type serialSource struct{ Source }

// countingSource lets Load read concurrently and records how many List
// calls were in flight at once.
type countingSource struct {
	Source
	inFlight, max atomic.Int32
}

func (c *countingSource) Concurrent() bool { return true }

func (c *countingSource) List(dir string) ([]Entry, error) {
	n := c.inFlight.Add(1)
	defer c.inFlight.Add(-1)
	for {
		m := c.max.Load()
		if n <= m || c.max.CompareAndSwap(m, n) {
			break
		}
	}
	if strings.Count(dir, "/") == 1 {
		time.Sleep(200 * time.Microsecond) // let the other workers start
	}
	return c.Source.List(dir)
}

func TestLoadParallelMatchesSequential(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"cases/caseplan.yaml": configYAML, "cases/notes.txt": "x"}
	var ids []string
	for i := range 64 {
		id := fmt.Sprintf("2026-P%04d", i)
		ids = append(ids, id)
		dir := "cases/" + id + "/"
		switch i % 6 {
		case 0:
			files[dir+"intake.yaml"] = intakeYAML(id)
			files[dir+"iep.yaml"] = "created: 2026-03-02\n"
			for n := range 3 {
				nid := fmt.Sprintf("2026-03-%02d-%04d", 10-n, i)
				files[dir+"notes/"+nid+".yaml"] = noteYAML(nid, fmt.Sprintf("2026-03-%02d", 10-n))
			}
			files[dir+"activity/2026-W10.yaml"] = "week: 2026-W10\n"
		case 1:
			files[dir+"iep.yaml"] = "created: 2026-03-02\n" // no intake
		case 2:
			files[dir+"intake.yaml"] = "id: [\n"
			files[dir+"scan.pdf"] = "%PDF"
		case 3:
			files[dir+"intake.yaml"] = intakeYAML(id)
			files[dir+"references.yaml"] = "references: 5\n"
		case 4:
			files[dir+"intake.yaml"] = intakeYAML(id)
			files[dir+"notes/bad.txt"] = "x"
			files[dir+"notes/2026-03-03-aaaa.yaml"] = "id: &a x\nauthor: *a\n"
		case 5:
			files[dir+"intake.yaml"] = intakeYAML(id)
		}
	}
	files["cases/-bad/intake.yaml"] = intakeYAML("-bad")
	writeFiles(t, root, files)
	w := openWorkTree(t, root)

	for _, only := range [][]string{nil, ids[5:40]} {
		t.Run(fmt.Sprintf("%d named", len(only)), func(t *testing.T) {
			seq := summarize(mustLoad(t, serialSource{w}, only))
			counting := &countingSource{Source: w}
			par := summarize(mustLoad(t, counting, only))
			if counting.max.Load() < 2 {
				t.Fatalf("at most %d List call(s) ran at once: the parallel path was not taken", counting.max.Load())
			}
			if len(seq.Cases) < 16 || len(seq.Findings) < 16 {
				t.Fatalf("fixture too small: %d cases, %d findings", len(seq.Cases), len(seq.Findings))
			}
			if !reflect.DeepEqual(seq, par) {
				for i := range max(len(seq.Findings), len(par.Findings)) {
					var a, b finding.Finding
					if i < len(seq.Findings) {
						a = seq.Findings[i]
					}
					if i < len(par.Findings) {
						b = par.Findings[i]
					}
					if a != b {
						t.Errorf("finding %d: sequential %v, parallel %v", i, a, b)
						break
					}
				}
				t.Errorf("parallel load differs from sequential (files %d vs %d, cases %d vs %d)", seq.Files, par.Files, len(seq.Cases), len(par.Cases))
			}
		})
	}

	t.Run("many loads at once agree", func(t *testing.T) {
		want := summarize(mustLoad(t, w, nil))
		var wg sync.WaitGroup
		got := make([]snapSummary, 4)
		for i := range got {
			wg.Go(func() {
				snap, fs, err := Load(w, nil)
				if err != nil {
					t.Error(err)
					return
				}
				got[i] = summarize(snap, fs)
			})
		}
		wg.Wait()
		for i := range got {
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("load %d differs", i)
			}
		}
	})
}

// A named pipe where a record belongs hung validate forever, and a 1 GB
// single-record file was read whole before the size check (issue 9 item
// 8): neither is opened now; each is one finding.
func TestLoadRefusesWithoutOpening(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cases/caseplan.yaml":          configYAML,
		"cases/2026-AAAA1/intake.yaml": intakeYAML("2026-AAAA1"),
	})
	for _, p := range []string{"cases/2026-AAAA1/iep.yaml", "cases/2026-AAAA1/notes/2026-03-03-fifo.yaml"} {
		abs := filepath.Join(root, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(abs), 0o755)
		if err := syscall.Mkfifo(abs, 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	// A sparse file: a gigabyte on paper, nothing on disk.
	big, err := os.Create(filepath.Join(root, "cases/2026-AAAA1/outcome.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	big.Truncate(1 << 30)
	big.Close()

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan []finding.Finding, 1)
	go func() {
		_, fs := mustLoad(t, openWorkTree(t, root), nil)
		done <- fs
	}()
	select {
	case fs := <-done:
		runtime.ReadMemStats(&after)
		if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 64 {
			t.Errorf("loading allocated %d MiB: the gigabyte file was read", mb)
		}
		got := map[string]string{}
		for _, f := range fs {
			got[f.Path] = f.Rule
		}
		want := map[string]string{
			"cases/2026-AAAA1/iep.yaml":                   RuleUnreadable,
			"cases/2026-AAAA1/notes/2026-03-03-fifo.yaml": RuleUnreadable,
			"cases/2026-AAAA1/outcome.yaml":               load.RuleTooLarge,
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findings %v, want %v", fs, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load hung on a named pipe")
	}
}

// TestReadErrorFinding: the reads the work tree refuses become validate's
// findings, for every reader of a record; any other error is the
// caller's.
func TestReadErrorFinding(t *testing.T) {
	p := "cases/W-001/outcome.yaml"
	tests := []struct {
		name string
		err  error
		rule string
	}{
		{"a link out of the store", fmt.Errorf("%s: %w (/etc/passwd)", p, ErrOutsideStore), RuleSymlink},
		{"a named pipe", fmt.Errorf("%s: %w", p, ErrNotRegular), RuleUnreadable},
		{"too large", &TooLargeError{Name: p, Size: 50 << 20}, load.RuleTooLarge},
		{"missing", fs.ErrNotExist, ""},
		{"I/O", errors.New("input/output error"), ""},
		{"none", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := ReadErrorFinding(p, tt.err)
			if ok != (tt.rule != "") {
				t.Fatalf("ok = %v, want %v", ok, tt.rule != "")
			}
			if !ok {
				return
			}
			if f.Rule != tt.rule || f.Path != p || f.Case != "W-001" || f.Severity != finding.Error || f.Message == "" {
				t.Errorf("finding %+v, want %s at %s of case W-001", f, tt.rule, p)
			}
		})
	}
}

// deniedSource refuses one file as the system does a file whose
// permissions do not let the reader in.
type deniedSource struct {
	Source
	deny string
}

func (d deniedSource) ReadFile(name string) ([]byte, error) {
	if name == d.deny {
		return nil, &fs.PathError{Op: "open", Path: "/home/dana/office/" + name, Err: fs.ErrPermission}
	}
	return d.Source.ReadFile(name)
}

// A record whose permissions were changed (chmod 000, a copy made as
// another user) is an unreadable finding with a hint that gives the
// commands to look at it and give it back.
func TestLoadPermissionDeniedHint(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cases/caseplan.yaml":          configYAML,
		"cases/2026-AAAA1/intake.yaml": intakeYAML("2026-AAAA1"),
		"cases/2026-AAAA1/iep.yaml":    "id: 2026-AAAA1\n",
	})
	p := "cases/2026-AAAA1/iep.yaml"
	_, fs := mustLoad(t, deniedSource{Source: openWorkTree(t, root), deny: p}, nil)
	for _, f := range fs {
		if f.Path != p {
			continue
		}
		if f.Rule != RuleUnreadable || !strings.Contains(f.Hint, "ls -l "+p) || !strings.Contains(f.Hint, "chmod u+rw "+p) {
			t.Errorf("finding %+v, want %s with a hint giving ls -l and chmod u+rw", f, RuleUnreadable)
		}
		return
	}
	t.Errorf("no finding for %s in %v", p, fs)
}
