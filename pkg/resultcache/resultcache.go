// Package resultcache keeps the results of a stage of caseplan's data flow
// on disk between runs, each under a key made from everything the result
// depends on: the bytes of the files it was computed from (by their git
// hashes) and the stage's other inputs (DESIGN.md §7). A key that matches
// is a result that would be computed again, byte for byte, so an
// unchanged store is checked or reported on without being read.
//
// The cache is per clone, under .git/caseplan/cache/, never in tracked
// files. It is an optimisation and nothing else: a file that is missing,
// unreadable, corrupt (its checksum does not match) or written by another
// caseplan (another build, another version of the rules and schemas) is
// treated as empty and replaced on the next save; a save that fails leaves
// the command's result as it was. It holds only what caseplan computes
// from plain record files — findings, report rows — never the content of
// a sealed file.
package resultcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/caseplan/caseplan/pkg/atomicfile"
)

// magic starts every cache file; the number changes with the file format.
const magic = "caseplan/resultcache 2\n"

// Key names one result: a hash of everything it depends on.
type Key [sha256.Size]byte

// NewKey hashes parts, each length-prefixed so that no two lists of parts
// give the same key.
func NewKey(parts ...[]byte) Key {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	for _, p := range parts {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(p)))])
		h.Write(p)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// Cache is one stage's results as read from its file, and the results of
// this run. It is safe for use by several goroutines.
type Cache struct {
	path    string
	version string

	mu      sync.Mutex
	old     map[Key]entry  // as read
	now     map[Key][]byte // used or computed in this run
	earlier int            // entries of old that the last run did not use
	changed bool
	// Problem says why the file on disk was not used, when it existed
	// but was corrupt or of another version; nil otherwise.
	Problem error
}

// entry is a result as read, and whether the last run used it (or only
// the run before).
type entry struct {
	v       []byte
	earlier bool
}

// ErrOtherVersion says a cache file was written by another caseplan.
var ErrOtherVersion = errors.New("written by another caseplan")

// Open reads the cache file at path, written by the caseplan whose build
// and rules version says (see Identity). It never fails: whatever cannot
// be used counts as empty, and Problem says why.
func Open(path, version string) *Cache {
	c := &Cache{path: path, version: version, old: map[Key]entry{}, now: map[Key][]byte{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return c
	}
	old, err := decode(data, version)
	if err != nil {
		c.Problem = err
		c.changed = true // replace it on the next save
		return c
	}
	c.old = old
	for _, e := range old {
		if e.earlier {
			c.earlier++
		}
	}
	return c
}

// decode parses a cache file: the magic line, the version line, then
// entries (a key, a byte that is 1 when the last run did not use the
// entry, a length as a uvarint, the value), then the SHA-256 of
// everything before it.
func decode(data []byte, version string) (map[Key]entry, error) {
	if len(data) < len(magic)+sha256.Size || string(data[:len(magic)]) != magic {
		return nil, errors.New("not a result cache file")
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, errors.New("checksum mismatch: the file is damaged")
	}
	rest := body[len(magic):]
	line, rest, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil, errors.New("no version line")
	}
	if string(line) != version {
		return nil, ErrOtherVersion
	}
	out := map[Key]entry{}
	for len(rest) > 0 {
		if len(rest) < sha256.Size+1 {
			return nil, io.ErrUnexpectedEOF
		}
		var k Key
		copy(k[:], rest)
		earlier := rest[sha256.Size]
		if earlier > 1 {
			return nil, errors.New("bad entry")
		}
		rest = rest[sha256.Size+1:]
		n, w := binary.Uvarint(rest)
		if w <= 0 || uint64(len(rest)-w) < n {
			return nil, io.ErrUnexpectedEOF
		}
		out[k] = entry{v: rest[w : w+int(n) : w+int(n)], earlier: earlier == 1}
		rest = rest[w+int(n):]
	}
	return out, nil
}

// Empty reports whether the file held no result this run can use: there
// was none, or it could not be used.
func (c *Cache) Empty() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.old) == 0
}

// Get returns the result kept under k. The caller must not change it.
func (c *Cache) Get(k Key) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.now[k]; ok {
		return v, true
	}
	e, ok := c.old[k]
	if ok {
		c.now[k] = e.v
	}
	return e.v, ok
}

// Put keeps v under k.
func (c *Cache) Put(k Key, v []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now[k] = v
	c.changed = true
}

// Save writes this run's results — those used and those computed — to
// the file, atomically, with those the last run used and this one did
// not, and drops the others: the cache holds what the last two runs
// needed, so it never grows beyond two stores' worth, and a report of
// another month or commit in between does not cost the next run of the
// usual one its results. It writes nothing when the file already holds
// exactly those.
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.changed && c.earlier == 0 && len(c.now) == len(c.old) {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(magic)
	b.WriteString(c.version)
	b.WriteByte('\n')
	var n [binary.MaxVarintLen64]byte
	put := func(k Key, v []byte, earlier byte) {
		b.Write(k[:])
		b.WriteByte(earlier)
		b.Write(n[:binary.PutUvarint(n[:], uint64(len(v)))])
		b.Write(v)
	}
	next := make(map[Key]entry, len(c.now)+len(c.old))
	for k, v := range c.now {
		put(k, v, 0)
		next[k] = entry{v: v}
	}
	for k, e := range c.old {
		if _, used := c.now[k]; !used && !e.earlier {
			put(k, e.v, 1)
			next[k] = entry{v: e.v, earlier: true}
		}
	}
	sum := sha256.Sum256(b.Bytes())
	b.Write(sum[:])
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(c.path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write the cache %s: %w", c.path, err)
	}
	c.old, c.changed, c.earlier = next, false, len(next)-len(c.now)
	c.now = make(map[Key][]byte, len(c.old))
	return nil
}

var (
	exeOnce sync.Once
	exeHash string
)

// Identity is the version a cache is written for: build names the
// caseplan that runs (buildinfo's String), released says it names exactly
// one build (a release or a clean commit). A development build may run
// other code under the same name, so it adds a hash of its own executable:
// a cache is never read by code other than the code that wrote it.
func Identity(build string, released bool) string {
	if released {
		return build
	}
	exeOnce.Do(func() {
		p, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(p)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			exeHash = hex.EncodeToString(h.Sum(nil))
		}
	})
	if exeHash == "" {
		return "" // no identity: never matched (see Usable)
	}
	return build + " " + exeHash
}

// Usable reports whether a cache may be kept for version: a build that
// cannot say what it is keeps none.
func Usable(version string) bool { return version != "" }
