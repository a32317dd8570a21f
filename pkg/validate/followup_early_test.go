package validate

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
)

// TestFollowUpEarlyPaths holds follow-up-early to the two paths the rule
// table (TestRules) leaves out: a post-employment case (003), whose
// participant is working from the opening, so a follow-up needs no
// placement or exit before it; and the WIOA exit, which a follow-up done
// after is following (TEGL 10-16: follow-up in the quarters after exit), and one
// done before is not. want is the finding's message, "" for none.
func TestFollowUpEarlyPaths(t *testing.T) {
	const placedAt = "placements:\n  - id: PL-7QX2K\n    employer: Clinic\n    position: Clerk\n    start: %s\n    recorded: 2026-03-03\n"
	placed := func(start string) string { return strings.Replace(placedAt, "%s", start, 1) }
	for _, tt := range []struct {
		name    string
		id      string // the case: P1 (post-employment) or W1 (WIOA)
		exited  string // W1's exit date, "" for none
		closed  bool   // W1's status is closed
		outcome string
		at      string // path:line:col of the finding, when one is wanted
		want    string
	}{
		// Post-employment: employed from the opening (003), so nothing
		// to wait for.
		{name: "post-employment, no placement on record", id: "P1",
			outcome: "follow_ups:\n  - due: 2026-03-10\n    done: 2026-03-10\n    employed: true\n"},
		{name: "post-employment, before a placement's start", id: "P1",
			outcome: "follow_ups:\n  - due: 2026-03-10\n    done: 2026-03-10\n    employed: true\n" + placed("2026-03-12")},
		{name: "post-employment, on the opening day", id: "P1",
			outcome: "follow_ups:\n  - due: 2026-03-02\n    done: 2026-03-02\n    employed: true\n"},

		// WIOA exit: a follow-up comes on or after it.
		{name: "before the exit", id: "W1", exited: "2026-03-10",
			outcome: "follow_ups:\n  - due: 2026-03-09\n    done: 2026-03-09\n    employed: true\n",
			at:      "cases/W1/outcome.yaml:3:11", want: "follow-up done on 2026-03-09, before the exit on 2026-03-10: a follow-up comes after placement or exit (001); correct the date, or the exit date"},
		{name: "on the exit day", id: "W1", exited: "2026-03-10",
			outcome: "follow_ups:\n  - due: 2026-03-10\n    done: 2026-03-10\n    employed: true\n"},
		{name: "after the exit", id: "W1", exited: "2026-03-10",
			outcome: "follow_ups:\n  - due: 2026-03-13\n    done: 2026-03-13\n    employed: true\n"},
		// The earliest of the exit and a placement's start is what a
		// follow-up must come after: either one is enough.
		{name: "after the exit, before a later placement", id: "W1", exited: "2026-03-10",
			outcome: "follow_ups:\n  - due: 2026-03-11\n    done: 2026-03-11\n    employed: true\n" + placed("2026-03-13")},
		{name: "after a placement, before a later exit", id: "W1", exited: "2026-03-12",
			outcome: "follow_ups:\n  - due: 2026-03-11\n    done: 2026-03-11\n    employed: true\n" + placed("2026-03-09")},
		{name: "before both the exit and a placement", id: "W1", exited: "2026-03-12",
			outcome: "follow_ups:\n  - due: 2026-03-09\n    done: 2026-03-09\n    employed: true\n" + placed("2026-03-13"),
			at:      "cases/W1/outcome.yaml:3:11", want: "follow-up done on 2026-03-09, before the exit on 2026-03-12"},
		// A closure is what a follow-up follows too, and what to correct.
		{name: "before a closure", id: "W1", closed: true,
			outcome: "follow_ups:\n  - due: 2026-03-09\n    done: 2026-03-09\n    employed: true\nclosures:\n  - date: 2026-03-11\n    reason: other\n",
			at:      "cases/W1/outcome.yaml:3:11", want: "follow-up done on 2026-03-09, before the case was closed on 2026-03-11: a follow-up comes after placement or exit (001); correct the date, or the closure's date"},
		// A follow-up only planned is not checked.
		{name: "planned before the exit", id: "W1", exited: "2026-03-10",
			outcome: "follow_ups:\n  - due: 2026-03-09\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			if tt.exited != "" {
				m.edit("cases/W1/intake.yaml", "status: open\n", "status: open\nexited: "+tt.exited+"\n")
			}
			if tt.closed {
				m.edit("cases/W1/intake.yaml", "status: open", "status: closed")
			}
			m["cases/"+tt.id+"/outcome.yaml"] = tt.outcome
			var got []finding.Finding
			for _, f := range run(t, m, today) {
				if f.Rule == RuleFollowUpEarly {
					got = append(got, f)
				} else if f.Severity == finding.Error {
					t.Errorf("unexpected other finding: %s", f)
				}
			}
			if tt.want == "" {
				if len(got) != 0 {
					t.Errorf("want no %s finding, got %v", RuleFollowUpEarly, got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("want one %s finding, got %v", RuleFollowUpEarly, got)
			}
			if s := got[0].String(); !strings.HasPrefix(s, tt.at+": error "+RuleFollowUpEarly+": ") || !strings.Contains(s, tt.want) {
				t.Errorf("got  %s\nwant %s: error %s: ... %s", s, tt.at, RuleFollowUpEarly, tt.want)
			}
		})
	}
}

// TestFollowUpSourcesCited holds the rules about follow-up to what the
// documents say: 002 has the counselor "conduct follow-up" but sets no
// length, 001 has "some programs (such as WIA Youth)" follow up "for 12
// months after program exit", and the quarters after exit are TEGL
// 10-16's. A summary that credits 002 with the 12 months misstates the
// source a monitor would look it up in.
func TestFollowUpSourcesCited(t *testing.T) {
	for _, id := range []string{RuleFollowUpEarly, "wioa-follow-up", "wioa-follow-up-late"} {
		r := RuleByID(id)
		if r == nil {
			t.Fatalf("no rule %s", id)
		}
		if strings.Contains(r.Summary, "002: 12 months") || strings.Contains(r.Summary, "12 months after exit (002") {
			t.Errorf("%s: summary credits 002 with 12 months of follow-up, which 002 does not state: %q", id, r.Summary)
		}
	}
	if s := RuleByID(RuleFollowUpEarly).Summary; !strings.Contains(s, "TEGL 10-16") {
		t.Errorf("%s: summary does not cite TEGL 10-16 for the quarters after exit: %q", RuleFollowUpEarly, s)
	}
}
