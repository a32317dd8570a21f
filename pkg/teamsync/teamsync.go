// Package teamsync keeps a team's clones of a store in step through a git
// host: it fetches what colleagues pushed, checks it with verify's rules,
// replays this clone's unpublished commits on top of it — merging a record
// both sides changed field by field and list item by ID — validates the
// result, pushes it, and brings the clone's branch, index and work tree
// along. The history stays linear, and nothing typed on either side is
// lost: a field both sides changed keeps the remote's value and reports
// the local one.
package teamsync

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/merge"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/schemas"
)

// RuleConflict is the rule ID of the finding that reports a value this
// clone had and the remote's replaced.
const RuleConflict = "sync-conflict"

// DefaultAttempts bounds how often sync fetches and replays again when
// others push between its fetch and its push.
const DefaultAttempts = 5

// Merger merges one file that a replayed commit and the remote both
// changed: base is the file in the commit's parent, ours in the commit,
// theirs on the remote (nil: absent on that side). It returns the merged
// file (nil: removed) and the values it could not keep.
type Merger func(path string, base, ours, theirs []byte) ([]byte, []FieldConflict, error)

// FieldConflict is one value both sides changed to different values: the
// remote's was kept, this clone's is reported.
type FieldConflict struct {
	Field string // where, in the record's words: goals[G-7QX2K].text
	Line  int    // the kept value's line in the merged file, or 0
	// Column is the kept value's column on Line (1-based, as every
	// finding's: a finding at a line has a column), or 0 with Line.
	Column int
	Kept   string // the remote's value, as YAML
	Local  string // this clone's value, as YAML; "" when it removed the item
	// Comment says Local is a comment this clone added that the merge,
	// which merges values, could not keep.
	Comment bool
	// Layout says that this clone's commit changed only the file's
	// layout (quoting, key order, spacing), none of its values, and the
	// merge, which merges values, could not keep it.
	Layout bool
	// ValuesToo says, with Layout, that the commit changed values of
	// the file too: they were merged, only the layout was not kept.
	ValuesToo bool
	// At is where in the record, as pkg/merge names it (["goals",
	// "G-7QX2K", "target"]); nil for a comment or a whole file. It finds
	// the remote's commit that set the kept value.
	At []string
	// Why says why a whole file was not merged value by value, where it
	// is not plain (sealed fields that could not be opened or sealed
	// again); "" otherwise. It never holds a sealed value.
	Why string
	// Sealed names, for a case's sealed files left whole, the sealed
	// fields this clone's commit set or cleared (never a value), when
	// its own versions opened and only the remote's did not; nil
	// otherwise.
	Sealed []string
	// Removed says that one side removed the file the other changed
	// (RemovedHere, RemovedOnRemote): the side that changed it is kept
	// whole, whichever it is — unless, with Layout, this clone changed
	// only its layout, and the removal is kept; "" otherwise.
	Removed string
}

// The sides that remove a file the other side changed
// (FieldConflict.Removed).
const (
	RemovedHere     = "here"   // this clone removed it: the remote's version is kept
	RemovedOnRemote = "remote" // the remote removed it: this clone's version is kept
)

// Conflict is a FieldConflict with where it happened.
type Conflict struct {
	FieldConflict
	Path        string
	LocalCommit plumbing.Hash // the clone's commit, kept under refs/caseplan/conflicts/
	LocalAuthor string
	// RemoteCommit is the remote's last commit that set the kept value
	// (for a comment or a whole file: that changed the file).
	RemoteCommit plumbing.Hash
	RemoteAuthor string
	// Notes are the notes this clone's commit wrote with a closure or
	// reopening the merge left out (merge.WhyClosedTwice,
	// WhyReopenedTwice): sent, and never removed, they are named with
	// the void that stops them counting.
	Notes []string
}

// Finding reports the conflict as a finding (a warning: the store is
// valid, and the local value is in the message and in the kept commit).
func (c Conflict) Finding() finding.Finding {
	local := "removed it"
	if c.Local != "" {
		local = fmt.Sprintf("had %s", c.Local)
	}
	id, inCase := layout.CaseOf(c.Path)
	// How to see this clone's version: git shows a record; sealed fields
	// are ciphertext to git, and only caseplan opens them.
	see := fmt.Sprintf("git show %s:%s", short(c.LocalCommit), c.Path)
	if inCase && path.Base(c.Path) == layout.SealedFile {
		see = fmt.Sprintf("caseplan case sealed show %s --at %s", id, short(c.LocalCommit))
	}
	why := ""
	if c.Why != "" {
		why = " (" + c.Why + ")"
	}
	f := finding.Finding{
		Path: c.Path, Line: c.Line, Column: c.Column, Severity: finding.Warning, Rule: RuleConflict,
		Commit: c.LocalCommit.String(),
		Message: fmt.Sprintf("%s was changed on both sides%s: kept %s from the remote (%s, commit %s); this clone %s (%s), still in its commit: %s; to use it, set it again: %s",
			c.Field, why, c.Kept, c.RemoteAuthor, short(c.RemoteCommit), local, c.LocalAuthor, see, setAgain(c.Path, c.Line, c.At, c.Local)),
	}
	switch c.Removed {
	case RemovedHere:
		f.Message = fmt.Sprintf("the file was removed in this clone (%s, commit %s) and changed on the remote (%s, commit %s): the remote's version is kept, so that its change is not lost; if the file is to go, remove it again and run caseplan commit",
			c.LocalAuthor, short(c.LocalCommit), c.RemoteAuthor, short(c.RemoteCommit))
	case RemovedOnRemote:
		f.Message = fmt.Sprintf("the file was removed on the remote (%s, commit %s) and changed in this clone (%s, commit %s): this clone's version is kept, so that its change is not lost; if the file is to go, remove it again and run caseplan commit",
			c.RemoteAuthor, short(c.RemoteCommit), c.LocalAuthor, short(c.LocalCommit))
	}
	if c.Comment {
		f.Message = fmt.Sprintf("the comment %q this clone added (%s) was not kept: the remote changed the file too (%s, commit %s), and sync merges values, not comments; it is still in its commit: %s; to keep it, add it again and run caseplan commit",
			c.Local, c.LocalAuthor, c.RemoteAuthor, short(c.RemoteCommit), see)
	}
	if c.Layout && c.Removed == RemovedOnRemote {
		f.Message = fmt.Sprintf("the file was removed on the remote (%s, commit %s), and this clone changed only its layout or comments (%s, commit %s; its values unchanged): the removal is kept, as sync merges values, not layout; this clone's version is still in its commit: %s; if the file is to stay, make it again and run caseplan commit",
			c.RemoteAuthor, short(c.RemoteCommit), c.LocalAuthor, short(c.LocalCommit), see)
	} else if c.Layout && c.ValuesToo {
		f.Message = fmt.Sprintf("the layout this clone gave the file (%s: quoting, key order or spacing, in a commit that changed values too) was not kept: the remote changed the file too (%s, commit %s), and sync merges values, not layout; the values were merged; the layout is still in its commit: %s; to keep it, make it again and run caseplan commit",
			c.LocalAuthor, c.RemoteAuthor, short(c.RemoteCommit), see)
	} else if c.Layout {
		f.Message = fmt.Sprintf("the layout this clone gave the file (%s: quoting, key order or spacing; its values unchanged) was not kept: the remote changed the file too (%s, commit %s), and sync merges values, not layout; it is still in its commit: %s; to keep it, make it again and run caseplan commit",
			c.LocalAuthor, c.RemoteAuthor, short(c.RemoteCommit), see)
	}
	if len(c.Notes) > 0 {
		what := "closure"
		if c.Why == merge.WhyReopenedTwice {
			what = "reopening"
		}
		for _, n := range c.Notes {
			f.Message += fmt.Sprintf("; the note this clone wrote with its %s, %s, was sent, and a note is never removed: if the kept %s stands, void it: caseplan note amend %s %s --void --content \"this %s is not on record: sync kept the other\"",
				what, n, what, id, n, what)
		}
	}
	if f.Line > 0 {
		// A finding at a line has a 1-based column, in -o json as in
		// the text's path:line:col.
		f.Column = max(c.Column, 1)
	}
	if inCase {
		f.Case = id
	}
	return f
}

