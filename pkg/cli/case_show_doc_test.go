package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/report"
	"github.com/caseplan/caseplan/pkg/sealed"
)

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
	for _, f := range intakeSection(c, false).Fields {
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

// TestCaseFileSealedCopy: the participant's own copy (case show
// --sealed) has the decrypted fields under their own heading, as they
// were sealed — redact, which withholds a disability or a date of birth
// from every other text, does not touch them — and says it holds them;
// without them the case file says they are not in it.
func TestCaseFileSealedCopy(t *testing.T) {
	c := casefile.New("W-001")
	c.Intake = &record.Intake{}
	c.Sealed = &casefile.Sealed{Ciphertext: true}
	withhold := func(s string) (string, int) {
		return strings.ReplaceAll(s, "Zorblax", "[withheld: pii-term]"), 0
	}
	open := &sealed.Fields{SSNLast4: "4417", Disability: "Zorblax hearing aid"}
	var md bytes.Buffer
	d := caseFileOf(&caseShowView{ID: "W-001"}, c, report.Source{}, "again", withhold, open)
	if err := report.WriteCaseFile(&md, "md", d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## Sealed fields\n\n- ssn\\_last4: 4417\n- disability: Zorblax hearing aid\n",
		"- Sealed fields: decrypted for this copy, under Sealed fields below\n",
		"its sealed fields too, in plain text: it is the participant's own copy",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("the participant's copy lacks %q:\n%s", want, md.String())
		}
	}
	md.Reset()
	d = caseFileOf(&caseShowView{ID: "W-001"}, c, report.Source{}, "again", withhold, nil)
	if err := report.WriteCaseFile(&md, "md", d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "4417") || strings.Contains(md.String(), "## Sealed fields") {
		t.Errorf("the case file without --sealed shows the sealed fields:\n%s", md.String())
	}
	if !strings.Contains(md.String(), "The sealed fields are not in it.") {
		t.Errorf("the case file does not say the sealed fields are not in it:\n%s", md.String())
	}
}
