package casework

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/finding"
	"github.com/caseplan/caseplan/pkg/layout"
	"github.com/caseplan/caseplan/pkg/load"
	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/rosterimport"
	"github.com/caseplan/caseplan/pkg/store"
	"github.com/caseplan/caseplan/pkg/validate"
	"github.com/caseplan/caseplan/schemas"
)

// ActionCaseImport is the Caseplan-Action of an import's commit.
const ActionCaseImport = "case.import"

// ImportCohort imports a layoff roster (a spreadsheet exported as CSV)
// with a store's import rules: it opens a case for each new worker, linked
// to the cohort, and writes or extends the cohort's record — all as one
// change, so one commit (README, "case import"). Nothing is written when
// any row has a problem, unless SkipInvalid: then those rows are left out
// and listed. Build fills Plan, also when it refuses.
type ImportCohort struct {
	File        string // the roster's name, as recorded in the cases and the cohort
	Data        []byte // the roster file's bytes
	RulesPath   string // repository-relative: cases/import-rules/<name>.yaml
	SkipInvalid bool
	Schemas     *schemas.Validator
	// Progress, when set, is told how far each step has come, the step
	// named by what it counts: "cases read" (the store's), then "rows
	// checked".
	Progress func(step string, done, total int)
	Plan     *ImportPlan
}

// ImportPlan is what an import found and did, row by row.
type ImportPlan struct {
	File      string
	RulesPath string
	Cohort    string
	NewCohort bool // the import writes the cohort's record
	Rows      int
	Lines     []rosterimport.Line // in row order; a new line's Case is its case ID
	// RuleProblems are the import rules' problems, as path:line:col: message.
	RuleProblems []string
	// FileProblems are the roster's problems as a whole (not a row's).
	FileProblems []rosterimport.Problem
	Created      []string // the new cases' IDs, in row order
}

// Count returns how many lines have status st.
func (p *ImportPlan) Count(st rosterimport.Status) int {
	n := 0
	for _, l := range p.Lines {
		if l.Status == st {
			n++
		}
	}
	return n
}

// Problems returns every row's problems, in row order.
func (p *ImportPlan) Problems() []rosterimport.Problem {
	var out []rosterimport.Problem
	for _, l := range p.Lines {
		out = append(out, l.Problems...)
	}
	return out
}

// ImportError says an import was refused and nothing was written: the
// rules or the file have problems, or rows do (without SkipInvalid). The
// plan lists them all.
type ImportError struct{ Plan *ImportPlan }

func (e *ImportError) Error() string {
	p := e.Plan
	switch {
	case len(p.RuleProblems) > 0:
		return fmt.Sprintf("the import rules %s have %d problem(s); nothing was imported", p.RulesPath, len(p.RuleProblems))
	case len(p.FileProblems) > 0:
		return fmt.Sprintf("%s cannot be read as a roster; nothing was imported", p.File)
	}
	return fmt.Sprintf("%d of %d row(s) of %s have problems (%d invalid, %d duplicate); nothing was imported",
		p.Count(rosterimport.Invalid)+p.Count(rosterimport.Duplicate), p.Rows, p.File, p.Count(rosterimport.Invalid), p.Count(rosterimport.Duplicate))
}

// ErrNothingToImport says an import found no new worker: every valid row
// is a case already. Nothing was written; the plan says row by row.
var ErrNothingToImport = errors.New("nothing to import")

