package gitstore

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
)

// readFrom reads the whole of an open file from its start: the content of
// the file it was opened as, even when a new file has been renamed over
// its name since.
func readFrom(t *testing.T, f *os.File) string {
	t.Helper()
	data, err := io.ReadAll(io.NewSectionReader(f, 0, 1<<20))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// openT opens the file at path for reading; the test closes it.
func openT(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// A sync's ref writes — the fetched head go-git writes, the
// remote-tracking branch — and the config a clone writes are replaced
// whole, never truncated and rewritten in place: go-git's own writes did
// that, and a sync killed between the two left an empty ref file, after
// which every fetch failed ("ref file is empty") and git fsck called the
// repository broken. Whoever opened the file before the write goes on
// reading the old content whole: the new content is a new file.
func TestRefAndConfigWritesReplaceTheFile(t *testing.T) {
	srv := gitserver.NewHTTP(t)
	url := srv.NewRepo(t, "store")
	ctx := context.Background()
	a := newTestRepo(t)
	first := commitT(t, a, "first", put("cases/caseplan.yaml", "organization: Example\n"))
	rem := newRemoteT(t, url, noCreds)
	if err := a.Push(ctx, rem, "main", plumbing.ZeroHash, first); err != nil {
		t.Fatal(err)
	}
	b := newTestRepo(t)
	if got, err := b.Fetch(ctx, rem, "main"); err != nil || got != first {
		t.Fatalf("Fetch = %v, %v; want %s", got, err, first)
	}
	if err := b.UpdateTracking(rem, "main", first); err != nil {
		t.Fatal(err)
	}
	fetched := filepath.Join(b.gitDir, "refs", "caseplan", "fetched", "origin", "main")
	tracking := filepath.Join(b.gitDir, "refs", "remotes", "origin", "main")
	config := filepath.Join(b.gitDir, "config")
	oldFetched, oldTracking, oldConfig := openT(t, fetched), openT(t, tracking), openT(t, config)
	configBefore := readFrom(t, oldConfig)

	second := commitT(t, a, "second", put("cases/A/intake.yaml", "id: A\n"))
	if err := a.Push(ctx, rem, "main", first, second); err != nil {
		t.Fatal(err)
	}
	if got, err := b.Fetch(ctx, rem, "main"); err != nil || got != second {
		t.Fatalf("Fetch = %v, %v; want %s", got, err, second)
	}
	if err := b.UpdateTracking(rem, "main", second); err != nil {
		t.Fatal(err)
	}
	if err := b.SetRemote("origin", url); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		name string
		old  *os.File
		was  string
		path string
		now  string
	}{
		{"the fetched head", oldFetched, first.String() + "\n", fetched, second.String() + "\n"},
		{"the remote-tracking branch", oldTracking, first.String() + "\n", tracking, second.String() + "\n"},
		{"the config", oldConfig, configBefore, config, ""},
	} {
		if got := readFrom(t, c.old); got != c.was {
			t.Errorf("%s was rewritten in place: the file opened before reads %q, want %q", c.name, got, c.was)
		}
		now, err := os.ReadFile(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if c.now != "" && string(now) != c.now {
			t.Errorf("%s = %q, want %q", c.name, now, c.now)
		}
		if _, err := os.Stat(c.path + ".lock"); err == nil {
			t.Errorf("%s: lock file left behind", c.name)
		}
	}
	if cfg := readFrom(t, openT(t, config)); !strings.Contains(cfg, url) {
		t.Errorf("config after SetRemote does not name the remote:\n%s", cfg)
	}
	gitT(t, b.Root(), "fsck", "--strict")
}

// A git command updating the same ref is not written over: its lock is
// waited for, and one that stays is named with what to do.
func TestRefWriteRespectsGitsLock(t *testing.T) {
	r := newTestRepo(t)
	c := commitT(t, r, "first", put("a.yaml", "a\n"))
	rem := &Remote{Name: "origin"}
	lock := filepath.Join(r.gitDir, "refs", "remotes", "origin", "main.lock")
	if err := os.MkdirAll(filepath.Dir(lock), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := r.UpdateTracking(rem, "main", c)
	if gl := (*GitLockError)(nil); !errors.As(err, &gl) || gl.Path != lock || gl.What != "ref refs/remotes/origin/main" {
		t.Fatalf("err = %v, want a *GitLockError naming the lock", err)
	}
	if _, err := os.Stat(strings.TrimSuffix(lock, ".lock")); err == nil {
		t.Error("the ref was written while git held its lock")
	}
	if _, err := os.Stat(lock); err != nil {
		t.Errorf("git's lock was removed: %v", err)
	}
}

// A git command's config.lock left behind stops a config write (a
// clone's or init's remote) with the same answer as any git lock.
func TestConfigWriteRespectsGitsLock(t *testing.T) {
	r := newTestRepo(t)
	lock := filepath.Join(r.gitDir, "config.lock")
	if err := os.WriteFile(lock, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := r.SetRemote("origin", "https://git.example.org/store.git")
	if gl := (*GitLockError)(nil); !errors.As(err, &gl) || gl.Path != lock || gl.What != "git config" {
		t.Fatalf("err = %v, want a *GitLockError naming the lock", err)
	}
	if _, err := os.Stat(lock); err != nil {
		t.Errorf("git's lock was removed: %v", err)
	}
}

// A sync killed while it holds a ref's lock leaves the lock file, which
// would stop every later sync (and git) at that ref. The ref write records
// the lock in the write journal first, so the next caseplan process that
// takes the store lock removes it, and says so.
func TestKilledRefWriteReleasesItsLock(t *testing.T) {
	r := newTestRepo(t)
	first := commitT(t, r, "first", put("a.yaml", "a\n"))
	rem := &Remote{Name: "origin"}
	// What a kill at the moment the lock is held leaves: the journal as
	// it is then, and the lock file.
	var journalThen []byte
	var lock string
	r.objects.afterRefLock = func(l string) {
		lock = l
		journalThen, _ = os.ReadFile(r.journalPath())
	}
	if err := r.UpdateTracking(rem, "main", first); err != nil {
		t.Fatal(err)
	}
	r.objects.afterRefLock = nil
	if journalThen == nil {
		t.Fatal("the ref write held its lock with nothing in the journal to say so")
	}
	if err := os.WriteFile(r.journalPath(), journalThen, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lock, []byte("half a ref"), 0o644); err != nil {
		t.Fatal(err)
	}

	r2, err := Open(r.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	unlock, err := r2.Lock(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	rc := r2.TakeRecovery()
	unlock()
	if rc == nil || !strings.Contains(rc.String(), "refs/remotes/origin/main") {
		t.Errorf("recovery = %v, want one naming the ref", rc)
	}
	if _, err := os.Stat(lock); err == nil {
		t.Fatal("the dead writer's ref lock is still there")
	}
	second := commitT(t, r2, "second", put("b.yaml", "b\n"))
	if err := r2.UpdateTracking(rem, "main", second); err != nil {
		t.Fatalf("the next ref write: %v", err)
	}
	gitT(t, r.Root(), "fsck", "--strict")
}

// An empty ref file that an interrupted command left (caseplan wrote refs
// in place before) made every fetch fail with go-git's "ref file is
// empty", naming no file. The error names it and says what to do.
func TestFetchNamesAnEmptyRef(t *testing.T) {
	srv := gitserver.NewHTTP(t)
	url := srv.NewRepo(t, "store")
	a := newTestRepo(t)
	first := commitT(t, a, "first", put("a.yaml", "a\n"))
	rem := newRemoteT(t, url, noCreds)
	if err := a.Push(context.Background(), rem, "main", plumbing.ZeroHash, first); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(a.gitDir, "refs", "caseplan", "fetched", "origin", "main")
	if err := os.MkdirAll(filepath.Dir(empty), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := a.Fetch(context.Background(), rem, "main")
	if err == nil || !strings.Contains(err.Error(), empty) || !strings.Contains(err.Error(), "remove it") {
		t.Fatalf("err = %v, want the empty ref named with what to do", err)
	}
	os.Remove(empty)
	if got, err := a.Fetch(context.Background(), rem, "main"); err != nil || got != first {
		t.Fatalf("Fetch after removing it = %v, %v", got, err)
	}
}