// caseSetFlags are the intake fields caseplan case set sets, by their
// place in the record, with its flag for each.
var caseSetFlags = map[string]string{
	"participant.name": "--name", "participant.preferred_name": "--preferred-name",
	"participant.phone": "--phone", "participant.email": "--email", "participant.address": "--address",
	"participant.language": "--language", "participant.best_times": "--best-times",
	"layoff.position": "--position", "layoff.grade": "--grade", "layoff.fte": "--fte", "layoff.department": "--department",
}

// planCommand is the command that writes a field of a plan item, and
// the flag that sets the field.
type planCommand struct{ cmd, flag string }

// planFields are the fields of the records the plan commands write (iep,
// ref, service), by record kind and their place in the record as
// pkg/merge names it, an item's ID given as "*", with the command that
// sets each: the last ID of the place is the one the command takes (an
// objective's or a milestone's own, not its goal's). A field not here
// (a list, such as an objective's services) is set again by hand.
var planFields = map[string]map[string]planCommand{
	layout.KindIEP: {
		"vision":                    {"iep set", "--vision"},
		"employment_goal":           {"iep set", "--employment-goal"},
		"goals.*.text":              {"iep goal update", "--text"},
		"goals.*.term":              {"iep goal update", "--term"},
		"goals.*.target":            {"iep goal update", "--target"},
		"goals.*.status":            {"iep goal status", "--status"},
		"goals.*.objectives.*.text": {"iep objective update", "--text"},
		"goals.*.milestones.*.text": {"iep milestone update", "--text"},
		"goals.*.milestones.*.due":  {"iep milestone update", "--due"},
		"goals.*.milestones.*.done": {"iep milestone done", "--date"},
		"services.*.name":           {"iep service update", "--name"},
		"services.*.code":           {"iep service update", "--code"},
		"services.*.provider":       {"iep service update", "--provider"},
		"services.*.start":          {"iep service update", "--start"},
		"services.*.end":            {"iep service update", "--end"},
		"next_steps.*.text":         {"iep step update", "--text"},
		"next_steps.*.owner":        {"iep step update", "--owner"},
		"next_steps.*.due":          {"iep step update", "--due"},
		"next_steps.*.done":         {"iep step done", "--date"},
		"job_targets.*.title":       {"iep target update", "--title"},
		"job_targets.*.job_family":  {"iep target update", "--job-family"},
		"job_targets.*.grade_min":   {"iep target update", "--grade-min"},
		"job_targets.*.grade_max":   {"iep target update", "--grade-max"},
		"job_targets.*.scope":       {"iep target update", "--scope"},
		"skill_plan.*.course":       {"iep course update", "--course"},
		"skill_plan.*.provider":     {"iep course update", "--provider"},
		"skill_plan.*.start":        {"iep course update", "--start"},
		"skill_plan.*.end":          {"iep course update", "--end"},
		"skill_plan.*.status":       {"iep course status", "--status"},
	},
	layout.KindReferences: {
		"references.*.name":         {"ref update", "--name"},
		"references.*.title":        {"ref update", "--title"},
		"references.*.organization": {"ref update", "--organization"},
		"references.*.relationship": {"ref update", "--relationship"},
		"references.*.phone":        {"ref update", "--phone"},
		"references.*.email":        {"ref update", "--email"},
		"references.*.permission":   {"ref update", "--permission"},
		"references.*.briefed":      {"ref update", "--briefed"},
	},
	layout.KindServices: {
		"referrals.*.status": {"service update", "--status"},
	},
}

// planSetAgain is the plan command that sets field of a case's record of
// kind to this clone's value (local, as YAML): e.g. caseplan iep goal
// update W-001 G-7QX2K --text '...'. False when no command writes the
// field, or this clone's value is no scalar or was removed (the commands
// set values; they do not take one out).
func planSetAgain(id, kind string, field []string, local string) (string, bool) {
	pattern, item := make([]string, len(field)), ""
	for i, f := range field {
		pattern[i] = f
		if i%2 == 1 {
			// The places alternate a list's name and an item's ID.
			pattern[i], item = "*", f
		}
	}
	c, ok := planFields[kind][strings.Join(pattern, ".")]
	// An item without an ID is named by its key fields' values
	// (pkg/merge), which the commands do not take.
	if !ok || local == "" || strings.ContainsAny(item, " ,") {
		return "", false
	}
	v, ok := scalar(local)
	if !ok {
		return "", false
	}
	args := id
	if item != "" {
		args += " " + item
	}
	return fmt.Sprintf("caseplan %s %s %s %s", c.cmd, args, c.flag, display.ShellQuote(v)), true
}

