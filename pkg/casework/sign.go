package casework

import (
	"fmt"

	"github.com/go-git/go-git/v5"

	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sshsig"
)

// SigningError says a commit cannot be made as the store asks: it
// requires signed commits and the acting person has no signing key, or
// their key is not the one the roster holds for them. Nothing was written.
type SigningError struct {
	Msg, Hint string
}

func (e *SigningError) Error() string { return e.Msg }

// checkSigning refuses, before anything is written, a commit that verify
// would report as unsigned or signed by the wrong key: the roster (as it
// stands before the change) lists each member's signing key, and
// access.require_signatures makes a signature necessary.
func (w *Workspace) checkSigning(roster *record.Config, staff record.Staff) error {
	if w.NoCommit {
		return nil
	}
	required := roster.AccessSettings().RequireSignatures
	var have string
	if w.Keys != nil && w.Keys.Signer != nil {
		have = sshsig.Fingerprint(w.Keys.Signer.PublicKey())
	}
	setKey := fmt.Sprintf("an admin puts its public half on the roster: caseplan staff set %s --signing-key 'KEY' (caseplan key show prints KEY)", staff.ID)
	switch {
	case have == "" && required:
		where := "caseplan's key directory"
		if w.Keys != nil {
			where = w.Keys.SSHPath
		}
		return &SigningError{
			Msg:  fmt.Sprintf("this store requires signed commits, and %s has no signing key here (%s)", staff.Email, where),
			Hint: "make one with caseplan key new; " + setKey,
		}
	case have == "":
		return nil
	case staff.SigningKey == "" && required:
		return &SigningError{
			Msg:  fmt.Sprintf("this store requires signed commits, and the roster has no signing key for %s", staff.ID),
			Hint: setKey,
		}
	case staff.SigningKey == "":
		return nil
	}
	listed, err := sshsig.ParsePublicKey(staff.SigningKey)
	if err != nil {
		return &SigningError{
			Msg:  fmt.Sprintf("the roster's signing key for %s does not parse (%v)", staff.ID, err),
			Hint: setKey,
		}
	}
	if !sshsig.SameKey(listed, w.Keys.Signer.PublicKey()) {
		return &SigningError{
			Msg: fmt.Sprintf("the signing key here (%s, in %s) is not %s's key on the roster (%s); caseplan verify would report the commit",
				have, w.Keys.SSHPath, staff.ID, sshsig.Fingerprint(listed)),
			Hint: "use the key the roster names (CASEPLAN_SIGNING_KEY=FILE), or, after a rotation, " + setKey,
		}
	}
	return nil
}

// signer returns what signs w's commits, or nil.
func (w *Workspace) signer() git.Signer {
	return SignerOf(w.Keys)
}

// SignerOf returns what signs commits with k's signing key (git's SSH
// signature format), or nil when k has none.
func SignerOf(k *keys.Keys) git.Signer {
	if k == nil || k.Signer == nil {
		return nil
	}
	return sshsig.Signer{Key: k.Signer}
}
