package history

import (
	"fmt"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
)

// noteRemoval is a note-removed finding and what it removed.
type noteRemoval struct {
	finding int
	edit    audit.NoteEdit
	blob    plumbing.Hash
}

// resolveMoves rewrites the note-removed findings of an ordinary commit
// whose content the commit added at another path: a note renamed, or its
// case directory. That note is no new note of the mover's (note-author):
// the move is the finding. A note moved back where it was committed is
// no removal at all: the commit repairs the move.
func (n *noteCheck) resolveMoves() {
	for i := len(n.removals) - 1; i >= 0; i-- {
		r := n.removals[i]
		if n.restored[r.blob] {
			n.v.findings = slices.Delete(n.v.findings, r.finding, r.finding+1)
			continue
		}
		var to []string
		for path, blob := range n.added {
			if blob == r.blob {
				to = append(to, path)
			}
		}
		if len(to) == 0 {
			continue
		}
		slices.Sort(to)
		delete(n.added, to[0])
		if added, ok := n.v.addedIn[r.edit.Path]; ok {
			n.v.addedIn[to[0]] = added
		}
		r.edit.MovedTo = to[0]
		f := audit.NoteFinding(r.edit)
		f.Commit = n.commit.String()
		f.Severity = finding.Error
		n.v.findings[r.finding] = f
	}
}

// noteState is a note's path and its content there (zero: removed).
type noteState struct {
	path string
	blob noteBlob
}

// noteBlob is a note as a tree holds it: its content and its file mode.
// A note never changes after it is committed, its mode included: a note
// made executable (git update-index --chmod=+x) is a changed note.
type noteBlob struct {
	hash plumbing.Hash
	mode uint32
}

func blobOf(e *treeEntry) noteBlob { return noteBlob{e.hash, e.mode} }

// noteCheck compares the notes of one commit with one parent at a time.
type noteCheck struct {
	v      *verifier
	commit plumbing.Hash
	// seen holds the note paths already reported for this commit, so a
	// merge that breaks a note against both parents is reported once.
	seen map[string]bool
	// recordAdds is set for ordinary commits, whose new notes are additions;
	// a merge's "new" notes come from its other parent.
	recordAdds bool
	// added are the notes an ordinary commit added, by path.
	added map[string]plumbing.Hash
	// changed are the case directories an ordinary commit changed, added
	// or removed, in path order.
	changed []string
	// removals are the note-removed findings of an ordinary commit, by
	// index in v.findings, with the content removed, so a note moved
	// within the commit is reported as moved (resolveMoves).
	removals []noteRemoval
	// restored holds the contents an ordinary commit put back where they
	// were committed (restores).
	restored map[plumbing.Hash]bool
	// merge is set for a merge commit: a note it holds as a commit already
	// reported left it (changed, or removed) was taken from that commit's
	// side, which answers for it (as mergeIntroduces reads a merge).
	merge bool
}

// compareCases compares the case directories of two cases/ trees, going
// into only those whose hashes differ.
func (n *noteCheck) compareCases(parent, child plumbing.Hash) error {
	pt, err := n.v.trees.get(parent)
	if err != nil {
		return err
	}
	ct, err := n.v.trees.get(child)
	if err != nil {
		return err
	}
	return pairEntries(pt, ct, func(p, c *treeEntry) error {
		// Files in cases/ (caseplan.yaml) hold no notes.
		if p != nil && !p.dir {
			p = nil
		}
		if c != nil && !c.dir {
			c = nil
		}
		switch {
		case p == nil && c == nil:
			return nil
		case p == nil && !n.recordAdds:
			return nil // a case new to the merge has no notes to protect
		case p != nil && c != nil && p.hash == c.hash:
			return nil
		}
		var ph, ch plumbing.Hash
		var name string
		if p != nil {
			ph, name = p.hash, string(p.name)
		}
		if c != nil {
			ch, name = c.hash, string(c.name)
		}
		if n.recordAdds && !layout.IsStoreDir(name) {
			n.changed = append(n.changed, name)
		}
		return n.compareCase(name, ph, ch)
	})
}

