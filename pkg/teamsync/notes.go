package teamsync

import (
	"bytes"
	"crypto/sha256"
	"maps"
	"math/rand/v2"
	"path"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// NoteRename is a note this clone made that the remote has too: the same
// ID in the same case, other content. Two clones drew one ID for notes of
// one case on one day (four random characters: DESIGN.md §2). A note is
// never edited once committed, so the two cannot be merged, and both are
// kept: this clone's, never published, takes a new ID, as note add draws
// one, free on both sides.
type NoteRename struct {
	Case     string
	From, To string
}

// renameNotes finds the notes this clone's commits mine (after base, up
// to local) add that the remote added too with other content, and gives
// each a new ID. A group note (one ID in several cases, one commit) is
// renamed in every case its commit wrote it, so the session still reads
// as one. Identical bytes on both sides are one note (an earlier sync sent
// it): no rename. The new ID is drawn from the note's own bytes, so that
// a sync stopped after it pushed, and run again, draws the same one and
// finds its copy on the remote rather than sending the note twice.
func renameNotes(repo *gitstore.Repo, local, remote plumbing.Hash, mine []plumbing.Hash) ([]NoteRename, error) {
	type added struct {
		commit int // index in mine
		path   string
	}
	var adds []added
	for i, h := range mine {
		c, err := object.GetCommit(repo.Git().Storer, h)
		if err != nil {
			return nil, err
		}
		notes, err := addedNotes(repo, c)
		if err != nil {
			return nil, err
		}
		for _, ch := range notes {
			adds = append(adds, added{commit: i, path: ch.Path})
		}
	}
	var out []NoteRename
	done := map[string]bool{}  // case/ID already renamed
	taken := map[string]bool{} // paths of the new IDs
	for _, a := range adds {
		id, ok := layout.CaseOf(a.path)
		from := strings.TrimSuffix(path.Base(a.path), path.Ext(a.path))
		if !ok || done[id+"/"+from] || a.path != layout.Note(id, from) {
			continue
		}
		ours, err := repo.BlobAt(local, a.path)
		if err != nil {
			return nil, err
		}
		theirs, err := repo.BlobAt(remote, a.path)
		if err != nil {
			return nil, err
		}
		if ours.IsZero() || theirs.IsZero() || ours == theirs {
			continue
		}
		// The note's cases: every case the same commit gave a note of
		// this ID (a group note), this one first.
		cases := []string{id}
		for _, b := range adds {
			if other, ok := layout.CaseOf(b.path); ok && b.commit == a.commit && other != id && b.path == layout.Note(other, from) {
				cases = append(cases, other)
			}
		}
		data, err := readBlob(repo, ours)
		if err != nil {
			return nil, err
		}
		var n record.Note
		if err := yaml.Unmarshal(data, &n); err != nil || n.Date == "" {
			// Not a note that parses: validate says so; its date is the
			// ID's.
			n.Date = record.Date(from[:min(len(from), len("2006-01-02"))])
		}
		seed := sha256.Sum256(data)
		to, err := casework.NewNoteID(n.Date, rand.NewChaCha8(seed), func(to string) bool {
			for _, c := range cases {
				p := layout.Note(c, to)
				if taken[p] {
					return true
				}
				mine, err := repo.BlobAt(local, p)
				if err != nil || !mine.IsZero() {
					return true
				}
				there, err := repo.BlobAt(remote, p)
				if err != nil {
					return true
				}
				if !there.IsZero() && !sameCopy(repo, layout.Note(c, from), local, there, from, to) {
					return true
				}
			}
			return false
		})
		if err != nil {
			return nil, err
		}
		for _, c := range cases {
			done[c+"/"+from], taken[layout.Note(c, to)] = true, true
			out = append(out, NoteRename{Case: c, From: from, To: to})
		}
	}
	return out, nil
}

// sameCopy says whether the remote's blob there is this clone's note at p
// renamed from one ID to the other: the copy an earlier sync, stopped
// before it moved this clone's branch, sent.
func sameCopy(repo *gitstore.Repo, p string, local, there plumbing.Hash, from, to string) bool {
	ours, err := repo.BlobAt(local, p)
	if err != nil || ours.IsZero() {
		return false
	}
	a, err := readBlob(repo, ours)
	if err != nil {
		return false
	}
	b, err := readBlob(repo, there)
	return err == nil && bytes.Equal(replaceNoteID(a, from, to), b)
}

// rewriteRenamed copies this clone's commits mine with the notes renames
// names moved to their new IDs, and every mention of an old ID in the
// case's records those commits wrote — an amendment's amends, an action
// item's note in the plan (NOTE#N), a follow-up's evidence_note, a text —
// and in the messages of the commits of the case changed to the new one.
// Only this clone's unpublished commits are rewritten, and in them an old
// ID can name only this clone's note: the remote's note of that ID was not
// here when they were made. It returns the copies, oldest first.
func rewriteRenamed(repo *gitstore.Repo, mine []plumbing.Hash, renames []NoteRename) ([]gitstore.Replayed, error) {
	byCase := map[string]map[string]string{}
	for _, r := range renames {
		if byCase[r.Case] == nil {
			byCase[r.Case] = map[string]string{}
		}
		byCase[r.Case][r.From] = r.To
	}
	edit := func(_ *object.Commit, p string, data []byte) (string, []byte, error) {
		id, ok := layout.CaseOf(p)
		ids := byCase[id]
		if !ok || len(ids) == 0 {
			return p, data, nil
		}
		for from, to := range ids {
			if p == layout.Note(id, from) {
				p = layout.Note(id, to)
			}
		}
		if _, isRecord := layout.KindOf(p); !isRecord || layout.IsSealed(p) {
			return p, data, nil
		}
		for _, from := range slices.Sorted(maps.Keys(ids)) {
			data = replaceNoteID(data, from, ids[from])
		}
		return p, data, nil
	}
	message := func(c *object.Commit) string {
		msg := []byte(c.Message)
		cases, _, _ := audit.Trailers(c.Message)
		for _, id := range cases {
			ids := byCase[id]
			for _, from := range slices.Sorted(maps.Keys(ids)) {
				msg = replaceNoteID(msg, from, ids[from])
			}
		}
		return string(msg)
	}
	return repo.Rewrite(mine, edit, message)
}

// replaceNoteID replaces every mention of the note ID from in data with
// to: where from stands as a word of its own — not part of a longer ID —
// as in "amends: 2026-03-16-5xjb", "2026-03-16-5xjb#2" or
// "notes/2026-03-16-5xjb.yaml".
func replaceNoteID(data []byte, from, to string) []byte {
	idChar := func(b byte) bool {
		return b == '-' || b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	}
	var out []byte
	last := 0
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte(from))
		if j < 0 {
			break
		}
		j += i
		end := j + len(from)
		if (j == 0 || !idChar(data[j-1])) && (end == len(data) || !idChar(data[end])) {
			out = append(append(out, data[last:j]...), to...)
			last = end
		}
		i = end
	}
	if out == nil {
		return data
	}
	return append(out, data[last:]...)
}

