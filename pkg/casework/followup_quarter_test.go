package casework

import (
	"errors"
	"strings"
	"testing"
)

// --quarter is the quarter after exit (1 to 4, TEGL 10-16). A calendar
// quarter typed instead is refused, never converted, with a hint naming
// which quarter after this case's exit it is; a follow-up with no outcome
// is taken, with a note that the outcome is still unknown.
func TestFollowUpQuarterTyped(t *testing.T) {
	isolateHome(t)
	dir := oneCaseStore(t)
	w := openWorkspace(t, dir, maria)
	w.Rand = strings.NewReader(strings.Repeat("0123456789abcdef", 8))
	apply := func(build Build) (*Result, error) {
		t.Helper()
		return w.Apply([]string{"W-001"}, build)
	}
	refusal := func(typed string) *InputError {
		t.Helper()
		_, err := apply(AddFollowUp{Case: "W-001", Date: day("2027-01-12"), QuarterTyped: typed}.Build)
		var in *InputError
		if !errors.As(err, &in) {
			t.Fatalf("--quarter %s: error %v, want an input error", typed, err)
		}
		return in
	}
	if in := refusal("2026-Q4"); !strings.Contains(in.Hint, "W-001 records no exit yet") {
		t.Errorf("no exit: hint %q", in.Hint)
	}

	// The exit is 2026-06-30 (2026-Q2).
	w.Today = day("2026-07-01")
	if _, err := apply((&ExitCase{Case: "W-001", Date: day("2026-06-30")}).Build); err != nil {
		t.Fatal(err)
	}
	w.Today = day("2027-01-12")
	const of = "W-001's exit on 2026-06-30 (2026-Q2)"
	const list = "--quarter 1 is 2026-Q3, 2 is 2026-Q4, 3 is 2027-Q1, 4 is 2027-Q2"
	for _, tc := range []struct{ typed, msg, hint string }{
		{"2026-Q4", `--quarter "2026-Q4" is a calendar quarter: --quarter is the quarter after exit, 1 to 4`, "2026-Q4 is the 2nd quarter after " + of + ": did you mean --quarter 2?"},
		{"q4-2026", `--quarter "q4-2026" is a calendar quarter`, "2026-Q4 is the 2nd quarter after " + of + ": did you mean --quarter 2?"},
		{"Q1", `--quarter "Q1" is a calendar quarter`, "of the quarters after " + of + ", Q1 is 2027-Q1, the 3rd: did you mean --quarter 3?"},
		{"2026-Q2", `is a calendar quarter`, "2026-Q2 is the quarter of " + of + ", not a quarter after it; " + list},
		{"2026-Q1", `is a calendar quarter`, "2026-Q1 is before " + of + ": a follow-up reports on a quarter after it; " + list},
		{"2027Q3", `is a calendar quarter`, "2027-Q3 is the 5th quarter after " + of + ", past the four WIOA measures; " + list},
		{"5", "--quarter 5: the quarters after exit WIOA measures are 1 to 4", "after " + of + ", " + list},
		{"0", "--quarter 0: the quarters after exit WIOA measures are 1 to 4", "after " + of + ", " + list},
		{"second", `--quarter "second": not a whole number; write the quarter after exit in digits, 1 to 4`, "after " + of + ", " + list},
	} {
		in := refusal(tc.typed)
		if !strings.Contains(in.Msg, tc.msg) || in.Hint != tc.hint {
			t.Errorf("--quarter %s: refused with\n%s\nhint: %s\nwant %q and hint\n%s", tc.typed, in.Msg, in.Hint, tc.msg, tc.hint)
		}
	}

	// An attempt with no answer is taken, and says the outcome is unknown.
	res, err := apply(AddFollowUp{Case: "W-001", Date: day("2027-01-12"), Quarter: 2, Notes: "no answer"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"the follow-up records no outcome: whether W-001 was employed in the 2nd quarter after exit (2026-Q4) is still unknown, " +
		"and the performance report lists it as a missing outcome until it is recorded\n" +
		"hint: when it is learned, record it with caseplan followup add W-001 --date DATE --quarter 2 --employed (or --not-employed)"}
	if got := res.Change.Notes; len(got) != 1 || got[0] != want[0] {
		t.Errorf("notes %q, want %q", got, want)
	}
	// The 3rd quarter is not one the performance report measures.
	w.Today = day("2027-02-01")
	res, err = apply(AddFollowUp{Case: "W-001", Date: day("2027-02-01"), Notes: "no answer"}.Build)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Change.Notes; len(got) != 1 || strings.Contains(got[0], "performance report") || !strings.Contains(got[0], "3rd quarter after exit (2027-Q1)") {
		t.Errorf("3rd quarter: notes %q", got)
	}
	// The outcome recorded: no note, and none for a later attempt.
	no := false
	w.Today = day("2027-02-10")
	for _, fu := range []AddFollowUp{
		{Case: "W-001", Date: day("2027-02-03"), Quarter: 2, Employed: &no},
		{Case: "W-001", Date: day("2027-02-04"), Quarter: 2, Notes: "no answer"},
	} {
		res, err := apply(fu.Build)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Change.Notes; len(got) != 0 {
			t.Errorf("2nd quarter answered: notes %q", got)
		}
	}
}
