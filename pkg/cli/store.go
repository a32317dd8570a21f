package cli

// What a command reads and acts on, resolved from the global flags and the
// environment: the store, --today, the acting author, and the store's
// records as the work tree holds them.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/casescan"
	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/history"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/progress"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// storeRoot resolves --store, CASEPLAN_STORE, else the store found upward
// from the working directory.
func (g *globals) storeRoot() (string, error) {
	dir, from := g.store, "--store"
	if dir == "" {
		dir, from = g.env.Getenv("CASEPLAN_STORE"), "CASEPLAN_STORE"
	}
	if dir == "" {
		dir, from = g.env.Dir, ""
	} else if !isAbs(dir) {
		dir = g.env.Dir + "/" + dir
	}
	if from != "" {
		// A store named by a path that is not there is a typo in the
		// path, not a missing store: say so, rather than look upward
		// from it and hint at --store, which was given.
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			what := "no such directory"
			if err == nil {
				what = "not a directory"
			}
			return "", &UsageError{
				Msg:  fmt.Sprintf("%s %q: %s", from, g.storeFlagValue(from), what),
				Hint: "name the directory of a store (or one inside it); caseplan init DIR creates a store",
			}
		}
	}
	root, err := store.Find(dir)
	if nf := (*store.NotFoundError)(nil); errors.As(err, &nf) && nf.NoSettings != "" {
		return "", &UsageError{Msg: err.Error(), Hint: fmt.Sprintf("put back the last committed one with git checkout HEAD -- %s; caseplan init makes a new store", layout.ConfigPath)}
	}
	if err != nil {
		hint := "run caseplan in a store, or name one with --store DIR; caseplan init creates one"
		switch from {
		case "--store":
			hint = "--store names the directory of a store (or one inside it); caseplan init creates one"
		case "CASEPLAN_STORE":
			hint = "CASEPLAN_STORE names the directory of a store (or one inside it): correct it, or unset it to use the store around the working directory"
		}
		return "", &UsageError{Msg: err.Error(), Hint: hint}
	}
	if gitstore.PendingWrite(root) {
		if err := g.recover(root); err != nil {
			return "", err
		}
	}
	return root, nil
}

// recover finishes or undoes the write a killed caseplan process left in
// the store at root, before this command reads or writes anything, and
// says what it did.
func (g *globals) recover(root string) error {
	repo, err := gitstore.Open(root)
	if err != nil {
		return err
	}
	defer repo.Close()
	repo.OnLockWait = g.sayLockWait
	rc, err := repo.Recover(g.storeLockWait())
	if err != nil {
		return fmt.Errorf("finishing an interrupted write: %w", err)
	}
	if rc != nil {
		fmt.Fprintf(g.env.Stderr, "caseplan: %s\n", rc)
	}
	return nil
}

// storeLockWait is how long to wait for the store lock, as --lock-wait
// says: 0 does not wait at all (the packages below read a zero wait as
// their default, a minute).
func (g *globals) storeLockWait() time.Duration {
	if g.lockWait == 0 {
		return gitstore.NoLockWait
	}
	return g.lockWait
}

// settingsHint is what to do about a store settings file that cannot be
// read.
var settingsHint = fmt.Sprintf("put back the last committed one with git checkout HEAD -- %s, or correct it; caseplan validate says what is wrong with it", layout.ConfigPath)

// settingsError refuses to work on a store whose settings file cannot be
// read (exit 1, as an invalid record), naming the file and, from the
// loader's findings, why.
func settingsError(found []finding.Finding) error {
	return &InvalidError{Msg: store.NoSettings(found).Error(), Hint: settingsHint}
}

// sayLockWait tells the person that caseplan is waiting for the store
// lock, and for whom.
func (g *globals) sayLockWait(pid int, timeout time.Duration) {
	who := "another caseplan process"
	if pid > 0 {
		who = fmt.Sprintf("caseplan process %d", pid)
	}
	fmt.Fprintf(g.env.Stderr, "caseplan: waiting for %s, which is writing to this store (up to %s; --lock-wait changes it)\n", who, g.lockWait)
}

// storeFlagValue is the store's path as it was given, by --store or by
// CASEPLAN_STORE.
func (g *globals) storeFlagValue(from string) string {
	if from == "--store" {
		return g.store
	}
	return g.env.Getenv("CASEPLAN_STORE")
}

