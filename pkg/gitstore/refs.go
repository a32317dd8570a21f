package gitstore

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
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
