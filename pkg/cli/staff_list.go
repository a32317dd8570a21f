package cli

import (
	"fmt"
	"github.com/caseplan/caseplan/pkg/progress"
	"io"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/crypto/ssh"

	"github.com/caseplan/caseplan/pkg/history"
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
		Long: `List the staff roster: id, name, email, role, center and status (active, or
retired with caseplan staff set ID --active=false: a retired member stays on
the roster, which names past authors, but commits nothing).

  -o json             [{"id","name","email","role","center","active",
                      "age_recipient","signing_key"}]
  -o allowed-signers  every signing key in the roster's history as git's
                      allowed-signers file, each valid (valid-after,
                      valid-before) for the commits made while it was on
                      the roster of an active member, for git
                      verify-commit and git log --show-signature

After a key changes or a member is retired, make the allowed-signers file
again:
  caseplan staff list -o allowed-signers > ~/.caseplan-signers
  git config gpg.ssh.allowedSignersFile ~/.caseplan-signers`,
		Example: `  caseplan staff list        # the roster: IDs, roles, centers
  # the keys git checks caseplan's commit signatures with
  caseplan staff list -o allowed-signers > allowed_signers`,
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
	if opts.output == "allowed-signers" {
		return staffListSigners(opts)
	}
	snap, err := opts.loadWorkTree([]string{}) // the settings only
	if err != nil {
		return err
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
	// The standing comes last, as in due's piped lines, so the fields
	// before it keep their places for scripts; a retired member stays on
	// the roster (it names past authors) and must not read as one still
	// at work.
	t := newTable(opts.env, "ID", "NAME", "EMAIL", "ROLE", "CENTER", "STATUS")
	for _, s := range snap.Config.Staff {
		t.row(s.ID, s.Name, s.Email, s.Role, s.Center, managerStatus(!s.IsActive()))
	}
	return t.flush()
}

// staffListSigners writes git's allowed-signers file (ssh-keygen(1),
// ALLOWED SIGNERS) from the roster's history: every signing key any member
// ever had, valid for git's namespace only, and only for the commits made
// while it was on the roster (valid-after, and valid-before once it is off
// it), which git checks against each commit's committer time. A key
// replaced after a lost laptop still verifies the commits it signed, a
// former member's theirs; a commit signed with a replaced key and dated
// after it went does not.
func staffListSigners(opts *staffListOptions) error {
	defer opts.limitHistoryMemory()()
	repo, head, err := opts.openHead()
	if err != nil {
		return err
	}
	defer repo.Close()
	if head.IsZero() {
		return fmt.Errorf("the store has no commits yet, so no signing key was ever on its roster")
	}
	// Every commit's roster is read: some 20 s at 50,000 commits, which
	// a terminal sees counted.
	var m *progress.Meter
	defer m.Done()
	keys, err := history.SigningKeys(repo.Git(), head, func(done, total int) {
		if m == nil {
			m = opts.meter("allowed signers", total, "commits read")
		}
		m.Add(1)
	})
	if err != nil {
		return shallowError(repo, err)
	}
	return writeAllowedSigners(opts.env.Stdout, keys)
}

// allowedSignersTime is the time format of valid-after and valid-before,
// in UTC (the Z) whatever the reader's time zone.
const allowedSignersTime = "20060102150405Z"

// writeAllowedSigners writes keys as allowed-signers lines.
func writeAllowedSigners(w io.Writer, keys []history.SigningKey) error {
	for _, k := range keys {
		opts := fmt.Sprintf("namespaces=\"%s\",valid-after=\"%s\"", sshsig.Namespace, k.First.UTC().Format(allowedSignersTime))
		if !k.Current {
			// Both bounds hold the second they name; ssh-keygen refuses a
			// valid-before that is not after valid-after.
			last := k.Last
			if !last.After(k.First) {
				last = k.First.Add(time.Second)
			}
			opts += fmt.Sprintf(",valid-before=\"%s\"", last.UTC().Format(allowedSignersTime))
		}
		if _, err := fmt.Fprintf(w, "%s %s %s", k.Email, opts, ssh.MarshalAuthorizedKey(k.Key)); err != nil {
			return err
		}
	}
	return nil
}
