package load

import (
	"encoding"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// A decoder fills Go values from nodes for the shapes records are made of
// — structs of strings, numbers, booleans, pointers, lists and string-keyed
// maps — as go-yaml's Node.Decode fills them, without its machinery: go-yaml
// looks for unmarshalers at every node, resolves every scalar's tag again
// and keeps its checks' state, and its decode was a tenth of a cold
// validate of 10,000 cases (issue 12). A decoder follows go-yaml's decode.go
// (v3) case by case for what it takes; anything else — a type with
// unmarshal methods, an inline or embedded field, an interface, a scalar it
// would have to convert in a way it does not follow, a value of the wrong
// shape — makes it give up, and go-yaml decodes the document instead, so
// its errors are go-yaml's own. TestFastDecode and FuzzFastParse hold the
// two to the same values.

// plan is how a decoder fills one Go type.
type plan struct {
	kind   reflect.Kind
	fields map[string]field // struct: by YAML key
	elem   *plan            // pointer, slice, map: the element's
	ok     bool             // false: leave the type to go-yaml
}

type field struct {
	index int
	plan  *plan
}

var plans sync.Map // reflect.Type → *plan

var (
	unmarshalerType     = reflect.TypeFor[yaml.Unmarshaler]()
	obsoleteUnmarshaler = reflect.TypeFor[interface {
		UnmarshalYAML(func(any) error) error
	}]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	nodeType            = reflect.TypeFor[yaml.Node]()
)

// planOf returns the plan of t, made once.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p := makePlan(t, map[reflect.Type]*plan{})
	plans.Store(t, p)
	return p
}

func makePlan(t reflect.Type, making map[reflect.Type]*plan) *plan {
	if p, ok := making[t]; ok {
		return p // a type that holds itself: the plan being made
	}
	p := &plan{kind: t.Kind()}
	making[t] = p
	pt := reflect.PointerTo(t)
	if t == nodeType || pt.Implements(unmarshalerType) || pt.Implements(obsoleteUnmarshaler) || pt.Implements(textUnmarshalerType) {
		return p
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		p.ok = true
	case reflect.Pointer, reflect.Slice:
		p.elem = makePlan(t.Elem(), making)
		p.ok = true
	case reflect.Map:
		if t.Key().Kind() != reflect.String || t.Key() != reflect.TypeFor[string]() {
			return p
		}
		p.elem = makePlan(t.Elem(), making)
		p.ok = true
	case reflect.Struct:
		p.fields = map[string]field{}
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Anonymous {
				return p // go-yaml's rules for embedded fields: not followed
			}
			if f.PkgPath != "" {
				continue // unexported: go-yaml skips it too
			}
			tag := f.Tag.Get("yaml")
			if tag == "" && !strings.Contains(string(f.Tag), ":") {
				tag = string(f.Tag)
			}
			if tag == "-" {
				continue
			}
			name, flags, _ := strings.Cut(tag, ",")
			for flag := range strings.SplitSeq(flags, ",") {
				if flag != "" && flag != "omitempty" && flag != "flow" {
					return p // inline, or a flag go-yaml refuses
				}
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			if _, dup := p.fields[name]; dup {
				return p
			}
			p.fields[name] = field{index: i, plan: makePlan(f.Type, making)}
		}
		p.ok = true
	}
	return p
}

// fastDecode fills out, a pointer to a zero value, from n as go-yaml's
// n.Decode(out) would, and reports true; or reports false, having filled
// out partly, when it leaves n to go-yaml.
func fastDecode(n *yaml.Node, out any) bool {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return false
	}
	return decodeValue(n, v.Elem(), planOf(v.Elem().Type()))
}

