//go:build unix

package cli

import "syscall"

// raise sends sig to this process.
func raise(sig syscall.Signal) { _ = syscall.Kill(syscall.Getpid(), sig) }
