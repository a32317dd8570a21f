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
		if c := before.Case(id); c != nil {
			cc.Before, bo = c.Intake, c.Outcome
		}
		if c := after.Case(id); c != nil {
			cc.After, ao = c.Intake, c.Outcome
		}
		cc.Waivers = access.WaiversChanged(cc.Before, cc.After)
		cc.Decisions = access.DecisionsChanged(bo, ao)
		ch.Cases = append(ch.Cases, cc)
	}
	return ch
}
