package casework

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
)

func evDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

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

func TestWeighExtension(t *testing.T) {
	// The layoff is on Friday 2026-05-01 (in 2026-W18); the request on
	// Wednesday 2026-05-27 (in 2026-W22). W19, W20 and W21 are complete.
	notes := []*record.Note{
		evContact("2026-04-28"), // before the layoff: not in the period
		evContact("2026-05-02"), // the layoff's partial week
		evContact("2026-05-05"),
		evContact("2026-05-07"),
		evContact("2026-05-19"),
		{Date: "2026-05-12", Kind: "contact", Mode: "phone", TwoWay: false, Services: []string{"job-search"}}, // one-way: no contact
		{Date: "2026-05-13", Kind: "contact", Mode: "phone", TwoWay: true},                                    // no service: no contact
		{Date: "2026-05-14", Kind: "amendment", Mode: "none", TwoWay: true, Services: []string{"job-search"}, Amends: "x"},
		evContact("2026-05-28"), // after the request
	}
	activity := []*record.ActivityWeek{
		evApplications("2026-W19", "2026-05-04", "2026-05-08"),
		evApplications("2026-W20", "2026-05-11"),
		evApplications("2026-W22", "2026-05-26", "2026-05-29"), // the 29th is after the request
	}
	ev := WeighExtension(notes, activity, evDay("2026-05-01"), evDay("2026-05-27"))

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
	notes := []*record.Note{evContact("2026-05-04"), evContact("2026-05-17")}
	activity := []*record.ActivityWeek{evApplications("2026-W19", "2026-05-10"), evApplications("2026-W20", "2026-05-11")}
	ev := WeighExtension(notes, activity, evDay("2026-05-04"), evDay("2026-05-17"))
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
	ev := WeighExtension([]*record.Note{evContact("2026-05-06")}, nil, evDay("2026-05-05"), evDay("2026-05-08"))
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
	ev := WeighExtension(nil, nil, evDay("2026-12-28"), evDay("2027-01-10"))
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
