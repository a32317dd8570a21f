package teamsync

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/merge"
)

// RecordMerger merges a record file with pkg/merge: fields one by one,
// list items by their ID or key; a value both sides changed keeps the
// remote's and is reported with its line in the merged file.
func RecordMerger(path string, base, ours, theirs []byte) ([]byte, []FieldConflict, error) {
	if ours == nil || theirs == nil {
		// Removed on one side, changed on the other (a removal is a hand
		// edit caseplan commit takes): the side that has the file is
		// kept, so that nothing typed is lost, and the removal, which
		// the merge undoes, is reported — else the remover's commit
		// would read as one the remote had made already.
		// A side that changed only the file's layout or comments, none
		// of its values, typed nothing the removal would lose: the
		// removal is kept, as a merge of values keeps no layout (said
		// when the layout is this clone's).
		if theirs == nil {
			if base != nil && sameValues(base, ours) {
				return nil, []FieldConflict{{Field: "the file's layout", Layout: true, Removed: RemovedOnRemote}}, nil
			}
			return ours, []FieldConflict{{Field: "the whole file", Removed: RemovedOnRemote}}, nil
		}
		if base != nil && sameValues(base, theirs) {
			return nil, nil, nil
		}
		return theirs, []FieldConflict{{Field: "the whole file", Removed: RemovedHere}}, nil
	}
	if kind, _ := layout.KindOf(path); kind == layout.KindIntake && base == nil && !bytes.Equal(ours, theirs) {
		// Both sides opened a case of this ID. Merged field by field,
		// the second person's name, manager and notes would join the
		// first's case.
		id, _ := layout.CaseOf(path)
		return nil, nil, &OpenedTwiceError{Case: id}
	}
	res, err := merge.Record(path, base, ours, theirs)
	if err != nil {
		return nil, nil, err
	}
	lost := lostComments(base, ours, res.Data)
	if len(res.Conflicts) == 0 && len(lost) == 0 {
		if base != nil && !bytes.Equal(res.Data, ours) && sameValues(base, ours) {
			// Ours changed the layout alone (a value quoted, keys
			// reordered), which a merge of values does not carry: said,
			// lest the commit read as one the remote had made already.
			return res.Data, []FieldConflict{{Field: "the file's layout", Layout: true}}, nil
		}
	}
	var out []FieldConflict
	if len(lost) == 0 && layoutLost(path, base, ours, res.Data) {
		// Ours changed values and the layout in one commit (the phone
		// quoted, the email changed): the values merge, the layout does
		// not, and the commit is sent, so nothing else would say it.
		// (A comment not kept is said on its own, and is layout too.)
		out = append(out, FieldConflict{Field: "the file's layout", Layout: true, ValuesToo: true})
	}
	if len(res.Conflicts) == 0 && len(lost) == 0 {
		return res.Data, out, nil
	}
	var root yaml.Node
	_ = yaml.Unmarshal(res.Data, &root) // merge.Record returns a file that parses
	for _, c := range res.Conflicts {
		field, line, col := locate(&root, c.Path)
		out = append(out, FieldConflict{Field: field, Line: line, Column: col, Kept: c.Theirs, Local: c.Ours, At: c.Path, Why: c.Why})
	}
	for _, c := range lost {
		out = append(out, FieldConflict{Field: "a comment", Local: c, Comment: true})
	}
	return res.Data, out, nil
}

// layoutLost says whether ours, which changed values of base, also gave
// the file a layout of its own (quoting, key order, spacing) that the
// merged file does not keep. Ours has a layout of its own unless it is
// base edited in place to its values, as caseplan's commands and the
// merge edit a file; the merged file keeps it when, edited in place back
// to ours' values, it is ours byte for byte. Where either cannot be told
// (an edit not made in place), the layout counts as lost: a warning too
// many is read and dismissed, a layout lost without a word is not found.
func layoutLost(path string, base, ours, merged []byte) bool {
	if base == nil || bytes.Equal(merged, ours) || sameValues(base, ours) {
		return false
	}
	if asBase, ok := merge.Edit(path, base, ours); ok && bytes.Equal(asBase, ours) {
		return false
	}
	kept, ok := merge.Edit(path, merged, ours)
	return !ok || !bytes.Equal(kept, ours)
}

