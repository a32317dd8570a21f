package casework

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/sealed"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

// ErrNothingToCommit says there are no hand edits of records under cases/
// (Skipped names the other files there that it left out).
var ErrNothingToCommit = errors.New("nothing to commit: no changes under cases/")

// CommitEdits validates the hand edits under cases/ (files that differ from
// HEAD) and commits them as one commit, or refuses and leaves them as they
// are. A committed note may not be changed or removed: corrections are
// amendment notes.
func (w *Workspace) CommitEdits(message string) (*Result, error) {
	unlock, err := w.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	w.skipped = nil

	head, err := w.Repo.Head()
	if err != nil {
		return nil, err
	}
	var before store.Source = emptySource{}
	var tree *gitstore.TreeFiles
	if !head.IsZero() {
		if tree, err = w.Repo.TreeAt(head); err != nil {
			return nil, err
		}
		before = store.GitTree{Tree: tree}
	}
	files, err := w.editedFiles()
	if err != nil {
		return nil, err
	}
	if len(w.executable)+len(w.linked)+len(w.newLinks) > 0 {
		// Refused before anything else: the content may be fine, and a
		// note made executable is not a note edited. A new link alone is
		// no "nothing to commit": validate refuses it in CI.
		return nil, &ModeError{Paths: w.executable, Links: w.linked, NewLinks: w.newLinks}
	}
	if len(files) == 0 {
		return nil, ErrNothingToCommit
	}

	written, err := w.sealedWritten()
	if err != nil {
		return nil, err
	}
	var refused []finding.Finding
	var cases, sealedBy []string
	seen := map[string]bool{}
	for p, data := range files {
		id, isCase := layout.CaseOf(p)
		if isCase && !seen[id] {
			seen[id] = true
			cases = append(cases, id)
		}
		if isCase && p == layout.Sealed(id) && written[p] == sealedBlob(data) {
			sealedBy = append(sealedBy, id)
			continue // as a caseplan command wrote it, with --no-commit
		}
		if isCase && p == layout.Sealed(id) {
			// Only caseplan's sealing commands write a sealed.age: a file
			// changed by hand cannot be checked without a key, and would
			// be found broken only when someone opens it.
			inHead := false
			if tree != nil {
				_, err := tree.ReadFile(p)
				inHead = err == nil
			}
			_, list := files[layout.SealedRecipients(id)]
			refused = append(refused, audit.SealedHandEdit(audit.SealedEdit{Path: p, Added: !inHead && data != nil, Removed: data == nil, List: list}))
		}
		if data != nil && isCase && p == layout.Sealed(id) {
			// Text pasted into a sealed.age is in no cipher: committed, it
			// would be in every clone's history, as verify would then say.
			if problem := sealed.CiphertextProblem(data); problem != "" {
				refused = append(refused, finding.Finding{
					Path: p, Severity: finding.Error, Rule: history.RuleHistoryLeak, Case: id, FileLevel: true,
					Message: "the file is not age ciphertext: " + problem + "; committed, whatever it holds in plain would stay in the history of every clone; put back the committed one (git checkout HEAD -- " + p + ") and set sealed fields with caseplan case sealed set",
				})
			}
		}
		if audit.IsNote(p) && tree != nil {
			if _, err := tree.ReadFile(p); err == nil {
				edit := audit.NoteEdit{Path: p, Removed: data == nil, Committing: true}
				if e, err := tree.Entry(p); err == nil && data != nil && e.Mode == filemode.Executable && e.Hash == plumbing.ComputeHash(plumbing.BlobObject, data) {
					// Only the mode differs: HEAD's is executable,
					// which a commit made with git did.
					edit.ModeFrom, edit.ModeTo = "100755", "100644"
				}
				refused = append(refused, audit.NoteFinding(edit))
			}
		}
	}
	refused = append(refused, w.renamedAway(files, tree)...)
	copied, err := copiedNotes(files, tree)
	if err != nil {
		return nil, err
	}
	refused = append(refused, copied...)
	sort.Strings(cases)
	if _, ok := files[layout.ConfigPath]; ok {
		// The settings apply to every case (its program, its manager on
		// the roster): check them all.
		cases = nil
	}

	work, err := store.NewWorkTree(w.Repo.Root())
	if err != nil {
		return nil, err
	}
	// editedFiles has read every edited file already.
	src := store.NewMemo(work)
	for p, data := range files {
		if data != nil {
			src.Remember(p, data)
		}
	}
	// A recipients list left without its sealed.age (one removed by
	// hand, or both copied in and the sealed.age removed as the refusal
	// above says) is no re-sealing work to do, which a write leaves to
	// validate (validate.IsCompleteness), but a hand edit's mistake:
	// committed, the store would fail validate in CI.
	for p, data := range files {
		id, isCase := layout.CaseOf(p)
		if !isCase || data == nil || p != layout.SealedRecipients(id) {
			continue
		}
		if _, err := src.ReadFile(layout.Sealed(id)); errors.Is(err, fs.ErrNotExist) {
			refused = append(refused, validate.RecipientsWithoutSealed(id))
		}
	}
	beforeSnap, beforeLoaded, err := loadExisting(before, cases)
	if err != nil {
		return nil, err
	}
	afterSnap, afterLoaded, err := loadExisting(src, cases)
	if err != nil {
		return nil, err
	}
	// The author must be on the roster as it stands before these edits,
	// in HEAD: an edit that adds its own author to the roster does not
	// let them commit it. The first commit of a store has no roster
	// before it.
	roster := beforeSnap.Config
	if head.IsZero() || roster == nil {
		roster = afterSnap.Config
	}
	if roster != nil {
		staff, ok := roster.StaffByEmail(w.Author.Email)
		if !ok || !staff.IsActive() {
			return nil, notOnRoster(roster, w.Author)
		}
		if !head.IsZero() {
			if err := checkAccess(roster, staff, files, beforeSnap, afterSnap, beforeLoaded); err != nil {
				return nil, err
			}
		}
		if err := w.checkSigning(roster, staff); err != nil {
			return nil, err
		}
		if !access.MayRecordFor(roster, staff) {
			if err := noteAuthorDenied(newNoteAuthors(files, tree, afterSnap, staff.ID)); err != nil {
				return nil, err
			}
		}
	}
	sort.Strings(sealedBy)
	// A message typed as the subject will read ("W-001: notes
	// recovered") is not given the case's prefix a second time.
	if rest, ok := strings.CutPrefix(message, audit.SubjectPrefix(cases)); ok && strings.TrimSpace(rest) != "" {
		message = rest
	}
	change := &Change{Cases: cases, Action: "commit", Summary: message, Files: files, sealedBy: sealedBy}
	if change.Summary == "" {
		change.Summary = "commit hand edits"
	}
	// A hand edit of a case's team or of the roster re-seals the sealed
	// fields it concerns, as a command's would.
	resealed, unsealed, err := w.reseal(change, afterSnap, newOverlay(src, files))
	if err != nil {
		return nil, err
	}
	if len(resealed) > 0 {
		// The cases are those of the work tree, as above: the overlay
		// lists a removed case's deleted files.
		ids, err := existing(src, cases)
		if err != nil {
			return nil, err
		}
		if afterSnap, afterLoaded, err = store.Load(newOverlay(src, files), ids); err != nil {
			return nil, err
		}
	}
	res, err := w.guard(change, loadedStore{beforeSnap, beforeLoaded, before}, loadedStore{afterSnap, afterLoaded, newOverlay(src, files)}, refused)
	var refusedErr *RefusedError
	if errors.As(err, &refusedErr) {
		refusedErr.HandEdits = true
		restorable(refusedErr.Findings, files, tree, beforeLoaded)
	}
	if err != nil {
		return nil, err
	}
	// Errors a case already had stay the person's own business here: they
	// are reported by validate, not by the commit of unrelated edits.
	res.Existing, res.Left, res.Skipped, res.Normalized = nil, nil, w.skipped, w.normalized
	res.Resealed, res.Unsealed = resealed, unsealed
	if res.Commit, err = w.commit(change); err != nil {
		return nil, err
	}
	var done []string
	for p := range files {
		if _, ok := written[p]; ok {
			done = append(done, p)
		}
	}
	if err := w.rememberSealed(nil, done); err != nil {
		return nil, err
	}
	return res, nil
}

