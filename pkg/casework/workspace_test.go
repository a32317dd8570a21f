package casework

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

func TestIntroduced(t *testing.T) {
	// The rules whose findings their producers (load, store, validate)
	// mark file-level; TestFileLevelProducers checks that they do.
	fileLevel := map[string]bool{"schema": true, "yaml-syntax": true, "yaml-alias": true, "yaml-shape": true, "encoding": true, "file-too-large": true, store.RuleDecode: true}
	errAt := func(path, rule, msg string) finding.Finding {
		return finding.Finding{Path: path, Line: 3, Column: 5, Severity: finding.Error, Rule: rule, Message: msg, FileLevel: fileLevel[rule]}
	}
	warnAt := func(path, rule, msg string) finding.Finding {
		f := errAt(path, rule, msg)
		f.Severity = finding.Warning
		return f
	}
	const note = "cases/W-001/notes/2026-03-16-abcd.yaml"
	const intake = "cases/W-001/intake.yaml"
	moved := errAt(intake, "date-order", "opened after closing")
	moved.Line, moved.Column = 9, 1

	tests := []struct {
		name    string
		before  []finding.Finding
		after   []finding.Finding
		written []string
		want    []string // rule of each refused finding, in order
	}{
		{
			name:  "a new consistency error is refused",
			after: []finding.Finding{errAt(note, "date-order", "before opening")},
			want:  []string{"date-order"},
		},
		{
			// A store may make checks-waiting an error; mending one of
			// two unread files changes its message, and is no new error.
			name:    "checks-waiting made an error by the store is not refused",
			before:  []finding.Finding{errAt("cases/W-001", "checks-waiting", "wait until a, b read")},
			after:   []finding.Finding{errAt("cases/W-001", "checks-waiting", "wait until b reads")},
			written: []string{"cases/W-001/a"},
		},
		{
			name:    "a new schema error in a written file is refused",
			after:   []finding.Finding{errAt(note, "schema", "kind: bad")},
			written: []string{note},
			want:    []string{"schema"},
		},
		{
			name:   "an error the case already had is not the change's",
			before: []finding.Finding{errAt(intake, "unknown-staff", "nobody")},
			after:  []finding.Finding{errAt(intake, "unknown-staff", "nobody")},
			want:   nil,
		},
		{
			name:   "the same error elsewhere in the file (a moved line) still counts as had",
			before: []finding.Finding{errAt(intake, "date-order", "opened after closing")},
			after:  []finding.Finding{moved},
			want:   nil,
		},
		{
			name:    "a consistency error already there stays allowed in a written file",
			before:  []finding.Finding{errAt(intake, "unknown-staff", "nobody")},
			after:   []finding.Finding{errAt(intake, "unknown-staff", "nobody")},
			written: []string{intake},
			want:    nil,
		},
		{
			name:    "a schema error already there is refused when the change writes that file",
			before:  []finding.Finding{errAt(intake, "schema", "status: bad")},
			after:   []finding.Finding{errAt(intake, "schema", "status: bad")},
			written: []string{intake},
			want:    []string{"schema"},
		},
		{
			name:   "a schema error already there in a file not written is not the change's",
			before: []finding.Finding{errAt(intake, "schema", "status: bad")},
			after:  []finding.Finding{errAt(intake, "schema", "status: bad")},
			want:   nil,
		},
		{
			name: "every file-level error already in a written file is refused",
			before: []finding.Finding{
				errAt(intake, "yaml-syntax", "m"), errAt(intake, "yaml-alias", "m"), errAt(intake, "encoding", "m"),
				errAt(intake, "file-too-large", "m"), errAt(intake, store.RuleDecode, "m"), errAt(intake, "yaml-shape", "m"),
			},
			after: []finding.Finding{
				errAt(intake, "yaml-syntax", "m"), errAt(intake, "yaml-alias", "m"), errAt(intake, "encoding", "m"),
				errAt(intake, "file-too-large", "m"), errAt(intake, store.RuleDecode, "m"), errAt(intake, "yaml-shape", "m"),
			},
			written: []string{intake},
			want:    []string{"yaml-syntax", "yaml-alias", "encoding", "file-too-large", store.RuleDecode, "yaml-shape"},
		},
		{
			name:    "a deleted file counts as written",
			before:  []finding.Finding{errAt(intake, "schema", "m")},
			after:   []finding.Finding{errAt(intake, "schema", "m")},
			written: []string{intake + "\x00delete"},
			want:    []string{"schema"},
		},
		{
			name:  "new completeness errors never block a write",
			after: []finding.Finding{errAt(intake, "wioa-first-contact", "no contact"), errAt(intake, "ws-references", "2 of 3"), errAt(intake, "wioa-iep", "no plan")},
			want:  nil,
		},
		{
			name:  "new warnings never block a write",
			after: []finding.Finding{warnAt(note, "future-date", "in the future"), warnAt(intake, "ws-notice-period", "short")},
			want:  nil,
		},
		{
			// validate only warns of a future date (CI's clock may lag an
			// office's), but a write dates its records by its own --today.
			name:    "a new future date in a file the change writes refuses it",
			after:   []finding.Finding{warnAt(note, "future-date", "note date 2026-03-20 is after today")},
			written: []string{note},
			want:    []string{"future-date"},
		},
		{
			name:    "a future date already there does not refuse a change to its file",
			before:  []finding.Finding{warnAt(intake, "future-date", "assessment date is after today")},
			after:   []finding.Finding{warnAt(intake, "future-date", "assessment date is after today")},
			written: []string{intake},
			want:    nil,
		},
		{
			name:   "a rule turned from warning to error is new",
			before: []finding.Finding{warnAt(intake, "future-date", "m")},
			after:  []finding.Finding{errAt(intake, "future-date", "m")},
			want:   []string{"future-date"},
		},
		{
			name:   "the same rule with another message is new",
			before: []finding.Finding{errAt(intake, "unknown-staff", `manager "a" is not on the roster`)},
			after:  []finding.Finding{errAt(intake, "unknown-staff", `manager "b" is not on the roster`)},
			want:   []string{"unknown-staff"},
		},
		{
			name:   "the same rule and message in another file is new",
			before: []finding.Finding{errAt(intake, "id-mismatch", "m")},
			after:  []finding.Finding{errAt("cases/W-002/intake.yaml", "id-mismatch", "m")},
			want:   []string{"id-mismatch"},
		},
		{
			name:   "an error fixed by the change is fine",
			before: []finding.Finding{errAt(intake, "unknown-staff", "nobody")},
			after:  nil,
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			written := map[string][]byte{}
			for _, p := range tt.written {
				if p, ok := strings.CutSuffix(p, "\x00delete"); ok {
					written[p] = nil
					continue
				}
				written[p] = []byte("x: 1\n")
			}
			var got []string
			for _, f := range introduced(tt.before, tt.after, written) {
				got = append(got, f.Rule)
				if f.Severity != finding.Error {
					t.Errorf("%s refuses the change as a %s", f, f.Severity)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("introduced = %v, want %v", got, tt.want)
			}
		})
	}
}

