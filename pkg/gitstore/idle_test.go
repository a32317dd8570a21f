package gitstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
)

// stallProxy forwards TCP connections to a real git server and, once a
// pack starts ("PACK" in the stream of the direction it watches), either
// stops forwarding that direction for good, keeping the connection open
// (a host, VPN or proxy gone silent mid-transfer), or forwards the rest a
// few bytes at a time (a slow link that keeps moving).
type stallProxy struct {
	target  string
	upload  bool          // watch the client's stream (a push) instead of the server's
	trickle time.Duration // 0: stall; else the pause between small chunks
	ln      net.Listener
	mu      sync.Mutex
	conns   []net.Conn
	held    map[net.Conn][]byte
}

func newStallProxy(t *testing.T, target string, upload bool, trickle time.Duration) *stallProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &stallProxy{target: target, upload: upload, trickle: trickle, ln: ln, held: map[net.Conn][]byte{}}
	t.Cleanup(func() {
		ln.Close()
		p.mu.Lock()
		defer p.mu.Unlock()
		for dst, b := range p.held {
			dst.SetWriteDeadline(time.Now().Add(5 * time.Second))
			dst.Write(b)
		}
		for _, c := range p.conns {
			c.Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			if upload {
				go p.forward(s, c, true)
				go p.forward(c, s, false)
			} else {
				go p.forward(c, s, true)
				go p.forward(s, c, false)
			}
		}
	}()
	return p
}

// forward copies from src to dst; when watched, it stalls or trickles
// from the start of a pack.
func (p *stallProxy) forward(dst, src net.Conn, watched bool) {
	buf := make([]byte, 32*1024)
	var seen []byte
	inPack := false
	for {
		n, err := src.Read(buf)
		chunk := buf[:n]
		if watched && !inPack {
			seen = append(seen, chunk...)
			if i := bytes.Index(seen, []byte("PACK")); i >= 0 {
				inPack = true
				// Send up to and a little past the pack's start.
				keep := len(chunk) - (len(seen) - i) + 8
				if keep > len(chunk) {
					keep = len(chunk)
				}
				if _, werr := dst.Write(chunk[:keep]); werr != nil {
					return
				}
				chunk = chunk[keep:]
			}
		}
		if inPack && p.trickle == 0 {
			// Silent from here on: read and hold, so the sender is never
			// pushed back by a full buffer, as a black-holing link does.
			// The held bytes go on when the test ends, so that the git
			// server is not left waiting for a truncated request (git
			// http-backend spins on one).
			p.mu.Lock()
			p.held[dst] = append(p.held[dst], chunk...)
			p.mu.Unlock()
			if err != nil {
				return
			}
			continue
		}
		for len(chunk) > 0 {
			m := len(chunk)
			if inPack && m > 2 {
				m = 2
			}
			if inPack {
				time.Sleep(p.trickle)
			}
			if _, werr := dst.Write(chunk[:m]); werr != nil {
				return
			}
			chunk = chunk[m:]
		}
		if err != nil {
			if tc, ok := dst.(*net.TCPConn); ok {
				tc.CloseWrite()
			}
			return
		}
	}
}

func (p *stallProxy) url(path string) string { return p.ln.Addr().String() + path }

// stall says how a transfer goes wrong mid-pack: which way (a push's
// pack, else a fetch's), and whether it stops for good (trickle 0) or
// goes on a few bytes at a time with trickle between.
type stall struct {
	push    bool
	trickle time.Duration
}

// stalledServers runs fn against a git daemon and a smart-HTTP server,
// each behind its own proxy that stalls as st says, and against an ssh
// server that stalls so itself (the proxy cannot see where an ssh
// stream's pack starts), with the URL that stalls of a repository, its
// URL that does not (to push a first commit directly), and the
// credentials it needs.
func stalledServers(t *testing.T, st stall, fn func(t *testing.T, url, direct string, creds Credentials)) {
	t.Run("git", func(t *testing.T) {
		d := gitserver.NewDaemon(t)
		direct := d.NewRepo(t, "store")
		p := newStallProxy(t, strings.TrimPrefix(d.URL, "git://"), st.push, st.trickle)
		fn(t, "git://"+p.url("/store.git"), direct, noCreds)
	})
	t.Run("http", func(t *testing.T) {
		s := gitserver.NewHTTP(t)
		direct := s.NewRepo(t, "store")
		p := newStallProxy(t, strings.TrimPrefix(s.URL, "http://"), st.push, st.trickle)
		fn(t, "http://"+p.url("/store.git"), direct, noCreds)
	})
	t.Run("ssh", func(t *testing.T) {
		s := gitserver.NewSSH(t)
		url := s.NewRepo(t, "store")
		t.Setenv("SSH_KNOWN_HOSTS", s.KnownHosts)
		t.Setenv("HOME", t.TempDir())
		creds := Credentials{Getenv: func(k string) string {
			if k == SSHKeyEnv {
				return s.KeyFile
			}
			return ""
		}, Config: config.NewConfig()}
		// A stalled fetch or push is shaped from the start; a fetch's
		// first commit is pushed through the same server before.
		s.SetShape(gitserver.Shape{AfterPack: 8, Trickle: st.trickle, Fetch: !st.push, Push: st.push})
		fn(t, url, url, creds)
	})
}

// history commits a few cases, so that there is a pack to send.
func history(t *testing.T, r *Repo) plumbing.Hash {
	t.Helper()
	var changes []Change
	for i := 0; i < 20; i++ {
		changes = append(changes, put(fmt.Sprintf("cases/C%02d/intake.yaml", i), fmt.Sprintf("id: C%02d\nnote: %s\n", i, strings.Repeat("x", i*50))))
	}
	return commitT(t, r, "history", changes...)
}

