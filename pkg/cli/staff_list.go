package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"golang.org/x/crypto/ssh"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sshsig"
)

type staffListOptions struct {
	*globals
	output string
}

func newCmdStaffList(g *globals, runF func(*staffListOptions) error) *cobra.Command {
	opts := &staffListOptions{globals: g}
	c := &cobra.Command{
		Use:   "list",
		Short: "List the staff roster",
		Long: `List the staff roster: id, name, email, role and center.

  -o json             [{"id","name","email","role","center","active",
                      "age_recipient","signing_key"}]
  -o allowed-signers  the roster's signing keys as git's allowed-signers
                      file, for git verify-commit and git log
                      --show-signature:
                        caseplan staff list -o allowed-signers > ~/.caseplan-signers
                        git config gpg.ssh.allowedSignersFile ~/.caseplan-signers`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, "text", "json", "allowed-signers"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return staffListRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json", "allowed-signers")
	return c
}

func staffListRun(opts *staffListOptions) error {
	snap, err := opts.loadWorkTree([]string{}) // the settings only
	if err != nil {
		return err
	}
	if opts.output == "allowed-signers" {
		return writeAllowedSigners(opts.env.Stdout, snap.Config)
	}
	if opts.output == "json" {
		type item struct {
			ID     string `json:"id"`
			Name   string `json:"name"`
			Email  string `json:"email"`
			Role   string `json:"role"`
			Center string `json:"center"`
			Active bool   `json:"active"`
			// The public keys (README, Confidentiality).
			AgeRecipient string `json:"age_recipient,omitempty"`
			SigningKey   string `json:"signing_key,omitempty"`
		}
		items := []item{}
		for _, s := range snap.Config.Staff {
			items = append(items, item{s.ID, s.Name, s.Email, s.Role, s.Center, s.IsActive(), s.AgeRecipient, s.SigningKey})
		}
		return writeJSON(opts.env.Stdout, items)
	}
	t := newTable(opts.env, "ID", "NAME", "EMAIL", "ROLE", "CENTER")
	for _, s := range snap.Config.Staff {
		t.row(s.ID, s.Name, s.Email, s.Role, s.Center)
	}
	return t.flush()
}

// writeAllowedSigners writes the roster's signing keys as git's
// allowed-signers file (ssh-keygen(1), ALLOWED SIGNERS): one line per
// member with a key, valid for git's namespace only. Former members stay
// in it: their past commits were theirs.
func writeAllowedSigners(w io.Writer, cfg *record.Config) error {
	for _, s := range cfg.Staff {
		if s.SigningKey == "" {
			continue
		}
		key, err := sshsig.ParsePublicKey(s.SigningKey)
		if err != nil {
			return fmt.Errorf("the signing key of %s in %s does not parse: %w", s.ID, layout.ConfigPath, err)
		}
		if _, err := fmt.Fprintf(w, "%s namespaces=\"%s\" %s", s.Email, sshsig.Namespace, ssh.MarshalAuthorizedKey(key)); err != nil {
			return err
		}
	}
	return nil
}
