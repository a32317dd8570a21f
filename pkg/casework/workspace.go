// Package casework carries out the changes a case manager makes: it reads
// the affected cases, builds the new record files, validates the result,
// and writes and commits it as one git commit — or refuses and leaves the
// store exactly as it was. It knows nothing of the command line.
package casework

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/keys"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// Author is the person acting, as git records them.
type Author struct {
	Name  string
	Email string
}

func (a Author) String() string { return fmt.Sprintf("%s <%s>", a.Name, a.Email) }

// Workspace is an open store on which changes are made.
type Workspace struct {
	Repo     *gitstore.Repo
	Schemas  *schemas.Validator
	Today    time.Time        // the date rules and defaults use
	Now      func() time.Time // the commit timestamp
	Author   Author
	NoCommit bool // write and validate, but leave the files for `caseplan commit`
	// DryRun builds and validates a change, and writes nothing: Apply
	// returns what it would have written (case import --dry-run).
	DryRun bool
	// Rand is where new IDs come from — of cases, notes and the items
	// added to a case's lists; nil means crypto/rand.Reader. A program
	// that must make the same IDs every time (the demo store's, a test)
	// gives its own.
	Rand io.Reader

	// Critical, when set, runs the steps that change the store (writing
	// files, moving the branch, the index) so that the caller can hold off
	// an interrupt until they are done: the store is then either as it was
	// or changed completely, never half-written.
	Critical func(func() error) error

	// LockWait is how long a write waits for another caseplan process to
	// finish; zero means gitstore.DefaultLockWait, gitstore.NoLockWait
	// not to wait.
	LockWait time.Duration

	// Keys are the acting person's private keys (pkg/keys), nil when they
	// have none: their signing key signs every commit, their age
	// identities open the sealed files a change re-seals.
	Keys *keys.Keys

	// Running is this caseplan as go install takes it
	// (buildinfo.Info.Installable), "" when unknown: a refusal of a
	// field a newer caseplan wrote says whether to install the pinned
	// release or to have the pin raised.
	Running string

	// Progress, when set, is told how far the steps of a write that take
	// time on a change of hundreds of cases (case transfer --from) have
	// come, each step named by what it counts: "cases checked" (validated
	// before and after the change), then "files committed". The caller
	// draws it (pkg/progress); nothing here does.
	Progress func(step string, done, total int)

	skipped    []string // stray files CommitEdits left out
	normalized []string // files CommitEdits gave LF line ends
	executable []string // records CommitEdits found executable in the work tree
	linked     []string // records CommitEdits found replaced by a symbolic link
	newLinks   []string // symbolic links CommitEdits found where HEAD has nothing
}

// lock takes the store lock, waiting up to LockWait, and refuses while a
// git merge, rebase, cherry-pick or revert is left open: its half-merged
// files are not records to validate, and a commit would leave it open.
func (w *Workspace) lock() (func(), error) {
	wait := w.LockWait
	if wait == 0 {
		wait = gitstore.DefaultLockWait
	}
	unlock, err := w.Repo.Lock(wait)
	if err != nil {
		return nil, err
	}
	if u := w.Repo.Unfinished(); u != nil {
		unlock()
		return nil, u
	}
	return unlock, nil
}

// tell passes a step's progress to w.Progress when there is one.
func (w *Workspace) tell(step string, done, total int) {
	if w.Progress != nil {
		w.Progress(step, done, total)
	}
}

// critical runs fn through w.Critical when there is one.
func (w *Workspace) critical(fn func() error) error {
	if w.Critical == nil {
		return fn()
	}
	return w.Critical(fn)
}

// Change is what one command changes: the files it writes, the cases they
// belong to, and how the commit describes it.
type Change struct {
	Cases   []string          // case IDs; none for store-wide changes
	Action  string            // noun.verb, e.g. note.add
	Summary string            // what happened, for the commit subject
	Files   map[string][]byte // repository-relative path -> new content
	Output  string            // what the command prints on success (an ID, say)
	// Notes are what the command says on stderr on success, each a
	// "caseplan: note:" line: what it left out, and why; a note's later
	// lines ("hint: ...", what to do about it) take the prefix alone.
	Notes []string
	// Hints are what the command suggests on stderr on success, each a
	// "caseplan: hint:" line: a step the records may call for next, which
	// the command does not take or refuse on its own.
	Hints []string
	// Allowed says what the values the command was given may be, for
	// the hint of a refusal (RefusedError.Allowed): Build sets it when
	// it knows a value is out of bounds that a rule will refuse, such as
	// an extension's end past the longest the program allows.
	Allowed string

	unsealed []string // cases whose sealed fields the change could not re-seal
	// sealedBy are the cases whose sealed.age caseplan commit commits as
	// a caseplan command wrote it with --no-commit (audit.TrailerSealed).
	sealedBy []string
	denied   []access.Denial // cases case sealed reseal --all left: the acting person may not change them
}

