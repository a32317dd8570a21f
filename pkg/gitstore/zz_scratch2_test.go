package gitstore

import (
	"fmt"
	"os"
	"testing"
)

func TestScratchCommitTiming(t *testing.T) {
	dir := os.Getenv("SCRATCH_STORE")
	if dir == "" {
		t.Skip()
	}
	for i := 0; i < 40; i++ {
		r, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		p := fmt.Sprintf("cases/2026-%05d/notes/scratch-%d.yaml", i*37, os.Getpid()*10+i)
		commitT(t, r, "x", put(p, "note\n"))
		r.Close()
	}
}
