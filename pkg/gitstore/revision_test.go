package gitstore

import (
	"fmt"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// commitAsOf walks first parents from HEAD and picks the first commit made
// on or before the day by its committer's clock, in the zone it recorded.
func TestCommitAsOf(t *testing.T) {
	plus1 := time.FixedZone("", 3600)
	h := func(n int) plumbing.Hash { return plumbing.NewHash(fmt.Sprintf("%040d", n)) }
	// 5 (HEAD) -> 4 -> 3 -> 2 -> 1; 4 is a merge whose second parent 6 was
	// made on 2026-10-30 on a branch: the walk does not follow it.
	commits := map[plumbing.Hash]*object.Commit{
		h(1): {Committer: object.Signature{When: time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)}},
		h(2): {Committer: object.Signature{When: time.Date(2026, 10, 20, 16, 0, 0, 0, time.UTC)}, ParentHashes: []plumbing.Hash{h(1)}},
		// 2026-10-31T23:30Z, but November 1 on its committer's clock.
		h(3): {Committer: object.Signature{When: time.Date(2026, 11, 1, 0, 30, 0, 0, plus1)}, ParentHashes: []plumbing.Hash{h(2)}},
		h(4): {Committer: object.Signature{When: time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)}, ParentHashes: []plumbing.Hash{h(3), h(6)}},
		h(5): {Committer: object.Signature{When: time.Date(2026, 11, 3, 23, 59, 59, 0, time.UTC)}, ParentHashes: []plumbing.Hash{h(4)}},
		h(6): {Committer: object.Signature{When: time.Date(2026, 10, 30, 9, 0, 0, 0, time.UTC)}, ParentHashes: []plumbing.Hash{h(2)}},
	}
	for k, c := range commits {
		c.Hash = k
	}
	read := func(k plumbing.Hash) (*object.Commit, error) {
		if c, ok := commits[k]; ok {
			return c, nil
		}
		return nil, fmt.Errorf("no commit %s", k)
	}
	for day, want := range map[string]int{
		"2026-12-01": 5,
		"2026-11-03": 5, // the end of the day counts
		"2026-11-02": 3,
		"2026-11-01": 3,
		"2026-10-31": 2, // not 3 (November 1 where it was made), not 6 (a side branch)
		"2026-10-20": 2,
		"2026-10-19": 1,
		"2026-09-01": 1,
		"2026-08-31": 0, // none
	} {
		c, err := commitAsOf(read, h(5), day)
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for n := 1; n <= 6; n++ {
			if c != nil && c.Hash == h(n) {
				got = n
			}
		}
		if got != want {
			t.Errorf("commitAsOf(%s) = commit %d, want %d", day, got, want)
		}
	}
	if _, err := commitAsOf(read, h(9), "2026-10-01"); err == nil {
		t.Error("an unreadable commit: no error")
	}
}
