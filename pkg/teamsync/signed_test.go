package teamsync

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
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

// openSealed opens case id's sealed fields as clone c's head holds them,
// with the keys k.
func openSealed(t *testing.T, c *clone, id string, k *keys.Keys) sealed.Fields {
	t.Helper()
	repo := c.open()
	defer repo.Close()
	tree, err := repo.TreeAt(c.head())
	if err != nil {
		t.Fatal(err)
	}
	src := store.GitTree{Tree: tree}
	snap, _, err := store.Load(src, []string{id})
	if err != nil {
		t.Fatal(err)
	}
	f, err := casework.OpenSealed(src, snap, id, k)
	if err != nil {
		t.Fatalf("%s opens %s's sealed fields: %v", k.Email, id, err)
	}
	return f
}

// sealedTeam makes a signed team whose case W-001 has a date of birth
// sealed to alice and bob (bob, a coordinator, is put on its team), and
// bob's clone of it.
func sealedTeam(t *testing.T) (string, *clone, *clone, string) {
	t.Helper()
	url, a, bk := newSignedTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"date_of_birth": "1979-02-14"}}.Build)
	a.sync()
	b := cloneAs(t, url, bob)
	b.keys = bk
	a.apply([]string{id}, casework.AddTeamMember{Case: id, Member: record.TeamMember{Name: bob.Name, Role: "counselor", Email: bob.Email}}.Build)
	a.sync()
	b.sync()
	return url, a, b, id
}

// TestSyncSealedBothSides: two clones change different sealed fields of
// one case at once. The person syncing opens the three versions, so the
// fields are merged one by one, as a record's are: both values are kept,
// nothing is reported, and the merged file is sealed to the case's team.
// No value is ever in a message, a commit message or a plain file.
func TestSyncSealedBothSides(t *testing.T) {
	_, a, b, id := sealedTeam(t)
	a.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"health": "Kestrelvane asthma"}}.Build)
	b.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"disability": "Zephyrine low-vision aid"}}.Build)
	a.sync()
	r := b.sync()
	if len(r.Conflicts) != 0 || r.Sent != 1 {
		t.Fatalf("conflicts = %+v, sent %d; want none, and bob's commit sent", r.Conflicts, r.Sent)
	}
	if a.sync(); a.head() != b.head() {
		t.Fatal("heads differ")
	}
	want := sealed.Fields{DateOfBirth: "1979-02-14", Health: "Kestrelvane asthma", Disability: "Zephyrine low-vision aid"}
	for _, c := range []*clone{a, b} {
		c.assertClean()
		if got := openSealed(t, c, id, c.keys); got != want {
			t.Errorf("%s's sealed fields = %+v, want %+v", c.author.Name, got, want)
		}
		if list := c.read("cases/" + id + "/sealed.recipients"); !strings.Contains(list, "bob ") || !strings.Contains(list, "alice ") {
			t.Errorf("recipients:\n%s", list)
		}
		if log := c.git("log", "--format=%B"); strings.Contains(log, "Kestrelvane") || strings.Contains(log, "Zephyrine") {
			t.Errorf("a commit message holds a sealed value:\n%s", log)
		}
	}
}