// Result is what a successful change did.
type Result struct {
	Change   *Change
	Commit   string            // the new commit, "" with NoCommit
	Existing []finding.Finding // errors the cases have after the change (those they had before, and Left)
	// Left are the errors of Existing the cases did not have before the
	// change: things still to do (completeness rules, which do not refuse
	// a change), such as a case sealed to a team the change altered but
	// could not re-seal.
	Left     []finding.Finding
	Warnings []finding.Finding // warnings in the changed cases after the change
	// NewWarnings are the warnings of Warnings the cases did not have
	// before the change: what a command says at the write (a likely typo
	// just typed), without repeating what an earlier write said.
	NewWarnings []finding.Finding
	// StoreWide are the store-wide warnings (a roster member with no
	// signing key, a store setting) the change neither made nor touched
	// the file of: not about the change, for a command to count rather
	// than list (validate lists them).
	StoreWide []finding.Finding
	Skipped   []string // untracked files under cases/ that are not records, left out of the commit
	// Normalized are the files whose CRLF line ends were made LF, as the
	// store's .gitattributes ask (CommitEdits, and a command's write of a
	// file it edited in place).
	Normalized []string
	// Resealed are the cases whose sealed fields the change re-encrypted
	// to their new team; Unsealed those it could not, since the acting
	// person cannot read them (see Workspace.reseal).
	Resealed, Unsealed []string
	// Denied are the cases case sealed reseal --all left as they were,
	// and why: the acting person may not change them.
	Denied []access.Denial
	// After is the store as the change left it: the cases it touched,
	// read with its files laid over the work tree. A command reads it to
	// say what the change leaves due (case new says what the new case
	// needs next) without reading the files again.
	After *casefile.Snapshot
	// WouldRefuse, in a dry run, is why the change itself would be
	// refused though valid: it would sweep in edits not committed yet.
	WouldRefuse error
}

// ResultError says a change was refused for what its result would be,
// where that result breaks no rule of the records (no finding): a roster
// that keeps no active admin is valid, but turns roles off unnoticed.
// Like a RefusedError, and unlike an InputError (a bad value, exit 2),
// it is a refused write (exit 1, README "Exit status").
type ResultError struct {
	Msg  string
	Hint string
}

func (e *ResultError) Error() string { return e.Msg }

// RefusedError says a change was not made because its result would be
// invalid. Findings are the errors it would have introduced.
type RefusedError struct {
	Findings []finding.Finding
	// HandEdits says the change was the person's own edits of the files
	// (caseplan commit): they are left in the files, so "nothing was
	// written" would make them fear the edits were lost.
	HandEdits bool
	// Files are the files the refused change would have written, by
	// path: a finding in one of them is about a value the command was
	// given, in a file that was never written (a new note's name is not
	// one the person can open), so the command names the flag instead.
	Files map[string][]byte
	// Warnings are the warnings the change would also bring. They do not
	// refuse it, but the hint names the commands that mend them, so that
	// one refusal lists all there is to do: retiring a manager is refused
	// for their open WIOA cases (wioa-counselor, an error) and would
	// leave their other open cases with a retired manager
	// (manager-retired, a warning), and a supervisor hands them all over
	// at once.
	Warnings []finding.Finding
	// Retired maps each case of Findings and Warnings that is to be
	// handed on (validate.HandsOn) and whose manager is retired from the
	// roster after the change to that manager: the hint then hands them
	// all on with one case transfer --from, not one command per case.
	Retired map[string]string
	// HandTo says, for each manager of Retired, whom their cases may be
	// handed to (managersHint: the active case managers of their
	// center, else of the others, with theirs), as a transfer to a
	// retired manager's refusal says: the hint's --to STAFF is then no
	// guess.
	HandTo map[string]string
	// Allowed is the refused change's Change.Allowed: what the values
	// to correct may be, said after them in the hint.
	Allowed string
	// Broken are the files the change would have written that had
	// errors of their own before it (a hand edit left a syntax error or
	// a NUL byte in outcome.yaml): the refusal is theirs, not the
	// command's, and the file is what to mend first (brokenHint).
	Broken []string
}

func (e *RefusedError) Error() string {
	n, _ := finding.Count(e.Findings)
	if e.HandEdits {
		return fmt.Sprintf("commit refused: your edits would leave %d error(s) in the records; nothing was committed, and your edits are still in the files, as you left them", n)
	}
	if len(e.Broken) > 0 {
		return fmt.Sprintf("change refused: %s had errors before this command; nothing was written", strings.Join(e.Broken, ", "))
	}
	return fmt.Sprintf("change refused: it would leave %d error(s) in the records; nothing was written", n)
}

// Hint says what to do: the commands that mend the findings, where their
// rules name one (a retired counselor's WIOA cases are handed over with
// case transfer before the retirement), else to correct the values.
func (e *RefusedError) Hint() string { return e.HintFor(nil) }

