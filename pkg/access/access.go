// Package access decides who may make a change to a store, by the roles of
// its staff roster (README, Confidentiality): only an admin changes the
// roster and the store settings; a case manager (or navigator) changes only
// the cases they manage or are on the team of, unless the store allows
// them all, and transfers, closes, reopens and records the WIOA exit of
// only the cases they manage;
// coordinators,
// supervisors and admins change any case; only a
// supervisor or an admin records a waiver or a committee's decision.
//
// The commands ask it before they write (pkg/casework), and verify asks it
// of every commit in history against the roster of the commit's parent
// (pkg/history), so the same rules hold whether a change was made by
// caseplan or by hand.
//
// Where the rules come from: document 001 asks case managers to "keep
// documentation confidential, ensuring that only authorized persons have
// access to customer information" and to share it "only with those
// involved in the customer's service strategy"; document 002 gives each
// career-planning customer one designated counselor, who may transfer the
// case and answers for it through to case closure; TEGL 39-11 asks that sensitive PII be handled on a need-to-know
// basis. The case's manager and team are those involved; supervisors
// record the decisions the programs give them (waivers, the joint
// committee's extensions, 000).
package access

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
)

// Rule IDs of denials, as verify reports them.
const (
	RuleRoster     = "roster-admin-only" // a change to the roster or store settings by someone not an admin
	RuleCase       = "case-access"       // a change to a case by someone not on it
	RuleSupervisor = "supervisor-only"   // a waiver, a committee's decision, or a colleague's note voided, by someone not a supervisor
	RuleSelfAdded  = "author-added-self" // the author added themselves to the roster in the commit
	RuleNoRoster   = "author-not-on-roster"
)

// Change is what one commit or command changes, as access sees it.
type Change struct {
	// Settings is set when cases/caseplan.yaml changes: the roster, the
	// programs, the rule settings.
	Settings bool
	Cases    []CaseChange
}

// CaseChange is one case a change touches.
type CaseChange struct {
	ID string
	// Before is the intake as it was (nil for a new case, or one whose
	// intake could not be read); After as it is after (nil if removed).
	Before, After *record.Intake
	// Waivers: the change adds or alters a waiver (intake waivers:).
	Waivers bool
	// Decisions: the change records or alters a committee's decision on an
	// extension (outcome extensions: decided, decision, until, by).
	Decisions bool
	// Closing: the change closes or reopens the case, or alters a closure
	// or reopening on record (ClosingChanged).
	Closing bool
	// Exiting: the change records, moves or takes back the case's WIOA
	// exit (the intake's exited date: ExitChanged).
	Exiting bool
	// Voids are the notes the change voids (an amendment with voids:
	// true, note amend --void) and who wrote each.
	Voids []Void
	// Notes are the notes the change adds to the case when adding notes
	// is all it does to it; nil when it changes anything else. A former
	// manager's late entries are judged by them (LateEntries).
	Notes []Note
}

// Note is one note a change adds: its ID, its author's staff ID and its
// date, as the note's file gives them.
type Note struct {
	ID, Author string
	Date       record.Date
}

// Void is one note a change voids: its ID and its author's staff ID.
type Void struct {
	Note, Author string
}

// Denial is one thing the actor may not do.
type Denial struct {
	Rule string
	Case string // "" for the settings
	Msg  string
	Hint string
}

func (d Denial) Error() string { return d.Msg }

