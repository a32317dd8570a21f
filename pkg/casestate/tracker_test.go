package casestate

import (
	"fmt"
	"strings"
	"testing"
)

// trackerReviewNote is a monthly review of the activity tracker (000).
func trackerReviewNote(id string) string { return note(id, NoteTrackerReview, "in-person", true, "") }

func TestTrackerReview(t *testing.T) {
	ws := files{"intake.yaml": wsIntake}
	placed := "placement:\n  employer: Library\n  position: Clerk\n  start: 2026-06-15\n"
	for _, tt := range []struct {
		name string
		fs   files
		on   string
		want string // "kind due at detail-fragment", "" for no item
	}{
		{"due a month after the opening while none is recorded", ws, "2026-03-16",
			"2026-04-02 intake.yaml:2 none yet since the case opened on 2026-03-02"},
		{"overdue after it", ws, "2026-04-10",
			"2026-04-02 intake.yaml:2 none yet since the case opened on 2026-03-02"},
		{"a month after the last review", ws.with(files{
			"notes/2026-03-31-tr01.yaml": trackerReviewNote("2026-03-31-tr01"),
			"notes/2026-04-28-tr02.yaml": trackerReviewNote("2026-04-28-tr02"),
		}), "2026-05-05", "2026-05-28 notes/2026-04-28-tr02.yaml:2 last 2026-04-28"},
		{"a review on a month's 31st is due on the next month's last day", ws.with(files{
			"notes/2026-05-31-tr01.yaml": trackerReviewNote("2026-05-31-tr01"),
		}), "2026-06-02", "2026-06-30 notes/2026-05-31-tr01.yaml:2 last 2026-05-31"},
		{"a contact is no review", ws.with(files{
			"notes/2026-03-31-ck01.yaml": contactNote("2026-03-31-ck01"),
		}), "2026-04-05", "2026-04-02 intake.yaml:2 none yet"},
		{"a review dated after today has not happened yet", ws.with(files{
			"notes/2026-04-20-tr01.yaml": trackerReviewNote("2026-04-20-tr01"),
		}), "2026-04-05", "2026-04-02 intake.yaml:2 none yet"},
		{"during an extension", ws.with(files{"outcome.yaml": extended}), "2026-08-15",
			"2026-04-02 intake.yaml:2 none yet"},
		{"none once placed", ws.with(files{"outcome.yaml": placed}), "2026-06-20", ""},
		{"none once separated", ws, "2026-08-15", ""},
		{"none for WIOA", files{"intake.yaml": wioaIntake}, "2026-04-10", ""},
		{"none for post-employment", files{"intake.yaml": peIntake}, "2026-04-10", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range state(t, tt.fs, tt.on).Due {
				if d.Kind == DueTrackerReview {
					got = append(got, fmt.Sprintf("%s %s:%d %s", d.Due, strings.TrimPrefix(d.Path, "cases/C1/"), d.Line, d.Detail))
				}
			}
			if tt.want == "" {
				if len(got) > 0 {
					t.Fatalf("tracker-review items %q, want none", got)
				}
				return
			}
			head, frag, _ := strings.Cut(tt.want, " ")
			at, frag, _ := strings.Cut(frag, " ")
			if len(got) != 1 || !strings.HasPrefix(got[0], head+" "+at+" ") || !strings.Contains(got[0], frag) {
				t.Fatalf("tracker-review items %q, want one due %s at %s saying %q", got, head, at, frag)
			}
			// Whole, as note add takes it: without --mode it is refused.
			if !strings.Contains(got[0], "caseplan note add C1 --kind tracker-review --mode MODE --two-way") {
				t.Errorf("detail %q does not say how to record the review, as note add takes it", got[0])
			}
		})
	}
}

func TestCaseConference(t *testing.T) {
	ws := files{"intake.yaml": wsIntake}
	step := func(due string) string {
		s := "created: 2026-03-02\nnext_steps:\n  - id: N1\n    owner: manager\n    text: Hold the case-conference with HR and the union\n"
		if due != "" {
			s += "    due: " + due + "\n"
		}
		return s
	}
	for _, tt := range []struct {
		name string
		fs   files
		on   string
		want string
	}{
		{"to plan while nothing names it", ws, "2026-03-16", ConferenceToPlan},
		{"to plan with a next step without a date", ws.with(files{"iep.yaml": step("")}), "2026-03-16", ConferenceToPlan},
		{"planned by a dated next step", ws.with(files{"iep.yaml": step("2026-04-15")}), "2026-03-16", ConferencePlanned},
		{"planned by a dated milestone", ws.with(files{"iep.yaml": "created: 2026-03-02\ngoals:\n  - id: G1\n    term: short\n    text: A job\n    milestones:\n      - id: M1\n        text: Case Conference\n        due: 2026-04-15\n"}), "2026-03-16", ConferencePlanned},
		{"a milestone about something else plans nothing", ws.with(files{"iep.yaml": "created: 2026-03-02\ngoals:\n  - id: G1\n    term: short\n    text: A job\n    milestones:\n      - id: M1\n        text: Conference on resumes\n        due: 2026-04-15\n"}), "2026-03-16", ConferenceToPlan},
		{"held once a case-conference note records it", ws.with(files{"notes/2026-03-12-cc01.yaml": note("2026-03-12-cc01", NoteCaseConference, "in-person", true, "")}), "2026-03-16", ConferenceHeld},
		{"a note dated after today is not held yet", ws.with(files{"notes/2026-03-20-cc01.yaml": note("2026-03-20-cc01", NoteCaseConference, "in-person", true, "")}), "2026-03-16", ConferenceToPlan},
		{"not said once separated", ws, "2026-08-15", ""},
		{"not said for WIOA", files{"intake.yaml": wioaIntake}, "2026-03-16", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := state(t, tt.fs, tt.on)
			if s.CaseConference != tt.want {
				t.Errorf("case conference %q, want %q", s.CaseConference, tt.want)
			}
			for _, d := range s.Due {
				// The plan's own dated item is on the tickler as itself;
				// caseplan adds none (000 gives the conference no date).
				if d.Kind != DueMilestone && d.Kind != DueNextStep && strings.Contains(strings.ToLower(d.Detail), "conference") {
					t.Errorf("due item %s %s: 000 gives the conference no date, so caseplan makes it no due item", d.Kind, d.Detail)
				}
			}
		})
	}
}
