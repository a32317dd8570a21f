package audit

import (
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
)

// The actions that write a case's sealed fields: setting them, and
// re-sealing them to the case's team. Every other command that changes a
// team or the roster re-seals the cases it concerns in the same commit,
// but only to the team as that commit leaves it (SealedHandEdit says how
// verify tells such a re-seal apart).
const (
	ActionSealedSet    = "case.sealed.set"
	ActionSealedReseal = "case.sealed.reseal"
)

// TrailerSealed names, on a caseplan commit, each case whose sealed.age
// it commits as a caseplan command wrote it with --no-commit: the commit's
// action is commit, yet the file is caseplan's, not a hand edit.
const TrailerSealed = "Caseplan-Sealed"

// IsSealingAction reports whether action writes sealed fields itself.
func IsSealingAction(action string) bool {
	return action == ActionSealedSet || action == ActionSealedReseal
}

// RuleSealedHandEdit: a case's sealed.age was added, changed or removed
// by something other than caseplan's sealing commands. caseplan commit
// refuses such an edit; verify reports a commit that made one. Nobody can
// check a sealed.age's content without a key, so a file changed by hand
// is found only when someone opens it, perhaps long after: the change is
// stopped, or named, where it is made.
const RuleSealedHandEdit = "sealed-hand-edit"

// SealedEdit is a change to a case's sealed.age that caseplan did not write.
type SealedEdit struct {
	Path    string // repository-relative, cases/<id>/sealed.age
	Added   bool   // new: the case had no sealed file
	Removed bool
	// Commit is the commit that made the change, when it is in history;
	// "" when it is in the work tree, about to be committed.
	Commit string
	// Action is the commit's Caseplan-Action ("" when it has none).
	Action string
	// Merge: the commit is a merge whose file is neither parent's.
	Merge bool
	// List: the recipients list beside it (sealed.recipients) is not
	// HEAD's either — pasted with the file, or changed — so the way back
	// names it too. Only for a change in the work tree.
	List bool
}

// SealedHandEdit is the finding for an edit of a sealed.age that no
// sealing command made: it says which command sets sealed fields and how
// to put the file back.
func SealedHandEdit(e SealedEdit) finding.Finding {
	id, _ := layout.CaseOf(e.Path)
	verb := "changed"
	switch {
	case e.Added:
		verb = "added"
	case e.Removed:
		verb = "removed"
	}
	f := finding.Finding{Path: e.Path, Severity: finding.Error, Rule: RuleSealedHandEdit, Case: id}
	if e.Commit == "" {
		files, what := e.Path, "the file"
		if e.List {
			files, what = e.Path+" "+layout.SealedRecipients(id), "the files"
		}
		f.Message = "the sealed fields' file was " + verb + " by hand: caseplan writes it only when sealed fields are set (caseplan case sealed set " + id + ") or re-sealed (caseplan case sealed reseal " + id + "), and nobody can check by hand what it holds"
		f.Hint = "put " + what + " back as committed (git checkout -- " + files + ", or git restore " + files + "), then set the fields with caseplan case sealed set " + id + " (--clear FIELD clears one)"
		if e.Added {
			f.Hint = "remove " + what + " (rm " + files + "), then set the fields with caseplan case sealed set " + id
			if e.List {
				f.Hint += ", which writes both"
			}
		}
		return f
	}
	action := "no Caseplan-Action"
	if e.Action != "" {
		action = "action " + e.Action
	}
	f.Commit = e.Commit
	what := "commit " + shortHash(e.Commit) + " (" + action + ") " + verb + " the case's sealed fields' file"
	if e.Merge {
		what = "merge " + shortHash(e.Commit) + " (" + action + ") " + verb + " the case's sealed fields' file, leaving it as neither of its parents had it"
	}
	f.Message = what + ", which only caseplan case sealed set and case sealed reseal write (and a change of the case's team, which re-seals it to the new team): it may not hold what was sealed, and nobody can tell without opening it: whoever can read the case opens it (caseplan case sealed show " + id + "); if it does not open, or holds what nobody set, seal again the fields as the commit before held them: caseplan case sealed set " + id + " --from " + shortHash(e.Commit) + "^"
	return f
}
