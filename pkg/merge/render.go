package merge

import (
	"errors"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/yamledit"
)

// editor turns theirs' text into the merged record with pkg/yamledit's
// in-place edits, so theirs' comments, blank lines, key order and quoting
// stay wherever the merge leaves their values alone.
type editor struct {
	m    *merger
	data []byte // theirs' body (no modeline), as edited so far
}

// errLayout says an edit cannot be made in place; the caller replaces the
// enclosing value whole.
var errLayout = errors.New("not expressible as in-place edits")

// sync edits the value at idx (yamledit's path: keys and list indexes),
// which is t in the text, into m. Edits below a list item never move the
// items of the lists above it, so idx stays good until sync returns.
func (e *editor) sync(at path, idx []string, t, m *yaml.Node) error {
	if e.m.canons.equal(t, m) {
		return nil
	}
	err := e.inside(at, idx, t, m)
	if err != nil && len(idx) > 0 {
		// Replace the whole value: whatever was edited inside goes with it.
		return e.set(idx, m)
	}
	return err
}

func (e *editor) inside(at path, idx []string, t, m *yaml.Node) error {
	block := t.Style&yaml.FlowStyle == 0 && len(t.Content) > 0 && len(m.Content) > 0
	switch {
	case block && t.Kind == yaml.MappingNode && m.Kind == yaml.MappingNode:
		return e.mapping(at, idx, t, m)
	case block && t.Kind == yaml.SequenceNode && m.Kind == yaml.SequenceNode:
		return e.list(at, idx, t, m)
	case len(idx) == 0:
		return errLayout
	}
	return e.set(idx, m)
}

func (e *editor) mapping(at path, idx []string, t, m *yaml.Node) error {
	for i := 0; i+1 < len(t.Content); i += 2 {
		k := t.Content[i].Value
		if mv := lookup(m, k); mv != nil {
			if err := e.sync(at.key(k), append(slices.Clip(idx), k), t.Content[i+1], mv); err != nil {
				return err
			}
		}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i].Value
		if lookup(t, k) == nil {
			order := func(mapping []string) []string {
				if slices.Equal(mapping, idx) {
					return e.m.keyOrder(idx, m, k)
				}
				return e.m.order(mapping)
			}
			out, err := yamledit.SetInOrder(e.data, append(slices.Clip(idx), k), forWriting(m.Content[i+1]), order)
			if err != nil {
				return err
			}
			e.data = out
		}
	}
	for i := len(t.Content) - 2; i >= 0; i -= 2 {
		k := t.Content[i].Value
		if lookup(m, k) == nil {
			out, err := yamledit.Delete(e.data, append(slices.Clip(idx), k))
			if err != nil {
				return err
			}
			e.data = out
		}
	}
	return nil
}

// list edits the items theirs and the merge share in place, appends the
// merge's new items and deletes the ones it dropped. The merge keeps
// theirs' items in theirs' order and adds after them; anything else is
// written whole.
func (e *editor) list(at path, idx []string, t, m *yaml.Node) error {
	l, ok := listAt(e.m.kind, at.fields())
	if !ok {
		l = list{key: id}
	}
	tIDs, mIDs := identities(l, t.Content, e.m.canons), identities(l, m.Content, e.m.canons)
	inTheirs := pair(m.Content, mIDs, t.Content, tIDs, e.m.canons)
	last, added := -1, false
	for _, j := range inTheirs {
		switch {
		case j < 0:
			added = true
		case added || j < last:
			return errLayout
		default:
			last = j
		}
	}
	kept := make([]bool, len(t.Content))
	for i, j := range inTheirs {
		if j < 0 {
			continue
		}
		kept[j] = true
		if err := e.sync(at.item(mIDs[i]), append(slices.Clip(idx), strconv.Itoa(j)), t.Content[j], m.Content[i]); err != nil {
			return err
		}
	}
	for i, j := range inTheirs {
		if j < 0 {
			out, err := yamledit.Append(e.data, idx, forWriting(m.Content[i]))
			if err != nil {
				return err
			}
			e.data = out
		}
	}
	for j := len(t.Content) - 1; j >= 0; j-- {
		if !kept[j] {
			out, err := yamledit.Delete(e.data, append(slices.Clip(idx), strconv.Itoa(j)))
			if err != nil {
				return err
			}
			e.data = out
		}
	}
	return nil
}

func (e *editor) set(idx []string, v *yaml.Node) error {
	out, err := yamledit.Set(e.data, idx, forWriting(v))
	if err != nil {
		return err
	}
	e.data = out
	return nil
}

// forWriting is the node to hand yamledit: a scalar replaced in place
// keeps theirs' comment after it, so it must not bring ours' along; a
// mapping or list written whole keeps the comments of the side it came
// from.
func forWriting(v *yaml.Node) *yaml.Node {
	if v.Kind == yaml.ScalarNode {
		return withoutComments(v)
	}
	return v
}
