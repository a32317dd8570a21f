package calendar

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
)

// TestLetterReachesOut holds the decision for post-employment (003): a
// letter or postcard keeps in touch and is never a contact, in any
// program, and ReachesOut tells it apart from a note that lacked only a
// field (--two-way, a service), so that note add can say to record the
// participant's answer rather than to void the letter and add it again.
func TestLetterReachesOut(t *testing.T) {
	cfg := &record.Config{Programs: map[string]record.Program{
		"pe":   {Kind: record.ProgramPostEmployment},
		"wioa": {Kind: record.ProgramWIOA},
	}}
	letter := &record.Note{Kind: "contact", Mode: "letter", TwoWay: true, Services: []string{"job-search"}, Content: "Sent a letter asking her to call"}
	oneWayCall := &record.Note{Kind: "contact", Mode: "phone", Content: "Left a voicemail"}
	call := &record.Note{Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"job-search"}, Content: "She called back"}
	amendment := &record.Note{Kind: "amendment", Mode: "letter", TwoWay: true}
	for _, program := range []string{"pe", "wioa"} {
		k := ContactOf(cfg, program)
		if k.Is(letter) {
			t.Errorf("%s: a letter counts as a contact", program)
		}
		if why := k.WhyNot(letter); !strings.Contains(why, "the participant's answer is the contact") || !strings.Contains(why, "003") {
			t.Errorf("%s: WhyNot(letter) = %q, want the answer named as the contact, citing 003", program, why)
		}
		if !k.ReachesOut(letter) {
			t.Errorf("%s: ReachesOut(letter) = false", program)
		}
		for _, n := range []*record.Note{oneWayCall, call, amendment} {
			if k.ReachesOut(n) {
				t.Errorf("%s: ReachesOut(%+v) = true, want false", program, n)
			}
		}
	}
}
