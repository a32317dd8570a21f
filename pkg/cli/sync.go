package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"filippo.io/age"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/access"
	"github.com/caseplan/caseplan/pkg/audit"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/findingout"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/progress"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/sshsig"
	"github.com/caseplan/caseplan/pkg/teamsync"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

type syncOptions struct {
	*globals
	remote string
	output string
}

func newCmdSync(g *globals, runF func(*syncOptions) error) *cobra.Command {
	opts := &syncOptions{globals: g}
	c := &cobra.Command{
		Use:   "sync [REMOTE]",
		Short: "Exchange commits with the team's git host",
		Long: `Bring this clone and the git host (REMOTE, default origin) to the same commit:

  1. fetch the remote's branch of the same name as this clone's;
  2. check the commits new to this clone with verify's rules (trailers, an
     author on the roster of the parent commit, notes never changed, one
     first commit), and that the remote's history still holds the last
     commit this clone synced; a rewritten or broken history is refused
     and nothing here changes;
  3. replay this clone's unpublished commits on top of the remote's, each
     keeping its author, date, message and trailers (the history stays a
     line). A file only this clone changed keeps its content; a record both
     changed is merged field by field and list item by ID, so two goals,
     two referrals or two applications added in two clones are both kept.
     A note of yours that another clone made under the same ID (same case,
     same day, other content) is given a new ID before it is sent, and
     what your commits say of it follows (an amendment's amends, NOTE#N,
     their messages); stderr names the new ID.
     A field both changed to different values keeps the remote's value; this
     clone's is reported (sync-conflict) with both authors and commits, and
     its commit stays readable under refs/caseplan/conflicts/; a commit
     sent without such a value says so in a Caseplan-Overruled trailer
     naming it, which caseplan log shows ("not kept at sync"). A file
     removed on one side and changed on the other is kept, reported the
     same way (a removal stands when the other side changed only layout or
     comments); a comment or a layout (quoting, key order) this clone gave
     a record the remote changed too is not kept, and reported. A case's
     sealed fields are merged field by field too when your age identity
     opens the three versions, and sealed again to the case's team; a
     sealed value is never shown (the finding names the field and caseplan
     case sealed set CASE --FIELD VALUE); when one version does not open,
     the remote's sealed file is kept whole and yours reported. A copy has a
     new parent, which a signature covers: the copies of your own commits
     are signed anew with your key (caseplan key); a signed commit of
     someone else's is not replayed, and the sync is refused;
  4. validate the cases the replay touched, and refuse if the combination
     has errors neither side had; warnings it has that neither side had
     (an activity logged by you on a day a colleague's closing now puts
     after the case was closed: closed-case-work) do not refuse it, and
     are said on stderr with what to do. Your commits that the remote's
     no longer allow (your access to a case taken away, the case
     transferred from you, or you retired, meanwhile) are refused, exit
     1, nothing sent: the hint says what happened and when, whom to ask
     to record what your notes say (git show refs/caseplan/refused/...),
     and which of your commits the replay dropped, and why (a sealed
     field you set on a case you can no longer open: named, never its
     value);
  5. push; if someone pushed in between, fetch and replay again (up to 5
     times);
  6. move this clone's branch, index and work tree to the result. A hand
     edit of a file the sync would change refuses the sync before anything
     is pushed; other hand edits are left as they are.

Credentials: for https, CASEPLAN_GIT_TOKEN (an access token; the user name
from CASEPLAN_GIT_USER or the URL), else a user and password in the URL,
else git's credential helpers (credential.helper); for ssh, the key file
CASEPLAN_SSH_KEY names, else the ssh agent, else ~/.ssh/id_ed25519, id_ecdsa
or id_rsa, with host keys from ~/.ssh/known_hosts. A local path or file://
remote is refused: it would need the git CLI, and caseplan's sync works
without it.

A host that does not answer within 30 s, or that goes silent for 2
minutes in the middle of a fetch or push (no byte either way), counts as
unreachable: exit 3, the clone's branch not moved, safe to run sync
again. A transfer that keeps moving, however slowly, is never cut off.

Output: the conflicts as findings (-o text|json|github), and on stderr what
was received and sent.

  -o github  the conflicts as GitHub Actions annotations (a refusal's
           findings too), and, when $GITHUB_STEP_SUMMARY names a file, a
           section of the job summary saying what sync did (or why it was
           refused or could not run, with the hint), the conflicts listed;
           a CI log is read by more people than may read a case, so there
           (stderr too) a date of birth or sensitive term the findings
           quote is shown as [withheld: pii-dob] or [withheld: pii-term]

  -o json  {"remote","branch","head","received","sent","dropped","overruled",
           "already_sent","replayed","attempts","conflicts":[finding...],
           "uncommitted":[path...],"renamed_notes":[{"case","from","to"}...],
           "warnings":[finding...]}, uncommitted the record files under
           cases/ not committed, so not sent ([] when none); renamed_notes
           the notes of this clone given a new ID ([] when none); warnings
           those the two sides' work has together and neither had alone,
           which sync sends and says on stderr too ([] when none)` + "\n" + exitStatusHelp,
		Example: `  caseplan sync           # send this clone's commits, receive the host's
  caseplan sync backup    # with the remote named backup, not origin
  caseplan sync -o github # in CI: annotations and a job summary`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.remote = gitstore.DefaultRemote
			if len(args) == 1 {
				opts.remote = args[0]
			}
			if err := outputFormat(opts.output, "text", "json", "github"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return syncRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.output, "output", "o", "text", "output `FORMAT`: text, json or github")
	c.Annotations = map[string]string{jobSummaryAnnotation: ""}
	return c
}

// syncJSON is sync's -o json contract.
type syncJSON struct {
	Remote    string `json:"remote"`
	Branch    string `json:"branch"`
	Head      string `json:"head"`
	Received  int    `json:"received"`
	Sent      int    `json:"sent"`
	Dropped   int    `json:"dropped"`
	Overruled int    `json:"overruled"`
	// AlreadySent are this clone's commits an earlier sync, stopped
	// before it moved the branch, had pushed: not sent again, not lost.
	AlreadySent int               `json:"already_sent"`
	Replayed    bool              `json:"replayed"`
	Attempts    int               `json:"attempts"`
	Conflicts   []finding.Finding `json:"conflicts"`
	// Uncommitted are the record files under cases/ not committed, so not
	// sent; [] when none.
	Uncommitted []string `json:"uncommitted"`
	// RenamedNotes are this clone's notes that another clone had made
	// under the same ID: each was sent under a new one; [] when none.
	RenamedNotes []renamedNoteJSON `json:"renamed_notes"`
	// Warnings are the warnings this clone's commits and the remote's
	// brought together that neither side had (teamsync.Result.Warnings):
	// sent, and said; [] when none.
	Warnings []finding.Finding `json:"warnings"`
}

// renamedNoteJSON is one note sync gave a new ID (teamsync.NoteRename).
type renamedNoteJSON struct {
	Case string `json:"case"`
	From string `json:"from"`
	To   string `json:"to"`
}

// errSyncInterrupted ends a sync that Ctrl-C cancelled while it waited on
// the host, as the interrupt handler ends one: "interrupted", exit 3.
var errSyncInterrupted = errors.New("interrupted")

func syncRun(opts *syncOptions) error {
	repo, err := opts.openRepo()
	if err != nil {
		return err
	}
	defer repo.Close()
	repo.OnLockWait = opts.sayLockWait
	url, err := repo.RemoteURL(opts.remote)
	if errors.Is(err, gitstore.ErrNoRemote) {
		hint := "add one with git remote add " + opts.remote + " URL, or create the store with caseplan init --remote URL"
		if strings.ContainsAny(opts.remote, "/:") {
			// An address where a remote's name goes.
			hint = "caseplan sync takes the name of a remote (git remote -v lists this store's), not its address; to sync with this address, add it as one: git remote add NAME " + opts.remote
		}
		return &UsageError{Msg: fmt.Sprintf("this store has no remote %q", opts.remote), Hint: hint}
	}
	if err != nil {
		return err
	}
	rem, err := opts.newRemote(repo, opts.remote, url)
	if err != nil {
		return err
	}
	today, err := opts.todayDate()
	if err != nil {
		return err
	}
	v, err := schemas.Compile()
	if err != nil {
		return err
	}
	// The copies a replay makes of the syncing person's own commits are
	// signed with their key (teamsync.Options.Signer). Without an author
	// or a key, none is signed, and a signed commit to replay refuses the
	// sync.
	// Their age identities open the sealed fields both sides changed, to
	// merge them field by field (teamsync.Options.Identities).
	var signer git.Signer
	var signerEmail string
	var identities []age.Identity
	if author, err := opts.actingAuthor(repo); err == nil {
		k, err := opts.keysOf(author)
		if err != nil {
			return err
		}
		signer, signerEmail, identities = casework.SignerOf(k), author.Email, k.AgeIdentities()
	}
	ctx := opts.interruptContext()
	// Ctrl-C ends a sync at once outside its writes (handleSignals): say
	// what is left, which the bare "interrupted" did not. A push lands
	// whole or not at all, and the next sync finds which.
	// The interrupt also cancels ctx, so a sync waiting on the host may
	// end with the cancelled request's error before the handler exits:
	// that is said the same way, once.
	var once sync.Once
	stopped := func() {
		once.Do(func() {
			fmt.Fprintln(opts.env.Stderr, "caseplan: the sync was stopped part way: this clone's commits are kept, and what reached the host stays there; run caseplan sync again, which is safe")
		})
	}
	opts.onStop.Store(&stopped)
	defer opts.onStop.Store(nil)
	var checking *progress.Meter
	checkingDone := 0
	res, err := teamsync.Sync(ctx, teamsync.Options{
		Repo: repo, Remote: rem, Merge: teamsync.RecordMerger,
		Schemas: v, Today: today, LockWait: opts.storeLockWait(),
		Signer: signer, SignerEmail: signerEmail, Identities: identities, Critical: opts.critical,
		OnRetry: func(attempt int) {
			checking.Done()
			checking = nil
			fmt.Fprintf(opts.env.Stderr, "caseplan: someone pushed to %s meanwhile; fetching and replaying again (attempt %d of %d)\n", rem.Redacted(), attempt+1, teamsync.DefaultAttempts)
		},
		// One meter per check of a history: the remote's, then this
		// clone's as it will be published (issue 12).
		Progress: func(done, total int) {
			if checking == nil || done <= checkingDone {
				checking.Done()
				checking, checkingDone = opts.meter("sync", total, "commits checked"), 0
			}
			checking.Add(done - checkingDone)
			checkingDone = done
		},
	})
	checking.Done()
	if err != nil {
		if ctx.Err() != nil {
			stopped()
			return errSyncInterrupted
		}
		var findings []finding.Finding
		if refused := (*teamsync.RefusedError)(nil); errors.As(err, &refused) {
			findings = refused.Findings
		}
		err = opts.syncError(err, rem)
		if opts.output == "github" {
			opts.summarizeRefusal(err, withheldForCI(syncGuard(repo), findings))
		}
		return err
	}
	// What sync did, said on stderr and, in CI, in the job summary.
	var said []string
	say := func(format string, a ...any) {
		line := fmt.Sprintf(format, a...)
		fmt.Fprintf(opts.env.Stderr, "caseplan: %s\n", line)
		said = append(said, line)
	}
	conflicts := make([]finding.Finding, len(res.Conflicts))
	for i, c := range res.Conflicts {
		conflicts[i] = c.Finding()
	}
	// sync sends commits: records written with --no-commit, or edited by
	// hand and not committed, stay in this clone, though "already in step"
	// would read as if the colleagues had them.
	uncommitted := []string{}
	edits, _, err := repo.EditsUnder(layout.CasesDir, func(p string) bool {
		_, isRecord := layout.KindOf(p)
		return isRecord
	})
	if err == nil {
		for _, e := range edits {
			uncommitted = append(uncommitted, e.Path)
		}
	}
	renamed := []renamedNoteJSON{}
	for _, r := range res.Renamed {
		renamed = append(renamed, renamedNoteJSON{Case: r.Case, From: r.From, To: r.To})
		say("note %s of %s was also made in another clone; yours is now %s", r.From, r.Case, r.To)
	}
	warnings := slices.Clone(res.Warnings)
	if warnings == nil {
		warnings = []finding.Finding{}
	}
	// In CI the findings are shown withheld, stderr's too: it is the
	// step's log.
	shown, shownWarnings := conflicts, warnings
	if ciFormat(opts.output) {
		g := syncGuard(repo)
		shown, shownWarnings = withheldForCI(g, conflicts), withheldForCI(g, warnings)
	}
	if len(warnings) > 0 {
		// Nobody saw these when they wrote: each side's work was sound
		// on its own, and only together do they have them.
		say("warning: this clone's commits and the remote's together have %d warning(s) neither had; what was sent stays, and each says what to do:", len(warnings))
		for _, f := range shownWarnings {
			// Listed in the job summary's table with the conflicts.
			fmt.Fprintf(opts.env.Stderr, "caseplan: %s\n", f)
		}
	}
	if opts.output == "json" {
		enc := json.NewEncoder(opts.env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(syncJSON{
			Remote: opts.remote, Branch: res.Branch, Head: res.Head.String(),
			Received: res.Received, Sent: res.Sent, Dropped: res.Dropped, Overruled: res.Overruled,
			AlreadySent: res.AlreadySent, Replayed: res.Replayed, Attempts: res.Attempts, Conflicts: conflicts,
			Uncommitted: uncommitted, RenamedNotes: renamed, Warnings: warnings,
		})
	}
	out, err := findingout.ForHistory(opts.env.Stdout, opts.output, findingout.HistoryRun{})
	if err != nil {
		return usageErrorf("-o: %v", err)
	}
	if err := findingout.WriteAll(out, shown); err != nil {
		return err
	}
	what := "already in step"
	switch {
	case res.Received > 0 || res.Sent > 0 || res.AlreadySent > 0:
		what = fmt.Sprintf("received %d commit(s), sent %d", res.Received, res.Sent)
	}
	say("synced with %s (%s): %s; %s is at %s", opts.remote, rem.Redacted(), what, res.Branch, res.Head.String()[:12])
	if res.Dropped > 0 {
		say("%d commit(s) of this clone made changes the remote had already; they were not sent", res.Dropped)
	}
	if res.AlreadySent > 0 {
		say("%d commit(s) of this clone were on the remote already: an earlier sync that was stopped had sent them", res.AlreadySent)
	}
	if res.Overruled > 0 {
		say("%d commit(s) of this clone changed only what the remote had changed or removed too (values, a file, its layout or comments); they were not sent, and the conflicts above say what of theirs was not kept and where it still is", res.Overruled)
	}
	// A comment sync could not carry over is no value: counted as one, a
	// supervisor looks for a value that is not there.
	values, comments, layouts, removed := 0, 0, 0, 0
	for _, c := range res.Conflicts {
		switch {
		case c.Comment:
			comments++
		case c.Layout:
			layouts++
		case c.Removed != "":
			removed++
		default:
			values++
		}
	}
	var lost []string
	if values > 0 {
		lost = append(lost, fmt.Sprintf("%d value(s) changed on both sides kept the remote's", values))
	}
	if removed > 0 {
		lost = append(lost, fmt.Sprintf("%d file(s) removed on one side and changed on the other were kept", removed))
	}
	if comments > 0 {
		lost = append(lost, fmt.Sprintf("%d comment(s) this clone added to records the remote changed too were not kept", comments))
	}
	if layouts > 0 {
		lost = append(lost, fmt.Sprintf("the layout this clone gave %d record(s) the remote changed too was not kept", layouts))
	}
	if len(lost) > 0 {
		say("warning: %s; the conflicts above say where this clone's are kept", strings.Join(lost, ", and "))
	}
	if len(uncommitted) > 0 {
		more := ""
		if len(uncommitted) > 1 {
			more = fmt.Sprintf(" and %d more", len(uncommitted)-1)
		}
		say("warning: %d record file(s) under %s/ are not committed, so they were not sent (%s%s)", len(uncommitted), layout.CasesDir, uncommitted[0], more)
		say("hint: commit them with caseplan commit -m MESSAGE, then sync again")
	}
	if opts.output == "github" {
		opts.summarizeSync(what, said, append(shown, shownWarnings...))
	}
	return nil
}

// summarizeSync appends to the job summary ($GITHUB_STEP_SUMMARY) of a
// sync given -o github what it did: heading what (received and sent),
// said (stderr's lines, in its words), and the conflicts and warnings as
// validate lists its findings. A CI job that syncs a store showed the
// checks' sections and nothing of the sync. A summary that cannot be
// opened is warned of: the log says what sync did.
func (g *globals) summarizeSync(what string, said []string, findings []finding.Finding) {
	f, room, err := g.openSummary()
	if err != nil {
		fmt.Fprintf(g.env.Stderr, "caseplan: warning: the job summary ($GITHUB_STEP_SUMMARY) cannot be written, so what sync did is in the step's log only: %v\n", err)
	}
	if f == nil {
		return
	}
	defer f.Close()
	_ = findingout.WriteSummaryReport(f, room, "caseplan sync", what, said, findings)
	g.summaryWritten = true
}

// summarizeRefusal appends to the job summary of a sync given -o github
// that was refused (err, exit 1) why, with the hint, and the findings
// that refused it (a refusal's breaches), which also become annotations
// as validate's findings are: an exit-1 error gets no annotation of its
// own (annotate). Other errors are said by annotate and summarizeError.
func (g *globals) summarizeRefusal(err error, findings []finding.Finding) {
	if !errors.As(err, new(*InvalidError)) {
		return
	}
	if out, ferr := findingout.ForHistory(g.env.Stdout, "github", findingout.HistoryRun{}); ferr == nil {
		_ = findingout.WriteAll(out, findings)
	}
	lines := strings.Split(err.Error(), "\n")
	if hint := errorHint(err); hint != "" {
		for _, line := range strings.Split(hint, "\n") {
			lines = append(lines, "hint: "+line)
		}
	}
	for i, line := range lines {
		lines[i] = redactSSN(line)
	}
	f, room, ferr := g.openSummary()
	if f == nil || ferr != nil {
		return
	}
	defer f.Close()
	_ = findingout.WriteSummaryReport(f, room, "caseplan sync", "refused", lines, findings)
	g.summaryWritten = true
}

// syncGuard is the leak guard of the store's settings as committed on
// the clone's branch: what its CI output withholds (withheldForCI).
func syncGuard(repo *gitstore.Repo) *pii.Guard {
	head, err := repo.Head()
	if err != nil {
		head = plumbing.ZeroHash
	}
	g, _ := validate.Guard(headConfig(repo, head))
	return g
}

// newRemote resolves the credentials for url the way sync documents them.
func (g *globals) newRemote(repo *gitstore.Repo, name, url string) (*gitstore.Remote, error) {
	creds := gitstore.Credentials{Getenv: g.env.Getenv}
	if repo != nil {
		cfg, err := repo.Git().ConfigScoped(config.GlobalScope)
		if err == nil {
			creds.Config = cfg
		}
	}
	rem, err := gitstore.NewRemote(name, url, creds)
	var unsupported *gitstore.UnsupportedRemoteError
	if errors.As(err, &unsupported) {
		return nil, &UsageError{Msg: err.Error(), Hint: unsupported.Hint}
	}
	return rem, err
}

// foldedMerges is foldedMerges (verify's) in the store's repository; ""
// when the repository cannot be opened, or tip is unknown.
func (g *globals) foldedMerges(base, tip plumbing.Hash, baseName string) string {
	if tip.IsZero() {
		return ""
	}
	repo, err := g.openRepo()
	if err != nil {
		return ""
	}
	defer repo.Close()
	return foldedMerges(repo.Git(), base, tip, baseName)
}

// firstContactError explains why init --remote or clone could not reach
// the remote: there is no clone yet, so sync's advice (git remote -v,
// this clone's commits) does not apply; nothing was made, and the
// command (what) is run again once the address is right. Other errors
// are syncError's.
func (g *globals) firstContactError(err error, rem *gitstore.Remote, what string) error {
	var remoteErr *gitstore.RemoteError
	if errors.As(err, &remoteErr) {
		switch remoteErr.Kind {
		case gitstore.RemoteUnreachable:
			return hintf(err, "check the address and the network; nothing was made: run %s again once the host answers", what)
		case gitstore.RemoteNotFound:
			return hintf(err, "check the address and that your account may see the repository; nothing was made: run %s again with the repository's URL", what)
		}
	}
	return g.syncError(err, rem)
}

// syncError explains why a sync (or clone) did not happen; the findings
// of a refusal are printed first.
func (g *globals) syncError(err error, rem *gitstore.Remote) error {
	var refused *teamsync.RefusedError
	var remoteErr *gitstore.RemoteError
	var overwrite *gitstore.OverwriteError
	var unfinished *gitstore.UnfinishedError
	var resign *teamsync.ResignError
	var twice *teamsync.OpenedTwiceError
	switch {
	case errors.As(err, &twice):
		return &InvalidError{Msg: twice.Error(), Hint: fmt.Sprintf("nothing was sent or changed. Agree with your colleague who keeps %[1]s; the other person's case is opened again under a new ID (caseplan case new without --id picks a free one), and this clone's commits of %[1]s are taken out before the next sync (caseplan log %[1]s lists them; git show COMMIT keeps what they held): when they are all this clone has not sent, git update-index -q --refresh && git reset --keep %[2]s", twice.Case, short(twice.Remote.String()))}
	case errors.As(err, &refused):
		for _, line := range groupedFindings(refused.Findings) {
			fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", line)
		}
		hint := "fix the records in a new commit (caseplan edit, then caseplan commit) and sync again"
		switch {
		case refused.Incoming && !refused.LastGood.IsZero():
			// Nobody's sync accepts the remote's commits from FirstBad
			// on, so none of them is in anyone's synced history: taking
			// them off the host loses nothing that is not redone anyway.
			bad, good, branch := short(refused.FirstBad.String()), short(refused.LastGood.String()), refused.Branch
			name := rem.Name
			if name == "" {
				name = rem.Redacted()
			}
			redo := redoWithCaseplan(good, good, "them", refused.Findings)
			notes := putBack(refused.Findings, good)
			if fold := g.foldedMerges(refused.LastGood, refused.Remote, good); fold != "" {
				redo = fold
				if notes != "" {
					redo += "; " + notes
				}
			}
			hint = fmt.Sprintf("the remote's history breaks the audit trail from commit %[1]s on (git log -1 %[1]s shows who made it), so no clone's sync takes it. Someone who may change the host puts %[3]s back at %[2]s, the last sound commit: from this clone, git push --force-with-lease=%[3]s:%[4]s %[5]s %[2]s:refs/heads/%[3]s (or the host's own tools). Whoever made %[1]s and the commits after it then redoes their changes with caseplan in their clone: %[6]s, and caseplan sync sends them", bad, good, branch, short(refused.Remote.String()), name, redo) + unsentWait(refused)
		case refused.Incoming && history.Rewritten(refused.Findings):
			// Commits this clone synced are gone from the host: this
			// clone still holds them, so it is where they are seen and
			// where the host can have them back from.
			hint = fmt.Sprintf("someone reset or force-pushed %[1]s on the host, and commits this clone synced are gone from it; this clone still holds them. git log --oneline %[2]s..HEAD lists them (caseplan log shows who made each, git show COMMIT what it held), and git log --oneline HEAD..%[2]s what the host has that this clone does not. Ask whoever administers the git host, and the store's admin (caseplan staff list), to put them back from this clone or another one; then caseplan sync", refused.Branch, short(refused.Remote.String()))
		case refused.Incoming:
			hint = "the remote's history breaks the audit trail: find out who pushed it, and restore the history from a clone or the git host; caseplan verify names the same commits" + unsentWait(refused)
		case refused.AfterRemote:
			var mine []string
			for _, f := range refused.Findings {
				if f.Commit != "" && !slices.Contains(mine, short(f.Commit)) {
					mine = append(mine, short(f.Commit))
				}
			}
			// The reset takes out every commit this clone has not sent,
			// not only the refused ones: say which others go with them,
			// so that their changes are redone rather than lost.
			// A commit the replay dropped is not one the remote allows:
			// its change is lost, or on the remote already; it is said
			// apart, with why (DroppedCommit.Why).
			var also, dropped []string
			for _, h := range refused.Unsent {
				if slices.ContainsFunc(refused.Dropped, func(d teamsync.DroppedCommit) bool { return d.Commit == h }) {
					continue
				}
				if !slices.Contains(mine, short(h.String())) {
					also = append(also, short(h.String()))
				}
			}
			for _, d := range refused.Dropped {
				dropped = append(dropped, d.Why(refused.Kept.String()))
			}
			out := "they stay under"
			if len(also) > 0 {
				out = fmt.Sprintf("that takes out all %d commit(s) this clone has not sent, also %s, which the remote still allows: after the reset, redo their changes with caseplan's commands, each with the date it had (--date; git log -p shows it), or rather have the access given back; all of them stay under", len(refused.Unsent), strings.Join(also, ", "))
			}
			giveBack := "Either an admin or the case's manager gives back what they need (caseplan staff set, caseplan case team add) and you sync again"
			retired, retiredEmails := g.retiredAuthors(refused.Findings, refused.Remote, refused.Base, refused.Kept)
			moved, cmds := g.giveBackCommands(refused.Findings, refused.Remote, refused.Kept, retiredEmails)
			if len(cmds) > 0 {
				giveBack = "Either what they need is given back — " + strings.Join(cmds, "; ") + " — and you sync again"
			}
			if len(moved) > 0 {
				giveBack = strings.Join(moved, "; ")
				if len(cmds) > 0 {
					giveBack += ". For the rest, either what they need is given back — " + strings.Join(cmds, "; ") + " — and you sync again"
				}
			}
			if len(retired) > 0 {
				// A retired member is given nothing back but by an admin
				// who makes them active again: their work is recorded by
				// whoever manages each case now.
				giveBack = strings.Join(retired, "; ")
				if len(moved) > 0 || len(cmds) > 0 {
					giveBack += ". For the rest, either what they need is given back — " + strings.Join(append(moved, cmds...), "; ") + " — and you sync again"
				}
			}
			hint = fmt.Sprintf("this clone's commit(s) %s were allowed when they were made, but the remote's commits since changed the roster, a role or a case's team (caseplan log shows who and when). %s; or someone who may makes the change anew and you take your commits out of this clone with git update-index -q --refresh && git reset --keep %s; %s %s (git log -p %s shows what they held)", strings.Join(mine, ", "), giveBack, short(refused.Remote.String()), out, refused.Kept, refused.Kept)
			if replaced, all := g.replacedKeys(refused.Findings, refused.Remote, mine); len(replaced) > 0 {
				// Nothing given back makes a replaced key sign again: say
				// so, rather than send whoever holds it (a thief, maybe)
				// to an admin for access.
				if all {
					hint = fmt.Sprintf("%s. If the change is yours, take the commit(s) out of this clone with git update-index -q --refresh && git reset --keep %s (they stay under %s; git log -p %s shows what they held) and make it again with your current key (caseplan key show)", strings.Join(replaced, "; "), short(refused.Remote.String()), refused.Kept, refused.Kept)
				} else {
					hint = strings.Join(replaced, "; ") + ". For the rest, " + hint
				}
			}
			if len(dropped) > 0 {
				hint += ". " + strings.Join(dropped, ". ")
			}
		case refused.Outgoing && !refused.Base.IsZero():
			// A commit made with git (unsigned, or changing records
			// without trailers) is redone, not patched: its changes stay
			// in the work tree, and are committed again the way verify
			// accepts.
			// A changed note, or a removed episode, is put back first, as
			// for the host's history (putBack): caseplan commit refuses it.
			base := short(refused.Base.String())
			commits := "caseplan commit -m MESSAGE commits"
			if notes := putBack(refused.Findings, base); notes != "" {
				commits = notes + "; caseplan commit -m MESSAGE commits the rest of"
			}
			redo := fmt.Sprintf("git reset --soft %s keeps what this clone's unsent commits changed; %s", base, commits)
			if fold := g.foldedMerges(refused.Base, refused.Local, base); fold != "" {
				redo = fold + "; " + commits
			}
			hint = fmt.Sprintf("caseplan verify names the same commits, each of which has to be redone before it can be shared, by someone on the roster: %s the records under cases/ with caseplan's trailers (and signature), a file outside cases/ is committed again with git, signed where the store requires signatures (git -c gpg.format=ssh -c user.signingkey=KEYFILE commit -S -m MESSAGE; caseplan key show names KEYFILE as signing_file); then caseplan sync", redo)
		case refused.Outgoing:
			hint = "caseplan verify names the same commits; a commit made outside caseplan, or by someone not on the roster, has to be redone through caseplan's commands (caseplan commit -m MESSAGE for records under cases/; a file outside cases/ with git commit -S where the store requires signatures) before it can be shared"
		}
		return &InvalidError{Msg: refused.Error(), Hint: hint}
	case errors.As(err, &remoteErr):
		switch remoteErr.Kind {
		case gitstore.RemoteUnreachable:
			var stalled *gitstore.StalledError
			if errors.As(err, &stalled) {
				return hintf(err, "the host or the network on the way went silent; this clone's branch was not moved and its commits stay here: it is safe to run caseplan sync again")
			}
			return hintf(err, "check the address (git remote -v) and the network; nothing was changed: this clone's commits stay here, and caseplan sync sends them once the host answers")
		case gitstore.RemoteAuthRequired, gitstore.RemoteAuthFailed:
			return hintf(err, "set %s to an access token with read and write access to the repository, or set up git's credential helper; for ssh, load your key into the ssh agent or set %s", gitstore.TokenEnv, gitstore.SSHKeyEnv)
		case gitstore.RemoteNotFound:
			return hintf(err, "check the address (git remote -v) and that your account may see the repository")
		}
		return err
	case errors.As(err, &overwrite):
		// Exit 2, as every write refuses a record with uncommitted edits
		// (the work tree is in the way, nothing is wrong with the host).
		return &UsageError{Msg: err.Error(), Hint: "commit them (caseplan commit) or put them aside, then sync again; nothing was sent"}
	case errors.As(err, &unfinished):
		return hintf(err, "%s", unfinished.Hint())
	case errors.As(err, &resign):
		return hintf(err, "its author syncs it, from a clone with their key (CASEPLAN_AUTHOR and caseplan key show); nothing was sent")
	case errors.Is(err, teamsync.ErrUnrelated):
		return hintf(err, "the remote holds another store; clone it with caseplan clone %s", rem.Redacted())
	case errors.Is(err, teamsync.ErrTooManyAttempts):
		return hintf(err, "run caseplan sync again in a moment; nothing of this clone was lost")
	}
	return g.changeError(err)
}

// redoWithCaseplan is the one wording of how commits made with git alone
// after base are redone: git reset --soft keeps their changes (kept says
// what they are), and caseplan commit commits them with its trailers.
// When they changed or removed a committed note, which caseplan commit
// refuses, the note is first put back from the commit written checkout
// and its correction becomes an amendment (notesPutBack); so is an
// outcome's episode they removed (episodesPutBack); sync and verify both
// say it this way.
func redoWithCaseplan(base, checkout, kept string, fs []finding.Finding) string {
	if notes := putBack(fs, checkout); notes != "" {
		return fmt.Sprintf("git reset --soft %s keeps %s; %s; caseplan commit -m MESSAGE commits the rest, if any, with caseplan's trailers", base, kept, notes)
	}
	return fmt.Sprintf("git reset --soft %s keeps %s, then caseplan commit -m MESSAGE commits them with caseplan's trailers", base, kept)
}

// putBack is the step of a redo that puts back what caseplan commit
// would refuse to commit the removal or change of: committed notes
// (notesPutBack) and an outcome's episodes (episodesPutBack). "" when no
// finding is about either.
func putBack(fs []finding.Finding, good string) string {
	var steps []string
	for _, s := range []string{notesPutBack(fs, good), episodesPutBack(fs, good)} {
		if s != "" {
			steps = append(steps, s)
		}
	}
	return strings.Join(steps, "; ")
}

// episodesPutBack is the step of a redo that puts back the outcome
// episodes the refused commits removed: an episode is added, never
// removed, and caseplan commit refuses a removal (audit.RuleEpisodeRemoved),
// so git reset --soft alone would leave a change that no caseplan command
// commits. What to record instead is the opposite episode, which each
// finding names. "" when no finding is about an episode.
func episodesPutBack(fs []finding.Finding, good string) string {
	var paths, cases []string
	for _, f := range fs {
		if f.Rule != history.RuleEpisodeRemoved || f.Path == "" || slices.Contains(paths, f.Path) {
			continue
		}
		paths = append(paths, f.Path)
		if f.Case != "" {
			cases = append(cases, layout.CaseDir(f.Case))
		}
	}
	if len(paths) == 0 {
		return ""
	}
	dirs := "CASE-DIRECTORY"
	if len(cases) == len(paths) {
		dirs = strings.Join(cases, " ")
	}
	return fmt.Sprintf("git checkout %[1]s -- %[2]s puts the removed episodes back as they were committed (an outcome's episodes are added, never removed, and caseplan commit refuses a removal; git show %[1]s:FILE shows what it held, and a case directory removed with it comes back with git checkout %[1]s -- %[3]s), and an episode recorded by mistake is ended by the opposite one, as the finding says",
		good, strings.Join(paths, " "), dirs)
}

// notesPutBack is the step of a redo that puts back, as committed, the
// notes the refused commits changed or removed: a note is never edited,
// and caseplan commit refuses a changed one, so git reset --soft alone
// would leave a change that no caseplan command commits. "" when no
// finding is about a note.
func notesPutBack(fs []finding.Finding, good string) string {
	var paths []string
	var note finding.Finding
	for _, f := range fs {
		if (f.Rule == history.RuleNoteChanged || f.Rule == history.RuleNoteRemoved) && f.Path != "" && !slices.Contains(paths, f.Path) {
			paths = append(paths, f.Path)
			note = f
		}
	}
	if len(paths) == 0 {
		return ""
	}
	amend := "caseplan note amend CASE NOTE --content TEXT"
	if id := strings.TrimSuffix(path.Base(note.Path), layout.Ext); len(paths) == 1 && note.Case != "" && layout.Note(note.Case, id) == note.Path {
		amend = fmt.Sprintf("caseplan note amend %s %s --content TEXT", note.Case, id)
	}
	return fmt.Sprintf("git checkout %s -- %s puts the note back as it was committed (a committed note is never changed, and caseplan commit refuses one that is), and %s records the correction as a new note", good, strings.Join(paths, " "), amend)
}

// unsentWait says, after a refusal of the remote's history, that this
// clone's own commits were not sent and wait for the host's repair, so
// that nobody takes them for shared. "" when there are none.
func unsentWait(refused *teamsync.RefusedError) string {
	if len(refused.Unsent) == 0 {
		return ""
	}
	return fmt.Sprintf(". This clone's %d commit(s) not sent yet wait here, held back until the host's history is repaired; the next caseplan sync after that sends them", len(refused.Unsent))
}

// groupedFindings renders a refusal's findings one line per finding that
// differs in more than its commit: the same case lost to the same cause
// is one line however many commits (notes) hit it, and the line names
// every one of those commits.
func groupedFindings(fs []finding.Finding) []string {
	type group struct {
		f       finding.Finding
		commits []string
	}
	var groups []*group
	byKey := map[finding.Finding]*group{}
	for _, f := range fs {
		key := f
		key.Commit = ""
		gr, ok := byKey[key]
		if !ok {
			gr = &group{f: f}
			byKey[key] = gr
			groups = append(groups, gr)
		}
		if f.Commit != "" && !slices.Contains(gr.commits, short(f.Commit)) {
			gr.commits = append(gr.commits, short(f.Commit))
		}
	}
	lines := make([]string, len(groups))
	for i, gr := range groups {
		if len(gr.commits) < 2 {
			lines[i] = gr.f.String()
			continue
		}
		list := strings.Join(gr.commits, ", ")
		f := gr.f
		f.Commit = ""
		if f.Path == "" {
			lines[i] = fmt.Sprintf("commits %s: %s %s: %s", list, f.Severity, f.Rule, f.Message)
		} else {
			lines[i] = fmt.Sprintf("%s (commits %s)", f, list)
		}
	}
	return lines
}

// giveBackCommands names, for a refusal whose commits the remote's
// roster or team changes no longer allow, what gives each author back the
// access a finding says they lost, once per case and author. For a case
// transferred away from the author since (the remote's intake.yaml at
// remote names another manager and a transfer from them), moved says so —
// to whom and when — and asks the new manager to record what the refused
// notes say, naming where their text is kept (under kept, the ref the
// refused commits stay reachable from): adding the former manager to the
// team, the advice for someone new to a case, is seldom what is meant.
// Otherwise cmds is caseplan case team add with the case and the author's
// name and email (from the refused commit). Both nil when no finding says
// which case and whose commit.
func (g *globals) giveBackCommands(fs []finding.Finding, remote plumbing.Hash, kept plumbing.ReferenceName, retired map[string]bool) (moved, cmds []string) {
	repo, err := g.openRepo()
	if err != nil {
		return nil, nil
	}
	defer repo.Close()
	type key struct{ kase, email string }
	notes := map[key][]string{}
	var order []key
	authors := map[key]object.Signature{}
	// closing holds, per case and author, the refused commit that closed
	// or reopened the case: for one already on the case's team, that is
	// what was refused, and the team add gives them nothing.
	closing := map[key]*object.Commit{}
	for _, f := range fs {
		if f.Rule != access.RuleCase || f.Case == "" || f.Commit == "" {
			continue
		}
		c, err := repo.Git().CommitObject(plumbing.NewHash(f.Commit))
		if err != nil {
			continue
		}
		if retired[c.Author.Email] {
			continue // retiredAuthors says what to do
		}
		k := key{f.Case, c.Author.Email}
		if _, ok := authors[k]; !ok {
			order = append(order, k)
			authors[k] = c.Author
		}
		for _, p := range addedNotes(c, f.Case) {
			if !slices.Contains(notes[k], p) {
				notes[k] = append(notes[k], p)
			}
		}
		if _, _, ok := closedBeforeAfter(c, f.Case); ok && closing[k] == nil {
			closing[k] = c
		}
	}
	for _, k := range order {
		a := authors[k]
		teamAdd := fmt.Sprintf("caseplan case team add %s --name %s --email %s --role ROLE", k.kase, shellWord(a.Name), shellWord(a.Email))
		if ask, ok := closingOnTeam(repo.Git(), remote, closing[k], k.kase, a.Email); ok {
			say := ask
			if t, to, _, ok := transferredAway(repo.Git(), remote, k.kase, a.Email); ok {
				say = fmt.Sprintf("%s was transferred from %s to %s (%s) on %s; %s", k.kase, t.From, to.Name, to.ID, t.Date, ask)
			}
			if len(notes[k]) > 0 && kept != "" {
				var shows []string
				for _, p := range notes[k] {
					shows = append(shows, "git show "+kept.String()+":"+p)
				}
				say += " as your commit did (the text of your note(s) stays in this clone: " + strings.Join(shows, ", ") + ")"
			}
			moved = append(moved, say+", and once they have, take your commits out as below")
			continue
		}
		if t, to, now, ok := transferredAway(repo.Git(), remote, k.kase, a.Email); ok {
			where := "caseplan log " + k.kase + " shows it"
			if len(notes[k]) > 0 && kept != "" {
				var shows []string
				for _, p := range notes[k] {
					shows = append(shows, "git show "+kept.String()+":"+p)
				}
				where = "the text of each stays in this clone: " + strings.Join(shows, ", ")
			}
			// Whom to ask is access's to say (TransferredAway): a case
			// handed on again since is no longer the first one's.
			moves := fmt.Sprintf("%s was transferred from %s to %s (%s) on %s", k.kase, t.From, to.Name, to.ID, t.Date)
			ask := to
			if _, id := access.TransferredAway(k.kase, t, now.ID); id != to.ID {
				moves += fmt.Sprintf(", and is %s's (%s) now", now.Name, now.ID)
				ask = now
			}
			say := fmt.Sprintf("%s: ask %s, its manager now, to record what your notes on it say (%s), and once they have, take your commits out as below — or, if you still work on the case, to add you to its team (%s) so that they go at the next sync", moves, ask.Name, where, teamAdd)
			if len(notes[k]) > 0 {
				// As note add's refusal says it (access owns the words):
				// a note misdated after the transfer goes, redone with
				// its date, once the commits are taken out.
				say += "; " + access.LateEntryHint(t.Date)
			}
			moved = append(moved, say)
			continue
		}
		cmd := fmt.Sprintf("the manager of %[1]s (caseplan case show %[1]s names them), a coordinator or a supervisor adds %[2]s to its team: %[3]s (ROLE their part in it, e.g. counselor or other)", k.kase, a.Email, teamAdd)
		if !slices.Contains(cmds, cmd) {
			cmds = append(cmds, cmd)
		}
	}
	return moved, cmds
}

// replacedKeys words, for each refused commit signed with a key the
// remote's roster (remote) has replaced, that it was replaced and when,
// and that commits signed with it are refused; all says every commit of
// mine (short hashes) is such a one.
func (g *globals) replacedKeys(fs []finding.Finding, remote plumbing.Hash, mine []string) (say []string, all bool) {
	repo, err := g.openRepo()
	if err != nil {
		return nil, false
	}
	defer repo.Close()
	var signed []string
	for _, f := range fs {
		if f.Rule != history.RuleNotAuthor || f.Commit == "" || slices.Contains(signed, short(f.Commit)) {
			continue
		}
		k, err := history.ReplacedKey(repo.Git(), plumbing.NewHash(f.Commit), remote)
		if err != nil || k == nil {
			continue
		}
		signed = append(signed, short(f.Commit))
		say = append(say, fmt.Sprintf("commit %s is signed with %s's signing key %s, which was replaced on the roster on %s: commits signed with it are refused, whatever day they are dated", short(f.Commit), k.ID, sshsig.Fingerprint(k.Key), k.Last.Format(record.DateLayout)))
	}
	all = len(signed) > 0
	for _, c := range mine {
		all = all && slices.Contains(signed, c)
	}
	return say, all
}

// retiredAuthors says, for a refusal whose commits' authors the remote's
// roster has retired since (verify's author-retired), what happened —
// when each was retired, and by whom — and what to do: a retired
// member's commits are never accepted, whatever day they are dated (a
// note on a case transferred away is no late entry then: retiring is
// how a store revokes a key, which may be in anyone's hands), so who
// manages each case now records what their notes say, whose text stays
// under kept. emails are the retired authors, for giveBackCommands to
// leave out: adding them to a team gives them nothing. Both empty when no
// finding is author-retired.
func (g *globals) retiredAuthors(fs []finding.Finding, remote, base plumbing.Hash, kept plumbing.ReferenceName) (say []string, emails map[string]bool) {
	repo, err := g.openRepo()
	if err != nil {
		return nil, nil
	}
	defer repo.Close()
	var order []string
	by := map[string][]*object.Commit{}
	for _, f := range fs {
		if f.Rule != history.RuleAuthorRetired || f.Commit == "" {
			continue
		}
		c, err := repo.Git().CommitObject(plumbing.NewHash(f.Commit))
		if err != nil {
			continue
		}
		if by[c.Author.Email] == nil {
			order = append(order, c.Author.Email)
		}
		by[c.Author.Email] = append(by[c.Author.Email], c)
	}
	if len(order) == 0 {
		return nil, nil
	}
	tip, err := repo.Git().CommitObject(remote)
	if err != nil {
		return nil, nil
	}
	var cfg record.Config
	if !decodeAt(tip, layout.ConfigPath, &cfg) {
		return nil, nil
	}
	emails = map[string]bool{}
	for _, email := range order {
		me, ok := cfg.StaffByEmail(email)
		if !ok {
			continue
		}
		emails[email] = true
		when := ""
		if c := retiredIn(repo.Git(), remote, base, email); c != nil {
			when = fmt.Sprintf(" on %s (by %s, commit %s)", c.Author.When.Format(record.DateLayout), c.Author.Name, short(c.Hash.String()))
		}
		line := fmt.Sprintf("You (%s) were retired from the staff roster%s: a retired member's commits are not accepted, whatever day they are dated — a note too, even one a former manager could still add as a late entry — so ask who manages each case now to record, in their own name, what your notes say", me.ID, when)
		var asks []string
		for _, c := range by[email] {
			cases, _, _ := audit.Trailers(c.Message)
			for _, kase := range cases {
				notes := addedNotes(c, kase)
				if len(notes) == 0 {
					continue
				}
				var in record.Intake
				ask := "its manager (caseplan case show " + kase + ")"
				if decodeAt(tip, layout.Intake(kase), &in) && in.Manager != "" {
					if s, ok := cfg.StaffByID(in.Manager); ok && s.IsActive() {
						ask = record.NameWithID(s.Name, s.ID, false)
					} else {
						// Still yours, or another leaver's: nobody
						// active manages it until it is handed on.
						ask = fmt.Sprintf("a supervisor, who hands it on first (it is still %s's: caseplan case transfer %s --to STAFF --reason TEXT)", in.Manager, kase)
					}
				}
				var shows []string
				for _, p := range notes {
					ref := kept.String()
					if kept == "" {
						ref = c.Hash.String()
					}
					shows = append(shows, "git show "+ref+":"+p)
				}
				asks = append(asks, fmt.Sprintf("%s, %s (%s)", kase, ask, strings.Join(shows, ", ")))
			}
		}
		if len(asks) > 0 {
			line += ": " + strings.Join(asks, "; ")
		}
		line += fmt.Sprintf(", then take your commits out as below; if you are back, an admin makes you active again (caseplan staff set %s --active=true) and you sync again", me.ID)
		say = append(say, line)
	}
	return say, emails
}

// retiredIn is the remote's commit, on its first-parent line after base,
// that retired the staff member with that email from the roster: the
// newest whose parent's roster has them active. nil when none is found.
// The roster keeps no date of retirement: the commit's date is the day
// it was recorded.
func retiredIn(repo *git.Repository, remote, base plumbing.Hash, email string) *object.Commit {
	active := func(c *object.Commit) bool {
		var cfg record.Config
		if !decodeAt(c, layout.ConfigPath, &cfg) {
			return false
		}
		s, ok := cfg.StaffByEmail(email)
		return ok && s.IsActive()
	}
	c, err := repo.CommitObject(remote)
	for err == nil && c.Hash != base && len(c.ParentHashes) > 0 {
		parent, perr := c.Parent(0)
		if perr != nil {
			return nil
		}
		if !active(c) && active(parent) {
			return c
		}
		c = parent
	}
	return nil
}

// addedNotes are the notes of the case that commit c added.
func addedNotes(c *object.Commit, kase string) []string {
	tree, err := c.Tree()
	if err != nil {
		return nil
	}
	var before *object.Tree
	if p, err := c.Parent(0); err == nil {
		before, _ = p.Tree()
	}
	dir := layout.NotesOf(kase)
	notes, err := tree.Tree(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range notes.Entries {
		p := dir + "/" + e.Name
		if !layout.IsNote(p) {
			continue
		}
		if before != nil {
			if _, err := before.File(p); err == nil {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// transferredAway reports the transfer by which the case left the staff
// member with that email, as the remote's commit holds the case and the
// roster: the latest transfer from them, when they no longer manage it,
// whom it went to (to) and who manages it now (now), each as the roster
// names them (their ID as their name when it does not).
func transferredAway(repo *git.Repository, remote plumbing.Hash, kase, email string) (t record.Transfer, to, now record.Staff, ok bool) {
	var intake record.Intake
	var cfg record.Config
	c, err := repo.CommitObject(remote)
	if err != nil || !decodeAt(c, layout.Intake(kase), &intake) || !decodeAt(c, layout.ConfigPath, &cfg) {
		return t, to, now, false
	}
	me, ok := cfg.StaffByEmail(email)
	if !ok || intake.Manager == me.ID {
		return t, to, now, false
	}
	staff := func(id string) record.Staff {
		if s, ok := cfg.StaffByID(id); ok {
			return s
		}
		return record.Staff{ID: id, Name: id}
	}
	for i := len(intake.Transfers) - 1; i >= 0; i-- {
		if t := intake.Transfers[i]; t.From == me.ID {
			return t, staff(t.To), staff(intake.Manager), true
		}
	}
	return t, to, now, false
}

// closedBeforeAfter reports whether commit c changed case kase's status
// between closed and not (a close or a reopening), and which way: was and
// is are closed in c's first parent and in c. ok is false when c did
// neither, or either intake cannot be read.
func closedBeforeAfter(c *object.Commit, kase string) (was, is, ok bool) {
	parent, err := c.Parent(0)
	if err != nil {
		return false, false, false
	}
	var before, after record.Intake
	if !decodeAt(parent, layout.Intake(kase), &before) || !decodeAt(c, layout.Intake(kase), &after) {
		return false, false, false
	}
	was, is = before.Status == "closed", after.Status == "closed"
	return was, is, was != is
}

// closingOnTeam is, for commit c (nil: none) that closed or reopened case
// kase and was refused, what its author is told when the remote's records
// already have them on the case's team but not as one who closes it
// (access.MayClose): access's words, naming the manager now. ok is false
// when the author is not on the team, or may close it, so that the team
// add is the remedy after all.
func closingOnTeam(repo *git.Repository, remote plumbing.Hash, c *object.Commit, kase, email string) (string, bool) {
	if c == nil {
		return "", false
	}
	was, is, ok := closedBeforeAfter(c, kase)
	tip, err := repo.CommitObject(remote)
	if !ok || err != nil {
		return "", false
	}
	var in record.Intake
	var cfg record.Config
	if !decodeAt(tip, layout.Intake(kase), &in) || !decodeAt(tip, layout.ConfigPath, &cfg) {
		return "", false
	}
	me, found := cfg.StaffByEmail(email)
	if !found || !in.OnTeam(me) || access.MayClose(&cfg, me, &in) {
		return "", false
	}
	return access.ClosingAsk(kase, in.Manager, was, is), true
}

// decodeAt reads the record at p in commit c as the store reads one.
func decodeAt(c *object.Commit, p string, out any) bool {
	f, err := c.File(p)
	if err != nil {
		return false
	}
	data, err := f.Contents()
	if err != nil {
		return false
	}
	doc, _ := load.Parse(p, []byte(data))
	return doc != nil && doc.Decode(out) == nil
}

// shellWord quotes s for a POSIX shell when it needs it, so a command a
// hint names can be pasted as it is.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@._+-/=:,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