// notesWith returns the IDs of the notes c added to case id dated day:
// the note a closure or reopening the merge left out was written with
// (case close and case reopen each write one). It was sent with the
// commit and stays, as a note is never removed, so the finding names it
// and the void that takes it out of the count.
func notesWith(repo *gitstore.Repo, c *object.Commit, id string, day record.Date) ([]string, error) {
	notes, err := addedNotes(repo, c)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, ch := range notes {
		noteID := strings.TrimSuffix(path.Base(ch.Path), path.Ext(ch.Path))
		if ch.Path != layout.Note(id, noteID) {
			continue
		}
		data, err := readBlob(repo, ch.To)
		if err != nil {
			return nil, err
		}
		var n record.Note
		if yaml.Unmarshal(data, &n) == nil && n.Date == day {
			out = append(out, noteID)
		}
	}
	return out, nil
}

// addedNotes returns the note files commit c added, against its first
// parent (every file, for a root commit).
func addedNotes(repo *gitstore.Repo, c *object.Commit) ([]gitstore.FileChange, error) {
	var parentTree plumbing.Hash
	if len(c.ParentHashes) > 0 {
		p, err := object.GetCommit(repo.Git().Storer, c.ParentHashes[0])
		if err != nil {
			return nil, err
		}
		parentTree = p.TreeHash
	}
	diff, err := repo.DiffTrees(parentTree, c.TreeHash)
	if err != nil {
		return nil, err
	}
	var out []gitstore.FileChange
	for _, ch := range diff {
		if kind, _ := layout.KindOf(ch.Path); kind == layout.KindNote && ch.From.IsZero() && !ch.To.IsZero() {
			out = append(out, ch)
		}
	}
	return out, nil
}
