package history

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"golang.org/x/crypto/ssh"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/sshsig"
)

// SigningKey is one signing key a member had on the roster at some point
// of the history, with the window of commits that answered to a roster
// listing it: the commits verify would accept signed with it.
type SigningKey struct {
	ID    string // the member's staff ID on the last roster that listed the key
	Email string // their email there
	Key   ssh.PublicKey
	// First and Last are the committer times of the first and the last
	// commit (by time) whose roster listed the key or that answered to a
	// roster listing it (its parent's, as verify reads it), for an active
	// member: from the commit that put it on the roster to the one that
	// took it off or retired its member. Current is
	// set when the roster of head lists it still: it is valid for commits
	// to come, and Last bounds nothing.
	First, Last time.Time
	Current     bool
}

// SigningKeys lists every signing key any member had on the roster in the
// history of head, each with the time it was on it (README,
// Confidentiality: git's allowed-signers file). A commit answers to the
// roster as verify reads it: its first parent's that has cases/, or, for
// the commit that creates the store, its own. A roster version that does
// not read as the store's settings lists no keys (verify reports it); a
// key that does not parse is an error naming the member. progress, when
// set, is called after each commit's rosters are read, with the count done
// and the total.
func SigningKeys(repo *git.Repository, head plumbing.Hash, progress func(done, total int)) ([]SigningKey, error) {
	commits, err := commitRange(repo.Storer, head, plumbing.ZeroHash)
	if err != nil {
		return nil, err
	}
	v := &verifier{repo: repo, trees: newTreeCache(repo.Storer), rosters: make(map[plumbing.Hash]*roster)}
	casesOf := make(map[plumbing.Hash]plumbing.Hash, len(commits))
	for _, c := range commits {
		root, err := v.trees.get(c.tree)
		if err != nil {
			return nil, err
		}
		casesOf[c.hash] = root.subtree(layout.CasesDir)
	}

	type keyID struct{ email, key string }
	found := make(map[keyID]*SigningKey)
	// note records that the roster in cases lists its keys at time when;
	// current marks them as head's.
	note := func(cases plumbing.Hash, when int64, current bool) error {
		r, err := v.rosterIn(cases)
		if err != nil {
			return err
		}
		if r.cfg == nil {
			return nil
		}
		t := time.Unix(when, 0).UTC()
		for _, s := range r.cfg.Staff {
			// A retired member stays on the roster, which names past
			// authors, but signs nothing from their retirement on
			// (README, Confidentiality: revoking): their key's window
			// closes with the commit that retired them.
			if strings.TrimSpace(s.SigningKey) == "" || strings.TrimSpace(s.Email) == "" || !s.IsActive() {
				continue
			}
			key, err := sshsig.ParsePublicKey(s.SigningKey)
			if err != nil {
				return fmt.Errorf("the signing key of %s in %s does not parse: %w", s.ID, layout.ConfigPath, err)
			}
			id := keyID{strings.ToLower(strings.TrimSpace(s.Email)), string(key.Marshal())}
			k := found[id]
			if k == nil {
				k = &SigningKey{ID: s.ID, Email: strings.TrimSpace(s.Email), Key: key, First: t, Last: t}
				found[id] = k
			}
			if t.Before(k.First) {
				k.First = t
			}
			if !t.Before(k.Last) {
				k.Last, k.ID, k.Email = t, s.ID, strings.TrimSpace(s.Email)
			}
			k.Current = k.Current || current
		}
		return nil
	}
	for i, c := range commits {
		if progress != nil {
			progress(i+1, len(commits))
		}
		// The key is on the roster from the commit that puts it there to
		// the one that takes it off, and valid for every commit that
		// answers to a roster listing it, whatever their clocks said.
		answers := plumbing.ZeroHash
		for _, p := range c.parents {
			if pc, ok := casesOf[p]; ok && !pc.IsZero() {
				answers = pc
				break
			}
		}
		for _, cases := range []plumbing.Hash{casesOf[c.hash], answers} {
			if cases.IsZero() {
				continue
			}
			if err := note(cases, c.when, c.hash == head && cases == casesOf[head]); err != nil {
				return nil, err
			}
		}
	}

	out := make([]SigningKey, 0, len(found))
	for _, k := range found {
		out = append(out, *k)
	}
	slices.SortFunc(out, func(a, b SigningKey) int {
		return cmp.Or(a.First.Compare(b.First), strings.Compare(a.Email, b.Email),
			strings.Compare(string(a.Key.Marshal()), string(b.Key.Marshal())))
	})
	return out, nil
}
