package teamsync

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// makeKeys makes author's keys in a directory of their own, as caseplan
// key new does.
func makeKeys(t *testing.T, author casework.Author) *keys.Keys {
	t.Helper()
	dir := t.TempDir()
	getenv := func(k string) string {
		if k == keys.EnvDir {
			return dir
		}
		return ""
	}
	k, _, err := keys.New(getenv, author.Email, today, false)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// newSignedTeam is newTeam for a store that requires signed commits:
// alice (its admin) and bob each have keys, and the roster lists them.
func newSignedTeam(t *testing.T) (string, *clone, *keys.Keys) {
	t.Helper()
	t.Setenv("HOME", t.TempDir())
	srv := gitserver.NewHTTP(t)
	url := srv.NewRepo(t, "store")
	dir := filepath.Join(t.TempDir(), "alice")
	when := today.Add(9 * time.Hour)
	ak, bk := makeKeys(t, alice), makeKeys(t, bob)
	if _, err := casework.Init(casework.InitStore{Dir: dir, Organization: "Example Board", Author: alice, When: when, Keys: ak}); err != nil {
		t.Fatal(err)
	}
	if cfg, _ := os.ReadFile(filepath.Join(dir, "cases", "caseplan.yaml")); !strings.Contains(string(cfg), "require_signatures: true") {
		t.Fatalf("the store does not require signatures:\n%s", cfg)
	}
	a := &clone{t: t, dir: dir, author: alice, clock: when, keys: ak}
	a.remote = newRemoteT(t, url)
	repo := a.open()
	if err := repo.SetRemote("origin", url); err != nil {
		t.Fatal(err)
	}
	repo.Close()
	a.apply(nil, casework.AddStaff{Staff: record.Staff{ID: casework.StaffID(bob.Email), Name: bob.Name, Email: bob.Email,
		Role: record.RoleCoordinator, AgeRecipient: bk.Recipient(), SigningKey: bk.SigningKey()}}.Build)
	a.sync()
	return url, a, bk
}

// TestSyncResignsReplayedCommits: in a store that requires signatures, a
// replay gives each copy of the syncing person's own commits a new
// signature by their key (the old one covered the old parent), so the
// published history verifies — by caseplan's verify and by git
// verify-commit with an allowed-signers file made from the roster.
// Without the key the sync is refused, and nothing is published.
func TestSyncResignsReplayedCommits(t *testing.T) {
	url, a, bk := newSignedTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.sync()
	b := cloneAs(t, url, bob)
	b.keys = bk

	a.addNote(id, "Called about the job fair")
	b.addNote(id, "Reviewed the resume together")
	bobsOwn := b.head()
	a.sync()

	// Bob syncs without his key: his signed commit cannot be re-signed.
	b.keys = nil
	_, err := b.trySync()
	var resign *ResignError
	if !errors.As(err, &resign) || resign.Commit != bobsOwn || !strings.Contains(resign.Author, bob.Email) {
		t.Fatalf("sync without the key: %v, want a ResignError naming %s", err, bobsOwn)
	}
	if b.head() != bobsOwn {
		t.Fatal("a refused sync moved the branch")
	}

	b.keys = bk
	if r := b.sync(); !r.Replayed || r.Sent != 1 {
		t.Fatalf("bob's sync = %+v", r)
	}
	if b.head() == bobsOwn {
		t.Fatal("bob's commit was not replayed")
	}
	a.sync()
	for _, c := range []*clone{a, b} {
		c.assertClean()
	}
	// Every commit is signed, the replayed one by bob's key.
	repo := b.open()
	fs, _, err := history.Verify(repo.Git(), plumbing.ZeroHash, history.VerifyOptions{})
	repo.Close()
	if err != nil || len(fs) != 0 {
		t.Fatalf("verify: %v %v", err, fs)
	}
	if got := b.git("log", "-1", "--format=%an|%G?"); !strings.HasPrefix(got, "Bob Brown|") {
		t.Errorf("head = %q", got)
	}
	if raw := b.git("cat-file", "commit", "HEAD"); !strings.Contains(raw, "gpgsig -----BEGIN SSH SIGNATURE-----") {
		t.Errorf("the replayed commit is not signed:\n%s", raw)
	}
	if _, err := exec.LookPath("ssh-keygen"); err != nil {
		t.Skip("no ssh-keygen, which git verify-commit runs (.ci/run installs it)")
	}
	allowed := filepath.Join(t.TempDir(), "allowed")
	var lines string
	for _, k := range []*keys.Keys{a.keys, bk} {
		f := strings.Fields(k.SigningKey())
		lines += k.Email + ` namespaces="git" ` + f[0] + " " + f[1] + "\n"
	}
	if err := os.WriteFile(allowed, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, rev := range []string{"HEAD", "HEAD~1"} {
		cmd := exec.Command("git", "-c", "gpg.ssh.allowedSignersFile="+allowed, "verify-commit", rev)
		cmd.Dir = b.dir
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), `Good "git" signature`) {
			t.Errorf("git verify-commit %s: %v\n%s", rev, err, out)
		}
	}
}

