package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caseplan/caseplan/pkg/casework"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/rosterimport"
	"github.com/caseplan/caseplan/schemas"
)

type caseImportOptions struct {
	*globals
	file        string // the roster, as given
	rules       string // --rules NAME or PATH
	dryRun      bool
	skipInvalid bool
	noCommit    bool
	output      string
}

func newCmdCaseImport(g *globals, runF func(*caseImportOptions) error) *cobra.Command {
	opts := &caseImportOptions{globals: g}
	c := &cobra.Command{
		Use:   "import FILE.csv [--rules NAME] [--dry-run] [--skip-invalid]",
		Short: "Open a case for each worker of a layoff roster (a CSV spreadsheet)",
		Long: `Import a layoff roster — the spreadsheet of the workers a layoff affects,
saved as CSV by Excel or Google Sheets (UTF-8 with or without a byte-order
mark, cells separated by commas or semicolons, quoted as they quote them) —
as one case per worker, each linked to the layoff's cohort.

The import rules, cases/import-rules/NAME.yaml (after hledger's CSV rules),
give the cohort's WARN data (employer, notice date, layoff dates, number
affected, source), the program and other constants of its cases, who
manages them (one staff member, round-robin over a list, or a column), and
which column fills which intake field; --rules names them (default: the
rules named like FILE). The first import writes the cohort's record,
cases/cohorts/ID.yaml; later ones list themselves in it.

Every row is checked before anything is written, and every problem is
printed at once as FILE:ROW:COLUMN: message, the rows and columns numbered
as a spreadsheet numbers them (the header is row 1, the first column A): a
missing name, a bad date, an unknown manager, a number the spreadsheet
mangled (5.55E+09, a ZIP code that lost its leading zero: refused, never
guessed back), a value shaped like a Social Security number anywhere
(refused, and never repeated), a value in a column with no header (a note
typed beside the roster: name the column in the header row, or clear the
cell; such a column empty in every row is nothing). A row that is the
same person as an existing case (the same external ID, or the same name and
phone or email) or as an earlier row is a duplicate, never a second case;
a whole row repeated is placed at its ID column, naming the columns that
match. A row imported before (each case records the file and a hash of
its row), or one that differs in no detail from its case of the cohort (a
later roster with names in capitals or phones punctuated otherwise), is
unchanged: importing the same file again changes nothing, and says so.
A name the rules join from several columns ("{First name} {Last name}")
with one of them empty is imported (a worker may have one name) with a
warning on stderr, in the dry run and the import, naming the row, the
empty column and the name it became.

Nothing is written when any row has a problem, unless --skip-invalid: then
those rows are listed and left out, and the rest imported. --dry-run prints
what would happen, one line per row, and every problem, and writes nothing.

On stdout, one line per row: ROW STATUS CASE PARTICIPANT MANAGER (status
new, unchanged, duplicate or invalid; CASE the case the row is, would open
or doubles, or else the external ID it gives), then the problems. -o json
gives the same as {"file","rules","cohort","new_cohort","dry_run",
"commit","rows":[{"row","status","case","participant","manager",
"problems":[...],"warnings":[...]}],"rule_problems","file_problems",
"created":[case IDs],"counts":{"new","unchanged","duplicate","invalid"}};
commit is "" when nothing was committed, a row's case "" for a new case
whose random ID a dry run has not drawn. The import is one commit: its
Caseplan-Case trailers name every new case, so caseplan log CASE finds it.
The rules file goes into the commit as it is; commit your edits of it first
(caseplan commit).` + "\n" + exitStatusHelp,
		Example: `  caseplan case import acme-roster.csv --rules acme --dry-run
  caseplan case import acme-roster.csv --rules acme --skip-invalid`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.file = args[0]
			if err := outputFormat(opts.output, "text", "json"); err != nil {
				return err
			}
			if opts.dryRun && opts.noCommit {
				return usageErrorf("--dry-run writes nothing; --no-commit writes the files without committing them: give one")
			}
			if runF != nil {
				return runF(opts)
			}
			return caseImportRun(opts)
		},
	}
	f := c.Flags()
	f.StringVar(&opts.rules, "rules", "", "the import rules: a `NAME` in cases/import-rules/, or a path to one (default: named like FILE)")
	f.BoolVar(&opts.dryRun, "dry-run", false, "print what would be imported, and every problem; write nothing")
	f.BoolVar(&opts.skipInvalid, "skip-invalid", false, "leave out the rows with problems (listed) and import the rest")
	f.BoolVar(&opts.noCommit, "no-commit", false, "write the files but do not commit them")
	addOutputFlag(c, &opts.output, "text", "json")
	return c
}