func isAbs(p string) bool { return strings.HasPrefix(p, "/") }

// givenAuthor is the author given to caseplan and where it came from:
// --author, else CASEPLAN_AUTHOR; "" when neither is set.
func (g *globals) givenAuthor() (v, from string) {
	if g.author != "" {
		return g.author, "--author"
	}
	return g.env.Getenv(authorEnv), authorEnv
}

// actingAuthor resolves --author, CASEPLAN_AUTHOR, else git's user.name and
// user.email (the repository's config, then the global one).
func (g *globals) actingAuthor(repo *gitstore.Repo) (casework.Author, error) {
	if v, from := g.givenAuthor(); v != "" {
		name, email, err := parseAuthor(v, from)
		return casework.Author{Name: name, Email: email}, err
	}
	if name, email, ok := gitstore.ConfiguredAuthor(repo); ok {
		if p := record.StaffNameProblem(name); p != "" {
			return casework.Author{}, &UsageError{
				Msg:  fmt.Sprintf("git config user.name %q: %s", name, p),
				Hint: `correct it with git config user.name "Name", or pass --author "Name <email>"`,
			}
		}
		return casework.Author{Name: name, Email: strings.ToLower(email)}, nil
	}
	return casework.Author{}, &UsageError{
		Msg:  "who is acting? no author given",
		Hint: `pass --author "Name <email>", set CASEPLAN_AUTHOR, or set git config user.name and user.email`,
	}
}

// commitTime is when a commit says it was made: the clock, unless
// GIT_COMMITTER_DATE or GIT_AUTHOR_DATE is set, as the git CLI honours them.
// The values checkFlags accepted are the only ones reaching here.
func (g *globals) commitTime() time.Time {
	if t, ok := gitstore.DateFromEnv(g.env.Getenv); ok {
		return t
	}
	return g.env.Now()
}

// openRepo opens the store's repository.
func (g *globals) openRepo() (*gitstore.Repo, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	repo, err := gitstore.Open(root)
	if err != nil {
		return nil, notRepository(root, err)
	}
	return repo, nil
}

// notRepository is the error of a store whose directory is not the top of
// a git repository. A store is a repository of its own: one kept in a
// directory of a larger repository (a monorepo) is read by validate from
// its files, but has no history of its own for verify, log and the
// reports, and its paths are not the repository's — so annotations would
// point at the wrong files. That is said, rather than only "not a git
// repository" of a directory that is inside one.
func notRepository(root string, err error) error {
	err = fmt.Errorf("%s is not a git repository: %w", root, err)
	for dir := filepath.Dir(root); ; dir = filepath.Dir(dir) {
		if _, serr := os.Stat(filepath.Join(dir, ".git")); serr == nil {
			return hintf(err, "the store is inside the git repository %s, and a store must be a repository of its own (the top of its work tree): move it to a repository of its own (caseplan init DIR makes one)", dir)
		}
		if filepath.Dir(dir) == dir {
			return err
		}
	}
}

// check validates the store (or some cases of it) as it stands in src.
// running is this caseplan as go install takes it, for the hint to
// upgrade of a record a newer caseplan wrote.
func check(src store.Source, cases []string, today time.Time, running string) (*casefile.Snapshot, []finding.Finding, error) {
	v, err := schemas.Compile()
	if err != nil {
		return nil, nil, err
	}
	snap, loaded, err := store.Load(src, cases)
	if err != nil {
		return nil, nil, err
	}
	opt := validate.Options{Schemas: v, Today: today, Lookup: validate.LookupIn(src)}
	if cases != nil {
		// Some cases read: the store-wide rules still judge the store
		// (whether some other case is sealed), as a whole-store check does.
		opt.AnySealed = validate.SealedIn(src)
	}
	// The editors' copies of the schemas, as validate reads them, so
	// that case show counts the same store-wide warnings as validate CASE.
	loaded = append(loaded, validate.SchemaCopyFindings(src, snap.Config)...)
	return snap, validate.NewerCaseplanHints(src, snap.Config, running, validate.Run(snap, loaded, opt)), nil
}

