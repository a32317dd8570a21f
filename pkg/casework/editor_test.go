package casework

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/schemas"
)

func TestEditablePath(t *testing.T) {
	for _, tc := range []struct{ name, want, err, hint string }{
		{"", "cases/W-1/intake.yaml", "", ""},
		{"intake", "cases/W-1/intake.yaml", "", ""},
		{"iep.yaml", "cases/W-1/iep.yaml", "", ""},
		{"outcome", "cases/W-1/outcome.yaml", "", ""},
		{"notes", "", "append-only", "caseplan note amend W-1 NOTE"},
		{"notes/2026-03-02-abcd.yaml", "", "append-only", "caseplan note amend W-1 2026-03-02-abcd"},
		{"notes/2026-03-02-abcd", "", "append-only", "caseplan note amend W-1 2026-03-02-abcd"},
		{"notes/old/2026-03-02-abcd.yaml", "", "append-only", "caseplan note amend W-1 NOTE"},
		{"activity/2026-W10.yaml", "cases/W-1/activity/2026-W10.yaml", "", ""},
		{"activity/2026-W10", "cases/W-1/activity/2026-W10.yaml", "", ""},
		{"activity", "", "opened by its week", "(caseplan activity list W-1 lists the case's weeks)"},
		{"activity/2026-W1", "", `"2026-W1" is not an ISO week`, ""},
		{"activity/2027-W53", "", `"2027-W53" is not an ISO week`, ""},
		{"caseplan.yaml", "", "not a record caseplan edit opens", ""},
		{"../intake", "", "not a record caseplan edit opens", ""},
	} {
		got, err := EditablePath("W-1", tc.name)
		if tc.err != "" {
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("EditablePath(%q) = %q, %v; want an input error with %q", tc.name, got, err, tc.err)
			} else if tc.hint != "" && !strings.HasSuffix(ie.Hint, tc.hint) {
				t.Errorf("EditablePath(%q) hint %q; want it to end with %q", tc.name, ie.Hint, tc.hint)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("EditablePath(%q) = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

// editStore makes a store with one WIOA case, W-1, and a workspace on it.
func editStore(t *testing.T) (*Workspace, string) {
	t.Helper()
	t.Setenv("HOME", t.TempDir())
	dir := filepath.Join(t.TempDir(), "store")
	author := Author{Name: "Maria Rivera", Email: "mrivera@example.org"}
	now := time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC)
	if _, err := Init(InitStore{Dir: dir, Organization: "Example Board", Author: author, When: now}); err != nil {
		t.Fatal(err)
	}
	repo, err := gitstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	v, err := schemas.Compile()
	if err != nil {
		t.Fatal(err)
	}
	w := &Workspace{Repo: repo, Schemas: v, Today: now.Truncate(24 * time.Hour), Now: func() time.Time { return now }, Author: author}
	if _, err := w.Apply(nil, NewCase{ID: "W-1", Program: "wioa", Name: "Ana Example"}.Build); err != nil {
		t.Fatal(err)
	}
	return w, dir
}

func editHead(t *testing.T, w *Workspace) string {
	t.Helper()
	h, err := w.Repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	return h.String()
}

// editReplace returns an editor that replaces old with new in the file.
func editReplace(old, new string) func(string) error {
	return func(path string) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), old) {
			return errors.New("editor script: " + old + " not in the file")
		}
		return os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
	}
}