// setAgain says how to set a value of the file at p again: with the
// command that writes that record — for an intake field case set takes,
// or a plan item's field (planFields), that command with this clone's
// value (local, as YAML; "" when this clone removed it), at being where
// in the record it is — else by hand and caseplan commit. line is the
// kept value's line, or 0.
func setAgain(p string, line int, field []string, local string) string {
	at := ""
	if line > 0 {
		at = fmt.Sprintf(", line %d", line)
	}
	id, inCase := layout.CaseOf(p)
	kind, _ := layout.KindOf(p)
	if flag, ok := caseSetFlags[strings.Join(field, ".")]; ok && inCase && kind == layout.KindIntake {
		if v, ok := scalar(local); ok {
			return fmt.Sprintf("caseplan case set %s %s %s", id, flag, display.ShellQuote(v))
		}
	}
	if inCase {
		if cmd, ok := planSetAgain(id, kind, field, local); ok {
			return cmd
		}
	}
	switch {
	case inCase && layout.IsSealedName(path.Base(p)):
		// sealed.recipients follows sealed.age: setting the fields again
		// writes both. A field's flag is named, never this clone's value:
		// it is sealed, and a message is not.
		if len(field) == 1 && slices.Contains(sealed.Names, field[0]) {
			if local == "" {
				return fmt.Sprintf("caseplan case sealed set %s --clear %s", id, sealedFlag(field[0]))
			}
			return fmt.Sprintf("caseplan case sealed set %s %s VALUE", id, "--"+sealedFlag(field[0]))
		}
		return fmt.Sprintf("caseplan case sealed set %s", id)
	case inCase && slices.Contains(layout.SingleKinds(), kind):
		return fmt.Sprintf("caseplan edit %s %s%s", id, kind, at)
	}
	return fmt.Sprintf("edit %s%s and run caseplan commit", p, at)
}

// sealedFlag is the flag of case sealed set that sets a sealed field:
// date_of_birth is --date-of-birth.
func sealedFlag(field string) string { return strings.ReplaceAll(field, "_", "-") }

// scalar returns the value of a YAML scalar given as YAML text ("" for
// none); false for a list or a mapping.
func scalar(text string) (string, bool) {
	if text == "" {
		return "", true
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte(text), &n) != nil || len(n.Content) != 1 || n.Content[0].Kind != yaml.ScalarNode {
		return "", false
	}
	return n.Content[0].Value, true
}

// Options are a sync's inputs.
type Options struct {
	Repo   *gitstore.Repo
	Remote *gitstore.Remote
	// Merge merges a record file both sides changed.
	Merge Merger
	// Schemas and Today validate the merged result.
	Schemas *schemas.Validator
	Today   time.Time
	// Attempts bounds the fetch-replay-push rounds (DefaultAttempts when 0).
	Attempts int
	// LockWait is how long to wait for another caseplan process.
	LockWait time.Duration
	// OnRetry, when set, is told that a push lost the race and sync is
	// trying again.
	OnRetry func(attempt int)
	// Progress, when set, is told how far each check of a history with
	// verify's rules has come (done of total commits): the first sync of
	// a clone checks the whole history, minutes at 50,000 commits.
	Progress func(done, total int)
	// Signer is the signing key of the person syncing, whose email is
	// SignerEmail, or nil. A replay changes every copied commit's parent,
	// which its signature covers, so the copy needs a new one: the copies
	// of that person's own commits are signed with their key (the same
	// key as the original's, the same author). A signed commit by anyone
	// else cannot be signed anew here, and the sync is refused
	// (ResignError); an unsigned one stays unsigned, for verify to judge
	// as it would the original. README, Confidentiality.
	Signer      git.Signer
	SignerEmail string
	// Identities are the age identities of the person syncing. A case's
	// sealed fields both sides changed are merged field by field when
	// they open all three versions (the base, this clone's, the
	// remote's), and re-sealed to the case's team; else the remote's file
	// stays whole and this clone's is reported.
	Identities []age.Identity
	// Critical, when set, runs the part of the sync that moves this
	// clone's branch, index and work tree, so that an interrupt waits for
	// it to finish (a write's own protection, casework.Options.Critical);
	// nil runs it plainly.
	Critical func(func() error) error
}

// ResignError refuses a sync that would have to replay a signed commit by
// someone other than the person syncing: only its author's key can sign
// the copy, and a copy without a signature would be reported by verify
// (or refused by sync itself) where signatures are required.
type ResignError struct {
	Commit plumbing.Hash
	Author string // "Name <email>"
}

func (e *ResignError) Error() string {
	return fmt.Sprintf("commit %s is signed by its author, %s; replayed onto the remote's new commits, its copy needs a new signature, which only their key can make, and it is not here",
		e.Commit.String()[:12], e.Author)
}

// replaySigner signs the copies a replay makes as Options.Signer says.
func (o Options) replaySigner(c *object.Commit) (git.Signer, error) {
	if o.Signer != nil && strings.EqualFold(strings.TrimSpace(c.Author.Email), strings.TrimSpace(o.SignerEmail)) {
		return o.Signer, nil
	}
	if c.PGPSignature != "" {
		return nil, &ResignError{Commit: c.Hash, Author: c.Author.Name + " <" + c.Author.Email + ">"}
	}
	return nil, nil
}

// Result is what a sync did.
type Result struct {
	Branch string
	// Head is the branch's commit after the sync, the remote's as well.
	Head plumbing.Hash
	// Received is the number of commits taken from the remote, Sent the
	// number of this clone's commits published, Dropped those of this
	// clone's commits whose changes the remote had already, Overruled
	// those left with nothing to change because every value they set lost
	// a conflict (their values are in Conflicts).
	Received, Sent, Dropped, Overruled int
	// AlreadySent are those of this clone's commits left with nothing to
	// change because the remote holds their copies already: an earlier
	// sync pushed them and was stopped before it moved this clone's
	// branch. They are counted neither in Dropped (nobody else made their
	// change) nor, their copies being this clone's own, in Received.
	AlreadySent int
	// Replayed: this clone's commits had to be copied onto the remote's
	// (their hashes changed); false when they went as they were.
	Replayed  bool
	Conflicts []Conflict
	Attempts  int
	// Pushed: the remote's branch was moved.
	Pushed bool
	// Renamed are the notes of this clone that the remote had under the
	// same ID with other content: each took a new ID before it was sent.
	Renamed []NoteRename
	// Warnings are the warnings the cases the replay touched have after
	// it that neither side had (casework.CheckMerged): this clone's work
	// meeting the remote's, such as an activity logged on a day a
	// colleague's closing of the case now comes before. The write
	// command would have refused some of them; sync sends the work,
	// which was done, and says so, since nobody saw them when they wrote.
	Warnings []finding.Finding
}

