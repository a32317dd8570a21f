package gitstore

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"golang.org/x/crypto/ssh"

	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
)

// noCreds finds no credentials: no environment, an empty git config.
var noCreds = Credentials{Getenv: func(string) string { return "" }, Config: config.NewConfig()}

func newRemoteT(t *testing.T, url string, creds Credentials) *Remote {
	t.Helper()
	rem, err := NewRemote("origin", url, creds)
	if err != nil {
		t.Fatal(err)
	}
	return rem
}

func TestPushAndFetchThroughSmartHTTP(t *testing.T) {
	srv := gitserver.NewHTTP(t)
	url := srv.NewRepo(t, "store")
	ctx := context.Background()

	a := newTestRepo(t)
	commitT(t, a, "first", put("cases/caseplan.yaml", "organization: Example\n"), put("README.md", "hello\n"))
	second := commitT(t, a, "second", put("cases/A/intake.yaml", "id: A\n"))
	rem := newRemoteT(t, url, noCreds)

	// An empty remote fetches as nothing.
	got, err := a.Fetch(ctx, rem, "main")
	if err != nil || !got.IsZero() {
		t.Fatalf("Fetch of an empty remote = %v, %v; want zero, nil", got, err)
	}
	if err := a.Push(ctx, rem, "main", plumbing.ZeroHash, second); err != nil {
		t.Fatal(err)
	}
	if head := gitserver.Git(t, srv.Dir("store"), "rev-parse", "main"); head != second.String() {
		t.Fatalf("remote main = %s, want %s", head, second)
	}
	gitserver.Git(t, srv.Dir("store"), "fsck", "--strict")
	if tr := gitT(t, a.Root(), "rev-parse", "refs/remotes/origin/main"); strings.TrimSpace(tr) != second.String() {
		t.Errorf("remote-tracking branch = %s, want %s", tr, second)
	}

	// A second clone fetches it; nothing of its own moves.
	b := newTestRepo(t)
	got, err = b.Fetch(ctx, rem, "main")
	if err != nil || got != second {
		t.Fatalf("Fetch = %v, %v; want %s", got, err, second)
	}
	if head, _ := b.Head(); !head.IsZero() {
		t.Errorf("fetch moved the branch to %s", head)
	}
	data, err := func() ([]byte, error) {
		tree, err := b.TreeAt(got)
		if err != nil {
			return nil, err
		}
		return tree.ReadFile("cases/A/intake.yaml")
	}()
	if err != nil || string(data) != "id: A\n" {
		t.Errorf("fetched file = %q, %v", data, err)
	}

	// Fetching again, with nothing new, is quiet.
	if got, err = b.Fetch(ctx, rem, "main"); err != nil || got != second {
		t.Errorf("second Fetch = %v, %v", got, err)
	}
}

func TestPushRefusesWhenTheRemoteMoved(t *testing.T) {
	srv := gitserver.NewHTTP(t)
	url := srv.NewRepo(t, "store")
	ctx := context.Background()
	a := newTestRepo(t)
	first := commitT(t, a, "first", put("a.txt", "1\n"))
	rem := newRemoteT(t, url, noCreds)
	if err := a.Push(ctx, rem, "main", plumbing.ZeroHash, first); err != nil {
		t.Fatal(err)
	}
	second := commitT(t, a, "second", put("a.txt", "2\n"))

	// The caller's idea of the remote is stale: refused before sending.
	if err := a.Push(ctx, rem, "main", second, second); !errors.Is(err, ErrRemoteMoved) {
		t.Fatalf("push from a stale old = %v, want ErrRemoteMoved", err)
	}

	// Someone pushes between the advertisement and the update: the host
	// refuses the update, and Push says the remote moved.
	other := t.TempDir()
	gitserver.Git(t, "", "clone", "-q", url, other)
	gitserver.Git(t, other, "commit", "-q", "--allow-empty", "-m", "a colleague's commit")
	srv.BeforeReceive(func() {
		srv.BeforeReceive(nil)
		gitserver.Git(t, other, "push", "-q", "origin", "main")
	})
	err := a.Push(ctx, rem, "main", first, second)
	if !errors.Is(err, ErrRemoteMoved) {
		t.Fatalf("push that lost the race = %v, want ErrRemoteMoved", err)
	}
	if head := gitserver.Git(t, srv.Dir("store"), "rev-parse", "main"); head == second.String() {
		t.Fatal("the losing push moved the branch")
	}
}

