package history

import (
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// memState is a clone's state directory in memory.
type memState struct {
	files  map[string][]byte
	writes int
}

func (m *memState) ReadState(name string) ([]byte, error) { return m.files[name], nil }
func (m *memState) WriteState(name string, data []byte) error {
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = append([]byte(nil), data...)
	m.writes++
	return nil
}

// sameLog checks that LogIndexed with state gives exactly what Log gives,
// as JSON (the contract) and as values, for every case of the store, the
// whole trail and a few limits.
func sameLog(t *testing.T, s *testStore, state *memState) {
	t.Helper()
	repo := s.open()
	head := plumbing.NewHash(s.head())
	cases := []string{"", "-", "2026-AAAAA", "2026-BBBBB", "2026-CCCCC", "2026-NOPE0", ""}
	for _, c := range cases {
		for _, limit := range []int{0, 1, 2, 100} {
			want, err := Log(repo, head, c, limit)
			if err != nil {
				t.Fatal(err)
			}
			got, err := LogIndexed(repo, state, head, c, limit, nil)
			if err != nil {
				t.Fatal(err)
			}
			wj, _ := json.Marshal(want)
			gj, _ := json.Marshal(got)
			if string(wj) != string(gj) {
				t.Fatalf("case %q limit %d: indexed log\n%s\nwant\n%s", c, limit, gj, wj)
			}
			for i := range want {
				if want[i].Date.String() != got[i].Date.String() || !reflect.DeepEqual(want[i].Cases, got[i].Cases) {
					t.Fatalf("case %q entry %d: %+v, want %+v", c, i, got[i], want[i])
				}
			}
		}
	}
}

func TestLogIndexedIsLog(t *testing.T) {
	s := newTestStore(t)
	state := &memState{}
	s.initStore()
	sameLog(t, s, state)

	s.newCase(alice, "2026-AAAAA")
	s.newCase(bob, "2026-BBBBB")
	s.addNote(alice, "2026-AAAAA", "n1", "first")
	rebuilds := logIndexRebuilds
	sameLog(t, s, state)
	if logIndexRebuilds != rebuilds {
		t.Errorf("a linear extension rebuilt the index")
	}

	// Hand commits, several cases in one commit, a case named twice, a
	// commit dated before its parent (a wrong clock), empty trailers.
	s.write("README.md", "hand edit\n")
	s.commit(alice, "docs: readme")
	s.write("cases/2026-AAAAA/services.yaml", "services: []\n")
	s.write("cases/2026-BBBBB/services.yaml", "services: []\n")
	s.commit(alice, "caseplan: add services\n\nbody\n\nCaseplan-Case: 2026-AAAAA\nCaseplan-Case: 2026-BBBBB\nCaseplan-Case: 2026-AAAAA\nCaseplan-Action: service.add\n")
	s.tick -= 30
	s.addNote(bob, "2026-BBBBB", "n2", "clock behind")
	s.tick += 60
	s.write("cases/2026-BBBBB/x.yaml", "x: 1\n")
	s.commit(bob, "no case\n\nCaseplan-Action: commit\n")
	sameLog(t, s, state)
	if logIndexRebuilds != rebuilds {
		t.Errorf("a linear extension rebuilt the index")
	}

	// A merge: its branch's commits interleave by time, so the index is
	// rebuilt, and must still agree.
	s.git("", "checkout", "-q", "-b", "side", "HEAD~2")
	s.newCase(bob, "2026-CCCCC")
	s.addNote(bob, "2026-CCCCC", "n3", "on the side")
	s.git("", "checkout", "-q", "main")
	s.addNote(alice, "2026-AAAAA", "n4", "on main")
	s.tick++
	s.git(alice, "merge", "-q", "--no-ff", "-m", "merge side", "side")
	sameLog(t, s, state)
	if logIndexRebuilds == rebuilds {
		t.Errorf("a merge did not rebuild the index")
	}
	s.addNote(alice, "2026-CCCCC", "n5", "after the merge")
	sameLog(t, s, state)

	// A rewritten history (reset to an older commit, then a new one):
	// the index's head is not in it.
	s.git("", "reset", "-q", "--hard", "HEAD~3")
	sameLog(t, s, state)
	s.addNote(bob, "2026-BBBBB", "n6", "after the reset")
	sameLog(t, s, state)
}

func TestLogIndexNeverTrustsABadFile(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	s.addNote(alice, "2026-AAAAA", "n1", "first")
	state := &memState{}
	sameLog(t, s, state)
	good := state.files[LogIndexFile]
	if len(good) == 0 {
		t.Fatal("no index was kept")
	}
	// An entry of another history under this head's name: the checksum
	// holds, so only the head check can catch a file that is not this
	// clone's; it names the wrong head here and is rebuilt.
	other := newTestStore(t)
	other.initStore()
	other.newCase(bob, "2026-BBBBB")
	otherState := &memState{}
	sameLog(t, other, otherState)

	bad := map[string][]byte{
		"empty":         {},
		"truncated":     good[:len(good)/2],
		"flipped byte":  flip(good, len(good)/2),
		"flipped head":  flip(good, 14),
		"other version": withVersion(good, logIndexVersion+1),
		"other clone":   otherState.files[LogIndexFile],
		"garbage":       []byte("not an index at all, but long enough to pass the size check"),
	}
	for name, data := range bad {
		state.files[LogIndexFile] = data
		sameLog(t, s, state)
		if _, err := parseLogIndex(state.files[LogIndexFile]); err != nil {
			t.Errorf("%s: the rebuilt index does not parse: %v", name, err)
		}
	}
}

func flip(b []byte, i int) []byte {
	out := append([]byte(nil), b...)
	out[i] ^= 0x40
	return out
}

// withVersion rewrites the version and fixes the checksum, as a future
// caseplan would write it.
func withVersion(b []byte, v uint32) []byte {
	out := append([]byte(nil), b[:len(b)-4]...)
	out[len(logIndexMagic)] = byte(v)
	return binaryAppendCRC(out)
}

func TestLogIndexFileInStateDir(t *testing.T) {
	s := newTestStore(t)
	s.initStore()
	s.newCase(alice, "2026-AAAAA")
	state := &dirState{dir: filepath.Join(s.dir, ".git", "caseplan")}
	repo := s.open()
	if _, err := LogIndexed(repo, state, plumbing.ZeroHash, "2026-AAAAA", 0, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(state.dir, LogIndexFile)); err != nil {
		t.Errorf("the index is not in the state directory: %v", err)
	}
	if out := s.git("", "status", "--porcelain"); out != "" {
		t.Errorf("the index shows in git status:\n%s", out)
	}
}

// dirState is a state directory on disk.
type dirState struct{ dir string }

func (d *dirState) ReadState(name string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(d.dir, name))
	if os.IsNotExist(err) {
		return nil, nil
	}
	return b, err
}

func (d *dirState) WriteState(name string, data []byte) error {
	if err := os.MkdirAll(d.dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d.dir, name), data, 0o644)
}

func binaryAppendCRC(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}
