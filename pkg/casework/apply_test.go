package casework

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// workInProgress leaves a person's uncommitted work in the store: a staged
// edit of the plan, an unstaged edit of the intake and untracked files
// inside and outside cases/.
func workInProgress(t *testing.T, dir string) {
	t.Helper()
	writeTestFile(t, dir, "cases/W-001/iep.yaml", "# yaml-language-server: $schema=../../schemas/iep.schema.json\ncreated: 2026-03-16\nvision: Back in an administrative role\n")
	gitCLI(t, dir, "add", "cases/W-001/iep.yaml")
	writeTestFile(t, dir, "cases/W-001/intake.yaml", wioaIntake)
	writeTestFile(t, dir, "cases/W-001/call-log.txt", "Tue: no answer\n")
	writeTestFile(t, dir, "scratch.txt", "todo\n")
}

func contactNote(date string) record.Note {
	return record.Note{Date: record.Date(date), Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"job-search"}, Content: "Reviewed the week's applications"}
}

func TestApplyRefusedLeavesStoreUntouched(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	workInProgress(t, dir)
	// Let git refresh the index's stat data once, so that what follows
	// compares caseplan's effect only.
	gitCLI(t, dir, "status", "--porcelain")

	validIntake := func(s *State) []byte {
		data, err := s.ReadFile("cases/W-001/intake.yaml")
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	tests := []struct {
		name     string
		cases    []string
		build    Build
		noCommit bool
		want     []string // path and rule of each refused finding
	}{
		{
			name:  "a note kind outside the schema",
			cases: []string{"W-001"},
			build: func() Build {
				n := contactNote("2026-03-16")
				n.Kind = "chat"
				return AddNote{Case: "W-001", Note: n}.Build
			}(),
			want: []string{"note schema"},
		},
		{
			name:     "the same, with NoCommit",
			cases:    []string{"W-001"},
			noCommit: true,
			build: func() Build {
				n := contactNote("2026-03-16")
				n.Mode = "smoke-signal"
				return AddNote{Case: "W-001", Note: n}.Build
			}(),
			want: []string{"note schema"},
		},
		{
			name:  "a note dated before the case opened",
			cases: []string{"W-001"},
			build: AddNote{Case: "W-001", Note: contactNote("2026-03-01")}.Build,
			want:  []string{"note date-order"},
		},
		{
			name:  "one bad file among good ones: none is written",
			cases: []string{"W-001"},
			build: func(s *State) (*Change, error) {
				return &Change{Cases: []string{"W-001"}, Action: "test.multi", Summary: "two files", Files: map[string][]byte{
					"cases/W-001/intake.yaml":   validIntake(s),
					"cases/W-001/outcome.yaml":  []byte("placement: not a mapping\n"),
					"cases/W-001/services.yaml": []byte("referrals: []\n"),
				}}, nil
			},
			// The wrong type is said once: the schema says what the
			// loader's field-type finding says already.
			want: []string{"cases/W-001/outcome.yaml field-type"},
		},
		{
			name:  "deleting the intake",
			cases: []string{"W-001"},
			build: func(s *State) (*Change, error) {
				return &Change{Cases: []string{"W-001"}, Action: "test.delete", Summary: "delete", Files: map[string][]byte{"cases/W-001/intake.yaml": nil}}, nil
			},
			want: []string{"cases/W-001 missing-file"},
		},
		{
			name: "a new case whose intake contradicts its directory",
			build: func(s *State) (*Change, error) {
				return &Change{Cases: []string{"W-002"}, Action: "case.new", Summary: "open", Files: map[string][]byte{
					"cases/W-002/intake.yaml": []byte(strings.ReplaceAll(wioaIntake, "W-001", "W-003")),
				}}, nil
			},
			want: []string{"cases/W-002/intake.yaml id-mismatch"},
		},
		{
			name: "settings that break the schema",
			build: func(s *State) (*Change, error) {
				cfg, err := s.ReadFile(layout.ConfigPath)
				if err != nil {
					return nil, err
				}
				return &Change{Action: "test.settings", Summary: "x", Files: map[string][]byte{
					layout.ConfigPath: []byte(strings.Replace(string(cfg), "role: admin", "role: wizard", 1)),
				}}, nil
			},
			want: []string{"cases/caseplan.yaml schema"},
		},
		{
			// A settings change names no case, yet it must not leave cases
			// pointing at a program or a manager that is gone.
			name: "settings that drop a program a case is in",
			build: func(s *State) (*Change, error) {
				cfg, err := s.ReadFile(layout.ConfigPath)
				if err != nil {
					return nil, err
				}
				return &Change{Action: "test.settings", Summary: "x", Files: map[string][]byte{
					layout.ConfigPath: []byte(strings.Replace(string(cfg), "  wioa:\n    kind: wioa\n", "  wioa-old:\n    kind: wioa\n", 1)),
				}}, nil
			},
			want: []string{"cases/W-001/intake.yaml unknown-program"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := captureState(t, dir)
			ws := openWorkspace(t, dir, maria)
			ws.NoCommit = tt.noCommit
			res, err := ws.Apply(tt.cases, tt.build)
			var refused *RefusedError
			if !errors.As(err, &refused) {
				t.Fatalf("Apply = %+v, %v; want a *RefusedError", res, err)
			}
			var got []string
			for _, f := range refused.Findings {
				if f.Severity != finding.Error {
					t.Errorf("refused for a %s: %v", f.Severity, f)
				}
				p := f.Path
				if strings.Contains(p, "/notes/") {
					p = "note"
				}
				got = append(got, p+" "+f.Rule)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("refused for %v, want %v", got, tt.want)
			}
			if !strings.Contains(refused.Error(), fmt.Sprintf("%d error(s)", len(tt.want))) || !strings.Contains(refused.Error(), "nothing was written") {
				t.Errorf("Error() = %q", refused.Error())
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}

func TestApplyCommitsOnlyItsFiles(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	workInProgress(t, dir)
	gitCLI(t, dir, "status", "--porcelain")
	before := captureState(t, dir)

	res, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, AddNote{Case: "W-001", Note: contactNote("2026-03-16")}.Build)
	if err != nil {
		t.Fatal(err)
	}
	notePath := "cases/W-001/notes/" + res.Change.Output + ".yaml"
	if !strings.HasPrefix(res.Change.Output, "2026-03-16-") || len(res.Change.Output) != len("2026-03-16-abcd") {
		t.Errorf("note ID %q, want 2026-03-16-xxxx", res.Change.Output)
	}
	if head := gitCLI(t, dir, "rev-parse", "HEAD"); head != res.Commit {
		t.Errorf("HEAD = %s, Result.Commit = %s", head, res.Commit)
	}
	if parent := gitCLI(t, dir, "rev-parse", "HEAD^"); parent != before.Head {
		t.Errorf("the commit's parent is %s, want the old HEAD %s", parent, before.Head)
	}
	if got := committedFiles(t, dir, "HEAD"); !slices.Equal(got, []string{notePath}) {
		t.Errorf("committed %v, want only %s", got, notePath)
	}
	got := gitCLI(t, dir, "log", "-1", "--format=%an <%ae>|%aI|%s|%(trailers:key=Caseplan-Case,valueonly)|%(trailers:key=Caseplan-Action,valueonly)")
	if want := "Maria Rivera <mrivera@example.org>|2026-03-16T10:30:00+00:00|W-001: add contact note (phone, two-way)|W-001\n|note.add"; got != want {
		t.Errorf("commit = %q, want %q", got, want)
	}
	// The work in progress is as it was; only the note is new, and tracked.
	after := captureState(t, dir)
	if after.Status != before.Status {
		t.Errorf("git status changed:\n%s\n--- now ---\n%s", before.Status, after.Status)
	}
	for p, data := range before.Files {
		if after.Files[p] != data {
			t.Errorf("%s changed", p)
		}
	}
	if gitCLI(t, dir, "diff", "--cached", "--name-only") != "cases/W-001/iep.yaml" {
		t.Error("the staged edit is no longer staged alone")
	}
	gitCLI(t, dir, "fsck", "--strict", "--no-progress")
}

func TestApplyNoCommit(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	workInProgress(t, dir)
	gitCLI(t, dir, "status", "--porcelain")
	before := captureState(t, dir)

	ws := openWorkspace(t, dir, maria)
	ws.NoCommit = true
	res, err := ws.Apply([]string{"W-001"}, AddNote{Case: "W-001", Note: contactNote("2026-03-16")}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Commit != "" {
		t.Errorf("Result.Commit = %q, want none", res.Commit)
	}
	notePath := "cases/W-001/notes/" + res.Change.Output + ".yaml"
	after := captureState(t, dir)
	if after.Head != before.Head || after.Index != before.Index {
		t.Error("NoCommit moved HEAD or changed the index")
	}
	if got := after.Files[notePath]; got != string(res.Change.Files[notePath]) || got == "" {
		t.Errorf("%s = %q, want the note written", notePath, got)
	}
	if want := before.Status + "\n?? " + notePath; !sameLines(after.Status, want) {
		t.Errorf("git status:\n%s\nwant\n%s", after.Status, want)
	}

	// A deletion with NoCommit removes the file and commits nothing.
	writeTestFile(t, dir, "cases/W-001/services.yaml", "referrals: []\n")
	gitCLI(t, dir, "add", "cases/W-001/services.yaml")
	gitCLI(t, dir, "commit", "-q", "-m", "W-001: referrals\n\nCaseplan-Case: W-001\nCaseplan-Action: commit")
	head := gitCLI(t, dir, "rev-parse", "HEAD")
	_, err = ws.Apply([]string{"W-001"}, func(s *State) (*Change, error) {
		return &Change{Cases: []string{"W-001"}, Action: "test.delete", Summary: "drop the referrals", Files: map[string][]byte{"cases/W-001/services.yaml": nil}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cases/W-001/services.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("services.yaml still there: %v", err)
	}
	if now := gitCLI(t, dir, "rev-parse", "HEAD"); now != head {
		t.Error("NoCommit deletion committed")
	}
	if !strings.Contains(gitCLI(t, dir, "status", "--porcelain"), " D cases/W-001/services.yaml") {
		t.Error("git status does not show the deletion as unstaged")
	}
}

func sameLines(a, b string) bool {
	x, y := strings.Split(strings.TrimSpace(a), "\n"), strings.Split(strings.TrimSpace(b), "\n")
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func TestApplyErrors(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	boom := errors.New("boom")
	tests := []struct {
		name   string
		author Author
		cases  []string
		build  Build
		check  func(error) bool
	}{
		{
			name: "an author not on the roster", author: eve, cases: []string{"W-001"},
			build: AddNote{Case: "W-001", Note: contactNote("2026-03-16")}.Build,
			check: func(err error) bool {
				var e *NotOnRosterError
				return errors.As(err, &e) && e.Author == eve && strings.Contains(e.Error(), "eve@example.net")
			},
		},
		{
			name: "a note to a case that does not exist", author: maria, cases: []string{"W-404"},
			build: AddNote{Case: "W-404", Note: contactNote("2026-03-16")}.Build,
			check: func(err error) bool {
				var e *store.UnknownCaseError
				return errors.As(err, &e) && e.ID == "W-404"
			},
		},
		{
			name: "a case in an unknown program", author: maria,
			build: NewCase{Program: "snap", Name: "X"}.Build,
			check: func(err error) bool {
				var e *InputError
				return errors.As(err, &e) && strings.Contains(e.Msg, `unknown program "snap"`)
			},
		},
		{
			name: "a case ID already taken", author: maria,
			build: NewCase{ID: "W-001", Program: "wioa", Name: "X"}.Build,
			check: func(err error) bool {
				var e *InputError
				return errors.As(err, &e) && e.Msg == "case W-001 already exists"
			},
		},
		{
			name: "an amendment of a note the case lacks", author: maria, cases: []string{"W-001"},
			build: AddNote{Case: "W-001", Note: record.Note{Kind: "amendment", Mode: "none", Amends: "2026-01-01-zzzz"}}.Build,
			check: func(err error) bool {
				var e *InputError
				return errors.As(err, &e)
			},
		},
		{
			name: "the build's own error is returned as is", author: maria,
			build: func(*State) (*Change, error) { return nil, boom },
			check: func(err error) bool { return err == boom },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := captureState(t, dir)
			res, err := openWorkspace(t, dir, tt.author).Apply(tt.cases, tt.build)
			if err == nil || !tt.check(err) {
				t.Fatalf("Apply = %+v, %v (%T)", res, err, err)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}

// TestApplyExistingErrorsDoNotBlock: errors a case already had, and
// completeness errors, are reported but do not refuse an unrelated write.
func TestApplyExistingErrorsDoNotBlock(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	// A hand edit names a manager who is not on the roster, and nobody has
	// contacted the customer yet (a completeness error 20 days on).
	writeTestFile(t, dir, "cases/W-001/intake.yaml", strings.Replace(strings.Replace(wioaIntake, "manager: mrivera", "manager: nobody", 1), "opened: 2026-03-16", "opened: 2026-02-20", 1))
	gitCLI(t, dir, "commit", "-q", "-am", "W-001: hand edit\n\nCaseplan-Case: W-001\nCaseplan-Action: commit")
	writeTestFile(t, dir, "cases/W-001/iep.yaml", "created: 2026-02-20\n")
	gitCLI(t, dir, "commit", "-q", "-am", "W-001: hand edit\n\nCaseplan-Case: W-001\nCaseplan-Action: commit")

	n := contactNote("2026-03-16")
	n.TwoWay = false // not a contact: the first-contact error stays
	res, err := openWorkspace(t, dir, maria).Apply([]string{"W-001"}, AddNote{Case: "W-001", Note: n}.Build)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if res.Commit == "" {
		t.Fatal("not committed")
	}
	if !hasRule(res.Existing, "cases/W-001/intake.yaml", "unknown-staff") {
		t.Errorf("Existing = %v, want the unknown-staff error", res.Existing)
	}
	var completeness bool
	for _, f := range res.Existing {
		completeness = completeness || f.Rule == "wioa-first-contact"
		if f.Severity != finding.Error {
			t.Errorf("Existing holds a %s: %v", f.Severity, f)
		}
	}
	if !completeness {
		t.Errorf("Existing = %v, want the wioa-first-contact error too", res.Existing)
	}
	for _, f := range res.Warnings {
		if f.Severity != finding.Warning {
			t.Errorf("Warnings holds a %s: %v", f.Severity, f)
		}
	}
}

// TestApplyNewCaseIgnoresOtherCases: opening a case names no existing
// case, so it reads none of them ("orNone keeps Load from reading every
// case"): a case it does not touch cannot stop it, and on a store of
// 10,000 cases it does not load and validate them all.
func TestApplyNewCaseIgnoresOtherCases(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	// Someone's other case is in a state Load cannot list.
	writeTestFile(t, dir, "cases/W-001/notes", "a file where the notes directory belongs\n")

	res, err := openWorkspace(t, dir, maria).Apply(nil, NewCase{ID: "W-002", Program: "wioa", Name: "Bo Example"}.Build)
	if err != nil {
		t.Fatalf("case new failed because of another case: %v", err)
	}
	if got := committedFiles(t, dir, "HEAD"); !slices.Equal(got, []string{"cases/W-002/iep.yaml", "cases/W-002/intake.yaml"}) {
		t.Errorf("committed %v", got)
	}
	for _, f := range append(res.Existing, res.Warnings...) {
		if f.Case != "W-002" {
			t.Errorf("opening W-002 reported another case's finding: %v", f)
		}
	}
}

func TestApplyStaffAdd(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t)
	res, err := openWorkspace(t, dir, maria).Apply(nil, AddStaff{Staff: record.Staff{Name: "Dev Patel", Email: "DPatel@Example.org"}}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Output != "dpatel" {
		t.Errorf("staff id %q, want dpatel", res.Change.Output)
	}
	if got := committedFiles(t, dir, "HEAD"); !slices.Equal(got, []string{"cases/caseplan.yaml"}) {
		t.Errorf("committed %v", got)
	}
	if !strings.Contains(gitCLI(t, dir, "log", "-1", "--format=%B"), "caseplan: add dpatel to the staff roster\n\nCaseplan-Case: -\nCaseplan-Action: staff.add") {
		t.Error("store-wide subject or trailers missing")
	}
	cfg := readTestFile(t, dir, "cases/caseplan.yaml")
	if !strings.Contains(cfg, "email: dpatel@example.org") || !strings.Contains(cfg, "# Turn a rule off") {
		t.Errorf("the roster entry is missing or the file's comments were lost:\n%s", cfg)
	}
	_, err = openWorkspace(t, dir, maria).Apply(nil, AddStaff{Staff: record.Staff{Name: "Other Dev", Email: "dpatel@example.org", ID: "other"}}.Build)
	var input *InputError
	if !errors.As(err, &input) || !strings.Contains(input.Msg, "already on the roster as dpatel") {
		t.Errorf("adding the same email twice: %v", err)
	}
}

func TestApplyNewCaseAndStaffThenActAsThem(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t)
	if _, err := openWorkspace(t, dir, maria).Apply(nil, AddStaff{Staff: record.Staff{Name: "Dev Patel", Email: dev.Email}}.Build); err != nil {
		t.Fatal(err)
	}
	// The random source yields the same case ID twice, then another: all
	// zero bits make 2026-00000, all one bits 2026-ZZZZZ.
	random := bytes.NewReader(append(make([]byte, 8), 0xff, 0xff, 0xff, 0xff))
	ws := openWorkspace(t, dir, dev)
	ws.Rand = random
	// A case manager opens cases they manage (pkg/access).
	res, err := ws.Apply(nil, NewCase{Program: "work-security", Name: "Sam Sample", Manager: "dpatel",
		NoticeDate: testToday.AddDate(0, 0, -10), LayoffDate: testToday.AddDate(0, 2, 0),
	}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Output != "2026-00000" {
		t.Fatalf("ID %q", res.Change.Output)
	}
	if got := gitCLI(t, dir, "log", "-1", "--format=%an|%s"); got != "Dev Patel|2026-00000: open case (work-security, manager dpatel)" {
		t.Errorf("commit %q", got)
	}
	// A second case must not reuse a taken ID.
	ws = openWorkspace(t, dir, dev)
	ws.Rand = random
	res, err = ws.Apply(nil, NewCase{Program: "wioa", Name: "Ana"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Output != "2026-ZZZZZ" {
		t.Errorf("second case ID %q, want the first free one", res.Change.Output)
	}
	if m := readTestFile(t, dir, "cases/2026-ZZZZZ/intake.yaml"); !strings.Contains(m, "manager: dpatel") {
		t.Errorf("the manager defaults to the acting staff member:\n%s", m)
	}
}
