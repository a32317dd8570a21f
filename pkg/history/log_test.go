package history

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/audit"
)

func TestLog(t *testing.T) {
	s := newTestStore(t)
	initCommit := s.initStore()
	newA := s.newCase(alice, "2026-AAAAA")
	s.newCase(alice, "2026-BBBBB")
	noteA, _ := s.addNote(alice, "2026-AAAAA", "n1", "first contact")
	s.write("README.md", "hand edit outside cases\n")
	s.commit(alice, "docs: readme") // not a caseplan commit: skipped
	s.write("cases/2026-AAAAA/services.yaml", "services: []\n")
	s.write("cases/2026-BBBBB/services.yaml", "services: []\n")
	both := s.commit(alice, "caseplan: add services\n\nSome body text.\n\nCaseplan-Case: 2026-AAAAA\nCaseplan-Case: 2026-BBBBB\nCaseplan-Action: service.add\n")
	repo := s.open()

	entries, err := Log(repo, plumbing.ZeroHash, "2026-AAAAA", 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Commit)
	}
	if want := []string{both, noteA, newA}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Log(2026-AAAAA) = %v, want %v", got, want)
	}
	e := entries[1]
	want := Entry{
		Commit: noteA, Author: "Alice Adams", Email: "alice@example.org",
		Cases: []string{"2026-AAAAA"}, Action: "note.add", Summary: "add note n1",
	}
	date := e.Date
	e.Date = time.Time{}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("entry = %+v, want %+v", e, want)
	}
	if date.Format(time.RFC3339) != "2026-03-01T09:00:04+01:00" {
		t.Errorf("date = %s", date.Format(time.RFC3339))
	}

	all, err := Log(repo, plumbing.NewHash(s.head()), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 || all[4].Commit != initCommit || all[4].Cases[0] != audit.StoreWide || all[4].Summary != "initialise store" {
		t.Errorf("Log(all) = %+v, want the 5 caseplan commits ending with init", all)
	}
	if all[0].Summary != "add services" {
		t.Errorf("summary = %q", all[0].Summary)
	}

	limited, err := Log(repo, plumbing.ZeroHash, "", 2)
	if err != nil || len(limited) != 2 || limited[0].Commit != both {
		t.Errorf("Log(limit 2) = %v, %v", limited, err)
	}
	store, err := Log(repo, plumbing.ZeroHash, audit.StoreWide, 0)
	if err != nil || len(store) != 1 || store[0].Commit != initCommit {
		t.Errorf("Log(-) = %v, %v", store, err)
	}
	none, err := Log(repo, plumbing.ZeroHash, "2026-NOPE0", 0)
	if err != nil || len(none) != 0 {
		t.Errorf("Log(unknown case) = %v, %v", none, err)
	}
}

