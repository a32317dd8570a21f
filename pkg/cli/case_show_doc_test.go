package cli

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/record"
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
