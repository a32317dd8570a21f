package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/layout"
)

type initOptions struct {
	*globals
	dir          string
	organization string
}

func newCmdInit(g *globals, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{globals: g}
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a case store: settings, schemas, CI workflow, git repository",
		Long: `Create a case store in DIR (default: the working directory): cases/caseplan.yaml
with one program of each kind (work-security, wioa, post-employment) and the
acting author as the first staff member and its admin, the JSON Schemas
under schemas/, a GitHub workflow that runs caseplan validate and verify, a
git repository if there is none, and the first commit.

When the author has keys (caseplan key new), their public halves go on the
roster, the first commit is signed, and the store requires every commit to
be signed (access.require_signatures): without it, anyone with a clone can
commit in any roster member's name with --author, and nothing would tell.` + "\n" + exitStatusHelp,
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
	k, err := opts.keysOf(author)
	if err != nil {
		return err
	}
	hash, err := casework.Init(casework.InitStore{
		Dir: dir, Organization: opts.organization, Author: author, When: opts.commitTime(), Keys: k,
	})
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
	return nil
}