func caseImportRun(opts *caseImportOptions) error {
	root, err := opts.storeRoot()
	if err != nil {
		return err
	}
	name := opts.file
	if !filepath.IsAbs(name) {
		name = filepath.Join(opts.env.Dir, name)
	}
	data, err := readRoster(name)
	if err != nil {
		return err
	}
	rulesPath, err := importRulesPath(opts, root)
	if err != nil {
		return err
	}
	v, err := schemas.Compile()
	if err != nil {
		return err
	}
	plan := &casework.ImportPlan{}
	meter := &stepMeter{g: opts.globals, label: "import"}
	imp := casework.ImportCohort{
		File: filepath.Base(opts.file), Data: data, RulesPath: rulesPath, SkipInvalid: opts.skipInvalid,
		Schemas: v, Progress: meter.show, Plan: plan,
	}
	opts.globals.dryRun = opts.dryRun
	res, err := opts.writeResult(opts.noCommit, nil, imp.Build, selfReported)
	meter.finish()
	var ie *casework.ImportError
	switch {
	case errors.As(err, &ie):
		if err := printImport(opts, plan, opts.dryRun, ""); err != nil {
			return err
		}
		msg := ie.Error()
		if opts.dryRun && len(plan.RuleProblems) == 0 && len(plan.FileProblems) == 0 {
			msg = fmt.Sprintf("dry run: %s; with these problems the import writes nothing", importCounts(plan))
		}
		return &InvalidError{Msg: msg, Hint: importHint(plan)}
	case errors.Is(err, casework.ErrNothingToImport):
		if err := printImport(opts, plan, true, ""); err != nil {
			return err
		}
		fmt.Fprintf(opts.env.Stderr, "caseplan: nothing to import: %s\n", importCounts(plan))
		return nil
	case err != nil:
		return err
	}
	if err := printImport(opts, plan, true, res.Commit); err != nil {
		return err
	}
	w := opts.env.Stderr
	cohort := "cohort " + plan.Cohort
	if plan.NewCohort {
		cohort = "the new cohort " + plan.Cohort + " (" + layout.Cohort(plan.Cohort) + ")"
	}
	switch {
	case opts.dryRun:
		fmt.Fprintf(w, "caseplan: dry run: would open %d case(s) in %s; %s; nothing was written\n", len(plan.Created), cohort, importCounts(plan))
		if res.WouldRefuse != nil {
			// The rules being worked on: the dry run checks them, the
			// import wants them committed first.
			fmt.Fprintf(w, "caseplan: warning: the import itself would be refused: %v\n", res.WouldRefuse)
			fmt.Fprintf(w, "caseplan: hint: commit the import rules first with caseplan commit -m MESSAGE\n")
		}
		if n := plan.Count(rosterimport.Invalid) + plan.Count(rosterimport.Duplicate); n > 0 && !opts.skipInvalid {
			fmt.Fprintf(w, "caseplan: hint: without --skip-invalid the import refuses all of it while %d row(s) have problems\n", n)
			return &InvalidError{}
		}
	case opts.noCommit:
		fmt.Fprintf(w, "caseplan: opened %d case(s) in %s, not committed; %s\n", len(plan.Created), cohort, importCounts(plan))
	default:
		fmt.Fprintf(w, "caseplan: opened %d case(s) in %s as one commit, %s; %s\n", len(plan.Created), cohort, short(res.Commit), importCounts(plan))
	}
	return nil
}

// readRoster reads the roster file, refusing what cannot be one before
// reading it all.
func readRoster(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, &UsageError{Msg: fmt.Sprintf("cannot read the roster: %v", err)}
	}
	if !fi.Mode().IsRegular() {
		return nil, usageErrorf("%s is not a file", name)
	}
	const max = 64 << 20 // some 300,000 rows: far beyond any layoff
	if fi.Size() > max {
		return nil, usageErrorf("%s is %d bytes; a roster may be at most %d MiB", name, fi.Size(), max>>20)
	}
	return os.ReadFile(name)
}