// caseChecked is what checking a case gives, as the cache keeps it: its
// findings, what the rules across cases need of it, and its manager, for
// validate's count by manager.
type caseChecked struct {
	Findings []finding.Finding `json:"findings"`
	Period   *validate.Period  `json:"period,omitempty"`
	// Manager is the case's manager when the roster has that staff ID;
	// "" otherwise, so the cache never keeps what was typed in its place.
	Manager string `json:"manager,omitempty"`
	// NoIntake says the case's intake record is missing or could not be
	// read, so its manager is not known (rather than not on the roster).
	NoIntake bool `json:"no_intake,omitempty"`
	// Sealed says the case has sealed fields, so the store keeps them
	// (validate's roster-age-recipient).
	Sealed bool `json:"sealed,omitempty"`
}

// checked says how much a check covered, and who manages each case it
// checked (by case ID; a case whose manager is not on the roster is left
// out, and so is one whose intake was not read, which noIntake lists);
// retired holds those of the managers the roster has retired.
type checked struct {
	cases, files int
	managers     map[string]string
	retired      map[string]bool
	noIntake     map[string]bool
}

// checkShowing validates the store (or some cases of it) as it stands in
// the scan s has prepared, with its progress on the terminal ("label: N of
// M cases checked"), for the commands that may check a whole store. Each
// case's findings are kept in the cache under its files, the settings and
// today, so an unchanged case is not read again.
func (g *globals) checkShowing(label string, s *scan, cases []string, today time.Time) (checked, []finding.Finding, error) {
	v, err := schemas.Compile()
	if err != nil {
		return checked{}, nil, err
	}
	opt := validate.Options{Schemas: v, Today: today}
	var checking *progress.Meter
	s.opt.Only = cases
	s.opt.Progress = func(total int) func() {
		checking = g.meter(label, total, "cases checked")
		return func() { checking.Add(1) }
	}
	results, top, err := casescan.Scan(s.opt, func(c *casefile.Case, loaded []finding.Finding) (caseChecked, error) {
		if c == nil {
			return caseChecked{Findings: loaded}, nil
		}
		r := caseChecked{Findings: append(loaded, validate.Case(s.snap, c, opt)...), Period: validate.PeriodOf(s.snap.Config, c), Sealed: c.Sealed != nil && c.Sealed.Ciphertext}
		r.NoIntake = c.Intake == nil
		if c.Intake != nil && s.snap.Config != nil {
			if _, ok := s.snap.Config.StaffByID(c.Intake.Manager); ok {
				r.Manager = c.Intake.Manager
			}
		}
		return r, nil
	})
	if checking != nil {
		checking.Done()
	}
	if err != nil {
		return checked{}, nil, err
	}
	s.save()
	found := append(s.found, top...)
	for _, r := range results {
		opt.SealedCase = opt.SealedCase || r.Value.Sealed
	}
	if cases != nil {
		// Some cases checked: whether another case is sealed is the
		// store's to say, so that validate CASE reports the store-wide
		// warnings a whole-store validate does.
		opt.AnySealed = validate.SealedIn(s.opt.Source)
	}
	found = append(found, validate.ConfigFindings(s.snap, opt)...)
	// The editors' copies of the schemas: a handful of small files a
	// run, whatever the number of cases.
	found = append(found, validate.SchemaCopyFindings(s.opt.Source, s.snap.Config)...)
	n := checked{files: s.snap.Files, managers: map[string]string{}, retired: map[string]bool{}, noIntake: map[string]bool{}}
	var periods []*validate.Period
	all := map[string]*validate.Period{}
	for _, r := range results {
		found = append(found, r.Value.Findings...)
		n.files += r.Files
		if r.Case {
			n.cases++
		}
		if r.Value.Manager != "" {
			n.managers[r.ID] = r.Value.Manager
			// From the roster as it stands, not the cache: retiring a
			// member changes no case file.
			if m, ok := s.snap.Config.StaffByID(r.Value.Manager); ok && !m.IsActive() {
				n.retired[r.Value.Manager] = true
			}
		}
		if r.Value.NoIntake {
			n.noIntake[r.ID] = true
		}
		if p := r.Value.Period; p != nil {
			periods = append(periods, p)
			all[p.Case] = p
		}
	}
	// A returning participant's case is checked against its earlier
	// periods (wioa-returning-from); those not among the cases checked
	// are read for it, and so are the other cases that continue the same
	// period, when only some cases are checked.
	if cases != nil {
		g.addContinuers(s, periods, all)
	}
	validate.ReadEarlier(s.snap.Config, all, validate.LookupIn(s.opt.Source))
	found = append(found, validate.PeriodFindings(periods, all, nil)...)
	// One person's open cases (duplicate-person), from the periods the
	// cache keeps: only the cases checked are compared, so validate of
	// some cases reads no other case for it.
	found = append(found, validate.PersonFindings(periods, today)...)
	// Hints after the cache: they follow the store's schema copies, not
	// the case's files the cache is keyed by.
	return n, validate.NewerCaseplanHints(s.opt.Source, s.snap.Config, g.env.Build.Installable(), validate.Finish(s.snap.Config, found)), nil
}

