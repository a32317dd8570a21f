package rosterimport

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/caseplan/caseplan/pkg/record"
)

// dateFormat is how a roster writes dates besides YYYY-MM-DD, which is
// always read: the order of month and day, and what separates them.
type dateFormat struct {
	name       string
	sep        byte
	dayFirst   bool
	onlyISO    bool
	exampleOut string
}

// parseDateFormat reads the rules' date_format (M/D/YYYY when empty).
func parseDateFormat(s string) (dateFormat, error) {
	switch s {
	case "", "M/D/YYYY":
		return dateFormat{name: "M/D/YYYY", sep: '/', exampleOut: "3/2/2026"}, nil
	case "D/M/YYYY":
		return dateFormat{name: "D/M/YYYY", sep: '/', dayFirst: true, exampleOut: "2/3/2026"}, nil
	case "D.M.YYYY":
		return dateFormat{name: "D.M.YYYY", sep: '.', dayFirst: true, exampleOut: "2.3.2026"}, nil
	case "YYYY-MM-DD":
		return dateFormat{name: "YYYY-MM-DD", onlyISO: true, exampleOut: "2026-03-02"}, nil
	}
	return dateFormat{}, fmt.Errorf("date format %q is not one of the formats read (M/D/YYYY, D/M/YYYY, D.M.YYYY or YYYY-MM-DD)", s)
}

// parse reads a date cell. A time of day after it, which spreadsheets add
// to dates kept as date-times ("3/2/2026 0:00"), is left out.
func (f dateFormat) parse(s string) (record.Date, bool) {
	if d, rest, ok := strings.Cut(s, " "); ok && strings.Contains(rest, ":") {
		s = d
	}
	if d, ok := parseYearFirst(s); ok {
		return d, true
	}
	if f.onlyISO {
		return "", false
	}
	if d, ok := parseMonthName(s); ok {
		return d, true
	}
	parts := strings.Split(s, string(f.sep))
	if len(parts) != 3 {
		return "", false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || len(p) > 4 {
			return "", false
		}
		n[i] = v
	}
	month, day, year := n[0], n[1], n[2]
	if f.dayFirst {
		month, day = day, month
	}
	switch len(parts[2]) {
	case 2:
		year += 2000
	case 4:
	default:
		return "", false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || t.Day() != day {
		return "", false
	}
	return record.Date(t.Format(time.DateOnly)), true
}

// parseYearFirst reads YYYY-MM-DD, and the same order with the month or
// the day not padded (2026-5-1), as a cell typed by hand reads: the year
// first leaves nothing to guess, since no locale writes year, day, month.
func parseYearFirst(s string) (record.Date, bool) {
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) > 2 || len(parts[2]) > 2 {
		return "", false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || p == "" || p[0] == '+' || p[0] == '-' {
			return "", false
		}
		n[i] = v
	}
	year, month, day := n[0], n[1], n[2]
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || day < 1 || t.Day() != day {
		return "", false
	}
	return record.Date(t.Format(time.DateOnly)), true
}

// parseMonthName reads a date whose month is spelled out in English,
// day first: 4-Mar-2026 or 04-Mar-26, as Excel's and Google Sheets'
// d-mmm-yyyy and dd-mmm-yy formats write a date cell to CSV. The month's
// name says which part is the month, so there is nothing to guess and no
// date_format to set; a month named in another language is not read.
func parseMonthName(s string) (record.Date, bool) {
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) > 2 {
		return "", false
	}
	day, err := strconv.Atoi(parts[0])
	if err != nil {
		return "", false
	}
	month := 0
	for m := time.January; m <= time.December; m++ {
		if name := m.String(); strings.EqualFold(parts[1], name) || strings.EqualFold(parts[1], name[:3]) {
			month = int(m)
		}
	}
	year, err := strconv.Atoi(parts[2])
	switch {
	case month == 0 || err != nil:
		return "", false
	case len(parts[2]) == 2:
		year += 2000
	case len(parts[2]) != 4:
		return "", false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if day < 1 || t.Day() != day {
		return "", false
	}
	return record.Date(t.Format(time.DateOnly)), true
}

// dotted returns the cell read as D.M.YYYY when the rules read another
// format and the cell is written with dots, as a roster from a European
// locale writes its dates: what to say in date_format, never a guess.
func (f dateFormat) dotted(s string) (record.Date, bool) {
	if f.onlyISO || f.sep == '.' || !strings.Contains(s, ".") {
		return "", false
	}
	g, _ := parseDateFormat("D.M.YYYY")
	return g.parse(s)
}

// other returns the cell read with month and day the other way round
// (3/4/2026 as 3 April under M/D/YYYY), when the rules left date_format to
// its default and that reading is a date too: what a roster from a
// day-first locale means. ok is false when there is no other reading.
func (f dateFormat) other(s string, explicit bool) (record.Date, bool) {
	if explicit || f.onlyISO {
		return "", false
	}
	g := f
	g.dayFirst = !f.dayFirst
	d, ok := g.parse(s)
	if !ok {
		return "", false
	}
	if same, sameOK := f.parse(s); sameOK && same == d {
		return "", false // 2026-05-01, or 5/5/2026: one reading
	}
	return d, true
}

// serial says whether a cell is a spreadsheet's date serial number (46085
// for 2026-03-04), which an export writes when the column is not
// formatted as a date. It is not converted: Excel on a Mac may count from
// 1904, not 1900, and the file does not say which.
func serial(s string) bool {
	if len(s) != 5 {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 20000 && n <= 80000
}

// want says which forms a date may take, for messages.
func (f dateFormat) want() string {
	if f.onlyISO {
		return "YYYY-MM-DD"
	}
	return f.name + " (e.g. " + f.exampleOut + ") or YYYY-MM-DD"
}
