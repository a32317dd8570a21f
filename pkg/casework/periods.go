package casework

import (
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

// laterPeriods returns the cases that name, with returning_from, a case
// whose period of participation differs between before and after (its
// program's kind, its exit, its own returning_from, or the case removed)
// or the case a changed returning_from now names, and that after does not
// hold already: wioa-returning-from judges a later case by the earlier
// one's intake, and by the other cases that continue it, so a change can
// break a case it never names; a case whose intake cannot be read is
// returned too, since it may. Finding them reads every intake, so the
// store is scanned only when such a period changed — a note, or any write
// that leaves the intakes' periods as they were, costs nothing more.
func laterPeriods(before, after *casefile.Snapshot, afterSrc store.Source) ([]string, error) {
	changed := map[string]bool{}
	compare := func(id string) {
		was, is := validate.PeriodOf(before.Config, before.Case(id)), validate.PeriodOf(after.Config, after.Case(id))
		if !periodChanged(was, is) {
			return
		}
		if was != nil {
			// A case that did not exist is named by none but in error,
			// which its opening does not make worse: case new without
			// returning_from reads nothing more.
			changed[id] = true
		}
		if is != nil && is.ReturningFrom != "" && (was == nil || was.ReturningFrom != is.ReturningFrom) {
			changed[is.ReturningFrom] = true
		}
	}
	for _, c := range before.Cases {
		compare(c.ID)
	}
	for _, c := range after.Cases {
		if before.Case(c.ID) == nil {
			compare(c.ID)
		}
	}
	if len(changed) == 0 {
		return nil, nil
	}
	keys, err := store.ScanIntakes(afterSrc, nil)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, k := range keys {
		// A case whose intake cannot be read may name a changed case as
		// well as not: it is checked with them, not taken to name none,
		// so a case directory that cannot be listed refuses the write
		// (existing) and one whose intake does not parse is judged by
		// what the loader says of it.
		if (changed[k.ReturningFrom] || !k.Readable && before.Case(k.ID) == nil) && after.Case(k.ID) == nil {
			out = append(out, k.ID)
		}
	}
	return out, nil
}

// periodChanged reports whether a case's period differs in what the
// periods of the cases that name it are judged by.
func periodChanged(was, is *validate.Period) bool {
	if was == nil || is == nil {
		return was != is
	}
	return was.Kind != is.Kind || was.Exited != is.Exited || was.ReturningFrom != is.ReturningFrom
}

// withLaterPeriods returns before and after with the cases laterPeriods
// finds loaded too, so the guard compares their findings as it does the
// changed cases'.
func withLaterPeriods(before, after loadedStore) (loadedStore, loadedStore, error) {
	later, err := laterPeriods(before.snap, after.snap, after.src)
	if err != nil || len(later) == 0 {
		return before, after, err
	}
	reload := func(ls loadedStore) (loadedStore, error) {
		ids := append([]string{}, later...)
		for _, c := range ls.snap.Cases {
			ids = append(ids, c.ID)
		}
		snap, loaded, err := loadExisting(ls.src, union(ids, nil))
		if err != nil {
			return ls, err
		}
		return loadedStore{snap, loaded, ls.src}, nil
	}
	if before, err = reload(before); err != nil {
		return before, after, err
	}
	after, err = reload(after)
	return before, after, err
}
