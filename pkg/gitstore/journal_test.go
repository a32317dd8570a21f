package gitstore

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// crashedAt sets r up as a caseplan process killed during a commit of
// changes would leave it: the commit's objects written, the work tree
// changed, index.lock taken, and the branch moved (moved) or not. It
// returns the commit the write was making.
func crashedAt(t *testing.T, r *Repo, moved bool, changes ...Change) (old, made plumbing.Hash) {
	t.Helper()
	old, err := r.Head()
	if err != nil {
		t.Fatal(err)
	}
	indexPath := filepath.Join(r.gitDir, "index")
	before, err := os.ReadFile(indexPath)
	if err != nil {
		t.Fatal(err)
	}
	blobs := map[string]plumbing.Hash{}
	for _, c := range changes {
		if !c.Delete {
			blobs[c.Path], _ = r.writeLoose(plumbing.BlobObject, c.Data)
		}
	}
	files, err := r.oldContent(changes, blobs)
	if err != nil {
		t.Fatal(err)
	}
	// The real commit, then put back what the kill would not have done.
	made = commitT(t, r, "w-1: the interrupted write", changes...)
	if err := os.WriteFile(indexPath, before, 0o644); err != nil { // the index was never renamed
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(r.gitDir, "index.lock"), []byte("half an index"), 0o644); err != nil {
		t.Fatal(err)
	}
	branch, _, _ := r.headBranch()
	if !moved {
		if err := r.updateRef(branch, old, made); err != nil {
			t.Fatal(err)
		}
	}
	j := &journal{PID: 99999, Started: time.Now().Add(-time.Minute), Phase: "write", Action: "w-1: the interrupted write",
		Branch: branch.String(), Old: old.String(), New: made.String(), Files: files, Index: true}
	if err := r.writeJournal(j); err != nil {
		t.Fatal(err)
	}
	// An interrupted atomic write leaves its temporary file.
	writeFile(t, r.Root(), "cases/A/.intake.yaml.123.tmp", "half a record")
	return old, made
}

// Killed before the branch moved: the write is undone, the hand edit the
// person had in a file the write changed is put back, and nothing stale is
// left for git or the next caseplan command.
func TestRecoverRollsBack(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "first", put("cases/A/intake.yaml", "id: A\n"))
	writeFile(t, r.Root(), "cases/A/intake.yaml", "id: A\n# a hand edit, not committed\n")
	old, _ := crashedAt(t, r, false,
		put("cases/A/intake.yaml", "id: A\nstatus: open\n"),
		put("cases/A/iep.yaml", "created: 2026-03-02\n"))

	unlock, err := r.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	rc := r.TakeRecovery()
	if rc == nil || rc.Done != "undid" || rc.PID != 99999 || !strings.Contains(rc.String(), "w-1: the interrupted write") {
		t.Fatalf("recovery = %+v", rc)
	}
	if h, _ := r.Head(); h != old {
		t.Errorf("HEAD moved: %s", h)
	}
	for p, want := range map[string]string{"cases/A/intake.yaml": "id: A\n# a hand edit, not committed\n", "cases/A/iep.yaml": ""} {
		got, err := os.ReadFile(filepath.Join(r.Root(), p))
		if (want == "") != os.IsNotExist(err) || (want != "" && string(got) != want) {
			t.Errorf("%s = %q, %v; want %q", p, got, err, want)
		}
	}
	assertNoLeftovers(t, r)
	if out := gitT(t, r.Root(), "status", "--porcelain"); out != " M cases/A/intake.yaml\n" {
		t.Errorf("git status:\n%s", out) // only the person's own hand edit
	}
	// The next write goes through.
	commitT(t, r, "next", put("cases/A/notes/n.yaml", "id: n\n"))
}