// continuersRead is how many cases a check of some cases reads to find
// those that continue the same period as one of them, when the cache
// does not have their periods: a few, so that validate of one case stays
// the cost of a few cases.
const continuersRead = 64

// addContinuers adds to all the periods of the cases, besides the checked
// ones (periods), that name with returning_from a case one of them names:
// one period of participation is continued by one later case only
// (wioa-returning-from), so a case is judged with the others that
// continue its earlier period. Their periods come from the cache of a
// whole-store validate; a store whose cache lacks them is read only when
// that costs a few cases, else the check says that the whole store's
// validate makes it.
func (g *globals) addContinuers(s *scan, periods []*validate.Period, all map[string]*validate.Period) {
	named := map[string]bool{}
	for _, p := range periods {
		if p.ReturningFrom != "" {
			named[p.ReturningFrom] = true
		}
	}
	if len(named) == 0 {
		return
	}
	ids, _, err := store.CaseIDs(s.opt.Source, nil)
	if err != nil {
		return // the whole store's validate reports it
	}
	var others []string
	for _, id := range ids {
		if all[id] == nil {
			others = append(others, id)
		}
	}
	add := func(p *validate.Period) {
		if p != nil && named[p.ReturningFrom] {
			all[p.Case] = p
		}
	}
	cached := casescan.Cached[caseChecked](s.opt, others)
	var missing []string
	for _, id := range others {
		if r, ok := cached[id]; ok {
			add(r.Period)
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) > continuersRead {
		fmt.Fprintf(g.env.Stderr, "caseplan: note: %d case(s) not checked yet were not compared with the returning participant's case (whether another case continues the same period, wioa-returning-from); caseplan validate of the whole store compares them, and then so does validate of one case\n", len(missing))
		return
	}
	lookup := validate.LookupIn(s.opt.Source)
	for _, id := range missing {
		add(validate.PeriodOf(s.snap.Config, lookup(id)))
	}
}

// todayDate resolves --today, CASEPLAN_TODAY, else the clock's local date.
func (g *globals) todayDate() (time.Time, error) {
	v := g.today
	flag := "today"
	if v == "" {
		v, flag = g.env.Getenv("CASEPLAN_TODAY"), "today (CASEPLAN_TODAY)"
	}
	if v == "" {
		now := g.env.Now()
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return parseDate(flag, v)
}

// openHead opens the store's repository for the commands that read its
// history (log, verify) and resolves HEAD's commit, the zero hash when the
// store has no commits yet; a detached HEAD is read as it is (see
// gitstore.ReadHead). The caller closes the repository.
func (g *globals) openHead() (*gitstore.Repo, plumbing.Hash, error) {
	repo, err := g.openRepo()
	if err != nil {
		return nil, plumbing.ZeroHash, err
	}
	head, err := repo.ReadHead()
	if err != nil {
		repo.Close()
		return nil, plumbing.ZeroHash, err
	}
	return repo, head, nil
}

// shallowError gives a history reader's failure on a shallow clone its
// cause and the way out: a commit past the clone's cut is not missing from
// the store, only from the clone.
//
// A partial clone (made with --filter) lacks objects the same way: git
// fetches them when one of its commands needs them, caseplan does not.
//
// In both, the missing object is how the clone was made, not a fault to
// name: the message says so in the user's words and keeps the cause (a
// blob's hash, go-git's "object not found") only for errors.Is.
func shallowError(repo *gitstore.Repo, err error) error {
	if err == nil || !errors.Is(err, plumbing.ErrObjectNotFound) {
		return err
	}
	switch {
	case repo.Shallow():
		return hintf(&causedError{msg: "this clone is shallow (made with --depth): its history stops before the commits it needs", err: err}, shallowHint)
	case repo.Partial():
		return hintf(&causedError{msg: partialMsg, err: err}, partialHint)
	}
	return err
}

// partialMsg says what a partial clone lacks: git left out the files of
// past commits, to fetch them when one of its own commands needs them.
const partialMsg = "this clone is partial (made with --filter): it lacks files of past commits that this command reads, which git fetches only for its own commands"

// causedError is a message in the user's words that keeps its internal
// cause for errors.Is and errors.As without printing it.
type causedError struct {
	msg string
	err error
}

func (e *causedError) Error() string { return e.msg }
func (e *causedError) Unwrap() error { return e.err }

// partialHint is the way out of a partial clone.
const partialHint = "make a clone without --filter (git clone URL); in CI, check out without a filter (GitHub Actions' actions/checkout: leave filter unset)"

// shallowHint is the way out of a shallow clone, at the command line and
// in CI.
const shallowHint = "fetch the whole history with git fetch --unshallow; in CI, check out with fetch-depth: 0 (GitHub Actions' actions/checkout) or GIT_DEPTH: 0 (GitLab CI)"

// loadWorkTree reads cases (all when nil) from the store's work tree.
func (g *globals) loadWorkTree(cases []string) (*casefile.Snapshot, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil, err
	}
	return loadFrom(src, cases)
}

// loadFrom reads cases (all when nil) from src, refusing a store whose
// settings cannot be read.
func loadFrom(src store.Source, cases []string) (*casefile.Snapshot, error) {
	snap, found, err := store.Load(src, cases)
	if err != nil {
		return nil, err
	}
	if snap.Config == nil {
		return nil, settingsError(found)
	}
	return snap, nil
}

// loadReadable loads one case for a list command, refusing (exit 1, the
// reasons on stderr) when the record file at p, or one under p (a
// directory such as the case's activity/), could not be read at all —
// broken YAML, say: listing nothing would wrongly say the case has none.
// The list commands ref list, activity list and service list share it.
func (g *globals) loadReadable(caseID, p string) (*casefile.Snapshot, error) {
	root, err := g.storeRoot()
	if err != nil {
		return nil, err
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return nil, err
	}
	snap, found, err := store.Load(src, []string{caseID})
	if err != nil {
		return nil, err
	}
	if snap.Config == nil {
		return nil, settingsError(found)
	}
	c := snap.Case(caseID)
	if c == nil { // an ID that cannot name a case directory
		return nil, &store.UnknownCaseError{ID: caseID}
	}
	var unread []finding.Finding
	for _, f := range found {
		if (f.Path == p || strings.HasPrefix(f.Path, p+"/")) && store.NotRead(f) {
			unread = append(unread, f)
		}
	}
	if len(unread) > 0 {
		for _, f := range unread {
			printFinding(g.env.Stderr, f)
		}
		return nil, &InvalidError{Msg: fmt.Sprintf("cannot read %d record file(s) of case %s; nothing is listed", len(unread), caseID), Hint: "correct the file(s) above, then list again"}
	}
	return snap, nil
}

// nameCase adds to an unknown case the case of that ID in other capitals,
// if the store has one: IDs are compared exactly, but a person typing
// one may not see the difference. Otherwise it names the cases the ID was
// probably meant to be (caseid.Meant), or says where the store's cases are
// listed and how a colleague's new case reaches this clone.
func (g *globals) nameCase(c *cobra.Command, raw []string, err error) error {
	var uc *store.UnknownCaseError
	if !errors.As(err, &uc) {
		return err
	}
	// "--content Called about it": the words after the first were read
	// as cases. The command line says which flag's value they were; the
	// hint gives every such value whole, as typed.
	var runs []valueRun
	if c != nil {
		runs = runOnValue(c, raw, needArgs(c), g.caseWords(c))
		for _, r := range runs {
			if !slices.Contains(r.words[1:], uc.ID) {
				continue
			}
			return hintf(err, "%q is a word of the value of %s: %s", uc.ID, r.flag, quotesOf(runs)+alsoNeeds(c, runs))
		}
	}
	switch strings.ToLower(uc.ID) {
	case "yes", "no", "true", "false", "y", "n":
		// "--two-way yes": a switch takes no value after a space, so
		// the value was read as a case.
		return hintf(err, "a switch such as --two-way takes no value after a space: write --two-way, or --two-way=false")
	}
	root, rerr := g.storeRoot()
	if rerr != nil {
		return err
	}
	ids, rerr := caseDirs(root)
	if rerr != nil {
		return err
	}
	if uc.Commit != "" {
		if slices.Contains(ids, uc.ID) {
			// Read --at a commit made before the case was opened: the
			// case is in the store, and "did you mean" or sync would
			// mislead.
			return hintf(err, "%s", g.firstCommitHint(uc.ID))
		}
		// In neither the commit nor the store: the store is what the
		// case manager asked of, and the hints below are about it.
		uc.Commit = ""
	}
	// "note add Ana Souza ...": a command that takes several cases read
	// each word of a name typed without quotes as a case. Searched as
	// the one name they are, not by the first word alone.
	// The words of a value typed after a flag are not of the name
	// ("note add Ana Souza --content Called about it").
	if args := withoutRuns(c, runs); c != nil && severalCases(c) && slices.Contains(args, uc.ID) {
		hint, ok := g.nameTypedAsCases(strings.TrimPrefix(c.CommandPath(), "caseplan "), args, ids)
		if !ok && len(args) > 1 && nameWords(args, ids) {
			// "note add Zed Nobody ...": a name, and no case has it.
			if _, n, ok := g.nameHint(strings.Join(args, " ")); ok && n == 0 {
				hint = g.noNameHint(strings.Join(args, " "))
			}
		}
		if hint != "" {
			if len(runs) > 0 {
				hint += "; " + quotesOf(runs)
			}
			return hintf(err, "%s", hint)
		}
	}
	// A slip of a key, or a case a colleague opened that this clone has
	// not received yet: either way the message alone leaves the case
	// manager guessing.
	if meant, capitals := caseMeant(uc.ID, ids); capitals {
		return hintf(err, "did you mean %s? case IDs are written with their capitals", meant)
	} else if meant != "" {
		return hintf(err, "did you mean %s? caseplan case list lists the cases", meant)
	}
	// "This is Ana Souza, about my job search": a name typed where the
	// case's ID goes. The hint counts the cases case list --name finds
	// and gives that command; it never names them: stderr can end up in
	// a CI log, and the names are the list's to show.
	if nameLike(uc.ID) {
		if hint, n, ok := g.nameHint(uc.ID); ok && n > 0 {
			return hintf(err, "%s", hint)
		} else if ok {
			// A word typed after a flag was found above, from the
			// command line: this one was typed for a case.
			return hintf(err, "%s", g.noNameHint(uc.ID))
		}
	}
	if wordLike(uc.ID) {
		// The names could not be searched: the word may still be one
		// of a value typed after a flag without quotes.
		return hintf(err, "if %q is a word of a value typed after a flag, put the whole value in quotes: --content 'Called about the interview'", uc.ID)
	}
	return hintf(err, "caseplan case list lists the cases of this clone; a case a colleague opened since your last sync comes with caseplan sync")
}

// firstCommitHint says where to read case id from when a commit read with
// --at does not have it: the first commit of the case the log index
// knows (cheap once the index is built; caseplan log builds it too), or
// caseplan log, which lists them.
func (g *globals) firstCommitHint(id string) string {
	all := fmt.Sprintf("caseplan log %s lists the commits of the case", id)
	repo, head, err := g.openHead()
	if err != nil || head.IsZero() {
		return all
	}
	defer repo.Close()
	entries, err := history.LogIndexed(repo.Git(), repo, head, id, 0, nil)
	if err != nil || len(entries) == 0 {
		return all
	}
	first := entries[len(entries)-1] // the log lists the newest first
	return fmt.Sprintf("the case is first in commit %s (%s): give --at that commit or a later one; %s", first.Commit[:min(12, len(first.Commit))], first.Date.Format(time.DateOnly), all)
}

// nameLike reports whether s, given for a case, may be a participant's
// name rather than a case ID: it has a letter, and a character no case
// ID has (a space, an accented letter: caseid.Check) or letters alone
// (wordLike: "Souza"). A number shaped like an SSN is never searched
// for: the message does not repeat it (caseid.Check).
func nameLike(s string) bool {
	if pii.IsSSNShaped(s) {
		return false
	}
	letter, outside := false, false
	for _, r := range s {
		letter = letter || unicode.IsLetter(r)
		outside = outside || !(r < utf8.RuneSelf && (r == '.' || r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)))
	}
	return letter && (outside || wordLike(s))
}

