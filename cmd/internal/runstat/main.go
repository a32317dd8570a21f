//go:build unix

// Command runstat runs a command and appends what it cost to a file, for
// the benchmark scripts under .ci/: one line "WALL CPU PEAK_KIB" (seconds,
// user plus system seconds, the largest resident size), at the
// microsecond resolution GNU time rounds away.
//
//	go run ./cmd/internal/runstat -o FILE -- COMMAND [ARG ...]
//
// The command's output is discarded; a failing command makes runstat fail
// with its standard error.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	out := flag.String("o", "", "append the figures to `FILE`")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: runstat -o FILE -- COMMAND [ARG ...]")
		os.Exit(2)
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		fmt.Fprintf(os.Stderr, "runstat: %v: %v\n%s", flag.Args(), err, stderr.Bytes())
		os.Exit(1)
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	var peak int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak = int64(ru.Maxrss)
	}
	f, err := os.OpenFile(*out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err == nil {
		_, err = fmt.Fprintf(f, "%.6f %.6f %d\n", wall.Seconds(), cpu.Seconds(), peak)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "runstat: %v\n", err)
		os.Exit(1)
	}
}
