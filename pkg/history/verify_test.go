package history

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/finding"
)

// summarise renders findings as "rule path commit" lines for comparison.
func summarise(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s %s %s", f.Rule, f.Path, f.Commit)))
	}
	return out
}

func verify(t *testing.T, s *testStore, since string) ([]finding.Finding, Stats) {
	t.Helper()
	var opts VerifyOptions
	if since != "" {
		opts.Since = hash(since)
	}
	fs, stats, err := Verify(s.open(), plumbing.ZeroHash, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Severity != finding.Error || f.Message == "" || f.Message != strings.ToLower(f.Message[:1])+f.Message[1:] || strings.HasSuffix(f.Message, ".") {
			t.Errorf("finding not in house style: %+v", f)
		}
	}
	return fs, stats
}

func expect(t *testing.T, fs []finding.Finding, want ...string) {
	t.Helper()
	for _, f := range fs {
		t.Log(f)
	}
	if got := summarise(fs); !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n got %q\nwant %q\n%v", got, want, fs)
	}
}

// cleanHistory builds a store as caseplan and git would leave it: a staff
// member added by one already on the roster, cases and notes, an
// amendment, and a branch merged back with git merge.
func cleanHistory(t *testing.T) *testStore {
	s := newTestStore(t)
	s.initStore()
	s.write("README.md", "a hand commit outside cases/ needs no trailers\n")
	s.commit(alice, "add readme")
	s.write("cases/caseplan.yaml", rosterYAML(alice, "Bob Brown <BOB@Example.org>"))
	s.caseplanCommit(alice, audit.StoreWide, "staff.add", "add staff bob")
	s.newCase(alice, "2026-AAAAA")
	s.addNote(alice, "2026-AAAAA", "n1", "intake meeting")
	s.newCase(bob, "2026-BBBBB")
	s.git("", "checkout", "-q", "-b", "side")
	s.addNote(bob, "2026-AAAAA", "n2", "phone call")
	s.addNote(bob, "2026-BBBBB", "n1", "intake")
	s.git("", "checkout", "-q", "main")
	s.addNote(alice, "2026-AAAAA", "n3", "amends n1")
	s.tick++
	s.git(alice, "merge", "-q", "--no-ff", "-m", "Merge branch 'side'", "side")
	return s
}

func TestVerifyCleanHistory(t *testing.T) {
	s := cleanHistory(t)
	fs, stats := verify(t, s, "")
	expect(t, fs)
	if stats.Commits != 10 {
		t.Errorf("stats.Commits = %d, want 10", stats.Commits)
	}
	if stats.Trees == 0 {
		t.Errorf("stats.Trees = 0")
	}
}

func TestVerifyBreaches(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	added, path := s.addNote(alice, "2026-AAAAA", "n1", "intake meeting")
	_, path2 := s.addNote(alice, "2026-AAAAA", "n2", "phone call")

	p, content := note("2026-AAAAA", "n1", "intake meeting, rewritten")
	s.write(p, content)
	edited := s.caseplanCommit(alice, "2026-AAAAA", "commit", "fix typo") // trailers do not make an edit legal

	s.remove(path2)
	removed := s.caseplanCommit(alice, "2026-AAAAA", "commit", "tidy")

	s.write("cases/2026-AAAAA/iep.yaml", "vision: work\n")
	hand := s.commit(alice, "2026-AAAAA: plan by hand")

	s.write("cases/2026-AAAAA/services.yaml", "services: []\n")
	outsider := s.caseplanCommit(eve, "2026-AAAAA", "service.add", "add services")

	s.write("README.md", "eve may edit outside cases/\n")
	s.commit(eve, "readme")

	fs, _ := verify(t, s, "")
	expect(t, fs,
		"note-changed "+path+" "+edited,
		"note-removed "+path2+" "+removed,
		"missing-trailers  "+hand,
		"author-not-on-roster  "+outsider,
	)
	if len(fs) == 4 {
		if !strings.Contains(fs[0].Message, "in "+added[:12]) || !strings.Contains(fs[0].Message, "caseplan note amend") {
			t.Errorf("note-changed message = %q, want the adding commit and the amend hint", fs[0].Message)
		}
		if fs[0].Case != "2026-AAAAA" {
			t.Errorf("note-changed case = %q", fs[0].Case)
		}
		if !strings.Contains(fs[2].Message, "Caseplan-Case and Caseplan-Action trailers") {
			t.Errorf("missing-trailers message = %q", fs[2].Message)
		}
		if !strings.Contains(fs[3].Message, "eve@example.net") {
			t.Errorf("author message = %q", fs[3].Message)
		}
	}
}

