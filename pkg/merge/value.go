package merge

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// canon returns a text that is equal for two nodes exactly when they hold
// the same record value, however written: key order, quoting, comments and
// layout do not count. Scalars compare as pkg/load reads them (dates as
// their text, 1 and 1.0 as one number). An absent value (nil) differs from
// every present one, null included.
func canon(n *yaml.Node) string { return canons{}.of(n) }

// equal reports whether a and b hold the same value (see canon).
func equal(a, b *yaml.Node) bool { return canons{}.equal(a, b) }

// canons remembers the canonical form of each node of one merge, which
// compares every subtree with others many times. A node is never changed
// once made, so its form never goes stale.
type canons map[*yaml.Node]string

func (c canons) of(n *yaml.Node) string {
	if n == nil {
		return "-"
	}
	if s, ok := c[n]; ok {
		return s
	}
	var b strings.Builder
	switch n.Kind {
	case yaml.DocumentNode:
		b.WriteString("d")
		for _, k := range n.Content {
			b.WriteString(c.of(k))
		}
	case yaml.MappingNode:
		type entry struct{ k, v string }
		var es []entry
		for i := 0; i+1 < len(n.Content); i += 2 {
			es = append(es, entry{c.of(n.Content[i]), c.of(n.Content[i+1])})
		}
		sort.Slice(es, func(i, j int) bool { return es[i].k < es[j].k })
		b.WriteString("{")
		for _, e := range es {
			b.WriteString(e.k)
			b.WriteString(":")
			b.WriteString(e.v)
			b.WriteString(",")
		}
		b.WriteString("}")
	case yaml.SequenceNode:
		b.WriteString("[")
		for _, k := range n.Content {
			b.WriteString(c.of(k))
			b.WriteString(",")
		}
		b.WriteString("]")
	case yaml.AliasNode:
		b.WriteString("*" + strconv.Quote(n.Value))
	default:
		b.WriteString(scalarCanon(n))
	}
	c[n] = b.String()
	return c[n]
}

func (c canons) equal(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a == b || c.of(a) == c.of(b)
}

// scalarCanon is the canonical form of a scalar, by its resolved tag.
func scalarCanon(n *yaml.Node) string {
	switch n.ShortTag() {
	case "!!null":
		return "~"
	case "!!bool":
		var v bool
		if n.Decode(&v) == nil {
			return strconv.FormatBool(v)
		}
	case "!!int", "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return "#" + strconv.FormatFloat(f, 'g', -1, 64)
		}
	case "!!str", "!!timestamp", "!!binary":
		return strconv.Quote(n.Value)
	}
	return n.ShortTag() + strconv.Quote(n.Value)
}

// lookup returns the value of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// yamlText renders a value as YAML for a person to read in a conflict: ""
// when it is absent (that side removed it).
func yamlText(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	out, err := encode(n)
	if err != nil {
		return n.Value
	}
	return strings.TrimSuffix(string(out), "\n")
}

// encode writes n as a YAML document in the records' style: 2-space
// indent, lists indented under their key.
func encode(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// withoutComments returns a deep copy of n with no comments.
func withoutComments(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	c := *n
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	c.Content = nil
	for _, k := range n.Content {
		c.Content = append(c.Content, withoutComments(k))
	}
	return &c
}

// emptyList is the value of a list a side does not have: records omit
// empty lists, so an absent list and an empty one are the same record.
func emptyList() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"} }
