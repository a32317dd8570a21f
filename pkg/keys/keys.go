// Package keys keeps a staff member's private keys, outside any store:
// their age identity, which opens the sealed files of the cases they are on,
// and their SSH signing key, which caseplan signs their commits with. The
// roster holds only the public halves (record.Staff AgeRecipient and
// SigningKey).
//
// The keys of email address E live in a directory of the user's, by
// default the caseplan/keys directory of their config directory
// ($XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on
// macOS, %AppData% on Windows), as E.age (age identities, newest first) and
// E.ssh (an OpenSSH private key); CASEPLAN_KEYS names another directory, and
// CASEPLAN_AGE_IDENTITY and CASEPLAN_SIGNING_KEY name the two files
// directly (an existing ~/.ssh/id_ed25519, say). Files are created readable
// by their owner only.
package keys

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"filippo.io/age"
	"golang.org/x/crypto/ssh"
)

// Environment variables that find the keys.
const (
	EnvDir      = "CASEPLAN_KEYS"
	EnvIdentity = "CASEPLAN_AGE_IDENTITY"
	EnvSigning  = "CASEPLAN_SIGNING_KEY"
)

// Keys are one person's private keys, as found; a key not found is nil.
type Keys struct {
	Email string
	// AgePath and SSHPath are where the keys are, or would be made.
	AgePath, SSHPath string
	// Identities open sealed files: the newest first, then older ones kept
	// after a rotation for files not re-sealed yet.
	Identities []*age.X25519Identity
	// Signer signs commits.
	Signer ssh.Signer
}

// Recipient returns the public half of the newest age identity
// ("age1..."), or "".
func (k *Keys) Recipient() string {
	if k == nil || len(k.Identities) == 0 {
		return ""
	}
	return k.Identities[0].Recipient().String()
}

// SigningKey returns the signing key's public half on one line, as the
// roster holds it ("ssh-ed25519 AAAA... email"), or "".
func (k *Keys) SigningKey() string {
	if k == nil || k.Signer == nil {
		return ""
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k.Signer.PublicKey()))) + " " + k.Email
}

// AgeIdentities returns the identities as age takes them.
func (k *Keys) AgeIdentities() []age.Identity {
	if k == nil {
		return nil
	}
	out := make([]age.Identity, len(k.Identities))
	for i, id := range k.Identities {
		out[i] = id
	}
	return out
}

// Dir returns the directory keys are kept in: CASEPLAN_KEYS, else
// caseplan/keys in the user's config directory.
func Dir(getenv func(string) string) (string, error) {
	if d := getenv(EnvDir); d != "" {
		return d, nil
	}
	var base string
	switch {
	case getenv("XDG_CONFIG_HOME") != "":
		base = getenv("XDG_CONFIG_HOME")
	case runtime.GOOS == "windows" && getenv("AppData") != "":
		base = getenv("AppData")
	case getenv("HOME") == "":
		return "", errors.New("cannot find the keys: neither CASEPLAN_KEYS nor HOME is set")
	case runtime.GOOS == "darwin":
		base = filepath.Join(getenv("HOME"), "Library", "Application Support")
	default:
		base = filepath.Join(getenv("HOME"), ".config")
	}
	return filepath.Join(base, "caseplan", "keys"), nil
}

// paths returns where email's keys are.
func paths(getenv func(string) string, email string) (agePath, sshPath string, err error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" || strings.ContainsAny(email, `/\`) || strings.HasPrefix(email, ".") {
		return "", "", fmt.Errorf("cannot keep keys for the email address %q", email)
	}
	agePath, sshPath = getenv(EnvIdentity), getenv(EnvSigning)
	if agePath == "" || sshPath == "" {
		dir, err := Dir(getenv)
		if err != nil {
			return agePath, sshPath, nil // nowhere to look: no keys
		}
		if agePath == "" {
			agePath = filepath.Join(dir, email+".age")
		}
		if sshPath == "" {
			sshPath = filepath.Join(dir, email+".ssh")
		}
	}
	return agePath, sshPath, nil
}

// PassphraseError says the signing key is protected by a passphrase,
// which caseplan cannot ask for.
type PassphraseError struct{ Path string }

func (e *PassphraseError) Error() string {
	return fmt.Sprintf("the signing key %s is protected by a passphrase, and there is no way to ask for it here", e.Path)
}

