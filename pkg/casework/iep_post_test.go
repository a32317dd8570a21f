package casework

import (
	"errors"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// TestBenefitRenewKeepsRecordedDate: the news that a renewal was
// submitted (pending) or missed (lapsed) is about the date already
// recorded, so renew keeps it without --renewal and says so in the
// commit; ended needs no date. An active benefit needs its next date,
// and the refusal names the command to type with the benefit's ID.
func TestBenefitRenewKeepsRecordedDate(t *testing.T) {
	const iep = "created: 2026-03-02\n" +
		"self_sufficiency:\n" +
		"  benefits:\n" +
		"    - id: BN-7QX2K\n" +
		"      name: SNAP\n" +
		"      renewal: 2026-03-10\n" +
		"      status: active\n" +
		"    - id: BN-8J9Z1\n" +
		"      name: Earned income credit\n" +
		"      status: active\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/iep.yaml": iep})
	plan := func(ch *Change) string { return string(ch.Files["cases/W-1/iep.yaml"]) }

	for _, st := range []string{"lapsed", "Pending"} {
		ch, err := RenewBenefit{Case: "W-1", Name: "snap", Status: st}.Build(s)
		if err != nil {
			t.Fatalf("--status %s without --renewal: %v", st, err)
		}
		want := strings.ToLower(st)
		if got := plan(ch); !strings.Contains(got, "      renewal: 2026-03-10\n      status: "+want+"\n") {
			t.Errorf("--status %s: iep.yaml:\n%s\nwant the date kept and the status %s", st, got, want)
		}
		if wantSum := `renew benefit "SNAP": ` + want + `, renewal 2026-03-10 as recorded`; ch.Summary != wantSum {
			t.Errorf("--status %s: summary %q, want %q", st, ch.Summary, wantSum)
		}
	}
	ch, err := RenewBenefit{Case: "W-1", Name: "BN-8J9Z1", Status: "ended"}.Build(s)
	if err != nil {
		t.Fatalf("--status ended without a date: %v", err)
	}
	if got := plan(ch); strings.Contains(got, "renewal: \n") || !strings.Contains(got, "      name: Earned income credit\n      status: ended\n") {
		t.Errorf("--status ended: iep.yaml:\n%s\nwant the status ended and no renewal date", got)
	}

	// Ended with a date on record: the date stays in the plan, but the
	// commit says the benefit ended, never a renewal "as recorded".
	ch, err = RenewBenefit{Case: "W-1", Name: "SNAP", Status: "ended"}.Build(s)
	if err != nil {
		t.Fatalf("--status ended with a date on record: %v", err)
	}
	if want := `renew benefit "SNAP": ended`; ch.Summary != want {
		t.Errorf("--status ended with a date on record: summary %q, want %q", ch.Summary, want)
	}

	refusals := []struct {
		name      string
		renew     RenewBenefit
		msg, hint string
	}{
		{"active, no date", RenewBenefit{Case: "W-1", Name: "SNAP"},
			`benefit "SNAP" needs its next renewal date (--renewal)`,
			"caseplan iep benefit renew W-1 BN-7QX2K --renewal DATE (the next renewal); or, to keep 2026-03-10, --status pending, lapsed or ended"},
		{"restored, no date", RenewBenefit{Case: "W-1", Name: "SNAP", Status: "active"},
			`benefit "SNAP" needs its next renewal date (--renewal)`,
			"caseplan iep benefit renew W-1 BN-7QX2K --renewal DATE --status active (the next renewal); or, to keep 2026-03-10, --status pending, lapsed or ended"},
		// A renewal moves an active benefit's date on: an earlier one is
		// a typo'd year, and a date recorded wrong is corrected in the plan.
		{"active, moved back", RenewBenefit{Case: "W-1", Name: "SNAP", Renewal: "2025-03-10"},
			`benefit "SNAP" is to be renewed by 2026-03-10: --renewal 2025-03-10 is earlier, and a renewal moves the date on, not back`,
			"give the next renewal date, after 2026-03-10: caseplan iep benefit renew W-1 BN-7QX2K --renewal DATE; if 2026-03-10 was recorded wrong, correct it with caseplan edit W-1 iep"},
		{"active, moved back with --status active", RenewBenefit{Case: "W-1", Name: "SNAP", Renewal: "2026-03-09", Status: "active"},
			`benefit "SNAP" is to be renewed by 2026-03-10: --renewal 2026-03-09 is earlier, and a renewal moves the date on, not back`,
			"give the next renewal date, after 2026-03-10: caseplan iep benefit renew W-1 BN-7QX2K --renewal DATE; if 2026-03-10 was recorded wrong, correct it with caseplan edit W-1 iep"},
		{"lapsed, no date anywhere", RenewBenefit{Case: "W-1", Name: "earned income credit", Status: "lapsed"},
			`benefit "Earned income credit" has no renewal date on record: give the renewal date that was missed (--renewal)`,
			"caseplan iep benefit renew W-1 BN-8J9Z1 --renewal DATE --status lapsed"},
	}
	for _, r := range refusals {
		_, err := r.renew.Build(s)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%s: Build = %v, want an InputError", r.name, err)
		}
		if ie.Msg != r.msg || ie.Hint != r.hint {
			t.Errorf("%s:\n got %q\n     hint %q\nwant %q\n     hint %q", r.name, ie.Msg, ie.Hint, r.msg, r.hint)
		}
	}

	_, err = AddBenefit{Case: "W-1", Benefit: record.Benefit{Name: "snap"}}.Build(s)
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("a benefit twice: %v, want an InputError", err)
	}
	if want := "record a new renewal date with caseplan iep benefit renew W-1 BN-7QX2K --renewal DATE"; ie.Hint != want {
		t.Errorf("a benefit twice: hint %q, want %q", ie.Hint, want)
	}
}

