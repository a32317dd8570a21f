package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/store/storetest"
)

// The fixture store in testdata/store holds only the records the figures
// need (validate's completeness rules complain about it, which does not
// matter here). Every expected figure below was worked out by hand from
// those files for October 2026 (2026-10-01, a Thursday, to 2026-10-31),
// not by running the code. Settings are the documents' defaults:
// work-security check-ins every 7 days, work_security_days 90; WIOA first
// contact within 10 days, then every 30; post-employment every 30.
//
// The cases, as of 2026-10-31:
//
//	WS-A  ws    alice  opened 08-03, layoff 09-01 (period ends 11-30: 30 days
//	                   left). Contacts 10-05, 10-20, 10-26 (three): 10-20 is
//	                   two-way without a service, which work security counts
//	                   (000's "regular contact"; WIOA would not), and 10-27
//	                   is an amendment, which never counts. Last contact
//	                   10-26 + 7 = 11-02: in contact.
//	                   Applications 10-02, 10-06 (09-29 is September); job
//	                   interview 10-29 (the mock on 10-28 does not count).
//	                   Extension requested 10-20, approved 10-28. Three
//	                   references, a job search and skill plan and a final
//	                   toolbox (000, by the layoff date): nothing overdue.
//	                   Plan reviewed 10-01: next review 12-30.
//	WS-B  ws    alice  opened 10-12, no note: first check-in due 10-19,
//	                   overdue. References due at the layoff (12-11) and the
//	                   notification period's end (12-10) are not. 1 overdue.
//	WS-C  ws    bob    opened 06-16, contact 10-14, placed 10-19 (125 days:
//	                   06-16 to 10-16 is 30+31+31+30 = 122, + 3), closed
//	                   10-19 (placed).
//	W-D   wioa  bob    opened 09-01, transferred to alice 11-05 (after the
//	                   month: bob's case in October). Last contact 09-03 +
//	                   30 = 10-03: overdue. Potential exit known on
//	                   09-03 + 91 = 12-03. 1 overdue.
//	W-E   wioa  alice  opened 10-26, no contact: first contact due 10-26 +
//	                   10 = 11-05, not overdue (in contact). 0 overdue.
//	W-F   wioa  bob    exited 06-30: follow-up until 2027-06-30 (242 days
//	                   left), no contact expected. Contact 10-20. Follow-ups
//	                   due 10-15 and 10-30 (2 due; 09-30 is September); of
//	                   them the one due 10-15 was done (10-20): 1 done (the
//	                   one done 10-02 was September's, done late); the one
//	                   due 10-30 is not done: 1 overdue.
//	P-G   pe    alice  closed 09-15, nothing in October: no row.
//	P-H   pe    bob    closed 08-31 (moved); follow-up due 10-05, done 10-07:
//	                   a row, 1 due and 1 done.
//	P-I   pe    bob    cash assistance ended 09-30: follow-up until
//	                   2027-09-30 (334 days left). Contact 10-01 (the 11-03
//	                   one is later); 10-01 + 30 = 10-31 is not before
//	                   10-31: in contact. Benefit renewal 10-10 and M1 (due
//	                   10-20, done only on 11-02) are overdue: 2. Next
//	                   milestone M1.
//	W-J   wioa  alice  opened 11-02: no row.
//	WS-K  ws    alice  opened 07-01, contact 10-02, placed 10-05 (96 days:
//	                   07-01 to 10-01 is 31+31+30 = 92, + 4), still open:
//	                   phase placed, no contact expected, nothing overdue.
//	W-L   wioa  bob    opened 06-01, closed 11-10 (after the month: open all
//	                   October), contact 10-13 + 30 = 11-12: in contact.
var fixtureMonth = Month{Year: 2026, Month: time.October}