// Load finds email's keys. A key file that does not exist leaves its key
// nil; one that exists and cannot be read or parsed is an error.
func Load(getenv func(string) string, email string) (*Keys, error) {
	agePath, sshPath, err := paths(getenv, email)
	if err != nil {
		return nil, err
	}
	k := &Keys{Email: strings.ToLower(strings.TrimSpace(email)), AgePath: agePath, SSHPath: sshPath}
	if k.Identities, err = readIdentities(agePath); err != nil {
		return nil, err
	}
	if k.Signer, err = readSigner(sshPath); err != nil {
		return nil, err
	}
	return k, nil
}

// readIdentities reads an age identity file; one that does not exist
// (or no path) holds none.
func readIdentities(path string) ([]*age.X25519Identity, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the age identity: %w", err)
	}
	ids, err := age.ParseIdentities(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read the age identity %s: %w", path, err)
	}
	out := make([]*age.X25519Identity, 0, len(ids))
	for _, id := range ids {
		x, ok := id.(*age.X25519Identity)
		if !ok {
			return nil, fmt.Errorf("read the age identity %s: only X25519 identities (AGE-SECRET-KEY-1...) are supported", path)
		}
		out = append(out, x)
	}
	return out, nil
}

// readSigner reads an OpenSSH private key; one that does not exist (or no
// path) is none.
func readSigner(path string) (ssh.Signer, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the signing key: %w", err)
	}
	signer, err := ssh.ParsePrivateKey(data)
	var pp *ssh.PassphraseMissingError
	if errors.As(err, &pp) {
		return nil, &PassphraseError{Path: path}
	}
	if err != nil {
		return nil, fmt.Errorf("read the signing key %s: %w", path, err)
	}
	return signer, nil
}

// Made says what New made.
type Made struct {
	Identity, Signing bool
}

// New makes the keys email does not have yet — an X25519 age identity and
// an Ed25519 signing key — or, with rotate, new ones of both: the new age
// identity goes first in its file, above the old ones, which still open
// files sealed before the rotation until they are re-sealed; the old
// signing key is kept beside the new one as E.ssh.old.
func New(getenv func(string) string, email string, now time.Time, rotate bool) (*Keys, Made, error) {
	k, err := Load(getenv, email)
	if err != nil && !(rotate && errors.As(err, new(*PassphraseError))) {
		return nil, Made{}, err
	}
	if k == nil {
		agePath, sshPath, err := paths(getenv, email)
		if err != nil {
			return nil, Made{}, err
		}
		k = &Keys{Email: strings.ToLower(strings.TrimSpace(email)), AgePath: agePath, SSHPath: sshPath}
	}
	var made Made
	if k.AgePath == "" || k.SSHPath == "" {
		_, err := Dir(getenv)
		return nil, made, fmt.Errorf("nowhere to keep the keys: %w", err)
	}
	if rotate || len(k.Identities) == 0 {
		id, err := age.GenerateX25519Identity()
		if err != nil {
			return nil, made, err
		}
		var b strings.Builder
		fmt.Fprintf(&b, "# caseplan: the age identity of %s, made %s; keep this file private.\n", k.Email, now.Format(time.DateOnly))
		fmt.Fprintf(&b, "# public key: %s\n%s\n", id.Recipient(), id)
		if old, err := os.ReadFile(k.AgePath); err == nil {
			b.WriteString("# older identities, for files sealed before the rotation:\n")
			b.Write(old)
		}
		if err := writePrivate(k.AgePath, []byte(b.String())); err != nil {
			return nil, made, err
		}
		k.Identities = append([]*age.X25519Identity{id}, k.Identities...)
		made.Identity = true
	}
	if rotate || k.Signer == nil {
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, made, err
		}
		block, err := ssh.MarshalPrivateKey(priv, k.Email)
		if err != nil {
			return nil, made, err
		}
		if old, err := os.ReadFile(k.SSHPath); err == nil {
			if err := writePrivate(k.SSHPath+".old", old); err != nil {
				return nil, made, err
			}
		}
		if err := writePrivate(k.SSHPath, pem.EncodeToMemory(block)); err != nil {
			return nil, made, err
		}
		if k.Signer, err = ssh.NewSignerFromKey(priv); err != nil {
			return nil, made, err
		}
		made.Signing = true
	}
	return k, made, nil
}

// writePrivate writes data to path readable by its owner only, creating
// the directory (likewise private) if needed, through a temporary file so
// a key file is never half-written.
func writePrivate(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".key-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
