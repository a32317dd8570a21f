package cli

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/record"
)

// TestWithholdLeaks: the case file withholds what the leak guard says
// belongs in the sealed fields and masks an SSN-shaped number, keeping
// the rest of the text as written.
func TestWithholdLeaks(t *testing.T) {
	redact := withholdLeaks(pii.Default())
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

// TestCaseFileIntakeWithholdsSealed: a health or disability barrier's
// detail is health information the sealed fields keep (pii-term), so the
// case file withholds it whatever its words; the sealed fields are only
// said to exist.
func TestCaseFileIntakeWithholdsSealed(t *testing.T) {
	c := casefile.New("W-001")
	c.Intake = &record.Intake{Barriers: []record.Barrier{
		{ID: "BR-1", Kind: "health", Detail: "back injury"},
		{ID: "BR-2", Kind: "transportation", Detail: "no car"},
	}}
	c.Sealed = &casefile.Sealed{Ciphertext: true}
	var got []string
	for _, f := range intakeSection(c).Fields {
		got = append(got, f.Label+": "+f.Value)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"Barrier: BR-1: health, open, [withheld: pii-term]",
		"Barrier: BR-2: transportation, open, no car",
		"Sealed fields: kept encrypted, not shown here (caseplan case sealed show W-001)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the intake lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "back injury") {
		t.Errorf("a health barrier's detail is shown:\n%s", all)
	}
}