// TestSyncSealedSameField: both clones change the same sealed field, and
// bob another one too. His other field is kept; the one both changed
// keeps the remote's value and is a sync-conflict naming the field, the
// commit that holds bob's value and the command that sets it again —
// never either value.
func TestSyncSealedSameField(t *testing.T) {
	_, a, b, id := sealedTeam(t)
	a.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"disability": "Kestrelvane hearing aid"}}.Build)
	b.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"disability": "Zephyrine low-vision aid", "veteran": "Quillmoor reserve"}}.Build)
	bobsOwn := b.head()
	a.sync()
	r := b.sync()
	if len(r.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v, want one", r.Conflicts)
	}
	c := r.Conflicts[0]
	f := c.Finding()
	if c.Path != "cases/"+id+"/sealed.age" || c.Field != "disability" || c.LocalCommit != bobsOwn || f.Rule != RuleConflict {
		t.Errorf("conflict = %+v", c)
	}
	for _, v := range []string{"Kestrelvane", "Zephyrine", "Quillmoor"} {
		if strings.Contains(f.Message, v) {
			t.Errorf("the finding shows a sealed value: %s", f.Message)
		}
	}
	for _, want := range []string{
		"disability was changed on both sides",
		"caseplan case sealed show " + id + " --at " + bobsOwn.String()[:12],
		"set it again: caseplan case sealed set " + id + " --disability VALUE",
	} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("the finding says %q; want it to hold %q", f.Message, want)
		}
	}
	if !strings.Contains(f.Message, "(Alice Adams, commit ") {
		t.Errorf("the finding does not credit alice: %s", f.Message)
	}
	a.sync()
	want := sealed.Fields{DateOfBirth: "1979-02-14", Disability: "Kestrelvane hearing aid", Veteran: "Quillmoor reserve"}
	for _, cl := range []*clone{a, b} {
		cl.assertClean()
		if got := openSealed(t, cl, id, cl.keys); got != want {
			t.Errorf("%s's sealed fields = %+v, want %+v", cl.author.Name, got, want)
		}
		if refs := cl.git("for-each-ref", "--format=%(refname)"); strings.Contains(refs, "Zephyrine") {
			t.Errorf("a ref names a sealed value: %s", refs)
		}
	}
	// Bob's value is still in his commit, under the conflicts ref.
	if out := b.git("rev-parse", "refs/caseplan/conflicts/"+bobsOwn.String()); out != bobsOwn.String() {
		t.Errorf("conflicts ref: %q", out)
	}
}

// TestSyncSealedCannotOpen: the remote took bob off the case's team and
// re-sealed its fields to the rest while bob changed one. He cannot open
// the remote's version, so it stays whole and his is reported, as a
// sync-conflict on the file that shows no value.
func TestSyncSealedCannotOpen(t *testing.T) {
	_, a, b, id := sealedTeam(t)
	a.apply([]string{id}, casework.RemoveTeamMember{Case: id, Member: bob.Name}.Build)
	if strings.Contains(a.read("cases/"+id+"/sealed.recipients"), "bob ") {
		t.Fatal("the team change did not re-seal without bob")
	}
	a.sync()
	b.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"disability": "Zephyrine low-vision aid"}}.Build)
	bobsOwn := b.head()
	r := b.sync()
	if len(r.Conflicts) != 1 || r.Conflicts[0].Path != "cases/"+id+"/sealed.age" || r.Conflicts[0].Field != "the whole file" {
		t.Fatalf("conflicts = %+v, want the sealed file's", r.Conflicts)
	}
	f := r.Conflicts[0].Finding()
	if strings.Contains(f.Message, "Zephyrine") || !strings.Contains(f.Message, "caseplan case sealed show "+id+" --at "+bobsOwn.String()[:12]) {
		t.Errorf("finding: %s", f.Message)
	}
	if got, want := b.read("cases/"+id+"/sealed.age"), a.read("cases/"+id+"/sealed.age"); got != want {
		t.Error("bob's clone does not hold the remote's sealed file")
	}
	if got := openSealed(t, a, id, a.keys); got != (sealed.Fields{DateOfBirth: "1979-02-14"}) {
		t.Errorf("sealed fields = %+v", got)
	}
	b.assertClean()
}

// TestSyncSealedResealLosesNothing: bob re-seals a case's fields to a
// supervisor new on the roster (case sealed reseal) while alice takes him
// off its team, which re-seals them to the rest. He cannot open the
// remote's version, but his commit changed no sealed value, only whom
// they are sealed to: nothing he typed is lost, so nothing is reported
// (a conflict would tell him to set the fields again, on a case he is no
// longer on), and the remote's sealed files stand.
func TestSyncSealedResealLosesNothing(t *testing.T) {
	_, a, b, id := sealedTeam(t)
	sue := casework.Author{Name: "Sue Super", Email: "sue@example.org"}
	sk := makeKeys(t, sue)
	full := a.keys
	a.keys = &keys.Keys{Email: full.Email, Signer: full.Signer} // alice's laptop without her age identity: no re-seal
	a.apply(nil, casework.AddStaff{Staff: record.Staff{ID: casework.StaffID(sue.Email), Name: sue.Name, Email: sue.Email,
		Role: record.RoleSupervisor, AgeRecipient: sk.Recipient(), SigningKey: sk.SigningKey()}}.Build)
	a.keys = full
	a.sync()
	b.sync()
	b.apply([]string{id}, casework.ResealCases{Cases: []string{id}}.Build)
	if !strings.Contains(b.read("cases/"+id+"/sealed.recipients"), "sue ") {
		t.Fatal("the re-seal did not seal to sue")
	}
	a.apply([]string{id}, casework.RemoveTeamMember{Case: id, Member: bob.Name}.Build)
	a.sync()
	r := b.sync()
	if len(r.Conflicts) != 0 {
		t.Fatalf("conflicts = %+v, want none: the re-seal changed no value", r.Conflicts)
	}
	for _, f := range []string{"sealed.age", "sealed.recipients"} {
		if got, want := b.read("cases/"+id+"/"+f), a.read("cases/"+id+"/"+f); got != want {
			t.Errorf("bob's clone does not hold the remote's %s", f)
		}
	}
	if got := openSealed(t, a, id, sk); got != (sealed.Fields{DateOfBirth: "1979-02-14"}) {
		t.Errorf("sealed fields, as sue opens them = %+v", got)
	}
	b.assertClean()
}

