package history

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
)

// RuleRolesDropped: a commit left the roster without an active admin
// while it had one, which turns roles off for every later commit.
const RuleRolesDropped = "roster-admin-removed"

// RuleAuthorRetired: the commit's author was retired from the roster
// (active: false) in its parent. Retiring a member is how a store revokes
// them (README, Confidentiality): from then on nothing they commit is
// accepted, whether or not the roster's roles are in force.
const RuleAuthorRetired = "author-retired"

// checkTrust holds commit c, which changes cases/, to the roles of the
// roster as it stood in its parent (answeringParent; a root commit has
// none to answer to): a roster change by an admin only, a
// case changed by someone who may change it, waivers and committee
// decisions by a supervisor (pkg/access, the rules the commands apply).
func (v *verifier) checkTrust(c *commitInfo, cases plumbing.Hash, parents []plumbing.Hash) error {
	parent, err := v.answeringParent(c, parents)
	if err != nil {
		return err
	}
	// The commit that creates the store answers to its own roster for its
	// signature, and to no roles.
	if parent.IsZero() {
		own, err := v.rosterIn(cases)
		if err != nil {
			return err
		}
		if cfg := v.settings(own, c); cfg != nil {
			return v.checkSignature(c, cfg)
		}
		return nil
	}
	r, err := v.rosterIn(parent)
	if err != nil {
		return err
	}
	before := v.settings(r, c)
	if before == nil {
		return nil
	}
	if err := v.checkSignature(c, before); err != nil {
		return err
	}
	actor, ok := before.StaffByEmail(c.email)
	if !ok {
		return nil // author-not-on-roster says so
	}
	if !actor.IsActive() {
		v.add(finding.Finding{Rule: RuleAuthorRetired, Commit: c.hash.String(),
			Message: fmt.Sprintf("author %s (%s) was retired from the staff roster (active: false) in the commit's parent: a retired member's commits are not accepted; if they are back, an admin makes them active again (caseplan staff set %s --active=true) and they make the change anew", c.email, actor.ID, actor.ID)})
	}
	if !before.RolesInForce() {
		return nil
	}
	ch, err := v.accessChange(parent, cases, before, actor)
	if err != nil {
		return err
	}
	for _, d := range access.Check(before, actor, ch) {
		f := finding.Finding{Rule: d.Rule, Commit: c.hash.String(), Message: d.Msg + " (by the roster of the parent commit)"}
		if d.Case != "" {
			f.Case = d.Case
		} else {
			f.Path = layout.ConfigPath
		}
		v.add(f)
	}
	if ch.Settings {
		after, err := v.rosterIn(cases)
		if err != nil {
			return err
		}
		if after.cfg != nil && !after.cfg.RolesInForce() {
			v.add(finding.Finding{Rule: RuleRolesDropped, Path: layout.ConfigPath, Commit: c.hash.String(),
				Message: "the commit leaves the staff roster without an active admin, which turns roles off for every commit after it; name an admin again with caseplan staff set ID --role admin"})
		}
	}
	return nil
}

// answeringParent returns the cases/ tree of the parent whose roster
// commit c answers to for its signature and roles: the first of parents
// whose roster has c's author, as checkAuthor accepts a merge's author on
// any parent's roster; else the first that has cases/ at all (zero when
// none does). Taking the first parent alone would let a merge whose first
// parent predates its author on the roster (the order of parents is the
// merge's maker's to choose) pass unsigned and without roles.
func (v *verifier) answeringParent(c *commitInfo, parents []plumbing.Hash) (plumbing.Hash, error) {
	email := strings.ToLower(strings.TrimSpace(c.email))
	var first plumbing.Hash
	for _, p := range parents {
		if p.IsZero() {
			continue
		}
		if first.IsZero() {
			first = p
		}
		r, err := v.rosterIn(p)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if r.emails[email] {
			return p, nil
		}
	}
	return first, nil
}

