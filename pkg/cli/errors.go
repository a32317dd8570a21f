package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

// Exit codes, as documented in every command's help (DESIGN.md §5).
const (
	ExitOK      = 0
	ExitInvalid = 1 // the records are invalid, or a write was refused because its result would be
	ExitUsage   = 2 // unknown command or flag, bad value, unknown case, or what the acting role may not do (README, Roles)
	ExitOther   = 3 // I/O, git, lock
)

// UsageError is a mistake in how the command was called.
type UsageError struct {
	Msg  string
	Hint string
}

func (e *UsageError) Error() string { return e.Msg }

func usageErrorf(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// InvalidError says the records are invalid. The findings have already been
// printed; Msg sums them up.
type InvalidError struct {
	Msg  string
	Hint string
}

func (e *InvalidError) Error() string { return e.Msg }

// hinter is an error that carries a hint line telling the user what to do.
type hinter interface{ hint() string }

func (e *UsageError) hint() string   { return e.Hint }
func (e *InvalidError) hint() string { return e.Hint }

// withHint attaches a hint to any error.
type withHint struct {
	err error
	h   string
}

func (e *withHint) Error() string { return e.err.Error() }
func (e *withHint) Unwrap() error { return e.err }
func (e *withHint) hint() string  { return e.h }

func hintf(err error, format string, args ...any) error {
	return &withHint{err: err, h: fmt.Sprintf(format, args...)}
}

// revisionError is the error of a flag whose revision (a hash, branch or
// tag) names no commit of the store: a usage error that names what was
// typed. In a shallow clone the commit may well be in the store, past the
// clone's cut (CI's default checkout of one commit lacks a pull request's
// base): that is said, with the way to fetch it, and is not a usage error.
// Any other error (a damaged object on the way) is returned as it is.
func revisionError(repo *gitstore.Repo, flag string, err error) error {
	var re *gitstore.RevisionError
	if !errors.As(err, &re) {
		return err
	}
	if errors.Is(re.Err, gitstore.ErrNoSuchCommit) && repo.Shallow() {
		return hintf(fmt.Errorf("%s %q: no such commit in this clone, which is shallow (made with --depth): its history may stop before that commit", flag, re.Rev), shallowHint)
	}
	hint := "name a commit of this store: a hash (at least 4 digits), a branch, a tag or HEAD; caseplan log lists the commits"
	if day, ok := dayNotCommit(repo, re); ok {
		hint = day.hint(flag)
	}
	return &UsageError{Msg: fmt.Sprintf("%s %v", flag, re), Hint: hint}
}

// typedDay is a day typed where a commit was asked for (--at 2026-10-31:
// a supervisor looking a case up "as it was on" a day), and the commit
// that stood at its end, as --as-of reads it; Commit is "" when no
// commit was made by then.
type typedDay struct {
	Day    string
	Commit string
}

// dayNotCommit says whether the revision that named no commit is a day,
// and which commit stood at its end. gitstore owns which commit a day
// means (Resolve with AsOf), so the hint names the one a report's --as-of
// would read. A branch or tag named like a day resolves before this is
// asked.
func dayNotCommit(repo *gitstore.Repo, re *gitstore.RevisionError) (typedDay, bool) {
	if !errors.Is(re.Err, gitstore.ErrNoSuchCommit) {
		return typedDay{}, false
	}
	if _, err := time.Parse(time.DateOnly, re.Rev); err != nil {
		return typedDay{}, false
	}
	d := typedDay{Day: re.Rev}
	if rc, err := repo.Resolve(gitstore.Reading{AsOf: re.Rev}); err == nil {
		d.Commit = rc.Hash.String()[:12]
	}
	return d, true
}

// hint says what to type instead of the day, for a flag that takes only
// a commit.
func (d typedDay) hint(flag string) string {
	if d.Commit == "" {
		return fmt.Sprintf("%s is a day, not a commit, and no commit was made on or before it; caseplan log lists the commits", d.Day)
	}
	return fmt.Sprintf("%s is a day, not a commit: the last commit made on or before it is %s, so %s %s reads the records as they stood at its end", d.Day, d.Commit, flag, d.Commit)
}

// exitCode maps an error to the documented exit code; this is the only
// place that decides it.
func exitCode(err error) int {
	var ue *UsageError
	var ie *InvalidError
	var uc *store.UnknownCaseError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ie):
		return ExitInvalid
	case errors.As(err, &ue), errors.As(err, &uc):
		return ExitUsage
	case isCobraUsage(err):
		return ExitUsage
	}
	return ExitOther
}

// isCobraUsage recognises cobra's own usage errors, which are plain errors
// without a type to match: an unknown command and the argument-count
// checks, and flag errors that reach here untyped. The match is
// on the start of the message, so an I/O error that merely contains such
// words ("invalid argument" is EINVAL) stays an I/O error.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command ", "unknown flag: ", "unknown shorthand flag: ", "flag needs an argument: ", `invalid argument "`, "bad flag syntax: ", "accepts ", "requires at least ", "requires at most ", "required flag(s) ", "if any flags in the group ", "at least one of the flags in the group "} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return strings.Contains(msg, "were all set") // cobra's mutually exclusive flags
}

