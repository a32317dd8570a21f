package load

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DecodeProblem says in a case manager's words why Decode(v) failed with
// err: the field that holds a value of the wrong shape (a list where text
// belongs, say), and its line and column. go-yaml says it in Go's words
// ("line 18: cannot unmarshal !!seq into string"), once for each value,
// and names no field. The field is found by walking the document beside
// v's type, as the decoder plans it; when that finds nothing (a type
// caseplan's decoder leaves to go-yaml), go-yaml's lines are reworded.
func (d *Document) DecodeProblem(v any, err error) (line, col int, msg string) {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil {
		if path, n, want, ok := mismatch(d.Root, planOf(t), nil); ok {
			line, col = d.Position(path)
			msg := fieldLabel(path) + ": must be " + want + ", not " + shapeOf(n)
			if base8, decimal, ok := octalRead(n); ok {
				msg = fmt.Sprintf("%s: %s starts with a zero, so YAML reads it as %d (a number in base 8), not %d; write %d", fieldLabel(path), n.Value, base8, decimal, decimal)
			} else if b, ok := yaml11Bool[n.Value]; ok && want == "true or false" && n.Kind == yaml.ScalarNode {
				msg += fmt.Sprintf(" (%q); write %t", n.Value, b)
			} else if want == "a number" && n.Kind == yaml.ScalarNode && decimalComma.MatchString(n.Value) {
				msg += fmt.Sprintf(" (%q); write %s, with a point", n.Value, strings.Replace(n.Value, ",", ".", 1))
			}
			return line, col, msg
		}
	}
	line, col = d.Root.Line, d.Root.Column
	var parts []string
	for _, s := range strings.Split(strings.TrimPrefix(err.Error(), "yaml: "), "\n") {
		s = strings.TrimSpace(s)
		if s == "" || s == "unmarshal errors:" {
			continue
		}
		if m := goYAMLTypeError.FindStringSubmatch(s); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil && len(parts) == 0 {
				line, col = n, 1
			}
			s = "line " + m[1] + ": " + tagWords(m[2]) + " where the record wants something else"
		}
		parts = append(parts, s)
	}
	return line, col, "cannot read the record: " + strings.Join(parts, "; ")
}

// yaml11Bool are the YAML 1.1 booleans go-yaml still decodes into a bool,
// and the value each was meant to be.
var yaml11Bool = map[string]bool{"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false}

// wantNoLeadingZero is what a number field wants instead of 040.
const wantNoLeadingZero = "a number written without a leading zero"

// octalRead reports whether go-yaml reads the plain scalar n, digits with
// a leading zero (040, typed as on a paper form), as a number in base 8,
// the YAML 1.1 way, and so as another value than the person wrote and
// than YAML 1.2 (the schemas', the editors') reads: 32, not 40. Such a
// value is refused, as yes is where true or false belongs, never read as
// a number nobody typed. 08 or 007 read the same either way and pass.
func octalRead(n *yaml.Node) (base8, decimal int64, ok bool) {
	if n.Kind != yaml.ScalarNode || n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 || n.ShortTag() != "!!int" {
		return 0, 0, false
	}
	digits := strings.TrimPrefix(strings.TrimPrefix(n.Value, "-"), "+")
	if len(digits) < 2 || digits[0] != '0' || !allDigits(digits) {
		return 0, 0, false
	}
	b8, err8 := strconv.ParseInt(n.Value, 0, 64)
	d, err10 := strconv.ParseInt(n.Value, 10, 64)
	if err8 != nil || err10 != nil || b8 == d {
		return 0, 0, false
	}
	return b8, d, true
}

// wholeFloat reports whether n is a float with no fraction (2.0).
func wholeFloat(n *yaml.Node) bool {
	if n.ShortTag() != "!!float" {
		return false
	}
	var f float64
	return n.Decode(&f) == nil && f == math.Trunc(f) && !math.IsInf(f, 0)
}

// decimalComma is a number written with a decimal comma (18,50), as
// much of the world writes one.
var decimalComma = regexp.MustCompile(`^-?[0-9]+,[0-9]+$`)

var goYAMLTypeError = regexp.MustCompile("^line ([0-9]+): cannot unmarshal (!![a-z]+)")

// mismatch returns the first value under n, in the order of the
// document, whose shape go-yaml cannot decode into p's type, with its path
// and the words for what the type wants.
func mismatch(n *yaml.Node, p *plan, path []string) ([]string, *yaml.Node, string, bool) {
	if n.Kind == yaml.AliasNode || n.Kind == yaml.DocumentNode || !p.ok || isNull(n) {
		return nil, nil, "", false // aliases are refused before decoding; null fills anything
	}
	want := ""
	switch p.kind {
	case reflect.Pointer:
		return mismatch(n, p.elem, path)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			want = "text"
		}
	case reflect.Bool:
		// go-yaml decodes the YAML 1.1 spellings (yes, no, on, off, y,
		// n), quoted or not, into a bool, but they are text in YAML 1.2,
		// which the schema checks: taken here for what they are, so that
		// a record is never read one way and checked another.
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			want = "true or false"
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		// go-yaml cuts a fraction off (2.5 into 2), which the schema
		// refuses; a whole float (2.0) is the schema's integer too.
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" && !wholeFloat(n) {
			want = "a whole number"
		} else if _, _, ok := octalRead(n); ok {
			want = wantNoLeadingZero
		}
	case reflect.Float32, reflect.Float64:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" && n.ShortTag() != "!!float" {
			want = "a number"
		} else if _, _, ok := octalRead(n); ok {
			want = wantNoLeadingZero
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			want = "a list"
			break
		}
		for i, item := range n.Content {
			if pth, bad, w, ok := mismatch(item, p.elem, append(path[:len(path):len(path)], strconv.Itoa(i))); ok {
				return pth, bad, w, true
			}
		}
	case reflect.Map, reflect.Struct:
		if n.Kind != yaml.MappingNode {
			want = "a mapping of fields"
			break
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			sub := p.elem
			if p.kind == reflect.Struct {
				f, ok := p.fields[key]
				if !ok {
					continue // an unknown field: the schema says so
				}
				sub = f.plan
			}
			if pth, bad, w, ok := mismatch(n.Content[i+1], sub, append(path[:len(path):len(path)], key)); ok {
				return pth, bad, w, true
			}
		}
	}
	if want == "" {
		return nil, nil, "", false
	}
	return path, n, want, true
}

// fieldLabel names the field at path as a person finds it in the file:
// the keys from the top, and a list's item by its number ("team item 2").
func fieldLabel(path []string) string {
	if len(path) == 0 {
		return "the record"
	}
	var b strings.Builder
	for i, p := range path {
		if n, err := strconv.Atoi(p); err == nil {
			b.WriteString(" item " + strconv.Itoa(n+1))
			continue
		}
		if i > 0 {
			b.WriteString(".")
		}
		b.WriteString(p)
	}
	return b.String()
}

// shapeOf says what a value is, in the words the schema checks use.
func shapeOf(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping of fields"
	}
	return tagWords(n.ShortTag())
}

func tagWords(tag string) string {
	switch tag {
	case "!!seq":
		return "a list"
	case "!!map":
		return "a mapping of fields"
	case "!!int":
		return "a whole number"
	case "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	case "!!null":
		return "nothing"
	}
	return "text"
}
