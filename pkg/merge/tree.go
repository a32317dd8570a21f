package merge

import (
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/yamledit"
)

// step is one step of a path into a record: a mapping key, or a list item
// named by its identity.
type step struct {
	key  string
	item *identity // nil for a mapping key
}

type path []step

func (p path) key(k string) path     { return append(slices.Clip(p), step{key: k}) }
func (p path) item(id identity) path { return append(slices.Clip(p), step{item: &id}) }

// names is the path as a Conflict reports it: keys, and list items by
// their ID (or the values of their key fields).
func (p path) names() []string {
	out := make([]string, len(p))
	for i, s := range p {
		if s.item != nil {
			out[i] = s.item.name
		} else {
			out[i] = s.key
		}
	}
	return out
}

// fields is the path as the list table spells it: mapping keys only,
// dot-separated.
func (p path) fields() string {
	var keys []string
	for _, s := range p {
		if s.item == nil {
			keys = append(keys, s.key)
		}
	}
	return strings.Join(keys, ".")
}

// orderPath is the path as a yamledit.Order takes it: keys, and "0" for
// any list item (the order is the same for every item).
func (p path) orderPath() []string {
	out := make([]string, len(p))
	for i, s := range p {
		if s.item != nil {
			out[i] = "0"
		} else {
			out[i] = s.key
		}
	}
	return out
}

// merger merges the parsed versions of one record file.
type merger struct {
	kind      string
	record    reflect.Type // the kind's Go type, for its fields' order and omitempty
	order     yamledit.Order
	conflicts []Conflict
	canons    canons
}

// merge returns the merge of the changes o and t made to b (each nil when
// that version has no value here), recording conflicts.
func (m *merger) merge(at path, b, o, t *yaml.Node) *yaml.Node {
	switch {
	case m.canons.equal(o, t), m.canons.equal(b, o):
		return t
	case m.canons.equal(b, t):
		return o
	}
	if o != nil && t != nil {
		switch {
		case o.Kind == yaml.MappingNode && t.Kind == yaml.MappingNode && (b == nil || b.Kind == yaml.MappingNode):
			return m.mapping(at, b, o, t)
		case o.Kind == yaml.SequenceNode && t.Kind == yaml.SequenceNode && (b == nil || b.Kind == yaml.SequenceNode):
			return m.list(at, b, o, t)
		}
	}
	m.conflict(at, o, t)
	return t
}

func (m *merger) conflict(at path, o, t *yaml.Node) {
	m.conflicts = append(m.conflicts, Conflict{Path: at.names(), Ours: oneLine(o), Theirs: oneLine(t)})
}

// oneLine is a side's value as a conflict quotes it: a scalar as
// YAML writes it, an item or a list on one line ({id: RO-7QX2K, date:
// 2026-07-05, reason: came back}), since a message is one line.
func oneLine(n *yaml.Node) string {
	if n == nil || n.Kind == yaml.ScalarNode {
		return yamlText(n)
	}
	return flowText(n)
}

// mapping merges field by field: theirs' fields in theirs' order, then
// the fields only ours has, each where the record's field order puts it.
func (m *merger) mapping(at path, b, o, t *yaml.Node) *yaml.Node {
	out := *t
	out.Content = nil
	if len(t.Content) == 0 {
		out.Style = o.Style // {} in theirs: write what ours adds in ours' style
	}
	for i := 0; i+1 < len(t.Content); i += 2 {
		k, tv := t.Content[i], t.Content[i+1]
		bv, ov, tv2 := listsAbsentAsEmpty(lookup(b, k.Value), lookup(o, k.Value), tv)
		if v := m.dropEmpty(at.key(k.Value), m.merge(at.key(k.Value), bv, ov, tv2), tv); v != nil {
			out.Content = append(out.Content, k, v)
		}
	}
	for i := 0; i+1 < len(o.Content); i += 2 {
		k, ov := o.Content[i], o.Content[i+1]
		if lookup(t, k.Value) != nil {
			continue
		}
		bv, ov2, tv := listsAbsentAsEmpty(lookup(b, k.Value), ov, nil)
		if v := m.dropEmpty(at.key(k.Value), m.merge(at.key(k.Value), bv, ov2, tv), nil); v != nil {
			at := m.keyPlace(at, &out, k.Value)
			out.Content = slices.Insert(out.Content, at, k, v)
		}
	}
	return &out
}

