package teamsync

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
	"github.com/caseplan/caseplan/pkg/history"
)

// gitClone is a plain git clone of the remote, for pushing what caseplan
// never would.
func gitClone(t *testing.T, url string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "plain")
	gitserver.Git(t, "", "clone", "-q", url, dir)
	return dir
}

func writeIn(t *testing.T, dir, rel, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// assertRefused checks that a sync was refused for the remote's history
// with a finding of rule naming commit, and that alice's clone did not
// move.
func assertRefused(t *testing.T, a *clone, rule, commit string) {
	t.Helper()
	before := a.head()
	status := a.git("status", "--porcelain")
	_, err := a.trySync()
	var refused *RefusedError
	if !errors.As(err, &refused) || !refused.Incoming {
		t.Fatalf("sync = %v, want the remote's history refused", err)
	}
	found := false
	for _, f := range refused.Findings {
		if f.Rule == rule && strings.HasPrefix(f.Commit, commit) {
			found = true
		}
	}
	if !found {
		t.Errorf("findings %v lack %s at %s", refused.Findings, rule, commit)
	}
	if a.head() != before || a.git("status", "--porcelain") != status {
		t.Errorf("a refused sync changed the clone")
	}
	// verify, run on what was pushed, names the same commit.
	repo := a.open()
	defer repo.Close()
	fetched, err := repo.ResolveRevision("refs/caseplan/fetched/origin/main")
	if err != nil {
		t.Fatal(err)
	}
	fs, _, err := history.Verify(repo.Git(), fetched, history.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	named := false
	for _, f := range fs {
		named = named || strings.HasPrefix(f.Commit, commit)
	}
	if !named && rule != history.RuleHistoryRewritten {
		t.Errorf("verify of the remote's history does not name %s: %v", commit, fs)
	}
}

func TestSyncRefusesForcePush(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.addNote(id, "Called about the job fair")
	a.sync()
	dropped := a.head().String()
	plain := gitClone(t, url)
	gitserver.Git(t, plain, "reset", "-q", "--hard", "HEAD~1")
	gitserver.Git(t, plain, "push", "-q", "--force", "origin", "main")
	assertRefused(t, a, history.RuleHistoryRewritten, dropped)
}

func TestSyncRefusesDroppedNote(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	n := a.addNote(id, "Called about the job fair")
	a.sync()
	plain := gitClone(t, url)
	gitserver.Git(t, plain, "rm", "-q", "cases/"+id+"/notes/"+n+".yaml")
	gitserver.Git(t, plain, "-c", "user.name=Alice Adams", "-c", "user.email=alice@example.org", "commit", "-q",
		"-m", id+": tidy up\n\nCaseplan-Case: "+id+"\nCaseplan-Action: commit")
	gitserver.Git(t, plain, "push", "-q", "origin", "main")
	assertRefused(t, a, history.RuleNoteRemoved, gitserver.Git(t, plain, "rev-parse", "HEAD"))
}

func TestSyncRefusesEvilMerge(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	n := a.addNote(id, "Called about the job fair")
	a.sync()
	plain := gitClone(t, url)
	gitserver.Git(t, plain, "checkout", "-q", "-b", "side")
	gitserver.Git(t, plain, "commit", "-q", "--allow-empty", "-m", "side")
	gitserver.Git(t, plain, "checkout", "-q", "main")
	gitserver.Git(t, plain, "merge", "-q", "--no-ff", "--no-commit", "side")
	writeIn(t, plain, "cases/"+id+"/notes/"+n+".yaml", "id: "+n+"\nrewritten: in the merge\n")
	gitserver.Git(t, plain, "add", "-A")
	gitserver.Git(t, plain, "commit", "-q", "-m", "Merge branch 'side'")
	gitserver.Git(t, plain, "push", "-q", "origin", "main")
	assertRefused(t, a, history.RuleNoteChanged, gitserver.Git(t, plain, "rev-parse", "HEAD"))
}

func TestSyncRefusesOrphanRoot(t *testing.T) {
	_, url, a := newTeam(t)
	a.newCase("W-001", "Ana Example")
	a.sync()
	plain := gitClone(t, url)
	gitserver.Git(t, plain, "checkout", "-q", "--orphan", "elsewhere")
	gitserver.Git(t, plain, "rm", "-rqf", ".")
	writeIn(t, plain, "cases/caseplan.yaml", "organization: Elsewhere\nstaff:\n  - id: eve\n    name: Eve Evans\n    email: eve@example.net\n")
	gitserver.Git(t, plain, "add", "-A")
	gitserver.Git(t, plain, "-c", "user.name=Eve Evans", "-c", "user.email=eve@example.net", "commit", "-q",
		"-m", "caseplan: initialise store\n\nCaseplan-Case: *\nCaseplan-Action: store.init")
	orphan := gitserver.Git(t, plain, "rev-parse", "HEAD")
	gitserver.Git(t, plain, "checkout", "-q", "main")
	gitserver.Git(t, plain, "merge", "-q", "--allow-unrelated-histories", "-X", "theirs", "-m", "Merge branch 'elsewhere'", "elsewhere")
	gitserver.Git(t, plain, "push", "-q", "origin", "main")
	assertRefused(t, a, history.RuleOrphanRoot, orphan)
}

// Someone pushes between sync's fetch and its push: the host refuses the
// push, and sync fetches, replays and pushes again.
func TestSyncRetriesRejectedPush(t *testing.T) {
	srv, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	bobs := b.addNote(id, "Reviewed the resume together")
	alices := a.addNote(id, "Called about the job fair")
	srv.BeforeReceive(func() {
		srv.BeforeReceive(nil) // once: bob's push is the one that wins
		b.sync()
	})
	r := a.sync()
	if r.Attempts != 2 || !r.Replayed {
		t.Errorf("alice's sync = %+v; want a second attempt that replayed her commit", r)
	}
	b.sync()
	if a.head() != b.head() {
		t.Fatal("heads differ")
	}
	for _, n := range []string{bobs, alices} {
		a.read("cases/" + id + "/notes/" + n + ".yaml")
	}
	a.assertClean()
}

func TestSyncUnreachable(t *testing.T) {
	_, _, a := newTeam(t)
	a.addNote(a.newCase("W-001", "Ana Example"), "Called about the job fair")
	before, status := a.head(), a.git("status", "--porcelain")
	a.remote = newRemoteT(t, gitserver.ClosedURL(t))
	_, err := a.trySync()
	var re *gitstore.RemoteError
	if !errors.As(err, &re) || re.Kind != gitstore.RemoteUnreachable {
		t.Fatalf("sync = %v, want unreachable", err)
	}
	if a.head() != before || a.git("status", "--porcelain") != status {
		t.Error("a failed sync changed the clone")
	}
}

// A hand edit of a file the sync would change refuses it before anything
// is pushed; a hand edit elsewhere stays as it is.
func TestSyncKeepsHandEdits(t *testing.T) {
	srv, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	other := a.newCase("W-002", "Ben Example")
	a.sync()
	b := cloneAs(t, url, bob)
	phone := "555-0101"
	a.apply([]string{id}, casework.SetIntake{Case: id, Phone: &phone}.Build)
	a.sync()

	b.addNote(id, "Reviewed the resume together")
	intake := "cases/" + id + "/intake.yaml"
	writeIn(t, b.dir, intake, b.read(intake)+"# a note to self\n")
	pushes := srv.Pushes()
	_, err := b.trySync()
	var ow *gitstore.OverwriteError
	if !errors.As(err, &ow) || len(ow.Paths) != 1 || ow.Paths[0] != intake {
		t.Fatalf("sync over a hand edit = %v", err)
	}
	if srv.Pushes() != pushes {
		t.Error("the refused sync pushed")
	}

	// The edit moved to the other case: sync goes through and leaves it.
	gitserver.Git(t, b.dir, "checkout", "--", intake)
	otherIntake := "cases/" + other + "/intake.yaml"
	edited := b.read(otherIntake) + "# a note to self\n"
	writeIn(t, b.dir, otherIntake, edited)
	b.sync()
	if b.read(otherIntake) != edited {
		t.Error("the hand edit was lost")
	}
	if st := b.git("status", "--porcelain"); st != "M "+otherIntake { // the output is trimmed
		t.Errorf("status = %q", st)
	}
}

// A commit that was allowed when it was made but is not on top of the
// remote's (its author retired meanwhile) is refused naming the clone's own
// commit — the one git show and caseplan log find — not the copy the
// replay made, and the refusal says the remote's changes are the cause.
func TestSyncRefusesOwnCommitNamingIt(t *testing.T) {
	_, url, a := newTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	b.addNote(id, "Called about the job fair")
	mine := b.head()
	off := false
	a.apply(nil, casework.SetStaff{ID: casework.StaffID(bob.Email), Active: &off}.Build)
	a.sync()

	_, err := b.trySync()
	var refused *RefusedError
	if !errors.As(err, &refused) || !refused.Outgoing {
		t.Fatalf("sync = %v, want this clone's commit refused", err)
	}
	if !refused.AfterRemote {
		t.Errorf("refusal does not say the remote's commits are the cause: %v", err)
	}
	found := false
	for _, f := range refused.Findings {
		if f.Rule == history.RuleAuthorRetired && f.Commit == mine.String() {
			found = true
		}
	}
	if !found {
		t.Errorf("findings %v do not name bob's commit %s", refused.Findings, mine)
	}
	if b.head() != mine {
		t.Errorf("a refused sync moved bob's clone")
	}
	// The way out takes bob's commit out of his branch; it stays under
	// the ref the refusal names, so git gc does not take his note.
	if want := plumbing.ReferenceName("refs/caseplan/refused/" + mine.String()); refused.Kept != want {
		t.Errorf("refused commits kept under %q, want %q", refused.Kept, want)
	}
	if got := strings.TrimSpace(b.git("rev-parse", string(refused.Kept))); got != mine.String() {
		t.Errorf("%s = %q, want bob's commit %s", refused.Kept, got, mine)
	}
}
