package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/gitstore"
)

type gcOptions struct {
	*globals
	output string
}

func newCmdGC(g *globals, runF func(*gcOptions) error) *cobra.Command {
	opts := &gcOptions{globals: g}
	c := &cobra.Command{
		Use:   "gc",
		Short: "Pack the store's loose git objects so the repository stays small",
		Long: `Move the git objects caseplan's commits left loose into packs, where each
version of a large directory is stored as a small delta against the one
before, and remove the loose copies. At 10,000 cases every commit adds a
new cases/ directory listing of some 200 KB; packed, it takes a few hundred
bytes.

A commit already does this by itself once loose objects pile up (about
every 400 commits); run gc to do it now, for example from a scheduled job.
It holds the store's lock, so other writers wait for it, and
each pack is complete before any loose object is removed: interrupted, it
leaves every object readable. Existing packs are left as they are; git gc
consolidates them, and every command reads what it makes.

  -o json  {"objects","packs","loose_bytes","packed_bytes"}` + "\n" + exitStatusHelp,
		Example: `  caseplan gc               # pack the loose objects now
  caseplan gc -o json       # from a scheduled job, for its log`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return gcRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

// gcStats is gc's JSON contract.
type gcStats struct {
	Objects     int   `json:"objects"`
	Packs       int   `json:"packs"`
	LooseBytes  int64 `json:"loose_bytes"`
	PackedBytes int64 `json:"packed_bytes"`
}

func gcRun(opts *gcOptions) error {
	repo, err := opts.openRepo()
	if err != nil {
		return err
	}
	defer repo.Close()
	repo.OnLockWait = opts.sayLockWait
	// Reading a pack's objects and finding the deltas between them takes
	// seconds with a thousand loose objects at 10,000 cases (issue 12).
	meter := &stepMeter{g: opts.globals, label: "gc", start: opts.env.Now()}
	stop := meter.keepDrawing()
	st, err := repo.PackLoose(gitstore.PackOptions{LockWait: opts.storeLockWait(), Progress: meter.show})
	stop()
	meter.finish()
	if err != nil {
		return err
	}
	out := gcStats{Objects: st.Objects, Packs: st.Packs, LooseBytes: st.LooseBytes, PackedBytes: st.PackedBytes}
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, out)
	}
	if st.Objects == 0 {
		fmt.Fprintln(opts.env.Stderr, "caseplan: no loose objects to pack")
		return nil
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: packed %d loose object(s), %s, into %d pack(s) of %s\n",
		st.Objects, byteSize(st.LooseBytes), st.Packs, byteSize(st.PackedBytes))
	return nil
}

// byteSize says n bytes the way a person reads them.
func byteSize(n int64) string {
	switch {
	case n >= 10<<30:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 10<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 10<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
