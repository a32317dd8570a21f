package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/sshsig"
	"github.com/caseplan/caseplan/pkg/store"
)

func newCmdKey(g *globals) *cobra.Command {
	return newGroupCmd("key", "Your private keys: for sealed fields (age) and signing commits",
		newCmdKeyNew(g, nil), newCmdKeyShow(g, nil))
}

// keyAuthor is whose keys a key command is about: the acting author,
// resolved as every command resolves it, with the store's git config when
// run inside a store or a git repository.
func (g *globals) keyAuthor() (casework.Author, error) {
	if root, err := store.Find(g.storeDirHint()); err == nil && root != "" {
		if repo, err := g.openRepo(); err == nil {
			defer repo.Close()
			return g.actingAuthor(repo)
		}
	}
	// A git repository that is to become a store (caseplan init there
	// after key new) names its author as init will.
	if repo, err := gitstore.Open(g.storeDirHint()); err == nil {
		defer repo.Close()
		return g.actingAuthor(repo)
	}
	return g.actingAuthor(nil)
}

// storeDirHint is where a store would be looked for, without failing when
// there is none.
func (g *globals) storeDirHint() string {
	dir := g.store
	if dir == "" {
		dir = g.env.Getenv("CASEPLAN_STORE")
	}
	if dir == "" {
		return g.env.Dir
	}
	if !isAbs(dir) {
		return g.env.Dir + "/" + dir
	}
	return dir
}

// keyView is what key new and key show print: the public halves, where
// the private ones are, and how they compare with the roster.
type keyView struct {
	Email        string `json:"email"`
	AgeRecipient string `json:"age_recipient"`
	SigningKey   string `json:"signing_key"`
	Fingerprint  string `json:"signing_key_fingerprint"`
	IdentityFile string `json:"identity_file"`
	SigningFile  string `json:"signing_file"`
	// Roster says how the keys compare with the store's roster: "same",
	// "different", "missing" (the roster has none for you), "not on the
	// roster", or "" outside a store.
	Roster string `json:"roster,omitempty"`
	// StaffID is the roster id of the person, inside a store.
	StaffID string `json:"staff_id,omitempty"`
}

func (g *globals) newKeyView(k *keys.Keys) keyView {
	v := keyView{Email: k.Email, AgeRecipient: k.Recipient(), SigningKey: k.SigningKey(), IdentityFile: k.AgePath, SigningFile: k.SSHPath}
	if k.Signer != nil {
		v.Fingerprint = sshsig.Fingerprint(k.Signer.PublicKey())
	}
	if _, err := store.Find(g.storeDirHint()); err != nil {
		return v
	}
	snap, err := g.loadWorkTree([]string{})
	if err != nil {
		return v
	}
	s, ok := snap.Config.StaffByEmail(k.Email)
	if !ok {
		v.Roster = "not on the roster"
		return v
	}
	v.StaffID = s.ID
	sameSigning := s.SigningKey == ""
	if s.SigningKey != "" && k.Signer != nil {
		if listed, err := sshsig.ParsePublicKey(s.SigningKey); err == nil {
			sameSigning = sshsig.SameKey(listed, k.Signer.PublicKey())
		}
	}
	switch {
	case s.AgeRecipient == "" && s.SigningKey == "":
		v.Roster = "missing"
	case s.AgeRecipient == v.AgeRecipient && sameSigning && s.SigningKey != "":
		v.Roster = "same"
	default:
		v.Roster = "different"
	}
	return v
}

func (g *globals) printKeyView(v keyView, output string) error {
	if output == "json" {
		return writeJSON(g.env.Stdout, v)
	}
	t := newTable(g.env, "FIELD", "VALUE")
	t.row("email", v.Email)
	t.row("age_recipient", dashIfEmpty(v.AgeRecipient))
	t.row("signing_key", dashIfEmpty(v.SigningKey))
	t.row("signing_key_fingerprint", dashIfEmpty(v.Fingerprint))
	t.row("identity_file", v.IdentityFile)
	t.row("signing_file", v.SigningFile)
	if v.Roster != "" {
		t.row("roster", v.Roster)
	}
	if err := t.flush(); err != nil {
		return err
	}
	switch v.Roster {
	case "missing", "different":
		fmt.Fprintf(g.env.Stderr, "caseplan: the roster does not hold these keys for %s\n", v.StaffID)
		fmt.Fprintf(g.env.Stderr, "caseplan: hint: an admin puts them there: caseplan staff set %s %s\n", v.StaffID, v.rosterFlags())
	case "not on the roster":
		v.hintSendToAdmin(g.env.Stderr)
	}
	return nil
}

// rosterFlags are the staff add and staff set flags that put v's public
// halves on the roster.
func (v keyView) rosterFlags() string {
	var set []string
	if v.AgeRecipient != "" {
		set = append(set, "--age-recipient "+v.AgeRecipient)
	}
	if v.SigningKey != "" {
		set = append(set, fmt.Sprintf("--signing-key '%s'", v.SigningKey))
	}
	return strings.Join(set, " ")
}

// hintSendToAdmin tells someone the roster does not list (yet) where their
// public halves go: a colleague's first step, which the README's team
// set-up names but which nothing printed told them.
func (v keyView) hintSendToAdmin(w io.Writer) {
	fmt.Fprintf(w, "caseplan: hint: send the age_recipient and signing_key above to your store's admin, who puts them on the roster: caseplan staff add --name NAME --email %s %s (or caseplan staff set ID with the same flags, for someone already on it)\n", v.Email, v.rosterFlags())
}