// Build reads the rules and the roster, checks every row against them
// and against the store, and returns the change that opens the new cases.
func (imp ImportCohort) Build(s *State) (*Change, error) {
	plan := imp.Plan
	if plan == nil {
		plan = &ImportPlan{}
	}
	*plan = ImportPlan{File: imp.File, RulesPath: imp.RulesPath}
	cfg := s.Snapshot.Config

	rulesData, err := s.ReadFile(imp.RulesPath)
	if err != nil {
		return nil, inputErrorf("import rules live in "+layout.CasesDir+"/"+layout.ImportRulesDir+"/<name>.yaml (README: case import); name them with --rules", "cannot read the import rules %s: %v", imp.RulesPath, strippedErr(err))
	}
	rules, doc := imp.readRules(plan, rulesData)
	if rules == nil {
		return nil, &ImportError{Plan: plan}
	}
	plan.Cohort = rules.Cohort.ID
	ruleProblem := func(p []string, msg string) {
		line, col := doc.Position(p)
		plan.RuleProblems = append(plan.RuleProblems, fmt.Sprintf("%s:%d:%d: %s: %s", imp.RulesPath, line, col, strings.Join(p, "."), msg))
	}

	roster, err := rosterimport.Read(imp.Data, rules)
	if err != nil {
		var fe *rosterimport.FileError
		if errors.As(err, &fe) {
			plan.FileProblems = fe.Problems
			return nil, &ImportError{Plan: plan}
		}
		return nil, err
	}
	plan.Rows = len(roster.Rows)
	m, probs := rosterimport.Compile(rules, roster.Header, cfg)
	if len(probs) > 0 {
		// A title row above the header: say skip, and only the problems
		// the rules would still have with the header found.
		if n := rosterimport.HeaderBelow(rules, roster); n > 0 {
			ruleProblem([]string{"skip"}, fmt.Sprintf("row %d of %s holds the columns these rules name, not row %d (rows above the header, a title?): say skip: %d in the import rules so that row %d is read as the header", n, imp.File, roster.HeaderRow, n-1, n))
			header := roster.Header
			for _, row := range roster.Rows {
				if row.Number == n {
					header = append(append([]string(nil), row.Cells...), row.Extra...)
				}
			}
			_, probs = rosterimport.Compile(rules, header, cfg)
		}
	}
	for _, p := range probs {
		ruleProblem(p.Path, p.Msg)
	}
	cohortPath := layout.Cohort(rules.Cohort.ID)
	existingCohort, hasCohort := s.Snapshot.Cohorts[rules.Cohort.ID]
	switch {
	case hasCohort && existingCohort == nil:
		ruleProblem([]string{"cohort", "id"}, fmt.Sprintf("the cohort's record %s cannot be read; caseplan validate says why", cohortPath))
	case hasCohort:
		for _, d := range cohortDisagrees(existingCohort, &rules.Cohort) {
			ruleProblem([]string{"cohort", d.field}, fmt.Sprintf("%s is %s in the import rules but %s in %s; make them agree", d.label, d.rules, d.record, cohortPath))
		}
	}
	// The WARN notice has happened by the import (future-date): a notice
	// date after today is the rules' to correct, named once on their
	// line, not in every imported case's intake.
	paths, msgs := validate.FutureCohortDates(cohortOf(rules), s.Today)
	for i := range paths {
		ruleProblem(append([]string{"cohort"}, paths[i]...), msgs[i])
	}
	// So is the opening date the rules give every new case (its intake's
	// opened, its plan's created): once, on the rules' line.
	if msg, ok := validate.FutureDate("opening date", rules.Opened, s.Today); ok && rules.Opened != "" {
		ruleProblem([]string{"opened"}, msg)
	}
	if len(plan.RuleProblems) > 0 {
		return nil, &ImportError{Plan: plan}
	}
	plan.NewCohort = !hasCohort

	existing, err := existingCases(s, rules.Cohort.ID, rules.Program, imp.progress("cases read"))
	if err != nil {
		return nil, err
	}
	intakes := map[string]*record.Intake{}
	existing.Intake = func(id string) *record.Intake {
		in, ok := intakes[id]
		if !ok {
			in = readIntake(s, id)
			intakes[id] = in
		}
		return in
	}
	plan.Lines = m.Plan(roster, existing)

	opened := rules.Opened
	if opened == "" {
		opened = date(s.Today)
	}
	openedTime, _ := opened.Time()
	tentative := firstManager(rules)
	// A duplicate's own details are held to what a new row's are, so
	// that the roster's mistakes are all named at once, and so that the
	// advice on bringing its case up to date never hands a detail the
	// case would refuse to caseplan case set.
	for i := range plan.Lines {
		l := &plan.Lines[i]
		if l.Status != rosterimport.Duplicate {
			continue
		}
		id := l.Case
		if id == "" {
			id = duplicateStandIn
		}
		_, fields, err := rowProblems(s, cfg, m, l, id, imp.File, opened, tentative, imp.Schemas)
		if err != nil {
			return nil, err
		}
		invalid := map[string]bool{}
		for _, f := range fields {
			invalid[f.field] = true
		}
		if l.Doubles != "" && len(l.Problems) > 0 {
			l.Problems[len(l.Problems)-1].Msg += "; " + doublesAdvice(existing.Intake(l.Doubles), l.Doubles, &l.Entry, rules.Cohort.ID, invalid)
		}
		for _, f := range fields {
			l.Problems = append(l.Problems, f.Problem)
		}
	}
	ids := map[string]bool{}
	for k := range existing.IDs {
		ids[k] = true
	}
	// Each new line gets its case ID now, so that the checks below read
	// the records as they would be written.
	for i := range plan.Lines {
		l := &plan.Lines[i]
		if l.Status != rosterimport.New {
			continue
		}
		if l.Case == "" {
			if l.Case, err = freeID(openedTime.Year(), s, ids); err != nil {
				return nil, err
			}
		}
		ids[rosterimport.IDKey(l.Case)] = true
	}
	if err := imp.checkRecords(s, m, plan, opened, tentative); err != nil {
		return nil, err
	}
	// A row the checks refused is named by the ID the roster gives it,
	// as a row refused before them is, not by the random one drawn above
	// for a case that will not be opened.
	for i := range plan.Lines {
		if l := &plan.Lines[i]; l.Status == rosterimport.Invalid {
			l.Case = l.Entry.ID
		}
	}
	m.AssignManagers(plan.Lines, existing.Load)

	refused := plan.Count(rosterimport.Invalid) + plan.Count(rosterimport.Duplicate)
	if refused > 0 && !imp.SkipInvalid {
		return nil, &ImportError{Plan: plan}
	}
	files := map[string][]byte{}
	for i := range plan.Lines {
		l := &plan.Lines[i]
		if l.Status != rosterimport.New {
			continue
		}
		in, iep, err := importedCase(s, cfg, rules, l, imp.File, opened)
		if err != nil {
			return nil, err
		}
		files[layout.Intake(l.Case)] = in
		files[layout.File(l.Case, layout.KindIEP)] = iep
		plan.Created = append(plan.Created, l.Case)
	}
	if len(plan.Created) == 0 {
		return nil, ErrNothingToImport
	}
	importID, err := caseid.NewItem(record.PrefixCohortImport, s.random())
	if err != nil {
		return nil, err
	}
	entry := record.CohortImport{
		ID: importID, File: imp.File, SHA256: roster.SHA256, Rules: strings.TrimSuffix(path.Base(imp.RulesPath), layout.Ext),
		Date: date(s.Today), By: s.Staff.ID, Rows: len(roster.Rows), Created: len(plan.Created),
	}
	if files[cohortPath], err = cohortRecord(s, cohortPath, rules, entry, hasCohort); err != nil {
		return nil, err
	}
	// The rules go into the commit as they are: a commit of the cases
	// holds the rules that made them. A rules file with edits not yet
	// committed is refused by the engine (commit it first, under its own
	// message), so the commit never sweeps an unrelated edit in.
	files[imp.RulesPath] = rulesData
	return &Change{
		Cases:   plan.Created,
		Action:  ActionCaseImport,
		Summary: fmt.Sprintf("import %d case(s) of cohort %s from %s", len(plan.Created), rules.Cohort.ID, imp.File),
		Files:   files,
	}, nil
}