// rosterIn returns the roster of the cases/ tree h.
func (v *verifier) rosterIn(h plumbing.Hash) (*roster, error) {
	t, err := v.trees.get(h)
	if err != nil {
		return nil, err
	}
	var blob plumbing.Hash
	if e := t.lookup(layout.ConfigFile, false); e != nil {
		blob = e.hash
	}
	return v.roster(blob)
}

// rosterOf returns the roster of the commit whose root tree is root.
func (v *verifier) rosterOf(root plumbing.Hash) (*roster, error) {
	t, err := v.trees.get(root)
	if err != nil {
		return nil, err
	}
	return v.rosterIn(t.subtree(layout.CasesDir))
}

// accessChange describes what changed between two cases/ trees as access
// sees it: the settings file, and each case directory that differs. It
// reads a case's records only where the answer depends on them — the
// intake before the change when the actor's role limits them to their own
// cases, both sides of an intake or outcome that the commit changed when
// the actor may not record waivers or decisions — so that verifying a long
// history decodes few records.
func (v *verifier) accessChange(before, after plumbing.Hash, cfg *record.Config, actor record.Staff) (access.Change, error) {
	var ch access.Change
	bt, err := v.trees.get(before)
	if err != nil {
		return ch, err
	}
	at, err := v.trees.get(after)
	if err != nil {
		return ch, err
	}
	limited := !access.MayChangeCase(cfg, actor, nil, nil)
	supervises := access.Supervises(actor)
	err = pairEntries(bt, at, func(b, a *treeEntry) error {
		if b != nil && a != nil && b.hash == a.hash {
			return nil
		}
		e := a
		if e == nil {
			e = b
		}
		name := string(e.name)
		if !e.dir {
			if name == layout.ConfigFile {
				ch.Settings = true
			}
			return nil
		}
		cc := access.CaseChange{ID: name}
		var bdir, adir plumbing.Hash
		if b != nil && b.dir {
			bdir = b.hash
		}
		if a != nil && a.dir {
			adir = a.hash
		}
		intake := layout.FileName(layout.KindIntake)
		outcome := layout.FileName(layout.KindOutcome)
		intakeChanged, err := v.fileChanged(bdir, adir, intake)
		if err != nil {
			return err
		}
		if limited || (!supervises && intakeChanged) {
			b, err := decodeIn[accessIntake](v, bdir, intake)
			if err != nil {
				return err
			}
			a, err := decodeIn[accessIntake](v, adir, intake)
			if err != nil {
				return err
			}
			cc.Before, cc.After = b.intake(), a.intake()
			cc.Waivers = access.WaiversChanged(cc.Before, cc.After)
			cc.Exiting = access.ExitChanged(cc.Before, cc.After)
			if limited && !access.MayChangeCase(cfg, actor, cc.Before, cc.After) {
				// Only then do the notes it adds matter: a former
				// manager's late entries (access.LateEntries).
				if cc.Notes, err = v.addedNotes(bdir, adir); err != nil {
					return err
				}
			}
		}
		if !supervises {
			outcomeChanged, err := v.fileChanged(bdir, adir, outcome)
			if err != nil {
				return err
			}
			var bo, ao *accessOutcome
			if outcomeChanged {
				if bo, err = decodeIn[accessOutcome](v, bdir, outcome); err != nil {
					return err
				}
				if ao, err = decodeIn[accessOutcome](v, adir, outcome); err != nil {
					return err
				}
				cc.Decisions = access.DecisionsChanged(bo.outcome(), ao.outcome())
			}
			// Closing or reopening a case is its manager's (access.MayClose):
			// the intake's status, or the outcome's closures and
			// reopenings, read when the commit changed them.
			cc.Closing = access.ClosingChanged(cc.Before, cc.After, bo.outcome(), ao.outcome())
			if cc.Voids, err = v.voids(bdir, adir); err != nil {
				return err
			}
		}
		ch.Cases = append(ch.Cases, cc)
		return nil
	})
	return ch, err
}

