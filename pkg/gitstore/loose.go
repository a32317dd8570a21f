package gitstore

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// objectStore is the repository's storage, reading objects faster than
// go-git and from several goroutines at once.
//
// Packed objects are read by packs (packread.go). Loose objects, which is
// how caseplan's own commits leave them until they are packed, are read
// here: go-git hashes every loose object it reads with a
// collision-detecting SHA-1 and copies it through a small buffer (reading
// the 370 KB cases/ tree of a 10,000-case store took about 10 ms, so a
// verify of 100 loose commits spent a second on it); here a loose object
// is inflated straight into a buffer of its size. Like git, which checks
// object hashes only in git fsck, both trust that an object is what its
// name says. What neither can read goes to go-git, one read at a time,
// which reads it or says why not.
//
// It also survives a repack by another process (git gc, caseplan gc):
// packs lists the packs again when objects/pack changed, and go-git, which
// lists them once, would say "not found" for an object moved from a loose
// file or an old pack into a new pack for the rest of the command; so when
// an object is missing and objects/pack has changed since, go-git's packs
// are listed again and the object looked for once more.
type objectStore struct {
	*filesystem.Storage
	objects string // the objects directory
	packs   *packs
	// gitDir and commonDir are the Repo's (see Repo), where refs and the
	// config are written (refs.go).
	gitDir, commonDir string
	// afterRefLock, when set by a test, runs when a ref write holds the
	// ref's lock file, named.
	afterRefLock func(lock string)

	mu sync.Mutex // around go-git's reads

	damageMu sync.Mutex
	damage   *DamagedObjectError // the last, until lastDamage
	// packsSeen is objects/pack's modification time when the packs were
	// last listed again; zero until then.
	packsSeen time.Time
}

func newObjectStore(st *filesystem.Storage, gitDir, commonDir string) *objectStore {
	objects := filepath.Join(commonDir, "objects")
	return &objectStore{Storage: st, objects: objects, packs: newPacks(filepath.Join(objects, "pack")), gitDir: gitDir, commonDir: commonDir}
}

// DamagedObjectError says an object the repository holds could not be
// read: its file or pack is damaged (git fsck says more). Only an object
// that is missing is plumbing.ErrObjectNotFound.
type DamagedObjectError struct {
	Hash plumbing.Hash
	Err  error
}

func (e *DamagedObjectError) Error() string {
	return fmt.Sprintf("git object %s cannot be read (the repository is damaged): %v", e.Hash, e.Err)
}

func (e *DamagedObjectError) Unwrap() error { return e.Err }

// EncodedObject returns the object h, of type t unless t is AnyObject. An
// object that exists but cannot be read is a *DamagedObjectError, also
// kept for lastDamage: go-git's revision parser turns every error into
// "reference not found".
func (s *objectStore) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	o, err := s.encodedObject(t, h)
	if err != nil && !errors.Is(err, plumbing.ErrObjectNotFound) {
		var d *DamagedObjectError
		if !errors.As(err, &d) {
			d = &DamagedObjectError{Hash: h, Err: err}
		}
		s.damageMu.Lock()
		s.damage = d
		s.damageMu.Unlock()
		return nil, d
	}
	return o, err
}

// lastDamage returns the last *DamagedObjectError EncodedObject returned
// and forgets it; nil when there was none.
func (s *objectStore) lastDamage() error {
	s.damageMu.Lock()
	defer s.damageMu.Unlock()
	d := s.damage
	s.damage = nil
	if d == nil {
		return nil
	}
	return d
}

func (s *objectStore) encodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	if typ, data, err := s.packs.object(h); err == nil {
		if t != plumbing.AnyObject && typ != t {
			return nil, plumbing.ErrObjectNotFound // as go-git answers
		}
		return &rawObject{hash: h, typ: typ, data: data}, nil
	}
	o, err := readLooseObject(s.objects, h)
	if errors.Is(err, fs.ErrNotExist) {
		s.mu.Lock()
		defer s.mu.Unlock()
		obj, err := s.Storage.EncodedObject(t, h)
		if errors.Is(err, plumbing.ErrObjectNotFound) && s.packsChanged() {
			s.Storage.Reindex()
			if o, lerr := readLooseObject(s.objects, h); lerr == nil && (t == plumbing.AnyObject || o.typ == t) {
				return o, nil
			}
			obj, err = s.Storage.EncodedObject(t, h)
		}
		return obj, err
	}
	if err != nil {
		return nil, err
	}
	if t != plumbing.AnyObject && o.typ != t {
		return nil, plumbing.ErrObjectNotFound // as go-git answers
	}
	return o, nil
}

