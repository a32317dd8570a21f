package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/layout"
)

// knownCohort refuses a cohort the store does not have (a typo would
// otherwise select nothing, silently); "" is none asked for.
func knownCohort(snap *casefile.Snapshot, id string) error {
	if id == "" {
		return nil
	}
	if _, ok := snap.Cohorts[id]; ok {
		return nil
	}
	var have []string
	for c := range snap.Cohorts {
		have = append(have, c)
	}
	slices.Sort(have)
	hint := "this store has no cohort yet; caseplan case import makes one"
	if len(have) > 0 {
		hint = "this store's cohorts: " + strings.Join(have, ", ")
	}
	return &UsageError{Msg: fmt.Sprintf("no cohort %q in this store (%s)", id, layout.Cohort(id)), Hint: hint}
}
