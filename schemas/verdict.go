package schemas

import (
	"fmt"
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/pii"
)

// A verdict is what a quick check can say of a value against a schema.
type verdict uint8

const (
	valid   verdict = iota // the library would report nothing
	invalid                // the library would report a problem
	unknown                // only the library can tell
)

// quick is a compiled schema reduced to what decides validity, for the
// common case of a valid record: the library builds an error tree and
// keeps evaluation state at every node, which was a fifth of a cold
// validate of 10,000 cases (issue 12), and a valid record needs none of
// it. quick reads the keywords from the library's own compiled schema —
// the same regular expressions, the same format functions — and follows
// its validator (validator.go of santhosh-tekuri/jsonschema v6) keyword
// by keyword for draft-07; a schema that uses a keyword quick does not
// follow, a value of a Go type the loader does not produce, or an enum of
// numbers gets unknown, and the library decides. Only a valid verdict is
// acted on: anything else goes to the library, which gives the messages.
// TestQuickAgrees holds the verdicts to the library's.
type quick struct {
	unsupported bool
	boolean     *bool
	ref         *quick
	types       uint8 // jsonType bits below; 0 when the schema names none
	enum        []any
	konst       *any
	format      func(any) error
	date        bool // the format is the library's "date"
	not         *quick
	allOf       []*quick
	ifS         *quick
	thenS       *quick
	elseS       *quick

	minProps, maxProps *int
	required           []string
	props              map[string]*quick
	patternProps       []patternQuick
	additional         any // nil, bool or *quick

	minItems, maxItems *int
	items              *quick

	minLen, maxLen *int
	pattern        jsonschema.Regexp

	minimum, maximum, exclusiveMin, exclusiveMax *big.Rat
}

type patternQuick struct {
	re jsonschema.Regexp
	q  *quick
}

const (
	tNull uint8 = 1 << iota
	tBoolean
	tNumber
	tInteger
	tString
	tArray
	tObject
)

var typeBits = map[string]uint8{"null": tNull, "boolean": tBoolean, "number": tNumber, "integer": tInteger, "string": tString, "array": tArray, "object": tObject}

// compileQuick builds the quick check of s; seen holds the checks built so
// far, so that a schema that refers to itself is built once.
func compileQuick(s *jsonschema.Schema, seen map[*jsonschema.Schema]*quick) *quick {
	if q, ok := seen[s]; ok {
		return q
	}
	q := &quick{}
	seen[s] = q
	sub := func(x *jsonschema.Schema) *quick {
		if x == nil {
			return nil
		}
		return compileQuick(x, seen)
	}
	if s.DraftVersion != 7 || s.RecursiveRef != nil || s.DynamicRef != nil ||
		len(s.AnyOf) > 0 || len(s.OneOf) > 0 ||
		len(s.Dependencies) > 0 || s.PropertyNames != nil || len(s.DependentRequired) > 0 || len(s.DependentSchemas) > 0 || s.UnevaluatedProperties != nil ||
		s.UniqueItems || s.Contains != nil || s.MinContains != nil || s.MaxContains != nil || s.AdditionalItems != nil || len(s.PrefixItems) > 0 || s.Items2020 != nil || s.UnevaluatedItems != nil ||
		s.ContentEncoding != nil || s.ContentMediaType != nil || s.ContentSchema != nil ||
		s.MultipleOf != nil || len(s.Extensions) > 0 ||
		(s.Format != nil && s.Format.Name == "regex") {
		q.unsupported = true
		return q
	}
	q.boolean = s.Bool
	q.ref = sub(s.Ref)
	if s.Types != nil {
		for _, t := range s.Types.ToStrings() {
			q.types |= typeBits[t]
		}
	}
	if s.Enum != nil {
		q.enum = s.Enum.Values
	}
	q.konst = s.Const
	if s.Format != nil {
		q.format = s.Format.Validate
		q.date = s.Format.Name == "date"
	}
	q.not = sub(s.Not)
	for _, a := range s.AllOf {
		q.allOf = append(q.allOf, sub(a))
	}
	q.ifS, q.thenS, q.elseS = sub(s.If), sub(s.Then), sub(s.Else)

	q.minProps, q.maxProps, q.required = s.MinProperties, s.MaxProperties, s.Required
	if len(s.Properties) > 0 {
		q.props = make(map[string]*quick, len(s.Properties))
		for name, p := range s.Properties {
			q.props[name] = sub(p)
		}
	}
	for re, p := range s.PatternProperties {
		q.patternProps = append(q.patternProps, patternQuick{re, sub(p)})
	}
	switch a := s.AdditionalProperties.(type) {
	case nil:
	case bool:
		q.additional = a
	case *jsonschema.Schema:
		q.additional = sub(a)
	default:
		q.unsupported = true
	}

	q.minItems, q.maxItems = s.MinItems, s.MaxItems
	switch it := s.Items.(type) {
	case nil:
	case *jsonschema.Schema:
		q.items = sub(it)
	default:
		q.unsupported = true
	}

	q.minLen, q.maxLen, q.pattern = s.MinLength, s.MaxLength, s.Pattern
	q.minimum, q.maximum, q.exclusiveMin, q.exclusiveMax = s.Minimum, s.Maximum, s.ExclusiveMinimum, s.ExclusiveMaximum
	return q
}

