package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/sealed"
	"github.com/caseplan/caseplan/pkg/store"
)

type caseSealedShowOptions struct {
	*globals
	caseID string
	output string
	at     string // --at: a commit to read the fields from; "" for the work tree
}

func newCmdCaseSealedShow(g *globals, runF func(*caseSealedShowOptions) error) *cobra.Command {
	opts := &caseSealedShowOptions{globals: g}
	c := &cobra.Command{
		Use:   "show CASE",
		Short: "Show the case's sealed fields (needs your key)",
		Long: `Decrypt and show the sealed fields of CASE with your age identity (caseplan
key new makes one; caseplan key show says where it is). Only the people the
fields are sealed to can: the case's manager, the staff on its team and the
supervisors. This is the only command that shows a sealed value.

--at COMMIT shows them as that commit holds them, read from git objects:
after a sync kept a colleague's value of a sealed field over yours, or
their whole sealed file when it could not open all its versions (a
sync-conflict on sealed.age names your commit), caseplan case sealed show
CASE --at COMMIT shows what you had set, to set again.

Only caseplan writes sealed.age. When the commit that last changed it is
not a caseplan command's (the file was replaced by hand, perhaps with
another case's sealed to the same people), the fields are shown all the
same, with a warning on stderr naming the commit, and the exit status
is 1; the way back seals the fields as the commit before held them:

  caseplan case sealed show W-001 --at 3f2a9c1e4b7d^
  caseplan case sealed set W-001 --from 3f2a9c1e4b7d^

caseplan verify names such a commit too (sealed-hand-edit).

  -o json  {"case","recipients":[staff ids],"fields":{"date_of_birth",
           "ssn_last4","state_id_last4","disability","health",
           "criminal_record","public_assistance","sex","ethnicity","race",
           "veteran"}} (fields not set are left out)` + "\n" + exitStatusHelp,
		Example: `  caseplan case sealed show 2026-K7QX2   # decrypt with your age identity
  # the fields as the commit before 3f2a9c1e4b7d held them
  caseplan case sealed show 2026-K7QX2 --at 3f2a9c1e4b7d^`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.caseID = args[0]
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return caseSealedShowRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, "text", "json")
	c.Flags().StringVar(&opts.at, "at", "", "show the fields as `COMMIT` holds them (a hash, branch or tag)")
	return c
}

func caseSealedShowRun(opts *caseSealedShowOptions) error {
	root, err := opts.storeRoot()
	if err != nil {
		return err
	}
	var src store.Source
	if src, err = store.NewWorkTree(root); err != nil {
		return err
	}
	if opts.at != "" {
		repo, err := opts.openRepo()
		if err != nil {
			return err
		}
		defer repo.Close()
		at, err := repo.ResolveRevision(opts.at)
		if err != nil {
			return revisionError(repo, "--at", err)
		}
		tree, err := repo.TreeAt(at)
		if err != nil {
			return err
		}
		src = store.GitTree{Tree: tree}
	}
	snap, err := loadFrom(src, []string{opts.caseID})
	if err != nil {
		return err
	}
	author, err := opts.keyAuthor()
	if err != nil {
		return err
	}
	k, err := opts.keysOf(author)
	if err != nil {
		return err
	}
	f, err := casework.OpenSealed(src, snap, opts.caseID, k)
	if dmg := (*casework.DamagedSealedError)(nil); errors.As(err, &dmg) {
		return opts.damagedSealed(dmg)
	}
	if err != nil {
		return opts.changeError(err)
	}
	var hand *casework.HandSealedError
	if s := snap.Case(opts.caseID).Sealed; s != nil && s.Ciphertext {
		if hand, err = opts.handSealed(opts.caseID, opts.at); err != nil {
			return err
		}
	}
	if err := opts.writeSealed(snap, f); err != nil {
		return err
	}
	if hand != nil {
		return &InvalidError{Msg: hand.Error(), Hint: hand.Hint()}
	}
	return nil
}

// writeSealed prints case fields f: a table, or JSON.
func (opts *caseSealedShowOptions) writeSealed(snap *casefile.Snapshot, f sealed.Fields) error {
	var recipients []string
	if s := snap.Case(opts.caseID).Sealed; s != nil {
		for _, r := range s.Recipients {
			recipients = append(recipients, r.Staff)
		}
	}
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, struct {
			Case       string        `json:"case"`
			Recipients []string      `json:"recipients"`
			Fields     sealed.Fields `json:"fields"`
		}{opts.caseID, orEmpty(recipients), f})
	}
	if f.Empty() {
		fmt.Fprintf(opts.env.Stderr, "caseplan: case %s has no sealed fields\n", opts.caseID)
		return nil
	}
	t := newTable(opts.env, "FIELD", "VALUE")
	for _, name := range sealed.Names {
		if v := *f.Field(name); v != "" {
			t.row(name, v)
		}
	}
	return t.flush()
}

