package validate

import (
	"github.com/caseplan/caseplan/pkg/finding"
)

// Rule is one check caseplan makes of a case. Its ID is what findings, the
// rules listing and the store's rule settings (caseplan.yaml `rules:`) use.
type Rule struct {
	ID       string
	Severity finding.Severity // default; a store may change it
	Program  string           // program kind the rule applies to; "" for every case
	Setting  string           // the program setting it reads, if any
	Source   string           // the domain document it comes from (file-name prefix), or "" for integrity
	Summary  string           // one line: what it requires and why

	check func(*Context)
}

// Rules is every rule, integrity rules first, then each program's.
var Rules []*Rule

func init() {
	Rules = append(Rules, integrityRules...)
	Rules = append(Rules, workSecurityRules...)
	Rules = append(Rules, wioaRules...)
	Rules = append(Rules, postEmploymentRules...)
}

// RuleByID returns the rule with the given ID, or nil.
func RuleByID(id string) *Rule {
	for _, r := range Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}