// lostComments returns the comments ours added to base that the merged
// file does not hold. The merge is of records, which hold values, not
// comments: a comment ours added beside values it left alone is not
// carried into a file the remote changed too, and would otherwise be lost
// without a word (a commit that only added it would not even be sent).
func lostComments(base, ours, merged []byte) []string {
	have := map[string]int{}
	for _, c := range comments(base) {
		have[c]++
	}
	kept := map[string]int{}
	for _, c := range comments(merged) {
		kept[c]++
	}
	var lost []string
	for _, c := range comments(ours) {
		switch {
		case have[c] > 0:
			have[c]--
		case kept[c] > 0:
			kept[c]--
		default:
			lost = append(lost, c)
		}
	}
	return lost
}

// comments returns the comment lines of a YAML file, each trimmed, in the
// file's order.
func comments(data []byte) []string {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return nil
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, line := range strings.Split(c, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					out = append(out, line)
				}
			}
		}
		for _, k := range n.Content {
			walk(k)
		}
	}
	walk(&root)
	return out
}

// OpenedTwiceError says that this clone and the remote both opened a case
// of one ID, with different intake records: two people (or one person
// opened twice), whose records must not become one case.
type OpenedTwiceError struct {
	Case string
	// Remote is the remote's commit the sync fetched: the one to reset
	// this clone to when its commits of the case are given up.
	Remote plumbing.Hash
}

func (e *OpenedTwiceError) Error() string {
	return fmt.Sprintf("case %s was opened both in this clone and in the remote, with different intake records: two cases with one ID", e.Case)
}

// locate names path in the record's words — goals[G-7QX2K].target — and
// finds the line and column of the deepest part of it the merged document
// has (a field's key, a list item's first field): a list item is found by
// its id, or by a field holding the path's token.
func locate(root *yaml.Node, path []string) (string, int, int) {
	var b strings.Builder
	n := root
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	inList := false
	for _, tok := range path {
		if inList {
			b.WriteString("[" + tok + "]")
		} else {
			if b.Len() > 0 {
				b.WriteString(".")
			}
			b.WriteString(tok)
		}
		inList = false
		if n == nil {
			continue
		}
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					next = n.Content[i+1]
					line, col = n.Content[i].Line, n.Content[i].Column
					break
				}
			}
		case yaml.SequenceNode:
			next = findItem(n, tok)
			if next != nil {
				line, col = next.Line, next.Column
			}
		}
		n = next
		inList = n != nil && n.Kind == yaml.SequenceNode
	}
	return b.String(), line, col
}

// valueAt returns the value at path in the record data, as YAML ("" when
// the record has none there), the way locate finds it; ok is false when
// data is not YAML.
func valueAt(data []byte, path []string) (string, bool) {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return "", false
	}
	n := &root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, tok := range path {
		var next *yaml.Node
		switch {
		case n == nil:
		case n.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					next = n.Content[i+1]
					break
				}
			}
		case n.Kind == yaml.SequenceNode:
			next = findItem(n, tok)
		}
		if next == nil {
			return "", true
		}
		n = next
	}
	out, err := yaml.Marshal(n)
	if err != nil {
		return "", false
	}
	return string(out), true
}

// findItem finds the item of a list that tok names: by its id, else by any
// field (or the scalar itself) holding tok.
func findItem(list *yaml.Node, tok string) *yaml.Node {
	var byValue *yaml.Node
	for _, item := range list.Content {
		switch item.Kind {
		case yaml.ScalarNode:
			if item.Value == tok && byValue == nil {
				byValue = item
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(item.Content); i += 2 {
				k, v := item.Content[i], item.Content[i+1]
				if v.Value != tok {
					continue
				}
				if k.Value == "id" {
					return item
				}
				if byValue == nil {
					byValue = item
				}
			}
		}
	}
	return byValue
}

// sameValues says whether two versions of a record file hold the same
// values, whatever their layout and comments.
func sameValues(a, b []byte) bool {
	var va, vb any
	if yaml.Unmarshal(a, &va) != nil || yaml.Unmarshal(b, &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}
