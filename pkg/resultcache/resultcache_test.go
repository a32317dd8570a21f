package resultcache

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestSaveOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache", "validate")
	c := Open(path, "v1")
	if c.Problem != nil {
		t.Fatalf("a missing file is no problem: %v", c.Problem)
	}
	a, b := NewKey([]byte("a")), NewKey([]byte("b"))
	c.Put(a, []byte("result a"))
	c.Put(b, []byte{})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}

	again := Open(path, "v1")
	if v, ok := again.Get(a); !ok || string(v) != "result a" {
		t.Fatalf("Get(a) = %q, %v", v, ok)
	}
	// What the last two runs used is kept: b, which the run before this
	// one computed, stays for one more run.
	if err := again.Save(); err != nil {
		t.Fatal(err)
	}
	third := Open(path, "v1")
	if _, ok := third.Get(a); !ok {
		t.Error("an entry the last run used is gone")
	}
	if err := third.Save(); err != nil {
		t.Fatal(err)
	}
	fourth := Open(path, "v1")
	if _, ok := fourth.Get(b); ok {
		t.Error("an entry neither of the last two runs used is kept")
	}
}

// Two runs that need different results, in turn (a report of this month
// and one of last month), each find theirs: neither pushes the other's
// out.
func TestTwoRunsInTurn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report")
	run := func(prefix string, n int) (hits int) {
		c := Open(path, "v")
		for i := range n {
			k := NewKey([]byte(prefix), []byte{byte(i)})
			if v, ok := c.Get(k); ok {
				if string(v) != prefix {
					t.Fatalf("%s %d: %q", prefix, i, v)
				}
				hits++
				continue
			}
			c.Put(k, []byte(prefix))
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		return hits
	}
	run("this month", 50)
	run("last month", 30)
	if h := run("this month", 50); h != 50 {
		t.Errorf("this month's second run found %d of 50", h)
	}
	if h := run("last month", 30); h != 30 {
		t.Errorf("last month's second run found %d of 30", h)
	}
	// A third kind of run pushes out the older one only.
	run("a year ago", 10)
	if h := run("last month", 30); h != 30 {
		t.Errorf("last month after a year ago: %d of 30", h)
	}
	if h := run("this month", 50); h != 0 {
		t.Errorf("this month, three runs later: %d of 50 kept", h)
	}
	// A run that uses everything it finds, twice, no longer rewrites.
	run("this month", 50)
	fi, _ := os.Stat(path)
	run("this month", 50)
	if fi2, _ := os.Stat(path); !fi2.ModTime().Equal(fi.ModTime()) || fi2.Size() != fi.Size() {
		t.Error("an unchanged cache was written again")
	}
}

// TestOtherVersion: a cache written by another caseplan is never read.
func TestOtherVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "validate")
	c := Open(path, "caseplan v1.0.0")
	k := NewKey([]byte("case"))
	c.Put(k, []byte("old rules' findings"))
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	other := Open(path, "caseplan v1.1.0")
	if _, ok := other.Get(k); ok {
		t.Fatal("a result of another version was used")
	}
	if !errors.Is(other.Problem, ErrOtherVersion) {
		t.Errorf("Problem = %v, want ErrOtherVersion", other.Problem)
	}
	if err := other.Save(); err != nil {
		t.Fatal(err)
	}
	if c := Open(path, "caseplan v1.1.0"); c.Problem != nil {
		t.Errorf("the file was not replaced: %v", c.Problem)
	}
}

// TestCorrupt: any damage to the file — a flipped byte, a cut — makes it
// an empty cache, never a wrong result.
func TestCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "validate")
	c := Open(path, "v")
	for i := range 20 {
		c.Put(NewKey([]byte{byte(i)}), []byte("result"))
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{
		good[:len(good)/2],
		append(append([]byte{}, good[:100]...), append([]byte{good[100] ^ 1}, good[101:]...)...),
		[]byte("garbage"),
		{},
	} {
		if err := os.WriteFile(path, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		c := Open(path, "v")
		if _, ok := c.Get(NewKey([]byte{3})); ok {
			t.Fatalf("a damaged file (%d bytes) gave a result", len(bad))
		}
		if len(bad) > 0 && c.Problem == nil {
			t.Errorf("a damaged file (%d bytes) is no problem", len(bad))
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		if c := Open(path, "v"); c.Problem != nil {
			t.Errorf("a damaged file was not replaced: %v", c.Problem)
		}
	}
}

func TestKeyParts(t *testing.T) {
	if NewKey([]byte("ab"), []byte("c")) == NewKey([]byte("a"), []byte("bc")) {
		t.Error("two lists of parts give one key")
	}
}
