package history

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"golang.org/x/crypto/ssh"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sshsig"
)

// The signature rules (README, Confidentiality): a commit that changes
// cases/ is checked against its author's signing key on the roster of its
// parent commit, so a commit made in another member's name with --author
// is caught, and one nobody signed is caught where the store requires
// signatures.
const (
	// RuleUnsigned: the store requires signatures (access.require_signatures
	// in the parent's settings) and the commit has none.
	RuleUnsigned = "commit-unsigned"
	// RuleBadSignature: the commit's signature is not a valid SSH signature
	// of its content.
	RuleBadSignature = "signature-invalid"
	// RuleNotAuthor: the commit is signed, but not with its author's key
	// on the roster: someone committed in another's name.
	RuleNotAuthor = "signature-not-author"
)

// checkSignature checks commit c's signature against roster, the roster it
// answers to.
func (v *verifier) checkSignature(c *commitInfo, roster *record.Config) error {
	author, ok := roster.StaffByEmail(c.email)
	if !ok {
		return nil // author-not-on-roster says so
	}
	required := roster.AccessSettings().RequireSignatures
	payload, sig, err := v.commitSignature(c.hash)
	if err != nil {
		return err
	}
	add := func(rule, format string, args ...any) {
		v.add(findingAt("", 0, c.hash, rule, fmt.Sprintf(format, args...)))
	}
	if sig == nil {
		if required && c.committer != "" && !strings.EqualFold(c.committer, c.email) {
			// caseplan commits as the author, so a commit someone else
			// committed was made anew: a rebase drops the signature, and a
			// git host's "rebase and merge" of a pull request is one. Said
			// so, since "commit with caseplan" is no advice for a commit
			// caseplan made.
			add(RuleUnsigned, "the commit is not signed, and the store requires signed commits (access.require_signatures): it is %s's, committed again by %s, as a rebase does (git rebase, or a git host's \"rebase and merge\" of a pull request or its update of a branch by rebase), which drops the signature; merge a pull request with a merge commit and bring a branch up to date with git merge or caseplan sync, never a rebase; to repair, put the branch back before the rebased commits and merge the signed originals (git merge BRANCH)", author.ID, c.committer)
			return nil
		}
		if required {
			add(RuleUnsigned, "the commit is not signed, and the store requires signed commits (access.require_signatures); its author %s cannot be told from anyone who typed their name: commit with caseplan, or with git commit -S (gpg.format=ssh), with %s's signing key", c.email, author.ID)
		}
		return nil
	}
	key, err := sshsig.Verify(sig, sshsig.Namespace, bytes.NewReader(payload))
	if err != nil {
		if errors.Is(err, sshsig.ErrMalformed) && !required && author.SigningKey == "" {
			return nil // an OpenPGP signature, say, in a store that asks for none
		}
		add(RuleBadSignature, "the commit's signature does not hold (%v): the commit was changed after it was signed, or signed some other way than git's SSH signatures", err)
		return nil
	}
	if listed, err := sshsig.ParsePublicKey(author.SigningKey); err == nil && sshsig.SameKey(listed, key) {
		return nil
	}
	owner := ""
	for _, s := range roster.Staff {
		if k, err := sshsig.ParsePublicKey(s.SigningKey); err == nil && sshsig.SameKey(k, key) {
			owner = s.ID
		}
	}
	var former *SigningKey
	if owner == "" && len(c.parents) > 0 {
		if former, err = v.formerKey(c.parents[0], key); err != nil {
			return err
		}
	}
	switch {
	case owner != "":
		add(RuleNotAuthor, "the commit says it is by %s but is signed with %s's key (%s): it was made in another member's name", author.ID, owner, sshsig.Fingerprint(key))
	case former != nil:
		whose := former.ID + "'s"
		if strings.EqualFold(former.Email, author.Email) {
			whose = "their"
		}
		add(RuleNotAuthor, "the commit says it is by %s but is signed with %s former key (%s), off the roster since %s: whoever still holds that key (a lost one, say) made it after the key was replaced; a revert would leave it in the history, where it stays reported: it has to leave the history (the hint says how), and %s makes the change again with their current key if it is theirs",
			author.ID, whose, sshsig.Fingerprint(key), former.Last.Format("2006-01-02 15:04:05Z"), author.ID)
	case author.SigningKey != "":
		add(RuleNotAuthor, "the commit says it is by %s but is signed with a key that is not theirs on the roster (%s)", author.ID, sshsig.Fingerprint(key))
	case required:
		add(RuleNotAuthor, "the commit is signed (%s), but the roster has no signing key for its author %s, so the signature says nothing of who made it", sshsig.Fingerprint(key), author.ID)
	}
	return nil
}