func TestPushSendsOnlyWhatIsNew(t *testing.T) {
	r := newTestRepo(t)
	var changes []Change
	for i := 0; i < 50; i++ {
		changes = append(changes, put(fmt.Sprintf("cases/C%02d/intake.yaml", i), fmt.Sprintf("id: C%02d\n", i)))
	}
	base := commitT(t, r, "fifty cases", changes...)
	note := commitT(t, r, "a note", put("cases/C07/notes/2026-03-02-ab12.yaml", "note\n"))
	objs, err := r.objectsBetween(base, note)
	if err != nil {
		t.Fatal(err)
	}
	// The commit, the root, cases/, cases/C07/, cases/C07/notes/ and the
	// note's blob.
	if len(objs) != 6 {
		t.Errorf("objects for one note = %d, want 6: %v", len(objs), objs)
	}
	all, err := r.objectsBetween(plumbing.ZeroHash, note)
	if err != nil {
		t.Fatal(err)
	}
	// 2 commits; the first's trees (root, cases, 50 case directories), the
	// second's new ones (root, cases, C07, notes); 50 intakes and a note.
	if want := 2 + 52 + 4 + 51; len(all) != want {
		t.Errorf("objects for the whole history = %d, want %d", len(all), want)
	}
}

func TestRemoteErrors(t *testing.T) {
	ctx := context.Background()
	r := newTestRepo(t)

	rem := newRemoteT(t, gitserver.ClosedURL(t), noCreds)
	_, err := r.Fetch(ctx, rem, "main")
	var re *RemoteError
	if !errors.As(err, &re) || re.Kind != RemoteUnreachable {
		t.Errorf("fetch from a closed port = %v, want an unreachable RemoteError", err)
	}

	srv := gitserver.NewHTTP(t)
	srv.RequireToken("s3cret")
	url := srv.NewRepo(t, "private")
	_, err = r.Fetch(ctx, newRemoteT(t, url, noCreds), "main")
	if !errors.As(err, &re) || re.Kind != RemoteAuthRequired {
		t.Errorf("fetch without credentials = %v, want RemoteAuthRequired", err)
	}
	wrong := Credentials{Getenv: func(k string) string {
		if k == TokenEnv {
			return "guess"
		}
		return ""
	}, Config: config.NewConfig()}
	_, err = r.Fetch(ctx, newRemoteT(t, url, wrong), "main")
	if !errors.As(err, &re) || re.Kind != RemoteAuthFailed {
		t.Errorf("fetch with a wrong token = %v, want RemoteAuthFailed", err)
	}
	if strings.Contains(fmt.Sprint(err), "guess") {
		t.Errorf("the error shows the token: %v", err)
	}
	right := Credentials{Getenv: func(k string) string {
		if k == TokenEnv {
			return "s3cret"
		}
		return ""
	}, Config: config.NewConfig()}
	if _, err := r.Fetch(ctx, newRemoteT(t, url, right), "main"); err != nil {
		t.Errorf("fetch with the token: %v", err)
	}

	// git's credential helper protocol, with a helper of the shell form.
	cfg := config.NewConfig()
	cfg.Raw.Section("credential").AddOption("helper", `!f() { cat >/dev/null; echo username=dana; echo password=s3cret; }; f`)
	if _, err := r.Fetch(ctx, newRemoteT(t, url, Credentials{Getenv: func(string) string { return "" }, Config: cfg}), "main"); err != nil {
		t.Errorf("fetch with a credential helper: %v", err)
	}

	for _, u := range []string{"/srv/git/store.git", "file:///srv/git/store.git"} {
		_, err := NewRemote("origin", u, noCreds)
		var ue *UnsupportedRemoteError
		if !errors.As(err, &ue) || !strings.Contains(ue.Hint, "git daemon") || strings.Contains(err.Error(), "git daemon") {
			t.Errorf("NewRemote(%q) = %v, want a refusal that says what to use", u, err)
		}
	}
}

