package casework

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// A kind of entry the week has no list for yet goes where the canonical
// order puts it: before the first list that follows, and before the
// comment that belongs to that list. Everything else stays byte for byte.
func TestAppendActivityOrder(t *testing.T) {
	const old = "# yaml-language-server: $schema=../../../schemas/activity.schema.json\n" +
		"week: 2026-W11\n" +
		"applications:\n" +
		"  - date: 2026-03-10\n" +
		"    organization: Example Clinic\n" +
		"    position: Office Coordinator\n" +
		"    status: applied # sent by email\n" +
		"\n" +
		"# Chamber events count as networking.\n" +
		"networking:\n" +
		"  - date: 2026-03-12\n" +
		"    event: Chamber breakfast\n"
	interview := record.Interview{Date: "2026-03-13", Organization: "Example Clinic", Kind: "screening"}
	got, err := appendActivity("interviews", interview)([]byte(old))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(old, "# Chamber events",
		"interviews:\n  - date: 2026-03-13\n    organization: Example Clinic\n    kind: screening\n# Chamber events", 1)
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}

	// A list that exists is appended to; one that comes last goes at the end.
	course := record.ActivityCourse{Date: "2026-03-14", Title: "Excel basics"}
	got, err = appendActivity("networking", record.NetworkingEvent{Date: "2026-03-14", Event: "Job club"})([]byte(old))
	if err != nil {
		t.Fatal(err)
	}
	if want := old + "  - date: 2026-03-14\n    event: Job club\n"; string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	got, err = appendActivity("courses", course)([]byte("week: 2026-W11\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "week: 2026-W11\ncourses:\n  - date: 2026-03-14\n    title: Excel basics\n"; string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestAddActivity(t *testing.T) {
	const w11 = "# yaml-language-server: $schema=../../../schemas/activity.schema.json\n" +
		"week: 2026-W11\n" +
		"applications:\n" +
		"  - date: 2026-03-10\n" +
		"    organization: Example Clinic\n" +
		"    position: Office Coordinator\n" +
		"    status: applied\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/activity/2026-W11.yaml": w11})
	s.Rand = idSource(t, "AP-00001", "NW-00001")
	internal := false
	app := record.Application{Date: "2026-03-15", Organization: "Example Library", Position: "Clerk", Internal: &internal, Status: "applied"}
	ch, err := AddActivity{Case: "W-1", Entry: app}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	// Sunday 2026-03-15 is still in ISO week 11.
	if ch.Output != "AP-00001" || ch.Action != "activity.add" {
		t.Errorf("output %q, action %q", ch.Output, ch.Action)
	}
	want := w11 + "  - id: AP-00001\n    date: 2026-03-15\n    organization: Example Library\n    position: Clerk\n    internal: false\n    status: applied\n"
	if got := string(ch.Files["cases/W-1/activity/2026-W11.yaml"]); got != want {
		t.Errorf("2026-W11.yaml:\n%s\nwant:\n%s", got, want)
	}
	if ch.Summary != "log application to Example Library (Clerk) in 2026-W11" {
		t.Errorf("summary %q", ch.Summary)
	}

	// Monday 2026-03-16 starts week 12, which has no file yet: it is
	// written canonically, with its week.
	n := 4
	ch, err = AddActivity{Case: "W-1", Entry: record.NetworkingEvent{Date: "2026-03-16", Event: "Job club", Contacts: &n}}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	p := "cases/W-1/activity/2026-W12.yaml"
	fresh, _ := record.Marshal(p, &record.ActivityWeek{Week: "2026-W12", Networking: []record.NetworkingEvent{{ID: "NW-00001", Date: "2026-03-16", Event: "Job club", Contacts: &n}}})
	if got := ch.Files[p]; string(got) != string(fresh) || len(ch.Files) != 1 {
		t.Errorf("files %v; %s:\n%s\nwant:\n%s", changedPaths(ch.Files), p, got, fresh)
	}
	if ch.Output != "NW-00001" {
		t.Errorf("output %q", ch.Output)
	}
}

