package gitstore

import (
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// TestLastChangedAmong: told which commits may have changed a file, the
// answer is the one a walk of every commit gives — also when the list
// leaves out the commit that changed it (a stretch whose two ends differ
// is walked), names commits that did not, or is empty.
func TestLastChangedAmong(t *testing.T) {
	r := newTestRepo(t)
	const p = "cases/C1/sealed.age"
	c1 := commitT(t, r, "add", put(p, "one\n"), put("cases/C2/x", "1\n"))
	c2 := commitT(t, r, "other", put("cases/C2/x", "2\n"))
	c3 := commitT(t, r, "by hand", put(p, "two\n"))
	c4 := commitT(t, r, "other", put("cases/C2/x", "3\n"))
	c5 := commitT(t, r, "other", put("cases/C2/x", "4\n"))
	c6 := commitT(t, r, "removed", del(p))
	c7 := commitT(t, r, "other", put("cases/C2/x", "5\n"))

	z := plumbing.ZeroHash
	for _, tc := range []struct {
		name           string
		from           plumbing.Hash
		likely         []plumbing.Hash
		commit, parent plumbing.Hash
	}{
		{"no list", c5, nil, c3, c2},
		{"every commit", c5, []plumbing.Hash{c5, c4, c3, c2, c1}, c3, c2},
		{"the change left out", c5, []plumbing.Hash{c4, c1}, c3, c2},
		{"only older ones", c5, []plumbing.Hash{c2, c1}, c3, c2},
		{"only the change", c5, []plumbing.Hash{c3}, c3, c2},
		{"from the change itself", c3, []plumbing.Hash{c3, c1}, c3, c2},
		{"the first version", c2, []plumbing.Hash{c2, c1}, c1, z},
		{"the first version, unlisted", c2, []plumbing.Hash{c2}, c1, z},
		{"a removal", c7, []plumbing.Hash{c7, c4, c1}, c6, c5},
		{"added at the root", c1, []plumbing.Hash{c1}, c1, z},
	} {
		commit, parent, err := r.LastChangedAmong(tc.from, p, tc.likely)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if commit != tc.commit || parent != tc.parent {
			t.Errorf("%s: LastChangedAmong = %s, %s; want %s, %s", tc.name, commit, parent, tc.commit, tc.parent)
		}
	}
	if commit, _, err := r.LastChangedAmong(c1, "cases/C9/sealed.age", []plumbing.Hash{c1}); err != nil || !commit.IsZero() {
		t.Errorf("a file never there: %s, %v; want no commit", commit, err)
	}
}