// listsAbsentAsEmpty stands an empty list in for a list a version lacks:
// records omit empty lists, so removing a list's last item removes the
// list, and that must merge as the removal of an item.
func listsAbsentAsEmpty(b, o, t *yaml.Node) (*yaml.Node, *yaml.Node, *yaml.Node) {
	isList := func(n *yaml.Node) bool { return n != nil && n.Kind == yaml.SequenceNode }
	if !isList(b) && !isList(o) && !isList(t) {
		return b, o, t
	}
	fill := func(n *yaml.Node) *yaml.Node {
		if n == nil {
			return emptyList()
		}
		return n
	}
	return fill(b), fill(o), fill(t)
}

// dropEmpty turns a list that merged to empty into no list, as records
// write it, unless theirs wrote it empty or the record requires it.
func (m *merger) dropEmpty(at path, v, theirs *yaml.Node) *yaml.Node {
	if v == nil || v.Kind != yaml.SequenceNode || len(v.Content) > 0 {
		return v
	}
	if theirs != nil && theirs.Kind == yaml.SequenceNode && len(theirs.Content) == 0 {
		return theirs
	}
	if m.required(at) {
		return v
	}
	return nil
}

// required reports whether the record type has the field at path without
// omitempty: an empty value is still written.
func (m *merger) required(at path) bool {
	keys := at.orderPath()
	parent := typeAt(m.record, keys[:len(keys)-1])
	if parent == nil || parent.Kind() != reflect.Struct {
		return false
	}
	f, ok := fieldByKey(parent, keys[len(keys)-1])
	if !ok {
		return false
	}
	_, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return !slices.Contains(strings.Split(opts, ","), "omitempty")
}