// printError writes err the way every caseplan message is written: to
// stderr, prefixed, lower case, with an optional hint line.
func printError(w io.Writer, err error) {
	if err == nil {
		return
	}
	var ie *InvalidError
	if errors.As(err, &ie) && ie.Msg == "" {
		return
	}
	// A message of several lines (git's or a library's words after ours)
	// is printed line by line, each with the prefix, so none runs on
	// with a "\n" in it. A message may quote what was typed or recorded
	// (an unknown case ID, a name): each line is escaped, as every text
	// caseplan shows is, and never repeats an SSN-shaped number typed
	// where it did not belong (a case ID, a field's name, a file's): a
	// terminal's scrollback or a CI log is one more copy of it.
	for _, line := range messageLines(err.Error()) {
		fmt.Fprintf(w, "caseplan: %s\n", display.Escape(redactSSN(line)))
	}
	if hint := errorHint(err); hint != "" {
		for _, line := range strings.Split(hint, "\n") {
			fmt.Fprintf(w, "caseplan: hint: %s\n", display.Escape(redactSSN(line)))
		}
	}
}

// redactSSN is line with every SSN-shaped number masked (pii.SSNMask),
// and every quoted value that is one standing alone (nine digits typed as
// a case ID).
func redactSSN(line string) string {
	line, _ = pii.Default().Redact(line)
	line, _ = pii.RedactQuoted(line)
	return line
}

// errorHint is the hint printError gives err: its own, or what to do about
// a damaged object, a held lock or a refused file; "" when none.
func errorHint(err error) string {
	hint := ""
	var h hinter
	if errors.As(err, &h) {
		hint = h.hint()
	}
	// An object missing outright (removed, or lost in a bad copy of
	// .git) is damage too: a shallow or partial clone, where one is
	// missing by design, has its own hint (shallowError).
	if hint == "" && (errors.As(err, new(*gitstore.DamagedObjectError)) || errors.Is(err, plumbing.ErrObjectNotFound)) {
		hint = damagedHint
	}
	if locked := (*gitstore.LockedError)(nil); hint == "" && errors.As(err, &locked) {
		hint = lockedHint(locked)
	}
	if mb := (*gitstore.MissingBranchError)(nil); hint == "" && errors.As(err, &mb) {
		hint = missingBranchHint(mb)
	}
	if gl := (*gitstore.GitLockError)(nil); hint == "" && errors.As(err, &gl) {
		hint = gitLockHint(gl)
	}
	if hint == "" && errors.Is(err, gitstore.ErrDetachedHead) {
		hint = "caseplan writes on a branch: go back to yours with git switch BRANCH (git branch lists them), then run the command again; nothing was written"
	}
	if hint == "" && errors.Is(err, fs.ErrPermission) {
		hint = permissionHint(err)
	}
	if hint == "" && diskFull(err) {
		hint = diskFullHint(err)
	}
	return hint
}

// diskFull says err is the system refusing to let a file grow: the disk
// is full, a quota is reached, or a file size limit (ulimit -f) is.
func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG)
}

// diskFullHint is what to do when a write ran out of room. A refused or
// failed write leaves the store as it was (the write journal is written
// first, and a commit is made last), so the command is simply run again.
func diskFullHint(err error) string {
	where := "the store's disk"
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		where = "the disk holding " + filepath.Dir(pe.Path)
	}
	return where + " is full (or a quota or file size limit is reached): free some space (df -h shows how much is left), then run the command again (a write that failed left the records and their history as they were)"
}

// lockedHint is what to do when another caseplan process holds the store
// lock.
func lockedHint(e *gitstore.LockedError) string {
	if e.NoWait {
		return "another caseplan command is writing to this store; try again when it has finished, or give a time to wait for it, e.g. --lock-wait 30s"
	}
	return "another caseplan command is writing to this store; try again when it has finished"
}

// gitLockHint is what to do about a git lock file that stayed in place:
// the same words for each of them (the index's, a branch's, the
// config's), since each is left the same way, by a git command — or a
// caseplan one killed before its next run could clear it — that was
// stopped.
func gitLockHint(e *gitstore.GitLockError) string {
	return "if no git or caseplan command (nor a git tool, such as an editor's git panel) is running in this clone, one that was stopped left the " + e.What + "'s lock behind: remove it with rm " + display.ShellQuote(e.Path) + ", then run the command again; nothing was written"
}

// missingBranchHint is what to do when HEAD names a branch that does not
// exist: point it back at the store's branch. git symbolic-ref changes
// HEAD alone, so the work tree, the index and any uncommitted edit stay
// as they are.
func missingBranchHint(e *gitstore.MissingBranchError) string {
	to := "BRANCH (one of " + strings.Join(e.Branches, ", ") + ")"
	if len(e.Branches) == 1 {
		to = e.Branches[0]
	} else if slices.Contains(e.Branches, "main") {
		to = "main"
	}
	return "point HEAD back at your branch with git symbolic-ref HEAD refs/heads/" + to + " (the work tree and any uncommitted edit stay as they are), then run the command again; nothing was written"
}

