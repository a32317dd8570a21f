// Package store reads a case store: it finds the store's root, lists and
// reads record files from the work tree or from a commit's tree, and loads
// them into parsed, typed records. It reports unreadable input as findings
// and never writes.
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
)

// Entry is one directory entry of a Source.
type Entry struct {
	Name  string
	IsDir bool
	// Size is the file's size where the source knows it without another
	// look (a tree's blob sizes, a link's target), and 0 otherwise: the
	// work tree's files are not stat'ed one by one to list them, since
	// ReadFile refuses a file over MaxRead from its size anyway.
	Size    int64
	Symlink bool
	// Executable says the source's listing found the file's executable
	// bit set (a commit's tree: mode 100755). The work tree's listing
	// does not say (its d_type has no mode bits): its reads do
	// (ModeReader), from the stat they make anyway.
	Executable bool
	// Regular says the listing found a regular file (the work tree's
	// d_type); false where the source does not say.
	Regular bool
}

// Source is where record files come from: the work tree, or a commit's tree
// read from git objects. Paths are slash-separated and repository-relative.
type Source interface {
	ReadFile(name string) ([]byte, error)
	List(dir string) ([]Entry, error)
}

// CommitOf returns the full hash of the commit src reads (a GitTree, or a
// Memo over one), or "" when src is the work tree: a record missing from
// a commit is not missing from the store.
func CommitOf(src Source) string {
	if c, ok := src.(interface{ Commit() string }); ok {
		return c.Commit()
	}
	return ""
}

// A Lender is a Source that can read a file into a buffer its caller
// lends it, to use again once it is done with the data: a whole-store read
// otherwise allocates, and zeroes, a buffer for each of 250,000 files,
// only to parse it once into values of their own.
type Lender interface {
	ReadFileInto(name string, buf []byte) ([]byte, error)
}

// A ListedReader is a Lender that can read a file its listing found a
// regular file at less cost (WorkTree.ReadListedInto).
type ListedReader interface {
	ReadListedInto(name string, buf []byte) ([]byte, error)
}

// A ModeReader is a ListedReader that also says whether the file it read
// has its executable bit set, from the stat the read makes anyway.
type ModeReader interface {
	ReadListedMode(name string, buf []byte) (data []byte, exec bool, err error)
}

// ReadListedMode reads name as ReadListedInto does, and says whether its
// executable bit is set when src is a ModeReader (false otherwise: the
// source's listing says, Entry.Executable).
func ReadListedMode(src Source, name string, buf []byte) ([]byte, bool, error) {
	if m, ok := src.(ModeReader); ok {
		return m.ReadListedMode(name, buf)
	}
	data, err := ReadListedInto(src, name, buf)
	return data, false, err
}

// ReadListedInto reads name, which src's List found a regular file, with
// src.ReadListedInto when src is a ListedReader, else as ReadFileInto.
func ReadListedInto(src Source, name string, buf []byte) ([]byte, error) {
	if l, ok := src.(ListedReader); ok {
		return l.ReadListedInto(name, buf)
	}
	return ReadFileInto(src, name, buf)
}

// ReadFileInto reads name from src into buf when src is a Lender (the
// data may then be in buf, to be used only until buf is used again), and
// with src.ReadFile otherwise.
func ReadFileInto(src Source, name string, buf []byte) ([]byte, error) {
	if l, ok := src.(Lender); ok {
		return l.ReadFileInto(name, buf)
	}
	return src.ReadFile(name)
}

// ErrOutsideStore is returned for a symbolic link whose target leaves the
// repository: following it would let a record file read anything on disk.
var ErrOutsideStore = errors.New("symbolic link points outside the store")

// WorkTree reads files from a directory on disk.
type WorkTree struct {
	root     string // absolute
	realRoot string // with symlinks resolved

	mu   sync.Mutex
	dirs map[string]string // resolved directories inside the store, by repository path
}

// NewWorkTree returns a Source reading under root.
func NewWorkTree(root string) (*WorkTree, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	return &WorkTree{root: abs, realRoot: real}, nil
}

// Root returns the absolute directory the work tree reads from.
func (w *WorkTree) Root() string { return w.root }

// ReadFile reads name. A symbolic link is followed only while its target
// stays inside the store. Anything but a regular file — a named pipe would
// block the read forever, a device would never end — is refused without
// being opened (ErrNotRegular), and so is a file larger than MaxRead
// (a *TooLargeError), before a byte of it is read.
func (w *WorkTree) ReadFile(name string) ([]byte, error) { return w.ReadFileInto(name, nil) }

