package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/cli"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
)

// options say what to build.
type options struct {
	root string // the repository the store is in (absolute)
	// from, when set, applies only the steps dated on or after it, to a
	// store that already has the earlier ones; otherwise the store is
	// built from nothing.
	from string
	// before, when set, leaves out the steps dated on or after it.
	before  string
	check   bool      // validate the store after every step that leaves no hand edits
	verbose bool      // log every step
	log     io.Writer // messages; nil: quiet
}

// build replays the stories' steps into the store and returns how many
// caseplan commits it made. The store is validated as of the last step's
// day and its history verified at the end.
func build(o options) (int, error) {
	steps, err := schedule(stories)
	if err != nil {
		return 0, err
	}
	if err := o.checkStore(); err != nil {
		return 0, err
	}
	var todo []scheduled
	for _, s := range steps {
		if s.date >= o.from && (o.before == "" || s.date < o.before) {
			todo = append(todo, s)
		}
	}
	r := &replayer{root: o.root, log: o.log, check: o.check, verbose: o.verbose}
	if err := r.replay(todo); err != nil {
		return r.commits, err
	}
	if len(todo) == 0 {
		return 0, nil
	}
	if err := r.inspect("validate", "--today", r.date); err != nil {
		return r.commits, fmt.Errorf("the store is not valid on %s, its last day: %w", r.date, err)
	}
	if err := r.inspect("verify"); err != nil {
		return r.commits, err
	}
	return r.commits, nil
}

// checkStore checks that the store is ready for the steps: a git
// repository with schemas/ and no cases/ to build from nothing; one whose
// caseplan commits are all dated before from to grow.
func (o options) checkStore() error {
	repo, err := gitstore.Open(o.root)
	if err != nil {
		return err
	}
	defer repo.Close()
	_, err = os.Stat(filepath.Join(o.root, layout.CasesDir))
	hasCases := err == nil
	if o.from == "" {
		if hasCases {
			return fmt.Errorf("%s already has %s/; build the store from nothing in a repository without it, or grow it with -from DATE", o.root, layout.CasesDir)
		}
		if fi, err := os.Stat(filepath.Join(o.root, "schemas")); err != nil || !fi.IsDir() {
			return fmt.Errorf("%s has no schemas/ directory; copy the repository's schemas/ into it first", o.root)
		}
		return nil
	}
	if _, err := time.Parse(time.DateOnly, o.from); err != nil {
		return fmt.Errorf("-from %q: not a date; use YYYY-MM-DD", o.from)
	}
	if !hasCases {
		return fmt.Errorf("%s has no %s/ to grow; build it from nothing without -from", o.root, layout.CasesDir)
	}
	last, err := lastCaseplanCommit(repo)
	if err != nil {
		return err
	}
	if last >= o.from {
		return fmt.Errorf("the store already has caseplan commits dated %s; -from must be later than that, and new steps dated after it", last)
	}
	return nil
}

// lastCaseplanCommit returns the latest author date of the commits HEAD
// reaches that caseplan made (those with the Caseplan-Action trailer), or
// "" when there is none. Every parent is followed, not only the first: the
// store grown on a branch and merged with --no-ff has its newest steps on
// the merge's second parent, and a -from on their day would apply them
// again.
func lastCaseplanCommit(repo *gitstore.Repo) (string, error) {
	head, err := repo.Head()
	if err != nil || head.IsZero() {
		return "", err
	}
	c, err := repo.Git().CommitObject(head)
	if err != nil {
		return "", err
	}
	last := ""
	err = object.NewCommitPreorderIter(c, nil, nil).ForEach(func(c *object.Commit) error {
		if _, ok := audit.ParseTrailers(c.Message)[audit.TrailerAction]; ok {
			last = max(last, c.Author.When.Format(time.DateOnly))
		}
		return nil
	})
	if errors.Is(err, object.ErrParentNotFound) || errors.Is(err, plumbing.ErrObjectNotFound) {
		err = nil // a shallow clone's history ends here
	}
	return last, err
}

// replayer carries out scheduled steps, each as its member of staff on its
// day, through caseplan's own command layer.
type replayer struct {
	root    string
	log     io.Writer
	check   bool
	verbose bool

	date, staff string // the step's day and who does it

	// Commit times: office hours on the step's day, a few minutes apart.
	clockDate    string
	clockMinutes int

	// editedCase is the case with hand edits not yet committed: caseplan
	// commit takes every hand edit under cases/, so a case's edits must be
	// committed by its own commit step, the same day.
	editedCase string

	commits int
}

