package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/caseplan/caseplan/pkg/finding"
)

// The rules about what the git CLI shows instead of the history itself.
// caseplan reads the objects as they are, so its own checks are right
// whatever these say; but an auditor reading the trail with git log, or a
// clone made with git clone --mirror (which copies refs/replace/), is
// shown something else. Both are errors: git history is the audit trail
// an auditor reads with git, neither has a use in a case store, and a
// warning would let CI pass while the host serves the forgery.
const (
	// RuleReplaceRef: a ref under refs/replace/ makes git show another
	// object under an object's hash (git replace OLD NEW): git log and
	// git show print the forged commit's author, date, message and files
	// as if they were the real commit's.
	RuleReplaceRef = "replace-ref"
	// RuleGrafts: an info/grafts file gives commits other parents in git's
	// eyes, so git log skips the commits it cuts out.
	RuleGrafts = "grafts-file"
)

// ReplaceRefPrefix is where git keeps its replacements (git replace).
const ReplaceRefPrefix = "refs/replace/"

// GitViews reports what makes the git CLI show a history other than the
// one in repo's objects: each ref under refs/replace/ (replace-ref), and
// the grafts file at graftsPath (the common git directory's
// info/grafts) when it exists (grafts-file). Findings are errors, in
// order of the refs' names. The error is for a repository that cannot be
// read.
func GitViews(repo *git.Repository, graftsPath string) ([]finding.Finding, error) {
	var out []finding.Finding
	refs, err := repo.References()
	if err != nil {
		return nil, fmt.Errorf("verify: the refs: %w", err)
	}
	defer refs.Close()
	err = refs.ForEach(func(r *plumbing.Reference) error {
		name := r.Name().String()
		if !strings.HasPrefix(name, ReplaceRefPrefix) {
			return nil
		}
		old := strings.TrimPrefix(name, ReplaceRefPrefix)
		by := r.Target().String()
		if r.Type() == plumbing.HashReference {
			by = r.Hash().String()
		}
		out = append(out, finding.Finding{
			Rule: RuleReplaceRef, Severity: finding.Error, Commit: old,
			Message: fmt.Sprintf("%s makes git show object %s in place of %s: git log, git show and any git clone --mirror of a host that has the ref show the replacement's author, date, message and files under %s's hash, while caseplan's checks read the real objects; remove it with git replace -d %s, and from the host, if it was pushed, with git push origin :%s",
				name, abbrev(by), abbrev(old), abbrev(old), old, name),
		})
		return nil
	})
	if err != nil && !errors.Is(err, storer.ErrStop) {
		return nil, fmt.Errorf("verify: the refs: %w", err)
	}
	data, err := os.ReadFile(graftsPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("verify: %w", err)
	default:
		n := 0
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
				n++
			}
		}
		out = append(out, finding.Finding{
			Rule: RuleGrafts, Severity: finding.Error, Path: graftsPath,
			Message: fmt.Sprintf("a grafts file gives %d commit(s) other parents in git's eyes: git log skips the commits it cuts out and shows history that was never committed, while caseplan's checks read the real parents; delete the file (rm %s)", n, graftsPath),
		})
	}
	return out, nil
}

// abbrev shortens a full hash as short does and leaves anything else
// (a symbolic ref's target) as it is.
func abbrev(s string) string {
	if plumbing.IsHash(s) {
		return s[:12]
	}
	return s
}
