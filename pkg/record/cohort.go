package record

// Cohort is a layoff cohort, cases/cohorts/<id>.yaml: the workers one
// layoff affects, as the WARN notice announces it to the state's
// rapid-response team (the employer, the notice date, the layoff dates,
// the number affected), where that came from, and each roster import that
// opened cases for them (caseplan case import). Its cases name it in
// their intake record (cohort:).
type Cohort struct {
	ID             string         `yaml:"id" json:"id"` // the file name without .yaml
	Employer       string         `yaml:"employer" json:"employer"`
	Site           string         `yaml:"site,omitempty" json:"site,omitempty"` // the worksite the notice names
	NoticeDate     Date           `yaml:"notice_date" json:"notice_date"`
	LayoffDates    []Date         `yaml:"layoff_dates" json:"layoff_dates"` // a layoff in phases has several
	NumberAffected int            `yaml:"number_affected,omitempty" json:"number_affected,omitempty"`
	Source         string         `yaml:"source,omitempty" json:"source,omitempty"` // where the WARN data came from
	Imports        []CohortImport `yaml:"imports,omitempty" json:"imports,omitempty"`
}

// CohortImport is one import of a roster spreadsheet into a cohort; an
// import that opened no case is not recorded.
type CohortImport struct {
	ID      string `yaml:"id,omitempty" json:"id,omitempty"` // IM- and five random characters (lists.go)
	File    string `yaml:"file" json:"file"`                 // the roster file's name
	SHA256  string `yaml:"sha256" json:"sha256"`             // of the file's bytes
	Rules   string `yaml:"rules" json:"rules"`               // the import rules' name (cases/import-rules/<name>.yaml)
	Date    Date   `yaml:"date" json:"date"`                 // the day of the import
	By      string `yaml:"by" json:"by"`                     // staff id of who imported it
	Rows    int    `yaml:"rows" json:"rows"`                 // data rows in the file
	Created int    `yaml:"created" json:"created"`           // cases opened
}

// HasLayoffDate reports whether d is one of the cohort's layoff dates.
func (c *Cohort) HasLayoffDate(d Date) bool {
	for _, l := range c.LayoffDates {
		if l == d {
			return true
		}
	}
	return false
}

// Imported is where case import read a case from: the roster file, the
// row, and a hash of what the row says about the worker, by which
// importing the same row again is recognised and changes nothing.
type Imported struct {
	File   string `yaml:"file" json:"file"`     // the roster file's name
	Row    int    `yaml:"row" json:"row"`       // as a spreadsheet numbers it: the header is row 1
	SHA256 string `yaml:"sha256" json:"sha256"` // of what the row says about the worker (rosterimport.Entry.Hash)
}

// ImportRules say how caseplan case import reads the roster spreadsheet
// of one source into cases, cases/import-rules/<name>.yaml — after
// hledger's CSV rules: the cohort's constants, how managers are
// assigned, which column fills which intake field, and how the file is
// written (rows to skip, separator, encoding, date format).
type ImportRules struct {
	Cohort            ImportCohort   `yaml:"cohort" json:"cohort"`
	Program           string         `yaml:"program" json:"program"`                                             // a program key of caseplan.yaml
	Center            string         `yaml:"center,omitempty" json:"center,omitempty"`                           // default: each manager's
	GrantFundingEnded bool           `yaml:"grant_funding_ended,omitempty" json:"grant_funding_ended,omitempty"` // the 30-day notification period (000)
	Opened            Date           `yaml:"opened,omitempty" json:"opened,omitempty"`                           // default: --today
	Managers          ImportManagers `yaml:"managers" json:"managers"`
	Columns           ImportColumns  `yaml:"columns" json:"columns"`
	Skip              int            `yaml:"skip,omitempty" json:"skip,omitempty"`               // rows before the header row
	Separator         string         `yaml:"separator,omitempty" json:"separator,omitempty"`     // ",", ";" or "tab"; default: read from the header row
	Encoding          string         `yaml:"encoding,omitempty" json:"encoding,omitempty"`       // utf-8 (the default) or windows-1252
	DateFormat        string         `yaml:"date_format,omitempty" json:"date_format,omitempty"` // M/D/YYYY (the default), D/M/YYYY or D.M.YYYY; YYYY-MM-DD and 1-May-2026 are always read
}

// ImportCohort is the WARN data of the cohort an import's cases join; the
// first import writes the cohort's record from it, later ones check that
// the two agree.
type ImportCohort struct {
	ID             string `yaml:"id" json:"id"`
	Employer       string `yaml:"employer" json:"employer"`
	Site           string `yaml:"site,omitempty" json:"site,omitempty"`
	NoticeDate     Date   `yaml:"notice_date" json:"notice_date"`
	LayoffDates    []Date `yaml:"layoff_dates" json:"layoff_dates"`
	NumberAffected int    `yaml:"number_affected,omitempty" json:"number_affected,omitempty"`
	Source         string `yaml:"source,omitempty" json:"source,omitempty"`
}

// ImportManagers say who manages each imported case: one named manager,
// round-robin over a list (each case to whoever of them has the fewest of
// the cohort's cases so far, so a later import keeps the load even), or
// the staff member a column names (by staff id, email or name). Exactly
// one is set.
type ImportManagers struct {
	One        string   `yaml:"one,omitempty" json:"one,omitempty"`
	RoundRobin []string `yaml:"round_robin,omitempty" json:"round_robin,omitempty"`
	Column     string   `yaml:"column,omitempty" json:"column,omitempty"`
}

// ImportColumns map intake fields to the roster's columns. Each is a
// column's header, or a template that joins several: "{First name}
// {Last name}". Only name is required.
type ImportColumns struct {
	ID            string `yaml:"id,omitempty" json:"id,omitempty"` // an external ID, used as the case ID
	Name          string `yaml:"name" json:"name"`
	PreferredName string `yaml:"preferred_name,omitempty" json:"preferred_name,omitempty"`
	Phone         string `yaml:"phone,omitempty" json:"phone,omitempty"`
	Email         string `yaml:"email,omitempty" json:"email,omitempty"`
	Address       string `yaml:"address,omitempty" json:"address,omitempty"`
	Language      string `yaml:"language,omitempty" json:"language,omitempty"`
	BestTimes     string `yaml:"best_times,omitempty" json:"best_times,omitempty"`
	Position      string `yaml:"position,omitempty" json:"position,omitempty"`
	Grade         string `yaml:"grade,omitempty" json:"grade,omitempty"`
	FTE           string `yaml:"fte,omitempty" json:"fte,omitempty"`
	Department    string `yaml:"department,omitempty" json:"department,omitempty"`
	LayoffDate    string `yaml:"layoff_date,omitempty" json:"layoff_date,omitempty"`
	Center        string `yaml:"center,omitempty" json:"center,omitempty"`
}
