package gitstore

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// gitIndexRepo makes a repository with the git CLI alone, so its index is
// exactly what git writes.
func gitIndexRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	gitT(t, dir, "init", "-q")
	for _, p := range []string{"a.b", "a/x.yaml", "a-b/y.yaml", "cases/K1/notes/n1.yaml", "cases/K1/intake.yaml", "cases/K2/intake.yaml", "z"} {
		writeFile(t, dir, p, p+"\n")
	}
	gitT(t, dir, "add", "-A")
	// A path longer than the 12-bit name length field, in the index only
	// (no file system takes it).
	long := strings.TrimSuffix(strings.Repeat(strings.Repeat("d", 199)+"/", 22), "/")
	blob := strings.TrimSpace(gitT(t, dir, "rev-parse", ":z"))
	gitT(t, dir, "update-index", "--add", "--cacheinfo", "100644,"+blob+","+long)
	gitT(t, dir, "commit", "-q", "-m", "base")
	return dir
}

func TestIndexRoundTrip(t *testing.T) {
	for _, version := range []string{"2", "3", "4"} {
		t.Run("v"+version, func(t *testing.T) {
			dir := gitIndexRepo(t)
			if version == "3" {
				writeFile(t, dir, "new.yaml", "n\n")
				gitT(t, dir, "add", "-N", "new.yaml")
			}
			gitT(t, dir, "update-index", "--index-version", version)
			gitT(t, dir, "write-tree") // fills the TREE extension
			data, err := os.ReadFile(filepath.Join(dir, ".git", "index"))
			if err != nil {
				t.Fatal(err)
			}
			idx, err := parseIndex(data)
			if err != nil {
				t.Fatal(err)
			}
			if len(idx.exts) == 0 || idx.exts[0].sig != "TREE" {
				t.Error("TREE extension not read")
			}
			if got := idx.encode(); !bytes.Equal(got, data) {
				t.Errorf("encode(parse(index)) differs from git's index")
			}

			// A commit keeps the long name and git reads the result.
			before := gitT(t, dir, "ls-files", "-s", "--", "dd*")
			r, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			commitT(t, r, "note", put("cases/K1/notes/n2.yaml", "n2\n"))
			if got := gitT(t, dir, "ls-files", "-s", "--", "dd*"); got != before || got == "" {
				t.Errorf("long entry: %q, before %q", got, before)
			}
			gitT(t, dir, "fsck", "--strict")
		})
	}
}

func TestConflictStagesKept(t *testing.T) {
	r := newTestRepo(t)
	dir := r.Root()
	commitT(t, r, "base", put("a.yaml", "a\n"), put("conflict.yaml", "base\n"))
	base := strings.TrimSpace(gitT(t, dir, "rev-parse", "HEAD:conflict.yaml"))
	ours, err := runGitInput(dir, "ours\n", "hash-object", "-w", "--stdin")
	if err != nil {
		t.Fatal(err)
	}
	ours = strings.TrimSpace(ours)
	info := "0 0000000000000000000000000000000000000000\tconflict.yaml\n" +
		"100644 " + base + " 1\tconflict.yaml\n" +
		"100644 " + ours + " 2\tconflict.yaml\n" +
		"100644 " + base + " 3\tconflict.yaml\n"
	if _, err := runGitInput(dir, info, "update-index", "--index-info"); err != nil {
		t.Fatal(err)
	}
	before := gitT(t, dir, "ls-files", "-s", "conflict.yaml")
	if strings.Count(before, "\n") != 3 {
		t.Fatalf("setup: %q", before)
	}
	commitT(t, r, "note", put("notes/n.yaml", "n\n"))
	if got := gitT(t, dir, "ls-files", "-s", "conflict.yaml"); got != before {
		t.Errorf("conflict stages:\n%s\nbefore:\n%s", got, before)
	}
}

func TestSplitIndexRefused(t *testing.T) {
	r := newTestRepo(t)
	commitT(t, r, "base", put("a.yaml", "a\n"))
	gitT(t, r.Root(), "update-index", "--split-index")
	before := takeSnapshot(t, r)
	_, err := r.Commit(CommitRequest{Message: "x", Author: testAuthor, Changes: []Change{put("b.yaml", "b\n")}})
	if err == nil || !strings.Contains(err.Error(), "split") {
		t.Fatalf("err = %v", err)
	}
	before.assertSame(t, takeSnapshot(t, r))
}

