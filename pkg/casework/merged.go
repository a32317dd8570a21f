package casework

import (
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// CheckMerged validates the cases (nil: every case) at commit after — a
// combination of the sides, such as sync's replay of a clone's commits
// onto the remote's — and returns the errors it has that none of the
// sides had, the rule a write is refused by. Each file of after was
// written by someone's command on one side or merged from two, so an
// error here is the combination's own.
//
// warnings are likewise the warnings after has that none of the sides
// had: what neither person saw when they wrote, such as an activity one
// clone logged on a day the other clone's closing now puts after the
// case was closed (closed-case-work), which the write command itself
// would have refused. An obligation the sides had made progress on ("1
// of 3 references" on one, "2 of 3" after) is not new, as with validate
// --new-from.
func CheckMerged(repo *gitstore.Repo, v *schemas.Validator, today time.Time, cases []string, sides []plumbing.Hash, after plumbing.Hash) (errs, warnings []finding.Finding, err error) {
	opts := validate.Options{Schemas: v, Today: today}
	source := func(h plumbing.Hash) (store.Source, error) {
		if h.IsZero() {
			return emptySource{}, nil
		}
		tree, err := repo.TreeAt(h)
		if err != nil {
			return nil, err
		}
		return store.GitTree{Tree: tree}, nil
	}
	if cases != nil {
		// The cases that continue a period one side changed are checked
		// too (laterPeriods): the other side may have opened one.
		afterSrc, err := source(after)
		if err != nil {
			return nil, nil, err
		}
		afterSnap, _, err := loadExisting(afterSrc, cases)
		if err != nil {
			return nil, nil, err
		}
		for _, h := range sides {
			src, err := source(h)
			if err != nil {
				return nil, nil, err
			}
			snap, _, err := loadExisting(src, cases)
			if err != nil {
				return nil, nil, err
			}
			later, err := laterPeriods(snap, afterSnap, afterSrc)
			if err != nil {
				return nil, nil, err
			}
			cases = union(cases, later)
		}
	}
	check := func(h plumbing.Hash) ([]finding.Finding, error) {
		src, err := source(h)
		if err != nil {
			return nil, err
		}
		snap, loaded, err := loadExisting(src, cases)
		if err != nil {
			return nil, err
		}
		opts := opts
		opts.Lookup = validate.LookupIn(src)
		return validate.Run(snap, loaded, opts), nil
	}
	var before []finding.Finding
	for _, h := range sides {
		fs, err := check(h)
		if err != nil {
			return nil, nil, err
		}
		before = append(before, fs...)
	}
	merged, err := check(after)
	if err != nil {
		return nil, nil, err
	}
	return introduced(before, merged, nil), finding.Since(warningsOf(before), warningsOf(merged), validate.IsCompleteness), nil
}
