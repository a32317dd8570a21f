package rosterimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/caseplan/caseplan/pkg/record"
	"github.com/caseplan/caseplan/pkg/rosterimport/rostertest"
)

// testRules map the roster of the tests below.
func testRules() *record.ImportRules {
	return &record.ImportRules{
		Cohort: record.ImportCohort{
			ID: "2026-TEST", Employer: "Example Mills", NoticeDate: "2026-03-02",
			LayoffDates: []record.Date{"2026-05-01", "2026-06-01"},
		},
		Program:  "work-security",
		Managers: record.ImportManagers{One: "mrivera"},
		Columns: record.ImportColumns{
			ID: "Employee ID", Name: "{First name} {Last name}", Phone: "Phone", Email: "Email",
			Position: "Job title", FTE: "FTE", LayoffDate: "Last day", Address: "Home address",
		},
	}
}

func testConfig() *record.Config {
	no := false
	return &record.Config{
		Staff: []record.Staff{
			{ID: "mrivera", Name: "Maria Rivera", Email: "mrivera@example.org"},
			{ID: "tokafor", Name: "Tunde Okafor", Email: "tokafor@example.org"},
			{ID: "jlee", Name: "Jo Lee", Email: "jlee@example.org"},
			{ID: "gone", Name: "Former Staff", Email: "gone@example.org", Active: &no},
		},
		Programs: map[string]record.Program{"work-security": {Kind: record.ProgramWorkSecurity}},
	}
}

// sheet writes rows as a spreadsheet exports them.
// readMapped reads data as a roster with rules and compiles the rules
// against its header, failing the test on any problem.
func readMapped(t *testing.T, data []byte, rules *record.ImportRules) (*Roster, *Mapping) {
	t.Helper()
	r, err := Read(data, rules)
	if err != nil {
		t.Fatal(err)
	}
	m, probs := Compile(rules, r.Header, testConfig())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return r, m
}

func sheet(rows [][]string, comma rune, crlf, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.WriteString("\xEF\xBB\xBF")
	}
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = comma, crlf
	_ = w.WriteAll(rows)
	return b.Bytes()
}

var sheetRows = [][]string{
	{"Employee ID", "First name", "Last name", "Phone", "Email", "Job title", "FTE", "Last day", "Home address"},
	{"E0001", "Ana", "Example", "555-0101", "ana@example.org", "Inspector, line 2", "1", "5/1/2026", "12 Example Street\nApt 3\nRiverside"},
	{"E0002", "Ben", `O"Example`, "555-0102", "ben@example.org", `Operator "B" shift; nights`, "0.5", "6/1/2026", ""},
	{"", "", "", "", "", "", "", "", ""},
	{"E0003", "Cleo", "Example", "(555) 010-3", "cleo@example.org", "Clerk", "80%", "2026-05-01", "1 Example Road, Riverside"},
}

// TestReadSpreadsheetShapes: the same roster as Excel saves it ("CSV
// UTF-8": a BOM and CRLF; where the decimal mark is a comma, semicolons
// too), as Excel for Mac's "CSV (Macintosh)" saves it (a lone CR ends
// each line) and as Google Sheets downloads it (no BOM) reads as the same rows —
// a cell with commas, quotes, semicolons or line breaks in it included —
// numbered as the spreadsheet numbers them, the blank row left out.
func TestReadSpreadsheetShapes(t *testing.T) {
	shapes := map[string][]byte{
		"google sheets":     sheet(sheetRows, ',', false, false),
		"excel csv utf-8":   sheet(sheetRows, ',', true, true),
		"excel, semicolons": sheet(sheetRows, ';', true, true),
		"semicolons no bom": sheet(sheetRows, ';', false, false),
		// Excel for Mac's "CSV (Macintosh)": every line ends with a lone
		// CR, a cell's line breaks too.
		"lone CR": bytes.ReplaceAll(sheet(sheetRows, ',', false, false), []byte("\n"), []byte("\r")),
	}
	var want *Roster
	for name, data := range shapes {
		r, err := Read(data, testRules())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Equal(r.Header, sheetRows[0]) {
			t.Errorf("%s: header %q", name, r.Header)
		}
		var numbers []int
		for _, row := range r.Rows {
			numbers = append(numbers, row.Number)
		}
		if !slices.Equal(numbers, []int{2, 3, 5}) {
			t.Errorf("%s: row numbers %v, want 2, 3, 5 (the blank row 4 left out)", name, numbers)
		}
		if got := r.Rows[0].Cells[8]; got != "12 Example Street\nApt 3\nRiverside" {
			t.Errorf("%s: a cell over three lines reads %q", name, got)
		}
		if got := r.Rows[1].Cells[5]; got != `Operator "B" shift; nights` {
			t.Errorf("%s: a cell with quotes and a semicolon reads %q", name, got)
		}
		if want == nil {
			want = r
			continue
		}
		for i := range r.Rows {
			if !reflect.DeepEqual(r.Rows[i], want.Rows[i]) {
				t.Errorf("%s: row %d is %q, another shape's %q", name, r.Rows[i].Number, r.Rows[i].Cells, want.Rows[i].Cells)
			}
		}
	}
}

