package casework

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/calendar"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// refsStore returns a store with a work-security case, WS-001, whose
// references.yaml a person wrote by hand before references had IDs (Pat,
// with a comment), then one added by ref add (Lee, given the ID RF-00000
// by the zero bytes the test hands it as its random source).
func refsStore(t *testing.T) string {
	t.Helper()
	dir, _ := cached(t, "references", func(t *testing.T, dir string) string {
		openCase(t, dir, "WS-001", "work-security")
		writeTestFile(t, dir, "cases/WS-001/references.yaml", `# yaml-language-server: $schema=../../schemas/references.schema.json
references:
  - name: Pat Example
    relationship: former supervisor
    phone: 555-0142 # mornings only
    permission: 2026-03-16
`)
		gitCLI(t, dir, "add", "-A")
		gitCLI(t, dir, "commit", "-q", "-m", "references by hand")
		ws := openWorkspace(t, dir, maria)
		ws.Rand = bytes.NewReader([]byte{0, 0, 0, 0})
		res, err := ws.Apply([]string{"WS-001"}, AddReference{Case: "WS-001", Reference: record.Reference{Name: "Lee Sample", Relationship: "colleague", Email: "lee@example.org", Permission: "2026-03-16"}}.Build)
		if err != nil {
			t.Fatal(err)
		}
		if res.Change.Output != "RF-00000" {
			t.Fatalf("ref add printed %q", res.Change.Output)
		}
		return ""
	})
	return dir
}

func withPermission(t *testing.T, dir string) int {
	t.Helper()
	snap, _, err := store.Load(mustWorkTree(t, dir), []string{"WS-001"})
	if err != nil {
		t.Fatal(err)
	}
	return calendar.ReferencesWithPermission(snap.Case("WS-001"), "2026-03-16")
}

// TestUpdateReference changes fields in place — a value where it stands
// (the comment after it stays), a missing one in the record's field
// order, ” removing one — addressing an older reference by its number
// and a new one by its ID, each one commit with the action ref.update.
func TestUpdateReference(t *testing.T) {
	isolateHome(t)
	dir := refsStore(t)
	res := applyTo(t, dir, "WS-001", UpdateReference{Case: "WS-001", Reference: "1", Phone: str("555-0143"), Title: str("Office Manager"), Briefed: str("2026-03-16")}.Build)
	if res.Change.Action != "ref.update" || res.Change.Summary != `update reference 1 "Pat Example": title, phone, briefed 2026-03-16` {
		t.Errorf("change: %s %q", res.Change.Action, res.Change.Summary)
	}
	applyTo(t, dir, "WS-001", UpdateReference{Case: "WS-001", Reference: "rf-00000", Relationship: str("colleague on the front desk"), Permission: str("")}.Build)
	want := `# yaml-language-server: $schema=../../schemas/references.schema.json
references:
  - name: Pat Example
    title: Office Manager
    relationship: former supervisor
    phone: 555-0143 # mornings only
    permission: 2026-03-16
    briefed: 2026-03-16
  - id: RF-00000
    name: Lee Sample
    relationship: colleague on the front desk
    email: lee@example.org
`
	if got := readTestFile(t, dir, "cases/WS-001/references.yaml"); got != want {
		t.Errorf("references.yaml:\n%s\nwant:\n%s", got, want)
	}
	if got := gitCLI(t, dir, "log", "-1", "--format=%(trailers:key=Caseplan-Action,valueonly)"); got != "ref.update" {
		t.Errorf("trailer %q", got)
	}
}