// handSealed says, for case id's sealed.age that opened, when the commit
// that last changed it (as at or, "" for it, HEAD has it) is not one a
// caseplan command made — asking history.SealedHandEdit, the test verify
// applies. With at "", a work tree's file that is not the committed one
// is caseplan commit's to judge (it refuses one changed by hand), not
// this. case sealed show and the participant's copy of the case file
// (case show --sealed) both ask it.
func (g *globals) handSealed(id, at string) (*casework.HandSealedError, error) {
	repo, err := g.openRepo()
	if err != nil {
		return nil, err
	}
	defer repo.Close()
	head, err := repo.Head()
	from := head
	if err == nil && at != "" {
		from, err = repo.ResolveRevision(at)
	}
	if err != nil || from.IsZero() {
		return nil, err
	}
	path := layout.Sealed(id)
	if at == "" {
		tree, err := repo.TreeAt(from)
		if err != nil {
			return nil, err
		}
		data, werr := os.ReadFile(filepath.Join(repo.Root(), filepath.FromSlash(path)))
		e, terr := tree.Entry(path)
		if werr != nil || terr != nil || e.Hash != plumbing.ComputeHash(plumbing.BlobObject, data) {
			return nil, nil
		}
	}
	changed, _, err := lastChanged(repo, from, path, id, from == head)
	if err != nil || changed.IsZero() {
		return nil, err
	}
	edit, err := history.SealedHandEdit(repo.Git(), changed, id)
	if err != nil || edit == nil {
		return nil, err
	}
	return &casework.HandSealedError{Case: id, Path: path, Edit: *edit}, nil
}

// damagedSealed names, for a sealed.age that does not decrypt, the commit
// that last changed it (as --at or HEAD has it) and the one before, whose
// version to go back to — or says the work tree's file is not the one
// committed. The records are what is wrong: exit status 1.
func (opts *caseSealedShowOptions) damagedSealed(dmg *casework.DamagedSealedError) error {
	repo, err := opts.openRepo()
	if err != nil {
		return err
	}
	defer repo.Close()
	from, err := repo.Head()
	if opts.at != "" {
		from, err = repo.ResolveRevision(opts.at)
	}
	if err != nil {
		return err
	}
	if opts.at == "" && !from.IsZero() {
		tree, err := repo.TreeAt(from)
		if err != nil {
			return err
		}
		data, werr := os.ReadFile(filepath.Join(repo.Root(), filepath.FromSlash(dmg.Path)))
		e, terr := tree.Entry(dmg.Path)
		dmg.Uncommitted = werr == nil && (terr != nil || e.Hash != plumbing.ComputeHash(plumbing.BlobObject, data))
	}
	if !dmg.Uncommitted {
		changed, before, err := lastChanged(repo, from, dmg.Path, opts.caseID, opts.at == "")
		if err != nil {
			return err
		}
		if !changed.IsZero() {
			dmg.Changed = changed.String()
		}
		if !before.IsZero() {
			dmg.Before = before.String()
		}
	}
	return &InvalidError{Msg: dmg.Error(), Hint: dmg.Hint()}
}

// lastChanged returns the commit that last changed case id's file p as
// from has it, and its parent (gitstore's LastChangedAmong), told the
// commits that may have: the case's audit trail and the store-wide
// commits (a roster change re-seals the cases it touches) — from the
// clone's log index when from is HEAD (head), as log reads it, or else a
// walk of the commit messages, which leaves HEAD's index alone. A file sealed long
// ago is then found by reading its path at a few dozen commits rather
// than at every commit since (minutes at 50,000 commits).
func lastChanged(repo *gitstore.Repo, from plumbing.Hash, p, id string, head bool) (commit, parent plumbing.Hash, err error) {
	var state history.StateFiles
	if head {
		state = repo
	}
	trail, err := history.LogIndexed(repo.Git(), state, from, "", 0, nil)
	if err != nil {
		return plumbing.ZeroHash, plumbing.ZeroHash, err
	}
	var likely []plumbing.Hash
	for _, e := range trail {
		if len(e.Cases) == 0 || slices.Contains(e.Cases, id) || slices.Contains(e.Cases, audit.StoreWide) {
			likely = append(likely, plumbing.NewHash(e.Commit))
		}
	}
	return repo.LastChangedAmong(from, p, likely)
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
