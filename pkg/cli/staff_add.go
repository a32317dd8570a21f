package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

type staffAddOptions struct {
	*globals
	noCommit bool
	change   casework.AddStaff
}

func newCmdStaffAdd(g *globals, runF func(*staffAddOptions) error) *cobra.Command {
	opts := &staffAddOptions{globals: g}
	c := &cobra.Command{
		Use:   "add --name NAME --email EMAIL",
		Short: "Add a staff member to the roster",
		Long: `Add a staff member to the roster in cases/caseplan.yaml. Every commit to the
store must be authored by someone on the roster (caseplan verify checks it),
and case managers and note authors are named by their roster id. The id
defaults to the email address's local part; it is printed. Once the roster
names an admin, only an admin adds staff (caseplan staff set changes an
entry).

Where the store requires signed commits, a member added without
--signing-key cannot commit until an admin adds one; staff add warns so,
as validate does (roster-signing-key). Likewise a supervisor added without
--age-recipient in a store that keeps sealed fields: supervisors read every
case, but nothing can be sealed to them (roster-age-recipient).` + "\n" + exitStatusHelp,
		Example: `  # a case manager (the default role), by their git email
  caseplan staff add --name 'Dev Patel' --email dpatel@example.org
  # an admin, with the public keys their caseplan key new printed
  caseplan staff add --name 'Ada Admin' --email aadmin@example.org \
      --role admin --signing-key 'ssh-ed25519 AAAA... aadmin' \
      --age-recipient age1...`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return staffAddRun(opts)
		},
	}
	f := c.Flags()
	s := &opts.change.Staff
	f.StringVar(&s.Name, "name", "", "full `NAME`")
	f.StringVar(&s.Email, "email", "", "`EMAIL` address (the one they commit with)")
	f.StringVar(&s.ID, "id", "", "roster `ID` (default: the email's local part)")
	f.StringVar(&s.Role, "role", "case-manager", "`ROLE`: "+choicesOf("staff add", "role"))
	f.StringVar(&s.Center, "center", "", "the office they work from")
	f.StringVar(&s.AgeRecipient, "age-recipient", "", "their age `RECIPIENT` (age1...): their cases' sealed fields are encrypted to it")
	f.StringVar(&s.SigningKey, "signing-key", "", "their SSH public `KEY` (ssh-ed25519 AAAA...): their commits are signed with it")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the change but do not commit it")
	_ = c.MarkFlagRequired("name")
	_ = c.MarkFlagRequired("email")
	return c
}

func staffAddRun(opts *staffAddOptions) error {
	res, err := opts.writeResult(opts.noCommit, nil, opts.change.Build, outputOnly)
	if err != nil || res.After == nil || res.After.Config == nil {
		return err
	}
	// Added without a signing key where signatures are required, the new
	// member cannot commit at all: say so now, with the way to give them
	// one, rather than leave it to validate's warning.
	cfg := res.After.Config
	if s, ok := cfg.StaffByID(res.Change.Output); ok && s.SigningKey == "" && s.IsActive() && cfg.AccessSettings().RequireSignatures {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %s has no signing key, and the store requires signed commits: they cannot commit until an admin adds one\n", s.ID)
		fmt.Fprintf(opts.env.Stderr, "caseplan: hint: they run caseplan key new and send the public keys it prints; then caseplan staff set %s --signing-key KEY --age-recipient RECIPIENT\n", s.ID)
	}
	opts.sayUnsealedSupervisor(cfg, res.Change.Output)
	return nil
}

// sayUnsealedSupervisor warns when staff member id is an active
// supervisor with no age recipient in a store that keeps sealed fields:
// they are left out of every case's sealed fields though their role reads
// every case. Said now, as validate's roster-age-recipient says it later.
func (g *globals) sayUnsealedSupervisor(cfg *record.Config, id string) {
	s, ok := cfg.StaffByID(id)
	if !ok {
		return
	}
	msg := validate.UnsealedSupervisor(s)
	if msg == "" {
		return
	}
	root, err := g.storeRoot()
	if err != nil {
		return
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return
	}
	anySealed, err := validate.SealedIn(src)()
	if err != nil {
		// Unknown is not "no": say the supervisor may be unable to read.
		fmt.Fprintf(g.env.Stderr, "caseplan: warning: cannot tell whether the store keeps sealed fields, which %s, a supervisor with no age recipient, could not read: %v\n", s.ID, err)
		return
	}
	if validate.StoreSeals(cfg, anySealed) {
		fmt.Fprintf(g.env.Stderr, "caseplan: warning: %s\n", msg)
	}
}
