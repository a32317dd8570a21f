package cli

import (
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/validate"
)

// ciFormat says whether output format is one a CI service keeps and
// shows (github: a step's annotations, log and job summary; sarif: code
// scanning's alerts, which outlive the fix): read by whoever can see the
// repository's Actions or its security tab, often more people than may
// read a case (TEGL 39-11: sensitive PII on a need-to-know basis). text
// and json are read by the person at the terminal, who may.
func ciFormat(format string) bool { return format == "github" || format == "sarif" }

// validateShownAs is validate's findings as format shows them: a CI
// format withholds what leak guard g finds in a message or hint — the
// value the schema refused and the line that did not parse are quoted
// from the record — and does not name the term a pii-term finding found
// (validate.WithholdFindings): it says where the term is, and caseplan
// validate at a terminal names it, since the finding warns that the term
// belongs in the sealed fields, which a CI log is not.
func validateShownAs(format string, g *pii.Guard, fs []finding.Finding) []finding.Finding {
	if !ciFormat(format) {
		return fs
	}
	return validate.WithholdFindings(g, fs)
}

// withheldForCI is a sync's findings (its conflicts, which quote both
// sides' values of a record, a refusal's breaches, the warnings the two
// sides bring together) as its CI output shows them
// (validate.WithholdFindings with leak guard g). A value quoted from a
// note or a plan can hold a date of birth or a health term that belongs
// in the sealed fields; the terminal's output (text) quotes it, for the
// person who syncs.
func withheldForCI(g *pii.Guard, fs []finding.Finding) []finding.Finding {
	return validate.WithholdFindings(g, fs)
}
