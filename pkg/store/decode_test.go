package store

import (
	"encoding"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
)

var allKinds = []string{
	layout.KindConfig, layout.KindIntake, layout.KindIEP, layout.KindReferences, layout.KindNote,
	layout.KindActivity, layout.KindServices, layout.KindOutcome, layout.KindCohort, layout.KindImportRules,
}

// TestDecodeTargets: no record type has a field a YAML timestamp would
// decode into other than as its text — no time.Time, no interface, no
// yaml.Node, no type that unmarshals itself — which is what lets
// load.Document.Decode decode timestamps as strings.
func TestDecodeTargets(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var check func(tp reflect.Type, at string)
	check = func(tp reflect.Type, at string) {
		if seen[tp] {
			return
		}
		seen[tp] = true
		ptr := reflect.PointerTo(tp)
		switch {
		case tp == reflect.TypeOf(time.Time{}), tp == reflect.TypeOf(yaml.Node{}), tp.Kind() == reflect.Interface,
			ptr.Implements(reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()),
			ptr.Implements(reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()):
			t.Errorf("%s is a %s: a timestamp would not decode into it as its text", at, tp)
			return
		}
		switch tp.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			check(tp.Elem(), at+"[]")
		case reflect.Map:
			check(tp.Key(), at+" key")
			check(tp.Elem(), at+" value")
		case reflect.Struct:
			for i := range tp.NumField() {
				if f := tp.Field(i); f.IsExported() {
					check(f.Type, at+"."+f.Name)
				}
			}
		}
	}
	for _, kind := range allKinds {
		check(reflect.TypeOf(record.New(kind)).Elem(), kind)
	}
}

// TestDecodeAsGoYAML: every record of the demo store decodes through
// Document.Decode to exactly what go-yaml's own decode of its nodes
// gives, and a record that does not decode fails with go-yaml's words.
func TestDecodeAsGoYAML(t *testing.T) {
	paths, _ := filepath.Glob("../../cases/*/*.yaml")
	more, _ := filepath.Glob("../../cases/*/*/*.yaml")
	paths = append(append(paths, more...), "../../cases/caseplan.yaml")
	decoded := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel("../..", p)
		kind, _ := layout.KindOf(filepath.ToSlash(rel))
		doc, fs := load.Parse(filepath.ToSlash(rel), data)
		if len(fs) > 0 || record.New(kind) == nil {
			continue
		}
		got, want := record.New(kind), record.New(kind)
		errGot, errWant := doc.Decode(got), doc.Root.Decode(want)
		if (errGot == nil) != (errWant == nil) || errGot != nil && errGot.Error() != errWant.Error() {
			t.Errorf("%s: Decode: %v; go-yaml: %v", p, errGot, errWant)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Decode and go-yaml's decode differ:\n%+v\n%+v", p, got, want)
		}
		decoded++
	}
	if decoded < 100 {
		t.Fatalf("only %d records decoded", decoded)
	}
	// A date where a number belongs: the error is go-yaml's.
	doc, _ := load.Parse("cases/X/activity/2026-W10.yaml", []byte("week: 2026-W10\nnetworking:\n  - date: 2026-03-02\n    contacts: 2026-03-03\n"))
	var got, want record.ActivityWeek
	errGot, errWant := doc.Decode(&got), doc.Root.Decode(&want)
	if errGot == nil || errWant == nil || errGot.Error() != errWant.Error() {
		t.Errorf("a date for a number: Decode: %v; go-yaml: %v", errGot, errWant)
	}
}