// Check returns what actor, as cfg's roster gives them, may not do of ch.
// cfg is the roster as it stood before the change. Nothing is denied while
// the roster names no admin (record.Config.RolesInForce).
func Check(cfg *record.Config, actor record.Staff, ch Change) []Denial {
	if !cfg.RolesInForce() {
		return nil
	}
	role := actor.RoleName()
	var out []Denial
	if ch.Settings && role != record.RoleAdmin {
		out = append(out, Denial{
			Rule: RuleRoster,
			Msg:  fmt.Sprintf("only an admin changes the staff roster and the store settings (%s); %s's role is %s", layout.ConfigPath, actor.ID, role),
			Hint: "ask an admin on the roster to make the change, as themselves (caseplan staff list shows the roles)",
		})
	}
	for _, c := range ch.Cases {
		if !MayChangeCase(cfg, actor, c.Before, c.After) && !LateEntries(actor, c) {
			out = append(out, caseDenial(cfg, actor, role, c))
		} else if c.Before != nil && c.After != nil && c.Before.Manager != c.After.Manager && !MayTransfer(cfg, actor, c.Before) {
			out = append(out, Denial{
				Rule: RuleCase, Case: c.ID,
				Msg:  fmt.Sprintf("%s may not transfer case %s: a case is handed on by its designated counselor (%s, its manager), a coordinator, a supervisor or an admin (002), not by a %s on its team", actor.ID, c.ID, c.Before.Manager, role),
				Hint: fmt.Sprintf("ask %s, the case's manager, or a supervisor to transfer it (caseplan case transfer %s --to ID --reason TEXT)", c.Before.Manager, c.ID),
			})
		} else if c.Closing && c.Before != nil && !MayClose(cfg, actor, c.Before) {
			out = append(out, closingDenial(actor, role, c))
		} else if c.Exiting && c.Before != nil && !MayClose(cfg, actor, c.Before) {
			out = append(out, exitDenial(actor, role, c))
		}
		if (c.Waivers || c.Decisions) && !Supervises(actor) {
			what := "a waiver"
			if !c.Waivers {
				what = "a committee's decision"
			} else if c.Decisions {
				what = "a waiver or a committee's decision"
			}
			out = append(out, Denial{
				Rule: RuleSupervisor, Case: c.ID,
				Msg:  fmt.Sprintf("only a supervisor or an admin records %s; %s's role is %s", what, actor.ID, role),
				Hint: AskSupervisor(cfg, "to record it", ""),
			})
		}
		for _, v := range c.Voids {
			if !MayVoid(cfg, actor, v.Author) {
				msg, hint := VoidDenied(cfg, actor, v.Note, v.Author)
				out = append(out, Denial{Rule: RuleSupervisor, Case: c.ID, Msg: msg, Hint: hint})
			}
		}
	}
	return out
}

// caseDenial says why actor may not make change c to a case. Opening a
// case for another manager is said as such, without the case's ID: the
// ID of a case never created means nothing to the person refused, and
// joining the team of a case that does not exist is no way out.
func caseDenial(cfg *record.Config, actor record.Staff, role string, c CaseChange) Denial {
	if c.Before == nil && c.After != nil {
		whose := "a case for " + c.After.Manager
		if c.After.Manager == "" {
			whose = "a case without being its manager"
		}
		return Denial{
			Rule: RuleCase, Case: c.ID,
			Msg:  fmt.Sprintf("%s may not open %s: a %s opens only cases they manage or are on the team of; a coordinator, a supervisor or an admin opens a case for another manager", actor.ID, whose, role),
			Hint: "ask a coordinator, a supervisor or an admin to open it (caseplan staff list shows the roles), or open it with yourself as its manager",
		}
	}
	manager := "the case's manager"
	if m := c.Before.Manager; m != "" {
		manager = StaffNamed(cfg, m) + ", the case's manager"
	}
	d := Denial{
		Rule: RuleCase, Case: c.ID,
		Msg:  fmt.Sprintf("%s may not change case %s: a %s changes only the cases they manage or are on the team of", actor.ID, c.ID, role),
		Hint: fmt.Sprintf("ask %s, a coordinator or a supervisor; or have them add you to the case's team (caseplan case team add %s --staff %s --role ROLE)", manager, c.ID, actor.ID),
	}
	// A closure, a reopening, an exit or a transfer is the designated
	// counselor's decision (002; MayClose, MayTransfer): a place on the
	// case's team would not let them make it, so the team add is no way
	// out, and the hint names who decides and the command they type.
	if c.After != nil {
		var ask string
		switch {
		case c.Before.Manager != c.After.Manager:
			to := c.After.Manager
			if to == "" {
				to = "ID"
			}
			ask = fmt.Sprintf("to transfer it (caseplan case transfer %s --to %s --reason TEXT)", c.ID, to)
		case c.Closing:
			verb, cmd := closingVerb(c.ID, c.Before.Status == "closed", c.After.Status == "closed")
			ask = fmt.Sprintf("to %s it (%s)", verb, cmd)
		case c.Exiting && c.Before.Exited == "":
			ask = fmt.Sprintf("to record its exit (caseplan case exit %s)", c.ID)
		case c.Exiting:
			ask = fmt.Sprintf("to correct its exit (caseplan edit %s intake)", c.ID)
		}
		if ask != "" {
			d.Hint = fmt.Sprintf("ask %s, a coordinator or a supervisor %s: it is the case's designated counselor's decision (002), which a place on its team would not give you", manager, ask)
		}
	}
	if t := c.Before.TransferredAway(actor); t != nil {
		// The case left them: its new manager records what is to be
		// recorded now, rather than taking them back onto the team.
		said, ask := TransferredAway(c.ID, *t, c.Before.Manager)
		d.Hint = fmt.Sprintf("%s: ask %s, its manager now, or a coordinator or a supervisor to record it (caseplan case show %s)", said, ask, c.ID)
		if len(c.Notes) > 0 {
			d.Hint += "; " + LateEntryHint(t.Date)
		}
	}
	return d
}

