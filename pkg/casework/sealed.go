package casework

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sealed"
	"github.com/caseplan/caseplan/pkg/store"
)

// SealedError says the acting person cannot read a case's sealed fields:
// none of their age identities is among the file's recipients. It never
// holds a sealed value.
type SealedError struct {
	Case       string
	Recipients []string // staff ids the file is sealed to
	Where      string   // where the person's identities were looked for
	// Staff is the acting person's roster ID, when they are on it;
	// RosterRecipient the age recipient the roster lists for them and
	// Mine their own key's. When the roster lists none, or another than
	// theirs, nothing is sealed to the key they hold, and a re-seal alone
	// cannot change that: the roster must first.
	Staff, RosterRecipient, Mine string
	// Left is the last transfer of the case away from Staff, when they
	// are not on its team any more: the case left them, and what they
	// read of it now is its new manager's to give, not a re-seal's.
	Left *record.Transfer
	// Retired is set when Staff is retired from the roster: nothing is
	// sealed to them any more, and a re-seal leaves them out again, so
	// what they read now is the case's manager (Manager) to give.
	Retired bool
	Manager string
	// OffTeam is set when Staff neither manages the case nor is on its
	// team (as the intake stands) nor supervises: a re-seal leaves them
	// out, and only joining the team lets them read it.
	OffTeam bool
	// Email is the acting person's address, which names their key file;
	// OffRoster is set when the roster has no member of it (a git
	// config's personal address), NoIdentity when the file is sealed to
	// them but no age identity was found where it was looked for (a new
	// machine, a key kept elsewhere). Either way the recipients list is
	// not what is wrong, and a re-seal would not help.
	Email      string
	OffRoster  bool
	NoIdentity bool
	// Others are the other cases a re-seal of several could not do
	// either (case sealed reseal --all): named after this one's reason,
	// whose hint says what to do.
	Others []string
}

func (e *SealedError) Error() string {
	if len(e.Others) == 0 {
		return e.reason()
	}
	return fmt.Sprintf("%s; nor the other %d case(s) that need it: %s (caseplan case sealed show CASE says why for each)", e.reason(), len(e.Others), strings.Join(e.Others, ", "))
}

// reason is why the acting person cannot open case Case's fields.
func (e *SealedError) reason() string {
	where := ""
	if e.Where != "" {
		where = " (" + e.Where + ")"
	}
	switch {
	case e.OffRoster:
		return fmt.Sprintf("cannot open case %s's sealed fields: you act as %s, who is not on the staff roster", e.Case, e.Email)
	case e.NoIdentity:
		return fmt.Sprintf("cannot open case %s's sealed fields: %s has no age identity here%s", e.Case, e.Email, where)
	}
	return fmt.Sprintf("cannot open case %s's sealed fields: none of your age identities%s is among their recipients (%s)",
		e.Case, where, strings.Join(e.Recipients, ", "))
}

