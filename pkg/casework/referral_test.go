package casework

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// workTreeState writes files (repository-relative path -> content) into a
// fresh directory and returns the State a Build sees for case id there,
// without git: enough to test what a change would write. A store's own
// cases/caseplan.yaml among files replaces the default one.
func workTreeState(t *testing.T, id string, files map[string]string) *State {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["cases/caseplan.yaml"]; !ok {
		files["cases/caseplan.yaml"] = "organization: Example Board\nstaff:\n  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\nprograms:\n  wioa:\n    kind: wioa\n"
	}
	if _, ok := files["cases/"+id+"/intake.yaml"]; !ok {
		files["cases/"+id+"/intake.yaml"] = "id: " + id + "\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Ana Example\n"
	}
	for rel, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := store.NewWorkTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	snap, _, err := store.Load(src, []string{id})
	if err != nil {
		t.Fatal(err)
	}
	return &State{Snapshot: snap, Today: time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC), source: src}
}

// A referral added to a hand-kept services.yaml gets a random ID of its
// own beside the older numbered ones, and only adds lines: the person's
// comments stay.
func TestAddReferralKeepsTheFile(t *testing.T) {
	const old = "# yaml-language-server: $schema=../../schemas/services.schema.json\n" +
		"# Referrals agreed at intake.\n" +
		"referrals:\n" +
		"  - id: R3 # R1 and R2 were entered by mistake and removed\n" +
		"    service: Bus pass\n" +
		"    provider: Transit office\n" +
		"    referred: 2026-03-02\n" +
		"    status: accepted\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/services.yaml": old})
	s.Rand = idSource(t, "R-4K7QX")
	ch, err := AddReferral{Case: "W-1", Referral: record.Referral{Service: " Child care assistance ", Provider: "Example Child Care Center", Category: "supportive", Referred: "2026-03-16"}}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Output != "R-4K7QX" || ch.Action != "service.add" {
		t.Errorf("output %q, action %q; want R-4K7QX, service.add", ch.Output, ch.Action)
	}
	got := string(ch.Files["cases/W-1/services.yaml"])
	want := old + "  - id: R-4K7QX\n    service: Child care assistance\n    provider: Example Child Care Center\n    category: supportive\n    referred: 2026-03-16\n    status: referred\n"
	if got != want {
		t.Errorf("services.yaml:\n%s\nwant:\n%s", got, want)
	}
	if ch.Summary != "add referral R-4K7QX: Child care assistance (Example Child Care Center)" {
		t.Errorf("summary %q", ch.Summary)
	}
}

// The first referral of a case writes services.yaml canonically.
func TestAddReferralNewFile(t *testing.T) {
	s := workTreeState(t, "W-1", map[string]string{})
	s.Rand = idSource(t, "R-00001")
	ch, err := AddReferral{Case: "W-1", Referral: record.Referral{Service: "GED classes", Provider: "Example Adult School", Referred: "2026-03-10"}}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := record.Marshal("cases/W-1/services.yaml", &record.Services{Referrals: []record.Referral{{ID: "R-00001", Service: "GED classes", Provider: "Example Adult School", Referred: "2026-03-10", Status: "referred"}}})
	if got := ch.Files["cases/W-1/services.yaml"]; string(got) != string(want) {
		t.Errorf("services.yaml:\n%s\nwant:\n%s", got, want)
	}
	if ch.Output != "R-00001" {
		t.Errorf("output %q, want R-00001", ch.Output)
	}
}