// HintFor is Hint for a command whose flags gave the refused values:
// with no command to run first, it says which flags to correct.
func (e *RefusedError) HintFor(flags []string) string {
	if len(e.Broken) > 0 && !e.HandEdits {
		return brokenHint(e.Broken)
	}
	// The cases of one retired manager to hand on are handed on with one
	// case transfer --from, named after it: the warnings among them are
	// not printed, and the hint still lists every case it moves.
	handed := map[string][]string{}
	for _, f := range slices.Concat(e.Findings, e.Warnings) {
		if m := e.Retired[f.Case]; m != "" && validate.HandsOn(f.Rule) && !slices.Contains(handed[m], f.Case) {
			handed[m] = append(handed[m], f.Case)
		}
	}
	remedy := func(f finding.Finding) string {
		if f.Hint != "" && f.Severity == finding.Error {
			// The finding says what to do itself (its own hint
			// line, above): its rule's usual command may not fit it.
			return ""
		}
		if m := e.Retired[f.Case]; m != "" && len(handed[m]) > 1 && validate.HandsOn(f.Rule) {
			return validate.TransferFromRemedy(m) + " (" + strings.Join(handed[m], ", ") + ")"
		}
		return validate.RemedyFor(f.Rule, f.Case)
	}
	var do []string
	for _, f := range e.Findings {
		if r := remedy(f); r != "" && !slices.Contains(do, r) {
			do = append(do, r)
		}
	}
	var also []string
	for _, f := range e.Warnings {
		if r := remedy(f); r != "" && !slices.Contains(do, r) && !slices.Contains(also, r) {
			also = append(also, r)
		}
	}
	if len(do) == 0 {
		// Every error says what to do in its own hint line (a sealed.age
		// changed by hand: put it back): there are no values to correct.
		hinted := e.allHinted()
		if e.HandEdits {
			if hinted {
				return "do what the hints above say, then run caseplan commit again"
			}
			return "correct the files above and run caseplan commit again"
		}
		if len(flags) > 0 {
			last := len(flags) - 1
			named := flags[last]
			if last > 0 {
				named = strings.Join(flags[:last], ", ") + " and " + named
			}
			return "correct " + named + " and run the command again" + e.allowed()
		}
		if hinted {
			return "do what the hints above say, then run the command again"
		}
		return "correct the values above and run the command again" + e.allowed()
	}
	hint := "first " + strings.Join(do, ", ") + ", then run the command again"
	var whom []string
	for _, f := range slices.Concat(e.Findings, e.Warnings) {
		if m := e.Retired[f.Case]; len(handed[m]) > 0 && e.HandTo[m] != "" && !slices.Contains(whom, e.HandTo[m]) {
			whom = append(whom, e.HandTo[m])
		}
	}
	if len(whom) > 0 {
		hint += "; " + strings.Join(whom, "; ")
	}
	if len(also) > 0 {
		verb := " mend"
		if len(also) == 1 {
			verb = " mends"
		}
		hint += "; it would also leave warnings, which " + strings.Join(also, ", ") + verb
	}
	return hint
}

// allowed is what the hint adds after "correct ...": what the values
// may be, when the change said it.
func (e *RefusedError) allowed() string {
	if e.Allowed == "" {
		return ""
	}
	return ": " + e.Allowed
}

// allHinted reports whether every error the refusal lists carries its
// own hint.
func (e *RefusedError) allHinted() bool {
	n := 0
	for _, f := range e.Findings {
		if f.Severity != finding.Error {
			continue
		}
		if f.Hint == "" {
			return false
		}
		n++
	}
	return n > 0
}

// retiredManagers is RefusedError.Retired for the findings fs of the
// store as a change would leave it (after).
func retiredManagers(after *casefile.Snapshot, fs ...[]finding.Finding) map[string]string {
	out := map[string]string{}
	for _, list := range fs {
		for _, f := range list {
			c := after.Case(f.Case)
			if !validate.HandsOn(f.Rule) || c == nil || c.Intake == nil || after.Config == nil {
				continue
			}
			if s, ok := after.Config.StaffByID(c.Intake.Manager); ok && !s.IsActive() {
				out[f.Case] = c.Intake.Manager
			}
		}
	}
	return out
}

// handTo says, for each manager of retired (case -> manager), whom their
// cases may be handed to: the active case managers of their center, else
// of the others (managersHint, as a transfer to a retired manager is
// refused with).
func handTo(cfg *record.Config, retired map[string]string) map[string]string {
	if cfg == nil || len(retired) == 0 {
		return nil
	}
	cases := map[string]int{}
	for _, m := range retired {
		cases[m]++
	}
	out := map[string]string{}
	for m, n := range cases {
		what := "the case"
		if n > 1 {
			what = "the cases"
		}
		staff, _ := cfg.StaffByID(m)
		out[m] = managersHint(cfg, staff.Center, m, what)
	}
	return out
}