// nameHint is the hint for text given where a case's ID goes, when it
// is a name: the case list --name command that finds it, and how many
// cases that lists (n). false when they cannot be counted.
func (g *globals) nameHint(text string) (hint string, n int, ok bool) {
	n, ok = g.namesFound(text)
	list := g.nameListCmd(text)
	if n == 1 {
		return fmt.Sprintf("a case is named by its ID: %s shows the ID of the 1 case whose participant's name matches", list), n, ok
	}
	return fmt.Sprintf("a case is named by its ID: %s lists the %d cases whose participant's name matches, with their IDs", list, n), n, ok
}

// nameListCmd is the case list --name command that searches the names
// for text.
func (g *globals) nameListCmd(text string) string {
	list := "caseplan case list --name " + shellWord(text)
	if g.today != "" {
		// The count is of the cases open by --today (a case opened
		// later is left out): the command given lists the same ones.
		// CASEPLAN_TODAY, set in the environment, carries over as it is.
		if day, err := g.todayDate(); err == nil {
			list += " --today " + day.Format(time.DateOnly)
		}
	}
	return list
}

// severalCases reports whether c takes several cases (note add CASE...,
// case transfer CASE..., validate [CASE|PATH...]).
func severalCases(c *cobra.Command) bool {
	p := positional(c.Use)
	return strings.Contains(p, "CASE") && strings.Contains(p, "...")
}

