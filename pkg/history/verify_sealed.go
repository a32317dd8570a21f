package history

import (
	"fmt"
	"slices"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// checkSealed reports each case in changed (the cases commit c changed;
// in a merge, those it changed beyond taking each file from a parent)
// whose sealed.age c added, changed or removed without being a command
// that writes it (RuleSealedHandEdit, sealedHandEdit). cases is c's
// cases/ tree, parents its parents'.
func (v *verifier) checkSealed(c *commitInfo, cases plumbing.Hash, parents []plumbing.Hash, changed []string) error {
	for _, id := range changed {
		e, err := v.sealedHandEdit(c, cases, parents, id)
		if err != nil {
			return err
		}
		if e != nil {
			v.add(audit.SealedHandEdit(*e))
		}
	}
	return nil
}

// sealedHandEdit says what commit c did to case id's sealed.age when no
// caseplan command made the change; nil when one did, or when c left the
// file as its parent had it. Without a key nobody can tell what the file
// holds, so what the commit says it did is what is checked: a sealing
// action (case sealed set, reseal), a caseplan commit of the file as a
// command wrote it with --no-commit (its Caseplan-Sealed trailer names
// the case), or a re-seal to a changed team, which any command that
// changes a team or the roster makes: the parent's recipients list is not
// what the team as c leaves it gives, and c's is (sealed.Resealed). A
// merge made none of these: it may take either parent's file, nothing
// else (an evil merge's own file is a hand edit). A hand edit that
// changes the team too and lists it, or a commit made with git that
// copies the trailers, is not told apart.
func (v *verifier) sealedHandEdit(c *commitInfo, cases plumbing.Hash, parents []plumbing.Hash, id string) (*audit.SealedEdit, error) {
	t := audit.ParseTrailers(c.message)
	action := firstValue(t[audit.TrailerAction])
	merge := len(parents) > 1
	if !merge && (audit.IsSealingAction(action) || slices.Contains(t[audit.TrailerSealed], id)) {
		return nil, nil // a sealing command, or caseplan commit of what one wrote
	}
	after, err := v.sealedFiles(cases, id)
	if err != nil {
		return nil, err
	}
	edit := &audit.SealedEdit{Path: layout.Sealed(id), Removed: after[0].IsZero(), Commit: c.hash.String(), Action: action}
	if merge {
		edit.Merge, edit.Added = true, true
		for _, p := range parents {
			before, err := v.sealedFiles(p, id)
			if err != nil {
				return nil, err
			}
			if before[0] == after[0] {
				return nil, nil // taken from this side
			}
			edit.Added = edit.Added && before[0].IsZero()
		}
		return edit, nil
	}
	var parent plumbing.Hash
	if len(parents) == 1 {
		parent = parents[0]
	}
	before, err := v.sealedFiles(parent, id)
	if err != nil {
		return nil, err
	}
	edit.Added = before[0].IsZero()
	switch {
	case before[0] == after[0]:
		return nil, nil
	case !before[0].IsZero() && !after[0].IsZero() && before[1] != after[1]:
		// Only here, for the rare commit that changes a sealed file
		// without saying it seals, are the roster and the intake read.
		ok, err := v.resealed(cases, id, before[1], after[1])
		if ok || err != nil {
			return nil, err
		}
	}
	return edit, nil
}

// sealedFiles returns the blobs of case id's sealed.age and
// sealed.recipients in the cases/ tree cases (zero: absent).
func (v *verifier) sealedFiles(cases plumbing.Hash, id string) (out [2]plumbing.Hash, err error) {
	if cases.IsZero() {
		return out, nil
	}
	rt, err := v.trees.get(cases)
	if err != nil {
		return out, err
	}
	ct, err := v.trees.get(rt.subtree(id))
	if err != nil {
		return out, err
	}
	for i, name := range []string{layout.SealedFile, layout.RecipientsFile} {
		if e := ct.lookup(name, false); e != nil {
			out[i] = e.hash
		}
	}
	return out, nil
}

// resealed reports whether a change of case id's recipients list from the
// blob before to after is a re-seal to the team as the cases/ tree cases
// (the commit's) gives it — its roster and the case's intake — as
// sealed.Resealed judges.
func (v *verifier) resealed(cases plumbing.Hash, id string, before, after plumbing.Hash) (bool, error) {
	r, err := v.rosterIn(cases)
	if err != nil || r.cfg == nil {
		return false, err
	}
	rt, err := v.trees.get(cases)
	if err != nil {
		return false, err
	}
	in, err := decodeIn[accessIntake](v, rt.subtree(id), layout.FileName(layout.KindIntake))
	if err != nil || in == nil {
		return false, err
	}
	var lists [2][]sealed.Recipient
	for i, h := range []plumbing.Hash{before, after} {
		if h.IsZero() {
			continue
		}
		data, err := v.readBlob(h)
		if err != nil {
			return false, err
		}
		lists[i], _ = sealed.ParseRecipients(data) // unreadable: nobody's list
	}
	return sealed.Resealed(lists[0], lists[1], r.cfg, in.intake()), nil
}

// SealedHandEdit returns what commit h did to case id's sealed.age when
// no caseplan command made the change — the test verify applies to every
// commit (RuleSealedHandEdit, sealedHandEdit) — and nil when one did, or
// when h left the file as its parent had it: case sealed show asks it of
// the commit that last changed a file it opens, which may be another
// case's, sealed to the same people, put there by hand.
func SealedHandEdit(repo *git.Repository, h plumbing.Hash, id string) (*audit.SealedEdit, error) {
	c, err := object.GetCommit(repo.Storer, h)
	if err != nil {
		return nil, fmt.Errorf("read commit %s: %w", h, err)
	}
	v := &verifier{
		repo:      repo,
		trees:     newTreeCache(repo.Storer),
		rosters:   make(map[plumbing.Hash]*roster),
		records:   make(map[plumbing.Hash]any),
		rootTrees: make(map[plumbing.Hash]plumbing.Hash),
	}
	casesOf := func(commit plumbing.Hash) (plumbing.Hash, error) {
		tree, err := v.treeOf(commit)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		root, err := v.trees.get(tree)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		return root.subtree(layout.CasesDir), nil
	}
	v.rootTrees[c.Hash] = c.TreeHash
	cases, err := casesOf(c.Hash)
	if err != nil {
		return nil, err
	}
	parents := make([]plumbing.Hash, len(c.ParentHashes))
	for i, p := range c.ParentHashes {
		if parents[i], err = casesOf(p); err != nil {
			return nil, err
		}
	}
	info := &commitInfo{hash: c.Hash, tree: c.TreeHash, parents: c.ParentHashes, email: c.Author.Email, committer: c.Committer.Email, message: c.Message}
	return v.sealedHandEdit(info, cases, parents, id)
}
