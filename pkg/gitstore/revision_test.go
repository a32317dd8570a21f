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
	read := func(k plumbing.Hash) (commitHead, error) {
		c, ok := commits[k]
		if !ok {
			return commitHead{}, fmt.Errorf("no commit %s", k)
		}
		head := commitHead{Committed: c.Committer.When}
		if len(c.ParentHashes) > 0 {
			head.FirstParent = c.ParentHashes[0]
		}
		return head, nil
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
		c, ok, err := commitAsOf(read, h(5), day)
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for n := 1; n <= 6; n++ {
			if ok && c.Hash == h(n) {
				if !c.Committed.Equal(commits[h(n)].Committer.When) {
					t.Errorf("commitAsOf(%s): committed %v, want %v", day, c.Committed, commits[h(n)].Committer.When)
				}
				got = n
			}
		}
		if got != want {
			t.Errorf("commitAsOf(%s) = commit %d, want %d", day, got, want)
		}
	}
	if _, _, err := commitAsOf(read, h(9), "2026-10-01"); err == nil {
		t.Error("an unreadable commit: no error")
	}
}

// parseCommitHead reads the first parent and the committer's time as
// go-git's decoding of the whole commit gives them, whatever else the
// headers hold (a signature spanning lines, a merge's second parent, a
// committer zone west of Greenwich), and refuses a commit it cannot read.
func TestParseCommitHead(t *testing.T) {
	for name, raw := range map[string]string{
		"root": "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n" +
			"author A <a@example.org> 1790000000 +0000\n" +
			"committer B <b@example.org> 1790000000 -0530\n\nfirst\n",
		"merge, signed": "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n" +
			"parent 1111111111111111111111111111111111111111\n" +
			"parent 2222222222222222222222222222222222222222\n" +
			"author A <a@example.org> 1790000000 +0100\n" +
			"committer Some One <b@example.org> 1790003600 +0100\n" +
			"gpgsig -----BEGIN SSH SIGNATURE-----\n parent 3333333333333333333333333333333333333333\n -----END SSH SIGNATURE-----\n" +
			"\nmerge\n\ncommitter X <x@example.org> 1 +0000\n",
	} {
		t.Run(name, func(t *testing.T) {
			got, err := parseCommitHead([]byte(raw))
			if err != nil {
				t.Fatal(err)
			}
			obj := &plumbing.MemoryObject{}
			obj.SetType(plumbing.CommitObject)
			obj.Write([]byte(raw))
			var want object.Commit
			if err := want.Decode(obj); err != nil {
				t.Fatal(err)
			}
			var first plumbing.Hash
			if len(want.ParentHashes) > 0 {
				first = want.ParentHashes[0]
			}
			if got.FirstParent != first {
				t.Errorf("first parent %s, want %s", got.FirstParent, first)
			}
			if !got.Committed.Equal(want.Committer.When) || got.Committed.Format(time.RFC3339) != want.Committer.When.Format(time.RFC3339) {
				t.Errorf("committed %v, want %v", got.Committed, want.Committer.When)
			}
		})
	}
	for _, raw := range []string{
		"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@example.org> 1 +0000\n\nno committer\n",
		"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent 12ab\ncommitter B <b@example.org> 1 +0000\n\nshort parent\n",
	} {
		if _, err := parseCommitHead([]byte(raw)); err == nil {
			t.Errorf("parseCommitHead(%q): no error", raw)
		}
	}
}