// TestSyncSealedStaysAPair: the team changes in one clone, which re-seals
// the case to the new team, while another clone of the same person changes
// a sealed field. The fields are merged (the remote's, as this side left
// them alone) and sealed to the team as the merged intake has it, so the
// new member can read them at once and the recipients list says so.
func TestSyncSealedStaysAPair(t *testing.T) {
	url, a, bk := newSignedTeam(t)
	id := a.newCase("W-001", "Ana Example")
	a.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"date_of_birth": "1979-02-14"}}.Build)
	a.sync()
	desk := cloneAs(t, url, alice) // alice's second machine
	desk.keys = a.keys
	a.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"health": "Kestrelvane asthma"}}.Build)
	a.sync()
	desk.apply([]string{id}, casework.AddTeamMember{Case: id, Member: record.TeamMember{Name: bob.Name, Role: "counselor", Email: bob.Email}}.Build)
	if !strings.Contains(desk.read("cases/"+id+"/sealed.recipients"), "bob ") {
		t.Fatal("the team change did not re-seal to bob")
	}
	r := desk.sync()
	if len(r.Conflicts) != 0 {
		t.Fatalf("conflicts = %+v, want none", r.Conflicts)
	}
	if !strings.Contains(desk.read("cases/"+id+"/sealed.recipients"), "bob ") {
		t.Errorf("recipients after the sync:\n%s\nwant bob among them", desk.read("cases/"+id+"/sealed.recipients"))
	}
	if !strings.Contains(desk.read("cases/"+id+"/intake.yaml"), bob.Email) {
		t.Error("the team change was lost")
	}
	for _, k := range []*keys.Keys{desk.keys, bk} {
		if got := openSealed(t, desk, id, k); got != (sealed.Fields{DateOfBirth: "1979-02-14", Health: "Kestrelvane asthma"}) {
			t.Errorf("sealed fields = %+v", got)
		}
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
	if got := findings(); len(got) != 0 {
		t.Errorf("sealed-recipients findings: %q", got)
	}
	desk.assertClean()
}

// TestSyncSealedOneSideClearsAll: one clone clears the case's only sealed
// field, which removes its sealed files, while the other sets another. A
// side without the files has no fields, and the fields are merged one by
// one as ever — in either order of syncing: the cleared field stays
// cleared, the new one is kept, and nothing is reported.
func TestSyncSealedOneSideClearsAll(t *testing.T) {
	for _, clearerFirst := range []bool{true, false} {
		_, a, b, id := sealedTeam(t)
		a.apply([]string{id}, casework.SetSealed{Case: id, Clear: []string{"date_of_birth"}}.Build)
		if _, err := os.Stat(filepath.Join(a.dir, "cases", id, "sealed.age")); !os.IsNotExist(err) {
			t.Fatalf("clearing the only field left the sealed file: %v", err)
		}
		b.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"health": "Kestrelvane asthma"}}.Build)
		first, second := a, b
		if !clearerFirst {
			first, second = b, a
		}
		first.sync()
		if r := second.sync(); len(r.Conflicts) != 0 || r.Sent != 1 {
			t.Fatalf("clearer first %v: conflicts = %+v, sent %d; want none, and the commit sent", clearerFirst, r.Conflicts, r.Sent)
		}
		if first.sync(); a.head() != b.head() {
			t.Fatal("heads differ")
		}
		for _, c := range []*clone{a, b} {
			c.assertClean()
			if got, want := openSealed(t, c, id, c.keys), (sealed.Fields{Health: "Kestrelvane asthma"}); got != want {
				t.Errorf("clearer first %v: %s's sealed fields = %+v, want %+v", clearerFirst, c.author.Name, got, want)
			}
		}
	}
}

