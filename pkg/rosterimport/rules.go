package rosterimport

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/caseplan/caseplan/pkg/record"
)

// RuleProblem is a problem with the import rules themselves, at a field
// of the rules file (Path: its keys, as a JSON pointer's tokens).
type RuleProblem struct {
	Path []string
	Msg  string
}

// The intake fields a column can fill, by their key in the rules'
// columns: (record.ImportColumns).
const (
	FieldID            = "id"
	FieldName          = "name"
	FieldPreferredName = "preferred_name"
	FieldPhone         = "phone"
	FieldEmail         = "email"
	FieldAddress       = "address"
	FieldLanguage      = "language"
	FieldBestTimes     = "best_times"
	FieldPosition      = "position"
	FieldGrade         = "grade"
	FieldFTE           = "fte"
	FieldDepartment    = "department"
	FieldLayoffDate    = "layoff_date"
	FieldCenter        = "center"
)

// columnRules pairs each field with what the rules map to it, in the
// order of record.ImportColumns.
func columnRules(c record.ImportColumns) []struct{ field, tmpl string } {
	return []struct{ field, tmpl string }{
		{FieldID, c.ID}, {FieldName, c.Name}, {FieldPreferredName, c.PreferredName},
		{FieldPhone, c.Phone}, {FieldEmail, c.Email}, {FieldAddress, c.Address},
		{FieldLanguage, c.Language}, {FieldBestTimes, c.BestTimes},
		{FieldPosition, c.Position}, {FieldGrade, c.Grade}, {FieldFTE, c.FTE},
		{FieldDepartment, c.Department}, {FieldLayoffDate, c.LayoffDate}, {FieldCenter, c.Center},
	}
}

// Mapping is a store's import rules applied to one roster's header: which
// columns fill which field, who manages the cases.
type Mapping struct {
	rules      *record.ImportRules
	cfg        *record.Config
	header     []string
	fields     map[string]template
	managerCol int   // -1 unless managers come from a column
	mapped     []int // every column the rules read, in order
	dates      dateFormat
}

// template is a column mapping: literal text and column references.
type template struct {
	parts []part
}

type part struct {
	text string
	col  int // -1 for literal text
}

// columns returns the columns a template reads, in order.
func (t template) columns() []int {
	var out []int
	for _, p := range t.parts {
		if p.col >= 0 {
			out = append(out, p.col)
		}
	}
	return out
}

