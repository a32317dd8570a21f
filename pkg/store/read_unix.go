//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// readRegular reads the regular file at p, which an lstat moments ago
// found size bytes long, in three system calls where os.ReadFile makes
// six (it also stats the file, registers it with the poller and reads
// once more to see the end): a whole-store read opens 250,000 files, on
// machines where a system call is dear. The file is opened without
// following a link and without blocking, so a file swapped for a link or
// a named pipe since the lstat is an error, never a read outside the
// store or a hang.
//
// The data goes into buf when it fits (buf's length is ignored), else into
// a new slice.
func readRegular(p string, size int64, buf []byte) ([]byte, error) {
	fd, err := openPlain(p)
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	return readFD(p, fd, size, buf)
}

// openPlain opens p to read, without following a link and without
// blocking.
func openPlain(p string) (int, error) {
	for {
		fd, err := syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return -1, &os.PathError{Op: "open", Path: p, Err: err}
		}
		return fd, nil
	}
}

// readListed reads the file at p, which a listing of its directory (its
// d_type) said is a regular file: it is opened first, without following a
// link and without blocking, and looked at through the open descriptor
// (an fstat walks no path, where the lstat readRegular follows walks the
// whole of it). What is not a regular file by then is refused unread; a
// link gives errLinked, for the caller to read it the careful way. exec
// says the file's executable bit is set, from the same fstat.
func readListed(p string, buf []byte) (data []byte, exec bool, err error) {
	fd, err := openPlain(p)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, false, errLinked
		}
		return nil, false, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	for {
		err = syscall.Fstat(fd, &st)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, false, &os.PathError{Op: "fstat", Path: p, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, false, ErrNotRegular
	}
	if st.Size > MaxRead {
		return nil, false, &TooLargeError{Size: st.Size}
	}
	data, err = readFD(p, fd, st.Size, buf)
	return data, st.Mode&0o111 != 0, err
}

// readFD reads the open file fd, of size bytes as far as its caller knows.
func readFD(p string, fd int, size int64, buf []byte) ([]byte, error) {
	if int64(cap(buf)) < size+1 {
		buf = make([]byte, 0, size+1)
	}
	buf = buf[:0]
	for {
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: p, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) == size {
			// All the lstat promised, in one read: the end of the file
			// (the one byte to spare shows a file that grew since).
			return buf, nil
		}
		if int64(len(buf)) > MaxRead {
			return nil, &TooLargeError{Name: p, Size: int64(len(buf))}
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}