// ReadFileInto is ReadFile, the data in buf when it fits (see Lender).
func (w *WorkTree) ReadFileInto(name string, buf []byte) ([]byte, error) {
	data, _, err := w.readFile(name, buf)
	return data, err
}

// readFile is ReadFileInto, and says whether the file's executable bit
// is set.
func (w *WorkTree) readFile(name string, buf []byte) ([]byte, bool, error) {
	p, fi, err := w.resolve(name)
	if err != nil {
		return nil, false, err
	}
	if fi == nil {
		if fi, err = os.Stat(p); err != nil {
			return nil, false, err
		}
	}
	if !fi.Mode().IsRegular() {
		return nil, false, fmt.Errorf("%s: %w", name, ErrNotRegular)
	}
	if fi.Size() > MaxRead {
		return nil, false, &TooLargeError{Name: name, Size: fi.Size()}
	}
	data, err := readRegular(p, fi.Size(), buf)
	if tl, ok := err.(*TooLargeError); ok {
		tl.Name = name // it grew past the limit while it was read
	}
	return data, fi.Mode().Perm()&0o111 != 0, err
}

// ReadListedInto is ReadFileInto of a file that List found a regular file
// (Entry.Regular) in a directory it resolved: the listing's word is taken
// for what the file is, and it is opened without the lstat of its whole
// path that ReadFile makes first, then looked at through the open file
// (see readListed). A file that became a link since is read the careful
// way, as ReadFile reads it.
func (w *WorkTree) ReadListedInto(name string, buf []byte) ([]byte, error) {
	data, _, err := w.ReadListedMode(name, buf)
	return data, err
}

// ReadListedMode is ReadListedInto, and says whether the file's
// executable bit is set (ModeReader), at no extra cost: the read stats
// the file anyway.
func (w *WorkTree) ReadListedMode(name string, buf []byte) ([]byte, bool, error) {
	if dir, base := path.Split(name); dir != "" && base != "" {
		w.mu.Lock()
		realDir, ok := w.dirs[strings.TrimSuffix(dir, "/")]
		w.mu.Unlock()
		if ok {
			data, exec, err := readListed(filepath.Join(realDir, base), buf)
			var tl *TooLargeError
			switch {
			case errors.Is(err, errLinked):
			case errors.Is(err, ErrNotRegular):
				return nil, false, fmt.Errorf("%s: %w", name, ErrNotRegular)
			case errors.As(err, &tl):
				tl.Name = name
				return nil, false, err
			default:
				return data, exec, err
			}
		}
	}
	return w.readFile(name, buf)
}

// errLinked says a file was a symbolic link when it was opened.
var errLinked = errors.New("a symbolic link")

// MaxRead is the largest file the work tree reads: the limit for a record
// (load.MaxFileSize). A larger file is refused from its size alone, so a
// gigabyte file costs no memory.
const MaxRead = load.MaxFileSize

// ErrNotRegular says a path of the store is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError says a file is larger than MaxRead; it was not read.
type TooLargeError struct {
	Name string
	Size int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: %d bytes, too large to read", e.Name, e.Size)
}

