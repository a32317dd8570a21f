package casework

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
)

// TestRequestExtensionEvidence: a request weighs 000's criteria from the
// layoff date to the request, within the work security period, and its
// note says how they weigh.
func TestRequestExtensionEvidence(t *testing.T) {
	isolateHome(t)
	dir := initTestStore(t)
	w := openWorkspace(t, dir, maria)
	w.Today = time.Date(2026, 8, 12, 0, 0, 0, 0, time.UTC)
	apply := func(build Build) *Result {
		t.Helper()
		res, err := w.Apply([]string{"WS-1"}, build)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	// The layoff is on Friday 2026-05-01; the period ends on 2026-07-30.
	if _, err := w.Apply(nil, NewCase{ID: "WS-1", Program: "work-security", Name: "Sam Sample",
		Opened: day("2026-03-02"), NoticeDate: day("2026-03-02"), LayoffDate: day("2026-05-01")}.Build); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"2026-05-05", "2026-05-19"} {
		apply(AddNote{Case: "WS-1", Note: record.Note{Date: record.Date(d), Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"job-search"}, Content: "Weekly check-in"}}.Build)
	}
	apply(AddActivity{Case: "WS-1", Entry: record.Application{Date: "2026-05-06", Organization: "Example Co", Position: "Clerk", Status: "applied"}}.Build)

	r := &RequestExtension{Case: "WS-1", Date: day("2026-05-27")}
	res := apply(r.Build)
	ev := r.Evidence
	if from, to := ev.From.Format(time.DateOnly), ev.To.Format(time.DateOnly); from != "2026-05-01" || to != "2026-05-27" {
		t.Errorf("weighed %s to %s, want from the layoff date to the request", from, to)
	}
	if want := []string{"2026-W20"}; !reflect.DeepEqual(ev.Contact.WeeksWithout, want) || ev.Contact.CompleteWeeks != 3 {
		t.Errorf("contact = %+v, want 3 complete weeks, none in %v", ev.Contact, want)
	}
	if want := []string{"2026-W20", "2026-W21"}; !reflect.DeepEqual(ev.Applications.WeeksWithout, want) {
		t.Errorf("applications = %+v, want none in %v", ev.Applications, want)
	}
	var note string
	for p, data := range res.Change.Files {
		if strings.Contains(p, "/notes/") {
			note = string(data)
		}
	}
	if !strings.Contains(note, ev.Summary()) || !strings.Contains(note, "regular contact not met: no contact in 1 of 3 complete week(s) (2026-W20)") {
		t.Errorf("the note does not say how the evidence weighs:\n%s", note)
	}

	// Decided, a later request weighs only the period, not the weeks after it.
	apply(DecideExtension{Case: "WS-1", Date: day("2026-06-01"), By: "Joint Work Security Committee"}.Build)
	r = &RequestExtension{Case: "WS-1", Date: day("2026-08-12")}
	apply(r.Build)
	if to := r.Evidence.To.Format(time.DateOnly); to != "2026-07-30" {
		t.Errorf("a request after the period weighed to %s, want its end 2026-07-30", to)
	}
}
