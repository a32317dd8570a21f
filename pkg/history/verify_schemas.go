package history

import (
	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/layout"
)

// storeSchemas reports whether a commit that leaves cases/ as it was is
// caseplan schemas update's: store-wide, and changing the copies of the
// schemas, the editor settings (.vscode/settings.json, an existing
// file) and the CI workflow (.github/workflows/caseplan.yml, new or
// changed) and nothing else. Its action happened, so it is no
// trailers-without-change; it answers to the author and signature rules
// as any other, as a hand commit of the workflow does. The same trailers
// on a commit that changed anything else (another workflow, say) are not
// its.
func (v *verifier) storeSchemas(c *commitInfo, t map[string][]string, treeChanged bool) (bool, error) {
	if !treeChanged || firstValue(t[audit.TrailerAction]) != audit.ActionStoreSchemas ||
		len(t[audit.TrailerCase]) != 1 || t[audit.TrailerCase][0] != audit.StoreWide {
		return false, nil
	}
	parent, err := v.treeOf(c.parents[0])
	if err != nil {
		return false, err
	}
	before, err := v.trees.get(parent)
	if err != nil {
		return false, err
	}
	after, err := v.trees.get(c.tree)
	if err != nil {
		return false, err
	}
	only := true
	err = pairEntries(before, after, func(b, a *treeEntry) error {
		same := b != nil && a != nil && b.hash == a.hash && b.dir == a.dir
		name := a
		if name == nil {
			name = b
		}
		switch {
		case same:
		case string(name.name) == layout.SchemasDir && name.dir:
		case string(name.name) == layout.EditorDir && name.dir:
			// schemas update keeps caseplan's entries of the editor
			// settings current: .vscode/settings.json, nothing else.
			settingsOnly, err := v.onlyPathChanged(b, a, false, layout.EditorSettingsFile)
			if err != nil {
				return err
			}
			only = only && settingsOnly
		case string(name.name) == layout.CIDir && name.dir:
			// and the CI workflow, new or changed, nothing else.
			workflowOnly, err := v.onlyPathChanged(b, a, true, layout.CIWorkflowsDir, layout.CIWorkflowFile)
			if err != nil {
				return err
			}
			only = only && workflowOnly
		default:
			only = false
		}
		return nil
	})
	return only, err
}

// onlyPathChanged reports whether directories b and a (b nil: none
// before) differ in the file at the path elems alone: that file changed
// or, when mayAdd, added; never removed. The editor settings must exist
// before (schemas update keeps an office's deletion of them); the CI
// workflow may be new.
func (v *verifier) onlyPathChanged(b, a *treeEntry, mayAdd bool, elems ...string) (bool, error) {
	if a == nil || !a.dir || (b != nil && !b.dir) || (b == nil && !mayAdd) {
		return false, nil
	}
	before := &tree{}
	if b != nil {
		var err error
		if before, err = v.trees.get(b.hash); err != nil {
			return false, err
		}
	}
	after, err := v.trees.get(a.hash)
	if err != nil {
		return false, err
	}
	only := true
	err = pairEntries(before, after, func(o, n *treeEntry) error {
		if o != nil && n != nil && o.hash == n.hash && o.dir == n.dir {
			return nil
		}
		if n == nil || string(n.name) != elems[0] {
			only = false
			return nil
		}
		if len(elems) == 1 {
			only = only && !n.dir && (o == nil && mayAdd || o != nil && !o.dir)
			return nil
		}
		sub, err := v.onlyPathChanged(o, n, mayAdd, elems[1:]...)
		only = only && sub
		return err
	})
	return only, err
}