// compareCase compares the notes/ directories of two versions of one case.
func (n *noteCheck) compareCase(caseID string, parent, child plumbing.Hash) error {
	var pn, cn plumbing.Hash
	for _, side := range []struct {
		tree plumbing.Hash
		out  *plumbing.Hash
	}{{parent, &pn}, {child, &cn}} {
		if side.tree.IsZero() {
			continue
		}
		t, err := n.v.trees.get(side.tree)
		if err != nil {
			return err
		}
		*side.out = t.subtree(layout.NotesDir)
	}
	return n.compareNotes(caseID, layout.NotesOf(caseID)+"/", pn, cn)
}

// compareNotes compares two versions of a directory of notes, at any
// depth: a note in a subfolder of notes/ is a note too.
func (n *noteCheck) compareNotes(caseID, dir string, parent, child plumbing.Hash) error {
	if parent == child {
		return nil
	}
	pt, err := n.v.trees.get(parent)
	if err != nil {
		return err
	}
	ct, err := n.v.trees.get(child)
	if err != nil {
		return err
	}
	return pairEntries(pt, ct, func(p, c *treeEntry) error {
		if (p != nil && p.dir) || (c != nil && c.dir) {
			var ph, ch plumbing.Hash
			name := ""
			if p != nil && p.dir {
				ph, name = p.hash, string(p.name)
			}
			if c != nil && c.dir {
				ch, name = c.hash, string(c.name)
			}
			if err := n.compareNotes(caseID, dir+name+"/", ph, ch); err != nil {
				return err
			}
			if p != nil && p.dir {
				p = nil
			}
			if c != nil && c.dir {
				c = nil
			}
		}
		switch {
		case p == nil && c == nil:
		case p == nil:
			path := dir + string(c.name)
			if n.recordAdds && n.restores(path, blobOf(c)) {
				if n.restored == nil {
					n.restored = map[plumbing.Hash]bool{}
				}
				n.restored[c.hash] = true
			} else if n.recordAdds {
				if _, ok := n.v.addedIn[path]; !ok {
					n.v.addedIn[path] = n.commit
				}
				if _, ok := n.v.committed[path]; !ok {
					n.v.committed[path] = blobOf(c)
				}
				if n.added == nil {
					n.added = map[string]plumbing.Hash{}
				}
				n.added[path] = c.hash
			}
		case c == nil:
			n.report(dir+string(p.name), blobOf(p), noteBlob{})
		case p.hash != c.hash || p.mode != c.mode:
			if !n.restores(dir+string(c.name), blobOf(c)) {
				n.report(dir+string(p.name), blobOf(p), blobOf(c))
			}
		}
		return nil
	})
}

// restores reports whether blob, the content of the note at path in the
// commit, is the note as it was committed, after a commit that changed or
// removed it: a git revert of that commit, or a merge that takes the note
// from the side that kept it. The earlier commit is reported; this one
// repairs it.
func (n *noteCheck) restores(path string, blob noteBlob) bool {
	orig, ok := n.v.committed[path]
	return ok && orig == blob
}

// report records a note-changed or note-removed finding for the note at
// path, which held before (its blob in the parent) and now holds after
// (zero: removed).
func (n *noteCheck) report(path string, before, after noteBlob) {
	if _, ok := n.v.committed[path]; !ok {
		// Added before the range checked: what the parent held is the
		// note as committed, since this is the first commit to break it.
		n.v.committed[path] = before
	}
	state := noteState{path, after}
	if n.merge && n.v.broken[state] {
		// A clean merge of the side whose commit broke the note, and
		// was reported for it.
		return
	}
	n.v.broken[state] = true
	if n.seen[path] {
		return
	}
	n.seen[path] = true
	removed := after.hash.IsZero()
	e := audit.NoteEdit{Path: path, Removed: removed}
	if !removed && before.hash == after.hash {
		e.ModeFrom, e.ModeTo = fmt.Sprintf("%06o", before.mode), fmt.Sprintf("%06o", after.mode)
	}
	if added, ok := n.v.addedIn[path]; ok {
		e.AddedIn = added.String()
	}
	f := audit.NoteFinding(e)
	f.Commit = n.commit.String()
	if removed && n.recordAdds {
		n.removals = append(n.removals, noteRemoval{finding: len(n.v.findings), edit: e, blob: before.hash})
	}
	n.v.add(f)
}
