package keys

import (
	"bytes"
	"encoding/pem"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"golang.org/x/crypto/ssh"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// TestNewLoadRotate: keys are made private, found again, never remade
// without a rotation; a rotation keeps the old age identity so files
// sealed to it still open, and keeps the old signing key beside the new.
func TestNewLoadRotate(t *testing.T) {
	dir := t.TempDir()
	getenv := env(map[string]string{EnvDir: filepath.Join(dir, "keys")})
	now := time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)
	k, made, err := New(getenv, "MRivera@Example.org", now, false)
	if err != nil {
		t.Fatal(err)
	}
	if !made.Identity || !made.Signing || k.Email != "mrivera@example.org" {
		t.Fatalf("made %+v, %q", made, k.Email)
	}
	for _, p := range []string{k.AgePath, k.SSHPath, filepath.Dir(k.AgePath)} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm&0o077 != 0 {
			t.Errorf("%s is readable by others: %v", p, perm)
		}
	}
	if !strings.HasPrefix(k.Recipient(), "age1") || !strings.HasPrefix(k.SigningKey(), "ssh-ed25519 ") || !strings.HasSuffix(k.SigningKey(), " mrivera@example.org") {
		t.Errorf("public halves: %q %q", k.Recipient(), k.SigningKey())
	}

	// Seal something to the first identity.
	var sealed bytes.Buffer
	w, err := age.Encrypt(&sealed, k.Identities[0].Recipient())
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "sealed before the rotation")
	w.Close()

	again, err := Load(getenv, "mrivera@example.org")
	if err != nil || again.Recipient() != k.Recipient() || again.SigningKey() != k.SigningKey() {
		t.Fatalf("load: %v", err)
	}
	if _, made, err := New(getenv, "mrivera@example.org", now, false); err != nil || made.Identity || made.Signing {
		t.Errorf("a second New made %+v, %v", made, err)
	}

	rotated, made, err := New(getenv, "mrivera@example.org", now, true)
	if err != nil || !made.Identity || !made.Signing {
		t.Fatalf("rotate: %+v, %v", made, err)
	}
	if rotated.Recipient() == k.Recipient() || rotated.SigningKey() == k.SigningKey() {
		t.Error("rotation kept the old keys first")
	}
	loaded, err := Load(getenv, "mrivera@example.org")
	if err != nil || len(loaded.Identities) != 2 || loaded.Recipient() != rotated.Recipient() {
		t.Fatalf("after rotation: %v, %d identities", err, len(loaded.Identities))
	}
	r, err := age.Decrypt(bytes.NewReader(sealed.Bytes()), loaded.AgeIdentities()...)
	if err != nil {
		t.Fatalf("the old identity no longer opens what was sealed to it: %v", err)
	}
	if b, _ := io.ReadAll(r); string(b) != "sealed before the rotation" {
		t.Errorf("decrypted %q", b)
	}
	if _, err := os.Stat(k.SSHPath + ".old"); err != nil {
		t.Errorf("the old signing key was not kept: %v", err)
	}
}

// TestLoadNothing: no keys is not an error; CASEPLAN_SIGNING_KEY names a
// key elsewhere; one with a passphrase is refused with its own error.
func TestLoadNothing(t *testing.T) {
	dir := t.TempDir()
	k, err := Load(env(map[string]string{"HOME": dir}), "x@example.org")
	if err != nil || k.Signer != nil || len(k.Identities) != 0 {
		t.Fatalf("%+v, %v", k, err)
	}
	if want := filepath.Join(dir, ".config", "caseplan", "keys", "x@example.org.ssh"); k.SSHPath != want && !strings.Contains(k.SSHPath, "Application Support") {
		t.Errorf("SSHPath %q", k.SSHPath)
	}
	_, made, err := New(env(map[string]string{EnvDir: dir}), "y@example.org", time.Now(), false)
	if err != nil || !made.Signing {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "elsewhere")
	data, _ := os.ReadFile(filepath.Join(dir, "y@example.org.ssh"))
	os.WriteFile(other, data, 0o600)
	k, err = Load(env(map[string]string{EnvDir: t.TempDir(), EnvSigning: other}), "z@example.org")
	if err != nil || k.Signer == nil {
		t.Errorf("CASEPLAN_SIGNING_KEY: %v", err)
	}

	raw, _ := ssh.ParseRawPrivateKey(data)
	block, err := ssh.MarshalPrivateKeyWithPassphrase(raw, "c", []byte("secret"))
	if err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	os.WriteFile(locked, pemEncode(block), 0o600)
	_, err = Load(env(map[string]string{EnvDir: dir, EnvSigning: locked}), "z@example.org")
	var pe *PassphraseError
	if !errors.As(err, &pe) {
		t.Errorf("a key with a passphrase: %v", err)
	}
}

func pemEncode(b *pem.Block) []byte { return pem.EncodeToMemory(b) }

// TestWhereKeysAre: the keys are looked for in CASEPLAN_KEYS, else
// caseplan/keys in the user's config directory (XDG_CONFIG_HOME, else
// ~/.config on Linux), by email address; CASEPLAN_AGE_IDENTITY and
// CASEPLAN_SIGNING_KEY name the files directly. Keys made through one way
// are found again through it.
func TestWhereKeysAre(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the config directory checked here is Linux's")
	}
	home, xdg, own := t.TempDir(), t.TempDir(), t.TempDir()
	idFile, sshFile := filepath.Join(own, "id.age"), filepath.Join(own, "id.ssh")
	for _, tt := range []struct {
		name             string
		env              map[string]string
		agePath, sshPath string
	}{
		{"home", map[string]string{"HOME": home}, filepath.Join(home, ".config", "caseplan", "keys", "ana@example.org.age"), filepath.Join(home, ".config", "caseplan", "keys", "ana@example.org.ssh")},
		{"xdg", map[string]string{"HOME": home, "XDG_CONFIG_HOME": xdg}, filepath.Join(xdg, "caseplan", "keys", "ana@example.org.age"), filepath.Join(xdg, "caseplan", "keys", "ana@example.org.ssh")},
		{"CASEPLAN_KEYS", map[string]string{"HOME": home, "XDG_CONFIG_HOME": xdg, EnvDir: own}, filepath.Join(own, "ana@example.org.age"), filepath.Join(own, "ana@example.org.ssh")},
		{"the files named", map[string]string{"HOME": home, EnvIdentity: idFile, EnvSigning: sshFile}, idFile, sshFile},
	} {
		t.Run(tt.name, func(t *testing.T) {
			getenv := env(tt.env)
			made, _, err := New(getenv, "Ana@Example.org", time.Now(), false)
			if err != nil {
				t.Fatal(err)
			}
			if made.AgePath != tt.agePath || made.SSHPath != tt.sshPath {
				t.Errorf("made in %s and %s, want %s and %s", made.AgePath, made.SSHPath, tt.agePath, tt.sshPath)
			}
			for _, p := range []string{tt.agePath, tt.sshPath} {
				if _, err := os.Stat(p); err != nil {
					t.Error(err)
				}
			}
			found, err := Load(getenv, "ana@example.org")
			if err != nil {
				t.Fatal(err)
			}
			if found.Recipient() != made.Recipient() || found.SigningKey() != made.SigningKey() {
				t.Errorf("found %s / %s, made %s / %s", found.Recipient(), found.SigningKey(), made.Recipient(), made.SigningKey())
			}
		})
	}
	if _, err := Load(env(map[string]string{}), "ana@example.org"); err != nil {
		t.Errorf("nowhere to look is no keys, not an error: %v", err)
	}
}