// TestHashSameAcrossShapes: a row's hash is what it says about the
// worker, not how the file was saved, so a re-export is recognised; a
// changed phone number is a changed row.
func TestHashSameAcrossShapes(t *testing.T) {
	rules := testRules()
	rules.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}", Phone: "Phone", Email: "Email", FTE: "FTE", LayoffDate: "Last day"}
	hashes := func(data []byte) []string {
		t.Helper()
		r, m := readMapped(t, data, rules)
		var out []string
		for _, row := range r.Rows {
			e, probs := m.Entry(row)
			if len(probs) > 0 {
				t.Fatalf("row %d: %v", row.Number, probs)
			}
			out = append(out, e.Hash())
		}
		return out
	}
	plain := rostertest.Roster(rostertest.Options{Rows: 20})
	excel := rostertest.Roster(rostertest.Options{Rows: 20, BOM: true, Semicolon: true, CRLF: true})
	if !bytes.Contains(excel, []byte(";0,5;")) {
		t.Fatal("the semicolon roster has no decimal comma to test")
	}
	a, b := hashes(plain), hashes(excel)
	if !slices.Equal(a, b) {
		t.Errorf("the same rows saved two ways hash differently:\n%v\n%v", a, b)
	}
	changed := bytes.Replace(plain, []byte("555-0003"), []byte("555-0333"), 1)
	c := hashes(changed)
	if c[2] == a[2] || c[1] != a[1] {
		t.Errorf("a changed phone number: hash of row 4 %v (was %v), row 3 %v (was %v)", c[2], a[2], c[1], a[1])
	}
}

// TestReadRefusesWhatIsNotCSVText: UTF-16, text that is not UTF-8 and a
// quote Excel would have doubled are refused, placed, before any row is
// checked.
func TestReadRefusesWhatIsNotCSVText(t *testing.T) {
	for _, tt := range []struct {
		name string
		data string
		row  int
		want string
	}{
		{"utf-16", "\xFF\xFEE\x00m\x00", 0, "UTF-16"},
		{"windows-1252", "Employee ID,Name\nE1,Jos\xE9 Example\n", 0, "line 2 is not UTF-8"},
		{"bare quote", "Employee ID,Name\nE1,Ana \"Example\" Worker\n", 2, "with the quote doubled"},
		{"empty", "", 0, "no header row"},
	} {
		_, err := Read([]byte(tt.data), testRules())
		var fe *FileError
		if !errors.As(err, &fe) || len(fe.Problems) != 1 {
			t.Errorf("%s: %v, want a FileError", tt.name, err)
			continue
		}
		if p := fe.Problems[0]; p.Row != tt.row || !strings.Contains(p.Msg, tt.want) {
			t.Errorf("%s: row %d %q, want row %d and %q", tt.name, p.Row, p.Msg, tt.row, tt.want)
		}
	}
	// Excel's plain "CSV" is Windows-1252; the rules may say so.
	rules := testRules()
	rules.Encoding = "windows-1252"
	r, err := Read([]byte("Employee ID,Name\nE1,Jos\xE9 Example\n"), rules)
	if err != nil || r.Rows[0].Cells[1] != "José Example" {
		t.Errorf("windows-1252: %v %v", r, err)
	}
	// A roster from the same source saved as UTF-8 is never read as
	// Windows-1252 (José as JosÃ©): with Excel's byte-order mark it is
	// read as UTF-8, as it says; without one it is refused, with what to do.
	r, err = Read([]byte("\xEF\xBB\xBFEmployee ID,Name\nE1,José Example\n"), rules)
	if err != nil || r.Rows[0].Cells[1] != "José Example" {
		t.Errorf("UTF-8 with a BOM, rules windows-1252: %v %v", r, err)
	}
	_, err = Read([]byte("Employee ID,Name\nE1,José Example\n"), rules)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Problems[0].Msg, "encoding: windows-1252, but the file is UTF-8 text (line 2") {
		t.Errorf("UTF-8 without a BOM, rules windows-1252: %v", err)
	}
	// Plain ASCII is the same in both.
	if r, err = Read([]byte("Employee ID,Name\nE1,Ana Example\n"), rules); err != nil || r.Rows[0].Cells[1] != "Ana Example" {
		t.Errorf("ASCII, rules windows-1252: %v %v", r, err)
	}
}