// NotOnRosterError says the acting author is not on the staff roster, so
// the audit trail could not name them.
type NotOnRosterError struct {
	Author Author
	// Listed is the roster's member of the author's name, when there is
	// one: the same person, acting with another email address (a git
	// config's personal address, a typo in CASEPLAN_AUTHOR).
	Listed *record.Staff
	// Retired is the roster's member of the author's email when they
	// were retired (active: false): the way a store revokes someone, so
	// they commit nothing more (verify's author-retired).
	Retired *record.Staff
	// Signed says the store requires signed commits, so the admin needs
	// the author's public keys to add them.
	Signed bool
}

func (e *NotOnRosterError) Error() string {
	if e.Retired != nil {
		return fmt.Sprintf("%s was retired from the staff roster of this store (%s, active: false)", e.Author, e.Retired.ID)
	}
	return fmt.Sprintf("%s is not on the staff roster of this store", e.Author)
}

// Hint says the way out: act with the address the roster has, or be
// added to it by whoever may change it.
func (e *NotOnRosterError) Hint() string {
	if e.Retired != nil {
		return fmt.Sprintf("a retired member commits nothing; if they are back, an admin makes them active again: caseplan staff set %s --active=true", e.Retired.ID)
	}
	if e.Listed != nil {
		return fmt.Sprintf("the roster has %s as %s with the email %s: act with that address (--author \"%s <%s>\", CASEPLAN_AUTHOR or git config user.email)",
			e.Listed.Name, e.Listed.ID, e.Listed.Email, e.Listed.Name, e.Listed.Email)
	}
	add := "caseplan staff add --name " + display.ShellQuote(e.Author.Name) + " --email " + display.ShellQuote(e.Author.Email)
	if e.Signed {
		// Without the keys the admin adds someone who still cannot commit
		// (roster-signing-key), nor read the sealed fields of their cases.
		return "send the store's admin the two public keys caseplan key new prints (caseplan key show, once made), and they add you: " + add + " --signing-key KEY --age-recipient RECIPIENT"
	}
	return "the store's admin (anyone on the roster, in a store whose roster names no admin) adds you: " + add
}

// notOnRoster returns the NotOnRosterError of author on cfg's roster:
// not on it, or retired from it.
func notOnRoster(cfg *record.Config, author Author) error {
	e := &NotOnRosterError{Author: author, Signed: cfg.AccessSettings().RequireSignatures}
	if s, ok := cfg.StaffByEmail(author.Email); ok && !s.IsActive() {
		e.Retired = &s
		return e
	}
	if cfg != nil {
		for i, s := range cfg.Staff {
			if strings.EqualFold(strings.TrimSpace(s.Name), strings.TrimSpace(author.Name)) {
				e.Listed = &cfg.Staff[i]
				break
			}
		}
	}
	return e
}

// Build computes a change from the store as it stands (read under the
// store lock, so no other caseplan process changes it meanwhile).
type Build func(s *State) (*Change, error)

// State is the store as a Build sees it.
type State struct {
	Snapshot *casefile.Snapshot
	Staff    record.Staff // the acting staff member
	Today    time.Time
	Rand     io.Reader // where new IDs come from; nil means crypto/rand.Reader
	source   store.Source
	keys     *keys.Keys      // the acting person's, for the sealed fields
	issued   map[string]bool // the item IDs this change made (newItemID)
}

// random returns the reader new IDs are drawn from.
func (s *State) random() io.Reader {
	if s.Rand == nil {
		return rand.Reader
	}
	return s.Rand
}

// Exists reports whether a repository-relative path exists in the work tree.
func (s *State) Exists(path string) bool {
	_, err := s.source.ReadFile(path)
	return err == nil
}

// ReadFile reads a file of the work tree.
func (s *State) ReadFile(path string) ([]byte, error) { return s.source.ReadFile(path) }