// permissionHint is what to do when the system refused caseplan a file:
// most often a store, or its .git, made by another user or left read-only.
func permissionHint(err error) string {
	where := "the store's files"
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		where = filepath.Dir(pe.Path)
	}
	return "you lack permission for " + where + ": check its owner and permissions (ls -ld " + where + "); a shared store is worked on in a clone of your own (caseplan clone URL DIR), not in another person's directory"
}

// messageLines splits a message into the lines printError prints: blank
// lines are left out, and an indent of tabs becomes two spaces a tab.
func messageLines(msg string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(msg, "\r\n", "\n"), "\n") {
		line = strings.TrimRight(line, " \t")
		body := strings.TrimLeft(line, "\t")
		line = strings.Repeat("  ", len(line)-len(body)) + body
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// damagedHint is what to do when the clone's git objects are damaged. A
// fresh clone alone would leave behind what was never synced (the
// damaged object is often the newest, a commit cut short by a full disk
// or a crash), but those records are still files in this work tree: the
// hint says how to carry them over. cp -n copies only files the fresh
// clone lacks (new notes, activity weeks, cases), so a record a
// colleague changed since is never put back to this clone's older copy;
// diff -r shows the edits to records both have.
const damagedHint = `run git fsck to see what is damaged;
a fresh clone of the office's shared store (caseplan clone URL DIR) has every synced commit whole;
work not yet synced is still in this clone's files: copy the records it added with cp -Rn cases/. DIR/cases/, compare edits to the others with diff -r cases DIR/cases, then in DIR run caseplan commit -m MESSAGE and caseplan sync`

// printFinding writes a finding to stderr as a message, escaped: a
// finding quotes what the records say.
func printFinding(w io.Writer, f finding.Finding) {
	fmt.Fprintf(w, "caseplan: %s\n", display.Escape(redactSSN(f.String())))
	if f.Hint != "" {
		fmt.Fprintf(w, "caseplan: hint: %s\n", display.Escape(redactSSN(f.Hint)))
	}
}

// maxFindingHints is how many findings' hints validate's hint lines name;
// the rest are counted, and -o json has every one.
const maxFindingHints = 10

// findingHints is the hint validate gives with invalid records: each
// finding's own hint (Finding.Hint), one line each, after where it is,
// as the finding's line on stdout says it; "" when none has one.
func findingHints(findings []finding.Finding) string {
	var lines []string
	more := 0
	for _, f := range findings {
		if f.Hint == "" {
			continue
		}
		if len(lines) == maxFindingHints {
			more++
			continue
		}
		at := f.Path
		if f.Line > 0 {
			at = fmt.Sprintf("%s:%d:%d", f.Path, f.Line, max(f.Column, 1))
		}
		lines = append(lines, at+": "+f.Hint)
	}
	if more > 0 {
		lines = append(lines, fmt.Sprintf("and %d more: caseplan validate -o json gives each finding's hint", more))
	}
	return strings.Join(lines, "\n")
}

// shownPaths is findings as printed: each file's path with the
// SSN-shaped numbers its name holds masked by the store's patterns, as
// the messages are (validate.Finish). The findings themselves keep the
// real paths, which matching a finding to its file needs.
func shownPaths(cfg *record.Config, findings []finding.Finding) []finding.Finding {
	g, _ := validate.Guard(cfg)
	return finding.MaskPaths(findings, g.Redact)
}

// splitStoreWide separates from findings about some cases the store-wide
// warnings (Case "", a roster member with no signing key, a store
// setting): not about those cases, and for most who look at one case not
// theirs to mend, they are counted in one line (sayStoreWide) rather than
// listed under every case. Store-wide errors stay: they may stop writes.
func splitStoreWide(findings []finding.Finding) (kept, storeWide []finding.Finding) {
	for _, f := range findings {
		if f.Case == "" && f.Severity == finding.Warning {
			storeWide = append(storeWide, f)
		} else {
			kept = append(kept, f)
		}
	}
	return kept, storeWide
}

// storeWideLine counts store-wide warnings in one line, with their rules
// and the validate that lists them, about saying what they are not about
// ("this case"); "" for none.
func storeWideLine(storeWide []finding.Finding, about string) string {
	if len(storeWide) == 0 {
		return ""
	}
	var rules, paths []string
	for _, f := range storeWide {
		if !slices.Contains(rules, f.Rule) {
			rules = append(rules, f.Rule)
		}
		if !slices.Contains(paths, f.Path) {
			paths = append(paths, f.Path)
		}
	}
	count := fmt.Sprintf("%d store-wide warning(s)", len(storeWide))
	// validate --manager leaves out the store-wide errors too.
	if errs, warns := finding.Count(storeWide); errs > 0 {
		count = fmt.Sprintf("%d store-wide error(s) and %d warning(s)", errs, warns)
	}
	return fmt.Sprintf("the store has %s (%s), not about %s; caseplan validate %s lists them", count, strings.Join(rules, ", "), about, strings.Join(paths, " "))
}
