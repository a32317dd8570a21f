// Package report makes the coordinators' reports: the monthly status report
// (000 asks for a status report on each candidate's search to the work
// security coordinators and a monthly review of the activity tracker; 001 and
// 002 ask for reports on participant outcomes and on each case manager's
// caseload) and the caseload report for workload management (001).
//
// A report is a pure function of a store snapshot, a month or day and the
// settings: it never reads the clock, so the same commit gives the same
// report, byte for byte, whenever it is made (DESIGN.md §5). Event dates (a
// note's date, a placement's start, a closure's date, ...) decide which
// month an event counts in; which commit the snapshot was read from decides
// only what was known. The CLI reads the snapshot from a commit's tree and
// passes the commit in Source so every report can name it.
//
// Renderers, one file per format (text, md, html, csv, json), sit behind
// the Writer interface, as kubeconform's outputs do.
package report

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Source names the commit a report was made from, and the caseplan that
// made it: the same records give other figures under other rules, so a
// report is made again, byte for byte, by the same caseplan at the same
// commit.
type Source struct {
	Commit string // full hash
	// Caseplan is the version of caseplan making the report, as caseplan
	// version prints it (buildinfo.Info.String()).
	Caseplan string
	// Committed is the commit's committer time, as recorded (with its own
	// zone), so printing it needs no clock or local time zone.
	Committed time.Time
	// Unread are the records of the commit that could not be read, by
	// case, in case ID order: the report leaves them out and says so in
	// itself, not only on stderr, since it is read away from the terminal.
	Unread []Unread
}

// Unread is how many records of one case could not be read; Case is ""
// for the store's own files (its settings, the cohorts).
type Unread struct {
	Case    string `json:"case"`
	Records int    `json:"records"`
}

// unread returns src.Unread for a report's JSON: a list, never null.
func (src Source) unread() []Unread {
	if src.Unread == nil {
		return []Unread{}
	}
	return src.Unread
}

// leftOut is the sentence a report prints when records were left out
// ("" when none were): how many, whose, and the command that shows why.
func leftOut(u []Unread) string {
	if len(u) == 0 {
		return ""
	}
	n := 0
	var cases []string
	store := false
	for _, x := range u {
		n += x.Records
		if x.Case == "" {
			store = true
		} else {
			cases = append(cases, x.Case)
		}
	}
	var named []string
	if len(cases) > 0 {
		named = append(named, whose(cases, maxLeftOutNamed))
	}
	if store {
		named = append(named, "the store's own files")
	}
	return fmt.Sprintf("Incomplete: %d record(s) of %s could not be read at this commit and are left out of every figure; caseplan validate shows why.", n, strings.Join(named, " and "))
}

// maxLeftOutNamed is how many cases a report's incomplete line names.
const maxLeftOutNamed = 5

// Month is a calendar month, or the part of it up to a day (SoFar).
type Month struct {
	Year  int
	Month time.Month
	// through, when set, is the day the month is reported up to: a
	// month not over yet is reported as far as it has gone.
	through time.Time
}

// ParseMonth parses YYYY-MM.
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, fmt.Errorf("%q is not a month; use YYYY-MM", s)
	}
	return Month{Year: t.Year(), Month: t.Month()}, nil
}

// SoFar is the month as it stands on day: the whole month when day is
// after it (or before it), else the month up to day. A report of the
// month in progress then counts what has happened and calls overdue only
// what is overdue on day, not what will be by the month's end.
func (m Month) SoFar(day time.Time) Month {
	m.through = time.Time{}
	if y, mo, d := day.Date(); !day.Before(m.First()) && day.Before(m.Last()) {
		m.through = time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	}
	return m
}

// InProgress reports whether the month is reported up to a day before its
// end (SoFar).
func (m Month) InProgress() bool { return !m.through.IsZero() }

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// First is the month's first day.
func (m Month) First() time.Time { return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, time.UTC) }

// Last is the month's last day, or the day it is reported up to (SoFar).
func (m Month) Last() time.Time {
	if m.InProgress() {
		return m.through
	}
	return m.First().AddDate(0, 1, -1)
}

// Initials shortens a participant's name to initials, "Ana Example" to
// "A. E.": reports leave the office and go to coordinators, so they name
// participants only as far as a case manager needs to recognise them. A
// generational suffix after a first and a last name ("Riley
// Placeholder, Jr.": Jr., Sr., II, III, IV) is part of no initial:
// "R. P."; a name of two words keeps both ("Ana Iv" is "A. I."). The name is read as
// written, first name first; nothing in the records says a name is
// written "Last, First", so none is turned round.
func Initials(name string) string {
	words := strings.Fields(name)
	for len(words) > 2 && nameSuffix(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	var parts []string
	for _, w := range words {
		// The first letter or digit: "(Sam)" or "=Sam" is still S.
		if i := strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }); i >= 0 {
			r, _ := utf8.DecodeRuneInString(w[i:])
			parts = append(parts, string(unicode.ToUpper(r))+".")
		}
	}
	return strings.Join(parts, " ")
}

// nameSuffix reports whether a word of a name is a generational suffix,
// its case and punctuation aside ("Jr.", "JR", "III,").
func nameSuffix(w string) bool {
	switch strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })) {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// participant is how a report shows a participant's name.
func participant(name string, names bool) string {
	if names {
		return name
	}
	return Initials(name)
}

// ShownAs says how participants are named: "initials" or "names".
func shownAs(names bool) string {
	if names {
		return "names"
	}
	return "initials"
}

func dateString(t time.Time) string { return t.Format(time.DateOnly) }
