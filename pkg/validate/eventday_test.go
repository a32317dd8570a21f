package validate

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/record"
)

// TestJobSitePermissionEventDay: pe-job-site-permission dates each finding
// by the day of the job-site note it is on (Rule.EventDay), and a waiver
// covers only the visits on or before its own date. A day that cannot be
// read — none, or not YYYY-MM-DD — is no day: the visit cannot be shown to
// come before the waiver, so the waiver does not cover it; string order
// would have covered "2026-03-1" and not "2026-03-9", both before it. A
// waiver whose own day cannot be read covers no visit, for the same reason.
func TestJobSitePermissionEventDay(t *testing.T) {
	const (
		rule    = "pe-job-site-permission"
		waived  = "2026-03-10"
		notePth = "cases/P1/notes/visit.yaml"
	)
	r := RuleByID(rule)
	if r == nil || r.EventDay == nil || !IsWaivable(rule) {
		t.Fatalf("rule %s: want a waivable rule with an EventDay", rule)
	}
	for _, tc := range []struct {
		name    string
		waiver  record.Date // the waiver's day; "": waived
		noteDay record.Date
		onFile  string // the finding's file
		wantDay record.Date
		wantOK  bool
		covered bool
	}{
		{name: "before the waiver", noteDay: "2026-03-09", onFile: notePth, wantDay: "2026-03-09", wantOK: true, covered: true},
		{name: "same day as the waiver", noteDay: "2026-03-10", onFile: notePth, wantDay: "2026-03-10", wantOK: true, covered: true},
		{name: "after the waiver", noteDay: "2026-03-11", onFile: notePth, wantDay: "2026-03-11", wantOK: true, covered: false},
		{name: "finding on no note", noteDay: "2026-03-09", onFile: "cases/P1/intake.yaml", wantOK: false, covered: false},
		{name: "note without a day", noteDay: "", onFile: notePth, wantOK: false, covered: false},
		{name: "malformed day, before in string order", noteDay: "2026-03-1", onFile: notePth, wantOK: false, covered: false},
		{name: "malformed day, after in string order", noteDay: "2026-03-9", onFile: notePth, wantOK: false, covered: false},
		{name: "not a date", noteDay: "last week", onFile: notePth, wantOK: false, covered: false},
		{name: "malformed waiver day", waiver: "2026-3-10", noteDay: "2026-03-09", onFile: notePth, wantDay: "2026-03-09", wantOK: true, covered: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := casefile.New("P1")
			c.AddNote(&record.Note{ID: "visit", Date: tc.noteDay, Kind: "contact", Mode: "job-site"}, notePth)
			w := tc.waiver
			if w == "" {
				w = waived
			}
			c.Intake = &record.Intake{ID: "P1", Waivers: []record.Waiver{{Rule: rule, Reason: "reviewed with the employer", By: "mrivera", Date: w}}}
			f := finding.Finding{Rule: rule, Severity: finding.Error, Path: tc.onFile, Message: "job-site visit without permission"}

			day, ok := r.EventDay(c, f)
			if day != tc.wantDay || ok != tc.wantOK {
				t.Errorf("EventDay = %q, %v; want %q, %v", day, ok, tc.wantDay, tc.wantOK)
			}
			got := waive(c, today, []finding.Finding{f})[0]
			if got.Waived != tc.covered {
				t.Errorf("waived = %v, want %v (waiver dated %s)", got.Waived, tc.covered, w)
			}
		})
	}
}

// A waiver of pe-training-referral covers the referrals dated on or before
// its own day, each dated by its referred (Rule.EventDay): a referral made
// after it, outside the months of 003 item 9, is reported again.
func TestTrainingReferralEventDay(t *testing.T) {
	m := base()
	m["cases/caseplan.yaml"] = strings.Replace(config, "email: mrivera@example.org", "email: mrivera@example.org\n    role: supervisor", 1)
	m["cases/P1/intake.yaml"] += "cash_assistance_ended: 2025-03-01\nwaivers:\n  - rule: pe-training-referral\n    reason: funded by the college's own grant\n    by: mrivera\n    date: 2026-03-10\n"
	m["cases/P1/services.yaml"] = "referrals:\n" +
		"  - id: R-4K7QX\n    service: GED classes\n    provider: Example Adult School\n    category: education\n    referred: 2026-03-05\n    status: referred\n" +
		"  - id: R-K7QX2\n    service: Welding course\n    provider: Example College\n    category: training\n    referred: 2026-03-12\n    status: referred\n"
	var got []string
	for _, f := range run(t, m, today) {
		if f.Rule == RulePETrainingReferral {
			got = append(got, fmt.Sprintf("%d waived=%v", f.Line, f.Waived))
		}
	}
	if want := []string{"6 waived=true", "12 waived=false"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}
