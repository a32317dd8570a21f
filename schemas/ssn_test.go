package schemas

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/caseplan/caseplan/pkg/pii"
)

// TestNoFullSSN: every schema refuses a Social Security number in its
// separated form in any string, at any depth — even in a field it would
// otherwise accept anything in, and even where it is not a field at all —
// and the message never repeats the number.
func TestNoFullSSN(t *testing.T) {
	if ssnPattern != pii.SchemaSSN {
		t.Fatalf("the schemas' SSN pattern %q is not pii.SchemaSSN %q", ssnPattern, pii.SchemaSSN)
	}
	for _, k := range Kinds {
		data, err := Bytes(k)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), `"pattern": "`+ssnPattern+`"`) {
			t.Errorf("%s: no no-full-ssn definition with the pattern", FileName(k))
		}
	}
	v := compile(t)
	for _, c := range []struct{ kind, src, field string }{
		{"note", minimal["note"] + "content: Her SSN is 123-45-6789.\n", "content"},
		{"note", minimal["note"] + "actions:\n  - owner: participant\n    text: bring card 123 45 6789\n", "actions item 1, text"},
		{"intake", strings.Replace(minimal["intake"], "name: ", "name: 123.45.6789 ", 1), "participant, name"},
		{"caseplan", minimal["caseplan"] + "centers: [\"Office 234-56-7890\"]\n", "centers item 1"},
	} {
		errs := v.Validate(c.kind, doc(t, c.src))
		found := false
		for _, e := range errs {
			if strings.Contains(e.Message, "Social Security number") {
				found = true
				if !strings.HasPrefix(e.Message, c.field+": ") {
					t.Errorf("%s: message names %q, want %q", c.kind, e.Message, c.field)
				}
			}
			for _, n := range []string{"6789", "7890"} {
				if strings.Contains(e.Message, n) {
					t.Errorf("%s: message repeats the number: %s", c.kind, e.Message)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: not refused: %v", c.kind, c.src, errs)
		}
	}
	// Dates, phone numbers and employer IDs are not SSNs.
	ok := minimal["note"] + "content: Called 555-0181 on 2026-03-02; FEIN 12-3456789, order 123456789\n"
	if errs := v.Validate("note", doc(t, ok)); errs != nil {
		t.Errorf("refused: %v", errs)
	}
}

// TestNoFullSSNSame: caseplan's own form of definitions/no-full-ssn
// (noFullSSN) gives the schema's verdict on every string, so editors and
// caseplan refuse the same values.
func TestNoFullSSNSame(t *testing.T) {
	data, err := Bytes("note")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	def := doc.(map[string]any)["definitions"].(map[string]any)["no-full-ssn"]
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	if err := c.AddResource("mem://no-full-ssn.json", map[string]any{
		"definitions": map[string]any{"no-full-ssn": def},
		"$ref":        "#/definitions/no-full-ssn",
	}); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("mem://no-full-ssn.json")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "0123456789- .a/"
	var values []string
	for range 20000 {
		b := make([]byte, 8+r.IntN(10))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		values = append(values, string(b))
	}
	values = append(values, "123-45-6789", "x 123 45 6789 y", "1234-56-7890", "123-45-67890", "2026-03-16", "555-0181")
	for _, v := range values {
		schemaSays := schema.Validate(v) != nil
		var out []Error
		noFullSSN(v, v, nil, &out)
		if schemaSays != (len(out) > 0) {
			t.Errorf("%q: the schema says %v, noFullSSN %v", v, schemaSays, len(out) > 0)
		}
	}
	// And at depth, at the right path.
	var out []Error
	doc = map[string]any{"a": []any{"x", map[string]any{"b": "ssn 123-45-6789"}}}
	noFullSSN(doc, doc, nil, &out)
	if len(out) != 1 || strings.Join(out[0].Path, "/") != "a/1/b" {
		t.Errorf("at depth: %+v", out)
	}
}
