package gitstore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Signature names the person a commit is made for, and when.
type Signature struct {
	Name  string
	Email string
	When  time.Time // the zero time means the moment of the commit
}

// Change is one file a commit writes or deletes.
type Change struct {
	// Path is slash-separated and relative to the repository root, e.g.
	// "cases/2026-K7QX2/notes/2026-03-02-ab12.yaml".
	Path string
	// Data is the file's new content; it is ignored when Delete is set.
	Data []byte
	// Delete removes the file from the work tree, the index and the tree.
	Delete bool
	// Executable writes the file with execute permission (mode 100755 in
	// git), as a script outside cases/ may be; records never are.
	Executable bool
}

// CommitRequest is one commit: its message, its author and the files it
// changes. Only these files are committed; anything else in the work tree or
// the index stays as it was.
type CommitRequest struct {
	// Message is the full message including trailers, formatted by the
	// caller. A final newline is added if missing, as git does.
	Message string
	// Author is also the committer.
	Author  Signature
	Changes []Change
	// Check, if set, runs once the store's lock is held and before anything
	// is written, so it sees the store as the commit will change it; an
	// error aborts the commit with nothing changed and is returned as is.
	Check func() error
	// LockWait is how long to wait for another caseplan process; zero
	// means DefaultLockWait.
	LockWait time.Duration
	// Signer, if set, signs the commit: its signature of the commit's
	// bytes goes in the commit's gpgsig header, where git keeps OpenPGP
	// and SSH signatures alike (pkg/sshsig makes SSH ones).
	Signer git.Signer
	// Progress, when set, is told how many of the files have been
	// committed out of how many: a file counts half when its object is
	// written, whole once the work tree holds it. A change of hundreds of
	// cases (case transfer --from) spends seconds here.
	Progress func(done, total int)
}

// Commit writes the requested files to the work tree and commits exactly
// those files on HEAD's branch as one new commit, whose hash it returns.
//
// It takes the store's lock (see Lock), so two caseplan processes committing
// at once both succeed, one after the other. It holds .git/index.lock while
// it works and moves the branch with git's own ref lock, so a git command
// running at the same moment fails cleanly instead of mixing with it.
//
// The work is done in an order that leaves the store as it was if any step
// fails: objects are written first (unreachable objects are harmless), then
// the work tree files (remembering their previous state), then the new index
// is written to index.lock; the branch is moved with a compare-and-swap
// (ErrConcurrentUpdate if it moved since HEAD was read) and only then is the
// new index renamed into place. On failure the work tree is restored.
func (r *Repo) Commit(req CommitRequest) (plumbing.Hash, error) {
	changes, err := checkRequest(req)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	r.cleanChanges(changes)
	wait := req.LockWait
	if wait == 0 {
		wait = DefaultLockWait
	}
	unlock, err := r.Lock(wait)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	defer unlock()
	committed := false
	// Last, once the commit is complete and its journal gone, and still
	// under the lock: pack the loose objects when they have piled up.
	defer func() {
		if committed {
			r.autoPack()
		}
	}()
	if u := r.Unfinished(); u != nil {
		return plumbing.ZeroHash, u
	}
	if req.Check != nil {
		if err := req.Check(); err != nil {
			return plumbing.ZeroHash, err
		}
	}

	// The journal says what this write does before anything is taken or
	// changed (see journal.go), and goes when the write is complete or
	// undone; a failure that could not undo its own steps leaves it for
	// the next caseplan process.
	subject, _, _ := strings.Cut(req.Message, "\n")
	j := &journal{PID: os.Getpid(), Started: time.Now(), Phase: "lock", Action: subject}
	if err := r.writeJournal(j); err != nil {
		return plumbing.ZeroHash, err
	}
	keepJournal := false
	defer func() {
		if !keepJournal {
			r.removeJournal()
		}
	}()
	idxLock, err := lockIndex(r.gitDir)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	indexPath := filepath.Join(r.gitDir, "index")
	defer func() {
		idxLock.Close() // a second Close after the one below is harmless
		if !committed {
			os.Remove(idxLock.Name())
		}
	}()

	branch, parent, err := r.headBranch()
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("commit: %w", err)
	}
	idx, release, err := mapIndex(indexPath)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("commit: read index: %w", err)
	}
	defer release()
	for _, c := range changes {
		if !c.Delete {
			if err := idx.checkConflicts(c.Path); err != nil {
				return plumbing.ZeroHash, fmt.Errorf("commit: %w", err)
			}
		}
	}

	// Objects first: until the branch moves they are unreachable, and an
	// unreachable object changes nothing anyone sees.
	blobs := make(map[string]plumbing.Hash, len(changes))
	halves := 0
	tell := func() {
		halves++
		if req.Progress != nil {
			req.Progress(halves/2, len(changes))
		}
	}
	for _, c := range changes {
		if !c.Delete {
			h, err := r.writeLoose(plumbing.BlobObject, c.Data)
			if err != nil {
				return plumbing.ZeroHash, fmt.Errorf("commit: write %s: %w", c.Path, err)
			}
			blobs[c.Path] = h
		}
		tell()
	}
	// The objects HEAD's tree is read from may move while this Repo is
	// open: git gc packs loose objects and deletes the packs it replaced,
	// and go-git keeps the list of packs it read first. An object missing
	// on the first try is looked for again after listing the packs anew;
	// missing twice, the commit fails with nothing changed, and can be
	// run again.
	var treeHash, parentTree plumbing.Hash
	for try := 0; ; try++ {
		treeHash, parentTree, err = r.newTree(parent, changes, blobs)
		if err == nil || try == 1 || !missingObject(err) {
			break
		}
		r.storage.Reindex()
	}
	if missingObject(err) {
		return plumbing.ZeroHash, fmt.Errorf("commit: %w (was the repository being repacked? nothing was changed; try again)", err)
	}
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("commit: %w", err)
	}
	if !parent.IsZero() && treeHash == parentTree {
		return plumbing.ZeroHash, ErrNothingToCommit
	}
	commitHash, err := r.writeCommit(req, treeHash, parent)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("commit: %w", err)
	}
	keepJournal, committed, err = r.land(j, idx, idxLock, branch, parent, commitHash, changes, blobs, tell)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	return commitHash, nil
}