func fixtureSnapshot(t *testing.T) *casefile.Snapshot {
	t.Helper()
	src, err := store.NewWorkTree("testdata/store")
	if err != nil {
		t.Fatal(err)
	}
	snap, _, err := store.Load(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

var fixtureSource = Source{
	Commit:    "0123456789abcdef0123456789abcdef01234567",
	Caseplan:  "v1.4.0",
	Committed: time.Date(2026, 11, 5, 17, 30, 0, 0, time.FixedZone("", 3600)),
}

func TestMonthlySummaryByHand(t *testing.T) {
	r := BuildMonthly(fixtureSnapshot(t), fixtureMonth, fixtureSource, false)
	median := 110.5 // (96 + 125) / 2: WS-K and WS-C
	want := Counts{
		// Open before October and not closed before it: WS-A, WS-C, W-D,
		// W-F, P-I, WS-K, W-L. (P-G and P-H closed in August/September.)
		OpenAtStart: 7,
		// 7 + 2 opened - 1 closed: WS-A, WS-B, W-D, W-E, W-F, P-I, WS-K, W-L.
		OpenAtEnd:      8,
		Opened:         2, // WS-B (10-12), W-E (10-26)
		Closed:         1, // WS-C; W-L closed in November
		ClosedByReason: map[string]int{"placed": 1},
		Placed:         2, // WS-C (10-19), WS-K (10-05)
		// WS-A 3, WS-C 1, W-F 1, P-I 1, WS-K 1, W-L 1.
		MedianDaysToPlacement: &median,
		Contacts:              8,
		// Open at month end and expected in contact: WS-A, WS-B, W-D, W-E,
		// P-I, W-L (W-F is in follow-up, WS-K placed).
		ContactCases:      6,
		OverdueContacts:   2,           // WS-B, W-D
		ContactCompliance: ptr(0.6667), // 4 / 6
		// WS-A 1 (its monthly tracker review, 000) + WS-B 1 + W-D 1 +
		// W-F 1 + P-I 2.
		OverdueItems:        7,
		ExtensionsRequested: 1, // WS-A
		ExtensionsApproved:  1, // WS-A
		FollowUpsDue:        3, // W-F 10-15 and 10-30, P-H 10-05
		FollowUpsDone:       2, // of those due: W-F 10-15 (done 10-20), P-H (done 10-07)
		Applications:        2, // WS-A 10-02, 10-06
		Interviews:          1, // WS-A 10-29
	}
	if !reflect.DeepEqual(r.Summary, want) {
		t.Errorf("summary:\n got %s\nwant %s", js(t, r.Summary), js(t, want))
	}
	if r.Summary.OpenAtStart+r.Summary.Opened-r.Summary.Closed != r.Summary.OpenAtEnd {
		t.Error("open_at_start + opened - closed != open_at_end")
	}

	// Contacts by ISO week: W40 10-01..10-04 holds P-I 10-01 and WS-K
	// 10-02; W41 WS-A 10-05; W42 W-L 10-13 and WS-C 10-14; W43 W-F and
	// WS-A 10-20; W44 10-26..10-31 WS-A 10-26.
	wantWeeks := []WeekCount{
		{"2026-W40", "2026-10-01", "2026-10-04", 2},
		{"2026-W41", "2026-10-05", "2026-10-11", 1},
		{"2026-W42", "2026-10-12", "2026-10-18", 2},
		{"2026-W43", "2026-10-19", "2026-10-25", 2},
		{"2026-W44", "2026-10-26", "2026-10-31", 1},
	}
	if !reflect.DeepEqual(r.ContactsByWeek, wantWeeks) {
		t.Errorf("contacts by week:\n got %s\nwant %s", js(t, r.ContactsByWeek), js(t, wantWeeks))
	}
}

func TestMonthlyManagersByHand(t *testing.T) {
	r := BuildMonthly(fixtureSnapshot(t), fixtureMonth, fixtureSource, false)
	want := []ManagerSection{
		// alice at month end: WS-A, WS-B, W-E, WS-K (W-D came to her on
		// 11-05; P-G has no part in October; W-J opened in November).
		{
			ID: "alice", Name: "Alice Adams",
			Caseload: 4, Opened: 2, Closed: 0, Placed: 1, // WS-K
			Contacts:     4,                                                     // WS-A 3, WS-K 1
			ContactCases: 3, OverdueContacts: 1, ContactCompliance: ptr(0.6667), // WS-A, WS-B, W-E; WS-B late
			OverdueItems: 3, // WS-A (its tracker review), WS-B (its check-in and intake meeting)
			Applications: 2, Interviews: 1,
			ExtensionsRequested: 1, ExtensionsApproved: 1, // as the summary counts them
		},
		// bob: WS-C, W-D, W-F, P-H, P-I, W-L; open at the end W-D, W-F,
		// P-I, W-L.
		{
			ID: "bob", Name: "Bob Brown",
			Caseload: 4, Opened: 0, Closed: 1, Placed: 1, // WS-C
			Contacts:     4,                                                     // WS-C, W-F, P-I, W-L
			ContactCases: 3, OverdueContacts: 1, ContactCompliance: ptr(0.6667), // W-D, P-I, W-L; W-D late
			OverdueItems: 4, // W-D 1, W-F 1, P-I 2
		},
		// carol is a coordinator and dan inactive: no sections.
	}
	if !reflect.DeepEqual(r.Managers, want) {
		t.Errorf("managers:\n got %s\nwant %s", js(t, r.Managers), js(t, want))
	}
}

func TestMonthlyProgramsByHand(t *testing.T) {
	r := BuildMonthly(fixtureSnapshot(t), fixtureMonth, fixtureSource, false)
	wsMedian := 110.5
	want := []ProgramSection{
		{Key: "pe", Name: "Post-employment services", Kind: "post-employment", Counts: Counts{
			// P-H (closed before) and P-I.
			OpenAtStart: 1, OpenAtEnd: 1, ClosedByReason: map[string]int{}, Contacts: 1,
			ContactCases: 1, ContactCompliance: ptr(1), OverdueItems: 2, FollowUpsDue: 1, FollowUpsDone: 1,
		}},
		{Key: "wioa", Name: "WIOA career planning", Kind: "wioa", Counts: Counts{
			// W-D, W-E, W-F, W-L.
			OpenAtStart: 3, OpenAtEnd: 4, Opened: 1, ClosedByReason: map[string]int{}, Contacts: 2,
			ContactCases: 3, OverdueContacts: 1, ContactCompliance: ptr(0.6667), OverdueItems: 2,
			FollowUpsDue: 2, FollowUpsDone: 1,
		}},
		{Key: "ws", Name: "Work Security", Kind: "work-security", Counts: Counts{
			// WS-A, WS-B, WS-C, WS-K.
			OpenAtStart: 3, OpenAtEnd: 3, Opened: 1, Closed: 1, ClosedByReason: map[string]int{"placed": 1},
			Placed: 2, MedianDaysToPlacement: &wsMedian, Contacts: 5, ContactCases: 2, OverdueContacts: 1,
			ContactCompliance: ptr(0.5), OverdueItems: 3, ExtensionsRequested: 1, ExtensionsApproved: 1,
			Applications: 2, Interviews: 1,
		}},
	}
	if !reflect.DeepEqual(r.Programs, want) {
		t.Errorf("programs:\n got %s\nwant %s", js(t, r.Programs), js(t, want))
	}
}

// TestMonthlyPostEmploymentFixture: the fixture's one post-employment
// program gives the section P-I's benefit renewal, dated 10-10 and not
// renewed by 10-31 (due in October, and overdue); its months end in
// 2027, and P-H closed in August.
func TestMonthlyPostEmploymentFixture(t *testing.T) {
	r := BuildMonthly(fixtureSnapshot(t), fixtureMonth, fixtureSource, false)
	want := &PostEmploymentSection{Programs: []string{"pe"}, PostEmploymentCounts: PostEmploymentCounts{RenewalsDue: 1, RenewalsOverdue: 1}, ClosedByReason: map[string]int{}}
	if !reflect.DeepEqual(r.PostEmployment, want) {
		t.Errorf("post-employment:\n got %s\nwant %s", js(t, r.PostEmployment), js(t, want))
	}
}

func TestMonthlyRowsByHand(t *testing.T) {
	r := BuildMonthly(fixtureSnapshot(t), fixtureMonth, fixtureSource, false)
	var ids []string
	rows := map[string]CaseRow{}
	for _, c := range r.Cases {
		ids = append(ids, c.ID)
		rows[c.ID] = c
	}
	// P-G (closed before, nothing in October) and W-J (opened after) have
	// no row.
	wantIDs := []string{"P-H", "P-I", "W-D", "W-E", "W-F", "W-L", "WS-A", "WS-B", "WS-C", "WS-K"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Fatalf("rows %v, want %v", ids, wantIDs)
	}
	days := func(n int) *int { return &n }
	for _, tt := range []CaseRow{
		{ID: "WS-A", Participant: "A. E.", Manager: "alice", Program: "ws", Status: "open", Phase: "work-security",
			PhaseEnds: "2026-11-30", DaysLeft: days(30), LastContact: "2026-10-26", Contacts: 3, Applications: 2, Interviews: 1,
			OverdueItems: 1, Flags: []string{"items-overdue"}}, // no monthly tracker review recorded (000)
		{ID: "WS-B", Participant: "B. Q. S.", Manager: "alice", Program: "ws", Status: "open", Phase: "notification",
			PhaseEnds: "2026-12-10", DaysLeft: days(40), OverdueItems: 2, Flags: []string{"opened", "contact-overdue", "items-overdue"}}, // no intake meeting note (000)
		{ID: "WS-C", Participant: "C. E.", Manager: "bob", Program: "ws", Status: "closed", Phase: "closed",
			LastContact: "2026-10-14", Contacts: 1, Flags: []string{"closed:placed", "placed"}},
		// The intake names alice now; a transfer dated 11-05 makes it bob's.
		{ID: "W-D", Participant: "D. F.", Manager: "bob", Program: "wioa", Status: "open", Phase: "goal-setting",
			LastContact: "2026-09-03", OverdueItems: 1, Flags: []string{"contact-overdue"}},
		{ID: "W-E", Participant: "E. E.", Manager: "alice", Program: "wioa", Status: "open", Phase: "assessment", Flags: []string{"opened"}},
		{ID: "W-F", Participant: "F. E.", Manager: "bob", Program: "wioa", Status: "open", Phase: "follow-up",
			PhaseEnds: "2027-06-30", DaysLeft: days(242), LastContact: "2026-10-20", Contacts: 1, OverdueItems: 1, Flags: []string{"items-overdue"}},
		{ID: "P-H", Participant: "H. E.", Manager: "bob", Program: "pe", Status: "closed", Phase: "closed", Flags: []string{}},
		// M1 was done on 11-02: on 10-31 it was still the next milestone,
		// and overdue; so was the benefit renewal.
		{ID: "P-I", Participant: "I. E.", Manager: "bob", Program: "pe", Status: "open", Phase: "follow-up",
			PhaseEnds: "2027-09-30", DaysLeft: days(334), LastContact: "2026-10-01", Contacts: 1, OverdueItems: 2,
			NextMilestone: &Milestone{Goal: "G1", ID: "M1", Due: "2026-10-20", Text: "@benefits office: renew the child care subsidy"},
			Flags:         []string{"items-overdue", "renewal-overdue"}},
		{ID: "WS-K", Participant: "K. E.", Manager: "alice", Program: "ws", Status: "open", Phase: "placed",
			LastContact: "2026-10-02", Contacts: 1, Flags: []string{"placed"}},
		// Closed on 11-10, but open on 10-31.
		{ID: "W-L", Participant: "L. E.", Manager: "bob", Program: "wioa", Status: "open", Phase: "goal-setting",
			LastContact: "2026-10-13", Contacts: 1, Flags: []string{}},
	} {
		if got := rows[tt.ID]; !reflect.DeepEqual(got, tt) {
			t.Errorf("row %s:\n got %s\nwant %s", tt.ID, js(t, got), js(t, tt))
		}
	}
}

func TestMonthlyNames(t *testing.T) {
	snap := fixtureSnapshot(t)
	if got := BuildMonthly(snap, fixtureMonth, fixtureSource, true).Cases[0].Participant; got != "Hal Example" {
		t.Errorf("--names: participant %q, want the full name", got)
	}
	r := BuildMonthly(snap, fixtureMonth, fixtureSource, false)
	if r.Participants != "initials" {
		t.Errorf("participants = %q", r.Participants)
	}
	for _, c := range r.Cases {
		if len(c.Participant) > 8 {
			t.Errorf("%s: participant %q is more than initials", c.ID, c.Participant)
		}
	}
}

// BuildMonthly must not change the records it reads: the as-of copies
// share what they leave alone.
func TestMonthlyLeavesRecordsAlone(t *testing.T) {
	snap := fixtureSnapshot(t)
	before := js(t, snap.Cases)
	BuildMonthly(snap, Month{Year: 2026, Month: time.September}, fixtureSource, false)
	BuildCaseload(snap, time.Date(2026, 9, 15, 0, 0, 0, 0, time.UTC), fixtureSource, false)
	if after := js(t, snap.Cases); after != before {
		t.Error("building reports changed the snapshot's records")
	}
}

func TestInitials(t *testing.T) {
	for in, want := range map[string]string{
		"Ana Example":        "A. E.",
		"ben q. sample":      "B. Q. S.",
		"  José  Núñez ":     "J. N.",
		"Mary-Jane van Dyke": "M. V. D.",
		"":                   "",
		"(Sam) =Sample":      "S. S.",
		"- ?":                "",
		// A generational suffix is no initial; a word that only looks
		// like one elsewhere, or a name of one word, is.
		"Riley Placeholder, Jr.": "R. P.",
		"riley placeholder jr":   "R. P.",
		"Sam Sample Sr.":         "S. S.",
		"Alex Example III":       "A. E.",
		"Drew Demo IV":           "D. D.",
		"Jr. Sample":             "J. S.",
		"Iv":                     "I.",
		"Ana Iv":                 "A. I.",
		"Casey Srinivasan Demo":  "C. S. D.",
		"Blair Example (Jr.)":    "B. E.",
	} {
		if got := Initials(in); got != want {
			t.Errorf("Initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseMonth(t *testing.T) {
	m, err := ParseMonth("2026-02")
	if err != nil || m.String() != "2026-02" || dateString(m.First()) != "2026-02-01" || dateString(m.Last()) != "2026-02-28" {
		t.Errorf("ParseMonth(2026-02) = %v (%s..%s), %v", m, m.First(), m.Last(), err)
	}
	for _, bad := range []string{"2026-13", "2026-1", "October", "2026-10-01", ""} {
		if _, err := ParseMonth(bad); err == nil {
			t.Errorf("ParseMonth(%q): no error", bad)
		}
	}
}

func TestMedian(t *testing.T) {
	if median(nil) != nil {
		t.Error("median of nothing is not nil")
	}
	for _, tt := range []struct {
		in   []int
		want float64
	}{{[]int{5}, 5}, {[]int{9, 1, 4}, 4}, {[]int{125, 96}, 110.5}, {[]int{1, 2, 3, 10}, 2.5}} {
		if got := median(tt.in); *got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, *got, tt.want)
		}
	}
}

func js(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
func ptr(f float64) *float64 { return &f }

// TestMonthSoFar: a month is reported up to the report's day while the
// day is in it, and whole on its last day, after it or before it.
func TestMonthSoFar(t *testing.T) {
	dec := Month{Year: 2026, Month: time.December}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, tt := range []struct {
		day, last  string
		inProgress bool
	}{
		{"2026-12-01", "2026-12-01", true},
		{"2026-12-04", "2026-12-04", true},
		{"2026-12-30", "2026-12-30", true},
		{"2026-12-31", "2026-12-31", false},
		{"2027-01-15", "2026-12-31", false},
		{"2026-11-30", "2026-12-31", false},
	} {
		m := dec.SoFar(day(tt.day))
		if got := m.Last().Format(time.DateOnly); got != tt.last || m.InProgress() != tt.inProgress || m.String() != "2026-12" {
			t.Errorf("SoFar(%s): last %s, in progress %v, %s; want %s, %v", tt.day, got, m.InProgress(), m, tt.last, tt.inProgress)
		}
	}
	if m := dec.SoFar(day("2026-12-04")).SoFar(day("2027-01-02")); m.InProgress() {
		t.Errorf("a month cut once stays cut: last %s", m.Last())
	}
}

// TestMonthSoFarOverdueRemark: the summary's overdue items are judged on
// the day the report is as of, and the remark says which: the month's
// last day, or the report's day for a month not over.
func TestMonthSoFarOverdueRemark(t *testing.T) {
	snap := storetest.Load(t, storetest.ThreePrograms())
	march := Month{Year: 2026, Month: time.March}
	remark := func(m Month) string {
		for _, l := range summaryLines(BuildMonthly(snap, m, fixtureSource, false)) {
			if l.label == "Overdue items" {
				return l.remark
			}
		}
		return ""
	}
	if got, want := remark(march.SoFar(time.Date(2026, time.March, 18, 0, 0, 0, 0, time.UTC))), "everything due before 2026-03-18 (the report's day: the month is not over) and not done"; got != want {
		t.Errorf("the month so far: remark %q, want %q", got, want)
	}
	if got, want := remark(march), "everything due before the month's last day and not done"; got != want {
		t.Errorf("the whole month: remark %q, want %q", got, want)
	}
}

// The potential-exit flag marks a WIOA case that has exited by the
// definition by month end, not recorded: from the day the exit can be
// recorded (the 91st without a participation-causing service), which may
// be the month's last day, and not on the 90th, when a service still
// prevents it.
func TestMonthlyPotentialExitFlag(t *testing.T) {
	for _, tt := range []struct {
		last string // the last participation-causing service
		want bool
	}{
		{"2026-03-01", true},  // 2026-05-31 is day 91
		{"2026-03-02", false}, // 2026-05-31 is day 90
	} {
		m := storetest.ThreePrograms()
		delete(m, "cases/W1/iep.yaml")
		note := m["cases/W1/notes/2026-03-05-ab12.yaml"]
		delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
		m["cases/W1/notes/"+tt.last+"-ab12.yaml"] = strings.ReplaceAll(note, "2026-03-05", tt.last)
		m.Edit("cases/W1/intake.yaml", "opened: 2026-03-02", "opened: 2026-03-01")
		r := BuildMonthly(storetest.Load(t, m), Month{Year: 2026, Month: time.May}, fixtureSource, false)
		got := false
		for _, c := range r.Cases {
			if c.ID == "W1" {
				got = slices.Contains(c.Flags, FlagPotentialExit)
			}
		}
		if got != tt.want {
			t.Errorf("last service %s: potential-exit flag at 2026-05-31 %v, want %v", tt.last, got, tt.want)
		}
	}
}

// TestMonthlyClosedCaseOwingItsExit: a WIOA case closed without its exit
// recorded exits all the same (TEGL 10-16), and the tickler keeps the exit
// to record (casestate closedDue). A month in which that exit is overdue
// has the closed case in it, though nothing else is dated in it: its row
// is flagged, and the summary's overdue items count it as due does.
func TestMonthlyClosedCaseOwingItsExit(t *testing.T) {
	m := storetest.ThreePrograms()
	delete(m, "cases/W1/iep.yaml")
	note := m["cases/W1/notes/2026-03-05-ab12.yaml"]
	delete(m, "cases/W1/notes/2026-03-05-ab12.yaml")
	m["cases/W1/notes/2026-03-01-ab12.yaml"] = strings.ReplaceAll(note, "2026-03-05", "2026-03-01")
	m.Edit("cases/W1/intake.yaml", "opened: 2026-03-02", "opened: 2026-03-01")
	m.Edit("cases/W1/intake.yaml", "status: open", "status: closed")
	m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-03-20\n    reason: moved\n"
	for path := range m { // W1 alone, so every figure is its
		if strings.HasPrefix(path, "cases/WS1/") || strings.HasPrefix(path, "cases/P1/") {
			delete(m, path)
		}
	}
	snap := storetest.Load(t, m)
	for _, tt := range []struct {
		month   time.Month
		overdue int // the exit, known on 2026-05-31 (day 91), overdue from 06-01
		row     bool
	}{
		{time.April, 0, false},
		{time.May, 0, true}, // known on the month's last day: flagged, not overdue
		{time.June, 1, true},
		{time.September, 1, true},
	} {
		r := BuildMonthly(snap, Month{Year: 2026, Month: tt.month}, fixtureSource, false)
		var row *CaseRow
		for i := range r.Cases {
			if r.Cases[i].ID == "W1" {
				row = &r.Cases[i]
			}
		}
		if (row != nil) != tt.row {
			t.Errorf("%s: W1 has a row %v, want %v", tt.month, row != nil, tt.row)
			continue
		}
		if r.Summary.OverdueItems != tt.overdue {
			t.Errorf("%s: overdue items %d, want %d (the closed case's exit)", tt.month, r.Summary.OverdueItems, tt.overdue)
		}
		if row == nil {
			continue
		}
		if !slices.Contains(row.Flags, FlagPotentialExit) || row.Status != "closed" || row.OverdueItems != tt.overdue {
			t.Errorf("%s: W1 row %+v, want closed, flagged potential-exit, %d overdue", tt.month, *row, tt.overdue)
		}
		if r.Summary.OpenAtEnd != 0 || r.Summary.Closed != 0 || r.Summary.ContactCases != 0 {
			t.Errorf("%s: summary %+v counts the closed case as more than its overdue exit", tt.month, r.Summary)
		}
	}
}

// TestFlagLegend: the legend of the text and Markdown reports lists only
// the flags the rows carry, a closure's reason aside, in the table's
// order, with the meaning the HTML report shows on each flag.
func TestFlagLegend(t *testing.T) {
	rows := []CaseRow{
		{Flags: []string{FlagItemsOverdue}},
		{Flags: []string{FlagClosed + ":withdrew", FlagOpened}},
		{},
	}
	want := []string{
		"opened: " + flagMeaning(FlagOpened, asOf{}),
		"closed: " + flagMeaning(FlagClosed, asOf{}),
		"items-overdue: " + flagMeaning(FlagItemsOverdue, asOf{}),
	}
	if got := flagLegend(rows, asOf{}); !slices.Equal(got, want) {
		t.Errorf("flagLegend = %q, want %q", got, want)
	}
	if got := flagLegend([]CaseRow{{}}, asOf{}); got != nil {
		t.Errorf("flagLegend of rows without flags = %q, want none", got)
	}
	for _, m := range flagMeanings {
		if m.Meaning(asOf{}) == "" {
			t.Errorf("flag %s has no meaning", m.Flag)
		}
	}
}

// TestMonthlyWhatDoesNotCount is what the help says a month's figures
// leave out, counted by hand: a note voided by an amendment dated in a
// later month (it did not happen, so the past month loses it too), and
// informational interviews and networking, which are no job interviews.
func TestMonthlyWhatDoesNotCount(t *testing.T) {
	march := Month{Year: 2026, Month: time.March}
	m := storetest.ThreePrograms()
	m["cases/WS1/activity/2026-W11.yaml"] += `interviews:
  - date: 2026-03-11
    organization: Facilities
    kind: panel
  - date: 2026-03-12
    organization: Facilities
    kind: mock
informational_interviews:
  - date: 2026-03-12
    organization: Library
networking:
  - date: 2026-03-13
    event: Job fair
    contacts: 4
`
	before := BuildMonthly(storetest.Load(t, m), march, fixtureSource, false).Summary
	if before.Interviews != 1 {
		t.Errorf("interviews %d, want 1: the panel, not the mock, informational interview or networking", before.Interviews)
	}
	m["cases/W1/notes/2026-04-20-cd34.yaml"] = `id: 2026-04-20-cd34
date: 2026-04-20
author: mrivera
kind: amendment
mode: none
amends: 2026-03-05-ab12
voids: true
content: Recorded on the wrong case
`
	after := BuildMonthly(storetest.Load(t, m), march, fixtureSource, false).Summary
	if after.Contacts != before.Contacts-1 {
		t.Errorf("contacts %d after a void dated in April, want %d", after.Contacts, before.Contacts-1)
	}
}

// TestContactComplianceByTheProgram checks that a contact day agreed with
// the participant (iep.yaml contact_schedule) and missed is an overdue
// item, but not an overdue contact: contact compliance is "within their
// program's interval" (002's 30 days), and W-L's last contact (10-13) is
// within it at the month's end, though the agreed Monday after it (10-19)
// passed without one.
func TestContactComplianceByTheProgram(t *testing.T) {
	snap := fixtureSnapshot(t)
	var c *casefile.Case
	for _, x := range snap.Cases {
		if x.ID == "W-L" {
			c = x
		}
	}
	if c == nil {
		t.Fatal("no W-L in the fixture")
	}
	before, ok := MonthlyOf(c, snap.Config, fixtureMonth, false)
	if !ok || before.Counts.ContactCases != 1 || before.Counts.OverdueContacts != 0 {
		t.Fatalf("W-L without a schedule: %+v", before.Counts)
	}
	if c.IEP == nil {
		c.IEP = &record.IEP{}
	}
	c.IEP.ContactSchedule = &record.ContactSchedule{Every: record.EveryWeek, Day: "monday", Agreed: "2026-10-01"}

	got, ok := MonthlyOf(c, snap.Config, fixtureMonth, false)
	if !ok {
		t.Fatal("W-L has no part in October")
	}
	if got.Counts.ContactCases != 1 || got.Counts.OverdueContacts != 0 {
		t.Errorf("contact cases %d, overdue contacts %d; want 1, 0 (within the program's 30 days)", got.Counts.ContactCases, got.Counts.OverdueContacts)
	}
	if got.Counts.OverdueItems != before.Counts.OverdueItems+1 {
		t.Errorf("overdue items %d, want %d: the missed agreed day is overdue on the tickler", got.Counts.OverdueItems, before.Counts.OverdueItems+1)
	}
	if slices.Contains(got.Row.Flags, FlagContactOverdue) {
		t.Errorf("flags %v: no contact is overdue by the program", got.Row.Flags)
	}
	row, ok := CaseloadOf(c, snap.Config, fixtureMonth.Last(), false)
	if !ok || row.ContactOverdue {
		t.Errorf("caseload row on %s: open %v, contact overdue %v; want open, not overdue", fixtureMonth.Last().Format(time.DateOnly), ok, row.ContactOverdue)
	}
}

// TestMonthSoFarWords: a month not over is judged on the report's day,
// and every word of the text, Markdown and HTML reports says so: the
// flags' legend and meanings, the summary's open cases and follow-ups,
// the caseload chart. Nothing says "month end" of a day before it. A CSV
// figure keeps its name, a contract scripts select rows by.
func TestMonthSoFarWords(t *testing.T) {
	monthEnd := regexp.MustCompile(`month end|month's last day|end of the month\b|by its end`)
	snap := storetest.Load(t, storetest.ThreePrograms())
	march := Month{Year: 2026, Month: time.March}
	r := BuildMonthly(snap, march.SoFar(time.Date(2026, time.March, 18, 0, 0, 0, 0, time.UTC)), fixtureSource, false)
	var every []string
	for _, m := range flagMeanings {
		every = append(every, m.Flag)
	}
	r.Cases = append(r.Cases, CaseRow{ID: "2026-FLAGS", Flags: every})
	render := func(format string) string {
		w, err := NewWriter(format)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := w.Monthly(&b, r); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, format := range []string{"text", "md", "html"} {
		out := html.UnescapeString(render(format)) // HTML's &#39; is an apostrophe read
		for _, m := range monthEnd.FindAllStringIndex(out, -1) {
			t.Errorf("%s of a month not over says %q: %q", format, out[m[0]:m[1]], out[max(0, m[0]-80):min(len(out), m[1]+40)])
		}
		for _, want := range []string{"Open at the end of 2026-03-18", "no contact within the program's interval on 2026-03-18 (the report's day: the month is not over)"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s of a month not over does not say %q", format, want)
			}
		}
	}
	if html := render("html"); !strings.Contains(html, "Caseload per case manager on 2026-03-18") {
		t.Errorf("the HTML caseload chart is not titled with the report's day")
	}
	var b bytes.Buffer
	if err := NewCSV(CSVOptions{Table: "summary"}).Monthly(&b, r); err != nil {
		t.Fatal(err)
	}
	if want := ",Open at the end of the month,"; !strings.Contains(b.String(), want) {
		t.Errorf("CSV summary renamed the figure %q:\n%s", want, b.String())
	}
}

// TestMonthlyQuartersAfterExit: a WIOA exit owes follow-ups in its 2nd
// and 4th quarters after exit (TEGL 10-16), due on the quarter's last day
// as the tickler lists them, whether or not a follow-up was planned with
// followup add --due. The month a quarter ends counts it due, and done
// when a follow-up reports on it by the month's end (calendar.FollowUpsFor);
// an exclusion lifts it, as it lifts it from the tickler. An exit on
// 2026-06-30 (2026-Q2) has its 2nd quarter after exit end on 2026-12-31.
func TestMonthlyQuartersAfterExit(t *testing.T) {
	for _, tt := range []struct {
		name, outcome                string
		closed                       bool
		month                        time.Month
		due, done, plannedDue, plain int
	}{
		{name: "no follow-up", month: time.December, due: 1},
		{name: "the month before the quarter ends", month: time.November},
		{name: "done in the quarter", outcome: "follow_ups:\n  - due: 2026-11-15\n    done: 2026-11-16\n", month: time.December, due: 1, done: 1},
		{name: "planned in the month, not done", outcome: "follow_ups:\n  - due: 2026-12-15\n", month: time.December, due: 1, plannedDue: 1},
		{name: "made late, after the month", outcome: "follow_ups:\n  - due: 2027-01-10\n    done: 2027-01-10\n    quarter: 2\n", month: time.December, due: 1},
		{name: "late, not due again in January", outcome: "follow_ups:\n  - due: 2027-01-10\n    done: 2027-01-10\n    quarter: 2\n", month: time.January, plannedDue: 1},
		{name: "excluded", outcome: "exclusions:\n  - kind: deceased\n    date: 2026-08-01\n", month: time.December},
		{name: "closed case, nothing else in the month", outcome: "closures:\n  - date: 2026-07-15\n    reason: moved\n", closed: true, month: time.December, due: 1},
	} {
		m := storetest.ThreePrograms()
		for path := range m { // W1 alone, so every figure is its
			if strings.HasPrefix(path, "cases/WS1/") || strings.HasPrefix(path, "cases/P1/") {
				delete(m, path)
			}
		}
		m["cases/W1/intake.yaml"] += "exited: 2026-06-30\n"
		if tt.closed {
			m.Edit("cases/W1/intake.yaml", "status: open", "status: closed")
		}
		if tt.outcome != "" {
			m["cases/W1/outcome.yaml"] = tt.outcome
		}
		year := 2026
		if tt.month == time.January {
			year = 2027
		}
		r := BuildMonthly(storetest.Load(t, m), Month{Year: year, Month: tt.month}, fixtureSource, false)
		s := r.Summary
		if s.QuartersAfterExitDue != tt.due || s.QuartersAfterExitDone != tt.done || s.FollowUpsDue != tt.plannedDue {
			t.Errorf("%s, %s: quarters after exit due / done %d / %d, follow-ups due %d; want %d / %d, %d",
				tt.name, tt.month, s.QuartersAfterExitDue, s.QuartersAfterExitDone, s.FollowUpsDue, tt.due, tt.done, tt.plannedDue)
		}
		for _, p := range r.Programs {
			if p.QuartersAfterExitDue != s.QuartersAfterExitDue*b2i(p.Key == "wioa") || p.QuartersAfterExitDone != s.QuartersAfterExitDone*b2i(p.Key == "wioa") {
				t.Errorf("%s, %s: program %s counts %d / %d, where the summary's are W1's", tt.name, tt.month, p.Key, p.QuartersAfterExitDue, p.QuartersAfterExitDone)
			}
		}
		// W1's manager's row counts them as the summary does, and so do
		// the managers' and programs' tables every format shows.
		for _, mgr := range r.Managers {
			if mgr.QuartersAfterExitDue+mgr.QuartersAfterExitDone == 0 {
				continue
			}
			if mgr.QuartersAfterExitDue != s.QuartersAfterExitDue || mgr.QuartersAfterExitDone != s.QuartersAfterExitDone {
				t.Errorf("%s, %s: manager %s counts %d / %d, where the summary's are W1's", tt.name, tt.month, mgr.ID, mgr.QuartersAfterExitDue, mgr.QuartersAfterExitDone)
			}
		}
		if got := sumOver(r.Managers, func(m ManagerSection) int { return m.QuartersAfterExitDue }); got != s.QuartersAfterExitDue {
			t.Errorf("%s, %s: managers count %d quarters due, the summary %d", tt.name, tt.month, got, s.QuartersAfterExitDue)
		}
		want := fmt.Sprintf("%d / %d", s.QuartersAfterExitDue, s.QuartersAfterExitDone)
		for _, tb := range []table{managerTable(r), programTable(r)} {
			last := slices.Index(tb.headers, "Quarters after exit due / done")
			if last < 0 {
				t.Fatalf("%s table has no quarters after exit column: %q", tb.title, tb.headers)
			}
			if !slices.ContainsFunc(tb.rows, func(row []string) bool { return row[last] == want }) {
				t.Errorf("%s, %s: %s table has no row %q: %q", tt.name, tt.month, tb.title, want, tb.rows)
			}
		}
		if tt.due > 0 && !slices.ContainsFunc(r.Cases, func(c CaseRow) bool { return c.ID == "W1" }) {
			t.Errorf("%s, %s: W1 owes a follow-up ending in the month and has no row", tt.name, tt.month)
		}
	}
}

func sumOver[T any](xs []T, f func(T) int) int {
	n := 0
	for _, x := range xs {
		n += f(x)
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestMonthlyExits: the month counts the WIOA exits dated in it as
// report performance counts them (performance.Facts.CountedExit; TEGL
// 10-16): the exit recorded, of a participant. W1 became a participant on
// 2026-03-05 (career counselling); its exit is recorded below. The
// summary, its manager's and its program's rows count it, the tables
// every format shows have it in their last column, and W1's row is
// flagged exit.
func TestMonthlyExits(t *testing.T) {
	for _, tt := range []struct {
		name, exited string
		closed       bool
		noService    bool
		month        Month
		want         int
	}{
		{name: "exit in the month", exited: "2026-06-30", month: Month{Year: 2026, Month: time.June}, want: 1},
		{name: "the month after", exited: "2026-06-30", month: Month{Year: 2026, Month: time.July}},
		{name: "the month before", exited: "2026-06-30", month: Month{Year: 2026, Month: time.May}},
		{name: "no exit recorded", month: Month{Year: 2026, Month: time.June}},
		// Recorded anyway (case exit --date): the state counts no exit
		// of someone who never became a participant (PIRL 900).
		{name: "never a participant", exited: "2026-06-30", noService: true, month: Month{Year: 2026, Month: time.June}},
		{name: "closed case", exited: "2026-06-20", closed: true, month: Month{Year: 2026, Month: time.June}, want: 1},
		{name: "month not over, exit after the report's day", exited: "2026-06-20", month: Month{Year: 2026, Month: time.June}.SoFar(time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC))},
	} {
		m := storetest.ThreePrograms()
		if tt.exited != "" {
			m["cases/W1/intake.yaml"] += "exited: " + tt.exited + "\n"
		}
		if tt.closed {
			m.Edit("cases/W1/intake.yaml", "status: open", "status: closed")
			m["cases/W1/outcome.yaml"] = "closures:\n  - date: 2026-06-30\n    reason: moved\n"
		}
		if tt.noService {
			delete(m, "cases/W1/iep.yaml")
			m.Edit("cases/W1/notes/2026-03-05-ab12.yaml", "services: [career-counseling]\n", "")
		}
		r := BuildMonthly(storetest.Load(t, m), tt.month, fixtureSource, false)
		if r.Summary.Exits != tt.want {
			t.Errorf("%s: summary exits %d, want %d", tt.name, r.Summary.Exits, tt.want)
		}
		for _, p := range r.Programs {
			if want := tt.want * b2i(p.Key == "wioa"); p.Exits != want {
				t.Errorf("%s: program %s exits %d, want %d", tt.name, p.Key, p.Exits, want)
			}
		}
		for _, mgr := range r.Managers {
			if want := tt.want * b2i(mgr.ID == "mrivera"); mgr.Exits != want {
				t.Errorf("%s: manager %s exits %d, want %d", tt.name, mgr.ID, mgr.Exits, want)
			}
		}
		for _, tb := range []table{managerTable(r), programTable(r)} {
			last := len(tb.headers) - 1
			if tb.headers[last] != "Exits" {
				t.Fatalf("%s table's last column is %q, want Exits", tb.title, tb.headers[last])
			}
			if got := sumOver(tb.rows, func(row []string) int { n, _ := strconv.Atoi(row[last]); return n }); got != tt.want {
				t.Errorf("%s: %s table's Exits column adds up to %d, want %d: %q", tt.name, tb.title, got, tt.want, tb.rows)
			}
		}
		i := slices.IndexFunc(r.Cases, func(c CaseRow) bool { return c.ID == "W1" })
		if i < 0 {
			t.Fatalf("%s: W1 has no row", tt.name)
		}
		if got := slices.Contains(r.Cases[i].Flags, FlagExited); got != (tt.want == 1) {
			t.Errorf("%s: W1's flags %q, exited flagged %v, want %v", tt.name, r.Cases[i].Flags, got, tt.want == 1)
		}
		line := slices.IndexFunc(summaryLines(r), func(l line) bool { return l.label == "Exits" })
		if line < 0 || summaryLines(r)[line].value != strconv.Itoa(tt.want) {
			t.Errorf("%s: the summary's lines have no Exits %d", tt.name, tt.want)
		}
		if tt.want == 1 && !slices.ContainsFunc(flagLegend(r.Cases, monthlyAsOf(r)), func(s string) bool { return strings.HasPrefix(s, FlagExited+": WIOA: exited in the month") }) {
			t.Errorf("%s: the legend does not say what exited means: %q", tt.name, flagLegend(r.Cases, monthlyAsOf(r)))
		}
	}
}
