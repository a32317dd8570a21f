package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casefile"
	"github.com/caseplan/caseplan/pkg/casestate"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/findingout"
	"github.com/caseplan/caseplan/pkg/gitstore"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
)

type validateOptions struct {
	*globals
	args    []string
	output  string
	newFrom string
	manager string // --manager: that manager's cases on --today
}

func newCmdValidate(g *globals, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{globals: g}
	c := &cobra.Command{
		Use:   "validate [CASE|PATH...]",
		Short: "Check records against their schemas, each other and program rules",
		Long: `Check the store's records — every case, or the cases and files named (a
path typed with / or with \, as on Windows; a path under schemas/ names the
editors' copies of the schemas, for their schema-copy findings) — and print
every finding at once: file:line:col, severity, rule and message.

  -o text    path:line:col: severity rule: message, one per line
  -o json    {"valid","cases","files","errors","warnings","waived",
             "new_from","findings":[{"path","line","column","severity",
             "rule","message","case","waived","waiver_reason"}]};
             "waived" counts the warnings a supervisor waived, which
             "warnings" includes; "new_from", only with --new-from, is the
             full hash of the commit REV names (forty zeros in a store
             without commits), and the counts are then of new findings
  -o sarif   SARIF 2.1.0, one run whose tool is caseplan with the rules found,
             for GitHub code scanning (github/codeql-action/upload-sarif);
             a waived warning is a suppressed result (kind external, the
             waiver's reason as justification); with --new-from the run's
             properties name that commit ({"newFrom": HASH})
  -o github  GitHub Actions workflow annotations; when $GITHUB_STEP_SUMMARY
             names a file, as in a GitHub Actions step, the full list is
             also appended to it as a Markdown table (GitHub shows only the
             first 10 error and 10 warning annotations of a step); one
             it cannot write is a warning, and the check goes on; a
             validate that cannot run (exit 2 or 3) says why there too

A CI log and code scanning are read by more people than may read a case:
-o github and -o sarif say where a pii-term finding's term is, not which
("mentions a term withheld here"), and a date of birth or a sensitive term
a finding quotes from a record (the value the schema refused, the line
that did not parse) is shown as [withheld: pii-dob] or [withheld:
pii-term]; -o text and -o json quote the record as written.

Warnings do not fail validation; errors do (exit 1). The summary on stderr
(and the job summary's heading) says how many of the warnings a supervisor
waived ("0 error(s), 2 warning(s), 1 waived"). With -o text, stderr also
counts the findings by rule (ten or more of several rules) and, when they
are on the cases of two managers or more, by case manager ("by manager: cm04
3 error(s) 12 warning(s) 2 waived, ..."), the most errors first, then the
most warnings not waived: whom to talk to; a case whose intake is missing or
cannot be read is counted as "(intake missing or unreadable)", one whose
manager is not on the roster as "(no manager on the roster)", and a manager
the roster has retired as "cm04 (retired)". With cases named, -o text counts
the store-wide warnings (the roster, the settings: not about those cases) in
one line on stderr, with the validate of their files that lists them
(cases/caseplan.yaml, a schema copy under schemas/); a whole-store run, a
file named and the other formats list them.

--manager ID validates the cases that case manager manages on --today, as
caseplan case list --manager lists them (a case transferred after --today is
its earlier manager's; one that opens after --today is left out, and said
so): a supervisor's review goes manager by manager. The ID is a staff ID
of the roster, a retired member's too, checked as case list --manager
checks it. The store-wide findings (the settings, the roster, the schema
copies) are no manager's: left out in every format and counted in one line
on stderr; the exit status is that of the findings shown. A case whose
intake.yaml is missing or cannot be read names no manager: it is in every
manager's review, with a warning on stderr naming it.

--new-from REV reports only the findings that are new since REV (a commit,
branch or tag; HEAD for what is not committed yet): the same cases are
validated as REV's commit holds them, with the same --today, and a finding
REV already had — the same file, rule and message, wherever its line moved
— is left out, and so is an obligation's finding (something due or
missing: "completeness": true in caseplan rules -o json) of a rule REV had
on the same case: its message follows the progress made ("2 of 3
references" where REV said "1 of 3"). It fails only on new errors, so a
store with old findings can adopt a pre-commit hook or a pull-request
check without fixing them all first. A store without commits yet has no
findings at HEAD.` + "\n" + exitStatusHelp,
		Example: `  caseplan validate                    # every case
  caseplan validate 2026-K7QX2 cases/2026-F3VD6/iep.yaml   # a case, a file
  caseplan validate --new-from HEAD    # only what uncommitted edits add
  caseplan validate --manager dpatel   # one case manager's cases, for a review
  caseplan validate -o github          # in CI: annotations and a job summary`,
		RunE: func(c *cobra.Command, args []string) error {
			if err := outputFormat(opts.output, findingout.StoreFormats...); err != nil {
				return err
			}
			if opts.manager != "" && len(args) > 0 {
				return &UsageError{Msg: "--manager validates that manager's cases; it takes no CASE or PATH", Hint: fmt.Sprintf("caseplan validate --manager %s, or caseplan validate %s without --manager", opts.manager, strings.Join(args, " "))}
			}
			opts.args = args
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	addOutputFlag(c, &opts.output, findingout.StoreFormats...)
	// -o github writes a job summary section, also when it cannot run.
	c.Annotations = map[string]string{jobSummaryAnnotation: ""}
	onceVar(c.Flags(), &opts.manager, "manager", "only the cases of this case manager's staff `ID` on --today, as caseplan case list --manager lists them")
	c.Flags().StringVar(&opts.newFrom, "new-from", "", "report only the findings that are new since `REV` (a commit, branch or tag; HEAD for uncommitted edits)")
	return c
}

func validateRun(opts *validateOptions) error {
	root, err := opts.storeRoot()
	if err != nil {
		return err
	}
	today, err := opts.todayDate()
	if err != nil {
		return err
	}
	cases, files, err := selectTargets(opts.env.Dir, root, opts.args)
	if err != nil {
		return err
	}
	if opts.manager != "" {
		if cases, err = opts.managedCases(today); err != nil {
			return err
		}
	}
	src, err := store.NewWorkTree(root)
	if err != nil {
		return err
	}
	s, err := opts.workTreeScan(root, src, "validate", "validate", "today "+today.Format(time.DateOnly))
	if err != nil {
		return err
	}
	n, findings, err := opts.checkShowing("validate", s, cases, today)
	if err != nil {
		return err
	}
	var baseCommit string // the full hash --new-from names, for json and sarif
	if opts.newFrom != "" {
		var base []finding.Finding
		base, baseCommit, err = opts.findingsAt(root, opts.newFrom, cases, today)
		if err != nil {
			return err
		}
		findings = finding.Since(base, findings, validate.IsCompleteness)
	}
	if len(files) > 0 {
		kept := findings[:0]
		for _, f := range findings {
			if selected(files, f.Path) {
				kept = append(kept, f)
			}
		}
		findings = kept
	}
	// Cases named, in text: the store-wide warnings are counted in one
	// line, not listed as if about them (a whole-store run, a file named
	// and the machine formats list them all).
	var storeWide []finding.Finding
	about := "the case(s) named"
	switch {
	case opts.manager != "":
		// A manager's review: the store-wide findings (the settings,
		// the roster) are no manager's, in every format; one line says
		// there are some, and exit status follows the findings shown.
		about = opts.manager + "'s cases"
		kept := findings[:0]
		for _, f := range findings {
			if f.Case == "" {
				storeWide = append(storeWide, f)
			} else {
				kept = append(kept, f)
			}
		}
		findings = kept
	case len(cases) > 0 && len(files) == 0 && opts.output == "text":
		findings, storeWide = splitStoreWide(findings)
	}
	out, err := findingout.ForStore(opts.env.Stdout, opts.output, n.cases, n.files, baseCommit, findingout.Tool{
		Version: opts.env.Build.String(), Describe: ruleSummary,
	})
	if err != nil {
		return usageErrorf("-o: %v", err)
	}
	out, closeSummary, err := opts.jobSummary(out, opts.output, "caseplan validate", opts.newFrom, fmt.Sprintf("%d case(s), %d file(s) checked", n.cases, n.files))
	if err != nil {
		return err
	}
	// A CI format withholds what the leak guard finds in the findings it
	// shows and in their hints on stderr, the step's log.
	g, _ := validate.Guard(s.snap.Config)
	shown := validateShownAs(opts.output, g, shownPaths(s.snap.Config, findings))
	if err := findingout.WriteAll(out, shown); err != nil {
		return err
	}
	if err := closeSummary(); err != nil {
		return err
	}
	errs, warns := finding.Count(findings)
	if opts.output == "text" {
		if by := byRule(findings); by != "" {
			fmt.Fprintf(opts.env.Stderr, "caseplan: by rule: %s\n", by)
		}
		if by := byManager(n.managers, n.retired, n.noIntake, findings); by != "" {
			fmt.Fprintf(opts.env.Stderr, "caseplan: by manager: %s\n", by)
		}
	}
	if line := storeWideLine(storeWide, about); line != "" {
		fmt.Fprintf(opts.env.Stderr, "caseplan: note: %s\n", line)
	}
	// A waived warning is still a warning (json's "warnings" counts it),
	// but a supervisor has set it aside: the summary says how many.
	waived := finding.WaivedPart(findings)
	summary := fmt.Sprintf("%d error(s), %d warning(s)%s in %d case(s), %d file(s)", errs, warns, waived, n.cases, n.files)
	if opts.newFrom != "" {
		// The new findings are seldom on every case checked: the count
		// says the cases they are on, then how many were checked.
		summary = fmt.Sprintf("%d new error(s), %d new warning(s)%s since %s in %d case(s); %d case(s), %d file(s) checked", errs, warns, waived, opts.newFrom, finding.CountCases(findings), n.cases, n.files)
	}
	if errs > 0 {
		return &InvalidError{Msg: "invalid: " + summary, Hint: findingHints(shown)}
	}
	fmt.Fprintf(opts.env.Stderr, "caseplan: valid: %s\n", summary)
	return nil
}

// byRule counts findings by rule, most first ("ws-activity-tracker 140,
// wioa-contact-interval 30"), when there are enough of several rules for
// a count to help read them (hundreds, on a large store); "" otherwise.
func byRule(findings []finding.Finding) string {
	count := map[string]int{}
	for _, f := range findings {
		count[f.Rule]++
	}
	if len(findings) < 10 || len(count) < 2 {
		return ""
	}
	rules := slices.Collect(maps.Keys(count))
	slices.SortFunc(rules, func(a, b string) int {
		if c := count[b] - count[a]; c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = fmt.Sprintf("%s %d", r, count[r])
	}
	return strings.Join(parts, ", ")
}

// byManager counts the findings on cases by their case manager (managers:
// by case ID, as the check found them), the most errors first, then the
// most warnings not waived ("cm04 3 error(s) 12 warning(s), cm01 0
// error(s) 5 warning(s) 2 waived"), so a supervisor knows whom to talk
// to; "" when the findings are on the cases of fewer than two managers.
// A waived warning is counted among the warnings, as the summary counts
// it, and apart; it does not rank a manager higher, since a supervisor
// has already set it aside. A case whose intake was not read (noIntake)
// is counted as "(intake missing or unreadable)", not as a manager off
// the roster: its manager is not known, and is not guessed from the
// broken file nor from an earlier commit (see the README). A manager
// the roster has retired (retired, by staff ID) is named "ID (retired)",
// as due names them: their cases wait to be transferred.
func byManager(managers map[string]string, retired, noIntake map[string]bool, findings []finding.Finding) string {
	type count struct{ errs, warns, waived int }
	counts := map[string]*count{}
	for _, f := range findings {
		if f.Case == "" {
			continue
		}
		m := managers[f.Case]
		switch {
		case retired[m]:
			m = record.MarkRetired(m, true)
		case m != "":
		case noIntake[f.Case]:
			m = "(intake missing or unreadable)"
		default:
			m = "(no manager on the roster)"
		}
		if counts[m] == nil {
			counts[m] = &count{}
		}
		if f.Severity == finding.Error {
			counts[m].errs++
		} else {
			counts[m].warns++
		}
		if f.Waived {
			counts[m].waived++
		}
	}
	if len(counts) < 2 {
		return ""
	}
	names := slices.Collect(maps.Keys(counts))
	slices.SortFunc(names, func(a, b string) int {
		if c := counts[b].errs - counts[a].errs; c != 0 {
			return c
		}
		if c := (counts[b].warns - counts[b].waived) - (counts[a].warns - counts[a].waived); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(names))
	for i, m := range names {
		parts[i] = fmt.Sprintf("%s %d error(s) %d warning(s)", m, counts[m].errs, counts[m].warns)
		if counts[m].waived > 0 {
			parts[i] += fmt.Sprintf(" %d waived", counts[m].waived)
		}
	}
	return strings.Join(parts, ", ")
}

// findingsAt validates cases (all when nil) as commit rev holds them: the
// base that --new-from compares with, and that commit's full hash. A store
// with no commits yet has no findings at HEAD, and no commit
// (findingout.NoCommit).
func (g *globals) findingsAt(root, rev string, cases []string, today time.Time) ([]finding.Finding, string, error) {
	repo, err := gitstore.Open(root)
	if err != nil {
		return nil, "", notRepository(root, err)
	}
	defer repo.Close()
	if head, err := repo.Head(); err == nil && head.IsZero() && rev == "HEAD" {
		return nil, findingout.NoCommit, nil
	}
	hash, err := repo.ResolveRevision(rev)
	if err != nil {
		return nil, "", revisionError(repo, "--new-from", err)
	}
	tree, err := repo.TreeAt(hash)
	if err != nil {
		return nil, "", err
	}
	if cases != nil {
		// A case named on the command line that REV does not have yet has
		// no findings there; loading it would be an unknown case.
		var had []string
		for _, id := range cases {
			if entries, err := tree.List(layout.CaseDir(id)); err == nil && len(entries) > 0 {
				had = append(had, id)
			}
		}
		cases = append([]string{}, had...)
	}
	s, err := g.treeScan(repo, tree, "validate", "today "+today.Format(time.DateOnly))
	if err != nil {
		return nil, "", err
	}
	_, found, err := g.checkShowing("validate --new-from "+rev, s, cases, today)
	return found, hash.String(), shallowError(repo, err)
}

// pathMissing refuses a path in a case that names nothing in the work
// tree (a typo: intake.yml, a note's name misspelt). Its case would be
// checked and no finding kept, so validate said "valid" of a file that is
// not there. A path in a case that does not exist is left for the check
// of the case, which says there is no such case. A record the case may
// simply not have yet (a fresh case has no notes directory, no outcome)
// is said to be that, not a path that names nothing: still a usage
// error, since there is nothing there to check.
func pathMissing(root, typed, rel, id string) error {
	if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(layout.CaseDir(id)))); err != nil {
		return nil
	}
	if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel))); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var err error
	switch in := layout.InCase(rel); {
	case in == layout.NotesDir:
		err = usageErrorf("%s has no notes yet: there is no %s", id, typed)
	case in == layout.ActivityDir:
		err = usageErrorf("%s has no activity weeks yet: there is no %s", id, typed)
	case in != layout.FileName(layout.KindIntake) && slices.Contains(layout.SingleNames(), in):
		kind, _ := layout.KindOfName(in)
		err = usageErrorf("%s has no %s record yet: there is no %s", id, kind, typed)
	default:
		err = usageErrorf("no file or directory %s in case %s", typed, id)
	}
	return hintf(err, "caseplan validate %s checks the whole case", id)
}