// typeAt returns the Go type of the value at path (keys and list items)
// in a record of type t, pointers unwrapped; nil when the type has no
// such place.
func typeAt(t reflect.Type, path []string) reflect.Type {
	deref := func(t reflect.Type) reflect.Type {
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		return t
	}
	t = deref(t)
	for _, tok := range path {
		switch {
		case t == nil:
			return nil
		case t.Kind() == reflect.Slice || t.Kind() == reflect.Map:
			t = t.Elem()
		case t.Kind() == reflect.Struct:
			f, ok := fieldByKey(t, tok)
			if !ok {
				return nil
			}
			t = f.Type
		default:
			return nil
		}
		t = deref(t)
	}
	return t
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name == key {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// keyOrder returns the order of the keys of the mapping at path (keys and
// list items, as yamledit.Order takes it) once key is added to it: a
// struct's field order (yamledit.FieldOrder) or, for a Go map, which the
// YAML library writes sorted, its keys sorted. nil when neither applies.
func (m *merger) keyOrder(at []string, mapping *yaml.Node, key string) []string {
	if t := typeAt(m.record, at); t == nil || t.Kind() != reflect.Map {
		return m.order(at)
	}
	keys := []string{key}
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		keys = append(keys, mapping.Content[i].Value)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// keyPlace returns the index in mapping's Content where key goes: after
// the nearest key before it in keyOrder's order, first when none
// is, at the end when the order does not know it (as yamledit.SetInOrder
// places a key in the file).
func (m *merger) keyPlace(at path, mapping *yaml.Node, key string) int {
	order := m.keyOrder(at.orderPath(), mapping, key)
	rank := slices.Index(order, key)
	if rank < 0 {
		return len(mapping.Content)
	}
	place, best := 0, -1
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if r := slices.Index(order, mapping.Content[i].Value); r >= 0 && r < rank && r > best {
			place, best = i+2, r
		}
	}
	return place
}

// list merges item by item (see the table, record.ListRules): theirs' items in
// theirs' order, each merged with its counterparts, then the items only
// ours added, in ours' order.
func (m *merger) list(at path, b, o, t *yaml.Node) *yaml.Node {
	l, ok := listAt(m.kind, at.fields())
	if !ok {
		l = list{key: id}
	}
	var bi []*yaml.Node
	if b != nil {
		bi = b.Content
	}
	oi, ti := o.Content, t.Content
	bIDs, oIDs, tIDs := identities(l, bi, m.canons), identities(l, oi, m.canons), identities(l, ti, m.canons)
	oBase := pair(oi, oIDs, bi, bIDs, m.canons)
	tBase := pair(ti, tIDs, bi, bIDs, m.canons)
	oursOf := map[int]int{} // base item → ours' item
	for i, j := range oBase {
		if j >= 0 {
			oursOf[j] = i
		}
	}

	out := *t
	out.Content = nil
	if len(t.Content) == 0 {
		out.Style = o.Style // [] in theirs: write what ours adds in ours' style
	}
	used := make([]bool, len(oi)) // ours' additions already matched to theirs'
	inTheirs := make([]bool, len(bi))
	for i, tv := range ti {
		if j := tBase[i]; j >= 0 {
			inTheirs[j] = true
			var ov *yaml.Node // nil: ours removed it
			if k, ok := oursOf[j]; ok {
				ov = oi[k]
			}
			if v := m.merge(at.item(tIDs[i]), bi[j], ov, tv); v != nil {
				out.Content = append(out.Content, v)
			}
			continue
		}
		// Theirs added it. Ours may have added the same item.
		if k := m.sameAddition(tIDs[i], tv, oi, oIDs, oBase, used); k >= 0 {
			used[k] = true
			if !m.canons.equal(oi[k], tv) {
				m.conflict(at.item(tIDs[i]), oi[k], tv)
			}
		}
		out.Content = append(out.Content, tv)
	}
	for j := range bi {
		if k, ok := oursOf[j]; ok && !inTheirs[j] {
			m.merge(at.item(bIDs[j]), bi[j], oi[k], nil) // theirs removed it: a conflict if ours changed it
		}
	}
	for k, ov := range oi {
		if oBase[k] < 0 && !used[k] {
			out.Content = append(out.Content, ov)
		}
	}
	return &out
}

func identities(l list, items []*yaml.Node, c canons) []identity {
	ids := make([]identity, len(items))
	for i, it := range items {
		ids[i] = l.identify(it, c)
	}
	return ids
}

// pair finds each side item's counterpart among base's items (-1: none,
// the side added it): the item with the same key, preferring one equal in
// value and then the earliest, so repeated keys pair up in order.
func pair(side []*yaml.Node, sideIDs []identity, base []*yaml.Node, baseIDs []identity, c canons) []int {
	byKey := map[string][]int{}
	for j, id := range baseIDs {
		byKey[id.key] = append(byKey[id.key], j)
	}
	out := make([]int, len(side))
	taken := make([]bool, len(base))
	for i := range out {
		out[i] = -1
	}
	for pass := range 2 {
		for i, s := range side {
			if out[i] >= 0 {
				continue
			}
			for _, j := range byKey[sideIDs[i].key] {
				if !taken[j] && (pass == 1 || c.equal(s, base[j])) {
					out[i], taken[j] = j, true
					break
				}
			}
		}
	}
	return out
}

// sameAddition returns the index of an item ours added that is the item
// theirs added as tv: one equal to it or, where the key is unique (an
// ID), one with its key (two versions of one item, a conflict). -1 when
// there is none: the two sides added different items, and both are kept.
func (m *merger) sameAddition(tid identity, tv *yaml.Node, oi []*yaml.Node, oIDs []identity, oBase []int, used []bool) int {
	candidate := -1
	for k, ov := range oi {
		if oBase[k] >= 0 || used[k] || oIDs[k].key != tid.key {
			continue
		}
		if m.canons.equal(ov, tv) {
			return k
		}
		if tid.unique && candidate < 0 {
			candidate = k
		}
	}
	return candidate
}
