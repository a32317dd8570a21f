// Command demostore builds the demo case store in cases/ — the fictional
// Riverside Workforce Partnership's fifteen cases of 2026 in the three
// program kinds — and its history, with caseplan's own commands run
// in-process, step by step, each as the member of staff who did it on the
// day it happened.
//
// Usage:
//
//	go run ./cmd/internal/demostore -store DIR             # build the store from nothing
//	go run ./cmd/internal/demostore -store . -from DATE    # grow this repository's store
//
// Built from nothing, DIR must be a git repository with a copy of the
// repository's schemas/ and no cases/ yet (git init DIR && cp -r schemas
// DIR/). The result is byte for byte the
// demo store committed in this repository, with the same commits (author,
// date, message and trailers); go test ./cmd/internal/demostore checks it.
//
// To grow the store, add dated steps at the end of a story (or a new story
// at the end of stories, in office.go), dated after the store's last
// commit, and apply only them to this repository, on a clean work tree:
//
//	go run ./cmd/internal/demostore -store . -from 2026-11-26
//
// commits them into this repository's history, so the store is never
// rebuilt; -from refuses a date on or before the store's last caseplan
// commit. A new note may leave its ID empty: it is then drawn from a source
// seeded by the note itself, the same on every run, and printed, to be
// written into the story if a later step amends the note.
//
// How the stories are told: each case is a story (case_*.go) in date order,
// day by day; on(DATE, STAFF, steps...) says when and who, and each step is
// a caseplan command (openCase, note, staffAdd), a hand edit of a record
// file (put, appendItems, set, setItem) that a later commit step of the same
// day commits with caseplan commit, or both (week, amend, storeSettings).
// The steps of all stories are replayed sorted by date, then in the order
// they were written, so the history interleaves the cases as a real
// office's would. Every step runs with --today set to its day, so each is
// valid on its day; -check validates the whole store after every step to
// show it. Commit times are office hours on the step's day, four minutes
// apart, passed as GIT_AUTHOR_DATE and GIT_COMMITTER_DATE.
//
// IDs: case IDs are given (case new --id); a note's ID is given by the
// story, and the step hands caseplan exactly the random bytes that make it
// (cli.Env.Rand), so the notes get the IDs the demo store has always had.
//
// All people, employers, phone numbers (555-01xx) and addresses are
// fictional. The documents the stories cite (000-003) are in the project's
// domain folder: 000 the work security case management planner, 001 the
// federal brief on workforce case management, 002 the WIOA career planning
// issuance, 003 the post-employment services policy.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	var o options
	flag.StringVar(&o.root, "store", ".", "the git repository the store is in")
	flag.StringVar(&o.from, "from", "", "apply only the steps dated on or after `DATE` to the existing store")
	flag.BoolVar(&o.check, "check", false, "validate the whole store after every step (slower)")
	flag.BoolVar(&o.verbose, "v", false, "print every step")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/internal/demostore [-store DIR] [-from DATE] [-check] [-v]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	root, err := filepath.Abs(o.root)
	if err != nil {
		fmt.Fprintf(os.Stderr, "demostore: %v\n", err)
		os.Exit(1)
	}
	o.root, o.log = root, os.Stderr
	start := time.Now()
	n, err := build(o)
	if err != nil {
		fmt.Fprintf(os.Stderr, "demostore: %v\n", err)
		os.Exit(1)
	}
	if n == 0 && o.from != "" {
		fmt.Fprintf(os.Stderr, "demostore: no steps dated %s or later; nothing to do\n", o.from)
		return
	}
	fmt.Fprintf(os.Stderr, "demostore: %d commits in %s after %s\n", n, root, time.Since(start).Round(100*time.Millisecond))
}