// mapSource is a store.Source over files in memory; directories are
// implied by the paths.
type mapSource map[string]string

func (m mapSource) ReadFile(name string) ([]byte, error) {
	if data, ok := m[name]; ok {
		return []byte(data), nil
	}
	return nil, fs.ErrNotExist
}

func (m mapSource) List(dir string) ([]store.Entry, error) {
	var out []store.Entry
	seen := map[string]bool{}
	for p, data := range m {
		rest, ok := strings.CutPrefix(p, dir+"/")
		if !ok {
			continue
		}
		name, _, isDir := strings.Cut(rest, "/")
		if seen[name] {
			continue
		}
		seen[name] = true
		e := store.Entry{Name: name, IsDir: isDir}
		if !isDir {
			e.Size = int64(len(data))
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b store.Entry) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func TestOverlayReadFile(t *testing.T) {
	base := mapSource{
		"cases/W-001/intake.yaml":  "old intake",
		"cases/W-001/iep.yaml":     "old plan",
		"cases/W-001/outcome.yaml": "old outcome",
	}
	o := newOverlay(base, map[string][]byte{
		"cases/W-001/intake.yaml":         []byte("new intake"),
		"cases/W-001/outcome.yaml":        nil, // deleted
		"cases/W-001/notes/2026-n01.yaml": []byte("new note"),
	})
	tests := []struct {
		path    string
		want    string
		wantErr error
	}{
		{"cases/W-001/intake.yaml", "new intake", nil},
		{"cases/W-001/iep.yaml", "old plan", nil},
		{"cases/W-001/notes/2026-n01.yaml", "new note", nil},
		{"cases/W-001/outcome.yaml", "", fs.ErrNotExist},
		{"cases/W-001/services.yaml", "", fs.ErrNotExist},
	}
	for _, tt := range tests {
		data, err := o.ReadFile(tt.path)
		if !errors.Is(err, tt.wantErr) || string(data) != tt.want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q, %v", tt.path, data, err, tt.want, tt.wantErr)
		}
	}
}

func TestOverlayList(t *testing.T) {
	base := mapSource{
		"cases/caseplan.yaml":                "settings",
		"cases/W-001/intake.yaml":            "intake",
		"cases/W-001/iep.yaml":               "plan",
		"cases/W-001/notes/2026-a.yaml":      "note a",
		"cases/W-001/activity/2026-W10.yaml": "week",
		"cases/W-0010/intake.yaml":           "a case whose ID has W-001 as a prefix",
	}
	type files = map[string][]byte
	tests := []struct {
		name    string
		files   files
		dir     string
		want    []store.Entry
		wantNil bool
	}{
		{
			name:  "nothing laid over",
			files: files{},
			dir:   "cases/W-001",
			want:  []store.Entry{{Name: "activity", IsDir: true}, {Name: "iep.yaml", Size: 4}, {Name: "intake.yaml", Size: 6}, {Name: "notes", IsDir: true}},
		},
		{
			name:  "a new file among existing ones, sorted in",
			files: files{"cases/W-001/outcome.yaml": []byte("outcome!")},
			dir:   "cases/W-001",
			want:  []store.Entry{{Name: "activity", IsDir: true}, {Name: "iep.yaml", Size: 4}, {Name: "intake.yaml", Size: 6}, {Name: "notes", IsDir: true}, {Name: "outcome.yaml", Size: 8}},
		},
		{
			name:  "a changed file takes the new size",
			files: files{"cases/W-001/intake.yaml": []byte("a longer intake")},
			dir:   "cases/W-001",
			want:  []store.Entry{{Name: "activity", IsDir: true}, {Name: "iep.yaml", Size: 4}, {Name: "intake.yaml", Size: 15}, {Name: "notes", IsDir: true}},
		},
		{
			name:  "a deleted file is gone",
			files: files{"cases/W-001/iep.yaml": nil},
			dir:   "cases/W-001",
			want:  []store.Entry{{Name: "activity", IsDir: true}, {Name: "intake.yaml", Size: 6}, {Name: "notes", IsDir: true}},
		},
		{
			name:  "deleting a file that does not exist adds nothing",
			files: files{"cases/W-001/services.yaml": nil},
			dir:   "cases/W-001",
			want:  []store.Entry{{Name: "activity", IsDir: true}, {Name: "iep.yaml", Size: 4}, {Name: "intake.yaml", Size: 6}, {Name: "notes", IsDir: true}},
		},
		{
			name:  "a file in a new directory shows the directory once",
			files: files{"cases/W-002/intake.yaml": []byte("i"), "cases/W-002/iep.yaml": []byte("p"), "cases/W-002/notes/n.yaml": []byte("n")},
			dir:   "cases",
			want:  []store.Entry{{Name: "W-001", IsDir: true}, {Name: "W-0010", IsDir: true}, {Name: "W-002", IsDir: true}, {Name: "caseplan.yaml", Size: 8}},
		},
		{
			name:  "the new directory lists its files",
			files: files{"cases/W-002/intake.yaml": []byte("i"), "cases/W-002/iep.yaml": []byte("pp"), "cases/W-002/notes/n.yaml": []byte("n")},
			dir:   "cases/W-002",
			want:  []store.Entry{{Name: "iep.yaml", Size: 2}, {Name: "intake.yaml", Size: 1}, {Name: "notes", IsDir: true}},
		},
		{
			name:  "a new file in an existing subdirectory",
			files: files{"cases/W-001/notes/2026-b.yaml": []byte("note b")},
			dir:   "cases/W-001/notes",
			want:  []store.Entry{{Name: "2026-a.yaml", Size: 6}, {Name: "2026-b.yaml", Size: 6}},
		},
		{
			name:  "new files of a case stay out of a case whose ID extends its own",
			files: files{"cases/W-001/notes/2026-b.yaml": []byte("note b"), "cases/W-001/activity/2026-W11.yaml": []byte("w")},
			dir:   "cases/W-0010",
			want:  []store.Entry{{Name: "intake.yaml", Size: 37}},
		},
		{
			name:  "a file of a case whose ID extends another's stays in its case",
			files: files{"cases/W-0010/iep.yaml": []byte("plan")},
			dir:   "cases/W-001",
			want:  []store.Entry{{Name: "activity", IsDir: true}, {Name: "iep.yaml", Size: 4}, {Name: "intake.yaml", Size: 6}, {Name: "notes", IsDir: true}},
		},
		{
			name:    "a missing directory with nothing laid over lists nothing",
			files:   files{"cases/W-001/intake.yaml": []byte("x")},
			dir:     "cases/W-404",
			wantNil: true,
		},
		{
			name:    "a missing directory with only deletions lists nothing",
			files:   files{"cases/W-404/intake.yaml": nil},
			dir:     "cases/W-404",
			wantNil: true,
		},
		{
			name:  "the last file deleted leaves an empty directory, not a missing one",
			files: files{"cases/W-001/notes/2026-a.yaml": nil},
			dir:   "cases/W-001/notes",
			want:  []store.Entry{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := newOverlay(base, tt.files).List(tt.dir)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantNil {
				if got != nil {
					t.Fatalf("List(%s) = %#v, want nil", tt.dir, got)
				}
				return
			}
			// A directory's size means nothing; only files' sizes are used.
			for i := range got {
				if got[i].IsDir {
					got[i].Size = 0
				}
			}
			if got == nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("List(%s) =\n%#v\nwant\n%#v", tt.dir, got, tt.want)
			}
		})
	}
}

