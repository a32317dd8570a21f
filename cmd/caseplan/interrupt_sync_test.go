package main

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hangingHost is a store whose remote is a host that takes each
// connection and never answers, so a sync waits on it until interrupted.
type hangingHost struct {
	bin, store string
	env        []string
	reached    chan net.Conn
}

func newHangingHost(t *testing.T) *hangingHost {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("the store is made with the git CLI")
	}
	dir := t.TempDir()
	h := &hangingHost{bin: buildCaseplan(t), store: filepath.Join(dir, "store"), reached: make(chan net.Conn, 8)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			h.reached <- c // held open, never answered
		}
	}()
	h.env = append(os.Environ(), "CASEPLAN_AUTHOR=Maria Rivera <mrivera@example.org>",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	initCmd := exec.Command(h.bin, "init", h.store)
	initCmd.Env = h.env
	if out, err := initCmd.CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	if out, err := exec.Command("git", "-C", h.store, "remote", "add", "origin", "http://"+ln.Addr().String()+"/store.git").CombinedOutput(); err != nil {
		t.Fatalf("git remote add: %v\n%s", err, out)
	}
	return h
}

// interrupt waits until cmd's sync is waiting on the host, presses Ctrl-C
// (SIGINT to cmd's process group, as a terminal sends it) and waits for
// cmd to end.
func (h *hangingHost) interrupt(t *testing.T, cmd *exec.Cmd, stderr *bytes.Buffer) {
	t.Helper()
	select {
	case c := <-h.reached:
		t.Cleanup(func() { c.Close() })
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("sync never reached the host; stderr:\n%s", stderr.String())
	}
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		t.Fatalf("the command did not end after Ctrl-C; stderr:\n%s", stderr.String())
	}
}

// TestInterruptedSyncSaysWhatIsLeft: Ctrl-C during a sync (here, while the
// host has not answered) ends it at once, by the signal, and says that the
// clone's commits are kept and that syncing again is safe, rather than a
// bare "interrupted" that leaves a case manager wondering what was sent.
func TestInterruptedSyncSaysWhatIsLeft(t *testing.T) {
	h := newHangingHost(t)
	cmd := exec.Command(h.bin, "sync")
	cmd.Env, cmd.Dir = h.env, h.store
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h.interrupt(t, cmd, &stderr)
	if ws := cmd.ProcessState.Sys().(syscall.WaitStatus); !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("caseplan ended with %v, want by SIGINT; stderr:\n%s", cmd.ProcessState, stderr.String())
	}
	for _, want := range []string{
		"caseplan: the sync was stopped part way: this clone's commits are kept, and what reached the host stays there; run caseplan sync again, which is safe\n",
		"caseplan: interrupted\n",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestInterruptStopsAShellLoop: Ctrl-C in a shell loop of caseplan
// commands stops the loop, not only the command. bash goes on with a loop
// when the command it waited for exited with a status of its own — it
// takes that for a command that handled the interrupt — so caseplan ends
// by the signal itself once it has cleaned up.
func TestInterruptStopsAShellLoop(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	h := newHangingHost(t)
	cmd := exec.Command(bash, "-c", `for i in 1 2 3; do "$0" sync; echo "went on after sync $i"; done`, h.bin)
	cmd.Env, cmd.Dir = h.env, h.store
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h.interrupt(t, cmd, &stderr)
	if stdout.Len() > 0 {
		t.Errorf("the loop went on after Ctrl-C: %q; stderr:\n%s", stdout.String(), stderr.String())
	}
	if ws := cmd.ProcessState.Sys().(syscall.WaitStatus); !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("bash ended with %v, want by SIGINT", cmd.ProcessState)
	}
}