func TestEditCommitsAValidEdit(t *testing.T) {
	w, dir := editStore(t)
	before := editHead(t, w)
	res, err := w.Edit(HandEdit{Case: "W-1", TempDir: t.TempDir(), Open: editReplace("  name: Ana Example\n", "  name: Ana Example\n  # Works nights: call after 5pm.\n  phone: 555-0142\n")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Commit == "" || res.Commit == before || res.Change.Action != "edit" {
		t.Fatalf("result %+v: want a new commit with action edit", res)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "cases/W-1/intake.yaml"))
	if !strings.Contains(string(data), "  # Works nights: call after 5pm.\n  phone: 555-0142\n") {
		t.Errorf("intake.yaml was not written as edited:\n%s", data)
	}
}

func TestEditReopensUntilValid(t *testing.T) {
	w, dir := editStore(t)
	tmp := t.TempDir()
	opened := 0
	var shown []finding.Finding
	res, err := w.Edit(HandEdit{
		Case: "W-1", TempDir: tmp,
		Open: func(path string) error {
			opened++
			if opened == 1 {
				return editReplace("status: open", "status: pending")(path)
			}
			return editReplace("status: pending", "status: open\ncenter: Eastgate")(path)
		},
		Invalid: func(temp string, found []finding.Finding) bool {
			shown = found
			return true
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if opened != 2 || len(shown) != 1 || shown[0].Rule != "schema" || shown[0].Path != "cases/W-1/intake.yaml" || !strings.HasPrefix(shown[0].Copy, tmp) || shown[0].Line != 5 {
		t.Errorf("opened %d times, shown %+v: want 2, and the status finding on cases/W-1/intake.yaml at its copy's line 5", opened, shown)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "cases/W-1/intake.yaml"))
	if res.Commit == "" || !strings.Contains(string(data), "center: Eastgate\n") {
		t.Errorf("commit %q, intake.yaml:\n%s", res.Commit, data)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the copy was left behind after a commit: %v", left)
	}
}

func TestEditRefusedLeavesTheStore(t *testing.T) {
	w, dir := editStore(t)
	before := editHead(t, w)
	intake, _ := os.ReadFile(filepath.Join(dir, "cases/W-1/intake.yaml"))
	// Closed without a closure: the case-status rule reads the case, not
	// just the file.
	_, err := w.Edit(HandEdit{Case: "W-1", TempDir: t.TempDir(), Open: editReplace("status: open", "status: closed")})
	var ns *EditNotSavedError
	var refused *RefusedError
	if !errors.As(err, &ns) || !errors.As(err, &refused) || refused.Findings[0].Rule != "case-status" {
		t.Fatalf("err = %v; want a refusal for case-status", err)
	}
	if kept, _ := os.ReadFile(ns.Temp); !strings.Contains(string(kept), "status: closed") {
		t.Errorf("the edited copy was not kept at %s", ns.Temp)
	}
	if editHead(t, w) != before {
		t.Error("a refused edit made a commit")
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "cases/W-1/intake.yaml")); string(now) != string(intake) {
		t.Errorf("a refused edit changed intake.yaml:\n%s", now)
	}
}

func TestEditUnchanged(t *testing.T) {
	w, _ := editStore(t)
	before := editHead(t, w)
	tmp := t.TempDir()
	_, err := w.Edit(HandEdit{Case: "W-1", Record: "iep", TempDir: tmp, Open: func(string) error { return nil }})
	if !errors.Is(err, ErrUnchanged) {
		t.Fatalf("err = %v, want ErrUnchanged", err)
	}
	if editHead(t, w) != before {
		t.Error("an unchanged edit made a commit")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the copy was left behind: %v", left)
	}
}

func TestEditRefusesAConcurrentChange(t *testing.T) {
	w, dir := editStore(t)
	p := filepath.Join(dir, "cases/W-1/intake.yaml")
	_, err := w.Edit(HandEdit{Case: "W-1", TempDir: t.TempDir(), Open: func(path string) error {
		// Someone else changes the record while the editor is open.
		if err := editReplace("status: open", "status: open\ncenter: Riverside")(p); err != nil {
			return err
		}
		return editReplace("status: open", "status: open\ncenter: Eastgate")(path)
	}})
	if !errors.Is(err, ErrChangedMeanwhile) || !strings.Contains(err.Error(), "cases/W-1/intake.yaml changed while it was being edited") {
		t.Fatalf("err = %v; want the edit refused", err)
	}
	if data, _ := os.ReadFile(p); !strings.Contains(string(data), "center: Riverside") || strings.Contains(string(data), "Eastgate") {
		t.Errorf("the other change was overwritten:\n%s", data)
	}
}

func TestEditCreatesAMissingRecord(t *testing.T) {
	w, dir := editStore(t)
	res, err := w.Edit(HandEdit{Case: "W-1", Record: "services.yaml", TempDir: t.TempDir(), Open: func(path string) error {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = f.WriteString("referrals:\n  - id: R1\n    service: child care\n    provider: Example Child Care\n    referred: 2026-03-16\n    status: referred\n")
		return err
	}})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "cases/W-1/services.yaml"))
	if res.Commit == "" || !strings.HasPrefix(string(data), "# yaml-language-server: $schema=../../schemas/services.schema.json\nreferrals:") {
		t.Errorf("services.yaml:\n%s", data)
	}
}

// TestEditCopyKeepsItsSchema is issue 15's item 3: the copy an editor opens
// lives outside the store, so its modeline names the store's schema by a
// file:// URL that resolves to the schema itself; the record is written
// back with its relative modeline, as every record has.
func TestEditCopyKeepsItsSchema(t *testing.T) {
	w, dir := editStore(t)
	for _, record := range []string{"intake", "services"} { // services.yaml does not exist yet
		var schemaRef string
		_, err := w.Edit(HandEdit{Case: "W-1", Record: record, TempDir: t.TempDir(), Open: func(path string) error {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			first, _, _ := strings.Cut(string(data), "\n")
			ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
			if !ok {
				return errors.New("no modeline in the copy: " + first)
			}
			schemaRef = ref
			extra := "  name: Ana Example\n  phone: 555-0142\n"
			if record == "services" {
				return os.WriteFile(path, append(data, "referrals: []\n"...), 0o644)
			}
			return editReplace("  name: Ana Example\n", extra)(path)
		}})
		if err != nil {
			t.Fatalf("%s: %v", record, err)
		}
		u, err := url.Parse(schemaRef)
		if err != nil || u.Scheme != "file" {
			t.Fatalf("%s: the copy's schema is %q, not a file:// URL", record, schemaRef)
		}
		got, err := os.ReadFile(filepath.FromSlash(u.Path))
		if err != nil {
			t.Fatalf("%s: the copy's schema %s does not resolve: %v", record, schemaRef, err)
		}
		want, _ := os.ReadFile(filepath.Join(dir, "schemas", record+".schema.json"))
		if len(want) == 0 || string(got) != string(want) {
			t.Errorf("%s: the copy's schema %s is not the store's schemas/%s.schema.json", record, schemaRef, record)
		}
		data, _ := os.ReadFile(filepath.Join(dir, "cases", "W-1", record+".yaml"))
		if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=../../schemas/"+record+".schema.json\n") {
			t.Errorf("%s.yaml was written back without its relative modeline:\n%s", record, data)
		}
	}
}