// TestOverlayLoadsAsTheWrittenStoreWould: loading through the overlay gives
// what loading the files written out gives — the property Apply relies on to
// validate a change before writing it.
func TestOverlayLoadsAsTheWrittenStoreWould(t *testing.T) {
	base := mapSource{
		"cases/caseplan.yaml":                    "organization: X\nstaff: []\nprograms: {}\n",
		"cases/W-001/intake.yaml":                "id: W-001\nopened: 2026-03-02\n",
		"cases/W-001/notes/2026-03-03-aaaa.yaml": "id: 2026-03-03-aaaa\ndate: 2026-03-03\n",
		"cases/W-001/activity/2026-W10.yaml":     "week: 2026-W10\n",
		"cases/W-001/references.yaml":            "references: []\n",
	}
	files := map[string][]byte{
		"cases/W-001/notes/2026-03-04-bbbb.yaml": []byte("id: 2026-03-04-bbbb\ndate: 2026-03-04\n"),
		"cases/W-001/activity/2026-W10.yaml":     nil,
		"cases/W-001/references.yaml":            nil,
		"cases/W-001/iep.yaml":                   []byte("created: 2026-03-02\n"),
		"cases/W-002/intake.yaml":                []byte("id: W-002\nopened: 2026-03-05\n"),
	}
	written := mapSource{}
	for p, d := range base {
		written[p] = d
	}
	for p, d := range files {
		if d == nil {
			delete(written, p)
		} else {
			written[p] = string(d)
		}
	}
	for _, only := range [][]string{nil, {"W-001", "W-002"}} {
		a, af, err := store.Load(newOverlay(base, files), only)
		if err != nil {
			t.Fatal(err)
		}
		b, bf, err := store.Load(written, only)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(af, bf) {
			t.Errorf("findings through the overlay %v, written out %v", af, bf)
		}
		if len(a.Cases) != 2 || len(b.Cases) != 2 || a.Files != b.Files {
			t.Fatalf("cases %d vs %d, files %d vs %d", len(a.Cases), len(b.Cases), a.Files, b.Files)
		}
		for i := range a.Cases {
			x, y := a.Cases[i], b.Cases[i]
			if x.ID != y.ID || len(x.Notes) != len(y.Notes) || len(x.Activity) != len(y.Activity) || (x.IEP == nil) != (y.IEP == nil) || (x.References == nil) != (y.References == nil) {
				t.Errorf("case %s differs through the overlay: %+v vs %+v", x.ID, x, y)
			}
		}
		if w1 := a.Case("W-001"); len(w1.Notes) != 2 || len(w1.Activity) != 0 || w1.References != nil || w1.IEP == nil {
			t.Errorf("W-001 through the overlay: %d notes, %d weeks, references %v, plan %v", len(w1.Notes), len(w1.Activity), w1.References, w1.IEP)
		}
	}
}

