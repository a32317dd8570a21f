//go:build !unix && !windows

package gitstore

import (
	"errors"
	"os"
)

func tryLockFile(*os.File) (bool, error) {
	return false, errors.New("file locking is not supported on this platform")
}
