package merge

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/record"
)

// list says how the items of one list of a record are told apart, so that
// an item in one version of the file is recognised as the same item in
// another.
type list struct {
	kind string
	// path is the list's place in the record: mapping keys from the
	// record's root, dot-separated; the list items on the way are left
	// out ("goals.milestones" is every goal's milestones).
	path string
	// key names an item by the values of these fields. An item that has
	// none of them is named by alt's, and failing that by its whole value.
	// With neither key nor alt, items are values: lists of scalars (sets)
	// and lists whose items are events never edited once written.
	key, alt []string
	// unique says the record allows one item per key (an ID always is):
	// an item both sides added under one key is one item written twice,
	// a conflict when the two differ. Otherwise both are kept.
	unique bool
	// why the key identifies an item.
	why string
}

// lists is the table of list identities: record.ListRules, the one table
// that also gives the items commands add their IDs (pkg/record, lists.go,
// says how each list's items are named and why). A list of mappings that
// is not there is merged by "id" when its items have one and as values
// otherwise; a list of scalars is always a set. TestListsCoverEveryRecord
// keeps the table in step with the record types.
var lists = func() []list {
	var out []list
	for _, r := range record.ListRules {
		out = append(out, list{kind: r.Kind, path: r.Path, key: r.Key, alt: r.Alt, unique: r.Unique, why: r.Why})
	}
	return out
}()

var id = []string{"id"}

// listAt returns the table's entry for the list at path (mapping keys,
// dot-separated) of a record of kind.
func listAt(kind, path string) (list, bool) {
	for _, l := range lists {
		if l.kind == kind && l.path == path {
			return l, true
		}
	}
	return list{}, false
}

// identity is how an item is told apart from the other items of its list.
type identity struct {
	key    string // equal for the same item in two versions of the list
	name   string // how a person names it: its ID, or its key's values
	unique bool   // no two items may share the key (see list.unique)
}

// identify returns the identity of item in list l.
func (l list) identify(item *yaml.Node, c canons) identity {
	if item.Kind == yaml.MappingNode {
		for i, fields := range [][]string{l.key, l.alt} {
			if v, ok := fieldValues(item, fields); ok {
				return identity{
					key:    string(rune('a'+i)) + c.join(v),
					name:   strings.Join(slices.DeleteFunc(texts(v), func(s string) bool { return s == "" }), ", "),
					unique: i == 0 && (l.unique || slices.Equal(fields, id)),
				}
			}
		}
	}
	return identity{key: "v" + c.of(item)}
}

// fieldValues returns the values of fields in the mapping item (nil for
// a field it lacks); ok is false when it has none of them.
func fieldValues(item *yaml.Node, fields []string) (vs []*yaml.Node, ok bool) {
	for _, f := range fields {
		v := lookup(item, f)
		ok = ok || v != nil
		vs = append(vs, v)
	}
	return vs, ok && len(fields) > 0
}

// texts returns the scalar texts of vs ("" for an absent or non-scalar value).
func texts(vs []*yaml.Node) []string {
	var out []string
	for _, v := range vs {
		if v != nil && v.Kind == yaml.ScalarNode {
			out = append(out, v.Value)
		} else {
			out = append(out, "")
		}
	}
	return out
}

// join joins the canonical forms of vs.
func (c canons) join(vs []*yaml.Node) string {
	var b strings.Builder
	for _, v := range vs {
		b.WriteString(c.of(v))
		b.WriteByte(0)
	}
	return b.String()
}