// TestEntryProblems: every problem of a row at once, each at its column;
// an SSN-shaped cell anywhere is refused and never quoted.
func TestEntryProblems(t *testing.T) {
	header := []string{"Employee ID", "First name", "Last name", "Phone", "Email", "Job title", "FTE", "Last day", "Home address", "Comment"}
	m, probs := Compile(testRules(), header, testConfig())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	row := Row{Number: 7, Cells: []string{"123-45-6789", "", "", "555-0101", "a@example.org", "Clerk", "2", "31/5/2026", "", "ssn 987 65 4321"}}
	_, got := m.Entry(row)
	var lines []string
	for _, p := range got {
		lines = append(lines, p.Format("r.csv"))
	}
	want := []string{
		"r.csv:7:A: Employee ID: holds a number shaped like a Social Security number",
		"r.csv:7:J: Comment: holds a number shaped like a Social Security number",
		"r.csv:7:B: First name: no name",
		`r.csv:7:G: FTE: "2" is not a full-time equivalent`,
		`r.csv:7:H: Last day: "31/5/2026" is not a date: write M/D/YYYY`,
	}
	if len(lines) != len(want) {
		t.Fatalf("problems:\n%s", strings.Join(lines, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("problem %d: %q, want %q...", i, lines[i], want[i])
		}
	}
	all := strings.Join(lines, "\n")
	if strings.Contains(all, "6789") || strings.Contains(all, "4321") {
		t.Errorf("an SSN-shaped value is repeated:\n%s", all)
	}
}

// TestEntryMangledNumbers: a number the spreadsheet mangled before the
// roster was saved is refused at its cell, never guessed back: a phone
// number or ID shown in scientific notation (its digits are gone), a ZIP
// code that lost its leading zero or was saved as a decimal. A column the
// rules do not read is left alone, and so are ZIP codes as written.
func TestEntryMangledNumbers(t *testing.T) {
	rules := testRules()
	rules.Columns.Address = "{Street}, {City}, {State} {ZIP}"
	header := []string{"Employee ID", "First name", "Last name", "Phone", "Email", "Job title", "FTE", "Last day", "Street", "City", "State", "ZIP", "Unused"}
	m, probs := Compile(rules, header, testConfig())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	cells := func(id, phone, zip string) []string {
		return []string{id, "Ana", "Example", phone, "a@example.org", "Clerk", "1", "5/1/2026", "1 Example St", "Riverside", "MA", zip, "1.5E+10"}
	}
	for _, c := range []struct {
		cells []string
		want  []string
	}{
		{cells("E1", "5.55E+09", "02134"), []string{`r.csv:2:D: Phone: "5.55E+09" is a number in scientific notation`}},
		{cells("1.23457E+05", "555-0101", "02134-1234"), []string{`r.csv:2:A: Employee ID: "1.23457E+05" is a number in scientific notation`}},
		{cells("E1", "555-0101", "2134"), []string{`r.csv:2:L: ZIP: "2134" is not a ZIP code`}},
		{cells("E1", "555-0101", "2134.0"), []string{`r.csv:2:L: ZIP: "2134.0" is not a ZIP code`}},
		{cells("E1", "555-0101", "12134.0"), []string{`r.csv:2:L: ZIP: "12134.0" is not a ZIP code`}},
		{cells("E1", "555-0101", "02134"), nil},
	} {
		e, got := m.Entry(Row{Number: 2, Cells: c.cells})
		var lines []string
		for _, p := range got {
			lines = append(lines, p.Format("r.csv"))
		}
		if len(lines) != len(c.want) {
			t.Errorf("%q: problems\n%s\nwant %q", c.cells, strings.Join(lines, "\n"), c.want)
			continue
		}
		for i := range c.want {
			if !strings.HasPrefix(lines[i], c.want[i]) {
				t.Errorf("%q: problem %q, want %q...", c.cells, lines[i], c.want[i])
			}
		}
		if len(c.want) == 0 && e.Address != "1 Example St, Riverside, MA 02134" {
			t.Errorf("address %q", e.Address)
		}
	}
}

// TestEntrySSNOddForms: an SSN as a spreadsheet or a copy from a document
// may hold it — no-break spaces, non-breaking hyphens, saved as a decimal,
// or nine digits typed in the phone column as a phone number — is refused
// like any other, and never quoted.
func TestEntrySSNOddForms(t *testing.T) {
	header := []string{"Employee ID", "First name", "Last name", "Phone", "Email", "Job title", "FTE", "Last day", "Home address", "Comment"}
	m, probs := Compile(testRules(), header, testConfig())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, c := range []struct {
		col   int
		value string
	}{
		{3, "(987) 65-4321"},
		{3, "987 654 321"},
		{3, "987\u00a065\u00a04321"},
		{3, "987654321.0"},
		{9, "987\u201165\u20114321"},
		{9, "ITIN 987654321"},
		{9, "SSN#987-65-4321x"},
	} {
		cells := []string{"E1", "Ana", "Example", "555-0101", "a@example.org", "Clerk", "1", "5/1/2026", "", ""}
		cells[c.col] = c.value
		e, got := m.Entry(Row{Number: 2, Cells: cells})
		var lines []string
		for _, p := range got {
			lines = append(lines, p.Format("r.csv"))
		}
		all := strings.Join(lines, "\n")
		if want := "r.csv:2:" + string(rune('A'+c.col)) + ": " + header[c.col] + ": holds a number shaped like a Social Security number"; !strings.HasPrefix(all, want) {
			t.Errorf("%q: problems\n%s\nwant %s", c.value, all, want)
		}
		if strings.Contains(all, "4321") || strings.Contains(e.Phone, "4321") {
			t.Errorf("%q is repeated or kept:\n%s\nphone %q", c.value, all, e.Phone)
		}
	}
	// A phone number is not refused.
	cells := []string{"E1", "Ana", "Example", "(555) 123-4567", "a@example.org", "Clerk", "1", "5/1/2026", "", ""}
	if e, got := m.Entry(Row{Number: 2, Cells: cells}); len(got) > 0 || e.Phone != "(555) 123-4567" {
		t.Errorf("a phone number: %v, %q", got, e.Phone)
	}
}

// TestCompileRules: the rules' own problems, all at once, at their keys.
func TestCompileRules(t *testing.T) {
	rules := testRules()
	rules.Program = "wioa"
	rules.Managers = record.ImportManagers{RoundRobin: []string{"mrivera", "nobody", "gone", "mrivera"}}
	rules.Columns.Phone = "Telephone"
	rules.Columns.Name = "{First name} {Last name"
	rules.DateFormat = "DD-MM-YY"
	_, probs := Compile(rules, []string{"Employee ID", "First name", "Last name", "Email", "Job title", "FTE", "Last day", "Home address"}, testConfig())
	var got []string
	for _, p := range probs {
		got = append(got, strings.Join(p.Path, ".")+": "+p.Msg)
	}
	for _, want := range []string{
		`program: program "wioa" is not defined`,
		`date_format: date format "DD-MM-YY" is not one of the formats read`,
		`columns.name: a { without its }`,
		`columns.phone: the roster has no column "Telephone"`,
		`managers.round_robin.1: "nobody" is not on the staff roster`,
		`managers.round_robin.2: gone is no longer active`,
		`managers.round_robin.3: mrivera is listed twice`,
	} {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, want)
		}
		if !found {
			t.Errorf("no problem %q in:\n%s", want, strings.Join(got, "\n"))
		}
	}
	if len(got) != 7 {
		t.Errorf("%d problems, want 7:\n%s", len(got), strings.Join(got, "\n"))
	}
}

