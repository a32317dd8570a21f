package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// storeRoot resolves --store, CASEPLAN_STORE, else the store found upward
// from the working directory.
func (g *globals) storeRoot() (string, error) {
	dir := g.store
	if dir == "" {
		dir = g.env.Getenv("CASEPLAN_STORE")
	}
	if dir == "" {
		dir = g.env.Dir
	} else if !isAbs(dir) {
		dir = g.env.Dir + "/" + dir
	}
	root, err := store.Find(dir)
	if err != nil {
		return "", &UsageError{Msg: err.Error(), Hint: "run caseplan in a store, or name one with --store DIR; caseplan init creates one"}
	}
	return root, nil
}

func isAbs(p string) bool { return strings.HasPrefix(p, "/") }

// author resolves --author, CASEPLAN_AUTHOR, else git's user.name and
// user.email (the repository's config, then the global one).
func (g *globals) actingAuthor(repo *gitstore.Repo) (casework.Author, error) {
	v := g.author
	if v == "" {
		v = g.env.Getenv("CASEPLAN_AUTHOR")
	}
	if v != "" {
		name, email, err := parseAuthor(v)
		return casework.Author{Name: name, Email: email}, err
	}
	if name, email, ok := gitstore.ConfiguredAuthor(repo); ok {
		return casework.Author{Name: name, Email: strings.ToLower(email)}, nil
	}
	return casework.Author{}, &UsageError{
		Msg:  "who is acting? no author given",
		Hint: `pass --author "Name <email>", set CASEPLAN_AUTHOR, or set git config user.name and user.email`,
	}
}

// commitTime is when a commit says it was made: the clock, unless
// GIT_COMMITTER_DATE or GIT_AUTHOR_DATE is set, as the git CLI honours them.
// The values checkFlags accepted are the only ones reaching here.
func (g *globals) commitTime() time.Time {
	if t, ok := gitstore.DateFromEnv(g.env.Getenv); ok {
		return t
	}
	return g.env.Now()
}

// openRepo opens the store's repository.
func (g *globals) openRepo() (*gitstore.Repo, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	repo, err := gitstore.Open(root)
	if err != nil {
		return nil, fmt.Errorf("%s is not a git repository: %w", root, err)
	}
	return repo, nil
}

// check validates the store (or some cases of it) as it stands in src.
func check(src store.Source, cases []string, today time.Time) (*casefile.Snapshot, []finding.Finding, error) {
	v, err := schemas.Compile()
	if err != nil {
		return nil, nil, err
	}
	snap, loaded, err := store.Load(src, cases)
	if err != nil {
		return nil, nil, err
	}
	return snap, validate.Run(snap, loaded, validate.Options{Schemas: v, Today: today}), nil
}
