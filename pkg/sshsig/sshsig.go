// Package sshsig makes and checks SSH signatures in OpenSSH's SSHSIG format
// (PROTOCOL.sshsig in the OpenSSH sources), the format git uses for commit
// signatures with gpg.format=ssh: `git verify-commit` checks them with
// ssh-keygen -Y verify and an allowed-signers file. caseplan signs its
// commits with them and verify checks them against the staff roster's
// signing keys.
//
// A signature covers a namespace ("git" for commits) and the SHA-512 hash
// of the message, so a signature made for one purpose cannot be replayed
// for another.
package sshsig

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io"
	"strings"

	"golang.org/x/crypto/ssh"
)

// Namespace is the namespace git signs commits in.
const Namespace = "git"

const (
	magic   = "SSHSIG"
	version = 1
	begin   = "-----BEGIN SSH SIGNATURE-----"
	end     = "-----END SSH SIGNATURE-----"
)

// Sign returns the armoured SSHSIG signature of message by signer in
// namespace, hashed with SHA-512. An RSA key signs with rsa-sha2-512, as
// ssh-keygen does (ssh-rsa, SHA-1, is refused by current OpenSSH).
func Sign(signer ssh.Signer, namespace string, message io.Reader) ([]byte, error) {
	h := sha512.New()
	if _, err := io.Copy(h, message); err != nil {
		return nil, err
	}
	signed := signedData(namespace, "sha512", h.Sum(nil))
	var sig *ssh.Signature
	var err error
	if as, ok := signer.(ssh.AlgorithmSigner); ok && signer.PublicKey().Type() == ssh.KeyAlgoRSA {
		sig, err = as.SignWithAlgorithm(rand.Reader, signed, ssh.KeyAlgoRSASHA512)
	} else {
		sig, err = signer.Sign(rand.Reader, signed)
	}
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	var blob bytes.Buffer
	blob.WriteString(magic)
	binary.Write(&blob, binary.BigEndian, uint32(version))
	writeString(&blob, signer.PublicKey().Marshal())
	writeString(&blob, []byte(namespace))
	writeString(&blob, nil) // reserved
	writeString(&blob, []byte("sha512"))
	writeString(&blob, ssh.Marshal(sig))
	return armor(blob.Bytes()), nil
}

// Signer adapts an ssh.Signer to the signer go-git and caseplan's
// gitstore take: Sign returns the armoured signature of a commit's bytes
// in the git namespace.
type Signer struct{ Key ssh.Signer }

// Sign signs message in the git namespace.
func (s Signer) Sign(message io.Reader) ([]byte, error) {
	return Sign(s.Key, Namespace, message)
}

// Errors of Verify.
var (
	ErrMalformed = errors.New("not an SSH signature")
	ErrNamespace = errors.New("signature made for another purpose (namespace)")
	ErrBad       = errors.New("signature does not match the signed content")
)

// Verify checks the armoured signature sig of message in namespace and
// returns the public key that made it. It checks only that the key signed
// the message; whether that key is the right one is the caller's to say.
func Verify(sig []byte, namespace string, message io.Reader) (ssh.PublicKey, error) {
	blob, err := unarmor(sig)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(blob, []byte(magic)) {
		return nil, ErrMalformed
	}
	r := blob[len(magic):]
	if len(r) < 4 || binary.BigEndian.Uint32(r) != version {
		return nil, fmt.Errorf("%w: unknown version", ErrMalformed)
	}
	r = r[4:]
	var pub, ns, reserved, alg, sigBytes []byte
	for _, dst := range []*[]byte{&pub, &ns, &reserved, &alg, &sigBytes} {
		if *dst, r, err = readString(r); err != nil {
			return nil, err
		}
	}
	if len(r) != 0 {
		return nil, fmt.Errorf("%w: trailing data", ErrMalformed)
	}
	key, err := ssh.ParsePublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if string(ns) != namespace {
		return nil, ErrNamespace
	}
	var h hash.Hash
	switch string(alg) {
	case "sha512":
		h = sha512.New()
	case "sha256":
		h = sha256.New()
	default:
		return nil, fmt.Errorf("%w: unknown hash %q", ErrMalformed, alg)
	}
	if _, err := io.Copy(h, message); err != nil {
		return nil, err
	}
	var s ssh.Signature
	if err := ssh.Unmarshal(sigBytes, &s); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if err := key.Verify(signedData(namespace, string(alg), h.Sum(nil)), &s); err != nil {
		return nil, ErrBad
	}
	return key, nil
}

// Fingerprint is a public key's SHA256 fingerprint, as ssh-keygen -l
// prints it.
func Fingerprint(key ssh.PublicKey) string { return ssh.FingerprintSHA256(key) }

// ParsePublicKey reads a public key written on one line as in an
// authorized_keys file ("ssh-ed25519 AAAA... comment").
func ParsePublicKey(line string) (ssh.PublicKey, error) {
	key, _, _, rest, err := ssh.ParseAuthorizedKey([]byte(line))
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, errors.New("more than one key")
	}
	return key, nil
}

// SameKey reports whether two public keys are the same key.
func SameKey(a, b ssh.PublicKey) bool { return bytes.Equal(a.Marshal(), b.Marshal()) }

// signedData is what the key signs: the magic, the namespace, the
// reserved field, the hash's name and the message's hash.
func signedData(namespace, alg string, digest []byte) []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	writeString(&b, []byte(namespace))
	writeString(&b, nil)
	writeString(&b, []byte(alg))
	writeString(&b, digest)
	return b.Bytes()
}

func writeString(b *bytes.Buffer, s []byte) {
	binary.Write(b, binary.BigEndian, uint32(len(s)))
	b.Write(s)
}

func readString(r []byte) (s, rest []byte, err error) {
	if len(r) < 4 {
		return nil, nil, fmt.Errorf("%w: truncated", ErrMalformed)
	}
	n := binary.BigEndian.Uint32(r)
	if uint64(n) > uint64(len(r)-4) {
		return nil, nil, fmt.Errorf("%w: truncated", ErrMalformed)
	}
	return r[4 : 4+n], r[4+n:], nil
}

// armor wraps blob as ssh-keygen does: base64 in lines of 70 characters
// between the BEGIN and END lines.
func armor(blob []byte) []byte {
	enc := base64.StdEncoding.EncodeToString(blob)
	var b bytes.Buffer
	b.WriteString(begin + "\n")
	for len(enc) > 70 {
		b.WriteString(enc[:70] + "\n")
		enc = enc[70:]
	}
	b.WriteString(enc + "\n" + end + "\n")
	return b.Bytes()
}

func unarmor(sig []byte) ([]byte, error) {
	s := strings.TrimSpace(strings.ReplaceAll(string(sig), "\r\n", "\n"))
	body, ok := strings.CutPrefix(s, begin)
	if !ok {
		return nil, fmt.Errorf("%w: no %s line", ErrMalformed, begin)
	}
	body, ok = strings.CutSuffix(body, end)
	if !ok {
		return nil, fmt.Errorf("%w: no %s line", ErrMalformed, end)
	}
	blob, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(body), ""))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return blob, nil
}