// nameTypedAsCases is the hint for the words a command that takes
// several cases (cmd: "note add") read as cases, when the store has none
// of them, none is shaped like a case ID (a digit: W-001, 2026-0042) or
// a slip of one, and together they are a name case list --name finds:
// "note add Ana Souza ..." was meant for Ana Souza's case, not for cases
// "Ana" and "Souza". false otherwise, and the hint of the first word
// alone stands.
func (g *globals) nameTypedAsCases(cmd string, words, ids []string) (string, bool) {
	if len(words) < 2 || !nameWords(words, ids) {
		return "", false
	}
	text := strings.Join(words, " ")
	hint, n, ok := g.nameHint(text)
	if !ok || n == 0 {
		return "", false
	}
	return fmt.Sprintf("%s; %s takes several cases, so each word of a name typed without quotes was read as a case: quotes keep a name together", hint, cmd), true
}

// nameWords reports whether words, read as cases, are the words of a
// name: none is a case of the store (ids), shaped like a case ID (a
// digit: W-001, 2026-0042) or a slip of one, and together they are
// nameLike.
func nameWords(words, ids []string) bool {
	for _, w := range words {
		if slices.Contains(ids, w) || strings.ContainsFunc(w, unicode.IsDigit) {
			return false
		}
		if meant, _ := caseMeant(w, ids); meant != "" {
			return false
		}
	}
	return nameLike(strings.Join(words, " "))
}

