package rosterimport

import (
	"fmt"
	"strings"

	"github.com/caseplan/caseplan/pkg/caseid"
	"github.com/caseplan/caseplan/pkg/display"
	"github.com/caseplan/caseplan/pkg/personname"
	"github.com/caseplan/caseplan/pkg/record"
)

// Status is what becomes of a row.
type Status string

const (
	New       Status = "new"       // a case to open
	Unchanged Status = "unchanged" // imported before: its case exists, and nothing changes
	Duplicate Status = "duplicate" // the same person as an existing case or an earlier row
	Invalid   Status = "invalid"   // a problem in the row itself
)

// Existing is what the store already holds that an import must neither
// double nor repeat. Its maps are keyed as PersonKeys and IDKey key them.
type Existing struct {
	IDs    map[string]string // IDKey(case ID) → the case ID
	Rows   map[string]string // row hash (record.Imported) → the case imported from it
	People map[string]string // PersonKeys of each case → the case ID
	// OtherProgram names, by IDKey, the program of each case in a program
	// other than the one imported into. Such a case is not a duplicate of
	// its person's row: a worker in work security (000) is co-enrolled as a
	// WIOA dislocated worker (002), and TEGL 10-16 counts a co-enrolled
	// participant in each program — validate's duplicate-person, too,
	// compares only cases of one program. Only its ID is the store's one.
	OtherProgram map[string]string
	// Load counts the cohort's cases each manager has, for round-robin.
	Load map[string]int
	// Intake reads a case's intake record (nil when it cannot be read), so
	// that a row doubling a case of the cohort in no detail is Unchanged,
	// not a Duplicate: an employer's second export of the same workers
	// (names in capitals, a phone's punctuation) is the same roster. Nil
	// reads none: every such row is a Duplicate.
	Intake func(id string) *record.Intake
}

// NewExisting returns an empty Existing.
func NewExisting() *Existing {
	return &Existing{IDs: map[string]string{}, Rows: map[string]string{}, People: map[string]string{}, OtherProgram: map[string]string{}, Load: map[string]int{}}
}

// AddOtherProgramCase records a case of another program than the one
// imported into: its ID, which no new case may take, and nothing of its
// person or row, which a row of this program may repeat (OtherProgram).
func (x *Existing) AddOtherProgramCase(id, program string) {
	x.IDs[IDKey(id)] = id
	x.OtherProgram[IDKey(id)] = program
}

// AddCase records an existing case: its ID, the row it was imported from
// ("" if none), the person, and — when it is in the cohort being imported —
// its manager's load.
func (x *Existing) AddCase(id, rowHash, name, phone, email, manager string, inCohort bool) {
	x.IDs[IDKey(id)] = id
	if rowHash != "" {
		x.Rows[rowHash] = id
	}
	for _, k := range PersonKeys(name, phone, email) {
		if _, ok := x.People[k]; !ok {
			x.People[k] = id
		}
	}
	if inCohort && manager != "" {
		x.Load[manager]++
	}
}

// IDKey is how two case IDs are compared (caseid.Key).
func IDKey(id string) string { return caseid.Key(id) }

// PersonKeys are the ways a person is recognised: the same name (case,
// spacing, punctuation and accents aside: personname.Key) and the same phone number (its digits,
// a leading US 1 aside), or the same name and the same email address.
func PersonKeys(name, phone, email string) []string {
	n := normName(name)
	if n == "" {
		return nil
	}
	var keys []string
	if p := normPhone(phone); p != "" {
		keys = append(keys, n+"\x00phone\x00"+p)
	}
	if e := strings.ToLower(strings.TrimSpace(email)); e != "" {
		keys = append(keys, n+"\x00email\x00"+e)
	}
	return keys
}

// normName is a name as people's names are compared (personname.Key):
// case, spacing, punctuation and accents aside, so that a roster's "Jose
// Martinez" typed on a US keyboard is the case's "José Martínez".
func normName(s string) string { return personname.Key(s) }

