// Command genstore generates a realistic case store for benchmarks: N
// cases of the three programs, about 24 files each, and a history of
// about five caseplan-style commits per case (pkg/storegen).
//
// Usage:
//
//	go run ./cmd/internal/genstore -dir DIR [-cases N] [-seed S] [-today DATE] [-history=false] [-loose]
//
// DIR must not exist or be empty. The same -cases, -seed and -today give
// byte-identical files and the same commit hashes. The store is valid on
// -today: check it with
//
//	caseplan --store DIR validate --today DATE
//	caseplan --store DIR verify
//
// -history=false writes the files only, with no git repository. -loose
// leaves the history's objects loose, as caseplan writes them, instead of
// in fast-import's pack. The git CLI must be installed for the history.
//
// The history is one git fast-import stream; the generator writes the
// work tree itself and then runs git read-tree HEAD and git update-index
// --refresh, which builds the index from the last tree and fails if a file
// differs from it, so git status is clean without checking every file out
// again.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/caseplan/caseplan/pkg/storegen"
)

func main() {
	var (
		dir     = flag.String("dir", "", "the `directory` to generate the store in (new or empty)")
		cases   = flag.Int("cases", 1000, "the number of cases")
		seed    = flag.Uint64("seed", 1, "the seed of every random choice")
		today   = flag.String("today", storegen.DefaultToday, "the `date` the store is valid on; its history spans the year before")
		history = flag.Bool("history", true, "write the git history (git fast-import); false writes the files only")
		loose   = flag.Bool("loose", false, "leave the history's objects loose instead of packed")
		quiet   = flag.Bool("q", false, "print only the summary")
	)
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/internal/genstore -dir DIR [-cases N] [-seed S] [-today DATE] [-history=false] [-loose]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || *dir == "" {
		flag.Usage()
		os.Exit(2)
	}
	day, err := time.Parse(time.DateOnly, *today)
	if err != nil {
		fmt.Fprintf(os.Stderr, "genstore: -today %q: use YYYY-MM-DD\n", *today)
		os.Exit(2)
	}
	if *loose && !*history {
		fmt.Fprintln(os.Stderr, "genstore: -loose needs the history")
		os.Exit(2)
	}
	opt := storegen.Options{Cases: *cases, Seed: *seed, Today: day, History: *history, Loose: *loose}
	if !*quiet {
		opt.Log = os.Stderr
	}
	res, err := storegen.Generate(*dir, opt)
	if err != nil {
		fmt.Fprintf(os.Stderr, "genstore: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d cases, %d files (%.1f MB), %d commits in %.1fs\n",
		res.Dir, len(res.Cases), res.Files, float64(res.Bytes)/1e6, res.Commits, res.Took.Seconds())
	if *history {
		fmt.Printf("HEAD %s (tree %s), .git %.1f MB\n", res.Head, res.Tree, float64(res.RepoBytes)/1e6)
	}
}