func TestVerifySince(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.write("cases/2026-AAAAA/iep.yaml", "vision: work\n")
	s.commit(alice, "hand edit")
	_, path := s.addNote(alice, "2026-AAAAA", "n1", "intake")
	checked := s.head()

	fs, _ := verify(t, s, checked)
	expect(t, fs)

	s.remove(path)
	later := s.caseplanCommit(alice, "2026-AAAAA", "commit", "oops")
	fs, stats := verify(t, s, checked)
	expect(t, fs, "note-removed "+path+" "+later)
	if stats.Commits != 1 {
		t.Errorf("stats.Commits = %d, want 1", stats.Commits)
	}
}

func TestVerifyMerges(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	_, path := s.addNote(alice, "2026-AAAAA", "n1", "intake")
	s.git("", "checkout", "-q", "-b", "side")
	s.addNote(alice, "2026-AAAAA", "n2", "side note")
	s.git("", "checkout", "-q", "main")
	s.addNote(alice, "2026-AAAAA", "n3", "main note")

	// A merge that rewrites a note while resolving: reported once, although
	// it differs from both parents.
	s.git(alice, "merge", "-q", "--no-ff", "--no-commit", "side")
	p, content := note("2026-AAAAA", "n1", "rewritten in the merge")
	s.write(p, content)
	s.git("", "add", "-A")
	s.tick++
	s.git(eve, "commit", "-q", "-m", "Merge branch 'side'")
	merge := s.head()

	// What the merge changes beyond a clean combination of its parents is
	// held to the rules of any commit: this one has no trailers, and eve is
	// on neither parent's roster.
	fs, _ := verify(t, s, "")
	expect(t, fs, "note-changed "+path+" "+merge, "missing-trailers  "+merge, "author-not-on-roster  "+merge)
	// The merge's finding says it is a merge, which case it changed itself
	// and how to redo it: a hand commit's remedy (git reset --soft to the
	// first parent, caseplan commit) would fold the side's commits into one.
	if len(fs) == 3 {
		m := fs[1].Message
		if fs[1].Case != "2026-AAAAA" || !strings.Contains(m, "merge commit changes case 2026-AAAAA beyond combining its parents") ||
			!strings.Contains(m, "git reset --keep "+merge[:12]+"^1") || strings.Contains(m, "caseplan commit") {
			t.Errorf("merge missing-trailers: case %q, message %q", fs[1].Case, m)
		}
	}
}

// A clean merge, made by anyone, takes each file from one side: it answers
// to no rule of its own (the commits it brings in do).
func TestVerifyCleanMergeByAnyone(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.git("", "checkout", "-q", "-b", "side")
	s.addNote(alice, "2026-AAAAA", "n2", "side note")
	s.git("", "checkout", "-q", "main")
	s.addNote(alice, "2026-AAAAA", "n3", "main note")
	s.tick++
	s.git(eve, "merge", "-q", "--no-ff", "-m", "Merge branch 'side'", "side")
	fs, _ := verify(t, s, "")
	expect(t, fs)
}

