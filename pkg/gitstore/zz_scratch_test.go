package gitstore

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestScratchIndexTiming(t *testing.T) {
	dir := os.Getenv("SCRATCH_STORE")
	if dir == "" {
		t.Skip()
	}
	p := filepath.Join(dir, ".git", "index")
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		data, _ := os.ReadFile(p)
		t1 := time.Now()
		idx, err := parseIndex(data)
		if err != nil {
			t.Fatal(err)
		}
		t2 := time.Now()
		out := idx.encode()
		t3 := time.Now()
		f, _ := os.CreateTemp(dir, "idx")
		writeAndSync(f, out)
		f.Close()
		os.Remove(f.Name())
		t4 := time.Now()
		t.Logf("size=%d read=%v parse=%v encode=%v write+sync=%v", len(data), t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3))
	}
}
