// Package atomicfile replaces a file's content in one step, so that a reader
// of the file, or the machine after a crash, sees its old content or its new
// content, never a mix of the two: half a record in the store's work tree,
// half a report written with --out, half a calendar a calendar program is
// subscribed to.
package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to path with the permissions perm, atomically: it
// writes a temporary file in path's own directory (a rename is atomic only
// within one file system), syncs it to disk and renames it over path. The
// temporary file is hidden and named after path (".NAME.*.tmp"), so one left
// by a killed process says what it was for. On an error the temporary file
// is removed and path is as it was.
//
// perm is set as given, whatever the umask, and whether or not path exists.
func WriteFile(path string, data []byte, perm fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		// The temporary file's name means nothing to the person who named
		// path: say what is wrong with the directory they named.
		if pe, ok := err.(*fs.PathError); ok {
			return &fs.PathError{Op: "create a file in", Path: dir, Err: pe.Err}
		}
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	// CreateTemp makes the file 0600; records, reports and calendars are
	// shared like any other file.
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// WriteOutput writes data to path, a file a person named for a command's
// output (report --out, due --ics): atomically, as WriteFile does, when
// path is a regular file or is not there yet; straight into it when path
// is anything else that takes writes — /dev/null, /dev/stdout, a terminal,
// a named pipe a script reads from, a symbolic link to a file. A rename
// would put a regular file in its place: as root, /dev/null itself would
// become one, breaking every program on the machine; as anyone else the
// rename is refused (/dev is not theirs), and a link the office set up
// ("latest.html") would be cut. Such a write is not atomic; none of those
// can be replaced in one step anyway.
func WriteOutput(path string, data []byte, perm fs.FileMode) error {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode().IsRegular() || fi.IsDir() {
		return WriteFile(path, data, perm)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