// TestSyncSealedCorruptSaysWhy: the remote's sealed file does not decrypt
// (damaged) while bob changes a field. The remote's file stays whole and
// bob's version is reported, and the finding says why the fields were
// not merged one by one — never a value.
func TestSyncSealedCorruptSaysWhy(t *testing.T) {
	_, a, b, id := sealedTeam(t)
	p := "cases/" + id + "/sealed.age"
	a.apply([]string{id}, func(s *casework.State) (*casework.Change, error) {
		data := []byte(a.read(p))
		data[len(data)-2] ^= 0xff // the payload, past the header
		// Damaged as a sealing command's write could be (a disk's fault):
		// a commit of it by hand is refused, and verify names it
		// (sealed-hand-edit), so the remote would never hold it.
		return &casework.Change{Cases: []string{id}, Action: audit.ActionSealedSet, Summary: "damage", Files: map[string][]byte{p: data}}, nil
	})
	a.sync()
	b.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"disability": "Zephyrine low-vision aid"}}.Build)
	r := b.sync()
	if len(r.Conflicts) != 1 || r.Conflicts[0].Path != p || r.Conflicts[0].Field != "the whole file" {
		t.Fatalf("conflicts = %+v, want the sealed file's", r.Conflicts)
	}
	f := r.Conflicts[0].Finding()
	if !strings.Contains(f.Message, "its sealed fields could not be merged one by one: the remote's version: it is damaged: it is sealed to your key, but its content was changed after it was sealed and does not decrypt") {
		t.Errorf("the finding does not say why: %s", f.Message)
	}
	if strings.Contains(f.Message, "Zephyrine") || strings.Contains(f.Message, "1979") {
		t.Errorf("the finding shows a sealed value: %s", f.Message)
	}
}

// TestSyncRefusalNamesDroppedCommits: bob, offline, adds a note and sets
// a sealed field of a case, while alice takes him off its team (which
// re-seals its fields without him) and retires him. His sync is refused
// (author-retired, his note), and his sealed set, which the replay left
// with nothing to change since he cannot open the remote's version, is
// named as dropped — not among the commits the remote allows — with the
// field it set, why, and how to read it back; never its value.
func TestSyncRefusalNamesDroppedCommits(t *testing.T) {
	_, a, b, id := sealedTeam(t)
	b.addNote(id, "Reviewed the resume together")
	b.apply([]string{id}, casework.SetSealed{Case: id, Set: map[string]string{"disability": "Zephyrine low-vision aid"}}.Build)
	sealedSet := b.head()
	a.apply([]string{id}, casework.RemoveTeamMember{Case: id, Member: bob.Name}.Build)
	retired := false
	a.apply(nil, casework.SetStaff{ID: "bob", Active: &retired}.Build)
	a.sync()
	_, err := b.trySync()
	var refused *RefusedError
	if !errors.As(err, &refused) || !refused.AfterRemote {
		t.Fatalf("sync = %v, want this clone's commits refused on top of the remote's", err)
	}
	if len(refused.Dropped) != 1 || refused.Dropped[0].Commit != sealedSet || len(refused.Dropped[0].Lost) == 0 {
		t.Fatalf("dropped = %+v, want the sealed set %s, with what it lost", refused.Dropped, sealedSet)
	}
	if got := refused.Dropped[0].Lost[0].Sealed; !slices.Equal(got, []string{"disability"}) {
		t.Errorf("sealed fields named = %v, want disability", got)
	}
	why := refused.Dropped[0].Why(refused.Kept.String())
	for _, want := range []string{
		"Commit " + sealedSet.String()[:12] + " was dropped, not sent",
		id + "'s sealed field(s) disability",
		"caseplan case sealed show " + id + " --at " + refused.Kept.String(),
		"caseplan case sealed set " + id + " --disability VALUE",
	} {
		if !strings.Contains(why, want) {
			t.Errorf("why = %q\nwant it to hold %q", why, want)
		}
	}
	if strings.Contains(why, "Zephyrine") {
		t.Errorf("why shows a sealed value: %s", why)
	}
}
