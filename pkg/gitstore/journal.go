package gitstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/atomicfile"
)

// A write keeps a journal of what it is doing, so that the next caseplan
// process can tell what a killed one left behind — index.lock, a ref lock,
// some files written and others not — from a git command at work, and put
// the store back in order: the write completed (rolled forward) when its
// commit had already moved the branch, undone (rolled back) when it had
// not. A multi-file write such as case new is thus all or nothing even
// across a crash.
//
// The journal lives in the git directory (StateDir), never in the work
// tree. It is written in two steps, each synced before the next step of
// the write:
//
//   - "lock": before index.lock is taken, so a lock found after a crash
//     with this phase on record was taken by the dead writer;
//   - "write": once every object is written and before any file of the
//     work tree changes: the branch's old and new commit, and each file's
//     old and new content as blobs (the old content is stored as a blob
//     too, even a hand edit never committed, so it can be put back).
//
// The journal is removed when the write is complete or undone. Only a
// process holding the store lock reads or writes it, so a journal found by
// the holder is always a dead writer's.
type journal struct {
	PID     int           `json:"pid"`
	Started time.Time     `json:"started"`
	Phase   string        `json:"phase"`            // "lock" or "write"
	Action  string        `json:"action,omitempty"` // what the write was, for the message
	Branch  string        `json:"branch,omitempty"` // the branch the commit moves; "" for a write without commit
	Old     string        `json:"old,omitempty"`    // the branch's commit before the write
	New     string        `json:"new,omitempty"`    // the commit the write makes
	Files   []journalFile `json:"files,omitempty"`  // what the write changes in the work tree
	Index   bool          `json:"index,omitempty"`  // the write updates the index
	// Locks are other lock files the write takes: a ref's or the
	// config's, written outside a commit (refs.go).
	Locks []string `json:"locks,omitempty"`
}

// journalFile is one file a write changes: its content before and after,
// as blob hashes; "" means absent.
type journalFile struct {
	Path string `json:"path"`
	Old  string `json:"old,omitempty"`
	New  string `json:"new,omitempty"`
	Mode uint32 `json:"mode,omitempty"` // the old file's permissions
}

const journalName = "journal"

// StateDir is the directory of the clone's own caseplan state — the write
// journal, the trust anchor, caches — inside the git directory: never in
// the work tree, never in a commit, never shared by a push.
func (r *Repo) StateDir() string { return filepath.Join(r.gitDir, "caseplan") }

func (r *Repo) journalPath() string { return filepath.Join(r.StateDir(), journalName) }

// writeJournal records j, synced, replacing the one before.
func (r *Repo) writeJournal(j *journal) error { return writeJournalIn(r.StateDir(), j) }

func (r *Repo) removeJournal() error { return removeJournalIn(r.StateDir()) }

// writeJournalIn records j in the state directory stateDir, synced,
// replacing the one before.
func writeJournalIn(stateDir string, j *journal) error {
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(stateDir, 0o755); err != nil {
		return fmt.Errorf("write journal: %w", err)
	}
	if err := atomicfile.WriteFile(filepath.Join(stateDir, journalName), append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write journal: %w", err)
	}
	return nil
}