func normPhone(s string) string {
	var d []byte
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			d = append(d, s[i])
		}
	}
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	return string(d)
}

// Line is what becomes of one row.
type Line struct {
	Row    int
	Status Status
	// Case is what identifies the row, whatever its status: the case the
	// row is (Unchanged), would open (New: its external ID, "" for a
	// random one) or doubles (Duplicate of a case); where there is none —
	// an Invalid row, or a Duplicate of an earlier row — the external ID
	// the row gives ("" when it has none or it cannot be read).
	Case     string
	Hash     string // Entry.Hash, recorded in the case (record.Imported)
	Entry    Entry
	Problems []Problem
	// Warnings are what the row opens a case with but a person should
	// look at (a name template's column left empty): never a refusal.
	Warnings []Problem
	// Doubles is the existing case a Duplicate row doubles ("" when it
	// doubles an earlier row, or is no Duplicate): the caller, who can
	// read the case, says how the row's details differ from it.
	Doubles string
}

// Plan reads every row and says what becomes of it, each problem at its
// row and column: rows with problems are Invalid; a row imported before
// (the same row hash), or one that doubles a case of the cohort in no
// detail, is Unchanged; a row with the same external ID, or
// the same name and phone or email, as an existing case or an earlier
// row is a Duplicate, never a second case; the rest are New.
func (m *Mapping) Plan(r *Roster, x *Existing) []Line {
	lines := make([]Line, 0, len(r.Rows))
	seenHash := map[string]int{}   // row hash → first row
	seenID := map[string]int{}     // IDKey → first row
	seenPerson := map[string]int{} // PersonKeys → first row
	for _, row := range r.Rows {
		l := Line{Row: row.Number}
		l.Entry, l.Problems = m.Entry(row)
		if len(l.Problems) > 0 {
			l.Status, l.Case = Invalid, l.Entry.ID
			lines = append(lines, l)
			continue
		}
		l.Hash = l.Entry.Hash()
		l.Warnings = m.nameWarnings(row, l.Entry.Name)
		e := &l.Entry
		idCol, nameCol := first(m.Columns(FieldID)), first(m.Columns(FieldName))
		dup := func(col int, format string, args ...any) {
			l.Status = Duplicate
			l.Problems = append(l.Problems, Problem{Row: row.Number, Column: col, Header: m.Header(col), Msg: fmt.Sprintf(format, args...)})
		}
		people := PersonKeys(e.Name, e.Phone, e.Email)

		// Against the earlier rows first: a row repeated in the file is
		// the file's duplicate, whether or not the first was imported.
		switch {
		case seenHash[l.Hash] > 0:
			// The whole row again: placed at the ID, which repeats too
			// and is what names a worker, when the row gives one.
			col := nameCol
			if e.ID != "" {
				col = idCol
			}
			dup(col, "the same worker, with the same details, as row %d (the same %s)", seenHash[l.Hash], m.filledColumns(row))
		case e.ID != "" && seenID[IDKey(e.ID)] > 0:
			dup(idCol, "ID %s is also row %d's", e.ID, seenID[IDKey(e.ID)])
		default:
			for _, k := range people {
				if n := seenPerson[k]; n > 0 {
					dup(nameCol, "%s is also row %d, with the same %s", e.Name, n, contactKind(k))
					break
				}
			}
		}
		if l.Status == Duplicate {
			// Of an earlier row: no case of its own, so its ID, as an
			// invalid row's.
			l.Case = e.ID
		}
		if l.Status == "" {
			if id, ok := x.Rows[l.Hash]; ok {
				l.Status, l.Case = Unchanged, id
			}
		}
		if l.Status == "" {
			switch id := x.IDs[IDKey(e.ID)]; {
			case e.ID != "" && id != "" && m.sameAsCase(x, id, e):
				l.Status, l.Case = Unchanged, id
			case e.ID != "" && id != "" && x.OtherProgram[IDKey(id)] != "":
				// The worker's case in another program: the ID is
				// taken, the person is not doubled (OtherProgram).
				l.Case = id
				dup(idCol, "case %s already exists, in program %s: a case ID names one case in the whole store, so this program's case needs another; leave id out of the rules' columns for new random IDs", id, x.OtherProgram[IDKey(id)])
			case e.ID != "" && id != "":
				l.Case, l.Doubles = id, id
				dup(idCol, "case %s already exists: this row would double it", id)
			default:
				for _, k := range people {
					if id, ok := x.People[k]; ok {
						// A row giving its own ID names another case
						// than id: the employer's numbering says so.
						if e.ID == "" && m.sameAsCase(x, id, e) {
							l.Status, l.Case = Unchanged, id
						} else {
							l.Case, l.Doubles = id, id
							dup(nameCol, "%s is already case %s, with the same %s", e.Name, id, contactKind(k))
						}
						break
					}
				}
			}
		}
		if l.Status == "" {
			l.Status, l.Case = New, e.ID
		}
		if l.Status != Duplicate {
			// Later rows are held to this one (unchanged or new).
			if seenHash[l.Hash] == 0 {
				seenHash[l.Hash] = row.Number
			}
			if e.ID != "" {
				seenID[IDKey(e.ID)] = row.Number
			}
			for _, k := range people {
				if seenPerson[k] == 0 {
					seenPerson[k] = row.Number
				}
			}
		}
		lines = append(lines, l)
	}
	return lines
}