// TestBenefitRenewSummarySaysWhatTheDateIs: the date given is the next
// renewal of an active benefit only; for a pending renewal it is the day
// it was due and for a lapsed one the day missed (iep benefit renew
// --help), and the commit's summary says which.
func TestBenefitRenewSummarySaysWhatTheDateIs(t *testing.T) {
	const iep = "created: 2026-03-02\n" +
		"self_sufficiency:\n" +
		"  benefits:\n" +
		"    - id: BN-7QX2K\n" +
		"      name: SNAP\n" +
		"      renewal: 2026-03-10\n" +
		"      status: active\n" +
		"    - id: BN-8J9Z1\n" +
		"      name: Child care subsidy\n" +
		"      renewal: 2026-03-10\n" +
		"      status: lapsed\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/iep.yaml": iep})
	for _, tc := range []struct {
		renew RenewBenefit
		want  string
	}{
		{RenewBenefit{Case: "W-1", Name: "SNAP", Renewal: "2026-03-12", Status: "lapsed"}, `renew benefit "SNAP": lapsed, missed renewal 2026-03-12`},
		{RenewBenefit{Case: "W-1", Name: "SNAP", Renewal: "2026-03-12", Status: "Pending"}, `renew benefit "SNAP": pending, renewal due 2026-03-12`},
		{RenewBenefit{Case: "W-1", Name: "SNAP", Renewal: "2026-09-10"}, `renew benefit "SNAP": next renewal 2026-09-10`},
		{RenewBenefit{Case: "W-1", Name: "Child care subsidy", Renewal: "2026-03-12"}, `renew benefit "Child care subsidy": lapsed, missed renewal 2026-03-12`},
		{RenewBenefit{Case: "W-1", Name: "Child care subsidy", Renewal: "2026-09-10", Status: "active"}, `renew benefit "Child care subsidy": next renewal 2026-09-10, active`},
	} {
		ch, err := tc.renew.Build(s)
		if err != nil {
			t.Fatalf("%+v: %v", tc.renew, err)
		}
		if ch.Summary != tc.want {
			t.Errorf("%+v: summary %q, want %q", tc.renew, ch.Summary, tc.want)
		}
	}
}