// maxQuickDepth bounds the nesting quick follows; deeper values, and
// references that come back to a schema without descending into the
// value, are left to the library.
const maxQuickDepth = 64

// and combines two verdicts of conditions that must all hold.
func and(a, b verdict) verdict {
	switch {
	case a == invalid || b == invalid:
		return invalid
	case a == unknown || b == unknown:
		return unknown
	}
	return valid
}

// check is the verdict of the library's validator on v, or unknown.
func (q *quick) check(v any, depth int) verdict {
	if q.unsupported || depth > maxQuickDepth {
		return unknown
	}
	if q.boolean != nil {
		if *q.boolean {
			return valid
		}
		return invalid
	}
	var t uint8
	switch x := v.(type) {
	case nil:
		t = tNull
	case bool:
		t = tBoolean
	case string:
		t = tString
	case int64:
		t = tNumber
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return unknown
		}
		t = tNumber
	case []any:
		t = tArray
	case map[string]any:
		t = tObject
	default:
		return unknown
	}
	if q.types != 0 && q.types&t == 0 {
		if q.types&tInteger == 0 || t != tNumber {
			return invalid
		}
		if _, whole := v.(int64); !whole && !isInteger(v) {
			return invalid
		}
	}
	if q.konst != nil || q.enum != nil {
		if r := q.listed(func(w any) verdict { return same(v, w) }); r != valid {
			return r
		}
	}
	if q.format != nil && !q.formatOK(v) {
		return invalid
	}
	if q.ref != nil {
		// Draft-07: a $ref's siblings are not evaluated.
		return q.ref.check(v, depth+1)
	}
	r := valid
	switch x := v.(type) {
	case map[string]any:
		r = q.object(x, depth)
	case []any:
		r = q.array(x, depth)
	case string:
		r = q.str(x)
	case int64, float64:
		r = q.number(x)
	}
	if r == invalid {
		return invalid
	}
	return and(r, q.conditions(v, depth))
}

// listed is the verdict of const and enum on a value that eq compares
// with a listed one: it must be const's, and one of enum's.
func (q *quick) listed(eq func(w any) verdict) verdict {
	if q.konst != nil {
		if r := eq(*q.konst); r != valid {
			return r
		}
	}
	if q.enum == nil {
		return valid
	}
	r := invalid
	for _, w := range q.enum {
		switch eq(w) {
		case valid:
			return valid
		case unknown:
			r = unknown
		}
	}
	return r
}

