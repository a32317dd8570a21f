package cli

import (
	"github.com/spf13/cobra"
)

type keyShowOptions struct {
	*globals
	output string
}

func newCmdKeyShow(g *globals, runF func(*keyShowOptions) error) *cobra.Command {
	opts := &keyShowOptions{globals: g}
	c := &cobra.Command{
		Use:   "show",
		Short: "Show your keys' public halves, and whether the roster holds them",
		Long: `Show the acting person's keys: the public halves (the age recipient and the
SSH signing key, as the roster holds them), where the private halves are, and,
inside a store, whether the roster holds the same ones. It never prints a
private key.

  -o json  {"email","age_recipient","signing_key","signing_key_fingerprint",
           "identity_file","signing_file","roster","staff_id"}` + "\n" + exitStatusHelp,
		Example: `  caseplan key show              # your public keys; does the roster hold them?
  caseplan key show -o json      # for a script`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return keyShowRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func keyShowRun(opts *keyShowOptions) error {
	author, err := opts.keyAuthor()
	if err != nil {
		return err
	}
	k, err := opts.keysOf(author)
	if err != nil {
		return err
	}
	if k.Signer == nil && len(k.Identities) == 0 {
		return &UsageError{
			Msg:  "no keys for " + k.Email + " (looked for " + k.AgePath + " and " + k.SSHPath + ")",
			Hint: "make them with caseplan key new",
		}
	}
	return opts.printKeyView(opts.newKeyView(k), opts.output)
}
