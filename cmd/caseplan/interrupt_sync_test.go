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

// TestInterruptedSyncSaysWhatIsLeft: Ctrl-C during a sync (here, while the
// host has not answered) ends it at once, exit 3, and says that the
// clone's commits are kept and that syncing again is safe, rather than a
// bare "interrupted" that leaves a case manager wondering what was sent.
func TestInterruptedSyncSaysWhatIsLeft(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("the store is made with the git CLI")
	}
	dir := t.TempDir()
	bin := buildCaseplan(t)
	// A host that takes the connection and never answers.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	reached := make(chan net.Conn, 8)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			reached <- c // held open, never answered
		}
	}()
	store := filepath.Join(dir, "store")
	env := append(os.Environ(), "CASEPLAN_AUTHOR=Maria Rivera <mrivera@example.org>",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	initCmd := exec.Command(bin, "init", store)
	initCmd.Env = env
	if out, err := initCmd.CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	if out, err := exec.Command("git", "-C", store, "remote", "add", "origin", "http://"+ln.Addr().String()+"/store.git").CombinedOutput(); err != nil {
		t.Fatalf("git remote add: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "sync")
	cmd.Env, cmd.Dir = env, store
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until it is waiting on the host, then press Ctrl-C.
	select {
	case c := <-reached:
		defer c.Close()
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("sync never reached the host; stderr:\n%s", stderr.String())
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("sync did not end after Ctrl-C; stderr:\n%s", stderr.String())
	}
	if code := cmd.ProcessState.ExitCode(); code != 3 {
		t.Errorf("exit %d, want 3; stderr:\n%s", code, stderr.String())
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