func TestEntryJSON(t *testing.T) {
	e := Entry{
		Commit: "0123456789abcdef0123456789abcdef01234567", Author: "Alice Adams", Email: "alice@example.org",
		Date:  time.Date(2026, 3, 1, 9, 30, 0, 0, time.FixedZone("", 3600)),
		Cases: []string{"2026-AAAAA", "2026-BBBBB"}, Action: "service.add", Summary: "add services",
	}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"commit":"0123456789abcdef0123456789abcdef01234567","author":"Alice Adams","email":"alice@example.org",` +
		`"date":"2026-03-01T09:30:00+01:00","case":"2026-AAAAA,2026-BBBBB","action":"service.add","summary":"add services",` +
		`"committer":"","committer_email":""}`
	if string(b) != want {
		t.Errorf("json = %s\nwant   %s", b, want)
	}
	var back Entry
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Date.Equal(e.Date) || !reflect.DeepEqual(back.Cases, e.Cases) || back.Summary != e.Summary {
		t.Errorf("round trip = %+v", back)
	}
}

// TestLogHandCommits: a commit made with git by hand, without caseplan's
// trailers, is in the audit trail under the cases whose files it changed
// ("-" for the settings), with no action; one that changed no record (a
// README) is not; and the log index gives the same.
func TestLogHandCommits(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.newCase(alice, "2026-BBBBB")
	s.write("cases/2026-AAAAA/services.yaml", "services: []\n")
	s.write("cases/caseplan.yaml", rosterYAML(alice, bob)+"# tweak\n")
	hand := s.commit(alice, "fix things")
	s.write("README.md", "hand edit outside cases\n")
	s.commit(alice, "docs: readme")
	repo := s.open()

	for _, id := range []string{"2026-AAAAA", "-"} {
		entries, err := Log(repo, plumbing.ZeroHash, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) == 0 || entries[0].Commit != hand {
			t.Fatalf("Log(%s) = %+v; want the hand commit first", id, entries)
		}
		e := entries[0]
		if !reflect.DeepEqual(e.Cases, []string{"2026-AAAAA", "-"}) || e.Action != "" || e.Summary != "fix things" {
			t.Errorf("hand commit entry = %q %q %q", e.Cases, e.Action, e.Summary)
		}
	}
	if entries, _ := Log(repo, plumbing.ZeroHash, "2026-BBBBB", 0); len(entries) != 1 {
		t.Errorf("Log(2026-BBBBB) = %+v; want its opening only", entries)
	}
	all, err := Log(repo, plumbing.ZeroHash, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if e.Summary == "docs: readme" {
			t.Errorf("a commit that changed no record is in the trail: %+v", e)
		}
	}
	indexed, err := LogIndexed(repo, &memState{}, plumbing.NewHash(s.head()), "2026-AAAAA", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(indexed) == 0 || indexed[0].Commit != hand {
		t.Errorf("LogIndexed(2026-AAAAA) = %+v; want the hand commit first", indexed)
	}
}

// TestLogHandMerges: a merge made with git (a host's "merge pull request")
// is in a case's trail only when the merge itself changed the case's
// records — a file as neither side had it, or one both sides had, removed
// — never for what it took from either side, which those sides' commits
// already show; a change to the settings puts it under "-"; and the log
// index agrees.
func TestLogHandMerges(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.newCase(alice, "2026-BBBBB")
	s.newCase(alice, "2026-CCCCC")
	s.write("cases/2026-CCCCC/services.yaml", "services: []\n")
	s.caseplanCommit(alice, "2026-CCCCC", "service.add", "add services")

	// Both sides add a note to A; the side branch also changes B, which
	// the merge then rewrites, and the merge removes C's services file.
	s.git(alice, "checkout", "-q", "-b", "side")
	sideNote, _ := s.addNote(alice, "2026-AAAAA", "n1", "side note")
	s.write("cases/2026-BBBBB/references.yaml", "references: []\n")
	s.caseplanCommit(alice, "2026-BBBBB", "ref.add", "add references")
	s.git(alice, "checkout", "-q", "main")
	mainNote, _ := s.addNote(alice, "2026-AAAAA", "n2", "main note")
	s.tick++
	s.git(bob, "merge", "-q", "--no-ff", "--no-commit", "side")
	s.write("cases/2026-BBBBB/references.yaml", "references: [] # resolved by hand\n")
	s.remove("cases/2026-CCCCC/services.yaml")
	s.write("cases/caseplan.yaml", rosterYAML(alice)+"# merged by hand\n")
	merge := s.commit(bob, "Merge branch 'side'")
	repo := s.open()

	want := map[string]bool{"2026-AAAAA": false, "2026-BBBBB": true, "2026-CCCCC": true}
	for id, inTrail := range want {
		entries, err := Log(repo, plumbing.ZeroHash, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range entries {
			if e.Commit == merge {
				found = true
				if e.Action != "" || e.Author != "Bob Brown" || e.Summary != "Merge branch 'side'" {
					t.Errorf("merge entry = %+v", e)
				}
			}
		}
		if found != inTrail {
			t.Errorf("Log(%s) has the merge: %v, want %v (%+v)", id, found, inTrail, entries)
		}
	}
	entries, err := Log(repo, plumbing.ZeroHash, "2026-AAAAA", 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Commit)
	}
	if !slices.Contains(got, sideNote) || !slices.Contains(got, mainNote) {
		t.Errorf("Log(2026-AAAAA) = %v; want both notes", got)
	}
	all, err := Log(repo, plumbing.ZeroHash, "", 0)
	if err != nil || len(all) == 0 || all[0].Commit != merge ||
		!reflect.DeepEqual(all[0].Cases, []string{"2026-BBBBB", "2026-CCCCC", "-"}) {
		t.Errorf("Log(all)[0] = %+v, %v; want the merge under B, C and the settings", all[0], err)
	}
	indexed, err := LogIndexed(repo, &memState{}, plumbing.NewHash(s.head()), "2026-BBBBB", 0, nil)
	if err != nil || len(indexed) == 0 || indexed[0].Commit != merge {
		t.Errorf("LogIndexed(2026-BBBBB) = %+v, %v; want the merge first", indexed, err)
	}
}

// A commit made by one person in another's name (git commit --author) is
// in the trail under its author, with its committer named, and the log
// index keeps the committer as Log gives it: an audit of who changed what
// must not show only the name the commit was made in.
func TestLogNamesACommitterWhoIsNotTheAuthor(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.write("cases/2026-AAAAA/services.yaml", "services: []\n")
	s.git(bob, "add", "-A")
	s.tick++
	s.git(bob, "commit", "-q", "--author", alice, "-m",
		"2026-AAAAA: add services\n\nCaseplan-Case: 2026-AAAAA\nCaseplan-Action: commit\n")
	head := s.head()
	repo := s.open()

	for _, state := range []*memState{nil, {}} {
		var entries []Entry
		var err error
		if state == nil {
			entries, err = Log(repo, plumbing.NewHash(head), "2026-AAAAA", 0)
		} else {
			entries, err = LogIndexed(repo, state, plumbing.NewHash(head), "2026-AAAAA", 0, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 2 {
			t.Fatalf("entries = %+v, want the case's 2 commits", entries)
		}
		got, own := entries[0], entries[1]
		if got.Author != "Alice Adams" || got.Committer != "Bob Brown" || got.CommitterEmail != "bob@example.org" {
			t.Errorf("commit in another's name = %+v, want author Alice, committer Bob", got)
		}
		if own.Committer != "" || own.CommitterEmail != "" {
			t.Errorf("commit by its author names a committer: %+v", own)
		}
		b, _ := json.Marshal(got)
		if !strings.Contains(string(b), `"committer":"Bob Brown","committer_email":"bob@example.org"`) {
			t.Errorf("JSON %s lacks the committer", b)
		}
	}
}

// An SSN-shaped number in a hand commit's author or committer name (git
// takes any user.name) is masked in the trail, as in its subject: log
// shows the names, and the log index keeps them.
func TestLogMasksNames(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.write("cases/2026-AAAAA/services.yaml", "services: []\n")
	s.git("Kim 912-78-1241 <kim@example.org>", "add", "-A")
	s.tick++
	s.git("Kim 912-78-1241 <kim@example.org>", "commit", "-q", "--author", "Pat 912-78-1240 <pat.912-78-1242@example.org>", "-m",
		"2026-AAAAA: add services\n\nCaseplan-Case: 2026-AAAAA\nCaseplan-Action: commit\n")
	repo := s.open()
	for _, state := range []*memState{nil, {}} {
		var entries []Entry
		var err error
		if state == nil {
			entries, err = Log(repo, plumbing.NewHash(s.head()), "2026-AAAAA", 1)
		} else {
			entries, err = LogIndexed(repo, state, plumbing.NewHash(s.head()), "2026-AAAAA", 1, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(entries)
		if strings.Contains(string(b), "912-78-124") || !strings.Contains(string(b), `"author":"Pat XXX-XX-XXXX"`) || !strings.Contains(string(b), `"committer":"Kim XXX-XX-XXXX"`) {
			t.Errorf("entries %s: want every name and email masked", b)
		}
	}
}
