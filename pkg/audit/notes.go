package audit

import (
	"strconv"

	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
)

// The rules of what no commit may do to the records.
const (
	// RuleNoteChanged: a committed note was modified.
	RuleNoteChanged = "note-changed"
	// RuleNoteRemoved: a committed note was deleted (or moved).
	RuleNoteRemoved = "note-removed"
	// RuleNoteAuthor: a note was committed by someone other than the
	// staff member it names as its author.
	RuleNoteAuthor = "note-author"
	// RuleNoteCopied: a new note is the exact copy of a note committed
	// in another case: one participant's story in another's file.
	RuleNoteCopied = "note-copied"
)

// NoteCopiedFinding is the finding for a note added to a case at path
// that is byte for byte the note committed at from, in another case. A
// group note is the same note in several cases too, but all its copies
// are written by one commit (note add CASE CASE ...); a copy added later
// was not recorded with that session, so it is most often a file copied
// into the wrong case — a confidentiality risk, refused at commit.
func NoteCopiedFinding(path, from string) finding.Finding {
	id, _ := layout.CaseOf(path)
	other, _ := layout.CaseOf(from)
	return finding.Finding{
		Path: path, Severity: finding.Error, Rule: RuleNoteCopied, Case: id, FileLevel: true,
		Message: "the note is a copy of " + from + ", committed in case " + other + ": one participant's note in another's case; a group session's note is written into every case by one commit (caseplan note add CASE CASE ...), never copied in later",
		Hint:    "take the copy out: rm " + path + " (git rm -f " + path + " if it was added with git add); to record the session on case " + id + " as well, use caseplan note add " + id + " with its own text",
	}
}

// NoteAuthorFinding is the finding for a new note whose author is not the
// staff member committing it: the commit says who recorded the note, and
// the note who wrote it; the audit trail holds only if they agree.
// committing is set when the note is in the work tree, about to be
// committed; otherwise the commit is in history.
func NoteAuthorFinding(path, author, committer string, committing bool) finding.Finding {
	id, _ := layout.CaseOf(path)
	msg := "the note's author is " + quote(author) + ", but " + committer + " is committing it: a note is committed by its author; " + quote(author) + " commits it, or the note names " + committer
	if !committing {
		msg = "the note's author is " + quote(author) + ", but " + committer + " committed it: a note is committed by its author, so the audit trail cannot say who wrote this one"
	}
	return finding.Finding{Path: path, Severity: finding.Error, Rule: RuleNoteAuthor, Case: id, Message: msg}
}

func quote(s string) string { return strconv.Quote(s) }

// NoteEdit is a change to a file that some commit already holds.
type NoteEdit struct {
	Path    string // repository-relative
	Removed bool   // deleted (or moved away), rather than changed
	// AddedIn is the commit that added the note, when it is known; it is
	// named in the message.
	AddedIn string
	// MovedTo is where the same commit put a removed note's exact content
	// (a note file renamed, or its case directory), when it did.
	MovedTo string
	// ModeFrom and ModeTo are the note's file modes (100644, 100755)
	// before and after, when only its mode changed: its content is the
	// same, and the message says what did change.
	ModeFrom, ModeTo string
	// Committing is set when the edit is in the work tree, about to be
	// committed, so it can still be undone; otherwise it is in history.
	Committing bool
}

// IsNote reports whether a change to p is a change to a note. A case note
// is never edited after it is committed (001: corrections are amendment
// notes), at any depth under the case's notes/ directory.
func IsNote(p string) bool { return layout.IsNote(p) }

// NoteFinding is the finding for an edit of a committed note: an error
// under RuleNoteChanged or RuleNoteRemoved that names the note's case.
func NoteFinding(e NoteEdit) finding.Finding {
	rule, verb := RuleNoteChanged, "changed"
	if e.Removed {
		rule, verb = RuleNoteRemoved, "removed"
	}
	var msg string
	switch {
	case e.Committing && e.ModeTo != "":
		// The work tree puts back the mode a commit made with git
		// changed: a repair, not an edit, but one a new commit does not
		// make (a note's change stays reported whatever follows it), and
		// git checkout would bring back the mode caseplan refuses.
		msg = "the note is " + e.ModeFrom + " in HEAD, made so with git after it was committed (an audit breach caseplan verify reports as note-changed), and " + e.ModeTo + " again here, its content unchanged: committing the mode back would not repair it, as the change stays reported; the commit that changed the mode must leave the history: caseplan verify --full names it and says how (git reset --keep to the commit before it, in a clone that has it, and git push --force-with-lease where it was pushed); meanwhile chmod +x " + e.Path + " makes it match HEAD, so that caseplan commit takes your other edits"
	case e.Committing:
		msg = "a committed note may not be " + verb + "; restore it (git checkout -- " + e.Path + ") and record the correction with caseplan note amend"
	default:
		msg = "note " + verb + " after it was committed"
		if e.AddedIn != "" {
			msg += " in " + shortHash(e.AddedIn)
		}
		if e.Removed && e.MovedTo != "" {
			msg = "note moved to " + e.MovedTo + ", its content unchanged, after it was committed"
			if e.AddedIn != "" {
				msg += " in " + shortHash(e.AddedIn)
			}
			msg += "; a note stays at the path it was committed under: move it back (git mv " + e.MovedTo + " " + e.Path + ")"
		} else if e.ModeTo != "" {
			msg = "note's file mode changed from " + e.ModeFrom + " to " + e.ModeTo + ", its content unchanged, after it was committed"
			if e.AddedIn != "" {
				msg += " in " + shortHash(e.AddedIn)
			}
			msg += "; a note never changes, its mode included: the commit that changed it must leave the history (a revert would leave the change reported)"
		} else {
			msg += "; notes are append-only: correct one with an amendment note (caseplan note amend)"
		}
	}
	id, _ := layout.CaseOf(e.Path)
	return finding.Finding{Path: e.Path, Severity: finding.Error, Rule: rule, Case: id, Message: msg}
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
