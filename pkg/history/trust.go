package history

import (
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"go.yaml.in/yaml/v3"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// RuleRolesDropped: a commit left the roster without an active admin
// while it had one, which turns roles off for every later commit.
const RuleRolesDropped = "roster-admin-removed"

// checkTrust holds commit c, which changes cases/, to the roles of the
// roster as it stood in its parent (the first parent that has one; a
// root commit has none to answer to): a roster change by an admin only, a
// case changed by someone who may change it, waivers and committee
// decisions by a supervisor (pkg/access, the rules the commands apply).
func (v *verifier) checkTrust(c *commitInfo, cases plumbing.Hash, parents []plumbing.Hash) error {
	var parent plumbing.Hash
	for _, p := range parents {
		if !p.IsZero() {
			parent = p
			break
		}
	}
	// The commit that creates the store answers to its own roster for its
	// signature, and to no roles.
	if parent.IsZero() {
		own, err := v.rosterIn(cases)
		if err != nil || own.cfg == nil {
			return err
		}
		return v.checkSignature(c, own.cfg)
	}
	before, err := v.rosterIn(parent)
	if err != nil || before.cfg == nil {
		return err
	}
	if err := v.checkSignature(c, before.cfg); err != nil {
		return err
	}
	actor, ok := before.cfg.StaffByEmail(c.email)
	if !ok {
		return nil // author-not-on-roster says so
	}
	if !before.cfg.RolesInForce() {
		return nil
	}
	ch, err := v.accessChange(parent, cases)
	if err != nil {
		return err
	}
	for _, d := range access.Check(before.cfg, actor, ch) {
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
// sees it: the settings file, and each case directory that differs, with
// its intake and outcome on both sides.
func (v *verifier) accessChange(before, after plumbing.Hash) (access.Change, error) {
	var ch access.Change
	bt, err := v.trees.get(before)
	if err != nil {
		return ch, err
	}
	at, err := v.trees.get(after)
	if err != nil {
		return ch, err
	}
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
		var bo, ao *record.Outcome
		if b != nil && b.dir {
			if cc.Before, bo, err = v.caseRecords(b.hash); err != nil {
				return err
			}
		}
		if a != nil && a.dir {
			if cc.After, ao, err = v.caseRecords(a.hash); err != nil {
				return err
			}
		}
		cc.Waivers = access.WaiversChanged(cc.Before, cc.After)
		cc.Decisions = access.DecisionsChanged(bo, ao)
		ch.Cases = append(ch.Cases, cc)
		return nil
	})
	return ch, err
}

// caseRecords reads the intake and outcome of a case directory's tree;
// one that is absent or does not decode is nil.
func (v *verifier) caseRecords(dir plumbing.Hash) (*record.Intake, *record.Outcome, error) {
	t, err := v.trees.get(dir)
	if err != nil {
		return nil, nil, err
	}
	intake, err := decodeBlob[record.Intake](v, t, layout.FileName(layout.KindIntake))
	if err != nil {
		return nil, nil, err
	}
	outcome, err := decodeBlob[record.Outcome](v, t, layout.FileName(layout.KindOutcome))
	return intake, outcome, err
}

func decodeBlob[T any](v *verifier, t *tree, name string) (*T, error) {
	e := t.lookup(name, false)
	if e == nil {
		return nil, nil
	}
	data, err := v.readBlob(e.hash)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var out T
	if data == nil || yaml.Unmarshal(data, &out) != nil {
		return nil, nil
	}
	return &out, nil
}