// readRules parses and checks the rules file; nil when it has problems
// (in the plan).
func (imp ImportCohort) readRules(plan *ImportPlan, data []byte) (*record.ImportRules, *load.Document) {
	doc, fs := load.Parse(imp.RulesPath, data)
	for _, f := range fs {
		plan.RuleProblems = append(plan.RuleProblems, fmt.Sprintf("%s:%d:%d: %s", f.Path, f.Line, f.Column, f.Message))
	}
	if doc == nil || len(fs) > 0 {
		return nil, nil
	}
	for _, e := range imp.Schemas.Validate(layout.KindImportRules, doc.Value()) {
		line, col := doc.Position(e.Path)
		if e.Key {
			line, col = doc.KeyPosition(e.Path)
		}
		plan.RuleProblems = append(plan.RuleProblems, fmt.Sprintf("%s:%d:%d: %s", imp.RulesPath, line, col, e.Message))
	}
	var rules record.ImportRules
	if len(plan.RuleProblems) == 0 {
		if err := doc.Decode(&rules); err != nil {
			plan.RuleProblems = append(plan.RuleProblems, fmt.Sprintf("%s:%d:%d: %v", imp.RulesPath, doc.Root.Line, doc.Root.Column, err))
		}
	}
	if len(plan.RuleProblems) > 0 {
		return nil, nil
	}
	return &rules, doc
}

func (imp ImportCohort) progress(step string) func(done, total int) {
	if imp.Progress == nil {
		return func(int, int) {}
	}
	return func(done, total int) { imp.Progress(step, done, total) }
}