// formatOK reports whether v passes the schema's format: the library's
// own check, but a date of the plain form, which passes it (the library's
// date format is time.Parse("2006-01-02", v)), is passed without it.
func (q *quick) formatOK(v any) bool {
	if s, ok := v.(string); ok && q.date && load.PlainDate(s) {
		return true
	}
	return q.format(v) == nil
}

func (q *quick) object(obj map[string]any, depth int) verdict {
	if q.minProps != nil && len(obj) < *q.minProps || q.maxProps != nil && len(obj) > *q.maxProps {
		return invalid
	}
	for _, name := range q.required {
		if _, ok := obj[name]; !ok {
			return invalid
		}
	}
	r := valid
	for name, x := range obj {
		evaluated := false
		if p, ok := q.props[name]; ok {
			evaluated = true
			if r = and(r, p.check(x, depth+1)); r == invalid {
				return invalid
			}
		}
		for _, pp := range q.patternProps {
			if pp.re.MatchString(name) {
				evaluated = true
				if r = and(r, pp.q.check(x, depth+1)); r == invalid {
					return invalid
				}
			}
		}
		if !evaluated {
			switch a := q.additional.(type) {
			case bool:
				if !a {
					return invalid
				}
			case *quick:
				if r = and(r, a.check(x, depth+1)); r == invalid {
					return invalid
				}
			}
		}
	}
	return r
}

func (q *quick) array(arr []any, depth int) verdict {
	if q.minItems != nil && len(arr) < *q.minItems || q.maxItems != nil && len(arr) > *q.maxItems {
		return invalid
	}
	r := valid
	if q.items != nil {
		for _, x := range arr {
			if r = and(r, q.items.check(x, depth+1)); r == invalid {
				return invalid
			}
		}
	}
	return r
}

func (q *quick) str(s string) verdict {
	if q.minLen != nil || q.maxLen != nil {
		n := utf8.RuneCountInString(s)
		if q.minLen != nil && n < *q.minLen || q.maxLen != nil && n > *q.maxLen {
			return invalid
		}
	}
	if q.pattern != nil && !q.pattern.MatchString(s) {
		return invalid
	}
	return valid
}

func (q *quick) number(v any) verdict {
	if q.minimum == nil && q.maximum == nil && q.exclusiveMin == nil && q.exclusiveMax == nil {
		return valid
	}
	// As the library does: the number's text read as an exact fraction.
	n, ok := new(big.Rat).SetString(fmt.Sprintf("%v", v))
	if !ok {
		return unknown
	}
	if q.minimum != nil && n.Cmp(q.minimum) < 0 ||
		q.maximum != nil && n.Cmp(q.maximum) > 0 ||
		q.exclusiveMin != nil && n.Cmp(q.exclusiveMin) <= 0 ||
		q.exclusiveMax != nil && n.Cmp(q.exclusiveMax) >= 0 {
		return invalid
	}
	return valid
}

// conditions checks not, allOf and if/then/else, which apply to a value
// of any type.
func (q *quick) conditions(v any, depth int) verdict {
	return q.conditionsBy(func(sub *quick) verdict { return sub.check(v, depth+1) })
}

// conditionsNode is conditions of the value the loader makes of n.
func (q *quick) conditionsNode(n *yaml.Node, depth int, st *nodeScan) verdict {
	return q.conditionsBy(func(sub *quick) verdict { return sub.checkNode(n, depth+1, st) })
}

// conditionsBy checks not, allOf and if/then/else, check giving each
// subschema's verdict on the value.
func (q *quick) conditionsBy(check func(*quick) verdict) verdict {
	r := valid
	if q.not != nil {
		switch check(q.not) {
		case valid:
			return invalid
		case unknown:
			r = unknown
		}
	}
	for _, a := range q.allOf {
		if r = and(r, check(a)); r == invalid {
			return invalid
		}
	}
	if q.ifS != nil {
		var branch *quick
		switch check(q.ifS) {
		case valid:
			branch = q.thenS
		case invalid:
			branch = q.elseS
		default:
			return unknown
		}
		if branch != nil {
			r = and(r, check(branch))
		}
	}
	return r
}

