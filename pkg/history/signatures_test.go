package history_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"golang.org/x/crypto/ssh"

	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/sshsig"
)

// signingKey makes an Ed25519 key: its signer and its public half as the
// roster holds it.
func signingKey(t *testing.T) (git.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return sshsig.Signer{Key: s}, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(s.PublicKey())))
}

// TestVerifySignatures: in a store that requires signatures, verify
// accepts each commit signed by its author's key on the roster, and
// catches a commit by one member carrying another's name (signed with the
// wrong key) and an unsigned one; each finding names its commit. Made with
// caseplan's own commit writer, so it needs no ssh-keygen.
func TestVerifySignatures(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	repo, err := gitstore.Init(dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	aliceSigns, aliceKey := signingKey(t)
	bobSigns, bobKey := signingKey(t)
	when := time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)
	// plain commits one file as author, with message and no trailers.
	plain := func(author, message, path, data string, signer git.Signer) string {
		t.Helper()
		name, email, _ := strings.Cut(strings.TrimSuffix(author, ">"), " <")
		when = when.Add(time.Minute)
		h, err := repo.Commit(gitstore.CommitRequest{
			Message: message,
			Author:  gitstore.Signature{Name: name, Email: email, When: when},
			Changes: []gitstore.Change{{Path: path, Data: []byte(data)}},
			Signer:  signer,
		})
		if err != nil {
			t.Fatal(err)
		}
		return h.String()
	}
	// commit commits as caseplan does, with its trailers.
	commit := func(author, caseID, action, path, data string, signer git.Signer) string {
		t.Helper()
		return plain(author, caseID+": "+action+"\n\nCaseplan-Case: "+caseID+"\nCaseplan-Action: "+action+"\n", path, data, signer)
	}
	alice, bob := "Alice Adams <alice@example.org>", "Bob Brown <bob@example.org>"
	commit(alice, "-", "store.init", "cases/caseplan.yaml", `organization: Example Works
staff:
  - id: alice
    name: Alice Adams
    email: alice@example.org
    role: admin
    signing_key: "`+aliceKey+`"
  - id: bob
    name: Bob Brown
    email: bob@example.org
    role: case-manager
    signing_key: "`+bobKey+`"
access:
  require_signatures: true
`, aliceSigns)
	commit(alice, "W-001", "case.new", "cases/W-001/intake.yaml", "id: W-001\nstatus: open\nmanager: bob\n", aliceSigns)
	commit(bob, "W-001", "note.add", "cases/W-001/notes/2026-03-16-aaaa.yaml", "id: 2026-03-16-aaaa\ncontent: his own\n", bobSigns)
	asAlice := commit(alice, "W-001", "note.add", "cases/W-001/notes/2026-03-16-bbbb.yaml", "id: 2026-03-16-bbbb\ncontent: not alice\n", bobSigns)
	unsigned := commit(bob, "W-001", "note.add", "cases/W-001/notes/2026-03-16-cccc.yaml", "id: 2026-03-16-cccc\ncontent: nobody signed\n", nil)

	// A commit that leaves cases/ as it was but carries the trailers is
	// listed by caseplan log as an action on the case they name: one in
	// Alice's name signed with Bob's key, and one with no change at all,
	// unsigned, that caseplan log lists as Alice closing W-001.
	ciAsAlice := commit(alice, "-", "store.settings", ".github/workflows/caseplan.yml", "# off\n", bobSigns)
	// Without the trailers, a change outside cases/ answers to the author
	// and signature rules too, since the store requires signatures: the CI
	// workflow that runs verify is such a file. Signed by its author, it
	// passes.
	ciUnsigned := plain(bob, "tidy the workflow\n", ".github/workflows/caseplan.yml", "# verify switched off\n", nil)
	plain(bob, "tidy the workflow\n", ".github/workflows/caseplan.yml", "# verify on again\n", bobSigns)
	ciStranger := plain("Mal Lory <mal@example.org>", "hello\n", "README.md", "hello\n", nil)

	head, err := repo.Git().Head()
	if err != nil {
		t.Fatal(err)
	}
	parent, err := repo.Git().CommitObject(head.Hash())
	if err != nil {
		t.Fatal(err)
	}
	empty := &object.Commit{
		Author:       object.Signature{Name: "Alice Adams", Email: "alice@example.org", When: when.Add(time.Minute)},
		Message:      "W-001: close the case\n\nCaseplan-Case: W-001\nCaseplan-Action: case.close\n",
		TreeHash:     parent.TreeHash,
		ParentHashes: []plumbing.Hash{parent.Hash},
	}
	empty.Committer = empty.Author
	o := repo.Git().Storer.NewEncodedObject()
	if err := empty.Encode(o); err != nil {
		t.Fatal(err)
	}
	emptyHash, err := repo.Git().Storer.SetEncodedObject(o)
	if err != nil {
		t.Fatal(err)
	}

	fs, _, err := history.Verify(repo.Git(), emptyHash, history.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+" "+f.Commit)
	}
	want := []string{history.RuleNotAuthor + " " + asAlice, history.RuleUnsigned + " " + unsigned,
		history.RuleNotAuthor + " " + ciAsAlice, history.RuleUnsigned + " " + emptyHash.String(),
		history.RuleUnsigned + " " + ciUnsigned, history.RuleAuthorNotOnRoster + " " + ciStranger,
		// caseplan never makes a commit with trailers that changes no record.
		history.RuleTrailersWithoutChange + " " + ciAsAlice, history.RuleTrailersWithoutChange + " " + emptyHash.String()}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("findings:\n%v\nwant:\n%v", fs, want)
	}
	for _, f := range fs {
		if f.Rule == history.RuleNotAuthor && !strings.Contains(f.Message, "says it is by alice but is signed with bob's key") {
			t.Errorf("message: %s", f.Message)
		}
		if f.Rule == history.RuleTrailersWithoutChange && f.Commit == emptyHash.String() &&
			(f.Case != "W-001" || !strings.Contains(f.Message, "(Caseplan-Case: W-001, Caseplan-Action: case.close) but changes nothing under cases/")) {
			t.Errorf("finding: %+v", f)
		}
	}
}

