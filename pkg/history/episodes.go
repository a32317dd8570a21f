package history

import (
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// RuleEpisodeRemoved: a commit took an episode (a closure, reopening,
// placement, ...) out of a case's outcome (the rule is audit's).
const RuleEpisodeRemoved = audit.RuleEpisodeRemoved

// checkEpisodes reports each episode of a case's outcome that a parent of
// commit c holds and c does not (audit.RemovedEpisodes): outcome.yaml
// edited by hand, deleted, or its case directory removed. Only the case
// directories and outcome files whose hashes differ are read.
//
// A merge answers only for an outcome.yaml of its own making (its blob in
// none of its parents): one taken whole from a side is merge-drops-change's
// to judge, and an episode one side removed was reported at that side's
// commit (v.episodesGone), not again at the merge.
func (v *verifier) checkEpisodes(c *commitInfo, cases plumbing.Hash, parents []plumbing.Hash) error {
	merge := len(parents) > 1
	after, err := v.trees.get(cases)
	if err != nil {
		return err
	}
	outcome := layout.FileName(layout.KindOutcome)
	for _, pc := range parents {
		if pc == cases || pc.IsZero() {
			continue
		}
		before, err := v.trees.get(pc)
		if err != nil {
			return err
		}
		err = pairEntries(before, after, func(b, a *treeEntry) error {
			if b == nil || !b.dir || layout.IsStoreDir(string(b.name)) || (a != nil && a.hash == b.hash) {
				return nil
			}
			id := string(b.name)
			var adir plumbing.Hash
			if a != nil && a.dir {
				adir = a.hash
			}
			bo, bblob, err := v.outcomeIn(b.hash, outcome)
			if err != nil || bo == nil {
				return err
			}
			ao, ablob, err := v.outcomeIn(adir, outcome)
			if err != nil {
				return err
			}
			if ablob == bblob {
				return nil
			}
			if ao == nil && !ablob.IsZero() {
				return nil // there but not readable: validate's to report
			}
			if merge {
				if own, err := v.mergeMade(ablob, adir, id, parents, outcome); err != nil || !own {
					return err
				}
			}
			for _, e := range audit.RemovedEpisodes(bo, ao) {
				key := id + "\x00" + e.Kind + "\x00" + e.ID + "\x00" + string(e.Date)
				if merge && v.episodesGone[key] {
					continue
				}
				if v.episodesGone[key+"\x00"+c.hash.String()] {
					continue // one per commit, however many parents lack it
				}
				v.episodesGone[key] = true
				v.episodesGone[key+"\x00"+c.hash.String()] = true
				v.add(audit.EpisodeFinding(audit.EpisodeRemoval{Case: id, Episode: e, Commit: c.hash.String(), CaseGone: adir.IsZero()}))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// mergeMade reports whether a merge's outcome.yaml of case id (blob; zero
// when the merge has none) is in none of its parents' cases/ trees.
func (v *verifier) mergeMade(blob, dir plumbing.Hash, id string, parents []plumbing.Hash, name string) (bool, error) {
	for _, pc := range parents {
		t, err := v.trees.get(pc)
		if err != nil {
			return false, err
		}
		var pdir plumbing.Hash
		if e := t.lookup(id, true); e != nil {
			pdir = e.hash
		}
		if pdir.IsZero() && dir.IsZero() {
			return false, nil
		}
		_, pblob, err := v.outcomeIn(pdir, name)
		if err != nil {
			return false, err
		}
		if pblob == blob && !pdir.IsZero() {
			return false, nil
		}
	}
	return true, nil
}

// outcomeIn decodes the outcome file name of a case directory's tree dir
// (the zero hash: none), as the store reads it, and returns its blob; a
// file that is absent is nil with the zero hash, one that does not decode
// nil with its hash. Outcomes are kept by blob hash: a commit's "before"
// is usually the last one's "after".
func (v *verifier) outcomeIn(dir plumbing.Hash, name string) (*record.Outcome, plumbing.Hash, error) {
	t, err := v.trees.get(dir)
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	e := t.lookup(name, false)
	if e == nil {
		return nil, plumbing.ZeroHash, nil
	}
	if o, ok := v.outcomes[e.hash]; ok {
		return o, e.hash, nil
	}
	o, err := decodeBlob[record.Outcome](v, e.hash, name)
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	if len(v.outcomes) > 4096 {
		clear(v.outcomes)
	}
	v.outcomes[e.hash] = o
	return o, e.hash, nil
}
