package merge

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/caseplan/caseplan/pkg/load"
)

// fuzzPaths are the record files FuzzRecord merges, one of each kind the
// fixtures have; it picks one by a number so that the fuzzer works on the
// files' content.
var fuzzPaths = []string{
	"cases/2026-T3ST1/iep.yaml", "cases/2026-T3ST1/intake.yaml", "cases/2026-T3ST1/references.yaml",
	"cases/2026-T3ST1/services.yaml", "cases/2026-T3ST1/outcome.yaml", "cases/2026-T3ST1/activity/2026-W10.yaml",
	"cases/caseplan.yaml", "cases/2026-T3ST1/notes/2026-03-02-k7qx.yaml",
}

// FuzzRecord: merging never panics; when every version reads as a record
// the merge succeeds, and its result reads as a record too (Record never
// returns a broken file); merging a change with itself gives that change.
func FuzzRecord(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		path, _, _ := strings.Cut(string(ar.Comment), "\n")
		sec := sections(ar)
		f.Add(uint8(slices.Index(fuzzPaths, strings.TrimPrefix(path, "path: "))), sec["base"], sec["ours"], sec["theirs"])
	}
	f.Fuzz(func(t *testing.T, which uint8, base, ours, theirs []byte) {
		path := fuzzPaths[int(which)%len(fuzzPaths)]
		got, err := Record(path, base, ours, theirs)
		reads := func(data []byte) bool {
			_, fs := load.Parse(path, data)
			return len(fs) == 0
		}
		if err != nil {
			if (base == nil || reads(base)) && reads(ours) && reads(theirs) && !strings.Contains(err.Error(), "note changed") {
				t.Fatalf("every version reads, but the merge failed: %v", err)
			}
			return
		}
		if !reads(got.Data) {
			t.Fatalf("the merge does not read as a record:\n%s", got.Data)
		}
		if again, err := Record(path, base, got.Data, got.Data); err != nil || !bytes.Equal(again.Data, got.Data) {
			t.Fatalf("merge(base, x, x) is not x: %v", err)
		}
	})
}
