package teamsync

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
)

// ErrEmptyRemote: the remote has no branch to clone.
var ErrEmptyRemote = errors.New("the remote holds no commits yet")

// ErrNotAStore: the remote's branch has no store settings.
var ErrNotAStore = errors.New("the remote's branch is not a caseplan store: it has no " + layout.ConfigPath)

// Cloned is what Clone made.
type Cloned struct {
	Dir     string
	Branch  string
	Head    plumbing.Hash
	Commits int // the commits verify checked
}

// Clone makes dir — which must not exist or be empty — a clone of the
// store rem holds: branch ("" for the branch the remote's HEAD names, else
// main), with rem as its remote. The whole history is checked with
// verify's rules first; a broken one is refused and dir is left as it was.
// The clone's trust anchors start at the cloned commit.
func Clone(ctx context.Context, rem *gitstore.Remote, dir, branch string) (*Cloned, error) {
	branches, head, err := rem.Branches(ctx)
	if err != nil {
		return nil, err
	}
	if len(branches) == 0 {
		return nil, ErrEmptyRemote
	}
	if branch == "" {
		switch {
		case head != "" && slices.Contains(branches, head):
			branch = head
		case slices.Contains(branches, gitstore.DefaultBranch):
			branch = gitstore.DefaultBranch
		default:
			branch = branches[0]
		}
	}
	if !slices.Contains(branches, branch) {
		return nil, fmt.Errorf("the remote has no branch %q (it has %v)", branch, branches)
	}
	created, err := prepareDir(dir)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			created()
		}
	}()
	repo, err := gitstore.Init(dir, branch)
	if err != nil {
		return nil, err
	}
	defer repo.Close()
	name := rem.Name
	if name == "" {
		name = gitstore.DefaultRemote
	}
	if err := repo.SetRemote(name, rem.URL); err != nil {
		return nil, err
	}
	h, err := repo.Fetch(ctx, rem, branch)
	if err != nil {
		return nil, err
	}
	if h.IsZero() {
		return nil, ErrEmptyRemote
	}
	fs, stats, err := history.Verify(repo.Git(), h, history.VerifyOptions{})
	if err != nil {
		return nil, err
	}
	if n, _ := finding.Count(fs); n > 0 {
		return nil, &RefusedError{Incoming: true, Findings: fs}
	}
	if b, err := repo.BlobAt(h, layout.ConfigPath); err != nil || b.IsZero() {
		return nil, ErrNotAStore
	}
	if err := repo.Advance(plumbing.ZeroHash, h, time.Second); err != nil {
		return nil, err
	}
	if err := repo.SetUpstream(branch, name); err != nil {
		return nil, err
	}
	if err := repo.UpdateTracking(&gitstore.Remote{Name: name}, branch, h); err != nil {
		return nil, err
	}
	for _, a := range []string{gitstore.AnchorSynced(name), gitstore.AnchorVerified} {
		if err := repo.SetAnchor(a, h); err != nil {
			return nil, err
		}
	}
	ok = true
	return &Cloned{Dir: dir, Branch: branch, Head: h, Commits: stats.Commits}, nil
}

// prepareDir checks that dir does not exist or is an empty directory and
// returns what undoes the clone there: removing what it made.
func prepareDir(dir string) (undo func(), err error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return func() { os.RemoveAll(dir) }, nil
	case err != nil:
		return nil, err
	case len(entries) > 0:
		return nil, fmt.Errorf("%s exists and is not empty", dir)
	}
	return func() {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			os.RemoveAll(dir + string(os.PathSeparator) + e.Name())
		}
	}, nil
}
