// Package storetest is for tests of the packages that read a store: a store
// held in memory, written as a map literal of the files it holds, and the
// helpers that load such fixtures. No command imports it.
package storetest

import (
	"io/fs"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/store"
)

// MemStore is a store.Source held in memory: repository-relative path ->
// file content. Directories are implied by the paths below them.
type MemStore map[string]string

// ReadFile returns name's content, or fs.ErrNotExist.
func (m MemStore) ReadFile(name string) ([]byte, error) {
	if s, ok := m[name]; ok {
		return []byte(s), nil
	}
	return nil, fs.ErrNotExist
}

// List lists dir's entries sorted by name: the files directly in it and
// the directories the deeper paths imply. A missing dir lists nothing.
func (m MemStore) List(dir string) ([]store.Entry, error) {
	seen := map[string]store.Entry{}
	for p, s := range m {
		rest, ok := strings.CutPrefix(p, dir+"/")
		if !ok {
			continue
		}
		name, _, isDir := strings.Cut(rest, "/")
		e := store.Entry{Name: name, IsDir: isDir}
		if !isDir {
			e.Size = int64(len(s))
		}
		seen[name] = e
	}
	var out []store.Entry
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Load loads src and fails the test if it cannot, or if any record does
// not load cleanly: a fixture that is not what it claims proves nothing.
func Load(t testing.TB, src store.Source) *casefile.Snapshot {
	t.Helper()
	snap, loaded, err := store.Load(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range loaded {
		t.Fatalf("fixture does not load: %s", f)
	}
	return snap
}

// Day is the date s (YYYY-MM-DD) at midnight UTC. It panics on anything
// else: fixtures' dates are constants, and a typo must not pass as a date.
func Day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}
