package teamsync

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/gitstore/gitserver"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

var (
	alice = casework.Author{Name: "Alice Adams", Email: "alice@example.org"}
	bob   = casework.Author{Name: "Bob Brown", Email: "bob@example.org"}

	today = time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
)

var noCreds = gitstore.Credentials{Getenv: func(string) string { return "" }, Config: config.NewConfig()}

// clone is one case manager's clone of the team's store.
type clone struct {
	t      *testing.T
	dir    string
	author casework.Author
	remote *gitstore.Remote
	clock  time.Time
	keys   *keys.Keys // the author's, nil when they have none
	// rand, when set, is where the next change draws its IDs from
	// (casework.Workspace.Rand): two clones given the same bytes draw
	// the same note ID.
	rand io.Reader
}

// newTeam makes a store for alice and bob, pushed to a fresh repository on
// a smart-HTTP server, and returns the server, the remote's URL and
// alice's clone.
func newTeam(t *testing.T) (*gitserver.HTTP, string, *clone) {
	t.Helper()
	t.Setenv("HOME", t.TempDir()) // no global git config or excludes
	srv := gitserver.NewHTTP(t)
	url := srv.NewRepo(t, "store")
	dir := filepath.Join(t.TempDir(), "alice")
	when := today.Add(9 * time.Hour)
	if _, err := casework.Init(casework.InitStore{Dir: dir, Organization: "Example Board", Author: alice, When: when}); err != nil {
		t.Fatal(err)
	}
	a := &clone{t: t, dir: dir, author: alice, clock: when}
	a.remote = newRemoteT(t, url)
	repo := a.open()
	if err := repo.SetRemote("origin", url); err != nil {
		t.Fatal(err)
	}
	repo.Close()
	// Bob is a coordinator: he changes every case, alice's included
	// (a case manager changes only their own once roles are in force).
	a.apply(nil, casework.AddStaff{Staff: record.Staff{ID: casework.StaffID(bob.Email), Name: bob.Name, Email: bob.Email, Role: record.RoleCoordinator}}.Build)
	a.sync()
	return srv, url, a
}

func newRemoteT(t *testing.T, url string) *gitstore.Remote {
	t.Helper()
	rem, err := gitstore.NewRemote("origin", url, noCreds)
	if err != nil {
		t.Fatal(err)
	}
	return rem
}

// cloneAs makes a clone of url for author.
func cloneAs(t *testing.T, url string, author casework.Author) *clone {
	t.Helper()
	c := &clone{t: t, dir: filepath.Join(t.TempDir(), strings.ToLower(strings.Fields(author.Name)[0])), author: author, clock: today.Add(9 * time.Hour)}
	c.remote = newRemoteT(t, url)
	if _, err := Clone(context.Background(), c.remote, c.dir, ""); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *clone) open() *gitstore.Repo {
	c.t.Helper()
	repo, err := gitstore.Open(c.dir)
	if err != nil {
		c.t.Fatal(err)
	}
	return repo
}

// apply makes one change as the clone's author and returns its output.
func (c *clone) apply(cases []string, b casework.Build) string {
	c.t.Helper()
	out, err := c.tryApply(cases, b)
	if err != nil {
		c.t.Fatal(err)
	}
	return out
}

func (c *clone) tryApply(cases []string, b casework.Build) (string, error) {
	repo := c.open()
	defer repo.Close()
	v, err := schemas.Compile()
	if err != nil {
		return "", err
	}
	c.clock = c.clock.Add(time.Minute)
	when := c.clock
	ws := &casework.Workspace{Repo: repo, Schemas: v, Today: today, Author: c.author, Now: func() time.Time { return when }, Keys: c.keys, Rand: c.rand}
	res, err := ws.Apply(cases, b)
	if err != nil {
		return "", err
	}
	return res.Change.Output, nil
}

func (c *clone) sync() *Result {
	c.t.Helper()
	res, err := c.trySync()
	if err != nil {
		c.t.Fatal(err)
	}
	return res
}

func (c *clone) trySync() (*Result, error) {
	return c.trySyncWith(nil)
}

// trySyncWith syncs with Options.Critical set to critical.
func (c *clone) trySyncWith(critical func(func() error) error) (*Result, error) {
	repo := c.open()
	defer repo.Close()
	v, err := schemas.Compile()
	if err != nil {
		return nil, err
	}
	return Sync(context.Background(), Options{Repo: repo, Remote: c.remote, Merge: RecordMerger, Schemas: v, Today: today,
		Signer: casework.SignerOf(c.keys), SignerEmail: c.author.Email, Identities: c.keys.AgeIdentities(), Critical: critical})
}

func (c *clone) head() plumbing.Hash {
	c.t.Helper()
	repo := c.open()
	defer repo.Close()
	h, err := repo.Head()
	if err != nil {
		c.t.Fatal(err)
	}
	return h
}

func (c *clone) git(args ...string) string {
	c.t.Helper()
	return gitserver.Git(c.t, c.dir, args...)
}

func (c *clone) read(p string) string {
	c.t.Helper()
	data, err := os.ReadFile(filepath.Join(c.dir, filepath.FromSlash(p)))
	if err != nil {
		c.t.Fatal(err)
	}
	return string(data)
}

// newCase opens a WIOA case and returns its ID.
func (c *clone) newCase(id, name string) string {
	c.t.Helper()
	return c.apply(nil, casework.NewCase{ID: id, Program: record.ProgramWIOA, Name: name}.Build)
}

func (c *clone) addNote(caseID, content string) string {
	c.t.Helper()
	return c.apply([]string{caseID}, casework.AddNote{Case: caseID, Note: record.Note{
		Kind: "contact", Mode: "phone", TwoWay: true, Services: []string{"job-search"}, Content: content,
	}}.Build)
}

// assertClean checks the clone as CI would: validate finds no errors and
// verify finds the whole history intact and linear.
func (c *clone) assertClean() {
	c.t.Helper()
	repo := c.open()
	defer repo.Close()
	fs, _, err := history.Verify(repo.Git(), plumbing.ZeroHash, history.VerifyOptions{})
	if err != nil {
		c.t.Fatal(err)
	}
	for _, f := range fs {
		c.t.Errorf("%s: verify: %s", c.author.Name, f)
	}
	if merges := c.git("rev-list", "--merges", "HEAD"); merges != "" {
		c.t.Errorf("%s: history has merges: %s", c.author.Name, merges)
	}
	v, err := schemas.Compile()
	if err != nil {
		c.t.Fatal(err)
	}
	bad, _, err := casework.CheckMerged(repo, v, today, nil, nil, c.head())
	if err != nil {
		c.t.Fatal(err)
	}
	for _, f := range bad {
		if f.Severity == finding.Error {
			c.t.Errorf("%s: validate: %s", c.author.Name, f)
		}
	}
	if st := c.git("status", "--porcelain"); st != "" {
		c.t.Errorf("%s: work tree not clean after sync:\n%s", c.author.Name, st)
	}
}