// TestSyncSealedBothSides: two clones change one case's sealed fields at
// once. The ciphertext cannot be merged field by field without opening
// it, so the remote's sealed file (and its recipients list, which goes
// with it) is kept whole, this clone's is reported as a sync-conflict that
// never shows a value, and the store stays valid; the clone's own version
// stays in its commit. (Had the team changed on this side only, the
// recipients list would follow this side while the ciphertext is the
// remote's: validate's sealed-recipients rule, which counts the
// ciphertext's recipients, reports that mismatch until a recipient
// re-seals.)
func TestSyncSealedBothSides(t *testing.T) {
	url, a, bk := newSignedTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"date_of_birth": "1979-02-14"}}.Build)
	a.sync()
	b := cloneAs(t, url, bob)
	b.keys = bk
	// Bob is a coordinator, not on the case: he is made a team member so
	// the file is sealed to him too.
	a.apply([]string{id}, casework.AddTeamMember{Case: id, Member: record.TeamMember{Name: bob.Name, Role: "counselor", Email: bob.Email}}.Build)
	a.sync()
	b.sync()

	a.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"health": "Kestrelvane asthma"}}.Build)
	b.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"disability": "Zephyrine low-vision aid"}}.Build)
	bobsOwn := b.head()
	a.sync()
	r := b.sync()
	var sealedConflicts int
	for _, c := range r.Conflicts {
		f := c.Finding()
		if strings.Contains(f.Message, "Kestrelvane") || strings.Contains(f.Message, "Zephyrine") {
			t.Errorf("a conflict shows a sealed value: %s", f.Message)
		}
		if strings.HasSuffix(c.Path, "/sealed.age") || strings.HasSuffix(c.Path, "/sealed.recipients") {
			sealedConflicts++
			if c.LocalCommit != bobsOwn {
				t.Errorf("conflict names commit %s, want %s", c.LocalCommit, bobsOwn)
			}
			// git show would print ciphertext: the finding names the
			// command that opens bob's version.
			if want := "caseplan case sealed show " + id + " --at " + bobsOwn.String()[:12]; !strings.Contains(f.Message, want) || strings.Contains(f.Message, "git show") {
				t.Errorf("the conflict says %q; want it to name %q", f.Message, want)
			}
			if want := "set it again: caseplan case sealed set " + id; !strings.Contains(f.Message, want) {
				t.Errorf("the conflict says %q; want it to name %q", f.Message, want)
			}
		}
	}
	// The team is the same on both sides, so the recipients list is too:
	// only the ciphertext differs.
	if sealedConflicts != 1 || len(r.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v, want one, the sealed file", r.Conflicts)
	}
	if a.sync(); a.head() != b.head() {
		t.Fatal("heads differ")
	}
	for _, c := range []*clone{a, b} {
		c.assertClean()
		if got, want := c.read("cases/"+id+"/sealed.age"), a.read("cases/"+id+"/sealed.age"); got != want {
			t.Errorf("%s has another sealed file", c.author.Name)
		}
	}
	// Bob's version is still in his commit, under the conflicts ref.
	if out := b.git("cat-file", "-t", bobsOwn.String()); out != "commit" {
		t.Errorf("bob's commit: %q", out)
	}
}

// TestSyncSealedStaysAPair: the team changes in one clone, which re-seals
// the case to the new team, while another clone of the same person changes
// a sealed field. The ciphertexts conflict, and the remote's is kept — so
// its recipients list is kept with it, though only this clone changed
// that: a list naming someone the kept ciphertext is not sealed to would
// lie. validate then says exactly what is missing (the new member cannot
// read it yet), and a re-seal by a recipient ends it.
func TestSyncSealedStaysAPair(t *testing.T) {
	url, a, _ := newSignedTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"date_of_birth": "1979-02-14"}}.Build)
	a.sync()
	desk := cloneAs(t, url, alice) // alice's second machine
	desk.keys = a.keys
	a.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"health": "Kestrelvane asthma"}}.Build)
	a.sync()
	remoteList := a.read("cases/" + id + "/sealed.recipients")
	desk.apply([]string{id}, casework.AddTeamMember{Case: id, Member: record.TeamMember{Name: bob.Name, Role: "counselor", Email: bob.Email}}.Build)
	if !strings.Contains(desk.read("cases/"+id+"/sealed.recipients"), "bob ") {
		t.Fatal("the team change did not re-seal to bob")
	}
	r := desk.sync()
	if len(r.Conflicts) != 1 || !strings.HasSuffix(r.Conflicts[0].Path, "/sealed.age") {
		t.Fatalf("conflicts = %+v, want the sealed file's", r.Conflicts)
	}
	if got := desk.read("cases/" + id + "/sealed.recipients"); got != remoteList {
		t.Errorf("recipients after the sync:\n%s\nwant the remote's, which the kept ciphertext has:\n%s", got, remoteList)
	}
	if !strings.Contains(desk.read("cases/"+id+"/intake.yaml"), bob.Email) {
		t.Error("the team change was lost")
	}
	findings := func() []string {
		repo := desk.open()
		defer repo.Close()
		v, err := schemas.Compile()
		if err != nil {
			t.Fatal(err)
		}
		tree, err := repo.TreeAt(desk.head())
		if err != nil {
			t.Fatal(err)
		}
		snap, loaded, err := store.Load(store.GitTree{Tree: tree}, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		fs := validate.Run(snap, loaded, validate.Options{Schemas: v, Today: today})
		var out []string
		for _, f := range fs {
			if f.Rule == "sealed-recipients" {
				out = append(out, f.Message)
			}
		}
		return out
	}
	if got := findings(); len(got) != 1 || !strings.Contains(got[0], "bob cannot read them yet") || strings.Contains(got[0], "can still read") {
		t.Errorf("sealed-recipients findings: %q", got)
	}
	desk.apply([]string{id}, casework.ResealCases{Cases: []string{id}}.Build)
	if got := findings(); len(got) != 0 {
		t.Errorf("after the re-seal: %q", got)
	}
}