// importRulesPath resolves --rules: a name in cases/import-rules/, or a
// path to a rules file of the store; by default the rules named like the
// roster (acme.csv: acme).
func importRulesPath(opts *caseImportOptions, root string) (string, error) {
	r := opts.rules
	if r == "" || (!strings.ContainsAny(r, `/\`) && !strings.HasSuffix(r, layout.Ext)) {
		name := r
		if name == "" {
			name = strings.TrimSuffix(filepath.Base(opts.file), filepath.Ext(opts.file))
		}
		p := layout.ImportRules(name)
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
			have := storeRecordNames(root, layout.ImportRulesDir)
			msg := fmt.Sprintf("no import rules %s", p)
			if r == "" {
				msg = fmt.Sprintf("which import rules? there are none named like %s (%s)", filepath.Base(opts.file), p)
			}
			hint := "write them (README: case import) and commit them with caseplan commit"
			if len(have) > 0 {
				hint = "name them with --rules NAME; this store has: " + strings.Join(have, ", ")
			}
			return "", &UsageError{Msg: msg, Hint: hint}
		}
		return p, nil
	}
	p := r
	if !filepath.IsAbs(p) {
		p = filepath.Join(opts.env.Dir, p)
	}
	rel, err := filepath.Rel(root, p)
	rel = filepath.ToSlash(rel)
	if kind, ok := layout.KindOf(rel); err != nil || !ok || kind != layout.KindImportRules {
		return "", usageErrorf("--rules %s: import rules live in the store, as %s", r, layout.ImportRules("NAME"))
	}
	return rel, nil
}

// printImport prints what the import found: as text, the rows' lines
// (when lines) and every problem; as JSON, all of it (importJSON).
func printImport(opts *caseImportOptions, plan *casework.ImportPlan, lines bool, commit string) error {
	if opts.output == "json" {
		return writeJSON(opts.env.Stdout, newImportJSON(opts, plan, commit))
	}
	if lines {
		printImportLines(opts, plan)
	}
	printImportProblems(opts, plan)
	printImportWarnings(opts, plan)
	return nil
}

// printImportWarnings prints, on stderr, what the rows that open a case
// open it with but a person should look at (a name from one column of
// two): warnings, not refusals, so a worker with one name is imported.
func printImportWarnings(opts *caseImportOptions, plan *casework.ImportPlan) {
	w := opts.env.Stderr
	n := 0
	for _, l := range plan.Lines {
		if l.Status != rosterimport.New {
			continue
		}
		for _, p := range l.Warnings {
			msg := p.Format(plan.File)
			if id := l.Case; id != "" && !(opts.dryRun && l.Entry.ID == "") {
				msg += " (case " + id + ")"
			}
			fmt.Fprintf(w, "caseplan: warning: %s\n", display.Escape(msg))
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(w, "caseplan: hint: a worker with one name needs nothing more; a name left out of the roster is corrected there before the import, or in the case after it with caseplan edit CASE intake\n")
	}
}

// importJSON is case import -o json, a contract for scripts.
type importJSON struct {
	File         string          `json:"file"`
	Rules        string          `json:"rules"`
	Cohort       string          `json:"cohort"`
	NewCohort    bool            `json:"new_cohort"`
	DryRun       bool            `json:"dry_run"`
	Commit       string          `json:"commit"` // "" when nothing was committed
	Rows         []importRowJSON `json:"rows"`
	RuleProblems []string        `json:"rule_problems"`
	FileProblems []string        `json:"file_problems"`
	Created      []string        `json:"created"`
	Counts       map[string]int  `json:"counts"`
}

type importRowJSON struct {
	Row         int      `json:"row"`
	Status      string   `json:"status"`
	Case        string   `json:"case"`
	Participant string   `json:"participant"`
	Manager     string   `json:"manager"`
	Problems    []string `json:"problems"`
	Warnings    []string `json:"warnings"` // a name from one column of a template's several
}

func newImportJSON(opts *caseImportOptions, plan *casework.ImportPlan, commit string) importJSON {
	out := importJSON{File: plan.File, Rules: plan.RulesPath, Cohort: plan.Cohort, NewCohort: plan.NewCohort && len(plan.Created) > 0,
		DryRun: opts.dryRun, Commit: commit, Rows: []importRowJSON{}, RuleProblems: append([]string{}, plan.RuleProblems...),
		FileProblems: []string{}, Created: append([]string{}, plan.Created...), Counts: map[string]int{}}
	if opts.dryRun {
		out.Created = []string{}
	}
	for _, p := range plan.FileProblems {
		out.FileProblems = append(out.FileProblems, p.Format(plan.File))
	}
	for _, st := range []rosterimport.Status{rosterimport.New, rosterimport.Unchanged, rosterimport.Duplicate, rosterimport.Invalid} {
		out.Counts[string(st)] = plan.Count(st)
	}
	for _, l := range plan.Lines {
		r := importRowJSON{Row: l.Row, Status: string(l.Status), Case: l.Case, Participant: l.Entry.Name, Manager: l.Entry.Manager, Problems: []string{}, Warnings: []string{}}
		if l.Status == rosterimport.New && opts.dryRun && l.Entry.ID == "" {
			r.Case = "" // drawn at random when the import is made
		}
		if l.Status == rosterimport.Invalid && hasSSNProblem(l) {
			r.Participant = ""
		}
		if l.Status != rosterimport.New {
			r.Manager = ""
		}
		for _, p := range l.Problems {
			r.Problems = append(r.Problems, p.Format(plan.File))
		}
		if l.Status == rosterimport.New {
			for _, p := range l.Warnings {
				r.Warnings = append(r.Warnings, p.Format(plan.File))
			}
		}
		out.Rows = append(out.Rows, r)
	}
	return out
}

// printImportLines prints one line per row: ROW STATUS CASE PARTICIPANT
// MANAGER.
func printImportLines(opts *caseImportOptions, plan *casework.ImportPlan) {
	t := newTable(opts.env, "ROW", "STATUS", "CASE", "PARTICIPANT", "MANAGER")
	for _, l := range plan.Lines {
		id := l.Case
		if l.Status == rosterimport.New && opts.dryRun && l.Entry.ID == "" {
			id = "(new ID)" // drawn at random when the import is made
		}
		name := l.Entry.Name
		if l.Status == rosterimport.Invalid && hasSSNProblem(l) {
			name = "" // the name cell may be the one refused
		}
		manager := l.Entry.Manager
		if l.Status != rosterimport.New {
			manager = ""
		}
		t.row(fmt.Sprint(l.Row), string(l.Status), dashIfEmpty(id), dashIfEmpty(name), dashIfEmpty(manager))
	}
	_ = t.flush()
}

func hasSSNProblem(l rosterimport.Line) bool {
	for _, p := range l.Problems {
		if strings.Contains(p.Msg, "Social Security") {
			return true
		}
	}
	return false
}

// printImportProblems prints every problem, each on its own line: the
// rules' as PATH:LINE:COL: message, the roster's as FILE:ROW:COLUMN:
// message.
func printImportProblems(opts *caseImportOptions, plan *casework.ImportPlan) {
	// A message may quote a cell, and a cell may hold anything a
	// spreadsheet let someone type: escaped, as all record text is.
	w := opts.env.Stdout
	for _, p := range plan.RuleProblems {
		fmt.Fprintln(w, display.Escape(p))
	}
	for _, p := range plan.FileProblems {
		fmt.Fprintln(w, display.Escape(p.Format(plan.File)))
	}
	for _, p := range plan.Problems() {
		fmt.Fprintln(w, display.Escape(p.Format(plan.File)))
	}
}

// importCounts sums up the rows that open no case.
func importCounts(plan *casework.ImportPlan) string {
	parts := []string{fmt.Sprintf("%d row(s) read", plan.Rows)}
	if n := plan.Count(rosterimport.Unchanged); n > 0 {
		parts = append(parts, fmt.Sprintf("%d already imported (unchanged)", n))
	}
	if n := plan.Count(rosterimport.Duplicate); n > 0 {
		parts = append(parts, fmt.Sprintf("%d duplicate(s) skipped", n))
	}
	if n := plan.Count(rosterimport.Invalid); n > 0 {
		parts = append(parts, fmt.Sprintf("%d invalid row(s) skipped", n))
	}
	return strings.Join(parts, ", ")
}

func importHint(plan *casework.ImportPlan) string {
	switch {
	case len(plan.RuleProblems) > 0:
		return "correct the import rules above; caseplan case import FILE --dry-run checks them again"
	case len(plan.FileProblems) > 0:
		return "save the roster again as CSV (UTF-8) and run the command again"
	}
	return "correct those rows in the roster, or import the others with --skip-invalid"
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}