func (r *replayer) replay(steps []scheduled) error {
	for _, s := range steps {
		if r.editedCase != "" && s.date != r.date {
			return fmt.Errorf("%s: hand edits to %s were not committed that day", r.date, r.editedCase)
		}
		r.date, r.staff = s.date, s.staff
		if r.verbose {
			r.logf("%s %-8s %-10s %s", s.date, s.staff, s.caseID, stepName(s.step))
		}
		if err := s.step.do(r, s.caseID); err != nil {
			return fmt.Errorf("%s %s %s %s: %w", s.date, s.staff, s.caseID, stepName(s.step), err)
		}
		if r.check && r.editedCase == "" {
			if err := r.inspect("validate", "--today", r.date); err != nil {
				return fmt.Errorf("%s: the store is invalid after %s %s: %w", r.date, s.caseID, stepName(s.step), err)
			}
		}
	}
	if r.editedCase != "" {
		return fmt.Errorf("%s: hand edits to %s were never committed", r.date, r.editedCase)
	}
	return nil
}

// edited records hand edits to caseID, which no other case may have open.
func (r *replayer) edited(caseID string) error {
	if caseID == "" {
		return errors.New("the office's own steps edit no case")
	}
	if r.editedCase != "" && r.editedCase != caseID {
		return fmt.Errorf("editing %s while the hand edits to %s are not committed", caseID, r.editedCase)
	}
	r.editedCase = caseID
	return nil
}

// committed records that caseID's hand edits are about to be committed;
// another case's would be committed with them.
func (r *replayer) committed(caseID string) error {
	if r.editedCase != "" && r.editedCase != caseID {
		return fmt.Errorf("a commit for %s would also take the hand edits to %s", caseID, r.editedCase)
	}
	r.editedCase = ""
	return nil
}

// caseplan runs a caseplan command that commits, in-process, as the day's
// member of staff on the day, and returns its output. Its commit is made
// four minutes after the day's previous one, from 09:04. stdin is its
// standard input; random is where it draws new IDs from: nil means
// nowhere, so a command that draws one fails rather than make an ID that
// no run can make again.
func (r *replayer) caseplan(random io.Reader, stdin string, args ...string) (string, error) {
	if r.clockDate != r.date {
		r.clockDate, r.clockMinutes = r.date, 9*60
	}
	r.clockMinutes += 4
	out, err := r.run(random, stdin, args...)
	if err == nil {
		r.commits++
	}
	return out, err
}

// inspect runs a caseplan command that only reads the store (validate,
// verify), on the day.
func (r *replayer) inspect(args ...string) error {
	_, err := r.run(nil, "", args...)
	return err
}

// run runs caseplan with args in-process, with an environment of its own:
// the store, the day, the member of staff and the commit time, and nothing
// of this process's.
func (r *replayer) run(random io.Reader, stdin string, args ...string) (string, error) {
	day, _ := time.Parse(time.DateOnly, r.date)
	when := day.Add(time.Duration(r.clockMinutes) * time.Minute)
	stamp := when.Format("2006-01-02T15:04:05-07:00") // 2026-01-14T09:04:00+00:00
	env := map[string]string{
		"CASEPLAN_STORE":     r.root,
		"CASEPLAN_TODAY":     r.date,
		"CASEPLAN_AUTHOR":    authors[r.staff],
		"GIT_AUTHOR_DATE":    stamp,
		"GIT_COMMITTER_DATE": stamp,
	}
	if random == nil {
		random = noRandom{}
	}
	var stdout, stderr bytes.Buffer
	code := cli.Main(args, cli.Env{
		Stdin:  strings.NewReader(stdin),
		Stdout: &stdout,
		Stderr: &stderr,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return when },
		Rand:   random,
		Dir:    r.root,
	})
	if code != 0 {
		return "", fmt.Errorf("caseplan %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	return stdout.String(), nil
}

// noRandom is the random source of a step that makes no new ID.
type noRandom struct{}

func (noRandom) Read([]byte) (int, error) {
	return 0, errors.New("this step was given no random bytes, so it must not make a new ID")
}

func (r *replayer) logf(format string, args ...any) {
	if r.log != nil {
		fmt.Fprintf(r.log, "demostore: "+format+"\n", args...)
	}
}

// stepName is a step's type, as the stories write it.
func stepName(s step) string { return reflect.TypeOf(s).Name() }
