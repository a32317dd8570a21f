package calendar

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store/storetest"
)

func TestAddMonths(t *testing.T) {
	for _, tt := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-03-16", 12, "2027-03-16"},
		{"2026-08-31", 6, "2027-02-28"}, // the month is shorter: its last day
		{"2027-08-31", 6, "2028-02-29"}, // a leap year
		{"2026-01-31", 1, "2026-02-28"},
		{"2026-06-30", 3, "2026-09-30"},
		{"2026-11-15", 3, "2027-02-15"}, // into the next year
		{"2026-05-31", -3, "2026-02-28"},
	} {
		if got := AddMonths(day(tt.from), tt.n).Format(time.DateOnly); got != tt.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestFollowUpQuarter(t *testing.T) {
	for _, tt := range []struct {
		exit        string
		k           int
		first, last string
	}{
		{"2026-07-10", 1, "2026-07-11", "2026-10-10"},
		{"2026-07-10", 2, "2026-10-11", "2027-01-10"},
		{"2026-07-10", 4, "2027-04-11", "2027-07-10"},
		{"2026-06-30", 2, "2026-10-01", "2026-12-30"},
		{"2026-06-30", 3, "2026-12-31", "2027-03-30"}, // quarters tile the year
	} {
		first, last := FollowUpQuarter(day(tt.exit), tt.k)
		if f, l := first.Format(time.DateOnly), last.Format(time.DateOnly); f != tt.first || l != tt.last {
			t.Errorf("FollowUpQuarter(%s, %d) = %s..%s, want %s..%s", tt.exit, tt.k, f, l, tt.first, tt.last)
		}
	}
}

func TestWorkSecurityPeriod(t *testing.T) {
	m := base()
	m["cases/WS1/outcome.yaml"] = "extensions:\n" +
		"  - requested: 2026-07-01\n    decided: 2026-07-10\n    decision: approved\n    by: Joint committee\n    until: 2026-09-15\n" +
		"  - requested: 2026-09-01\n    decided: 2026-09-05\n    decision: approved\n    by: Joint committee\n    until: 2026-10-20\n" +
		"  - requested: 2026-10-01\n    decision: denied\n    until: 2026-12-01\n"
	c := loadCase(t, m, "WS1")
	p, ok := WorkSecurityPeriodOf(c.Case, c.Config)
	if !ok {
		t.Fatal("no period")
	}
	for _, tt := range []struct {
		name string
		got  time.Time
		want string
	}{
		{"notice", p.Notice, "2026-03-02"},
		{"layoff", p.Layoff, "2026-05-01"},
		{"end", p.End, "2026-07-30"}, // 90 days after the layoff date
		{"extended until", p.ExtendedUntil, "2026-10-20"},
		{"last day", p.LastDay(), "2026-10-20"},
	} {
		if got := tt.got.Format(time.DateOnly); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, got, tt.want)
		}
	}
	if p.Pending {
		t.Error("pending with every request decided")
	}
	if !JobSearchActive(c.Case, c.Config, day("2026-10-20")) || JobSearchActive(c.Case, c.Config, day("2026-10-21")) {
		t.Error("the job search should last to the end of the extension, and no longer")
	}
}

func TestLastService(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(m storetest.MemStore)
		on     string
		want   string // "" for none
	}{
		{"a note recording a service", nil, "2026-03-20", "2026-03-05"},
		{"a plan service started", nil, "2026-04-10", "2026-04-10"}, // S1 runs 04-01 to 06-30
		{"a plan service ended", nil, "2026-09-01", "2026-06-30"},
		{"a note without services is no service", func(m storetest.MemStore) {
			delete(m, "cases/W1/iep.yaml")
			m["cases/W1/notes/2026-03-05-ab12.yaml"] = "id: 2026-03-05-ab12\ndate: 2026-03-05\nauthor: mrivera\nkind: contact\nmode: phone\ntwo_way: true\n"
		}, "2026-03-20", ""},
		{"a referral updated", func(m storetest.MemStore) {
			m["cases/W1/services.yaml"] = "referrals:\n  - id: R1\n    service: Bus pass\n    provider: Transit\n    referred: 2026-07-01\n    status: completed\n    updated: 2026-07-20\n"
		}, "2026-09-01", "2026-07-20"},
		{"a plan service without an end counts on its start", func(m storetest.MemStore) {
			m.Edit("cases/W1/iep.yaml", "    end: 2026-06-30\n", "")
		}, "2026-09-01", "2026-04-01"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			if tt.change != nil {
				tt.change(m)
			}
			c := loadCase(t, m, "W1")
			got, ok := LastService(c.Case, day(tt.on))
			if s := got.Format(time.DateOnly); (tt.want == "" && ok) || (tt.want != "" && s != tt.want) {
				t.Errorf("LastService on %s = %s, %v; want %q", tt.on, s, ok, tt.want)
			}
		})
	}
}

