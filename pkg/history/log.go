// Package history reads caseplan's audit trail from git history: the log of
// caseplan commits (optionally for one case) and the integrity checks of
// caseplan verify (notes never changed or removed, every change carrying
// caseplan's trailers and authored by a staff member on the roster).
//
// Both read git objects only, never the work tree, and never use go-git's
// path-filtered log, which loads every subtree of every commit (KNOWLEDGE.md):
// the case a commit touches is read from its Caseplan-Case trailer, and
// verify compares tree entries by hash, descending only where they differ.
//
// A *git.Repository is not safe for concurrent use, so neither function may
// run at the same time as other work on the same repository value.
package history

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/pii"
)

// Entry is one caseplan commit in the audit trail.
//
// Its JSON form is a contract for scripts (caseplan log -o json):
//
//	{"commit": "<full hash>", "author": "<name>", "email": "<email>",
//	 "date": "<RFC 3339, author's offset>", "case": "<case id>",
//	 "action": "<noun.verb>", "summary": "<subject without the case prefix>",
//	 "committer": "<name>", "committer_email": "<email>"}
//
// "committer" and "committer_email" are "" when the commit was committed
// by its author, as caseplan commits are; otherwise they name who made the
// commit in the author's name (git commit --author, a cherry-pick, a git
// host's merge button), which an audit of who changed what must see.
//
// "case" is a single string: the case ID, "-" for a store-wide change, the
// IDs joined with "," when one commit touched several cases, or "" when the
// commit has no Caseplan-Case trailer.
type Entry struct {
	Commit string
	Author string
	Email  string
	// Date is the author date: when the change was made, which is what
	// git log shows and what an audit asks about.
	Date time.Time
	// Cases holds the Caseplan-Case trailer values in message order.
	Cases  []string
	Action string
	// Summary is the subject line without its "<case-id>: " or "caseplan: "
	// prefix, since the case is reported on its own.
	Summary string
	// Committer and CommitterEmail name who made the commit when that is
	// not its author (by name or email); both are "" when it is.
	Committer      string
	CommitterEmail string
}

// entryJSON fixes the field names and order of Entry's JSON contract.
type entryJSON struct {
	Commit  string `json:"commit"`
	Author  string `json:"author"`
	Email   string `json:"email"`
	Date    string `json:"date"`
	Case    string `json:"case"`
	Action  string `json:"action"`
	Summary string `json:"summary"`
	// Added after the first fields, so scripts reading those keep working.
	Committer      string `json:"committer"`
	CommitterEmail string `json:"committer_email"`
}

// MarshalJSON encodes e in the documented contract form.
func (e Entry) MarshalJSON() ([]byte, error) {
	return json.Marshal(entryJSON{
		Commit:  e.Commit,
		Author:  e.Author,
		Email:   e.Email,
		Date:    e.Date.Format(time.RFC3339),
		Case:    strings.Join(e.Cases, ","),
		Action:  e.Action,
		Summary: e.Summary,

		Committer:      e.Committer,
		CommitterEmail: e.CommitterEmail,
	})
}

// UnmarshalJSON decodes the contract form, so tools and tests written in Go
// can read caseplan log -o json back.
func (e *Entry) UnmarshalJSON(b []byte) error {
	var j entryJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	var date time.Time
	if j.Date != "" {
		var err error
		if date, err = time.Parse(time.RFC3339, j.Date); err != nil {
			return fmt.Errorf("history entry date: %w", err)
		}
	}
	var cases []string
	if j.Case != "" {
		cases = strings.Split(j.Case, ",")
	}
	*e = Entry{Commit: j.Commit, Author: j.Author, Email: j.Email, Date: date,
		Cases: cases, Action: j.Action, Summary: j.Summary,
		Committer: j.Committer, CommitterEmail: j.CommitterEmail}
	return nil
}

