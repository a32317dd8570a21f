package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/history"
)

// A tree git itself would not write stops verify (exit 3) with what it
// means and what to do, not the bare read error.
func TestVerifyMalformedTreeHint(t *testing.T) {
	err := verifyReadError(nil, fmt.Errorf("verify commit 1560b21: read tree da3adf7: %w", history.ErrMalformedTree))
	var h *withHint
	if !errors.As(err, &h) || !strings.Contains(h.h, "git fsck names the tree") || !strings.Contains(h.h, "restore the branch") {
		t.Fatalf("verifyReadError = %v, want the malformed tree's hint", err)
	}
	if code := exitCode(err); code != ExitOther {
		t.Errorf("exit %d, want %d", code, ExitOther)
	}
}

// A commit whose Caseplan-Case trailers do not name the cases it changed
// (a squash of caseplan commits, trailers copied by hand) was put
// together with git: verify's hint redoes it with caseplan commit, which
// names every case it changes, as for a commit without trailers.
func TestVerifyTrailerCasesHint(t *testing.T) {
	repo, last := emptyCommits(t, "first", "W-002: squashed\n\nCaseplan-Case: W-002\nCaseplan-Action: note.add\n")
	fs := []finding.Finding{{Severity: finding.Error, Rule: history.RuleTrailerCases, Commit: last.String(), Message: "the commit's Caseplan-Case trailers (W-002) do not match the cases it changed"}}
	hint := handCommitHint(repo, fs)
	want := "git reset --soft " + last.String()[:12] + "^ keeps its changes, then caseplan commit -m MESSAGE commits them with caseplan's trailers"
	if !strings.Contains(hint, want) {
		t.Errorf("hint = %q, want it to contain %q", hint, want)
	}
}

// A commit made with git alone that also took an episode out of a case's
// outcome is redone with the episode put back first: caseplan commit
// refuses the removal, so "git reset --soft, then caseplan commit" alone
// would be refused again.
func TestVerifyHandCommitEpisodeHint(t *testing.T) {
	repo, last := emptyCommits(t, "first", "tidy the records\n")
	fs := []finding.Finding{
		{Severity: finding.Error, Rule: history.RuleMissingTrailers, Commit: last.String(), Message: "the commit changes records but has no Caseplan-Case trailer"},
		{Path: "cases/W-001/outcome.yaml", Case: "W-001", Severity: finding.Error, Rule: history.RuleEpisodeRemoved, Commit: last.String(), Message: "the closure CL-1 of 2026-06-20 was removed"},
	}
	hint := handCommitHint(repo, fs)
	good := last.String()[:12] + "^"
	for _, want := range []string{
		"git reset --soft " + good + " keeps its changes; git checkout " + good + " -- cases/W-001/outcome.yaml puts the removed episodes back",
		"caseplan commit -m MESSAGE commits the rest",
	} {
		if !strings.Contains(hint, want) {
			t.Errorf("hint = %q, want it to contain %q", hint, want)
		}
	}
	if strings.Contains(hint, "keeps its changes, then caseplan commit") {
		t.Errorf("hint = %q: it redoes the removal, which caseplan commit refuses", hint)
	}
}

// The way out of a breach travels with the finding it answers, so that
// a CI check's page (an annotation, the job summary, -o json and sarif)
// says it, not only the step's log: a history-rewritten finding told CI
// to restore the commit even when the rewrite was the repair.
func TestVerifyHintOnFinding(t *testing.T) {
	repo, last := emptyCommits(t, "first", "W-001: add contact note\n\nCaseplan-Case: W-001\nCaseplan-Action: note.add\n")
	gone := "89abcdef0123456789abcdef0123456789abcdef"
	fs := []finding.Finding{
		{Severity: finding.Warning, Rule: "roster-signing-key", Message: "dpatel has no signing key"},
		{Severity: finding.Error, Rule: history.RuleHistoryRewritten, Commit: gone, Message: "the history was rewritten"},
	}
	hint := verifyHint(repo, fs)
	if !strings.Contains(hint, "in CI, the next push's verify, anchored at this one, passes") {
		t.Fatalf("hint = %q, want the rewrite's way out", hint)
	}
	if fs[1].Hint != hint || fs[0].Hint != "" {
		t.Errorf("hints = %q, %q; want the rewrite's on its finding only", fs[0].Hint, fs[1].Hint)
	}

	// A hand commit's redo goes on the finding of the commit it names.
	fs = []finding.Finding{
		{Severity: finding.Error, Rule: history.RuleMissingTrailers, Commit: last.String(), Message: "commit changes cases/ without the trailers"},
		{Severity: finding.Error, Rule: history.RuleHistoryRewritten, Commit: gone, Message: "the history was rewritten"},
	}
	hint = verifyHint(repo, fs)
	if !strings.Contains(hint, "git reset --soft "+last.String()[:12]+"^") || fs[0].Hint != hint || fs[1].Hint != "" {
		t.Errorf("hint %q on %q and %q; want the redo on the hand commit's finding", hint, fs[0].Hint, fs[1].Hint)
	}
}