// testCase is one case of a fixture store, with the store's settings.
type testCase struct {
	Case   *casefile.Case
	Config *record.Config
}

// loadCase reads one case of a memory store, with the store's settings.
func loadCase(t *testing.T, m storetest.MemStore, id string) testCase {
	t.Helper()
	snap := storetest.Load(t, m)
	c := snap.Case(id)
	if c == nil {
		t.Fatalf("no case %s", id)
	}
	return testCase{Config: snap.Config, Case: c}
}

func day(s string) time.Time { return storetest.Day(s) }

func base() storetest.MemStore { return storetest.ThreePrograms() }

func evContact(d string) *record.Note {
	return &record.Note{Date: record.Date(d), Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"job-search"}}
}

func evApplications(week string, dates ...string) *record.ActivityWeek {
	w := &record.ActivityWeek{Week: week}
	for _, d := range dates {
		w.Applications = append(w.Applications, record.Application{Date: record.Date(d), Organization: "Example Co", Position: "Clerk", Status: "applied"})
	}
	return w
}

// evPeriod is a work security period from layoff to end.
func evPeriod(layoff, end string) WorkSecurityPeriod {
	return WorkSecurityPeriod{Layoff: day(layoff), End: day(end)}
}

func TestWeighExtension(t *testing.T) {
	// The layoff is on Friday 2026-05-01 (in 2026-W18); the request on
	// Wednesday 2026-05-27 (in 2026-W22). W19, W20 and W21 are complete.
	c := &casefile.Case{
		Notes: []*record.Note{
			evContact("2026-04-28"), // before the layoff: not in the period
			evContact("2026-05-02"), // the layoff's partial week
			evContact("2026-05-05"),
			evContact("2026-05-07"),
			evContact("2026-05-19"),
			{Date: "2026-05-12", Kind: "contact", Mode: "phone", TwoWay: false, Services: []string{"job-search"}}, // one-way: no contact
			{Date: "2026-05-13", Kind: "contact", Mode: "phone", TwoWay: true},                                    // no service: no contact
			{Date: "2026-05-14", Kind: "amendment", Mode: "none", TwoWay: true, Services: []string{"job-search"}, Amends: "x"},
			evContact("2026-05-28"), // after the request
		},
		Activity: []*record.ActivityWeek{
			evApplications("2026-W19", "2026-05-04", "2026-05-08"),
			evApplications("2026-W20", "2026-05-11"),
			evApplications("2026-W22", "2026-05-26", "2026-05-29"), // the 29th is after the request
		},
	}
	ev := WeighExtension(c, evPeriod("2026-05-01", "2026-07-30"), day("2026-05-27"))

	type row struct {
		Week, From, To string
		Partial        bool
		Contacts, Apps int
	}
	var got []row
	for _, w := range ev.Weeks {
		got = append(got, row{w.Week, w.From.Format(time.DateOnly), w.To.Format(time.DateOnly), w.Partial, w.Contacts, w.Applications})
	}
	want := []row{
		{"2026-W18", "2026-05-01", "2026-05-03", true, 1, 0},
		{"2026-W19", "2026-05-04", "2026-05-10", false, 2, 2},
		{"2026-W20", "2026-05-11", "2026-05-17", false, 0, 1},
		{"2026-W21", "2026-05-18", "2026-05-24", false, 1, 0},
		{"2026-W22", "2026-05-25", "2026-05-27", true, 0, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("weeks:\n got %+v\nwant %+v", got, want)
	}
	wantContact := Criterion{Met: false, CompleteWeeks: 3, WeeksWithout: []string{"2026-W20"}, Total: 4}
	if !reflect.DeepEqual(ev.Contact, wantContact) {
		t.Errorf("contact = %+v, want %+v", ev.Contact, wantContact)
	}
	wantApps := Criterion{Met: false, CompleteWeeks: 3, WeeksWithout: []string{"2026-W21"}, Total: 4}
	if !reflect.DeepEqual(ev.Applications, wantApps) {
		t.Errorf("applications = %+v, want %+v", ev.Applications, wantApps)
	}
	if s := ev.Summary(); !strings.Contains(s, "regular contact not met: no contact in 1 of 3 complete week(s) (2026-W20)") {
		t.Errorf("summary = %q", s)
	}
}

func TestWeighExtensionMet(t *testing.T) {
	// Monday to Sunday, two whole weeks, one contact and application each.
	c := &casefile.Case{
		Notes:    []*record.Note{evContact("2026-05-04"), evContact("2026-05-17")},
		Activity: []*record.ActivityWeek{evApplications("2026-W19", "2026-05-10"), evApplications("2026-W20", "2026-05-11")},
	}
	ev := WeighExtension(c, evPeriod("2026-05-04", "2026-08-02"), day("2026-05-17"))
	if len(ev.Weeks) != 2 || ev.Weeks[0].Partial || ev.Weeks[1].Partial {
		t.Fatalf("weeks = %+v, want two complete weeks", ev.Weeks)
	}
	if !ev.Contact.Met || !ev.Applications.Met {
		t.Errorf("contact %+v, applications %+v: want both met", ev.Contact, ev.Applications)
	}
	if got := ev.Contact.Describe("contact"); got != "met (contact in each of 2 complete week(s))" {
		t.Errorf("Describe = %q", got)
	}
}

func TestWeighExtensionNoCompleteWeek(t *testing.T) {
	// A request in the layoff's own week: nothing to hold against the
	// candidate, but nothing shows the criteria either.
	c := &casefile.Case{Notes: []*record.Note{evContact("2026-05-06")}}
	ev := WeighExtension(c, evPeriod("2026-05-05", "2026-08-03"), day("2026-05-08"))
	if len(ev.Weeks) != 1 || !ev.Weeks[0].Partial || ev.Weeks[0].Contacts != 1 {
		t.Fatalf("weeks = %+v", ev.Weeks)
	}
	if ev.Contact.Met || ev.Contact.CompleteWeeks != 0 || len(ev.Contact.WeeksWithout) != 0 {
		t.Errorf("contact = %+v: not met, no complete week, no week held against", ev.Contact)
	}
	if got := ev.Applications.Describe("applications"); got != "not met: no complete week in the period yet" {
		t.Errorf("Describe = %q", got)
	}
}

func TestWeighExtensionAcrossTheYear(t *testing.T) {
	// ISO weeks cross the new year: 2026-12-28 is in 2026-W53, 2027-01-04
	// starts 2027-W01.
	ev := WeighExtension(&casefile.Case{}, evPeriod("2026-12-28", "2027-03-28"), day("2027-01-10"))
	var weeks []string
	for _, w := range ev.Weeks {
		weeks = append(weeks, w.Week)
	}
	if want := []string{"2026-W53", "2027-W01"}; !reflect.DeepEqual(weeks, want) {
		t.Errorf("weeks = %v, want %v", weeks, want)
	}
	if want := []string{"2026-W53", "2027-W01"}; !reflect.DeepEqual(ev.Contact.WeeksWithout, want) {
		t.Errorf("weeks without contact = %v, want %v", ev.Contact.WeeksWithout, want)
	}
}

func TestWeighExtensionWithinThePeriod(t *testing.T) {
	// A request after the work security period ended: its evidence is the
	// period's, not the weeks after it. The period ends on Thursday
	// 2026-07-30, so 2026-W31 is partial.
	c := &casefile.Case{Notes: []*record.Note{evContact("2026-07-28"), evContact("2026-08-04")}}
	ev := WeighExtension(c, evPeriod("2026-05-01", "2026-07-30"), day("2026-08-12"))
	if got := ev.To.Format(time.DateOnly); got != "2026-07-30" {
		t.Errorf("weighed to %s, want the period's end 2026-07-30", got)
	}
	last := ev.Weeks[len(ev.Weeks)-1]
	if last.Week != "2026-W31" || !last.Partial || last.Contacts != 1 || ev.Contact.Total != 1 {
		t.Errorf("last week %+v, %d contacts in all: want 2026-W31, partial, the August contact left out", last, ev.Contact.Total)
	}
	// A request before the layoff has nothing to weigh.
	if ev := WeighExtension(c, evPeriod("2026-05-01", "2026-07-30"), day("2026-04-20")); len(ev.Weeks) != 0 {
		t.Errorf("weeks before the layoff = %+v", ev.Weeks)
	}
}