// checkRecords writes each new line's records as they would be and holds
// them to what every write is held to — the schemas, then the integrity
// and program rules — so that a row the engine would refuse is an invalid
// row, named by its row and column, rather than a refused import.
func (imp ImportCohort) checkRecords(s *State, m *rosterimport.Mapping, plan *ImportPlan, opened record.Date, manager string) error {
	report := imp.progress("rows checked")
	cfg := s.Snapshot.Config
	rules := m.Rules()
	files := map[string][]byte{}
	byCase := map[string]*rosterimport.Line{}
	var ids []string
	for i := range plan.Lines {
		l := &plan.Lines[i]
		report(i, len(plan.Lines))
		if l.Status != rosterimport.New {
			continue
		}
		records, fields, err := rowProblems(s, cfg, m, l, l.Case, imp.File, opened, manager, imp.Schemas)
		if err != nil {
			return err
		}
		if len(fields) > 0 {
			l.Status = rosterimport.Invalid
			for _, f := range fields {
				l.Problems = append(l.Problems, f.Problem)
			}
			continue
		}
		files[layout.Intake(l.Case)] = records[0]
		files[layout.File(l.Case, layout.KindIEP)] = records[1]
		byCase[l.Case] = l
		ids = append(ids, l.Case)
	}
	report(len(plan.Lines), len(plan.Lines))
	if len(ids) == 0 {
		return nil
	}
	// The cohort's record is laid over too, so unknown-cohort holds.
	if _, ok := s.Snapshot.Cohorts[rules.Cohort.ID]; !ok {
		data, err := record.Marshal(layout.Cohort(rules.Cohort.ID), cohortOf(rules))
		if err != nil {
			return err
		}
		files[layout.Cohort(rules.Cohort.ID)] = data
	}
	snap, loaded, err := store.Load(newOverlay(s.source, files), ids)
	if err != nil {
		return err
	}
	for _, f := range validate.Run(snap, loaded, validate.Options{Schemas: imp.Schemas, Today: s.Today}) {
		l := byCase[f.Case]
		if l == nil || f.Severity != finding.Error || validate.IsCompleteness(f.Rule) || l.Status != rosterimport.New {
			continue
		}
		col := -1
		if cols := m.Columns(rosterimport.FieldName); len(cols) > 0 {
			col = cols[0]
		}
		l.Status = rosterimport.Invalid
		l.Problems = append(l.Problems, rosterimport.Problem{Row: l.Row, Column: col, Header: m.Header(col), Msg: fmt.Sprintf("the case would break rule %s: %s", f.Rule, f.Message)})
	}
	return nil
}

// duplicateStandIn is the case ID a duplicate of an earlier row, which
// gives none, is checked under: a valid one, so that only the row's own
// details can be at fault.
const duplicateStandIn = "IMPORT-ROW"

// fieldIssue is a problem with the intake field (rosterimport's Field
// names) a row fills.
type fieldIssue struct {
	field string
	rosterimport.Problem
}

// rowProblems writes the records line l would open as case id — its
// intake and its empty plan — and holds the intake to its schema, as
// every write is: each problem placed at the column that fills the field.
func rowProblems(s *State, cfg *record.Config, m *rosterimport.Mapping, l *rosterimport.Line, id, file string, opened record.Date, manager string, v *schemas.Validator) (records [2][]byte, problems []fieldIssue, err error) {
	tentative := *l
	tentative.Case = id
	if tentative.Entry.Manager == "" {
		tentative.Entry.Manager = manager
	}
	in, iep, err := importedCase(s, cfg, m.Rules(), &tentative, file, opened)
	if err != nil {
		return records, nil, err
	}
	doc, fs := load.Parse(layout.Intake(id), in)
	for _, f := range fs {
		problems = append(problems, fieldProblem(m, l, nil, f.Message))
	}
	if doc != nil {
		for _, e := range v.Validate(layout.KindIntake, doc.Value()) {
			problems = append(problems, fieldProblem(m, l, e.Path, e.Message))
		}
	}
	return [2][]byte{in, iep}, problems, nil
}

// fieldProblem is a schema's message about the intake field at p, placed
// at the column that fills it.
func fieldProblem(m *rosterimport.Mapping, l *rosterimport.Line, p []string, msg string) fieldIssue {
	field := rosterimport.FieldName
	switch {
	case len(p) == 2 && (p[0] == "participant" || p[0] == "layoff"):
		field = p[1]
	case len(p) == 1:
		field = p[0]
	}
	col := -1
	if cols := m.Columns(field); len(cols) > 0 {
		col = cols[0]
	} else if cols := m.Columns(rosterimport.FieldName); len(cols) > 0 {
		col = cols[0]
	}
	// The schema's message starts with the field it is about; the header
	// names the column instead.
	if _, rest, ok := strings.Cut(msg, ": "); ok && col >= 0 {
		msg = rest
	}
	return fieldIssue{field, rosterimport.Problem{Row: l.Row, Column: col, Header: m.Header(col), Msg: msg}}
}

