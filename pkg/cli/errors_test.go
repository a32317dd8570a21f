package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/store"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"no error", nil, ExitOK},
		{"invalid records", &InvalidError{Msg: "invalid: 2 error(s)"}, ExitInvalid},
		{"invalid, already printed", &InvalidError{}, ExitInvalid},
		{"invalid, wrapped", fmt.Errorf("validate: %w", &InvalidError{Msg: "x"}), ExitInvalid},
		{"invalid, with a hint", hintf(&InvalidError{Msg: "x"}, "fix it"), ExitInvalid},
		{"usage", &UsageError{Msg: "bad value"}, ExitUsage},
		{"usage, wrapped", fmt.Errorf("note add: %w", usageErrorf("--date %q: not a date", "x")), ExitUsage},
		{"usage, with a hint", hintf(&UsageError{Msg: "x"}, "try this"), ExitUsage},
		{"an unknown case", &store.UnknownCaseError{ID: "W-404"}, ExitUsage},
		{"an unknown case, wrapped", fmt.Errorf("load: %w", &store.UnknownCaseError{ID: "W-404"}), ExitUsage},
		{"cobra: unknown command", errors.New(`unknown command "frobnicate" for "caseplan"`), ExitUsage},
		{"cobra: unknown flag", errors.New("unknown flag: --bogus"), ExitUsage},
		{"cobra: unknown shorthand", errors.New("unknown shorthand flag: 'z' in -z"), ExitUsage},
		{"cobra: too many arguments", errors.New("accepts 1 arg(s), received 2"), ExitUsage},
		{"cobra: too few arguments", errors.New("requires at least 1 arg(s), only received 0"), ExitUsage},
		{"cobra: a required flag", errors.New(`required flag(s) "name" not set`), ExitUsage},
		{"cobra: a missing flag value", errors.New("flag needs an argument: --store"), ExitUsage},
		{"pflag: a bad value", errors.New(`invalid argument "x" for "--limit" flag: strconv.ParseInt: parsing "x": invalid syntax`), ExitUsage},
		{"the store lock", &gitstore.LockedError{Path: ".git/caseplan.lock", Waited: time.Minute}, ExitOther},
		{"the store lock, with a hint", hintf(&gitstore.LockedError{Path: "l", Waited: time.Second}, "try again"), ExitOther},
		{"the git index lock", fmt.Errorf("commit: %w", gitstore.ErrIndexLocked), ExitOther},
		{"a concurrent commit", fmt.Errorf("update main: %w", gitstore.ErrConcurrentUpdate), ExitOther},
		{"a missing file", &fs.PathError{Op: "open", Path: "cases/caseplan.yaml", Err: fs.ErrNotExist}, ExitOther},
		{"a full disk", &fs.PathError{Op: "write", Path: "cases/W-001/intake.yaml", Err: syscall.ENOSPC}, ExitOther},
		// EINVAL's text is "invalid argument": an I/O failure, not a usage
		// mistake, whatever its words.
		{"an I/O error that reads like a usage error", &fs.PathError{Op: "open", Path: "cases/W-001/intake.yaml", Err: syscall.EINVAL}, ExitOther},
		{"a change refused, before changeError", &casework.RefusedError{}, ExitOther},
		{"anything else", errors.New("boom"), ExitOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

func TestPrintError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"nothing", nil, ""},
		{"a plain error", errors.New("cannot read cases/caseplan.yaml"), "caseplan: cannot read cases/caseplan.yaml\n"},
		{"an invalid store whose findings were printed", &InvalidError{}, ""},
		{"an invalid store with a summary", &InvalidError{Msg: "invalid: 1 error(s)"}, "caseplan: invalid: 1 error(s)\n"},
		{"a usage error with a hint", &UsageError{Msg: "no author given", Hint: "pass --author"}, "caseplan: no author given\ncaseplan: hint: pass --author\n"},
		{"a hint of two lines", &UsageError{Msg: "m", Hint: "first\nsecond"}, "caseplan: m\ncaseplan: hint: first\ncaseplan: hint: second\n"},
		{"a wrapped hint", fmt.Errorf("outer: %w", hintf(os.ErrPermission, "check the permissions")), "caseplan: outer: permission denied\ncaseplan: hint: check the permissions\n"},
		{"a message of several lines", errors.New("git push: exit status 1\n\tremote: rejected\r\n  \n"), "caseplan: git push: exit status 1\ncaseplan:   remote: rejected\n"},
		{"a file the system refuses", fmt.Errorf("lock index: %w", &fs.PathError{Op: "open", Path: "/srv/store/.git/index.lock", Err: syscall.EACCES}),
			"caseplan: lock index: open /srv/store/.git/index.lock: permission denied\ncaseplan: hint: you lack permission for /srv/store/.git: check its owner and permissions (ls -ld /srv/store/.git); a shared store is worked on in a clone of your own (caseplan clone URL DIR), not in another person's directory\n"},
		{"a full disk", fmt.Errorf("commit: %w", &fs.PathError{Op: "write", Path: "/srv/store/.git/objects/f7/tmp_obj_1", Err: syscall.ENOSPC}),
			"caseplan: commit: write /srv/store/.git/objects/f7/tmp_obj_1: no space left on device\ncaseplan: hint: the disk holding /srv/store/.git/objects/f7 is full (or a quota or file size limit is reached): free some space (df -h shows how much is left), then run the command again (a write that failed left the records and their history as they were)\n"},
		{"a file size limit", fmt.Errorf("write journal: %w", &fs.PathError{Op: "write", Path: "/srv/store/.git/caseplan/.journal.1.tmp", Err: syscall.EFBIG}),
			"caseplan: write journal: write /srv/store/.git/caseplan/.journal.1.tmp: file too large\ncaseplan: hint: the disk holding /srv/store/.git/caseplan is full (or a quota or file size limit is reached): free some space (df -h shows how much is left), then run the command again (a write that failed left the records and their history as they were)\n"},
		{"control characters on a line", errors.New("no case \x1b[2Jx\nsecond"), "caseplan: no case \\x1b[2Jx\ncaseplan: second\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			printError(&b, tt.err)
			if b.String() != tt.want {
				t.Errorf("printError = %q, want %q", b.String(), tt.want)
			}
		})
	}
}