// Hint says what to do.
func (e *SealedError) Hint() string {
	if e.OffRoster {
		return "sealed fields open with the key of a member of the roster: act with the email address it has for you (--author \"NAME <EMAIL>\", CASEPLAN_AUTHOR or git config user.email; caseplan staff list shows the roster)"
	}
	if e.NoIdentity && !e.Retired {
		return fmt.Sprintf("copy the age identity caseplan key new made for you on another machine to that file, or name it with %s; if it is lost, caseplan key new makes a new one, an admin puts its age_recipient on the roster (caseplan staff set %s --age-recipient RECIPIENT) and one who can read the case re-seals it (caseplan case sealed reseal %s)",
			keys.EnvIdentity, e.Staff, e.Case)
	}
	if e.Retired {
		// A retired manager whose case is not handed on yet asks a
		// supervisor, who can read it and transfer it.
		who := "a supervisor"
		if e.Manager != "" && e.Manager != e.Staff {
			who = e.Manager + ", the case's manager, or a supervisor"
		}
		return fmt.Sprintf("you were retired from the staff roster (%s, active: false), so sealed fields are no longer sealed to you: ask %s for what you need", e.Staff, who)
	}
	if e.Staff != "" && e.Mine != "" && e.RosterRecipient != e.Mine {
		what := "lists no age recipient for " + e.Staff
		if e.RosterRecipient != "" {
			what = "lists another age recipient for " + e.Staff + " than your key's"
		}
		return fmt.Sprintf("the staff roster %s, so nothing is sealed to your key: an admin puts it there (caseplan staff set %s --age-recipient %s), then, if you are on the case's team, its manager or a supervisor runs caseplan case sealed reseal %s",
			what, e.Staff, e.Mine, e.Case)
	}
	if e.Left != nil {
		said, ask := access.TransferredAway(e.Case, *e.Left, e.Manager)
		return fmt.Sprintf("%s; its sealed fields are sealed to its team as it now stands: ask %s, its manager, or a supervisor for what you need", said, ask)
	}
	if e.OffTeam && e.Manager != "" {
		return fmt.Sprintf("you are not on case %s's team: its manager, the staff on its team and the supervisors can read them; if your work on the case needs them, ask %s, its manager, to add you to its team (caseplan case team add %s --staff %s --role ROLE), which re-seals them to you",
			e.Case, e.Manager, e.Case, e.Staff)
	}
	return fmt.Sprintf("the case's manager, the staff on its team and the supervisors can read them; if you joined the case or changed your key since they were sealed, one of the recipients re-seals them: caseplan case sealed reseal %s", e.Case)
}

// OpenSealed decrypts case id's sealed fields as they stand in src with
// the acting person's keys. A case without sealed fields has empty ones.
func OpenSealed(src store.Source, snap *casefile.Snapshot, id string, k *keys.Keys) (sealed.Fields, error) {
	c := snap.Case(id)
	if c == nil {
		return sealed.Fields{}, &store.UnknownCaseError{ID: id}
	}
	if c.Sealed == nil || !c.Sealed.Ciphertext {
		return sealed.Fields{}, nil
	}
	ct, err := src.ReadFile(layout.Sealed(id))
	if err != nil {
		return sealed.Fields{}, err
	}
	f, err := sealed.Open(ct, k.AgeIdentities())
	if errors.Is(err, sealed.ErrCannotOpen) {
		return sealed.Fields{}, cannotOpen(snap.Config, c, k)
	}
	if errors.Is(err, sealed.ErrDamaged) {
		return sealed.Fields{}, &DamagedSealedError{Case: id, Path: layout.Sealed(id), Err: err}
	}
	return f, err
}

// DamagedSealedError says a case's sealed.age is sealed to the acting
// person but does not decrypt: it was changed after it was sealed (by
// hand, or a broken copy). The key is not at fault, and re-sealing cannot
// help (nobody can open it): the way back is the last version that
// opens. The command that found it names the commits (LastChanged).
type DamagedSealedError struct {
	Case, Path string
	Err        error
	// Changed is the commit that last changed the file, Before its
	// parent (holding the version before); Uncommitted is set when the
	// work tree's file is not the committed one.
	Changed, Before string
	Uncommitted     bool
}

func (e *DamagedSealedError) Error() string {
	msg := fmt.Sprintf("cannot open case %s's sealed fields: %s: %v", e.Case, e.Path, e.Err)
	switch {
	case e.Uncommitted:
		msg += "; the file in the work tree is not the one committed"
	case e.Changed != "":
		msg += "; it was last changed by commit " + short(e.Changed)
	}
	return msg
}

// Hint says how to get the last good version back.
func (e *DamagedSealedError) Hint() string {
	switch {
	case e.Uncommitted:
		return "put back the committed file (git checkout -- " + e.Path + ", or git restore " + e.Path + "); sealed fields are set only with caseplan case sealed set " + e.Case
	case e.Before != "":
		return fmt.Sprintf("see the version before it (caseplan case sealed show %s --at %s), and if it opens, seal its fields again, with any set since, as the case's team now stands: caseplan case sealed set %s --from %s", e.Case, short(e.Before), e.Case, short(e.Before))
	}
	return "set the fields again, as the case's team now stands: caseplan case sealed set " + e.Case + " (each field, or --file -)"
}