// TestOverlayListingWorkIsLinear: loading a change of many new cases
// through the overlay (an import lays two files per worker over the store)
// looks at each file laid over a few times, not once per directory listed:
// the listings once scanned every file of the change, so a 4,000-row
// import spent most of a dry run's time there.
func TestOverlayListingWorkIsLinear(t *testing.T) {
	base := mapSource{"cases/caseplan.yaml": "organization: X\nstaff: []\nprograms: {}\n"}
	for _, n := range []int{200, 800} {
		files := map[string][]byte{}
		ids := make([]string, n)
		for i := range n {
			ids[i] = fmt.Sprintf("W-%04d", i)
			files["cases/"+ids[i]+"/intake.yaml"] = []byte("id: " + ids[i] + "\nopened: 2026-03-02\n")
			files["cases/"+ids[i]+"/iep.yaml"] = []byte("created: 2026-03-02\n")
		}
		o := newOverlay(base, files)
		for _, only := range [][]string{nil, ids} {
			snap, _, err := store.Load(o, only)
			if err != nil {
				t.Fatal(err)
			}
			if len(snap.Cases) != n {
				t.Fatalf("%d cases loaded, want %d", len(snap.Cases), n)
			}
		}
		// Each file is indexed under its two directories and listed once
		// in each, per load; 12 per file leaves room, where a scan of the
		// change per listing is some 2n per file.
		if max := 12 * len(files); o.dirs.visited > max {
			t.Errorf("%d cases: the overlay's listings looked at %d paths, want at most %d (linear in the %d files)", n, o.dirs.visited, max, len(files))
		}
	}
}