// Someone not on the roster adds themselves and commits in one go: every
// commit answers to the roster of its parent, so it is caught (issue 9's
// first hole: verify used the roster as it stood after the commit).
func TestVerifyAuthorAddsThemselves(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.write("cases/caseplan.yaml", rosterYAML(alice, "Eve Example <eve@example.net>"))
	self := s.caseplanCommit(eve, audit.StoreWide, "commit", "add me")
	s.newCase(eve, "2026-AAAAA") // from here on eve is on the roster
	fs, _ := verify(t, s, "")
	expect(t, fs, "author-not-on-roster  "+self)
}

// A note moved into a subfolder of notes/, or edited there, is still a
// note (issue 9 item 4).
func TestVerifyNotesAtAnyDepth(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	p, content := note("2026-AAAAA", "n1", "deep")
	deep := strings.Replace(p, "/notes/", "/notes/2026/", 1)
	s.write(deep, content)
	s.caseplanCommit(alice, "2026-AAAAA", "commit", "a note in a subfolder")
	s.write(deep, content+"# edited\n")
	edited := s.caseplanCommit(alice, "2026-AAAAA", "commit", "edit it")
	fs, _ := verify(t, s, "")
	expect(t, fs, "note-changed "+deep+" "+edited)
}

func TestVerifyRosters(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.write("cases/caseplan.yaml", "staff: [unclosed\n")
	s.caseplanCommit(alice, audit.StoreWide, "commit", "break roster") // checked against the roster before it
	broken := s.newCase(alice, "2026-AAAAA")                           // the first commit after it
	s.write("cases/caseplan.yaml", rosterYAML(alice))
	s.caseplanCommit(alice, audit.StoreWide, "commit", "fix roster") // the same broken roster: reported once
	s.remove("cases/caseplan.yaml")
	s.caseplanCommit(alice, audit.StoreWide, "commit", "remove roster")
	gone := s.newCase(alice, "2026-BBBBB")

	fs, _ := verify(t, s, "")
	expect(t, fs,
		"roster-unreadable cases/caseplan.yaml "+broken,
		"roster-unreadable cases/caseplan.yaml "+gone,
	)
}

func TestVerifyCaseRemoved(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	_, p1 := s.addNote(alice, "2026-AAAAA", "n1", "one")
	_, p2 := s.addNote(alice, "2026-AAAAA", "n2", "two")
	s.git("", "rm", "-q", "-r", "cases/2026-AAAAA")
	gone := s.caseplanCommit(alice, "2026-AAAAA", "case.delete", "delete case")

	fs, _ := verify(t, s, "")
	expect(t, fs, "note-removed "+p1+" "+gone, "note-removed "+p2+" "+gone)
}

// TestCommitRange compares the range walk with git rev-list on a history
// of branches and merges.
func TestCommitRange(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	rng := rand.New(rand.NewPCG(1, 2))
	branches := []string{"main"}
	var commits []string
	for i := range 60 {
		switch r := rng.IntN(10); {
		case r < 2 && len(branches) < 4:
			b := fmt.Sprintf("b%d", i)
			s.git("", "checkout", "-q", "-b", b)
			branches = append(branches, b)
		case r < 4 && len(branches) > 1:
			other := branches[rng.IntN(len(branches))]
			s.tick++
			s.git(alice, "merge", "-q", "--no-ff", "-m", "merge "+other, other)
		case r < 5:
			s.git("", "checkout", "-q", branches[rng.IntN(len(branches))])
		}
		s.addNote(alice, fmt.Sprintf("2026-C%04d", i%7), fmt.Sprint(i), "x")
		commits = append(commits, s.head())
	}
	s.git("", "checkout", "-q", "main")
	for _, b := range branches[1:] {
		s.tick++
		s.git(alice, "merge", "-q", "--no-ff", "-m", "merge "+b, b)
	}
	repo := s.open()
	head := s.head()
	sinces := []string{""}
	for i := 0; i < len(commits); i += 7 {
		sinces = append(sinces, commits[i])
	}
	for _, since := range sinces {
		args := []string{"rev-list", head}
		var sinceHash plumbing.Hash
		if since != "" {
			args = append(args, "^"+since)
			sinceHash = hash(since)
		}
		want := strings.Fields(s.git("", args...))
		infos, err := commitRange(repo.Storer, hash(head), sinceHash)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range infos {
			got = append(got, c.hash.String())
		}
		slices.Sort(got)
		slices.Sort(want)
		t.Logf("range ^%.7s: %d commits", since, len(got))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("range %s..%s: got %d commits, git lists %d", since, head, len(got), len(want))
		}
	}
}