// TestBenefitNotLapsedAhead: a lapsed benefit is dated by the renewal it
// missed, so one cannot lapse on a renewal after today. A busy manager
// who names the wrong benefit, or gives --status lapsed to one renewed
// months ahead, is refused: written, the benefit would wait on the
// tickler until that date and stay out of the monthly report's overdue
// renewals while its eligibility is to be restored now (003).
func TestBenefitNotLapsedAhead(t *testing.T) {
	const iep = "created: 2026-03-02\n" +
		"self_sufficiency:\n" +
		"  benefits:\n" +
		"    - id: BN-7QX2K\n" +
		"      name: Transit benefit\n" +
		"      renewal: 2026-09-01\n" +
		"      status: active\n" +
		"    - id: BN-8J9Z1\n" +
		"      name: Child care subsidy\n" +
		"      renewal: 2026-03-10\n" +
		"      status: active\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/iep.yaml": iep}) // today 2026-03-16
	ended := "one the participant no longer qualifies for is --status ended"
	refusals := []struct {
		name      string
		build     func() (*Change, error)
		msg, hint string
	}{
		{"lapsed, the date kept", func() (*Change, error) {
			return RenewBenefit{Case: "W-1", Name: "transit benefit", Status: "lapsed"}.Build(s)
		}, `benefit "Transit benefit" cannot have lapsed on a renewal not due yet: its renewal date 2026-09-01 is after today, 2026-03-16`,
			"give the renewal date it missed, on or before 2026-03-16: caseplan iep benefit renew W-1 BN-7QX2K --renewal DATE --status lapsed; " + ended + "; if it is another benefit, caseplan iep show W-1 lists them with their IDs"},
		{"lapsed, a date ahead given", func() (*Change, error) {
			return RenewBenefit{Case: "W-1", Name: "BN-8J9Z1", Status: "lapsed", Renewal: "2026-04-10"}.Build(s)
		}, `benefit "Child care subsidy" cannot have lapsed on a renewal not due yet: its renewal date 2026-04-10 is after today, 2026-03-16`,
			"give the renewal date it missed, on or before 2026-03-16: caseplan iep benefit renew W-1 BN-8J9Z1 --renewal DATE --status lapsed; " + ended + "; if it is another benefit, caseplan iep show W-1 lists them with their IDs"},
		{"added lapsed ahead", func() (*Change, error) {
			return AddBenefit{Case: "W-1", Benefit: record.Benefit{Name: "SNAP", Renewal: "2026-05-01", Status: "lapsed"}}.Build(s)
		}, `benefit "SNAP" cannot have lapsed on a renewal not due yet: its renewal date 2026-05-01 is after today, 2026-03-16`,
			"give the renewal date it missed, on or before 2026-03-16: caseplan iep benefit add W-1 --name 'SNAP' --renewal DATE --status lapsed; " + ended},
	}
	for _, r := range refusals {
		_, err := r.build()
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%s: Build = %v, want an InputError", r.name, err)
		}
		if ie.Msg != r.msg || ie.Hint != r.hint {
			t.Errorf("%s:\n got %q\n     hint %q\nwant %q\n     hint %q", r.name, ie.Msg, ie.Hint, r.msg, r.hint)
		}
	}

	// The renewal missed, on or before today, is taken, and so are the
	// other statuses of a benefit renewed ahead.
	for _, r := range []RenewBenefit{
		{Case: "W-1", Name: "Child care subsidy", Status: "lapsed"},
		{Case: "W-1", Name: "Transit benefit", Status: "lapsed", Renewal: "2026-03-16"},
		{Case: "W-1", Name: "Transit benefit", Status: "pending"},
		{Case: "W-1", Name: "Transit benefit", Status: "ended"},
	} {
		if _, err := r.Build(s); err != nil {
			t.Errorf("%+v: %v", r, err)
		}
	}
}