// TransferredAway says to a former manager that case id went from them
// on transfer t (said), and who manages it now (ask), the one to ask: a
// case handed on again since (a supervisor's first choice corrected the
// same week, say) is no longer t.To's, and sending them to t.To would
// send them to someone who cannot help.
func TransferredAway(id string, t record.Transfer, manager string) (said, ask string) {
	said = fmt.Sprintf("case %s was transferred from you to %s on %s", id, t.To, t.Date)
	if manager == "" || manager == t.To {
		return said, t.To
	}
	return said + fmt.Sprintf(", and is %s's now", manager), manager
}

// LateEntryHint is what a former manager refused a note on a case
// transferred from them on transferred is told of late entries
// (LateEntries): the one wording of it, for this package's refusal and
// sync's.
func LateEntryHint(transferred record.Date) string {
	return fmt.Sprintf("a note of yours dated on or before %s, while the case was yours, is kept as a late entry: if the contact was then, give the note its date (--date)", transferred)
}

// LateEntries reports whether change c, to a case actor may not change
// now, only adds notes by actor each dated on a day actor managed the
// case (casestate.ManagedOn, by the intake's transfers). A contact
// recorded after the case was transferred away, or synced after the
// transfer reached the host, is work done while the case was theirs: case
// notes are the record of contacts, and the case's history must hold it
// (002), in its author's name (verify's note-author). A note dated after
// the transfer is the new manager's to record, and stays refused, as does
// anything else a former manager changes.
func LateEntries(actor record.Staff, c CaseChange) bool {
	if c.Before == nil || c.After == nil || len(c.Notes) == 0 {
		return false
	}
	for _, n := range c.Notes {
		day, ok := n.Date.Time()
		if !ok || n.Author != actor.ID || !casestate.ManagedOn(c.Before, actor.ID, day) {
			return false
		}
	}
	return true
}

// MayChangeCase reports whether actor may change a case whose intake was
// before (nil: a new case) and is after: coordinators, supervisors and
// admins any case; case managers and navigators one they manage or are on
// the team of before the change — or, for a new case, after it (opening a
// case for oneself) — or any case when the store allows it.
func MayChangeCase(cfg *record.Config, actor record.Staff, before, after *record.Intake) bool {
	if !cfg.RolesInForce() {
		return true
	}
	switch actor.RoleName() {
	case record.RoleCoordinator, record.RoleSupervisor, record.RoleAdmin:
		return true
	}
	if cfg.AccessSettings().CaseManagersAllCases {
		return true
	}
	if before != nil {
		return before.OnTeam(actor)
	}
	return after.OnTeam(actor)
}

// MayTransfer reports whether actor may hand a case whose intake is
// before on to another manager (case transfer): its designated counselor
// — 002 has them transfer the case and its IEP — or a coordinator, a
// supervisor or an admin, or anyone when the store lets case managers
// change every case. A case manager or navigator on the case's team works
// on the case, but does not decide who manages it: a navigator who could
// transfer it would take it, and its sealed fields, from its manager.
func MayTransfer(cfg *record.Config, actor record.Staff, before *record.Intake) bool {
	if !cfg.RolesInForce() {
		return true
	}
	switch actor.RoleName() {
	case record.RoleCoordinator, record.RoleSupervisor, record.RoleAdmin:
		return true
	}
	return cfg.AccessSettings().CaseManagersAllCases || before == nil || before.Manager == actor.ID
}

// MayClose reports whether actor may close or reopen a case whose intake
// is before, or record its WIOA exit (ExitChanged): the same decision as
// handing it on (MayTransfer). 002 makes
// the designated counselor "fully responsible for monitoring the
// customer's progress throughout the entire service plan schedule", with
// case closure the last of its career-planning functions: whether the
// plan is over, or starts again, is theirs to say (or a coordinator's, a
// supervisor's or an admin's), not that of a colleague on the team, who
// works on the case but does not answer for it.
func MayClose(cfg *record.Config, actor record.Staff, before *record.Intake) bool {
	return MayTransfer(cfg, actor, before)
}

