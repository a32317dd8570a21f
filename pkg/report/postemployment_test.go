package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// postEmploymentStore is ThreePrograms with post-employment cases whose
// October 2026 was worked out by hand (003: 12 months of services after
// cash assistance ends, benefits whose eligibility is maintained, job-site
// visits only with permission):
//
//	PA  cash assistance ended 2025-10-15: the 12 months end 2026-10-15,
//	    and the case is still open on 10-31: ending and over.
//	PB  ended 2025-10-20, months end 2026-10-20, closed that day as
//	    completed: ending (open that day), not over.
//	PC  ended 2025-08-31, months ended 2026-08-31, still open: over.
//	PD  no end of assistance (active). Benefits: food 10-12 active (due
//	    in October and overdue on 10-31), child care 10-31 active (due,
//	    not overdue on its own day), utility 09-10 lapsed (overdue, not
//	    due in October), health 10-05 ended (nothing), tax credit 11-15
//	    pending (nothing yet): 2 due, 2 overdue.
//	PE  job-site visits 09-20 (September), 10-08 (before the permission
//	    given on 10-10: counted) and 10-14 (after it), and an amendment
//	    of mode job-site on 10-15 (no visit): 1 without permission.
//	PF  closed 10-05 (moved).
//	W1  a WIOA case with a job-site visit on 10-06 and no permission:
//	    another program, not counted.
func postEmploymentStore() storetest.MemStore {
	m := storetest.ThreePrograms()
	intake := func(id, opened, extra string) string {
		return "id: " + id + "\nopened: " + opened + "\nprogram: pe\nstatus: open\nmanager: mrivera\nparticipant:\n  name: Pat Example\n" + extra
	}
	note := func(id, date, mode, extra string) string {
		return "id: " + id + "\ndate: " + date + "\nauthor: mrivera\nkind: contact\nmode: " + mode + "\ntwo_way: true\nservices: [retention]\ncontent: Visit\n" + extra
	}
	m["cases/PA/intake.yaml"] = intake("PA", "2025-09-01", "cash_assistance_ended: 2025-10-15\n")
	m["cases/PB/intake.yaml"] = strings.Replace(intake("PB", "2025-09-01", "cash_assistance_ended: 2025-10-20\n"), "status: open", "status: closed", 1)
	m["cases/PB/outcome.yaml"] = "closures:\n  - date: 2026-10-20\n    reason: completed\n"
	m["cases/PC/intake.yaml"] = intake("PC", "2025-06-01", "cash_assistance_ended: 2025-08-31\n")
	m["cases/PD/intake.yaml"] = intake("PD", "2026-01-05", "")
	m["cases/PD/iep.yaml"] = `created: 2026-01-05
self_sufficiency:
  plan: Keep the job
  benefits:
    - name: Food assistance
      renewal: 2026-10-12
      status: active
    - name: Child care subsidy
      renewal: 2026-10-31
      status: active
    - name: Utility assistance
      renewal: 2026-09-10
      status: lapsed
    - name: Health insurance
      renewal: 2026-10-05
      status: ended
    - name: Earned income credit
      renewal: 2026-11-15
      status: pending
`
	m["cases/PE/intake.yaml"] = intake("PE", "2026-01-05", "consents:\n  - kind: job-site-visit\n    given: 2026-10-10\n")
	m["cases/PE/notes/2026-09-20-js01.yaml"] = note("2026-09-20-js01", "2026-09-20", "job-site", "")
	m["cases/PE/notes/2026-10-08-js02.yaml"] = note("2026-10-08-js02", "2026-10-08", "job-site", "")
	m["cases/PE/notes/2026-10-14-js03.yaml"] = note("2026-10-14-js03", "2026-10-14", "job-site", "")
	m["cases/PE/notes/2026-10-15-js04.yaml"] = strings.Replace(note("2026-10-15-js04", "2026-10-15", "job-site", "amends: 2026-10-14-js03\n"), "kind: contact", "kind: amendment", 1)
	m["cases/PF/intake.yaml"] = strings.Replace(intake("PF", "2026-02-01", ""), "status: open", "status: closed", 1)
	m["cases/PF/outcome.yaml"] = "closures:\n  - date: 2026-10-05\n    reason: moved\n"
	m["cases/W1/notes/2026-10-06-js05.yaml"] = note("2026-10-06-js05", "2026-10-06", "job-site", "")
	return m
}

var october = Month{Year: 2026, Month: time.October}

