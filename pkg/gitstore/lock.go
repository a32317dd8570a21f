package gitstore

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// LockFileName is the store's process lock, inside the git directory so it is
// never part of the work tree or of a commit.
const LockFileName = "caseplan.lock"

// DefaultLockWait is how long Commit waits for another caseplan process to
// finish its write.
const DefaultLockWait = 60 * time.Second

// NoLockWait is the lock wait that does not wait: Lock tries the lock
// once. The options that take a wait read zero as DefaultLockWait, so "do
// not wait" needs a value of its own.
const NoLockWait time.Duration = -1

// LockNoticeAfter is how long Lock waits quietly before OnLockWait is
// told.
const LockNoticeAfter = time.Second

// LockedError reports that the store's lock was not free within the wait.
// errors.Is(err, ErrLocked) is true for it.
type LockedError struct {
	Path   string        // the lock file
	Waited time.Duration // how long Lock waited
	PID    int           // the process holding it, when it said; 0 when not known
	NoWait bool          // Lock was asked not to wait (NoLockWait)
}

func (e *LockedError) Error() string {
	by := ""
	if e.PID > 0 {
		by = fmt.Sprintf(", held by caseplan process %d", e.PID)
	}
	if e.NoWait {
		return fmt.Sprintf("%s (%s%s; not waiting for it)", ErrLocked, e.Path, by)
	}
	return fmt.Sprintf("%s (waited %s for %s%s)", ErrLocked, e.Waited.Round(time.Millisecond), e.Path, by)
}

// holder reads the process ID the lock's holder wrote into the lock file;
// 0 when there is none.
func holder(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil {
		return 0
	}
	return pid
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// Lock takes the store's process lock (an advisory lock on
// .git/caseplan.lock), waiting up to timeout for another process to release
// it, and returns the function that releases it. On timeout the error is a
// *LockedError. A timeout of zero or less (NoLockWait) tries the lock
// once.
//
// The lock is re-entrant for this Repo, so a caller may hold it across its
// own reads and a Commit. It does not keep the git CLI out; the git CLI's own
// .lock files do that (see Commit).
func (r *Repo) Lock(timeout time.Duration) (unlock func(), err error) {
	if r.lockDepth > 0 {
		r.lockDepth++
		return r.unlockOnce(), nil
	}
	path := filepath.Join(r.gitDir, LockFileName)
	// The lock file is never removed: removing a file another process is
	// about to lock would let two processes hold "the" lock at once.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, fmt.Errorf("lock store: %w", err)
	}
	start := time.Now()
	delay := 2 * time.Millisecond
	told := false
	for {
		ok, err := tryLockFile(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock store: %s: %w", path, err)
		}
		if ok {
			break
		}
		waited := time.Since(start)
		if waited >= timeout {
			pid := holder(f)
			f.Close()
			return nil, &LockedError{Path: path, Waited: waited, PID: pid, NoWait: timeout <= 0}
		}
		if !told && waited >= LockNoticeAfter && r.OnLockWait != nil {
			// A wait is silent at first (the holder is usually a write of a
			// few milliseconds), then said once: who holds the lock, and
			// how long caseplan will wait.
			told = true
			r.OnLockWait(holder(f), timeout)
		}
		// Back off so a long wait does not spin, but stay short so the next
		// writer starts soon after the first finishes.
		time.Sleep(min(delay, timeout-waited))
		delay = min(delay*2, 50*time.Millisecond)
	}
	r.lock = f
	r.lockDepth = 1
	// The holder writes its process ID into the lock file, so a process
	// that waits can say who it waits for.
	_ = writeAndSync(f, []byte(strconv.Itoa(os.Getpid())+"\n"))
	unlock = r.unlockOnce()
	// Holding the lock, this process is the only caseplan writer: a
	// journal left now is a dead writer's, to finish or undo first.
	rc, err := r.recover()
	if err != nil {
		unlock()
		return nil, err
	}
	if rc != nil {
		r.recovered = rc
	}
	return unlock, nil
}

// unlockOnce returns a release function that is safe to call twice.
func (r *Repo) unlockOnce() func() {
	done := false
	held := r.lock
	return func() {
		if done || r.lock != held || r.lock == nil {
			return
		}
		done = true
		r.lockDepth--
		if r.lockDepth == 0 {
			// The process ID goes first: the next holder writes its own
			// only after it has the lock, and a process waiting on it
			// meanwhile must not name this one, gone by then.
			_ = r.lock.Truncate(0)
			// Closing the descriptor releases the lock.
			_ = r.lock.Close()
			r.lock = nil
		}
	}
}