// closingDenial says that actor, on case c's team, may not close or
// reopen it (MayClose), and whom to ask, with the command they would
// type.
func closingDenial(actor record.Staff, role string, c CaseChange) Denial {
	verb, cmd := closingVerb(c.ID, c.Before.Status == "closed", c.After != nil && c.After.Status == "closed")
	return Denial{
		Rule: RuleCase, Case: c.ID,
		Msg:  fmt.Sprintf("%s may not %s case %s: a case is closed and reopened by its designated counselor (%s, its manager), a coordinator, a supervisor or an admin (002), not by a %s on its team", actor.ID, verb, c.ID, c.Before.Manager, role),
		Hint: fmt.Sprintf("ask %s, the case's manager, a coordinator or a supervisor to %s it (%s); a note of yours can say what you found (caseplan note add %s --kind KIND --mode MODE)", c.Before.Manager, verb, cmd, c.ID),
	}
}

// closingVerb is what a change that took case id from closed (was) to
// closed (is) does, in a case manager's words, and the command that does
// it: close, reopen, or either when the status did not change (a closure
// on record altered).
func closingVerb(id string, was, is bool) (verb, cmd string) {
	switch {
	case is && !was:
		return "close", fmt.Sprintf("caseplan case close %s --date DATE --reason REASON", id)
	case was && !is:
		return "reopen", fmt.Sprintf("caseplan case reopen %s --date DATE --reason TEXT", id)
	}
	return "close or reopen", fmt.Sprintf("caseplan case close %s --date DATE --reason REASON, or caseplan case reopen %s --date DATE --reason TEXT", id, id)
}

// ClosingAsk is what someone on case id's team is told when a close or a
// reopening of theirs was refused (MayClose): a case manager's offline
// closure synced after a supervisor handed the case to a colleague, say,
// and the colleague's team added them back. Adding them to the team again
// gives them nothing: the manager, by name, or a coordinator or a
// supervisor records it. was and is are the case's status, closed or not,
// before and after the refused change.
func ClosingAsk(id, manager string, was, is bool) string {
	verb, cmd := closingVerb(id, was, is)
	return fmt.Sprintf("you are on %s's team, but a case is closed and reopened by its designated counselor (%s, its manager), a coordinator, a supervisor or an admin (002), so adding you to its team again changes nothing: ask %s to %s it (%s)", id, manager, manager, verb, cmd)
}

// exitDenial says that actor, on case c's team, may not record, move or
// take back its WIOA exit (MayClose), and whom to ask, with the command
// they would type: case exit to record one; an exit recorded is changed
// only in the intake (caseplan edit), there being no command that undoes
// one.
func exitDenial(actor record.Staff, role string, c CaseChange) Denial {
	verb, it, cmd := "record the exit of", "record it", fmt.Sprintf("caseplan case exit %s --date DATE --reason TEXT", c.ID)
	if c.Before.Exited != "" {
		verb, it, cmd = "change the exit of", "correct it", fmt.Sprintf("caseplan edit %s intake", c.ID)
	}
	return Denial{
		Rule: RuleCase, Case: c.ID,
		Msg:  fmt.Sprintf("%s may not %s case %s: a WIOA exit ends the period of participation, as closing ends the plan, and is recorded by the case's designated counselor (%s, its manager), a coordinator, a supervisor or an admin (002), not by a %s on its team", actor.ID, verb, c.ID, c.Before.Manager, role),
		Hint: fmt.Sprintf("ask %s, the case's manager, a coordinator or a supervisor to %s (%s); a note of yours can say what you found (caseplan note add %s --kind KIND --mode MODE)", c.Before.Manager, it, cmd, c.ID),
	}
}

// ExitChanged reports whether a change records, moves or takes back a
// case's WIOA exit: the intake's exited date, before and after. A WIOA
// exit ends the period of participation and starts the quarters after
// exit the performance report counts (TEGL 10-16), as closing ends the
// plan: the same decision, and the same people's (MayClose). A new or
// removed intake is no exit changed.
func ExitChanged(before, after *record.Intake) bool {
	return before != nil && after != nil && before.Exited != after.Exited
}

// ClosingChanged reports whether a change closes or reopens a case, or
// alters a closure or reopening on record: the intake's status (before
// and after), or the outcome's closures and reopenings (bo and ao). A
// nil record on both sides is no change.
func ClosingChanged(before, after *record.Intake, bo, ao *record.Outcome) bool {
	status := func(in *record.Intake) string {
		if in == nil {
			return ""
		}
		return in.Status
	}
	reopenings := func(o *record.Outcome) []record.Reopening {
		if o == nil {
			return nil
		}
		return o.Reopenings
	}
	return status(before) != status(after) && before != nil && after != nil ||
		!slices.Equal(bo.AllClosures(), ao.AllClosures()) ||
		!slices.Equal(reopenings(bo), reopenings(ao))
}

