//go:build unix

package gitstore

import (
	"fmt"
	"os"
	"syscall"
)

// mapFile maps the file at path into memory, as git maps its pack
// indexes: a lookup touches a few pages of an index that is 15 MB at
// 10,000 cases, where reading it whole took a tenth of a note add. git
// never changes a pack index or the index in place (it writes a new file
// and renames it), so the mapping stays what was read. With private, the
// mapping may be written to, and the writes stay in memory (copy on
// write); else it is read-only. unmap releases it, and nothing may read
// data, or any slice of it, after.
func mapFile(path string, private bool) (data []byte, unmap func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := fi.Size()
	if size == 0 || int64(int(size)) != size {
		// Nothing to map (and a mapping cannot be empty), or too large:
		// the caller's checks refuse it.
		data, err := os.ReadFile(path)
		return data, func() {}, err
	}
	prot, flags := syscall.PROT_READ, syscall.MAP_SHARED
	if private {
		prot, flags = syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(size), prot, flags)
	if err != nil {
		return nil, nil, fmt.Errorf("map %s: %w", path, err)
	}
	return data, func() { _ = syscall.Munmap(data) }, nil
}