func decodeValue(n *yaml.Node, out reflect.Value, p *plan) bool {
	if !p.ok || n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 {
		return false
	}
	if isNull(n) {
		// go-yaml sets a pointer, map or slice to nil and leaves anything
		// else as it was: zero, in a value decoded once.
		if !out.IsZero() {
			return false
		}
		return true
	}
	switch p.kind {
	case reflect.Pointer:
		if out.IsNil() {
			out.Set(reflect.New(out.Type().Elem()))
		}
		return decodeValue(n, out.Elem(), p.elem)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode || !uniqueKeys(n) {
			return false
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !plainKey(k) {
				return false
			}
			f, ok := p.fields[k.Value]
			if !ok {
				continue // go-yaml ignores a field the type does not have
			}
			if !decodeValue(n.Content[i+1], out.Field(f.index), f.plan) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return false
		}
		s := reflect.MakeSlice(out.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			// go-yaml drops a null item from a list of anything but
			// pointers, maps and lists: not followed.
			if isNull(item) || !decodeValue(item, s.Index(i), p.elem) {
				return false
			}
		}
		out.Set(s)
		return true
	case reflect.Map:
		if n.Kind != yaml.MappingNode || !uniqueKeys(n) {
			return false
		}
		if out.IsNil() {
			out.Set(reflect.MakeMapWithSize(out.Type(), len(n.Content)/2))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !plainKey(k) {
				return false
			}
			key := reflect.New(out.Type().Key()).Elem()
			key.SetString(k.Value)
			e := reflect.New(out.Type().Elem()).Elem()
			if !decodeValue(n.Content[i+1], e, p.elem) {
				return false
			}
			out.SetMapIndex(key, e)
		}
		return true
	}
	if n.Kind != yaml.ScalarNode {
		return false
	}
	return decodeScalar(n, out, p.kind)
}

// uniqueKeys reports whether no two keys of the mapping n are written
// alike; go-yaml refuses a mapping where two are.
func uniqueKeys(n *yaml.Node) bool {
	if len(n.Content) <= 32 {
		for i := 0; i < len(n.Content); i += 2 {
			for j := i + 2; j < len(n.Content); j += 2 {
				if n.Content[i].Value == n.Content[j].Value {
					return false
				}
			}
		}
		return true
	}
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i < len(n.Content); i += 2 {
		if seen[n.Content[i].Value] {
			return false
		}
		seen[n.Content[i].Value] = true
	}
	return true
}

// isNull reports whether go-yaml takes n for null: a plain null, ~ or
// nothing at all.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
}

// plainKey reports whether k is a key go-yaml decodes to its text: a
// string scalar, and not the merge key.
func plainKey(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.Tag == "!!str" && k.Anchor == "" && !(k.Value == "<<" && k.Style == 0)
}

// decodeScalar sets out, of kind k, from the scalar n, for the scalars
// whose value go-yaml gives without doubt.
func decodeScalar(n *yaml.Node, out reflect.Value, k reflect.Kind) bool {
	quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0
	switch k {
	case reflect.String:
		// go-yaml sets a string to the text written, whatever it
		// resolves to, but binary data, which it decodes.
		switch n.Tag {
		case "!!str", "!!int", "!!float", "!!bool", "!!timestamp":
			out.SetString(n.Value)
			return true
		}
		return false
	case reflect.Bool:
		if quoted || n.Tag != "!!bool" {
			return false
		}
		switch n.Value {
		case "true", "True", "TRUE":
			out.SetBool(true)
		case "false", "False", "FALSE":
			out.SetBool(false)
		default:
			return false
		}
		return true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, ok := decimal(n, quoted)
		if !ok || out.OverflowInt(i) {
			return false
		}
		out.SetInt(i)
		return true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		i, ok := decimal(n, quoted)
		if !ok || i < 0 || out.OverflowUint(uint64(i)) {
			return false
		}
		out.SetUint(uint64(i))
		return true
	case reflect.Float32, reflect.Float64:
		if i, ok := decimal(n, quoted); ok {
			out.SetFloat(float64(i))
			return true
		}
		if quoted || n.Tag != "!!float" {
			return false
		}
		f, ok := PlainFloat(n.Value)
		if ok {
			out.SetFloat(f)
		}
		return ok
	}
	return false
}

// decimal is PlainInt of a plain !!int scalar.
func decimal(n *yaml.Node, quoted bool) (int64, bool) {
	if quoted || n.Tag != "!!int" {
		return 0, false
	}
	return PlainInt(n.Value)
}

// PlainInt returns the value of s when it is a whole number written in
// decimal without leading zeros or a sign other than -, in range: what
// go-yaml resolves and decodes to that very value.
func PlainInt(s string) (int64, bool) {
	digits := strings.TrimPrefix(s, "-")
	if !allDigits(digits) || len(digits) > 1 && digits[0] == '0' {
		return 0, false
	}
	i, err := strconv.ParseInt(s, 10, 64)
	return i, err == nil
}

// PlainFloat returns the value of s when it is digits, a point and digits,
// with an optional leading -: a float go-yaml parses with
// strconv.ParseFloat, as this does.
func PlainFloat(s string) (float64, bool) {
	whole, frac, ok := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	if !ok || !allDigits(whole) || !allDigits(frac) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}