// List lists dir's entries sorted by name; a missing dir lists nothing.
func (w *WorkTree) List(dir string) ([]Entry, error) {
	p, _, err := w.resolve(dir)
	if err != nil {
		return nil, err
	}
	des, err := os.ReadDir(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	out := make([]Entry, 0, len(des))
	for _, de := range des {
		e := Entry{Name: de.Name(), IsDir: de.IsDir(), Symlink: de.Type()&fs.ModeSymlink != 0, Regular: de.Type().IsRegular()}
		if e.IsDir {
			// No link, in a directory resolved: resolved too (see
			// resolve), so that a look inside it costs one lstat.
			w.remember(path.Join(dir, e.Name), filepath.Join(p, e.Name))
		}
		if e.Symlink {
			if target, _, err := w.resolve(path.Join(dir, de.Name())); err == nil {
				if fi, err := os.Stat(target); err == nil {
					e.IsDir, e.Size = fi.IsDir(), fi.Size()
				}
			}
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// hasFile reports whether dir, a directory List found, has an entry
// named base that List would list as no directory (a link judged by its
// target), with one lstat instead of a listing of dir.
func (w *WorkTree) hasFile(dir, base string) (bool, error) {
	w.mu.Lock()
	realDir, ok := w.dirs[dir]
	w.mu.Unlock()
	if ok {
		fi, err := os.Lstat(filepath.Join(realDir, base))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return false, nil
		case err != nil:
			return false, err
		case fi.Mode()&fs.ModeSymlink == 0:
			return !fi.IsDir(), nil
		}
	}
	return hasFile(w, dir, base)
}

// resolve maps a repository-relative path to a file path, refusing any
// symbolic link along it that leads outside the store. A path whose
// directory was resolved before and which is no link itself costs one
// lstat, not one per component: a whole-store read resolves 250,000 paths.
// That lstat's result is returned too (nil when the path was resolved the
// slow way), so that the caller need not stat the file again.
//
// A directory found that way — no link, in a directory resolved before —
// is remembered as resolved too: a case's directory is resolved when it is
// listed, its notes/ when that is, and no path is ever resolved the slow
// way (an lstat of every component) but the first under cases/.
func (w *WorkTree) resolve(name string) (string, fs.FileInfo, error) {
	if dir, base := path.Split(name); dir != "" && base != "" {
		dir = strings.TrimSuffix(dir, "/")
		w.mu.Lock()
		realDir, ok := w.dirs[dir]
		w.mu.Unlock()
		if !ok {
			if d, err := w.resolveSlow(dir); err == nil {
				if fi, err := os.Stat(d); err == nil && fi.IsDir() {
					realDir, ok = d, true
					w.remember(dir, d)
				}
			}
		}
		if ok {
			p := filepath.Join(realDir, base)
			if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink == 0 {
				if fi.IsDir() {
					w.remember(name, p)
				}
				return p, fi, nil
			}
		}
	}
	p, err := w.resolveSlow(name)
	return p, nil, err
}

// remember records that the store's directory name is the directory real
// on disk, inside the store.
func (w *WorkTree) remember(name, real string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dirs == nil {
		w.dirs = map[string]string{}
	}
	w.dirs[name] = real
}

// resolveSlow resolves every component of name.
func (w *WorkTree) resolveSlow(name string) (string, error) {
	p := filepath.Join(w.root, filepath.FromSlash(name))
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if fi, lerr := os.Lstat(p); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
				return "", fmt.Errorf("%s: %w (a broken link)", name, ErrOutsideStore)
			}
			return p, nil // let the caller's read report it as missing
		}
		return "", err
	}
	if real != w.realRoot && !strings.HasPrefix(real, w.realRoot+string(filepath.Separator)) {
		return "", fmt.Errorf("%s: %w (%s)", name, ErrOutsideStore, real)
	}
	return real, nil
}

// Find returns the repository root of the store that contains dir: the
// nearest ancestor (or dir itself) holding cases/caseplan.yaml. A directory
// that is itself a cases/ directory (holding caseplan.yaml) names its parent.
// The search stops at the root of a git repository (a .git directory or
// file) that is no store.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if filepath.Base(abs) == layout.CasesDir && fileExists(filepath.Join(filepath.Dir(abs), filepath.FromSlash(layout.ConfigPath))) {
		return filepath.Dir(abs), nil
	}
	nf := &NotFoundError{Dir: abs}
	for d := abs; ; d = filepath.Dir(d) {
		if fileExists(filepath.Join(d, filepath.FromSlash(layout.ConfigPath))) {
			return d, nil
		}
		if nf.NoSettings == "" && dirExists(filepath.Join(d, layout.CasesDir)) {
			nf.NoSettings = d
		}
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			// A repository's root that is no store: a store around it is
			// another repository, which a command run here must not
			// write to (git's own search stops at the first .git too).
			nf.Repo = d
			return "", nf
		}
		if filepath.Dir(d) == d {
			return "", nf
		}
	}
}

// NotFoundError says no store was found at or above Dir. NoSettings is
// the nearest directory on the way up with a cases/ directory but no
// settings file in it — most likely a store whose settings file was
// removed — or "" when there is none. Repo is the root of the git
// repository, not a store, where the search stopped ("" when it went up
// to /).
type NotFoundError struct{ Dir, NoSettings, Repo string }

func (e *NotFoundError) Error() string {
	if e.NoSettings != "" {
		return fmt.Sprintf("the store settings file %s is missing from %s", layout.ConfigPath, e.NoSettings)
	}
	if e.Repo != "" {
		return fmt.Sprintf("no case store at or above %s: %s is a git repository without %s", e.Dir, e.Repo, layout.ConfigPath)
	}
	return fmt.Sprintf("no case store at or above %s (no %s found)", e.Dir, layout.ConfigPath)
}

func dirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}
