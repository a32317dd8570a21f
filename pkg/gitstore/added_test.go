package gitstore

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// AddedFiles lists the files of the later commit that the earlier one has
// not at their path, and reads only directories that changed and that
// enter lets it into.
func TestAddedFiles(t *testing.T) {
	r := newTestRepo(t)
	a := commitT(t, r, "month end",
		put("cases/W-001/intake.yaml", "a"),
		put("cases/W-001/notes/2026-11-02-aaaa.yaml", "n1"),
		put("cases/W-002/intake.yaml", "b"),
		put("cases/W-002/notes/2026-11-03-bbbb.yaml", "n2"),
		put("cases/W-003/intake.yaml", "c"),
		put("cases/W-003/notes", "a file where a directory will be"),
	)
	commitT(t, r, "between", del("cases/W-003/notes"))
	b := commitT(t, r, "later",
		put("cases/W-001/notes/2026-11-25-cccc.yaml", "late"),      // added
		put("cases/W-001/notes/2026-11-02-aaaa.yaml", "n1 edited"), // changed: not added
		put("cases/W-002/notes/2026-12-01-dddd.yaml", "late"),      // added, in a case enter refuses
		put("cases/W-003/notes/x.yaml", "late"),                    // a file became a directory
		put("cases/W-004/intake.yaml", "new case"),
		put("cases/W-004/notes/2026-11-30-eeee.yaml", "new"),
	)
	var asked []string
	got, err := r.AddedFiles(a, b, func(dir string) bool {
		asked = append(asked, dir)
		return dir != "cases/W-002"
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"cases/W-001/notes/2026-11-25-cccc.yaml",
		"cases/W-003/notes/x.yaml",
		"cases/W-004/intake.yaml",
		"cases/W-004/notes/2026-11-30-eeee.yaml",
	}
	if !slices.Equal(got, want) {
		t.Errorf("AddedFiles = %q, want %q", got, want)
	}
	// Only the directories that changed are asked about, and W-002's,
	// refused, is not read: its notes directory is not asked about.
	if strings.Join(asked, " ") != "cases cases/W-001 cases/W-001/notes cases/W-002 cases/W-003 cases/W-003/notes cases/W-004 cases/W-004/notes" {
		t.Errorf("asked %q", asked)
	}

	// Nothing added between a commit and itself, and a third commit that
	// changes only W-002 leaves W-001 unread: enter is not asked of it.
	if got, err := r.AddedFiles(b, b, func(string) bool { return true }); err != nil || len(got) != 0 {
		t.Errorf("AddedFiles(b, b) = %q, %v; want none", got, err)
	}
	c := commitT(t, r, "only W-002", put("cases/W-002/intake.yaml", "b2"))
	asked = nil
	if _, err := r.AddedFiles(b, c, func(dir string) bool { asked = append(asked, dir); return true }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(asked, " ") != "cases cases/W-002" {
		t.Errorf("asked %q, want only the directories that changed: cases cases/W-002", asked)
	}
}

// AddedFiles of a commit that is not there is an error, not a panic.
func TestAddedFilesMissingCommit(t *testing.T) {
	r := newTestRepo(t)
	a := commitT(t, r, "one", put("cases/x.yaml", "x"))
	missing := plumbing.NewHash(strings.Repeat("ab", 20))
	if _, err := r.AddedFiles(missing, a, func(string) bool { return true }); err == nil {
		t.Error("AddedFiles from a missing commit: no error")
	}
}

// CommitAsOf finds the last commit made by the end of a day from the
// commit given, not from HEAD.
func TestCommitAsOfFrom(t *testing.T) {
	r := newTestRepo(t)
	at := func(msg string, when time.Time, ch ...Change) plumbing.Hash {
		t.Helper()
		sig := testAuthor
		sig.When = when
		h, err := r.Commit(CommitRequest{Message: msg, Author: sig, Changes: ch})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	nov := at("november", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), put("cases/a.yaml", "1"))
	dec := at("december", time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), put("cases/b.yaml", "2"))
	at("january", time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC), put("cases/c.yaml", "3"))
	for _, tc := range []struct {
		from plumbing.Hash
		day  string
		want plumbing.Hash
		ok   bool
	}{
		{dec, "2026-11-30", nov, true},
		{dec, "2026-12-31", dec, true}, // from December's commit, not HEAD's January one
		{nov, "2026-11-30", nov, true},
		{dec, "2026-10-31", plumbing.ZeroHash, false},
	} {
		got, ok, err := r.CommitAsOf(tc.from, tc.day)
		if err != nil {
			t.Fatal(err)
		}
		if ok != tc.ok || got.Hash != tc.want {
			t.Errorf("CommitAsOf(%s, %s) = %s, %v; want %s, %v", tc.from.String()[:7], tc.day, got.Hash, ok, tc.want, tc.ok)
		}
	}
	if _, _, err := r.CommitAsOf(plumbing.NewHash(strings.Repeat("cd", 20)), "2026-11-30"); err == nil {
		t.Error("CommitAsOf of a missing commit: no error")
	}
}
