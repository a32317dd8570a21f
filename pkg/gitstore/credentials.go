package gitstore

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/http"
	"github.com/go-git/go-git/v5/plumbing/transport/ssh"
)

// Environment variables that give caseplan credentials for a git host.
const (
	// TokenEnv holds an access token for an https remote (a GitHub or
	// Gitea personal access token, a GitLab project or personal token).
	TokenEnv = "CASEPLAN_GIT_TOKEN"
	// TokenUserEnv is the user name sent with the token; hosts that take
	// a token as the password ignore it, GitLab's OAuth tokens want
	// "oauth2".
	TokenUserEnv = "CASEPLAN_GIT_USER"
	// SSHKeyEnv names a private key file for an ssh remote, used instead
	// of the ssh agent; SSHPassphraseEnv is its passphrase, if any.
	SSHKeyEnv        = "CASEPLAN_SSH_KEY"
	SSHPassphraseEnv = "CASEPLAN_SSH_KEY_PASSPHRASE"
)

// Credentials says where to find credentials for a git host. For https
// and http, in this order: a token in CASEPLAN_GIT_TOKEN; a user and
// password written in the URL; git's credential helpers (credential.helper
// in the git config, run as git runs them, so a store, cache, libsecret,
// osxkeychain or Git Credential Manager set up for git works unchanged);
// else none. For ssh: the key file CASEPLAN_SSH_KEY names; the ssh agent
// (SSH_AUTH_SOCK); else ~/.ssh/id_ed25519, id_ecdsa or id_rsa. Host keys
// are checked against ~/.ssh/known_hosts (or the files SSH_KNOWN_HOSTS
// lists), as ssh does.
type Credentials struct {
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string
	// Config is the git config to read credential helpers from: the
	// repository's merged over the global one; nil reads the global one.
	Config *config.Config
}

func (c Credentials) getenv(k string) string {
	if c.Getenv == nil {
		return os.Getenv(k)
	}
	return c.Getenv(k)
}

func (c Credentials) authFor(ep *transport.Endpoint, rawURL string) (transport.AuthMethod, error) {
	switch ep.Protocol {
	case "https", "http":
		if tok := c.getenv(TokenEnv); tok != "" {
			user := c.getenv(TokenUserEnv)
			if user == "" {
				user = ep.User
			}
			if user == "" {
				user = "caseplan"
			}
			return &http.BasicAuth{Username: user, Password: tok}, nil
		}
		if ep.Password != "" {
			return &http.BasicAuth{Username: ep.User, Password: ep.Password}, nil
		}
		if user, pass, ok := c.fromHelpers(ep, rawURL); ok {
			return &http.BasicAuth{Username: user, Password: pass}, nil
		}
		return nil, nil
	case "ssh":
		user := ep.User
		if user == "" {
			user = ssh.DefaultUsername
		}
		if key := c.getenv(SSHKeyEnv); key != "" {
			auth, err := ssh.NewPublicKeysFromFile(user, key, c.getenv(SSHPassphraseEnv))
			if err != nil {
				return nil, fmt.Errorf("%s=%s: %w", SSHKeyEnv, key, err)
			}
			return auth, nil
		}
		if c.getenv("SSH_AUTH_SOCK") != "" {
			if auth, err := ssh.NewSSHAgentAuth(user); err == nil {
				return auth, nil
			}
		}
		if home, err := os.UserHomeDir(); err == nil {
			for _, name := range []string{"id_ed25519", "id_ecdsa", "id_rsa"} {
				p := filepath.Join(home, ".ssh", name)
				if _, err := os.Stat(p); err != nil {
					continue
				}
				auth, err := ssh.NewPublicKeysFromFile(user, p, c.getenv(SSHPassphraseEnv))
				if err != nil {
					return nil, fmt.Errorf("%s: %w (set %s to use another key, or add it to the ssh agent)", p, err, SSHKeyEnv)
				}
				return auth, nil
			}
		}
		// go-git would fall back to an ssh agent that is not there.
		return nil, &RemoteError{URL: redact(rawURL), Kind: RemoteAuthRequired,
			Err: fmt.Errorf("no ssh key: %s is not set, no ssh agent runs, and there is no ~/.ssh/id_ed25519, id_ecdsa or id_rsa", SSHKeyEnv)}
	}
	return nil, nil
}