// Apply runs build on the cases it names (cases may be empty for a change
// to a new case or to the store settings) and commits the result.
func (w *Workspace) Apply(cases []string, build Build) (*Result, error) {
	unlock, err := w.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()

	tree, err := store.NewWorkTree(w.Repo.Root())
	if err != nil {
		return nil, err
	}
	// Loading before and after the change, and the build in between, all
	// read the same files: each is read from disk once.
	src := store.NewMemo(tree)
	before, loaded, err := store.Load(src, orNone(cases))
	if err != nil {
		return nil, err
	}
	if before.Config == nil {
		return nil, store.NoSettings(loaded)
	}
	staff, ok := before.Config.StaffByEmail(w.Author.Email)
	if !ok || !staff.IsActive() {
		return nil, notOnRoster(before.Config, w.Author)
	}
	if err := w.checkSigning(before.Config, staff); err != nil {
		return nil, err
	}
	st := &State{Snapshot: before, Staff: staff, Today: w.Today, Rand: w.Rand, source: src, keys: w.Keys}
	change, err := build(st)
	if err != nil {
		return nil, err
	}

	affected := orNone(union(cases, change.Cases))
	if _, ok := change.Files[layout.ConfigPath]; ok {
		// The settings apply to every case (its program, its manager on
		// the roster), so a change to them is checked against them all.
		affected = nil
		if before, loaded, err = store.Load(src, nil); err != nil {
			return nil, err
		}
	} else if unloaded(before, change.Cases) {
		// A change that names no case up front (case sealed reseal
		// --all) found the cases it changes itself: the access check and
		// the guard judge each against the case as it stood, not as a
		// case it opens, with errors of its own it did not cause.
		if before, loaded, err = loadExisting(src, affected); err != nil {
			return nil, err
		}
	}
	after, afterLoaded, err := store.Load(newOverlay(src, change.Files), affected)
	if err != nil {
		return nil, err
	}
	resealed, unsealed, err := w.reseal(change, after, newOverlay(src, change.Files))
	if err != nil {
		return nil, err
	}
	if len(resealed) > 0 {
		if after, afterLoaded, err = store.Load(newOverlay(src, change.Files), affected); err != nil {
			return nil, err
		}
	}
	if err := checkAccess(before.Config, staff, change.Files, before, after, loaded); err != nil {
		return nil, err
	}
	if !w.NoCommit {
		if err := w.checkCommittedAccess(change, src, loadedStore{before, loaded, src}, loadedStore{after, afterLoaded, newOverlay(src, change.Files)}); err != nil {
			return nil, err
		}
	}
	hand, err := w.handSealedWrites(change)
	if err != nil {
		return nil, err
	}
	res, err := w.guard(change, loadedStore{before, loaded, src}, loadedStore{after, afterLoaded, newOverlay(src, change.Files)}, hand)
	if err != nil {
		return nil, err
	}
	res.Resealed, res.Unsealed = resealed, append(unsealed, change.unsealed...)
	res.Denied = change.denied
	if w.DryRun {
		res.WouldRefuse = w.refuseSweeping(change)
		return res, nil
	}
	if !w.NoCommit {
		if err := w.refuseSweeping(change); err != nil {
			return nil, err
		}
	}
	if res.Commit, err = w.commit(change); errors.Is(err, gitstore.ErrNothingToCommit) {
		// The records say so already (a renewal given the date it
		// has): a usage matter, as an update with the values a record
		// holds, not a failure of git (exit 3).
		return nil, inputErrorf("", "nothing changes: the records already hold this (%s)", change.Summary)
	} else if err != nil {
		return nil, err
	}
	res.Normalized = w.madeLF(change.Files)
	return res, nil
}