// A damaged git object says what to do about it, wherever it was met.
func TestDamagedObjectHint(t *testing.T) {
	var b bytes.Buffer
	printError(&b, fmt.Errorf("read commit x: %w", &gitstore.DamagedObjectError{Err: errors.New("zlib: invalid checksum")}))
	if got := b.String(); !strings.Contains(got, "repository is damaged") || !strings.Contains(got, "caseplan: hint: run git fsck") || !strings.Contains(got, "caseplan clone") || !strings.Contains(got, "cp -Rn cases/. DIR/cases/") {
		t.Errorf("printed:\n%s", got)
	}
	// An object removed outright is damage too.
	b.Reset()
	printError(&b, fmt.Errorf("read cases/W-001/notes/2026-03-16-ab12.yaml: %w", plumbing.ErrObjectNotFound))
	if got := b.String(); !strings.Contains(got, "caseplan: hint: run git fsck") || !strings.Contains(got, "cp -Rn cases/. DIR/cases/") {
		t.Errorf("a missing object printed:\n%s", got)
	}
	b.Reset()
	printError(&b, hintf(&gitstore.DamagedObjectError{}, "a hint of its own"))
	if got := b.String(); strings.Contains(got, "git fsck") || !strings.Contains(got, "a hint of its own") {
		t.Errorf("a hint of its own is replaced:\n%s", got)
	}
}

// TestHeadHints: HEAD on a branch that does not exist, or detached, and
// a git index lock left behind come with the command that puts the clone
// back to work, exit 3.
func TestHeadHints(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&gitstore.MissingBranchError{Branch: "mian", Branches: []string{"main"}}, "git symbolic-ref HEAD refs/heads/main "},
		{&gitstore.MissingBranchError{Branch: "x", Branches: []string{"main", "spare"}}, "git symbolic-ref HEAD refs/heads/main "},
		{&gitstore.MissingBranchError{Branch: "x", Branches: []string{"a", "b"}}, "refs/heads/BRANCH (one of a, b)"},
		{fmt.Errorf("commit: %w", gitstore.ErrDetachedHead), "git switch BRANCH"},
		{fmt.Errorf("commit: %w", &gitstore.GitLockError{Path: "/home/dana/office store/.git/index.lock", What: "git index"}), "rm '/home/dana/office store/.git/index.lock', then"},
		{fmt.Errorf("commit: %w", &gitstore.GitLockError{Path: "/srv/store/.git/refs/heads/main.lock", What: "branch refs/heads/main"}), "left the branch refs/heads/main's lock behind: remove it with rm /srv/store/.git/refs/heads/main.lock, then"},
		{fmt.Errorf("clone: %w", &gitstore.GitLockError{Path: "/srv/store/.git/config.lock", What: "git config"}), "no git or caseplan command"},
	} {
		if got := errorHint(c.err); !strings.Contains(got, c.want) {
			t.Errorf("errorHint(%v) = %q, want it to contain %q", c.err, got, c.want)
		}
		if got := exitCode(c.err); got != ExitOther {
			t.Errorf("exitCode(%v) = %d, want %d", c.err, got, ExitOther)
		}
	}
}

