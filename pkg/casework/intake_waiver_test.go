package casework

import (
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

var sue = Author{Name: "Sue Visor", Email: "svisor@example.org"}

// waiverStore returns a store with a supervisor, svisor, on the roster and
// one WIOA case, W-001, opened on 2026-02-01 and never contacted: its first
// contact was due by 2026-02-11, an open obligation (wioa-first-contact).
func waiverStore(t *testing.T) string {
	t.Helper()
	dir, _ := cached(t, "waiver", func(t *testing.T, dir string) string {
		withoutAdmin(t, dir)
		ws := openWorkspace(t, dir, maria)
		if _, err := ws.Apply(nil, AddStaff{Staff: record.Staff{Name: sue.Name, Email: sue.Email, Role: "supervisor"}}.Build); err != nil {
			t.Fatal(err)
		}
		if _, err := ws.Apply(nil, NewCase{ID: "W-001", Program: "wioa", Name: "Ana Example", Opened: testToday.AddDate(0, 0, -43)}.Build); err != nil {
			t.Fatal(err)
		}
		return ""
	})
	return dir
}

// firstContact returns the case's wioa-first-contact finding.
func firstContact(t *testing.T, dir string) finding.Finding {
	t.Helper()
	snap, loaded, err := store.Load(mustWorkTree(t, dir), []string{"W-001"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range validate.Run(snap, loaded, validate.Options{Schemas: openWorkspace(t, dir, maria).Schemas, Today: testToday}) {
		if f.Rule == "wioa-first-contact" {
			return f
		}
	}
	t.Fatal("no wioa-first-contact finding")
	return finding.Finding{}
}

// TestAddWaiver: a supervisor's waiver is one commit of intake.yaml with
// the action waiver.add, by the supervisor; the obligation's error becomes
// a warning that says who waived it, when and why.
func TestAddWaiver(t *testing.T) {
	isolateHome(t)
	dir := waiverStore(t)
	if f := firstContact(t, dir); f.Severity != finding.Error || f.Waived {
		t.Fatalf("before the waiver: %v", f)
	}
	ws := openWorkspace(t, dir, sue)
	ws.Rand = idSource(t, "WV-00001")
	res, err := ws.Apply([]string{"W-001"}, AddWaiver{Case: "W-001", Rule: " wioa-first-contact ", Reason: " In hospital for three weeks after opening "}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Action != "waiver.add" || res.Change.Summary != `waive wioa-first-contact: "In hospital for three weeks after opening"` || res.Change.Output != "WV-00001" {
		t.Errorf("change: %s %q", res.Change.Action, res.Change.Summary)
	}
	if got := gitCLI(t, dir, "log", "-1", "--format=%an|%(trailers:key=Caseplan-Action,valueonly)"); got != "Sue Visor|waiver.add" {
		t.Errorf("commit: %q", got)
	}
	if got := committedFiles(t, dir, "HEAD"); strings.Join(got, " ") != "cases/W-001/intake.yaml" {
		t.Errorf("committed %v", got)
	}
	if got := gitCLI(t, dir, "show", "--format=", "--unified=0", "HEAD"); !strings.HasSuffix(got, `
+waivers:
+  - id: WV-00001
+    rule: wioa-first-contact
+    reason: In hospital for three weeks after opening
+    by: svisor
+    date: 2026-03-16`) || strings.Count(got, "\n+") != 7 || strings.Count(got, "\n-") != 1 {
		t.Errorf("diff:\n%s", got)
	}
	f := firstContact(t, dir)
	if f.Severity != finding.Warning || !f.Waived || !strings.HasSuffix(f.Message, "(waived by svisor on 2026-03-16: In hospital for three weeks after opening)") {
		t.Errorf("after the waiver: %v", f)
	}
}

// TestAddWaiverRefused: only a supervisor or an admin waives, only an
// obligation of the case's program, once, with a reason; a refusal
// writes nothing.
func TestAddWaiverRefused(t *testing.T) {
	isolateHome(t)
	dir := waiverStore(t)
	if _, err := openWorkspace(t, dir, sue).Apply([]string{"W-001"}, AddWaiver{Case: "W-001", Rule: "wioa-first-contact", Reason: "In hospital"}.Build); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		by   Author
		a    AddWaiver
		want string
	}{
		{"a case manager", maria, AddWaiver{Rule: "wioa-contact-interval", Reason: "x"}, "only a supervisor or an admin on the staff roster may waive an obligation; mrivera's role is case-manager"},
		{"no such rule", sue, AddWaiver{Rule: "wioa-first-contacts", Reason: "x"}, `no rule "wioa-first-contacts"`},
		{"a consistency rule", sue, AddWaiver{Rule: "date-order", Reason: "x"}, "rule date-order checks the records themselves (a value that contradicts another or looks mistyped), not an obligation; only an obligation (something due or missing) can be waived"},
		{"checks-waiting", sue, AddWaiver{Rule: "checks-waiting", Reason: "x"}, "rule checks-waiting cannot be waived: it says the case's rules wait for a file of the case that cannot be read; fix that file as its finding says and the warning ends"},
		{"another program's", sue, AddWaiver{Rule: "ws-references", Reason: "x"}, "rule ws-references applies to work-security cases; case W-001 is in program wioa"},
		{"no reason", sue, AddWaiver{Rule: "wioa-contact-interval", Reason: " "}, "a waiver needs a reason"},
		{"after today", sue, AddWaiver{Rule: "wioa-contact-interval", Reason: "x", Date: "2026-03-17"}, "waiver date 2026-03-17 is after today (2026-03-16)"},
		{"twice", sue, AddWaiver{Rule: "wioa-first-contact", Reason: "x"}, "case W-001 already has a waiver of wioa-first-contact (by svisor on 2026-03-16: In hospital)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := captureState(t, dir)
			tt.a.Case = "W-001"
			_, err := openWorkspace(t, dir, tt.by).Apply([]string{"W-001"}, tt.a.Build)
			var input *InputError
			if !errors.As(err, &input) || input.Msg != tt.want {
				t.Errorf("error %v\nwant  %s", err, tt.want)
			}
			assertSameState(t, before, captureState(t, dir))
		})
	}
}

// TestRemoveWaiver: a supervisor takes a waiver back, and the obligation's
// error counts again; a case manager may not, and a waiver the case does
// not have is refused.
func TestRemoveWaiver(t *testing.T) {
	isolateHome(t)
	dir := waiverStore(t)
	ws := openWorkspace(t, dir, sue)
	ws.Rand = idSource(t, "WV-00001")
	if _, err := ws.Apply([]string{"W-001"}, AddWaiver{Case: "W-001", Rule: "wioa-first-contact", Reason: "In hospital"}.Build); err != nil {
		t.Fatal(err)
	}
	intake := readTestFile(t, dir, "cases/W-001/intake.yaml")
	// A refusal that names the case's waivers points at case show,
	// which lists who waived each, when and why.
	for _, tt := range []struct {
		by         Author
		rule       string
		want, hint string
	}{
		{maria, "wioa-first-contact", "only a supervisor or an admin on the staff roster may take back a waiver; mrivera's role is case-manager", "ask Sue Visor (svisor), the office's supervisor, to take it back as themselves"},
		{sue, "wioa-contact-interval", "case W-001 has no waiver of wioa-contact-interval; its waivers: WV-00001 (wioa-first-contact)",
			"caseplan case show W-001 shows who waived each, when and why; take one back with caseplan waiver remove W-001 ID"},
		{sue, "", "waiver remove needs the waiver: its ID, as waiver add printed it, or --rule RULE",
			"the case's waivers: WV-00001 (wioa-first-contact); caseplan case show W-001 shows who waived each, when and why"},
	} {
		before := captureState(t, dir)
		_, err := openWorkspace(t, dir, tt.by).Apply([]string{"W-001"}, RemoveWaiver{Case: "W-001", Rule: tt.rule}.Build)
		input := &InputError{}
		if !errors.As(err, &input) || input.Msg != tt.want || input.Hint != tt.hint {
			t.Errorf("error %v (hint %q)\nwant  %s (hint %q)", err, input.Hint, tt.want, tt.hint)
		}
		assertSameState(t, before, captureState(t, dir))
	}
	// The waiver is named by its rule, or by its ID.
	res, err := openWorkspace(t, dir, sue).Apply([]string{"W-001"}, RemoveWaiver{Case: "W-001", Rule: "wv-00001"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if res.Change.Action != "waiver.remove" || res.Change.Summary != "take back the waiver of wioa-first-contact (by svisor on 2026-03-16)" {
		t.Errorf("change: %s %q", res.Change.Action, res.Change.Summary)
	}
	if got := readTestFile(t, dir, "cases/W-001/intake.yaml"); strings.Contains(got, "waivers") || !strings.HasPrefix(intake, got) {
		t.Errorf("intake.yaml:\n%s", got)
	}
	if f := firstContact(t, dir); f.Severity != finding.Error || f.Waived {
		t.Errorf("after the waiver was taken back: %v", f)
	}
	// With no waiver left, the refusal says where a case's waivers are
	// shown (case show, not intake.yaml) and how one is recorded.
	_, err = openWorkspace(t, dir, sue).Apply([]string{"W-001"}, RemoveWaiver{Case: "W-001", Rule: "wioa-first-contact"}.Build)
	var input *InputError
	if !errors.As(err, &input) || input.Msg != "case W-001 has no waivers" ||
		input.Hint != "caseplan case show W-001 lists the waivers a case has, and caseplan validate W-001 marks the warnings they waive; a supervisor records one with caseplan waiver add W-001 --rule RULE --reason TEXT" {
		t.Errorf("got %v (hint %q)", err, input.Hint)
	}
}

// A waiver's reason must say something: eight letters, a Han or kana
// character counting as two, and nothing else (spaces, digits, marks)
// counting at all.
func TestCheckWaiverReason(t *testing.T) {
	for reason, ok := range map[string]bool{
		"x":            false,
		"n/a":          false,
		"per sup":      false,
		"waived":       false,
		"12345678 !!":  false,
		"住院":           false,
		"Hospitalized": true,
		"In hospital":  true,
		"Moved away":   true,
		"住院三周":         true,
		"入院中です":        true,
	} {
		if err := checkWaiverReason(reason); (err == nil) != ok {
			t.Errorf("checkWaiverReason(%q) = %v, want ok %v", reason, err, ok)
		}
	}
}
