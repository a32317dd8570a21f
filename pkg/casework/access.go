package casework

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
)

// AccessError says the acting staff member's role does not allow the
// change (pkg/access); nothing was written.
type AccessError struct {
	Denials []access.Denial
}

func (e *AccessError) Error() string {
	// Cases opened for another manager are denied in words that name no
	// case, so an import of many says it once.
	var msgs []string
	for _, d := range e.Denials {
		if !slices.Contains(msgs, d.Msg) {
			msgs = append(msgs, d.Msg)
		}
	}
	return strings.Join(msgs, "; ")
}

// Hint says what to do instead.
func (e *AccessError) Hint() string { return e.Denials[0].Hint }

// checkAccess refuses a change that the actor's role, on the roster as it
// stood before the change, does not allow: the same rules verify applies
// to every commit in history.
func checkAccess(roster *record.Config, actor record.Staff, files map[string][]byte, before, after *casefile.Snapshot, loaded []finding.Finding) error {
	if !roster.RolesInForce() {
		return nil
	}
	if err := unreadableIntake(files, loaded); err != nil {
		return err
	}
	if d := access.Check(roster, actor, accessChange(files, before, after)); len(d) > 0 {
		return &AccessError{Denials: d}
	}
	return nil
}

// checkCommittedAccess repeats the roster and access checks on what the
// commit will hold: HEAD's roster and records, with the change's files
// on top. The work tree may hold hand edits not committed yet — a case's
// manager or team changed, the actor added to the roster — which the
// commit leaves out, and verify checks every commit against the records
// of its parent: a change that only such an edit allows is refused, as
// verify would report it (author-not-on-roster, case-access).
//
// read is what the write loaded the work tree through, and loaded the
// store it made of it, before and after the change. When everything read
// reads the same in HEAD (store.Memo.SameIn) and loaded holds every case
// the change writes, HEAD's records are those records: they are judged
// as they are, rather than read and parsed a second time (a manager's
// few hundred cases took 0.7-1.7 s to load again at 10,000 cases).
func (w *Workspace) checkCommittedAccess(change *Change, read *store.Memo, loaded, after loadedStore) error {
	head, err := w.Repo.Head()
	if err != nil || head.IsZero() {
		return err
	}
	tree, err := w.Repo.TreeAt(head)
	if err != nil {
		return err
	}
	committed := store.GitTree{Tree: tree}
	ids := []string{}
	for p := range change.Files {
		if id, ok := layout.CaseOf(p); ok && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	before, found, err := loaded.snap, loaded.loaded, error(nil)
	reuse := read.SameIn(committed) && !unloaded(loaded.snap, ids) && !unloaded(after.snap, ids)
	if !reuse {
		before, found, err = loadExisting(committed, ids)
	}
	if err != nil || before.Config == nil {
		return err // no roster committed yet: the store's first commits
	}
	uncommitted := "; that edit is not committed yet, and a commit is checked against the records of the commit before it: have it committed first (caseplan commit -m MESSAGE, by someone whose role allows it)"
	staff, ok := before.Config.StaffByEmail(w.Author.Email)
	if !ok || !staff.IsActive() {
		return inputErrorf("the roster's admin commits the roster edit first (caseplan commit -m MESSAGE)",
			"%s is on the staff roster only by an edit of %s that is not committed yet, and a commit is checked against the roster of the commit before it", w.Author, layout.ConfigPath)
	}
	afterSnap := after.snap
	if !reuse {
		if afterSnap, _, err = loadExisting(newOverlay(committed, change.Files), ids); err != nil {
			return err
		}
	}
	err = checkAccess(before.Config, staff, change.Files, before, afterSnap, found)
	if ae, ok := err.(*AccessError); ok {
		ae.Denials[0].Hint = "the work tree's records allow it, but only by a hand edit" + uncommitted
	}
	return err
}

// UnreadableIntakeError says that who may change a case cannot be told:
// its intake.yaml, which names the case's manager and team, cannot be
// read (Findings say why). Taken for a new case, the change would be
// denied to the case's own manager with a misleading reason.
type UnreadableIntakeError struct {
	Case     string
	Findings []finding.Finding
}

func (e *UnreadableIntakeError) Error() string {
	return fmt.Sprintf("cannot tell who may change case %s: its %s, which names the case's manager and team, cannot be read; nothing was written", e.Case, path.Base(layout.Intake(e.Case)))
}

// unreadableIntake refuses a change to a case whose intake Load could not
// read (loaded are its findings).
func unreadableIntake(files map[string][]byte, loaded []finding.Finding) error {
	for p := range files {
		id, ok := layout.CaseOf(p)
		if !ok {
			continue
		}
		var why []finding.Finding
		for _, f := range loaded {
			if f.Path == layout.Intake(id) && store.NotRead(f) {
				why = append(why, f)
			}
		}
		if len(why) > 0 {
			return &UnreadableIntakeError{Case: id, Findings: why}
		}
	}
	return nil
}

// accessChange describes the files a change writes as access sees them,
// reading each case's records before and after from the snapshots.
func accessChange(files map[string][]byte, before, after *casefile.Snapshot) access.Change {
	var ch access.Change
	seen := map[string]bool{}
	for p := range files {
		if layout.IsConfig(p) {
			ch.Settings = true
		}
		id, ok := layout.CaseOf(p)
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		cc := access.CaseChange{ID: id}
		var bo, ao *record.Outcome
		bc, ac := before.Case(id), after.Case(id)
		if bc != nil {
			cc.Before, bo = bc.Intake, bc.Outcome
		}
		if ac != nil {
			cc.After, ao = ac.Intake, ac.Outcome
			for _, n := range ac.Voided {
				if bc == nil || !slices.ContainsFunc(bc.Voided, func(b *record.Note) bool { return b.ID == n.ID }) {
					cc.Voids = append(cc.Voids, access.Void{Note: n.ID, Author: n.Author})
				}
			}
		}
		cc.Waivers = access.WaiversChanged(cc.Before, cc.After)
		cc.Decisions = access.DecisionsChanged(bo, ao)
		cc.Closing = access.ClosingChanged(cc.Before, cc.After, bo, ao)
		cc.Exiting = access.ExitChanged(cc.Before, cc.After)
		cc.Notes = addedNotes(id, files, bc, ac)
		ch.Cases = append(ch.Cases, cc)
	}
	return ch
}

// addedNotes returns the notes the change's files add to case id (bc and
// ac as the case was before and is after), when adding notes is all they
// do to it; nil otherwise (access.CaseChange.Notes).
func addedNotes(id string, files map[string][]byte, bc, ac *casefile.Case) []access.Note {
	if bc == nil || ac == nil {
		return nil
	}
	had := map[string]bool{}
	for _, n := range bc.AllNotes() {
		had[bc.NotePath(n)] = true
	}
	byPath := map[string]*record.Note{}
	for _, n := range ac.AllNotes() {
		byPath[ac.NotePath(n)] = n
	}
	var out []access.Note
	for p := range files {
		if c, ok := layout.CaseOf(p); !ok || c != id {
			continue
		}
		n := byPath[p]
		if !layout.IsNote(p) || had[p] || n == nil {
			return nil
		}
		out = append(out, access.Note{ID: n.ID, Author: n.Author, Date: n.Date})
	}
	return out
}
