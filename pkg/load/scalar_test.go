package load

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestScalarShortcutsAsGoYAML: the whole numbers and true/false values
// scalar reads without go-yaml's decoder are read as go-yaml reads them,
// and what the shortcuts leave (a leading zero or plus, 19 digits and
// more, underscores, other bases) still goes to go-yaml.
func TestScalarShortcutsAsGoYAML(t *testing.T) {
	for _, v := range []string{
		"0", "-0", "7", "12", "-12", "2026", "999999999999999999", "-999999999999999999",
		"9223372036854775807", "-9223372036854775808", "9223372036854775808",
		"007", "+5", "1_000", "0x1F", "0o17", "0b101", "1e3", "1.5",
		"true", "True", "TRUE", "false", "False", "FALSE",
	} {
		tag := resolvePlain(v)
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
		got, err := scalar(n)
		var want any
		var werr error
		switch tag {
		case "!!int":
			var i int64
			if werr = n.Decode(&i); werr != nil {
				var f float64
				werr = n.Decode(&f)
				want = f
			} else {
				want = i
			}
		case "!!bool":
			var b bool
			werr = n.Decode(&b)
			want = b
		default:
			continue
		}
		if (err != nil) != (werr != nil) || err == nil && got != want {
			t.Errorf("%q (%s): scalar gives %#v, %v; go-yaml %#v, %v", v, tag, got, err, want, werr)
		}
	}
}

// TestInnerSignIsText: a scalar with a sign inside (not an exponent's)
// resolves as go-yaml resolves it, to text.
func TestInnerSignIsText(t *testing.T) {
	for _, v := range []string{"2026-03", "123-45", "1-2-3", "12+3", "0x1-2", "1e-5", "1E+5", "-1e-5", "2026-03-04",
		"0b+000", "0b-1", "0o+7", "0o-7", "-0b-1", "0_b+1", "0b_-1", "1_-2"} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+v+"\n"), &doc); err != nil {
			t.Fatal(err)
		}
		want := doc.Content[0].Content[1].Tag
		if got := resolvePlain(v); got != want {
			t.Errorf("%q: resolvePlain %s, go-yaml %s", v, got, want)
		}
	}
}