func TestUpdateReferral(t *testing.T) {
	const old = "referrals:\n" +
		"  - id: R1\n" +
		"    service: Bus pass\n" +
		"    provider: Transit office\n" +
		"    referred: 2026-03-02\n" +
		"    status: referred # waiting on the transit office\n" +
		"    outcome: pending\n" +
		"\n" +
		"  - id: R2\n" +
		"    service: Work boots\n" +
		"    provider: Example Boot Bank\n" +
		"    referred: 2026-03-03\n" +
		"    status: referred\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/services.yaml": old})
	ch, err := UpdateReferral{Case: "W-1", Referral: "R1", Status: "completed", Outcome: "monthly pass issued"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(old, "    status: referred # waiting on the transit office\n    outcome: pending\n",
		"    status: completed # waiting on the transit office\n    outcome: monthly pass issued\n    updated: 2026-03-16\n", 1)
	if got := string(ch.Files["cases/W-1/services.yaml"]); got != want {
		t.Errorf("services.yaml:\n%s\nwant:\n%s", got, want)
	}
	// The outcome a later one supersedes is replaced, and said.
	if want := []string{`referral R1: outcome replaced (was "pending")`}; !slices.Equal(ch.Notes, want) {
		t.Errorf("notes %q, want %q", ch.Notes, want)
	}
	// The same outcome again, or a first one, replaces nothing: no note.
	for _, outcome := range []string{" pending ", ""} {
		ch, err = UpdateReferral{Case: "W-1", Referral: "R1", Status: "completed", Outcome: outcome}.Build(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(ch.Notes) != 0 || !strings.Contains(string(ch.Files["cases/W-1/services.yaml"]), "    outcome: pending\n") {
			t.Errorf("outcome %q: notes %q, file:\n%s", outcome, ch.Notes, ch.Files["cases/W-1/services.yaml"])
		}
	}
	ch, err = UpdateReferral{Case: "W-1", Referral: "R2", Status: "accepted", Outcome: "boots fitted"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Notes) != 0 {
		t.Errorf("a first outcome: notes %q, want none", ch.Notes)
	}

	// Only the outcome given is written; without --outcome it stays. The
	// ID is taken in any case and printed as it is written.
	ch, err = UpdateReferral{Case: "W-1", Referral: " r2", Status: "declined", Date: "2026-03-05"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Output != "R2" || ch.Summary != "update referral R2: declined" {
		t.Errorf("output %q, summary %q", ch.Output, ch.Summary)
	}
	want = old + "    updated: 2026-03-05\n"
	want = strings.Replace(want, "    referred: 2026-03-03\n    status: referred\n", "    referred: 2026-03-03\n    status: declined\n", 1)
	if got := string(ch.Files["cases/W-1/services.yaml"]); got != want {
		t.Errorf("services.yaml:\n%s\nwant:\n%s", got, want)
	}

	var input *InputError
	if _, err := (UpdateReferral{Case: "W-1", Referral: "R9", Status: "completed"}).Build(s); !errors.As(err, &input) || !strings.Contains(input.Msg, `no referral "R9"`) {
		t.Errorf("unknown referral: %v, want an InputError naming R9", err)
	}
	if _, err := (UpdateReferral{Case: "W-1", Referral: "R1", Status: "done"}).Build(s); !errors.As(err, &input) {
		t.Errorf("unknown status: %v, want an InputError", err)
	}
}

// A services.yaml a person broke is not added to: the change is refused
// with the reason, at its line.
func TestReferralBrokenFileRefused(t *testing.T) {
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/services.yaml": "referrals:\n  - id: R1\n    service: [unclosed\n"})
	_, err := AddReferral{Case: "W-1", Referral: record.Referral{Service: "x", Provider: "y", Referred: "2026-03-16"}}.Build(s)
	var refused *RefusedError
	if !errors.As(err, &refused) || len(refused.Findings) == 0 || refused.Findings[0].Path != "cases/W-1/services.yaml" || refused.Findings[0].Line == 0 {
		t.Fatalf("got %v, want a refusal with a finding at a line of services.yaml", err)
	}
	// A file that parses but holds the wrong shape is refused too.
	s = workTreeState(t, "W-1", map[string]string{"cases/W-1/services.yaml": "referrals:\n  id: R1\n"})
	if _, err := (UpdateReferral{Case: "W-1", Referral: "R1", Status: "completed"}).Build(s); !errors.As(err, &refused) || refused.Findings[0].Rule != store.RuleDecode {
		t.Fatalf("got %v, want a refusal with a %s finding", err, store.RuleDecode)
	}
}

// A transfer to the case's own manager is refused with a hint that says
// where to see the manager and how a transfer names another.
func TestTransferToSameManagerHint(t *testing.T) {
	s := workTreeState(t, "W-1", map[string]string{})
	_, err := TransferCase{Case: "W-1", To: "mrivera", Reason: "again"}.Build(s)
	var input *InputError
	if !errors.As(err, &input) || input.Msg != "mrivera is already the case's manager" {
		t.Fatalf("got %v, want the InputError already the case's manager", err)
	}
	if !strings.Contains(input.Hint, "caseplan case show W-1") || !strings.Contains(input.Hint, "--to") || !strings.Contains(input.Hint, "--center") {
		t.Errorf("hint %q", input.Hint)
	}
}

// A transfer to a retired member names the other case managers of the
// case's center to hand it to instead (record.Config.CaseManagersAt), or of
// --center when it is given.
func TestTransferToRetiredHint(t *testing.T) {
	roster := "organization: Example Board\ncenters: [North, South]\nstaff:\n" +
		"  - id: mrivera\n    name: Maria Rivera\n    email: mrivera@example.org\n    center: North\n" +
		"  - id: otimer\n    name: Olu Timer\n    email: otimer@example.org\n    center: North\n    active: false\n" +
		"  - id: aleft\n    name: Al Left\n    email: aleft@example.org\n    center: North\n    active: false\n" +
		"  - id: bnorth\n    name: Bo North\n    email: bnorth@example.org\n    center: North\n" +
		"  - id: snorth\n    name: Sue North\n    email: snorth@example.org\n    role: supervisor\n    center: North\n" +
		"  - id: csouth\n    name: Cy South\n    email: csouth@example.org\n    center: South\n" +
		"programs:\n  wioa:\n    kind: wioa\n"
	s := workTreeState(t, "W-1", map[string]string{
		"cases/caseplan.yaml":   roster,
		"cases/W-1/intake.yaml": "id: W-1\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\ncenter: North\nparticipant:\n  name: Ana Example\n",
	})
	for _, tt := range []struct{ center, want string }{
		{"", "the case manager of North is bnorth: hand the case to them with --to bnorth (caseplan staff list shows the roster)"},
		{"South", "the case manager of South is csouth: hand the case to them with --to csouth (caseplan staff list shows the roster)"},
	} {
		_, err := TransferCase{Case: "W-1", To: "otimer", Center: tt.center, Reason: "moved"}.Build(s)
		var input *InputError
		if !errors.As(err, &input) || input.Msg != "--to otimer is no longer active on the staff roster" || input.Hint != tt.want {
			t.Errorf("--center %q: got %v (hint %q)\nwant hint %q", tt.center, err, input.Hint, tt.want)
		}
	}
}