// sameAsCase reports whether the row is case id of the cohort being
// imported, differing from it in no detail (Differences): the row the
// case was imported from, written otherwise. A case of another cohort, or
// of none, stays a Duplicate: the row would add it to this cohort.
func (m *Mapping) sameAsCase(x *Existing, id string, e *Entry) bool {
	if x.Intake == nil {
		return false
	}
	if x.OtherProgram[IDKey(id)] != "" {
		return false
	}
	in := x.Intake(id)
	return in != nil && in.Cohort == m.rules.Cohort.ID && len(e.Differences(in)) == 0
}

// filledColumns names the columns the rules read that the row fills, as
// "A Employee ID, B First name and D Phone": what a repeated row repeats.
func (m *Mapping) filledColumns(row Row) string {
	var names []string
	for _, c := range m.mapped {
		if c < len(row.Cells) && row.Cells[c] != "" {
			names = append(names, ColumnName(c)+" "+m.header[c])
		}
	}
	return display.ProseList(names)
}

func contactKind(key string) string {
	if strings.Contains(key, "\x00email\x00") {
		return "email address"
	}
	return "phone number"
}

func first(cols []int) int {
	if len(cols) == 0 {
		return -1
	}
	return cols[0]
}

// AssignManagers gives each new line without a manager (one from the
// managers column) its manager, as the rules say: the one named, or
// round-robin — each to whoever of the list has the fewest of the
// cohort's cases so far (load, which it updates), the first listed on a
// tie. Lines are assigned in row order, so the same roster on the same
// store assigns the same way.
func (m *Mapping) AssignManagers(lines []Line, load map[string]int) {
	mg := m.rules.Managers
	for i := range lines {
		l := &lines[i]
		if l.Status != New {
			continue
		}
		switch {
		case l.Entry.Manager != "":
		case mg.One != "":
			l.Entry.Manager = mg.One
		case len(mg.RoundRobin) > 0:
			best := mg.RoundRobin[0]
			for _, id := range mg.RoundRobin[1:] {
				if load[id] < load[best] {
					best = id
				}
			}
			l.Entry.Manager = best
		}
		load[l.Entry.Manager]++
	}
}

// NameKey is a person's name as PersonKeys compares it (case, spacing,
// punctuation and accents aside: personname.Key); "" when it has no
// letter or digit. A case that has only a name (caseplan case new) is
// recognised by it alone, within one program (validate's
// duplicate-person).
func NameKey(name string) string { return normName(name) }