// same is the library's equality of v and w where quick is sure of it:
// strings, booleans and null; numbers and composite values are unknown.
func same(v, w any) verdict {
	switch x := v.(type) {
	case string:
		if y, ok := w.(string); ok {
			return is(x == y)
		}
	case bool:
		if y, ok := w.(bool); ok {
			return is(x == y)
		}
	case nil:
		if w == nil {
			return valid
		}
	default:
		return unknown
	}
	switch w.(type) {
	case string, bool, nil:
		return invalid // values of different JSON types are never equal
	}
	return unknown
}

func is(b bool) verdict {
	if b {
		return valid
	}
	return invalid
}

// isInteger is the library's test of whether a number is a whole one.
func isInteger(v any) bool {
	r, ok := new(big.Rat).SetString(fmt.Sprint(v))
	return ok && r.IsInt()
}

// ValidateNode is Validate of a record given as its nodes, root, and its
// JSON-like values, value (load.Document.Value): a record the quick check
// passes on its nodes, with no string of an SSN's shape in it, is valid
// without its values being built — maps and lists for every record were
// most of the cost of reading it (issue 12). Otherwise the values are
// built and Validate decides.
func (v *Validator) ValidateNode(kind string, root *yaml.Node, value func() any) []Error {
	if q, ok := v.quick[kind]; ok {
		var scan nodeScan
		if q.checkNode(root, 0, &scan) == valid && !scan.ssn {
			return nil
		}
	}
	return v.Validate(kind, value())
}

// nodeScan is what a quick check on nodes learns besides its verdict:
// whether a string has an SSN's shape (noFullSSN's rule). A check that
// passes a value without looking into it (a field no schema describes)
// walks it for that.
type nodeScan struct{ ssn bool }

func (st *nodeScan) str(s string) {
	if !st.ssn && pii.SpacedSSN(s) {
		st.ssn = true
	}
}

func (st *nodeScan) walk(n *yaml.Node) {
	switch n.Kind {
	case yaml.ScalarNode:
		if isStringNode(n) {
			st.str(n.Value)
		}
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			st.walk(n.Content[i])
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			st.walk(c)
		}
	}
}

// isStringNode reports whether the loader makes a string of n: a string,
// a date (as written) or binary data (as written), not tagged by hand.
func isStringNode(n *yaml.Node) bool {
	if n.Style&yaml.TaggedStyle != 0 {
		return false
	}
	switch n.Tag {
	case "!!str", "!!timestamp", "!!binary":
		return true
	}
	return false
}

// scalarOf returns the value the loader makes of the scalar n where quick
// is sure of it: null, booleans, strings, whole numbers in plain decimal
// and plain decimal fractions.
func scalarOf(n *yaml.Node) (any, bool) {
	if isStringNode(n) {
		return n.Value, true
	}
	if n.Style&(yaml.TaggedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return nil, false
	}
	switch n.Tag {
	case "!!null":
		return nil, true
	case "!!bool":
		switch n.Value {
		case "true", "True", "TRUE":
			return true, true
		case "false", "False", "FALSE":
			return false, true
		}
	case "!!int":
		if i, ok := load.PlainInt(n.Value); ok {
			return i, true
		}
	case "!!float":
		if f, ok := load.PlainFloat(n.Value); ok {
			return f, true
		}
	}
	return nil, false
}