func removeJournalIn(stateDir string) error {
	if err := os.Remove(filepath.Join(stateDir, journalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove journal: %w", err)
	}
	return nil
}

// Recovery says what recover did about a write a killed caseplan left
// unfinished.
type Recovery struct {
	PID     int
	Action  string
	Started time.Time
	// Done is what was done: "completed" (the commit had landed; the work
	// tree and index now match it), "undone" (the store is as before the
	// write), or "released its locks" (it had changed nothing yet).
	Done  string
	Files []string // the files put in order
}

func (rc Recovery) String() string {
	what := rc.Action
	if what == "" {
		what = "a write"
	}
	// Done is a verb for "it" (the write), except where it is not.
	done := "caseplan " + rc.Done + " it"
	switch {
	case rc.Done == "released its locks":
		done = "it had changed nothing yet, and its locks were released"
	case strings.HasPrefix(rc.Done, "left alone"):
		done = "caseplan " + strings.Replace(rc.Done, "left alone", "left its files alone", 1)
	}
	s := fmt.Sprintf("a caseplan process (pid %d) was stopped during %s at %s; %s", rc.PID, what, rc.Started.Format(time.DateTime), done)
	// An import's write is thousands of files: the first few say which
	// write it was; git status says the rest.
	const shown = 5
	switch n := len(rc.Files); {
	case n > shown:
		s += fmt.Sprintf(" (%d file(s): %s and %d more)", n, strings.Join(rc.Files[:shown], ", "), n-shown)
	case n > 0:
		s += fmt.Sprintf(" (%d file(s): %s)", n, strings.Join(rc.Files, ", "))
	}
	return s
}

// recover finishes or undoes the write a dead caseplan process left, if
// any. The caller holds the store lock. It returns nil when there was
// nothing to recover.
func (r *Repo) recover() (*Recovery, error) {
	data, err := os.ReadFile(r.journalPath())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read journal: %w", err)
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil {
		// A journal is written atomically, so it is whole or absent; one
		// that does not parse was not written by caseplan. Say so rather
		// than guess.
		return nil, fmt.Errorf("%s does not read as a journal written by caseplan (%v); move it away to go on", r.journalPath(), err)
	}
	rc := &Recovery{PID: j.PID, Action: j.Action, Started: j.Started}
	if j.Phase == "lock" || j.Phase == "write" {
		r.releaseStaleLock(filepath.Join(r.gitDir, "index.lock"), j.Started)
		for _, l := range j.Locks {
			r.releaseStaleLock(l, j.Started)
		}
	}
	switch {
	case j.Phase != "write":
		rc.Done = "released its locks"
	case j.Branch == "":
		// A write without a commit (--no-commit) is undone.
		if err := r.restoreFiles(j.Files, false, rc); err != nil {
			return nil, err
		}
		rc.Done = "undid"
	default:
		branch := plumbing.ReferenceName(j.Branch)
		r.releaseStaleLock(filepath.Join(r.commonDir, filepath.FromSlash(j.Branch)+".lock"), j.Started)
		cur := plumbing.ZeroHash
		if ref, err := r.storage.Reference(branch); err == nil {
			cur = ref.Hash()
		} else if !errors.Is(err, plumbing.ErrReferenceNotFound) {
			return nil, fmt.Errorf("recover: read %s: %w", branch, err)
		}
		switch cur.String() {
		case j.New:
			if err := r.restoreFiles(j.Files, true, rc); err != nil {
				return nil, err
			}
			if err := r.reindex(j.Files); err != nil {
				return nil, err
			}
			rc.Done = "completed"
		case j.Old, plumbing.ZeroHash.String():
			if cur.String() != j.Old && j.Old != "" {
				return nil, fmt.Errorf("recover: %s points at nothing, but the interrupted write began at %s; see %s", branch, j.Old, r.journalPath())
			}
			if err := r.restoreFiles(j.Files, false, rc); err != nil {
				return nil, err
			}
			rc.Done = "undid"
		default:
			// The branch moved on to a commit the journal does not know: a
			// git command ran since. Its files are left alone.
			rc.Done = "left alone (the branch has moved on since)"
		}
	}
	if err := r.removeJournal(); err != nil {
		return nil, err
	}
	return rc, nil
}

// releaseStaleLock removes a git lock file the dead writer took: one
// created after its journal was. A git command's lock file is short-lived,
// so one that stays past a short wait is not a git command's at work.
func (r *Repo) releaseStaleLock(path string, started time.Time) {
	deadline := time.Now().Add(staleLockWait)
	for {
		fi, err := os.Stat(path)
		if err != nil {
			return // gone, or never taken
		}
		if fi.ModTime().Before(started.Add(-time.Second)) {
			return // older than the write: not its lock
		}
		if time.Now().After(deadline) {
			os.Remove(path)
			return
		}
		time.Sleep(indexLockPoll)
	}
}

// staleLockWait is how long recover lets a lock file live that might be a
// git command's before it takes it for the dead writer's.
const staleLockWait = 500 * time.Millisecond

// restoreFiles writes each file's new content (forward) or old content
// from its blob, or removes it where that side is absent, and removes the
// temporary files an interrupted atomic write may have left beside it.
func (r *Repo) restoreFiles(files []journalFile, forward bool, rc *Recovery) error {
	tx := &worktreeTx{root: r.root}
	for _, f := range files {
		want, mode := f.Old, fs.FileMode(f.Mode)
		if forward {
			want, mode = f.New, 0o644
		}
		if mode == 0 {
			mode = 0o644
		}
		abs := filepath.Join(r.root, filepath.FromSlash(f.Path))
		removeTemps(abs)
		var err error
		if want == "" {
			err = tx.remove(f.Path)
		} else {
			var data []byte
			if data, err = r.readRaw(plumbing.BlobObject, plumbing.NewHash(want)); err == nil {
				if err = tx.mkdirs(parentDir(f.Path)); err == nil {
					err = atomicfile.WriteFile(abs, data, mode)
				}
			}
		}
		if err != nil {
			return fmt.Errorf("recover %s: %w", f.Path, err)
		}
		rc.Files = append(rc.Files, f.Path)
	}
	return nil
}

// removeTemps removes the hidden temporary files atomicfile.WriteFile
// makes for path (".NAME.*.tmp"), which a kill may leave.
func removeTemps(path string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp"))
	for _, m := range matches {
		os.Remove(m)
	}
}

// reindex makes the index entries of files match the work tree and the
// branch after a roll forward, under index.lock as a commit does.
func (r *Repo) reindex(files []journalFile) error {
	idxLock, err := lockIndex(r.gitDir)
	if err != nil {
		return err
	}
	done := false
	defer func() {
		idxLock.Close()
		if !done {
			os.Remove(idxLock.Name())
		}
	}()
	indexPath := filepath.Join(r.gitDir, "index")
	idx, err := readIndex(indexPath)
	if err != nil {
		return fmt.Errorf("recover: read index: %w", err)
	}
	var updates []indexUpdate
	for _, f := range files {
		if f.New == "" {
			updates = append(updates, indexUpdate{path: f.Path})
			continue
		}
		fi, err := os.Lstat(filepath.Join(r.root, filepath.FromSlash(f.Path)))
		if err != nil {
			return fmt.Errorf("recover: %w", err)
		}
		e := idx.newEntry(f.Path, plumbing.NewHash(f.New), statFromInfo(fi), fi.Mode().Perm()&0o100 != 0)
		updates = append(updates, indexUpdate{path: f.Path, entry: &e})
	}
	idx.smudgeRacy(r.root)
	idx.apply(updates)
	if err := idx.writeTo(idxLock); err != nil {
		return fmt.Errorf("recover: write index: %w", err)
	}
	if err := idxLock.Sync(); err != nil {
		return fmt.Errorf("recover: write index: %w", err)
	}
	if err := idxLock.Close(); err != nil {
		return fmt.Errorf("recover: write index: %w", err)
	}
	if err := os.Rename(idxLock.Name(), indexPath); err != nil {
		return fmt.Errorf("recover: replace index: %w", err)
	}
	done = true
	return nil
}

// Recover finishes or undoes the write a killed caseplan process left
// unfinished, if there is one, and says what it did (nil when there was
// nothing). Writes do this themselves when they take the store lock; a
// reader calls it before it reads, so it never reads half a write. It
// waits for the store lock only when a journal is there.
func (r *Repo) Recover(wait time.Duration) (*Recovery, error) {
	if _, err := os.Stat(r.journalPath()); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	unlock, err := r.Lock(wait)
	if err != nil {
		return nil, err
	}
	defer unlock()
	return r.TakeRecovery(), nil
}

// TakeRecovery returns what the last taking of the store lock recovered
// (nil when nothing), once: the caller says it to the person.
func (r *Repo) TakeRecovery() *Recovery {
	rc := r.recovered
	r.recovered = nil
	return rc
}

// oldContent stores the work tree's current content of each changed file
// as a blob, so a rolled-back write can put it back even when it was a
// hand edit never committed.
func (r *Repo) oldContent(changes []Change, blobs map[string]plumbing.Hash) ([]journalFile, error) {
	files := make([]journalFile, 0, len(changes))
	for _, c := range changes {
		f := journalFile{Path: c.Path}
		if h, ok := blobs[c.Path]; ok {
			f.New = h.String()
		}
		abs := filepath.Join(r.root, filepath.FromSlash(c.Path))
		fi, err := os.Lstat(abs)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, err
		case fi.Mode().IsRegular():
			data, err := os.ReadFile(abs)
			if err != nil {
				return nil, err
			}
			h, err := r.writeLoose(plumbing.BlobObject, data)
			if err != nil {
				return nil, err
			}
			f.Old, f.Mode = h.String(), uint32(fi.Mode().Perm())
		}
		files = append(files, f)
	}
	return files, nil
}

// PendingWrite reports whether the store at root has a write a killed
// caseplan process left unfinished (a journal), without opening the
// repository: it is what every command asks first, so it costs one stat.
func PendingWrite(root string) bool {
	gitDir, _, err := findGitDirs(root)
	if err != nil {
		return false
	}
	_, err = os.Stat(filepath.Join(gitDir, "caseplan", journalName))
	return err == nil
}

// ReadState returns the content of the clone's state file name (in
// StateDir), or nil when there is none.
func (r *Repo) ReadState(name string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(r.StateDir(), name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// WriteState replaces the clone's state file name atomically.
func (r *Repo) WriteState(name string, data []byte) error {
	if err := os.MkdirAll(r.StateDir(), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(r.StateDir(), name), data, 0o644)
}
