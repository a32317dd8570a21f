package merge

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/schemas"
)

// TestListsCoverEveryRecord keeps the table of list identities in step
// with the record types: every list of every kind that is merged has one
// entry, and every entry is a list whose items have its key fields.
func TestListsCoverEveryRecord(t *testing.T) {
	want := map[string]reflect.Type{} // kind + " " + path → the list's item type
	for _, kind := range schemas.Kinds {
		if kind == layout.KindNote {
			continue // notes are never merged
		}
		listsOf(reflect.TypeOf(record.New(kind)), nil, func(path []string, item reflect.Type) {
			want[kind+" "+strings.Join(path, ".")] = item
		})
	}
	seen := map[string]bool{}
	for _, l := range lists {
		name := l.kind + " " + l.path
		if seen[name] {
			t.Errorf("%s: two entries", name)
		}
		seen[name] = true
		item, ok := want[name]
		if !ok {
			t.Errorf("%s: the record has no such list", name)
			continue
		}
		if l.why == "" {
			t.Errorf("%s: no reason for its key", name)
		}
		if item.Kind() != reflect.Struct {
			if len(l.key) > 0 || len(l.alt) > 0 {
				t.Errorf("%s: a list of %s is a set, with no key fields", name, item)
			}
			continue
		}
		for _, f := range slices.Concat(l.key, l.alt) {
			if _, ok := fieldByKey(item, f); !ok {
				t.Errorf("%s: its items have no field %q", name, f)
			}
		}
		if l.unique && len(l.key) == 0 {
			t.Errorf("%s: unique, but with no key", name)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("%s: not in the table of list identities (lists.go)", name)
		}
	}
}

// listsOf calls found for every list in values of type t, with its path
// (mapping keys; items and a map's keys left out) and its item type.
func listsOf(t reflect.Type, path []string, found func([]string, reflect.Type)) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		item := t.Elem()
		for item.Kind() == reflect.Pointer {
			item = item.Elem()
		}
		found(path, item)
		listsOf(item, path, found)
	case reflect.Map:
		listsOf(t.Elem(), path, found)
	case reflect.Struct:
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name != "" && name != "-" {
				listsOf(t.Field(i).Type, append(slices.Clip(path), name), found)
			}
		}
	}
}
