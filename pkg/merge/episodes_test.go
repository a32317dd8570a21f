package merge

import (
	"strings"
	"testing"
)

// Closures of two episodes are both kept: theirs closed and reopened
// the case, ours closed it after the reopening.
func TestEpisodesOfTwoClosuresKept(t *testing.T) {
	const path = "cases/2026-T3ST1/outcome.yaml"
	base := "follow_ups:\n  - id: FU-7QX2K\n    due: 2026-09-30\n"
	ours := base + "closures:\n  - id: CL-AAAAA\n    date: 2026-12-07\n    reason: moved\n"
	theirs := base + "closures:\n  - id: CL-BBBBB\n    date: 2026-12-01\n    reason: withdrew\nreopenings:\n  - id: RO-BBBBB\n    date: 2026-12-03\n    reason: returned\n"
	got, err := Record(path, []byte(base), []byte(ours), []byte(theirs))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Conflicts) > 0 || !strings.Contains(string(got.Data), "CL-AAAAA") || !strings.Contains(string(got.Data), "CL-BBBBB") {
		t.Errorf("got %v\n%s\nwant both closures, no conflict", got.Conflicts, got.Data)
	}
}

// A closure ours added to the episode theirs closed is reported with why.
func TestEpisodesClosedTwiceWhy(t *testing.T) {
	const path = "cases/2026-T3ST1/outcome.yaml"
	ours := "closures:\n  - id: CL-AAAAA\n    date: 2026-12-07\n    reason: moved\n"
	theirs := "closures:\n  - id: CL-BBBBB\n    date: 2026-12-08\n    reason: withdrew\n"
	got, err := Record(path, []byte("{}\n"), []byte(ours), []byte(theirs))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Conflicts) != 1 || got.Conflicts[0].Why != WhyClosedTwice || strings.Contains(string(got.Data), "CL-AAAAA") {
		t.Errorf("got %+v\n%s\nwant theirs' closure alone and one conflict, WhyClosedTwice", got.Conflicts, got.Data)
	}
}
