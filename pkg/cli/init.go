package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/teamsync"
)

type initOptions struct {
	*globals
	dir          string
	organization string
	remote       string
	noHook       bool
}

func newCmdInit(g *globals, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{globals: g}
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a case store: settings, schemas, CI workflow, git repo",
		Long: `Create a case store in DIR (default: the working directory): cases/caseplan.yaml
with one program of each kind (work-security, wioa, post-employment), the
acting author as the first staff member and its admin, this caseplan's
version (caseplan_version), the JSON Schemas under schemas/, a GitHub
workflow that installs that version and runs caseplan validate and verify on
every push, VS Code settings that give every record file its schema
(.vscode/), a git repository if there is none, and the first commit.

When the author has keys (caseplan key new), their public halves go on the
roster, the first commit is signed, and the store requires every commit to
be signed (access.require_signatures): without it, anyone with a clone can
commit in any roster member's name with --author, and nothing would tell.

It also installs a git pre-commit hook (unless --no-hook, or a pre-commit
hook is already there) that refuses a commit made by hand with git when it
adds errors to the records (it runs caseplan validate --new-from HEAD), or
when it changes cases/ at all: such a commit lacks caseplan's trailers,
which verify and sync require; caseplan commit commits the edits instead.
caseplan's own commands validate before they commit and run no hooks. The
hook belongs to this clone, as git hooks do; caseplan clone installs it in
each colleague's clone, and for clones made with git clone too, use the
pre-commit framework with caseplan's .pre-commit-hooks.yaml.

With --remote URL the store is made for a team: URL, an empty repository on
the git host (https, ssh or git://), becomes the remote origin and receives
the first commit, so colleagues can caseplan clone it. A remote that already
holds commits is refused before anything is created. After the push init
asks the remote which branch its HEAD names and warns when it is not the
store's (a bare repository made with master as its default): a plain git
clone of it would check out nothing until its default branch is set.` + "\n" + exitStatusHelp,
		Example: `  # a store of one's own, in the directory casework
  caseplan init casework --organization 'Example Workforce Board'
  # a team's store, pushed to an empty repository on the git host
  caseplan init office --organization 'Example Workforce Board' \
      --remote https://git.example.org/office/cases.git`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			// The name heads every report; an empty one would make a
			// store whose settings are invalid from the first commit.
			if strings.TrimSpace(opts.organization) == "" {
				return &UsageError{Msg: "--organization: the organisation's name is empty", Hint: `name it, e.g. --organization "Riverside Workforce Board", or leave the flag out for "Workforce Services"`}
			}
			opts.dir = "."
			if len(args) == 1 {
				opts.dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	c.Flags().StringVar(&opts.organization, "organization", "Workforce Services", "the organisation's `NAME`")
	c.Flags().BoolVar(&opts.noHook, "no-hook", false, "do not install the git pre-commit hook that refuses hand commits of the records")
	c.Flags().StringVar(&opts.remote, "remote", "", "an empty repository on the team's git host, at `URL`, to push the new store to")
	return c
}

func initRun(opts *initOptions) error {
	dir := opts.dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(opts.env.Dir, dir)
	}
	// In a git repository that already exists, its own config names the
	// author before the global one, as for every later command.
	var existing *gitstore.Repo
	if r, err := gitstore.Open(dir); err == nil {
		existing = r
	}
	author, err := opts.actingAuthor(existing)
	if existing != nil {
		existing.Close()
	}
	if err != nil {
		return err
	}
	k, err := opts.keysOf(author)
	if err != nil {
		return err
	}
	var rem *gitstore.Remote
	ctx := opts.interruptContext()
	if opts.remote != "" {
		// The remote is asked first, so an unreachable or occupied one
		// leaves nothing behind.
		if rem, err = opts.newRemote(nil, gitstore.DefaultRemote, opts.remote); err != nil {
			return err
		}
		branches, _, err := rem.Branches(ctx)
		if err != nil {
			return opts.firstContactError(err, rem, "caseplan init --remote")
		}
		if len(branches) > 0 {
			return &UsageError{Msg: fmt.Sprintf("%s already holds commits (%s)", rem.Redacted(), strings.Join(branches, ", ")),
				Hint: "to work on that store, clone it: caseplan clone " + rem.Redacted()}
		}
	}
	hash, err := casework.Init(casework.InitStore{
		Dir: dir, Organization: opts.organization, Author: author, When: opts.commitTime(),
		CaseplanVersion: opts.env.Build.Installable(), Hook: !opts.noHook, Keys: k,
	})
	var hookErr *casework.HookError
	if errors.As(err, &hookErr) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %v\n", err)
		err = nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: created a case store in %s (commit %s); %s is on the staff roster as %s, its admin\n",
		dir, hash[:12], author, casework.StaffID(author.Email))
	if k.Signer == nil {
		fmt.Fprintln(opts.env.Stderr, "caseplan: warning: commits are not signed and the store does not require signatures: you have no signing key")
		fmt.Fprintf(opts.env.Stderr, "caseplan: hint: make one with caseplan key new, put it on the roster with caseplan staff set %s --signing-key KEY --age-recipient RECIPIENT, then set access.require_signatures: true in %s (README, Confidentiality)\n",
			casework.StaffID(author.Email), layout.ConfigPath)
	}
	if rem == nil {
		return nil
	}
	repo, err := gitstore.Open(dir)
	if err != nil {
		return err
	}
	defer repo.Close()
	if err := repo.SetRemote(gitstore.DefaultRemote, opts.remote); err != nil {
		return err
	}
	branch, err := repo.Branch()
	if err != nil {
		return err
	}
	if err := repo.SetUpstream(branch, gitstore.DefaultRemote); err != nil {
		return err
	}
	res, err := teamsync.Sync(ctx, teamsync.Options{Repo: repo, Remote: rem, LockWait: opts.storeLockWait()})
	if err != nil {
		return hintf(opts.syncError(err, rem), "the store is made; send it with caseplan sync once the remote can be reached")
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: pushed %s to %s; colleagues can now run caseplan clone %s\n", res.Branch, rem.Redacted(), rem.Redacted())
	warnRemoteHead(ctx, opts.env.Stderr, rem, res.Branch)
	return nil
}

// warnRemoteHead says when the remote's HEAD does not name the branch
// just pushed: a bare repository made by a git whose default branch is
// master keeps HEAD there, and a plain git clone of it then checks out
// nothing ("remote HEAD refers to nonexistent ref"). caseplan cannot set
// a remote's HEAD over the wire, so it says who can. caseplan clone copes
// either way (it takes main when HEAD names no branch). A remote that
// cannot be asked again is not worth a second error: the push succeeded.
func warnRemoteHead(ctx context.Context, w io.Writer, rem *gitstore.Remote, branch string) {
	head, listed, err := rem.Head(ctx)
	if err != nil || (listed && (head == "" || head == branch)) {
		return
	}
	if !listed {
		fmt.Fprintf(w, "caseplan: warning: the remote's HEAD does not name %s (it names a branch that does not exist), so a plain git clone of %s checks out nothing; caseplan clone takes %s\n",
			branch, rem.Redacted(), branch)
	} else {
		fmt.Fprintf(w, "caseplan: warning: the remote's HEAD names %s, not %s, so a plain git clone of %s checks out %s\n",
			head, branch, rem.Redacted(), head)
	}
	fmt.Fprintf(w, "caseplan: hint: make %s the repository's default branch: on GitHub or GitLab in its settings; on a bare repository on a server, git symbolic-ref HEAD refs/heads/%s in it\n",
		branch, branch)
}
