package gitstore

import (
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// ChangedSubtrees lists the directories of a directory whose trees differ
// between two commits (new, changed, gone); DiffTreesEnter lists the
// files that differ below two trees, entering only where it is let in;
// ReadBlob gives a side's content.
func TestChangedSubtrees(t *testing.T) {
	r := newTestRepo(t)
	a := commitT(t, r, "month end",
		put("cases/caseplan.yaml", "settings"),
		put("cases/W-001/outcome.yaml", "then"),
		put("cases/W-001/notes/2026-11-02-aaaa.yaml", "n1"),
		put("cases/W-002/intake.yaml", "b"),
		put("cases/W-003/intake.yaml", "c"),
	)
	b := commitT(t, r, "later",
		put("cases/caseplan.yaml", "settings changed"), // a file, not a directory
		put("cases/W-001/outcome.yaml", "now"),
		put("cases/W-001/notes/2026-11-25-cccc.yaml", "late"),
		put("cases/W-001/activity/2026-W48.yaml", "week"),
		del("cases/W-002/intake.yaml"),
		put("cases/W-004/intake.yaml", "new"),
	)
	dirs, err := r.ChangedSubtrees(a, b, "cases")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range dirs {
		got = append(got, d.Path+" "+side(d.From, d.To))
	}
	if want := "cases/W-001 changed,cases/W-002 removed,cases/W-004 added"; strings.Join(got, ",") != want {
		t.Errorf("ChangedSubtrees = %q, want %s", got, want)
	}
	if dirs, err := r.ChangedSubtrees(a, a, "cases"); err != nil || len(dirs) != 0 {
		t.Errorf("ChangedSubtrees(a, a) = %v, %v; want none", dirs, err)
	}
	if dirs, err := r.ChangedSubtrees(a, b, "nowhere"); err != nil || len(dirs) != 0 {
		t.Errorf("ChangedSubtrees of a directory neither has = %v, %v; want none", dirs, err)
	}

	var asked []string
	changes, err := r.DiffTreesEnter(dirs[0].From, dirs[0].To, func(dir string) bool {
		asked = append(asked, dir)
		return dir != "notes"
	})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, ch := range changes {
		got = append(got, ch.Path+" "+side(ch.From, ch.To))
	}
	if want := "activity/2026-W48.yaml added,outcome.yaml changed"; strings.Join(got, ",") != want {
		t.Errorf("DiffTreesEnter = %q, want %s", got, want)
	}
	if want := "activity notes"; strings.Join(asked, " ") != want {
		t.Errorf("asked %q, want %s", asked, want)
	}
	for h, want := range map[plumbing.Hash]string{changes[1].From: "then", changes[1].To: "now"} {
		if data, err := r.ReadBlob(h); err != nil || string(data) != want {
			t.Errorf("ReadBlob(%s) = %q, %v; want %q", h, data, err, want)
		}
	}
}

func side(from, to plumbing.Hash) string {
	switch {
	case from.IsZero():
		return "added"
	case to.IsZero():
		return "removed"
	}
	return "changed"
}