// madeLF returns the files of a write, sorted, that were written with
// CRLF line ends and that the write stores with LF, as git would
// (gitstore's Clean): a file saved on Windows, or checked out with
// core.autocrlf, that a command edited in place. The command says so, as
// caseplan commit does, rather than change every line end without a word.
func (w *Workspace) madeLF(files map[string][]byte) []string {
	var out []string
	for p, data := range files {
		if data != nil && len(w.Repo.Clean(p, data)) != len(data) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// refuseSweeping refuses a change that would commit a file with changes
// not committed yet — a person's hand edit of the same file — under its
// own message and author: the audit trail would say the command made the
// person's edit. The person commits their edit first (under their own
// name), then runs the command again.
func (w *Workspace) refuseSweeping(change *Change) error {
	paths := make([]string, 0, len(change.Files))
	for p := range change.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	dirty, err := w.Repo.Uncommitted(paths)
	if err != nil || len(dirty) == 0 {
		return err
	}
	// caseplan commit commits what is under cases/ only: an edit of a
	// file outside it (a schema copy, .vscode/settings.json, which
	// schemas update writes) is committed with git, or undone.
	var outside []string
	for _, p := range dirty {
		if !layout.Under(p) {
			outside = append(outside, p)
		}
	}
	hint := "commit the edits first with caseplan commit -m MESSAGE (or undo them with git checkout -- FILE), then run the command again"
	if len(outside) > 0 {
		hint = fmt.Sprintf("undo the edits with git checkout -- %s (or commit them first with git commit -m MESSAGE %s, since caseplan commit commits only what is under %s/), then run the command again",
			strings.Join(outside, " "), strings.Join(outside, " "), layout.CasesDir)
		if len(outside) < len(dirty) {
			hint = "commit the edits under " + layout.CasesDir + "/ first with caseplan commit -m MESSAGE; " + hint
		}
	}
	return inputErrorf(hint, "%s has changes not committed yet; this command would commit them in its own name", strings.Join(dirty, ", "))
}

// loadedStore is a snapshot with the findings its loading made.
type loadedStore struct {
	snap   *casefile.Snapshot
	loaded []finding.Finding
	src    store.Source // where the cases the snapshot does not hold are read from
}

// guard is the one check every write passes: it validates the cases the
// change touches as they were and as they would be, and refuses the
// change (a RefusedError, nothing written) when it would introduce an
// error — or when a file it writes has a file-level error, new or not.
// refused are findings the caller already knows refuse the change (a
// committed note edited by hand). On success the result lists the errors
// the cases already had and the warnings they have after the change.
// The cases that continue a changed case's period of participation are
// checked with them (withLaterPeriods).
func (w *Workspace) guard(change *Change, before, after loadedStore, refused []finding.Finding) (*Result, error) {
	before, after, err := withLaterPeriods(before, after)
	if err != nil {
		return nil, err
	}
	opt := validate.Options{Schemas: w.Schemas, Today: w.Today}
	afterOpt, beforeOpt := opt, opt
	afterOpt.Lookup, beforeOpt.Lookup = validate.LookupIn(after.src), validate.LookupIn(before.src)
	if changesSealing(change) {
		// The snapshots hold the changed cases only; whether the store
		// keeps sealed fields is a question of every case
		// (roster-age-recipient). Asking lists every case directory
		// (at 10,000 cases it made a note add take 3 × as long), so it is
		// asked only of a write that can change the answer or the rule's
		// subject: the roster, or a case's sealed fields.
		afterOpt.AnySealed, beforeOpt.AnySealed = validate.SealedIn(after.src), validate.SealedIn(before.src)
	}
	afterOpt.Opening = opening(before.snap, after.snap)
	// Refused whoever writes: a command, caseplan commit, caseplan edit.
	gone, err := removedEpisodes(before, after)
	if err != nil {
		return nil, err
	}
	refused = append(refused, gone...)
	// Each case is checked twice, as it was and as it would be: it
	// counts once both are done.
	checks, total := 0, len(after.snap.Cases)
	checked := func() {
		checks++
		w.tell("cases checked", checks*total/max(1, len(after.snap.Cases)+len(before.snap.Cases)), total)
	}
	afterOpt.Progress, beforeOpt.Progress = checked, checked
	afterFindings := validate.Run(after.snap, after.loaded, afterOpt)
	beforeFindings := validate.Run(before.snap, before.loaded, beforeOpt)
	refused = append(refused, introduced(beforeFindings, afterFindings, change.Files)...)
	if len(refused) > 0 {
		finding.Sort(refused)
		// A field a colleague's newer caseplan wrote is refused as unknown:
		// the hint says to upgrade, not to take it out.
		plain := refused
		refused = validate.NewerCaseplanHints(after.src, after.snap.Config, w.Running, refused)
		// Such a field is no breakage to mend: a file counts as broken
		// before the command only by the findings that kept their hint.
		var broken []finding.Finding
		for i, f := range refused {
			if f.Hint == plain[i].Hint {
				broken = append(broken, f)
			}
		}
		warnings := finding.Since(warningsOf(beforeFindings), warningsOf(afterFindings), nil)
		retired := retiredManagers(after.snap, refused, warnings)
		return nil, &RefusedError{Findings: refused, Files: change.Files, Warnings: warnings, Retired: retired, HandTo: handTo(after.snap.Config, retired), Allowed: change.Allowed,
			Broken: brokenBefore(beforeFindings, broken, change.Files)}
	}
	if err := checkSummary(change, after.snap.Config); err != nil {
		return nil, err
	}
	res := &Result{Change: change, After: after.snap}
	had := map[string]bool{}
	for _, f := range beforeFindings {
		if f.Severity == finding.Error {
			had[f.Key()] = true
		}
	}
	for _, f := range afterFindings {
		switch f.Severity {
		case finding.Error:
			res.Existing = append(res.Existing, f)
			if !had[f.Key()] {
				res.Left = append(res.Left, f)
			}
		case finding.Warning:
			if _, wrote := change.Files[f.Path]; f.Case == "" && !wrote {
				res.StoreWide = append(res.StoreWide, f)
				continue
			}
			res.Warnings = append(res.Warnings, f)
		}
	}
	res.NewWarnings = finding.Since(warningsOf(beforeFindings), res.Warnings, nil)
	return res, nil
}

// brokenBefore returns the files of written that had a file-level error
// before the change (before) and are named by one of the errors that
// refuse it: a file the person broke by hand, which the command cannot
// write without its error — not a value the command was given.
func brokenBefore(before, refused []finding.Finding, written map[string][]byte) []string {
	had := map[string]bool{}
	for _, f := range before {
		if _, w := written[f.Path]; w && f.FileLevel && f.Severity == finding.Error {
			had[f.Path] = true
		}
	}
	var out []string
	for _, f := range refused {
		if had[f.Path] && f.Severity == finding.Error && !slices.Contains(out, f.Path) {
			out = append(out, f.Path)
		}
	}
	sort.Strings(out)
	return out
}

// warningsOf returns the warnings among fs.
func warningsOf(fs []finding.Finding) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if f.Severity == finding.Warning {
			out = append(out, f)
		}
	}
	return out
}