// A history rewritten under the trust anchor is reported, naming the
// anchor and what disappeared, even when the range checked (--since) does
// not reach it (issue 9 item 3: git reset --hard HEAD~1 went unnoticed).
func TestVerifyAnchor(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	old := s.head()
	s.addNote(alice, "2026-AAAAA", "n1", "intake")
	anchor, _ := s.addNote(alice, "2026-AAAAA", "n2", "call")

	check := func(anchor string) []finding.Finding {
		t.Helper()
		fs, _, err := Verify(s.open(), plumbing.ZeroHash, VerifyOptions{Since: plumbing.NewHash(old), Anchor: plumbing.NewHash(anchor)})
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}
	expect(t, check(anchor)) // the anchor is HEAD
	expect(t, check(old))    // an older anchor is still in the history

	s.git("", "reset", "-q", "--hard", "HEAD~1")
	fs := check(anchor)
	expect(t, fs, "history-rewritten  "+anchor)
	if !strings.Contains(fs[0].Message, "1 commit(s) that were in it are gone ("+anchor[:12]+")") {
		t.Errorf("message does not name what disappeared: %s", fs[0].Message)
	}
	// An anchor the caller named (CI's previous push) may be a push that
	// failed verify: the finding says it was the anchor, not that it was
	// verified. The clone's own anchor, kept only when verify passed, is.
	for _, tc := range []struct {
		verified bool
		want     string
	}{
		{false, "commit " + anchor[:12] + ", the trust anchor (a commit seen before, not necessarily verified), is no longer"},
		{true, "commit " + anchor[:12] + ", verified before, is no longer"},
	} {
		fs, _, err := Verify(s.open(), plumbing.ZeroHash, VerifyOptions{Anchor: plumbing.NewHash(anchor), AnchorVerified: tc.verified})
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) == 0 || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("AnchorVerified %v: got %v, want a message with %q", tc.verified, fs, tc.want)
		}
	}
}

// A history of its own, with a roster of its own that puts eve on it,
// merged into the store: its first commit answers to no roster before it,
// so it is an orphan root, and named (issue 10). The merge takes each file
// from one side, and eve's note commit answers to eve's own roster; without
// the rule nothing would be reported.
func TestVerifyOrphanRoot(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	since := s.head()
	s.git("", "checkout", "-q", "--orphan", "elsewhere")
	s.git("", "rm", "-rqf", ".")
	s.write("cases/caseplan.yaml", rosterYAML(alice, eve))
	orphan := s.caseplanCommit(eve, audit.StoreWide, "store.init", "initialise store")
	s.newCase(eve, "2026-EEEEE")
	s.git("", "checkout", "-q", "main")
	s.tick++
	s.git(alice, "merge", "-q", "--allow-unrelated-histories", "-X", "theirs", "-m", "Merge branch 'elsewhere'", "elsewhere")

	fs, _ := verify(t, s, "")
	expect(t, fs, "orphan-root  "+orphan)
	fs, _ = verify(t, s, since)
	expect(t, fs, "orphan-root  "+orphan)
}