// TestWithdrawReference: a withdrawn reference stays in the list with the
// date, and no longer counts toward the three.
func TestWithdrawReference(t *testing.T) {
	isolateHome(t)
	dir := refsStore(t)
	if n := withPermission(t, dir); n != 2 {
		t.Fatalf("%d references with permission before", n)
	}
	res := applyTo(t, dir, "WS-001", WithdrawReference{Case: "WS-001", Reference: "RF-00000"}.Build)
	if res.Change.Action != "ref.withdraw" || res.Change.Summary != `reference RF-00000 "Lee Sample" withdrew on 2026-03-16` {
		t.Errorf("change: %s %q", res.Change.Action, res.Change.Summary)
	}
	if got := readTestFile(t, dir, "cases/WS-001/references.yaml"); !strings.HasSuffix(got, "  - id: RF-00000\n    name: Lee Sample\n    relationship: colleague\n    email: lee@example.org\n    permission: 2026-03-16\n    withdrawn: 2026-03-16\n") {
		t.Errorf("references.yaml:\n%s", got)
	}
	if n := withPermission(t, dir); n != 1 {
		t.Errorf("%d references with permission after the withdrawal, want 1", n)
	}
}

// TestReferenceRefused: what the command cannot do is refused, saying
// why, and nothing is written.
func TestReferenceRefused(t *testing.T) {
	isolateHome(t)
	dir := refsStore(t)
	applyTo(t, dir, "WS-001", WithdrawReference{Case: "WS-001", Reference: "2"}.Build)
	for _, tt := range []struct {
		name  string
		build Build
		want  string
	}{
		{"unknown ID", UpdateReference{Case: "WS-001", Reference: "RF-ZZZZZ", Phone: str("1")}.Build, `case WS-001 has no reference "RF-ZZZZZ" (it has 1 "Pat Example", RF-00000 "Lee Sample")`},
		{"unknown number", UpdateReference{Case: "WS-001", Reference: "3", Phone: str("1")}.Build, `case WS-001 has no reference 3 (it has 1 "Pat Example", RF-00000 "Lee Sample")`},
		{"nothing given", UpdateReference{Case: "WS-001", Reference: "1"}.Build, "nothing to change"},
		{"the same values", UpdateReference{Case: "WS-001", Reference: "1", Phone: str("555-0142")}.Build, `nothing changes: reference 1 "Pat Example" already has these values`},
		{"the name removed", UpdateReference{Case: "WS-001", Reference: "1", Name: str("")}.Build, "the name cannot be empty"},
		// Spaces are named by the flag typed, as case set names them.
		{"the name given as spaces", UpdateReference{Case: "WS-001", Reference: "1", Name: str("  ")}.Build, `--name "  " is only spaces`},
		{"a field given as spaces", UpdateReference{Case: "WS-001", Reference: "1", Title: str(" ")}.Build, `--title " " is only spaces`},
		{"another's name", UpdateReference{Case: "WS-001", Reference: "1", Name: str("lee sample")}.Build, `case WS-001 already has a reference named "Lee Sample" (RF-00000 "Lee Sample")`},
		{"not a date", UpdateReference{Case: "WS-001", Reference: "1", Permission: str("2026-02-30")}.Build, `permission "2026-02-30" is not a date; use YYYY-MM-DD`},
		{"withdrawn twice", WithdrawReference{Case: "WS-001", Reference: "RF-00000"}.Build, `reference RF-00000 "Lee Sample" already withdrew on 2026-03-16`},
		{"withdrawn before agreeing", WithdrawReference{Case: "WS-001", Reference: "1", Date: "2026-03-15"}.Build, `reference 1 "Pat Example" agreed to be named on 2026-03-16; the withdrawal (2026-03-15) cannot come before that`},
		{"withdrawn after today", WithdrawReference{Case: "WS-001", Reference: "1", Date: "2026-03-17"}.Build, "withdrawal date 2026-03-17 is after today (2026-03-16)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := captureState(t, dir)
			_, err := openWorkspace(t, dir, maria).Apply([]string{"WS-001"}, tt.build)
			var input *InputError
			if !errors.As(err, &input) || input.Msg != tt.want {
				t.Errorf("error %v\nwant  %s", err, tt.want)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}