// packsChanged reports whether objects/pack changed since the packs were
// last listed again (or, the first time, whether it exists at all).
func (s *objectStore) packsChanged() bool {
	fi, err := os.Stat(filepath.Join(s.objects, "pack"))
	if err != nil || fi.ModTime().Equal(s.packsSeen) {
		return false
	}
	s.packsSeen = fi.ModTime()
	return true
}

var zlibReaders sync.Pool

// readLooseObject reads the loose object h from the objects directory.
func readLooseObject(objects string, h plumbing.Hash) (*rawObject, error) {
	hex := h.String()
	f, err := os.Open(filepath.Join(objects, hex[:2], hex[2:]))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := openZlib(bufio.NewReaderSize(f, 32<<10))
	if err != nil {
		return nil, fmt.Errorf("loose object %s: %w", hex, err)
	}
	defer zlibReaders.Put(zr)
	// The header, "<type> <size>\x00", is short.
	var hdr [32]byte
	n := 0
	for {
		if n == len(hdr) {
			return nil, fmt.Errorf("loose object %s: bad header", hex)
		}
		if _, err := io.ReadFull(zr, hdr[n:n+1]); err != nil {
			return nil, fmt.Errorf("loose object %s: %w", hex, err)
		}
		if hdr[n] == 0 {
			break
		}
		n++
	}
	typName, sizeText, ok := bytes.Cut(hdr[:n], []byte(" "))
	size, err := strconv.ParseInt(string(sizeText), 10, 64)
	if !ok || err != nil || size < 0 {
		return nil, fmt.Errorf("loose object %s: bad header", hex)
	}
	typ, err := plumbing.ParseObjectType(string(typName))
	if err != nil {
		return nil, fmt.Errorf("loose object %s: %w", hex, err)
	}
	data, err := readInflated(zr, size)
	if err != nil {
		return nil, fmt.Errorf("loose object %s: %w", hex, err)
	}
	return &rawObject{hash: h, typ: typ, data: data}, nil
}

// openZlib returns a zlib reader of r from the pool; the caller puts it
// back in zlibReaders.
func openZlib(r io.Reader) (io.ReadCloser, error) {
	if v := zlibReaders.Get(); v != nil {
		zr := v.(io.ReadCloser)
		return zr, zr.(zlib.Resetter).Reset(r, nil)
	}
	return zlib.NewReader(r)
}

// readInflated reads an object's size bytes from zr, and checks that the
// stream ends there, where its checksum is checked, as git checks it. A
// size is allocated whole up to 1 MiB; beyond, the buffer grows with what
// the data gives, so a damaged header costs no gigabytes.
func readInflated(zr io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, min(size, 1<<20))
	for int64(len(data)) < size {
		if len(data) == cap(data) {
			data = slices.Grow(data, int(min(size-int64(len(data)), int64(len(data)))))
		}
		n, err := zr.Read(data[len(data):min(int64(cap(data)), size)])
		data = data[:len(data)+n]
		if err == io.EOF && int64(len(data)) < size {
			return nil, io.ErrUnexpectedEOF
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
	}
	var one [1]byte
	if n, err := zr.Read(one[:]); n != 0 || err != io.EOF {
		if err == nil || err == io.EOF {
			err = errors.New("more data than its header says")
		}
		return nil, err
	}
	return data, nil
}

// rawObject is an object read whole, for reading only.
type rawObject struct {
	hash plumbing.Hash
	typ  plumbing.ObjectType
	data []byte
}

func (o *rawObject) Hash() plumbing.Hash           { return o.hash }
func (o *rawObject) Type() plumbing.ObjectType     { return o.typ }
func (o *rawObject) SetType(t plumbing.ObjectType) { o.typ = t }
func (o *rawObject) Size() int64                   { return int64(len(o.data)) }
func (o *rawObject) SetSize(int64)                 {}
func (o *rawObject) Reader() (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(o.data)), nil
}
func (o *rawObject) Writer() (io.WriteCloser, error) {
	return nil, errors.New("an object read from the repository cannot be written")
}
