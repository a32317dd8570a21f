package gitstore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage"
)

// lockRef takes git's lock on the ref file refPath: it creates
// refPath.lock exclusively, making the directories it needs. A lock
// that exists is a git command's at work, and is waited for a moment, as
// git itself waits for a ref lock (core.filesRefLockTimeout) and caseplan
// for the index's: git gc's pack-refs, for one, holds every branch's lock
// in turn while it packs them. A lock still there after refLockWait is
// an error that is fs.ErrExist.
func lockRef(refPath string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(refPath), 0o755); err != nil {
		return nil, err
	}
	deadline := time.Now().Add(refLockWait)
	for {
		f, err := os.OpenFile(refPath+".lock", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil || !errors.Is(err, fs.ErrExist) || time.Now().After(deadline) {
			return f, err
		}
		time.Sleep(indexLockPoll)
	}
}

// refLockWait is how long lockRef waits for a git command's ref lock.
const refLockWait = indexLockWait

// go-git writes a ref by truncating its file and writing the new value
// in place, and the config likewise. A process killed in between (a sync
// stopped by Ctrl-C, a machine that went down) left an empty file: git
// calls an empty ref broken, and go-git refuses to list the refs at all
// past one ("ref file is empty"), so every later sync of the store
// failed. Every ref and config write through the store's storage —
// caseplan's own and go-git's, a fetch's included — is therefore done as
// git does it, under the same lock git takes: the new content is written
// to NAME.lock, synced and renamed over NAME, so the file holds the old
// value or the new, and a git command updating the same ref at the same
// moment is waited for rather than overwritten.

// SetReference writes ref (see above).
func (s *objectStore) SetReference(ref *plumbing.Reference) error {
	return s.writeRef(ref, nil)
}

// CheckAndSetReference writes ref if the ref of its name still points
// where old does (nil: whatever it points at), as go-git's does.
func (s *objectStore) CheckAndSetReference(ref, old *plumbing.Reference) error {
	return s.writeRef(ref, old)
}

func (s *objectStore) writeRef(ref, old *plumbing.Reference) error {
	name := ref.Name()
	if name != plumbing.HEAD {
		if err := name.Validate(); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	var content string
	switch ref.Type() {
	case plumbing.SymbolicReference:
		content = "ref: " + ref.Target().String() + "\n"
	case plumbing.HashReference:
		content = ref.Hash().String() + "\n"
	default:
		return fmt.Errorf("write %s: invalid reference", name)
	}
	dir := s.commonDir
	if perWorktreeRef(name) {
		dir = s.gitDir
	}
	path := filepath.Join(dir, filepath.FromSlash(name.String()))
	done, err := s.journalLock(path+".lock", "an update of "+name.String())
	if err != nil {
		return err
	}
	defer done()
	f, err := lockRef(path)
	if errors.Is(err, fs.ErrExist) {
		return &GitLockError{Path: path + ".lock", What: refWhat(name)}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if s.afterRefLock != nil {
		s.afterRefLock(f.Name())
	}
	if old != nil {
		cur, err := s.Storage.Reference(name)
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			return err
		}
		if cur.Hash() != old.Hash() {
			f.Close()
			os.Remove(f.Name())
			return storage.ErrReferenceHasChanged
		}
	}
	return replaceLocked(f, path, []byte(content))
}

// refWhat is what the lock of ref locks, in words.
func refWhat(ref plumbing.ReferenceName) string {
	if ref.IsBranch() {
		return "branch " + ref.String()
	}
	return "ref " + ref.String()
}

// perWorktreeRef reports whether ref belongs to one work tree (HEAD, and
// git's refs/worktree/, refs/bisect/ and refs/rewritten/) rather than to
// the repository's common directory.
func perWorktreeRef(ref plumbing.ReferenceName) bool {
	s := ref.String()
	return !strings.HasPrefix(s, "refs/") || strings.HasPrefix(s, "refs/worktree/") ||
		strings.HasPrefix(s, "refs/bisect/") || strings.HasPrefix(s, "refs/rewritten/")
}

// replaceLocked writes data to the lock file f of path, syncs it and
// renames it over path; on failure the lock file is removed and path is
// as it was.
func replaceLocked(f *os.File, path string, data []byte) error {
	err := writeAndSync(f, data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// SetConfig writes the repository's config (see above): go-git's
// truncates .git/config and writes it in place.
func (s *objectStore) SetConfig(cfg *config.Config) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	data, err := cfg.Marshal()
	if err != nil {
		return err
	}
	path := filepath.Join(s.commonDir, "config")
	done, err := s.journalLock(path+".lock", "an update of the git config")
	if err != nil {
		return err
	}
	defer done()
	f, err := lockRef(path)
	if errors.Is(err, fs.ErrExist) {
		return &GitLockError{Path: path + ".lock", What: "git config"}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return replaceLocked(f, path, data)
}

// journalLock records, in the write journal (journal.go), that this
// process is about to take the lock file lock, so that if it is killed
// holding it the next caseplan process removes it rather than stop at
// it; done removes the record. A journal that is there already (only a
// process without the store lock, such as a clone under way, can meet a
// dead writer's) is left as it is, for the process that recovers it.
func (s *objectStore) journalLock(lock, action string) (done func(), err error) {
	stateDir := filepath.Join(s.gitDir, "caseplan")
	if _, err := os.Stat(filepath.Join(stateDir, journalName)); err == nil {
		return func() {}, nil
	}
	j := &journal{PID: os.Getpid(), Started: time.Now(), Phase: "lock", Action: action, Locks: []string{lock}}
	if err := writeJournalIn(stateDir, j); err != nil {
		return nil, err
	}
	return func() { removeJournalIn(stateDir) }, nil
}
