package history

import (
	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/audit"
)

// Rule is one check verify makes of the history: its ID, as findings
// name it, and one line saying what it reports. Verify's help lists the
// rules from here, and -o sarif describes the rules it reports with it,
// as validate's take theirs from validate.Rules.
type Rule struct {
	ID      string
	Summary string
}

// Rules is every rule verify reports, in the order its help lists them.
// The rules are defined where they are checked (here, audit, access);
// this is where they are described.
var Rules = []Rule{
	{RuleNoteChanged, "a note (anywhere under a case's notes/) was edited after the commit that added it, or its file mode changed (made executable with git)"},
	{RuleNoteRemoved, "a note was deleted, or moved (a renamed note file or case directory: the finding says where to); a later commit that puts it back exactly as committed, as git revert or git mv back does, repairs it and is not reported again"},
	{audit.RuleNoteAuthor, "a note committed by someone other than its author"},
	{RuleEpisodeRemoved, "an episode of a case's outcome (closure, reopening, placement, follow-up, extension request, credential, skill gain, exclusion) that the parent held is gone: outcome.yaml edited or deleted, or the case directory removed; changing an episode's fields in place is no removal"},
	{RuleMissingTrailers, "a commit changing cases/ lacks the Caseplan-Case and Caseplan-Action trailers"},
	{RuleTrailerCases, "its Caseplan-Case trailers do not name exactly the cases it changed (a squash merge; for a merge, the cases it changed beyond combining its parents): caseplan log lists a case's commits by them"},
	{RuleTrailersWithoutChange, "a commit carries the trailers but leaves cases/ as it was (git commit --allow-empty with copied trailers): caseplan log lists an action that did not happen"},
	{RuleAuthorNotOnRoster, "its author was not on the staff roster as it stood in the commit's parent (nobody adds themselves and commits in one go)"},
	{RuleRosterUnreadable, "cases/caseplan.yaml, the roster the commit answers to, is missing or cannot be read, so its authors could not be checked"},
	{RuleHistoryRewritten, "the trust anchor is no longer in the history: it was reset or force-pushed, and commits disappeared"},
	{RuleHistoryLeak, "a commit wrote an SSN-shaped number into a file under cases/ (any file, or its name), or a sealed.age that is not age ciphertext after its header; removing it later leaves it in the history, so the commit is named to be purged"},
	{RuleSealedHandEdit, "a case's sealed.age changed by a commit that is not one of the commands that write it"},
	{access.RuleRoster, "the roster or the settings changed by someone not an admin (once the roster names one)"},
	{RuleRolesDropped, "a commit left the roster without an active admin"},
	{access.RuleSelfAdded, "the author added themselves to the roster"},
	{RuleAuthorRetired, "its author was retired (active: false) on the roster of the commit's parent"},
	{access.RuleCase, "a case changed by someone not its manager or on its team (case managers and navigators)"},
	{access.RuleSupervisor, "a waiver or a committee's decision recorded, or a colleague's note voided, by someone not a supervisor"},
	{RuleUnsigned, "no signature, where access.require_signatures"},
	{RuleBadSignature, "the signature does not hold for the commit"},
	{RuleNotAuthor, "signed with a key that is not the author's on the roster: made in another member's name (--author)"},
	{RuleOrphanRoot, "a commit without a parent other than the store's first: a separate history merged in, whose first commit answered to no roster before it"},
	{RuleMergeDropsChange, "a merge keeps a record as it was before one side changed it (git merge -s ours): the change is gone while caseplan log still lists it"},
	{RuleReplaceRef, "a ref under refs/replace/ (git replace, or a git clone --mirror of a host it was pushed to): git log and git show print a forged commit under the real one's hash"},
	{RuleGrafts, ".git/info/grafts gives commits other parents in git's eyes, so git log hides the commits it cuts"},
}

// RuleSummary is what verify's rule id reports, in one line; "" for a
// rule verify does not have.
func RuleSummary(id string) string {
	for _, r := range Rules {
		if r.ID == id {
			return r.Summary
		}
	}
	return ""
}