// withoutRuns is the arguments cobra gave c less the words of runs,
// values typed after a flag without quotes (runOnValue).
func withoutRuns(c *cobra.Command, runs []valueRun) []string {
	if c == nil {
		return nil
	}
	args := slices.Clone(c.Flags().Args())
	for _, r := range runs {
		for _, w := range r.words[len(r.words)-r.stray:] {
			if i := slices.Index(args, w); i >= 0 {
				args = slices.Delete(args, i, i+1)
			}
		}
	}
	return args
}

// noNameHint is the hint for text given where a case's ID goes that is
// neither a case's ID nor found in a participant's name: the search to
// try (a word of the name finds more), and how a case opened elsewhere
// comes.
func (g *globals) noNameHint(text string) string {
	return fmt.Sprintf("no case ID and no participant's name in this clone matches %q: %s searches the names (one word of a name finds more), caseplan case list lists the cases; a case a colleague opened since your last sync comes with caseplan sync", text, g.nameListCmd(text))
}

// nameInArgs gives the error of a name typed without quotes where one
// case's ID goes ("caseplan case show Ana Souza": two arguments where
// one was wanted) the hint nameCase gives the name in quotes, when the
// words are a name case list --name finds. Words that follow a flag
// are left to quoteHint ("--content Called about it").
func (g *globals) nameInArgs(c *cobra.Command, raw []string, err error) error {
	var se *strayArgsError
	if c == nil || !errors.As(err, &se) {
		return err
	}
	// One case, or one at most: "log Ana Souza" is the log of a case
	// named without quotes as surely as "case show Ana Souza" is.
	if want := positional(c.Use); !(se.need == 1 && strings.HasPrefix(want, "CASE")) && !(se.need == 0 && want == "[CASE]") {
		return err
	}
	if len(runOnValue(c, raw, se.need, g.caseWords(c))) > 0 {
		return err
	}
	words := c.Flags().Args()
	text := strings.Join(words, " ")
	if len(words) < 2 || !nameLike(text) {
		return err
	}
	hint, n, ok := g.nameHint(text)
	switch {
	case ok && n > 0:
		return &UsageError{Msg: se.Msg, Hint: hint}
	case ok && g.nameWordsOfStore(words):
		// "case show Zed Nobody": a name, and no case has it.
		return &UsageError{Msg: se.Msg, Hint: g.noNameHint(text)}
	}
	return err
}