// voids returns the notes that the notes added or changed between two
// case directory trees (the zero hash: no directory) void, each with its
// author as the voided note's file names them: an amendment with voids:
// true, as note amend --void writes, or one written by hand. A note the
// amendment names that is not there is validate's to report.
func (v *verifier) voids(before, after plumbing.Hash) ([]access.Void, error) {
	var dirs [2]plumbing.Hash
	for i, dir := range []plumbing.Hash{before, after} {
		t, err := v.trees.get(dir)
		if err != nil {
			return nil, err
		}
		dirs[i] = t.subtree(layout.NotesDir)
	}
	if dirs[0] == dirs[1] {
		return nil, nil
	}
	bt, err := v.trees.get(dirs[0])
	if err != nil {
		return nil, err
	}
	at, err := v.trees.get(dirs[1])
	if err != nil {
		return nil, err
	}
	var out []access.Void
	err = pairEntries(bt, at, func(b, a *treeEntry) error {
		if a == nil || a.dir || (b != nil && b.hash == a.hash) {
			return nil
		}
		data, err := v.readBlob(a.hash)
		if err != nil {
			return err
		}
		// Most notes void nothing: only one that says so is decoded.
		if !bytes.Contains(data, []byte("voids")) {
			return nil
		}
		// Read as the store reads a note (store.Load): one it cannot
		// decode voids nothing.
		var n record.Note
		doc, _ := load.Parse(string(a.name), data)
		if doc == nil || doc.Decode(&n) != nil || n.Kind != record.NoteAmendment || !n.Voids || n.Amends == "" {
			return nil
		}
		target := at.lookup(n.Amends+layout.Ext, false)
		if target == nil {
			return nil
		}
		tdata, err := v.readBlob(target.hash)
		if err != nil {
			return err
		}
		out = append(out, access.Void{Note: n.Amends, Author: noteAuthor(string(target.name), tdata)})
		return nil
	})
	return out, err
}

// fileChanged reports whether the file name differs between two case
// directory trees (the zero hash: no directory).
func (v *verifier) fileChanged(before, after plumbing.Hash, name string) (bool, error) {
	var hs [2]plumbing.Hash
	for i, dir := range []plumbing.Hash{before, after} {
		t, err := v.trees.get(dir)
		if err != nil {
			return false, err
		}
		if e := t.lookup(name, false); e != nil {
			hs[i] = e.hash
		}
	}
	return hs[0] != hs[1], nil
}

// accessIntake is what the roles read of an intake: whose case it is, its
// status and exit, and its waivers. Only these fields are decoded — as
// validate reads them — so a value elsewhere in the file that validate
// refuses (a YAML 1.1 "yes") does not make the intake unreadable here, and
// a case whose intake did not decode is never taken for a new one.
type accessIntake struct {
	Manager string              `yaml:"manager"`
	Status  string              `yaml:"status"` // open or closed (access.ClosingChanged)
	Exited  record.Date         `yaml:"exited"` // the WIOA exit (access.ExitChanged)
	Team    []record.TeamMember `yaml:"team"`
	Waivers []record.Waiver     `yaml:"waivers"`
	// Transfers say who managed the case on a note's day (late entries).
	Transfers []record.Transfer `yaml:"transfers"`
}

func (a *accessIntake) intake() *record.Intake {
	if a == nil {
		return nil
	}
	return &record.Intake{Manager: a.Manager, Status: a.Status, Exited: a.Exited, Team: a.Team, Waivers: a.Waivers, Transfers: a.Transfers}
}

// accessNote is what the roles read of a note a commit adds: who wrote
// it, and the day it records (access.LateEntries).
type accessNote struct {
	ID     string      `yaml:"id"`
	Date   record.Date `yaml:"date"`
	Author string      `yaml:"author"`
}