// opening returns the cases after holds and before does not: those the
// change opens, whose refusal tells how to run the command again rather
// than to edit files never written.
func opening(before, after *casefile.Snapshot) map[string]bool {
	out := map[string]bool{}
	for _, c := range after.Cases {
		if before.Case(c.ID) == nil {
			out[c.ID] = true
		}
	}
	return out
}

// checkSummary refuses a change whose commit subject holds an SSN-shaped
// number, by the store's patterns: the records are checked by the leak
// guard, and the message is as much a part of the history every clone
// keeps, shown by log and git log — and a commit message cannot be
// corrected by a later commit. The subject is caseplan's own words but
// for caseplan commit -m, which is the person's.
func checkSummary(change *Change, cfg *record.Config) error {
	g, _ := validate.Guard(cfg)
	if !g.HasSSN(change.Summary) && !pii.SpacedSSN(change.Summary) {
		return nil
	}
	what := "the commit message"
	if change.Action == "commit" {
		what = "-m: the commit message" // the person's own words
	}
	return inputErrorf("write the message without it: a full SSN is never stored, and a commit message stays in the history of every clone",
		"%s holds %s", what, pii.Describe(pii.SSN))
}

// commit writes the change's files and commits exactly them as one commit
// by the acting author, with the change's message and trailers — or, with
// NoCommit, only writes them. It returns the new commit ("" with
// NoCommit).
func (w *Workspace) commit(change *Change) (string, error) {
	if w.NoCommit {
		if err := w.critical(func() error { return w.Repo.WriteFiles(changes(change.Files)) }); err != nil {
			return "", err
		}
		// caseplan commit takes the sealed files written here as
		// caseplan's, not as hand edits.
		return "", w.rememberSealed(change.Files, nil)
	}
	var hash plumbing.Hash
	err := w.critical(func() error {
		var err error
		hash, err = w.Repo.Commit(gitstore.CommitRequest{
			Message: Message(change),
			Author:  gitstore.Signature{Name: w.Author.Name, Email: w.Author.Email, When: w.Now()},
			Changes: changes(change.Files),
			Signer:  w.signer(),
			Progress: func(done, total int) {
				w.tell("files committed", done, total)
			},
		})
		return err
	})
	if err != nil {
		return "", err
	}
	return hash.String(), nil
}

// orNone keeps Load from reading every case when a change names none.
func orNone(cases []string) []string {
	if len(cases) == 0 {
		return []string{}
	}
	return cases
}

// introduced returns the errors in after that before did not have —
// except completeness findings (something due or overdue), which a write
// never makes worse in a way worth refusing, and checks-waiting, which
// says which files the case's rules wait for — plus
// any error in a file the change writes that makes the file itself
// unreadable or unschematic: those files are committed, so they must be
// valid even if a hand edit already broke them.
//
// A new future-date finding in a file the change writes refuses it too,
// as an error, though validate only warns of one: the records would say
// something happened that has not yet, by the writer's own --today. In CI
// the warning stays a warning, since the runner's clock may be a day
// behind an office in a time zone ahead of it.
func introduced(before, after []finding.Finding, written map[string][]byte) []finding.Finding {
	had := map[string]bool{}
	future := map[string]bool{}
	for _, f := range before {
		if f.Severity == finding.Error {
			had[f.Key()] = true
		}
		if f.Rule == validate.RuleFutureDate {
			future[f.Key()] = true
		}
	}
	var out []finding.Finding
	for _, f := range after {
		if _, inWritten := written[f.Path]; f.Rule == validate.RuleFutureDate && inWritten {
			if !future[f.Key()] {
				f.Severity = finding.Error
				out = append(out, f)
			}
			continue
		}
		if f.Severity != finding.Error || validate.IsCompleteness(f.Rule) {
			continue
		}
		if f.Rule == validate.RuleChecksWaiting {
			// A store may make it an error, but it says only which
			// unread files the case's rules wait for: a write that
			// mends one of two changes its message, and the unread
			// file's own error already refuses a write that breaks one.
			continue
		}
		_, inWritten := written[f.Path]
		if !had[f.Key()] || (inWritten && f.FileLevel) {
			out = append(out, f)
		}
	}
	return out
}

