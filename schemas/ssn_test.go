package schemas

import (
	"strings"
	"testing"

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
		{"note", minimal["note"] + "actions:\n  - owner: participant\n    text: bring card 123 45 6789\n", "text"},
		{"intake", strings.Replace(minimal["intake"], "name: ", "name: 123.45.6789 ", 1), "name"},
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
