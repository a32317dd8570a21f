package casework

import (
	"slices"
	"strings"
	"testing"
)

// updateNotesIntake is a case's intake with a team member and a withdrawn
// permission that have notes.
const updateNotesIntake = "id: W-1\nopened: 2026-03-02\nprogram: wioa\nstatus: open\nmanager: mrivera\n" +
	"participant:\n  name: Ana Example\n" +
	"team:\n" +
	"  - id: TM-7QX2K\n" +
	"    name: Alex Example\n" +
	"    role: navigator\n" +
	"    notes: Prefers email # from the job fair\n" +
	"consents:\n" +
	"  - id: CN-7QX2K\n" +
	"    kind: job-site-visit\n" +
	"    given: 2026-03-04\n" +
	"    withdrawn: 2026-03-10\n" +
	"    notes: Short visits\n"

// TestTeamNotesAdd: a team member's notes are added to, as an extension
// decision's are, never replaced without a word; the same notes again add
// nothing, and an empty --notes still removes them.
func TestTeamNotesAdd(t *testing.T) {
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/intake.yaml": updateNotesIntake})
	intake := func(ch *Change) string { return string(ch.Files["cases/W-1/intake.yaml"]) }
	ch, err := UpdateTeamMember{Case: "W-1", Member: "TM-7QX2K", Notes: str(" on leave until 2026-04-01 ")}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(updateNotesIntake, "notes: Prefers email #", "notes: Prefers email; on leave until 2026-04-01 #", 1)
	if got := intake(ch); got != want {
		t.Errorf("intake.yaml:\n%s\nwant:\n%s", got, want)
	}
	if want := `update team member "Alex Example": notes added`; ch.Summary != want {
		t.Errorf("summary %q, want %q", ch.Summary, want)
	}
	_, err = UpdateTeamMember{Case: "W-1", Member: "1", Notes: str("Prefers email")}.Build(s)
	if want := `nothing changes: team member "Alex Example" already has these values`; err == nil || err.Error() != want {
		t.Errorf("the same notes: got %v, want %q", err, want)
	}
	ch, err = UpdateTeamMember{Case: "W-1", Member: "1", Notes: str("")}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := intake(ch); strings.Contains(got, "Prefers email") || ch.Summary != `update team member "Alex Example": notes removed` {
		t.Errorf("--notes '': summary %q, intake.yaml:\n%s", ch.Summary, got)
	}
	if want := []string{`team member "Alex Example": notes removed (were "Prefers email")`}; !slices.Equal(ch.Notes, want) {
		t.Errorf("--notes '': change notes %q, want %q", ch.Notes, want)
	}
}

// TestConsentNotesReplacedAndSaid: a permission's notes are what was
// agreed, and consent update corrects them: replaced, with a note saying
// what they were.
func TestConsentNotesReplacedAndSaid(t *testing.T) {
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/intake.yaml": updateNotesIntake})
	ch, err := UpdateConsent{Case: "W-1", Consent: "CN-7QX2K", Notes: str("Visits of an hour at most")}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(updateNotesIntake, "notes: Short visits", "notes: Visits of an hour at most", 1)
	if got := string(ch.Files["cases/W-1/intake.yaml"]); got != want {
		t.Errorf("intake.yaml:\n%s\nwant:\n%s", got, want)
	}
	if want := []string{`permission 1 for job-site visits: notes replaced (was "Short visits")`}; !slices.Equal(ch.Notes, want) {
		t.Errorf("notes %q, want %q", ch.Notes, want)
	}
	// A date corrected alone replaces no notes: nothing to say.
	ch, err = UpdateConsent{Case: "W-1", Consent: "1", Given: str("2026-03-03")}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Notes) != 0 {
		t.Errorf("a date alone: notes %q, want none", ch.Notes)
	}
}

// TestBenefitNotesAdd: a benefit's notes tell its renewals one after
// another: renew adds to them; the same notes again add nothing.
func TestBenefitNotesAdd(t *testing.T) {
	const iep = "created: 2026-03-02\n" +
		"self_sufficiency:\n" +
		"  benefits:\n" +
		"    - id: BN-7QX2K\n" +
		"      name: SNAP\n" +
		"      renewal: 2026-04-01\n" +
		"      status: active\n" +
		"      notes: Submitted 2026-03-10\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/iep.yaml": iep})
	plan := func(ch *Change) string { return string(ch.Files["cases/W-1/iep.yaml"]) }
	ch, err := RenewBenefit{Case: "W-1", Name: "BN-7QX2K", Renewal: "2026-10-01", Notes: "approved 2026-03-14"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := plan(ch); !strings.Contains(got, "      notes: Submitted 2026-03-10; approved 2026-03-14\n") {
		t.Errorf("iep.yaml:\n%s\nwant the notes added to", got)
	}
	ch, err = RenewBenefit{Case: "W-1", Name: "SNAP", Renewal: "2026-10-01", Notes: "Submitted 2026-03-10"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := plan(ch); !strings.Contains(got, "      notes: Submitted 2026-03-10\n") {
		t.Errorf("the same notes: iep.yaml:\n%s\nwant them once", got)
	}
}