// TestCompileHeadersAsTyped: a header is found whatever its case and
// spacing, as people type them in a spreadsheet: "  employee id ",
// "FIRST NAME", "Last  name" (two spaces), "Job\ntitle" (a line break in
// the header cell).
func TestCompileHeadersAsTyped(t *testing.T) {
	rules := testRules()
	header := []string{"  employee id ", "FIRST NAME", "Last  name", "phone", "Email", "Job\ntitle", "fte", "LAST DAY", "Home   Address"}
	m, probs := Compile(rules, header, testConfig())
	if len(probs) > 0 {
		t.Fatalf("headers as typed not found: %v", probs)
	}
	if got := m.Columns(FieldName); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("name from columns %v, want [1 2]", got)
	}
	if got := m.Columns(FieldPosition); !slices.Equal(got, []int{5}) {
		t.Errorf("position from columns %v, want [5]", got)
	}
	// Headers that differ only by spacing are two columns called the same.
	_, probs = Compile(rules, append(header, "Last name"), testConfig())
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "two columns are called") {
		t.Errorf("two Last name columns: %v", probs)
	}
}

// TestEntryDateOrder: with date_format left to its default (M/D/YYYY), a
// layoff date that reads as another with day and month swapped is never
// guessed between the two when both are the cohort's layoff dates; when
// only the day-first reading would be, or only it is a date, the problem
// says so and what to set. A date written with dots is refused saying
// which date_format reads it. A spreadsheet's date serial number is refused
// with what to do, not converted. A month spelled out is read whatever
// the date_format. With date_format given, 3/4/2026 is what it says.
func TestEntryDateOrder(t *testing.T) {
	header := []string{"Employee ID", "First name", "Last name", "Last day"}
	rules := func(format string, layoffs ...record.Date) *record.ImportRules {
		r := testRules()
		r.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}", LayoffDate: "Last day"}
		r.Cohort.NoticeDate = "2026-01-02"
		r.Cohort.LayoffDates = layoffs
		r.DateFormat = format
		return r
	}
	for _, c := range []struct {
		rules *record.ImportRules
		cell  string
		want  record.Date // "" for a problem
		msg   string
	}{
		{rules("", "2026-03-04", "2026-04-03"), "3/4/2026", "", `"3/4/2026" could be 2026-03-04 or 2026-04-03, both layoff dates of the cohort, and the rules give no date_format: say date_format: M/D/YYYY (month first) or D/M/YYYY (day first)`},
		{rules("M/D/YYYY", "2026-03-04", "2026-04-03"), "3/4/2026", "2026-03-04", ""},
		{rules("D/M/YYYY", "2026-03-04", "2026-04-03"), "3/4/2026", "2026-04-03", ""},
		{rules("", "2026-03-04", "2026-04-03"), "2026-04-03", "2026-04-03", ""},
		{rules("", "2026-03-04", "2026-04-03"), "3/3/2026", "", "2026-03-03 is not one of the cohort's layoff dates (cohort.layoff_dates: 2026-03-04, 2026-04-03)"},
		{rules("", "2026-03-04"), "3/4/2026", "2026-03-04", ""},
		{rules("", "2026-03-04"), "4/3/2026", "", "2026-04-03 is not one of the cohort's layoff dates (cohort.layoff_dates: 2026-03-04); the rules give no date_format, so it is read as M/D/YYYY: if the roster writes the day first (2026-03-04), say date_format: D/M/YYYY in the import rules"},
		{rules("", "2026-03-13"), "13/3/2026", "", `"13/3/2026" is not a date: write M/D/YYYY (e.g. 3/2/2026) or YYYY-MM-DD; the rules give no date_format, so it is read as M/D/YYYY: if the roster writes the day first (2026-03-13), say date_format: D/M/YYYY in the import rules`},
		{rules("", "2026-03-04"), "46085", "", `"46085" is not a date but a spreadsheet's number for one: format the column as a date in the spreadsheet`},
		{rules("", "2026-03-04", "2026-04-03"), "04-Mar-2026", "2026-03-04", ""},
		{rules("", "2026-05-01"), "1.5.2026", "", `"1.5.2026" is not a date: write M/D/YYYY (e.g. 3/2/2026) or YYYY-MM-DD; a date written with dots is written day first: if the roster writes its dates so (2026-05-01), say date_format: D.M.YYYY in the import rules`},
		{rules("D/M/YYYY", "2026-05-01"), "1.5.2026", "", `"1.5.2026" is not a date: write D/M/YYYY (e.g. 2/3/2026) or YYYY-MM-DD; a date written with dots is written day first: if the roster writes its dates so (2026-05-01), say date_format: D.M.YYYY in the import rules`},
		{rules("D.M.YYYY", "2026-05-01"), "1.5.2026", "2026-05-01", ""},
	} {
		m, probs := Compile(c.rules, header, testConfig())
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		e, got := m.Entry(Row{Number: 2, Cells: []string{"E1", "Ana", "Example", c.cell}})
		switch {
		case c.want != "" && (len(got) > 0 || e.LayoffDate != c.want):
			t.Errorf("%s %q: %v, %v; want %s", c.rules.DateFormat, c.cell, e.LayoffDate, got, c.want)
		case c.want == "" && (len(got) != 1 || !strings.HasPrefix(got[0].Msg, c.msg)):
			t.Errorf("%s %q: %v, %v; want the problem %q", c.rules.DateFormat, c.cell, e.LayoffDate, got, c.msg)
		}
	}
}

