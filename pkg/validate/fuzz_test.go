package validate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
)

// FuzzValidateRecord: validating a case never panics, whatever one of its
// record files holds, for every kind of record: the fuzzed bytes are put
// in the place of one file of a valid case of each program.
func FuzzValidateRecord(f *testing.F) {
	kinds := []string{layout.KindIntake, layout.KindIEP, layout.KindReferences, layout.KindServices, layout.KindOutcome, layout.KindNote, layout.KindActivity, layout.KindConfig}
	for i, k := range kinds {
		paths, _ := filepath.Glob("../../cases/*/" + layout.FileName(k))
		switch k {
		case layout.KindNote:
			paths, _ = filepath.Glob("../../cases/*/notes/*.yaml")
		case layout.KindActivity:
			paths, _ = filepath.Glob("../../cases/*/activity/*.yaml")
		case layout.KindConfig:
			paths = []string{"../../cases/caseplan.yaml"}
		}
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(uint8(i), data)
			}
		}
	}
	v, err := schemas.Compile()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		kind := kinds[int(which)%len(kinds)]
		for _, id := range []string{[]string{"WS1", "W1", "P1"}[int(which)/len(kinds)%3]} {
			m := base()
			var p string
			switch kind {
			case layout.KindNote:
				p = layout.Note(id, "2026-03-05-fz01")
			case layout.KindActivity:
				p = layout.ActivityWeek(id, "2026-W10")
			case layout.KindConfig:
				p = layout.ConfigPath
			default:
				p = layout.File(id, kind)
			}
			m[p] = string(data)
			snap, loaded, err := store.Load(m, nil)
			if err != nil {
				t.Fatal(err)
			}
			Run(snap, loaded, Options{Schemas: v, Today: today})
		}
	})
}
