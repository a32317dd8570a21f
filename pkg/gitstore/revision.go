package gitstore

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// ErrNoCommits says the store has no commits yet, so there is nothing
// committed to read.
var ErrNoCommits = errors.New("the store has no commits yet")

// ErrNoCommitAsOf says no commit was made on or before the day asked for.
var ErrNoCommitAsOf = errors.New("no commit was made on or before that day")

// Reading names the commit a reader (a report) reads the records from: At
// a revision, or AsOf the end of a day (YYYY-MM-DD), or HEAD when both are
// empty.
type Reading struct {
	At   string
	AsOf string
}

// ReadCommit is a commit chosen for reading, and when it was committed.
type ReadCommit struct {
	Hash      plumbing.Hash
	Committed time.Time
}

// Resolve returns the commit rd names. A reader only reads, so a detached
// HEAD (a past commit checked out to look at) is as good as a branch. It
// returns ErrNoCommits for a store without commits, a *RevisionError when
// At names nothing (a *DamagedObjectError when a commit could not be
// read), and ErrNoCommitAsOf when AsOf is before every commit.
func (r *Repo) Resolve(rd Reading) (ReadCommit, error) {
	head, err := r.ReadHead()
	if err != nil {
		return ReadCommit{}, err
	}
	if head.IsZero() {
		return ReadCommit{}, ErrNoCommits
	}
	hash := head
	switch {
	case rd.At != "":
		if hash, err = r.ResolveRevision(rd.At); err != nil {
			return ReadCommit{}, err
		}
	case rd.AsOf != "":
		c, ok, err := commitAsOf(r.commitHead, head, rd.AsOf)
		if err != nil {
			return ReadCommit{}, err
		}
		if !ok {
			return ReadCommit{}, ErrNoCommitAsOf
		}
		hash = c.Hash
	}
	c, err := r.repo.CommitObject(hash)
	if err != nil {
		return ReadCommit{}, fmt.Errorf("read commit %s: %w", hash, err)
	}
	return ReadCommit{Hash: hash, Committed: c.Committer.When}, nil
}

// ReadHead returns the commit HEAD names, for commands that only read
// (reports, log, verify): a detached HEAD is as good as a branch there — a
// past commit checked out to look at, or the merge commit CI checks out
// for a pull request. Like Head, it returns the zero hash and a nil error
// when the branch is unborn.
func (r *Repo) ReadHead() (plumbing.Hash, error) {
	head, err := r.Head()
	if errors.Is(err, ErrDetachedHead) {
		head, err = r.ResolveRevision("HEAD")
	}
	return head, err
}

// ErrNoSuchCommit says a revision names no commit of the store.
var ErrNoSuchCommit = errors.New("no such commit in this store")

// RevisionError says a revision names no commit of the store: Err is
// ErrNoSuchCommit, or says why the revision cannot name one.
type RevisionError struct {
	Rev string
	Err error
}

func (e *RevisionError) Error() string { return fmt.Sprintf("%q: %v", e.Rev, e.Err) }
func (e *RevisionError) Unwrap() error { return e.Err }

// commitAsOf follows the first parents from head to the first commit made
// on or before day (YYYY-MM-DD) by its committer's clock, in the time zone
// the commit records; ok is false when there is none. The first-parent
// line is the store's own history: a merged branch's commits are known
// from the merge. read gives a commit's first parent and committer time
// (Repo.commitHead reads only that much of each commit: a month's walk
// at 10,000 cases passes some 10,000 commits).
func commitAsOf(read func(plumbing.Hash) (commitHead, error), head plumbing.Hash, day string) (_ ReadCommit, ok bool, _ error) {
	h := head
	for {
		c, err := read(h)
		if err != nil {
			return ReadCommit{}, false, fmt.Errorf("read commit %s: %w", h, err)
		}
		if c.Committed.Format(time.DateOnly) <= day {
			return ReadCommit{Hash: h, Committed: c.Committed}, true, nil
		}
		if c.FirstParent.IsZero() {
			return ReadCommit{}, false, nil
		}
		h = c.FirstParent
	}
}

// commitHead is what a walk along first parents needs of a commit.
type commitHead struct {
	FirstParent plumbing.Hash // zero for a root commit
	Committed   time.Time     // in the zone the commit records
}

// commitHead reads commit h's headers only, not decoding its message or
// signature: the first "parent" line and the "committer" line, read as
// go-git reads a signature (object.Signature.Decode), so that the time
// is the one object.Commit would give.
func (r *Repo) commitHead(h plumbing.Hash) (commitHead, error) {
	data, err := r.readRaw(plumbing.CommitObject, h)
	if err != nil {
		return commitHead{}, err
	}
	return parseCommitHead(data)
}

func parseCommitHead(data []byte) (commitHead, error) {
	var c commitHead
	committer := false
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte{'\n'})
		data = rest
		if len(line) == 0 {
			break // the headers end at the first empty line
		}
		field, value, _ := bytes.Cut(line, []byte{' '})
		switch string(field) {
		case "parent":
			if c.FirstParent.IsZero() {
				h, ok := parseHex(value)
				if !ok {
					return commitHead{}, fmt.Errorf("corrupt commit: parent %q", value)
				}
				c.FirstParent = h
			}
		case "committer":
			var s object.Signature
			s.Decode(value)
			c.Committed, committer = s.When, true
		}
	}
	if !committer {
		return commitHead{}, errors.New("corrupt commit: no committer")
	}
	return c, nil
}

// parseHex reads a full hexadecimal object name.
func parseHex(b []byte) (plumbing.Hash, bool) {
	var h plumbing.Hash
	if len(b) != 2*len(h) {
		return h, false
	}
	if _, err := hex.Decode(h[:], b); err != nil {
		return h, false
	}
	return h, true
}