// TestFlagGroupWords: cobra's messages about missing or clashing flags
// are said as caseplan's other usage errors are: the command, then what
// it needs, flags spelled as they are typed.
func TestFlagGroupWords(t *testing.T) {
	root := &cobra.Command{Use: "caseplan"}
	iep := &cobra.Command{Use: "iep"}
	milestone := &cobra.Command{Use: "milestone"}
	add := &cobra.Command{Use: "add"}
	root.AddCommand(iep)
	iep.AddCommand(milestone)
	milestone.AddCommand(add)
	tests := []struct{ msg, want string }{
		{`required flag(s) "due" not set`, "iep milestone add needs --due"},
		{`required flag(s) "due", "text" not set`, "iep milestone add needs --due and --text"},
		{"at least one of the flags in the group [name returning-from] is required", "iep milestone add needs --name or --returning-from"},
		{"if any flags in the group [a b] are set none of the others can be; [a b] were all set", "--a and --b cannot be given together: give one"},
		{"something else", "something else"},
	}
	for _, tt := range tests {
		if got := flagGroupWords(add, tt.msg); got != tt.want {
			t.Errorf("flagGroupWords(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

// TestRequiredChoiceFlagNamesItsChoices: a required flag of a closed list
// left out is said with its choices, so that the next try can be typed
// without the help.
func TestRequiredChoiceFlagNamesItsChoices(t *testing.T) {
	root := &cobra.Command{Use: "caseplan"}
	iep := &cobra.Command{Use: "iep"}
	agree := &cobra.Command{Use: "agree"}
	root.AddCommand(iep)
	iep.AddCommand(agree)
	want := "iep agree needs --how: " + choicesOf("iep agree", "how")
	if got := flagGroupWords(agree, `required flag(s) "how" not set`); got != want || !strings.Contains(got, " or ") {
		t.Errorf("flagGroupWords = %q, want %q", got, want)
	}
}

// A day typed where a commit is asked for (--at 2026-10-31) is no commit,
// but the hint names the commit that stood at that day's end, as --as-of
// reads it, and says when there was none yet.
func TestRevisionErrorDayNotCommit(t *testing.T) {
	dir := initCLIStore(t) // its one commit is dated 2026-03-16
	repo, err := gitstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	head, err := repo.ReadHead()
	if err != nil {
		t.Fatal(err)
	}
	short := head.String()[:12]
	cases := []struct{ rev, want string }{
		{"2026-10-31", "2026-10-31 is a day, not a commit: the last commit made on or before it is " + short + ", so --at " + short + " reads the records as they stood at its end"},
		{"2026-03-01", "2026-03-01 is a day, not a commit, and no commit was made on or before it; caseplan log lists the commits"},
		{"deadbeef", "name a commit of this store: a hash (at least 4 digits), a branch, a tag or HEAD; caseplan log lists the commits"},
	}
	for _, c := range cases {
		_, err := repo.ResolveRevision(c.rev)
		err = revisionError(repo, "--at", err)
		var ue *UsageError
		if !errors.As(err, &ue) || ue.Hint != c.want {
			t.Errorf("--at %s: %v, hint %q; want the hint %q", c.rev, err, ue.Hint, c.want)
		}
	}
	// A report takes --as-of, which is what the day meant.
	o := &reportOptions{}
	_, err = repo.ResolveRevision("2026-10-31")
	var ue *UsageError
	if err = o.atError(repo, err); !errors.As(err, &ue) || ue.Hint != "2026-10-31 is a day, not a commit: --as-of 2026-10-31 reports from the last commit made on or before it ("+short+")" {
		t.Errorf("report --at 2026-10-31: %v, hint %q; want --as-of named", err, ue.Hint)
	}
}
