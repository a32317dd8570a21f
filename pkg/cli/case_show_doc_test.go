package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
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
// from every other text, does not touch them — each by the label a
// person reads, and says it holds them; it shows a disability barrier's
// detail, and leaves the findings out, saying so. Without the fields
// the case file says they are not in it, withholds the detail and
// lists the findings.
func TestCaseFileSealedCopy(t *testing.T) {
	c := casefile.New("W-001")
	c.Intake = &record.Intake{Barriers: []record.Barrier{{ID: "BR-1", Kind: "disability", Detail: "uses a Zorblax"}}}
	c.Sealed = &casefile.Sealed{Ciphertext: true}
	withhold := func(s string) (string, int) {
		return strings.ReplaceAll(s, "Zorblax", "[withheld: pii-term]"), 0
	}
	v := &caseShowView{ID: "W-001", Findings: []finding.Finding{{Path: "cases/W-001/iep.yaml", Line: 1, Case: "W-001", Severity: finding.Warning, Rule: "wioa-iep-agreed", Message: "the plan is not agreed"}}}
	open := &sealed.Fields{SSNLast4: "4417", DateOfBirth: "1980-05-06", Disability: "Zorblax hearing aid"}
	var md bytes.Buffer
	d := caseFileOf(v, c, report.Source{}, "again", withhold, open)
	if err := report.WriteCaseFile(&md, "md", d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"## Sealed fields\n\n- Date of birth: 1980-05-06\n- Last four digits of the SSN: 4417\n- Disability: Zorblax hearing aid\n",
		"- Sealed fields: decrypted for this copy, under Sealed fields below\n",
		"its sealed fields too, in plain text: it is the participant's own copy",
		"- Barrier: BR-1: disability, open, uses a \\[withheld: pii-term\\]\n",
		"\n" + participantFindings + "\n",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("the participant's copy lacks %q:\n%s", want, md.String())
		}
	}
	for _, unwanted := range []string{"## Findings", "wioa-iep-agreed", "ssn\\_last4", "date\\_of\\_birth"} {
		if strings.Contains(md.String(), unwanted) {
			t.Errorf("the participant's copy has %q:\n%s", unwanted, md.String())
		}
	}
	md.Reset()
	d = caseFileOf(v, c, report.Source{}, "again", withhold, nil)
	if err := report.WriteCaseFile(&md, "md", d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "4417") || strings.Contains(md.String(), "## Sealed fields") {
		t.Errorf("the case file without --sealed shows the sealed fields:\n%s", md.String())
	}
	for _, want := range []string{
		"The sealed fields are not in it.",
		"- Barrier: BR-1: disability, open, \\[withheld: pii-term\\]\n",
		"## Findings", "wioa-iep-agreed",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("the case file without --sealed lacks %q:\n%s", want, md.String())
		}
	}
	if strings.Contains(md.String(), participantFindings) {
		t.Errorf("the case file without --sealed says the findings are not in it:\n%s", md.String())
	}
}