// newTree returns the tree of parent (zero: none) with changes made, and
// parent's own tree.
func (r *Repo) newTree(parent plumbing.Hash, changes []Change, blobs map[string]plumbing.Hash) (tree, parentTree plumbing.Hash, err error) {
	if !parent.IsZero() {
		c, err := r.repo.CommitObject(parent)
		if err != nil {
			return plumbing.ZeroHash, plumbing.ZeroHash, fmt.Errorf("read HEAD commit: %w", err)
		}
		parentTree = c.TreeHash
	}
	tree, err = r.buildTree(parentTree, changes, blobs)
	return tree, parentTree, err
}

// missingObject reports whether err says an object (or the pack it was
// listed in) is not where this Repo looked for it.
func missingObject(err error) bool {
	var pe *fs.PathError
	return errors.Is(err, plumbing.ErrObjectNotFound) || errors.As(err, &pe) && errors.Is(pe, fs.ErrNotExist)
}

// checkRequest validates the request before the lock is taken and returns
// its changes sorted by path.
// cleanChanges makes each file of changes what git would store (Clean):
// a record written with CRLF line ends (an edit saved on Windows, a file
// checked out with core.autocrlf) is committed, and written back, with LF,
// so the blob does not depend on the machine it was written on.
func (r *Repo) cleanChanges(changes []Change) {
	for i := range changes {
		if !changes[i].Delete {
			changes[i].Data = r.Clean(changes[i].Path, changes[i].Data)
		}
	}
}

func checkRequest(req CommitRequest) ([]Change, error) {
	if strings.TrimSpace(req.Message) == "" {
		return nil, errors.New("commit: empty message")
	}
	if req.Author.Name == "" || req.Author.Email == "" {
		return nil, errors.New("commit: the author needs a name and an email")
	}
	if strings.ContainsAny(req.Author.Name+req.Author.Email, "<>\n") {
		return nil, errors.New("commit: the author's name and email must not contain <, > or a newline")
	}
	if len(req.Changes) == 0 {
		return nil, errors.New("commit: no changes")
	}
	changes := append([]Change(nil), req.Changes...)
	sort.Slice(changes, func(i, j int) bool { return changes[i].Path < changes[j].Path })
	for i, c := range changes {
		if err := checkPath(c.Path); err != nil {
			return nil, fmt.Errorf("commit: %w", err)
		}
		if i > 0 {
			prev := changes[i-1].Path
			if prev == c.Path {
				return nil, fmt.Errorf("commit: %s: changed twice", c.Path)
			}
		}
	}
	// A path that is another's directory: in sorted order "a" is followed
	// by its "a/..." children, possibly after names like "a-b" or "a.b".
	paths := make(map[string]bool, len(changes))
	for _, c := range changes {
		paths[c.Path] = true
	}
	for _, c := range changes {
		for dir := parentDir(c.Path); dir != ""; dir = parentDir(dir) {
			if paths[dir] {
				return nil, fmt.Errorf("commit: %s is both a file and the directory of %s", dir, c.Path)
			}
		}
	}
	return changes, nil
}