// TestOverlayListsFilesAddedLater: a file added to the change after the
// overlay listed a directory (re-sealing adds a case's sealed files) is
// in the next listing.
func TestOverlayListsFilesAddedLater(t *testing.T) {
	base := mapSource{"cases/W-001/intake.yaml": "intake"}
	files := map[string][]byte{"cases/W-001/iep.yaml": []byte("plan")}
	o := newOverlay(base, files)
	if got, _ := o.List("cases/W-001"); len(got) != 2 {
		t.Fatalf("List = %v, want intake and plan", got)
	}
	files["cases/W-001/sealed.age"] = []byte("sealed")
	files["cases/W-001/iep.yaml"] = nil
	got, err := o.List("cases/W-001")
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Entry{{Name: "intake.yaml", Size: 6}, {Name: "sealed.age", Size: 6}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("List after adding a file = %#v, want %#v", got, want)
	}
}

func TestMessage(t *testing.T) {
	tests := []struct {
		name   string
		change Change
		want   string
	}{
		{
			name:   "one case",
			change: Change{Cases: []string{"2026-K7QX2"}, Action: "note.add", Summary: "add contact note (phone, two-way)"},
			want:   "2026-K7QX2: add contact note (phone, two-way)\n\nCaseplan-Case: 2026-K7QX2\nCaseplan-Action: note.add\n",
		},
		{
			name:   "store-wide",
			change: Change{Action: "staff.add", Summary: "add dpatel to the staff roster"},
			want:   "caseplan: add dpatel to the staff roster\n\nCaseplan-Case: -\nCaseplan-Action: staff.add\n",
		},
		{
			name:   "several cases: a trailer each, in the order given",
			change: Change{Cases: []string{"W-001", "W-002"}, Action: "commit", Summary: "fix the centers"},
			want:   "caseplan: fix the centers\n\nCaseplan-Case: W-001\nCaseplan-Case: W-002\nCaseplan-Action: commit\n",
		},
		{
			name:   "an empty case list reads as store-wide",
			change: Change{Cases: []string{}, Action: "store.init", Summary: "create the case store"},
			want:   "caseplan: create the case store\n\nCaseplan-Case: -\nCaseplan-Action: store.init\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Message(&tt.change); got != tt.want {
				t.Errorf("Message =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestMessageTrailersReadByGit: git itself finds the trailers.
func TestMessageTrailersReadByGit(t *testing.T) {
	dir := t.TempDir()
	gitCLI(t, dir, "init", "-q")
	msg := Message(&Change{Cases: []string{"W-001", "W-002"}, Action: "case.transfer", Summary: "transfer: two cases"})
	gitCLI(t, dir, "commit", "-q", "--allow-empty", "-m", msg)
	got := gitCLI(t, dir, "log", "-1", "--format=%(trailers:key=Caseplan-Case,valueonly,separator=%x2C)|%(trailers:key=Caseplan-Action,valueonly)")
	if want := "W-001,W-002|case.transfer"; got != want {
		t.Errorf("git reads trailers %q, want %q", got, want)
	}
}

func TestStaffID(t *testing.T) {
	tests := []struct{ email, want string }{
		{"mrivera@example.org", "mrivera"},
		{"MRivera@Example.org", "mrivera"},
		{"maria.rivera@example.org", "maria.rivera"},
		{"maria_rivera-2@example.org", "maria_rivera-2"},
		{"maria+caseplan@example.org", "maria-caseplan"},
		{"josé.núñez@example.org", "jos-.n--ez"},
		{"._-maria@example.org", "maria"},
		{"+maria@example.org", "maria"},
		{"@example.org", "staff"},
		{"...@example.org", "staff"},
		{"", "staff"},
		{"no-at-sign", "no-at-sign"},
		{`"maria rivera"@example.org`, "maria-rivera-"},
		{strings.Repeat("a", 40) + "@example.org", strings.Repeat("a", 32)},
		{strings.Repeat("é", 40) + "x@example.org", "x"},
		{strings.Repeat("é", 40) + "@example.org", "staff"},
		{"a" + strings.Repeat("é", 40) + "@example.org", "a" + strings.Repeat("-", 31)},
	}
	for _, tt := range tests {
		got := StaffID(tt.email)
		if got != tt.want {
			t.Errorf("StaffID(%q) = %q, want %q", tt.email, got, tt.want)
		}
		if !staffIDRE.MatchString(got) {
			t.Errorf("StaffID(%q) = %q, which is not a valid staff id", tt.email, got)
		}
	}
}

// The loader and the schema check mark what they find about a file itself
// as file-level, which is what lets a write refuse to commit such a file.
func TestFileLevelProducers(t *testing.T) {
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	const intake = "cases/W-001/intake.yaml"
	for rule, data := range map[string]string{
		"yaml-syntax":       "id: [W-001\n",
		"yaml-alias":        "id: &a W-001\nmanager: *a\n",
		"yaml-shape":        "- a list\n",
		"encoding":          "id: \xff\n",
		"file-too-large":    strings.Repeat("# x\n", 300_000),
		store.RuleDecode:    "id: W-001\nparticipant: [a, b]\n",
		validate.RuleSchema: "id: W-001\nstatus: maybe\n",
	} {
		src := mapSource{"cases/caseplan.yaml": "organization: x\nstaff: []\nprograms: {}\n", intake: data}
		snap, loaded, err := store.Load(src, []string{"W-001"})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range validate.Run(snap, loaded, validate.Options{Schemas: v}) {
			if f.Rule == rule && f.Path == intake {
				found = true
				if !f.FileLevel {
					t.Errorf("%s finding not marked file-level: %v", rule, f)
				}
			}
		}
		if !found {
			t.Errorf("no %s finding for %q", rule, data)
		}
	}
}

// A newcomer's first write in a clone tells them what to ask the admin
// for, with their own name and address, and in a store that requires
// signed commits the public keys too: without them the admin adds someone
// who still cannot commit.
func TestNotOnRosterHint(t *testing.T) {
	dee := Author{Name: "Dee O'Dean", Email: "ddean@example.org"}
	roster := []record.Staff{{ID: "qvale", Name: "Quinn Vale", Email: "qvale@example.org", Role: "admin"}}
	tests := []struct {
		name string
		cfg  *record.Config
		want string
	}{
		{
			name: "unsigned store",
			cfg:  &record.Config{Staff: roster},
			want: `the store's admin (anyone on the roster, in a store whose roster names no admin) adds you: caseplan staff add --name 'Dee O'\''Dean' --email ddean@example.org`,
		},
		{
			name: "signed store",
			cfg:  &record.Config{Staff: roster, Access: &record.Access{RequireSignatures: true}},
			want: `send the store's admin the two public keys caseplan key new prints (caseplan key show, once made), and they add you: caseplan staff add --name 'Dee O'\''Dean' --email ddean@example.org --signing-key KEY --age-recipient RECIPIENT`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e *NotOnRosterError
			if !errors.As(notOnRoster(tt.cfg, dee), &e) {
				t.Fatal("not a NotOnRosterError")
			}
			if got := e.Hint(); got != tt.want {
				t.Errorf("Hint() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
