package cli

import (
	"errors"
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

// workspace opens the store for a command that writes.
func (g *globals) workspace(noCommit bool) (*casework.Workspace, error) {
	repo, err := g.openRepo()
	if err != nil {
		return nil, err
	}
	author, err := g.actingAuthor(repo)
	if err != nil {
		repo.Close()
		return nil, err
	}
	today, err := g.todayDate()
	if err != nil {
		repo.Close()
		return nil, err
	}
	v, err := schemas.Compile()
	if err != nil {
		repo.Close()
		return nil, err
	}
	return &casework.Workspace{
		Repo: repo, Schemas: v, Today: today, Now: g.commitTime,
		Author: author, NoCommit: noCommit, Critical: g.critical, Rand: g.env.Rand,
	}, nil
}

// apply runs a change and reports it: the output on stdout, what happened
// and anything that needs attention on stderr.
func (g *globals) apply(noCommit bool, cases []string, build casework.Build) error {
	ws, err := g.workspace(noCommit)
	if err != nil {
		return err
	}
	defer ws.Repo.Close()
	res, err := ws.Apply(cases, build)
	if err != nil {
		return g.changeError(err)
	}
	if res.Change.Output != "" {
		fmt.Fprintln(g.env.Stdout, res.Change.Output)
	}
	if noCommit {
		fmt.Fprintf(g.env.Stderr, "caseplan: wrote %d file(s), not committed; commit them with caseplan commit\n", len(res.Change.Files))
	}
	if n := len(res.Existing); n > 0 {
		what := "the case"
		if len(res.Change.Cases) != 1 {
			what = "the store"
		}
		fmt.Fprintf(g.env.Stderr, "caseplan: warning: %s still has %d error(s) this change did not cause\n", what, n)
		fmt.Fprintf(g.env.Stderr, "caseplan: hint: run caseplan validate %s to see them\n", strings.Join(res.Change.Cases, " "))
	}
	return nil
}

// changeError explains why a change was not made.
func (g *globals) changeError(err error) error {
	var refused *casework.RefusedError
	var input *casework.InputError
	var roster *casework.NotOnRosterError
	var locked *gitstore.LockedError
	var noteFile *casework.NoteFileError
	switch {
	case errors.As(err, &refused):
		for _, f := range refused.Findings {
			fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", f)
		}
		return &InvalidError{Msg: refused.Error(), Hint: "correct the values above and run the command again"}
	case errors.As(err, &noteFile):
		for _, f := range noteFile.Findings {
			fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", f)
		}
		return &InvalidError{Msg: noteFile.Error()}
	case errors.As(err, &input):
		return &UsageError{Msg: input.Msg, Hint: input.Hint}
	case errors.As(err, &roster):
		return &UsageError{Msg: roster.Error(), Hint: "a staff member already on the roster can add you: caseplan staff add --name NAME --email EMAIL"}
	case errors.As(err, &locked):
		return hintf(err, "another caseplan command is writing to this store; try again when it has finished")
	}
	return err
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