// A caseplan commit made anew by a rebase (a git host's "rebase and
// merge" of a pull request: the author kept, the host or the merger as
// committer, the signature dropped) is reported as what happened, with
// the way to merge instead, not as a commit to make "with caseplan",
// which it was.
func TestVerifyRebasedUnsigned(t *testing.T) {
	repo, err := gitstore.Init(filepath.Join(t.TempDir(), "store"), "main")
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	aliceSigns, aliceKey := signingKey(t)
	when := time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)
	commit := func(caseID, action, path, data string) plumbing.Hash {
		t.Helper()
		when = when.Add(time.Minute)
		h, err := repo.Commit(gitstore.CommitRequest{
			Message: caseID + ": " + action + "\n\nCaseplan-Case: " + caseID + "\nCaseplan-Action: " + action + "\n",
			Author:  gitstore.Signature{Name: "Alice Adams", Email: "alice@example.org", When: when},
			Changes: []gitstore.Change{{Path: path, Data: []byte(data)}},
			Signer:  aliceSigns,
		})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	commit("-", "store.init", "cases/caseplan.yaml", "organization: Example Works\nstaff:\n  - id: alice\n    name: Alice Adams\n    email: alice@example.org\n    role: admin\n    signing_key: \""+aliceKey+"\"\naccess:\n  require_signatures: true\n")
	commit("W-001", "case.new", "cases/W-001/intake.yaml", "id: W-001\nstatus: open\nmanager: alice\n")
	note := commit("W-001", "note.add", "cases/W-001/notes/2026-03-16-aaaa.yaml", "id: 2026-03-16-aaaa\ncontent: a call\n")
	orig, err := repo.Git().CommitObject(note)
	if err != nil {
		t.Fatal(err)
	}
	// The host's rebase: the same change, author and message, committed
	// by the host, unsigned.
	rebased := &object.Commit{Author: orig.Author, Message: orig.Message, TreeHash: orig.TreeHash, ParentHashes: orig.ParentHashes,
		Committer: object.Signature{Name: "GitHub", Email: "noreply@github.com", When: when.Add(time.Hour)}}
	o := repo.Git().Storer.NewEncodedObject()
	if err := rebased.Encode(o); err != nil {
		t.Fatal(err)
	}
	h, err := repo.Git().Storer.SetEncodedObject(o)
	if err != nil {
		t.Fatal(err)
	}
	fs, _, err := history.Verify(repo.Git(), h, history.VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Rule != history.RuleUnsigned || fs[0].Commit != h.String() {
		t.Fatalf("findings: %+v, want commit-unsigned of the rebased commit", fs)
	}
	for _, want := range []string{"it is alice's, committed again by noreply@github.com, as a rebase does", `"rebase and merge"`, "merge a pull request with a merge commit"} {
		if !strings.Contains(fs[0].Message, want) {
			t.Errorf("message %q, want it to say %q", fs[0].Message, want)
		}
	}
	if strings.Contains(fs[0].Message, "commit with caseplan") {
		t.Errorf("message %q: the commit was made with caseplan", fs[0].Message)
	}
}

// ReplacedKey tells sync that a refused commit is signed with a key the
// roster has replaced (a stolen laptop's), so that its hint says the key
// was replaced rather than that access can be given back: only as of a
// roster that no longer lists the key, and never for the current one.
func TestReplacedKey(t *testing.T) {
	repo, err := gitstore.Init(filepath.Join(t.TempDir(), "store"), "main")
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	oldSigns, oldKey := signingKey(t)
	newSigns, newKey := signingKey(t)
	when := time.Date(2026, 3, 13, 9, 0, 0, 0, time.UTC)
	commit := func(path, data string, signer git.Signer) plumbing.Hash {
		t.Helper()
		when = when.Add(24 * time.Hour)
		h, err := repo.Commit(gitstore.CommitRequest{
			Message: "W-001: note.add\n\nCaseplan-Case: W-001\nCaseplan-Action: note.add\n",
			Author:  gitstore.Signature{Name: "Dev Patel", Email: "dpatel@example.org", When: when},
			Changes: []gitstore.Change{{Path: path, Data: []byte(data)}},
			Signer:  signer,
		})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	roster := func(key string) string {
		return "organization: Example Works\nstaff:\n  - id: dpatel\n    name: Dev Patel\n    email: dpatel@example.org\n    role: admin\n    signing_key: \"" + key + "\"\n"
	}
	commit("cases/caseplan.yaml", roster(oldKey), oldSigns)
	before := commit("cases/W-001/notes/a.yaml", "id: a\n", oldSigns)
	commit("cases/caseplan.yaml", roster(newKey), oldSigns)
	thief := commit("cases/W-001/notes/b.yaml", "id: b\n", oldSigns)
	owner := commit("cases/W-001/notes/c.yaml", "id: c\n", newSigns)

	k, err := history.ReplacedKey(repo.Git(), thief, owner)
	if err != nil || k == nil || k.ID != "dpatel" || !strings.Contains(string(ssh.MarshalAuthorizedKey(k.Key)), strings.Fields(oldKey)[1]) {
		t.Fatalf("ReplacedKey(thief's commit) = %+v, %v; want dpatel's old key", k, err)
	}
	for name, c := range map[string][2]plumbing.Hash{"signed before the change": {before, before}, "signed with the new key": {owner, owner}, "before the change, as of then": {thief, before}} {
		if k, err := history.ReplacedKey(repo.Git(), c[0], c[1]); err != nil || k != nil {
			t.Errorf("%s: ReplacedKey = %+v, %v; want nil", name, k, err)
		}
	}
}
