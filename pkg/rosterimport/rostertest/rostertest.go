// Package rostertest makes layoff rosters for tests and benchmarks: CSV
// files as Excel and Google Sheets export them, of fictional workers
// ("Worker 017 Example", 555 phone numbers, example.org addresses), with
// faults planted at known rows and columns when asked.
package rostertest

import (
	"bytes"
	"encoding/csv"
	"fmt"
)

// Options say what roster to write.
type Options struct {
	Rows      int  // data rows (the header is one more)
	From      int  // the first worker's number (default 1): another roster's workers
	Faults    bool // plant Faults and Duplicates at their rows
	BOM       bool // start with a UTF-8 byte-order mark, as Excel's "CSV UTF-8" does
	Semicolon bool // separate cells with semicolons, as Excel does where the decimal mark is a comma
	CRLF      bool // end lines with CRLF, as Excel does
	// Counselors are the managers column's values, taken in turn (staff
	// ids, emails or names); none: the column is left out.
	Counselors []string
}

// Header is the roster's header row.
var Header = []string{"Employee ID", "First name", "Last name", "Phone", "Email", "Job title", "Department", "FTE", "Last day", "Counselor", "Notes"}

// Fault is one planted problem: its spreadsheet row and column, and what
// the import must say about it.
type Fault struct {
	Row    int
	Column string
	Kind   string // a word for the test's message
	Want   string // a part of the problem's message
}

// Faults are the invalid rows of a roster with Faults set: ten, each of a
// different kind.
var Faults = []Fault{
	{Row: 13, Column: "B", Kind: "missing name", Want: "no name"},
	{Row: 26, Column: "I", Kind: "bad date", Want: `"13/45/2026" is not a date`},
	{Row: 39, Column: "J", Kind: "unknown manager", Want: `"Pat Nobody" is not on the staff roster`},
	{Row: 52, Column: "K", Kind: "SSN in a note", Want: "shaped like a Social Security number"},
	{Row: 65, Column: "A", Kind: "SSN as the ID", Want: "shaped like a Social Security number"},
	{Row: 78, Column: "E", Kind: "bad email", Want: "is not a valid email address"},
	{Row: 91, Column: "I", Kind: "not a layoff date", Want: "is not one of the cohort's layoff dates"},
	{Row: 104, Column: "H", Kind: "bad FTE", Want: `"full" is not a full-time equivalent`},
	{Row: 117, Column: "A", Kind: "bad ID", Want: "is not valid"},
	{Row: 130, Column: "L", Kind: "a cell too many", Want: "the row has 12 cells, the header 11"},
}

// Duplicates are the duplicate rows of a roster with Faults set: three
// of earlier rows, two of cases the store must hold already
// (ExistingCases).
var Duplicates = []Fault{
	{Row: 151, Column: "A", Kind: "the same row again", Want: "the same worker, with the same details, as row 141"},
	{Row: 161, Column: "A", Kind: "an ID twice", Want: "ID E0155 is also row 156's"},
	{Row: 171, Column: "B", Kind: "the same name and phone", Want: "Worker 165 Example is also row 166, with the same phone number"},
	{Row: 181, Column: "A", Kind: "an existing case's ID", Want: "case E9001 already exists"},
	{Row: 191, Column: "B", Kind: "an existing case's name and email", Want: "Casey Before Example is already case W-100, with the same email address"},
}

// ExistingCases describe the cases a store must have for Duplicates' last
// two: the one with the ID, the other with the name and email.
const (
	ExistingID    = "E9001"
	ExistingName  = "Casey Before Example"
	ExistingEmail = "casey.before@example.org"
)

// Roster writes the roster.
func Roster(o Options) []byte {
	var b bytes.Buffer
	if o.BOM {
		b.WriteString("\xEF\xBB\xBF")
	}
	w := csv.NewWriter(&b)
	w.UseCRLF = o.CRLF
	if o.Semicolon {
		w.Comma = ';'
	}
	header := Header
	if len(o.Counselors) == 0 {
		header = without(Header, 9)
	}
	_ = w.Write(header)
	rows := make([][]string, o.Rows)
	from := max(o.From, 1)
	for i := range rows {
		n := i + from // worker number; spreadsheet row i+2
		fte := "1"
		if n%5 == 0 {
			fte = "0.5"
			if o.Semicolon {
				fte = "0,5" // a decimal comma, as such a locale writes it
			}
		}
		last := "5/1/2026"
		if n%2 == 0 {
			last = "6/1/2026"
		}
		counselor := ""
		if len(o.Counselors) > 0 {
			counselor = o.Counselors[i%len(o.Counselors)]
		}
		rows[i] = []string{
			fmt.Sprintf("E%04d", n), "Worker", fmt.Sprintf("%03d Example", n),
			fmt.Sprintf("555-%04d", n), fmt.Sprintf("worker.%03d@example.org", n),
			[]string{"Assembler", "Machine operator", "Shipping clerk", "Quality inspector, line 2"}[n%4],
			fmt.Sprintf("Plant %d", 1+n%3), fte, last, counselor, []string{"", "Shift A", `Asked about "Excel" classes`}[n%3],
		}
	}
	if o.Faults {
		plant(rows, o)
	}
	for _, r := range rows {
		if len(o.Counselors) == 0 {
			r = without(r, 9)
		}
		_ = w.Write(r)
	}
	w.Flush()
	return b.Bytes()
}

// plant puts Faults and Duplicates at their rows (row r is rows[r-2]).
func plant(rows [][]string, o Options) {
	at := func(row int) []string { return rows[row-2] }
	at(13)[1], at(13)[2] = "", ""
	at(26)[8] = "13/45/2026"
	at(39)[9] = "Pat Nobody"
	at(52)[10] = "SSN 123-45-6789 on the form"
	at(65)[0] = "123456789"
	at(78)[4] = "worker.077(at)example.org"
	at(91)[8] = "7/1/2026"
	at(104)[7] = "full"
	at(117)[0] = "E 0116/B"
	rows[130-2] = append(at(130), "stray")

	copy(at(151), at(141))
	at(161)[0] = at(156)[0]
	at(171)[0], at(171)[2], at(171)[3] = "E8171", at(166)[2], at(166)[3]
	at(181)[0] = ExistingID
	at(191)[1], at(191)[2], at(191)[4] = "Casey", "Before Example", ExistingEmail
	_ = o
}

func without(s []string, i int) []string {
	out := append([]string(nil), s[:i]...)
	return append(out, s[i+1:]...)
}
