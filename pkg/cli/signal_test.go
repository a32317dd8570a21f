package cli

import (
	"bytes"
	"os"
	"os/signal"
	"strings"
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
		if err := interruptAndWait(g); err != nil {
			return err
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

// TestInterruptedWriteEndsAsTheChangeDid: an interrupt held through a write
// came too late to stop it, so the command's exit status is the change's —
// 0, the change complete — not exit 3, which made a script retry an import
// that had been committed. The next write is not begun.
func TestInterruptedWriteEndsAsTheChangeDid(t *testing.T) {
	var stderr bytes.Buffer
	g := &globals{env: Env{Stderr: &stderr}}
	stop := g.handleSignals()
	defer stop()
	err := g.critical(func() error {
		if err := interruptAndWait(g); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ran := false
	if err := g.critical(func() error { ran = true; return nil }); err != errInterrupted || ran {
		t.Errorf("a write after the interrupt: ran=%v err=%v, want not begun, errInterrupted", ran, err)
	}
	if code := g.finish(nil); code != ExitOK {
		t.Errorf("exit %d after the interrupted write completed, want %d", code, ExitOK)
	}
	for _, want := range []string{
		"caseplan: interrupted while the change is being written: finishing it, so the store is not left half-written\n",
		"caseplan: the interrupt came while the change was being written: the change is complete\n",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr %q lacks %q", stderr.String(), want)
		}
	}
	stderr.Reset()
	if code := g.finish(errInterrupted); code != ExitOther || !strings.Contains(stderr.String(), "interrupted: the rest was not written") {
		t.Errorf("a write not begun: exit %d, stderr %q", code, stderr.String())
	}
}

// TestIgnoredInterruptStaysIgnored: a caseplan started with SIGINT ignored
// (a background job of a script) leaves it ignored. Caught, it ended a
// write with exit 3, since the signal it then raised to die by was
// ignored again.
func TestIgnoredInterruptStaysIgnored(t *testing.T) {
	signal.Ignore(os.Interrupt)
	defer func() {
		// Reset alone leaves the runtime's "ignored" mark, and every
		// later handleSignals in this process (another test, -count=2)
		// would think Ctrl-C ignored; Notify clears it.
		signal.Notify(make(chan os.Signal, 1), os.Interrupt)
		signal.Reset(os.Interrupt)
	}()
	var stderr bytes.Buffer
	g := &globals{env: Env{Stderr: &stderr}}
	stop := g.handleSignals()
	defer stop()
	err := g.critical(func() error {
		if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
			return err
		}
		time.Sleep(200 * time.Millisecond)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if g.interrupted.Load() || stderr.Len() > 0 {
		t.Errorf("an ignored SIGINT interrupted the write; stderr %q", stderr.String())
	}
}

// interruptAndWait sends this process SIGINT, as Ctrl-C does, and waits
// up to 2 s for g to have seen it.
func interruptAndWait(g *globals) error {
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		return err
	}
	deadline := time.Now().Add(2 * time.Second)
	for !g.interrupted.Load() && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	return nil
}
