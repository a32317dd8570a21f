package yamledit

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Order gives the canonical order of a mapping's keys: given the path of a
// mapping (keys and list indexes, as in Set), it returns the keys that
// mapping may have, in order, or nil when it knows none.
type Order func(mapping []string) []string

// FieldOrder returns the Order of the documents that values of record's
// type encode to: a mapping's keys are the yaml keys of its struct's
// fields, in field order. A list index stands for the list's item, a key
// of a Go map for the map's value, and a pointer for what it points to; a
// mapping that is no struct field's, or a key that is no field's, has no
// order.
func FieldOrder(record any) Order {
	root := reflect.TypeOf(record)
	return func(mapping []string) []string {
		if root == nil {
			return nil
		}
		t := root
		for _, tok := range mapping {
			t = elem(t)
			if t.Kind() == reflect.Map {
				t = t.Elem() // any key: the map's value
				continue
			}
			if _, err := strconv.Atoi(tok); err == nil {
				continue // the list's item, which elem unwrapped
			}
			f, ok := fieldByKey(t, tok)
			if !ok {
				return nil
			}
			t = f.Type
		}
		t = elem(t)
		if t.Kind() != reflect.Struct {
			return nil
		}
		var keys []string
		for i := range t.NumField() {
			if k := yamlKey(t.Field(i)); k != "" {
				keys = append(keys, k)
			}
		}
		return keys
	}
}

// elem unwraps pointers and lists down to the type of what they hold.
func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		if yamlKey(t.Field(i)) == key {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// yamlKey returns the key a field's yaml tag names; "" for a field without
// one, which has no place in the order.
func yamlKey(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// SetInOrder sets the value at path as Set does, except that a key missing
// from a mapping that has keys goes where order puts it instead of at the
// mapping's end: after the nearest key there that comes before it in the
// order or, when none does, first (before the document's first key, or on
// the line under the key that holds the mapping). Missing mappings on the
// way are created, the first of them in its place. A mapping written in
// flow style ({id: M1, text: ...}) is rewritten with the key in its place.
// When the order does not place the key, Set's rules apply.
func SetInOrder(data []byte, path []string, v any, order Order) ([]byte, error) {
	d, err := parse(data)
	if err != nil {
		return nil, err
	}
	d.order = order
	return d.set(path, v)
}

// AppendInOrder appends v to the list at path as Append does; a list that
// is absent is created where order puts its key, as SetInOrder puts one.
func AppendInOrder(data []byte, path []string, v any, order Order) ([]byte, error) {
	d, err := parse(data)
	if err != nil {
		return nil, err
	}
	d.order = order
	return d.append(path, v)
}

// keyBefore finds where key goes in the mapping p at path mapping by d's
// order: prev is the index in p.Content of the nearest key before it in the
// order, -1 when none comes before it; ok is false when the order does not
// know key.
func (d *doc) keyBefore(p *yaml.Node, mapping []string, key string) (prev int, ok bool) {
	if d.order == nil {
		return -1, false
	}
	order := d.order(mapping)
	rank := slices.Index(order, key)
	if rank < 0 {
		return -1, false
	}
	prev, best := -1, -1
	for i := 0; i+1 < len(p.Content); i += 2 {
		if r := slices.Index(order, p.Content[i].Value); r >= 0 && r < rank && r > best {
			prev, best = i, r
		}
	}
	return prev, true
}

// orderedLine returns the index of the line before which key goes in the
// block mapping parent (at path mapping) to stand in its place; false
// when the order does not place it, or the mapping's first key shares the
// line of its list item's dash.
func (d *doc) orderedLine(parent *found, mapping []string, key string) (int, bool) {
	p := parent.node
	if len(p.Content) == 0 {
		return 0, false
	}
	prev, ok := d.keyBefore(p, mapping, key)
	switch {
	case !ok:
		return 0, false
	case prev >= 0:
		k := p.Content[prev]
		_, end := d.extent(&found{node: p.Content[prev+1], key: k, ownerCol: k.Column - 1})
		return end, true
	case p == d.root:
		return p.Content[0].Line - 1, true // before the first key, under a modeline
	case parent.key != nil && p.Line > parent.key.Line:
		return parent.key.Line, true // right under the mapping's own key
	}
	return 0, false
}

// insertInFlow rewrites the flow-style mapping parent (at path mapping,
// not the document) with key and v in their place; false when the order
// does not know key.
func (d *doc) insertInFlow(parent *found, mapping []string, key string, v any) ([]byte, bool, error) {
	p := parent.node
	prev, ok := d.keyBefore(p, mapping, key)
	if !ok || p == d.root {
		return nil, false, nil
	}
	var val yaml.Node
	if err := val.Encode(v); err != nil {
		return nil, false, err
	}
	at := 0
	if prev >= 0 {
		at = prev + 2
	}
	m := *p
	m.Content = slices.Insert(slices.Clone(p.Content), at, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &val)
	out, err := d.set(mapping, &m)
	return out, true, err
}
