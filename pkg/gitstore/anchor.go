package gitstore

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// Trust anchors: commits this clone has checked, kept in its state
// directory, so that a later check starts there and a history that no
// longer holds them is known to have been rewritten.
const (
	// AnchorVerified is the last commit verify (or sync, which checks
	// with verify's rules) found the audit trail intact at.
	AnchorVerified = "verified"
)

// AnchorSynced names the anchor of the last commit this clone and remote
// agreed on: the remote's head after a fetch or a push by sync.
func AnchorSynced(remote string) string { return "synced-" + remote }

// Anchor returns the anchor name holds, or the zero hash when none is
// kept (or the file holds no hash).
func (r *Repo) Anchor(name string) (plumbing.Hash, error) {
	data, err := r.ReadState(name)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if s := strings.TrimSpace(string(data)); plumbing.IsHash(s) {
		return plumbing.NewHash(s), nil
	}
	return plumbing.ZeroHash, nil
}

// SetAnchor keeps h as the anchor name.
func (r *Repo) SetAnchor(name string, h plumbing.Hash) error {
	return r.WriteState(name, []byte(h.String()+"\n"))
}