// selectTargets maps the command line's cases and paths to the cases to
// load and, when some paths name less than a whole case (a file, or a
// directory such as notes/), the paths whose findings to keep: a finding is
// kept when its path is one of them or lies below one. nil, nil means the
// whole store.
func selectTargets(wd, root string, args []string) (cases []string, files map[string]bool, err error) {
	type target struct{ id, path string } // path: repository-relative, "" for a whole case
	var targets []target
	settings := false
	var records []string // store-level records named
	for _, a := range args {
		if !strings.ContainsAny(a, `/\`) && !strings.HasSuffix(a, layout.Ext) && a != "." && a != ".." && a != layout.CasesDir {
			targets = append(targets, target{id: a})
			continue
		}
		// A path typed the Windows way (cases\W-001\intake.yaml) names
		// the same file on every machine: no name in a store holds a
		// backslash, so it is a separator here too, as it is on Windows.
		p := filepath.FromSlash(strings.ReplaceAll(a, `\`, "/"))
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
			return nil, nil, usageErrorf("%s is outside the store %s", a, root)
		}
		rel = filepath.ToSlash(rel)
		if rel == "." || rel == layout.CasesDir {
			return nil, nil, nil // the whole store
		}
		if rel == layout.SchemasDir || strings.HasPrefix(rel, layout.SchemasDir+"/") {
			// The editors' copies of the schemas: their schema-copy
			// findings, which every run makes (the store-wide count
			// names these files to list them).
			records = append(records, rel)
			continue
		}
		if !layout.Under(rel) {
			return nil, nil, hintf(usageErrorf("%s is not under %s/", a, layout.CasesDir), "name a case, a file or directory under %s/, or one under %s/ (the schema copies); caseplan validate with no argument checks the whole store", layout.CasesDir, layout.SchemasDir)
		}
		if layout.IsConfig(rel) {
			settings = true
			continue
		}
		id, isCase := layout.CaseOf(rel)
		if !isCase {
			// A store-level record (a cohort, import rules) or their
			// directory: read with the settings, whatever cases are.
			records = append(records, rel)
			continue
		}
		t := target{id: id}
		if rel != layout.CaseDir(id) {
			t.path = rel
			if err := pathMissing(root, a, rel, id); err != nil {
				return nil, nil, err
			}
		}
		targets = append(targets, t)
	}

	if len(targets) == 0 && !settings && len(records) == 0 {
		return nil, nil, nil
	}
	partial := settings || len(records) > 0
	for _, t := range targets {
		partial = partial || t.path != ""
	}
	cases = []string{}
	seen := map[string]bool{}
	for _, t := range targets {
		if !seen[t.id] {
			seen[t.id] = true
			cases = append(cases, t.id)
		}
	}
	if !partial {
		return cases, nil, nil
	}
	files = map[string]bool{}
	if settings {
		files[layout.ConfigPath] = true
	}
	for _, r := range records {
		files[r] = true
	}
	for _, t := range targets {
		if t.path != "" {
			files[t.path] = true
		} else {
			files[layout.CasesDir+"/"+t.id] = true
		}
	}
	return cases, files, nil
}

// selected reports whether a finding's path is one of the selected paths or
// lies below one.
func selected(files map[string]bool, p string) bool {
	for f := range files {
		if p == f || strings.HasPrefix(p, f+"/") {
			return true
		}
	}
	return false
}

// jobSummary adds to out, for -o github in a GitHub Actions step (where
// $GITHUB_STEP_SUMMARY names the job summary file), a writer appending the
// full list of findings to the job summary as Markdown. done closes the
// file; it is a no-op otherwise. A summary that cannot be opened (a runner
// that sets the variable to a path it did not make) is warned of and left
// out: the annotations and the exit status still say what the check found,
// which a failure here would hide. since is validate's --new-from, which
// the heading names as stderr does.
func (g *globals) jobSummary(out findingout.Writer, format, title, since, checked string) (w findingout.Writer, done func() error, err error) {
	if format != "github" {
		return out, func() error { return nil }, nil
	}
	f, room, err := g.openSummary()
	if err != nil {
		fmt.Fprintf(g.env.Stderr, "caseplan: warning: the job summary ($GITHUB_STEP_SUMMARY) cannot be written, so the findings are in the annotations only: %v\n", err)
	}
	if f == nil {
		return out, func() error { return nil }, nil
	}
	done = func() error {
		g.summaryWritten = true
		return f.Close()
	}
	return findingout.Tee(out, findingout.SummaryWithin(f, room, title, since, checked)), done, nil
}

// openSummary opens the job summary of a GitHub Actions step
// ($GITHUB_STEP_SUMMARY) to append a command's section to it, and says
// how many bytes the section may take (findingout.SummaryLimit less what
// earlier commands of the step wrote). A nil file and no error: there is
// no job summary (not in GitHub Actions).
func (g *globals) openSummary() (f *os.File, room int, err error) {
	path := g.env.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil, 0, nil
	}
	f, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, 0, err
	}
	room = findingout.SummaryLimit
	if fi, err := f.Stat(); err == nil {
		room -= int(fi.Size())
	}
	return f, room, nil
}

// ruleSummary is a rule's one-line summary, for the formats that describe
// the rules they report (sarif); the loader's and the schema's findings
// have none.
func ruleSummary(id string) string {
	if r := validate.RuleByID(id); r != nil {
		return r.Summary
	}
	return ""
}

// validateRow is what validate --manager keeps of a case to select it:
// its manager at the end of --today and its opening date, or that its
// intake is missing or cannot be read (Unread), so that its manager is
// not known.
type validateRow struct {
	ID      string `json:"id"`
	Manager string `json:"manager"`
	Opened  string `json:"opened"`
	Unread  bool   `json:"unread,omitempty"`
}

// managedCases returns the cases opts.manager manages at the end of today
// (casestate.ManagerOn: a transfer dated later is undone), as case list
// --manager selects them: a case that opens after today is left out, and
// said so. The ID is checked as case list's is: a staff ID of the roster,
// a retired member's too, or the manager of a case whose manager has left
// the roster; else a usage error with the ID meant. A case whose intake
// is missing or cannot be read names no manager, and none is guessed
// (from the broken file or an earlier commit, as byManager guesses
// none): it is in every manager's review, said on stderr, rather than in
// none — a review that passed while one of the manager's cases could not
// be read would pass wrongly. The result is never nil (nil validates
// every case).
func (opts *validateOptions) managedCases(today time.Time) ([]string, error) {
	s, err := opts.workTreeStore("validate", "validate-manager", "today "+today.Format(time.DateOnly))
	if err != nil {
		return nil, err
	}
	rows, err := scanRows(opts.globals, s, "validate", func(c *casefile.Case, _ *record.Config) (validateRow, bool) {
		if c.Intake == nil {
			return validateRow{ID: c.ID, Unread: true}, true // no manager known, none guessed
		}
		return validateRow{ID: c.ID, Manager: casestate.ManagerOn(c.Intake, today), Opened: string(c.Intake.Opened)}, true
	})
	if err != nil {
		return nil, err
	}
	if _, ok := s.snap.Config.StaffByID(opts.manager); !ok && !slices.ContainsFunc(rows, func(r validateRow) bool { return r.Manager == opts.manager }) {
		return nil, notOnRoster(s.snap.Config, "--manager", opts.manager, managerInRows(rows, func(r validateRow) (string, string) { return r.ID, r.Manager }))
	}
	cases, later, unread := []string{}, 0, []string{}
	for _, r := range rows {
		if r.Unread {
			cases, unread = append(cases, r.ID), append(unread, r.ID)
			continue
		}
		if r.Manager != opts.manager {
			continue
		}
		if casestate.OpensAfter(record.Date(r.Opened), today) {
			later++
			continue
		}
		cases = append(cases, r.ID)
	}
	if later > 0 {
		fmt.Fprintf(opts.env.Stderr, "caseplan: note: %s of %s opened after %s, left out, as caseplan case list --manager leaves them out\n", countOf(later, "case"), opts.manager, today.Format(time.DateOnly))
	}
	for _, id := range unread {
		fmt.Fprintf(opts.env.Stderr, "caseplan: warning: %s: its intake.yaml is missing or cannot be read, so its manager is not known: it is in every manager's review until it reads\n", id)
		fmt.Fprintf(opts.env.Stderr, "caseplan: hint: correct it as its finding says; caseplan log %s names who changed the case last\n", id)
	}
	return cases, nil
}