// MayRecordFor reports whether actor may commit a note that names another
// staff member as its author. A note is recorded in its author's own name
// (verify's note-author), or the audit trail could not say who wrote it;
// an admin bringing a team's existing records into the store is the one
// exception. While roles are not in force, nothing is denied, as for
// every other change.
func MayRecordFor(cfg *record.Config, actor record.Staff) bool {
	return !cfg.RolesInForce() || actor.RoleName() == record.RoleAdmin
}

// MayVoid reports whether actor may void a note written by author (note
// amend --void): the note's own author, who knows it was recorded in
// error, or a supervisor or an admin; anyone else voiding a colleague's
// note would take a contact out of the record in their name. While roles
// are not in force, nothing is denied.
func MayVoid(cfg *record.Config, actor record.Staff, author string) bool {
	return !cfg.RolesInForce() || actor.ID == author || Supervises(actor)
}

// VoidDenied says why actor may not void note, written by author
// (MayVoid is false), and whom to ask instead. An author the roster has
// retired is named so, as due names them, and is not the one to ask: a
// retired member cannot commit.
func VoidDenied(cfg *record.Config, actor record.Staff, note, author string) (msg, hint string) {
	by, ask := author, "ask "+author+" or a supervisor to void it"
	if s, ok := cfg.StaffByID(author); ok && !s.IsActive() {
		by, ask = author+" (retired)", "ask a supervisor to void it ("+author+" is retired)"
	}
	msg = fmt.Sprintf("note %s was written by %s: a note is voided by its author or a supervisor, and %s's role is %s", note, by, actor.ID, actor.RoleName())
	return msg, ask + ", or amend it without --void to say what is wrong"
}

// StaffNamed is how a refusal names staff member id to ask: "Mia Jones
// (mjones)" when the roster has their name, the ID alone otherwise.
func StaffNamed(cfg *record.Config, id string) string {
	if s, ok := cfg.StaffByID(id); ok && s.Name != "" {
		return fmt.Sprintf("%s (%s)", s.Name, id)
	}
	return id
}

// AskSupervisor is the hint of a refusal of what only a supervisor or an
// admin records (a waiver, a committee's decision, 000): whom to ask, by
// name, as the roster has them — its active supervisors, else its active
// admins — so that a case manager is not left to find out who supervises
// the office. what says what they are asked to do ("to record it"), cmd
// the command they would type ("" when it is not known here).
func AskSupervisor(cfg *record.Config, what, cmd string) string {
	var sup, adm []string
	if cfg != nil {
		for _, s := range cfg.Staff {
			if !s.IsActive() {
				continue
			}
			switch s.RoleName() {
			case record.RoleSupervisor:
				sup = append(sup, StaffNamed(cfg, s.ID))
			case record.RoleAdmin:
				adm = append(adm, StaffNamed(cfg, s.ID))
			}
		}
	}
	who, roles := "a supervisor", " (caseplan staff list shows the roles)"
	switch {
	case len(sup) == 1:
		who = sup[0] + ", the office's supervisor,"
	case len(sup) > 1:
		who = "a supervisor (" + orList(sup) + ")"
	case len(adm) == 1:
		who = adm[0] + ", the office's admin (the roster names no supervisor),"
	case len(adm) > 1:
		who = "an admin (" + orList(adm) + "; the roster names no supervisor)"
	}
	if who != "a supervisor" {
		roles = ""
	}
	if cmd != "" {
		cmd = ": " + cmd
	}
	return fmt.Sprintf("ask %s %s as themselves%s%s", who, what, roles, cmd)
}

// orList joins names as "A, B or C".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Supervises reports whether the staff member may record waivers and
// committee decisions: a supervisor or an admin.
func Supervises(s record.Staff) bool {
	return s.Supervises()
}

// WaiversChanged reports whether after's waivers differ from before's.
func WaiversChanged(before, after *record.Intake) bool {
	var b, a []record.Waiver
	if before != nil {
		b = before.Waivers
	}
	if after != nil {
		a = after.Waivers
	}
	return !slices.Equal(b, a)
}

// DecisionsChanged reports whether the committee's decisions on
// extensions differ between two versions of a case's outcome: a decision,
// its date, its end or who made it.
func DecisionsChanged(before, after *record.Outcome) bool {
	type decision struct{ decided, decision, until, by string }
	list := func(o *record.Outcome) []decision {
		if o == nil {
			return nil
		}
		var out []decision
		for _, e := range o.Extensions {
			if e.Decision != "" && e.Decision != "pending" || e.Decided != "" {
				out = append(out, decision{string(e.Decided), e.Decision, string(e.Until), e.By})
			}
		}
		return out
	}
	return !slices.Equal(list(before), list(after))
}