// checkPath accepts clean, relative, slash-separated paths that stay inside
// the work tree and outside .git.
func checkPath(p string) error {
	if p == "" || !fs.ValidPath(p) || p == "." || path.Clean(p) != p {
		return fmt.Errorf("invalid path %q", p)
	}
	if strings.ContainsAny(p, "\\\x00") {
		return fmt.Errorf("invalid path %q", p)
	}
	for _, part := range strings.Split(p, "/") {
		// Case-insensitive: on macOS and Windows ".GIT" is the git directory.
		if strings.EqualFold(part, ".git") {
			return fmt.Errorf("invalid path %q: inside .git", p)
		}
	}
	return nil
}

func (r *Repo) writeCommit(req CommitRequest, tree, parent plumbing.Hash) (plumbing.Hash, error) {
	when := req.Author.When
	if when.IsZero() {
		when = time.Now()
	}
	sig := object.Signature{Name: req.Author.Name, Email: req.Author.Email, When: when}
	msg := req.Message
	if !strings.HasSuffix(msg, "\n") {
		msg += "\n"
	}
	c := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: tree}
	if !parent.IsZero() {
		c.ParentHashes = []plumbing.Hash{parent}
	}
	if err := sign(c, req.Signer); err != nil {
		return plumbing.ZeroHash, err
	}
	return r.writeCommitObject(c)
}

// sign adds signer's signature of commit c (the gpgsig header); a nil
// signer leaves it unsigned. What is signed is the commit without the
// signature, as git verify-commit checks it.
func sign(c *object.Commit, signer git.Signer) error {
	if signer == nil {
		return nil
	}
	payload := &plumbing.MemoryObject{}
	if err := c.EncodeWithoutSignature(payload); err != nil {
		return err
	}
	rd, err := payload.Reader()
	if err != nil {
		return err
	}
	signature, err := signer.Sign(rd)
	rd.Close()
	if err != nil {
		return fmt.Errorf("sign the commit: %w", err)
	}
	c.PGPSignature = string(signature)
	return nil
}

// updateRef moves branch from one commit to another the way git does: it creates
// <ref>.lock exclusively (so a concurrent git command cannot move the branch
// at the same time), checks that the branch still points at from (zero: does
// not exist yet), writes the new value to the lock file, syncs it and
// renames it over the ref. go-git's CheckAndSetReference is not used: it
// truncates and rewrites the ref file in place under a lock git does not
// know about, so a crash could leave an empty ref and a git command could
// interleave.
func (r *Repo) updateRef(branch plumbing.ReferenceName, to, from plumbing.Hash) error {
	refPath := filepath.Join(r.commonDir, filepath.FromSlash(branch.String()))
	lockPath := refPath + ".lock"
	f, err := lockRef(refPath)
	if errors.Is(err, fs.ErrExist) {
		return &GitLockError{Path: lockPath, What: refWhat(branch), is: ErrConcurrentUpdate}
	}
	if err != nil {
		return fmt.Errorf("update %s: %w", branch, err)
	}
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(lockPath)
		}
	}()
	// HEAD must still name the same branch, and the branch the same commit.
	head, err := r.storage.Reference(plumbing.HEAD)
	if err != nil {
		return fmt.Errorf("update %s: read HEAD: %w", branch, err)
	}
	if head.Type() != plumbing.SymbolicReference || head.Target() != branch {
		return fmt.Errorf("update %s: %w: HEAD now names %s", branch, ErrConcurrentUpdate, head.Target())
	}
	cur := plumbing.ZeroHash
	ref, err := r.storage.Reference(branch)
	switch {
	case err == nil:
		cur = ref.Hash()
	case !errors.Is(err, plumbing.ErrReferenceNotFound):
		return fmt.Errorf("update %s: %w", branch, err)
	}
	if cur != from {
		return fmt.Errorf("update %s: %w: it points at %s, expected %s", branch, ErrConcurrentUpdate, short(cur), short(from))
	}
	if to.IsZero() {
		// Only when undoing a first commit: the branch becomes unborn again.
		if err := os.Remove(refPath); err != nil {
			return fmt.Errorf("update %s: %w", branch, err)
		}
		return nil
	}
	done = true // replaceLocked removes the lock file if it fails
	if err := replaceLocked(f, refPath, []byte(to.String()+"\n")); err != nil {
		return fmt.Errorf("update %s: %w", branch, err)
	}
	return nil
}