// TestAssignManagers: one named manager takes every case; round-robin
// gives each new case to whoever of the list has the fewest of the
// cohort's cases so far, counting an earlier import's, so a second roster
// evens the load; a column names each row's by id, email or name.
func TestAssignManagers(t *testing.T) {
	roster := rostertest.Roster(rostertest.Options{Rows: 9, Counselors: []string{"jlee", "tokafor@example.org", "maria rivera"}})
	plan := func(mg record.ImportManagers, load map[string]int) []string {
		t.Helper()
		rules := testRules()
		rules.Columns.Address = ""
		rules.Managers = mg
		r, m := readMapped(t, roster, rules)
		lines := m.Plan(r, NewExisting())
		m.AssignManagers(lines, load)
		var out []string
		for _, l := range lines {
			if l.Status != New {
				t.Fatalf("row %d: %s %v", l.Row, l.Status, l.Problems)
			}
			out = append(out, l.Entry.Manager)
		}
		return out
	}
	if got := plan(record.ImportManagers{One: "tokafor"}, map[string]int{}); strings.Join(got, " ") != strings.Repeat("tokafor ", 9)[:8*9-1] {
		t.Errorf("one: %v", got)
	}
	got := plan(record.ImportManagers{RoundRobin: []string{"mrivera", "tokafor", "jlee"}}, map[string]int{})
	if want := "mrivera tokafor jlee mrivera tokafor jlee mrivera tokafor jlee"; strings.Join(got, " ") != want {
		t.Errorf("round robin: %v, want %s", got, want)
	}
	// mrivera has 4 of the cohort's cases from an earlier import, tokafor 1.
	load := map[string]int{"mrivera": 4, "tokafor": 1}
	got = plan(record.ImportManagers{RoundRobin: []string{"mrivera", "tokafor", "jlee"}}, load)
	if want := "jlee tokafor jlee tokafor jlee tokafor jlee mrivera tokafor"; strings.Join(got, " ") != want {
		t.Errorf("round robin after an earlier import: %v, want %s", got, want)
	}
	if load["mrivera"] != 5 || load["tokafor"] != 5 || load["jlee"] != 4 {
		t.Errorf("load after: %v", load)
	}
	got = plan(record.ImportManagers{Column: "Counselor"}, map[string]int{})
	if want := "jlee tokafor mrivera jlee tokafor mrivera jlee tokafor mrivera"; strings.Join(got, " ") != want {
		t.Errorf("column: %v, want %s", got, want)
	}
}

