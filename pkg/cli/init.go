package cli

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
)

type initOptions struct {
	*globals
	dir          string
	organization string
	noHook       bool
}

func newCmdInit(g *globals, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{globals: g}
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a case store: settings, schemas, CI workflow, git repository",
		Long: `Create a case store in DIR (default: the working directory): cases/caseplan.yaml
with one program of each kind (work-security, wioa, post-employment), the
acting author as the first staff member and this caseplan's version
(caseplan_version), the JSON Schemas under schemas/, a GitHub workflow that
installs that version and runs caseplan validate and verify on every push,
VS Code settings that give every record file its schema (.vscode/), a git
repository if there is none, and the first commit.

It also installs a git pre-commit hook (unless --no-hook, or a pre-commit
hook is already there) that refuses a commit made by hand with git when it
adds errors to the records: it runs caseplan validate --new-from HEAD.
caseplan's own commands validate before they commit and run no hooks. The
hook belongs to this clone, as git hooks do; in a clone of the store,
install it with the pre-commit framework (this repository's
.pre-commit-hooks.yaml) or copy it from the store that has it.` + "\n" + exitStatusHelp,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
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
	c.Flags().BoolVar(&opts.noHook, "no-hook", false, "do not install the git pre-commit hook that refuses hand commits of invalid records")
	return c
}

func initRun(opts *initOptions) error {
	dir := opts.dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(opts.env.Dir, dir)
	}
	author, err := opts.actingAuthor(nil)
	if err != nil {
		return err
	}
	hash, err := casework.Init(casework.InitStore{
		Dir: dir, Organization: opts.organization, Author: author, When: opts.commitTime(),
		CaseplanVersion: opts.env.Build.Installable(), Hook: !opts.noHook,
	})
	var hookErr *casework.HookError
	if errors.As(err, &hookErr) {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %v\n", err)
		err = nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: created a case store in %s (commit %s); %s is on the staff roster as %s\n",
		dir, hash[:12], author, casework.StaffID(author.Email))
	return nil
}
