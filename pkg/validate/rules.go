package validate

import (
	"strings"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/record"
)

// Rule is one check caseplan makes of a case. Its ID is what findings, the
// rules listing and the store's rule settings (caseplan.yaml `rules:`) use.
type Rule struct {
	ID       string
	Severity finding.Severity // default; a store may change it
	Program  string           // program kind the rule applies to; "" for every case
	Setting  string           // the program setting it reads, if any
	Source   string           // the domain document it comes from (file-name prefix) or the federal guidance (TEGL 10-16), or "" for integrity
	Summary  string           // one line: what it requires and why
	// Completeness marks a rule that reports what is missing or overdue as
	// of --today (references by the layoff date, a first contact within 10
	// days). Such findings never block a write: the write may be the very
	// step that makes the case complete, and a case opened late must still
	// be recordable. Every other rule checks that the records agree with
	// themselves, and a write that breaks one is refused.
	Completeness bool
	// Unwaivable marks a completeness rule no waiver may set aside:
	// what it reports is not an obligation that may not apply to a case
	// (a retired manager, sealed fields not sealed to the team) but
	// something to mend, with the command its Remedy names. Waivable says
	// which rules a supervisor may waive.
	Unwaivable bool
	// Remedy is the command that mends a finding of the rule, CASE
	// standing for the finding's case, when one command does: a write
	// refused for breaking the rule names it in its hint.
	Remedy string
	// EventDay, when set, dates the event a finding of the rule reports
	// (a job-site visit): a waiver then covers only the events on or
	// before its own date. It is a supervisor's review of what happened,
	// not leave for what has not, so a later event is reported again. ok
	// is false when the event has no valid YYYY-MM-DD day: such an event
	// cannot be shown to come before the waiver, which does not cover it.
	EventDay func(c *casefile.Case, f finding.Finding) (record.Date, bool)
	// Local marks a rule each of whose findings is about values of the
	// files that were read and holds whatever the case's other files say
	// (an ID that differs from its file name, a code not in the
	// catalogue, an SSN, a date after today). It is checked even while a
	// file of the case cannot be read (casefile.Case.Unread); the other
	// rules wait for it (RuleChecksWaiting), since they would judge the
	// case by what is missing from what was read.
	Local bool

	check func(*Context)
}

// Rules is every rule, integrity rules first, then each program's.
var Rules []*Rule

func init() {
	Rules = append(Rules, integrityRules...)
	Rules = append(Rules, workSecurityRules...)
	Rules = append(Rules, wioaRules...)
	Rules = append(Rules, periodRules...)
	Rules = append(Rules, personRules...)
	Rules = append(Rules, postEmploymentRules...)
	Rules = append(Rules, piiRules...)
	Rules = append(Rules, sealedRules...)
	Rules = append(Rules, storeRules...)
	Rules = append(Rules, checksWaitingRule)
}

// Waivable lists the IDs of the rules a supervisor may waive for a case
// of program kind kind in a store with settings cfg: the waivable rules
// (CanWaive) that apply to that kind (or to every case) and that the
// store does not turn off — a rule turned off applies to no case, so
// there is nothing to waive.
func Waivable(kind string, cfg *record.Config) []string {
	var ids []string
	for _, r := range Rules {
		if r.CanWaive() && (r.Program == "" || r.Program == kind) && !cfg.RuleOff(r.ID) {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// CanWaive reports whether a waiver may set the rule aside for a case:
// an obligation (a completeness rule) that is not Unwaivable.
func (r *Rule) CanWaive() bool {
	return r.Completeness && !r.Unwaivable
}

// IsWaivable reports whether rule id is one a waiver may set aside
// (CanWaive); false for an unknown rule.
func IsWaivable(id string) bool {
	r := RuleByID(id)
	return r != nil && r.CanWaive()
}

// IsCompleteness reports whether findings of the rule id report something
// missing or overdue rather than inconsistent records.
func IsCompleteness(id string) bool {
	r := RuleByID(id)
	return r != nil && r.Completeness
}

// transferRemedy hands a case to an active manager (manager-retired,
// wioa-counselor).
const transferRemedy = "caseplan case transfer CASE --to STAFF --reason TEXT"

// TransferFromRemedy hands every open case of manager, retired from the
// roster, to an active manager at once (case transfer --from): one
// command for what would otherwise be one transferRemedy per case.
func TransferFromRemedy(manager string) string {
	return "caseplan case transfer --from " + manager + " --to STAFF --reason TEXT"
}

// HandsOn reports whether a finding of rule id is mended by handing its
// case to another manager (transferRemedy).
func HandsOn(id string) bool {
	r := RuleByID(id)
	return r != nil && r.Remedy == transferRemedy
}

// RemedyFor is the command that mends finding-rule id on case c, or ""
// when the rule names none.
func RemedyFor(id, c string) string {
	r := RuleByID(id)
	if r == nil || r.Remedy == "" {
		return ""
	}
	return strings.ReplaceAll(r.Remedy, "CASE", c)
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
