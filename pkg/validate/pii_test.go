package validate

import (
	"slices"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// TestPIIBlockScalar: a leak on the second line of a block scalar is
// reported at that line; an SSN is a file-level error (a write never
// commits a file holding one) whose message does not repeat it; a
// separated SSN is the schema's finding alone.
func TestPIIBlockScalar(t *testing.T) {
	m := base()
	const note = "cases/W1/notes/2026-03-05-ab12.yaml"
	m.edit(note, "content: Discussed training options", "content: |\n  Discussed training options.\n  Her ssn: 987654321, read out by mistake.\nresults: SSN 123-45-6789")
	var got []string
	for _, f := range run(t, m, today) {
		if f.Severity != "error" {
			continue
		}
		got = append(got, f.String())
		if strings.Contains(f.Message, "987654321") || strings.Contains(f.Message, "6789") {
			t.Errorf("the message repeats the number: %s", f)
		}
		if f.Rule == RulePIISSN && !f.FileLevel {
			t.Errorf("not file-level: %s", f)
		}
	}
	want := []string{
		note + ":10:12: error pii-ssn: content: holds a number shaped like a Social Security number",
		note + ":11:10: error schema: results: holds a number shaped like a Social Security number",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got  %s\nwant %s...", got[i], want[i])
		}
	}
}

// TestPIIPhoneNineDigits: a phone field of nine digits, whatever its
// punctuation, is an SSN typed in the wrong field (a US phone number has
// seven or ten digits), as an import refuses it: a file-level pii-ssn error
// that does not repeat the number. Seven or ten digits, and a number from
// abroad (+), are phone numbers.
func TestPIIPhoneNineDigits(t *testing.T) {
	nine := "(512) 73-" + "4418"
	for _, tt := range []struct {
		phone string
		want  bool
	}{
		{nine, true},
		{"512" + "734" + "418", true},
		{"555-0101", false},
		{"(512) 734-4418", false},
		{"+44 20 7946 0958", false},
		{"+351 912 345 678", false},
	} {
		m := base()
		m.edit("cases/W1/intake.yaml", "  name: Ana Example\n", "  name: Ana Example\n  phone: '"+tt.phone+"'\n")
		var got []string
		for _, f := range run(t, m, today) {
			if f.Rule != RulePIISSN {
				continue
			}
			got = append(got, f.String())
			if strings.Contains(f.Message, "4418") || !f.FileLevel || f.Severity != "error" {
				t.Errorf("phone %q: %s (file-level %v)", tt.phone, f, f.FileLevel)
			}
		}
		if tt.want && (len(got) != 1 || !strings.Contains(got[0], "participant.phone: holds nine digits")) {
			t.Errorf("phone %q: want one pii-ssn finding of participant.phone, got %q", tt.phone, got)
		}
		if !tt.want && len(got) != 0 {
			t.Errorf("phone %q: want none, got %q", tt.phone, got)
		}
	}
}

// TestPIIPhoneSeparatedSSN: a phone holding an SSN in its separated form
// is the schema's finding alone, not reported twice.
func TestPIIPhoneSeparatedSSN(t *testing.T) {
	m := base()
	m.edit("cases/W1/intake.yaml", "  name: Ana Example\n", "  name: Ana Example\n  phone: '912-78-"+"1234'\n")
	var got []string
	for _, f := range run(t, m, today) {
		if f.Severity == "error" {
			got = append(got, f.String())
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "error schema: participant, phone: holds a number shaped like a Social Security number") {
		t.Errorf("want the schema's finding alone, got %q", got)
	}
}

// TestPIIBarrierDetail: the detail of a health or disability barrier is
// told as health information at the detail's text, once (a sensitive
// term in it, or a block scalar's second line, not again), and never
// repeated; the sealed field named is the barrier's kind's. A disability
// barrier without a detail, and another kind's detail, are not told.
func TestPIIBarrierDetail(t *testing.T) {
	m := base()
	m["cases/W1/intake.yaml"] += "barriers:\n" +
		"  - kind: disability\n    detail: |\n      uses a wheelchair;\n      diagnosed with PTSD\n" +
		"  - kind: disability\n" +
		"  - kind: housing\n    detail: shelter stay since January\n" +
		"  - id: BR-7QX2K\n    kind: health\n    detail: \"back injury\"\n"
	var got []string
	for _, f := range run(t, m, today) {
		if f.Path != "cases/W1/intake.yaml" {
			continue
		}
		got = append(got, f.String())
		for _, detail := range []string{"wheelchair", "PTSD", "shelter", "back injury"} {
			if strings.Contains(f.Message, detail) {
				t.Errorf("the message repeats the detail: %s", f)
			}
		}
	}
	want := []string{
		"cases/W1/intake.yaml:11:7: warning pii-term: barriers.0.detail: the detail of a disability barrier is disability information, sensitive PII (TEGL 39-11): keep it in the case's sealed fields (caseplan case sealed set W1 --disability TEXT)",
		"cases/W1/intake.yaml:18:14: warning pii-term: barriers.3.detail: the detail of a health barrier is health information, sensitive PII (TEGL 39-11): keep it in the case's sealed fields (caseplan case sealed set W1 --health TEXT)",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got  %s\nwant %s...", got[i], want[i])
		}
	}
}

// TestSealedBarrierKinds: each flag a barrier's detail is sent to names a
// sealed field (pkg/sealed owns them; case sealed set's flags are their
// names with '-' for '_').
func TestSealedBarrierKinds(t *testing.T) {
	for kind, flag := range sealedBarrierKinds {
		var f sealed.Fields
		if f.Field(strings.ReplaceAll(strings.TrimPrefix(flag, "--"), "-", "_")) == nil {
			t.Errorf("barrier kind %s: %s names no sealed field", kind, flag)
		}
	}
}

