package validate

import (
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
)

// RuleRosterAdmin: the roster names no active admin, so its roles do not
// apply (record.Config.RolesInForce): a store made before roles existed.
const RuleRosterAdmin = "roster-admin"

// storeRules check the store settings themselves rather than a case.
var storeRules = []*Rule{
	{
		ID: RuleRosterAdmin, Severity: finding.Warning,
		Summary: "the staff roster names an active admin, so its roles apply: only an admin changes the roster, case managers change their own cases, supervisors record waivers and decisions",
	},
}

// storeFindings checks the store settings: the leak guard's patterns and
// the roster.
func storeFindings(cfg *record.Config, doc *load.Document) []finding.Finding {
	out := piiSettingFindings(cfg, doc)
	if cfg == nil {
		return out
	}
	if !cfg.RolesInForce() {
		line, col := doc.Position([]string{"staff"})
		out = append(out, finding.Finding{
			Path: layout.ConfigPath, Line: line, Column: col, Severity: finding.Warning, Rule: RuleRosterAdmin,
			Message: "no one on the staff roster is an active admin, so roles do not apply: anyone on it may change the roster and any case; name an admin with caseplan staff set ID --role admin",
		})
	}
	return out
}