// restorable gives the finding of a record emptied by hand (no YAML
// document left: an editor's crash, a select-all and delete, a record
// commented out) the git command that brings back the committed one,
// when that one is whole: committed, it read without a finding of its
// own. "Correct the files above" would leave the person to write the
// record again from memory.
func restorable(found []finding.Finding, files map[string][]byte, tree *gitstore.TreeFiles, beforeLoaded []finding.Finding) {
	if tree == nil {
		return
	}
	for i, f := range found {
		data, edited := files[f.Path]
		if !edited || data == nil || f.Hint != "" || !f.FileLevel || !load.Empty(data) {
			continue
		}
		committed, err := tree.ReadFile(f.Path)
		if err != nil || load.Empty(committed) || slices.ContainsFunc(beforeLoaded, func(b finding.Finding) bool { return b.Path == f.Path }) {
			continue
		}
		found[i].Hint = fmt.Sprintf("the committed %s is whole: bring it back with git checkout -- %s (or git restore %s), then make your edit again", f.Path, f.Path, f.Path)
	}
}

// renamedAway returns a finding for each record the edits remove whose
// committed content is under cases/ still, in a file left out as no
// record: a record renamed by hand or by an editor's "save as"
// (references.yaml to refs.yaml), which caseplan never reads. Committed,
// the case would lose the record without a word but a warning about the
// new name. A note is not looked for: its removal is refused already
// (audit.NoteFinding).
func (w *Workspace) renamedAway(files map[string][]byte, tree *gitstore.TreeFiles) []finding.Finding {
	if tree == nil || len(w.skipped) == 0 {
		return nil
	}
	var out []finding.Finding
	left := map[string][]byte{} // the left-out files, read once
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if files[p] != nil || audit.IsNote(p) {
			continue
		}
		if _, isRecord := layout.KindOf(p); !isRecord {
			continue
		}
		committed, err := tree.ReadFile(p)
		if err != nil {
			continue
		}
		for _, s := range w.skipped {
			data, ok := left[s]
			if !ok {
				if data, err = os.ReadFile(filepath.Join(w.Repo.Root(), filepath.FromSlash(s))); err == nil {
					data = w.Repo.Clean(s, data)
				}
				left[s] = data
			}
			if data == nil || !bytes.Equal(data, committed) {
				continue
			}
			id, _ := layout.CaseOf(p)
			out = append(out, finding.Finding{
				Path: s, Severity: finding.Error, Rule: store.RuleUnknownFile, Case: id, FileLevel: true,
				Message: fmt.Sprintf("holds %s as committed, under a name that is no record, which is never read: this commit would take the record out of case %s", p, id),
				Hint:    fmt.Sprintf("give it its name back: mv %s %s", s, p),
			})
			break
		}
	}
	return out
}