func TestMonthlyPostEmploymentByHand(t *testing.T) {
	r := BuildMonthly(storetest.Load(t, postEmploymentStore()), october, fixtureSource, false)
	want := &PostEmploymentSection{
		Programs: []string{"pe"},
		PostEmploymentCounts: PostEmploymentCounts{
			ServicesEnding: 2, ServicesOver: 2, RenewalsDue: 2, RenewalsOverdue: 2, JobSiteVisits: 1,
		},
		Closed: 2, ClosedByReason: map[string]int{record.ClosureCompleted: 1, "moved": 1},
	}
	if !reflect.DeepEqual(r.PostEmployment, want) {
		t.Errorf("post-employment section:\n got %s\nwant %s", js(t, r.PostEmployment), js(t, want))
	}
	flags := map[string][]string{}
	for _, c := range r.Cases {
		for _, f := range c.Flags {
			if strings.HasPrefix(flagMeaning(f, asOf{}), "post-employment:") {
				flags[c.ID] = append(flags[c.ID], f)
			}
		}
	}
	wantFlags := map[string][]string{
		"PA": {FlagServicesEnding, FlagServicesOver},
		"PB": {FlagServicesEnding},
		"PC": {FlagServicesOver},
		"PD": {FlagRenewalOverdue},
		"PE": {FlagJobSiteVisit},
	}
	if !reflect.DeepEqual(flags, wantFlags) {
		t.Errorf("post-employment flags %v, want %v", flags, wantFlags)
	}

	// A store that turns pe-job-site-permission off keeps permissions
	// elsewhere: its visits are not counted as without one.
	m := postEmploymentStore()
	m["cases/caseplan.yaml"] += "rules:\n  pe-job-site-permission:\n    enabled: false\n"
	if got := BuildMonthly(storetest.Load(t, m), october, fixtureSource, false).PostEmployment.JobSiteVisits; got != 0 {
		t.Errorf("rule turned off: %d job-site visits without permission, want 0", got)
	}
}

// TestMonthlyPostEmploymentOnlyWithTheProgram: a store without a
// post-employment program has no such section in any format, nor a
// "post_employment" key in its JSON; --table post-employment is its
// header alone.
func TestMonthlyPostEmploymentOnlyWithTheProgram(t *testing.T) {
	m := postEmploymentStore()
	for p := range m {
		if strings.HasPrefix(p, "cases/P") {
			delete(m, p)
		}
	}
	m.Edit("cases/caseplan.yaml", "  pe:\n    kind: post-employment\n", "")
	r := BuildMonthly(storetest.Load(t, m), october, fixtureSource, false)
	if r.PostEmployment != nil {
		t.Fatalf("a section without the program: %s", js(t, r.PostEmployment))
	}
	for _, format := range []string{"text", "md", "html", "json"} {
		w, _ := NewWriter(format)
		var b bytes.Buffer
		if err := w.Monthly(&b, r); err != nil {
			t.Fatal(err)
		}
		if s := b.String(); strings.Contains(s, "Post-employment") || strings.Contains(s, "post_employment") {
			t.Errorf("%s: speaks of post-employment in a store without it", format)
		}
	}
	var b bytes.Buffer
	if err := NewCSV(CSVOptions{Table: "post-employment"}).Monthly(&b, r); err != nil {
		t.Fatal(err)
	}
	if rows, err := csv.NewReader(&b).ReadAll(); err != nil || len(rows) != 1 {
		t.Errorf("--table post-employment without the program: %v rows, %v; want the header alone", rows, err)
	}
}