// importedCase returns a new line's intake record and empty plan, as
// case new writes them, with the participant's details, the layoff, the
// cohort and where the row came from.
func importedCase(s *State, cfg *record.Config, rules *record.ImportRules, l *rosterimport.Line, file string, opened record.Date) (intake, iep []byte, err error) {
	e := l.Entry
	center := e.Center
	if center == "" {
		center = rules.Center
	}
	if center == "" {
		if st, ok := cfg.StaffByID(e.Manager); ok {
			center = st.Center
		}
	}
	in := record.Intake{
		ID: l.Case, Opened: opened, Program: rules.Program, Status: "open", Manager: e.Manager, Center: center,
		Participant: record.Participant{
			Name: e.Name, PreferredName: e.PreferredName, Phone: e.Phone, Email: e.Email,
			Address: e.Address, Language: e.Language, BestTimes: e.BestTimes,
		},
		Layoff: &record.Layoff{
			NoticeDate: rules.Cohort.NoticeDate, LayoffDate: e.LayoffDate, GrantFundingEnded: rules.GrantFundingEnded,
			Position: e.Position, Grade: e.Grade, FTE: e.FTE, Department: e.Department,
		},
		Cohort:   rules.Cohort.ID,
		Imported: &record.Imported{File: file, Row: l.Row, SHA256: l.Hash},
	}
	if intake, err = record.Marshal(layout.Intake(l.Case), &in); err != nil {
		return nil, nil, err
	}
	if iep, err = record.Marshal(layout.File(l.Case, layout.KindIEP), &record.IEP{Created: opened}); err != nil {
		return nil, nil, err
	}
	return intake, iep, nil
}

// firstManager is a manager the rules name, to check rows with before the
// managers are assigned; "" when a column names them.
func firstManager(r *record.ImportRules) string {
	if r.Managers.One != "" {
		return r.Managers.One
	}
	if len(r.Managers.RoundRobin) > 0 {
		return r.Managers.RoundRobin[0]
	}
	return ""
}

// freeID draws a new random case ID that no case has and this import has
// not given.
func freeID(year int, s *State, taken map[string]bool) (string, error) {
	for range 50 {
		id, err := caseid.New(year, s.random())
		if err != nil {
			return "", err
		}
		if !taken[rosterimport.IDKey(id)] {
			return id, nil
		}
	}
	return "", fmt.Errorf("could not find a free case ID")
}

func cohortOf(r *record.ImportRules) *record.Cohort {
	c := r.Cohort
	return &record.Cohort{
		ID: c.ID, Employer: c.Employer, Site: c.Site, NoticeDate: c.NoticeDate,
		LayoffDates: slices.Clone(c.LayoffDates), NumberAffected: c.NumberAffected, Source: c.Source,
	}
}

// cohortRecord returns the cohort's record with this import listed: a
// new record from the rules' WARN data, or the existing one with the
// import appended in place (its comments and layout kept).
func cohortRecord(s *State, p string, rules *record.ImportRules, entry record.CohortImport, exists bool) ([]byte, error) {
	if !exists {
		c := cohortOf(rules)
		c.Imports = []record.CohortImport{entry}
		return record.Marshal(p, c)
	}
	data, err := s.ReadFile(p)
	if err != nil {
		return nil, err
	}
	return appendInOrder(record.Cohort{}, []string{"imports"}, entry)(data)
}

type disagreement struct{ field, label, rules, record string }

// cohortDisagrees compares the WARN facts of an existing cohort record
// with the rules': an import never changes them silently.
func cohortDisagrees(c *record.Cohort, r *record.ImportCohort) []disagreement {
	var out []disagreement
	if c.Employer != r.Employer {
		out = append(out, disagreement{"employer", "the employer", fmt.Sprintf("%q", r.Employer), fmt.Sprintf("%q", c.Employer)})
	}
	if c.NoticeDate != r.NoticeDate {
		out = append(out, disagreement{"notice_date", "the notice date", string(r.NoticeDate), string(c.NoticeDate)})
	}
	a, b := slices.Clone(c.LayoffDates), slices.Clone(r.LayoffDates)
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		out = append(out, disagreement{"layoff_dates", "the layoff dates", dates(b), dates(a)})
	}
	return out
}

