package cli

import (
	"bytes"
	"syscall"
	"testing"
	"time"
)

// TestInterruptWaitsForTheWrite sends SIGINT to this very process while a
// write's critical part runs: caseplan must finish the part, then report
// the interrupt, rather than die half-way (which would end the test binary).
func TestInterruptWaitsForTheWrite(t *testing.T) {
	var stderr bytes.Buffer
	g := &globals{env: Env{Stderr: &stderr}}
	stop := g.handleSignals()
	defer stop()
	finished := false
	err := g.critical(func() error {
		if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
			return err
		}
		deadline := time.Now().Add(2 * time.Second)
		for !g.interrupted.Load() && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		finished = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !finished || !g.interrupted.Load() {
		t.Fatalf("finished=%v interrupted=%v: the signal was not seen, or the write did not finish", finished, g.interrupted.Load())
	}
}