func TestUpdateApplication(t *testing.T) {
	const w11 = "week: 2026-W11\n" +
		"applications:\n" +
		"  - date: 2026-03-10\n" +
		"    organization: Example Clinic\n" +
		"    position: Office Coordinator\n" +
		"    status: applied\n" +
		"    feedback: none yet # ask on Friday\n" +
		"  - date: 2026-03-11\n" +
		"    organization: Example Library\n" +
		"    position: Clerk\n" +
		"    status: applied\n" +
		"interviews:\n" +
		"  - date: 2026-03-12\n" +
		"    organization: Example Clinic\n"
	const w12 = "week: 2026-W12\n" +
		"applications:\n" +
		"  - id: AP-7QX2K\n" +
		"    date: 2026-03-16\n" +
		"    organization: Example Museum\n" +
		"    position: Archivist\n" +
		"    status: applied\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/activity/2026-W11.yaml": w11, "cases/W-1/activity/2026-W12.yaml": w12})
	ch, err := UpdateApplication{Case: "W-1", Week: "2026-W11", Application: "1", Status: "interview", Feedback: "screening call booked"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(w11, "    status: applied\n    feedback: none yet # ask on Friday\n", "    status: interview\n    feedback: none yet; screening call booked # ask on Friday\n", 1)
	if got := string(ch.Files["cases/W-1/activity/2026-W11.yaml"]); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if ch.Summary != "move application 1 of 2026-W11 (Example Clinic, Office Coordinator) to interview" || ch.Action != "activity.update" || ch.Output != "2026-W11 application 1" {
		t.Errorf("summary %q, action %q, output %q", ch.Summary, ch.Action, ch.Output)
	}
	// An application with an ID is named by it, in any case and without
	// its week, which is found.
	ch, err = UpdateApplication{Case: "W-1", Application: "ap-7qx2k", Status: "offer"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(ch.Files["cases/W-1/activity/2026-W12.yaml"]), strings.Replace(w12, "status: applied", "status: offer", 1); got != want || len(ch.Files) != 1 {
		t.Errorf("got %v:\n%s\nwant:\n%s", changedPaths(ch.Files), got, want)
	}
	if ch.Output != "AP-7QX2K" || ch.Summary != "move application AP-7QX2K (Example Museum, Archivist) to offer" {
		t.Errorf("output %q, summary %q", ch.Output, ch.Summary)
	}
	// Feedback is added to an application that had none.
	ch, err = UpdateApplication{Case: "W-1", Week: "2026-W11", Application: "2", Status: "rejected", Feedback: "position filled internally"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want = strings.Replace(w11, "    position: Clerk\n    status: applied\n", "    position: Clerk\n    status: rejected\n    feedback: position filled internally\n", 1)
	if got := string(ch.Files["cases/W-1/activity/2026-W11.yaml"]); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}

	for _, tc := range []struct {
		u    UpdateApplication
		want string
	}{
		{UpdateApplication{Week: "2026-W11", Application: "3", Status: "offer"}, "has applications 1 to 2, not 3"},
		{UpdateApplication{Week: "2026-W10", Application: "1", Status: "offer"}, "has no activity in week 2026-W10"},
		{UpdateApplication{Week: "2026-W11", Application: "1", Status: "maybe"}, `unknown application status "maybe"`},
		{UpdateApplication{Week: "2026-W99", Application: "1", Status: "offer"}, `"2026-W99" is not an ISO week`},
		{UpdateApplication{Application: "1", Status: "offer"}, "--application 1: a number names an entry of one week, and no week was given"},
		{UpdateApplication{Application: "AP-00000", Status: "offer"}, `case W-1 has no application "AP-00000" (it has AP-7QX2K)`},
		{UpdateApplication{Week: "2026-W11", Application: "AP-7QX2K", Status: "offer"}, "application AP-7QX2K of case W-1 was logged in week 2026-W12, not 2026-W11"},
	} {
		tc.u.Case = "W-1"
		_, err := tc.u.Build(s)
		var input *InputError
		if !errors.As(err, &input) || !strings.Contains(input.Msg, tc.want) {
			t.Errorf("%+v: got %v, want an InputError with %q", tc.u, err, tc.want)
		}
	}
}

// TestUpdateNumberWithoutWeek: an entry named by its number without its
// week is refused with what to type for each entry of that number as it
// is: --week with the number for one without an ID, its ID for one with.
func TestUpdateNumberWithoutWeek(t *testing.T) {
	week := func(w, id, org string) string {
		return "week: " + w + "\napplications:\n  - " + id + "date: 2026-03-10\n    organization: " + org + "\n    position: Clerk\n    status: applied\n"
	}
	files := map[string]string{
		"cases/W-1/activity/2026-W11.yaml": week("2026-W11", "", "Example Clinic"),
		"cases/W-1/activity/2026-W12.yaml": week("2026-W12", "id: AP-7QX2K\n    ", "Example Museum"),
	}
	s := workTreeState(t, "W-1", files)
	for _, tc := range []struct{ which, hint string }{
		{"1", "type the one you mean: --week 2026-W11 --application 1 (Example Clinic, Clerk), --application AP-7QX2K (Example Museum, Clerk)"},
		{"2", "no week of case W-1 has application 2; caseplan activity list W-1 lists the entries"},
	} {
		_, err := UpdateApplication{Case: "W-1", Application: tc.which, Status: "offer"}.Build(s)
		var input *InputError
		if !errors.As(err, &input) || input.Hint != tc.hint {
			t.Errorf("application %s: got %v (hint %q), want the hint %q", tc.which, err, inputHint(err), tc.hint)
		}
	}
	// One entry of that number: the hint is what to type; the latest
	// weeks when there are many.
	s = workTreeState(t, "W-1", map[string]string{"cases/W-1/activity/2026-W11.yaml": week("2026-W11", "", "Example Clinic")})
	_, err := UpdateApplication{Case: "W-1", Application: "1", Status: "offer"}.Build(s)
	if want := "type --week 2026-W11 --application 1 (Example Clinic, Clerk)"; inputHint(err) != want {
		t.Errorf("one week: hint %q, want %q", inputHint(err), want)
	}
	many := map[string]string{}
	for w := 10; w <= 15; w++ {
		name := fmt.Sprintf("2026-W%02d", w)
		many["cases/W-1/activity/"+name+".yaml"] = week(name, "", "Example Clinic")
	}
	s = workTreeState(t, "W-1", many)
	_, err = UpdateApplication{Case: "W-1", Application: "1", Status: "offer"}.Build(s)
	if want := "type the one you mean: --week 2026-W12 --application 1 (Example Clinic, Clerk), --week 2026-W13 --application 1 (Example Clinic, Clerk), --week 2026-W14 --application 1 (Example Clinic, Clerk), --week 2026-W15 --application 1 (Example Clinic, Clerk); caseplan activity list W-1 lists 2 earlier"; inputHint(err) != want {
		t.Errorf("six weeks: hint %q, want %q", inputHint(err), want)
	}
}

// inputHint is the hint of an InputError, "" for any other error.
func inputHint(err error) string {
	var input *InputError
	errors.As(err, &input)
	return hintOf(input)
}

// TestActivityFeedbackAdds: feedback given to an entry that has some is
// added to it, as the employer gives it, never replacing what was
// recorded; the same feedback typed again adds nothing.
func TestActivityFeedbackAdds(t *testing.T) {
	const w11 = "week: 2026-W11\n" +
		"applications:\n" +
		"  - id: AP-7QX2K\n" +
		"    date: 2026-03-10\n" +
		"    organization: Example Library\n" +
		"    position: Clerk\n" +
		"    status: offer\n" +
		"    feedback: verbal offer on 2026-03-26\n" +
		"interviews:\n" +
		"  - id: IV-7QX2K\n" +
		"    date: 2026-03-12\n" +
		"    organization: Example Library\n" +
		"    feedback: strong on scheduling\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/activity/2026-W11.yaml": w11})
	file := func(ch *Change) string { return string(ch.Files["cases/W-1/activity/2026-W11.yaml"]) }
	ch, err := UpdateApplication{Case: "W-1", Application: "AP-7QX2K", Status: "withdrawn", Feedback: " reposted after the center grant was funded "}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(w11, "    status: offer\n    feedback: verbal offer on 2026-03-26\n",
		"    status: withdrawn\n    feedback: verbal offer on 2026-03-26; reposted after the center grant was funded\n", 1)
	if got := file(ch); got != want {
		t.Errorf("application: got:\n%s\nwant:\n%s", got, want)
	}
	// The same feedback again: only the status changes.
	ch, err = UpdateApplication{Case: "W-1", Application: "AP-7QX2K", Status: "hired", Feedback: "verbal offer on 2026-03-26"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := file(ch), strings.Replace(w11, "status: offer", "status: hired", 1); got != want {
		t.Errorf("the same feedback: got:\n%s\nwant:\n%s", got, want)
	}
	ch, err = UpdateInterview{Case: "W-1", Interview: "IV-7QX2K", Feedback: "second round on Monday"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := file(ch), strings.Replace(w11, "strong on scheduling", "strong on scheduling; second round on Monday", 1); got != want {
		t.Errorf("interview: got:\n%s\nwant:\n%s", got, want)
	}
	_, err = UpdateInterview{Case: "W-1", Interview: "IV-7QX2K", Feedback: "strong on scheduling"}.Build(s)
	var input *InputError
	if want := "interview IV-7QX2K (Example Library) already has this feedback: strong on scheduling"; !errors.As(err, &input) || input.Msg != want {
		t.Errorf("the same interview feedback: got %v, want %q", err, want)
	}
}

// TestUpdateInterviewAndCourse: an interview's feedback, added where it
// belongs in the entry, and a course's status change in place.
func TestUpdateInterviewAndCourse(t *testing.T) {
	const w12 = "week: 2026-W12\n" +
		"interviews:\n" +
		"  - date: 2026-03-16\n" +
		"    organization: Example Clinic # second round\n" +
		"    kind: panel\n" +
		"  - id: IV-7QX2K\n" +
		"    date: 2026-03-18\n" +
		"    organization: Example Library\n" +
		"courses:\n" +
		"  - date: 2026-03-17\n" +
		"    title: Spreadsheet basics\n" +
		"    status: enrolled\n"
	s := workTreeState(t, "W-1", map[string]string{"cases/W-1/activity/2026-W12.yaml": w12})
	ch, err := UpdateInterview{Case: "W-1", Week: "2026-W12", Interview: "1", Feedback: " Strong on scheduling "}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(w12, "    kind: panel\n", "    kind: panel\n    feedback: Strong on scheduling\n", 1)
	if got := string(ch.Files["cases/W-1/activity/2026-W12.yaml"]); got != want || ch.Action != "activity.update" || ch.Output != "2026-W12 interview 1" {
		t.Errorf("got %s %q:\n%s\nwant:\n%s", ch.Action, ch.Output, got, want)
	}
	// An interview with an ID is named by it, in any case and without its
	// week.
	ch, err = UpdateInterview{Case: "W-1", Interview: "iv-7qx2k", Feedback: "Offer expected"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want = strings.Replace(w12, "    organization: Example Library\n", "    organization: Example Library\n    feedback: Offer expected\n", 1)
	if got := string(ch.Files["cases/W-1/activity/2026-W12.yaml"]); got != want || ch.Output != "IV-7QX2K" || ch.Summary != "record the feedback of interview IV-7QX2K (Example Library)" {
		t.Errorf("got %q %q:\n%s\nwant:\n%s", ch.Output, ch.Summary, got, want)
	}
	ch, err = UpdateActivityCourse{Case: "W-1", Week: "2026-W12", Course: "1", Status: "completed"}.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	want = strings.Replace(w12, "status: enrolled", "status: completed", 1)
	if got := string(ch.Files["cases/W-1/activity/2026-W12.yaml"]); got != want || ch.Summary != "mark course 1 of 2026-W12 (Spreadsheet basics) completed" {
		t.Errorf("got %q:\n%s\nwant:\n%s", ch.Summary, got, want)
	}
	for _, tc := range []struct {
		b    Build
		want string
	}{
		{UpdateInterview{Case: "W-1", Week: "2026-W12", Interview: "3", Feedback: "x"}.Build, "week 2026-W12 of case W-1 has interviews 1 to 2, not 3"},
		{UpdateInterview{Case: "W-1", Week: "2026-W12", Interview: "1", Feedback: " "}.Build, "no feedback to record"},
		{UpdateActivityCourse{Case: "W-1", Week: "2026-W12", Course: "1", Status: "enrolled"}.Build, "course 1 of 2026-W12 (Spreadsheet basics) is already enrolled"},
		{UpdateActivityCourse{Case: "W-1", Week: "2026-W12", Course: "1", Status: "hired"}.Build, `unknown course status "hired"`},
		{UpdateActivityCourse{Case: "W-1", Week: "2026-W11", Course: "1", Status: "dropped"}.Build, "case W-1 has no activity in week 2026-W11"},
	} {
		_, err := tc.b(s)
		var input *InputError
		if !errors.As(err, &input) || input.Msg != tc.want {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}

func changedPaths(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