// emptyCommits makes a repository whose main branch is one commit of an
// empty tree per message, by Dev Patel, and returns it and its last commit.
func emptyCommits(t *testing.T, msgs ...string) (*git.Repository, plumbing.Hash) {
	t.Helper()
	repo, err := git.PlainInit(t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "Dev Patel", Email: "dpatel@example.org", When: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	var parents []plumbing.Hash
	var last plumbing.Hash
	for _, msg := range msgs {
		tree := &object.Tree{}
		to := repo.Storer.NewEncodedObject()
		if err := tree.Encode(to); err != nil {
			t.Fatal(err)
		}
		th, err := repo.Storer.SetEncodedObject(to)
		if err != nil {
			t.Fatal(err)
		}
		c := &object.Commit{Author: *sig, Committer: *sig, Message: msg, TreeHash: th, ParentHashes: parents}
		co := repo.Storer.NewEncodedObject()
		if err := c.Encode(co); err != nil {
			t.Fatal(err)
		}
		if last, err = repo.Storer.SetEncodedObject(co); err != nil {
			t.Fatal(err)
		}
		parents = []plumbing.Hash{last}
	}
	if err := repo.Storer.SetReference(plumbing.NewHashReference("refs/heads/main", last)); err != nil {
		t.Fatal(err)
	}
	if err := repo.Storer.SetReference(plumbing.NewSymbolicReference(plumbing.HEAD, "refs/heads/main")); err != nil {
		t.Fatal(err)
	}
	return repo, last
}

// A commit signed with a key not its author's (a stolen laptop's, after
// the roster replaced it) is not repaired by a revert, which leaves it in
// the history verify --full reads: the hint takes it out, from this clone
// alone while no remote branch holds it, and from the host too once one
// does, with the force-push sync's refusal gives.
func TestVerifySignatureNotAuthorHint(t *testing.T) {
	repo, last := emptyCommits(t, "first", "W-001: add contact note\n\nCaseplan-Case: W-001\nCaseplan-Action: note.add\n")
	c, good := last.String()[:12], ""
	if co, err := repo.CommitObject(last); err == nil {
		good = co.ParentHashes[0].String()[:12]
	}
	fs := func() []finding.Finding {
		return []finding.Finding{{Severity: finding.Error, Rule: history.RuleNotAuthor, Commit: last.String(), Message: "the commit says it is by dpatel but is signed with their former key"}}
	}
	local := fs()
	hint := verifyHint(repo, local)
	if !strings.Contains(hint, "git update-index -q --refresh && git reset --keep "+good) || strings.Contains(hint, "force-with-lease") {
		t.Errorf("hint for a commit only in this clone = %q, want the reset --keep alone", hint)
	}
	if !strings.Contains(hint, "a revert leaves "+c+" in the history") || local[0].Hint != hint {
		t.Errorf("hint %q on the finding %q; want it to say why a revert does not do", hint, local[0].Hint)
	}

	if err := repo.Storer.SetReference(plumbing.NewHashReference(plumbing.NewRemoteReferenceName("origin", "main"), last)); err != nil {
		t.Fatal(err)
	}
	hint = verifyHint(repo, fs())
	want := "git push --force-with-lease=main:" + c + " origin " + good + ":refs/heads/main"
	if !strings.Contains(hint, want) || !strings.Contains(hint, "git reset --keep "+good) {
		t.Errorf("hint for a commit on the host = %q, want it to contain %q and the reset --keep", hint, want)
	}
}