// Killed after the branch moved: the write is completed — the index
// follows the commit, the work tree holds its files.
func TestRecoverRollsForward(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "first", put("cases/A/intake.yaml", "id: A\n"), put("cases/A/old.yaml", "x: 1\n"))
	_, made := crashedAt(t, r, true,
		put("cases/A/intake.yaml", "id: A\nstatus: open\n"),
		put("cases/A/iep.yaml", "created: 2026-03-02\n"),
		del("cases/A/old.yaml"))
	// The kill came before the last file was written.
	writeFile(t, r.Root(), "cases/A/iep.yaml", "created: 2026-03-0")

	rc, err := r.Recover(time.Second)
	if err != nil || rc == nil || rc.Done != "completed" {
		t.Fatalf("Recover = %+v, %v", rc, err)
	}
	if h, _ := r.Head(); h != made {
		t.Errorf("HEAD = %s, want %s", h, made)
	}
	assertNoLeftovers(t, r)
	if out := gitT(t, r.Root(), "status", "--porcelain"); out != "" {
		t.Errorf("git status not clean:\n%s", out)
	}
	gitT(t, r.Root(), "fsck", "--strict")
	if rc, err := r.Recover(time.Second); rc != nil || err != nil {
		t.Errorf("a second Recover: %v, %v", rc, err)
	}
}

// Killed after the journal's first step: only index.lock was taken, and it
// goes. A lock older than the journal is not the dead writer's, and stays.
func TestRecoverReleasesLocks(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "first", put("cases/A/intake.yaml", "id: A\n"))
	lock := filepath.Join(r.gitDir, "index.lock")
	if err := r.writeJournal(&journal{PID: 99999, Started: time.Now().Add(-time.Minute), Phase: "lock"}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(lock, nil, 0o644)
	if rc, err := r.Recover(time.Second); err != nil || rc == nil || rc.Done != "released its locks" {
		t.Fatalf("Recover = %+v, %v", rc, err)
	} else if got := rc.String(); !strings.HasSuffix(got, "; it had changed nothing yet, and its locks were released") {
		t.Errorf("the recovery reads %q", got)
	}
	assertNoLeftovers(t, r)

	os.WriteFile(lock, nil, 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(lock, old, old)
	if err := r.writeJournal(&journal{PID: 99999, Started: time.Now().Add(-time.Minute), Phase: "lock"}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Recover(time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(lock); err != nil {
		t.Error("an index.lock older than the interrupted write was removed")
	}
}

func assertNoLeftovers(t *testing.T, r *Repo) {
	t.Helper()
	for _, p := range []string{r.journalPath(), filepath.Join(r.gitDir, "index.lock"), filepath.Join(r.Root(), "cases/A/.intake.yaml.123.tmp")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left behind", p)
		}
	}
}

// TestRecoveryString: what recovery did reads as a sentence whatever it
// did, as every command prints it before its own output.
func TestRecoveryString(t *testing.T) {
	at := time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)
	for done, want := range map[string]string{
		"completed":          "; caseplan completed it",
		"undid":              "; caseplan undid it",
		"released its locks": "; it had changed nothing yet, and its locks were released",
		"left alone (the branch has moved on since)": "; caseplan left its files alone (the branch has moved on since)",
	} {
		rc := Recovery{PID: 42, Action: "caseplan: import 4 case(s)", Started: at, Done: done}
		if got := rc.String(); got != "a caseplan process (pid 42) was stopped during caseplan: import 4 case(s) at 2026-03-04 09:30:00"+want {
			t.Errorf("%s: %q", done, got)
		}
	}
}

// TestRecoveryStringManyFiles: a killed import's recovery puts thousands
// of files in order; the message names the first few and counts the rest,
// rather than printing every one on a line of its own length.
func TestRecoveryStringManyFiles(t *testing.T) {
	rc := Recovery{PID: 42, Action: "caseplan: import 4000 case(s)", Done: "undid"}
	for i := 0; i < 8002; i++ {
		rc.Files = append(rc.Files, fmt.Sprintf("cases/B%05d/intake.yaml", i))
	}
	got := rc.String()
	if !strings.HasSuffix(got, "(8002 file(s): cases/B00000/intake.yaml, cases/B00001/intake.yaml, cases/B00002/intake.yaml, cases/B00003/intake.yaml, cases/B00004/intake.yaml and 7997 more)") || len(got) > 400 {
		t.Errorf("the recovery of 8002 files reads (%d characters) %.300q...", len(got), got)
	}
	rc.Files = rc.Files[:2]
	if got := rc.String(); !strings.HasSuffix(got, "(2 file(s): cases/B00000/intake.yaml, cases/B00001/intake.yaml)") {
		t.Errorf("two files: %q", got)
	}
}
