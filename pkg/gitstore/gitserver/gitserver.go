// Package gitserver runs real git servers on the loopback address for
// tests: git's own smart-HTTP server (git http-backend, the protocol GitHub
// and GitLab speak) through Go's net/http/cgi, and git daemon for the git
// protocol. Both serve bare repositories in a directory of the test's.
// They need the git CLI, as the tests do; caseplan itself never does.
package gitserver

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cgi"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// HTTP is a smart-HTTP git server.
type HTTP struct {
	// Root holds the bare repositories served, as <name>.git.
	Root string
	// URL is the server's base: a repository is URL + "/" + name + ".git".
	URL string

	srv *httptest.Server

	mu sync.Mutex
	// token, when set, is the password every request must carry (any
	// user name), as a git host's access token.
	token string
	// beforeReceive runs before a push is handed to git, once per push.
	beforeReceive func()
	pushes        int
}

// NewHTTP starts a smart-HTTP server for the test; it stops when the test
// ends.
func NewHTTP(t testing.TB) *HTTP {
	t.Helper()
	s, err := StartHTTP(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// StartHTTP starts a smart-HTTP server for the bare repositories in root;
// Close stops it. Scripts that outlive a testing.T (testscript) use it.
func StartHTTP(root string) (*HTTP, error) {
	execPath, err := gitExecPath()
	if err != nil {
		return nil, err
	}
	backend := filepath.Join(execPath, "git-http-backend")
	s := &HTTP{Root: root}
	cgiHandler := &cgi.Handler{
		Path: backend,
		Root: "/",
		// git's own complaints (a push that lost the race for the ref
		// lock) are answers to the client, not the test's output.
		Stderr: io.Discard,
		Env: []string{
			"GIT_PROJECT_ROOT=" + s.Root,
			"GIT_HTTP_EXPORT_ALL=1",
			"GIT_CONFIG_NOSYSTEM=1",
			"HOME=" + s.Root,
		},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		token, before := s.token, s.beforeReceive
		receive := r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/git-receive-pack")
		if receive {
			s.pushes++
		}
		s.mu.Unlock()
		if token != "" {
			_, pass, ok := r.BasicAuth()
			if !ok {
				w.Header().Set("WWW-Authenticate", `Basic realm="git"`)
				http.Error(w, "authentication required", http.StatusUnauthorized)
				return
			}
			if pass != token {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
		}
		if receive && before != nil {
			before()
		}
		cgiHandler.ServeHTTP(w, r)
	}))
	s.URL = s.srv.URL
	return s, nil
}

// Close stops the server.
func (s *HTTP) Close() { s.srv.Close() }

// RequireToken makes the server refuse requests without the token as
// their password, as a private repository on a git host does.
func (s *HTTP) RequireToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token = token
}

// BeforeReceive sets fn to run when a push arrives, before git takes it
// (nil: none). A test moves the branch from there to make a push lose the
// race, as a colleague pushing at the same moment would.
func (s *HTTP) BeforeReceive(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.beforeReceive = fn
}

// Pushes returns how many pushes have arrived.
func (s *HTTP) Pushes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pushes
}

// NewRepo creates an empty bare repository that accepts pushes and
// returns its URL.
func (s *HTTP) NewRepo(t testing.TB, name string) string {
	t.Helper()
	url, err := s.AddRepo(name)
	if err != nil {
		t.Fatal(err)
	}
	return url
}

// AddRepo is NewRepo without a testing.T.
func (s *HTTP) AddRepo(name string) (string, error) {
	if err := BareRepo(filepath.Join(s.Root, name+".git")); err != nil {
		return "", err
	}
	return s.URL + "/" + name + ".git", nil
}

// Dir returns the directory of the bare repository name.
func (s *HTTP) Dir(name string) string { return filepath.Join(s.Root, name+".git") }

// Daemon is a git daemon serving the git protocol.
type Daemon struct {
	Root string
	URL  string // git://127.0.0.1:<port>
	cmd  *exec.Cmd
}

// NewDaemon starts git daemon on a free loopback port, exporting every
// repository under a new directory and accepting pushes; it stops when
// the test ends.
func NewDaemon(t testing.TB) *Daemon {
	t.Helper()
	root := t.TempDir()
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		port := freePort(t)
		var stderr bytes.Buffer
		cmd := exec.Command(filepath.Join(ExecPath(t), "git-daemon"),
			"--listen=127.0.0.1", fmt.Sprintf("--port=%d", port), "--base-path="+root,
			"--export-all", "--enable=receive-pack", "--reuseaddr", "--informative-errors", root)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+root)
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatalf("start git daemon: %v", err)
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
			if err == nil {
				conn.Close()
				d := &Daemon{Root: root, URL: "git://" + addr, cmd: cmd}
				t.Cleanup(func() {
					cmd.Process.Kill()
					cmd.Wait()
				})
				return d
			}
			lastErr = err
			time.Sleep(50 * time.Millisecond)
		}
		cmd.Process.Kill()
		cmd.Wait()
		lastErr = fmt.Errorf("%v: %s", lastErr, stderr.String())
	}
	t.Fatalf("git daemon did not start: %v", lastErr)
	return nil
}

// NewRepo creates an empty bare repository and returns its URL.
func (d *Daemon) NewRepo(t testing.TB, name string) string {
	t.Helper()
	Bare(t, filepath.Join(d.Root, name+".git"))
	return d.URL + "/" + name + ".git"
}

// Bare creates an empty bare repository at dir whose main branch is
// "main" and which accepts pushes over HTTP.
func Bare(t testing.TB, dir string) {
	t.Helper()
	if err := BareRepo(dir); err != nil {
		t.Fatal(err)
	}
}

// BareRepo is Bare without a testing.T.
func BareRepo(dir string) error {
	if _, err := RunGit("", "init", "-q", "--bare", "-b", "main", dir); err != nil {
		return err
	}
	_, err := RunGit(dir, "config", "http.receivepack", "true")
	return err
}

// Git runs the git CLI in dir with a clean configuration and returns its
// trimmed output, failing the test on an error.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := RunGit(dir, args...)
	if err != nil {
		t.Fatalf("git %s: %v", strings.Join(args, " "), err)
	}
	return out
}

// RunGit runs the git CLI in dir with a clean configuration.
func RunGit(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.org",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.org")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

var (
	execPathOnce sync.Once
	execPath     string
	execPathErr  error
)

// ExecPath returns git's program directory (git --exec-path), where
// git-http-backend and git-daemon live.
func ExecPath(t testing.TB) string {
	t.Helper()
	p, err := gitExecPath()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func gitExecPath() (string, error) {
	execPathOnce.Do(func() {
		execPath, execPathErr = RunGit("", "--exec-path")
	})
	if execPathErr != nil {
		return "", fmt.Errorf("the git CLI is needed to run a git server: %w", execPathErr)
	}
	return execPath, nil
}

// ClosedURL returns an http URL on the loopback address where nothing
// listens: a git host that cannot be reached.
func ClosedURL(t testing.TB) string {
	return fmt.Sprintf("http://127.0.0.1:%d/store.git", freePort(t))
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}
