package gitstore

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// gitObject is one object as git reads it.
type gitObject struct {
	hash plumbing.Hash
	typ  plumbing.ObjectType
	data []byte
}

// allObjects returns every object of the repository at dir as git's own
// cat-file reads it.
func allObjects(t *testing.T, dir string) []gitObject {
	t.Helper()
	out := gitT(t, dir, "cat-file", "--batch-all-objects", "--batch")
	br := bufio.NewReader(strings.NewReader(out))
	var objs []gitObject
	for {
		line, err := br.ReadString('\n')
		if err == io.EOF {
			return objs
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Fatalf("cat-file: %q", line)
		}
		size, _ := strconv.Atoi(f[2])
		typ, _ := plumbing.ParseObjectType(f[1])
		data := make([]byte, size+1)
		if _, err := io.ReadFull(br, data); err != nil {
			t.Fatal(err)
		}
		objs = append(objs, gitObject{plumbing.NewHash(f[0]), typ, data[:size]})
	}
}

// historyForDeltas commits many versions of a few files, small and large,
// so that git's repack stores most of them as deltas, in long chains.
func historyForDeltas(t *testing.T, r *Repo) {
	t.Helper()
	rnd := rand.New(rand.NewPCG(1, 2))
	big := make([]byte, 200<<10) // copies of more than 64 KiB at once
	for i := range big {
		big[i] = "abcdefgh\n"[rnd.IntN(9)]
	}
	for i := range 60 {
		note := strings.Repeat(fmt.Sprintf("line %d of a note\n", i%7), 40+i)
		big[rnd.IntN(len(big))] = 'Z'
		commitT(t, r, fmt.Sprintf("version %d", i),
			put(fmt.Sprintf("cases/C%02d/notes/n.yaml", i%5), note),
			put("cases/C00/intake.yaml", fmt.Sprintf("name: Test %d\nlist:\n%s", i, strings.Repeat("  - item\n", i))),
			Change{Path: "cases/big.bin", Data: bytes.Clone(big)})
	}
}

// Every object of a repository packed in each of git's ways — offset
// deltas, reference deltas, long chains, several packs beside loose
// objects — reads as git reads it, from several goroutines at once.
func TestPacksReadAsGitDoes(t *testing.T) {
	if testing.Short() {
		t.Skip("repacks several times")
	}
	r := newTestRepo(t)
	r.AutoPackLoose = -1
	historyForDeltas(t, r)
	for _, tc := range []struct {
		name  string
		delta int // the kind of delta the packs must hold
		pack  func(dir string)
	}{
		{"offset deltas", packOfsDelta, func(dir string) { gitT(t, dir, "repack", "-a", "-d", "-f", "-q", "--depth=50", "--window=50") }},
		{"reference deltas", packRefDelta, func(dir string) {
			gitT(t, dir, "-c", "repack.useDeltaBaseOffset=false", "repack", "-a", "-d", "-f", "-q", "--depth=50", "--window=50")
		}},
		{"several packs and loose objects", packOfsDelta, func(dir string) {
			gitT(t, dir, "repack", "-a", "-d", "-f", "-q")
			commitT(t, r, "later", put("cases/C01/notes/n.yaml", strings.Repeat("later\n", 50)))
			gitT(t, dir, "repack", "-d", "-q") // the new objects into a second pack
			commitT(t, r, "loose", put("cases/C02/notes/n.yaml", strings.Repeat("loose\n", 50)))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.pack(r.Root())
			want := allObjects(t, r.Root())
			r2, err := Open(r.Root())
			if err != nil {
				t.Fatal(err)
			}
			defer r2.Close()
			r2.objects.packs.refresh()
			kinds := map[int]int{}
			br := bufio.NewReader(nil)
			for _, p := range r2.objects.packs.list {
				for i := range p.n {
					e, err := p.header(p.offset(i), br)
					if err != nil {
						t.Fatal(err)
					}
					kinds[e.typ]++
				}
			}
			if kinds[tc.delta] == 0 {
				t.Fatalf("the packs hold no delta of type %d: %v", tc.delta, kinds)
			}
			packed := 0
			var wg sync.WaitGroup
			var mu sync.Mutex
			for w := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := w; i < len(want); i += 4 {
						o := want[i]
						typ, data, perr := r2.objects.packs.object(o.hash)
						got, err := r2.readRaw(o.typ, o.hash)
						mu.Lock()
						if perr == nil {
							packed++
							if typ != o.typ || !bytes.Equal(data, o.data) {
								t.Errorf("%s from the pack: %s of %d bytes, want %s of %d", o.hash, typ, len(data), o.typ, len(o.data))
							}
						}
						if err != nil || !bytes.Equal(got, o.data) {
							t.Errorf("%s: %d bytes, %v; want %d bytes", o.hash, len(got), err, len(o.data))
						}
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			// An object may be both loose and packed.
			loose, _ := looseCount(t, r.Root())
			if packed < len(want)-loose {
				t.Errorf("%d objects read from packs, want %d (%d objects, %d loose)", packed, len(want)-loose, len(want), loose)
			}
		})
	}
	// The packs had deltas, and chains of them: the test read them.
	out := gitT(t, r.Root(), "verify-pack", "-v", filepath.Join(r.Root(), ".git/objects/pack", firstPack(t, r.Root())))
	if !strings.Contains(out, "chain length = 10:") {
		t.Errorf("no delta chain of length 10 in the pack:\n%s", out[strings.LastIndex(out, "non delta"):])
	}
}

func firstPack(t *testing.T, dir string) string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, ".git/objects/pack/*.idx"))
	if len(names) == 0 {
		t.Fatal("no pack")
	}
	return filepath.Base(names[0])
}

