package sshsig

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"
)

func signers(t *testing.T) map[string]ssh.Signer {
	t.Helper()
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	rs, _ := rsa.GenerateKey(rand.Reader, 2048)
	out := map[string]ssh.Signer{}
	for name, k := range map[string]any{"ed25519": ed, "ecdsa": ec, "rsa": rs} {
		s, err := ssh.NewSignerFromKey(k)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = s
	}
	return out
}

// TestRoundTrip: a signature verifies with the key that made it, and not
// for another message or another namespace.
func TestRoundTrip(t *testing.T) {
	for name, s := range signers(t) {
		msg := []byte("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@example.org> 1 +0000\n\nhello\n")
		sig, err := Sign(s, Namespace, bytes.NewReader(msg))
		if err != nil {
			t.Fatal(name, err)
		}
		key, err := Verify(sig, Namespace, bytes.NewReader(msg))
		if err != nil || !SameKey(key, s.PublicKey()) {
			t.Errorf("%s: verify = %v, %v", name, key, err)
		}
		if _, err := Verify(sig, Namespace, bytes.NewReader(append(msg, '!'))); !errors.Is(err, ErrBad) {
			t.Errorf("%s: altered message: %v", name, err)
		}
		if _, err := Verify(sig, "file", bytes.NewReader(msg)); !errors.Is(err, ErrNamespace) {
			t.Errorf("%s: other namespace: %v", name, err)
		}
	}
	if _, err := Verify([]byte("-----BEGIN PGP SIGNATURE-----\nxx\n-----END PGP SIGNATURE-----\n"), Namespace, strings.NewReader("")); !errors.Is(err, ErrMalformed) {
		t.Errorf("a PGP signature: %v", err)
	}
}

// TestSSHKeygenAgrees: OpenSSH's own ssh-keygen -Y verify, which git
// verify-commit runs, accepts the signatures, for every kind of key.
func TestSSHKeygenAgrees(t *testing.T) {
	keygen, err := exec.LookPath("ssh-keygen")
	if err != nil {
		t.Skip("no ssh-keygen")
	}
	dir := t.TempDir()
	msg := []byte("a commit's bytes\n")
	for name, s := range signers(t) {
		sig, err := Sign(s, Namespace, bytes.NewReader(msg))
		if err != nil {
			t.Fatal(err)
		}
		allowed := filepath.Join(dir, name+".allowed")
		line := "signer@example.org namespaces=\"git\" " + string(ssh.MarshalAuthorizedKey(s.PublicKey()))
		if err := os.WriteFile(allowed, []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
		sigFile := filepath.Join(dir, name+".sig")
		if err := os.WriteFile(sigFile, sig, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(keygen, "-Y", "verify", "-f", allowed, "-I", "signer@example.org", "-n", Namespace, "-s", sigFile)
		cmd.Stdin = bytes.NewReader(msg)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: ssh-keygen -Y verify: %v\n%s", name, err, out)
		}
	}
}
