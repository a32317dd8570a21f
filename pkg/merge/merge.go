// Package merge merges concurrent edits of one record file: the changes
// two clones made to the same version of, say, a case's iep.yaml, at the
// level of the record rather than of lines (DESIGN.md §6, "Team use"). It
// is what caseplan sync uses where both sides changed the same file.
//
// # What merges how
//
// Mappings merge field by field. A field changed on one side only takes
// that side's value; changed on both sides to the same value, that value.
// Changed on both sides to two different values, or removed on one side
// and changed on the other, it is a Conflict: the merge keeps theirs (the
// remote's, already published) and reports ours, so that nothing typed is
// lost. A field added on one side is added; removed on one side and left
// alone on the other, it is removed.
//
// Lists merge item by item. Each list of each record kind names its items
// in one table (record.ListRules, which also gives new items their IDs):
// by their ID — every item a command adds has one — or, for an item
// written before its list had IDs, by a natural key (an application by its
// day, organisation and position), a few lists by a natural key the record
// keeps unique (one closure per day), and sets of scalars by their value. The same item
// changed on both sides merges recursively, field by field. Items either
// side added are all kept, theirs first and then ours' in ours' order; an
// item added on both sides is kept once when the two are equal. Two
// different items added under one key are both kept, except where the key
// must be unique: two items with one ID (sequential IDs made in two
// clones), two closures of one day. Then theirs is kept and ours reported
// as a conflict. Removals apply unless the other side changed the item (a
// conflict: theirs kept). A case's closures and reopenings alternate
// (one closure per episode): a closure ours added to an episode theirs
// closed on another day, or a reopening ours added to one theirs
// reopened, is left out and reported as a conflict, theirs kept
// (episodes.go). An item with an ID stays the same item whatever
// else changes; in one named by a natural key, a changed key field (a
// corrected organisation of an older application) makes a new item, and
// the old one is removed. A list a
// version lacks is an empty list: records omit empty lists, and a merged
// list that ends up empty is omitted too. A list or mapping only one side
// changed is that side's, in its order; where both changed it, theirs'
// order stands with ours' additions after it, and a reordering by ours is
// not carried over.
//
// Notes are never merged: they are immutable, one file per note, so a new
// note never meets another. A note that differs on both sides is an error
// (ErrNoteChanged); one changed on one side only is that side's, left for
// verify to judge.
//
// # What the merged file looks like
//
// The merge starts from theirs' bytes and makes ours' changes with
// pkg/yamledit's in-place edits: a scalar is replaced where it stands (the
// comment after it stays), a new field goes where the record's field order
// puts it (a new key of a Go map, such as a program in caseplan.yaml, in
// sorted order, as record.Marshal writes maps), a new list item is
// appended under the list's last item, and a removed field or item goes
// with its lines. So theirs' modeline, comments, blank lines, key order
// and quoting stay where the merge leaves their values alone; comments
// inside a value that ours added or changed whole (a new goal) come from
// ours. A comment on a line that is removed goes with it. When every
// version is in the canonical form (record.Marshal), so is the merge.
// Lines the merge writes end in LF, as caseplan writes them, even in a
// file of theirs with CRLF endings.
//
// Where yamledit cannot make an edit in place (removing from a flow-style
// {...} or [...] collection, or items in an order appending cannot reach)
// the enclosing value is written whole: a one-line flow collection on its
// line, anything else as the merge has it, without theirs' comments inside.
// Only when the whole record cannot be edited is it re-encoded, with
// theirs' modeline, in the records' style (2-space indent), keeping the
// comments the YAML library keeps. Either way the result is read again and
// must hold exactly the merged record, or Record returns an error rather
// than a file.
package merge

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/yamledit"
)

// Result is a merged record file.
type Result struct {
	Data      []byte     // the merged file
	Conflicts []Conflict // fields (or items) changed to two different values: theirs kept
}

// Conflict is one place where both sides changed the record differently.
// The merged file holds Theirs; Ours is what it would have held from ours.
type Conflict struct {
	// Path is where in the record: mapping keys, and list items named by
	// their ID or, in lists without IDs, by the values of their key
	// fields: ["goals", "G-7QX2K", "target"].
	Path []string
	// Ours and Theirs are the two values as YAML text; "" when that side
	// removed the value.
	Ours, Theirs string
	// Why says why ours was not kept where it is not plain: a closure or
	// reopening ours added to an episode theirs had closed or reopened
	// already (WhyClosedTwice, WhyReopenedTwice); "" otherwise.
	Why string
}

// InputError is a version of the file that cannot be merged because it
// cannot be read as a record.
type InputError struct {
	Side    string // "base", "ours" or "theirs"
	Path    string
	Line    int
	Message string
}

func (e *InputError) Error() string {
	return fmt.Sprintf("%s version of %s, line %d: %s", e.Side, e.Path, e.Line, e.Message)
}

// ErrNoteChanged is returned for a note that differs on both sides: notes
// are never edited after they are committed, so there is nothing to merge.
var ErrNoteChanged = errors.New("a note changed on both sides; notes are never edited after they are committed")