func TestVarint(t *testing.T) {
	for _, v := range []uint64{0, 1, 127, 128, 129, 255, 16383, 16384, 16511, 16512, 1 << 20, 1<<32 + 5} {
		b := appendVarint(nil, v)
		got, n := readVarint(b)
		if got != v || n != len(b) {
			t.Errorf("%d: encoded %x, decoded %d (%d bytes)", v, b, got, n)
		}
	}
	if _, n := readVarint([]byte{0x80}); n != 0 {
		t.Error("truncated varint accepted")
	}
}

// encode returns the index file's bytes.
func (idx *indexFile) encode() []byte {
	var b bytes.Buffer
	_ = idx.writeTo(&b) // a bytes.Buffer does not fail
	return b.Bytes()
}

// TestIndexMergeAsInPlace: many updates are merged in one pass (an import
// of thousands of cases); the result is what applying them one by one
// gives — new paths, replaced ones, deleted ones, a path's conflict stages
// replaced, a path updated twice — with the same directories invalidated.
func TestIndexMergeAsInPlace(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	path := func() string {
		return fmt.Sprintf("cases/C%d/%s.yaml", rng.IntN(40), []string{"intake", "iep", "notes/n1", "notes/n2"}[rng.IntN(4)])
	}
	src := &indexFile{version: indexDefaultVers} // holds the entries made
	entry := func(p string, b byte) *indexEntry {
		e := src.newEntry(p, [hashLen]byte{b}, indexStat{size: uint32(b)}, false)
		return &e
	}
	for round := 0; round < 200; round++ {
		var base []indexEntry
		seen := map[string]bool{}
		for range rng.IntN(100) {
			p := path()
			if seen[p] {
				continue
			}
			seen[p] = true
			base = append(base, *entry(p, 1))
			if rng.IntN(10) == 0 { // a conflicted path: a second stage
				base = append(base, *entry(p, 2))
			}
		}
		slices.SortStableFunc(base, func(a, b indexEntry) int { return bytes.Compare(src.name(&a), src.name(&b)) })
		var updates []indexUpdate
		for k := range inPlaceUpdates + 1 + rng.IntN(100) {
			u := indexUpdate{path: path()}
			if rng.IntN(4) != 0 {
				u.entry = entry(u.path, byte(10+k))
			}
			updates = append(updates, u)
		}
		one := &indexFile{version: indexDefaultVers, entries: slices.Clone(base), made: src.made}
		for _, u := range updates {
			one.apply([]indexUpdate{u})
		}
		all := &indexFile{version: indexDefaultVers, entries: slices.Clone(base), made: src.made}
		all.apply(updates)
		show := func(idx *indexFile) string {
			var b strings.Builder
			for i := range idx.entries {
				fmt.Fprintf(&b, "%s %x\n", idx.nameAt(i), idx.fixed(&idx.entries[i]))
			}
			return b.String()
		}
		if got, want := show(all), show(one); got != want {
			t.Fatalf("round %d: merged entries\n%s\nwant, as applied one by one,\n%s", round, got, want)
		}
		if !reflect.DeepEqual(all.invalid, one.invalid) {
			t.Fatalf("round %d: invalidated %v, want %v", round, all.invalid, one.invalid)
		}
	}
}

// BenchmarkIndexApplyImport: an import of 2,000 cases (4,000 new files)
// into the index of a 10,000-case store (240,000 entries), merged in one
// pass against applied one by one, in one run.
func BenchmarkIndexApplyImport(b *testing.B) {
	src := &indexFile{version: indexDefaultVers} // holds the entries made
	var base []indexEntry
	for c := range 10_000 {
		for f := range 24 {
			base = append(base, src.newEntry(fmt.Sprintf("cases/C%05d/f%02d.yaml", c, f), [hashLen]byte{1}, indexStat{}, false))
		}
	}
	var updates []indexUpdate
	for c := range 2_000 {
		for _, f := range []string{"intake", "notes/n1"} {
			p := fmt.Sprintf("cases/C%05d-N/%s.yaml", c*5, f)
			e := src.newEntry(p, [hashLen]byte{2}, indexStat{}, false)
			updates = append(updates, indexUpdate{path: p, entry: &e})
		}
	}
	for _, bm := range []struct {
		name  string
		apply func(idx *indexFile)
	}{
		{"merged", func(idx *indexFile) { idx.apply(updates) }},
		{"one-by-one", func(idx *indexFile) {
			for _, u := range updates {
				idx.apply([]indexUpdate{u})
			}
		}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				idx := &indexFile{version: indexDefaultVers, entries: slices.Clone(base), made: src.made}
				b.StartTimer()
				bm.apply(idx)
			}
		})
	}
}