// TestWithholdTerms: a pii-term finding made for a document that
// withholds the term no longer names it, still says where it is and what
// to do; other findings, and the findings given, are as they were.
func TestWithholdTerms(t *testing.T) {
	var term finding.Finding
	describePII(&term, pii.Match{Kind: pii.Term, Term: "Kestrelvane"}, "content:")
	dob := finding.Finding{Rule: RulePIIDOB, Message: "content: holds what looks like a date of birth"}
	fs := []finding.Finding{term, dob}
	got := WithholdTerms(fs)
	if strings.Contains(got[0].Message, "Kestrelvane") {
		t.Errorf("the finding names the withheld term: %q", got[0].Message)
	}
	for _, want := range []string{"content: mentions a term withheld here (caseplan validate names it)", "caseplan case sealed set"} {
		if !strings.Contains(got[0].Message, want) {
			t.Errorf("message %q lacks %q", got[0].Message, want)
		}
	}
	if got[1] != dob || fs[0] != term {
		t.Errorf("other findings or the input changed: %+v, %+v", got[1], fs[0])
	}
}

// TestWithhold: the case file withholds what the leak guard says
// belongs in the sealed fields and masks an SSN-shaped number, keeping
// the rest of the text as written.
func TestWithhold(t *testing.T) {
	redact := Withhold(pii.Default())
	for in, want := range map[string]string{
		"Called back; all well.":               "Called back; all well.",
		"She mentioned a felony conviction.":   "She mentioned a [withheld: pii-term] [withheld: pii-term].",
		"Number 123-45-6789 on the form.":      "Number XXX-XX-XXXX on the form.",
		"DOB: 03/04/1980, said on the phone.":  "DOB: [withheld: pii-dob], said on the phone.",
		"first line\nrehab in 2020\nlast line": "first line\n[withheld: pii-term] in 2020\nlast line",
	} {
		if got, _ := redact(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// TestMaskSSNs: the participant's own copy keeps the case's text as
// recorded — a date of birth, a health or disability term — and still
// masks an SSN-shaped number as Withhold does.
func TestMaskSSNs(t *testing.T) {
	g := pii.Default()
	mask, withhold := MaskSSNs(g), Withhold(g)
	for in, want := range map[string]string{
		"She mentioned a felony conviction.":  "She mentioned a felony conviction.",
		"DOB: 03/04/1980, said on the phone.": "DOB: 03/04/1980, said on the phone.",
		"Number 123-45-6789 on the form.":     "Number XXX-XX-XXXX on the form.",
		"rehab in 2020; SSN 123456789":        "rehab in 2020; SSN XXX-XX-XXXX",
	} {
		if got, _ := mask(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
		// What the staff's case file withholds, for the contrast.
		if got, _ := withhold(in); got == in {
			t.Errorf("%q: Withhold keeps it as written, so it proves nothing here", in)
		}
	}
}

// TestWithholdFindings: the schema's and the loader's findings quote a
// record's free text (the value refused, the line that did not parse);
// shown beyond the case's readers, what the leak guard finds in a quote
// is withheld, as in a rule's finding, and where each finding is stays.
func TestWithholdFindings(t *testing.T) {
	m := base()
	const refused = "cases/W1/notes/2026-03-05-ab12.yaml"
	m.edit(refused, "mode: phone", "mode: phone re rehab, DOB 04/05/1980, SSN 123-45-6789")
	const unparsed = "cases/WS1/notes/2026-03-12-ck01.yaml"
	m.edit(unparsed, "content: Weekly check-in", "content: Weekly check-in: on parole: DOB 04/05/1980 - [x")
	var fs []finding.Finding
	for _, f := range run(t, m, today) {
		if (f.Path == refused || f.Path == unparsed) && f.Rule != RulePIITerm && f.Rule != RulePIIDOB {
			fs = append(fs, f)
		}
	}
	rules := map[string]bool{}
	for _, f := range fs {
		rules[f.Rule] = true
	}
	if !rules[RuleSchema] || !rules[load.RuleSyntax] {
		t.Fatalf("want a schema and a yaml-syntax finding, got:\n%v", fs)
	}
	leaks := []string{"rehab", "parole", "04/05/1980", "6789"}
	quoted := map[string]bool{}
	for _, f := range fs {
		for _, leak := range leaks {
			quoted[leak] = quoted[leak] || strings.Contains(f.Message+f.Hint, leak)
		}
	}
	for _, leak := range leaks[:3] {
		if !quoted[leak] {
			t.Fatalf("no finding quotes %q, so the test shows nothing:\n%v", leak, fs)
		}
	}
	before := slices.Clone(fs)
	got := WithholdFindings(pii.Default(), fs)
	withheld := ""
	for i, f := range got {
		for _, leak := range leaks {
			if strings.Contains(f.Message+f.Hint, leak) {
				t.Errorf("%s: quotes %q: %s\nhint: %s", f.Rule, leak, f.Message, f.Hint)
			}
		}
		withheld += f.Message + f.Hint
		w := before[i]
		if f.Path != w.Path || f.Line != w.Line || f.Column != w.Column || f.Rule != w.Rule || f.Severity != w.Severity {
			t.Errorf("where the finding is changed: %v, was %v", f, w)
		}
	}
	for _, want := range []string{"[withheld: pii-term]", "[withheld: pii-dob]", "is not a valid choice"} {
		if !strings.Contains(withheld, want) {
			t.Errorf("the findings lack %q:\n%v", want, got)
		}
	}
	if !slices.Equal(fs, before) {
		t.Errorf("the findings given were changed")
	}
}
