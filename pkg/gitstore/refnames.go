package gitstore

import (
	"fmt"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
)

// RevisionNames returns the names a commit can be given by other than its
// hash, for shell completion of a flag that takes one (report --at,
// verify --since): HEAD, then the branches, the remote-tracking branches
// (origin/main) and the tags, each list sorted. Only the refs are read,
// loose and packed — never a commit, so it costs the same on any history
// — and nothing is written. caseplan's own refs (refs/caseplan/...) and a
// remote's HEAD are left out: nobody types them.
func (r *Repo) RevisionNames() ([]string, error) {
	iter, err := r.storage.IterReferences()
	if err != nil {
		return nil, fmt.Errorf("read refs: %w", err)
	}
	var branches, remotes, tags []string
	err = iter.ForEach(func(ref *plumbing.Reference) error {
		switch n := ref.Name(); {
		case n.IsBranch():
			branches = append(branches, n.Short())
		case n.IsRemote():
			if ref.Type() != plumbing.SymbolicReference { // origin/HEAD
				remotes = append(remotes, n.Short())
			}
		case n.IsTag():
			tags = append(tags, n.Short())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read refs: %w", err)
	}
	slices.Sort(branches)
	slices.Sort(remotes)
	slices.Sort(tags)
	out := append([]string{string(plumbing.HEAD)}, branches...)
	out = append(out, remotes...)
	return append(out, tags...), nil
}

// RemoteNames returns the names of the remotes in the repository's git
// config (origin, backup), sorted: what caseplan sync takes.
func (r *Repo) RemoteNames() ([]string, error) {
	cfg, err := r.repo.Config()
	if err != nil {
		return nil, fmt.Errorf("read git config: %w", err)
	}
	out := make([]string, 0, len(cfg.Remotes))
	for name := range cfg.Remotes {
		out = append(out, name)
	}
	slices.Sort(out)
	return out, nil
}

// branchNames returns the store's local branches, sorted.
func (r *Repo) branchNames() ([]string, error) {
	iter, err := r.storage.IterReferences()
	if err != nil {
		return nil, fmt.Errorf("read refs: %w", err)
	}
	var out []string
	err = iter.ForEach(func(ref *plumbing.Reference) error {
		if ref.Name().IsBranch() {
			out = append(out, ref.Name().Short())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read refs: %w", err)
	}
	slices.Sort(out)
	return out, nil
}
