package gitstore

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// objectsBetween lists the objects a remote that has old needs to have new:
// the commits from new back to old (all of them when old is zero) and, for
// each, the trees and blobs its tree has and its first parent's has not.
// The history sync pushes is a line of commits on top of old; a commit
// reached by another way that the remote has already is sent again, which
// costs bytes, never correctness.
func (r *Repo) objectsBetween(old, new plumbing.Hash) ([]plumbing.Hash, error) {
	seen := map[plumbing.Hash]bool{}
	var out []plumbing.Hash
	add := func(h plumbing.Hash) {
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	queue := []plumbing.Hash{new}
	visited := map[plumbing.Hash]bool{}
	for len(queue) > 0 {
		h := queue[0]
		queue = queue[1:]
		if h == old || visited[h] {
			continue
		}
		visited[h] = true
		c, err := object.GetCommit(r.storage, h)
		if err != nil {
			return nil, fmt.Errorf("commit %s: %w", short(h), err)
		}
		add(h)
		var parentTree plumbing.Hash
		if len(c.ParentHashes) > 0 {
			p, err := object.GetCommit(r.storage, c.ParentHashes[0])
			if err != nil {
				return nil, fmt.Errorf("commit %s: %w", short(c.ParentHashes[0]), err)
			}
			parentTree = p.TreeHash
		}
		var changes []FileChange
		if err := r.diffTrees(parentTree, c.TreeHash, "", &changes, add, nil); err != nil {
			return nil, err
		}
		for _, ch := range changes {
			if !ch.To.IsZero() {
				add(ch.To)
			}
		}
		queue = append(queue, c.ParentHashes...)
	}
	return out, nil
}

// MergeInput is one file that a replayed commit changes and that the
// branch it is replayed onto has changed too: its content in the commit's
// parent (Base), in the commit (Ours) and on the branch (Theirs). nil
// means the file is absent on that side.
type MergeInput struct {
	Path               string
	Base, Ours, Theirs []byte
	// Commit is the commit being replayed.
	Commit *object.Commit
}

// MergeFunc merges one file. It returns the merged content, or nil to
// remove the file. It reports what it could not merge by itself (to its
// caller, through its own closure): the file it returns is what the
// replayed commit will hold.
type MergeFunc func(MergeInput) ([]byte, error)

// ReplayOptions are how Replay copies commits beyond merging files.
type ReplayOptions struct {
	// Sign signs each copy (nil: none is signed).
	Sign ReplaySigner
	// Together names the group a path belongs to, "" for none: files that
	// are only meaningful as a pair (a ciphertext and the list of who it
	// is encrypted to). When a commit's change to one file of a group
	// needs a merge, the commit's changes to the whole group are left
	// out — the branch's versions stay together — and merge is asked
	// about the file that needed it, so it is reported.
	Together func(path string) string
	// MergeTogether, when set, is asked first to merge a group whose file
	// needs a merge (Together): in holds the group's files the commit
	// changed and the tree the copy is built on, with the commit's other
	// changes. It returns the group's files as the copy holds them (a nil
	// value removes one; a file it leaves out keeps the branch's
	// version), or a nil map when it cannot merge them: then the branch's
	// versions stay, and merge is asked about the file, so it is reported.
	MergeTogether func(in GroupInput) (map[string][]byte, error)
	// Message, when set, gives a copy's message, asked once the commit's
	// changes are merged (nil: the original's message).
	Message func(c *object.Commit) string
}

// GroupInput is a group of files (ReplayOptions.Together) a replayed
// commit and the branch both changed.
type GroupInput struct {
	Group string
	// Files are the group's files the commit changed, each with its three
	// versions.
	Files []MergeInput
	// Tree is the tree the copy is being built on: the branch's, with the
	// commit's changes outside the group.
	Tree   *TreeFiles
	Commit *object.Commit
}

// ReplaySigner says how the copy of a replayed commit is signed: it is
// given the original and returns the signer of its copy, nil to leave the
// copy unsigned, or an error to stop the replay. A signature never
// survives a replay as it is: it covers the commit's parent and tree,
// which the copy changes.
type ReplaySigner func(original *object.Commit) (git.Signer, error)

// Replayed is one commit Replay carried onto the new base: New is its
// copy, or the zero hash when the branch already had all of its changes
// and nothing was left to commit.
type Replayed struct {
	Old, New plumbing.Hash
}

// Replay copies commits, oldest first, onto onto and returns the last
// copy (onto itself when none is left). Each copy keeps the original's
// author, committer, dates and message (unless opts.Message says
// otherwise); its tree is onto's with the
// commit's own changes applied, file by file, against its first parent:
// a file the branch did not change since is taken from the commit as it
// is (the same blob), a file both changed is given to merge. Each copy is
// signed as signer says (nil: none is). Nothing but objects is written: no
// branch moves.
func (r *Repo) Replay(onto plumbing.Hash, commits []plumbing.Hash, merge MergeFunc, opts ReplayOptions) (plumbing.Hash, []Replayed, error) {
	cur := onto
	var curTree plumbing.Hash
	if !onto.IsZero() {
		c, err := object.GetCommit(r.storage, onto)
		if err != nil {
			return plumbing.ZeroHash, nil, fmt.Errorf("replay onto %s: %w", short(onto), err)
		}
		curTree = c.TreeHash
	}
	done := make([]Replayed, 0, len(commits))
	for _, h := range commits {
		c, err := object.GetCommit(r.storage, h)
		if err != nil {
			return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: %w", short(h), err)
		}
		var parentTree plumbing.Hash
		if len(c.ParentHashes) > 0 {
			p, err := object.GetCommit(r.storage, c.ParentHashes[0])
			if err != nil {
				return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: %w", short(h), err)
			}
			parentTree = p.TreeHash
		}
		own, err := r.DiffTrees(parentTree, c.TreeHash)
		if err != nil {
			return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: %w", short(h), err)
		}
		changes := make([]Change, 0, len(own))
		blobs := make(map[string]plumbing.Hash, len(own))
		held := map[string]bool{} // groups whose files keep the branch's versions
		pending := map[string][]FileChange{}
		if opts.Together != nil {
			for _, ch := range own {
				g := opts.Together(ch.Path)
				if g == "" {
					continue
				}
				theirs, _, err := r.blobAt(curTree, ch.Path)
				if err != nil {
					return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: %w", short(h), err)
				}
				if theirs != ch.From && theirs != ch.To {
					held[g] = true
				}
			}
		}
		for _, ch := range own {
			theirs, theirsExec, err := r.blobAt(curTree, ch.Path)
			if err != nil {
				return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: %w", short(h), err)
			}
			grouped := len(held) > 0 && held[opts.Together(ch.Path)]
			switch {
			case grouped && (theirs == ch.From || theirs == ch.To):
				// Its group keeps the branch's versions.
			case theirs == ch.From:
				// The branch left the file alone: the commit's change as is.
				if ch.To.IsZero() {
					changes = append(changes, Change{Path: ch.Path, Delete: true})
				} else {
					changes = append(changes, Change{Path: ch.Path, Executable: ch.Executable})
					blobs[ch.Path] = ch.To
				}
			case theirs == ch.To:
				// The branch made the same change already.
			case grouped:
				// Merged with its group once the commit's other changes
				// are in place, below.
				pending[opts.Together(ch.Path)] = append(pending[opts.Together(ch.Path)], ch)
			default:
				in, err := r.mergeInput(c, ch, theirs)
				if err != nil {
					return plumbing.ZeroHash, nil, err
				}
				merged, err := merge(in)
				if err != nil {
					return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: merge %s: %w", short(h), ch.Path, err)
				}
				switch {
				case merged == nil && theirs.IsZero():
				case merged == nil:
					changes = append(changes, Change{Path: ch.Path, Delete: true})
				default:
					bh, err := r.writeLoose(plumbing.BlobObject, merged)
					if err != nil {
						return plumbing.ZeroHash, nil, err
					}
					if bh != theirs {
						changes = append(changes, Change{Path: ch.Path, Executable: ch.Executable || theirsExec})
						blobs[ch.Path] = bh
					}
				}
			}
		}
		tree := curTree
		if len(changes) > 0 {
			if tree, err = r.buildTree(curTree, changes, blobs); err != nil {
				return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: %w", short(h), err)
			}
		}
		if len(pending) > 0 {
			more, err := r.mergeGroups(c, own, curTree, tree, pending, merge, opts, blobs)
			if err != nil {
				return plumbing.ZeroHash, nil, err
			}
			if len(more) > 0 {
				changes = append(changes, more...)
				if tree, err = r.buildTree(curTree, changes, blobs); err != nil {
					return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: %w", short(h), err)
				}
			}
		}
		if tree == curTree && !cur.IsZero() {
			done = append(done, Replayed{Old: h})
			continue
		}
		copied := &object.Commit{
			Author: c.Author, Committer: c.Committer, Message: c.Message,
			TreeHash: tree, Encoding: c.Encoding,
		}
		if opts.Message != nil {
			copied.Message = opts.Message(c)
		}
		if !cur.IsZero() {
			copied.ParentHashes = []plumbing.Hash{cur}
		}
		if opts.Sign != nil {
			sg, err := opts.Sign(c)
			if err != nil {
				return plumbing.ZeroHash, nil, err // it names the commit
			}
			if err := sign(copied, sg); err != nil {
				return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: %w", short(h), err)
			}
		}
		nh, err := r.writeCommitObject(copied)
		if err != nil {
			return plumbing.ZeroHash, nil, fmt.Errorf("replay %s: %w", short(h), err)
		}
		done = append(done, Replayed{Old: h, New: nh})
		cur, curTree = nh, tree
	}
	return cur, done, nil
}

// FileEdit says where a file that a commit Rewrite copies changes goes in
// the copy, and what it holds: given the file's path and its content in
// the commit (nil: the commit removes it), it returns the copy's path and
// content (the content is ignored for a removal).
type FileEdit func(c *object.Commit, path string, data []byte) (string, []byte, error)

// Rewrite copies a line of commits (oldest first, each the first parent
// of the next) with each commit's own changes, against its first parent,
// passed through edit, and each message through message (nil: kept). The
// first copy has the first commit's parent; each later one the copy
// before it. The copies are not signed: they are for Replay to copy
// again, never a branch's own. Nothing but objects is written: no branch
// moves.
func (r *Repo) Rewrite(commits []plumbing.Hash, edit FileEdit, message func(c *object.Commit) string) ([]Replayed, error) {
	done := make([]Replayed, 0, len(commits))
	var cur, curTree plumbing.Hash
	for i, h := range commits {
		c, err := object.GetCommit(r.storage, h)
		if err != nil {
			return nil, fmt.Errorf("rewrite %s: %w", short(h), err)
		}
		var parentTree plumbing.Hash
		if len(c.ParentHashes) > 0 {
			p, err := object.GetCommit(r.storage, c.ParentHashes[0])
			if err != nil {
				return nil, fmt.Errorf("rewrite %s: %w", short(h), err)
			}
			parentTree = p.TreeHash
			if i == 0 {
				cur = p.Hash
			}
		}
		if i == 0 {
			curTree = parentTree
		}
		own, err := r.DiffTrees(parentTree, c.TreeHash)
		if err != nil {
			return nil, fmt.Errorf("rewrite %s: %w", short(h), err)
		}
		changes := make([]Change, 0, len(own))
		blobs := make(map[string]plumbing.Hash, len(own))
		for _, ch := range own {
			var data []byte
			if !ch.To.IsZero() {
				if data, err = r.readRaw(plumbing.BlobObject, ch.To); err != nil {
					return nil, fmt.Errorf("rewrite %s: read %s: %w", short(h), ch.Path, err)
				}
			}
			p, out, err := edit(c, ch.Path, data)
			if err != nil {
				return nil, fmt.Errorf("rewrite %s: %s: %w", short(h), ch.Path, err)
			}
			if ch.To.IsZero() {
				changes = append(changes, Change{Path: p, Delete: true})
				continue
			}
			bh := ch.To
			if !bytes.Equal(out, data) {
				if bh, err = r.writeLoose(plumbing.BlobObject, out); err != nil {
					return nil, err
				}
			}
			changes = append(changes, Change{Path: p, Executable: ch.Executable})
			blobs[p] = bh
		}
		tree := curTree
		if len(changes) > 0 {
			if tree, err = r.buildTree(curTree, changes, blobs); err != nil {
				return nil, fmt.Errorf("rewrite %s: %w", short(h), err)
			}
		}
		copied := &object.Commit{
			Author: c.Author, Committer: c.Committer, Message: c.Message,
			TreeHash: tree, Encoding: c.Encoding,
		}
		if message != nil {
			copied.Message = message(c)
		}
		if !cur.IsZero() {
			copied.ParentHashes = []plumbing.Hash{cur}
		}
		nh, err := r.writeCommitObject(copied)
		if err != nil {
			return nil, fmt.Errorf("rewrite %s: %w", short(h), err)
		}
		done = append(done, Replayed{Old: h, New: nh})
		cur, curTree = nh, tree
	}
	return done, nil
}

// mergeInput reads the three versions of a file the commit changed (ch)
// and the branch has as theirs.
func (r *Repo) mergeInput(c *object.Commit, ch FileChange, theirs plumbing.Hash) (MergeInput, error) {
	in := MergeInput{Path: ch.Path, Commit: c}
	for _, side := range []struct {
		h   plumbing.Hash
		dst *[]byte
	}{{ch.From, &in.Base}, {ch.To, &in.Ours}, {theirs, &in.Theirs}} {
		if side.h.IsZero() {
			continue
		}
		var err error
		if *side.dst, err = r.readRaw(plumbing.BlobObject, side.h); err != nil {
			return MergeInput{}, fmt.Errorf("replay %s: read %s: %w", short(c.Hash), ch.Path, err)
		}
	}
	return in, nil
}

// mergeGroups merges the groups of commit c (whose own changes are own)
// that hold a file needing a merge (pending), on tree — curTree with the
// commit's other changes — and returns the changes to make to curTree.
// A group opts.MergeTogether cannot merge keeps the branch's versions,
// and merge is asked about each pending file, so that it is reported.
func (r *Repo) mergeGroups(c *object.Commit, own []FileChange, curTree, tree plumbing.Hash, pending map[string][]FileChange, merge MergeFunc, opts ReplayOptions, blobs map[string]plumbing.Hash) ([]Change, error) {
	groups := make([]string, 0, len(pending))
	for g := range pending {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	var changes []Change
	for _, g := range groups {
		var files map[string][]byte
		if opts.MergeTogether != nil {
			in := GroupInput{Group: g, Commit: c}
			for _, ch := range own {
				if opts.Together(ch.Path) != g {
					continue
				}
				theirs, _, err := r.blobAt(curTree, ch.Path)
				if err != nil {
					return nil, fmt.Errorf("replay %s: %w", short(c.Hash), err)
				}
				mi, err := r.mergeInput(c, ch, theirs)
				if err != nil {
					return nil, err
				}
				in.Files = append(in.Files, mi)
			}
			var err error
			if in.Tree, err = r.TreeOf(tree); err != nil {
				return nil, fmt.Errorf("replay %s: %w", short(c.Hash), err)
			}
			if files, err = opts.MergeTogether(in); err != nil {
				return nil, fmt.Errorf("replay %s: merge %s: %w", short(c.Hash), g, err)
			}
		}
		if files == nil {
			for _, ch := range pending[g] {
				theirs, _, err := r.blobAt(curTree, ch.Path)
				if err != nil {
					return nil, fmt.Errorf("replay %s: %w", short(c.Hash), err)
				}
				in, err := r.mergeInput(c, ch, theirs)
				if err != nil {
					return nil, err
				}
				// Reported; the branch's version stays, as the group's
				// others do.
				if _, err := merge(in); err != nil {
					return nil, fmt.Errorf("replay %s: merge %s: %w", short(c.Hash), ch.Path, err)
				}
			}
			continue
		}
		paths := make([]string, 0, len(files))
		for p := range files {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		for _, p := range paths {
			theirs, theirsExec, err := r.blobAt(curTree, p)
			if err != nil {
				return nil, fmt.Errorf("replay %s: %w", short(c.Hash), err)
			}
			if files[p] == nil {
				if !theirs.IsZero() {
					changes = append(changes, Change{Path: p, Delete: true})
				}
				continue
			}
			bh, err := r.writeLoose(plumbing.BlobObject, files[p])
			if err != nil {
				return nil, err
			}
			if bh != theirs {
				changes = append(changes, Change{Path: p, Executable: theirsExec})
				blobs[p] = bh
			}
		}
	}
	return changes, nil
}

// writeCommitObject encodes c and stores it as a loose object.
func (r *Repo) writeCommitObject(c *object.Commit) (plumbing.Hash, error) {
	obj := &plumbing.MemoryObject{}
	if err := c.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	rd, err := obj.Reader()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	defer rd.Close()
	data, err := io.ReadAll(rd)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	return r.writeLoose(plumbing.CommitObject, data)
}