// fromHelpers asks git's configured credential helpers, in order, for a
// user and password, speaking git's credential helper protocol
// (gitcredentials(7)): "get" with protocol, host and path on stdin.
func (c Credentials) fromHelpers(ep *transport.Endpoint, rawURL string) (user, pass string, ok bool) {
	cfg := c.Config
	if cfg == nil {
		var err error
		if cfg, err = config.LoadConfig(config.GlobalScope); err != nil {
			return "", "", false
		}
	}
	for _, helper := range helpersFor(cfg, rawURL) {
		cmd := helperCommand(helper)
		if cmd == nil {
			continue
		}
		host := ep.Host
		if ep.Port != 0 && !(ep.Protocol == "https" && ep.Port == 443) && !(ep.Protocol == "http" && ep.Port == 80) {
			host = fmt.Sprintf("%s:%d", ep.Host, ep.Port)
		}
		var in bytes.Buffer
		fmt.Fprintf(&in, "protocol=%s\nhost=%s\n", ep.Protocol, host)
		if p := strings.TrimPrefix(ep.Path, "/"); p != "" {
			fmt.Fprintf(&in, "path=%s\n", p)
		}
		if ep.User != "" {
			fmt.Fprintf(&in, "username=%s\n", ep.User)
		}
		in.WriteString("\n")
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd = exec.CommandContext(ctx, cmd.Path, cmd.Args[1:]...)
		cmd.Stdin = &in
		cmd.Stderr = os.Stderr // a helper may ask or explain on the terminal
		out, err := cmd.Output()
		cancel()
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		u, p := ep.User, ""
		for sc.Scan() {
			k, v, _ := strings.Cut(sc.Text(), "=")
			switch k {
			case "username":
				u = v
			case "password":
				p = v
			}
		}
		if p != "" {
			return u, p, true
		}
	}
	return "", "", false
}

// helpersFor lists the credential helpers git would run for rawURL: those
// of [credential "<prefix of the URL>"] sections, then [credential]'s. An
// empty value resets the list, as in git.
func helpersFor(cfg *config.Config, rawURL string) []string {
	var helpers []string
	add := func(values []string) {
		for _, v := range values {
			if v == "" {
				helpers = nil
				continue
			}
			helpers = append(helpers, v)
		}
	}
	sec := cfg.Raw.Section("credential")
	add(sec.Options.GetAll("helper"))
	for _, sub := range sec.Subsections {
		if strings.HasPrefix(rawURL, strings.TrimSuffix(sub.Name, "/")) {
			add(sub.Options.GetAll("helper"))
		}
	}
	return helpers
}

// helperCommand returns the command for one credential.helper value, as
// git would run it with "get": "!cmd" through the shell, an absolute path
// as it is, a name as git-credential-<name> on PATH or in git's own
// program directory. nil when it cannot be found.
func helperCommand(helper string) *exec.Cmd {
	if rest, ok := strings.CutPrefix(helper, "!"); ok {
		return exec.Command("/bin/sh", "-c", rest+" get")
	}
	fields := strings.Fields(helper)
	if len(fields) == 0 {
		return nil
	}
	prog := fields[0]
	if !filepath.IsAbs(prog) {
		name := "git-credential-" + prog
		found, err := exec.LookPath(name)
		if err != nil {
			for _, dir := range []string{"/usr/lib/git-core", "/usr/libexec/git-core", "/usr/local/libexec/git-core", "/opt/homebrew/opt/git/libexec/git-core"} {
				if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
					found = filepath.Join(dir, name)
					break
				}
			}
		}
		if found == "" {
			return nil
		}
		prog = found
	}
	return exec.Command(prog, append(fields[1:], "get")...)
}
