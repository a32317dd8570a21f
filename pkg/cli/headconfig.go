package cli

import (
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// headConfig returns the store settings as committed at head, or nil when
// they cannot be read (verify then reports what it can without them).
func headConfig(repo *gitstore.Repo, head plumbing.Hash) *record.Config {
	if head.IsZero() {
		return nil
	}
	tree, err := repo.TreeAt(head)
	if err != nil {
		return nil
	}
	snap, _, err := store.Load(store.GitTree{Tree: tree}, []string{})
	if err != nil {
		return nil
	}
	return snap.Config
}
