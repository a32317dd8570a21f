package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

type versionOptions struct {
	*globals
	output string
}

func newCmdVersion(g *globals, runF func(*versionOptions) error) *cobra.Command {
	opts := &versionOptions{globals: g}
	c := &cobra.Command{
		Use:   "version",
		Short: "Show caseplan's version and the commit it was built from",
		Long: `Print caseplan's version, as the Go toolchain recorded it in the binary: the
release (v1.2.0) that go install installed, or for a build from a clone a
pseudo-version or (devel) with the commit it was built from, marked +dirty
when the files had uncommitted changes. The --version flag prints the first
line. Every report names this version beside the commit it was made from,
and caseplan init records it in caseplan.yaml (caseplan_version) so the
store's CI installs the same caseplan.

  -o text  caseplan VERSION, then the commit, the toolchain and the platform
  -o json  {"version","revision","time","modified","go","platform"}:
           revision is the commit's full hash ("" when the build recorded
           none, as go install module@version does not), time its commit
           time (RFC 3339 or ""), modified whether the work tree had
           uncommitted changes` + "\n" + exitStatusHelp,
		Example: `  caseplan version           # the version, its commit, Go and the platform
  caseplan version -o json   # for a script`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func versionRun(opts *versionOptions) error {
	in := opts.env.Build
	if in.Version == "" {
		in.Version = "(devel)"
	}
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, in)
	}
	w := opts.env.Stdout
	fmt.Fprintf(w, "caseplan %s\n", in)
	if in.Revision != "" {
		modified := ""
		if in.Modified {
			modified = " (with uncommitted changes)"
		}
		fmt.Fprintf(w, "commit:   %s%s\n", in.Revision, modified)
		if in.Time != "" {
			fmt.Fprintf(w, "time:     %s\n", in.Time)
		}
	}
	if in.Go != "" {
		fmt.Fprintf(w, "built by: %s for %s\n", in.Go, in.Platform)
	}
	return nil
}
