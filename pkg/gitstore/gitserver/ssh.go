package gitserver

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/binary"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
)

// SSH is a git host over ssh on the loopback address, as GitHub's or a
// plain server's: an ssh server that accepts one user key and runs
// git-upload-pack and git-receive-pack for the repositories under Root.
type SSH struct {
	Root string
	// Addr is host:port; a repository is ssh://git@<Addr>/<name>.git.
	Addr string
	// KeyFile is the user's private key (OpenSSH format), KnownHosts a
	// known_hosts file naming the server's host key.
	KeyFile, KnownHosts string

	ln net.Listener
	wg sync.WaitGroup

	mu    sync.Mutex
	shape Shape
	conns map[net.Conn]bool // open, closed when the test ends
}

// Shape makes the server's transfers go silent or slow mid-pack, as a
// host, VPN or proxy does on a bad link, where a proxy in the tests
// cannot: ssh's encryption hides where the pack starts. It applies to the
// pack git-upload-pack sends (a fetch) and the one a push sends to
// git-receive-pack, from AfterPack bytes past its start ("PACK", which
// the server sees in the clear) on. The bytes before go as usual.
type Shape struct {
	// AfterPack is how many bytes of the pack go through as usual.
	AfterPack int
	// Trickle is the pause before each two bytes from there on; 0 means
	// nothing more goes at all: the bytes are read and held, the channel
	// stays open, and the sender is never pushed back by a full window.
	Trickle time.Duration
	// Fetch, Push say which transfers are shaped.
	Fetch, Push bool
}

// SetShape shapes the transfers that start from now on (the zero Shape:
// none).
func (s *SSH) SetShape(sh Shape) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shape = sh
}

// NewSSH starts the server for the test, with a fresh host key and user
// key; it stops when the test ends.
func NewSSH(t testing.TB) *SSH {
	t.Helper()
	dir := t.TempDir()
	s := &SSH{Root: filepath.Join(dir, "repos"), conns: map[net.Conn]bool{}}
	if err := os.MkdirAll(s.Root, 0o755); err != nil {
		t.Fatal(err)
	}
	_, hostPriv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	hostSigner, err := ssh.NewSignerFromKey(hostPriv)
	if err != nil {
		t.Fatal(err)
	}
	userPub, userPriv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(userPriv, "test user")
	if err != nil {
		t.Fatal(err)
	}
	s.KeyFile = filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(s.KeyFile, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	allowed, err := ssh.NewPublicKey(userPub)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &ssh.ServerConfig{
		PublicKeyCallback: func(_ ssh.ConnMetadata, key ssh.PublicKey) (*ssh.Permissions, error) {
			if bytes.Equal(key.Marshal(), allowed.Marshal()) {
				return nil, nil
			}
			return nil, fmt.Errorf("unknown key")
		},
	}
	cfg.AddHostKey(hostSigner)
	if s.ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	s.Addr = s.ln.Addr().String()
	host, port, _ := net.SplitHostPort(s.Addr)
	s.KnownHosts = filepath.Join(dir, "known_hosts")
	line := fmt.Sprintf("[%s]:%s %s", host, port, ssh.MarshalAuthorizedKey(hostSigner.PublicKey()))
	if err := os.WriteFile(s.KnownHosts, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := s.ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.conns[c] = true
			s.mu.Unlock()
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				s.serve(c, cfg)
				s.mu.Lock()
				delete(s.conns, c)
				s.mu.Unlock()
			}()
		}
	}()
	t.Cleanup(func() {
		s.ln.Close()
		// A client still waiting (a test that failed on a stalled
		// transfer) is cut off rather than waited for.
		s.mu.Lock()
		for c := range s.conns {
			c.Close()
		}
		s.mu.Unlock()
		s.wg.Wait()
	})
	return s
}

// NewRepo creates an empty bare repository and returns its ssh URL.
func (s *SSH) NewRepo(t testing.TB, name string) string {
	t.Helper()
	Bare(t, filepath.Join(s.Root, name+".git"))
	return fmt.Sprintf("ssh://git@%s/%s.git", s.Addr, name)
}