// commitSignature returns the commit's content as it was signed (the
// commit without its signature header) and the signature, nil when the
// commit has none. It works on the raw object, not a decoded and
// re-encoded commit, so that what is checked is exactly what was stored.
func (v *verifier) commitSignature(h plumbing.Hash) (payload, sig []byte, err error) {
	o, err := v.repo.Storer.EncodedObject(plumbing.CommitObject, h)
	if err != nil {
		return nil, nil, fmt.Errorf("read commit %s: %w", h, err)
	}
	r, err := o.Reader()
	if err != nil {
		return nil, nil, err
	}
	raw, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return nil, nil, err
	}
	payload, sig = SplitSignature(raw)
	return payload, sig, nil
}

// SplitSignature splits a raw commit object into what its signature covers
// — the object without its gpgsig header — and the signature (the header's
// value, its continuation lines unindented), nil when it has none, as git
// does before it checks a signature.
func SplitSignature(raw []byte) (payload, sig []byte) {
	headerEnd := bytes.Index(raw, []byte("\n\n"))
	if headerEnd < 0 {
		headerEnd = len(raw)
	}
	var out, s bytes.Buffer
	inSig := false
	rest := raw[:headerEnd+1]
	for len(rest) > 0 {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		switch {
		case bytes.HasPrefix(line, []byte("gpgsig ")):
			inSig = true
			s.Write(line[len("gpgsig "):])
		case inSig && bytes.HasPrefix(line, []byte(" ")):
			s.Write(line[1:])
		default:
			inSig = false
			out.Write(line)
		}
	}
	out.Write(raw[min(headerEnd+1, len(raw)):])
	if s.Len() == 0 {
		return raw, nil
	}
	return out.Bytes(), s.Bytes()
}

// formerKey returns the key's entry in the roster history up to commit
// parent when a member had it there and it is off the roster now, nil
// otherwise. It reads the whole history, so it is asked only for a commit
// already reported, and remembered per parent.
func (v *verifier) formerKey(parent plumbing.Hash, key ssh.PublicKey) (*SigningKey, error) {
	keys, ok := v.keyHistory[parent]
	if !ok {
		var err error
		if keys, err = SigningKeys(v.repo, parent, nil); err != nil {
			return nil, err
		}
		if v.keyHistory == nil {
			v.keyHistory = make(map[plumbing.Hash][]SigningKey)
		}
		v.keyHistory[parent] = keys
	}
	var found *SigningKey
	for i, k := range keys {
		if !k.Current && sshsig.SameKey(k.Key, key) && (found == nil || k.Last.After(found.Last)) {
			found = &keys[i]
		}
	}
	return found, nil
}

// ReplacedKey returns the roster history's entry for the key commit h is
// signed with when a member had it on the roster up to at and the roster
// of at no longer lists it — a key replaced after a lost laptop — and nil
// when h is unsigned, its signature does not hold, or the key is current
// or was never on the roster. Sync asks it of a refused commit, checked
// against the remote's roster (at), to say the key was replaced rather
// than that access can be given back.
func ReplacedKey(repo *git.Repository, h, at plumbing.Hash) (*SigningKey, error) {
	v := &verifier{repo: repo}
	payload, sig, err := v.commitSignature(h)
	if err != nil || sig == nil {
		return nil, err
	}
	key, err := sshsig.Verify(sig, sshsig.Namespace, bytes.NewReader(payload))
	if err != nil {
		return nil, nil
	}
	return v.formerKey(at, key)
}
