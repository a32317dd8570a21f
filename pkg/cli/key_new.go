package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/keys"
)

type keyNewOptions struct {
	*globals
	rotate bool
	output string
}

func newCmdKeyNew(g *globals, runF func(*keyNewOptions) error) *cobra.Command {
	opts := &keyNewOptions{globals: g}
	c := &cobra.Command{
		Use:   "new [--rotate]",
		Short: "Make your age identity and signing key",
		Long: `Make the acting person's private keys, outside any store: an age identity
(X25519), which opens the sealed fields of the cases they are on, and an
Ed25519 SSH key, which signs their commits (git's SSH signature format). It
prints their public halves, which an admin puts on the roster with
caseplan staff set.

The keys are files readable only by you, in caseplan/keys under your config
directory (~/.config on Linux), named by your email address; CASEPLAN_KEYS
names another directory, and CASEPLAN_AGE_IDENTITY and CASEPLAN_SIGNING_KEY
name the two files directly. Anyone who has the files can read what is
sealed to you and sign in your name: keep them on an encrypted disk, never
in a store or a backup that others read.

--rotate makes new keys of both kinds: the old age identity stays in the
file, below the new one, so that files sealed to it still open until they
are re-sealed to the new one; the old signing key is kept as *.ssh.old.` + "\n" + exitStatusHelp,
		Example: `  caseplan key new                  # keys for your email (git config)
  # an admin's keys, before their caseplan init
  caseplan key new --author 'Ada Admin <aadmin@example.org>'
  caseplan key new --rotate         # new keys; the old identity still opens`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return keyNewRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.rotate, "rotate", false, "make new keys even if you have some")
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func keyNewRun(opts *keyNewOptions) error {
	author, err := opts.keyAuthor()
	if err != nil {
		return err
	}
	old, err := opts.keysOf(author)
	if err != nil && !opts.rotate {
		return err
	}
	if !opts.rotate && old != nil && old.Signer != nil && len(old.Identities) > 0 {
		return &UsageError{
			Msg:  fmt.Sprintf("%s already has keys (%s, %s)", old.Email, old.AgePath, old.SSHPath),
			Hint: "caseplan key show prints their public halves; caseplan key new --rotate makes new ones",
		}
	}
	k, made, err := keys.New(opts.env.Getenv, author.Email, opts.commitTime(), opts.rotate)
	if err != nil {
		return err
	}
	if made.Identity {
		fmt.Fprintf(opts.env.Stderr, "caseplan: made the age identity of %s in %s\n", k.Email, k.AgePath)
	}
	if made.Signing {
		fmt.Fprintf(opts.env.Stderr, "caseplan: made the signing key of %s in %s\n", k.Email, k.SSHPath)
	}
	v := opts.newKeyView(k)
	if err := opts.printKeyView(v, opts.output); err != nil {
		return err
	}
	if v.Roster == "" && opts.output == "text" {
		// Made outside a store, as a colleague does before their first clone.
		v.hintSendToAdmin(opts.env.Stderr)
		fmt.Fprintln(opts.env.Stderr, "caseplan: hint: setting up a new store yourself: caseplan init puts them on its roster, as its admin's, and requires signed commits")
	}
	return nil
}
