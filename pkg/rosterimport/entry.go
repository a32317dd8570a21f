package rosterimport

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/pii"
	"github.com/caseplan/caseplan/pkg/record"
)

// Entry is what one row says about one worker, field by field.
type Entry struct {
	ID            string // an external ID to use as the case ID; "" for a new random one
	Name          string
	PreferredName string
	Phone         string
	Email         string
	Address       string
	Language      string
	BestTimes     string
	Position      string
	Grade         string
	FTE           *float64
	Department    string
	LayoffDate    record.Date
	Center        string
	Manager       string // staff id, from the managers column; "" until assigned otherwise
}

// Hash returns the SHA-256 hash, in hex, of what the row says about the
// worker — each field as imported, dates as YYYY-MM-DD — by which a row
// imported once is recognised again. The same roster saved with a
// byte-order mark, with semicolons and decimal commas, with its columns
// moved or with columns the rules do not read changed gives the same
// hash; a changed phone number does not.
func (e Entry) Hash() string {
	fte := ""
	if e.FTE != nil {
		fte = strconv.FormatFloat(*e.FTE, 'f', -1, 64)
	}
	h := sha256.New()
	for _, f := range [][2]string{
		{FieldID, e.ID}, {FieldName, e.Name}, {FieldPreferredName, e.PreferredName}, {FieldPhone, e.Phone},
		{FieldEmail, e.Email}, {FieldAddress, e.Address}, {FieldLanguage, e.Language}, {FieldBestTimes, e.BestTimes},
		{FieldPosition, e.Position}, {FieldGrade, e.Grade}, {FieldFTE, fte}, {FieldDepartment, e.Department},
		{FieldLayoffDate, string(e.LayoffDate)}, {FieldCenter, e.Center}, {"manager", e.Manager},
	} {
		if f[1] != "" {
			h.Write([]byte(f[0] + "\x1f" + f[1] + "\x1e"))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// nameWarnings warns of a name template that joins several columns
// ("{First name} {Last name}") when some of them are empty in the row but
// the name is not: a worker with one name is no error, yet a name cut to
// "Sample" is more often a cell left out, so the row says so, once per
// empty column, naming what the name became.
func (m *Mapping) nameWarnings(row Row, name string) []Problem {
	t, mapped := m.fields[FieldName]
	cols := t.columns()
	if !mapped || len(cols) < 2 || name == "" {
		return nil
	}
	var out []Problem
	for _, c := range cols {
		if c < len(row.Cells) && row.Cells[c] == "" {
			out = append(out, Problem{Row: row.Number, Column: c, Header: m.Header(c),
				Msg: fmt.Sprintf("empty, so the participant's name is %q alone", name)})
		}
	}
	return out
}

// ssnMessage says why a cell is refused without repeating it.
const ssnMessage = "holds a number shaped like a Social Security number; a full SSN is never stored: export the roster without it (without that column), or correct the cell"

// Entry reads one row with the mapping. Its problems are every one the row
// has, each at its column; a cell shaped like a Social Security number is
// refused wherever it is, mapped or not, and never quoted.
func (m *Mapping) Entry(row Row) (Entry, []Problem) {
	var e Entry
	var probs []Problem
	add := func(col int, format string, args ...any) {
		probs = append(probs, Problem{Row: row.Number, Column: col, Header: m.Header(col), Msg: fmt.Sprintf(format, args...)})
	}
	// The SSN check comes first and covers every cell: the roster itself
	// should not carry one, and a refused cell is quoted by no message
	// after it.
	refused := map[int]bool{} // cells refused: none of their text is used
	for i, c := range append(append([]string(nil), row.Cells...), row.Extra...) {
		if c != "" && (pii.IsSSNShaped(c) || pii.ContainsSSN(c) || pii.SpacedSSN(c)) {
			refused[i] = true
			add(i, ssnMessage)
		}
	}
	// Nine digits in the phone field are no phone number: an SSN typed
	// in the wrong column, whatever its punctuation ("(123) 45-6789").
	if t, mapped := m.fields[FieldPhone]; mapped {
		for _, c := range t.columns() {
			if c < len(row.Cells) && !refused[c] && pii.NineDigits(row.Cells[c]) {
				refused[c] = true
				add(c, ssnMessage)
			}
		}
	}
	// A number the spreadsheet mangled before it was saved: shown in
	// scientific notation (5.55E+09: the digits are gone), or a ZIP code
	// that lost its leading zero (2134 for 02134). Neither is guessed back.
	for _, c := range m.mapped {
		if c >= len(row.Cells) || refused[c] || row.Cells[c] == "" {
			continue
		}
		if msg := mangledNumber(m.header[c], row.Cells[c]); msg != "" {
			refused[c] = true
			add(c, "%s", msg)
		}
	}
	// A totals line closing the list ("Total,284") is no worker: it is
	// refused, once, rather than opened as a case named by its count.
	// Only the row's first cell that is not empty is read, where a
	// spreadsheet puts the label, so a job title such as "Total Rewards
	// Analyst" further along is never taken for one.
	for i, c := range row.Cells {
		if c == "" {
			continue
		}
		if !refused[i] && totalsLabel.MatchString(strings.TrimSpace(c)) {
			add(i, "%q reads as a totals line, not a worker: delete the row from the roster, or import the others with --skip-invalid", c)
			return Entry{}, probs
		}
		break
	}
	if len(row.Extra) > 0 {
		add(len(m.header), "the row has %d cells, the header %d: a cell past the last column (a comma or semicolon too many?)", len(m.header)+len(row.Extra), len(m.header))
	}
	// A cell under an empty header is read by no rule, as a column the
	// rules do not map is not; but a named column is one the rules' author
	// saw and left out, while a value typed in a column nobody named is
	// most often a note meant to be kept ("call after 5pm"): importing
	// without it would change what was typed without a word. Such a
	// column left empty in the row (a spreadsheet pads rows) is nothing.
	for c, h := range m.header {
		if h == "" && c < len(row.Cells) && row.Cells[c] != "" && !refused[c] && !slices.Contains(m.mapped, c) {
			add(c, "%q is in a column with no header, which no import rule reads: it would be left out of the case without a word; name the column in the roster's header row (a named column the rules do not map is left out, as every such column is), or clear the cell, and export the roster again", row.Cells[c])
		}
	}

	// value returns a field's text; ok is false when the rules leave it
	// unmapped or one of its cells was refused.
	value := func(field string) (v string, col int, ok bool) {
		t, mapped := m.fields[field]
		if !mapped {
			return "", -1, false
		}
		cols := t.columns()
		for _, c := range cols {
			if refused[c] {
				return "", cols[0], false
			}
		}
		var b strings.Builder
		for _, p := range t.parts {
			if p.col < 0 {
				b.WriteString(p.text)
			} else {
				b.WriteString(row.Cells[p.col])
			}
		}
		return strings.Join(strings.Fields(b.String()), " "), cols[0], true
	}
	text := func(field string, dst *string) {
		if v, _, ok := value(field); ok {
			*dst = v
		}
	}

	if v, col, ok := value(FieldName); ok && v == "" {
		add(col, "no name: every case needs the participant's name")
	} else if ok && !strings.ContainsFunc(v, unicode.IsLetter) {
		add(col, "%q is not a name: it has no letter; is a column shifted?", v)
	} else {
		e.Name = v
	}
	if v, col, ok := value(FieldID); ok && v != "" {
		if err := caseid.Check(v); err != nil {
			add(col, "%v", err)
		} else {
			e.ID = v
		}
	}
	text(FieldPreferredName, &e.PreferredName)
	text(FieldPhone, &e.Phone)
	text(FieldEmail, &e.Email)
	text(FieldAddress, &e.Address)
	text(FieldLanguage, &e.Language)
	text(FieldBestTimes, &e.BestTimes)
	text(FieldPosition, &e.Position)
	text(FieldGrade, &e.Grade)
	text(FieldDepartment, &e.Department)
	text(FieldCenter, &e.Center)
	if v, col, ok := value(FieldFTE); ok && v != "" {
		if f, ok := parseFTE(v); ok {
			e.FTE = &f
		} else {
			add(col, "%q is not a full-time equivalent: write a number from 0 to 1 (0.5) or a percentage (50%%)", v)
		}
	}

	cohort := m.rules.Cohort
	switch v, col, ok := value(FieldLayoffDate); {
	case ok && v != "":
		d, parsed := m.dates.parse(v)
		// With date_format left to its default (M/D/YYYY), a date that
		// reads as another with day and month swapped may be either: the
		// import says so, and does not guess, when it matters.
		other, ambiguous := m.dates.other(v, m.rules.DateFormat != "")
		dayFirst := ""
		if ambiguous {
			dayFirst = fmt.Sprintf("; the rules give no date_format, so it is read as %s: if the roster writes the day first (%s), say date_format: D/M/YYYY in the import rules", m.dates.name, other)
		}
		switch {
		case !parsed && serial(v):
			add(col, "%q is not a date but a spreadsheet's number for one: format the column as a date in the spreadsheet (%s), and export the roster again", v, m.dates.want())
		case !parsed:
			if d, ok := m.dates.dotted(v); ok {
				dayFirst = fmt.Sprintf("; a date written with dots is written day first: if the roster writes its dates so (%s), say date_format: D.M.YYYY in the import rules", d)
			}
			add(col, "%q is not a date: write %s%s", v, m.dates.want(), dayFirst)
		case !slicesContains(cohort.LayoffDates, d):
			add(col, "%s is not one of the cohort's layoff dates (cohort.layoff_dates: %s)%s", d, dateList(cohort.LayoffDates), dayFirst)
		case ambiguous && slicesContains(cohort.LayoffDates, other):
			add(col, "%q could be %s or %s, both layoff dates of the cohort, and the rules give no date_format: say date_format: M/D/YYYY (month first) or D/M/YYYY (day first) in the import rules", v, d, other)
		default:
			e.LayoffDate = d
		}
	case len(cohort.LayoffDates) == 1:
		e.LayoffDate = cohort.LayoffDates[0]
	case col >= 0 && !refused[col]:
		// The rules map the column (Compile refuses rules that do not,
		// when the cohort has several dates): the row's cell is empty.
		add(col, "no layoff date: the cohort has several (%s), so each worker's is read from the column the rules map as layoff_date: %s; write this worker's in the cell", dateList(cohort.LayoffDates), m.rules.Columns.LayoffDate)
	}

	if col := m.managerCol; col >= 0 && !refused[col] {
		v := strings.Join(strings.Fields(row.Cells[col]), " ")
		switch id, msg := m.resolveStaff(v); {
		case v == "":
			add(col, "no case manager: name one by staff id, email or name")
		case msg != "":
			add(col, "%s", msg)
		default:
			e.Manager = id
		}
	}
	return e, probs
}

var (
	// totalsLabel is the label of a spreadsheet's totals line: "Total",
	// "Totals", "Grand total", "Subtotal", alone or followed by a count
	// ("Total 284", "Total: 284 employees", "Total employees").
	totalsLabel = regexp.MustCompile(`(?i)^(grand\s+|sub-?\s*)?totals?(\s*[:=].*|\s+[0-9].*|\s+(employees|workers|affected|headcount|count)\b.*)?$`)
	scientific  = regexp.MustCompile(`^[+-]?[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$`)
	shortZIP    = regexp.MustCompile(`^[0-9]{1,4}([.,]0+)?$|^[0-9]{5}[.,]0+$`)
)

// mangledNumber says why a cell holds a number as a spreadsheet mangled
// it, or "": in scientific notation, which keeps only the digits shown, or,
// in a column whose header says ZIP or postal code, a ZIP code with fewer
// than five digits or written as a decimal (2134.0). The value is refused
// rather than repaired: padding 2134 to 02134 would be a guess the case
// manager never sees.
func mangledNumber(header, cell string) string {
	if scientific.MatchString(cell) {
		return fmt.Sprintf("%q is a number in scientific notation, as a spreadsheet shows a long number in a narrow column: its digits are lost; format the column as Text in the spreadsheet, type the numbers again, and export the roster again", cell)
	}
	h := headerKey(header)
	if (strings.Contains(h, "zip") || strings.Contains(h, "postal")) && shortZIP.MatchString(cell) {
		return fmt.Sprintf("%q is not a ZIP code: a ZIP has five digits (or ZIP+4); a spreadsheet drops a ZIP's leading zeros when the column holds numbers (02134 becomes 2134): format the column as Text (or Special, Zip Code) in the spreadsheet, correct the cells, and export the roster again", cell)
	}
	return ""
}

// resolveStaff finds the staff member a managers column names: by staff
// id, email or name, as the roster spells them (case aside).
func (m *Mapping) resolveStaff(v string) (string, string) {
	if m.cfg == nil {
		return "", "the store has no staff roster"
	}
	for _, s := range m.cfg.Staff {
		if s.ID == v || strings.EqualFold(s.Email, v) || strings.EqualFold(strings.Join(strings.Fields(s.Name), " "), v) {
			if !s.IsActive() {
				return "", fmt.Sprintf("%q is no longer active on the staff roster", v)
			}
			return s.ID, ""
		}
	}
	// A colleague's name typed without its accents ("Ana Nunez" for Ana
	// Núñez) is someone on the roster: adding them would be a second
	// entry for one colleague.
	if id := m.cfg.StaffIDMeant(v); id != "" {
		return "", fmt.Sprintf("%q is not on the staff roster (by staff id, email or name); did you mean %s? write %s in the cell", v, id, id)
	}
	return "", fmt.Sprintf("%q is not on the staff roster (by staff id, email or name); add them with caseplan staff add, or correct the cell", v)
}

// parseFTE reads 0.8, 0,8 (a decimal comma) or 80%.
func parseFTE(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	scale := 1.0
	if t, ok := strings.CutSuffix(s, "%"); ok {
		s, scale = strings.TrimSpace(t), 100
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	f /= scale
	return f, f >= 0 && f <= 1
}

func slicesContains(ds []record.Date, d record.Date) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

func dateList(ds []record.Date) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d)
	}
	return strings.Join(s, ", ")
}

// Difference is a detail a roster row gives otherwise than the existing
// case it doubles.
type Difference struct {
	Field string // the intake field, as the rules' columns name it (FieldPhone)
	Label string // the field, as a coordinator names it: "phone", "layoff date"
	// Flag is the caseplan case set flag that takes the row's value
	// ("--phone"); "" for a field case set does not change (the name, the
	// layoff date), which the intake's own edit does.
	Flag  string
	Value string // the row's value
}

// Differences lists the details the row gives that the intake in records
// otherwise, in the order of the intake's fields. A detail the row leaves
// empty is not one: the roster says nothing of it. Names compare as
// PersonKeys does (case, spacing, punctuation and accents aside), phone
// numbers by their digits and email addresses ignoring case, so a roster
// that only writes them differently differs in nothing (a roster typed
// without accents does not take them out of the case's name).
func (e Entry) Differences(in *record.Intake) []Difference {
	var out []Difference
	p := in.Participant
	// caseplan case set changes a layoff's details only where the case
	// records a layoff; the intake's edit adds one.
	var l record.Layoff
	layoffFlag := func(string) string { return "" }
	if in.Layoff != nil {
		l = *in.Layoff
		layoffFlag = func(flag string) string { return flag }
	}
	fte := ""
	if e.FTE != nil {
		fte = strconv.FormatFloat(*e.FTE, 'f', -1, 64)
	}
	same := func(a, b string) bool { return strings.TrimSpace(a) == strings.TrimSpace(b) }
	for _, f := range []struct {
		field, label, flag, row string
		equal                   bool
	}{
		{FieldName, "name", "", e.Name, normName(e.Name) == normName(p.Name)},
		{FieldPreferredName, "preferred name", "--preferred-name", e.PreferredName, same(e.PreferredName, p.PreferredName)},
		{FieldPhone, "phone", "--phone", e.Phone, normPhone(e.Phone) == normPhone(p.Phone)},
		{FieldEmail, "email", "--email", e.Email, strings.EqualFold(strings.TrimSpace(e.Email), strings.TrimSpace(p.Email))},
		{FieldAddress, "address", "--address", e.Address, strings.Join(strings.Fields(e.Address), " ") == strings.Join(strings.Fields(p.Address), " ")},
		{FieldLanguage, "language", "--language", e.Language, strings.EqualFold(strings.TrimSpace(e.Language), strings.TrimSpace(p.Language))},
		{FieldBestTimes, "best times", "--best-times", e.BestTimes, same(e.BestTimes, p.BestTimes)},
		{FieldPosition, "position", layoffFlag("--position"), e.Position, same(e.Position, l.Position)},
		{FieldGrade, "grade", layoffFlag("--grade"), e.Grade, same(e.Grade, l.Grade)},
		{FieldFTE, "FTE", layoffFlag("--fte"), fte, e.FTE == nil || l.FTE != nil && *e.FTE == *l.FTE},
		{FieldDepartment, "department", layoffFlag("--department"), e.Department, same(e.Department, l.Department)},
		{FieldLayoffDate, "layoff date", "", string(e.LayoffDate), e.LayoffDate == l.LayoffDate},
	} {
		if f.row != "" && !f.equal {
			out = append(out, Difference{Field: f.field, Label: f.label, Flag: f.flag, Value: f.row})
		}
	}
	return out
}