// TestVerifyNoteAuthor: a note committed by someone other than the staff
// member it names as its author is reported at the commit that added it,
// matched by the committer's email on the roster of its parent; a merge
// that brings the note in is not its author, a note naming its committer
// is fine, and so is an admin's commit of a colleague's notes (bringing
// in existing records).
func TestVerifyNoteAuthor(t *testing.T) {
	s := newTestStore(t)
	roles := strings.Replace(rosterYAML(alice, "Bob Brown <BOB@Example.org>"), "    email: alice@example.org\n", "    email: alice@example.org\n    role: admin\n", 1)
	roles = strings.Replace(roles, "    email: BOB@Example.org\n", "    email: BOB@Example.org\n    role: coordinator\n", 1)
	s.write("cases/caseplan.yaml", roles)
	s.caseplanCommit(alice, audit.StoreWide, "store.init", "initialise store")
	s.newCase(alice, "2026-AAAAA")
	s.addNote(bob, "2026-AAAAA", "n1", "bob's own note")
	// An admin brings in a colleague's note (a migration): allowed.
	mp, migrated := note("2026-AAAAA", "m1", "bob's, from the old system")
	s.write(mp, strings.Replace(migrated, "author: s1", "author: s2", 1))
	s.caseplanCommit(alice, "2026-AAAAA", "commit", "bring in bob's notes")

	s.git("", "checkout", "-q", "-b", "side")
	p, content := note("2026-AAAAA", "n2", "in alice's name") // author: s1, alice
	s.write(p, content)
	forged := s.caseplanCommit(bob, "2026-AAAAA", "note.add", "add note n2")
	s.git("", "checkout", "-q", "main")
	s.addNote(alice, "2026-AAAAA", "n3", "alice's own note")
	s.tick++
	s.git(alice, "merge", "-q", "--no-ff", "-m", "Merge branch 'side'", "side")

	fs, _ := verify(t, s, "")
	expect(t, fs, "note-author "+p+" "+forged)
	if len(fs) == 1 && !strings.Contains(fs[0].Message, `author is "s1", but s2 committed it`) {
		t.Errorf("message %q: want the note's author and the committer", fs[0].Message)
	}
}

// git revert of a commit that changed or removed a note puts the note back
// exactly as it was committed: the breach stays reported at the commit
// that made it, and the revert, which repairs it, is no note-changed of
// its own, nor a new note in the reverter's name (note-author). It is a
// commit made with git, without trailers, as any other.
func TestVerifyRevertRestoresNote(t *testing.T) {
	s := newTestStore(t)
	roles := strings.Replace(rosterYAML(alice, "Bob Brown <BOB@Example.org>"), "    email: alice@example.org\n", "    email: alice@example.org\n    role: admin\n", 1)
	roles = strings.Replace(roles, "    email: BOB@Example.org\n", "    email: BOB@Example.org\n    role: coordinator\n", 1)
	s.write("cases/caseplan.yaml", roles)
	s.caseplanCommit(alice, audit.StoreWide, "store.init", "initialise store")
	s.newCase(alice, "2026-AAAAA")
	_, path := s.addNote(alice, "2026-AAAAA", "n1", "intake meeting")
	_, path2 := s.addNote(alice, "2026-AAAAA", "n2", "phone call")

	p, content := note("2026-AAAAA", "n1", "intake meeting, rewritten")
	s.write(p, strings.Replace(content, "author: s1", "author: "+s.staffID(alice), 1))
	edited := s.caseplanCommit(alice, "2026-AAAAA", "commit", "fix typo")
	s.tick++
	s.git(alice, "revert", "--no-edit", "HEAD")
	reverted := s.head()

	s.remove(path2)
	removed := s.caseplanCommit(alice, "2026-AAAAA", "commit", "tidy")
	s.tick++
	s.git(bob, "revert", "--no-edit", "HEAD")
	restored := s.head()

	fs, _ := verify(t, s, "")
	expect(t, fs,
		"note-changed "+path+" "+edited,
		"missing-trailers  "+reverted,
		"note-removed "+path2+" "+removed,
		"missing-trailers  "+restored,
	)
}