func withIdleTimeout(t *testing.T, d time.Duration) {
	old := IdleTimeout
	IdleTimeout = d
	t.Cleanup(func() { IdleTimeout = old })
}

// waitFor runs op and fails the test when it is still running after
// limit: proof that, without the idle bound, sync would hang.
func waitFor(t *testing.T, limit time.Duration, op func() error) (error, time.Duration) {
	t.Helper()
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- op() }()
	select {
	case err := <-done:
		return err, time.Since(start)
	case <-time.After(limit):
		t.Fatalf("still waiting after %s", limit)
		return nil, 0
	}
}

// A host that stops sending mid-pack fails the fetch as unreachable once
// IdleTimeout has passed with nothing, and the clone is left as it was.
func TestFetchFromAHostThatStallsMidPack(t *testing.T) {
	stalledServers(t, stall{},
		func(t *testing.T, url, direct string, creds Credentials) {
			src := newTestRepo(t)
			h := history(t, src)
			if err := src.Push(context.Background(), newRemoteT(t, direct, creds), "main", plumbing.ZeroHash, h); err != nil {
				t.Fatal(err)
			}
			withIdleTimeout(t, time.Second)
			r := newTestRepo(t)
			own := commitT(t, r, "own", put("a.txt", "1\n"))
			before := snapshotClone(t, r)
			rem := newRemoteT(t, url, creds)
			err, took := waitFor(t, 10*time.Second, func() error { _, err := r.Fetch(context.Background(), rem, "main"); return err })
			var re *RemoteError
			if !errors.As(err, &re) || re.Kind != RemoteUnreachable || !strings.Contains(err.Error(), "stopped answering mid-transfer (nothing for 1s)") {
				t.Fatalf("fetch that stalled = %v, want unreachable: stopped answering mid-transfer", err)
			}
			t.Logf("gave up after %s: %v", took, err)
			if head, _ := r.Head(); head != own {
				t.Errorf("the branch moved to %s", head)
			}
			if after := snapshotClone(t, r); after != before {
				t.Errorf("the clone changed:\nbefore %s\nafter  %s", before, after)
			}
			gitT(t, r.Root(), "fsck", "--strict")
		})
}

// A push whose host stops taking the pack fails the same way.
func TestPushToAHostThatStallsMidPack(t *testing.T) {
	stalledServers(t, stall{push: true},
		func(t *testing.T, url, direct string, creds Credentials) {
			r := newTestRepo(t)
			h := history(t, r)
			before := snapshotClone(t, r)
			rem := newRemoteT(t, url, creds)
			withIdleTimeout(t, time.Second)
			err, took := waitFor(t, 10*time.Second, func() error { return r.Push(context.Background(), rem, "main", plumbing.ZeroHash, h) })
			var re *RemoteError
			if !errors.As(err, &re) || re.Kind != RemoteUnreachable || !strings.Contains(err.Error(), "stopped answering mid-transfer") {
				t.Fatalf("push that stalled = %v, want unreachable: stopped answering mid-transfer", err)
			}
			t.Logf("gave up after %s: %v", took, err)
			if after := snapshotClone(t, r); after != before {
				t.Errorf("the clone changed:\nbefore %s\nafter  %s", before, after)
			}
		})
}

// A slow transfer that keeps moving is never cut off, however long it
// takes in all.
func TestSlowButMovingTransferIsNotCutOff(t *testing.T) {
	stalledServers(t, stall{trickle: 40 * time.Millisecond},
		func(t *testing.T, url, direct string, creds Credentials) {
			src := newTestRepo(t)
			h := commitT(t, src, "first", put("a.txt", strings.Repeat("some text that does not compress away\n", 40)+"x\n"))
			if err := src.Push(context.Background(), newRemoteT(t, direct, creds), "main", plumbing.ZeroHash, h); err != nil {
				t.Fatal(err)
			}
			withIdleTimeout(t, time.Second)
			r := newTestRepo(t)
			err, took := waitFor(t, 60*time.Second, func() error {
				got, err := r.Fetch(context.Background(), newRemoteT(t, url, creds), "main")
				if err == nil && got != h {
					t.Errorf("fetched %s, want %s", got, h)
				}
				return err
			})
			if err != nil {
				t.Fatalf("a slow fetch failed after %s: %v", took, err)
			}
			if took < 3*IdleTimeout {
				t.Errorf("the fetch took %s, not longer than the idle bound: the test proves nothing", took)
			}
			t.Logf("a trickling fetch took %s, idle bound %s", took, IdleTimeout)
		})
}

// snapshotClone describes what a failed transfer must not change: every
// ref, the index, and any lock file left in .git.
func snapshotClone(t *testing.T, r *Repo) string {
	t.Helper()
	refs := gitT(t, r.Root(), "for-each-ref", "--format=%(refname) %(objectname)")
	head := gitT(t, r.Root(), "symbolic-ref", "HEAD")
	idx, _ := os.ReadFile(filepath.Join(r.Root(), ".git", "index"))
	var locks []string
	filepath.WalkDir(filepath.Join(r.Root(), ".git"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".lock") {
			locks = append(locks, p)
		}
		return nil
	})
	return strings.Join([]string{refs, head, fmt.Sprintf("index %x", sha256.Sum256(idx)), strings.Join(locks, ",")}, "|")
}