// Compile applies rules to a roster's header against the store's
// settings (its programs and staff roster). Every problem is returned at
// once; the mapping is nil when there is any.
func Compile(rules *record.ImportRules, header []string, cfg *record.Config) (*Mapping, []RuleProblem) {
	m := &Mapping{rules: rules, cfg: cfg, header: header, fields: map[string]template{}, managerCol: -1}
	var probs []RuleProblem
	add := func(path []string, format string, args ...any) {
		probs = append(probs, RuleProblem{Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	if cfg != nil {
		if _, ok := cfg.Programs[rules.Program]; !ok {
			add([]string{"program"}, "program %q is not defined in cases/caseplan.yaml (defined: %s)", rules.Program, strings.Join(sortedKeys(cfg.Programs), ", "))
		}
	}
	var err error
	if m.dates, err = parseDateFormat(rules.DateFormat); err != nil {
		add([]string{"date_format"}, "%v", err)
	}
	for i, l := range rules.Cohort.LayoffDates {
		if rules.Cohort.NoticeDate != "" && l != "" && string(l) < string(rules.Cohort.NoticeDate) {
			add([]string{"cohort", "layoff_dates", fmt.Sprint(i)}, "layoff date %s is before the notice date %s", l, rules.Cohort.NoticeDate)
		}
	}

	for _, c := range columnRules(rules.Columns) {
		if c.tmpl == "" {
			continue
		}
		t, msg := m.parse(c.tmpl)
		if msg != "" {
			add([]string{"columns", c.field}, "%s", msg)
			continue
		}
		m.fields[c.field] = t
	}
	if _, ok := m.fields[FieldLayoffDate]; !ok && len(rules.Cohort.LayoffDates) > 1 {
		add([]string{"cohort", "layoff_dates"}, "the cohort has %d layoff dates: map columns.layoff_date to the column that gives each worker's", len(rules.Cohort.LayoffDates))
	}

	mg := rules.Managers
	set := 0
	for _, on := range []bool{mg.One != "", len(mg.RoundRobin) > 0, mg.Column != ""} {
		if on {
			set++
		}
	}
	switch {
	case set != 1:
		add([]string{"managers"}, "say who manages the cases in exactly one way: one (a staff id), round_robin (a list of staff ids) or column (a column's header)")
	case mg.One != "":
		if msg := m.staffProblem(mg.One); msg != "" {
			add([]string{"managers", "one"}, "%s", msg)
		}
	case len(mg.RoundRobin) > 0:
		for i, id := range mg.RoundRobin {
			if msg := m.staffProblem(id); msg != "" {
				add([]string{"managers", "round_robin", fmt.Sprint(i)}, "%s", msg)
			} else if slices.Index(mg.RoundRobin, id) < i {
				add([]string{"managers", "round_robin", fmt.Sprint(i)}, "%s is listed twice", id)
			}
		}
	default:
		col, msg := m.column(mg.Column)
		if msg != "" {
			add([]string{"managers", "column"}, "%s", msg)
		}
		m.managerCol = col
	}
	if len(probs) > 0 {
		return nil, probs
	}
	read := map[int]bool{m.managerCol: m.managerCol >= 0}
	for _, t := range m.fields {
		for _, c := range t.columns() {
			read[c] = true
		}
	}
	for c := range m.header {
		if read[c] {
			m.mapped = append(m.mapped, c)
		}
	}
	return m, nil
}

// HeaderBelow returns the number of the first of the roster's rows, below
// the one read as its header, that holds every column the rules name, or
// 0 when none does (of the first twenty). A spreadsheet often has a title
// or a merged banner above its header: that row read as the header names
// none of the rules' columns, and the rules' skip should say to pass it.
func HeaderBelow(rules *record.ImportRules, r *Roster) int {
	for i, row := range r.Rows {
		if i == 20 {
			break
		}
		m := &Mapping{header: row.Cells[:len(r.Header)]}
		if len(row.Extra) > 0 {
			m.header = append(append([]string(nil), row.Cells...), row.Extra...)
		}
		ok := true
		for _, c := range columnRules(rules.Columns) {
			if c.tmpl != "" {
				if _, msg := m.parse(c.tmpl); msg != "" {
					ok = false
					break
				}
			}
		}
		if ok && rules.Managers.Column != "" {
			_, msg := m.column(rules.Managers.Column)
			ok = msg == ""
		}
		if ok {
			return row.Number
		}
	}
	return 0
}

// staffProblem says why id cannot manage cases, or "".
func (m *Mapping) staffProblem(id string) string {
	s, ok := m.cfg.StaffByID(id)
	switch {
	case !ok:
		return fmt.Sprintf("%q is not on the staff roster; add them with caseplan staff add, or correct the id", id)
	case !s.IsActive():
		return fmt.Sprintf("%s is no longer active on the staff roster", id)
	}
	return ""
}

// parse reads a column mapping: a header, or a template of {Header}
// references and text.
func (m *Mapping) parse(s string) (template, string) {
	if !strings.ContainsAny(s, "{}") {
		col, msg := m.column(s)
		return template{parts: []part{{col: col}}}, msg
	}
	var t template
	for s != "" {
		open := strings.IndexByte(s, '{')
		if close := strings.IndexByte(s, '}'); close >= 0 && (open < 0 || close < open) {
			return t, "a } without its {: write a column's header in braces, {First name}"
		}
		if open < 0 {
			t.parts = append(t.parts, part{text: s, col: -1})
			break
		}
		if open > 0 {
			t.parts = append(t.parts, part{text: s[:open], col: -1})
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return t, "a { without its }: write a column's header in braces, {First name}"
		}
		col, msg := m.column(s[open+1 : open+end])
		if msg != "" {
			return t, msg
		}
		t.parts = append(t.parts, part{col: col})
		s = s[open+end+1:]
	}
	if len(t.columns()) == 0 {
		return t, "the template names no column; write a column's header in braces, {First name}"
	}
	return t, ""
}

// column finds a header, compared without regard to case, spacing or
// punctuation: a header typed "Last  name", "LAST NAME", "Last_Name" or
// "LastName" is the rules' "Last name", and "E-mail" their "Email", as
// the rosters of one employer spell them from one export to the next.
// Two headers that read alike so are refused below, never chosen between.
func (m *Mapping) column(name string) (int, string) {
	want := columnKey(name)
	found := -1
	for i, h := range m.header {
		if columnKey(h) == want {
			if found >= 0 {
				return -1, fmt.Sprintf("two columns are called %q (%s %q and %s %q); rename one in the roster", strings.TrimSpace(name), ColumnName(found), m.header[found], ColumnName(i), h)
			}
			found = i
		}
	}
	if found < 0 {
		return -1, fmt.Sprintf("the roster has no column %q (its columns: %s)", strings.TrimSpace(name), m.headerList())
	}
	return found, ""
}

// headerKey is how headers are compared: lower case, runs of spaces (a
// line break in a header cell too) as one.
func headerKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// columnKey is how a rule's column is matched with a header: its letters
// and digits, lower case; a header of punctuation alone ("#") keeps it.
func columnKey(s string) string {
	k := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
	if k == "" {
		return headerKey(s)
	}
	return k
}

func (m *Mapping) headerList() string {
	var names []string
	for _, h := range m.header {
		if h != "" {
			names = append(names, h)
		}
	}
	return strings.Join(names, ", ")
}

// Columns returns the columns that fill field (FieldName, ...), first
// first; none when the rules do not map it.
func (m *Mapping) Columns(field string) []int { return m.fields[field].columns() }

// Header returns the header of column i.
func (m *Mapping) Header(i int) string {
	if i >= 0 && i < len(m.header) {
		return m.header[i]
	}
	return ""
}

// Rules returns the rules the mapping applies.
func (m *Mapping) Rules() *record.ImportRules { return m.rules }

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