// HandSealedError says a case's sealed.age opened, but the commit that
// last changed it is not one a caseplan command made (the test verify
// applies: history.SealedHandEdit): a colleague may have put another
// file there by hand — another case's, sealed to the same people — so
// what it shows may not be what was sealed for this case. The fields are
// shown all the same (the manager needs to see them); the records are
// what is wrong.
type HandSealedError struct {
	Case, Path string
	Edit       audit.SealedEdit
}

func (e *HandSealedError) Error() string {
	what := "commit " + short(e.Edit.Commit)
	if e.Edit.Merge {
		what = "merge " + short(e.Edit.Commit)
	}
	action := "no Caseplan-Action"
	if e.Edit.Action != "" {
		action = "action " + e.Edit.Action
	}
	return fmt.Sprintf("case %s's sealed fields were last changed by %s (%s), which is not a caseplan command that writes them (case sealed set, case sealed reseal, a change of the case's team): %s was put there by hand, so what it holds may not be what was sealed for this case",
		e.Case, what, action, e.Path)
}

// Hint says how to seal again the fields as they stood before.
func (e *HandSealedError) Hint() string {
	before := short(e.Edit.Commit) + "^"
	return fmt.Sprintf("if these are not the case's, see the fields before it (caseplan case sealed show %s --at %s) and seal them again, with any set since, as the case's team now stands: caseplan case sealed set %s --from %s",
		e.Case, before, e.Case, before)
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// cannotOpen says why k cannot open case c's sealed fields, as far as the
// roster cfg and the recipients list tell.
func cannotOpen(cfg *record.Config, c *casefile.Case, k *keys.Keys) *SealedError {
	e := &SealedError{Case: c.ID}
	if c.Sealed != nil {
		for _, r := range c.Sealed.Recipients {
			e.Recipients = append(e.Recipients, r.Staff)
		}
	}
	if k == nil {
		return e
	}
	e.Where, e.Email = k.AgePath, k.Email
	st, ok := cfg.StaffByEmail(k.Email)
	e.OffRoster = !ok
	if !ok {
		return e
	}
	// Without a key here, a recipient's way back is their key; anyone
	// else's is still to be sealed to, as below.
	e.NoIdentity = len(k.Identities) == 0 && slices.Contains(e.Recipients, st.ID)
	e.Staff, e.RosterRecipient, e.Mine = st.ID, st.AgeRecipient, k.Recipient()
	e.Left = c.Intake.TransferredAway(st)
	e.Retired = !st.IsActive()
	if c.Intake != nil {
		e.Manager = c.Intake.Manager
		e.OffTeam = !c.Intake.OnTeam(st) && st.RoleName() != record.RoleSupervisor
	}
	return e
}

// SetSealed sets or clears sealed fields of a case. The file is
// re-encrypted, whole, to the case's team as the roster stands; clearing
// every field removes it.
type SetSealed struct {
	Case  string
	Set   map[string]string // field name (sealed.Names) -> value
	Clear []string          // field names
	// From, when set, is the store as an earlier commit holds it: the
	// fields start from the values its sealed.age holds rather than the
	// ones the work tree's does — the way back when the file now
	// committed is damaged (does not decrypt) or holds what nobody set.
	From store.Source
}

// Build returns the change that writes the case's sealed fields and
// their recipients list.
func (a SetSealed) Build(s *State) (*Change, error) {
	lc, err := openLifecycle(s, a.Case)
	if err != nil {
		return nil, err
	}
	if len(a.Set) == 0 && len(a.Clear) == 0 && a.From == nil {
		return nil, inputErrorf("name the fields to set, e.g. --date-of-birth 1980-04-05, or to clear with --clear FIELD", "nothing to change")
	}
	src, snap := s.source, s.Snapshot
	if a.From != nil {
		if snap, _, err = store.Load(a.From, []string{a.Case}); err != nil {
			return nil, err
		}
		src = a.From
	}
	f, err := OpenSealed(src, snap, a.Case, s.keys)
	if err != nil {
		return nil, err
	}
	for name, v := range a.Set {
		p := f.Field(name)
		if p == nil {
			return nil, inputErrorf("the fields are "+strings.Join(sealed.Names, ", "), "there is no sealed field %q", name)
		}
		*p = strings.TrimSpace(v)
	}
	for _, name := range a.Clear {
		p := f.Field(name)
		if p == nil {
			return nil, inputErrorf("the fields are "+strings.Join(sealed.Names, ", "), "there is no sealed field %q", name)
		}
		*p = ""
	}
	if err := f.Check(s.Today); err != nil {
		return nil, inputErrorf("", "%v", err)
	}
	summary := "clear the sealed fields"
	if f.Empty() && !s.Exists(layout.Sealed(a.Case)) {
		return nil, inputErrorf("", "case %s has no sealed fields to clear", a.Case)
	}
	files, team, err := SealFiles(s.Snapshot.Config, lc.intake, a.Case, f)
	if err != nil {
		return nil, err
	}
	if f.Empty() && !s.Exists(layout.SealedRecipients(a.Case)) {
		delete(files, layout.SealedRecipients(a.Case))
	}
	if !f.Empty() {
		// The subject names who can read the fields, never which fields
		// were set: that a case has a criminal record sealed is itself
		// sensitive.
		summary = sealedSummary(team)
	}
	return &Change{Cases: []string{a.Case}, Action: audit.ActionSealedSet, Summary: summary, Files: files}, nil
}

// sealedSummary is the subject of a commit that sets sealed fields, after
// the case's ID: whom the file as committed is readable by.
func sealedSummary(team []record.Staff) string {
	return "update the sealed fields (readable by " + staffIDs(team) + ")"
}

// ResealedMessage returns msg, the message of a commit that set case id's
// sealed fields (case sealed set), with its subject naming team as whom
// they are readable by: sync's copy of such a commit, replayed after the
// case's fields were sealed anew to another team, holds a file sealed to
// the team as the copy's roster and intake say, and a subject naming the
// original's would mislead whoever reads git log. The rest of the message
// (the trailers) stays as it is; a message whose subject is not sealed
// set's for id is returned unchanged.
func ResealedMessage(msg, id string, team []record.Staff) string {
	subject, rest, more := strings.Cut(msg, "\n")
	prefix := id + ": " + strings.TrimSuffix(sealedSummary(nil), ")")
	if len(team) == 0 || !strings.HasPrefix(subject, prefix) || !strings.HasSuffix(subject, ")") {
		return msg
	}
	subject = id + ": " + sealedSummary(team)
	if !more {
		return subject
	}
	return subject + "\n" + rest
}

// SealFiles returns the files that hold case id's sealed fields f: the
// ciphertext, encrypted to the case's team as cfg's roster and its intake
// in say, and the recipients list beside it — both nil (removed) when f
// is empty — and the team. It says why when nobody can be sealed to. The
// fields are only ever in memory: what it returns is ciphertext.
func SealFiles(cfg *record.Config, in *record.Intake, id string, f sealed.Fields) (map[string][]byte, []record.Staff, error) {
	if f.Empty() {
		return map[string][]byte{layout.Sealed(id): nil, layout.SealedRecipients(id): nil}, nil, nil
	}
	team, err := sealTeam(cfg, in, id)
	if err != nil {
		return nil, nil, err
	}
	ct, list, err := sealed.Seal(id, f, team)
	if err != nil {
		return nil, nil, err
	}
	return map[string][]byte{layout.Sealed(id): ct, layout.SealedRecipients(id): list}, team, nil
}

// ErrNothingToReseal says every case named (or, with --all, every case
// with sealed fields) is sealed to its team as the roster stands: there
// is nothing to do, which is no failure — a supervisor's key-rotation
// steps run reseal --all whether or not a case needs it.
var ErrNothingToReseal = errors.New("nothing to re-seal: every case named is sealed to its team as the roster stands")

// ResealCases re-encrypts the named cases' sealed fields (all that have
// them when none is named) to their teams as the roster stands: after a
// change of team, role or key that the person who made it could not
// re-seal, since only a recipient can. Cases already sealed to their team
// are left as they are.
type ResealCases struct {
	Cases []string
}

// Build returns the change that re-seals what needs it.
func (a ResealCases) Build(s *State) (*Change, error) {
	snap, ids := s.Snapshot, a.Cases
	if len(ids) == 0 {
		// Every case: the engine loaded none, as for any change that
		// names none.
		all, _, err := store.Load(s.source, nil)
		if err != nil {
			return nil, err
		}
		snap = all
		for _, c := range snap.Cases {
			if c.Sealed != nil && c.Sealed.Ciphertext {
				ids = append(ids, c.ID)
			}
		}
	}
	change := &Change{Action: audit.ActionSealedReseal, Files: map[string][]byte{}}
	var cannot []error
	for _, id := range ids {
		c := snap.Case(id)
		if c == nil {
			return nil, &store.UnknownCaseError{ID: id}
		}
		if c.Sealed == nil || !c.Sealed.Ciphertext {
			if len(a.Cases) > 0 {
				return nil, inputErrorf("", "case %s has no sealed fields", id)
			}
			continue
		}
		if c.Intake != nil && !sealedToTeam(snap.Config, c) {
			// A team with nobody to seal to is not "sealed to its team":
			// say why it cannot be, and what the admin does.
			if _, err := sealTeam(snap.Config, c.Intake, id); err != nil {
				cannot = append(cannot, err)
				continue
			}
		}
		// --all goes over every case, including those the acting person
		// can read (a supervisor stepped down is still a recipient) but
		// may not change: those are left and named, the others re-sealed.
		if len(a.Cases) == 0 && c.Intake != nil && !sealedToTeam(snap.Config, c) {
			if d := access.Check(snap.Config, s.Staff, access.Change{Cases: []access.CaseChange{{ID: id, Before: c.Intake, After: c.Intake}}}); len(d) > 0 {
				change.denied = append(change.denied, d...)
				continue
			}
		}
		done, err := resealCase(snap.Config, c, s.source, s.keys, change.Files)
		var se *SealedError
		switch {
		case errors.As(err, &se):
			cannot = append(cannot, err)
			change.unsealed = append(change.unsealed, id)
		case err != nil:
			return nil, err
		case done:
			change.Cases = append(change.Cases, id)
		}
	}
	if len(change.Cases) == 0 {
		if len(change.denied) > 0 {
			return nil, &AccessError{Denials: change.denied}
		}
		if len(cannot) > 0 {
			return nil, cannotReseal(cannot)
		}
		return nil, ErrNothingToReseal
	}
	change.Summary = "re-seal the sealed fields to the case team"
	if len(change.Cases) > 1 {
		change.Summary = fmt.Sprintf("re-seal the sealed fields of %d cases to their teams", len(change.Cases))
	}
	return change, nil
}

// cannotReseal is the refusal of a re-seal that could do none of the
// cases it went over (errs, one a case, in order): the first case's
// reason, whose hint says what to do, with the other cases named, so
// that a re-seal of several is not taken for a problem of one.
func cannotReseal(errs []error) error {
	se := (*SealedError)(nil)
	if len(errs) == 1 || !errors.As(errs[0], &se) {
		return errs[0]
	}
	first := *se
	for _, err := range errs[1:] {
		if o := (*SealedError)(nil); errors.As(err, &o) {
			first.Others = append(first.Others, o.Case)
			continue
		}
		first.Others = append(first.Others, err.Error())
	}
	return &first
}

// resealCase re-encrypts case c's sealed fields, as read from src, to its
// team under cfg when they are sealed to anyone else, adding the two files
// to files. It reports whether it did; a *SealedError when k cannot open
// them.
func resealCase(cfg *record.Config, c *casefile.Case, src store.Source, k *keys.Keys, files map[string][]byte) (bool, error) {
	if c.Sealed == nil || !c.Sealed.Ciphertext || c.Intake == nil {
		return false, nil
	}
	if sealedToTeam(cfg, c) {
		return false, nil
	}
	team, _ := sealed.Team(cfg, c.Intake)
	if len(team) == 0 {
		return false, nil // nobody to seal to; validate says so
	}
	ct, err := src.ReadFile(layout.Sealed(c.ID))
	if err != nil {
		return false, err
	}
	f, err := sealed.Open(ct, k.AgeIdentities())
	if errors.Is(err, sealed.ErrCannotOpen) {
		e := &SealedError{Case: c.ID}
		for _, r := range c.Sealed.Recipients {
			e.Recipients = append(e.Recipients, r.Staff)
		}
		return false, e
	}
	if err != nil {
		return false, err
	}
	ct, list, err := sealed.Seal(c.ID, f, team)
	if err != nil {
		return false, err
	}
	files[layout.Sealed(c.ID)], files[layout.SealedRecipients(c.ID)] = ct, list
	return true, nil
}

// sealedToTeam reports whether case c's sealed fields are sealed to
// exactly its team under cfg, as their recipients list says.
func sealedToTeam(cfg *record.Config, c *casefile.Case) bool {
	team, _ := sealed.Team(cfg, c.Intake)
	return c.Sealed.Problem == "" && c.Sealed.Listed && c.Sealed.Stanzas == len(c.Sealed.Recipients) &&
		sealed.SameRecipients(c.Sealed.Recipients, sealed.RecipientsOf(team))
}

// reseal re-encrypts, as part of change, the sealed fields of the cases
// in after (the store as the change leaves it, read through src) whose
// team the change altered — a transfer, a team member added or removed, a
// role, a key or a member's status on the roster — so that a member who
// left cannot read what is sealed from now on and one who joined can. It
// returns the cases it re-sealed and those it could not: only a recipient
// can re-seal, and the acting person may not be one (validate then
// reports them, sealed-recipients, until a recipient runs case sealed
// reseal).
func (w *Workspace) reseal(change *Change, after *casefile.Snapshot, src store.Source) (done, cannot []string, err error) {
	for _, c := range after.Cases {
		if _, wrote := change.Files[layout.Sealed(c.ID)]; wrote {
			continue // the change sealed them itself
		}
		ok, err := resealCase(after.Config, c, src, w.Keys, change.Files)
		var se *SealedError
		switch {
		case errors.As(err, &se):
			cannot = append(cannot, c.ID)
		case err != nil:
			return nil, nil, err
		case ok:
			done = append(done, c.ID)
		}
	}
	if len(done) > 0 && len(change.Cases) > 0 {
		change.Cases = union(change.Cases, done)
	}
	return done, cannot, nil
}

// sealTeam returns whom case id's sealed fields are sealed to, or says why
// nobody can be.
func sealTeam(cfg *record.Config, in *record.Intake, id string) ([]record.Staff, error) {
	team, without := sealed.Team(cfg, in)
	if len(team) > 0 {
		return team, nil
	}
	names := []string{}
	for _, s := range without {
		names = append(names, s.ID)
	}
	slices.Sort(names)
	hint := "an admin puts their age recipients on the roster: caseplan staff set ID --age-recipient age1... (caseplan key new makes one)"
	if len(names) == 0 {
		return nil, inputErrorf(hint, "case %s has nobody to seal to: no manager, team member or supervisor on the roster", id)
	}
	return nil, inputErrorf(hint, "case %s has nobody to seal to: %s %s no age recipient on the roster", id, strings.Join(names, ", "), hasHave(len(names)))
}

func staffIDs(staff []record.Staff) string {
	ids := make([]string, len(staff))
	for i, s := range staff {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

func hasHave(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}