func short(h plumbing.Hash) string {
	if h.IsZero() {
		return "nothing"
	}
	return h.String()[:12]
}

// writeAndSync writes data at the start of f and syncs it, leaving f open.
func writeAndSync(f *os.File, data []byte) error {
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return err
	}
	return f.Sync()
}

// land makes a commit whose objects are written the branch's new head: it
// writes the journal's "write" phase, the changed files of the work tree
// (Data of each change; a Delete removes the file) and their index entries,
// and moves branch from parent to commit with a compare-and-swap, then
// puts the new index in place. idxLock is .git/index.lock, held by the
// caller. On failure the work tree is restored; keepJournal says the undo
// itself failed and the journal must stay for the next caseplan process,
// committed that the index lock became the index.
func (r *Repo) land(j *journal, idx *indexFile, idxLock *os.File, branch plumbing.ReferenceName, parent, commitHash plumbing.Hash, changes []Change, blobs map[string]plumbing.Hash, written func()) (keepJournal, committed bool, err error) {
	indexPath := filepath.Join(r.gitDir, "index")
	if j.Files, err = r.oldContent(changes, blobs); err != nil {
		return false, false, fmt.Errorf("commit: %w", err)
	}
	j.Phase, j.Branch, j.Old, j.New, j.Index = "write", branch.String(), parent.String(), commitHash.String(), true
	if parent.IsZero() {
		j.Old = ""
	}
	if err := r.writeJournal(j); err != nil {
		return false, false, fmt.Errorf("commit: %w", err)
	}

	tx := &worktreeTx{root: r.root}
	fail := func(err error) (bool, bool, error) {
		keep := false
		if rerr := tx.rollback(); rerr != nil {
			keep = true // the next caseplan process finishes the undo
			err = errors.Join(err, rerr)
		}
		return keep, false, err
	}
	updates := make([]indexUpdate, 0, len(changes))
	for _, c := range changes {
		if c.Delete {
			if err := tx.remove(c.Path); err != nil {
				return fail(fmt.Errorf("commit: %w", err))
			}
			updates = append(updates, indexUpdate{path: c.Path})
			written()
			continue
		}
		fi, err := tx.write(c.Path, c.Data, c.Executable)
		if err != nil {
			return fail(fmt.Errorf("commit: %w", err))
		}
		e := idx.newEntry(c.Path, blobs[c.Path], statFromInfo(fi), c.Executable)
		updates = append(updates, indexUpdate{path: c.Path, entry: &e})
		written()
	}
	idx.smudgeRacy(r.root)
	idx.apply(updates)
	if err := idx.writeTo(idxLock); err != nil {
		return fail(fmt.Errorf("commit: write index: %w", err))
	}
	if err := idxLock.Sync(); err != nil {
		return fail(fmt.Errorf("commit: write index: %w", err))
	}
	if err := idxLock.Close(); err != nil {
		return fail(fmt.Errorf("commit: write index: %w", err))
	}

	if r.beforeRefUpdate != nil {
		if err := r.beforeRefUpdate(); err != nil {
			return fail(err)
		}
	}
	if err := r.updateRef(branch, commitHash, parent); err != nil {
		return fail(fmt.Errorf("commit: %w", err))
	}
	if err := os.Rename(idxLock.Name(), indexPath); err != nil {
		// The commit landed but the index cannot follow it: put the branch
		// back so the store is as it was, rather than leave an index that
		// shows the commit's files as staged deletions.
		err = fmt.Errorf("commit: replace index: %w", err)
		if rerr := r.updateRef(branch, parent, commitHash); rerr != nil {
			// The next caseplan process rolls it forward.
			return true, false, errors.Join(err, fmt.Errorf("commit %s was made but the index is stale: %w", commitHash, rerr))
		}
		return fail(err)
	}
	return false, true, nil
}