// checkNode is check of the value the loader makes of n.
func (q *quick) checkNode(n *yaml.Node, depth int, st *nodeScan) verdict {
	if q.unsupported || depth > maxQuickDepth {
		return unknown
	}
	var t uint8
	switch n.Kind {
	case yaml.ScalarNode:
		if isStringNode(n) {
			st.str(n.Value)
			return q.checkString(n.Value, depth)
		}
		v, ok := scalarOf(n)
		if !ok {
			return unknown
		}
		return q.check(v, depth)
	case yaml.MappingNode:
		t = tObject
	case yaml.SequenceNode:
		t = tArray
	default:
		return unknown
	}
	if q.boolean != nil {
		if *q.boolean {
			st.walk(n)
			return valid
		}
		return invalid
	}
	if q.types != 0 && q.types&t == 0 {
		return invalid
	}
	if q.konst != nil || q.enum != nil || q.format != nil {
		return unknown
	}
	if q.ref != nil {
		return q.ref.checkNode(n, depth+1, st)
	}
	var r verdict
	if t == tObject {
		r = q.objectNode(n, depth, st)
	} else {
		r = q.arrayNode(n, depth, st)
	}
	if r == invalid {
		return invalid
	}
	if q.not == nil && len(q.allOf) == 0 && q.ifS == nil {
		return r
	}
	return and(r, q.conditionsNode(n, depth, st))
}

// checkString is check of a string, without making it a value of type
// any (which costs an allocation) unless a format or condition needs it.
func (q *quick) checkString(s string, depth int) verdict {
	if q.unsupported || depth > maxQuickDepth {
		return unknown
	}
	if q.boolean != nil {
		return is(*q.boolean)
	}
	if q.types != 0 && q.types&tString == 0 {
		return invalid
	}
	if q.konst != nil || q.enum != nil {
		if r := q.listed(func(w any) verdict { return sameString(s, w) }); r != valid {
			return r
		}
	}
	if q.format != nil && !(q.date && load.PlainDate(s)) && q.format(s) != nil {
		return invalid
	}
	if q.ref != nil {
		return q.ref.checkString(s, depth+1)
	}
	if q.str(s) == invalid {
		return invalid
	}
	if q.not == nil && len(q.allOf) == 0 && q.ifS == nil {
		return valid
	}
	return q.conditions(s, depth)
}

// sameString is same of a string and w.
func sameString(s string, w any) verdict {
	switch y := w.(type) {
	case string:
		return is(s == y)
	case bool, nil:
		return invalid
	}
	return unknown
}

func (q *quick) objectNode(n *yaml.Node, depth int, st *nodeScan) verdict {
	pairs := len(n.Content) / 2
	if q.minProps != nil && pairs < *q.minProps || q.maxProps != nil && pairs > *q.maxProps {
		return invalid
	}
	for _, name := range q.required {
		if !hasKey(n, name) {
			return invalid
		}
	}
	r := valid
	for i := 0; i+1 < len(n.Content); i += 2 {
		name, x := n.Content[i].Value, n.Content[i+1]
		evaluated := false
		if p, ok := q.props[name]; ok {
			evaluated = true
			if r = and(r, p.checkNode(x, depth+1, st)); r == invalid {
				return invalid
			}
		}
		for _, pp := range q.patternProps {
			if pp.re.MatchString(name) {
				evaluated = true
				if r = and(r, pp.q.checkNode(x, depth+1, st)); r == invalid {
					return invalid
				}
			}
		}
		if evaluated {
			continue
		}
		switch a := q.additional.(type) {
		case bool:
			if !a {
				return invalid
			}
			st.walk(x)
		case *quick:
			if r = and(r, a.checkNode(x, depth+1, st)); r == invalid {
				return invalid
			}
		default:
			st.walk(x)
		}
	}
	return r
}

func hasKey(n *yaml.Node, name string) bool {
	for i := 0; i < len(n.Content); i += 2 {
		if n.Content[i].Value == name {
			return true
		}
	}
	return false
}

func (q *quick) arrayNode(n *yaml.Node, depth int, st *nodeScan) verdict {
	if q.minItems != nil && len(n.Content) < *q.minItems || q.maxItems != nil && len(n.Content) > *q.maxItems {
		return invalid
	}
	r := valid
	for _, x := range n.Content {
		if q.items == nil {
			st.walk(x)
			continue
		}
		if r = and(r, q.items.checkNode(x, depth+1, st)); r == invalid {
			return invalid
		}
	}
	return r
}