// A clean merge of a branch on which a commit changed or removed a note
// takes that commit's breach over: it is reported at the commit that made
// it, once, not again at the merge, whoever merges (a host's "merge pull
// request"). A merge that drops a note no commit removed is its own breach.
func TestVerifyMergeTakesBreachFromSide(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	_, path := s.addNote(alice, "2026-AAAAA", "n1", "intake")
	_, path2 := s.addNote(alice, "2026-AAAAA", "n2", "phone call")
	s.git("", "checkout", "-q", "-b", "side")
	p, content := note("2026-AAAAA", "n1", "intake, rewritten")
	s.write(p, strings.Replace(content, "author: s1", "author: "+s.staffID(alice), 1))
	edited := s.caseplanCommit(alice, "2026-AAAAA", "commit", "fix typo")
	s.remove(path2)
	removed := s.caseplanCommit(alice, "2026-AAAAA", "commit", "tidy")
	s.git("", "checkout", "-q", "main")
	_, path3 := s.addNote(alice, "2026-AAAAA", "n3", "main note")
	s.tick++
	s.git(eve, "merge", "-q", "--no-ff", "-m", "Merge branch 'side'", "side")

	// Another merge drops a note that only its first parent had.
	s.git("", "checkout", "-q", "-b", "other", "HEAD~1")
	s.addNote(alice, "2026-AAAAA", "n4", "other note")
	s.git("", "checkout", "-q", "main")
	s.tick++
	s.git(alice, "merge", "-q", "--no-ff", "--no-commit", "other")
	s.remove(path3)
	s.git("", "add", "-A")
	s.tick++
	s.git(alice, "commit", "-q", "-m", "Merge branch 'other'")
	dropped := s.head()

	fs, _ := verify(t, s, "")
	expect(t, fs,
		"note-changed "+path+" "+edited,
		"note-removed "+path2+" "+removed,
		"note-removed "+path3+" "+dropped,
		"missing-trailers  "+dropped,
	)
}

// A note renamed (or its case directory) is reported as moved, naming
// where its unchanged content went and how to move it back, not as a note
// removed and a new note in the mover's name; moving it back repairs it.
func TestVerifyNoteMoved(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.write("cases/caseplan.yaml", rosterYAML(alice, "Bob Brown <BOB@Example.org>"))
	s.caseplanCommit(alice, audit.StoreWide, "staff.add", "add staff bob")
	s.newCase(alice, "2026-AAAAA")
	added, path := s.addNote(alice, "2026-AAAAA", "n1", "intake")
	s.git("", "mv", "cases/2026-AAAAA", "cases/2026-CCCCC")
	moved := s.commit(bob, "rename the case")
	s.git("", "mv", "cases/2026-CCCCC", "cases/2026-AAAAA")
	back := s.commit(bob, "rename it back")

	fs, _ := verify(t, s, "")
	expect(t, fs, "note-removed "+path+" "+moved, "missing-trailers  "+moved, "missing-trailers  "+back)
	to := "cases/2026-CCCCC/notes/2026-03-01-n1.yaml"
	if len(fs) == 3 && !strings.Contains(fs[0].Message, "note moved to "+to+", its content unchanged, after it was committed in "+added[:12]) ||
		!strings.Contains(fs[0].Message, "git mv "+to+" "+path) {
		t.Errorf("note-removed message = %q, want where it moved and how to move it back", fs[0].Message)
	}
}