// TestPlanDuplicates: a row is a duplicate of an earlier row or of a case
// the store has — by external ID, or by name with phone or email, case,
// spacing and punctuation aside — and a row imported before is unchanged.
func TestPlanDuplicates(t *testing.T) {
	rows := [][]string{
		{"Employee ID", "First name", "Last name", "Phone", "Email"},
		{"E1", "Ana", "Example", "555-0101", "ana@example.org"},
		{"E2", "ANA", "example", "(555) 0101", ""},            // row 2's name and phone
		{"e1", "Other", "Person", "", ""},                     // row 2's ID, in another case
		{"E4", "Ben", "Example", "", "BEN@example.org"},       // case K-1's name and email
		{"E5", "Cleo", "Example", "1-555-0105", ""},           // imported before
		{"W-7", "Dana", "Example", "", ""},                    // an existing case's ID
		{"E7", "Ben", "Example", "555-9999", "b@example.org"}, // same name only: a new case
	}
	rules := testRules()
	rules.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}", Phone: "Phone", Email: "Email"}
	rules.Cohort.LayoffDates = []record.Date{"2026-05-01"}
	r, m := readMapped(t, sheet(rows, ',', false, false), rules)
	x := NewExisting()
	x.AddCase("K-1", "", "Ben  Example", "", "ben@example.org", "mrivera", false)
	x.AddCase("w-7", "", "Someone Else", "", "", "mrivera", false)
	cleo, _ := m.Entry(r.Rows[4])
	x.AddCase("E5", cleo.Hash(), "Cleo Example", "5550105", "", "mrivera", true)
	var got []string
	for _, l := range m.Plan(r, x) {
		s := string(l.Status) + " " + l.Case
		if l.Doubles != "" {
			s += " doubles " + l.Doubles
		}
		for _, p := range l.Problems {
			s += " | " + p.Format("f.csv")
		}
		got = append(got, s)
	}
	want := []string{
		"new E1",
		"duplicate E2 | f.csv:3:B: First name: ANA example is also row 2, with the same phone number",
		"duplicate e1 | f.csv:4:A: Employee ID: ID e1 is also row 2's",
		"duplicate K-1 doubles K-1 | f.csv:5:B: First name: Ben Example is already case K-1, with the same email address",
		"unchanged E5",
		"duplicate w-7 doubles w-7 | f.csv:7:A: Employee ID: case w-7 already exists: this row would double it",
		"new E7",
	}
	if !slices.Equal(got, want) {
		t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPlanSameWorkerWrittenOtherwise: the employer's second export of the
// same workers — names in capitals, a phone's punctuation — doubles their
// cases of the cohort in no detail, so those rows are unchanged, not
// duplicates that refuse the import; a row that differs in a detail, or
// doubles a case of another cohort or none, is still a duplicate; and a
// row repeating an unchanged one in the same file is the file's duplicate.
func TestPlanSameWorkerWrittenOtherwise(t *testing.T) {
	rows := [][]string{
		{"Employee ID", "First name", "Last name", "Phone", "Email"},
		{"E1", "ANA", "EXAMPLE", "(555) 0101", ""},    // case E1 of the cohort, by ID
		{"", "Ben", "Example", "", "BEN@example.org"}, // case K-2 of the cohort, by name and email
		{"E3", "Cleo", "Example", "555-0199", ""},     // case E3, with a newer phone
		{"E4", "Dana", "Example", "555-0104", ""},     // case E4, of another cohort
		{"E5", "Eli", "Example", "555-0105", ""},      // case E5, of no cohort
		{"E1", "Ana", "Example", "555-0101", ""},      // row 2 again
		{"E6", "Fay", "Example", "555-0106", ""},      // a new case
		{"E9", "Gus", "Example", "555-0108", ""},      // case E8 of the cohort, under another ID
	}
	rules := testRules()
	rules.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}", Phone: "Phone", Email: "Email"}
	rules.Cohort.LayoffDates = []record.Date{"2026-05-01"}
	r, m := readMapped(t, sheet(rows, ',', false, false), rules)
	intakes := map[string]*record.Intake{}
	x := NewExisting()
	for _, c := range []struct{ id, name, phone, email, cohort string }{
		{"E1", "Ana Example", "555-0101", "", "2026-TEST"},
		{"K-2", "Ben Example", "", "ben@example.org", "2026-TEST"},
		{"E3", "Cleo Example", "555-0103", "", "2026-TEST"},
		{"E4", "Dana Example", "555-0104", "", "2025-OLD"},
		{"E5", "Eli Example", "555-0105", "", ""},
		{"E8", "Gus Example", "555-0108", "", "2026-TEST"},
	} {
		x.AddCase(c.id, "another row's hash "+c.id, c.name, c.phone, c.email, "mrivera", c.cohort == "2026-TEST")
		intakes[c.id] = &record.Intake{ID: c.id, Cohort: c.cohort, Participant: record.Participant{Name: c.name, Phone: c.phone, Email: c.email}, Layoff: &record.Layoff{LayoffDate: "2026-05-01"}}
	}
	x.Intake = func(id string) *record.Intake { return intakes[id] }
	var got []string
	for _, l := range m.Plan(r, x) {
		got = append(got, string(l.Status)+" "+l.Case)
	}
	want := []string{"unchanged E1", "unchanged K-2", "duplicate E3", "duplicate E4", "duplicate E5", "duplicate E1", "new E6", "duplicate E8"}
	if !slices.Equal(got, want) {
		t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	x.Intake = nil
	if l := m.Plan(r, x)[0]; l.Status != Duplicate {
		t.Errorf("without a reader of intakes, a row doubling a case is a duplicate: %s", l.Status)
	}
}

// TestDecomposedAccents: a name whose accent is a combining mark ("Jose"
// and U+0301, as a copy from a PDF brings it) is read composed, as the
// same worker typed on a keyboard: the case records it composed, and it
// is recognised as the case of the same name written either way.
func TestDecomposedAccents(t *testing.T) {
	const composed, decomposed = "Jos\u00e9", "Jose\u0301"
	rows := [][]string{
		{"Employee ID", "First name", "Last name", "Phone", "Email"},
		{"E1", decomposed, "Example", "555-0101", ""},
		{"E2", composed, "Example", "555-0101", ""},
	}
	rules := testRules()
	rules.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}", Phone: "Phone", Email: "Email"}
	rules.Cohort.LayoffDates = []record.Date{"2026-05-01"}
	r, m := readMapped(t, sheet(rows, ',', false, false), rules)
	lines := m.Plan(r, NewExisting())
	if got := lines[0].Entry.Name; got != composed+" Example" {
		t.Errorf("the name is read as %q, want %q composed", got, composed+" Example")
	}
	if lines[1].Status != Duplicate || len(lines[1].Problems) != 1 || !strings.Contains(lines[1].Problems[0].Msg, "is also row 2, with the same phone number") {
		t.Errorf("the same name composed is the same worker: %s %v", lines[1].Status, lines[1].Problems)
	}
	if NameKey(decomposed) != NameKey(composed) {
		t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q", decomposed, NameKey(decomposed), composed, NameKey(composed))
	}
}

