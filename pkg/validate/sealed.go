package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/sealed"
)

// The sealed fields' rules (pkg/sealed; README, Confidentiality). They
// read the ciphertext's header and the recipients list beside it, never
// the sealed values: validate runs in CI, which holds no key.
const (
	RuleSealedRecipients = "sealed-recipients"
	RuleSealedMissing    = "sealed-missing"
)

// sealedRules are completeness rules: what they report is work to do
// (re-sealing after a change of team or roster, which only someone who can
// read the fields can do), and a write by someone else — a coordinator's
// transfer, an admin's roster change — must not be refused for it.
var sealedRules = []*Rule{
	{
		ID: RuleSealedRecipients, Severity: finding.Error, Completeness: true,
		Summary: "a case's sealed fields are encrypted to exactly its team as the roster stands — its manager, the staff on its team and the supervisors — as the recipients list beside them says, and the ciphertext to as many people as the list names",
		check:   checkSealedRecipients,
	},
	{
		ID: RuleSealedMissing, Severity: finding.Error, Completeness: true,
		Summary: "an open case of a program that needs sealed fields (its sealed_required setting) has them",
		check:   checkSealedMissing,
	},
}

func checkSealedRecipients(x *Context) {
	s, in := x.Case.Sealed, x.Case.Intake
	if s == nil || in == nil || x.Config == nil {
		return
	}
	file := layout.Sealed(x.Case.ID)
	report := func(format string, args ...any) {
		x.found = append(x.found, finding.Finding{Path: file, Severity: x.rule.Severity, Rule: x.rule.ID, Case: x.Case.ID, Message: fmt.Sprintf(format, args...)})
	}
	reseal := "a supervisor or the case's manager re-seals them with caseplan case sealed reseal " + x.Case.ID
	switch {
	case s.Problem != "":
		report("%s; %s", s.Problem, reseal)
		return
	case !s.Ciphertext:
		report("%s lists recipients but there are no sealed fields beside it; remove it", layout.RecipientsFile)
		return
	case !s.Listed:
		report("the sealed fields have no recipients list beside them (%s), so nobody can tell who can read them; %s", layout.RecipientsFile, reseal)
		return
	case s.Stanzas != len(s.Recipients):
		report("the sealed fields are encrypted to %d people but %s names %d: the list was changed by hand, or the file replaced; %s", s.Stanzas, layout.RecipientsFile, len(s.Recipients), reseal)
		return
	}
	team, _ := sealed.Team(x.Config, in)
	want := sealed.RecipientsOf(team)
	if sealed.SameRecipients(s.Recipients, want) {
		return
	}
	has := map[string]bool{}
	for _, r := range s.Recipients {
		has[r.Staff+" "+r.Fingerprint] = true
	}
	wanted := map[string]bool{}
	var missing, extra []string
	for _, r := range want {
		wanted[r.Staff+" "+r.Fingerprint] = true
		if !has[r.Staff+" "+r.Fingerprint] {
			missing = append(missing, r.Staff)
		}
	}
	for _, r := range s.Recipients {
		if !wanted[r.Staff+" "+r.Fingerprint] {
			extra = append(extra, r.Staff)
		}
	}
	var parts []string
	if len(extra) > 0 {
		parts = append(parts, fmt.Sprintf("%s can still read them but %s no longer on the case's team or %s a new key", strings.Join(slices.Compact(extra), ", "), isAre(extra), hasHave(extra)))
	}
	if len(missing) > 0 {
		parts = append(parts, fmt.Sprintf("%s cannot read them yet", strings.Join(slices.Compact(missing), ", ")))
	}
	report("the sealed fields are not encrypted to the case's team as the roster stands: %s; %s", strings.Join(parts, "; "), reseal)
}

func checkSealedMissing(x *Context) {
	in := x.Case.Intake
	if in == nil || in.Status != "open" || !x.Config.SealedRequired(in.Program) {
		return
	}
	if x.Case.Sealed != nil && x.Case.Sealed.Ciphertext {
		return
	}
	x.Report(x.File(layout.KindIntake), []string{"program"}, "program %s needs sealed fields (sealed_required) and case %s has none; record them with caseplan case sealed set %s", in.Program, x.Case.ID, x.Case.ID)
}

func isAre(s []string) string {
	if len(s) == 1 {
		return "is"
	}
	return "are"
}

func hasHave(s []string) string {
	if len(s) == 1 {
		return "has"
	}
	return "have"
}