// copiedNotes returns a finding for each note the edits add to a case
// that is byte for byte a note committed under the same name in another
// case (audit.NoteCopiedFinding): a note copied into the wrong case. The
// copies of a group note are all written by one commit, so a genuine
// group note is never one the edits add beside a committed twin; two
// notes added by hand in one commit are not told apart from one. Only
// the cases' notes directories are read from the commit's tree, one
// entry per case, and only for a new note.
func copiedNotes(files map[string][]byte, tree *gitstore.TreeFiles) ([]finding.Finding, error) {
	if tree == nil {
		return nil, nil
	}
	var found []finding.Finding
	var cases []gitstore.Entry
	for _, p := range slices.Sorted(maps.Keys(files)) {
		data := files[p]
		id, isCase := layout.CaseOf(p)
		if data == nil || !isCase || !audit.IsNote(p) {
			continue
		}
		if _, err := tree.Entry(p); err == nil {
			continue // a committed note: its edit is refused already
		}
		noteID, ok := strings.CutSuffix(path.Base(p), layout.Ext)
		if !ok || p != layout.Note(id, noteID) {
			continue
		}
		if cases == nil {
			var err error
			if cases, err = tree.List(layout.CasesDir); err != nil {
				return nil, err
			}
		}
		hash := plumbing.ComputeHash(plumbing.BlobObject, data)
		for _, c := range cases {
			if !c.IsDir || c.Name == id {
				continue
			}
			from := layout.Note(c.Name, noteID)
			if e, err := tree.Entry(from); err == nil && e.Hash == hash {
				found = append(found, audit.NoteCopiedFinding(p, from))
				break
			}
		}
	}
	return found, nil
}

