package merge

import (
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// Why a closure or reopening of ours is not kept (Conflict.Why).
const (
	WhyClosedTwice   = "the case was closed on both sides with no reopening between, and one episode has one closure: the remote's, the first to reach it, is kept"
	WhyReopenedTwice = "the case was reopened on both sides with no closure between, and one closed episode is reopened once: the remote's, the first to reach it, is kept"
)

// episodes keeps a case's closures and reopenings alternating (a
// closure, the reopening that ends it, ...; record.Outcome.OutOfTurn)
// where the item-by-item merge would not: closures are told apart by
// their day (one per day), so two clones that each closed the case on
// another day add two closures to one episode, and the case would read
// as closed twice — counted twice by the monthly report. Where one of
// two closures (or reopenings) in a row is an item ours added and the
// other is theirs', ours' is left out and reported, as a value both
// sides changed is: theirs, already published, is kept. Out-of-turn
// items one side alone wrote (a hand edit) are left as they are, for
// validate to report (episode-order).
func (m *merger) episodes(merged, t *yaml.Node) {
	if m.kind != layout.KindOutcome || merged == nil || merged.Kind != yaml.MappingNode {
		return
	}
	closures, reopenings := lookup(merged, "closures"), lookup(merged, "reopenings")
	// The items in the order of record.Outcome's AllClosures and
	// Reopenings, which Turns indexes.
	var closureItems, reopeningItems []*yaml.Node
	if legacy := lookup(merged, "closure"); legacy != nil && legacy.Kind == yaml.MappingNode {
		closureItems = append(closureItems, legacy)
	}
	if closures != nil && closures.Kind == yaml.SequenceNode {
		closureItems = append(closureItems, closures.Content...)
	}
	if reopenings != nil && reopenings.Kind == yaml.SequenceNode {
		reopeningItems = reopenings.Content
	}
	var o record.Outcome
	for _, it := range closureItems {
		o.Closures = append(o.Closures, record.Closure{Date: dateOf(it)})
	}
	for _, it := range reopeningItems {
		o.Reopenings = append(o.Reopenings, record.Reopening{Date: dateOf(it)})
	}
	item := func(tr record.Turn) *yaml.Node {
		if tr.Reopening {
			return reopeningItems[tr.Index]
		}
		return closureItems[tr.Index]
	}
	// An item is theirs' when theirs holds one of its kind on its day
	// (ours' version of it, a corrected reason, is merged field by field
	// into that one item); else ours added it.
	theirs := func(tr record.Turn) bool {
		keys := []string{"closure", "closures"}
		if tr.Reopening {
			keys = []string{"reopenings"}
		}
		for _, key := range keys {
			l := lookup(t, key)
			if l == nil {
				continue
			}
			items := l.Content
			if l.Kind == yaml.MappingNode {
				items = []*yaml.Node{l}
			}
			if slices.ContainsFunc(items, func(x *yaml.Node) bool { return dateOf(x) == tr.Date }) {
				return true
			}
		}
		return false
	}
	var drop []*yaml.Node
	turns, prev := o.OutOfTurn()
	for i, tr := range turns {
		if prev[i].Index < 0 {
			continue
		}
		a, b := item(prev[i]), item(tr)
		if slices.Contains(drop, a) || slices.Contains(drop, b) {
			continue
		}
		var ours, kept *yaml.Node
		switch ta, tb := theirs(prev[i]), theirs(tr); {
		case ta && !tb:
			kept, ours = a, b
		case tb && !ta:
			kept, ours = b, a
		default:
			continue // both theirs, or both ours: left for validate
		}
		drop = append(drop, ours)
		list, why := "closures", WhyClosedTwice
		if tr.Reopening {
			list, why = "reopenings", WhyReopenedTwice
		}
		m.conflicts = append(m.conflicts, Conflict{Path: []string{list}, Ours: flowText(ours), Theirs: flowText(kept), Why: why})
	}
	for _, l := range []*yaml.Node{closures, reopenings} {
		if l != nil && l.Kind == yaml.SequenceNode {
			l.Content = slices.DeleteFunc(l.Content, func(n *yaml.Node) bool { return slices.Contains(drop, n) })
		}
	}
}

// dateOf returns an item's date field ("" without one).
func dateOf(item *yaml.Node) record.Date {
	if d := lookup(item, "date"); d != nil && d.Kind == yaml.ScalarNode {
		return record.Date(d.Value)
	}
	return ""
}

// flowText renders an item on one line, as a message quotes it:
// {id: CL-7QX2K, date: 2026-12-07, reason: moved}.
func flowText(n *yaml.Node) string {
	c := *n
	c.Style = yaml.FlowStyle
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	return yamlText(&c)
}