// A merge that keeps a record as it stood before one side changed it
// (git merge -s ours, or one side's file checked out over a change only
// the other side made) takes every file from a parent, yet drops that
// side's change: the closing and the case opened on the side vanish while
// caseplan log still lists them. A conflict resolved by keeping one
// side's record, where both sides changed it, drops nothing no merge could
// keep, and is not reported.
func TestVerifyMergeDropsChange(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.newCase(alice, "2026-CCCCC")
	s.git("", "checkout", "-q", "-b", "side")
	s.write("cases/2026-AAAAA/intake.yaml", "id: 2026-AAAAA\nstatus: closed\nmanager: s1\n")
	s.caseplanCommit(alice, "2026-AAAAA", "case.close", "close the case")
	s.write("cases/2026-CCCCC/intake.yaml", "id: 2026-CCCCC\nstatus: closed\nmanager: s1\n")
	s.caseplanCommit(alice, "2026-CCCCC", "case.close", "close the case")
	s.newCase(alice, "2026-BBBBB")
	s.git("", "checkout", "-q", "main")
	s.write("cases/2026-CCCCC/intake.yaml", "id: 2026-CCCCC\nstatus: open\nmanager: s2\n")
	s.caseplanCommit(alice, "2026-CCCCC", "case.set", "update the intake: manager")
	s.addNote(alice, "2026-AAAAA", "n3", "main note")
	s.tick++
	s.git(alice, "merge", "-q", "-s", "ours", "-m", "Merge branch 'side'", "side")
	merge := s.head()
	fs, _ := verify(t, s, "")
	expect(t, fs,
		"merge-drops-change cases/2026-AAAAA/intake.yaml "+merge,
		"merge-drops-change cases/2026-BBBBB/intake.yaml "+merge)
	if len(fs) == 2 {
		m := fs[0].Message
		if fs[0].Case != "2026-AAAAA" || !strings.Contains(m, "git reset --keep "+merge[:12]+"^1") {
			t.Errorf("merge-drops-change: case %q, message %q", fs[0].Case, m)
		}
	}
}

// A merge base is found by the parents' history, not by the commit dates,
// which are whatever the committing machine said (sync replays keep them):
// a side branch that merged main in, dated so that an older common
// ancestor is reached from both sides before the newest one, must not
// make the merge's dropped change look like no change at all.
func TestVerifyMergeDropsChangeSkewedDates(t *testing.T) {
	s := newTestStore(t)
	at := func(tick int) { s.tick = tick - 1 } // the next commit is dated tick
	at(1)
	s.initStore()
	at(80)
	s.newCase(alice, "2026-AAAAA") // the older common ancestor, dated late
	s.git("", "checkout", "-q", "-b", "side")
	at(70)
	s.commit(alice, "start the side branch")
	s.git("", "checkout", "-q", "main")
	at(50)
	s.write("cases/2026-AAAAA/intake.yaml", "id: 2026-AAAAA\nstatus: open\nmanager: s2\n")
	s.caseplanCommit(alice, "2026-AAAAA", "case.set", "update the intake: manager") // the true merge base
	s.git("", "checkout", "-q", "side")
	at(40)
	s.git(alice, "merge", "-q", "--no-ff", "-m", "Merge branch 'main' into side", "main")
	at(35)
	s.write("cases/2026-AAAAA/intake.yaml", "id: 2026-AAAAA\nstatus: closed\nmanager: s2\n")
	s.caseplanCommit(alice, "2026-AAAAA", "case.close", "close the case")
	s.git("", "checkout", "-q", "main")
	at(100)
	s.commit(alice, "a commit on main")
	at(110)
	s.git(alice, "merge", "-q", "-s", "ours", "-m", "Merge branch 'side'", "side")
	merge := s.head()
	fs, _ := verify(t, s, "")
	expect(t, fs, "merge-drops-change cases/2026-AAAAA/intake.yaml "+merge)
}

// A commit with caseplan schemas update's trailers (store.schemas, the
// store-wide "-") that changes only what that command changes — the CI
// workflow that runs verify, say — is no trailers-without-change, but it
// answers to the author rules as any other: taking the trailers must not
// let someone off the roster rewrite the workflow unreported.
func TestVerifyStoreSchemasAnswersToRoster(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.write(".github/workflows/caseplan.yml", "on: push\n")
	s.caseplanCommit(alice, audit.StoreWide, audit.ActionStoreSchemas, "update the schemas")
	s.write(".github/workflows/caseplan.yml", "on: push\njobs: {}\n")
	byEve := s.caseplanCommit(eve, audit.StoreWide, audit.ActionStoreSchemas, "update the schemas")

	fs, _ := verify(t, s, "")
	expect(t, fs, "author-not-on-roster  "+byEve)
}