func (s *SSH) serve(c net.Conn, cfg *ssh.ServerConfig) {
	defer c.Close()
	_, chans, reqs, err := ssh.NewServerConn(c, cfg)
	if err != nil {
		return
	}
	go ssh.DiscardRequests(reqs)
	for nc := range chans {
		if nc.ChannelType() != "session" {
			nc.Reject(ssh.UnknownChannelType, "sessions only")
			continue
		}
		ch, chReqs, err := nc.Accept()
		if err != nil {
			continue
		}
		go s.session(ch, chReqs)
	}
}

// session runs the one git command a git client asks for.
func (s *SSH) session(ch ssh.Channel, reqs <-chan *ssh.Request) {
	defer ch.Close()
	for req := range reqs {
		if req.Type != "exec" {
			if req.WantReply {
				req.Reply(req.Type == "env", nil)
			}
			continue
		}
		var payload struct{ Command string }
		if err := ssh.Unmarshal(req.Payload, &payload); err != nil {
			req.Reply(false, nil)
			return
		}
		prog, arg, _ := strings.Cut(payload.Command, " ")
		if prog != "git-upload-pack" && prog != "git-receive-pack" {
			req.Reply(false, nil)
			return
		}
		repo := filepath.Join(s.Root, filepath.Clean("/"+strings.Trim(arg, "'\"")))
		req.Reply(true, nil)
		cmd := exec.Command("git", strings.TrimPrefix(prog, "git-"), repo)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = ch, ch, ch.Stderr()
		s.mu.Lock()
		sh := s.shape
		s.mu.Unlock()
		var out *shaper
		if prog == "git-upload-pack" && sh.Fetch {
			out = &shaper{w: ch, sh: sh}
			cmd.Stdout = out
		}
		if prog == "git-receive-pack" && sh.Push {
			pr, pw := io.Pipe()
			go func() {
				in := &shaper{w: pw, sh: sh}
				_, err := io.Copy(in, ch)
				if in.held {
					// The client sent all and awaits an answer; git
					// gets no end of its pack until the client gives up
					// and closes the channel.
					for range reqs {
					}
				}
				pw.CloseWithError(err)
			}()
			cmd.Stdin = pr
		}
		status := 0
		if err := cmd.Run(); err != nil {
			status = 1
			if ee, ok := err.(*exec.ExitError); ok {
				status = ee.ExitCode()
			}
		}
		if out != nil && out.held {
			// Gone silent: no end of the output, no exit status, until
			// the client gives up and closes the channel.
			for range reqs {
			}
			return
		}
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], uint32(status))
		ch.CloseWrite()
		ch.SendRequest("exit-status", false, b[:])
		io.Copy(io.Discard, ch)
		return
	}
}

// shaper writes to w as usual up to sh.AfterPack bytes past the start of
// a pack, then trickles or holds the rest (Shape).
type shaper struct {
	w      io.Writer
	sh     Shape
	seen   []byte // the stream up to the pack's start, to find it
	inPack bool
	sent   int  // bytes of the pack written
	held   bool // bytes were held back
}

func (s *shaper) Write(p []byte) (int, error) {
	n := len(p)
	if !s.inPack {
		s.seen = append(s.seen, p...)
		i := bytes.Index(s.seen, []byte("PACK"))
		if i < 0 {
			if len(s.seen) > 3 {
				s.seen = s.seen[len(s.seen)-3:]
			}
			_, err := s.w.Write(p)
			return n, err
		}
		s.inPack = true
		start := len(p) - (len(s.seen) - i) // where the pack starts in p
		if start < 0 {
			start = 0
		}
		if _, err := s.w.Write(p[:start]); err != nil {
			return 0, err
		}
		p = p[start:]
	}
	if k := min(len(p), s.sh.AfterPack-s.sent); k > 0 {
		if _, err := s.w.Write(p[:k]); err != nil {
			return 0, err
		}
		s.sent += k
		p = p[k:]
	}
	if s.sh.Trickle == 0 {
		s.held = s.held || len(p) > 0 // silent from here on
		return n, nil
	}
	for len(p) > 0 {
		time.Sleep(s.sh.Trickle)
		k := min(len(p), 2)
		if _, err := s.w.Write(p[:k]); err != nil {
			return 0, err
		}
		p = p[k:]
	}
	return n, nil
}