// RefusedError is a sync refused because what it would accept breaks the
// audit trail (the remote's history, or this clone's commits as they would
// be published) or the records (the merged result). Nothing changed in
// the clone or on the remote.
type RefusedError struct {
	Incoming bool // the remote's history was refused
	Outgoing bool // this clone's own commits break the audit trail
	// AfterRemote: this clone's commits are sound on their own, and only
	// on top of the remote's — which changed the roster, a role or a
	// case's team since — do they break the audit trail. The findings
	// name this clone's commits, not the copies the replay made.
	AfterRemote bool
	// Remote is the remote's commit the refused sync fetched (set with
	// AfterRemote): the one to reset this clone to if its commits are
	// given up.
	Remote plumbing.Hash
	// FirstBad and LastGood (set with Incoming, when the findings all
	// name commits of the remote's first-parent line after the last
	// commit this clone synced): the oldest commit the findings name, and
	// its parent — where the remote's branch goes back to so that the
	// office can sync again, losing only what is to be redone anyway.
	FirstBad, LastGood plumbing.Hash
	Branch             string // the branch synced, with LastGood
	// Kept (set with AfterRemote) is the ref under which this clone's
	// refused commits stay reachable, so that taking them out of the
	// branch (the way out RefusedError's caller names) does not leave
	// them to git gc: the notes in them are a case manager's work.
	Kept plumbing.ReferenceName
	// Unsent are all of this clone's commits the sync tried to send,
	// oldest first. With AfterRemote, the reset that takes the refused
	// ones out takes these out too, and the refusal names those the
	// findings do not, which are to be redone as well. With Incoming,
	// they are held back until the remote's history is repaired, which
	// the refusal says, lest their author think them shared (when the
	// remote was rewritten, they include commits this clone synced that
	// the remote lost).
	Unsent []plumbing.Hash
	// Base (set with Outgoing) is the last commit this clone shares with
	// the remote: resetting to it, keeping the work tree, is how the
	// refused commits are redone.
	Base plumbing.Hash
	// Local (set with Base) is this clone's commit the refused sync
	// started from: Base..Local are the commits to redo.
	Local plumbing.Hash
	// Dropped (set with AfterRemote) are the commits of Unsent that the
	// replay left with nothing to change, oldest first: the remote's
	// commits do not allow them, they are not in it — their change is
	// lost to a conflict, or the remote has it already — and so the
	// refusal must not call them commits the remote still allows.
	Dropped  []DroppedCommit
	Findings []finding.Finding
}

// DroppedCommit is one of this clone's commits that a replay left with
// nothing to change.
type DroppedCommit struct {
	Commit plumbing.Hash // this clone's own commit
	// Lost are the conflicts that took its changes, each the remote's
	// value kept over this clone's; none when the remote had its changes
	// already (a colleague made them too, or an earlier sync sent them).
	Lost []Conflict
}

// Why says why the replay dropped d, and how its changes are seen and
// made again, reading them from kept (the ref the refused commits stay
// under, or the commit itself when ""): which file, and which sealed
// fields, never a value — a sealed one is read back with caseplan case
// sealed show, as long as the reader's key opens this clone's version.
func (d DroppedCommit) Why(kept string) string {
	if kept == "" {
		kept = d.Commit.String()
	}
	if len(d.Lost) == 0 {
		return fmt.Sprintf("Commit %s was dropped, not sent: the remote's commits already make its changes", short(d.Commit))
	}
	var lost []string
	var sealedDirs []string
	for _, c := range d.Lost {
		id, inCase := layout.CaseOf(c.Path)
		if inCase && layout.IsSealed(c.Path) {
			// The ciphertext and its recipients list are one change:
			// said once, by the case.
			if slices.Contains(sealedDirs, path.Dir(c.Path)) {
				continue
			}
			sealedDirs = append(sealedDirs, path.Dir(c.Path))
			what := "the sealed fields of " + id
			again := fmt.Sprintf("caseplan case sealed set %s", id)
			if len(c.Sealed) > 0 {
				what = fmt.Sprintf("%s's sealed field(s) %s", id, strings.Join(c.Sealed, ", "))
				var flags []string
				for _, name := range c.Sealed {
					flags = append(flags, "--"+sealedFlag(name)+" VALUE")
				}
				again += " " + strings.Join(flags, " ")
			}
			why := ""
			if c.Why != "" {
				why = " (" + c.Why + ")"
			}
			lost = append(lost, fmt.Sprintf("what it set of %s could not be kept%s, so the remote's fields stand; caseplan case sealed show %s --at %s shows what you set, while your age identity still opens your own version, and someone who may set it again does so: %s", what, why, id, kept, again))
			continue
		}
		// A record's value is said as its sync-conflict says it
		// (Conflict.Finding): it is not sealed.
		lost = append(lost, fmt.Sprintf("its change to %s of %s was lost to the remote's (git show %s:%s shows it; to use it, set it again: %s)", c.Field, c.Path, kept, c.Path, setAgain(c.Path, c.Line, c.At, c.Local)))
	}
	return fmt.Sprintf("Commit %s was dropped, not sent: %s", short(d.Commit), strings.Join(lost, "; "))
}

func (e *RefusedError) Error() string {
	n, _ := finding.Count(e.Findings)
	switch {
	case e.Incoming:
		return fmt.Sprintf("refused the remote's history: %d finding(s) break the audit trail; nothing changed here", n)
	case e.AfterRemote:
		return fmt.Sprintf("refused: this clone's unpublished commits are no longer allowed on top of the remote's (%d finding(s)); nothing was sent", n)
	case e.Outgoing:
		return fmt.Sprintf("refused: this clone's unpublished commits break the audit trail (%d finding(s)); nothing was sent", n)
	}
	return fmt.Sprintf("refused: merging this clone's commits with the remote's would leave %d error(s); nothing changed", n)
}

// refusedRefs is where this clone's commits a sync refused stay, each
// under the hash of the clone's commit that was the branch's tip.
const refusedRefs = "refs/caseplan/refused/"

// ErrUnrelated: the clone and the remote have no commit in common.
var ErrUnrelated = errors.New("the remote's history has no commit in common with this clone's")

// ErrTooManyAttempts: others kept pushing between fetch and push.
var ErrTooManyAttempts = errors.New("the remote kept moving while sync was pushing")