func dates(ds []record.Date) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d)
	}
	return strings.Join(s, ", ")
}

// existingCases reads, from every case's intake record, what an import
// must not double: the case IDs, the rows cases were imported from, who
// the participants are (name with phone or email), and how many of the
// cohort's cases each manager has. A case of another program than the
// one imported into gives only its ID: its person may be co-enrolled in
// this program (TEGL 10-16; rosterimport.Existing.OtherProgram). A case
// whose intake cannot be read is taken as this program's. On a store of
// 10,000 cases this is the import's largest read (store.ScanIntakes).
func existingCases(s *State, cohort, program string, progress func(done, total int)) (*rosterimport.Existing, error) {
	keys, err := store.ScanIntakes(s.source, progress)
	if err != nil {
		return nil, err
	}
	x := rosterimport.NewExisting()
	for _, k := range keys {
		if k.Readable && k.Program != program {
			x.AddOtherProgramCase(k.ID, k.Program)
			continue
		}
		x.AddCase(k.ID, k.Imported, k.Name, k.Phone, k.Email, k.Manager, k.Cohort == cohort)
	}
	return x, nil
}

// doublesAdvice says how a row that doubles case id differs from it, and
// the command that takes the row's details into the case: an import opens
// cases and never changes one, and a newer roster from the employer is the
// usual reason a worker's row no longer matches the row imported. A detail
// the row gives but the case would refuse (invalid: rosterimport's Field
// names; its problem is the row's own) is left out of the command, which
// would refuse it, and is named as what to correct in the roster.
func doublesAdvice(in *record.Intake, id string, e *rosterimport.Entry, cohort string, invalid map[string]bool) string {
	if in == nil {
		return "if the roster has newer details for the worker, change the case with caseplan case set " + id
	}
	diffs := e.Differences(in)
	if len(diffs) == 0 {
		// A case of the cohort would have made the row unchanged
		// (rosterimport's Plan): this one is of another cohort, or none.
		if in.Cohort == "" {
			return fmt.Sprintf("the case has every detail this row gives but is in no cohort, and an import never adds a case to %s", cohort)
		}
		return fmt.Sprintf("the case has every detail this row gives but is in cohort %s, and an import never moves a case to %s", in.Cohort, cohort)
	}
	var set, args, edit, refused []string
	for _, d := range diffs {
		switch {
		case invalid[d.Field]:
			refused = append(refused, d.Label)
		case d.Flag == "":
			edit = append(edit, d.Label)
		default:
			set = append(set, d.Label)
			args = append(args, d.Flag+" "+display.ShellQuote(d.Value))
		}
	}
	setCmd := fmt.Sprintf("caseplan case set %s %s", id, strings.Join(args, " "))
	editCmd := fmt.Sprintf("caseplan edit %s intake", id)
	var advice string
	switch {
	case len(set) == 0 && len(edit) == 0:
	case len(edit) == 0:
		advice = fmt.Sprintf("the row differs from the case in %s: if the roster is newer, %s", display.ProseList(set), setCmd)
	case len(set) == 0:
		advice = fmt.Sprintf("the row differs from the case in %s: if the roster is newer, %s", display.ProseList(edit), editCmd)
	default:
		advice = fmt.Sprintf("the row differs from the case in %s: if the roster is newer, %s; and in %s: %s", display.ProseList(set), setCmd, display.ProseList(edit), editCmd)
	}
	if len(refused) > 0 {
		rest := fmt.Sprintf("in %s, which the case cannot take as the row writes it (see below): correct the roster", display.ProseList(refused))
		if advice == "" {
			return "the row differs from the case " + rest
		}
		advice += "; and " + rest
	}
	return advice
}

// readIntake reads case id's intake record as validate reads it, nil when
// it cannot: one go-yaml alone reads otherwise ("yes" as true) is not
// compared, as one that does not parse is not.
func readIntake(s *State, id string) *record.Intake {
	data, err := s.ReadFile(layout.Intake(id))
	if err != nil {
		return nil
	}
	doc, _ := load.Parse(layout.Intake(id), data)
	var in record.Intake
	if doc == nil || doc.Decode(&in) != nil {
		return nil
	}
	return &in
}

// strippedErr drops the path an os error repeats.
func strippedErr(err error) error {
	var pe interface{ Unwrap() error }
	if errors.As(err, &pe) && pe.Unwrap() != nil {
		return pe.Unwrap()
	}
	return err
}