// TestEntryDifferences: a row doubling a case lists the details it gives
// otherwise than the case; details written differently (a phone's
// punctuation, an email's case, a name's spacing) and details the row
// leaves empty are no difference.
func TestEntryDifferences(t *testing.T) {
	fte, half := 1.0, 0.5
	in := &record.Intake{
		Participant: record.Participant{Name: "Ben  Example", Phone: "(555) 010-0101", Email: "Ben@Example.org", Address: "1 Elm St"},
		Layoff:      &record.Layoff{LayoffDate: "2026-05-01", Position: "Clerk", FTE: &fte},
	}
	same := Entry{Name: "BEN EXAMPLE", Phone: "555.010.0101", Email: "ben@example.org", Address: "1 Elm  St", LayoffDate: "2026-05-01", FTE: &fte}
	if d := same.Differences(in); len(d) != 0 {
		t.Errorf("the same details written differently: %v", d)
	}
	newer := Entry{Name: "Ben Example-Sample", Phone: "555-010-0199", Address: "9 Oak Ave", Position: "Clerk", FTE: &half, LayoffDate: "2026-06-01", Department: "Parks"}
	var got []string
	for _, d := range newer.Differences(in) {
		got = append(got, d.Label+"|"+d.Flag+"|"+d.Value)
	}
	want := []string{"name||Ben Example-Sample", "phone|--phone|555-010-0199", "address|--address|9 Oak Ave", "FTE|--fte|0.5", "department|--department|Parks", "layoff date||2026-06-01"}
	if !slices.Equal(got, want) {
		t.Errorf("differences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d := (Entry{Name: "Ben Example", Grade: "4"}).Differences(&record.Intake{Participant: record.Participant{Name: "Ben Example"}}); len(d) != 1 || d[0].Label != "grade" || d[0].Flag != "" {
		t.Errorf("a case without a layoff record (case set changes a layoff's details only where there is one): %v", d)
	}
}

// TestPlanInvalidRowsKeepTheirID: an invalid row is named by the ID the
// roster gives it whatever its problem (a date, a missing name), so
// --skip-invalid's list says whose row was left out; an ID that cannot be
// a case ID, or a cell refused as an SSN, gives none.
func TestPlanInvalidRowsKeepTheirID(t *testing.T) {
	rows := [][]string{
		{"Employee ID", "First name", "Last name", "Layoff date"},
		{"E1", "Ana", "Example", "5/1/2026"},
		{"E2", "Ben", "Example", "13/13/2026"},         // a bad date
		{"E3", "", "", "5/1/2026"},                     // no name
		{"E 4!", "Cleo", "Example", "5/1/2026"},        // no case ID
		{"123-45-6789", "Dana", "Example", "5/1/2026"}, // refused
	}
	rules := testRules()
	rules.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}", LayoffDate: "Layoff date"}
	rules.Cohort.LayoffDates = []record.Date{"2026-05-01"}
	r, m := readMapped(t, sheet(rows, ',', false, false), rules)
	var got []string
	for _, l := range m.Plan(r, NewExisting()) {
		got = append(got, string(l.Status)+" "+l.Case)
	}
	want := []string{"new E1", "invalid E2", "invalid E3", "invalid ", "invalid "}
	if !slices.Equal(got, want) {
		t.Errorf("plan: %q, want %q", got, want)
	}
}

func TestDateFormats(t *testing.T) {
	for _, tt := range []struct {
		format, in string
		want       record.Date
	}{
		{"", "5/1/2026", "2026-05-01"},
		{"", "05/01/26", "2026-05-01"},
		{"", "5/1/2026 0:00", "2026-05-01"},
		{"", "2026-05-01", "2026-05-01"},
		{"", "2026-5-1", "2026-05-01"},
		{"D.M.YYYY", "2026-5-01", "2026-05-01"},
		{"YYYY-MM-DD", "2026-11-7", "2026-11-07"},
		{"", "2026-2-30", ""},
		{"", "2026-13-1", ""},
		{"", "2026-0-1", ""},
		{"", "26-5-1", ""},
		{"", "2026-+5-1", ""},
		{"", "2026-005-1", ""},
		{"", "2/30/2026", ""},
		{"", "13/1/2026", ""},
		{"D/M/YYYY", "1/5/2026", "2026-05-01"},
		{"D.M.YYYY", "1.5.2026", "2026-05-01"},
		{"YYYY-MM-DD", "5/1/2026", ""},
		{"", "May 1", ""},
		{"", "4-Mar-2026", "2026-03-04"},
		{"", "04-mar-26", "2026-03-04"},
		{"D/M/YYYY", "04-Mar-2026", "2026-03-04"},
		{"D.M.YYYY", "1-September-2026", "2026-09-01"},
		{"", "30-Feb-2026", ""},
		{"", "04-Mär-2026", ""},
		{"", "Mar-04-2026", ""},
		{"YYYY-MM-DD", "04-Mar-2026", ""},
	} {
		f, err := parseDateFormat(tt.format)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := f.parse(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s %q = %q, %v; want %q", tt.format, tt.in, got, ok, tt.want)
		}
	}
}

// TestEntryCellUnderNoHeader: a value typed in a column whose header is
// empty (a trailing ",FTE," header, a note beside the roster) is read by
// no rule, so it is refused at its cell rather than left out without a
// word; the same column left empty in every row, as spreadsheets pad
// rows with empty cells, is nothing.
func TestEntryCellUnderNoHeader(t *testing.T) {
	rows := [][]string{
		{"Employee ID", "First name", "Last name", "Phone", "FTE", ""},
		{"E1", "Ana", "Example", "555-0101", "1", "call after 5pm"},
		{"E2", "Ben", "Example", "555-0102", "1", ""},
		{"E3", "Cleo", "Example", "555-0103", "0.5"},
		{"E4", "Dana", "Example", "555-0104", "1", "123-45-6789"},
	}
	rules := testRules()
	rules.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}", Phone: "Phone", FTE: "FTE"}
	rules.Cohort.LayoffDates = []record.Date{"2026-05-01"}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.WriteAll(rows)
	r, m := readMapped(t, b.Bytes(), rules)
	var got []string
	for _, row := range r.Rows {
		_, probs := m.Entry(row)
		s := strconv.Itoa(row.Number)
		for _, p := range probs {
			s += " | " + p.Format("f.csv")
		}
		got = append(got, s)
	}
	if len(got) != 4 || !strings.HasPrefix(got[0], `2 | f.csv:2:F: "call after 5pm" is in a column with no header`) ||
		!strings.Contains(got[0], "name the column in the roster's header row") || !strings.Contains(got[0], "or clear the cell") ||
		got[1] != "3" || got[2] != "4" ||
		!strings.HasPrefix(got[3], "5 | f.csv:5:F: holds a number shaped like a Social Security number") || strings.Count(got[3], " | ") != 1 {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	// Padded rows: the empty-header column empty in every row imports.
	rows = rows[:4]
	rows[1][5] = ""
	b.Reset()
	_ = w.WriteAll(rows)
	r, m = readMapped(t, b.Bytes(), rules)
	for _, l := range m.Plan(r, NewExisting()) {
		if l.Status != New {
			t.Errorf("row %d: %s %v", l.Row, l.Status, l.Problems)
		}
	}
}