func union(a, b []string) []string {
	set := map[string]bool{}
	var out []string
	for _, s := range append(append([]string(nil), a...), b...) {
		if !set[s] {
			set[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func changes(files map[string][]byte) []gitstore.Change {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := make([]gitstore.Change, 0, len(paths))
	for _, p := range paths {
		out = append(out, gitstore.Change{Path: p, Data: files[p], Delete: files[p] == nil})
	}
	return out
}

// Message formats a change's commit message: subject, then the trailers
// that log and verify read (audit.Message).
func Message(c *Change) string {
	return audit.AddTrailers(audit.Message(c.Cases, c.Action, c.Summary), audit.TrailerSealed, c.sealedBy)
}

// overlay is the work tree with a change's files laid over it, so the
// result can be validated before anything is written. Make one with
// newOverlay: its List finds the files laid over a directory through an
// index by directory, since a change can lay thousands of files over the
// store (an import of a 4,000-row roster: two per case), and Load lists a
// directory or more per case; scanning every file for each listing made
// that quadratic.
type overlay struct {
	store.Source
	files map[string][]byte
	dirs  *overlayDirs
}

func newOverlay(src store.Source, files map[string][]byte) overlay {
	return overlay{src, files, &overlayDirs{}}
}

// overlayDirs indexes an overlay's files by the directories they are in.
// Commands add files to a change after laying it over the store (re-sealing
// does), and never remove one, so the index is made again when the number
// of files has changed; contents (a size, a deletion) are read from the
// files at each listing.
type overlayDirs struct {
	built    bool
	n        int                       // len(files) when built
	children map[string][]overlayChild // directory -> what the files put in it
	visited  int                       // paths indexed and children listed, for the tests
}

// overlayChild is a file of the overlay directly in a directory (path
// set), or a subdirectory some of its files are in (isDir).
type overlayChild struct {
	name  string
	path  string
	isDir bool
}

func (d *overlayDirs) of(files map[string][]byte, dir string) []overlayChild {
	if !d.built || d.n != len(files) {
		d.built, d.n = true, len(files)
		d.children = map[string][]overlayChild{}
		seenDir := map[[2]string]bool{}
		for p := range files {
			for i := 0; i < len(p); i++ {
				if p[i] != '/' {
					continue
				}
				d.visited++
				parent := p[:i]
				name, _, isDir := strings.Cut(p[i+1:], "/")
				if !isDir {
					d.children[parent] = append(d.children[parent], overlayChild{name: name, path: p})
				} else if !seenDir[[2]string{parent, name}] {
					seenDir[[2]string{parent, name}] = true
					d.children[parent] = append(d.children[parent], overlayChild{name: name, isDir: true})
				}
			}
		}
	}
	d.visited += len(d.children[dir])
	return d.children[dir]
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if data, ok := o.files[name]; ok {
		if data == nil {
			return nil, fs.ErrNotExist
		}
		return data, nil
	}
	return o.Source.ReadFile(name)
}

func (o overlay) List(dir string) ([]store.Entry, error) {
	entries, err := o.Source.List(dir)
	if err != nil {
		return nil, err
	}
	dirs := o.dirs
	if dirs == nil {
		dirs = &overlayDirs{}
	}
	children := dirs.of(o.files, dir)
	byName := make(map[string]int, len(entries))
	for i, e := range entries {
		byName[e.Name] = i
	}
	for _, c := range children {
		data := o.files[c.path]
		if i, ok := byName[c.name]; ok {
			if !c.isDir {
				if data == nil {
					entries[i].Name = "" // deleted
				} else {
					entries[i].Size = int64(len(data))
				}
			}
			continue
		}
		if data == nil && !c.isDir {
			continue
		}
		byName[c.name] = len(entries)
		entries = append(entries, store.Entry{Name: c.name, IsDir: c.isDir, Size: int64(len(data))})
	}
	out := entries[:0]
	for _, e := range entries {
		if e.Name != "" {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	if len(out) == 0 && entries == nil {
		return nil, nil
	}
	return out, nil
}

// unloaded reports whether one of the cases ids is not in snap — not read
// before the change, or a case the change opens.
func unloaded(snap *casefile.Snapshot, ids []string) bool {
	for _, id := range ids {
		if snap.Case(id) == nil {
			return true
		}
	}
	return false
}

// changesSealing reports whether change writes the store's settings (the
// roster) or a case's sealed fields.
func changesSealing(change *Change) bool {
	for p := range change.Files {
		if p == layout.ConfigPath || path.Base(p) == layout.SealedFile {
			return true
		}
	}
	return false
}

// removedEpisodes returns an episode-removed finding for each episode of
// a case's outcome that before holds and after does not: a closure taken
// out by hand, a case directory deleted (audit.RemovedEpisodes decides
// what counts). An outcome.yaml that after holds but could not decode is
// left to the file-level finding that refuses it.
func removedEpisodes(before, after loadedStore) ([]finding.Finding, error) {
	var out []finding.Finding
	for _, c := range before.snap.Cases {
		if c.Outcome == nil {
			continue
		}
		var now *record.Outcome
		gone := false
		if a := after.snap.Case(c.ID); a != nil {
			if a.Outcome == nil {
				if _, err := after.src.ReadFile(layout.File(c.ID, layout.KindOutcome)); err == nil {
					continue
				}
			}
			now = a.Outcome
		} else {
			kept, err := existing(after.src, []string{c.ID})
			if err != nil {
				return nil, err
			}
			if len(kept) > 0 {
				continue // there, but not loaded: not this change's
			}
			gone = true
		}
		for _, e := range audit.RemovedEpisodes(c.Outcome, now) {
			out = append(out, audit.EpisodeFinding(audit.EpisodeRemoval{Case: c.ID, Episode: e, CaseGone: gone}))
		}
	}
	return out, nil
}