// Sync brings the clone and the remote's branch of the same name to one
// commit. See the package comment for the steps.
func Sync(ctx context.Context, o Options) (*Result, error) {
	repo := o.Repo
	if o.Attempts == 0 {
		o.Attempts = DefaultAttempts
	}
	// The whole sync holds the store's lock: no caseplan write can land on
	// the branch between the replay and the move.
	unlock, err := repo.Lock(lockWait(o.LockWait))
	if err != nil {
		return nil, err
	}
	defer unlock()
	if u := repo.Unfinished(); u != nil {
		return nil, u
	}
	branch, err := repo.Branch()
	if err != nil {
		return nil, err
	}
	res := &Result{Branch: branch}
	anchorName := gitstore.AnchorSynced(o.Remote.Name)
	if o.Remote.Name == "" {
		anchorName = gitstore.AnchorSynced("url")
	}
	synced, err := repo.Anchor(anchorName)
	if err != nil {
		return nil, err
	}
	local, err := repo.Head()
	if err != nil {
		return nil, err
	}

	for attempt := 1; ; attempt++ {
		res.Attempts = attempt
		remote, err := repo.Fetch(ctx, o.Remote, branch)
		if err != nil {
			return nil, err
		}
		p, err := plan(repo, local, remote)
		if err != nil {
			return nil, err
		}
		// Everything after the last commit both sides agreed on is
		// checked with verify's rules before anything is accepted: the
		// remote's commits, and this clone's as they will be published.
		if !remote.IsZero() {
			if err := checkHistory(repo, remote, synced, true, o.Progress); err != nil {
				var refused *RefusedError
				if errors.As(err, &refused) {
					if err := refused.findLastGood(repo, remote, synced); err != nil {
						return nil, err
					}
					refused.Remote, refused.Branch = remote, branch
					refused.Unsent = slices.Clone(p.mine)
				}
				return nil, err
			}
		}
		head := local
		var conflicts []Conflict
		var done []gitstore.Replayed
		var droppedCommits []DroppedCommit // done's that the replay left empty
		res.Replayed, res.Dropped, res.AlreadySent, res.Renamed, res.Warnings = false, 0, 0, nil, nil
		switch {
		case len(p.mine) == 0:
			head = remote // nothing of ours: a fast-forward (or nothing)
		case p.base == remote:
			// Ours are on top of the remote's already: they go as they are.
		default:
			r := &replayer{repo: repo, merge: o.Merge, remote: remote, base: p.base, ids: o.Identities}
			// A note both sides made under one ID takes a new one here
			// first: the replay then copies commits that add it under
			// that ID. orig maps those rewritten commits back to this
			// clone's own.
			commits := p.mine
			orig := map[plumbing.Hash]plumbing.Hash{}
			if res.Renamed, err = renameNotes(repo, local, remote, p.mine); err != nil {
				return nil, err
			}
			if len(res.Renamed) > 0 {
				rewritten, err := rewriteRenamed(repo, p.mine, res.Renamed)
				if err != nil {
					return nil, err
				}
				commits = commits[:0:0]
				for _, rw := range rewritten {
					commits = append(commits, rw.New)
					orig[rw.New] = rw.Old
				}
			}
			original := func(h plumbing.Hash) plumbing.Hash {
				if o, ok := orig[h]; ok {
					return o
				}
				return h
			}
			if head, done, err = repo.Replay(remote, commits, r.mergeFile, gitstore.ReplayOptions{
				// A rewritten commit is signed as this clone's own would
				// be: it is that commit, its note renamed.
				Sign: func(c *object.Commit) (git.Signer, error) {
					oc, err := object.GetCommit(repo.Git().Storer, original(c.Hash))
					if err != nil {
						return nil, err
					}
					return o.replaySigner(oc)
				},
				// A case's ciphertext and its recipients list describe each
				// other: when the ciphertext cannot be merged, both stay as
				// the remote has them.
				Together: func(p string) string {
					if layout.IsSealed(p) {
						return path.Dir(p)
					}
					return ""
				},
				MergeTogether: r.mergeSealed,
				Message:       r.message,
			}); err != nil {
				var twice *OpenedTwiceError
				if errors.As(err, &twice) {
					twice.Remote = remote
				}
				return nil, err
			}
			conflicts = r.conflicts
			res.Replayed = true
			res.Overruled = 0
			var dropped []plumbing.Hash
			for _, d := range done {
				if !d.New.IsZero() {
					continue
				}
				if slices.ContainsFunc(conflicts, func(c Conflict) bool { return c.LocalCommit == d.Old }) {
					res.Overruled++
				} else {
					dropped = append(dropped, d.Old)
				}
			}
			sent, err := copiesOnRemote(repo, remote, p.base, dropped)
			if err != nil {
				return nil, err
			}
			res.AlreadySent, res.Dropped = sent, len(dropped)-sent
			// From here on, this clone's commits are named as its branch
			// has them: a conflict's commit is kept and shown, a refusal
			// names what to redo.
			for i := range done {
				done[i].Old = original(done[i].Old)
			}
			for i := range r.conflicts {
				r.conflicts[i].LocalCommit = original(r.conflicts[i].LocalCommit)
			}
			conflicts = r.conflicts
			for _, d := range done {
				if !d.New.IsZero() {
					continue
				}
				dc := DroppedCommit{Commit: d.Old}
				for _, c := range conflicts {
					if c.LocalCommit == d.Old {
						dc.Lost = append(dc.Lost, c)
					}
				}
				droppedCommits = append(droppedCommits, dc)
			}
			cases, err := changedCases(repo, p.base, local)
			if err != nil {
				return nil, err
			}
			bad, warnings, err := casework.CheckMerged(repo, o.Schemas, o.Today, cases, []plumbing.Hash{remote, local}, head)
			if err != nil {
				return nil, err
			}
			if len(bad) > 0 {
				return nil, &RefusedError{Findings: bad}
			}
			res.Warnings = warnings
		}
		if head != remote {
			if err := checkHistory(repo, head, remote, false, o.Progress); err != nil {
				var refused *RefusedError
				if errors.As(err, &refused) {
					refused.Base, refused.Local = p.base, local
				}
				if errors.As(err, &refused) && res.Replayed {
					if err := refused.nameOriginals(repo, done, local, p.base, remote); err != nil {
						return nil, err
					}
					if refused.AfterRemote {
						refused.Dropped = droppedCommits
						refused.Kept = plumbing.ReferenceName(refusedRefs + local.String())
						if err := repo.Git().Storer.SetReference(plumbing.NewHashReference(refused.Kept, local)); err != nil {
							return nil, err
						}
					}
				}
				return nil, err
			}
		}
		// A hand edit the move would overwrite refuses the sync before
		// anything is published.
		if err := repo.CheckAdvance(local, head); err != nil {
			return nil, err
		}
		if head != remote {
			err := repo.Push(ctx, o.Remote, branch, remote, head)
			if errors.Is(err, gitstore.ErrRemoteMoved) {
				if attempt >= o.Attempts {
					return nil, fmt.Errorf("%w: gave up after %d attempts", ErrTooManyAttempts, attempt)
				}
				if o.OnRetry != nil {
					o.OnRetry(attempt)
				}
				continue
			}
			if err != nil {
				return nil, err
			}
			res.Pushed = true
		} else if err := repo.UpdateTracking(o.Remote, branch, remote); err != nil {
			return nil, err
		}
		for _, c := range conflicts {
			// The clone's own commit stays reachable, so its value can be
			// read back with git show whatever happens to the branch.
			ref := plumbing.ReferenceName("refs/caseplan/conflicts/" + c.LocalCommit.String())
			if err := repo.Git().Storer.SetReference(plumbing.NewHashReference(ref, c.LocalCommit)); err != nil {
				return nil, err
			}
		}
		critical := o.Critical
		if critical == nil {
			critical = func(fn func() error) error { return fn() }
		}
		if err := critical(func() error {
			if err := repo.Advance(local, head, lockWait(o.LockWait)); err != nil {
				return err
			}
			for _, name := range []string{anchorName, gitstore.AnchorVerified} {
				if err := repo.SetAnchor(name, head); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if !remote.IsZero() {
			in, err := history.Range(repo.Git().Storer, remote, local)
			if err != nil {
				return nil, err
			}
			res.Received = len(in) - res.AlreadySent
		}
		if res.Pushed {
			res.Sent = len(p.mine) - res.Dropped - res.Overruled - res.AlreadySent
		}
		res.Head, res.Conflicts = head, conflicts
		return res, nil
	}
}

// copiesOnRemote counts the commits of dropped (this clone's, which the
// replay left with nothing to change) whose copies the remote's commits
// after base are: a sync that pushed its replay and was stopped before it
// moved this clone's branch leaves the originals here and the copies
// there. A copy keeps its commit's author, author date and message,
// plus a Caseplan-Overruled trailer per value it lost; a colleague who
// made the same change made another commit.
func copiesOnRemote(repo *gitstore.Repo, remote, base plumbing.Hash, dropped []plumbing.Hash) (int, error) {
	if len(dropped) == 0 {
		return 0, nil
	}
	s := repo.Git().Storer
	theirs, err := history.Range(s, remote, base)
	if err != nil {
		return 0, err
	}
	copies := map[string]int{}
	for _, h := range theirs {
		c, err := object.GetCommit(s, h)
		if err != nil {
			return 0, err
		}
		copies[copyKey(c.Author, withoutOverruled(c.Message))]++
	}
	n := 0
	for _, h := range dropped {
		c, err := object.GetCommit(s, h)
		if err != nil {
			return 0, err
		}
		if k := copyKey(c.Author, withoutOverruled(c.Message)); copies[k] > 0 {
			copies[k]--
			n++
		}
	}
	return n, nil
}

// copyKey is what a replayed copy keeps of its commit: the author, the
// author date (to the second, as git records it) and the message.
func copyKey(author object.Signature, msg string) string {
	return fmt.Sprintf("%s\x00%s\x00%d\x00%s", author.Name, author.Email, author.When.Unix(), msg)
}

func trimMessage(msg string) string {
	return strings.TrimRight(strings.ReplaceAll(msg, "\r\n", "\n"), "\n")
}

// withoutOverruled is a copy's message without the Caseplan-Overruled
// trailers the replay added (audit.AddTrailers), nor the blank line it
// put before them when the message had no trailers.
func withoutOverruled(msg string) string {
	lines := strings.Split(trimMessage(msg), "\n")
	end := len(lines)
	for end > 1 && strings.HasPrefix(lines[end-1], audit.TrailerOverruled+": ") {
		end--
	}
	if end < len(lines) {
		for end > 1 && strings.TrimSpace(lines[end-1]) == "" {
			end--
		}
	}
	return strings.Join(lines[:end], "\n")
}

func lockWait(d time.Duration) time.Duration {
	if d == 0 {
		return gitstore.DefaultLockWait
	}
	return d
}

// syncPlan is how the clone's history relates to the remote's.
type syncPlan struct {
	// mine are the clone's commits the remote lacks, oldest first, along
	// the first-parent line; base is the commit they start from.
	mine []plumbing.Hash
	base plumbing.Hash
}

func plan(repo *gitstore.Repo, local, remote plumbing.Hash) (*syncPlan, error) {
	s := repo.Git().Storer
	only, err := history.Range(s, local, remote)
	if err != nil {
		return nil, err
	}
	onlyMine := make(map[plumbing.Hash]bool, len(only))
	for _, h := range only {
		onlyMine[h] = true
	}
	p := &syncPlan{}
	h := local
	for onlyMine[h] {
		p.mine = append(p.mine, h)
		c, err := object.GetCommit(s, h)
		if err != nil {
			return nil, err
		}
		if len(c.ParentHashes) == 0 {
			h = plumbing.ZeroHash
			break
		}
		h = c.ParentHashes[0]
	}
	slices.Reverse(p.mine)
	p.base = h
	if p.base.IsZero() && !remote.IsZero() && len(p.mine) > 0 {
		return nil, ErrUnrelated
	}
	return p, nil
}

// checkHistory verifies the commits of head after since (every commit
// when since is zero), and, for the remote's history, that it still holds
// since — the last commit this clone synced.
func checkHistory(repo *gitstore.Repo, head, since plumbing.Hash, incoming bool, progress func(done, total int)) error {
	opts := history.VerifyOptions{Since: since, Progress: progress}
	if incoming {
		opts.Anchor = since
		if !since.IsZero() {
			if _, err := object.GetCommit(repo.Git().Storer, since); err != nil {
				opts.Since = plumbing.ZeroHash
			}
		}
	}
	fs, _, err := history.Verify(repo.Git(), head, opts)
	if err != nil {
		return err
	}
	if history.Rewritten(fs) && !opts.Since.IsZero() {
		// What disappeared is named; check the rest as a whole history.
		opts.Since = plumbing.ZeroHash
		more, _, err := history.Verify(repo.Git(), head, opts)
		if err != nil {
			return err
		}
		fs = more
	}
	if n, _ := finding.Count(fs); n > 0 {
		return &RefusedError{Incoming: incoming, Outgoing: !incoming, Findings: fs}
	}
	return nil
}

// findLastGood sets FirstBad and LastGood of a refusal of the remote's
// history remote: the findings must all name commits of its first-parent
// line after synced (a rewritten history, or a finding elsewhere, leaves
// both zero).
func (e *RefusedError) findLastGood(repo *gitstore.Repo, remote, synced plumbing.Hash) error {
	if history.Rewritten(e.Findings) {
		return nil
	}
	named := map[string]bool{}
	for _, f := range e.Findings {
		if f.Severity != finding.Error {
			continue
		}
		if f.Commit == "" {
			return nil
		}
		named[f.Commit] = true
	}
	s := repo.Git().Storer
	h := remote
	for !h.IsZero() && h != synced && len(named) > 0 {
		c, err := object.GetCommit(s, h)
		if err != nil {
			return err
		}
		parent := plumbing.ZeroHash
		if len(c.ParentHashes) > 0 {
			parent = c.ParentHashes[0]
		}
		if named[h.String()] {
			delete(named, h.String())
			e.FirstBad, e.LastGood = h, parent
		}
		h = parent
	}
	if len(named) > 0 || e.LastGood.IsZero() {
		e.FirstBad, e.LastGood = plumbing.ZeroHash, plumbing.ZeroHash
	}
	return nil
}

// nameOriginals makes the findings about replayed copies name this
// clone's commits they were copied from — the copies exist in no branch,
// so nobody could look them up — and sets AfterRemote when this clone's
// commits, verified on their own base, break nothing.
func (e *RefusedError) nameOriginals(repo *gitstore.Repo, done []gitstore.Replayed, local, base, remote plumbing.Hash) error {
	orig := make(map[string]string, len(done))
	e.Unsent = e.Unsent[:0]
	for _, d := range done {
		e.Unsent = append(e.Unsent, d.Old)
		if !d.New.IsZero() {
			orig[d.New.String()] = d.Old.String()
		}
	}
	for i, f := range e.Findings {
		if old, ok := orig[f.Commit]; ok {
			e.Findings[i].Commit = old
		}
	}
	fs, _, err := history.Verify(repo.Git(), local, history.VerifyOptions{Since: base})
	if err != nil {
		return err
	}
	n, _ := finding.Count(fs)
	e.AfterRemote, e.Remote = n == 0, remote
	return nil
}

// replayer merges the files a replayed commit and the remote both changed,
// and remembers the conflicts and the cases it touched.
type replayer struct {
	repo         *gitstore.Repo
	merge        Merger
	remote, base plumbing.Hash
	conflicts    []Conflict
	ids          []age.Identity // that open sealed files
	// sealedWhy says, by case directory, why mergeSealed left a case's
	// sealed files whole, for the conflict mergeFile then reports.
	sealedWhy map[string]string
	// sealedSet names, by case directory, the sealed fields the replayed
	// commit set or cleared when mergeSealed left them whole (never a
	// value), for the conflict and a dropped commit to say which.
	sealedSet map[string][]string
	// sealedTo is, by replayed commit and case, the team mergeSealed
	// sealed the copy's fields to, which the copy's message names
	// (casework.ResealedMessage).
	sealedTo map[plumbing.Hash]map[string][]record.Staff
}

func (r *replayer) mergeFile(in gitstore.MergeInput) ([]byte, error) {
	var merged []byte
	var fcs []FieldConflict
	var err error
	if _, isRecord := layout.KindOf(in.Path); r.merge != nil && isRecord {
		merged, fcs, err = r.merge(in.Path, in.Base, in.Ours, in.Theirs)
		if err != nil {
			return nil, err
		}
	} else {
		// A file that is not a record (a .yaml outside cases/ too, or no
		// merger): the remote's stays,
		// and this clone's version is reported whole.
		merged = in.Theirs
		fc := FieldConflict{Field: "the whole file", Kept: "the remote's version", Local: "another version"}
		if layout.IsSealed(in.Path) {
			fc.Why = r.sealedWhy[path.Dir(in.Path)]
			fc.Sealed = r.sealedSet[path.Dir(in.Path)]
		}
		fcs = []FieldConflict{fc}
	}
	if err := r.report(in, fcs); err != nil {
		return nil, err
	}
	return merged, nil
}

// message is the message of c's copy: c's own, with a Caseplan-Overruled
// trailer for each of its values the remote's kept, so that the audit
// trail (caseplan log) does not credit the copy with a change it does not
// hold — a case set of the phone and the email whose phone lost says so.
func (r *replayer) message(c *object.Commit) string {
	var lost []string
	for _, fc := range r.conflicts {
		if fc.LocalCommit != c.Hash || fc.Removed == RemovedOnRemote && !fc.Layout {
			// A removal on the remote that this clone's change undid
			// overrules nothing of this clone's; one that this clone's
			// layout lost to does.
			continue
		}
		what := fc.Field
		switch {
		case fc.Comment:
			what = "a comment"
		case fc.Layout:
			what = "its layout"
		}
		if v := fc.Path + " " + what; !slices.Contains(lost, v) {
			lost = append(lost, v)
		}
	}
	msg := c.Message
	for id, team := range r.sealedTo[c.Hash] {
		msg = casework.ResealedMessage(msg, id, team)
	}
	return audit.AddTrailers(msg, audit.TrailerOverruled, lost)
}

// report remembers the conflicts of the file in, crediting each kept
// value to the remote's commit that set it.
func (r *replayer) report(in gitstore.MergeInput, fcs []FieldConflict) error {
	for _, fc := range fcs {
		remoteCommit, remoteAuthor, err := r.lastChange(in.Path, fc.At)
		if err != nil {
			return err
		}
		var notes []string
		if id, ok := layout.CaseOf(in.Path); ok && (fc.Why == merge.WhyClosedTwice || fc.Why == merge.WhyReopenedTwice) {
			var item struct {
				Date record.Date `yaml:"date"`
			}
			if yaml.Unmarshal([]byte(fc.Local), &item) == nil && item.Date != "" {
				if notes, err = notesWith(r.repo, in.Commit, id, item.Date); err != nil {
					return err
				}
			}
		}
		r.conflicts = append(r.conflicts, Conflict{
			FieldConflict: fc, Path: in.Path,
			LocalCommit: in.Commit.Hash, LocalAuthor: in.Commit.Author.Name,
			RemoteCommit: remoteCommit, RemoteAuthor: remoteAuthor,
			Notes: notes,
		})
	}
	return nil
}

// mergeSealed merges a case's sealed fields that the replayed commit and
// the remote both changed, field by field, when the person syncing can
// open the three versions: a field one side changed takes that side's
// value; one both changed to different values keeps the remote's and is
// reported — by its name, never its value. The merged fields are sealed
// to the case's team as the copy's roster and intake say, as case sealed
// set seals them, with the recipients list beside them. It returns nil
// (the remote's files stay whole, and the file is reported) when it
// cannot open one of the versions or seal the result.
func (r *replayer) mergeSealed(in gitstore.GroupInput) (map[string][]byte, error) {
	var ct *gitstore.MergeInput
	for i := range in.Files {
		if path.Base(in.Files[i].Path) == layout.SealedFile {
			ct = &in.Files[i]
		}
	}
	if ct == nil {
		return nil, nil
	}
	id, ok := layout.CaseOf(ct.Path)
	if !ok {
		return nil, nil
	}
	// cannot says why the fields are not merged one by one, for the
	// conflict on the whole file that is reported instead.
	cannot := func(why string) (map[string][]byte, error) {
		if r.sealedWhy == nil {
			r.sealedWhy = map[string]string{}
		}
		r.sealedWhy[path.Dir(ct.Path)] = "its sealed fields could not be merged one by one: " + why
		return nil, nil
	}
	if len(r.ids) == 0 {
		return cannot("this clone has no age identity that opens sealed files")
	}
	var versions [3]sealed.Fields // base, ours, theirs
	for i, data := range [][]byte{ct.Base, ct.Ours, ct.Theirs} {
		if data == nil {
			// No sealed fields on that side (none set yet, or every one
			// cleared): no fields, merged as such.
			continue
		}
		f, err := sealed.Open(data, r.ids)
		if err != nil {
			if i == 2 && sameFields(versions[0], versions[1]) {
				// This clone changed no sealed value, only whom they are
				// sealed to (case sealed reseal, or a team change that
				// re-sealed them), and the remote sealed them anew, to a
				// team this clone is no longer on: nothing typed is lost,
				// so the remote's files stand and nothing is reported. A
				// team left unsealed to is validate's sealed-recipients.
				return map[string][]byte{}, nil
			}
			if i == 2 {
				// This clone's versions opened: which fields its commit
				// set or cleared is known, and said (names, never values).
				if r.sealedSet == nil {
					r.sealedSet = map[string][]string{}
				}
				r.sealedSet[path.Dir(ct.Path)] = changedFields(versions[0], versions[1])
			}
			// The error says what failed (not a recipient, does not
			// decrypt, not sealed fields), never a value.
			return cannot(fmt.Sprintf("%s: %v", [...]string{"the version both sides started from", "this clone's version", "the remote's version"}[i], err))
		}
		versions[i] = f
	}
	base, ours, theirs := versions[0], versions[1], versions[2]
	merged := theirs
	var fcs []FieldConflict
	for _, name := range sealed.Names {
		b, o, t := *base.Field(name), *ours.Field(name), *theirs.Field(name)
		switch {
		case o == b || o == t:
		case t == b:
			*merged.Field(name) = o
		default:
			// Neither value is ever written here: the finding names the
			// field, and the commit that holds this clone's.
			local := "another value"
			if o == "" {
				local = ""
			}
			fcs = append(fcs, FieldConflict{Field: name, Kept: "its value", Local: local, At: []string{name}})
		}
	}
	snap, _, err := store.Load(store.GitTree{Tree: in.Tree}, []string{id})
	if err != nil {
		return nil, err
	}
	c := snap.Case(id)
	if c == nil || c.Intake == nil {
		return cannot("the merged case has no intake to say whom to seal them to")
	}
	files, team, err := casework.SealFiles(snap.Config, c.Intake, id, merged)
	if err != nil {
		// Nobody to seal to: validate says so too.
		return cannot(fmt.Sprintf("they cannot be sealed again: %v", err))
	}
	// The copy's fields are readable by team, whether sealed anew here or
	// the remote's as they stand (sealed to the same team): its message
	// says so, not whom the original's were sealed to.
	if r.sealedTo == nil {
		r.sealedTo = map[plumbing.Hash]map[string][]record.Staff{}
	}
	if r.sealedTo[in.Commit.Hash] == nil {
		r.sealedTo[in.Commit.Hash] = map[string][]record.Staff{}
	}
	r.sealedTo[in.Commit.Hash][id] = team
	if merged == theirs && ct.Theirs == nil {
		return map[string][]byte{}, nil // no fields on either side now: the remote's tree stands
	}
	if merged == theirs {
		// The remote's fields as they are: its ciphertext stays, unless
		// the copy's team is not whom it is sealed to (this commit changed
		// the team), when they are sealed anew.
		list, err := in.Tree.ReadFile(layout.SealedRecipients(id))
		if err == nil && bytes.Equal(list, files[layout.SealedRecipients(id)]) {
			files = map[string][]byte{}
		}
	}
	if err := r.report(*ct, fcs); err != nil {
		return nil, err
	}
	return files, nil
}

// lastChange finds the remote's newest commit after the base that changed
// the value at `at` in p (any part of p when at is nil), and its author.
// The value a conflict kept is credited to whoever set it: a colleague who
// changed another field of the record later did not.
func (r *replayer) lastChange(p string, at []string) (plumbing.Hash, string, error) {
	s := r.repo.Git().Storer
	commits, err := history.Range(s, r.remote, r.base)
	if err != nil {
		return plumbing.ZeroHash, "", err
	}
	var fileCommit plumbing.Hash // the newest that changed the file
	fileAuthor := ""
	for _, h := range commits {
		c, err := object.GetCommit(s, h)
		if err != nil {
			return plumbing.ZeroHash, "", err
		}
		mine, err := r.repo.BlobAt(h, p)
		if err != nil {
			return plumbing.ZeroHash, "", err
		}
		var before plumbing.Hash
		if len(c.ParentHashes) > 0 {
			if before, err = r.repo.BlobAt(c.ParentHashes[0], p); err != nil {
				return plumbing.ZeroHash, "", err
			}
		}
		if mine == before {
			continue
		}
		if fileCommit.IsZero() {
			fileCommit, fileAuthor = h, c.Author.Name
		}
		if at == nil {
			break
		}
		changed, err := r.valueChanged(p, before, mine, at)
		if err != nil {
			return plumbing.ZeroHash, "", err
		}
		if changed {
			return h, c.Author.Name, nil
		}
	}
	if fileCommit.IsZero() {
		return r.remote, "", nil
	}
	return fileCommit, fileAuthor, nil
}

// valueChanged says whether the blobs before and after hold different
// values at `at` in the file p; a blob that is not a record counts as
// changed.
func (r *replayer) valueChanged(p string, before, after plumbing.Hash, at []string) (bool, error) {
	var vals [2]string
	for i, h := range []plumbing.Hash{before, after} {
		if h.IsZero() {
			continue
		}
		data, err := readBlob(r.repo, h)
		if err != nil {
			return false, err
		}
		if layout.IsSealed(p) && sealedField(at) {
			// A sealed field: compared in memory, as the merge opened
			// it; a version that does not open counts as changed.
			f, err := sealed.Open(data, r.ids)
			if err != nil {
				return true, nil
			}
			vals[i] = *f.Field(at[0])
			continue
		}
		v, ok := valueAt(data, at)
		if !ok {
			return true, nil
		}
		vals[i] = v
	}
	return vals[0] != vals[1], nil
}

// sealedField says whether at names a sealed field, as mergeSealed
// reports one.
// sameFields reports whether a and b hold the same value in every sealed
// field.
// changedFields names the sealed fields whose values differ between a
// and b, in sealed.Names' order.
func changedFields(a, b sealed.Fields) []string {
	var out []string
	for _, name := range sealed.Names {
		if *a.Field(name) != *b.Field(name) {
			out = append(out, name)
		}
	}
	return out
}

func sameFields(a, b sealed.Fields) bool {
	for _, name := range sealed.Names {
		if *a.Field(name) != *b.Field(name) {
			return false
		}
	}
	return true
}

func sealedField(at []string) bool {
	return len(at) == 1 && slices.Contains(sealed.Names, at[0])
}

func readBlob(repo *gitstore.Repo, h plumbing.Hash) ([]byte, error) {
	b, err := object.GetBlob(repo.Git().Storer, h)
	if err != nil {
		return nil, err
	}
	rd, err := b.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// changedCases returns the cases whose files differ between the commits
// from and to (nil: every case, when the store's settings differ).
func changedCases(repo *gitstore.Repo, from, to plumbing.Hash) ([]string, error) {
	trees := make([]plumbing.Hash, 2)
	for i, h := range []plumbing.Hash{from, to} {
		if h.IsZero() {
			continue
		}
		c, err := object.GetCommit(repo.Git().Storer, h)
		if err != nil {
			return nil, err
		}
		trees[i] = c.TreeHash
	}
	diff, err := repo.DiffTrees(trees[0], trees[1])
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := []string{}
	for _, ch := range diff {
		if layout.IsConfig(ch.Path) {
			return nil, nil
		}
		if id, ok := layout.CaseOf(ch.Path); ok && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out, nil
}

func short(h plumbing.Hash) string {
	if h.IsZero() {
		return "?"
	}
	return h.String()[:12]
}
