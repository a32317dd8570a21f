package casework

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// staffStore returns a store whose roster has Maria (case manager), Dev
// (case manager, with a center) and Sue (supervisor), and a WIOA case,
// W-001, managed by Dev.
func staffStore(t *testing.T) string {
	t.Helper()
	dir, _ := cached(t, "staff", func(t *testing.T, dir string) string {
		withoutAdmin(t, dir)
		ws := openWorkspace(t, dir, maria)
		for _, m := range []record.Staff{
			{Name: dev.Name, Email: dev.Email, Role: "case-manager", Center: "South"},
			{Name: sue.Name, Email: sue.Email, Role: "supervisor"},
		} {
			if _, err := ws.Apply(nil, AddStaff{Staff: m}.Build); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := ws.Apply(nil, NewCase{ID: "W-001", Program: "wioa", Name: "Ana Example", Manager: "dpatel", Opened: testToday}.Build); err != nil {
			t.Fatal(err)
		}
		return ""
	})
	return dir
}

// TestSetStaff changes roster entries in place, each a store-wide commit
// with the action staff.set: a center and a name by anyone on the roster,
// the supervisor role by a supervisor; retiring and reactivating.
func TestSetStaff(t *testing.T) {
	isolateHome(t)
	dir := staffStore(t)
	steps := []struct {
		by      Author
		change  SetStaff
		summary string
	}{
		{maria, SetStaff{ID: "dpatel", Center: str("North"), Name: str("Dev A. Patel")}, "staff dpatel: name, center North"},
		{sue, SetStaff{ID: "dpatel", Role: str("supervisor")}, "staff dpatel: role supervisor"},
		{sue, SetStaff{ID: "mrivera", Center: str("South")}, "staff mrivera: center South"},
		{maria, SetStaff{ID: "svisor", Active: boolp(false)}, "staff svisor: retired (active: false)"},
	}
	for _, st := range steps {
		res, err := openWorkspace(t, dir, st.by).Apply(nil, st.change.Build)
		if err != nil {
			t.Fatalf("%+v: %v", st.change, err)
		}
		if res.Change.Action != "staff.set" || res.Change.Summary != st.summary || len(res.Change.Cases) != 0 {
			t.Errorf("change: %s %q %v, want %q", res.Change.Action, res.Change.Summary, res.Change.Cases, st.summary)
		}
	}
	if got := gitCLI(t, dir, "log", "-1", "--format=%s|%(trailers:key=Caseplan-Action,valueonly)"); got != "caseplan: staff svisor: retired (active: false)|staff.set" {
		t.Errorf("commit %q", got)
	}
	cfg := readTestFile(t, dir, "cases/caseplan.yaml")
	want := `staff:
  - id: mrivera
    name: "Maria Rivera"
    email: mrivera@example.org
    role: case-manager
    center: South
  - id: dpatel
    name: Dev A. Patel
    email: dpatel@example.org
    role: supervisor
    center: North
  - id: svisor
    name: Sue Visor
    email: svisor@example.org
    role: supervisor
    active: false
`
	if !strings.Contains(cfg, want) {
		t.Errorf("caseplan.yaml:\n%s\nwant it to hold:\n%s", cfg, want)
	}
	openWorkspace(t, dir, maria).Apply(nil, SetStaff{ID: "svisor", Active: boolp(true)}.Build)
	if cfg := readTestFile(t, dir, "cases/caseplan.yaml"); strings.Contains(cfg, "active") {
		t.Errorf("caseplan.yaml after reactivating:\n%s", cfg)
	}
}

func boolp(b bool) *bool { return &b }

func TestSetStaffRefused(t *testing.T) {
	isolateHome(t)
	dir := staffStore(t)
	for _, tt := range []struct {
		name   string
		by     Author
		change SetStaff
		want   string
	}{
		{"not on the roster", maria, SetStaff{ID: "jdoe", Center: str("North")}, `"jdoe" is not on the staff roster (it has mrivera, dpatel, svisor)`},
		{"giving the supervisor role", maria, SetStaff{ID: "dpatel", Role: str("supervisor")}, "only a supervisor or an admin gives or takes the supervisor role; mrivera's role is case-manager"},
		{"taking it", dev, SetStaff{ID: "svisor", Role: str("coordinator")}, "only a supervisor or an admin gives or takes the supervisor role; dpatel's role is case-manager"},
		{"promoting oneself", maria, SetStaff{ID: "mrivera", Role: str("admin")}, "only a supervisor or an admin gives or takes the admin role; mrivera's role is case-manager"},
		{"retiring oneself", maria, SetStaff{ID: "mrivera", Active: boolp(false)}, "you cannot retire yourself from the roster"},
		{"nothing to change", maria, SetStaff{ID: "dpatel", Center: str("South"), Active: boolp(true)}, "nothing changes: dpatel already has these values"},
		{"the name removed", maria, SetStaff{ID: "dpatel", Name: str("")}, "the name cannot be empty"},
		// git writes the author as "Name <email>" on one line.
		{"a name with an address in it", maria, SetStaff{ID: "dpatel", Name: str("Dev <dev@example.net>")}, `staff name "Dev <dev@example.net>": a name cannot hold '<' or '>', which git writes around the email address`},
		{"a name over two lines", maria, SetStaff{ID: "dpatel", Name: str("Dev\nPatel")}, `staff name "Dev\nPatel": a name cannot hold a control character (a line break, a tab, ...), since git writes the author on one line`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := captureState(t, dir)
			_, err := openWorkspace(t, dir, tt.by).Apply(nil, tt.change.Build)
			var input *InputError
			if !errors.As(err, &input) || input.Msg != tt.want {
				t.Errorf("error %v\nwant  %s", err, tt.want)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
	// Retiring the counselor of an open WIOA case would leave it without
	// one: refused by validation, with the finding.
	before := captureState(t, dir)
	_, err := openWorkspace(t, dir, maria).Apply(nil, SetStaff{ID: "dpatel", Active: boolp(false)}.Build)
	var refused *RefusedError
	if !errors.As(err, &refused) || !hasRule(refused.Findings, "cases/W-001/intake.yaml", "wioa-counselor") {
		t.Errorf("retiring an open case's counselor: %v", err)
	}
	assertSameState(t, before, captureState(t, dir))
}

// Taking the admin role from the roster's last active admin, or retiring
// them, is refused for its result (roles would stop applying unnoticed):
// a ResultError, a refused write, not an InputError, a bad value.
func TestSetStaffLastAdmin(t *testing.T) {
	isolateHome(t)
	dir := staffStore(t)
	if _, err := openWorkspace(t, dir, sue).Apply(nil, SetStaff{ID: "mrivera", Role: str("admin")}.Build); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		by     Author
		change SetStaff
	}{
		{maria, SetStaff{ID: "mrivera", Role: str("supervisor")}},
		{sue, SetStaff{ID: "mrivera", Role: str("case-manager")}},
	} {
		before := captureState(t, dir)
		_, err := openWorkspace(t, dir, tt.by).Apply(nil, tt.change.Build)
		var result *ResultError
		if !errors.As(err, &result) || !strings.Contains(result.Msg, "mrivera is the roster's last active admin") || !strings.Contains(result.Hint, "--role admin") {
			t.Errorf("%+v: error %v, want a ResultError", tt.change, err)
		}
		assertSameState(t, before, captureState(t, dir))
	}
}

// TestCheckCenterMeant: a center typed short or with a slip is refused
// with the store's center to type, quoted; one near none of them, or
// near two, keeps the plain hint; a center on the list passes.
func TestCheckCenterMeant(t *testing.T) {
	cfg := &record.Config{Centers: []string{"Riverside Career Center", "Eastgate Career Center", "Eastside Annex"}}
	tests := []struct{ typed, hint string }{
		{"Riverside Career Centre", "did you mean --center 'Riverside Career Center'? the centers are listed in cases/caseplan.yaml"},
		{"riverside", "did you mean --center 'Riverside Career Center'? the centers are listed in cases/caseplan.yaml"},
		{"Eastgate", "did you mean --center 'Eastgate Career Center'? the centers are listed in cases/caseplan.yaml"},
		{"East", "the centers are listed in cases/caseplan.yaml"},
		{"Nowhere", "the centers are listed in cases/caseplan.yaml"},
	}
	for _, tt := range tests {
		err := checkCenter(cfg, tt.typed)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%q: %v, want an InputError", tt.typed, err)
		}
		if ie.Hint != tt.hint {
			t.Errorf("%q: hint %q\nwant %q", tt.typed, ie.Hint, tt.hint)
		}
	}
	if err := checkCenter(cfg, "Eastgate Career Center"); err != nil {
		t.Errorf("a center on the list: %v", err)
	}
}

// TestNewCaseCenterOnList: case new refuses a center off the store's
// list, as staff add and case transfer do, with the center meant, and
// writes nothing; a case filed under "Eastgate" would be missed by case
// list --center and the reports by center.
func TestNewCaseCenterOnList(t *testing.T) {
	dir := initTestStore(t)
	path := filepath.Join(dir, "cases", "caseplan.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = regexp.MustCompile(`(?m)^organization: .*$`).ReplaceAll(data, []byte("$0\ncenters: [Riverside Career Center, Eastgate Career Center]"))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := openWorkspace(t, dir, maria).CommitEdits("the centers"); err != nil {
		t.Fatal(err)
	}
	before := captureState(t, dir)
	_, err = openWorkspace(t, dir, maria).Apply(nil, NewCase{ID: "W-001", Program: "wioa", Name: "Ana Example", Center: "Eastgate", Opened: testToday}.Build)
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("Apply = %v, want an InputError", err)
	}
	if want := `center "Eastgate" is not one of this store's centers (Riverside Career Center, Eastgate Career Center)`; ie.Msg != want {
		t.Errorf("message %q\nwant    %q", ie.Msg, want)
	}
	if !strings.HasPrefix(ie.Hint, "did you mean --center 'Eastgate Career Center'?") {
		t.Errorf("hint %q", ie.Hint)
	}
	assertSameState(t, before, captureState(t, dir))
	if _, err := openWorkspace(t, dir, maria).Apply(nil, NewCase{ID: "W-001", Program: "wioa", Name: "Ana Example", Center: "Eastgate Career Center", Opened: testToday}.Build); err != nil {
		t.Errorf("a center on the list: %v", err)
	}
}