// addedNotes returns the notes a commit adds to a case directory (before
// and after its trees) when adding notes is all it does to the case; nil
// when it changes anything else, or adds a note that does not decode.
func (v *verifier) addedNotes(before, after plumbing.Hash) ([]access.Note, error) {
	if before.IsZero() || after.IsZero() {
		return nil, nil
	}
	bt, err := v.trees.get(before)
	if err != nil {
		return nil, err
	}
	at, err := v.trees.get(after)
	if err != nil {
		return nil, err
	}
	bn, an := bt.subtree(layout.NotesDir), at.subtree(layout.NotesDir)
	other := false
	err = pairEntries(bt, at, func(b, a *treeEntry) error {
		if b != nil && a != nil && b.hash == a.hash {
			return nil
		}
		e := a
		if e == nil {
			e = b
		}
		if !e.dir || string(e.name) != layout.NotesDir {
			other = true
		}
		return nil
	})
	if err != nil || other || an.IsZero() {
		return nil, err
	}
	bnt, err := v.trees.get(bn)
	if err != nil {
		return nil, err
	}
	ant, err := v.trees.get(an)
	if err != nil {
		return nil, err
	}
	var out []access.Note
	err = pairEntries(bnt, ant, func(b, a *treeEntry) error {
		if b != nil && a != nil && b.hash == a.hash {
			return nil
		}
		if b != nil || a == nil || a.dir {
			other = true // a note changed or removed: never a late entry
			return nil
		}
		n, err := decodeBlob[accessNote](v, a.hash, string(a.name))
		if err != nil {
			return err
		}
		if n == nil {
			other = true
			return nil
		}
		out = append(out, access.Note{ID: n.ID, Author: n.Author, Date: n.Date})
		return nil
	})
	if err != nil || other {
		return nil, err
	}
	return out, nil
}

// accessOutcome is what the roles read of an outcome: the committee's
// decisions on extensions, the closures and the reopenings.
type accessOutcome struct {
	Extensions []record.Extension `yaml:"extensions"`
	// Closures and reopenings are the manager's to record
	// (access.ClosingChanged).
	Closure    *record.Closure    `yaml:"closure"`
	Closures   []record.Closure   `yaml:"closures"`
	Reopenings []record.Reopening `yaml:"reopenings"`
}

func (a *accessOutcome) outcome() *record.Outcome {
	if a == nil {
		return nil
	}
	return &record.Outcome{Extensions: a.Extensions, Closure: a.Closure, Closures: a.Closures, Reopenings: a.Reopenings}
}

// decodeIn decodes the file name of a case directory's tree dir (the zero
// hash: none); one that is absent or does not decode is nil. Decoded
// records are kept by blob hash: a commit's "before" is usually the last
// one's "after".
func decodeIn[T any](v *verifier, dir plumbing.Hash, name string) (*T, error) {
	t, err := v.trees.get(dir)
	if err != nil {
		return nil, err
	}
	e := t.lookup(name, false)
	if e == nil {
		return nil, nil
	}
	if r, ok := v.records[e.hash]; ok {
		out, _ := r.(*T)
		return out, nil
	}
	out, err := decodeBlob[T](v, e.hash, name)
	if err != nil {
		return nil, err
	}
	if len(v.records) > 4096 {
		clear(v.records)
	}
	v.records[e.hash] = out
	return out, nil
}

func decodeBlob[T any](v *verifier, blob plumbing.Hash, name string) (*T, error) {
	data, err := v.readBlob(blob)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if data == nil {
		return nil, nil
	}
	// Read as the store reads a record (store.Load): one go-yaml alone
	// would read otherwise than validate ("yes" as true) does not decode.
	doc, _ := load.Parse(name, data)
	var out T
	if doc == nil || doc.Decode(&out) != nil {
		return nil, nil
	}
	return &out, nil
}