// newNoteAuthors returns a finding for each note the edits add whose
// author is not the staff member committing it (audit.RuleNoteAuthor).
func newNoteAuthors(files map[string][]byte, head *gitstore.TreeFiles, after *casefile.Snapshot, committer string) []finding.Finding {
	var found []finding.Finding
	for p, data := range files {
		if data == nil || !audit.IsNote(p) {
			continue
		}
		if head != nil {
			if _, err := head.ReadFile(p); err == nil {
				continue // an edit of a committed note, refused as such
			}
		}
		id, _ := layout.CaseOf(p)
		c := after.Case(id)
		if c == nil {
			continue
		}
		for _, n := range c.AllNotes() {
			if c.NotePath(n) == p && n.Author != "" && n.Author != committer {
				found = append(found, audit.NoteAuthorFinding(p, n.Author, committer, true))
			}
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
	return found
}

// noteAuthorDenied refuses hand-written notes in a colleague's name
// (found, by newNoteAuthors) as what they are: a change the committer's
// role does not allow (access.MayRecordFor: only an admin records notes
// in their authors' names), refused as note add --file and every other
// role check refuse it, with an AccessError — not as invalid records,
// since the same note committed by its author, or by an admin, is valid.
func noteAuthorDenied(found []finding.Finding) error {
	if len(found) == 0 {
		return nil
	}
	var denials []access.Denial
	for _, f := range found {
		denials = append(denials, access.Denial{
			Rule: f.Rule, Case: f.Case, Msg: f.Path + ": " + f.Message,
			Hint: "name yourself as the note's author, or have its author commit it; nothing was committed, and your edits are still in the files, as you left them",
		})
	}
	return &AccessError{Denials: denials}
}

// existing keeps the case IDs that have a directory in src, so a case
// that is new (or removed) in the edits loads as absent on the other side.
// Only a directory that is not there is an absent case (src's List gives
// nothing for it): one that cannot be listed — its tree object missing or
// corrupt, a directory the user may not read — is an error naming it,
// since taken for absent the case would be left out of the check before
// a commit, and its errors with it.
func existing(src store.Source, ids []string) ([]string, error) {
	if ids == nil {
		return nil, nil // every case
	}
	out := []string{}
	for _, id := range ids {
		dir := layout.CaseDir(id)
		entries, err := src.List(dir)
		switch {
		case errors.Is(err, store.ErrOutsideStore):
			// A link out of the store: Load reports it (RuleSymlink).
			out = append(out, id)
		case errors.Is(err, fs.ErrNotExist):
			// Not there (a source that says so by an error).
		case err != nil:
			if _, ferr := src.ReadFile(dir); ferr == nil {
				continue // a file where the directory would be: no case, as Load says
			}
			return nil, fmt.Errorf("cannot read case %s (%s): %w", id, dir, err)
		case entries != nil:
			out = append(out, id)
		}
	}
	return out, nil
}

// loadExisting loads the cases of ids that exist in src (nil: every
// case), as store.Load does.
func loadExisting(src store.Source, ids []string) (*casefile.Snapshot, []finding.Finding, error) {
	ids, err := existing(src, ids)
	if err != nil {
		return nil, nil, err
	}
	return store.Load(src, ids)
}

// editedFiles returns the files under cases/ whose work-tree content
// differs from HEAD's (nil content for a deletion), leaving out untracked
// files git ignores and untracked files that are not records (kept in
// w.skipped). A case's sealed fields' files are no records, but they are
// not left out: every command reads a sealed.age in a case directory as
// the case's sealed fields (validate checks it, a re-seal re-encrypts it),
// so one added by hand is refused as one changed by hand, and one that a
// sealing command wrote with --no-commit is committed.
func (w *Workspace) editedFiles() (map[string][]byte, error) {
	edits, skipped, err := w.Repo.EditsUnder(layout.CasesDir, func(p string) bool {
		_, isRecord := layout.KindOf(p)
		return isRecord || layout.IsSealed(p)
	})
	if err != nil {
		return nil, err
	}
	w.skipped = skipped
	// What git would store: a file the store's .gitattributes make text is
	// committed with LF line ends (and written back so), so the work tree is
	// clean in git's eyes afterwards.
	w.normalized, w.executable, w.linked, w.newLinks = nil, nil, nil, nil
	files := make(map[string][]byte, len(edits))
	for _, e := range edits {
		if e.Executable {
			w.executable = append(w.executable, e.Path)
		}
		if e.NewLink {
			w.newLinks = append(w.newLinks, e.Path)
			continue
		}
		if e.Symlink {
			w.linked = append(w.linked, e.Path)
		}
		data := e.Data
		if data != nil {
			data = w.Repo.Clean(e.Path, data)
			if len(data) != len(e.Data) {
				w.normalized = append(w.normalized, e.Path)
			}
		}
		files[e.Path] = data
	}
	sort.Strings(w.normalized)
	return files, nil
}

// Skipped names the files under cases/ that the last CommitEdits left out
// because they are no caseplan record (a call log, a scanned letter): said
// beside a commit, and beside "nothing to commit", where it is the reason.
func (w *Workspace) Skipped() []string { return w.skipped }

// ModeError says records in the work tree are not plain files: made
// executable (chmod +x), or replaced by a symbolic link. caseplan commits a
// record as a plain file (mode 100644) only: it would commit the first as
// unchanged, leaving git status showing it, and the second as deleted.
type ModeError struct {
	Paths []string // executable
	Links []string // symbolic links where HEAD has the file
	// NewLinks are symbolic links where HEAD has nothing: validate
	// reports each (rule symlink), since git would commit the link and
	// not what it points to.
	NewLinks []string
}

func (e *ModeError) Error() string {
	var lines []string
	for _, p := range e.Paths {
		lines = append(lines, p+": executable in the work tree (mode 100755); a record is a plain file (100644), so nothing was committed")
	}
	for _, p := range e.Links {
		lines = append(lines, p+": a symbolic link in the work tree; a record is a plain file, so nothing was committed")
	}
	for _, p := range e.NewLinks {
		lines = append(lines, p+": a symbolic link, new in the work tree; git would commit the link, not a file, and validate refuses it (rule symlink), so nothing was committed")
	}
	return strings.Join(lines, "\n")
}

// Hint says how to put the files back.
func (e *ModeError) Hint() string {
	var do []string
	if len(e.Paths) > 0 {
		files := strings.Join(e.Paths, " ")
		do = append(do, "make it a plain file again with chmod -x "+files+" (or put it back as committed with git checkout -- "+files+")")
	}
	if len(e.Links) > 0 {
		files := strings.Join(e.Links, " ")
		do = append(do, "replace the link with the file itself (rm "+files+", then git checkout -- "+files+" puts back the committed one)")
	}
	if len(e.NewLinks) > 0 {
		do = append(do, "replace the new link with the file itself, or remove it (rm "+strings.Join(e.NewLinks, " ")+")")
	}
	return strings.Join(do, "; ") + ", then run caseplan commit again"
}

// emptySource is the store before the first commit.
type emptySource struct{}

func (emptySource) ReadFile(name string) ([]byte, error) { return nil, fs.ErrNotExist }
func (emptySource) List(dir string) ([]store.Entry, error) {
	return nil, nil
}