// Log returns the commits of the audit trail reachable from from, newest
// first by committer date (git log's order). With caseID set it keeps only
// commits whose Caseplan-Case trailers include caseID (exactly; "-"
// selects the store-wide commits); with caseID empty it keeps every one.
// A caseplan commit is one with a Caseplan-Case or Caseplan-Action trailer.
// A commit without them (made with git by hand) that changed the records
// is in the trail too, with no action, under the cases whose files it
// changed — verify reports it, and a case's log must not hide it. A merge
// made with git (a host's "merge pull request") is in it only under the
// cases it changed itself: a record that differs from both parents was
// written in the merge (a conflict resolved by hand, an "evil merge"),
// while one taken from either side is that side's commit's change,
// already in the trail. Commits that changed no record are skipped. limit > 0 stops after
// that many entries. A zero from means HEAD.
//
// It reads every commit message on the way (about 2 s per 100,000 commits
// here) rather than asking go-git for a path-filtered log, which is orders
// of magnitude slower.
func Log(repo *git.Repository, from plumbing.Hash, caseID string, limit int) ([]Entry, error) {
	return walk(repo, from, caseID, limit, nil)
}

// walk is Log, telling read (when not nil) of each commit it reads, so
// that a walk of a long history can show how far it has come.
func walk(repo *git.Repository, from plumbing.Hash, caseID string, limit int, read func()) ([]Entry, error) {
	iter, err := repo.Log(&git.LogOptions{From: from, Order: git.LogOrderCommitterTime})
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer iter.Close()
	var entries []Entry
	err = iter.ForEach(func(c *object.Commit) error {
		if read != nil {
			read()
		}
		e, ok, err := entryOf(repo, c)
		if err != nil {
			return err
		}
		if !ok || (caseID != "" && !slices.Contains(e.Cases, caseID)) {
			return nil
		}
		entries = append(entries, e)
		if limit > 0 && len(entries) >= limit {
			return storer.ErrStop
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	return entries, nil
}

// entryOf reads c as an entry of the audit trail: a caseplan commit by
// its trailers, a commit without them by the records it changed (for a
// merge, the records it holds as neither parent had them); ok is false
// for a commit without trailers that changed no record.
func entryOf(repo *git.Repository, c *object.Commit) (e Entry, ok bool, err error) {
	t := audit.ParseTrailers(c.Message)
	cases, actions := t[audit.TrailerCase], t[audit.TrailerAction]
	if len(cases) == 0 && len(actions) == 0 {
		if cases, err = changedCases(repo, c); err != nil || len(cases) == 0 {
			return Entry{}, false, err
		}
	}
	e = Entry{
		Commit:  c.Hash.String(),
		Author:  masked(c.Author.Name),
		Email:   masked(c.Author.Email),
		Date:    c.Author.When,
		Cases:   cases,
		Summary: summary(c.Message, cases) + overruled(t[audit.TrailerOverruled], cases),
	}
	if c.Committer.Name != c.Author.Name || !strings.EqualFold(c.Committer.Email, c.Author.Email) {
		e.Committer, e.CommitterEmail = masked(c.Committer.Name), masked(c.Committer.Email)
	}
	if len(actions) > 0 {
		// Several actions are a hand-made oddity; the first is the one
		// caseplan writes.
		e.Action = actions[0]
	}
	return e, true, nil
}

// changedCases returns the cases whose directories c changed against its
// parent (every case of a root commit), then "-" when it changed anything
// else under cases/ (the settings, a cohort): the cases a hand commit's
// trailers would have named. A merge changed only what none of its
// parents had (mergeCases, as verify reads a merge, and as git log --cc
// shows one): merging two sides that each added a note to one case
// changes nothing of its own. Only the cases/ trees are read.
func changedCases(repo *git.Repository, c *object.Commit) ([]string, error) {
	if len(c.ParentHashes) > 1 {
		return mergeChangedCases(repo, c)
	}
	now, err := casesTree(repo, c.TreeHash)
	if err != nil {
		return nil, err
	}
	var before map[string]object.TreeEntry
	if len(c.ParentHashes) == 1 {
		p, err := repo.CommitObject(c.ParentHashes[0])
		if err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		if before, err = casesTree(repo, p.TreeHash); err != nil {
			return nil, err
		}
	}
	var cases []string
	store := false
	changed := func(e object.TreeEntry) {
		if e.Mode == filemode.Dir && !layout.IsStoreDir(e.Name) {
			cases = append(cases, e.Name)
		} else {
			store = true
		}
	}
	for name, e := range now {
		if b, ok := before[name]; !ok || b.Hash != e.Hash || b.Mode != e.Mode {
			changed(e)
		}
	}
	for name, b := range before {
		if _, ok := now[name]; !ok {
			changed(b)
		}
	}
	slices.Sort(cases)
	if store {
		cases = append(cases, "-")
	}
	return cases, nil
}

// mergeChangedCases is changedCases of a merge.
func mergeChangedCases(repo *git.Repository, c *object.Commit) ([]string, error) {
	trees := newTreeCache(repo.Storer)
	now, err := casesHash(repo, c.TreeHash)
	if err != nil {
		return nil, err
	}
	parents := make([]plumbing.Hash, 0, len(c.ParentHashes))
	for _, h := range c.ParentHashes {
		p, err := repo.CommitObject(h)
		if err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		ph, err := casesHash(repo, p.TreeHash)
		if err != nil {
			return nil, err
		}
		parents = append(parents, ph)
	}
	cases, err := mergeCases(trees, now, parents)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	store, err := mergeIntroduces(trees, now, parents, func(name []byte, dir bool) bool {
		return !dir || layout.IsStoreDir(string(name))
	})
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	if store {
		cases = append(cases, "-")
	}
	return cases, nil
}

// casesHash is the hash of the cases/ directory of the tree root; zero
// when there is none.
func casesHash(repo *git.Repository, root plumbing.Hash) (plumbing.Hash, error) {
	t, err := repo.TreeObject(root)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("read history: %w", err)
	}
	e, err := t.FindEntry(layout.CasesDir)
	if err != nil || e.Mode != filemode.Dir {
		return plumbing.ZeroHash, nil
	}
	return e.Hash, nil
}

// casesTree lists the entries of the cases/ directory of the tree root by
// name; nil when there is none.
func casesTree(repo *git.Repository, root plumbing.Hash) (map[string]object.TreeEntry, error) {
	t, err := repo.TreeObject(root)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	e, err := t.FindEntry(layout.CasesDir)
	if err != nil || e.Mode != filemode.Dir {
		return nil, nil
	}
	sub, err := repo.TreeObject(e.Hash)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	out := make(map[string]object.TreeEntry, len(sub.Entries))
	for _, x := range sub.Entries {
		out[x.Name] = x
	}
	return out, nil
}

// overruled says which of a commit's values sync did not keep, from its
// Caseplan-Overruled trailers (" (not kept at sync, the host's kept:
// intake.yaml participant.phone)"), so that the summary, which says what
// its author did, does not stand for a change the commit does not hold;
// "" when there are none. A path in one of cases is given from the case's
// directory.
func overruled(lost []string, cases []string) string {
	if len(lost) == 0 {
		return ""
	}
	short := make([]string, len(lost))
	for i, v := range lost {
		for _, id := range cases {
			if rest, ok := strings.CutPrefix(v, layout.CasesDir+"/"+id+"/"); ok {
				v = rest
				break
			}
		}
		short[i], _ = pii.Default().Redact(v)
	}
	return " (not kept at sync, the host's kept: " + strings.Join(short, ", ") + ")"
}

// masked is an author's or committer's name or email with any
// SSN-shaped number in it masked, as summary masks the subject: git takes
// whatever user.name a hand commit was made with, and log shows it.
func masked(v string) string {
	out, _ := pii.Default().Redact(v)
	return out
}

// summary returns the subject of msg (its first paragraph on one line, as
// git's %s does) without a "<case-id>: " prefix naming one of cases or the
// store ("caseplan: "), with any SSN-shaped number in it masked: a message
// written with git alone (or before caseplan refused one) may hold one,
// which verify reports (history-pii-leak) and log must not repeat, nor
// the log index keep.
func summary(msg string, cases []string) string {
	para, _, _ := strings.Cut(strings.Trim(strings.ReplaceAll(msg, "\r\n", "\n"), "\n"), "\n\n")
	lines := strings.Split(para, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	subject, _ := pii.Default().Redact(strings.Join(lines, " "))
	if prefix, rest, ok := strings.Cut(subject, ": "); ok && (prefix == "caseplan" || slices.Contains(cases, prefix)) {
		return rest
	}
	return subject
}