func TestRedacted(t *testing.T) {
	rem, err := NewRemote("origin", "https://dana:tok123@git.example.org/office/store.git", noCreds)
	if err != nil {
		t.Fatal(err)
	}
	if got := rem.Redacted(); strings.Contains(got, "tok123") || !strings.Contains(got, "dana") {
		t.Errorf("Redacted() = %q", got)
	}
}

func TestPushAndFetchThroughGitDaemon(t *testing.T) {
	d := gitserver.NewDaemon(t)
	url := d.NewRepo(t, "store")
	ctx := context.Background()
	a := newTestRepo(t)
	h := commitT(t, a, "first", put("a.txt", "1\n"))
	rem := newRemoteT(t, url, noCreds)
	if err := a.Push(ctx, rem, "main", plumbing.ZeroHash, h); err != nil {
		t.Fatal(err)
	}
	b := newTestRepo(t)
	if got, err := b.Fetch(ctx, rem, "main"); err != nil || got != h {
		t.Fatalf("fetch over git:// = %v, %v; want %s", got, err, h)
	}
}

func TestPushAndFetchThroughSSH(t *testing.T) {
	srv := gitserver.NewSSH(t)
	url := srv.NewRepo(t, "store")
	t.Setenv("SSH_KNOWN_HOSTS", srv.KnownHosts) // go-git's host key check reads it
	t.Setenv("HOME", t.TempDir())               // no ~/.ssh keys of the machine's
	ctx := context.Background()
	withKey := Credentials{Getenv: func(k string) string {
		if k == SSHKeyEnv {
			return srv.KeyFile
		}
		return ""
	}, Config: config.NewConfig()}

	a := newTestRepo(t)
	h := commitT(t, a, "first", put("a.txt", "1\n"))
	rem := newRemoteT(t, url, withKey)
	if err := a.Push(ctx, rem, "main", plumbing.ZeroHash, h); err != nil {
		t.Fatal(err)
	}
	b := newTestRepo(t)
	if got, err := b.Fetch(ctx, rem, "main"); err != nil || got != h {
		t.Fatalf("fetch over ssh = %v, %v; want %s", got, err, h)
	}

	// Without a key there is nothing to offer the server: said at once.
	_, err := NewRemote("origin", url, noCreds)
	var re *RemoteError
	if !errors.As(err, &re) || re.Kind != RemoteAuthRequired || !strings.Contains(err.Error(), SSHKeyEnv) {
		t.Errorf("an ssh remote without a key = %v", err)
	}
	// A key the server does not know: refused credentials.
	other := filepath.Join(t.TempDir(), "other_key")
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	block, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	wrong := Credentials{Getenv: func(k string) string {
		if k == SSHKeyEnv {
			return other
		}
		return ""
	}, Config: config.NewConfig()}
	_, err = b.Fetch(ctx, newRemoteT(t, url, wrong), "main")
	if !errors.As(err, &re) || re.Kind != RemoteAuthFailed {
		t.Errorf("fetch over ssh with an unknown key = %v", err)
	}
}

// A host that takes the connection and then says nothing (a hung server, a
// VPN that swallows the traffic) fails a fetch and a push as unreachable
// once AnswerTimeout has passed, instead of holding them, and the sync's
// store lock, for ever.
func TestSilentHostIsUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	defer func(d time.Duration) { AnswerTimeout = d }(AnswerTimeout)
	AnswerTimeout = 200 * time.Millisecond

	r := newTestRepo(t)
	h := commitT(t, r, "first", put("a.txt", "1\n"))
	rem := newRemoteT(t, "git://"+ln.Addr().String()+"/store.git", noCreds)
	for name, op := range map[string]func() error{
		"fetch":  func() error { _, err := r.Fetch(context.Background(), rem, "main"); return err },
		"push":   func() error { return r.Push(context.Background(), rem, "main", plumbing.ZeroHash, h) },
		"head":   func() error { _, _, err := rem.Head(context.Background()); return err },
		"branch": func() error { _, _, err := rem.Branches(context.Background()); return err },
	} {
		done := make(chan error, 1)
		go func() { done <- op() }()
		select {
		case err := <-done:
			var re *RemoteError
			if !errors.As(err, &re) || re.Kind != RemoteUnreachable || !strings.Contains(err.Error(), "no answer in 200ms") {
				t.Errorf("%s from a silent host = %v, want unreachable: no answer in 200ms", name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s from a silent host still waits after 10s", name)
		}
	}
}