// nameWordsOfStore is nameWords with the store's cases; false when they
// cannot be listed.
func (g *globals) nameWordsOfStore(words []string) bool {
	root, err := g.storeRoot()
	if err != nil {
		return false
	}
	ids, err := caseDirs(root)
	return err == nil && nameWords(words, ids)
}

// namesFound counts the cases caseplan case list --name text lists, and
// false when they cannot be counted (the store cannot be read).
func (g *globals) namesFound(text string) (int, bool) {
	sel, err := caseListSelect(&caseListOptions{globals: g, name: text})
	if err != nil {
		return 0, false
	}
	return len(sel.items), true
}

// wordLike reports whether s looks like a word of text rather than a case
// ID: letters only, not all capitals.
func wordLike(s string) bool {
	if s == "" || strings.ToUpper(s) == s {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '\'' && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

// caseWords says which words typed to command c are its cases, for
// runOnValue: those of the store's cases, and a slip of one with a digit
// in it (W-011 for W-01). nil when c takes arguments other than cases
// (note amend CASE NOTE), or the store's cases cannot be listed: then
// the count of arguments c needs decides.
func (g *globals) caseWords(c *cobra.Command) func(string) bool {
	want := positional(c.Use)
	if want == "no arguments" {
		return func(string) bool { return false }
	}
	for _, w := range strings.Fields(want) {
		if strings.Trim(w, "[].") != "CASE" {
			return nil
		}
	}
	root, err := g.storeRoot()
	if err != nil {
		return nil
	}
	ids, err := caseDirs(root)
	if err != nil {
		return nil
	}
	return func(w string) bool {
		if slices.Contains(ids, w) {
			return true
		}
		meant, _ := caseMeant(w, ids)
		return meant != "" && strings.ContainsFunc(w, unicode.IsDigit)
	}
}

// caseDirs returns the case directories under the store's cases/.
func caseDirs(root string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(root, layout.CasesDir))
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range entries {
		if e.IsDir() && !layout.IsStoreDir(e.Name()) {
			ids = append(ids, e.Name())
		}
	}
	return ids, nil
}

// caseMeant names the case of known that id, which the store does not
// have, was probably meant to be: the one in other capitals (capitals
// true), else those one slip of a key away ("W-001 or W-002"), else "".
func caseMeant(id string, known []string) (meant string, capitals bool) {
	for _, k := range known {
		if k != id && caseid.Key(k) == caseid.Key(id) {
			return k, true
		}
	}
	return strings.Join(caseid.Meant(id, known), " or "), false
}