// TestMonthlyPostEmploymentCSV reads the section's CSV back: one figure
// a row, each value one number, the month and commit on every row, and
// the closures' reasons in the remark.
func TestMonthlyPostEmploymentCSV(t *testing.T) {
	r := BuildMonthly(storetest.Load(t, postEmploymentStore()), october, fixtureSource, false)
	var b bytes.Buffer
	if err := NewCSV(CSVOptions{Table: "post-employment"}).Monthly(&b, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "month,commit,figure,value,remark" {
		t.Errorf("header %s", got)
	}
	got := map[string]string{}
	for _, row := range rows[1:] {
		if len(row) != 5 || row[0] != "2026-10" || row[1] != fixtureSource.Commit {
			t.Errorf("row %v", row)
			continue
		}
		got[row[2]] = row[3]
		if row[2] == "Closed" && !strings.HasPrefix(row[4], "completed 1, moved 1;") {
			t.Errorf("closed remark %q", row[4])
		}
	}
	want := map[string]string{
		"Months of services ending": "2", "Open past their months": "2", "Benefit renewals due": "2",
		"Benefit renewals overdue": "2", "Job-site visits without permission": "1", "Closed": "2",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("figures %v, want %v", got, want)
	}
}

// TestMonthlyPostEmploymentHTMLWellFormed parses the page with the
// section as HTML (encoding/xml's HTML settings): every element closed.
func TestMonthlyPostEmploymentHTMLWellFormed(t *testing.T) {
	r := BuildMonthly(storetest.Load(t, postEmploymentStore()), october, fixtureSource, false)
	var b bytes.Buffer
	if err := (htmlWriter{}).Monthly(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, "<h2>"+postEmploymentTitle+"</h2>") {
		t.Error("the page has no post-employment section")
	}
	if !strings.Contains(page, `<li class="flag warn" title="post-employment: still open after the months of services ended; close it as completed"><span class="sr-only">warning:</span> services over</li>`) {
		t.Error("services-over is not a warning label with its meaning")
	}
	checkWellFormed(t, page)
}

// TestMonthlyCaseVersion: pkg/casescan keeps MonthlyCase in a cache keyed
// by MonthlyCaseVersion, and reads a kept result back into today's
// MonthlyCase; a field added without a new version would read back zero
// from a result kept before it. The JSON fields of each version are
// pinned here: change MonthlyCaseVersion with the fields, and add its
// list.
func TestMonthlyCaseVersion(t *testing.T) {
	fields := map[string]string{
		"monthly-case 2": "contacts counts.applications counts.closed counts.closed_by_reason counts.contact_cases counts.contact_compliance counts.contacts counts.extensions_approved counts.extensions_refused counts.extensions_requested counts.follow_ups_done counts.follow_ups_due counts.interviews counts.median_days_to_placement counts.open_at_end counts.open_at_start counts.opened counts.overdue_contacts counts.overdue_items counts.placed counts.reopened days events post_employment.job_site_visits_without_permission post_employment.renewals_due post_employment.renewals_overdue post_employment.services_ending post_employment.services_over row.applications row.contacts row.days_left row.flags row.id row.interviews row.last_contact row.manager row.next_milestone row.overdue_items row.participant row.phase row.phase_ends row.program row.status",
		"monthly-case 3": "contacts counts.applications counts.closed counts.closed_by_reason counts.contact_cases counts.contact_compliance counts.contacts counts.extensions_approved counts.extensions_refused counts.extensions_requested counts.follow_ups_done counts.follow_ups_due counts.interviews counts.median_days_to_placement counts.open_at_end counts.open_at_start counts.opened counts.overdue_contacts counts.overdue_items counts.placed counts.quarters_after_exit_done counts.quarters_after_exit_due counts.reopened days events post_employment.job_site_visits_without_permission post_employment.renewals_due post_employment.renewals_overdue post_employment.services_ending post_employment.services_over row.applications row.contacts row.days_left row.flags row.id row.interviews row.last_contact row.manager row.next_milestone row.overdue_items row.participant row.phase row.phase_ends row.program row.status",
		"monthly-case 4": "contacts counts.applications counts.closed counts.closed_by_reason counts.contact_cases counts.contact_compliance counts.contacts counts.extensions_approved counts.extensions_refused counts.extensions_requested counts.follow_ups_done counts.follow_ups_due counts.interviews counts.median_days_to_placement counts.open_at_end counts.open_at_start counts.opened counts.overdue_contacts counts.overdue_items counts.placed counts.quarters_after_exit_done counts.quarters_after_exit_due counts.reopened days events notes post_employment.job_site_visits_without_permission post_employment.renewals_due post_employment.renewals_overdue post_employment.services_ending post_employment.services_over row.applications row.contacts row.days_left row.flags row.id row.interviews row.last_contact row.manager row.next_milestone row.overdue_items row.participant row.phase row.phase_ends row.program row.status",
		"monthly-case 5": "contacts counts.applications counts.closed counts.closed_by_reason counts.contact_cases counts.contact_compliance counts.contacts counts.extensions_approved counts.extensions_refused counts.extensions_requested counts.follow_ups_done counts.follow_ups_due counts.interviews counts.median_days_to_placement counts.open_at_end counts.open_at_start counts.opened counts.overdue_contacts counts.overdue_items counts.placed counts.quarters_after_exit_done counts.quarters_after_exit_due counts.reopened days events notes placement post_employment.job_site_visits_without_permission post_employment.renewals_due post_employment.renewals_overdue post_employment.services_ending post_employment.services_over row.applications row.contacts row.days_left row.flags row.id row.interviews row.last_contact row.manager row.next_milestone row.overdue_items row.participant row.phase row.phase_ends row.program row.status",
		// 6: counts.exits, and the exited flag on a row (a row kept
		// before would lack it).
		"monthly-case 6": "contacts counts.applications counts.closed counts.closed_by_reason counts.contact_cases counts.contact_compliance counts.contacts counts.exits counts.extensions_approved counts.extensions_refused counts.extensions_requested counts.follow_ups_done counts.follow_ups_due counts.interviews counts.median_days_to_placement counts.open_at_end counts.open_at_start counts.opened counts.overdue_contacts counts.overdue_items counts.placed counts.quarters_after_exit_done counts.quarters_after_exit_due counts.reopened days events notes placement post_employment.job_site_visits_without_permission post_employment.renewals_due post_employment.renewals_overdue post_employment.services_ending post_employment.services_over row.applications row.contacts row.days_left row.flags row.id row.interviews row.last_contact row.manager row.next_milestone row.overdue_items row.participant row.phase row.phase_ends row.program row.status",
		// 7: contact_notes and voided, for the contacts the late
		// entries say moved.
		"monthly-case 7": "contact_notes contacts counts.applications counts.closed counts.closed_by_reason counts.contact_cases counts.contact_compliance counts.contacts counts.exits counts.extensions_approved counts.extensions_refused counts.extensions_requested counts.follow_ups_done counts.follow_ups_due counts.interviews counts.median_days_to_placement counts.open_at_end counts.open_at_start counts.opened counts.overdue_contacts counts.overdue_items counts.placed counts.quarters_after_exit_done counts.quarters_after_exit_due counts.reopened days events notes placement post_employment.job_site_visits_without_permission post_employment.renewals_due post_employment.renewals_overdue post_employment.services_ending post_employment.services_over row.applications row.contacts row.days_left row.flags row.id row.interviews row.last_contact row.manager row.next_milestone row.overdue_items row.participant row.phase row.phase_ends row.program row.status voided",
	}
	data, err := json.Marshal(MonthlyCase{})
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for k, v := range doc {
		if sub, ok := v.(map[string]any); ok && k != "closed_by_reason" {
			for kk := range sub {
				got = append(got, k+"."+kk)
			}
			continue
		}
		got = append(got, k)
	}
	sort.Strings(got)
	want, ok := fields[MonthlyCaseVersion]
	if !ok || strings.Join(got, " ") != want {
		t.Errorf("MonthlyCase's fields are %q under %q, which pins %q: a changed MonthlyCase needs a new MonthlyCaseVersion", strings.Join(got, " "), MonthlyCaseVersion, want)
	}
	if !slices.Contains(strings.Fields(want), "post_employment.services_over") {
		t.Error("the pinned fields lost the post-employment figures")
	}
}

// TestPostEmploymentSoFarRemarks: a month not over judges the benefit
// renewals on the report's day, as it does overdue items, and the
// remarks name that day rather than the month's end.
func TestPostEmploymentSoFarRemarks(t *testing.T) {
	snap := storetest.Load(t, postEmploymentStore())
	remarks := func(m Month) map[string]string {
		out := map[string]string{}
		for _, l := range postEmploymentLines(BuildMonthly(snap, m, fixtureSource, false)) {
			out[l.label] = l.remark
		}
		return out
	}
	soFar := remarks(october.SoFar(time.Date(2026, time.October, 20, 0, 0, 0, 0, time.UTC)))
	if got, want := soFar["Benefit renewals due"], "dated in the month up to 2026-10-20 (the report's day: the month is not over), not renewed by then"; got != want {
		t.Errorf("the month so far: renewals due %q, want %q", got, want)
	}
	if got, want := soFar["Benefit renewals overdue"], "past their date on 2026-10-20 (the report's day: the month is not over): not renewed, awaiting a decision or lapsed (flag renewal-overdue)"; got != want {
		t.Errorf("the month so far: renewals overdue %q, want %q", got, want)
	}
	whole := remarks(october)
	if got, want := whole["Benefit renewals overdue"], "past their date at month end: not renewed, awaiting a decision or lapsed (flag renewal-overdue)"; got != want {
		t.Errorf("the whole month: renewals overdue %q, want %q", got, want)
	}
}