// A tree that names cases/ twice (written with git hash-object
// --literally; git fsck calls it duplicateEntries) shows verify the first
// and git checkout the second: a note changed there would pass as no
// change at all. verify refuses to read such a tree instead.
func TestVerifyDuplicateTreeEntries(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	_, path := s.addNote(alice, "2026-AAAAA", "n1", "intake")
	old := s.git("", "rev-parse", "HEAD:cases")
	s.write(path, "id: n1\ncontent: forged\n")
	s.git("", "add", "-A")
	forged := s.git("", "rev-parse", s.git("", "write-tree")+":cases")
	o, f := hash(old), hash(forged)
	raw := "40000 cases\x00" + string(o[:]) + "40000 cases\x00" + string(f[:])
	s.write("tree.bin", raw)
	tree := s.git("", "hash-object", "-t", "tree", "-w", "--literally", "tree.bin")
	s.tick++
	c := s.git(alice, "commit-tree", tree, "-p", "HEAD", "-m", "tidy up")
	s.git("", "update-ref", "refs/heads/main", c)

	_, _, err := Verify(s.open(), plumbing.ZeroHash, VerifyOptions{})
	if err == nil || !strings.Contains(err.Error(), "malformed tree object") {
		t.Fatalf("verify of a tree naming cases/ twice: err = %v, want a malformed tree", err)
	}
}

// TestVerifyNoteAuthorBigNote: a note over 1 MiB (load.MaxFileSize) is
// not parsed, but its author is checked all the same, from its top-level
// author key, wherever in the file it is: a note in a colleague's name
// padded past the size cannot slip by. The same bytes added again later
// are checked again; the committer's own big note is not reported.
func TestVerifyNoteAuthorBigNote(t *testing.T) {
	s := newTestStore(t)
	roles := strings.Replace(rosterYAML(alice, bob), "    email: alice@example.org\n", "    email: alice@example.org\n    role: admin\n", 1)
	s.write("cases/caseplan.yaml", strings.Replace(roles, "    email: bob@example.org\n", "    email: bob@example.org\n    role: coordinator\n", 1))
	s.caseplanCommit(alice, audit.StoreWide, "store.init", "initialise store")
	s.newCase(alice, "2026-AAAAA")
	s.newCase(alice, "2026-BBBBB")
	pad := "content: |\n" + strings.Repeat("  Called her back about the job fair.\n", (1<<20)/36+10)
	big := func(author string) string {
		// The author last, after the padding; a line of the content that
		// reads "author: ..." is indented, and is not the key.
		return "id: n1\ndate: 2026-03-01\nkind: contact\n" + pad + "  author: s2\n" + "author:\n  " + author + "  # the note's writer\n"
	}
	p := "cases/2026-AAAAA/notes/2026-03-01-n1.yaml"
	s.write(p, big("s1"))
	forged := s.caseplanCommit(bob, "2026-AAAAA", "note.add", "add note n1")
	p2 := "cases/2026-BBBBB/notes/2026-03-01-n1.yaml"
	s.write(p2, big("s1"))
	again := s.caseplanCommit(bob, "2026-BBBBB", "note.add", "add note n1 again")
	s.write("cases/2026-AAAAA/notes/2026-03-02-n2.yaml", strings.Replace(big("s2"), "id: n1", "id: n2", 1))
	s.caseplanCommit(bob, "2026-AAAAA", "note.add", "add note n2")

	fs, _ := verify(t, s, "")
	expect(t, fs, "note-author "+p+" "+forged, "note-author "+p2+" "+again)
}
