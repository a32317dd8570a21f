package history

import (
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/audit"
)

// TestRulesDescribed: every rule verify reports has one summary, on one
// line, in Rules, which verify's help and -o sarif read; a rule added
// without one fails here.
func TestRulesDescribed(t *testing.T) {
	reported := []string{
		RuleNoteChanged, RuleNoteRemoved, audit.RuleNoteAuthor, RuleEpisodeRemoved,
		RuleMissingTrailers, RuleTrailerCases, RuleTrailersWithoutChange,
		RuleAuthorNotOnRoster, access.RuleNoRoster, RuleRosterUnreadable, RuleHistoryRewritten,
		RuleHistoryLeak, RuleSealedHandEdit, access.RuleRoster, RuleRolesDropped,
		access.RuleSelfAdded, RuleAuthorRetired, access.RuleCase, access.RuleSupervisor,
		RuleUnsigned, RuleBadSignature, RuleNotAuthor, RuleOrphanRoot,
		RuleMergeDropsChange, RuleReplaceRef, RuleGrafts,
	}
	for _, id := range reported {
		if s := RuleSummary(id); s == "" || strings.Contains(s, "\n") {
			t.Errorf("rule %s: summary %q, want one line", id, s)
		}
	}
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %s is in Rules twice", r.ID)
		}
		seen[r.ID] = true
	}
	if RuleSummary("schema") != "" {
		t.Error("validate's rule schema has a summary among verify's")
	}
}