// Record merges the changes ours and theirs made to base, for the record
// file at path (repository-relative; pkg/layout.KindOf gives its kind).
// base is nil when both sides created the file. Theirs is the remote's
// version, which wins a conflict.
func Record(path string, base, ours, theirs []byte) (Result, error) {
	kind, ok := layout.KindOf(path)
	if !ok {
		return Result{}, fmt.Errorf("%s is not a record file", path)
	}
	var b, o, t *yaml.Node
	var err error
	if base != nil {
		if b, err = parse("base", path, base); err != nil {
			return Result{}, err
		}
	}
	if o, err = parse("ours", path, ours); err != nil {
		return Result{}, err
	}
	if t, err = parse("theirs", path, theirs); err != nil {
		return Result{}, err
	}
	switch {
	case bytes.Equal(ours, theirs), base != nil && bytes.Equal(base, ours):
		return Result{Data: theirs}, nil
	case base != nil && bytes.Equal(base, theirs):
		return Result{Data: ours}, nil
	case kind == layout.KindNote:
		return Result{}, fmt.Errorf("%s: %w", path, ErrNoteChanged)
	}
	if b == nil {
		b = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	rec := record.New(kind)
	m := &merger{kind: kind, record: reflect.TypeOf(rec), order: yamledit.FieldOrder(rec), canons: canons{}}
	merged := m.merge(nil, b, o, t)
	m.episodes(merged, t)
	data, err := m.write(path, theirs, t, merged)
	if err != nil {
		return Result{}, err
	}
	return Result{Data: data, Conflicts: m.conflicts}, nil
}

// parse reads one version of the file with the checks pkg/load makes of
// every record file, and returns its record's mapping. The modeline is
// left out, so that no value carries it as a comment.
func parse(side, path string, data []byte) (*yaml.Node, error) {
	body := layout.WithoutModeline(data)
	doc, fs := load.Parse(path, body)
	if len(fs) > 0 {
		line := fs[0].Line + bytes.Count(data[:len(data)-len(body)], []byte("\n"))
		return nil, &InputError{Side: side, Path: path, Line: line, Message: fs[0].Message}
	}
	if len(body) < len(data) {
		// The modeline is kept in what the merge writes: it must read too
		// (FuzzRecord found one with bytes that are not UTF-8).
		if _, fs := load.Parse(path, data); len(fs) > 0 {
			return nil, &InputError{Side: side, Path: path, Line: fs[0].Line, Message: fs[0].Message}
		}
	}
	return doc.Root, nil
}

// write returns the file holding merged: theirs' text (its record is t)
// with the merge's changes made in place or, failing that, merged encoded
// whole in theirs' YAML document, which holds the comments before and
// after the record.
func (m *merger) write(path string, theirs []byte, t, merged *yaml.Node) ([]byte, error) {
	body := layout.WithoutModeline(theirs)
	modeline := theirs[:len(theirs)-len(body)]
	e := &editor{m: m, data: bytes.Clone(body)}
	if err := e.sync(nil, nil, t, merged); err == nil {
		if out := append(bytes.Clone(modeline), e.data...); m.holds(path, out, merged) {
			return out, nil
		}
	}
	doc := yaml.Node{Kind: yaml.DocumentNode}
	_ = yaml.Unmarshal(body, &doc) // read by parse already
	doc.Content = []*yaml.Node{merged}
	for _, n := range []*yaml.Node{&doc, withoutComments(&doc)} {
		text, err := encode(n)
		if err != nil {
			continue
		}
		if out := append(bytes.Clone(modeline), text...); m.holds(path, out, merged) {
			return out, nil
		}
	}
	return nil, fmt.Errorf("%s: the merged record cannot be written as YAML that reads back the same", path)
}

// holds reports whether data is a record file that pkg/load accepts and
// that holds exactly the value want.
func (m *merger) holds(path string, data []byte, want *yaml.Node) bool {
	doc, fs := load.Parse(path, data)
	return len(fs) == 0 && m.canons.equal(doc.Root, want)
}

// Edit returns text, a version of the record file at path, edited in
// place as Record edits theirs (a scalar replaced where it stands, a field
// added where the record's order puts it, an item appended or removed
// with its lines) so that it holds exactly the record of values. ok is
// false when the record cannot be edited in place, or when either file
// cannot be read as a record: Edit never re-encodes the whole record, as
// Record does as a last resort (a value inside it may be written whole,
// as Record writes it). With it a
// caller can tell whether a file's layout (quoting, key order, spacing)
// is another's with other values.
func Edit(path string, text, values []byte) (out []byte, ok bool) {
	kind, ok := layout.KindOf(path)
	if !ok {
		return nil, false
	}
	t, err := parse("text", path, text)
	if err != nil {
		return nil, false
	}
	v, err := parse("values", path, values)
	if err != nil {
		return nil, false
	}
	rec := record.New(kind)
	m := &merger{kind: kind, record: reflect.TypeOf(rec), order: yamledit.FieldOrder(rec), canons: canons{}}
	body := layout.WithoutModeline(text)
	e := &editor{m: m, data: bytes.Clone(body)}
	if e.sync(nil, nil, t, v) != nil {
		return nil, false
	}
	out = append(bytes.Clone(text[:len(text)-len(body)]), e.data...)
	if !m.holds(path, out, v) {
		return nil, false
	}
	return out, true
}
