//go:build !unix

package cli

import "syscall"

// raise does nothing where a process cannot signal itself: dieBy then
// exits with status 3.
func raise(syscall.Signal) {}
