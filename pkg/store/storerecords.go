package store

import (
	"errors"
	"strings"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
)

// loadStoreRecords reads the store-level records: the cohorts
// (cases/cohorts/*.yaml), decoded into the snapshot, and the import rules
// (cases/import-rules/*.yaml), parsed so that validate checks them.
func (l *loader) loadStoreRecords() error {
	l.snap.Cohorts = map[string]*record.Cohort{}
	for _, dir := range layout.StoreDirs() {
		p := layout.CasesDir + "/" + dir
		entries, err := l.src.List(p)
		if err != nil {
			if errors.Is(err, ErrOutsideStore) {
				l.add(p, 0, RuleSymlink, finding.Error, "%s is a symbolic link to a directory outside the store", dir)
				return nil
			}
			if l.isFile(p) {
				l.add(p, 0, RuleUnknownFile, finding.Error, "%s is a file; %s/ must be a directory of .yaml records", dir, dir)
				return nil
			}
			return err
		}
		for _, e := range entries {
			f := p + "/" + e.Name
			kind, ok := layout.KindOf(f)
			if e.IsDir || !ok {
				if !strings.HasPrefix(e.Name, ".") {
					l.add(f, 0, RuleUnknownFile, finding.Warning, "%s is not a caseplan record (files in %s/ end in .yaml); it is ignored", e.Name, dir)
				}
				continue
			}
			var cohort *record.Cohort
			if e.Size > load.MaxFileSize {
				l.snap.Files++
				l.findings = append(l.findings, load.TooLarge(f, e.Size))
			} else if doc := l.read(f); doc != nil {
				l.snap.StoreDocs = append(l.snap.StoreDocs, doc)
				if kind == layout.KindCohort {
					cohort = decodeInto[record.Cohort](l, doc)
				}
			}
			if kind == layout.KindCohort {
				// Present even when unreadable: its cases name a cohort
				// that exists, whose own findings say what is wrong.
				id, _ := layout.RecordName(f)
				l.snap.Cohorts[id] = cohort
			}
		}
	}
	return nil
}