// TestPlanRepeatedRowAtItsID: a whole row repeated is placed at the
// worker's ID, which repeats too, when the rules read one, and names the
// columns that match; without an ID column it stays at the name.
func TestPlanRepeatedRowAtItsID(t *testing.T) {
	rows := [][]string{
		{"Employee ID", "First name", "Last name", "Phone", "Email"},
		{"E1", "Ana", "Example", "555-0101", ""},
		{"E2", "Ben", "Example", "555-0102", ""},
		{"E1", "Ana", "Example", "555-0101", ""},
	}
	rules := testRules()
	rules.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}", Phone: "Phone", Email: "Email"}
	rules.Cohort.LayoffDates = []record.Date{"2026-05-01"}
	r, m := readMapped(t, sheet(rows, ',', false, false), rules)
	lines := m.Plan(r, NewExisting())
	want := "f.csv:4:A: Employee ID: the same worker, with the same details, as row 2 (the same A Employee ID, B First name, C Last name and D Phone)"
	if l := lines[2]; l.Status != Duplicate || len(l.Problems) != 1 || l.Problems[0].Format("f.csv") != want {
		t.Errorf("row 4: %s %v, want %q", l.Status, l.Problems, want)
	}
	rules.Columns.ID = ""
	r, m = readMapped(t, sheet(rows, ',', false, false), rules)
	want = "f.csv:4:B: First name: the same worker, with the same details, as row 2 (the same B First name, C Last name and D Phone)"
	if l := m.Plan(r, NewExisting())[2]; l.Status != Duplicate || len(l.Problems) != 1 || l.Problems[0].Format("f.csv") != want {
		t.Errorf("without an ID column, row 4: %s %v, want %q", l.Status, l.Problems, want)
	}
}

// TestUnaccentedName: a roster typed without accents, in capitals (a
// payroll system's export), names the worker a case already has with
// them: the row doubles the case, and its name is no difference to
// write back (it would take the accents out of the case's name).
func TestUnaccentedName(t *testing.T) {
	rows := [][]string{
		{"Employee ID", "First name", "Last name", "Phone", "Email"},
		{"E1", "Nguyễn Thị", "Hương-Trần", "555-0101", ""},
		{"E2", "NGUYEN THI", "HUONG TRAN", "555-0101", ""},
	}
	rules := testRules()
	rules.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}", Phone: "Phone", Email: "Email"}
	rules.Cohort.LayoffDates = []record.Date{"2026-05-01"}
	r, m := readMapped(t, sheet(rows, ',', false, false), rules)
	lines := m.Plan(r, NewExisting())
	if lines[1].Status != Duplicate || len(lines[1].Problems) != 1 || !strings.Contains(lines[1].Problems[0].Msg, "is also row 2, with the same phone number") {
		t.Errorf("the name without its accents is the same worker: %s %v", lines[1].Status, lines[1].Problems)
	}
	in := &record.Intake{
		Participant: record.Participant{Name: "Nguyễn Thị Hương-Trần", Phone: "555-0101"},
		Layoff:      &record.Layoff{LayoffDate: "2026-05-01"},
	}
	if d := lines[1].Entry.Differences(in); len(d) != 0 {
		t.Errorf("the name without its accents differs from the case's: %v", d)
	}
}

// TestManagerNameMeant: a managers column that names a colleague as the
// roster does not spell them — with an accent the roster lacks, or by a
// last name — is refused with the staff ID meant, not with the advice to
// add them to the roster (a second entry for one colleague).
func TestManagerNameMeant(t *testing.T) {
	rows := [][]string{
		{"Employee ID", "First name", "Last name", "Counselor"},
		{"E1", "Ana", "Example", "María Rivera"},
		{"E2", "Ben", "Example", "Okafor"},
		{"E3", "Cy", "Example", "Pat Nobody"},
	}
	rules := testRules()
	rules.Columns = record.ImportColumns{ID: "Employee ID", Name: "{First name} {Last name}"}
	rules.Managers = record.ImportManagers{Column: "Counselor"}
	rules.Cohort.LayoffDates = []record.Date{"2026-05-01"}
	r, m := readMapped(t, sheet(rows, ',', false, false), rules)
	lines := m.Plan(r, NewExisting())
	for i, want := range []string{
		`"María Rivera" is not on the staff roster (by staff id, email or name); did you mean mrivera? write mrivera in the cell`,
		`"Okafor" is not on the staff roster (by staff id, email or name); did you mean tokafor? write tokafor in the cell`,
		`"Pat Nobody" is not on the staff roster (by staff id, email or name); add them with caseplan staff add, or correct the cell`,
	} {
		if l := lines[i]; l.Status != Invalid || len(l.Problems) != 1 || l.Problems[0].Msg != want {
			t.Errorf("row %d: %s %v, want %q", l.Row, l.Status, l.Problems, want)
		}
	}
}
