package cli

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/teamsync"
)

type cloneOptions struct {
	*globals
	url    string
	dir    string
	branch string
	noHook bool
}

func newCmdClone(g *globals, runF func(*cloneOptions) error) *cobra.Command {
	opts := &cloneOptions{globals: g}
	c := &cobra.Command{
		Use:   "clone URL [DIR]",
		Short: "Make a clone of the team's store from its git host",
		Long: `Clone the store at URL into DIR (default: the last part of URL, without
.git), with URL as its remote origin, ready for caseplan sync.

The whole history is checked with verify's rules before the clone is made
(every commit's trailers and author on the roster of its parent, notes never
changed); a broken history is refused and nothing is left behind. The clone's
trust anchors start at the cloned commit.

URL is https, ssh (also git@host:path) or git://; credentials are found as
for caseplan sync.

Like caseplan init, it installs the git pre-commit hook (unless --no-hook)
that refuses a commit made by hand with git when it adds errors to the
records: git does not copy hooks with a clone.` + "\n" + exitStatusHelp,
		Example: `  # a clone of the team's store, in the directory office
  caseplan clone https://git.example.org/office/cases.git office
  caseplan clone git@git.example.org:office/cases.git   # over ssh, into cases`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.url = args[0]
			if len(args) == 2 {
				opts.dir = args[1]
			} else {
				opts.dir = cloneDirName(opts.url)
			}
			if opts.dir == "" {
				return usageErrorf("cannot tell a directory name from %q; name one: caseplan clone URL DIR", opts.url)
			}
			if runF != nil {
				return runF(opts)
			}
			return cloneRun(opts)
		},
	}
	c.Flags().StringVar(&opts.branch, "branch", "", "the `BRANCH` to clone (default: the remote's HEAD)")
	c.Flags().BoolVar(&opts.noHook, "no-hook", false, "do not install the git pre-commit hook that refuses hand commits of the records")
	return c
}

// cloneDirName is git clone's rule: the URL's last part without .git.
func cloneDirName(url string) string {
	u := strings.TrimRight(url, "/")
	if i := strings.LastIndexAny(u, "/:"); i >= 0 {
		u = u[i+1:]
	}
	u = strings.TrimSuffix(path.Base(u), ".git")
	if u == "." || u == "/" {
		return ""
	}
	return u
}

func cloneRun(opts *cloneOptions) error {
	dir := opts.dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(opts.env.Dir, dir)
	}
	rem, err := opts.newRemote(nil, gitstore.DefaultRemote, opts.url)
	if err != nil {
		return err
	}
	ctx := opts.interruptContext()
	res, err := teamsync.Clone(ctx, rem, dir, opts.branch)
	switch {
	case errors.Is(err, teamsync.ErrEmptyRemote):
		return hintf(err, "to put a new store there, create it with caseplan init --remote %s", rem.Redacted())
	case err != nil:
		return opts.firstContactError(err, rem, "caseplan clone")
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: cloned %s into %s (%s at %s); audit trail intact: %d commit(s) checked\n",
		rem.Redacted(), dir, res.Branch, res.Head.String()[:12], res.Commits)
	if opts.noHook {
		return nil
	}
	// The clone is made: a hook that cannot be installed is a warning, not
	// a failed clone.
	repo, err := gitstore.Open(dir)
	if err == nil {
		_, err = casework.InstallHook(repo)
		repo.Close()
	}
	if err != nil {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %v\n", err)
	}
	return nil
}