// A damaged pack is an error, never a panic, a hang or wrong content:
// every byte of the pack changed in turn.
func TestDamagedPackRead(t *testing.T) {
	r := newTestRepo(t)
	r.AutoPackLoose = -1
	for i := range 12 {
		commitT(t, r, fmt.Sprintf("v%d", i), put("cases/A/notes/n.yaml", strings.Repeat(fmt.Sprintf("note %d\n", i), 30+i)))
	}
	gitT(t, r.Root(), "repack", "-a", "-d", "-q")
	want := allObjects(t, r.Root())
	packPath := filepath.Join(r.Root(), ".git/objects/pack", strings.TrimSuffix(firstPack(t, r.Root()), ".idx")+".pack")
	orig, err := os.ReadFile(packPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(packPath, 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.WriteFile(packPath, orig, 0o644)
	wrong := 0
	for at := 12; at < len(orig)-20; at++ {
		bad := bytes.Clone(orig)
		bad[at] ^= 0x5a
		if err := os.WriteFile(packPath, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		ps := newPacks(filepath.Dir(packPath))
		for _, o := range want {
			typ, data, err := ps.object(o.hash)
			if err == nil && (typ != o.typ || !bytes.Equal(data, o.data)) {
				// Only a changed type bit goes unseen, as it does in
				// git: the data is checked, the header is not.
				if !bytes.Equal(data, o.data) {
					t.Errorf("byte %d changed: %s read as %d other bytes", at, o.hash, len(data))
				}
				wrong++
			}
		}
		ps.close()
	}
	t.Logf("%d reads of a changed type bit", wrong)
}

func TestApplyDelta(t *testing.T) {
	base := []byte("0123456789abcdef")
	for _, tc := range []struct {
		delta []byte
		want  string
		ok    bool
	}{
		{[]byte{16, 6, 0x91, 2, 4, 2, 'X', 'Y'}, "2345XY", true}, // copy 4 from 2, insert 2
		{[]byte{16, 16, 0x90, 16}, "0123456789abcdef", true},     // copy 16 from 0
		{[]byte{15, 6, 0x91, 2, 4, 2, 'X', 'Y'}, "", false},      // the base's size is wrong
		{[]byte{16, 7, 0x91, 2, 4, 2, 'X', 'Y'}, "", false},      // the result's size is wrong
		{[]byte{16, 6, 0x91, 14, 4}, "", false},                  // a copy past the base's end
		{[]byte{16, 6, 0x91, 2}, "", false},                      // a copy cut short
		{[]byte{16, 2, 5, 'X'}, "", false},                       // an insert cut short
		{[]byte{16, 1, 0}, "", false},                            // the reserved instruction
		{[]byte{16, 1, 0x90}, "", false},                         // 64 KiB from a 16-byte base
	} {
		got, err := applyDelta(base, tc.delta)
		if (err == nil) != tc.ok || string(got) != tc.want {
			t.Errorf("delta %v: %q, %v; want %q (ok %v)", tc.delta, got, err, tc.want, tc.ok)
		}
	}
}

// Several goroutines read one commit's files through one TreeFiles, as a
// report --at does, and each gets what git has.
func TestTreeFilesConcurrent(t *testing.T) {
	r := newTestRepo(t)
	r.AutoPackLoose = -1
	historyForDeltas(t, r)
	gitT(t, r.Root(), "repack", "-a", "-d", "-q")
	commit := strings.TrimSpace(gitT(t, r.Root(), "rev-parse", "HEAD~10"))
	want := map[string][]byte{}
	for _, line := range strings.Split(strings.TrimSpace(gitT(t, r.Root(), "ls-tree", "-r", commit)), "\n") {
		meta, name, _ := strings.Cut(line, "\t")
		want[name] = []byte(gitT(t, r.Root(), "cat-file", "blob", strings.Fields(meta)[2]))
	}
	r2, err := Open(r.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	tf, err := r2.TreeAt(plumbing.NewHash(commit))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name, data := range want {
				if got, err := tf.ReadFile(name); err != nil || !bytes.Equal(got, data) {
					t.Errorf("%s: %d bytes, %v; want %d", name, len(got), err, len(data))
				}
				if _, err := tf.List(filepath.Dir(name)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

// FuzzApplyDelta: any delta against any base is refused or gives exactly
// the size it declares, never a panic; a delta made of one copy of the
// whole base and an insert gives base+insert.
func FuzzApplyDelta(f *testing.F) {
	f.Add([]byte("0123456789abcdef"), []byte{16, 6, 0x91, 2, 4, 2, 'X', 'Y'})
	f.Add([]byte("abc"), []byte{3, 3, 0x90, 3})
	f.Add([]byte{}, []byte{0, 2, 2, 'h', 'i'})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		out, err := applyDelta(base, delta)
		if err != nil {
			return
		}
		var d []byte
		d = binary.AppendUvarint(d, uint64(len(base)))
		_, n := binary.Uvarint(delta)
		size, m := binary.Uvarint(delta[n:])
		if uint64(len(out)) != size || m <= 0 {
			t.Fatalf("%d bytes out, the delta declares %d", len(out), size)
		}
		// The same result through a delta of copies of it, when it can
		// be copied from base+out in one piece.
		whole := append(bytes.Clone(base), out...)
		if len(whole) == 0 || len(whole) >= 0x10000 {
			return
		}
		d = binary.AppendUvarint(d[:0], uint64(len(whole)))
		d = binary.AppendUvarint(d, uint64(len(out)))
		d = append(d, 0x80|0x01|0x02|0x10|0x20, byte(len(base)), byte(len(base)>>8), byte(len(out)), byte(len(out)>>8))
		if len(out) == 0 {
			return
		}
		again, err := applyDelta(whole, d)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("copying the result back: %q, %v; want %q", again, err, out)
		}
	})
}

// FuzzPackEntry: a pack holding one arbitrary entry, read at its offset,
// is an error or an object, never a panic or a hang.
func FuzzPackEntry(f *testing.F) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte("hello\n"))
	zw.Close()
	f.Add(append([]byte{0x36}, z.Bytes()...)) // a blob of 6 bytes
	f.Add(append([]byte{0x66, 0x05}, z.Bytes()...))
	f.Add(append([]byte{0x76}, append(bytes.Repeat([]byte{1}, 20), z.Bytes()...)...))
	f.Fuzz(func(t *testing.T, entry []byte) {
		dir := t.TempDir()
		pack := append([]byte("PACK\x00\x00\x00\x02\x00\x00\x00\x01"), entry...)
		if err := os.WriteFile(filepath.Join(dir, "p.pack"), pack, 0o644); err != nil {
			t.Fatal(err)
		}
		fp, err := os.Open(filepath.Join(dir, "p.pack"))
		if err != nil {
			t.Fatal(err)
		}
		defer fp.Close()
		p := &packFile{name: filepath.Join(dir, "p"), pack: fp}
		ps := newPacks(dir)
		typ, data, err := p.read(12, &ps.cache, ps)
		if err == nil && typ != plumbing.BlobObject && typ != plumbing.TreeObject && typ != plumbing.CommitObject && typ != plumbing.TagObject {
			t.Fatalf("type %v, %d bytes", typ, len(data))
		}
	})
}

// An object over 1 MiB, whose buffer grows as it is inflated, reads whole.
func TestLargePackedObject(t *testing.T) {
	r := newTestRepo(t)
	r.AutoPackLoose = -1
	rnd := rand.New(rand.NewPCG(3, 4))
	big := make([]byte, 3<<20+17)
	for i := range big {
		big[i] = byte(rnd.IntN(256))
	}
	commitT(t, r, "big", Change{Path: "cases/big.bin", Data: big})
	gitT(t, r.Root(), "repack", "-a", "-d", "-q")
	h := plumbing.NewHash(strings.TrimSpace(gitT(t, r.Root(), "rev-parse", "HEAD:cases/big.bin")))
	ps := newPacks(filepath.Join(r.Root(), ".git", "objects", "pack"))
	defer ps.close()
	typ, data, err := ps.object(h)
	if err != nil || typ != plumbing.BlobObject || !bytes.Equal(data, big) {
		t.Fatalf("%s of %d bytes, %v; want the blob of %d", typ, len(data), err, len(big))
	}
}

// A revision whose way passes a commit that cannot be read is a damaged
// repository, not a revision that names nothing: go-git's parser says
// "reference not found" for both.
func TestResolveThroughDamagedCommit(t *testing.T) {
	r := newTestRepo(t)
	r.AutoPackLoose = -1
	for i := range 4 {
		commitT(t, r, fmt.Sprintf("c%d", i), put("cases/A/intake.yaml", fmt.Sprintf("a: %d\n", i)))
	}
	mid := strings.TrimSpace(gitT(t, r.Root(), "rev-parse", "HEAD"))
	obj := filepath.Join(r.Root(), ".git", "objects", mid[:2], mid[2:])
	data, err := os.ReadFile(obj)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-3] ^= 0xff // the zlib checksum no longer matches
	if err := os.Chmod(obj, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(obj, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r2, err := Open(r.Root())
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	_, err = r2.Resolve(Reading{At: "HEAD~2"})
	var d *DamagedObjectError
	if !errors.As(err, &d) || d.Hash.String() != mid || errors.As(err, new(*RevisionError)) {
		t.Errorf("HEAD~2 through a damaged commit: %v; want the damaged commit %s", err, mid)
	}
	if _, err := r2.Resolve(Reading{At: "nosuch"}); !errors.As(err, new(*RevisionError)) || errors.As(err, new(*DamagedObjectError)) {
		t.Errorf("nosuch: %v; want a revision error", err)
	}
	if _, err := r2.Resolve(Reading{}); !errors.As(err, new(*DamagedObjectError)) {
		t.Errorf("HEAD: %v; want the damaged commit", err)
	}
}
